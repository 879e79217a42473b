#pragma once
// The contract every reader keeps. A reader turns the text of one input
// into a Graph, or throws ParseError (the text breaks its format's syntax)
// or ValidationError (well-formed, but unusable) carrying every problem it
// found, each with file, line, column and, for structural problems, a JSON
// pointer. Each reader offers the same two calls,
//
//   ReadResult read_X(std::string_view text, const ReadOptions& options = {});
//   ReadResult read_X(std::istream& in, const ReadOptions& options = {});
//
// and io/formats.hpp lists them all, with the names and file extensions
// that select them.

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/limits.hpp"

namespace claimgraph::io {

/// How to read one input, whatever its format.
struct ReadOptions {
  /// The name used in diagnostics (a path, or "<stdin>").
  std::string file_name = "<input>";
  /// The file the text was read from, for a format whose files name other
  /// files relative to themselves (Argdown's @include); empty when the text
  /// has no file (standard input, memory), and then it cannot include one.
  std::string path = {};
  /// Resource limits. Each reader's header says which it checks and how.
  Limits limits;
  /// Errors reported before the reader stops looking for more.
  std::size_t max_errors = 50;
  /// Warnings reported one by one; the rest are summed up in one note.
  std::size_t max_warnings = 20;
  /// Bytes after the end of the text that may be read (not written): with
  /// 64 or more (InputText::padding() says how many it has), the case-file
  /// reader reads well-formed text in place; with fewer it copies it first.
  std::size_t readable_past_end = 0;
  /// Called with n when the reader will read none of the text's first n
  /// bytes again (the case-file reader: after "nodes", when no edge came
  /// before them; and with the whole size before it builds the graph's
  /// edges, the largest allocation of a large case). A caller holding the
  /// text in a mapped file can let the system drop those pages
  /// (InputText::release_pages). The text must stay readable until the
  /// reader returns.
  std::function<void(std::size_t)> text_read = {};
  /// Threads the reader may use. With 2 or more, the case-file reader reads
  /// the top-level "edges" array of well-formed text on a second thread
  /// while it reads the nodes; the answer is the same as with 1, byte for
  /// byte (diagnostics too).
  std::size_t threads = 1;
};

/// Where a node or an edge is written: the line and column (1-based) where
/// its object starts.
struct SourcePlace {
  std::size_t line = 0;
  std::size_t column = 0;
};

/// Where the nodes and edges of a graph are written, for messages about
/// them after reading (lint findings). Readers that keep no places leave
/// it empty.
struct SourceMap {
  std::vector<SourcePlace> nodes;  ///< per vertex, or empty
  std::vector<SourcePlace> edges;  ///< per edge (position in Graph::edges()), or empty
  /// Per edge: whether the input wrote its id (an id the reader made up is
  /// not written); empty when the reader does not say.
  std::vector<bool> edge_id_written;
  /// Whether the places are those of a case file, where node v is the v-th
  /// of "nodes" and edge i the i-th of "edges", so that they have JSON
  /// pointers.
  bool pointers = false;

  /// Node v's JSON pointer ("/nodes/3"), or "" when there is none.
  [[nodiscard]] std::string node_pointer(std::size_t v) const;
  /// Edge i's JSON pointer ("/edges/3"), or "" when there is none.
  [[nodiscard]] std::string edge_pointer(std::size_t i) const;
};

/// A graph and the warnings met while reading it.
struct ReadResult {
  Graph graph;
  std::vector<Diagnostic> warnings;
  /// Where each node and edge is written, when the reader keeps it (the
  /// case-file reader does).
  SourceMap places = {};
};

/// A reader of text in memory, as each format offers it.
using ReadFunction = ReadResult (*)(std::string_view text, const ReadOptions& options);

/// Reads all of `in` (at most options.limits.max_input_bytes; IoError
/// beyond, naming options.file_name) and hands it to `read`.
[[nodiscard]] ReadResult read_stream(std::istream& in, const ReadOptions& options, ReadFunction read);

}  // namespace claimgraph::io
