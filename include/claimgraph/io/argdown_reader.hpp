#pragma once
// Reads Argdown (https://argdown.org), the Markdown-like language for
// argument maps, into a Graph.
//
// The reader follows the Argdown parser's own rules token by token, so that
// it reads the statements, arguments and relations Argdown's tools read from
// the same file (the tests compare the two on a corpus of Argdown files):
// statements `[Title]: text`, arguments `<Title>: text`, relations nested by
// indentation (`+`, `-`, `_`, `+>`, `->`, `_>`, `<+`, `<-`, `<_`, `><`),
// premise-conclusion structures, headings, tags, `{ }` data, front matter,
// mentions, comments and escapes. It is iterative throughout: no input,
// however deeply nested, can overflow the stack.
//
// How Argdown maps onto the claim graph (docs/argdown.md has the details and
// examples):
// - every statement title (an Argdown "equivalence class") becomes a node
//   whose id is the title ("Untitled N" for statements without one, as
//   Argdown names them); every argument becomes a node too;
// - a node is a claim unless its data says `kind: evidence` (or
//   counterclaim) or it carries the tag `#evidence` (or `#counterclaim`);
//   statements that nothing supports stay claims, so `claimgraph check`
//   reports them as lacking evidence;
// - the premises of a premise-conclusion structure are elements of the
//   argument (`element-of`), and the argument supports its main conclusion;
// - support becomes `supports`, attack `contradicts`, contradiction (`><`,
//   and contrariety in Argdown's strict mode) two `contradicts` edges, one
//   each way, and an undercut an `undercuts` edge against the supports edge
//   of the inference it attacks;
// - headings become groups, front matter gives the title and description.
//
// Errors are reported with file, line and column, every one found (up to
// ReadOptions::max_errors), like the other readers: ParseError when
// the text breaks Argdown's syntax, ValidationError when it is well-formed
// but unusable (a weight above 1, a limit exceeded).

#include <istream>
#include <string_view>

#include "claimgraph/io/read.hpp"

namespace claimgraph::io {

/// Reads an Argdown document from memory. Checks options.limits:
/// max_input_bytes, max_nodes, max_edges, max_string_bytes (one label or data
/// value) and max_depth (how deeply relations may nest below one another).
/// Throws ParseError or ValidationError with every problem found.
[[nodiscard]] ReadResult read_argdown(std::string_view text, const ReadOptions& options = {});
/// Reads an Argdown document from a stream (IoError past max_input_bytes).
[[nodiscard]] ReadResult read_argdown(std::istream& in, const ReadOptions& options = {});

}  // namespace claimgraph::io
