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
// problem (up to IccmaReadOptions::max_errors) with file, line and column,
// before giving up. It throws ParseError when the text breaks the format's
// syntax, and ValidationError when it is well-formed but unusable (an attack
// on an undeclared argument, an index out of range, a limit exceeded).

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/limits.hpp"

namespace claimgraph::io {

/// An ICCMA input format.
enum class IccmaFormat : std::uint8_t {
  apx,  ///< ASPARTIX facts: `arg(a).`, `att(a,b).`
  tgf,  ///< Trivial Graph Format: arguments, `#`, attacks
  i23,  ///< ICCMA 2023: `p af N`, then `i j` attacks
};

/// The format's usual name and file extension without the dot: "apx", "tgf", "i23".
[[nodiscard]] std::string_view to_string(IccmaFormat format) noexcept;
/// The format named `name` ("apx", "tgf", "i23"; "af" is taken as "i23"), if any.
[[nodiscard]] std::optional<IccmaFormat> parse_iccma_format(std::string_view name) noexcept;
/// The format a file name's extension stands for: `.apx`, `.tgf`, `.i23` or
/// `.af` (ICCMA 2023), in any letter case; nothing for any other file.
[[nodiscard]] std::optional<IccmaFormat> iccma_format_from_extension(std::string_view path) noexcept;

/// How to read an ICCMA file.
struct IccmaReadOptions {
  /// The name used in diagnostics (a path, or "<stdin>").
  std::string file_name = "<input>";
  /// Resource limits: max_input_bytes, max_nodes (arguments), max_edges
  /// (attacks) and max_string_bytes (the length of one argument name).
  Limits limits;
  /// Errors reported before the reader stops looking for more.
  std::size_t max_errors = 50;
  /// Warnings reported one by one; the rest are summed up in one note.
  std::size_t max_warnings = 20;
};

/// Reads an ASPARTIX (`.apx`) framework from memory. Throws ParseError or
/// ValidationError with every problem found.
[[nodiscard]] ReadResult read_apx(std::string_view text, const IccmaReadOptions& options = {});
/// Reads a Trivial Graph Format (`.tgf`) framework from memory.
[[nodiscard]] ReadResult read_tgf(std::string_view text, const IccmaReadOptions& options = {});
/// Reads an ICCMA 2023 (`.i23`) framework from memory.
[[nodiscard]] ReadResult read_i23(std::string_view text, const IccmaReadOptions& options = {});

/// Reads a framework in `format` from memory.
[[nodiscard]] ReadResult read_iccma(std::string_view text, IccmaFormat format, const IccmaReadOptions& options = {});
/// Reads a framework in `format` from a stream (at most
/// options.limits.max_input_bytes; IoError beyond).
[[nodiscard]] ReadResult read_iccma(std::istream& in, IccmaFormat format, const IccmaReadOptions& options = {});
/// Reads a framework in `format` from a file, or from standard input for
/// "-". Diagnostics name `path` ("<stdin>" for "-"), whatever
/// options.file_name says. Throws IoError when the file cannot be read.
[[nodiscard]] ReadResult read_iccma_file(const std::string& path, IccmaFormat format, IccmaReadOptions options = {});

}  // namespace claimgraph::io
