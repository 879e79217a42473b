#include "claimgraph/analysis/strength.hpp"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <cstdint>
#include <span>
#include <thread>
#include <utility>

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
  void settle(std::span<const Vertex> members);
  // One sweep over `active`, on up to options_.threads threads: sets
  // value[i] to compute<false>(active[i]) for every i, then moves each node
  // towards its value and lists in `woken` (one list per part) the nodes
  // the moves wake, each once; `capacity` bounds a list (the cycle's size).
  void sweep(std::span<const Vertex> active, std::span<double> value, std::vector<std::vector<Vertex>>& woken,
             std::size_t capacity);
  // The two halves of a sweep for a part of it, on this thread; `shared`
  // when other threads wake nodes at the same time.
  void compute_part(std::span<const Vertex> active, std::span<double> value);
  template <bool shared>
  void move_part(std::span<const Vertex> active, std::span<const double> value, std::vector<Vertex>& woken);

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
  std::vector<InEdge> in_;
  std::vector<std::uint32_t> out_;  // and the targets of its out-edges within its component
  // Per node, what an update reads of it: where its in-edges are, its base
  // score (its weight, else the default for its kind), whether it has a
  // weight of its own, whether it is a claim or counterclaim with elements,
  // and its test of elements (and its standard of proof, read at the end).
  // In one record, since a cycle's sweeps visit scattered nodes and each
  // separate array would cost a cache miss.
  struct Own {
    double base;
    std::uint32_t in_first;
    std::uint32_t in_last;
    bool claim;
    bool weighted;
    bool has_elements;
    ElementTest test;
    Standard standard;  // a claim's standard of proof, read once its strength is settled
  };
  std::vector<Own> own_;
  std::vector<double> factor_;     // per node: its weight as a factor of a balance test
  bool undercuts_ = false;  // whether any edge undercuts
  std::vector<double> undercut_;  // per edge, when some edge undercuts: 1 − F(undercutters), computed when needed
  std::vector<std::uint8_t> queued_;  // per node: to be updated in a cycle's next sweep (bytes: woken from threads)
  // Per node of a cycle, what a move reads and writes: the fraction of the
  // way it moves, the sign of its last move, and where its out-edges are.
  // The step is 2⁻ᵏ for the k times it was halved (at most 6), exactly.
  struct Motion {
    std::uint32_t out_first;
    std::uint32_t out_last;
    std::int8_t direction;
    std::uint8_t halved;
  };
  static constexpr std::uint8_t most_halved = 6;
  static constexpr double steps_[most_halved + 1] = {1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625};
  std::vector<Motion> motion_;
  StrengthReport r_;
};

template <bool record>
double Evaluator::compute(Vertex x) {
  const Own& own = own_[x];
  const bool claim = own.claim;
  // Only a balance test weighs its elements' factors: the others skip
  // reading a factor per element (a cache miss each in a large case).
  const bool balance = claim && own.test == ElementTest::balance;
  double base = own.base;
  double not_att = 1.0;  // Π(1 − attacker)
  double not_sup = 1.0;  // Π(1 − supporter contribution)
  double weakest = 1.0;    // test all
  double strongest = 0.0;  // test any
  double weighed = 0.0, weights = 0.0;  // test balance: Σ wᵢ·sᵢ and Σ wᵢ, in edge order
  const std::uint32_t first = own.in_first, last = own.in_last;
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
        if (claim && !own.has_elements) not_sup *= 1.0 - (undercuts_ ? s * undercut_[p.edge] : s);
        break;
      case Relation::undercuts: break;
    }
  }
  double att = 1.0 - not_att;
  double sup = 1.0 - not_sup;
  if (claim && own.has_elements) {
    double elements = weakest;
    if (own.test == ElementTest::any) elements = strongest;
    if (own.test == ElementTest::balance) elements = weights > 0.0 ? std::min(1.0, weighed / weights) : 0.0;
    base = (own.weighted ? own.base : 1.0) * elements;
    sup = 0.0;
    if constexpr (record) r_.pro[x] = elements;
  } else {
    if constexpr (record) r_.pro[x] = sup;
  }
  if constexpr (record) r_.con[x] = att;
  const double value = att >= sup ? base - base * (att - sup) : base + (1.0 - base) * (sup - att);
  return std::clamp(value, 0.0, 1.0);
}

void Evaluator::compute_part(std::span<const Vertex> active, std::span<double> value) {
  // A large cycle's nodes are scattered over the graph: each update reads
  // the node's record, then its in-edges, then their sources' strengths,
  // each load waiting on the one before. Loading them for the nodes a few
  // places ahead, one link of the chain per distance, lets the misses of
  // many nodes overlap. Hints only: the values are the same without.
  const std::size_t count = active.size();
  for (std::size_t i = 0; i < count; ++i) {
    if (i + 16 < count) __builtin_prefetch(&own_[active[i + 16]]);
    if (i + 8 < count) __builtin_prefetch(in_.data() + own_[active[i + 8]].in_first);
    if (i + 4 < count) {
      const Own& ahead = own_[active[i + 4]];
      for (std::uint32_t k = ahead.in_first; k < ahead.in_last; ++k) __builtin_prefetch(&r_.strength[in_[k].source]);
    }
    value[i] = compute<false>(active[i]);
  }
}

template <bool shared>
void Evaluator::move_part(std::span<const Vertex> active, std::span<const double> value, std::vector<Vertex>& woken) {
  // A node is woken once a sweep: by whichever move reaches it first (with
  // parts on several threads, whichever thread), and listed by that one.
  auto wake = [&](Vertex v) {
    if constexpr (shared) {
      // Read first: most wakes find the node woken already, and a read
      // does not take the cache line from the other thread as a swap does.
      std::atomic_ref<std::uint8_t> queued(queued_[v]);
      if (queued.load(std::memory_order_relaxed) == 0 && queued.exchange(1, std::memory_order_relaxed) == 0) {
        woken.push_back(v);
      }
    } else if (queued_[v] == 0) {
      queued_[v] = 1;
      woken.push_back(v);
    }
  };
  for (std::size_t i = 0; i < active.size(); ++i) {
    const Vertex x = active[i];
    const double old = r_.strength[x];
    const double delta = value[i] - old;
    if (std::fabs(delta) <= options_.tolerance) continue;
    const std::int8_t direction = delta > 0 ? 1 : -1;
    Motion& m = motion_[x];
    if (m.direction == -direction && m.halved < most_halved) ++m.halved;
    m.direction = direction;
    r_.strength[x] = old + steps_[m.halved] * delta;
    wake(x);
    for (std::uint32_t k = m.out_first; k < m.out_last; ++k) wake(out_[k]);
  }
}

// A sweep computes every active node's value from the strengths of the
// sweep before, then moves the nodes. Each node's computation writes only
// its own value (and what its own supports edges still carry, undercut_),
// and each move only its own node's strength and motion, so the parts of a
// sweep can be computed, and then moved, on threads of their own with the
// same results: the threads wait for each other between the two, as a move
// changes strengths that a computation reads. Only the set of nodes woken
// depends on the threads, not its order (see settle). A part is worth a
// thread only when it is large: starting one costs about as much as
// computing a few hundred nodes.
void Evaluator::sweep(std::span<const Vertex> active, std::span<double> value, std::vector<std::vector<Vertex>>& woken,
                      std::size_t capacity) {
  constexpr std::size_t smallest_part = 8192;
  const std::size_t parts = std::max<std::size_t>(1, std::min(options_.threads, active.size() / smallest_part));
  if (woken.size() < parts) woken.resize(parts);
  for (auto& list : woken) list.clear();
  if (parts == 1) {
    compute_part(active, value);
    move_part<false>(active, value, woken[0]);
    return;
  }
  // A helper's list never grows past the cycle's size (a node is listed
  // once): reserved here, so that no helper allocates.
  for (std::size_t p = 0; p < parts; ++p) woken[p].reserve(capacity);
  const std::size_t size = (active.size() + parts - 1) / parts;
  auto range = [&](std::size_t p) {
    const std::size_t first = p * size;
    return std::pair{first, std::min(size, active.size() - first)};
  };
  auto compute = [&](std::size_t p) {
    const auto [first, count] = range(p);
    compute_part(active.subspan(first, count), value.subspan(first, count));
  };
  auto move = [&](std::size_t p) {
    const auto [first, count] = range(p);
    move_part<true>(active.subspan(first, count), value.subspan(first, count), woken[p]);
  };
  std::barrier computed(static_cast<std::ptrdiff_t>(parts));
  std::vector<std::jthread> helpers;
  helpers.reserve(parts - 1);
  std::size_t started = 1;
  try {
    for (; started < parts; ++started) {
      helpers.emplace_back([&, p = started] {
        compute(p);
        computed.arrive_and_wait();
        move(p);
      });
    }
  } catch (...) {
    // No thread to be had (std::system_error, or no memory for one): this
    // thread does the parts not started. Those started wait at the barrier
    // for every part, so nothing may leave before it.
  }
  for (std::size_t p = started; p < parts; ++p) compute(p);
  compute(0);
  for (std::size_t p = started; p < parts; ++p) computed.arrive_and_drop();
  computed.arrive_and_wait();
  move(0);
  for (std::size_t p = started; p < parts; ++p) move(p);
  // The helpers join as they go out of scope.
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
void Evaluator::settle(std::span<const Vertex> members) {
  std::vector<Vertex> active(members.begin(), members.end()), next;
  std::vector<double> value;
  std::vector<std::vector<Vertex>> woken;  // per part of a sweep: the nodes its moves woke
  std::size_t sweeps = 0;
  while (!active.empty() && sweeps < options_.max_iterations) {
    ++sweeps;
    value.resize(active.size());
    sweep(active, value, woken, members.size());
    // The next sweep in node order, for locality and so that it does not
    // depend on which part woke a node (the values do not depend on the
    // order: each sweep reads only the one before). When many of the
    // members move, picking them out of the members, which are in node
    // order, is cheaper than sorting them.
    std::size_t total = 0;
    for (const auto& list : woken) total += list.size();
    next.clear();
    if (total * 4 >= members.size()) {
      for (Vertex v : members) {
        if (queued_[v] != 0) next.push_back(v);
      }
    } else {
      for (const auto& list : woken) next.insert(next.end(), list.begin(), list.end());
      std::sort(next.begin(), next.end());
    }
    for (Vertex v : next) queued_[v] = 0;
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
  queued_.assign(n_, 0);
  if (n_ == 0) return r_;
  // Components of the influence graph (every edge carries influence).
  std::vector<std::uint32_t> component(n_);
  const std::uint32_t count = boost::strong_components(
      g_, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g_)));
  std::vector<std::uint32_t> elements(n_, 0);
  // Where each node's in-edges and out-edges start: counted, then summed.
  // Out-edges are kept only within a component: they say whom a move in a
  // cycle wakes.
  //
  // Boost's strong_components is Tarjan's algorithm, which numbers a
  // component once every component it reaches is numbered: an edge between
  // two components then runs from the higher number to the lower, and the
  // components taken from the highest number down each come after all that
  // influence it. That is checked here, edge by edge; were it ever not so,
  // the order is found by counting the edges into each component.
  bool descending = true;
  std::vector<std::uint32_t> in_begin(n_ + 1, 0), out_begin(n_ + 1, 0);
  for (const auto& e : graph_.edges()) {
    const Relation relation = graph_.edge(e).relation;
    const Vertex source = graph_.source(e), target = graph_.target(e);
    if (relation == Relation::element_of) ++elements[target];
    if (relation == Relation::undercuts) undercuts_ = true;
    ++in_begin[target + 1];
    if (component[source] == component[target]) ++out_begin[source + 1];
    if (component[source] < component[target]) descending = false;
  }
  if (undercuts_) undercut_.assign(graph_.edge_count(), 1.0);
  for (std::size_t v = 0; v < n_; ++v) {
    in_begin[v + 1] += in_begin[v];
    out_begin[v + 1] += out_begin[v];
  }
  in_.resize(graph_.edge_count());
  out_.resize(out_begin[n_]);
  {
    std::vector<std::uint32_t> fill(in_begin.begin(), in_begin.end() - 1);
    std::vector<std::uint32_t> fill_out(out_begin.begin(), out_begin.end() - 1);
    for (const auto& e : graph_.edges()) {
      const Edge& q = graph_.edge(e);
      const auto source = static_cast<std::uint32_t>(graph_.source(e));
      const auto target = static_cast<std::uint32_t>(graph_.target(e));
      in_[fill[target]++] =
          InEdge{source, static_cast<std::uint32_t>(q.relation == Relation::undercuts ? q.undercut : q.index), q.relation};
      if (component[source] == component[target]) out_[fill_out[source]++] = target;
    }
  }
  own_.resize(n_);
  motion_.resize(n_);
  factor_.resize(n_);
  for (Vertex v = 0; v < n_; ++v) {
    const Node& node = graph_.node(v);
    Own& own = own_[v];
    own.claim = is_claim_like(node.kind);
    own.test = node.test.value_or(ElementTest::all);
    own.standard = node.standard.value_or(Standard::preponderance);
    own.weighted = node.weight.has_value();
    own.has_elements = elements[v] > 0;
    own.base = node.weight ? *node.weight : (own.claim ? options_.claim_weight : options_.evidence_weight);
    own.in_first = in_begin[v];
    own.in_last = in_begin[v + 1];
    motion_[v] = Motion{out_begin[v], out_begin[v + 1], 0, 0};
    factor_[v] = static_cast<double>(factor_units(node)) / static_cast<double>(factor_unit_scale);
    r_.strength[v] = own.base;
  }

  // Each component's members, in node order.
  std::vector<std::uint32_t> size(count, 0);
  for (Vertex v = 0; v < n_; ++v) ++size[component[v]];
  std::vector<std::size_t> start(std::size_t{count} + 1, 0);
  for (std::uint32_t c = 0; c < count; ++c) start[c + 1] = start[c] + size[c];
  std::vector<Vertex> members(n_);
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (Vertex v = 0; v < n_; ++v) members[fill[component[v]]++] = v;
  }
  // A component of one node is a cycle only with an edge to itself: its
  // only out-edge within its component.
  auto settle_component = [&](std::uint32_t c) {
    const Vertex first = members[start[c]];
    if (size[c] == 1 && motion_[first].out_first == motion_[first].out_last) {
      update(first);
    } else {
      settle(std::span<const Vertex>(members.data() + start[c], size[c]));
    }
  };
  if (descending) {
    for (std::uint32_t c = count; c-- > 0;) settle_component(c);
  } else {
    // Kahn's order: a component is ready once every edge into it is from
    // a component settled.
    std::vector<std::uint32_t> incoming(count, 0), ready;
    for (const auto& e : graph_.edges()) {
      const std::uint32_t a = component[graph_.source(e)], b = component[graph_.target(e)];
      if (a != b) ++incoming[b];
    }
    for (std::uint32_t c = 0; c < count; ++c) {
      if (incoming[c] == 0) ready.push_back(c);
    }
    for (std::size_t head = 0; head < ready.size(); ++head) {
      const std::uint32_t c = ready[head];
      settle_component(c);
      for (std::size_t k = start[c]; k < start[c + 1]; ++k) {
        for (const auto& e : graph_.out_edges(members[k])) {
          const std::uint32_t d = component[graph_.target(e)];
          if (d != c && --incoming[d] == 0) ready.push_back(d);
        }
      }
    }
  }
  std::sort(r_.unsettled.begin(), r_.unsettled.end());
  // From the nodes' own records, not the graph's, which are larger.
  for (Vertex v = 0; v < n_; ++v) {
    if (own_[v].claim) {
      const bool out = status_ != nullptr && status_->labels[v] == Label::out;
      r_.established[v] = !out && meets(own_[v].standard, r_.pro[v], r_.con[v]);
    }
  }
  return r_;
}

}  // namespace

StrengthReport evaluate_strength(const Graph& graph, const StrengthOptions& options, const StatusReport* status) {
  return Evaluator(graph, options, status).run();
}

}  // namespace claimgraph::analysis
