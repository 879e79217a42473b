#include "claimgraph/analysis/strength.hpp"

#include <algorithm>
#include <boost/graph/strong_components.hpp>
#include <cmath>

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
  // Recomputes node x from its in-edges; returns how far it moved.
  double update(Vertex x);

  const Graph& graph_;
  const Graph::Store& g_;
  const StrengthOptions& options_;
  const StatusReport* status_;
  std::size_t n_;
  std::vector<std::uint32_t> elements_;
  std::vector<double> undercut_;  // per edge: 1 − F(undercutters), computed when needed
  std::vector<bool> queued_;      // per node: waiting in a cycle's worklist
  StrengthReport r_;
};

double Evaluator::update(Vertex x) {
  const Node& node = graph_.node(x);
  const bool claim = is_claim_like(node.kind);
  double base = node.weight ? *node.weight : (claim ? options_.claim_weight : options_.evidence_weight);
  double not_att = 1.0;  // Π(1 − attacker)
  double not_sup = 1.0;  // Π(1 − supporter contribution)
  double weakest = 1.0;
  // What each supports edge into x still carries: 1 − F(its undercutters).
  // Undercut edges run to the same target, so two passes over x's in-edges
  // set this up without searching.
  for (const auto& e : boost::make_iterator_range(boost::in_edges(x, g_))) {
    if (g_[e].relation == Relation::supports) undercut_[g_[e].index] = 1.0;
  }
  for (const auto& e : boost::make_iterator_range(boost::in_edges(x, g_))) {
    const Edge& q = g_[e];
    if (q.relation == Relation::undercuts) undercut_[q.undercut] *= 1.0 - r_.strength[boost::source(e, g_)];
  }
  for (const auto& e : boost::make_iterator_range(boost::in_edges(x, g_))) {
    const Vertex s = boost::source(e, g_);
    const Edge& p = g_[e];
    switch (p.relation) {
      case Relation::contradicts: not_att *= 1.0 - r_.strength[s]; break;
      case Relation::element_of:
        if (claim) weakest = std::min(weakest, r_.strength[s]);
        break;
      case Relation::supports:
        if (claim && elements_[x] == 0) not_sup *= 1.0 - r_.strength[s] * undercut_[p.index];
        break;
      case Relation::undercuts: break;
    }
  }
  double att = 1.0 - not_att;
  double sup = 1.0 - not_sup;
  if (claim && elements_[x] > 0) {
    base = (node.weight ? *node.weight : 1.0) * weakest;
    sup = 0.0;
    r_.pro[x] = weakest;
  } else {
    r_.pro[x] = sup;
  }
  r_.con[x] = att;
  const double value = att >= sup ? base - base * (att - sup) : base + (1.0 - base) * (sup - att);
  const double clamped = std::clamp(value, 0.0, 1.0);
  const double moved = std::fabs(clamped - r_.strength[x]);
  r_.strength[x] = clamped;
  return moved;
}

StrengthReport Evaluator::run() {
  r_.strength.assign(n_, 0.0);
  r_.pro.assign(n_, 0.0);
  r_.con.assign(n_, 0.0);
  r_.established.assign(n_, false);
  elements_.assign(n_, 0);
  undercut_.assign(graph_.edge_count(), 1.0);
  queued_.assign(n_, false);
  for (const auto& e : graph_.edges()) {
    if (g_[e].relation == Relation::element_of) ++elements_[graph_.target(e)];
  }
  for (Vertex v = 0; v < n_; ++v) {
    const Node& node = graph_.node(v);
    r_.strength[v] = node.weight ? *node.weight : (is_claim_like(node.kind) ? options_.claim_weight : options_.evidence_weight);
  }
  if (n_ == 0) return r_;

  // Components of the influence graph (every edge carries influence), then
  // an order in which each component comes after all that influence it.
  std::vector<std::size_t> component(n_);
  const std::size_t count = boost::strong_components(
      g_, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g_)));
  std::vector<std::size_t> size(count, 0), incoming(count, 0);
  for (Vertex v = 0; v < n_; ++v) ++size[component[v]];
  for (const auto& e : graph_.edges()) {
    const std::size_t a = component[graph_.source(e)], b = component[graph_.target(e)];
    if (a != b) ++incoming[b];
  }
  std::vector<std::size_t> start(count + 1, 0);
  for (std::size_t c = 0; c < count; ++c) start[c + 1] = start[c] + size[c];
  std::vector<Vertex> members(n_);
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (Vertex v = 0; v < n_; ++v) members[fill[component[v]]++] = v;
  }
  std::vector<std::size_t> ready;
  for (std::size_t c = 0; c < count; ++c) {
    if (incoming[c] == 0) ready.push_back(c);
  }
  for (std::size_t head = 0; head < ready.size(); ++head) {
    const std::size_t c = ready[head];
    const bool cyclic = size[c] > 1 || [&] {
      const Vertex v = members[start[c]];
      for (const auto& e : boost::make_iterator_range(boost::out_edges(v, g_))) {
        if (boost::target(e, g_) == v) return true;
      }
      return false;
    }();
    if (!cyclic) {
      update(members[start[c]]);
    } else {
      // A worklist: a node is recomputed only when something it depends on
      // moved by more than the tolerance. The budget is max_iterations
      // sweeps' worth of updates.
      std::vector<Vertex> queue(members.begin() + static_cast<std::ptrdiff_t>(start[c]),
                                members.begin() + static_cast<std::ptrdiff_t>(start[c + 1]));
      for (Vertex v : queue) queued_[v] = true;
      std::size_t budget = options_.max_iterations * size[c];
      std::size_t next = 0;
      while (next < queue.size() && budget > 0) {
        const Vertex x = queue[next++];
        queued_[x] = false;
        --budget;
        if (update(x) <= options_.tolerance) continue;
        for (const auto& e : boost::make_iterator_range(boost::out_edges(x, g_))) {
          const Vertex t = boost::target(e, g_);
          if (component[t] == c && !queued_[t]) {
            queued_[t] = true;
            queue.push_back(t);
          }
        }
        if (next > 4096 && next * 2 > queue.size()) {  // keep the queue from growing without bound
          queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(next));
          next = 0;
        }
      }
      if (next < queue.size()) {
        r_.converged = false;
        for (std::size_t k = start[c]; k < start[c + 1]; ++k) r_.unsettled.push_back(members[k]);
        for (std::size_t k = next; k < queue.size(); ++k) queued_[queue[k]] = false;
      }
    }
    for (std::size_t k = start[c]; k < start[c + 1]; ++k) {
      for (const auto& e : boost::make_iterator_range(boost::out_edges(members[k], g_))) {
        const std::size_t d = component[boost::target(e, g_)];
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
