#pragma once
// The legend of the DOT diagram: a sample of every kind, mark, border and
// relation the diagram draws, each drawn as the diagram draws it.
//
// Kinds, marks and borders are cells of one table, drawn with the fill,
// border and line of the nodes they stand for. Relations, when the diagram
// is laid out in layers (dot), are real edges, short arrows rising from
// their names beneath the table, so that a printed legend shows the very
// lines and arrowheads of the diagram; under a force-directed layout, which
// would scatter such edges, they are rows of the table drawn with
// characters in the same colours.

#include <string>

#include "io/dot/look.hpp"

namespace claimgraph::io::dot {

/// What the diagram shows beyond kinds, gaps and relations, and so what
/// the legend explains.
struct LegendContent {
  bool status = false;      ///< borders by status; faded supports
  bool strength = false;    ///< fills shaded by strength
  bool hidden = false;      ///< some node says "+N more below"
  bool references = false;  ///< some node is an off-page connector
  bool any_test = false;    ///< some claim's test of elements is `any`
  bool balance_test = false;  ///< some claim's test of elements is `balance`
  bool excluded = false;    ///< some node is excluded by the court
  bool fell = false;        ///< some claim fell with the exclusion
  bool critical = false;    ///< some evidence alone holds up a claim
};

/// Appends the legend, a cluster named cluster_legend whose table is the
/// node `legend`, to a DOT graph.
void append_legend(std::string& out, const LegendContent& content, const Palette& palette, bool layered);

}  // namespace claimgraph::io::dot
