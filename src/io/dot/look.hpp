#pragma once
// How the DOT diagram draws each kind, relation and status: one table of
// shapes, line styles and arrowheads, shared by every style, and one
// palette per style (io::DiagramStyle). Every distinction the diagram makes
// is in the first table; the palettes only add colour, so a diagram in any
// style, or printed without colour, says the same.

#include <array>
#include <string_view>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/io/dot_writer.hpp"

namespace claimgraph::io::dot {

/// The colours of one style, as DOT colour strings "#rrggbb".
struct Palette {
  std::string_view ink;           ///< text and neutral lines
  std::string_view muted;         ///< headers, sources: secondary text
  std::string_view frame;         ///< cluster and legend borders
  std::string_view cluster_fill;  ///< behind a cluster
  std::array<std::string_view, 3> kind_fill;    ///< by NodeKind
  std::array<std::string_view, 3> kind_border;  ///< by NodeKind
  std::string_view gap_fill;      ///< a claim that lacks evidence
  std::string_view gap_border;
  std::string_view gap_text;      ///< "LACKS EVIDENCE: reason"
  std::array<std::string_view, 4> relation;  ///< edges, by Relation
  std::string_view faded;         ///< a supports edge that no longer carries
  std::array<std::string_view, 3> status;  ///< node borders, by analysis::Label
  std::string_view out_text;      ///< the text of an OUT node
  /// The fill shaded by strength; empty: the node's own fill.
  std::string_view strength_fill;
  /// A node the court excluded: its fill, and its border, text and edges.
  std::string_view excluded_fill;
  std::string_view excluded_ink;
  /// The border and the words of a claim that fell with the exclusion.
  std::string_view fell;
  /// The border and the words of evidence that alone holds up a claim.
  std::string_view critical;
};

/// The palette of `style`.
[[nodiscard]] const Palette& palette(DiagramStyle style) noexcept;

/// How a kind of node is drawn.
struct KindLook {
  std::string_view shape;
  std::string_view style;  ///< Graphviz style words besides "filled" and the border's line
  int peripheries = 1;
};
[[nodiscard]] KindLook kind_look(NodeKind kind) noexcept;

/// How a relation is drawn: the DOT attributes of its edges but colour,
/// ", "-separated ("style=bold, arrowhead=tee, ...").
[[nodiscard]] std::string_view edge_look(Relation relation) noexcept;
/// A supports edge whose inference fell (undercut by an IN node): each of
/// its two parts, and the arrowhead of the second.
inline constexpr std::string_view faded_edge_look = "style=solid, penwidth=0.9";
inline constexpr std::string_view faded_arrowhead = "onormal";

/// A node's border: its line ("" solid, "dashed", "dotted") and width.
struct BorderLook {
  std::string_view line;
  std::string_view penwidth;
};
/// The border of a node with status `label`.
[[nodiscard]] BorderLook status_border(analysis::Label label) noexcept;
/// The border of a claim that lacks evidence, when no status is shown.
inline constexpr BorderLook gap_border{"dashed", "2.2"};
/// The border of any other node.
inline constexpr BorderLook plain_border{"", "1.2"};

/// A node the court excluded: dashed and thin, its label struck (the kind's
/// style words are kept before these).
inline constexpr BorderLook excluded_border{"dashed", "1"};
/// A claim that fell with the exclusion: heavy and solid.
inline constexpr BorderLook fell_border{"", "3.5"};
/// Evidence that alone holds up a claim: heavy, and doubled.
inline constexpr BorderLook critical_border{"", "2"};
inline constexpr int critical_peripheries = 2;
/// An edge of an excluded node: dashed and thin, its arrowhead kept.
inline constexpr std::string_view excluded_edge_look = "style=dashed, penwidth=1";

/// The point where an undercut meets the supports edge it attacks.
inline constexpr std::string_view undercut_point = "shape=point, width=0.09, style=filled, peripheries=1, label=\"\"";

}  // namespace claimgraph::io::dot
