#pragma once
// Draws a diagram: lays out Graphviz DOT (as io::write_dot writes it) and
// renders it as SVG, PNG or PDF, in process, through Graphviz's own libraries
// (gvc and cgraph): no `dot` program, no temporary files.
//
// Graphviz keeps process-wide state (its error handler, its parser, the
// layout engines' statics), so renders are serialised: a second thread
// calling render waits for the first. They share one Graphviz context,
// made on first use and kept until the process ends. Graphviz's messages are collected,
// never printed: errors are carried by RenderError, warnings go to
// RenderOptions::on_warning.
//
// The same text gives the same SVG and PNG bytes with dot and neato,
// however often a process renders (a PDF carries the time it was made). With Graphviz 2.42, sfdp starts from state an earlier
// sfdp layout in the same process left (the first render in a process is
// repeatable), and fdp varies from run to run when the graph has clusters.
//
// Layout time grows steeply with size, and with clusters: dot takes
// seconds at a few hundred to a thousand nodes and minutes beyond
// (README.md, "Speed"); sfdp copes with tens of thousands.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::io {

/// What render writes.
enum class RenderFormat { svg, png, pdf };

/// Graphviz layout engines: `dot` layered (rank by rank, clusters drawn),
/// `neato` and `fdp` force-directed (fdp draws clusters), `sfdp`
/// multilevel force-directed for large graphs (no clusters).
enum class LayoutEngine { dot, neato, fdp, sfdp };

/// The phases of a render, reported to RenderOptions::on_stage as each begins.
enum class RenderStage { parse, layout, render };

/// The format's name: "svg", "png" or "pdf".
[[nodiscard]] const char* to_string(RenderFormat format) noexcept;
/// The engine's name: "dot", "neato", "fdp" or "sfdp".
[[nodiscard]] const char* to_string(LayoutEngine engine) noexcept;
/// The engine a name means ("dot", "neato", "fdp", "sfdp"), if any.
[[nodiscard]] std::optional<LayoutEngine> parse_layout_engine(std::string_view name) noexcept;

/// How a diagram is rendered.
struct RenderOptions {
  RenderFormat format = RenderFormat::svg;
  LayoutEngine layout = LayoutEngine::dot;
  /// Before the layout, stagger the leaves (nodes with one edge) around each
  /// node with several edges over this many ranks, as Graphviz's `unflatten
  /// -l` does: a wide rank of evidence becomes a few narrower ones. 0 or 1:
  /// as written.
  int stagger = 0;
  /// Graph attributes set before the layout, over the DOT's own (for
  /// example {"rankdir", "LR"}).
  std::vector<std::pair<std::string, std::string>> attributes;
  /// Attributes set on every cluster (subgraph named cluster...) before the
  /// layout, over the DOT's own (for example {"labelloc", "t"}).
  std::vector<std::pair<std::string, std::string>> cluster_attributes;
  /// Node attributes set on every node before the layout, over the DOT's own
  /// (for example {"margin", "0.05"}).
  std::vector<std::pair<std::string, std::string>> node_attributes;
  /// Called as each stage begins (for progress reports); may be empty.
  std::function<void(RenderStage)> on_stage;
  /// Called with each warning Graphviz gives, without its "Warning: " prefix
  /// (for example a bitmap scaled down to fit); may be empty.
  std::function<void(const std::string&)> on_warning;
  /// A PDF's creation date, in seconds since 1970-01-01T00:00Z (what
  /// SOURCE_DATE_EPOCH gives, for reproducible output); none: the time it
  /// is drawn. Other formats carry no date.
  std::optional<std::int64_t> pdf_date = std::nullopt;
};

/// Lays out `dot` with `options.layout` and renders it as `options.format`;
/// returns the bytes. Throws RenderError when the DOT cannot be read, the
/// installed Graphviz lacks the plugin for the format or engine, or Graphviz
/// fails; the error carries Graphviz's own messages.
[[nodiscard]] std::string render(std::string_view dot, const RenderOptions& options = {});

/// As above, writing the bytes to `out`.
void render(std::ostream& out, std::string_view dot, const RenderOptions& options = {});

/// Whether the installed Graphviz has what `format` needs (PNG and PDF need
/// its cairo plugin).
[[nodiscard]] bool can_render(RenderFormat format);

/// The version of the Graphviz libraries in use, e.g. "2.43.0".
[[nodiscard]] std::string graphviz_version();

}  // namespace claimgraph::io
