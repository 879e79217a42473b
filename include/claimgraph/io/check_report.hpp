#pragma once
// Writes the result of analysis::check for people (text) and for programs
// (JSON).

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// What excluding nodes changed (check --exclude): per node, whether it
/// was excluded, and check() of the whole record; the report is then of the
/// record without them (analysis/critical.hpp).
struct CheckExclusion {
  const std::vector<bool>& excluded;
  const analysis::GroundingReport& record;
};

/// The check as text: claims grouped by `group`, each with its status and,
/// for those that lack evidence, why; then, with `exclusion`, what was
/// excluded and the claims that lost their evidence with it; then, with
/// `schemes`, the critical questions of the inferences into each claim; then
/// a summary line. With `threads` 2 or more, a second thread renders the
/// claims of a large report beside this one; the text is the same on any
/// number.
void write_check_text(std::ostream& out, const Graph& graph, const analysis::GroundingReport& report,
                      const analysis::SchemeUse* schemes = nullptr, const CheckExclusion* exclusion = nullptr,
                      std::size_t threads = 1);

/// Why claim `status` lacks evidence, in the words the text report uses
/// ("unsupported: no evidence or claim supports it and it has no
/// elements"), without the list of missing elements that follows it there;
/// "grounded" for a grounded one.
[[nodiscard]] std::string grounding_reason(const Graph& graph, const analysis::GroundingReport& report,
                                           const analysis::ClaimStatus& status);
/// The check as one JSON object:
/// `{"claims": N, "grounded": M, "lacking_evidence": [{"id", "reason", "missing", ...}], "statuses": [...]}`,
/// with `schemes` `"inferences": [{"from", "to", "scheme", "open", "questions": [...]}]`,
/// and with `exclusion` `"excluded": [ids]` and `"fell": [ids]` (the claims
/// grounded in the whole record that lose their evidence without those).
/// With `threads` 2 or more, a second thread renders the lines of a large
/// report's lists beside this one; the text is the same on any number.
void write_check_json(std::ostream& out, const Graph& graph, const analysis::GroundingReport& report,
                      const analysis::SchemeUse* schemes = nullptr, const CheckExclusion* exclusion = nullptr,
                      std::size_t threads = 1);

}  // namespace claimgraph::io
