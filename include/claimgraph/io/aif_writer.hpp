#pragma once
// Writes a graph as an argument map in the Argument Interchange Format
// (AIF), as the JSON that AIFdb and OVA read: `{"nodes": [...], "edges":
// [...], "locutions": []}`, one node or edge per line.
//
// Every node becomes an I-node (nodeID = id, text = label). Every supports
// edge becomes an RA node ("Default Inference") between its two ends, every
// contradicts edge a CA node ("Default Conflict"), every undercut a CA node
// aimed at the RA of the supports edge it attacks, and the element-of edges
// into one claim a single RA with the elements as linked premises, marked
// `"claimgraph": {"relation": "element-of"}`. Scheme nodes are named after
// the first edge they stand for ("e3", made unique).
//
// What AIF has no place for rides along in "claimgraph" objects that AIF
// tools ignore: on each I-node its kind and the case file's other fields,
// on the edge from a premise into its RA or CA the claimgraph edge's id and
// unknown fields, and at the top the title, description and unknown
// top-level fields. io::read_aif reads the output back into the same graph
// (docs/aif.md).

#include <ostream>

#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// Writes `graph` to `out` as an AIF map (AIFdb JSON).
void write_aif(std::ostream& out, const Graph& graph);

}  // namespace claimgraph::io
