// Fuzz target: the ICCMA readers (.apx, .tgf, .i23). The first byte picks the
// format; the rest is the file.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "claimgraph/error.hpp"
#include "claimgraph/io/iccma_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  claimgraph::io::ReadOptions options;
  options.limits.max_input_bytes = 1 << 20;
  // An .i23 header declares its arguments ("p af N"), so a few bytes can ask
  // for millions of nodes, which the default limits allow. Bound them so that
  // the fuzzer explores the parser rather than the allocator.
  options.limits.max_nodes = 1 << 16;
  options.limits.max_edges = 1 << 16;
  try {
    switch (data[0] % 3) {
      case 0: (void)claimgraph::io::read_apx(text, options); break;
      case 1: (void)claimgraph::io::read_tgf(text, options); break;
      default: (void)claimgraph::io::read_i23(text, options); break;
    }
  } catch (const claimgraph::InputError&) {
  }
  return 0;
}
