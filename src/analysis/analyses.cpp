#include "claimgraph/analysis/analyses.hpp"

namespace claimgraph::analysis {

Results analyse(const Graph& graph, Wanted wanted) {
  Results r;
  if (wanted.grounding) r.grounding = check(graph);
  if (wanted.evaluation) {
    r.status = grounded_status(graph);
    r.strength = evaluate_strength(graph, {}, &*r.status);
  }
  return r;
}

}  // namespace claimgraph::analysis
