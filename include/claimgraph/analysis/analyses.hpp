#pragma once
// What the analyses found about one graph, bundled for the writers that
// show it: Analyses refers to results held elsewhere, each part optional;
// Results holds them. analyse() runs the analyses a writer needs, once.

#include <optional>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::analysis {

/// The results a writer shows, each optional (null: not shown). All must be
/// of the graph written.
struct Analyses {
  /// Result of check: which claims lack evidence, and why.
  const GroundingReport* grounding = nullptr;
  /// Result of grounded_status: IN, OUT or UNDEC per node.
  const StatusReport* status = nullptr;
  /// Result of evaluate_strength: strength and standard of proof per node.
  const StrengthReport* strength = nullptr;
  /// The inferences that instantiate argumentation schemes, and the state
  /// of their critical questions (with what they defeat, once evaluated).
  const SchemeUse* schemes = nullptr;
};

/// The results themselves, as analyse() computes them.
struct Results {
  std::optional<GroundingReport> grounding;
  std::optional<StatusReport> status;
  std::optional<StrengthReport> strength;
  std::optional<SchemeUse> schemes;

  /// The bundle that refers to these results (valid while they live).
  [[nodiscard]] Analyses analyses() const noexcept {
    return {grounding ? &*grounding : nullptr, status ? &*status : nullptr, strength ? &*strength : nullptr,
            schemes ? &*schemes : nullptr};
  }
};

/// Which analyses to run.
struct Wanted {
  bool grounding = true;    ///< check
  bool evaluation = false;  ///< grounded_status and evaluate_strength
  /// The argumentation schemes the case may name; null: none (critical
  /// questions are then not weighed).
  const SchemeLibrary* schemes = nullptr;
};

/// Runs the analyses `wanted` on `graph`, weighing the critical questions
/// of the schemes it uses (analysis/schemes.hpp). O(nodes + edges), but for
/// the iterations strength needs on cycles.
[[nodiscard]] Results analyse(const Graph& graph, Wanted wanted);

/// grounded_status (with `status` options) and evaluate_strength of
/// `graph`, with its critical questions weighed when `use` is given (and
/// recorded in it).
struct Evaluated {
  StatusReport status;
  StrengthReport strength;
};
[[nodiscard]] Evaluated evaluate(const Graph& graph, SchemeUse* use, const StatusOptions& status = {},
                                const StrengthOptions& strength = {});

}  // namespace claimgraph::analysis
