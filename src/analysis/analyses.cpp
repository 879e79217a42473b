#include "claimgraph/analysis/analyses.hpp"

namespace claimgraph::analysis {

Evaluated evaluate(const Graph& graph, SchemeUse* use, const StatusOptions& status, const StrengthOptions& options) {
  std::optional<Graph> questions;
  if (use != nullptr) questions = question_graph(graph, *use);
  const Graph& g = questions ? *questions : graph;
  Evaluated r;
  r.status = grounded_status(g, status);
  r.strength = evaluate_strength(g, options, &r.status);
  if (questions) {
    record_defeats(*use, r.status);
    cut_back(r.status, graph.node_count(), graph.edge_count());
    cut_back(r.strength, graph.node_count());
  }
  return r;
}

Results analyse(const Graph& graph, Wanted wanted) {
  Results r;
  if (wanted.grounding) r.grounding = check(graph);
  if (wanted.schemes != nullptr) r.schemes = scheme_use(graph, *wanted.schemes);
  if (wanted.evaluation) {
    auto e = evaluate(graph, r.schemes ? &*r.schemes : nullptr);
    r.status = std::move(e.status);
    r.strength = std::move(e.strength);
  }
  return r;
}

}  // namespace claimgraph::analysis
