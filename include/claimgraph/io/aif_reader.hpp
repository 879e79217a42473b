#pragma once
// Reads argument maps in the Argument Interchange Format (AIF), as the JSON
// that OVA and AIFdb exchange, into a Graph. Both forms are read: classic
// AIFdb JSON, `{"nodes": [...], "edges": [...], "locutions": [...]}`, and
// the xAIF/OVA3 wrapper, `{"AIF": {"nodes": [...], "edges": [...]}, "OVA":
// ..., "text": ...}`. Node and edge ids may be strings or integers.
//
// AIF joins propositions (I-nodes) through scheme nodes: an inference (RA)
// leads from its premises to a conclusion, a conflict (CA) from one
// proposition to another, or to an inference. The mapping, which
// docs/aif.md sets out with examples:
// - Every I-node becomes a node with the AIF nodeID as id and the AIF text
//   as label: a claim when it is the conclusion of some RA, else evidence.
// - An RA with one premise gives a `supports` edge from the premise to each
//   conclusion. An RA with several premises (linked premises, which hold
//   only together) gives a claim node of its own (id = the RA's nodeID,
//   label = its text) with the premises as `element-of` edges and that node
//   `supports` the conclusion; a CA with several premises likewise.
// - A CA aimed at an I-node gives a `contradicts` edge; aimed at an RA it
//   `undercuts` every `supports` edge that RA gave (which gets the RA's
//   nodeID as its edge id when it has none). A CA aimed at another CA (an
//   attack on an attack, which claimgraph cannot hold) becomes a
//   `contradicts` edge against the attacked conflict's premise, with a
//   warning.
// - MA (rephrase), PA (preference), L (locution), YA (illocution) and TA
//   (transition) nodes and their edges are dropped, counted in one warning.
// - What claimgraph writes (io::write_aif) adds a "claimgraph" object to
//   nodes and edges that carries every field AIF has no place for (kind,
//   party, tags, edge ids, ...): reading it back gives the same graph.
//
// Like the case-file reader, it checks the whole map and reports every
// problem with file, line, column and JSON pointer before giving up.

#include <cstddef>
#include <istream>
#include <string_view>

#include "claimgraph/io/read.hpp"

namespace claimgraph::io {

/// Whether `text` looks like an AIF map rather than a claimgraph case file,
/// judged from its first tokens: a top-level "AIF" member, or a first node
/// with "nodeID" (a first edge with "fromID" or "toID", a top-level
/// "locutions"); a top-level "claimgraph" number or a first node with "id"
/// says it is a case file. It reads only as far as it must to tell, and
/// answers false when nothing tells (or the JSON breaks off or nests deeper
/// than `max_depth` first), so that the case-file reader reports the problem.
[[nodiscard]] bool looks_like_aif(std::string_view text, std::size_t max_depth = 64);

/// Reads an AIF map from memory. Checks options.limits: max_input_bytes,
/// max_depth, max_string_bytes, and max_nodes and max_edges, which bound the
/// map's nodes and edges (all types) and the graph made from them. Throws
/// ParseError (malformed JSON, wrong types, missing fields) or
/// ValidationError (unknown node types, edges to unknown nodes, an RA
/// without premise or conclusion, ...) with every problem found.
[[nodiscard]] ReadResult read_aif(std::string_view text, const ReadOptions& options = {});
/// Reads an AIF map from a stream (IoError past max_input_bytes).
[[nodiscard]] ReadResult read_aif(std::istream& in, const ReadOptions& options = {});

}  // namespace claimgraph::io
