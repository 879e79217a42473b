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
//
// A page that `claimgraph serve` keeps up to date is the same page with
// HtmlOptions::live set: its policy then also lets it connect back to the
// server it came from (and nowhere else), its header lists the warnings
// about the case, and a second script follows the server's events and
// rewrites the page when the file changes, keeping what the reader had
// selected, searched, filtered and zoomed to. While the file cannot be
// read the server sends the page of write_html_problems instead. Without
// `live` the page is what `export --to html` writes, byte for byte.

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// What a page served live adds to the page on its own.
struct HtmlLive {
  /// Which state of the file the page shows. The page's script compares it
  /// with the state the server announces and fetches the page again when
  /// they differ.
  std::uint64_t version = 0;
  /// Lines the header lists, as the program prints them (the lint findings
  /// and the reader's warnings), one line each; empty: none.
  std::vector<std::string> notes;
};

/// What the page shows.
struct HtmlOptions {
  /// What the analyses found: with `grounding`, the panel says whether each
  /// claim lacks evidence, and why; with `status`, it shows each node's
  /// status and which supports are undercut; with `strength`, each node's
  /// strength and whether each claim is established; with `excluded`, which
  /// nodes were excluded and which claims fell with them (and the summary
  /// counts both); with `single_points`, the evidence each grounded claim
  /// cannot lose and the claims each piece of evidence alone holds up.
  analysis::Analyses analyses;
  /// The diagram: an SVG document of write_dot's output for the same graph
  /// and options, as `dot -Tsvg` (or Graphviz's library) draws it. Empty:
  /// the page has no diagram, only search and the panel. Read while
  /// write_html runs; not kept.
  std::string_view svg;
  /// Set for a page served live (see above); null for a page on its own.
  const HtmlLive* live = nullptr;
  /// What part of the case the graph is, when it is a view (describe_view() in
  /// claimgraph/view.hpp): said in the header, with a reminder that the
  /// findings are of the whole case. Empty: the whole case.
  std::vector<std::string> scope;
};

/// Writes `graph` to `out` as a self-contained HTML page. The same graph,
/// options and SVG always give the same bytes.
void write_html(std::ostream& out, const Graph& graph, const HtmlOptions& options = {});

/// Writes the page served live while the case file `name` cannot be read:
/// `problems`, one line each as the program prints them (errors with their
/// file, line and column), and that the case comes back when the file is
/// saved without them. It follows the server's events as the page of a
/// case does, so the next good save replaces it with the case again.
void write_html_problems(std::ostream& out, std::string_view name, const std::vector<std::string>& problems,
                         const HtmlLive& live);

}  // namespace claimgraph::io
