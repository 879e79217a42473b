#include "claimgraph/analysis/strength.hpp"

#include <algorithm>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <cstdint>
#include <span>

namespace claimgraph::analysis {

bool meets(Standard standard, double pro, double con) noexcept {
  switch (standard) {
    case Standard::scintilla: return pro > 0.0;
    case Standard::preponderance: return pro > con;
    case Standard::clear_and_convincing: return pro > con && pro - con > 0.5;
    case Standard::beyond_reasonable_doubt: return pro > con && pro - con > 0.5 && con < 0.3;
  }
  return false;
}

namespace {

using Vertex = Graph::NodeRef;

class Evaluator {
 public:
  Evaluator(const Graph& graph, const StrengthOptions& options, const StatusReport* status)
      : graph_(graph), g_(graph.store()), options_(options), status_(status), n_(graph.node_count()) {}

  StrengthReport run();

 private:
  // The strength node x gets from its in-edges as they stand (and, when
  // `record`, sets its pro and con); does not change x.
  template <bool record>
  double compute(Vertex x);
  // Sets x to compute(x), with its pro and con.
  void update(Vertex x) { r_.strength[x] = compute<true>(x); }
  // Settles one strongly connected component (members [first, last)).
  void settle(std::span<const Vertex> members, std::uint32_t c, const std::vector<std::uint32_t>& component);

  const Graph& graph_;
  const Graph::Store& g_;  // for Boost's strong_components
  const StrengthOptions& options_;
  const StatusReport* status_;
  std::size_t n_;
  // Each node's in-edges in one array (compressed rows), in edge order:
  // cycles recompute their nodes many times, and the graph's own lists
  // cost a cache miss per edge.
  // Node and edge numbers fit in 32 bits, as in the graph's own rows: an
  // in-edge is 12 bytes.
  struct InEdge {
    std::uint32_t source;
    std::uint32_t edge;  // supports: this edge; undercuts: the supports edge attacked
    Relation relation;
  };
  std::vector<std::uint32_t> in_begin_;
  std::vector<InEdge> in_;
  std::vector<std::uint32_t> out_begin_;  // and the targets of its out-edges
  std::vector<std::uint32_t> out_;
  std::vector<std::uint32_t> elements_;
  // Per node, read on every update: its base score (its weight, else the
  // default for its kind), whether it has a weight of its own, and whether
  // it is a claim or counterclaim. Kept apart from the graph's node records,
  // which cost a cache miss each.
  std::vector<double> base_;
  std::vector<std::uint8_t> weighted_;
  std::vector<std::uint8_t> claim_;
  std::vector<ElementTest> test_;  // per node: its test of elements
  std::vector<double> factor_;     // per node: its weight as a factor of a balance test
  bool undercuts_ = false;  // whether any edge undercuts
  std::vector<double> undercut_;  // per edge, when some edge undercuts: 1 − F(undercutters), computed when needed
  std::vector<bool> queued_;      // per node: to be updated in a cycle's next sweep
  std::vector<double> step_;      // per node of a cycle: fraction of the way it moves
  std::vector<std::int8_t> direction_;  // per node of a cycle: sign of its last move
  StrengthReport r_;
};

template <bool record>
double Evaluator::compute(Vertex x) {
  const bool claim = claim_[x] != 0;
  // Only a balance test weighs its elements' factors: the others skip
  // reading a factor per element (a cache miss each in a large case).
  const bool balance = claim && test_[x] == ElementTest::balance;
  double base = base_[x];
  double not_att = 1.0;  // Π(1 − attacker)
  double not_sup = 1.0;  // Π(1 − supporter contribution)
  double weakest = 1.0;    // test all
  double strongest = 0.0;  // test any
  double weighed = 0.0, weights = 0.0;  // test balance: Σ wᵢ·sᵢ and Σ wᵢ, in edge order
  const std::uint32_t first = in_begin_[x], last = in_begin_[x + 1];
  // What each supports edge into x still carries: 1 − F(its undercutters).
  // Undercut edges run to the same target, so two passes over x's in-edges
  // set this up without searching (only where there are undercuts at all).
  if (undercuts_) {
    for (std::uint32_t k = first; k < last; ++k) {
      if (in_[k].relation == Relation::supports) undercut_[in_[k].edge] = 1.0;
    }
    for (std::uint32_t k = first; k < last; ++k) {
      if (in_[k].relation == Relation::undercuts) undercut_[in_[k].edge] *= 1.0 - r_.strength[in_[k].source];
    }
  }
  for (std::uint32_t k = first; k < last; ++k) {
    const InEdge& p = in_[k];
    const double s = r_.strength[p.source];
    switch (p.relation) {
      case Relation::contradicts: not_att *= 1.0 - s; break;
      case Relation::element_of:
        if (claim) {
          weakest = std::min(weakest, s);
          strongest = std::max(strongest, s);
          if (balance) {
            weighed += factor_[p.source] * s;
            weights += factor_[p.source];
          }
        }
        break;
      case Relation::supports:
        // Without undercuts every edge carries all (undercut_ is not even
        // filled), and s · 1 is s exactly.
        if (claim && elements_[x] == 0) not_sup *= 1.0 - (undercuts_ ? s * undercut_[p.edge] : s);
        break;
      case Relation::undercuts: break;
    }
  }
  double att = 1.0 - not_att;
  double sup = 1.0 - not_sup;
  if (claim && elements_[x] > 0) {
    double elements = weakest;
    if (test_[x] == ElementTest::any) elements = strongest;
    if (test_[x] == ElementTest::balance) elements = weights > 0.0 ? std::min(1.0, weighed / weights) : 0.0;
    base = (weighted_[x] ? base_[x] : 1.0) * elements;
    sup = 0.0;
    if constexpr (record) r_.pro[x] = elements;
  } else {
    if constexpr (record) r_.pro[x] = sup;
  }
  if constexpr (record) r_.con[x] = att;
  const double value = att >= sup ? base - base * (att - sup) : base + (1.0 - base) * (sup - att);
  return std::clamp(value, 0.0, 1.0);
}

// A cycle's strengths are the fixed point of the update. They are found by
// simultaneous updates: in each sweep every node that may move computes its
// value from the strengths of the sweep before, then moves towards it by its
// own step, which starts at the whole way and halves (down to 1/64) each
// time the node's direction of travel reverses. Reading only the previous
// sweep makes the result independent of node order (a cycle with several
// fixed points, such as two claims that attack each other, does not favour
// whichever comes first), and the shrinking steps settle what plain
// simultaneous updates would leave oscillating. A node may move in the next
// sweep when it or one of its influencers is still more than the tolerance
// away from its value.
void Evaluator::settle(std::span<const Vertex> members, std::uint32_t c, const std::vector<std::uint32_t>& component) {
  std::vector<Vertex> active(members.begin(), members.end()), next;
  std::vector<double> value;
  auto wake = [&](Vertex v) {
    if (!queued_[v]) {
      queued_[v] = true;
      next.push_back(v);
    }
  };
  std::size_t sweeps = 0;
  while (!active.empty() && sweeps < options_.max_iterations) {
    ++sweeps;
    value.resize(active.size());
    for (std::size_t i = 0; i < active.size(); ++i) value[i] = compute<false>(active[i]);
    next.clear();
    for (std::size_t i = 0; i < active.size(); ++i) {
      const Vertex x = active[i];
      const double old = r_.strength[x];
      const double delta = value[i] - old;
      if (std::fabs(delta) <= options_.tolerance) continue;
      const std::int8_t direction = delta > 0 ? 1 : -1;
      if (direction_[x] == -direction && step_[x] > 1.0 / 64) step_[x] *= 0.5;
      direction_[x] = direction;
      r_.strength[x] = old + step_[x] * delta;
      wake(x);
      for (std::uint32_t k = out_begin_[x]; k < out_begin_[x + 1]; ++k) {
        if (component[out_[k]] == c) wake(out_[k]);
      }
    }
    // The next sweep in node order, for locality (the result does not
    // depend on it: each sweep reads only the one before). When many of the
    // members move, picking them out of the members, which are in node
    // order, is cheaper than sorting them.
    if (next.size() * 4 >= members.size()) {
      next.clear();
      for (Vertex v : members) {
        if (queued_[v]) next.push_back(v);
      }
    } else {
      std::sort(next.begin(), next.end());
    }
    for (Vertex v : next) queued_[v] = false;
    active.swap(next);
  }
  ++r_.cycles;
  r_.largest_cycle = std::max(r_.largest_cycle, members.size());
  r_.sweeps = std::max(r_.sweeps, sweeps);
  if (!active.empty()) {
    r_.converged = false;
    r_.unsettled.insert(r_.unsettled.end(), members.begin(), members.end());
  }
  // pro and con from the final strengths.
  for (Vertex v : members) (void)compute<true>(v);
}

StrengthReport Evaluator::run() {
  r_.strength.assign(n_, 0.0);
  r_.pro.assign(n_, 0.0);
  r_.con.assign(n_, 0.0);
  r_.established.assign(n_, false);
  elements_.assign(n_, 0);
  queued_.assign(n_, false);
  step_.assign(n_, 1.0);
  direction_.assign(n_, 0);
  in_begin_.assign(n_ + 1, 0);
  for (const auto& e : graph_.edges()) {
    if (graph_.edge(e).relation == Relation::element_of) ++elements_[graph_.target(e)];
    if (graph_.edge(e).relation == Relation::undercuts) undercuts_ = true;
    ++in_begin_[graph_.target(e) + 1];
  }
  if (undercuts_) undercut_.assign(graph_.edge_count(), 1.0);
  out_begin_.assign(n_ + 1, 0);
  for (const auto& e : graph_.edges()) ++out_begin_[graph_.source(e) + 1];
  for (std::size_t v = 0; v < n_; ++v) {
    in_begin_[v + 1] += in_begin_[v];
    out_begin_[v + 1] += out_begin_[v];
  }
  in_.resize(graph_.edge_count());
  out_.resize(graph_.edge_count());
  {
    std::vector<std::uint32_t> fill(in_begin_.begin(), in_begin_.end() - 1);
    std::vector<std::uint32_t> fill_out(out_begin_.begin(), out_begin_.end() - 1);
    for (const auto& e : graph_.edges()) {
      const Edge& q = graph_.edge(e);
      const auto source = static_cast<std::uint32_t>(graph_.source(e));
      const auto target = static_cast<std::uint32_t>(graph_.target(e));
      in_[fill[target]++] =
          InEdge{source, static_cast<std::uint32_t>(q.relation == Relation::undercuts ? q.undercut : q.index), q.relation};
      out_[fill_out[source]++] = target;
    }
  }
  base_.resize(n_);
  weighted_.resize(n_);
  claim_.resize(n_);
  test_.resize(n_);
  factor_.resize(n_);
  for (Vertex v = 0; v < n_; ++v) {
    const Node& node = graph_.node(v);
    claim_[v] = is_claim_like(node.kind) ? 1 : 0;
    test_[v] = node.test.value_or(ElementTest::all);
    factor_[v] = static_cast<double>(factor_units(node)) / static_cast<double>(factor_unit_scale);
    weighted_[v] = node.weight ? 1 : 0;
    base_[v] = node.weight ? *node.weight : (claim_[v] ? options_.claim_weight : options_.evidence_weight);
    r_.strength[v] = base_[v];
  }
  if (n_ == 0) return r_;

  // Components of the influence graph (every edge carries influence), then
  // an order in which each component comes after all that influence it.
  std::vector<std::uint32_t> component(n_);
  const std::uint32_t count = boost::strong_components(
      g_, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g_)));
  std::vector<std::uint32_t> size(count, 0), incoming(count, 0);
  for (Vertex v = 0; v < n_; ++v) ++size[component[v]];
  for (const auto& e : graph_.edges()) {
    const std::uint32_t a = component[graph_.source(e)], b = component[graph_.target(e)];
    if (a != b) ++incoming[b];
  }
  std::vector<std::size_t> start(std::size_t{count} + 1, 0);
  for (std::uint32_t c = 0; c < count; ++c) start[c + 1] = start[c] + size[c];
  std::vector<Vertex> members(n_);
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (Vertex v = 0; v < n_; ++v) members[fill[component[v]]++] = v;
  }
  std::vector<std::uint32_t> ready;
  for (std::uint32_t c = 0; c < count; ++c) {
    if (incoming[c] == 0) ready.push_back(c);
  }
  for (std::size_t head = 0; head < ready.size(); ++head) {
    const std::uint32_t c = ready[head];
    const bool cyclic = size[c] > 1 || [&] {
      const Vertex v = members[start[c]];
      for (const auto& e : graph_.out_edges(v)) {
        if (graph_.target(e) == v) return true;
      }
      return false;
    }();
    if (!cyclic) {
      update(members[start[c]]);
    } else {
      settle(std::span<const Vertex>(members.data() + start[c], size[c]), c, component);
    }
    for (std::size_t k = start[c]; k < start[c + 1]; ++k) {
      for (const auto& e : graph_.out_edges(members[k])) {
        const std::uint32_t d = component[graph_.target(e)];
        if (d != c && --incoming[d] == 0) ready.push_back(d);
      }
    }
  }
  std::sort(r_.unsettled.begin(), r_.unsettled.end());
  for (Vertex v = 0; v < n_; ++v) {
    const Node& node = graph_.node(v);
    if (is_claim_like(node.kind)) {
      const bool out = status_ != nullptr && status_->labels[v] == Label::out;
      r_.established[v] = !out && meets(node.standard.value_or(Standard::preponderance), r_.pro[v], r_.con[v]);
    }
  }
  return r_;
}

}  // namespace

StrengthReport evaluate_strength(const Graph& graph, const StrengthOptions& options, const StatusReport* status) {
  return Evaluator(graph, options, status).run();
}

}  // namespace claimgraph::analysis
