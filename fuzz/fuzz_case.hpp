#pragma once
// What the fuzz targets that take a case file share: the input read as a
// case, small enough to analyse, write and draw many times a second.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "claimgraph/error.hpp"
#include "claimgraph/io/json_reader.hpp"

namespace claimgraph::fuzz {

/// `text` read as a case file of at most 64 KB, `nodes` nodes and twice as
/// many edges; nothing when the reader refuses it, as it may.
inline std::optional<io::ReadResult> read_case(std::string_view text, std::size_t nodes) {
  io::ReadOptions options;
  options.limits.max_input_bytes = 1 << 16;
  options.limits.max_nodes = nodes;
  options.limits.max_edges = 2 * nodes;
  try {
    return io::read_json(text, options);
  } catch (const InputError&) {
    return std::nullopt;
  }
}

/// The fuzzer's input as text.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace claimgraph::fuzz
