#pragma once
// Writes a graph as a Mermaid flowchart, which GitHub and GitLab draw inside
// a ```mermaid block of a Markdown file: kinds as distinct shapes and
// classes, relations as distinct arrows and link colours, groups as
// subgraphs, gaps marked, and status colouring when evaluation results are
// given.
//
// Mermaid identifiers are generated (n0, n1, ... for nodes, g0, ... for
// groups, u0, ... for the points where an undercut meets its support); the
// node's own id is shown in its label. Every label is written as a quoted
// string in which each character that Mermaid would read as syntax is a
// Mermaid entity code (#35; for '#', #quot; for '"', ...): see
// docs/exports.md for the exact rules and the Mermaid behaviour behind each.

#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// How the flowchart is drawn.
struct MermaidOptions {
  /// What the analyses found: with `grounding`, claims that lack evidence
  /// are marked (class `gap`: red, dashed, and "LACKS EVIDENCE: reason");
  /// with `status`, each node's border and header show its status (IN
  /// green, OUT grey, UNDEC amber) and supports edges undercut by an IN node
  /// are drawn faded; with `strength`, each node's fill is shaded by its
  /// strength (pale = weak) and the header shows it.
  analysis::Analyses analyses;
  /// Draw each group as a subgraph.
  bool subgraphs = true;
  /// Show each node's source under its label.
  bool sources = true;
  /// What part of the case the graph is, when it is a view (describe_view()
  /// in claimgraph/view.hpp): said in the title, after the case's own.
  /// Empty: the whole case.
  std::vector<std::string> scope;
};

/// Writes `graph` to `out` as a Mermaid flowchart (the text of a .mmd file,
/// without Markdown fences).
void write_mermaid(std::ostream& out, const Graph& graph, const MermaidOptions& options = {});

}  // namespace claimgraph::io
