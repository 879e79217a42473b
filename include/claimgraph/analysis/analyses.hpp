#pragma once
// What the analyses found about one graph, bundled for the writers that
// show it: Analyses refers to results held elsewhere, each part optional;
// Results holds them. analyse() runs the analyses a writer needs, once.

#include <optional>

#include "claimgraph/analysis/grounding.hpp"
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
};

/// The results themselves, as analyse() computes them.
struct Results {
  std::optional<GroundingReport> grounding;
  std::optional<StatusReport> status;
  std::optional<StrengthReport> strength;

  /// The bundle that refers to these results (valid while they live).
  [[nodiscard]] Analyses analyses() const noexcept {
    return {grounding ? &*grounding : nullptr, status ? &*status : nullptr, strength ? &*strength : nullptr};
  }
};

/// Which analyses to run.
struct Wanted {
  bool grounding = true;    ///< check
  bool evaluation = false;  ///< grounded_status and evaluate_strength
};

/// Runs the analyses `wanted` on `graph`. O(nodes + edges), but for the
/// iterations strength needs on cycles.
[[nodiscard]] Results analyse(const Graph& graph, Wanted wanted);

}  // namespace claimgraph::analysis
