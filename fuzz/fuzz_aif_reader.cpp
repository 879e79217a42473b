// Fuzz target: the AIF reader, its sniffing, and the round trip through the
// AIF writer. Whatever map the reader accepts, the writer's output of it
// must be accepted again as the same graph, and written back byte for byte
// the same.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "claimgraph/error.hpp"
#include "claimgraph/io/aif_reader.hpp"
#include "claimgraph/io/aif_writer.hpp"
#include "claimgraph/io/json_writer.hpp"

namespace {
std::string as_aif(const claimgraph::Graph& g) {
  std::ostringstream out;
  claimgraph::io::write_aif(out, g);
  return out.str();
}
std::string as_json(const claimgraph::Graph& g) {
  std::ostringstream out;
  claimgraph::io::write_json(out, g);
  return out.str();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)claimgraph::io::looks_like_aif(text);
  claimgraph::io::ReadOptions options;
  options.limits.max_input_bytes = 1 << 20;
  options.limits.max_edges = 1 << 16;
  std::string map;
  std::string case_file;
  try {
    const auto first = claimgraph::io::read_aif(text, options);
    map = as_aif(first.graph);
    case_file = as_json(first.graph);
  } catch (const claimgraph::InputError&) {
    return 0;
  }
  options.limits.max_input_bytes = map.size() + 1;
  try {
    const auto again = claimgraph::io::read_aif(map, options);
    if (as_json(again.graph) != case_file || as_aif(again.graph) != map) std::abort();  // not the same graph
  } catch (const claimgraph::InputError& e) {
    // Only what no case file can hold either may be refused: NUL in a
    // string (a \u0000 escape read from the map).
    if (case_file.find("\\u0000") == std::string::npos) std::abort();
  }
  return 0;
}
