#pragma once
// Writes the result of analysis::check for people (text) and for programs
// (JSON).

#include <ostream>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// The check as text: claims grouped by `group`, each with its status and,
/// for those that lack evidence, why; then, with `schemes`, the critical
/// questions of the inferences into each claim; then a summary line.
void write_check_text(std::ostream& out, const Graph& graph, const analysis::GroundingReport& report,
                      const analysis::SchemeUse* schemes = nullptr);

/// The check as one JSON object:
/// `{"claims": N, "grounded": M, "lacking_evidence": [{"id", "reason", "missing", ...}], "statuses": [...]}`,
/// and with `schemes` `"inferences": [{"from", "to", "scheme", "open", "questions": [...]}]`.
void write_check_json(std::ostream& out, const Graph& graph, const analysis::GroundingReport& report,
                      const analysis::SchemeUse* schemes = nullptr);

}  // namespace claimgraph::io
