#pragma once
// What an exporter or the renderer shows: the whole graph or a view of it
// (--focus, --depth, --group, --party, --gaps-only), with the analyses of the
// whole graph carried over to the part shown.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/view.hpp"

namespace claimgraph::cli {

/// Adds --focus, --depth, --group, --party and --gaps-only.
void add_view_options(CLI::App& cmd, ViewOptions& view);

/// A graph to write, with what analysis found about it.
struct Shown {
  std::optional<View> view;      ///< set when a view was asked for
  const Graph* graph = nullptr;  ///< the whole graph, or view->graph
  analysis::Results results;     ///< of the graph shown

  /// Per node shown: what a depth hid beneath it (View::hidden_below), or
  /// null for the whole graph.
  [[nodiscard]] const std::vector<std::size_t>* hidden_below() const noexcept {
    return view ? &view->hidden_below : nullptr;
  }
};

/// Analyses the whole graph (grounding too for --gaps-only), then selects
/// the view. Throws ViewError.
[[nodiscard]] Shown prepare_shown(const Graph& graph, const ViewOptions& options, analysis::Wanted wanted);

}  // namespace claimgraph::cli
