#pragma once
// How the case-file reader builds a Graph in place. The reader has already
// checked, and reported in its own words, everything Graph's public adders
// would check (an id given once and not empty, edge ends that exist and
// differ, an undercut's target a supports edge), so nodes and edges go
// straight into the graph's arrays: no Node passed by value, no batch of
// EdgeSpec copies between the file and the graph.

#include <cstddef>
#include <utility>

#include "claimgraph/graph.hpp"

namespace claimgraph::detail {

struct GraphLoader {
  /// Graph::insert_node without the copy into its by-value parameter:
  /// `node` is moved from only when it is added. Its id must not be empty.
  static std::pair<Graph::NodeRef, bool> insert_node(Graph& graph, Node&& node) {
    return graph.store_node(std::move(node));
  }

  /// Appends an edge between two different nodes of `graph`; an undercut's
  /// `edge.undercut` must name a supports edge (before or after this one).
  static void append_edge(Graph& graph, Graph::NodeRef from, Graph::NodeRef to, Edge&& edge) {
    edge.index = graph.edge_count();
    graph.append(from, to, std::move(edge));
  }
};

}  // namespace claimgraph::detail
