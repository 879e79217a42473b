#pragma once
// What the case cannot afford to lose, and the record as if the court had
// excluded part of it.
//
// Exclusion: the analyses as if some nodes were not in the record. An
// excluded piece of evidence grounds nothing; an excluded claim is not
// grounded and grounds nothing; neither supports, contradicts or undercuts
// anything any more, and an excluded element is one its claim lacks.
// check() takes the excluded nodes directly; the evaluations run on
// without(), a copy of the graph in which they are inert.
//
// Cut sets: grounding (grounding.hpp) only grows with the evidence, so the
// sets of evidence whose exclusion leaves a grounded claim without evidence
// are closed upward, and the minimal ones say it all. A claim's size-1 cut
// sets (its single points of failure) are the greatest solution of
//
//   crit(e) = {e}                            for evidence e
//   crit(v) = { x : Σ share(s) over the grounded nodes s bearing on v
//                   with x ∈ crit(s)  >  have(v) − need(v) }
//
// where the shares, have and need are those of the test of elements
// (element_tests.hpp; a claim without elements needs one supporter of share
// 1). For a claim without elements this is the intersection over its
// supporters, as for dominators; for the test `all`, the union over its
// elements. It is computed once for every node, in topological order of the
// strongly connected components of the grounded support graph and by
// iteration from "every piece of evidence" inside a cyclic component. Cut
// sets of size k ≥ 2 are found by excluding each set of k − 1 pieces of
// evidence in turn and solving the same equations on what remains, under a
// work limit. docs/semantics.md gives the method, its proof and its cost.
//
// With CriticalOptions::status, the same question for the grounded status
// (status.hpp), which does not only grow with the evidence (excluding an
// attacker can make a claim IN): every set of up to max_set pieces of
// evidence is tried, smallest first, and a set is kept for a claim that is
// IN when it turns the claim OUT or UNDEC and no smaller kept set does.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/scheme.hpp"

namespace claimgraph::analysis {

/// The graph the evaluations see when the nodes marked in `excluded` (per
/// node) are excluded: the same nodes and edges, in the same order, then two
/// nodes more: the ruling, evidence that contradicts each excluded node (so
/// that it is OUT and of strength 0), and a sink that every edge into an
/// excluded node, every edge out of one but its element-of edges, and the
/// undercuts of those edges bear on instead (so that nothing holds it up and
/// it bears on nothing, while the inferences and their critical questions
/// stay whole).
/// An excluded element stays an element: the claim lacks it. Evaluations of
/// it, cut back to `graph`'s nodes and edges (schemes.hpp: cut_back), are
/// those of `graph` without the excluded nodes. Not for check(), which takes
/// the excluded nodes itself.
[[nodiscard]] Graph without(const Graph& graph, const std::vector<bool>& excluded);

/// analysis::evaluate() (analyses.hpp) as if the nodes marked in `excluded`
/// were excluded: on without(), cut back to `graph`.
[[nodiscard]] Evaluated evaluate(const Graph& graph, const std::vector<bool>& excluded, SchemeUse* use,
                                const StatusOptions& status = {}, const StrengthOptions& strength = {});

/// The largest cut sets critical() looks for.
inline constexpr std::size_t max_cut_set = 8;

/// How far critical() looks.
struct CriticalOptions {
  /// The largest cut sets looked for: 1 to max_cut_set.
  std::size_t max_set = 2;
  /// The claims and counterclaims to look at; empty: every one.
  std::vector<Graph::NodeRef> claims = {};
  /// Nodes excluded before the question is asked (per node; empty: none).
  std::vector<bool> excluded = {};
  /// The work limit: steps of the search (a node or edge looked at, a piece
  /// of evidence added to a set) before it gives up with CriticalLimitError.
  std::size_t max_steps = 200'000'000;
  /// Also: which sets of evidence turn a claim that is IN OUT or UNDEC.
  bool status = false;
  /// For `status`: the schemes whose critical questions are weighed (as
  /// evaluate does), and how the status is decided.
  const SchemeLibrary* schemes = nullptr;
  StatusOptions status_options{};
};

/// A minimal set of evidence whose exclusion leaves a claim without evidence.
struct CutSet {
  /// The evidence, in node order.
  std::vector<Graph::NodeRef> evidence;
  /// What the claim would then lack: the nodes bearing on it that fall with
  /// the set (its elements, for a claim with elements; else its supporters),
  /// in edge order.
  std::vector<Graph::NodeRef> lost;
  /// One path by which it falls: the claim, a node it rests on that falls,
  /// one that node rests on, ..., down to a piece of evidence of the set.
  std::vector<Graph::NodeRef> path;
};

/// A minimal set of evidence whose exclusion turns a claim that is IN into
/// OUT or UNDEC.
struct StatusCut {
  std::vector<Graph::NodeRef> evidence;  ///< in node order
  Label label = Label::out;              ///< the claim's status without it
};

/// What one claim or counterclaim cannot lose.
struct ClaimCuts {
  Graph::NodeRef claim{};
  /// Whether it is grounded in the record (less what was excluded). A claim
  /// that is not has no cut sets.
  bool grounded = false;
  /// Its minimal cut sets of up to max_set pieces of evidence: the smallest
  /// first, then in node order of their evidence.
  std::vector<CutSet> cut_sets;
  /// With CriticalOptions::status: its status, and (when IN) its minimal
  /// status cuts, the smallest first.
  std::optional<Label> label;
  std::vector<StatusCut> status_cuts;
};

/// A piece of evidence that alone holds up claims: a cut set of size 1.
struct SinglePoint {
  Graph::NodeRef evidence{};
  /// The claims and counterclaims it alone holds up, in node order.
  std::vector<Graph::NodeRef> claims;
};

/// The result of critical().
struct CriticalReport {
  std::size_t max_set = 0;
  /// The claims looked at, in node order.
  std::vector<ClaimCuts> claims;
  /// Every piece of evidence that is a single point of failure of a claim
  /// looked at, in node order.
  std::vector<SinglePoint> evidence;
  /// The steps the search took (CriticalOptions::max_steps).
  std::size_t steps = 0;
};

/// The search for cut sets went past CriticalOptions::max_steps; the message
/// says how to ask a smaller question. Limit::cut_set_steps.
class CriticalLimitError : public Error {
 public:
  CriticalLimitError(std::size_t max_set, std::size_t max_steps);
};

/// The minimal cut sets of the claims of `graph` that `options` name.
/// Size 1 for every claim: about linear in nodes, edges and the evidence in
/// the answer; size k ≥ 2: that once for each set of k − 1 pieces of
/// evidence that grounds something looked at. Throws CriticalLimitError,
/// and Error for a max_set out of range.
[[nodiscard]] CriticalReport critical(const Graph& graph, const CriticalOptions& options);

/// Per node: the evidence whose exclusion alone would leave it without
/// evidence (its size-1 cut sets), in node order; empty for a node that is
/// not grounded (or is not a claim or counterclaim). What the reports show
/// as points of failure: the same as critical() with max_set 1, without the
/// paths.
[[nodiscard]] std::vector<std::vector<Graph::NodeRef>> single_points(const Graph& graph,
                                                                     const std::vector<bool>& excluded = {});

}  // namespace claimgraph::analysis
