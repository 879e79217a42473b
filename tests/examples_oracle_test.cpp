// graphs/oracle_v_google.json, Google LLC v. Oracle America, Inc. (2021):
// the results graphs/README.md promises, through the library and through
// the program. Fair use stands because its four factors, weighed, favour it,
// and Oracle's infringement claim falls to it; and the weights decide: the
// same case with factors turned against Google comes out as the README's
// arithmetic says.

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/lint.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

using analysis::Label;
using nlohmann::json;

std::string case_text() { return test::read_text(test::graphs_dir() / "oracle_v_google.json"); }

/// Every node's status, by id.
std::map<std::string, Label> statuses(const Graph& g) {
  const analysis::StatusReport report = analysis::grounded_status(g);
  std::map<std::string, Label> by_id;
  for (std::size_t v = 0; v < report.labels.size(); ++v) by_id[std::string(g.id(v))] = report.labels[v];
  return by_id;
}

/// The case with the contradictions of the Supreme Court findings `dropped`
/// left out: the Oracle argument each one answered then stands.
Graph without_rebuttals(const std::vector<std::string>& dropped) {
  json doc = json::parse(case_text());
  json kept = json::array();
  for (const json& e : doc.at("edges")) {
    bool drop = false;
    for (const std::string& from : dropped) {
      drop = drop || (e.at("from") == from && e.at("relation") == "contradicts");
    }
    if (!drop) kept.push_back(e);
  }
  doc["edges"] = kept;
  return io::read_json(doc.dump()).graph;
}

const std::vector<std::string> factors{"f1_purpose", "f2_nature", "f3_amount", "f4_market"};
const std::vector<std::string> oracle_arguments{"oracle_commercial", "oracle_creative", "oracle_heart",
                                                "oracle_market"};

TEST(OracleVGoogleTest, FairUseStandsAndInfringementFallsToIt) {
  const io::ReadResult read = io::read_json(case_text());
  EXPECT_TRUE(read.warnings.empty());
  const auto label = statuses(read.graph);
  EXPECT_EQ(label.at("fair_use"), Label::in);
  EXPECT_EQ(label.at("infringement"), Label::out);
  // Both elements of infringement stand: it falls to the defence alone.
  EXPECT_EQ(label.at("ownership"), Label::in);
  EXPECT_EQ(label.at("copying"), Label::in);
  for (const std::string& f : factors) EXPECT_EQ(label.at(f), Label::in) << f;
  // The Court rejected Oracle's argument on each factor, and reversed the
  // Federal Circuit; Google's copyrightability defence lost in 2014.
  for (const std::string& a : oracle_arguments) EXPECT_EQ(label.at(a), Label::out) << a;
  EXPECT_EQ(label.at("fc_2018_not_fair"), Label::out);
  EXPECT_EQ(label.at("not_copyrightable"), Label::out);
  EXPECT_EQ(label.at("sc_holding"), Label::in);
  EXPECT_EQ(label.at("dissent"), Label::in);
}

TEST(OracleVGoogleTest, FactorsAreWeighedAsTheReadmeSays) {
  const Graph g = io::read_json(case_text()).graph;
  const std::map<std::string, double> weights{
      {"f1_purpose", 1.0}, {"f2_nature", 0.5}, {"f3_amount", 0.5}, {"f4_market", 1.0}};
  for (const auto& [id, weight] : weights) {
    const Node& n = g.node(*g.find(id));
    ASSERT_TRUE(n.weight.has_value()) << id;
    EXPECT_EQ(*n.weight, weight) << id;
  }
  EXPECT_EQ(g.node(*g.find("fair_use")).test, ElementTest::balance);
  EXPECT_EQ(g.node(*g.find("fair_use")).burden, "Google LLC");
  EXPECT_EQ(g.node(*g.find("infringement")).burden, "Oracle America, Inc.");

  // check: nothing lacks evidence, and all four factors (3.0) weigh for fair use.
  const analysis::GroundingReport report = analysis::check(g);
  EXPECT_EQ(report.claims.size(), 13u);
  EXPECT_EQ(report.lacking(), 0u);
  const analysis::ClaimStatus& fair_use = report.claims[report.claim_index[*g.find("fair_use")]];
  EXPECT_TRUE(fair_use.grounded);
  EXPECT_EQ(fair_use.weight_for, 3 * factor_unit_scale);
  EXPECT_EQ(fair_use.weight_against, 0u);
}

TEST(OracleVGoogleTest, TheWeightsDecideWhenFactorsGoToOracle) {
  // Oracle wins the market factor: 2.0 for, 1.0 against; fair use still stands.
  auto label = statuses(without_rebuttals({"sc_market"}));
  EXPECT_EQ(label.at("f4_market"), Label::out);
  EXPECT_EQ(label.at("fair_use"), Label::in);
  EXPECT_EQ(label.at("infringement"), Label::out);
  // The market and the nature of the work: 1.5 against 1.5, a tie, which
  // does not stand; the infringement claim stands on its two elements.
  label = statuses(without_rebuttals({"sc_market", "sc_nature"}));
  EXPECT_EQ(label.at("f2_nature"), Label::out);
  EXPECT_EQ(label.at("f4_market"), Label::out);
  EXPECT_EQ(label.at("fair_use"), Label::out);
  EXPECT_EQ(label.at("infringement"), Label::in);
  // Purpose and market, the heavy factors: 1.0 for, 2.0 against.
  label = statuses(without_rebuttals({"sc_purpose", "sc_market"}));
  EXPECT_EQ(label.at("f1_purpose"), Label::out);
  EXPECT_EQ(label.at("fair_use"), Label::out);
  EXPECT_EQ(label.at("infringement"), Label::in);
  // Oracle's "heart of the work" rests only on the reversed Federal Circuit
  // holding: without the Court's answer to it, it still falls.
  label = statuses(without_rebuttals({"sc_amount"}));
  EXPECT_EQ(label.at("oracle_heart"), Label::out);
  EXPECT_EQ(label.at("f3_amount"), Label::in);
}

TEST(OracleVGoogleTest, LintsClean) {
  const io::ReadResult read = io::read_json(case_text());
  EXPECT_TRUE(analysis::lint(read.graph).empty());
}

class OracleVGoogleCliTest : public test::ProgramTest {};

TEST_F(OracleVGoogleCliTest, LintCheckAndEvaluate) {
  // No mistakes: the only findings are the notes that list the open
  // critical questions of the inferences that name a scheme.
  const test::RunResult lint = claimgraph({"lint", "--strict", graph("oracle_v_google")});
  EXPECT_EQ(lint.status, 0) << lint.out;
  EXPECT_EQ(lint.err, "");
  for (const std::string& line : test::lines_of(lint.out)) {
    if (line.find(": note: ") != std::string::npos) {
      EXPECT_NE(line.find("[L015 open-questions]"), std::string::npos) << line;
    } else {
      EXPECT_TRUE(line.starts_with("  fix: ") || line.ends_with(" findings.")) << line;
    }
  }

  const test::RunResult check = claimgraph({"check", graph("oracle_v_google")});
  EXPECT_EQ(check.status, 0);
  EXPECT_EQ(check.err, "");
  const auto lines = test::lines_of(check.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "13 claims and counterclaims: 13 grounded, 0 lack evidence.");

  const test::RunResult evaluate = claimgraph({"evaluate", graph("oracle_v_google"), "--format", "json"});
  EXPECT_EQ(evaluate.status, 0);
  EXPECT_EQ(evaluate.err, "");
  const json report = json::parse(evaluate.out);
  std::map<std::string, json> node;
  for (const json& n : report.at("nodes")) node[n.at("id").get<std::string>()] = n;
  EXPECT_EQ(node.at("fair_use").at("status"), "IN");
  EXPECT_EQ(node.at("fair_use").at("established"), true);
  EXPECT_EQ(node.at("infringement").at("status"), "OUT");
  EXPECT_EQ(node.at("infringement").at("established"), false);
  for (const std::string& f : factors) EXPECT_EQ(node.at(f).at("status"), "IN") << f;
  for (const std::string& a : oracle_arguments) EXPECT_EQ(node.at(a).at("status"), "OUT") << a;

  const test::RunResult explain = claimgraph({"explain", graph("oracle_v_google"), "fair_use"});
  EXPECT_EQ(explain.status, 0);
  EXPECT_NE(explain.out.find("Status: IN (grounded semantics): the factors weigh for it: 3.00 for, 0.00 against, "
                             "and nothing contradicts it.\n"),
            std::string::npos)
      << explain.out;
  const test::RunResult infringement = claimgraph({"explain", graph("oracle_v_google"), "infringement"});
  EXPECT_EQ(infringement.status, 0);
  EXPECT_NE(infringement.out.find("Status: OUT (grounded semantics): contradicted by fair_use [IN].\n"),
            std::string::npos)
      << infringement.out;
}

}  // namespace
}  // namespace claimgraph
