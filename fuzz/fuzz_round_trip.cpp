// Fuzz target: read → write JSON → read gives the same graph. Whatever the
// reader accepts, the writer's output must be accepted again and written
// back byte for byte the same (canonical form is a fixed point).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "claimgraph/error.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"

namespace {
std::string written(const claimgraph::Graph& g) {
  std::ostringstream out;
  claimgraph::io::write_json(out, g);
  return out.str();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  claimgraph::io::ReadOptions options;
  options.limits.max_input_bytes = 1 << 20;
  std::string first;
  try {
    first = written(claimgraph::io::read_json(text, options).graph);
  } catch (const claimgraph::InputError&) {
    return 0;  // refused: the reader target checks how
  }
  options.limits.max_input_bytes = first.size() + 1;
  try {
    const auto again = claimgraph::io::read_json(first, options);
    if (written(again.graph) != first) std::abort();  // not the same graph
  } catch (const claimgraph::InputError&) {
    std::abort();  // the writer wrote something the reader refuses
  }
  return 0;
}
