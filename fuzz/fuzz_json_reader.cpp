// Fuzz target: the claimgraph JSON reader. Any bytes must give a graph or an
// InputError with at least one error diagnostic, never a crash, a hang or
// another exception.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "claimgraph/error.hpp"
#include "claimgraph/io/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  claimgraph::io::ReadOptions options;
  options.limits.max_input_bytes = 1 << 20;
  try {
    (void)claimgraph::io::read_json(text, options);
  } catch (const claimgraph::InputError& e) {
    bool error = false;
    for (const auto& d : e.diagnostics()) error = error || d.severity == claimgraph::Severity::error;
    if (!error) std::abort();  // refused without saying why
  }
  return 0;
}
