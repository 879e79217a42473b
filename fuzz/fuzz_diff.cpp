// Fuzz target: `diff` of two case files. The input is split at its first
// NUL byte into the old and the new version (no NUL: the new version is the
// old one with its first label changed). Each is read as the case-file
// reader reads it; when both read, diff_cases() must find no change between
// a version and itself, must find a change when they differ in their number
// of nodes or edges, and its three reports (text, JSON, HTML page without a
// drawing) must be written without failing.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "claimgraph/error.hpp"
#include "claimgraph/io/diff.hpp"
#include "claimgraph/io/diff_report.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/scheme_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto nul = text.find('\0');
  std::string old_text(text.substr(0, nul));
  std::string new_text;
  if (nul != std::string_view::npos) {
    new_text = std::string(text.substr(nul + 1));
  } else {
    // Appended piece by piece: GCC 12 gives a false -Wrestrict on insert().
    const auto at = old_text.find("\"label\": \"");
    const std::size_t cut = at == std::string::npos ? old_text.size() : at + 10;
    new_text.append(old_text, 0, cut);
    if (at != std::string::npos) new_text += 'x';
    new_text.append(old_text, cut);
  }
  claimgraph::io::ReadOptions options;
  options.limits.max_input_bytes = 1 << 16;
  options.limits.max_nodes = 200;
  options.limits.max_edges = 400;
  claimgraph::io::ReadResult old_case;
  claimgraph::io::ReadResult new_case;
  try {
    old_case = claimgraph::io::read_json(old_text, options);
    new_case = claimgraph::io::read_json(new_text, options);
  } catch (const claimgraph::InputError&) {
    return 0;
  }
  claimgraph::io::DiffOptions diff_options;
  diff_options.schemes = &claimgraph::io::standard_schemes();
  claimgraph::io::CaseDiff diff;
  try {
    if (!claimgraph::io::diff_cases(old_case, old_case, diff_options).empty()) std::abort();
    diff = claimgraph::io::diff_cases(old_case, new_case, diff_options);
  } catch (const claimgraph::InputError&) {
    std::abort();  // both were read
  } catch (const claimgraph::Error&) {
    return 0;  // an analysis limit, said as such
  }
  // Added or removed nodes and edges are changes (a reordering need not be).
  if ((old_case.graph.node_count() != new_case.graph.node_count() ||
       old_case.graph.edges().size() != new_case.graph.edges().size()) &&
      !diff.structure_changed()) {
    std::abort();
  }
  const claimgraph::io::DiffSides sides{old_case.graph, new_case.graph, "old.json", "new.json"};
  std::ostringstream out;
  claimgraph::io::write_diff_text(out, sides, diff);
  claimgraph::io::write_diff_json(out, sides, diff);
  claimgraph::io::write_diff_html(out, sides, diff, "");
  return 0;
}
