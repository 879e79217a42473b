#pragma once
// Which claims stand once contradictions are weighed: every node is labelled
// IN, OUT or UNDEC, starting from nothing and repeating until nothing changes
// (the least fixed point):
//
//  - IN when its support is satisfied by IN nodes (evidence needs none; a
//    claim with elements needs its IN elements to meet its test of elements,
//    docs/semantics.md: every one, any one, or outweighing the others for
//    `balance`; any other claim needs one supporter IN, through a supports
//    edge none of whose undercutters is still standing) and every node that
//    contradicts it is OUT;
//  - OUT when some node that contradicts it is IN, or when it is no longer
//    grounded in evidence once the OUT nodes, and the support edges
//    undercut by IN nodes, are taken away (a claim whose only support has
//    fallen falls too, cycles included);
//  - UNDEC otherwise, e.g. two grounded claims that contradict each other.
//
// With no supports and every node evidence this is Dung's grounded
// labelling. It is computed by propagation: labels are only ever added, each
// edge is looked at a bounded number of times for the attack and support
// rules, and the loss of grounding is maintained by delete-and-rederive over
// just the part of the support graph that depended on what fell.

#include <cstdint>
#include <vector>

#include "claimgraph/graph.hpp"

namespace claimgraph::analysis {

/// A node's status.
enum class Label : std::uint8_t { in, out, undec };

/// "IN", "OUT" or "UNDEC".
[[nodiscard]] const char* to_string(Label label) noexcept;

/// The status of every node.
struct StatusReport {
  /// Per node (vertex).
  std::vector<Label> labels;
  /// Per edge (position in Graph::edges()): a supports edge that no longer
  /// carries support because an IN node undercuts it.
  std::vector<bool> undercut;
};

/// Labels the graph under the grounded semantics above. O(nodes + edges) for
/// the attack and support rules; the grounding upkeep costs what depended on
/// each fallen node.
[[nodiscard]] StatusReport grounded_status(const Graph& graph);

}  // namespace claimgraph::analysis
