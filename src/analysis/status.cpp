#include "claimgraph/analysis/status.hpp"

#include <algorithm>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "analysis/element_tests.hpp"

namespace claimgraph::analysis {

const char* to_string(Label label) noexcept {
  switch (label) {
    case Label::in: return "IN";
    case Label::out: return "OUT";
    case Label::undec: return "UNDEC";
  }
  return "UNDEC";
}

std::optional<std::string_view> burden_bearer(const Node& node) noexcept {
  if (node.burden) return *node.burden;
  if (node.party) return *node.party;
  return std::nullopt;
}

bool presumed(const Node& node) noexcept {
  return is_claim_like(node.kind) && node.burden && node.party && *node.burden != *node.party;
}

namespace {

using Vertex = Graph::NodeRef;
constexpr std::uint8_t none = 0, in = 1, out = 2;

class Labeller {
 public:
  Labeller(const Graph& graph, const StatusOptions& options)
      : graph_(graph), options_(options), n_(graph.node_count()), m_(graph.edge_count()) {}

  StatusReport run();

 private:
  // A supports edge into a claim without elements, or an element-of edge
  // into a claim with elements: the edges that carry grounding.
  [[nodiscard]] bool carries(std::size_t e) const { return carries(target_[e], relation_[e]); }
  [[nodiscard]] bool carries(Vertex t, Relation relation) const {
    if (!claim_[t]) return false;
    return elements_[t] > 0 ? relation == Relation::element_of : relation == Relation::supports;
  }
  [[nodiscard]] bool support_satisfied(Vertex x) const {
    if (!claim_[x]) return true;
    return elements_[x] > 0 ? have_in_[x] >= need_[x] : supporters_in_[x] > 0;
  }

  void try_in(Vertex x) {
    if (label_[x] == none && attackers_open_[x] == 0 && support_satisfied(x)) {
      label_[x] = in;
      work_.push_back(x);
    }
  }
  void make_out(Vertex x) {
    if (label_[x] != none) return;
    label_[x] = out;
    work_.push_back(x);
    if (alive_[x]) dead_.push_back(x);
  }
  void count_support(std::size_t e) { count_support(e, source_[e], target_[e]); }
  // count_support() for an edge whose ends are known: no loads by edge
  // number but the count's own, and whether it is undercut only when
  // something undercuts at all.
  void count_support(std::size_t e, Vertex source, Vertex target) {
    if (counted_[e] || label_[source] != in || (undercuts_ && undercutters_open_[e] != 0)) return;
    counted_[e] = true;
    ++supporters_in_[target];
    try_in(target);
  }
  void apply(Vertex x);
  void rederive();
  void settle();
  [[nodiscard]] std::vector<std::vector<Graph::NodeRef>> undecided_parts() const;
  void decide_by_burden();

  const Graph& graph_;
  StatusOptions options_;
  std::size_t n_;
  std::size_t m_;

  // Per edge, beside the graph's rows of each node's in- and out-edges (in
  // edge order): its ends and relation, read on every step of the
  // propagation, apart from the edge records, which cost a cache miss each.
  std::vector<std::uint32_t> source_, target_;
  std::vector<Relation> relation_;
  // Each node's out-edges with their targets and relations, in edge order,
  // one array for all (node v's are out_[out_begin_[v] .. out_begin_[v + 1])):
  // propagation walks a node's out-edges, and reading target and relation
  // by edge number costs two cache misses an edge in a large case.
  struct OutEdge {
    std::uint32_t target;
    std::uint32_t edge;
    Relation relation;
  };
  std::vector<std::uint32_t> out_begin_;
  std::vector<OutEdge> out_;
  [[nodiscard]] std::span<const OutEdge> out_of(Vertex v) const {
    return std::span<const OutEdge>(out_.data() + out_begin_[v], out_begin_[v + 1] - out_begin_[v]);
  }

  std::vector<std::uint8_t> label_;
  std::vector<std::uint8_t> claim_;  // per node: a claim or counterclaim (the node records are large)
  std::vector<std::uint32_t> elements_, supporters_in_, attackers_open_;
  // For claims with elements: what their test needs, and the shares of
  // their IN elements (element_tests.hpp).
  std::vector<std::uint64_t> need_, have_in_;
  std::vector<ElementTest> test_;  // per node
  std::optional<detail::ElementShares> shares_;  // per element-of edge: its share
  [[nodiscard]] std::uint64_t share(std::size_t e, Vertex t) const { return (*shares_)(e, t); }
  std::vector<std::uint32_t> undercutters_open_, undercutters_in_;
  bool undercuts_ = false;  // whether any edge undercuts
  std::vector<bool> counted_;
  std::vector<bool> alive_;
  std::vector<Vertex> work_;
  std::vector<std::size_t> suspect_index_;  // per node: its place in the current suspects list
  std::vector<Vertex> dead_;           // OUT nodes whose grounding is still counted
  std::vector<std::size_t> blocked_;   // supports edges newly undercut by an IN node
  // The burden: what it decided, and the claims that stand by a presumption,
  // which ground themselves (nothing that falls takes their grounding away).
  std::vector<Decided> decided_;
  std::vector<Vertex> issue_;
  std::vector<bool> anchored_;
};

void Labeller::apply(Vertex x) {
  const bool is_in = label_[x] == in;
  for (const OutEdge& o : out_of(x)) {
    const std::size_t e = o.edge;
    const Vertex t = o.target;
    switch (o.relation) {
      case Relation::contradicts:
        if (is_in) {
          make_out(t);
        } else if (--attackers_open_[t] == 0) {
          try_in(t);
        }
        break;
      case Relation::supports:
        if (is_in) count_support(e, x, t);
        break;
      case Relation::element_of:
        if (is_in && elements_[t] > 0) {
          have_in_[t] += share(e, t);
          try_in(t);
        }
        break;
      case Relation::undercuts: {
        const std::size_t attacked = graph_.edge(graph_.edges()[e]).undercut;
        if (is_in) {
          if (++undercutters_in_[attacked] == 1) blocked_.push_back(attacked);
        } else if (--undercutters_open_[attacked] == 0) {
          count_support(attacked);
        }
        break;
      }
    }
  }
}

// Delete and rederive: everything that may have rested on the nodes that fell
// (or on the support edges that were undercut) loses its grounding, then
// whatever can still be grounded from what is left gets it back.
void Labeller::rederive() {
  std::vector<Vertex> suspects;
  auto suspect = [&](Vertex t) {
    if (alive_[t] && !anchored_[t]) {
      alive_[t] = false;
      suspects.push_back(t);
    }
  };
  for (Vertex x : dead_) suspect(x);
  for (std::size_t e : blocked_) {
    if (carries(e)) suspect(target_[e]);
  }
  dead_.clear();
  blocked_.clear();
  for (std::size_t head = 0; head < suspects.size(); ++head) {
    const Vertex y = suspects[head];
    for (const OutEdge& o : out_of(y)) {
      if (carries(o.target, o.relation)) suspect(o.target);
    }
  }
  // Rederive from the nodes still alive, bottom up: a claim with elements
  // waits until its alive elements meet its test, any other claim for one
  // usable supporter.
  std::vector<Vertex> queue;
  auto can_stand = [&](Vertex t) { return label_[t] != out; };
  auto usable = [&](std::size_t e) { return alive_[source_[e]] && undercutters_in_[e] == 0; };
  std::vector<std::uint64_t> got(suspects.size(), 0);
  for (std::size_t i = 0; i < suspects.size(); ++i) suspect_index_[suspects[i]] = i;
  for (std::size_t i = 0; i < suspects.size(); ++i) {
    const Vertex t = suspects[i];
    if (!can_stand(t)) continue;
    if (!claim_[t]) {
      queue.push_back(t);
      continue;
    }
    std::uint64_t alive = 0;
    bool one = false;
    for (const std::size_t e : graph_.in_edges(t)) {
      if (!carries(e) || !usable(e)) continue;
      if (elements_[t] > 0) {
        alive += share(e, t);
      } else {
        one = true;
      }
    }
    got[i] = alive;
    if (elements_[t] > 0 ? alive >= need_[t] : one) queue.push_back(t);
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const Vertex y = queue[head];
    if (alive_[y]) continue;
    alive_[y] = true;
    for (const OutEdge& o : out_of(y)) {
      const std::size_t e = o.edge;
      const Vertex t = o.target;
      if (!carries(t, o.relation) || alive_[t] || !can_stand(t) || undercutters_in_[e] != 0) continue;
      const std::size_t i = suspect_index_[t];
      if (i >= suspects.size() || suspects[i] != t) continue;  // not a suspect: its state is settled
      if (elements_[t] > 0) {
        const bool met = got[i] >= need_[t];
        got[i] += share(e, t);
        if (!met && got[i] >= need_[t]) queue.push_back(t);
      } else {
        queue.push_back(t);
      }
    }
  }
  for (Vertex t : suspects) {
    if (!alive_[t]) make_out(t);
  }
}

// Propagates until nothing changes: the work list, then the grounding upkeep.
void Labeller::settle() {
  for (;;) {
    while (!work_.empty()) {
      const Vertex x = work_.back();
      work_.pop_back();
      apply(x);
    }
    if (dead_.empty() && blocked_.empty()) break;
    rederive();
  }
}

// The parts of what the grounded rules left undecided: the strongly
// connected components of the undecided nodes and the edges between them
// (Boost.Graph's, on the graph filtered to those nodes), in topological
// order (a part before every part that an edge from it reaches).
std::vector<std::vector<Graph::NodeRef>> Labeller::undecided_parts() const {
  struct Undecided {
    const std::vector<std::uint8_t>* label = nullptr;
    bool operator()(Vertex v) const { return (*label)[v] == none; }
  };
  const Graph::Store& g = graph_.store();
  const boost::filtered_graph<Graph::Store, boost::keep_all, Undecided> undecided(g, {}, Undecided{&label_});
  std::vector<std::size_t> component(n_, 0);
  const std::size_t count = boost::strong_components(
      undecided, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  // Tarjan's numbering finishes a part after every part it reaches: the
  // highest number comes first.
  std::vector<std::vector<Vertex>> parts(count);
  for (Vertex v = 0; v < n_; ++v) {
    if (label_[v] == none) parts[count - 1 - component[v]].push_back(v);
  }
  return parts;
}

// The burden (status.hpp), part by part of what the grounded rules left
// undecided, each part once everything before it is settled, so that an
// issue is decided only when nothing above it can still decide it. In each
// part, two rounds, each decided at once from the labels before it and then
// propagated. Deciding only ever adds labels: a presumed claim made IN has no
// IN contradictor (it was undecided) and its undecided contradictors are made
// OUT with it, so no two IN nodes contradict each other, and the IN rule
// does the rest as before.
void Labeller::decide_by_burden() {
  auto candidate = [&](Vertex v) { return label_[v] == none && presumed(graph_.node(v)); };
  const auto parts = undecided_parts();
  constexpr std::size_t nowhere = static_cast<std::size_t>(-1);
  std::vector<std::size_t> part_of(n_, nowhere);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    for (Vertex v : parts[i]) part_of[v] = i;
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& part = parts[i];
    // 1. Presumptions: the undecided presumed claims that no other one
    // contradicts stand; what contradicts them from the same part and is
    // undecided falls. (What contradicts them from a part before is settled
    // and stays undecided: it has not disproved them either, and deciding
    // it here would reach back into parts already taken.)
    std::vector<Vertex> stands;
    for (Vertex v : part) {
      if (!candidate(v)) continue;
      bool challenged = false;
      for (const std::size_t e : graph_.in_edges(v)) {
        challenged = relation_[e] == Relation::contradicts && candidate(source_[e]);
        if (challenged) break;
      }
      if (!challenged) stands.push_back(v);
    }
    for (Vertex v : stands) {
      label_[v] = in;
      anchored_[v] = true;
      decided_[v] = Decided::stands;
      work_.push_back(v);
    }
    for (Vertex v : stands) {
      for (const std::size_t e : graph_.in_edges(v)) {
        const Vertex s = source_[e];
        if (relation_[e] != Relation::contradicts || label_[s] != none || part_of[s] != i) continue;
        make_out(s);
        decided_[s] = Decided::fails_to_disprove;
        issue_[s] = v;
      }
    }
    settle();
    // 2. What is still undecided and borne by the one who alleges it falls.
    for (Vertex v : part) {
      if (!claim_[v] || label_[v] != none || presumed(graph_.node(v))) continue;
      make_out(v);
      decided_[v] = Decided::fails;
    }
    settle();
  }
}

StatusReport Labeller::run() {
  source_.resize(m_);
  target_.resize(m_);
  relation_.resize(m_);
  const auto edges = graph_.edges();
  for (std::size_t e = 0; e < m_; ++e) {
    const auto ref = edges[e];
    // Node numbers fit in 32 bits: the graph's rows hold them so.
    source_[e] = static_cast<std::uint32_t>(graph_.source(ref));
    target_[e] = static_cast<std::uint32_t>(graph_.target(ref));
    relation_[e] = graph_.edge(ref).relation;
  }
  out_begin_.assign(n_ + 1, 0);
  for (std::size_t e = 0; e < m_; ++e) ++out_begin_[source_[e] + 1];
  for (std::size_t v = 0; v < n_; ++v) out_begin_[v + 1] += out_begin_[v];
  out_.resize(m_);
  {
    std::vector<std::uint32_t> fill(out_begin_.begin(), out_begin_.end() - 1);
    for (std::size_t e = 0; e < m_; ++e) {
      out_[fill[source_[e]]++] = OutEdge{target_[e], static_cast<std::uint32_t>(e), relation_[e]};
    }
  }

  label_.assign(n_, none);
  claim_.resize(n_);
  test_.resize(n_);
  for (Vertex v = 0; v < n_; ++v) {
    const Node& node = graph_.node(v);
    claim_[v] = is_claim_like(node.kind) ? 1 : 0;
    test_[v] = node.test.value_or(ElementTest::all);
  }
  shares_.emplace(graph_, test_);
  elements_.assign(n_, 0);
  need_.assign(n_, 0);
  have_in_.assign(n_, 0);
  supporters_in_.assign(n_, 0);
  attackers_open_.assign(n_, 0);
  undercutters_open_.assign(m_, 0);
  undercutters_in_.assign(m_, 0);
  counted_.assign(m_, false);
  suspect_index_.assign(n_, static_cast<std::size_t>(-1));
  for (std::size_t e = 0; e < m_; ++e) {
    switch (relation_[e]) {
      case Relation::element_of:
        ++elements_[target_[e]];
        need_[target_[e]] += share(e, target_[e]);
        break;
      case Relation::contradicts: ++attackers_open_[target_[e]]; break;
      case Relation::undercuts:
        ++undercutters_open_[graph_.edge(edges[e]).undercut];
        undercuts_ = true;
        break;
      case Relation::supports: break;
    }
  }
  for (Vertex v = 0; v < n_; ++v) {
    need_[v] = detail::element_need(test_[v], need_[v]);
  }

  // Grounding with nothing taken away: propagation from the evidence.
  alive_.assign(n_, false);
  {
    std::vector<std::uint64_t> have(n_, 0);
    std::vector<Vertex> queue;
    for (Vertex v = 0; v < n_; ++v) {
      if (!claim_[v]) {
        alive_[v] = true;
        queue.push_back(v);
      }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const Vertex y = queue[head];
      for (const OutEdge& o : out_of(y)) {
        const std::size_t e = o.edge;
        const Vertex t = o.target;
        if (alive_[t] || !carries(t, o.relation)) continue;
        if (elements_[t] > 0) {
          have[t] += share(e, t);
          if (have[t] < need_[t]) continue;
        }
        alive_[t] = true;
        queue.push_back(t);
      }
    }
  }

  for (Vertex v = 0; v < n_; ++v) {
    if (!alive_[v]) {
      label_[v] = out;  // not grounded even with everything standing
      work_.push_back(v);
    }
  }
  anchored_.assign(n_, false);
  for (Vertex v = 0; v < n_; ++v) try_in(v);
  settle();
  if (options_.burden) {
    decided_.assign(n_, Decided::no);
    issue_.resize(n_);
    for (Vertex v = 0; v < n_; ++v) issue_[v] = v;
    decide_by_burden();
  }

  StatusReport report;
  report.labels.resize(n_);
  for (Vertex v = 0; v < n_; ++v) {
    report.labels[v] = label_[v] == in ? Label::in : label_[v] == out ? Label::out : Label::undec;
  }
  report.undercut.resize(m_);
  for (std::size_t e = 0; e < m_; ++e) report.undercut[e] = relation_[e] == Relation::supports && undercutters_in_[e] > 0;
  report.decided = std::move(decided_);
  report.issue = std::move(issue_);
  return report;
}

}  // namespace

StatusReport grounded_status(const Graph& graph) { return Labeller(graph, {}).run(); }

StatusReport grounded_status(const Graph& graph, const StatusOptions& options) {
  return Labeller(graph, options).run();
}

}  // namespace claimgraph::analysis
