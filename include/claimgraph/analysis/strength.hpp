#pragma once
// How strong each node is, and whether each claim meets its standard of proof.
//
// Strength follows DF-QuAD (Rago, Toni, Aurisicchio and Baroni, 2016): a
// node's base score is its `weight`; the strengths of its attackers and of
// its supporters are each aggregated as a probabilistic sum,
// F(v1..vk) = 1 − Π(1 − vi) (0 for none); and the strength is
//   base − base·(att − sup)        when att ≥ sup,
//   base + (1 − base)·(sup − att)  when sup > att.
// claimgraph's additions, documented in the README:
//  - default base scores: evidence 1.0, claims and counterclaims 0.5;
//  - a claim with elements takes its base score from them, by its test
//    (times its own weight, if it has one): `all`, the weakest element;
//    `any`, the strongest; `balance`, the weighted mean of the factors'
//    strengths, Σ wᵢ·sᵢ / Σ wᵢ (0 when every weight is 0). Its supports
//    edges do not count, as for grounding;
//  - a supports edge counts for sup(x) with the supporter's strength times
//    (1 − F(strengths of the edge's undercutters)).
// Nodes are evaluated strongly connected component by component in
// topological order: acyclic parts are exact after one pass; a cycle is
// iterated by damped simultaneous updates (each sweep, every node of the
// cycle moves towards the value the previous sweep's strengths give it by a
// step of its own: the whole way at first, half as far each time its
// direction reverses, down to 1/64), which does not depend on node order,
// until no strength moves by more than the tolerance; a cycle that does not
// settle within the iteration limit is reported.
//
// A claim is *established* when pro (its aggregated support, or for a claim
// with elements what its test makes of them) and con (its aggregated attack) meet its standard (Carneades 4):
//   scintilla: pro > 0;  preponderance: pro > con;
//   clear-and-convincing: pro > con and pro − con > 0.5;
//   beyond-reasonable-doubt: the above and con < 0.3.
// A claim with no `standard` is held to preponderance. evaluate_strength()
// weighs strengths only; a claim whose status is OUT (contradicted by a
// standing node, or with its support fallen) is not established whatever
// its strength: see established().

#include <cstddef>
#include <vector>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::analysis {

/// Settings of the strength computation.
struct StrengthOptions {
  double evidence_weight = 1.0;  ///< base score of evidence without a weight
  double claim_weight = 0.5;     ///< base score of claims without a weight
  double tolerance = 1e-9;       ///< a cycle has settled when no strength moves more than this
  std::size_t max_iterations = 10'000;  ///< sweeps over one cycle before giving up
  /// Threads that compute the sweeps of a large cycle (one: the calling
  /// thread alone). The strengths do not depend on it: each sweep reads only
  /// the sweep before. More are started only for sweeps of many nodes.
  std::size_t threads = 1;
};

/// Strength and standard of proof for every node.
struct StrengthReport {
  std::vector<double> strength;  ///< per node, in [0, 1]
  std::vector<double> pro;       ///< per node: aggregated support (for claims with elements, what their test makes of them)
  std::vector<double> con;       ///< per node: aggregated attack
  std::vector<bool> established; ///< per node: claims meeting their standard (false for evidence); see established()
  bool converged = true;         ///< false when some cycle did not settle
  std::vector<Graph::NodeRef> unsettled;  ///< nodes of the cycles that did not settle
  /// How much settling the cycles took. Only the nodes of a cycle (a
  /// strongly connected component with an edge inside it) are swept; every
  /// other node is computed once, after all that bear on it.
  std::size_t cycles = 0;         ///< cycles swept, settled or not (see converged)
  std::size_t largest_cycle = 0;  ///< nodes in the largest of them
  std::size_t sweeps = 0;         ///< the most sweeps any of them took
};

/// Whether `pro` and `con` meet `standard`.
[[nodiscard]] bool meets(Standard standard, double pro, double con) noexcept;

/// Computes strengths (DF-QuAD) and which claims meet their standard.
/// With a status labelling, claims it puts OUT are not established.
[[nodiscard]] StrengthReport evaluate_strength(const Graph& graph, const StrengthOptions& options = {},
                                               const StatusReport* status = nullptr);

}  // namespace claimgraph::analysis
