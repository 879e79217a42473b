#pragma once
// Writes the result of analysis::critical for people (text) and for programs
// (JSON): what each claim cannot lose, and what each piece of evidence
// alone holds up.

#include <ostream>

#include "claimgraph/analysis/critical.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// The cut sets as text: first the single points of failure (each piece of
/// evidence that alone holds up claims, and which), then the claims grouped
/// by `group`, each with its minimal cut sets, what it would lose without
/// each and the path by which it falls, and with the status its status
/// cuts; then a summary line.
void write_critical_text(std::ostream& out, const Graph& graph, const analysis::CriticalReport& report);

/// The cut sets as one JSON object:
/// `{"max_set": K, "claims": [{"id", "grounded", "cut_sets": [["ev1"], ["ev2", "ev3"]],
/// "explained": [{"evidence", "lost", "path"}], "status", "status_cuts": [{"evidence", "status"}]}],
/// "evidence": [{"id", "holds_up": [ids]}], "steps": N}`; `status` and
/// `status_cuts` only when the status was asked for.
void write_critical_json(std::ostream& out, const Graph& graph, const analysis::CriticalReport& report);

}  // namespace claimgraph::io
