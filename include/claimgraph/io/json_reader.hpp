#pragma once
// Reads claimgraph JSON (format version 1) into a Graph.
//
// The reader checks the whole file and reports every problem it finds, each
// with file, line, column and a JSON pointer, before giving up: a user fixing
// a hand-written case file should see all of its mistakes at once. It streams
// the JSON straight into the graph, so that a million-node file needs no
// document tree in memory: well-formed text through simdjson (SIMD
// structural indexing and UTF-8 validation), and anything simdjson declines
// through claimgraph's own located scanner, whose messages say what is wrong
// and where. Both walk the input without recursion and give the same graph
// and the same diagnostics (a differential fuzz target holds them to that).
// The text is read in place when ReadOptions::readable_past_end offers
// simdjson's 64 bytes of padding (InputText does), else copied once.
// Which fields it knows, and what each may hold, comes from the table of
// fields (io/case_fields.hpp).

#include <istream>
#include <string_view>

#include "claimgraph/io/read.hpp"

namespace claimgraph::io {

/// The format versions this build reads.
inline constexpr int json_format_version = 1;

/// Reads a case file from memory. Checks every limit of options.limits but
/// max_render_nodes. Throws ParseError or ValidationError with every
/// problem found.
[[nodiscard]] ReadResult read_json(std::string_view text, const ReadOptions& options = {});
/// Reads a case file from a stream (IoError past max_input_bytes).
[[nodiscard]] ReadResult read_json(std::istream& in, const ReadOptions& options = {});

}  // namespace claimgraph::io
