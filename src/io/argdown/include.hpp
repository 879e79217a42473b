#pragma once
// Argdown's @include(FILE): a case split across files, by cause of action
// say, read as one. Like Argdown's command-line tool, each call
// `@include(a.argdown, b.argdown)` is replaced by the text of the files it
// names (separated by commas, relative to the file that holds the call),
// themselves with their includes replaced, before the text is lexed. A file
// that includes itself, directly or through others, a chain of includes
// deeper than max_include_depth, and a file that cannot be read are errors
// at the call; a file named a second time is included once, with a warning
// (Argdown's tool does the same, to keep the statements from doubling). The
// size limit counts the whole text, every file included.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/limits.hpp"
#include "detail/diagnostics.hpp"

namespace claimgraph::io::argdown {

/// How many files deep a chain of includes may go.
inline constexpr std::size_t max_include_depth = 16;

/// The text with every include replaced, and where each byte comes from.
struct Included {
  std::string text;
  /// Where the bytes of `text` come from, for diagnostics.
  std::unique_ptr<detail::TextOrigins> origins;
  /// The texts of the included files (origins points into them).
  std::vector<std::unique_ptr<std::string>> files;
};

/// Whether `text` calls @include at all: reading it as it is is enough
/// when not.
[[nodiscard]] bool has_include(std::string_view text);

/// Replaces the includes of `text`, the contents of the file `path` (named
/// `file_name` in messages; empty `path`: the text has no file, and an
/// include is an error). Reports to `diagnostics` at the offset of the call
/// in `text`; returns what could be read.
[[nodiscard]] Included expand_includes(std::string_view text, const std::string& path, const std::string& file_name,
                                       const Limits& limits, detail::TextDiagnostics& diagnostics);

}  // namespace claimgraph::io::argdown
