#pragma once
// Reads claimgraph JSON (format version 1) into a Graph.
//
// The reader checks the whole file and reports every problem it finds, each
// with file, line, column and a JSON pointer, before giving up: a user fixing
// a hand-written case file should see all of its mistakes at once. It streams
// the JSON (nlohmann's SAX parser, which is not recursive) straight into the
// graph, so deep nesting cannot overflow the stack and a million-node file
// needs no document tree in memory.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/limits.hpp"

namespace claimgraph::io {

/// The format versions this build reads.
inline constexpr int json_format_version = 1;

/// How to read a case file.
struct JsonReadOptions {
  /// The name used in diagnostics (a path, or "<stdin>").
  std::string file_name = "<input>";
  /// Resource limits.
  Limits limits;
  /// Errors reported before the reader stops looking for more.
  std::size_t max_errors = 50;
  /// Warnings reported one by one; the rest are summed up in one note.
  std::size_t max_warnings = 20;
};

/// A graph and the warnings met while reading it.
struct ReadResult {
  Graph graph;
  std::vector<Diagnostic> warnings;
};

/// Reads a case file from memory. Throws ParseError or ValidationError with
/// every problem found.
[[nodiscard]] ReadResult read_json(std::string_view text, const JsonReadOptions& options = {});
/// Reads a case file from a stream.
[[nodiscard]] ReadResult read_json(std::istream& in, const JsonReadOptions& options = {});

}  // namespace claimgraph::io
