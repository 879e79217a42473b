#pragma once
// What an exporter or the renderer shows: the whole graph or a view of it
// (--focus, --depth, --group, --party, --gaps-only), redacted (privileged
// nodes and --redact TAG), with the analyses of the whole graph carried over
// to what is shown.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/redact.hpp"
#include "claimgraph/view.hpp"

namespace claimgraph::cli {

/// Adds --focus, --depth, --group, --party and --gaps-only.
void add_view_options(CLI::App& cmd, ViewOptions& view);
/// Adds --redact, --redact-mode and --include-privileged.
void add_redact_options(CLI::App& cmd, RedactOptions& redaction);

/// A graph to write, with what analysis found about it.
struct Shown {
  /// Set when a view was asked for or a node redacted: node_of and edge_of
  /// lead back to the whole graph.
  std::optional<View> view;
  const Graph* graph = nullptr;  ///< the whole graph, or view->graph
  analysis::Results results;     ///< of the graph shown
  std::size_t redacted = 0;      ///< how many nodes shown were redacted
  /// What part of the case the view shows, in words (describe_view()); empty
  /// for the whole case, redacted or not.
  std::vector<std::string> scope;

  /// Per node shown: what a depth hid beneath it (View::hidden_below), or
  /// null for the whole graph.
  [[nodiscard]] const std::vector<std::size_t>* hidden_below() const noexcept {
    return view ? &view->hidden_below : nullptr;
  }
};

/// Analyses the whole graph (grounding too for --gaps-only), selects the
/// view, then redacts what `redact` says: after the analyses, so that they
/// are of the whole case, and after the view, so that a focus or group can
/// name a node that is then redacted. Throws ViewError.
[[nodiscard]] Shown prepare_shown(const Graph& graph, const ViewOptions& options, analysis::Wanted wanted,
                                  const RedactOptions& redaction);

}  // namespace claimgraph::cli
