#pragma once
// Writes a graph as GraphML, for yEd, Gephi, Cytoscape and any program that
// reads GraphML: one <node> per node and one <edge> per edge, every field a
// <data> element under a typed <key> (attr.name and attr.type: string,
// double or boolean).
//
// XML ids are generated (n0, n1, ... and e0, e1, ...: GraphML wants
// NMTOKENs, and a case file's ids may hold anything); the ids of the case
// file are the `id` data. GraphML edges join nodes, never an edge, so an
// undercut is written as the model holds it: an edge from the undercutting
// node to the claim whose support it attacks, whose `undercuts` data names
// the attacked supports edge (by its `id`), and the attacked edge has
// `undercut` true. Text is escaped for XML 1.0; what XML 1.0 cannot hold
// becomes U+FFFD (see detail::append_xml and docs/exports.md).

#include <ostream>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// What goes into the GraphML file beside the graph itself.
struct GraphmlOptions {
  /// What the analyses found: with `grounding`, every node has
  /// `lacks_evidence` and each claim that lacks it a `gap` (the reason);
  /// with `status`, every node has `status` (IN, OUT, UNDEC) and every
  /// supports edge `carries`; with `strength`, every node has `strength` and
  /// every claim `established`.
  analysis::Analyses analyses;
};

/// Writes `graph` to `out` as GraphML (UTF-8).
void write_graphml(std::ostream& out, const Graph& graph, const GraphmlOptions& options = {});

}  // namespace claimgraph::io
