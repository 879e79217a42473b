#pragma once
// Why a node has the status grounded_status gave it, as facts that reports
// put in words (`claimgraph explain`, the Markdown report): which of the
// nodes that contradict it stand or are undecided, which of its elements do
// not stand, and what became of each of its supports edges (it carries, it
// is undercut by a standing node, it is contested by an undecided one, or
// its supporter fell or is undecided).
//
// `cause` names the rule of status.hpp that settled the label, in the order
// a reader checks them (a standing contradictor first, then the elements,
// then the support). The lists hold every fact, not only the decisive one,
// so a report can give all the reasons a node falls: a claim contradicted
// by a finding that stands may also have nothing supporting it.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::analysis {

/// The rule that settled a node's status.
enum class Cause : std::uint8_t {
  evidence,            ///< IN: evidence that nothing standing contradicts
  supported,           ///< IN: a supporter stands and its support carries
  elements_stand,      ///< IN: its elements meet its test (every one; one, for `any`; outweighing, for `balance`)
  contradicted,        ///< OUT: a node that contradicts it stands (IN)
  elements_fall,       ///< OUT: its elements fail its test whatever the undecided ones become
  unsupported,         ///< OUT: nothing supports it and it has no elements
  support_undercut,    ///< OUT: a standing node undercuts every support it has
  support_fallen,      ///< OUT: its supporters fell (some supports may also be undercut)
  standoff,            ///< UNDEC: an undecided node contradicts it, and neither prevails
  elements_undecided,  ///< UNDEC: its test turns on elements that are undecided
  support_undecided,   ///< UNDEC: its supporters, or the undercutters of its support, are undecided
};

/// One supports edge into the node, and its undercutters that matter.
struct SupportEdge {
  Graph::NodeRef supporter{};  ///< the source of the edge
  std::size_t edge = 0;        ///< its position in Graph::edges()
  /// For an undercut support, the IN nodes that undercut it; for a
  /// contested one, the UNDEC ones; otherwise empty.
  std::vector<Graph::NodeRef> undercutters;
};

/// The facts behind one node's status. Every list is in edge order.
struct StatusReason {
  Label label = Label::undec;  ///< the node's status
  Cause cause = Cause::standoff;  ///< the rule that settled it
  /// Number of nodes that contradict it, whatever their status.
  std::size_t contradictors = 0;
  std::vector<Graph::NodeRef> contradictors_in;     ///< those that stand
  std::vector<Graph::NodeRef> contradictors_undec;  ///< those undecided
  /// Number of its elements (claims only; 0 for evidence).
  std::size_t elements = 0;
  /// Its elements that do not stand (OUT or UNDEC).
  std::vector<Graph::NodeRef> elements_not_in;
  /// Its elements that stand (IN).
  std::vector<Graph::NodeRef> elements_in;
  /// Its test of elements (`all` when it has none).
  ElementTest test = ElementTest::all;
  /// For `balance`: the weight (in factor_units()) of its factors that
  /// stand, that fell, and that are undecided.
  std::uint64_t weight_in = 0;
  std::uint64_t weight_out = 0;
  std::uint64_t weight_undec = 0;
  /// Its supports edges (those of a claim with elements count for nothing
  /// in its status, but are listed too), by what became of them, each edge
  /// in the first list that fits:
  /// supports from OUT nodes;
  std::vector<SupportEdge> fallen;
  /// supports undercut by an IN node (carrying nothing);
  std::vector<SupportEdge> undercut;
  /// supports from UNDEC nodes;
  std::vector<SupportEdge> undecided;
  /// supports from IN nodes with UNDEC undercutters;
  std::vector<SupportEdge> contested;
  /// supports from IN nodes whose undercutters are all OUT: they carry.
  std::vector<SupportEdge> carrying;

  /// Whether it has any supports edge at all.
  [[nodiscard]] bool has_support() const noexcept {
    return !carrying.empty() || !undercut.empty() || !contested.empty() || !fallen.empty() || !undecided.empty();
  }
};

/// Why `v` has its status in `status` (the result of grounded_status on
/// `graph`). O(edges into v).
[[nodiscard]] StatusReason explain_status(const Graph& graph, const StatusReport& status, Graph::NodeRef v);

}  // namespace claimgraph::analysis
