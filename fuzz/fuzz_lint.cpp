// Fuzz target: lint, on every case the reader accepts, with the standard
// schemes. Every finding must be about a node or edge the case has, worded
// (a message and a fix on one line each), placed inside the input, and the
// same findings must come back from a second run and from lint_input_first;
// the reports (text and JSON) must be written without failing.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "claimgraph/analysis/lint.hpp"
#include "claimgraph/io/lint_report.hpp"
#include "claimgraph/io/scheme_reader.hpp"
#include "fuzz_case.hpp"

namespace {
bool one_line(std::string_view s) { return !s.empty() && s.find('\n') == std::string_view::npos; }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = claimgraph::fuzz::text_of(data, size);
  const auto read = claimgraph::fuzz::read_case(text, 300);
  if (!read) return 0;
  const auto& input = *read;
  const auto& g = input.graph;
  const auto& schemes = claimgraph::io::standard_schemes();
  claimgraph::analysis::LintOptions lint_options;
  lint_options.edge_id_written = input.places.edge_id_written;
  lint_options.schemes = &schemes;
  const auto findings = claimgraph::analysis::lint(g, lint_options);
  if (claimgraph::analysis::lint(g, lint_options) != findings) std::abort();  // not deterministic
  for (const auto& f : findings) {
    if (f.node && *f.node >= g.node_count()) std::abort();
    if (f.edge && *f.edge >= g.edges().size()) std::abort();
    const auto words = claimgraph::analysis::describe(g, f);
    if (!one_line(words.message) || !one_line(words.fix)) std::abort();
  }
  const auto placed = claimgraph::io::lint_input(input, "fuzz.json", claimgraph::Severity::warning, &schemes);
  const auto first = claimgraph::io::lint_input_first(input, "fuzz.json", 3, claimgraph::Severity::warning, &schemes);
  if (first.total != placed.size() || first.first.size() != std::min<std::size_t>(3, placed.size())) std::abort();
  for (std::size_t i = 0; i < first.first.size(); ++i) {
    if (claimgraph::io::format(first.first[i]) != claimgraph::io::format(placed[i])) std::abort();
  }
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& d : placed) {
    if (d.diagnostic.where.line > lines) std::abort();  // placed outside the input
    if (!one_line(claimgraph::io::format(d))) std::abort();
  }
  std::ostringstream out;
  claimgraph::io::write_lint_text(out, placed);
  claimgraph::io::write_lint_json(out, placed);
  return 0;
}
