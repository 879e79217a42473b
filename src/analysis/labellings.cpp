#include "claimgraph/analysis/labellings.hpp"

#include <algorithm>
#include <boost/pending/disjoint_sets.hpp>
#include <cstdint>
#include <limits>
#include <span>

#include "analysis/element_tests.hpp"
#include "analysis/search_budget.hpp"

namespace claimgraph::analysis {

namespace {

using Vertex = Graph::NodeRef;
using u32 = std::uint32_t;
constexpr u32 none = std::numeric_limits<u32>::max();


// The graph in flat arrays, its grounded status and its open parts.
struct Prepared {
  const Graph* graph = nullptr;
  std::size_t n = 0;
  std::vector<Vertex> source, target;
  std::vector<Relation> relation;
  std::vector<std::size_t> in_begin, in_edges;        // CSR: edges into each node
  std::vector<std::size_t> out_begin, out_edges;      // CSR: edges out of each node
  std::vector<std::size_t> cut_begin;                 // CSR: per edge, the nodes that undercut it
  std::vector<Vertex> cutters;
  std::vector<u32> elements;                          // element-of edges into each node
  // Per edge that carries grounding, what it brings (1 for a supports edge,
  // the element's share for an element-of edge); per claim, what it needs:
  // element_tests.hpp, and 1 for a claim without elements.
  std::vector<std::uint64_t> share, need;
  std::vector<bool> claim;
  std::vector<Label> grounded;
  std::vector<u32> part_of;                           // per node: its open part, or none
  std::vector<std::vector<Vertex>> parts;             // open nodes, in node order

  // The edges into a claim that carry its grounding.
  [[nodiscard]] bool carries(std::size_t e) const {
    const Vertex t = target[e];
    if (!claim[t]) return false;
    return elements[t] > 0 ? relation[e] == Relation::element_of : relation[e] == Relation::supports;
  }
  [[nodiscard]] std::span<const Vertex> undercutters(std::size_t e) const {
    return {cutters.data() + cut_begin[e], cutters.data() + cut_begin[e + 1]};
  }
};

Prepared prepare(const Graph& graph) {
  Prepared p;
  p.graph = &graph;
  const std::size_t n = graph.node_count(), m = graph.edge_count();
  p.n = n;
  p.source.resize(m);
  p.target.resize(m);
  p.relation.resize(m);
  p.in_begin.assign(n + 1, 0);
  p.out_begin.assign(n + 1, 0);
  p.cut_begin.assign(m + 1, 0);
  p.elements.assign(n, 0);
  p.share.assign(m, 1);
  p.need.assign(n, 0);
  p.claim.resize(n);
  for (Vertex v = 0; v < n; ++v) p.claim[v] = is_claim_like(graph.node(v).kind);
  const auto edges = graph.edges();
  for (std::size_t e = 0; e < m; ++e) {
    p.source[e] = graph.source(edges[e]);
    p.target[e] = graph.target(edges[e]);
    p.relation[e] = graph.edge(edges[e]).relation;
    ++p.in_begin[p.target[e] + 1];
    ++p.out_begin[p.source[e] + 1];
    if (p.relation[e] == Relation::element_of) {
      ++p.elements[p.target[e]];
      p.share[e] = detail::element_share(graph.node(p.target[e]).test.value_or(ElementTest::all),
                                         graph.node(p.source[e]));
      p.need[p.target[e]] += p.share[e];
    }
    if (p.relation[e] == Relation::undercuts) ++p.cut_begin[graph.edge(edges[e]).undercut + 1];
  }
  for (std::size_t v = 0; v < n; ++v) {
    p.in_begin[v + 1] += p.in_begin[v];
    p.out_begin[v + 1] += p.out_begin[v];
  }
  for (std::size_t e = 0; e < m; ++e) p.cut_begin[e + 1] += p.cut_begin[e];
  for (Vertex v = 0; v < n; ++v) {
    p.need[v] = p.elements[v] > 0 ? detail::element_need(graph.node(v).test.value_or(ElementTest::all), p.need[v]) : 1;
  }
  p.in_edges.resize(m);
  p.out_edges.resize(m);
  p.cutters.resize(p.cut_begin[m]);
  {
    std::vector<std::size_t> in(p.in_begin.begin(), p.in_begin.end() - 1);
    std::vector<std::size_t> out(p.out_begin.begin(), p.out_begin.end() - 1);
    std::vector<std::size_t> cut(p.cut_begin.begin(), p.cut_begin.end() - 1);
    for (std::size_t e = 0; e < m; ++e) {
      p.in_edges[in[p.target[e]]++] = e;
      p.out_edges[out[p.source[e]]++] = e;
      if (p.relation[e] == Relation::undercuts) p.cutters[cut[graph.edge(edges[e]).undercut]++] = p.source[e];
    }
  }
  p.grounded = grounded_status(graph).labels;

  // The open parts: UNDEC nodes joined by an edge, or by an undercut of an
  // edge into an UNDEC node. Nodes outside them keep their grounded label
  // in every complete labelling, so the parts do not affect each other.
  std::vector<std::size_t> rank(n, 0), parent(n);
  const auto rank_map = boost::make_iterator_property_map(rank.begin(), boost::typed_identity_property_map<std::size_t>());
  const auto parent_map = boost::make_iterator_property_map(parent.begin(), boost::typed_identity_property_map<std::size_t>());
  boost::disjoint_sets<decltype(rank_map), decltype(parent_map)> sets(rank_map, parent_map);
  for (Vertex v = 0; v < n; ++v) sets.make_set(v);
  auto open = [&](Vertex v) { return p.grounded[v] == Label::undec; };
  auto join = [&](Vertex a, Vertex b) {
    if (open(a) && open(b)) sets.union_set(a, b);
  };
  for (std::size_t e = 0; e < m; ++e) {
    if (p.relation[e] == Relation::undercuts) {
      const std::size_t attacked = graph.edge(edges[e]).undercut;
      join(p.source[e], p.target[attacked]);
    } else {
      join(p.source[e], p.target[e]);
    }
  }
  p.part_of.assign(n, none);
  std::vector<u32> part_of_root(n, none);
  for (Vertex v = 0; v < n; ++v) {
    if (!open(v)) continue;
    const std::size_t root = sets.find_set(v);
    if (part_of_root[root] == none) {
      part_of_root[root] = static_cast<u32>(p.parts.size());
      p.parts.emplace_back();
    }
    p.part_of[v] = part_of_root[root];
    p.parts[p.part_of[v]].push_back(v);
  }
  return p;
}

// Per node of the whole graph, reused from part to part (only the part's
// own nodes are touched).
struct Scratch {
  std::vector<std::uint8_t> state;     // open, in or excluded
  std::vector<std::size_t> position;   // place in its part
};

// The complete labellings of one open part (preferred or stable ones), by
// depth-first search over which nodes are IN, with a linear check of each
// full assignment.
class PartSearch {
 public:
  PartSearch(const Prepared& p, u32 part, Semantics semantics, SearchBudget& budget, Scratch& scratch)
      : p_(p),
        part_(part),
        nodes_(p.parts[part]),
        semantics_(semantics),
        budget_(budget),
        state_(scratch.state),
        part_position_(scratch.position) {}

  // Calls found(labels of the part's nodes, in order) for each labelling.
  // Returns false when `found` stopped the search.
  bool run(const std::function<bool(const std::vector<Label>&)>& found);

 private:
  enum : std::uint8_t { open = 0, in = 1, excluded = 2 };
  // Per node of the whole graph (only this part's are touched).
  [[nodiscard]] bool mine(Vertex v) const { return p_.part_of[v] == part_; }
  [[nodiscard]] bool is_in(Vertex v) const {
    return p_.grounded[v] == Label::in || (mine(v) && state_[v] == in);
  }
  [[nodiscard]] bool may_be_in(Vertex v) const {
    return p_.grounded[v] == Label::in || (mine(v) && state_[v] != excluded);
  }
  bool may_go_in(Vertex v);
  bool check(std::vector<Label>& labels);
  bool covered() const;

  const Prepared& p_;
  u32 part_;
  const std::vector<Vertex>& nodes_;
  Semantics semantics_;
  SearchBudget& budget_;
  std::vector<std::uint8_t>& state_;
  std::vector<std::size_t>& part_position_;
  std::vector<std::vector<bool>> preferred_;  // IN sets found, by position in the part
};

// Whether v can be put IN next to what is IN already: nothing IN
// contradicts it or is contradicted by it, and its support can still be met.
bool PartSearch::may_go_in(Vertex v) {
  budget_.spend(1 + p_.in_begin[v + 1] - p_.in_begin[v] + p_.out_begin[v + 1] - p_.out_begin[v]);
  for (std::size_t k = p_.out_begin[v]; k < p_.out_begin[v + 1]; ++k) {
    const std::size_t e = p_.out_edges[k];
    if (p_.relation[e] == Relation::contradicts && is_in(p_.target[e])) return false;
  }
  std::uint64_t elements_possible = 0;
  bool supporter_possible = false;
  for (std::size_t k = p_.in_begin[v]; k < p_.in_begin[v + 1]; ++k) {
    const std::size_t e = p_.in_edges[k];
    const Vertex s = p_.source[e];
    if (p_.relation[e] == Relation::contradicts) {
      if (s == v || is_in(s)) return false;
    } else if (p_.carries(e) && may_be_in(s)) {
      if (p_.relation[e] == Relation::element_of) {
        elements_possible += p_.share[e];
      } else {
        bool cut = false;
        for (Vertex u : p_.undercutters(e)) cut = cut || is_in(u);
        supporter_possible = supporter_possible || !cut;
      }
    }
  }
  if (!p_.claim[v]) return true;
  return p_.elements[v] > 0 ? elements_possible >= p_.need[v] : supporter_possible;
}

// Checks the labelling whose IN nodes in this part are those marked `in`;
// fills `labels` (by position in the part) and says whether it is complete
// (for stable semantics: complete without UNDEC).
bool PartSearch::check(std::vector<Label>& labels) {
  const std::size_t k = nodes_.size();
  std::size_t work = k;
  for (Vertex v : nodes_) work += p_.in_begin[v + 1] - p_.in_begin[v] + p_.out_begin[v + 1] - p_.out_begin[v];
  budget_.spend(2 * work);

  // Counters per node of the part, by position in it.
  std::vector<std::uint64_t> count(k, 0);
  std::vector<bool> attacked(k, false), grounded(k, false), queued(k, false);
  std::vector<std::size_t> queue;
  auto pos = [&](Vertex v) { return part_position_[v]; };
  auto satisfied = [&](Vertex v, std::uint64_t c) { return !p_.claim[v] || c >= p_.need[v]; };

  // 1. Which nodes are grounded in what is not OUT, where OUT is as large as
  // the rules allow: a node not IN is OUT unless nothing IN contradicts it
  // and it is grounded (it is then UNDEC, and may ground others).
  auto blocked = [&](std::size_t e) {
    for (Vertex u : p_.undercutters(e)) {
      if (is_in(u)) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < k; ++i) {
    const Vertex v = nodes_[i];
    for (std::size_t j = p_.in_begin[v]; j < p_.in_begin[v + 1]; ++j) {
      const std::size_t e = p_.in_edges[j];
      const Vertex s = p_.source[e];
      if (p_.relation[e] == Relation::contradicts) {
        if (is_in(s)) attacked[i] = true;
      } else if (p_.carries(e) && p_.grounded[s] == Label::in && !blocked(e)) {
        count[i] += p_.share[e];  // grounded IN supporters outside the part always count
      }
    }
  }
  auto eligible = [&](std::size_t i) { return state_[nodes_[i]] == in || !attacked[i]; };
  for (std::size_t i = 0; i < k; ++i) {
    if (eligible(i) && satisfied(nodes_[i], count[i])) {
      queued[i] = true;
      queue.push_back(i);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const Vertex y = nodes_[queue[head]];
    grounded[queue[head]] = true;
    for (std::size_t j = p_.out_begin[y]; j < p_.out_begin[y + 1]; ++j) {
      const std::size_t e = p_.out_edges[j];
      const Vertex t = p_.target[e];
      if (!mine(t) || !p_.carries(e) || blocked(e)) continue;
      const std::size_t i = pos(t);
      count[i] += p_.share[e];
      if (!queued[i] && eligible(i) && satisfied(t, count[i])) {
        queued[i] = true;
        queue.push_back(i);
      }
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    labels[i] = state_[nodes_[i]] == in ? Label::in : grounded[i] ? Label::undec : Label::out;
    if (semantics_ == Semantics::stable && labels[i] == Label::undec) return false;
  }
  auto is_out = [&](Vertex v) { return p_.grounded[v] == Label::out || (mine(v) && labels[pos(v)] == Label::out); };

  // 2. Grounding through IN nodes only, over the supports edges whose
  // undercutters are all OUT; every IN node must get it, no UNDEC node may
  // meet the rule for IN.
  auto clear = [&](std::size_t e) {
    for (Vertex u : p_.undercutters(e)) {
      if (!is_out(u)) return false;
    }
    return true;
  };
  std::fill(count.begin(), count.end(), std::uint64_t{0});
  std::fill(queued.begin(), queued.end(), false);
  queue.clear();
  std::vector<bool> unattacked(k, true);
  for (std::size_t i = 0; i < k; ++i) {
    const Vertex v = nodes_[i];
    for (std::size_t j = p_.in_begin[v]; j < p_.in_begin[v + 1]; ++j) {
      const std::size_t e = p_.in_edges[j];
      const Vertex s = p_.source[e];
      if (p_.relation[e] == Relation::contradicts) {
        if (!is_out(s)) unattacked[i] = false;
      } else if (p_.carries(e) && p_.grounded[s] == Label::in && clear(e)) {
        count[i] += p_.share[e];
      }
    }
    if (labels[i] == Label::in && !unattacked[i]) return false;
  }
  for (std::size_t i = 0; i < k; ++i) {
    if (labels[i] == Label::in && satisfied(nodes_[i], count[i])) {
      queued[i] = true;
      queue.push_back(i);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const Vertex y = nodes_[queue[head]];
    for (std::size_t j = p_.out_begin[y]; j < p_.out_begin[y + 1]; ++j) {
      const std::size_t e = p_.out_edges[j];
      const Vertex t = p_.target[e];
      if (!mine(t) || !p_.carries(e) || !clear(e)) continue;
      const std::size_t i = pos(t);
      count[i] += p_.share[e];
      if (!queued[i] && labels[i] == Label::in && satisfied(t, count[i])) {
        queued[i] = true;
        queue.push_back(i);
      }
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    const bool meets = unattacked[i] && satisfied(nodes_[i], count[i]);
    if (labels[i] == Label::in && !queued[i]) return false;     // IN but not grounded through IN nodes
    if (labels[i] == Label::undec && meets) return false;        // would have to be IN
  }
  return true;
}

// Whether everything the current branch could still put IN lies within a
// preferred labelling found before.
bool PartSearch::covered() const {
  for (const auto& found : preferred_) {
    bool inside = true;
    for (std::size_t i = 0; i < nodes_.size() && inside; ++i) {
      inside = state_[nodes_[i]] == excluded || found[i];
    }
    if (inside) return true;
  }
  return false;
}

bool PartSearch::run(const std::function<bool(const std::vector<Label>&)>& found) {
  const std::size_t k = nodes_.size();
  for (std::size_t i = 0; i < k; ++i) part_position_[nodes_[i]] = i;
  for (Vertex v : nodes_) state_[v] = open;
  std::vector<Label> labels(k);
  // tried[i]: 0 nothing yet, 1 IN tried, 2 both tried.
  std::vector<std::uint8_t> tried(k + 1, 0);
  std::size_t i = 0;
  bool go_on = true;
  for (;;) {
    if (i == k) {
      if (check(labels)) {
        bool keep = true;
        if (semantics_ == Semantics::preferred) {
          // With IN tried first, no later labelling contains an earlier
          // one: this one is preferred unless one found before contains it.
          keep = !covered();
          if (keep) {
            std::vector<bool> set(k);
            for (std::size_t j = 0; j < k; ++j) set[j] = labels[j] == Label::in;
            preferred_.push_back(std::move(set));
          }
        }
        if (keep && !found(labels)) {
          go_on = false;
          break;
        }
      }
      if (k == 0) break;
      --i;
      continue;
    }
    const Vertex v = nodes_[i];
    if (tried[i] == 0) {
      tried[i] = 1;
      if (may_go_in(v)) {
        state_[v] = in;
        ++i;
        continue;
      }
    }
    if (tried[i] == 1) {
      tried[i] = 2;
      state_[v] = excluded;
      budget_.spend(1);
      if (semantics_ != Semantics::preferred || !covered()) {
        ++i;
        continue;
      }
    }
    // Both tried: back up.
    tried[i] = 0;
    state_[v] = open;
    if (i == 0) break;
    --i;
  }
  for (Vertex v : nodes_) state_[v] = open;
  return go_on;
}

}  // namespace

std::size_t enumerate_labellings(const Graph& graph, Semantics semantics, const SearchLimits& limits,
                                 const LabellingVisitor& visit) {
  if (semantics == Semantics::grounded) {
    visit(grounded_status(graph).labels);
    return 1;
  }
  const Prepared p = prepare(graph);
  SearchBudget budget(semantics, limits.max_steps);
  Scratch scratch{std::vector<std::uint8_t>(p.n, 0), std::vector<std::size_t>(p.n, 0)};
  // Every labelling of each part, then their combinations: the first part
  // varies slowest.
  std::vector<std::vector<std::vector<Label>>> found(p.parts.size());
  for (u32 c = 0; c < p.parts.size(); ++c) {
    PartSearch(p, c, semantics, budget, scratch).run([&](const std::vector<Label>& labels) {
      budget.spend(labels.size());
      found[c].push_back(labels);
      return true;
    });
    if (found[c].empty()) return 0;  // no stable labelling anywhere
  }
  std::vector<Label> labels = p.grounded;
  std::vector<std::size_t> choice(p.parts.size(), 0);
  std::size_t visited = 0;
  for (;;) {
    for (std::size_t c = 0; c < p.parts.size(); ++c) {
      const auto& pick = found[c][choice[c]];
      for (std::size_t i = 0; i < pick.size(); ++i) labels[p.parts[c][i]] = pick[i];
    }
    budget.spend(p.n);
    ++visited;
    if (!visit(labels)) return visited;
    std::size_t c = p.parts.size();
    while (c > 0 && ++choice[c - 1] == found[c - 1].size()) choice[--c] = 0;
    if (c == 0) return visited;
  }
}

std::vector<NodeAcceptance> case_acceptance(const Graph& graph, Semantics semantics, const SearchLimits& limits) {
  // Evidence and contradictions only: Dung's semantics, with the abstract
  // solver's stronger propagation.
  bool abstract = true;
  for (const auto& e : graph.edges()) abstract = abstract && graph.edge(e).relation == Relation::contradicts;
  for (Vertex v = 0; v < graph.node_count() && abstract; ++v) abstract = !is_claim_like(graph.node(v).kind);
  if (abstract) return acceptance(graph, semantics, limits);

  const std::size_t n = graph.node_count();
  std::vector<NodeAcceptance> result(n);
  if (semantics == Semantics::grounded) {
    const auto labels = grounded_status(graph).labels;
    for (std::size_t v = 0; v < n; ++v) result[v] = {labels[v] == Label::in, labels[v] == Label::in};
    return result;
  }
  const Prepared p = prepare(graph);
  SearchBudget budget(semantics, limits.max_steps);
  Scratch scratch{std::vector<std::uint8_t>(p.n, 0), std::vector<std::size_t>(p.n, 0)};
  for (std::size_t v = 0; v < n; ++v) {
    const bool in = p.grounded[v] == Label::in;
    result[v] = {in, in};
  }
  for (u32 c = 0; c < p.parts.size(); ++c) {
    const auto& nodes = p.parts[c];
    std::vector<bool> in_some(nodes.size(), false), in_all(nodes.size(), true);
    bool any = false;
    PartSearch(p, c, semantics, budget, scratch).run([&](const std::vector<Label>& labels) {
      any = true;
      for (std::size_t i = 0; i < labels.size(); ++i) {
        in_some[i] = in_some[i] || labels[i] == Label::in;
        in_all[i] = in_all[i] && labels[i] == Label::in;
      }
      return true;
    });
    if (!any) {
      // No stable labelling at all: nothing credulous, everything sceptical.
      for (auto& r : result) r = {false, true};
      return result;
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) result[nodes[i]] = {in_some[i], in_all[i]};
  }
  return result;
}

}  // namespace claimgraph::analysis
