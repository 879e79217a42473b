// Differential fuzz target: the case-file reader's two paths, simdjson's
// (io::json_paths::read_fast) and claimgraph's located parser
// (read_json_located), must agree on every input the fast path accepts: the
// same graph, warnings and places, or the same errors. The fast path may
// decline any input (then read_json() reads it with the located parser), but
// never give a different answer. On two threads (ReadOptions::threads, the
// top-level "edges" array read on the second) the fast path must answer
// exactly as on one, declining too.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "io/json_reader_paths.hpp"

namespace {

using claimgraph::io::ReadOptions;
using claimgraph::io::ReadResult;

// Everything a reader's answer says, as text.
std::string outcome(const ReadResult& r) {
  std::ostringstream out;
  claimgraph::io::write_json(out, r.graph);
  for (const auto& w : r.warnings) out << '\n' << w.format();
  for (const auto& p : r.places.nodes) out << "\nn " << p.line << ':' << p.column;
  for (const auto& p : r.places.edges) out << "\ne " << p.line << ':' << p.column;
  for (bool b : r.places.edge_id_written) out << (b ? '1' : '0');
  return out.str();
}

std::string outcome(const claimgraph::InputError& e) {
  std::string out = std::string("error: ") + typeid(e).name();
  for (const auto& d : e.diagnostics()) out += '\n' + d.format();
  return out;
}

template <typename Read>
std::optional<std::string> answer(Read read) {
  try {
    auto r = read();
    if (!r) return std::nullopt;
    return outcome(*r);
  } catch (const claimgraph::InputError& e) {
    return outcome(e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The fast path reads in place: the input followed by simdjson's padding.
  std::vector<char> buffer(size + 64, '\0');
  if (size > 0) std::memcpy(buffer.data(), data, size);
  const std::string_view text(buffer.data(), size);
  ReadOptions options;
  options.limits.max_input_bytes = 1 << 20;
  options.max_errors = 5;
  const auto fast = answer([&] { return claimgraph::io::json_paths::read_fast(text, buffer.size(), options); });
  ReadOptions two = options;
  two.threads = 2;
  const auto fast_two = answer([&] { return claimgraph::io::json_paths::read_fast(text, buffer.size(), two); });
  if (fast != fast_two) {
    std::fprintf(stderr, "one thread and two disagree:\n--- one:\n%s\n--- two:\n%s\n",
                 fast ? fast->substr(0, 400).c_str() : "(declined)", fast_two ? fast_two->substr(0, 400).c_str() : "(declined)");
    std::abort();
  }
  if (!fast) return 0;  // declined
  const auto located = answer([&] { return std::optional<ReadResult>(claimgraph::io::json_paths::read_located(text, options)); });
  if (*fast != *located) {
    // Say where they part, for whoever reads the crash.
    std::size_t at = 0;
    while (at < fast->size() && at < located->size() && (*fast)[at] == (*located)[at]) ++at;
    const std::size_t from = at > 200 ? at - 200 : 0;
    std::fprintf(stderr, "the paths disagree at byte %zu of their answers:\n--- fast:\n%s\n--- located:\n%s\n", at,
                 fast->substr(from, 400).c_str(), located->substr(from, 400).c_str());
    std::abort();
  }
  return 0;
}
