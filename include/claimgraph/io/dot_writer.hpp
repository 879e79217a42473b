#pragma once
// Writes a graph as a Graphviz DOT diagram for briefs and reports: kinds as
// distinct shapes, relations as distinct line styles and arrowheads, groups
// as clusters, gaps marked, long labels wrapped, a legend. Labels are
// HTML-like labels with every character escaped, so any text the user wrote
// is drawn exactly as written.
//
// Nothing is told by colour alone: every kind, relation and status has a
// shape, a line style, an arrowhead, a border or words of its own, the same
// in every style, so that a diagram printed in black and white or seen by a
// reader who does not tell red from green says all it says in colour. The
// styles differ only in their colours: `colour` uses the Okabe-Ito palette,
// which stays apart under the common colour-vision deficiencies; `mono`
// uses black, greys and white only, for printing and photocopies.

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// The colours a diagram is drawn in (see above; the shapes, line styles
/// and arrowheads are the same in every style).
enum class DiagramStyle : std::uint8_t {
  colour,  ///< the Okabe-Ito palette: colour-blind-safe colours, greys
  mono,    ///< black, greys and white only: fills white or light grey
};

/// A row of diagram_styles().
struct DiagramStyleRow {
  /// Its name, as --style gives it.
  std::string_view name;
  /// One line: what it is for.
  std::string_view description;
  DiagramStyle style = DiagramStyle::colour;
};

/// Every style, the default first.
[[nodiscard]] std::span<const DiagramStyleRow> diagram_styles() noexcept;
/// The name of `style` ("colour", "mono").
[[nodiscard]] std::string_view to_string(DiagramStyle style) noexcept;

/// How a node or an edge changed between two versions of a case, for the
/// diagram of `claimgraph diff` (io/diff_report.hpp).
enum class ChangeMark : std::uint8_t {
  none,     ///< the same in both
  added,    ///< only in the new version: drawn heavy, headed ADDED
  removed,  ///< only in the old version: a ghost, dashed and grey, its label struck, headed REMOVED
  changed,  ///< in both, some field differs: drawn heavy, headed CHANGED
};

/// How the diagram is drawn.
struct DotOptions {
  /// What the analyses found: with `grounding`, claims that lack evidence
  /// are marked (a heavy dashed border and "LACKS EVIDENCE: reason"); with
  /// `status`, each node's border and header show its status (IN: heavy
  /// solid; OUT: thin dashed grey, greyed text; UNDEC: dotted), and supports
  /// edges undercut by an IN node are drawn faded with a hollow arrowhead;
  /// with `strength`, each node's fill is shaded by its strength (pale =
  /// weak) and the header shows it; with `excluded`, each excluded node is
  /// struck through and greyed, its border and edges dashed, and each claim
  /// that fell with it has a heavy border and "FELL: lost its evidence when
  /// ID was excluded".
  analysis::Analyses analyses;
  /// The colours.
  DiagramStyle style = DiagramStyle::colour;
  /// Wrap labels at about this many characters per line.
  std::size_t wrap_width = 30;
  /// Draw each group as a cluster.
  bool clusters = true;
  /// Add a legend explaining shapes, borders and arrows.
  bool legend = true;
  /// Whether the diagram will be laid out in layers, by Graphviz's dot (the
  /// default layout): the legend then draws its samples of the relations as
  /// real edges, so that a printed legend shows the very lines of the
  /// diagram. The force-directed layouts (neato, fdp, sfdp) would scatter
  /// such samples; false keeps the legend to one table, whose samples of the
  /// relations are drawn with characters.
  bool layered = true;
  /// Show each node's source under its label.
  bool sources = true;
  /// Per node: how many nodes of the whole graph bear on it beyond what a
  /// view shows (View::hidden_below); a node with a count above zero says
  /// "+N more below". Null: nothing was cut. When given, as long as the
  /// graph's nodes.
  const std::vector<std::size_t>* hidden_below = nullptr;
  /// Per node: where a node drawn on another page is (say "→ p. 3, Tortious
  /// interference"), or "" for an ordinary node. A node with a reference is
  /// drawn as a small off-page connector (a box with a pointed end, no fill)
  /// holding the reference and, smaller, the node's label, instead of its
  /// kind's shape; its edges are drawn as usual. Null: every node is
  /// ordinary. When given, as long as the graph's nodes.
  const std::vector<std::string>* references = nullptr;
  /// Per node and per edge (position in edges()): how it changed (see
  /// ChangeMark). Null: nothing is marked. When given, as long as the
  /// graph's nodes or edges.
  const std::vector<ChangeMark>* node_changes = nullptr;
  const std::vector<ChangeMark>* edge_changes = nullptr;
  /// With analyses.single_points: mark each piece of evidence that alone
  /// holds up a claim (a single point of failure) with a border of its own
  /// (heavy and doubled) and "ALONE HOLDS UP N CLAIMS", explained in the
  /// legend. N counts the claims of the whole case (Analyses::held_hidden):
  /// "ALONE HOLDS UP 3 CLAIMS (2 NOT SHOWN)", or "ALONE HOLDS UP 1 CLAIM NOT
  /// SHOWN HERE" when the graph holds none of them.
  bool critical = false;
  /// What part of the case the graph is, when it is a view (describe_view() in
  /// claimgraph/view.hpp): said under the title, "Part of the case: group
  /// “Damages”". Empty: the whole case.
  std::vector<std::string> scope;
  /// Threads the writing may use: with 2 or more, a second thread renders
  /// nodes' and edges' lines beside this one (a large graph's). The text is
  /// the same on any number.
  std::size_t threads = 1;
};

/// Writes `graph` to `out` in Graphviz DOT.
void write_dot(std::ostream& out, const Graph& graph, const DotOptions& options = {});

}  // namespace claimgraph::io
