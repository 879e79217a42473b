// Fuzz target: the Argdown reader, then the round trip through the writer.
// Whatever the reader accepts, the writer's Argdown must be accepted again,
// and writing what was read back must give the same document.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "claimgraph/error.hpp"
#include "claimgraph/io/argdown_reader.hpp"
#include "claimgraph/io/argdown_writer.hpp"

namespace {
std::string written(const claimgraph::Graph& g) {
  std::ostringstream out;
  claimgraph::io::write_argdown(out, g);
  return out.str();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  claimgraph::io::ReadOptions options;
  options.limits.max_input_bytes = 1 << 20;
  std::string first;
  try {
    first = written(claimgraph::io::read_argdown(text, options).graph);
  } catch (const claimgraph::InputError&) {
    return 0;
  }
  options.limits.max_input_bytes = first.size() + 1;
  try {
    const auto again = claimgraph::io::read_argdown(first, options);
    if (written(again.graph) != first) std::abort();  // not the same document
  } catch (const claimgraph::InputError&) {
    std::abort();  // the writer wrote something the reader refuses
  }
  return 0;
}
