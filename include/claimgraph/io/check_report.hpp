#pragma once
// Writes the result of analysis::check for people (text) and for programs
// (JSON).

#include <ostream>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// The check as text: claims grouped by `group`, each with its status and,
/// for those that lack evidence, why; then a summary line.
void write_check_text(std::ostream& out, const Graph& graph, const analysis::GroundingReport& report);

/// The check as one JSON object:
/// `{"claims": N, "grounded": M, "lacking_evidence": [{"id", "reason", "missing", ...}], "statuses": [...]}`.
void write_check_json(std::ostream& out, const Graph& graph, const analysis::GroundingReport& report);

}  // namespace claimgraph::io
