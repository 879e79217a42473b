#pragma once
// Writes the result of evaluation (status, strength, standards of proof) for
// people and for programs, and the justification of one node: the chain of
// support down to the evidence and its sources, what attacks it and whether
// that attacker stands, the missing elements, and the standard met or not.

#include <cstddef>
#include <ostream>
#include <span>
#include <string>

#include "claimgraph/analysis/abstract.hpp"
#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// Everything evaluate computes about a graph: its grounded status and its
/// strengths.
struct Evaluation {
  const analysis::StatusReport& status;
  const analysis::StrengthReport& strength;
  /// The inferences that instantiate schemes and their critical questions,
  /// weighed with the status; null: none shown.
  const analysis::SchemeUse* schemes = nullptr;
  /// Per node: whether the court excluded it, when the status and strength
  /// are of the record without those nodes (analysis/critical.hpp); null:
  /// nothing excluded. The reports then name them and, with `record`, say
  /// which statuses changed against the whole record.
  const std::vector<bool>* excluded = nullptr;
  /// With `excluded`: the status of the whole record.
  const analysis::StatusReport* record = nullptr;
};

/// Per node: status, strength and, for claims, the standard and whether it is
/// established; grouped by `group`, with a summary. A status decided by the
/// burden of persuasion (analysis::StatusOptions::burden) says so beside it.
void write_evaluation_text(std::ostream& out, const Graph& graph, const Evaluation& evaluation);

/// `{"semantics": "...", "converged": true, "nodes": [{"id", "status", "strength", "established", ...}]}`;
/// with the burden, `"burden": true`, and on each node it decided `"decided_by": "burden"`,
/// `"burden_decision"` and `"bearer"`. With `threads` 2 or more, a second
/// thread renders a large graph's node lines beside this one; the text is
/// the same on any number.
void write_evaluation_json(std::ostream& out, const Graph& graph, const Evaluation& evaluation,
                           std::size_t threads = 1);

/// Why node `v` has its grounded status, in the one sentence `explain`
/// gives ("contradicted by f1 [IN]"): analysis::explain_status worded.
[[nodiscard]] std::string status_reason(const Graph& graph, const Evaluation& evaluation, Graph::NodeRef v);
/// A justification of node `v` a lawyer could paste into a memo.
void write_explanation_text(std::ostream& out, const Graph& graph, const Evaluation& evaluation, Graph::NodeRef v);

/// The same justification as JSON.
void write_explanation_json(std::ostream& out, const Graph& graph, const Evaluation& evaluation, Graph::NodeRef v);

/// The acceptance of every node under preferred or stable semantics
/// (analysis::case_acceptance), one line per node ("  s1: accepted
/// sceptically", "credulously" or "not accepted"), then a summary.
void write_acceptance_text(std::ostream& out, const Graph& graph, analysis::Semantics semantics,
                           std::span<const analysis::NodeAcceptance> acceptance);

/// The same as JSON:
/// `{"semantics": "preferred", "nodes": [{"id", "credulous", "sceptical"}]}`.
void write_acceptance_json(std::ostream& out, const Graph& graph, analysis::Semantics semantics,
                           std::span<const analysis::NodeAcceptance> acceptance);

}  // namespace claimgraph::io
