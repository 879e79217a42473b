#include "claimgraph/analysis/reasons.hpp"

#include <algorithm>
#include <utility>

#include "analysis/element_tests.hpp"

namespace claimgraph::analysis {

StatusReason explain_status(const Graph& graph, const StatusReport& status, Graph::NodeRef v) {
  const auto label = [&](Graph::NodeRef x) { return status.labels[x]; };
  const bool claim = is_claim_like(graph.node(v).kind);
  StatusReason r;
  r.label = label(v);
  r.test = graph.node(v).test.value_or(ElementTest::all);
  // The undercutters of v's supports edges arrive as undercuts edges into v
  // that name the edge they attack: (attacked edge, undercutter), sorted, so
  // each supports edge finds its own by binary search.
  std::vector<std::pair<std::size_t, Graph::NodeRef>> undercutters;
  for (const auto& e : graph.in_edges(v)) {
    if (graph.edge(e).relation == Relation::undercuts) undercutters.emplace_back(graph.edge(e).undercut, graph.source(e));
  }
  // Stable: each edge's undercutters stay in edge order.
  std::stable_sort(undercutters.begin(), undercutters.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  auto undercutters_of = [&](std::size_t edge, Label wanted) {
    std::vector<Graph::NodeRef> out;
    auto it = std::lower_bound(undercutters.begin(), undercutters.end(), edge,
                               [](const auto& p, std::size_t k) { return p.first < k; });
    for (; it != undercutters.end() && it->first == edge; ++it) {
      if (label(it->second) == wanted) out.push_back(it->second);
    }
    return out;
  };
  for (const auto& e : graph.in_edges(v)) {
    const Graph::NodeRef s = graph.source(e);
    switch (graph.edge(e).relation) {
      case Relation::contradicts:
        ++r.contradictors;
        if (label(s) == Label::in) r.contradictors_in.push_back(s);
        if (label(s) == Label::undec) r.contradictors_undec.push_back(s);
        break;
      case Relation::element_of:
        if (!claim) break;
        ++r.elements;
        (label(s) == Label::in ? r.elements_in : r.elements_not_in).push_back(s);
        if (r.test == ElementTest::balance) {
          const std::uint64_t w = detail::element_share(r.test, graph.node(s));
          (label(s) == Label::in ? r.weight_in : label(s) == Label::out ? r.weight_out : r.weight_undec) += w;
        }
        break;
      case Relation::supports: {
        const std::size_t i = graph.edge(e).index;
        const bool cut = i < status.undercut.size() && status.undercut[i];
        if (label(s) == Label::out) {
          r.fallen.push_back({s, i, {}});
        } else if (cut) {
          r.undercut.push_back({s, i, undercutters_of(i, Label::in)});
        } else if (label(s) == Label::undec) {
          r.undecided.push_back({s, i, {}});
        } else if (auto open = undercutters_of(i, Label::undec); !open.empty()) {
          r.contested.push_back({s, i, std::move(open)});
        } else {
          r.carrying.push_back({s, i, {}});
        }
        break;
      }
      case Relation::undercuts: break;
    }
  }
  switch (r.label) {
    case Label::in:
      r.cause = !claim ? Cause::evidence : r.elements > 0 ? Cause::elements_stand : Cause::supported;
      break;
    case Label::out:
      r.cause = !r.contradictors_in.empty() ? Cause::contradicted
                : r.elements > 0            ? Cause::elements_fall
                : !r.has_support()          ? Cause::unsupported
                : r.fallen.empty() && r.undecided.empty() ? Cause::support_undercut
                                                          : Cause::support_fallen;
      break;
    case Label::undec:
      r.cause = !r.contradictors_undec.empty() ? Cause::standoff
                : r.elements > 0               ? Cause::elements_undecided
                                               : Cause::support_undecided;
      break;
  }
  return r;
}

}  // namespace claimgraph::analysis
