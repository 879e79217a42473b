#pragma once
// Writes a graph as two CSV tables for spreadsheets and data tools: one row
// per node, and one row per edge that names its nodes by id. RFC 4180:
// comma-separated, CRLF after every row, a header row first, fields quoted
// only when they must be, in UTF-8 (optionally after a byte order mark, which
// Excel needs to read UTF-8). A cell that a spreadsheet would run as a
// formula is neutralised with a leading apostrophe (see
// detail::append_csv_field); the columns are listed in docs/exports.md.

#include <ostream>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// What goes into the tables beside the graph itself.
struct CsvOptions {
  /// What the analyses found: with `grounding`, the nodes table has the
  /// columns `lacks_evidence` and `gap`; with `status`, the nodes table has
  /// `status` and the edges table `carries`; with `strength`, the nodes
  /// table has `strength` and `established`.
  analysis::Analyses analyses;
  /// Begin each table with a UTF-8 byte order mark (EF BB BF).
  bool byte_order_mark = false;
};

/// Writes the nodes table: id, kind, label, text, party, group, source,
/// weight, standard, burden, tags, extra, then the analysis columns.
void write_csv_nodes(std::ostream& out, const Graph& graph, const CsvOptions& options = {});

/// Writes the edges table: index, id, from, to, relation, undercut,
/// undercuts, extra, then `carries` when the status is given.
void write_csv_edges(std::ostream& out, const Graph& graph, const CsvOptions& options = {});

}  // namespace claimgraph::io
