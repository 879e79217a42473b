// Fuzz target: the exhibit, a case fitted to pages. On every case the
// reader accepts, the split into pages (by group and by cause of action)
// must put each node on exactly one page, in node order; each page's part of
// the graph must hold its unit's nodes and refer every other node it shows
// to a page that exists; the overview must be DOT that Graphviz's own parser
// reads. Small cases (up to 8 nodes, in up to 2 KB) are then drawn as a PDF
// on one paper size (from the input's length), which must be a PDF whatever
// their text.

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/exhibit.hpp"
#include "fuzz_case.hpp"
#include "io/exhibit/split.hpp"

namespace {
int quiet(char*) { return 0; }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace exhibit = claimgraph::io::exhibit;
  using claimgraph::Graph;
  const auto input = claimgraph::fuzz::read_case(claimgraph::fuzz::text_of(data, size), 150);
  if (!input) return 0;
  const Graph& g = input->graph;
  const auto results = claimgraph::analysis::analyse(g, {true, true});
  std::vector<Graph::NodeRef> all(g.node_count());
  std::iota(all.begin(), all.end(), Graph::NodeRef{0});
  for (const bool by_group : {false, true}) {
    const auto units = exhibit::split_units(g, all, by_group);
    std::vector<int> seen(g.node_count(), 0);
    for (const auto& unit : units) {
      if (unit.nodes.empty() || !std::is_sorted(unit.nodes.begin(), unit.nodes.end())) std::abort();
      for (auto v : unit.nodes) ++seen.at(v);
    }
    for (int n : seen) {
      if (n != 1) std::abort();  // a node on no page, or on two
    }
    std::vector<std::size_t> page_of(units.size());
    std::iota(page_of.begin(), page_of.end(), std::size_t{2});
    for (std::size_t k = 0; k < units.size(); ++k) {
      const auto page = exhibit::unit_page(g, results.analyses(), units, k, page_of);
      if (page.references.size() != page.view.graph.node_count()) std::abort();
      std::size_t own = 0;
      for (std::size_t v = 0; v < page.references.size(); ++v) {
        if (page.references[v].empty()) {
          ++own;
        } else if (page.references[v].find("p. ") == std::string::npos) {
          std::abort();  // refers elsewhere without saying where
        }
      }
      if (own != units[k].nodes.size()) std::abort();
    }
    if (!units.empty()) {
      const std::string dot = exhibit::overview_dot(g, results.analyses(), units, page_of);
      agseterrf(quiet);
      agseterr(AGMAX);
      Agraph_t* parsed = agmemread(dot.c_str());
      if (parsed == nullptr) std::abort();
      agclose(parsed);
    }
  }
  // Drawing is Graphviz, librsvg, pango and cairo more than claimgraph, and
  // its cost grows with the text: a case with a 5 KB label took 0.1 to 0.3 s
  // to draw in a release build, and such inputs filled a campaign's time once
  // the corpus held them. 2 KB still holds a label past 1,600 characters,
  // where drawing one node took four times as long as below it.
  if (g.node_count() == 0 || g.node_count() > 8 || size > 2048) return 0;
  claimgraph::io::ExhibitOptions exhibit_options;
  exhibit_options.draw.format = claimgraph::io::RenderFormat::pdf;
  exhibit_options.draw.dot.analyses = results.analyses();
  exhibit_options.page.paper = claimgraph::io::all_papers()[size % claimgraph::io::all_papers().size()];
  exhibit_options.page.landscape = size % 2 == 1;
  try {
    const auto drawn = claimgraph::io::draw_exhibit(g, exhibit_options);
    if (drawn.pages.empty() || !drawn.document.starts_with("%PDF-")) std::abort();
  } catch (const claimgraph::RenderError&) {
    // Graphviz or cairo refused, and said so.
  }
  return 0;
}
