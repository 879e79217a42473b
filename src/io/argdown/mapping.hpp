#pragma once
// Argdown's model → a claimgraph Graph, by the mapping of docs/argdown.md:
// statements and arguments become nodes (kind, text, party and the other
// fields from their tags and data), premises become elements of their
// argument, which supports its conclusion, and relations become supports,
// contradicts and undercuts edges.

#include "claimgraph/graph.hpp"
#include "claimgraph/limits.hpp"
#include "detail/diagnostics.hpp"
#include "io/argdown/model.hpp"

namespace claimgraph::io::argdown {

/// The graph of `model` (after Model::finish). Data that cannot be used (an
/// unknown kind, a weight above 1, a value over limits.max_string_bytes) is
/// reported as an error; when there is any, the graph has its nodes but no
/// edges. Edges beyond limits.max_edges stop the read (detail::Fatal).
[[nodiscard]] Graph make_graph(const Model& model, detail::TextDiagnostics& diagnostics, const Limits& limits);

}  // namespace claimgraph::io::argdown
