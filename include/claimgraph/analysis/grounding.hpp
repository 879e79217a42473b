#pragma once
// Which claims lack evidence.
//
// Grounding is the least fixed point of three rules: evidence is grounded; a
// claim with elements is grounded when its test of elements is met by its
// grounded elements (all of them; any one; or, for `balance`, grounded
// factors that outweigh the others); any other claim is grounded when one of
// its supporters is. It is computed by propagation from
// the evidence (each edge looked at once, no recursion), so a cycle of claims
// supporting each other grounds nothing unless something outside it does.
// For the claims left ungrounded, the strongly connected components of the
// ungrounded support graph tell a support cycle from a plain missing link.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "claimgraph/graph.hpp"

namespace claimgraph::analysis {

/// Why a claim or counterclaim lacks evidence.
enum class Gap : std::uint8_t {
  none,              ///< grounded
  unsupported,       ///< no supporters and no elements at all
  missing_elements,  ///< test `all`: some of its elements are not grounded
  no_element,        ///< test `any`: none of its elements is grounded
  outweighed,        ///< test `balance`: the grounded factors do not outweigh the others
  ungrounded,        ///< it has supporters, none of them grounded
  excluded,          ///< the court excluded it (check with excluded nodes)
};

/// For `ungrounded` claims: why none of the supporters is grounded.
enum class UngroundedCause : std::uint8_t {
  none,
  cycle,               ///< it is supported only through a cycle of claims
  lacking_supporters,  ///< its supporters are claims that lack evidence themselves
};

/// The spelling used in reports: "unsupported", "missing-elements", "no-element",
/// "outweighed", "ungrounded", "excluded".
[[nodiscard]] const char* to_string(Gap gap) noexcept;
/// "cycle" or "lacking-supporters".
[[nodiscard]] const char* to_string(UngroundedCause cause) noexcept;

/// What `check` found about one claim or counterclaim.
struct ClaimStatus {
  Graph::NodeRef node{};
  bool grounded = false;
  Gap gap = Gap::none;
  /// For `missing_elements`, `no_element` and `outweighed`: the elements
  /// not grounded, in edge order.
  std::vector<Graph::NodeRef> missing;
  /// For a claim whose test is `balance`: the weight of its grounded factors
  /// and of the others, in factor_units().
  std::uint64_t weight_for = 0;
  std::uint64_t weight_against = 0;
  /// For `ungrounded`: why.
  UngroundedCause cause = UngroundedCause::none;
  /// For `ungrounded`: its supporters (all ungrounded), in edge order.
  std::vector<Graph::NodeRef> supporters;
  /// For `cycle`: index into GroundingReport::cycles of the cycle it lies on.
  std::size_t cycle = static_cast<std::size_t>(-1);
  /// Number of grounded nodes that contradict it.
  std::size_t grounded_contradictions = 0;
};

/// The result of the check over a whole graph.
struct GroundingReport {
  /// Per node (indexed by vertex): grounded or not. Evidence always is.
  std::vector<bool> grounded;
  /// One entry per claim and counterclaim, in node order.
  std::vector<ClaimStatus> claims;
  /// The support cycles that ground nothing (strongly connected components
  /// of ungrounded nodes with more than one node), each in node order.
  std::vector<std::vector<Graph::NodeRef>> cycles;
  /// Number of claims and counterclaims that are grounded.
  std::size_t grounded_claims = 0;

  /// Number of claims and counterclaims that lack evidence.
  [[nodiscard]] std::size_t lacking() const noexcept { return claims.size() - grounded_claims; }
  /// Index into `claims` per vertex, or npos for evidence.
  std::vector<std::size_t> claim_index;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

/// Runs the check. O(nodes + edges).
[[nodiscard]] GroundingReport check(const Graph& graph);

/// The check as if the nodes marked in `excluded` (per node; shorter: the
/// rest are not excluded) were not in the record: excluded evidence is not
/// grounded, an excluded claim or counterclaim is not grounded and reported
/// with Gap::excluded, and neither grounds anything. O(nodes + edges).
[[nodiscard]] GroundingReport check(const Graph& graph, const std::vector<bool>& excluded);

}  // namespace claimgraph::analysis
