#pragma once
// What the analyses found about one graph, bundled for the writers that
// show it: Analyses refers to results held elsewhere, each part optional;
// Results holds them. analyse() runs the analyses a writer needs, once.

#include <cstddef>
#include <optional>
#include <vector>

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
  /// Per node: whether the court excluded it, when the results above are of
  /// the record without those nodes (critical.hpp); null: nothing excluded.
  const std::vector<bool>* excluded = nullptr;
  /// With `excluded`: check() of the whole record, so that what fell with
  /// the excluded nodes (grounded there, not in `grounding`) can be shown.
  const GroundingReport* record = nullptr;
  /// Per node: the evidence whose exclusion alone would leave it without
  /// evidence (critical.hpp: single_points), for the points of failure.
  const std::vector<std::vector<Graph::NodeRef>>* single_points = nullptr;
  /// With `single_points`, of a view (restrict()): per node, how many of
  /// its points of failure the view leaves out, so that a writer can say
  /// that there are more without naming them; null: none left out.
  const std::vector<std::size_t>* single_points_hidden = nullptr;
  /// With `single_points`, of a view (restrict()): per node, how many of the
  /// claims and counterclaims it alone holds up (it is one of their points
  /// of failure) the view leaves out; null: none left out.
  const std::vector<std::size_t>* held_hidden = nullptr;

  /// The number of node `v`'s points of failure that are not in the graph.
  [[nodiscard]] std::size_t hidden_points(Graph::NodeRef v) const noexcept {
    return single_points_hidden != nullptr && v < single_points_hidden->size() ? (*single_points_hidden)[v] : 0;
  }
  /// The number of claims and counterclaims that node `v` alone holds up
  /// and that are not in the graph.
  [[nodiscard]] std::size_t hidden_held(Graph::NodeRef v) const noexcept {
    return held_hidden != nullptr && v < held_hidden->size() ? (*held_hidden)[v] : 0;
  }
  /// Whether node `v` has points of failure, in the graph or not.
  [[nodiscard]] bool has_points(Graph::NodeRef v) const noexcept {
    return (single_points != nullptr && v < single_points->size() && !(*single_points)[v].empty()) ||
           hidden_points(v) > 0;
  }

  /// Whether node `v` is excluded.
  [[nodiscard]] bool is_excluded(Graph::NodeRef v) const noexcept {
    return excluded != nullptr && v < excluded->size() && (*excluded)[v];
  }
  /// Whether claim `v` fell with what was excluded: grounded in the whole
  /// record, not without the excluded nodes (and not excluded itself).
  [[nodiscard]] bool fell(Graph::NodeRef v) const noexcept {
    return record != nullptr && grounding != nullptr && v < record->grounded.size() && record->grounded[v] &&
           !grounding->grounded[v] && !is_excluded(v);
  }
};

/// The results themselves, as analyse() computes them.
struct Results {
  std::optional<GroundingReport> grounding;
  std::optional<StatusReport> status;
  std::optional<StrengthReport> strength;
  std::optional<SchemeUse> schemes;
  std::optional<std::vector<bool>> excluded;
  std::optional<GroundingReport> record;
  std::optional<std::vector<std::vector<Graph::NodeRef>>> single_points;
  std::optional<std::vector<std::size_t>> single_points_hidden;
  std::optional<std::vector<std::size_t>> held_hidden;

  /// The bundle that refers to these results (valid while they live).
  [[nodiscard]] Analyses analyses() const noexcept {
    return {grounding ? &*grounding : nullptr,
            status ? &*status : nullptr,
            strength ? &*strength : nullptr,
            schemes ? &*schemes : nullptr,
            excluded ? &*excluded : nullptr,
            record ? &*record : nullptr,
            single_points ? &*single_points : nullptr,
            single_points_hidden ? &*single_points_hidden : nullptr,
            held_hidden ? &*held_hidden : nullptr};
  }
};

/// Which analyses to run.
struct Wanted {
  bool grounding = true;    ///< check
  bool evaluation = false;  ///< grounded_status and evaluate_strength
  /// The argumentation schemes the case may name; null: none (critical
  /// questions are then not weighed).
  const SchemeLibrary* schemes = nullptr;
  /// Per node: whether the court excluded it (empty: none). The analyses are
  /// then of the record without those nodes (critical.hpp), and the whole
  /// record's grounding is kept beside them (Results::record).
  std::vector<bool> excluded = {};
  /// The points of failure: critical.hpp's single_points (of the record
  /// without what is excluded).
  bool single_points = false;
  /// How grounded_status decides (the burden of persuasion), with evaluation.
  StatusOptions status = {};
  /// How strengths are computed, with evaluation.
  StrengthOptions strength = {};
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
/// evaluate()'s status alone, the strengths not computed (they take the
/// sweeps of every cycle of support and attack; the status does not depend
/// on them).
[[nodiscard]] StatusReport evaluate_status(const Graph& graph, SchemeUse* use, const StatusOptions& status = {});

}  // namespace claimgraph::analysis
