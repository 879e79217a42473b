#pragma once
// Draws a graph as a picture: the DOT diagram write_dot writes, laid out and
// rendered by Graphviz's libraries (io::render). What `render` draws, and the
// diagram inside the HTML page.
//
// Layout time grows steeply with the graph (README.md, "Drawing"), so the
// layered dot layout, and the force-directed neato and fdp, are used for at
// most max_render_nodes nodes: above it the default layout is sfdp (with a
// warning), and a layout asked for by name is refused.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/render.hpp"
#include "claimgraph/limits.hpp"

namespace claimgraph::io {

/// How draw() draws a graph.
struct DrawOptions {
  /// What the diagram shows (write_dot's options; draw() keeps `layered`
  /// only for the dot layout).
  DotOptions dot;
  /// The picture's format.
  RenderFormat format = RenderFormat::svg;
  /// The layout; none: dot, or sfdp above max_render_nodes.
  std::optional<LayoutEngine> layout;
  /// Most nodes laid out with dot, neato or fdp (Limits::max_render_nodes).
  std::size_t max_render_nodes = Limits{}.max_render_nodes;
  /// The name of what is drawn (a case file's path), for diagnostics.
  std::string name = "<input>";
  /// Receives warnings: the switch to sfdp (Diagnostic::limit is
  /// Limit::render_nodes) and Graphviz's own. May be empty.
  std::function<void(const Diagnostic&)> on_warning;
  /// Called as each stage of the render begins. May be empty.
  std::function<void(RenderStage)> on_stage;
  /// A PDF's creation date (RenderOptions::pdf_date); none: the time it is drawn.
  std::optional<std::int64_t> pdf_date = std::nullopt;
};

/// The layout draw() uses for a graph of `nodes` nodes. Throws Error (whose
/// limit() is Limit::render_nodes) when options.layout is dot, neato or fdp
/// and `nodes` is above options.max_render_nodes.
[[nodiscard]] LayoutEngine choose_layout(std::size_t nodes, const DrawOptions& options);

/// Draws `graph` and writes the picture to `out`. Throws Error as
/// choose_layout, or RenderError when Graphviz fails.
void draw(std::ostream& out, const Graph& graph, const DrawOptions& options);
/// Draws `graph` and returns the picture's bytes.
[[nodiscard]] std::string draw(const Graph& graph, const DrawOptions& options);

}  // namespace claimgraph::io
