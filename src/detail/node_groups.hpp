#pragma once
// The nodes of a graph by group (a cause of action, a cluster in a
// diagram), as the diagrams and reports list them.

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "claimgraph/graph.hpp"

namespace claimgraph::detail {

/// Groups of nodes, stored flat: group i's nodes are members[offsets[i]]
/// up to members[offsets[i + 1]] (no vector per group: a case may have as
/// many groups as nodes).
class GroupList {
 public:
  [[nodiscard]] std::size_t size() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// The nodes of group `i`.
  [[nodiscard]] std::span<const Graph::NodeRef> operator[](std::size_t i) const {
    return {members.data() + offsets[i], offsets[i + 1] - offsets[i]};
  }

  std::vector<std::size_t> offsets;
  std::vector<Graph::NodeRef> members;
};

struct NodeGroups {
  /// The groups in order of first appearance, each with its nodes in node order.
  GroupList groups;
  /// The nodes without a group (every node, when grouping is off), in node order.
  std::vector<Graph::NodeRef> loose;

  /// The name of group `i`.
  [[nodiscard]] std::string_view name(const Graph& graph, std::size_t i) const {
    return *graph.node(groups[i].front()).group;
  }
};

/// Sorts the nodes of `graph` into their groups; with `by_group` false,
/// every node is loose. O(nodes).
[[nodiscard]] NodeGroups group_nodes(const Graph& graph, bool by_group = true);

/// Sorts `nodes`, some nodes of `graph` in the order to list them, into
/// their groups, in order of first appearance among them. O(nodes).
[[nodiscard]] NodeGroups group_nodes(const Graph& graph, std::span<const Graph::NodeRef> nodes);

}  // namespace claimgraph::detail
