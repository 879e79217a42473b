#pragma once
// Writes a graph as a Graphviz DOT diagram for briefs and reports: kinds as
// distinct shapes and colours, relations as distinct colours and arrowheads,
// groups as clusters, gaps marked, long labels wrapped, a legend. Labels are
// HTML-like labels with every character escaped, so any text the user wrote
// is drawn exactly as written.

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// How the diagram is drawn.
struct DotOptions {
  /// What the analyses found: with `grounding`, claims that lack evidence
  /// are marked; with `status`, each node's border and header show its
  /// status (IN green, OUT grey, UNDEC amber) and supports edges undercut by
  /// an IN node are drawn faded; with `strength`, each node's fill is shaded
  /// by its strength (pale = weak) and the header shows it.
  analysis::Analyses analyses;
  /// Wrap labels at about this many characters per line.
  std::size_t wrap_width = 30;
  /// Draw each group as a cluster.
  bool clusters = true;
  /// Add a legend explaining shapes and arrows.
  bool legend = true;
  /// Show each node's source under its label.
  bool sources = true;
  /// Per node, when set (as many as the graph has nodes): where the node is
  /// drawn in full, for a diagram split over pages ("→ p. 3, Tortious
  /// interference"). A node with a reference is drawn as an off-page
  /// connector: a dashed box with the reference and the node's label.
  const std::vector<std::string>* references = nullptr;
};

/// Writes `graph` to `out` in Graphviz DOT.
void write_dot(std::ostream& out, const Graph& graph, const DotOptions& options = {});

}  // namespace claimgraph::io
