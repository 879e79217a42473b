#pragma once
// Writes a graph as canonical claimgraph JSON (format version 1): fixed key
// order, one node or edge per line, unknown fields kept. Reading the output
// and writing it again gives the same bytes.

#include <ostream>

#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// Writes `graph` to `out` as canonical claimgraph JSON.
void write_json(std::ostream& out, const Graph& graph);

}  // namespace claimgraph::io
