// Fuzz target: every writer on every graph the reader accepts. The DOT must
// read back through Graphviz's own parser (cgraph), the GraphML must be
// well-formed XML (libxml2), the HTML page's data block must hold nothing
// that ends a script element or opens a comment; the Markdown, Mermaid, CSV
// and evaluation reports must be written without failing.

#include <graphviz/cgraph.h>
#include <libxml/parser.h>

#include <cstddef>
#include <cstdint>
#include <cctype>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/csv_writer.hpp"
#include "claimgraph/io/evaluation_report.hpp"
#include "claimgraph/io/graphml_writer.hpp"
#include "claimgraph/io/html_writer.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/markdown_writer.hpp"
#include "claimgraph/io/mermaid_writer.hpp"

namespace {
// Graphviz reports syntax errors through this; silence its printing.
int quiet(char*) { return 0; }

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
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

  claimgraph::io::GraphmlOptions graphml;
  graphml.grounding = &grounding;
  graphml.status = &status;
  graphml.strength = &strength;
  std::ostringstream xml;
  claimgraph::io::write_graphml(xml, g, graphml);
  const std::string xml_text = xml.str();
  xmlDocPtr doc = xmlReadMemory(xml_text.data(), static_cast<int>(xml_text.size()), "graph.graphml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) std::abort();  // not well-formed
  xmlFreeDoc(doc);

  claimgraph::io::HtmlOptions html;
  html.grounding = &grounding;
  html.status = &status;
  html.strength = &strength;
  std::ostringstream page;
  claimgraph::io::write_html(page, g, html);
  const std::string page_text = page.str();
  const std::string open = "<script type=\"application/json\" id=\"cg-data\">";
  const auto begin = page_text.find(open);
  const auto end = begin == std::string::npos ? std::string::npos : page_text.find("</script>", begin + open.size());
  if (begin == std::string::npos || end == std::string::npos) std::abort();
  const std::string block = lower(page_text.substr(begin + open.size(), end - begin - open.size()));
  if (block.find("</script") != std::string::npos || block.find("<!--") != std::string::npos) std::abort();
  // The data block ends at the first </script>: what follows must be the page's own.
  if (page_text.find("</html>", end) == std::string::npos) std::abort();

  std::ostringstream other;
  claimgraph::io::MermaidOptions mermaid;
  mermaid.grounding = &grounding;
  claimgraph::io::write_mermaid(other, g, mermaid);
  claimgraph::io::CsvOptions csv;
  csv.grounding = &grounding;
  claimgraph::io::write_csv_nodes(other, g, csv);
  claimgraph::io::write_csv_edges(other, g, csv);
  return 0;
}
