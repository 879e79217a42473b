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
// ArgdownReadOptions::max_errors), like the other readers: ParseError when
// the text breaks Argdown's syntax, ValidationError when it is well-formed
// but unusable (a weight above 1, a limit exceeded).

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/limits.hpp"

namespace claimgraph::io {

/// How to read an Argdown file.
struct ArgdownReadOptions {
  /// The name used in diagnostics (a path, or "<stdin>").
  std::string file_name = "<input>";
  /// Resource limits: max_input_bytes, max_nodes, max_edges,
  /// max_string_bytes (one label or data value) and max_depth (how deeply
  /// relations may nest below one another).
  Limits limits;
  /// Errors reported before the reader stops looking for more.
  std::size_t max_errors = 50;
  /// Warnings reported one by one; the rest are summed up in one note.
  std::size_t max_warnings = 20;
};

/// True when a file name ends in `.argdown` or `.ad`, in any letter case.
[[nodiscard]] bool is_argdown_file_name(std::string_view path) noexcept;

/// Reads an Argdown document from memory. Throws ParseError or
/// ValidationError with every problem found.
[[nodiscard]] ReadResult read_argdown(std::string_view text, const ArgdownReadOptions& options = {});
/// Reads an Argdown document from a stream (at most
/// options.limits.max_input_bytes; IoError beyond).
[[nodiscard]] ReadResult read_argdown(std::istream& in, const ArgdownReadOptions& options = {});
/// Reads an Argdown file, or standard input for "-". Diagnostics name
/// `path` ("<stdin>" for "-"), whatever options.file_name says. Throws
/// IoError when the file cannot be read.
[[nodiscard]] ReadResult read_argdown_file(const std::string& path, ArgdownReadOptions options = {});

}  // namespace claimgraph::io
