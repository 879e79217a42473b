#pragma once
// Writes a report for a brief or a memo in Markdown (CommonMark with GitHub's
// tables): first, when nodes are excluded, what was excluded and what fell
// with it; the claims that lack evidence and why; with the single points of
// failure, the claims one piece of evidence alone holds up and what each
// cause of action would lose with it; then, per group
// (cause of action), an outline of proof: for each claim that nothing else in
// the group rests on, its standing and, when it does not stand, why, as a
// nested list to paste into a memo (the standing nodes that contradict it,
// with their sources; the supports undercut, and by what; the elements that
// do not stand, each with its own reasons; nothing supporting it; for UNDEC,
// what it is in a stand-off with); then one row per element (or one row for
// the claim itself) with the evidence behind it and its sources, the
// contrary evidence, and its standing; then the diagram, linked.
//
// Every user string is escaped for where it goes: Markdown punctuation that
// would start emphasis, code, links, HTML, tables or math is backslash-
// escaped, and line breaks inside a table cell become <br>; so any label,
// whatever it contains, shows as written.

#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// What the report includes.
struct MarkdownOptions {
  /// What the analyses found. The report is about gaps: without `grounding`
  /// it runs analysis::check itself. With `status`, the reasons a claim
  /// does not stand come from the status (analysis::explain_status);
  /// without it, from the gaps in its evidence. With `status` and
  /// `strength`, each row also gives the status (IN, OUT, UNDEC), the
  /// strength (or "no support" for a claim whose strength would be its
  /// base score alone) and whether the claim meets its standard. With
  /// `excluded`, a section "Excluded"; with `single_points`, a section
  /// "Points of failure".
  analysis::Analyses analyses;
  /// Path or URL of the rendered diagram to link at the end (none: no
  /// diagram section).
  std::string diagram;
  /// What part of the case the graph is, when it is a view (describe_view() in
  /// claimgraph/view.hpp): said under the title, with a reminder that the
  /// findings are of the whole case. Empty: the whole case.
  std::vector<std::string> scope;
};

/// Writes the report.
void write_markdown(std::ostream& out, const Graph& graph, const MarkdownOptions& options);

}  // namespace claimgraph::io
