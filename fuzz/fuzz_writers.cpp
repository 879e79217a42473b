// Fuzz target: every writer of io::output_formats() on every graph the
// reader accepts, with every analysis, and the evaluation reports. The DOT
// must read back through Graphviz's own parser (cgraph), the GraphML must be
// well-formed XML (libxml2), the HTML page's data block must hold nothing
// that ends a script element or opens a comment; every other output must be
// written without failing. (Pictures are not drawn: Graphviz's layout is not
// what this target tests; nor are formats another program converts, such as
// DOCX by pandoc: what claimgraph gives that program is fuzzed as its own
// format.)

#include <graphviz/cgraph.h>
#include <libxml/parser.h>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/evaluation_report.hpp"
#include "claimgraph/io/formats.hpp"
#include "fuzz_case.hpp"

namespace {
// Graphviz reports syntax errors through this; silence its printing.
int quiet(char*) { return 0; }

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void check_dot(const std::string& text, std::size_t nodes) {
  agseterrf(quiet);
  agseterr(AGMAX);
  Agraph_t* parsed = agmemread(text.c_str());
  if (parsed == nullptr || agnnodes(parsed) < static_cast<int>(nodes)) std::abort();
  agclose(parsed);
}

void check_xml(const std::string& text) {
  xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "graph.graphml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) std::abort();  // not well-formed
  xmlFreeDoc(doc);
}

void check_html(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"cg-data\">";
  const auto begin = page.find(open);
  const auto end = begin == std::string::npos ? std::string::npos : page.find("</script>", begin + open.size());
  if (begin == std::string::npos || end == std::string::npos) std::abort();
  const std::string block = lower(page.substr(begin + open.size(), end - begin - open.size()));
  if (block.find("</script") != std::string::npos || block.find("<!--") != std::string::npos) std::abort();
  // The data block ends at the first </script>: what follows must be the page's own.
  if (page.find("</html>", end) == std::string::npos) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = claimgraph::fuzz::read_case(claimgraph::fuzz::text_of(data, size), 200);
  if (!input) return 0;
  const auto& g = input->graph;
  const auto results = claimgraph::analysis::analyse(g, {true, true});
  claimgraph::io::WriteSettings settings;
  settings.drawings = false;
  for (const auto& format : claimgraph::io::output_formats()) {
    // A format another program converts (DOCX, by pandoc) is fuzzed as the
    // text claimgraph gives that program (the Markdown report).
    if (!format.program.empty()) continue;
    std::string written;
    const std::string_view one_file[] = {{}};
    for (std::string_view part : format.parts.empty() ? std::span<const std::string_view>(one_file) : format.parts) {
      std::ostringstream out;
      format.write(out, part, g, results.analyses(), settings);
      written += out.str();
    }
    if (format.name == "dot") check_dot(written, g.node_count());
    if (format.name == "graphml") check_xml(written);
    if (format.name == "html") check_html(written);
  }
  const claimgraph::io::Evaluation evaluation{*results.status, *results.strength};
  std::ostringstream eval;
  claimgraph::io::write_evaluation_json(eval, g, evaluation);
  claimgraph::io::write_evaluation_text(eval, g, evaluation);
  if (g.node_count() > 0) claimgraph::io::write_explanation_text(eval, g, evaluation, 0);
  return 0;
}
