// `claimgraph critical` and `--exclude`: the cut sets and single points of
// failure of the Parler case in JSON and text, what --claim, --max-set,
// --evaluate and the work limit do, what --exclude changes in check,
// evaluate, explain and export, and every bad argument refused with a
// message that says what would be right.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support.hpp"

namespace claimgraph {
namespace {

using test::RunResult;

class CriticalCliTest : public test::ProgramTest {
 protected:
  static nlohmann::json find(const nlohmann::json& list, const std::string& id) {
    for (const auto& item : list) {
      if (item["id"] == id) return item;
    }
    ADD_FAILURE() << "no " << id << " in " << list.dump();
    return {};
  }
  using Sets = std::vector<std::vector<std::string>>;
};

TEST_F(CriticalCliTest, ParlerSinglePointsAndPairs) {
  const RunResult r = claimgraph({"critical", graph("parler_v_aws"), "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["max_set"], 2);
  const auto k1 = find(report["claims"], "k1");
  EXPECT_EQ(k1["grounded"], true);
  EXPECT_EQ(k1["cut_sets"].get<Sets>(), (Sets{{"clause_72bi"}}));
  const auto k2 = find(report["claims"], "k2");
  EXPECT_EQ(k2["cut_sets"].get<Sets>(), (Sets{{"clause_72bi", "notice_30h"}}));
  EXPECT_EQ(k2["explained"][0]["path"].front(), "k2");
  // A claim that lacks evidence already has nothing to lose.
  const auto contract = find(report["claims"], "contract");
  EXPECT_EQ(contract["grounded"], false);
  EXPECT_TRUE(contract["cut_sets"].empty());
  const auto growth = find(report["evidence"], "growth");
  EXPECT_EQ(growth["holds_up"].get<std::vector<std::string>>(), (std::vector<std::string>{"s3", "t1", "t5"}));
  EXPECT_FALSE(report.contains("status")) << "the status only with --evaluate";
  // The text says the same.
  const RunResult text = claimgraph({"critical", graph("parler_v_aws")});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("  clause_72bi — Agreement § 7.2(b)(i): 30 days to cure a material breach\n"
                          "      alone holds up k1, par_contra_proferentem\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("without clause_72bi and notice_30h: every supporter falls"), std::string::npos);
}

TEST_F(CriticalCliTest, ClaimMaxSetAndEvaluate) {
  const RunResult r = claimgraph(
      {"critical", graph("parler_v_aws"), "--claim", "k2", "--claim", "k1", "--max-set", "1", "--evaluate", "--format",
       "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  ASSERT_EQ(report["claims"].size(), 2u);
  EXPECT_EQ(report["claims"][0]["id"], "k1") << "in node order";
  EXPECT_TRUE(find(report["claims"], "k2")["cut_sets"].empty()) << "its pair is past --max-set 1";
  const auto k1 = find(report["claims"], "k1");
  EXPECT_EQ(k1["status"], "IN");
  ASSERT_EQ(k1["status_cuts"].size(), 1u);
  EXPECT_EQ(k1["status_cuts"][0]["evidence"].get<std::vector<std::string>>(),
            (std::vector<std::string>{"clause_72bi"}));
  EXPECT_EQ(k1["status_cuts"][0]["status"], "OUT");
  // --exclude before the question: with clause_72bi gone, k1 has nothing to lose.
  const RunResult without = claimgraph(
      {"critical", graph("parler_v_aws"), "--claim", "k1", "--exclude", "clause_72bi", "--format", "json"});
  ASSERT_EQ(without.status, 0) << without.err;
  EXPECT_EQ(nlohmann::json::parse(without.out)["claims"][0]["grounded"], false);
}

TEST_F(CriticalCliTest, BadArgumentsAreRefused) {
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::string parler = graph("parler_v_aws");
  const std::vector<Case> cases = {
      {{"critical", parler, "--claim", "nope"}, "--claim nope: no node \"nope\""},
      {{"critical", parler, "--claim", "growth"}, "\"growth\" is evidence; name a claim or counterclaim"},
      {{"critical", parler, "--max-set", "0"}, "--max-set"},
      {{"critical", parler, "--max-set", "9"}, "--max-set"},
      {{"critical", parler, "--burden"}, "give --evaluate too"},
      {{"critical", parler, "--max-cut-set-steps", "10"}, "(raise the limit with --max-cut-set-steps)"},
      {{"check", parler, "--exclude", "clause_72b"}, "--exclude clause_72b: no node \"clause_72b\""},
      {{"evaluate", parler, "--exclude", "x"}, "--exclude x: no node"},
      {{"export", parler, "--to", "json", "--exclude", "growth"}, "json holds the graph alone"},
      {{"export", parler, "--to", "mermaid", "--critical"}, "--critical marks the points of failure"},
  };
  for (const auto& c : cases) {
    const RunResult r = claimgraph(c.args);
    EXPECT_EQ(r.status, 2) << c.args[2] << "\n" << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

TEST_F(CriticalCliTest, ExcludeInCheckEvaluateAndExplain) {
  const std::string parler = graph("parler_v_aws");
  const RunResult check = claimgraph({"check", parler, "--exclude", "clause_72bi", "--format", "json"});
  ASSERT_EQ(check.status, 1) << check.err;
  const auto c = nlohmann::json::parse(check.out);
  EXPECT_EQ(c["excluded"].get<std::vector<std::string>>(), (std::vector<std::string>{"clause_72bi"}));
  EXPECT_EQ(c["fell"].get<std::vector<std::string>>(), (std::vector<std::string>{"k1", "par_contra_proferentem"}));
  EXPECT_EQ(c["grounded"], 12);
  // Excluding a claim: it is reported as excluded, and counts as lacking evidence.
  const RunResult claim = claimgraph({"check", parler, "--exclude", "t1", "--format", "json"});
  ASSERT_EQ(claim.status, 1);
  EXPECT_EQ(find(nlohmann::json::parse(claim.out)["statuses"], "t1")["reason"], "excluded");

  const RunResult evaluate = claimgraph({"evaluate", parler, "--exclude", "clause_72bi", "--format", "json"});
  ASSERT_EQ(evaluate.status, 0) << evaluate.err;
  const auto e = nlohmann::json::parse(evaluate.out);
  EXPECT_EQ(find(e["nodes"], "clause_72bi")["status"], "OUT");
  EXPECT_EQ(find(e["nodes"], "clause_72bi")["excluded"], true);
  EXPECT_EQ(find(e["nodes"], "clause_72bi")["strength"], 0.0);
  const auto k1 = find(e["changed"], "k1");
  EXPECT_EQ(k1["was"], "IN");
  EXPECT_EQ(k1["now"], "OUT");
  // Without --exclude, nothing of this.
  const RunResult plain = claimgraph({"evaluate", parler, "--format", "json"});
  EXPECT_FALSE(nlohmann::json::parse(plain.out).contains("changed"));

  const RunResult explain = claimgraph({"explain", parler, "clause_72bi", "--exclude", "clause_72bi"});
  ASSERT_EQ(explain.status, 0) << explain.err;
  EXPECT_NE(explain.out.find("Status: OUT (grounded semantics): the court excluded it."), std::string::npos)
      << explain.out;
  const RunResult changed = claimgraph({"explain", parler, "k1", "--exclude", "clause_72bi"});
  // An excluded node named in another's explanation says why it is OUT.
  EXPECT_NE(changed.out.find("clause_72bi [OUT, excluded]"), std::string::npos) << changed.out;
  EXPECT_NE(changed.out.find("In the whole record it is IN; the excluded nodes change it."), std::string::npos)
      << changed.out;
  const RunResult changed_json = claimgraph({"explain", parler, "k1", "--exclude", "clause_72bi", "--format", "json"});
  const auto k1_now = nlohmann::json::parse(changed_json.out);
  EXPECT_EQ(k1_now["status"], "OUT");
  EXPECT_EQ(k1_now["whole_record_status"], "IN");
  // Preferred semantics weighs the exclusion too.
  const RunResult preferred =
      claimgraph({"evaluate", parler, "--semantics", "preferred", "--exclude", "clause_72bi", "--format", "json"});
  ASSERT_EQ(preferred.status, 0) << preferred.err;
  const auto p = nlohmann::json::parse(preferred.out);
  EXPECT_EQ(find(p["nodes"], "clause_72bi")["credulous"], false);
  EXPECT_EQ(find(p["nodes"], "k1")["credulous"], false);
  const RunResult whole = claimgraph({"evaluate", parler, "--semantics", "preferred", "--format", "json"});
  EXPECT_EQ(find(nlohmann::json::parse(whole.out)["nodes"], "k1")["sceptical"], true);
}

}  // namespace
}  // namespace claimgraph
