#pragma once
// Reads abstract argumentation frameworks in the formats of the ICCMA
// competitions into a Graph: one evidence node per argument (id = label =
// the argument's name) and one `contradicts` edge per attack, in file order.
// Self-attacks are kept (Graph::add_self_attack): an argument that attacks
// itself is never accepted. An attack listed twice is kept once, with a
// warning; so is an argument declared twice.
//
// The three formats:
// - ASPARTIX (`.apx`): facts `arg(a).` and `att(a,b).` in any order, with
//   whitespace anywhere between tokens and `%` comments to the end of the
//   line. A name is a run of letters, digits and `_` (upper case included),
//   or a double-quoted string in which `\"` and `\\` stand for `"` and `\`.
//   An attack may name an argument declared further down the file.
// - Trivial Graph Format (`.tgf`): one argument per line (an optional label
//   after the name becomes the node's label), a line holding only `#`, then
//   one attack `a b` per line. Blank lines and trailing spaces are ignored;
//   a label after an attack is ignored with a warning.
// - ICCMA 2023 (`.i23`, also `.af`): the header `p af N` as the first line
//   that is not a comment, then attacks `i j` with 1 <= i, j <= N, one per
//   line; lines starting with `#` are comments anywhere. The arguments are
//   named "1".."N".
//
// Like the JSON reader, each reader checks the whole input and reports every
// problem (up to ReadOptions::max_errors) with file, line and column,
// before giving up. It throws ParseError when the text breaks the format's
// syntax, and ValidationError when it is well-formed but unusable (an attack
// on an undeclared argument, an index out of range, a limit exceeded).

#include <istream>
#include <string_view>

#include "claimgraph/io/read.hpp"

namespace claimgraph::io {

/// Reads an ASPARTIX (`.apx`) framework from memory. Checks
/// options.limits: max_input_bytes, max_nodes (arguments), max_edges
/// (attacks) and max_string_bytes (the length of one argument name).
/// Throws ParseError or ValidationError with every problem found.
[[nodiscard]] ReadResult read_apx(std::string_view text, const ReadOptions& options = {});
/// Reads an ASPARTIX framework from a stream (IoError past max_input_bytes).
[[nodiscard]] ReadResult read_apx(std::istream& in, const ReadOptions& options = {});
/// Reads a Trivial Graph Format (`.tgf`) framework from memory.
[[nodiscard]] ReadResult read_tgf(std::string_view text, const ReadOptions& options = {});
/// Reads a Trivial Graph Format framework from a stream.
[[nodiscard]] ReadResult read_tgf(std::istream& in, const ReadOptions& options = {});
/// Reads an ICCMA 2023 (`.i23`) framework from memory.
[[nodiscard]] ReadResult read_i23(std::string_view text, const ReadOptions& options = {});
/// Reads an ICCMA 2023 framework from a stream.
[[nodiscard]] ReadResult read_i23(std::istream& in, const ReadOptions& options = {});

}  // namespace claimgraph::io
