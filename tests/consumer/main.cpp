// Builds a small graph in memory, checks it, writes it as DOT and JSON and
// draws it as SVG, using only the installed public headers. Exits nonzero
// when anything is not as expected, saying what.

#include <claimgraph/analysis/grounding.hpp>
#include <claimgraph/builder.hpp>
#include <claimgraph/error.hpp>
#include <claimgraph/io/dot_writer.hpp>
#include <claimgraph/io/json_reader.hpp>
#include <claimgraph/io/json_writer.hpp>
#include <claimgraph/io/render.hpp>

#include <iostream>
#include <sstream>
#include <string>

namespace {

int failures = 0;

void expect(bool ok, const std::string& what) {
  if (!ok) {
    std::cerr << "consumer: FAILED: " << what << "\n";
    ++failures;
  }
}

}  // namespace

int main() {
  claimgraph::GraphBuilder b;
  b.title("Parler LLC v. Amazon Web Services, Inc.");
  b.claim("sherman", "AWS and Twitter conspired").party("Parler").group("Sherman Act § 1");
  b.claim("s1", "A contract, combination or conspiracy").group("Sherman Act § 1");
  b.claim("s2", "The restraint was unreasonable").group("Sherman Act § 1");
  b.evidence("deal", "AWS–Twitter deal").source("Compl. ¶ 1");
  b.counterclaim("no_conspiracy", "AWS did not conspire").party("AWS");
  b.evidence("no_contact", "No communication with Twitter");
  b.element_of("s1", "sherman").element_of("s2", "sherman");
  b.supports("deal", "s1").supports("no_contact", "no_conspiracy").contradicts("no_conspiracy", "s1");
  const claimgraph::Graph graph = std::move(b).build();

  const auto report = claimgraph::analysis::check(graph);
  expect(report.claims.size() == 4, "4 claims and counterclaims (sherman, s1, s2, no_conspiracy)");
  expect(report.grounded_claims == 2, "2 grounded (s1, no_conspiracy)");
  const auto& sherman = report.claims.at(report.claim_index.at(*graph.find("sherman")));
  expect(sherman.gap == claimgraph::analysis::Gap::missing_elements, "sherman has missing elements");
  expect(sherman.missing.size() == 1 && graph.node(sherman.missing[0]).id == "s2", "sherman misses exactly s2");
  const auto& s1 = report.claims.at(report.claim_index.at(*graph.find("s1")));
  expect(s1.grounded && s1.grounded_contradictions == 1, "s1 is grounded and contradicted once");

  std::ostringstream dot;
  claimgraph::io::DotOptions options;
  options.analyses.grounding = &report;
  claimgraph::io::write_dot(dot, graph, options);
  expect(dot.str().rfind("digraph claimgraph {", 0) == 0, "DOT starts with the digraph");
  expect(dot.str().find("LACKS EVIDENCE:<BR/>missing-elements") != std::string::npos, "DOT marks the gap");

  // Graphviz is a private dependency: the consumer names no Graphviz header
  // or library, yet a static claimgraph still links.
  const std::string svg = claimgraph::io::render(dot.str());
  expect(svg.find(">missing&#45;elements<") != std::string::npos && svg.find("</svg>") != std::string::npos,
         "render draws the DOT as SVG");

  std::ostringstream json;
  claimgraph::io::write_json(json, graph);
  const auto again = claimgraph::io::read_json(json.str());
  expect(again.graph.node_count() == graph.node_count() && again.graph.edge_count() == graph.edge_count(),
         "the JSON reads back with every node and edge");
  std::ostringstream json2;
  claimgraph::io::write_json(json2, again.graph);
  expect(json.str() == json2.str(), "the JSON is canonical");

  try {
    claimgraph::GraphBuilder bad;
    bad.claim("a", "A");
    bad.supports("a", "a");
    (void)std::move(bad).build();
    expect(false, "a self-loop is refused");
  } catch (const claimgraph::ValidationError& e) {
    expect(e.diagnostics().size() == 1, "one problem reported for the self-loop");
  }

  if (failures == 0) std::cout << "consumer: OK\n";
  return failures == 0 ? 0 : 1;
}
