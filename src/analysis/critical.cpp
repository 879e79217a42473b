#include "claimgraph/analysis/critical.hpp"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <limits>
#include <set>
#include <string>
#include <utility>

#include "analysis/element_tests.hpp"
#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/analysis/schemes.hpp"

namespace claimgraph::analysis {

CriticalLimitError::CriticalLimitError(std::size_t max_set, std::size_t max_steps)
    : Error("the search for cut sets of up to " + std::to_string(max_set) + " pieces of evidence needs more than the limit of " +
                std::to_string(max_steps) + " steps; look for smaller sets, or at fewer claims",
            Limit::cut_set_steps) {}

Graph without(const Graph& graph, const std::vector<bool>& excluded) {
  const std::size_t n = graph.node_count();
  const auto is_excluded = [&](Graph::NodeRef v) { return v < excluded.size() && excluded[v]; };
  Graph out;
  out.title = graph.title;
  out.description = graph.description;
  out.extra = graph.extra;
  out.reserve(n + 2, graph.edge_count() + n);
  for (Graph::NodeRef v = 0; v < n; ++v) out.add_node(graph.node(v));
  // A control character keeps these apart from every id a case file can hold.
  Node ruling;
  ruling.id = "\x01excluded";
  ruling.label = "excluded by the court";
  ruling.kind = NodeKind::evidence;
  ruling.weight = 1.0;
  const auto by_ruling = out.add_node(std::move(ruling));
  Node sink;
  sink.id = "\x01excluded/support";
  sink.label = "support of what was excluded";
  sink.kind = NodeKind::claim;
  const auto to_sink = out.add_node(std::move(sink));
  // Every edge into an excluded node, and every edge out of one but its
  // element-of edges, bears on the sink instead, as it was (so that the
  // inferences and their questions stay whole); so do the undercuts of those
  // edges, whose stored target is the attacked edge's.
  const auto edges = graph.edges();
  std::vector<bool> to_sink_edge(edges.size(), false);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Relation r = graph.edge(edges[i]).relation;
    to_sink_edge[i] = r != Relation::undercuts && (is_excluded(graph.target(edges[i])) ||
                                                   (is_excluded(graph.source(edges[i])) && r != Relation::element_of));
  }
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& edge = graph.edge(edges[i]);
    if (edge.relation == Relation::undercuts) {
      to_sink_edge[i] = is_excluded(graph.source(edges[i])) || is_excluded(graph.target(edges[i])) ||
                        (edge.undercut < edges.size() && to_sink_edge[edge.undercut]);
    }
  }
  std::vector<Graph::EdgeSpec> specs;
  specs.reserve(graph.edge_count() + n);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& edge = graph.edge(edges[i]);
    Graph::EdgeSpec spec{graph.source(edges[i]), graph.target(edges[i]), edge.relation, edge.extra,
                         edge.id,                edge.undercut,           edge.names};
    if (to_sink_edge[i]) spec.to = to_sink;
    specs.push_back(std::move(spec));
  }
  for (Graph::NodeRef v = 0; v < n; ++v) {
    if (is_excluded(v)) specs.push_back({by_ruling, v, Relation::contradicts, {}});
  }
  out.add_edges(std::move(specs));
  return out;
}

Evaluated evaluate(const Graph& graph, const std::vector<bool>& excluded, SchemeUse* use,
                   const StatusOptions& status, const StrengthOptions& strength) {
  if (std::find(excluded.begin(), excluded.end(), true) == excluded.end()) {
    return evaluate(graph, use, status, strength);
  }
  const Graph rest = without(graph, excluded);
  Evaluated r = evaluate(rest, use, status, strength);
  cut_back(r.status, graph.node_count(), graph.edge_count());
  cut_back(r.strength, graph.node_count());
  return r;
}

namespace {

using Vertex = Graph::NodeRef;
using u32 = std::uint32_t;
using u64 = std::uint64_t;
constexpr u32 none = std::numeric_limits<u32>::max();

class Budget {
 public:
  Budget(std::size_t max_set, std::size_t max_steps) : max_set_(max_set), max_steps_(max_steps) {}
  void spend(std::size_t steps) {
    used_ += steps;
    if (used_ > max_steps_) throw CriticalLimitError(max_set_, max_steps_);
  }
  [[nodiscard]] std::size_t used() const noexcept { return used_; }
  /// Throws now if `steps` more would go past the limit: a search bound to
  /// fail says so at once.
  void expect(std::size_t steps) const {
    if (steps > max_steps_ || used_ > max_steps_ - steps) throw CriticalLimitError(max_set_, max_steps_);
  }

 private:
  std::size_t max_set_;
  std::size_t max_steps_;
  std::size_t used_ = 0;
};

// The part of the graph that can bear on the claims looked at: the nodes
// grounded in the record that reach one of them through edges that carry
// grounding (element-of edges into a claim with elements, supports edges
// into any other claim), numbered in topological order of the strongly
// connected components of those edges, each component's nodes contiguous.
// Edges are held in compressed sparse rows, both ways.
struct Cone {
  std::vector<Vertex> vertex;       // local → vertex
  std::vector<u32> local;           // vertex → local, or none
  std::vector<bool> evidence;       // local
  std::vector<u64> need;            // local: what its test needs (claims)
  std::vector<std::size_t> in_start, out_start;
  std::vector<u32> in_from, out_to;
  std::vector<u64> in_share, out_share;
  std::vector<u32> component_start;  // ranges of local ids, in topological order
  std::vector<u32> base_rank;        // local: position in the grounding of the record

  [[nodiscard]] std::size_t size() const noexcept { return vertex.size(); }
};

// Shares and needs of the tests of elements, for every node (element_tests.hpp):
// a claim without elements needs one supporter, each supports edge a share of 1.
struct Tests {
  std::vector<u32> elements;  // per vertex: element-of edges into it
  std::vector<u64> need;      // per vertex
  std::vector<u64> share;     // per edge
};

Tests tests_of(const Graph& graph) {
  const std::size_t n = graph.node_count();
  Tests t{std::vector<u32>(n, 0), std::vector<u64>(n, 0), std::vector<u64>(graph.edge_count(), 1)};
  for (const auto& e : graph.edges()) {
    if (graph.edge(e).relation != Relation::element_of) continue;
    const Vertex to = graph.target(e);
    ++t.elements[to];
    t.share[graph.edge(e).index] = detail::element_share(graph.node(to).test.value_or(ElementTest::all), graph.node(graph.source(e)));
    t.need[to] += t.share[graph.edge(e).index];
  }
  for (Vertex v = 0; v < n; ++v) {
    t.need[v] = t.elements[v] > 0 ? detail::element_need(graph.node(v).test.value_or(ElementTest::all), t.need[v]) : 1;
  }
  return t;
}

bool carries(const Graph& graph, const Tests& tests, const Graph::EdgeRef& e) {
  const Vertex to = graph.target(e);
  if (!is_claim_like(graph.node(to).kind)) return false;
  return tests.elements[to] > 0 ? graph.edge(e).relation == Relation::element_of : graph.edge(e).relation == Relation::supports;
}

Cone make_cone(const Graph& graph, const Tests& tests, const std::vector<bool>& grounded,
               const std::vector<Vertex>& targets, Budget& budget) {
  const std::size_t n = graph.node_count();
  // What reaches a target, walking back from the targets over carrying edges.
  std::vector<u32> found(n, none);
  std::vector<Vertex> members;
  for (Vertex t : targets) {
    if (grounded[t] && found[t] == none) {
      found[t] = static_cast<u32>(members.size());
      members.push_back(t);
    }
  }
  for (std::size_t head = 0; head < members.size(); ++head) {
    const Vertex v = members[head];
    if (graph.node(v).kind == NodeKind::evidence) continue;
    for (const auto& e : graph.in_edges(v)) {
      const Vertex s = graph.source(e);
      if (!grounded[s] || found[s] != none || !carries(graph, tests, e)) continue;
      found[s] = static_cast<u32>(members.size());
      members.push_back(s);
    }
  }
  budget.spend(members.size());
  // Its components (BGL's Tarjan numbers them sinks first), on a compressed
  // sparse row graph built once from the carrying edges: placed by source
  // in the order listed, so each node's out-edges come in the order they
  // were found, as adding them one by one would give them.
  std::vector<std::pair<u32, u32>> carried;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Vertex v = members[i];
    if (graph.node(v).kind == NodeKind::evidence) continue;
    for (const auto& e : graph.in_edges(v)) {
      const Vertex s = graph.source(e);
      if (found[s] != none && carries(graph, tests, e)) carried.emplace_back(found[s], static_cast<u32>(i));
    }
  }
  const Graph::Store support(boost::edges_are_unsorted_multi_pass, carried.begin(), carried.end(),
                             static_cast<u32>(members.size()));
  std::vector<std::pair<u32, u32>>().swap(carried);
  std::vector<std::size_t> component(members.size(), 0);
  const std::size_t count =
      members.empty() ? 0
                      : boost::strong_components(support, boost::make_iterator_property_map(
                                                              component.begin(), boost::get(boost::vertex_index, support)));
  budget.spend(members.size() + boost::num_edges(support));
  // Topological order of the components (the highest number first), and
  // node order inside each: counted by component, then placed walking the
  // nodes in order (a sort would compare scattered members many times).
  std::vector<u32> order(members.size());
  {
    std::vector<std::size_t> fill(count + 1, 0);
    for (const std::size_t c : component) ++fill[count - c];
    for (std::size_t c = 0; c < count; ++c) fill[c + 1] += fill[c];
    for (Vertex v = 0; v < n; ++v) {
      if (found[v] != none) order[fill[count - 1 - component[found[v]]]++] = found[v];
    }
  }
  Cone cone;
  cone.local.assign(n, none);
  cone.vertex.reserve(members.size());
  for (u32 i : order) {
    cone.local[members[i]] = static_cast<u32>(cone.vertex.size());
    cone.vertex.push_back(members[i]);
  }
  for (u32 i = 0; i < order.size(); ++i) {
    if (i == 0 || component[order[i]] != component[order[i - 1]]) cone.component_start.push_back(i);
  }
  cone.component_start.push_back(static_cast<u32>(order.size()));
  const std::size_t k = cone.size();
  cone.evidence.resize(k);
  cone.need.resize(k);
  cone.in_start.assign(k + 1, 0);
  for (u32 v = 0; v < k; ++v) {
    const Vertex x = cone.vertex[v];
    cone.evidence[v] = graph.node(x).kind == NodeKind::evidence;
    cone.need[v] = tests.need[x];
    if (!cone.evidence[v]) {
      for (const auto& e : graph.in_edges(x)) {
        const Vertex s = graph.source(e);
        if (cone.local[s] == none || !carries(graph, tests, e)) continue;
        cone.in_from.push_back(cone.local[s]);
        cone.in_share.push_back(tests.share[graph.edge(e).index]);
      }
    }
    cone.in_start[v + 1] = cone.in_from.size();
  }
  // The same edges, from their source.
  cone.out_start.assign(k + 1, 0);
  for (u32 s : cone.in_from) ++cone.out_start[s + 1];
  for (std::size_t v = 0; v < k; ++v) cone.out_start[v + 1] += cone.out_start[v];
  cone.out_to.resize(cone.in_from.size());
  cone.out_share.resize(cone.in_from.size());
  std::vector<std::size_t> next(cone.out_start.begin(), cone.out_start.end() - 1);
  for (u32 v = 0; v < k; ++v) {
    for (std::size_t i = cone.in_start[v]; i < cone.in_start[v + 1]; ++i) {
      const std::size_t at = next[cone.in_from[i]]++;
      cone.out_to[at] = v;
      cone.out_share[at] = cone.in_share[i];
    }
  }
  budget.spend(k + cone.in_from.size());
  return cone;
}

// The equations of critical.hpp solved on the cone, with some of its
// evidence removed: which nodes stay grounded, in what order, and for each
// the evidence it cannot lose (a sorted list of local ids, shared between
// nodes where equal).
class Solver {
 public:
  static constexpr u32 top = none;  // every piece of evidence: where a cycle starts from

  Solver(const Cone& cone, Budget& budget) : cone_(cone), budget_(budget) {}

  void solve(const std::vector<u32>& removed) {
    const std::size_t k = cone_.size();
    grounded_.assign(k, false);
    have_.assign(k, 0);
    rank_.assign(k, none);
    crit_.assign(k, top);
    sets_.clear();
    queue_.clear();
    std::vector<bool> out(k, false);
    for (u32 r : removed) out[r] = true;
    for (u32 v = 0; v < k; ++v) {
      if (cone_.evidence[v] && !out[v]) ground(v);
    }
    for (std::size_t head = 0; head < queue_.size(); ++head) {
      const u32 v = queue_[head];
      for (std::size_t i = cone_.out_start[v]; i < cone_.out_start[v + 1]; ++i) {
        // Every grounded node's share counts, also after the node it bears
        // on is grounded: the slack is what that node has beyond its need.
        const u32 t = cone_.out_to[i];
        have_[t] += cone_.out_share[i];
        if (!grounded_[t] && have_[t] >= cone_.need[t]) ground(t);
      }
    }
    budget_.spend(k + cone_.out_to.size());
    std::vector<bool> waiting(k, false);
    std::vector<u32> work;
    for (std::size_t c = 0; c + 1 < cone_.component_start.size(); ++c) {
      const u32 begin = cone_.component_start[c], end = cone_.component_start[c + 1];
      if (end - begin == 1) {
        if (grounded_[begin]) crit_[begin] = compute(begin);
        continue;
      }
      // A cycle: from `top` down to the greatest solution, each node again
      // whenever something it rests on shrank; first in grounding order.
      work.clear();
      for (u32 v = begin; v < end; ++v) {
        if (grounded_[v]) work.push_back(v);
      }
      std::sort(work.begin(), work.end(), [&](u32 a, u32 b) { return rank_[a] < rank_[b]; });
      for (u32 v : work) waiting[v] = true;
      for (std::size_t head = 0; head < work.size(); ++head) {
        const u32 v = work[head];
        waiting[v] = false;
        const u32 now = compute(v);
        if (same(now, crit_[v])) continue;
        crit_[v] = now;
        for (std::size_t i = cone_.out_start[v]; i < cone_.out_start[v + 1]; ++i) {
          const u32 t = cone_.out_to[i];
          if (t >= begin && t < end && grounded_[t] && !waiting[t]) {
            waiting[t] = true;
            work.push_back(t);
          }
        }
        if (head > 4096 && head * 2 > work.size()) {
          work.erase(work.begin(), work.begin() + static_cast<std::ptrdiff_t>(head + 1));
          head = static_cast<std::size_t>(-1);
        }
      }
    }
  }

  [[nodiscard]] bool grounded(u32 v) const { return grounded_[v]; }
  [[nodiscard]] u32 rank(u32 v) const { return rank_[v]; }
  /// The evidence (local ids, sorted) whose loss alone would unground v.
  [[nodiscard]] const std::vector<u32>& crit(u32 v) const { return sets_[crit_[v]]; }
  [[nodiscard]] bool critical(u32 v, u32 evidence) const {
    if (!grounded_[v]) return false;
    const auto& s = crit(v);
    return std::binary_search(s.begin(), s.end(), evidence);
  }

 private:
  void ground(u32 v) {
    grounded_[v] = true;
    rank_[v] = static_cast<u32>(queue_.size());
    queue_.push_back(v);
  }

  [[nodiscard]] bool same(u32 a, u32 b) const {
    if (a == top || b == top) return a == b;
    return a == b || sets_[a].size() == sets_[b].size();  // solutions only shrink
  }

  u32 make(std::vector<u32> set) {
    sets_.push_back(std::move(set));
    return static_cast<u32>(sets_.size() - 1);
  }

  u32 compute(u32 v) {
    if (cone_.evidence[v]) return make({v});
    const u64 slack = have_[v] - cone_.need[v];
    u64 top_sum = 0;
    u32 only = top;
    bool one_set = true;
    for (std::size_t i = cone_.in_start[v]; i < cone_.in_start[v + 1]; ++i) {
      const u32 s = cone_.in_from[i];
      if (!grounded_[s]) continue;
      if (crit_[s] == top) {
        top_sum += cone_.in_share[i];
      } else if (only == top) {
        only = crit_[s];
      } else if (crit_[s] != only) {
        one_set = false;
      }
    }
    budget_.spend(cone_.in_start[v + 1] - cone_.in_start[v] + 1);
    if (top_sum > slack) return top;
    if (only == top) return make({});  // all its support is in the cycle, and none is needed
    // One set among its support: every piece of evidence in it takes away
    // everything that is not in a cycle above, more than the slack.
    if (one_set && top_sum == 0) return only;
    pairs_.clear();
    for (std::size_t i = cone_.in_start[v]; i < cone_.in_start[v + 1]; ++i) {
      const u32 s = cone_.in_from[i];
      if (!grounded_[s] || crit_[s] == top) continue;
      for (u32 x : sets_[crit_[s]]) pairs_.emplace_back(x, cone_.in_share[i]);
    }
    budget_.spend(pairs_.size());
    std::sort(pairs_.begin(), pairs_.end());
    std::vector<u32> set;
    for (std::size_t i = 0; i < pairs_.size();) {
      const u32 x = pairs_[i].first;
      u64 lost = top_sum;
      for (; i < pairs_.size() && pairs_[i].first == x; ++i) lost += pairs_[i].second;
      if (lost > slack) set.push_back(x);
    }
    return make(std::move(set));
  }

  const Cone& cone_;
  Budget& budget_;
  std::vector<bool> grounded_;
  std::vector<u64> have_;
  std::vector<u32> rank_;
  std::vector<u32> crit_;
  std::vector<std::vector<u32>> sets_;
  std::vector<u32> queue_;
  std::vector<std::pair<u32, u64>> pairs_;
};

// Why the claim falls without the set: the nodes it rests on that fall with
// it, and one path down to the set, each step to a node grounded before the
// last in the record (one always falls: what grounded a node first falls,
// or the node would not). `falls(local)` says whether a node falls.
template <class Falls>
CutSet explain(const Cone& cone, const Solver& base, u32 claim, std::vector<Vertex> evidence, Falls falls) {
  CutSet cut;
  cut.evidence = std::move(evidence);
  std::vector<u32> seen;
  for (std::size_t i = cone.in_start[claim]; i < cone.in_start[claim + 1]; ++i) {
    const u32 s = cone.in_from[i];
    if (base.grounded(s) && falls(s) && std::find(seen.begin(), seen.end(), s) == seen.end()) {
      seen.push_back(s);
      cut.lost.push_back(cone.vertex[s]);
    }
  }
  u32 v = claim;
  cut.path.push_back(cone.vertex[v]);
  while (!cone.evidence[v]) {
    u32 next = none;
    for (std::size_t i = cone.in_start[v]; i < cone.in_start[v + 1] && next == none; ++i) {
      const u32 s = cone.in_from[i];
      if (base.grounded(s) && base.rank(s) < base.rank(v) && falls(s)) next = s;
    }
    if (next == none) break;
    v = next;
    cut.path.push_back(cone.vertex[v]);
  }
  return cut;
}

bool before(const CutSet& a, const CutSet& b) {
  if (a.evidence.size() != b.evidence.size()) return a.evidence.size() < b.evidence.size();
  return a.evidence < b.evidence;
}

// The grounded status of every node of `graph`, its critical questions
// weighed as evaluate weighs them.
std::vector<Label> labels_of(const Graph& graph, const CriticalOptions& options, std::size_t nodes) {
  std::vector<Label> labels;
  std::optional<Graph> questions;
  if (options.schemes != nullptr) {
    auto use = scheme_use(graph, *options.schemes);
    questions = question_graph(graph, use);
  }
  labels = grounded_status(questions ? *questions : graph, options.status_options).labels;
  labels.resize(nodes);
  return labels;
}

constexpr std::size_t most = std::numeric_limits<std::size_t>::max();

std::size_t saturating_product(std::size_t a, std::size_t b) { return b != 0 && a > most / b ? most : a * b; }

// C(n, k), or the largest size_t when it is larger.
std::size_t choose(std::size_t n, std::size_t k) {
  if (k > n) return 0;
  std::size_t c = 1;
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t next = saturating_product(c, n - i);
    if (next == most) return most;
    c = next / (i + 1);  // exact: the product of i + 1 consecutive numbers
  }
  return c;
}

// Visits every set of `size` of the first `count` indices, in lexicographic
// order, until `visit` returns false.
template <class Visit>
void combinations(std::size_t count, std::size_t size, Visit visit) {
  if (size == 0 || size > count) return;
  std::vector<std::size_t> at(size);
  for (std::size_t i = 0; i < size; ++i) at[i] = i;
  while (true) {
    visit(at);
    std::size_t i = size;
    while (i > 0 && at[i - 1] == count - size + i - 1) --i;
    if (i == 0) return;
    ++at[i - 1];
    for (std::size_t j = i; j < size; ++j) at[j] = at[j - 1] + 1;
  }
}

// Whether some set of `kept` is a proper subset of `set` (sorted) that
// contains set[must] (or any, when must is none).
bool has_kept_subset(const std::set<std::vector<u32>>& kept, const std::vector<u32>& set, std::size_t must) {
  if (kept.empty() || set.size() < 2) return false;
  const std::size_t k = set.size();
  std::vector<u32> subset;
  for (std::size_t mask = 1; mask + 1 < (std::size_t{1} << k); ++mask) {
    if (must != none && (mask & (std::size_t{1} << must)) == 0) continue;
    subset.clear();
    for (std::size_t i = 0; i < k; ++i) {
      if (mask & (std::size_t{1} << i)) subset.push_back(set[i]);
    }
    if (kept.count(subset) != 0) return true;
  }
  return false;
}

std::vector<Vertex> targets_of(const Graph& graph, const CriticalOptions& options) {
  std::vector<Vertex> t;
  if (!options.claims.empty()) {
    for (Vertex v : options.claims) {
      if (v < graph.node_count() && is_claim_like(graph.node(v).kind)) t.push_back(v);
    }
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
    return t;
  }
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    if (is_claim_like(graph.node(v).kind)) t.push_back(v);
  }
  return t;
}

void status_cuts(const Graph& graph, const CriticalOptions& options, CriticalReport& report, Budget& budget) {
  const std::size_t n = graph.node_count();
  std::vector<bool> excluded = options.excluded;
  excluded.resize(n, false);
  const auto labels = labels_of(without(graph, excluded), options, n);
  budget.spend(n + graph.edge_count());
  // The evidence that can change a target's status: what reaches it by any edge.
  std::vector<bool> reached(n, false);
  std::vector<Vertex> stack;
  std::vector<std::size_t> targets_in;  // positions in report.claims
  for (std::size_t i = 0; i < report.claims.size(); ++i) {
    auto& c = report.claims[i];
    c.label = labels[c.claim];
    if (labels[c.claim] != Label::in) continue;
    targets_in.push_back(i);
    if (!reached[c.claim]) {
      reached[c.claim] = true;
      stack.push_back(c.claim);
    }
  }
  while (!stack.empty()) {
    const Vertex v = stack.back();
    stack.pop_back();
    for (const auto& e : graph.in_edges(v)) {
      const Vertex s = graph.source(e);
      if (!reached[s] && !excluded[s]) {
        reached[s] = true;
        stack.push_back(s);
      }
    }
  }
  std::vector<Vertex> candidates;
  for (Vertex v = 0; v < n; ++v) {
    if (reached[v] && graph.node(v).kind == NodeKind::evidence) candidates.push_back(v);
  }
  std::vector<std::set<std::vector<u32>>> kept(report.claims.size());
  for (std::size_t size = 1; size <= options.max_set; ++size) {
    combinations(candidates.size(), size, [&](const std::vector<std::size_t>& at) {
      budget.spend(n + graph.edge_count());
      std::vector<bool> out = excluded;
      std::vector<u32> set;
      for (std::size_t i : at) {
        out[candidates[i]] = true;
        set.push_back(static_cast<u32>(i));
      }
      const auto now = labels_of(without(graph, out), options, n);
      for (std::size_t i : targets_in) {
        auto& c = report.claims[i];
        if (now[c.claim] == Label::in || has_kept_subset(kept[i], set, none)) continue;
        kept[i].insert(set);
        StatusCut cut{{}, now[c.claim]};
        for (std::size_t j : at) cut.evidence.push_back(candidates[j]);
        c.status_cuts.push_back(std::move(cut));
      }
    });
  }
}

}  // namespace

CriticalReport critical(const Graph& graph, const CriticalOptions& options) {
  const std::size_t n = graph.node_count();
  if (options.max_set < 1 || options.max_set > max_cut_set) {
    throw Error("cut sets can be looked for of 1 to " + std::to_string(max_cut_set) + " pieces of evidence, not " +
                std::to_string(options.max_set));
  }
  CriticalReport report;
  report.max_set = options.max_set;
  Budget budget(report.max_set, options.max_steps);
  const auto targets = targets_of(graph, options);
  const auto grounding = check(graph, options.excluded);
  const auto tests = tests_of(graph);
  const Cone cone = make_cone(graph, tests, grounding.grounded, targets, budget);
  Solver base(cone, budget);
  base.solve({});

  std::vector<std::set<std::vector<u32>>> kept(targets.size());
  std::vector<std::vector<CutSet>> cuts(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const u32 c = cone.local[targets[i]];
    if (c == none || !base.grounded(c)) continue;
    for (u32 x : base.crit(c)) {
      kept[i].insert({x});
      cuts[i].push_back(explain(cone, base, c, {cone.vertex[x]}, [&](u32 s) { return base.critical(s, x); }));
    }
  }
  // Sets of k: each set S of k − 1 pieces of evidence excluded in turn, and
  // the single points of failure of what remains, past the last of S.
  std::vector<u32> evidence;
  for (u32 v = 0; v < cone.size(); ++v) {
    if (cone.evidence[v]) evidence.push_back(v);
  }
  Solver rest(cone, budget);
  const std::size_t solve_cost = cone.size() + cone.in_from.size();
  for (std::size_t k = 2; k <= report.max_set; ++k) {
    // Each set of k − 1 costs at least one walk of the cone.
    budget.expect(saturating_product(choose(evidence.size(), k - 1), solve_cost));
    combinations(evidence.size(), k - 1, [&](const std::vector<std::size_t>& at) {
      std::vector<u32> removed;
      for (std::size_t j : at) removed.push_back(evidence[j]);
      rest.solve(removed);
      for (std::size_t i = 0; i < targets.size(); ++i) {
        const u32 c = cone.local[targets[i]];
        if (c == none || !rest.grounded(c)) continue;
        for (u32 x : rest.crit(c)) {
          if (x <= removed.back()) continue;  // found from the set without its last
          std::vector<u32> set = removed;
          set.push_back(x);
          if (has_kept_subset(kept[i], set, set.size() - 1)) continue;
          kept[i].insert(set);
          std::vector<Vertex> vertices;
          for (u32 e : set) vertices.push_back(cone.vertex[e]);
          std::sort(vertices.begin(), vertices.end());
          cuts[i].push_back(explain(cone, base, c, std::move(vertices),
                                    [&](u32 s) { return !rest.grounded(s) || rest.critical(s, x); }));
        }
      }
    });
  }

  std::vector<std::vector<Vertex>> holds_up(n);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    ClaimCuts c;
    c.claim = targets[i];
    c.grounded = grounding.grounded[targets[i]];
    std::sort(cuts[i].begin(), cuts[i].end(), before);
    for (const auto& cut : cuts[i]) {
      if (cut.evidence.size() == 1) holds_up[cut.evidence.front()].push_back(c.claim);
    }
    c.cut_sets = std::move(cuts[i]);
    report.claims.push_back(std::move(c));
  }
  for (Vertex v = 0; v < n; ++v) {
    if (!holds_up[v].empty()) report.evidence.push_back({v, std::move(holds_up[v])});
  }
  if (options.status) status_cuts(graph, options, report, budget);
  report.steps = budget.used();
  return report;
}

std::vector<std::vector<Graph::NodeRef>> single_points(const Graph& graph, const std::vector<bool>& excluded) {
  const std::size_t n = graph.node_count();
  Budget budget(1, std::numeric_limits<std::size_t>::max());
  CriticalOptions options;
  options.excluded = excluded;
  const auto targets = targets_of(graph, options);
  const auto grounding = check(graph, excluded);
  const auto tests = tests_of(graph);
  const Cone cone = make_cone(graph, tests, grounding.grounded, targets, budget);
  Solver base(cone, budget);
  base.solve({});
  std::vector<std::vector<Vertex>> points(n);
  for (Vertex t : targets) {
    const u32 c = cone.local[t];
    if (c == none || !base.grounded(c)) continue;
    for (u32 x : base.crit(c)) points[t].push_back(cone.vertex[x]);
    std::sort(points[t].begin(), points[t].end());
  }
  return points;
}

}  // namespace claimgraph::analysis
