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
//
// With StatusOptions::burden, what the labelling leaves undecided is then
// decided by the burden of persuasion (docs/semantics.md, "The burden of
// persuasion"), as a court decides an issue in equipoise: against the party
// that bears the burden on it. The undecided nodes are taken part by part
// (the strongly connected components of the undecided nodes and the edges
// between them), each part once the parts with edges into it are settled, so
// that a claim undecided only because of an issue above it follows that
// issue. In each part, two rounds, each decided at once and followed by the
// same propagation, so that the whole stays linear:
//
//  1. presumptions: every undecided claim of the part whose `burden` names a
//     party other than its own (the other side must disprove it) stands,
//     unless another undecided presumed claim contradicts it; the undecided
//     nodes of the part that contradict it have not disproved it, and fall
//     (those of a part before stay undecided: they have not disproved it
//     either);
//  2. every claim of the part still undecided whose burden is its own
//     party's (`burden` is its `party`, or is not given: the one who alleges
//     it bears it) falls.
//
// Evidence bears no burden: it is decided only by the propagation.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "claimgraph/graph.hpp"

namespace claimgraph::analysis {

/// Whether, and how, the burden of persuasion decided a node's label.
enum class Decided : std::uint8_t {
  no,              ///< the grounded rules decided it (or nothing did)
  fails,           ///< OUT: undecided, and the party that alleges it bears the burden
  stands,          ///< IN: undecided, and another party bears the burden of disproving it
  fails_to_disprove,  ///< OUT: undecided, and it contradicts a claim that stands by a presumption
};

/// How grounded_status decides.
struct StatusOptions {
  /// Decide what the grounded rules leave undecided by the burden of
  /// persuasion (above).
  bool burden = false;
};

/// Who bears the burden of persuasion on `node`: its `burden`, else its
/// `party` (the one who alleges it); empty when neither is given.
[[nodiscard]] std::optional<std::string_view> burden_bearer(const Node& node) noexcept;

/// Whether `node` is presumed: a claim or counterclaim whose `burden` names a
/// party other than its `party`, so that the other side must disprove it.
[[nodiscard]] bool presumed(const Node& node) noexcept;

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
  /// Per node, with StatusOptions::burden: whether the burden decided its
  /// label (empty without it).
  std::vector<Decided> decided;
  /// Per node, with StatusOptions::burden: the claim whose burden decided it,
  /// itself but for Decided::fails_to_disprove, where it is the presumed
  /// claim it contradicts (empty without it). In a report restricted to a
  /// view, Graph::npos where the view does not show that claim.
  std::vector<Graph::NodeRef> issue;
};

/// Labels the graph under the grounded semantics above. O(nodes + edges) for
/// the attack and support rules; the grounding upkeep costs what depended on
/// each fallen node.
[[nodiscard]] StatusReport grounded_status(const Graph& graph);

/// The same, deciding by the burden if `options` say so: finding the parts
/// and the two rounds of each look at every node and edge a bounded number
/// of times more, on top of the same propagation, so the cost stays the same.
[[nodiscard]] StatusReport grounded_status(const Graph& graph, const StatusOptions& options);

}  // namespace claimgraph::analysis
