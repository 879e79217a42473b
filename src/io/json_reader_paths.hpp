#pragma once
// The case-file reader's two paths, for the differential fuzz target and
// the tests that hold them to the same results: read_json() takes the
// fast one and falls back to the located one.

#include <cstddef>
#include <optional>
#include <string_view>

#include "claimgraph/io/read.hpp"

namespace claimgraph::io::json_paths {

/// How the fast path went, for tests.
struct FastRead {
  /// The top-level "edges" array was read on a second thread and taken
  /// from it (ReadOptions::threads).
  bool edges_ahead = false;
  /// The nodes that the later half of the edges' ends name were looked up
  /// on a second thread (ReadOptions::threads, a case of many edges).
  bool ends_ahead = false;
  /// How many nodes were plain and read straight from the index, not by
  /// their events (the rest were walked).
  std::size_t plain_nodes = 0;
  /// The same for edges (on whichever thread read them).
  std::size_t plain_edges = 0;
};

/// Reads with simdjson; nothing when it rejects the input (then
/// read_located() says what is wrong). `capacity` counts the readable
/// bytes from text.data() on, at least text.size() + 64 for the fast path
/// to run at all. Throws as read_json() does. `how`, when given, is told
/// how the read went.
[[nodiscard]] std::optional<ReadResult> read_fast(std::string_view text, std::size_t capacity,
                                                  const ReadOptions& options, FastRead* how = nullptr);
/// Reads with claimgraph's own located parser only.
[[nodiscard]] ReadResult read_located(std::string_view text, const ReadOptions& options);

}  // namespace claimgraph::io::json_paths
