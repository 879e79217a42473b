// Redaction in the library: the `privileged` field read and written back by
// every format that carries node fields, and redact(): fresh nodes and edges
// for what it hides, opaque ids in node order, undercuts that still name
// their edge, and the analyses of the whole case carried over.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/aif_reader.hpp"
#include "claimgraph/io/aif_writer.hpp"
#include "claimgraph/io/argdown_reader.hpp"
#include "claimgraph/io/argdown_writer.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "claimgraph/redact.hpp"

namespace claimgraph {
namespace {

using namespace io;

// A claim grounded only through the privileged memo, an undercut of the
// memo's support, and a memo whose every field names it.
constexpr std::string_view case_text = R"({"claimgraph": 1, "title": "A v. B",
  "nodes": [
    {"id": "redacted-1", "kind": "claim", "label": "An id the opaque ones must avoid"},
    {"id": "late", "kind": "claim", "label": "Delivery was late"},
    {"id": "memo", "kind": "evidence", "label": "Counsel's memo", "text": "advice", "party": "Acme",
     "group": "delay", "source": "Memo 3", "weight": 0.9, "scheme": "expert-opinion", "tags": ["advice"],
     "privileged": true, "note": "kept out"},
    {"id": "email", "kind": "evidence", "label": "Email", "tags": ["work-product"]},
    {"id": "doubt", "kind": "evidence", "label": "Doubt"}
  ],
  "edges": [
    {"id": "memo_late", "from": "memo", "to": "late", "relation": "supports", "why": "kept out"},
    {"from": "email", "to": "late", "relation": "contradicts"},
    {"id": "u", "from": "doubt", "to": "memo_late", "relation": "undercuts"}
  ]})";

Graph sample() { return read_json(case_text).graph; }

std::vector<std::string> errors_of(std::string_view text) {
  ReadOptions o;
  o.file_name = "case.json";
  try {
    (void)read_json(text, o);
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(d.format());
    return out;
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return {};
}

TEST(RedactTest, PrivilegedIsReadAndWrittenBackByEveryFormatThatCarriesNodeFields) {
  const Graph g = sample();
  EXPECT_TRUE(g.node(*g.find("memo")).privileged);
  EXPECT_FALSE(g.node(*g.find("late")).privileged);
  std::ostringstream json;
  write_json(json, g);
  EXPECT_NE(json.str().find("\"tags\": [\"advice\"], \"privileged\": true"), std::string::npos) << json.str();
  EXPECT_EQ(json.str().find("\"privileged\": false"), std::string::npos);
  EXPECT_TRUE(read_json(json.str()).graph.node(*g.find("memo")).privileged);
  std::ostringstream aif;
  write_aif(aif, g);
  EXPECT_TRUE(read_aif(aif.str()).graph.node(*g.find("memo")).privileged) << aif.str();
  std::ostringstream argdown;
  write_argdown(argdown, g);
  const Graph back = read_argdown(argdown.str()).graph;
  ASSERT_TRUE(back.find("memo")) << argdown.str();
  EXPECT_TRUE(back.node(*back.find("memo")).privileged) << argdown.str();
}

TEST(RedactTest, PrivilegedThatIsNotABooleanIsALocatedError) {
  EXPECT_EQ(errors_of(R"({"claimgraph": 1, "nodes": [
  {"id": "a", "kind": "claim", "label": "A", "privileged": "yes"},
  {"id": "b", "kind": "claim", "label": "B", "privileged": 1}
]})"),
            (std::vector<std::string>{"case.json:2:60: error: /nodes/0/privileged: expected a boolean, got a string",
                                      "case.json:3:60: error: /nodes/1/privileged: expected a boolean, got a number"}));
}

TEST(RedactTest, MaskBuildsFreshNodesWithOpaqueIdsInNodeOrder) {
  const Graph g = sample();
  RedactOptions options;
  options.tags = {"work-product"};
  const Redaction r = redact(g, options);
  EXPECT_EQ(r.redacted, 2u);
  const Graph& out = r.view.graph;
  ASSERT_EQ(out.node_count(), g.node_count());
  // Equal to a Node with only these three set: a field Node gains later
  // (citations, say) stays at its default here, or this fails. The memo
  // comes first: redacted-1 is taken, so it is redacted-1_2.
  Node memo;
  memo.id = "redacted-1_2";
  memo.kind = NodeKind::evidence;
  memo.label = "[redacted]";
  EXPECT_EQ(out.node(2), memo);
  Node email = memo;
  email.id = "redacted-2";
  EXPECT_EQ(out.node(3), email);
  EXPECT_EQ(out.node(1), g.node(1));
  EXPECT_EQ(out.node(4), g.node(4));
  EXPECT_EQ(out.title, g.title);

  // The memo's support: fresh, with an opaque id the undercut names.
  const auto edges = out.edges();
  const Edge& support = out.edge(edges[0]);
  EXPECT_EQ(support.id, "redacted-edge-1");
  EXPECT_TRUE(support.extra.empty());
  EXPECT_EQ(support.names, nullptr);
  EXPECT_EQ(out.edge(edges[1]).id, std::nullopt);
  const Edge& undercut = out.edge(edges[2]);
  EXPECT_EQ(undercut.relation, Relation::undercuts);
  EXPECT_EQ(undercut.undercut, 0u);
  EXPECT_EQ(undercut.id, "redacted-edge-2");  // it undercuts the memo's support
  EXPECT_EQ(r.touched, (std::vector<bool>{true, true, true}));

  std::ostringstream json;
  write_json(json, out);
  for (const char* leak : {"memo", "Counsel", "advice", "Acme", "delay", "Memo 3", "expert-opinion", "kept out",
                           "work-product", "Email", "\"u\"", "0.9"}) {
    EXPECT_EQ(json.str().find(leak), std::string::npos) << leak << " in\n" << json.str();
  }
  EXPECT_EQ(read_json(json.str()).graph.node_count(), g.node_count());  // a valid case file
}

TEST(RedactTest, IncludedPrivilegedNodesStayAsTheyAre) {
  const Graph g = sample();
  RedactOptions options;
  options.include_privileged = true;
  const Redaction r = redact(g, options);
  EXPECT_EQ(r.redacted, 0u);
  EXPECT_EQ(r.view.graph.node(2), g.node(2));
  EXPECT_EQ(redacted_nodes(g, options), std::vector<bool>(g.node_count(), false));
  options.tags = {"advice", "nothing"};
  EXPECT_EQ(redacted_nodes(g, options), (std::vector<bool>{false, false, true, false, false}));
}

TEST(RedactTest, DropLeavesOutTheNodeItsEdgesAndTheirUndercuts) {
  const Graph g = sample();
  RedactOptions options;
  options.mode = RedactMode::drop;
  const Redaction r = redact(g, options);
  EXPECT_EQ(r.redacted, 1u);
  const Graph& out = r.view.graph;
  EXPECT_EQ(out.node_count(), 4u);
  EXPECT_FALSE(out.find("memo"));
  ASSERT_EQ(out.edge_count(), 1u);
  EXPECT_EQ(out.edge(out.edges()[0]).relation, Relation::contradicts);
  EXPECT_EQ(r.view.node_of, (std::vector<Graph::NodeRef>{0, 1, 3, 4}));
}

TEST(RedactTest, TheAnalysesAreOfTheWholeCase) {
  const Graph g = sample();
  const analysis::Results whole = analysis::analyse(g, {true, true, nullptr});
  ASSERT_TRUE(whole.grounding->grounded[1]);  // "late" rests on the memo alone
  for (RedactMode mode : {RedactMode::mask, RedactMode::drop}) {
    RedactOptions options;
    options.mode = mode;
    const Redaction r = redact(g, options);
    const analysis::Results shown = restrict(whole, r);
    const auto late = *r.view.graph.find("late");
    EXPECT_TRUE(shown.grounding->grounded[late]);
    EXPECT_EQ(shown.status->labels.size(), r.view.graph.node_count());
    EXPECT_EQ(shown.status->labels[late], whole.status->labels[1]);
    EXPECT_EQ(shown.strength->strength[late], whole.strength->strength[1]);
  }
}

TEST(RedactTest, ModesAreATableWithMaskFirst) {
  ASSERT_EQ(redact_modes().size(), 2u);
  EXPECT_EQ(redact_modes()[0].mode, RedactMode::mask);
  EXPECT_EQ(redact_modes()[0].name, "mask");
  EXPECT_EQ(redact_modes()[1].name, "drop");
}

}  // namespace
}  // namespace claimgraph
