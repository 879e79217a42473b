#pragma once
// Writes a graph as an Argdown document (https://argdown.org) that
// Argdown's own tools read, and that claimgraph's Argdown reader reads back
// into the same nodes, relations and labels.
//
// Each node becomes a statement `[id]: label #tags {data}`; the data block
// holds what Argdown has no syntax for (the kind, unless it is a claim, and
// text, party, source, weight, standard and burden). The edges into a node
// are written below it as relations: `<+ [source]` for supports, `<- [source]`
// for contradicts, and `<+ [element]` for element-of, with the elements
// listed in the node's data (`elements: [...]`) so that claimgraph tells
// them from supports. An undercut of the supports edge S → T is written
// below S as `<_ [undercutter]`. Groups become `#` headings, the title and
// description front matter. Labels are escaped so that every character
// reads back as itself; an id that cannot be an Argdown title (it holds `]`
// or a line break, or starts with `-`) is written as a close title and
// kept in the data (`id: "..."`). docs/argdown.md lists what does not
// survive the trip (edge ids and fields claimgraph does not know, line
// breaks in labels).

#include <ostream>

#include "claimgraph/graph.hpp"

namespace claimgraph::io {

/// Writes `graph` to `out` as an Argdown document.
void write_argdown(std::ostream& out, const Graph& graph);

}  // namespace claimgraph::io
