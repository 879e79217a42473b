#pragma once
// Writes a graph as one self-contained HTML page for people: the diagram
// with pan and zoom, a panel with everything about the node clicked (its
// fields, its analysis results, and its supporters, contradictors, elements
// and undercutters as links), search, filters by party and group, and the
// support chain of a node highlighted down to the evidence.
//
// The page works offline and fetches nothing: its style and script are
// inline and a Content-Security-Policy forbids any load. The graph goes in
// as JSON in a <script type="application/json"> element, escaped so that no
// text can end that element, and the script puts text into the page only as
// text, never as markup. The diagram is SVG drawn by someone else (Graphviz,
// from write_dot's output): it is inlined as data, keeping only the elements
// and attributes Graphviz draws with (see detail/svg.hpp), and its nodes are
// found by the <title> Graphviz gives them, the DOT names write_dot uses
// (n0, n1, ... in node order; u<i> for the point where an undercut meets
// supports edge i).

#include <ostream>
#include <string_view>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// What the page shows.
struct HtmlOptions {
  /// What the analyses found: with `grounding`, the panel says whether each
  /// claim lacks evidence, and why; with `status`, it shows each node's
  /// status and which supports are undercut; with `strength`, each node's
  /// strength and whether each claim is established.
  analysis::Analyses analyses;
  /// The diagram: an SVG document of write_dot's output for the same graph
  /// and options, as `dot -Tsvg` (or Graphviz's library) draws it. Empty:
  /// the page has no diagram, only search and the panel. Read while
  /// write_html runs; not kept.
  std::string_view svg;
};

/// Writes `graph` to `out` as a self-contained HTML page. The same graph,
/// options and SVG always give the same bytes.
void write_html(std::ostream& out, const Graph& graph, const HtmlOptions& options = {});

}  // namespace claimgraph::io
