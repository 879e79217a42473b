#pragma once
// Writes the result of evaluation (status, strength, standards of proof) for
// people and for programs, and the justification of one node: the chain of
// support down to the evidence and its sources, what attacks it and whether
// that attacker stands, the missing elements, and the standard met or not.

#include <ostream>
#include <string_view>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// Everything evaluate computes about a graph.
struct Evaluation {
  std::string_view semantics = "grounded";
  const analysis::StatusReport* status = nullptr;
  const analysis::StrengthReport* strength = nullptr;
};

/// Per node: status, strength and, for claims, the standard and whether it is
/// established; grouped by `group`, with a summary.
void write_evaluation_text(std::ostream& out, const Graph& graph, const Evaluation& evaluation);

/// `{"semantics": "...", "converged": true, "nodes": [{"id", "status", "strength", "established", ...}]}`.
void write_evaluation_json(std::ostream& out, const Graph& graph, const Evaluation& evaluation);

/// A justification of node `v` a lawyer could paste into a memo.
void write_explanation_text(std::ostream& out, const Graph& graph, const Evaluation& evaluation, Graph::NodeRef v);

/// The same justification as JSON.
void write_explanation_json(std::ostream& out, const Graph& graph, const Evaluation& evaluation, Graph::NodeRef v);

}  // namespace claimgraph::io
