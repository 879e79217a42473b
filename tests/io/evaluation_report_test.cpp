// evaluate and explain on the example graphs, against golden files, and
// their JSON read back as JSON.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/io/evaluation_report.hpp"
#include "claimgraph/io/file.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

class EvaluationReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = test::graphs_dir() / "parler_v_aws.json";
    io::ReadOptions options;
    options.file_name = "parler_v_aws.json";
    graph_ = io::read_json(test::read_text(path), options).graph;
    status_ = analysis::grounded_status(graph_);
    strength_ = analysis::evaluate_strength(graph_, {}, &status_);
  }
  [[nodiscard]] io::Evaluation evaluation() const { return {status_, strength_}; }

  Graph graph_;
  analysis::StatusReport status_;
  analysis::StrengthReport strength_;
};

TEST_F(EvaluationReportTest, EvaluateTextMatchesGolden) {
  std::ostringstream out;
  io::write_evaluation_text(out, graph_, evaluation());
  const std::string mismatch = test::golden_mismatch("parler_v_aws.evaluate.txt", out.str());
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST_F(EvaluationReportTest, EvaluateJsonIsJsonWithEveryNode) {
  std::ostringstream out;
  io::write_evaluation_json(out, graph_, evaluation());
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["semantics"], "grounded");
  EXPECT_TRUE(j["converged"].get<bool>());
  ASSERT_EQ(j["nodes"].size(), graph_.node_count());
  for (const auto& n : j["nodes"]) {
    const auto v = graph_.find(n["id"].get<std::string>());
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(n["status"], analysis::to_string(status_.labels[*v]));
    EXPECT_EQ(n.contains("established"), is_claim_like(graph_.node(*v).kind));
  }
  // The court's view: every cause of action and the motion are OUT.
  for (const char* id : {"sherman", "contract", "interference", "motion"}) {
    EXPECT_EQ(status_.labels[*graph_.find(id)], analysis::Label::out) << id;
  }
}

TEST_F(EvaluationReportTest, ALargeGraphsJsonIsTheSameOnTwoThreads) {
  // 10,000 nodes: a second thread renders node lines; the text is the one
  // thread's, and it is JSON with every node in order.
  Graph g;
  for (std::size_t i = 0; i < 10'000; ++i) {
    Node n;
    n.id = "n" + std::to_string(i);
    n.kind = i % 2 == 0 ? NodeKind::claim : NodeKind::evidence;
    n.label = "p";
    g.add_node(std::move(n));
  }
  for (std::size_t v = 1; v < g.node_count(); v += 2) g.add_edge(v, v - 1, Relation::supports);
  for (std::size_t v = 4; v < g.node_count(); v += 4) g.add_edge(v, v - 2, Relation::contradicts);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  const io::Evaluation e{status, strength};
  std::ostringstream one, two;
  io::write_evaluation_json(one, g, e);
  io::write_evaluation_json(two, g, e, 2);
  EXPECT_TRUE(one.str() == two.str()) << "the text on two threads differs";
  const auto j = nlohmann::json::parse(two.str());
  ASSERT_EQ(j["nodes"].size(), g.node_count());
  for (std::size_t v = 0; v < g.node_count(); ++v) EXPECT_EQ(j["nodes"][v]["id"], g.id(v));
}

class ExplainGoldenTest : public EvaluationReportTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(ExplainGoldenTest, TextMatchesGolden) {
  const auto v = graph_.find(GetParam());
  ASSERT_TRUE(v.has_value());
  std::ostringstream out;
  io::write_explanation_text(out, graph_, evaluation(), *v);
  const std::string mismatch =
      test::golden_mismatch(std::string("parler_v_aws.explain.") + GetParam() + ".txt", out.str());
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST_P(ExplainGoldenTest, JsonNamesTheSameAttackersAndMissingElements) {
  const auto v = graph_.find(GetParam());
  ASSERT_TRUE(v.has_value());
  std::ostringstream out;
  io::write_explanation_json(out, graph_, evaluation(), *v);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["id"], GetParam());
  EXPECT_EQ(j["status"], analysis::to_string(status_.labels[*v]));
  std::size_t attackers = 0, missing = 0;
  for (const auto& e : graph_.in_edges(*v)) {
    const auto r = graph_.edge(e).relation;
    if (r == Relation::contradicts || r == Relation::undercuts) ++attackers;
    if (r == Relation::element_of && status_.labels[graph_.source(e)] != analysis::Label::in) ++missing;
  }
  EXPECT_EQ(j["against"].size(), attackers);
  EXPECT_EQ(j["missing_elements"].size(), missing);
}

INSTANTIATE_TEST_SUITE_P(Parler, ExplainGoldenTest,
                         ::testing::Values("sherman", "s1", "contract", "interference", "motion", "aws_aup_breach"));

// A support that stands but whose undercutter is undecided leaves the claim
// undecided, and the reason names that support.
TEST(ExplainTest, UndecidedUndercutterNamesTheSupport) {
  Graph g;
  auto add = [&](const char* id, NodeKind kind) {
    Node n;
    n.id = id;
    n.label = id;
    n.kind = kind;
    return g.add_node(std::move(n));
  };
  const auto x = add("x", NodeKind::evidence);
  const auto c = add("c", NodeKind::claim);
  const auto a = add("a", NodeKind::evidence);
  const auto b = add("b", NodeKind::evidence);
  g.add_edge(x, c, Relation::supports);
  g.add_edge(a, b, Relation::contradicts);
  g.add_edge(b, a, Relation::contradicts);
  g.add_undercut(a, 0);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  std::ostringstream out;
  io::write_explanation_text(out, g, {status, strength}, c);
  EXPECT_NE(out.str().find("Status: UNDEC (grounded semantics): its support is undecided: x [IN].\n"), std::string::npos)
      << out.str();
}

TEST(ExplainTest, MarksASupportOfAClaimWithElementsAsIgnored) {
  const std::string text = R"({"claimgraph": 1, "nodes": [
    {"id": "c", "kind": "claim", "label": "Cause"},
    {"id": "el", "kind": "claim", "label": "Element"},
    {"id": "e", "kind": "evidence", "label": "Proof of the element"},
    {"id": "x", "kind": "evidence", "label": "Offered for the cause"}],
    "edges": [{"from": "el", "to": "c", "relation": "element-of"}, {"from": "e", "to": "el", "relation": "supports"},
              {"from": "x", "to": "c", "relation": "supports"}]})";
  const Graph g = io::read_json(text).graph;
  const auto c = *g.find("c");
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  std::ostringstream out;
  io::write_explanation_text(out, g, {status, strength}, c);
  EXPECT_NE(out.str().find("Support, down to the evidence:\n"
                           "  element el [IN] Element\n"
                           "    - e [IN] Proof of the element\n"
                           "  - x [IN] Offered for the cause — ignored: the claim has elements\n"),
            std::string::npos)
      << out.str();
  std::ostringstream json_out;
  io::write_explanation_json(json_out, g, {status, strength}, c);
  const auto json = nlohmann::json::parse(json_out.str());
  ASSERT_EQ(json["support"].size(), 3u);
  EXPECT_FALSE(json["support"][0].contains("ignored"));
  EXPECT_FALSE(json["support"][1].contains("ignored"));
  EXPECT_EQ(json["support"][2]["id"], "x");
  EXPECT_EQ(json["support"][2]["ignored"], true);
}

TEST(ExplainTest, CountsTheNodesThatContradictInWords) {
  // c is IN with one contradictor OUT; d is IN with two.
  const std::string text = R"({"claimgraph": 1, "nodes": [
    {"id": "e", "kind": "evidence", "label": "E"},
    {"id": "f", "kind": "evidence", "label": "F"},
    {"id": "c", "kind": "claim", "label": "C"},
    {"id": "d", "kind": "claim", "label": "D"},
    {"id": "k1", "kind": "counterclaim", "label": "K1"},
    {"id": "k2", "kind": "counterclaim", "label": "K2"}],
    "edges": [{"from": "e", "to": "c", "relation": "supports"}, {"from": "f", "to": "d", "relation": "supports"},
              {"from": "k1", "to": "c", "relation": "contradicts"}, {"from": "k1", "to": "d", "relation": "contradicts"},
              {"from": "k2", "to": "d", "relation": "contradicts"}]})";
  const Graph g = io::read_json(text).graph;
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  const auto explained = [&](const char* id) {
    std::ostringstream out;
    io::write_explanation_text(out, g, {status, strength}, *g.find(id));
    return out.str();
  };
  EXPECT_NE(explained("c").find("Status: IN (grounded semantics): supported by e [IN], and the one node that "
                                "contradicts it is OUT.\n"),
            std::string::npos)
      << explained("c");
  EXPECT_NE(explained("d").find("Status: IN (grounded semantics): supported by f [IN], and all 2 nodes that "
                                "contradict it are OUT.\n"),
            std::string::npos)
      << explained("d");
}

}  // namespace
}  // namespace claimgraph
