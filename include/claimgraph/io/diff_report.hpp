#pragma once
// Writes what io::diff_cases found (io/diff.hpp) for people (text, and an
// HTML page that draws the new version with what changed marked) and for
// programs (JSON). docs/diff.md shows each.
//
// The diagram is the new version's graph with the removed nodes and edges
// put back as ghosts (diff_graph()), drawn by the DOT writer with a mark on
// each node and edge that changed (DotOptions::node_changes), and laid out
// by Graphviz like every other diagram: diff_dot() writes that DOT, and the
// page takes the SVG drawn from it, inlined as data (detail/svg.hpp).
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/graph.hpp"
#include "claimgraph/io/diff.hpp"
#include "claimgraph/io/dot_writer.hpp"

namespace claimgraph::io {

/// How `claimgraph diff` writes its report. The CLI takes the names from
/// the tables of io/formats.hpp (the report formats, and the page that
/// `export` writes).
enum class DiffFormat : std::uint8_t {
  text,  ///< write_diff_text
  json,  ///< write_diff_json
  html,  ///< write_diff_html
};

/// The two versions compared, and their names in the report.
struct DiffSides {
  const Graph& old_graph;
  const Graph& new_graph;
  std::string old_name;
  std::string new_name;
};

/// The report as text: a heading naming both files, then a section for each
/// kind of change (case fields, nodes, edges, grounding, status, strength,
/// critical questions, lint findings), and "No changes." when there is none.
void write_diff_text(std::ostream& out, const DiffSides& sides, const CaseDiff& diff);

/// The report as one JSON object, keys sorted, two-space indent:
/// `{"changed", "old", "new", "semantics", "burden", "threshold", "case",
/// "nodes": {"added", "removed", "changed"}, "edges": {...}, "grounding",
/// "status", "strength", "questions": {"raised", "settled"},
/// "lint": {"new", "resolved"}}` (docs/diff.md gives every member).
void write_diff_json(std::ostream& out, const DiffSides& sides, const CaseDiff& diff);

/// The new version with the removed nodes and edges added back, and how each
/// node and edge changed, for the diagram.
struct DiffGraph {
  Graph graph;
  std::vector<ChangeMark> nodes;  ///< per node of `graph`
  std::vector<ChangeMark> edges;  ///< per edge of `graph`
};

/// Builds the diagram's graph (see above). O(nodes + edges) of both versions.
[[nodiscard]] DiffGraph diff_graph(const ReadResult& old_case, const ReadResult& new_case, const CaseDiff& diff);

/// The DOT of diff_graph(): the new version with what changed marked;
/// `layered` as DotOptions::layered (false for a force-directed layout).
[[nodiscard]] std::string diff_dot(const DiffGraph& graph, bool layered = true);

/// The report as a self-contained HTML page: the text report, then `svg`
/// (Graphviz's drawing of diff_dot(), or empty for none) inlined under a
/// legend of the marks. Fetches nothing; every text is escaped.
void write_diff_html(std::ostream& out, const DiffSides& sides, const CaseDiff& diff, std::string_view svg);

}  // namespace claimgraph::io
