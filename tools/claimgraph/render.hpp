#pragma once
// Drawing DOT as SVG, for the HTML page. For now this runs Graphviz's `dot`
// program; when the library can draw in process (io::render, with libgvc),
// only this function changes.

#include <string>
#include <string_view>

namespace claimgraph::cli {

/// Draws `dot` (a Graphviz DOT graph) as an SVG document by running
/// `dot -Tsvg` from the PATH. Throws OutputError when `dot` is missing or
/// fails, with what it said.
[[nodiscard]] std::string render_svg(std::string_view dot);

}  // namespace claimgraph::cli
