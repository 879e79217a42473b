#pragma once
// How the case-file reader builds a Graph in place. The reader has already
// checked, and reported in its own words, everything Graph's public adders
// would check (an id given once and not empty, edge ends that exist and
// differ, an undercut's target a supports edge), so nodes and edges go
// straight into the graph's arrays: no Node passed by value, no batch of
// EdgeSpec copies between the file and the graph.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "claimgraph/graph.hpp"

namespace claimgraph::detail {

struct GraphLoader {
  /// Graph::insert_node without the copy into its by-value parameter:
  /// `node` is moved from only when it is added. Its id must not be empty.
  static std::pair<Graph::NodeRef, bool> insert_node(Graph& graph, Node&& node) {
    return graph.store_node(std::move(node));
  }

  /// The same, for a reader that adds nodes in batches: the hash of each
  /// id of a batch (id_hash) and a prefetch of its place in the id index
  /// (prefetch_id) first, then each node with its hash, so that the cache
  /// misses of a large index overlap instead of coming one per node.
  static std::uint64_t id_hash(std::string_view id) noexcept { return IdIndex::hash_of(id); }
  static void prefetch_id(const Graph& graph, std::uint64_t hash) noexcept { graph.index_.prefetch(hash); }
  static std::pair<Graph::NodeRef, bool> insert_node(Graph& graph, Node&& node, std::uint64_t hash) {
    return graph.store_node(std::move(node), hash);
  }

  /// Graph::find_many into the caller's `out` (count entries): for a reader
  /// that looks up edges' ends on more than one thread, the lookups only
  /// reading the graph's id index while another thread appends edges.
  static void find_ends(const Graph& graph, const std::string_view* ids, std::size_t count, std::size_t* out) noexcept {
    graph.index_.find_many(ids, count, out);
  }

  /// Appends an edge between two different nodes of `graph`; an undercut's
  /// `edge.undercut` must name a supports edge (before or after this one).
  static void append_edge(Graph& graph, Graph::NodeRef from, Graph::NodeRef to, Edge&& edge) {
    edge.index = graph.edge_count();
    graph.append(from, to, std::move(edge));
  }
};

}  // namespace claimgraph::detail
