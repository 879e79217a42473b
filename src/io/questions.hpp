#pragma once
// The critical questions of a case's inferences in words and in JSON, as
// check, evaluate, explain and the reports list them (analysis/schemes.hpp).

#include <string>
#include <vector>

#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::detail {

/// "open", "raised", "answered" or "raised and answered".
[[nodiscard]] std::string question_state(const analysis::QuestionUse& q);

/// What the question does to its inference once evaluated: "defeats the
/// inference", "does not defeat it", "undecided"; "" when not raised or not
/// evaluated.
[[nodiscard]] std::string question_effect(const analysis::QuestionUse& q);

/// The inferences into `v`, in edge order.
[[nodiscard]] std::vector<const analysis::Inference*> inferences_into(const Graph& graph, const analysis::SchemeUse& use,
                                                                      Graph::NodeRef v);

/// The inference and its questions as text lines, each indented by `indent`:
///   from ev_report (Argument from expert opinion): 4 of 6 questions open
///     - expertise (assumption, Fed. R. Evid. 702): How credible ...? open
///     - bias (exception): ...? raised by x; defeats the inference
void append_inference_text(std::string& out, const Graph& graph, const analysis::Inference& inference,
                           std::string_view indent);

/// The inference as a JSON object: {"from", "to", "edge", "scheme", "title",
/// "open", "questions": [{"id", "type", "question", "rule", "state",
/// "raised_by", "answered_by", "defeats"}]}.
void append_inference_json(std::string& out, const Graph& graph, const analysis::Inference& inference);

/// The claims and counterclaims that inferences with schemes bear on, each
/// with its inferences, as a text section ("" when there is none).
[[nodiscard]] std::string questions_section_text(const Graph& graph, const analysis::SchemeUse& use);

/// Every inference as a JSON array.
void append_inferences_json(std::string& out, const Graph& graph, const analysis::SchemeUse& use);

}  // namespace claimgraph::detail
