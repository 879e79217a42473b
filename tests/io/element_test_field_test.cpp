// The `test` field of claims (all, any, balance) in the formats that carry
// node fields: read with located errors and suggestions, written, and read
// back unchanged through JSON, AIF and Argdown; named in the diagrams; and
// worded in `explain`.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/io/aif_reader.hpp"
#include "claimgraph/io/aif_writer.hpp"
#include "claimgraph/io/argdown_reader.hpp"
#include "claimgraph/io/argdown_writer.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/evaluation_report.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "claimgraph/io/mermaid_writer.hpp"

namespace claimgraph::io {
namespace {

using Lines = std::vector<std::string>;

// A claim of each test, with elements, one of them weighted.
Graph tested_case() {
  Graph g;
  auto add = [&](const char* id, NodeKind kind, std::optional<ElementTest> test, std::optional<double> weight = {}) {
    Node n;
    n.id = id;
    n.label = std::string("Node ") + id;
    n.kind = kind;
    n.test = test;
    n.weight = weight;
    return g.add_node(std::move(n));
  };
  const auto all = add("all", NodeKind::claim, ElementTest::all);
  const auto any = add("any", NodeKind::claim, ElementTest::any);
  const auto bal = add("bal", NodeKind::counterclaim, ElementTest::balance);
  const auto plain = add("plain", NodeKind::claim, std::nullopt);
  const auto f1 = add("f1", NodeKind::claim, std::nullopt, 0.75);
  const auto f2 = add("f2", NodeKind::evidence, std::nullopt);
  for (auto whole : {all, any, bal, plain}) {
    g.add_edge(f1, whole, Relation::element_of);
    g.add_edge(f2, whole, Relation::element_of);
  }
  return g;
}

std::vector<std::optional<ElementTest>> tests_of(const Graph& g) {
  std::vector<std::optional<ElementTest>> out;
  for (std::size_t v = 0; v < g.node_count(); ++v) out.push_back(g.node(v).test);
  return out;
}

Lines errors_of(std::string_view text, ReadResult (*read)(std::string_view, const ReadOptions&), const char* file) {
  ReadOptions o;
  o.file_name = file;
  try {
    (void)read(text, o);
  } catch (const InputError& e) {
    Lines out;
    for (const auto& d : e.diagnostics()) out.push_back(d.format());
    return out;
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return {};
}

ReadResult json(std::string_view t, const ReadOptions& o) { return read_json(t, o); }
ReadResult aif(std::string_view t, const ReadOptions& o) { return read_aif(t, o); }
ReadResult argdown(std::string_view t, const ReadOptions& o) { return read_argdown(t, o); }

TEST(ElementTestFieldTest, JsonWritesItAfterTheBurdenAndReadsItBack) {
  const Graph g = tested_case();
  std::ostringstream out;
  write_json(out, g);
  EXPECT_NE(out.str().find(R"("id": "any", "kind": "claim", "label": "Node any", "test": "any"})"), std::string::npos)
      << out.str();
  EXPECT_EQ(out.str().find(R"("id": "plain", "kind": "claim", "label": "Node plain", "test")"), std::string::npos);
  const Graph back = read_json(out.str()).graph;
  EXPECT_EQ(tests_of(back), tests_of(g));
  std::ostringstream again;
  write_json(again, back);
  EXPECT_EQ(again.str(), out.str());
}

TEST(ElementTestFieldTest, AifCarriesItInTheClaimgraphObject) {
  const Graph g = tested_case();
  std::ostringstream out;
  write_aif(out, g);
  EXPECT_NE(out.str().find(R"("test": "balance")"), std::string::npos) << out.str();
  EXPECT_EQ(tests_of(read_aif(out.str()).graph), tests_of(g));
}

TEST(ElementTestFieldTest, ArgdownCarriesItInTheDataBlock) {
  const Graph g = tested_case();
  std::ostringstream out;
  write_argdown(out, g);
  EXPECT_NE(out.str().find("test: any"), std::string::npos) << out.str();
  EXPECT_EQ(tests_of(read_argdown(out.str()).graph), tests_of(g));
}

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ElementTestFieldTest, DiagramsNameTheTestAndTheLegendExplainsIt) {
  const Graph g = tested_case();
  std::ostringstream dot;
  write_dot(dot, g);
  // Once under the claim, once in the legend; nothing for all.
  EXPECT_EQ(count(dot.str(), "any one of its elements"), 2u) << dot.str();
  EXPECT_EQ(count(dot.str(), "weighed factors"), 2u) << dot.str();
  EXPECT_NE(dot.str().find("one element that stands is enough"), std::string::npos);
  EXPECT_NE(dot.str().find("its elements are factors: those that stand must outweigh the rest"), std::string::npos);
  std::ostringstream plain;
  write_dot(plain, read_json(R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A", "test": "all"}]})").graph);
  EXPECT_EQ(plain.str().find("any one of its elements"), std::string::npos) << plain.str();
  EXPECT_EQ(plain.str().find("weighed factors"), std::string::npos) << plain.str();
  std::ostringstream mermaid;
  write_mermaid(mermaid, g);
  EXPECT_EQ(count(mermaid.str(), "(any one of its elements)"), 1u) << mermaid.str();
  EXPECT_EQ(count(mermaid.str(), "(weighed factors)"), 1u) << mermaid.str();
}

TEST(ElementTestFieldTest, AnUnknownTestIsALocatedErrorWithASuggestion) {
  EXPECT_EQ(errors_of(R"({"claimgraph": 1, "nodes": [
  {"id": "a", "kind": "claim", "label": "A", "test": "balanced"},
  {"id": "b", "kind": "claim", "label": "B", "test": 1}
]})",
                      json, "case.json"),
            (Lines{"case.json:2:54: error: /nodes/0/test: unknown test of elements \"balanced\"; expected \"all\", "
                   "\"any\" or \"balance\"; did you mean \"balance\"?",
                   "case.json:3:54: error: /nodes/1/test: expected a string, got a number"}));
  EXPECT_EQ(errors_of("[A]: a {test: every}\n", argdown, "f.argdown"),
            (Lines{"f.argdown:1:8: error: the data of [A]: unknown test of elements \"every\"; expected all, any or "
                   "balance"}));
  EXPECT_EQ(errors_of(R"({"nodes": [{"nodeID": "a", "text": "A", "type": "I", "claimgraph": {"test": "anny"}}], "edges": []})",
                      aif, "map.json"),
            (Lines{"map.json:1:77: error: /nodes/0/claimgraph/test: unknown test of elements \"anny\"; expected "
                   "\"all\", \"any\" or \"balance\"; did you mean \"any\"?"}));
}

}  // namespace
}  // namespace claimgraph::io


namespace claimgraph::io {
namespace {

// The status line of `explain` for node `id`.
std::string status_line(std::string_view text, std::string_view id) {
  const Graph g = read_json(text).graph;
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  std::ostringstream out;
  write_explanation_text(out, g, Evaluation{status, strength}, *g.find(id));
  const std::string s = out.str();
  const auto at = s.find("Status: ");
  return s.substr(at, s.find('\n', at) - at);
}

TEST(ElementTestWordingTest, ExplainSaysWhatTheTestMadeOfTheElements) {
  // any: one standing element is enough; none standing, it falls.
  const std::string any = R"({"claimgraph": 1, "nodes": [
    {"id": "c", "kind": "claim", "label": "C", "test": "any"},
    {"id": "a", "kind": "claim", "label": "A"}, {"id": "b", "kind": "evidence", "label": "B"}
  ], "edges": [{"from": "a", "to": "c", "relation": "element-of"}, {"from": "b", "to": "c", "relation": "element-of"}]})";
  EXPECT_EQ(status_line(any, "c"),
            "Status: IN (grounded semantics): its test is any, and element b [IN] stands, and nothing contradicts it.");
  const std::string none = R"({"claimgraph": 1, "nodes": [
    {"id": "c", "kind": "claim", "label": "C", "test": "any"},
    {"id": "a", "kind": "claim", "label": "A"}, {"id": "b", "kind": "claim", "label": "B"}
  ], "edges": [{"from": "a", "to": "c", "relation": "element-of"}, {"from": "b", "to": "c", "relation": "element-of"}]})";
  EXPECT_EQ(status_line(none, "c"),
            "Status: OUT (grounded semantics): its test is any, and no element stands: a [OUT], b [OUT].");
  // balance: the weighing, for and against.
  const std::string against = R"({"claimgraph": 1, "nodes": [
    {"id": "c", "kind": "claim", "label": "C", "test": "balance"},
    {"id": "a", "kind": "claim", "label": "A", "weight": 1}, {"id": "b", "kind": "claim", "label": "B"},
    {"id": "e", "kind": "evidence", "label": "E", "weight": 0.5}
  ], "edges": [{"from": "a", "to": "c", "relation": "element-of"}, {"from": "b", "to": "c", "relation": "element-of"},
               {"from": "e", "to": "c", "relation": "element-of"}]})";
  EXPECT_EQ(status_line(against, "c"), "Status: OUT (grounded semantics): the factors weigh against it: 0.50 for, 2.00 against.");
  // A tie does not stand.
  const std::string tie = R"({"claimgraph": 1, "nodes": [
    {"id": "c", "kind": "claim", "label": "C", "test": "balance"},
    {"id": "a", "kind": "claim", "label": "A"}, {"id": "e", "kind": "evidence", "label": "E"}
  ], "edges": [{"from": "a", "to": "c", "relation": "element-of"}, {"from": "e", "to": "c", "relation": "element-of"}]})";
  EXPECT_EQ(status_line(tie, "c"), "Status: OUT (grounded semantics): the factors weigh against it: 1.00 for, 1.00 against.");
}

}  // namespace
}  // namespace claimgraph::io
