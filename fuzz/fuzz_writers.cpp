// Fuzz target: every writer on every graph the reader accepts. The DOT must
// read back through Graphviz's own parser (cgraph); the Markdown report and
// the evaluation reports must be written without failing.

#include <graphviz/cgraph.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/evaluation_report.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/markdown_writer.hpp"

namespace {
// Graphviz reports syntax errors through this; silence its printing.
int quiet(char*) { return 0; }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  claimgraph::io::JsonReadOptions options;
  options.limits.max_input_bytes = 1 << 16;
  options.limits.max_nodes = 200;
  options.limits.max_edges = 400;
  claimgraph::io::ReadResult input;
  try {
    input = claimgraph::io::read_json(text, options);
  } catch (const claimgraph::InputError&) {
    return 0;
  }
  const auto& g = input.graph;
  const auto grounding = claimgraph::analysis::check(g);
  const auto status = claimgraph::analysis::grounded_status(g);
  const auto strength = claimgraph::analysis::evaluate_strength(g, {}, &status);

  claimgraph::io::DotOptions dot;
  dot.grounding = &grounding;
  dot.status = &status;
  dot.strength = &strength;
  std::ostringstream out;
  claimgraph::io::write_dot(out, g, dot);
  const std::string text_dot = out.str();
  agseterrf(quiet);
  agseterr(AGMAX);
  Agraph_t* parsed = agmemread(text_dot.c_str());
  if (parsed == nullptr || agnnodes(parsed) < static_cast<int>(g.node_count())) std::abort();
  agclose(parsed);

  claimgraph::io::MarkdownOptions md;
  md.grounding = &grounding;
  md.status = &status;
  md.strength = &strength;
  std::ostringstream report;
  claimgraph::io::write_markdown(report, g, md);
  const claimgraph::io::Evaluation evaluation{"grounded", &status, &strength};
  std::ostringstream eval;
  claimgraph::io::write_evaluation_json(eval, g, evaluation);
  claimgraph::io::write_evaluation_text(eval, g, evaluation);
  if (g.node_count() > 0) claimgraph::io::write_explanation_text(eval, g, evaluation, 0);
  return 0;
}
