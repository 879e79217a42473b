#pragma once
// Writes a graph as canonical claimgraph JSON (format version 1): fixed key
// order, one node or edge per line, unknown fields kept. Reading the output
// and writing it again gives the same bytes.

#include <cstddef>
#include <ostream>
#include <string>

#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// Writes `graph` to `out` as canonical claimgraph JSON. With `threads` 2 or
/// more, a second thread renders a large graph's node and edge lines beside
/// this one; the text is the same on any number.
void write_json(std::ostream& out, const Graph& graph, std::size_t threads = 1);

/// Node `v` as write_json writes it, one JSON object (`{"id": ...}`): what
/// `claimgraph diff` compares field by field, so that a field the model
/// gains is compared without more code.
[[nodiscard]] std::string node_json(const Graph& graph, Graph::NodeRef v);
/// Edge `i` (position in Graph::edges()) as write_json writes it, one JSON object.
[[nodiscard]] std::string edge_json(const Graph& graph, std::size_t i);

}  // namespace claimgraph::io
