#pragma once
// What an exporter or the renderer shows: the whole graph or a view of it
// (--focus, --depth, --group, --party, --gaps-only), with the analyses of the
// whole graph carried over to the part shown.

#include <CLI/CLI.hpp>
#include <optional>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/view.hpp"

namespace claimgraph::cli {

/// Adds --focus, --depth, --group, --party and --gaps-only.
void add_view_options(CLI::App& cmd, ViewOptions& view);

/// A graph to write, with what analysis found about it.
struct Shown {
  std::optional<View> view;  ///< set when a view was asked for
  const Graph* graph = nullptr;  ///< the whole graph, or view->graph
  std::optional<analysis::GroundingReport> grounding;  ///< with `check`, or for --gaps-only
  std::optional<analysis::StatusReport> status;      ///< with `evaluate`
  std::optional<analysis::StrengthReport> strength;  ///< with `evaluate`
};

/// What to compute about the whole graph before selecting the view.
struct Analyses {
  bool check = true;      ///< which claims lack evidence
  bool evaluate = false;  ///< status and strength
};

/// Analyses the whole graph, then selects the view. Throws ViewError.
[[nodiscard]] Shown prepare_shown(const Graph& graph, const ViewOptions& options, Analyses analyses);

}  // namespace claimgraph::cli
