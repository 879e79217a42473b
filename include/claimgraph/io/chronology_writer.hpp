#pragma once
// A chronology of the record: the case's dated facts in time order, as
// litigation-support tools (CaseMap, Casefleet) show them, each with the
// claims it bears on and their status. Written as a CSV table for
// spreadsheets and as one self-contained HTML page, a vertical timeline a
// lawyer can print. docs/exports.md#chronology describes both.
//
// Which nodes, in which order:
//
// - A node is dated by its earliest dated citation (citation.hpp:
//   earliest_dated). Every dated node is an entry, evidence, claim or
//   counterclaim, in the order of that date's start: a partial date
//   ("2020-12") by its first instant, a date-time by its instant in UTC (a
//   date or time without a zone counts as UTC), so "2021-01-10T23:59-08:00"
//   comes after "2021-01-11" and before "2021-01-11T08:00Z". Equal starts
//   go coarsest first (year, month, day, then time), then in the order of
//   the case file.
// - Then every piece of evidence without a dated citation, under "date
//   unknown", in the order of the case file. Claims and counterclaims
//   without a date are what the entries bear on, not entries.
//
// What an entry "bears on": the nearest claims and counterclaims its edges
// reach, forward along supports, contradicts, element-of and undercuts (an
// undercut bears on the claim whose support it attacks). A claim or
// counterclaim reached is listed and not gone through; a piece of evidence
// reached is gone through, so evidence that supports other evidence bears
// on what that evidence bears on. So an exhibit bears on the element it
// proves, not on every claim above it (the top of a case is often one claim
// that everything reaches), and a dated claim bears on the claims it is a
// reason for or an element of. Listed in the order of the case file, each
// once. Cycles among evidence are one component whose members share what
// they bear on; the whole costs O(nodes + edges) plus the lists merged.
//
// The writers write the graph they are given: a redacted one (redact.hpp)
// shows a masked node as the node it is, "[redacted]", with no citation and
// so no date. A masked piece of evidence is an entry under "date unknown";
// a masked claim is listed, as "[redacted]", among what entries bear on.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/citation.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// One entry of a chronology.
struct ChronologyEntry {
  /// The node.
  Graph::NodeRef node = 0;
  /// The position in node.cite of the citation that dates it; for an entry
  /// without a date, none.
  std::optional<std::size_t> cite;
  /// That citation's date; none for an entry under "date unknown".
  std::optional<CiteDate> date;
  /// The nearest claims and counterclaims it bears on (above), in node order.
  std::vector<Graph::NodeRef> bears_on;
};

/// The entries of `graph`'s chronology: the dated nodes in date order, then
/// the evidence without a date in node order. O((nodes + edges) log nodes)
/// plus the lists of what entries bear on.
[[nodiscard]] std::vector<ChronologyEntry> chronology(const Graph& graph);

/// What the chronology shows beside the graph.
struct ChronologyOptions {
  /// With `status` (analysis::analyse with evaluation: the grounded status
  /// of `claimgraph evaluate`), each entry's own status and the status of
  /// each claim it bears on; without it, those are left out. The program
  /// always evaluates the case for a chronology.
  analysis::Analyses analyses;
  /// CSV: begin with a UTF-8 byte order mark (EF BB BF), for Excel.
  bool byte_order_mark = false;
  /// HTML: what part of the case the graph is, when it is a view
  /// (describe_view() in claimgraph/view.hpp), said in the header. Empty: the
  /// whole case.
  std::vector<std::string> scope;
};

/// Writes the chronology as a CSV table (RFC 4180, as io/csv_writer.hpp
/// writes, formulas neutralised) with the columns date, label, id, kind,
/// party, citation, status, bears_on. `date` is the date as written, or
/// "date unknown"; `citation` is format_citation of the citation that dates
/// the entry (for an entry without a date, format_citations of all its
/// citations); `bears_on` holds one claim per line, "ID (STATUS)".
void write_chronology_csv(std::ostream& out, const Graph& graph, const ChronologyOptions& options = {});

/// Writes the chronology as one HTML page that loads nothing and runs no
/// script: a vertical timeline of the entries, each coloured by its party
/// and naming it, with its date (as written, and in words), label, kind,
/// id, citation and its quote (for an entry without a date, all its
/// citations and quotes), and the claims it bears on with their status in
/// words; then the entries without a date. Every text is escaped; the page
/// prints one entry per block, in colour.
void write_chronology_html(std::ostream& out, const Graph& graph, const ChronologyOptions& options = {});

}  // namespace claimgraph::io
