#pragma once
// Writes the result of analysis::check for people (text) and for programs
// (JSON).

#include <ostream>
#include <string>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// The check as text: claims grouped by `group`, each with its status and,
/// for those that lack evidence, why; then, with `schemes`, the critical
/// questions of the inferences into each claim; then a summary line.
void write_check_text(std::ostream& out, const Graph& graph, const analysis::GroundingReport& report,
                      const analysis::SchemeUse* schemes = nullptr);

/// Why claim `status` lacks evidence, in the words the text report uses
/// ("unsupported: no evidence or claim supports it and it has no
/// elements"), without the list of missing elements that follows it there;
/// "grounded" for a grounded one.
[[nodiscard]] std::string grounding_reason(const Graph& graph, const analysis::GroundingReport& report,
                                           const analysis::ClaimStatus& status);
/// The check as one JSON object:
/// `{"claims": N, "grounded": M, "lacking_evidence": [{"id", "reason", "missing", ...}], "statuses": [...]}`,
/// and with `schemes` `"inferences": [{"from", "to", "scheme", "open", "questions": [...]}]`.
void write_check_json(std::ostream& out, const Graph& graph, const analysis::GroundingReport& report,
                      const analysis::SchemeUse* schemes = nullptr);

}  // namespace claimgraph::io
