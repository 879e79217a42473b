#include "claimgraph/analysis/analyses.hpp"

#include <algorithm>

#include "claimgraph/analysis/critical.hpp"

namespace claimgraph::analysis {

namespace {

// evaluate(), with the strengths only when `options` is given.
Evaluated evaluate_with(const Graph& graph, SchemeUse* use, const StatusOptions& status,
                        const StrengthOptions* options) {
  std::optional<Graph> questions;
  if (use != nullptr) questions = question_graph(graph, *use);
  const Graph& g = questions ? *questions : graph;
  Evaluated r;
  r.status = grounded_status(g, status);
  if (options != nullptr) r.strength = evaluate_strength(g, *options, &r.status);
  if (questions) {
    record_defeats(*use, r.status);
    cut_back(r.status, graph.node_count(), graph.edge_count());
    if (options != nullptr) cut_back(r.strength, graph.node_count());
  }
  return r;
}

}  // namespace

Evaluated evaluate(const Graph& graph, SchemeUse* use, const StatusOptions& status, const StrengthOptions& options) {
  return evaluate_with(graph, use, status, &options);
}

StatusReport evaluate_status(const Graph& graph, SchemeUse* use, const StatusOptions& status) {
  return evaluate_with(graph, use, status, nullptr).status;
}

Results analyse(const Graph& graph, Wanted wanted) {
  Results r;
  const bool excluding = std::find(wanted.excluded.begin(), wanted.excluded.end(), true) != wanted.excluded.end();
  if (excluding) {
    wanted.excluded.resize(graph.node_count(), false);
    r.record = check(graph);
    r.grounding = check(graph, wanted.excluded);
  } else if (wanted.grounding) {
    r.grounding = check(graph);
  }
  if (wanted.schemes != nullptr) r.schemes = scheme_use(graph, *wanted.schemes);
  if (wanted.evaluation) {
    auto e = evaluate(graph, wanted.excluded, r.schemes ? &*r.schemes : nullptr, wanted.status,
                      wanted.strength);
    r.status = std::move(e.status);
    r.strength = std::move(e.strength);
  }
  if (wanted.single_points) r.single_points = single_points(graph, wanted.excluded);
  if (excluding) r.excluded = std::move(wanted.excluded);
  return r;
}

}  // namespace claimgraph::analysis
