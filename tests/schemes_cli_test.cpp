// The program and argumentation schemes: `claimgraph schemes`, a user's
// directory of schemes, and the critical questions in check, evaluate,
// explain and lint (docs/schemes.md).

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class SchemesCliTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    test::ProgramTest::SetUp();
    // A directory per test: ctest runs the tests side by side.
    dir_ = test::test_binary_dir() / "schemes-cli" / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "mine");
    // An expert report, its expertise questioned by a bare counterclaim and
    // answered by a CV; the fee shows the trustworthiness exception.
    test::write_text(dir_ / "case.json", R"({"claimgraph": 1,
      "nodes": [
        {"id": "harm", "kind": "claim", "label": "Market harm", "party": "P"},
        {"id": "report", "kind": "evidence", "label": "Expert report", "source": "PX-1", "scheme": "expert-opinion"},
        {"id": "doubt", "kind": "counterclaim", "label": "Not qualified", "party": "D"},
        {"id": "cv", "kind": "evidence", "label": "CV", "source": "PX-2"},
        {"id": "fee", "kind": "evidence", "label": "Contingent fee", "source": "Dep. 4"}],
      "edges": [
        {"id": "lee", "from": "report", "to": "harm", "relation": "supports"},
        {"from": "doubt", "to": "lee", "relation": "undercuts", "question": "expertise"},
        {"from": "cv", "to": "report", "relation": "supports", "question": "expertise"},
        {"from": "fee", "to": "lee", "relation": "undercuts", "question": "trustworthiness"}]})");
  }
  [[nodiscard]] std::string file(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(SchemesCliTest, ListsTheShippedSchemesAsTextAndJson) {
  const auto text = claimgraph({"schemes"});
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("expert-opinion — Argument from expert opinion"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("expertise (assumption, Fed. R. Evid. 702)"), std::string::npos) << text.out;
  const auto j = claimgraph({"schemes", "--format", "json"});
  ASSERT_EQ(j.status, 0) << j.err;
  const json doc = json::parse(j.out);
  EXPECT_GE(doc.at("schemes").size(), 8U);
  for (const auto& s : doc.at("schemes")) {
    EXPECT_FALSE(s.at("questions").empty()) << s.at("name");
    for (const auto& q : s.at("questions")) {
      EXPECT_TRUE(q.at("type") == "assumption" || q.at("type") == "exception") << q;
    }
  }
}

TEST_F(SchemesCliTest, CheckEvaluateAndExplainReportTheQuestions) {
  const auto check = claimgraph({"check", "-q", file("case.json"), "--format", "json"});
  ASSERT_EQ(check.status, 1) << check.err;  // the bare counterclaim lacks evidence
  const json c = json::parse(check.out);
  ASSERT_EQ(c.at("inferences").size(), 1U);
  const auto& questions = c.at("inferences")[0].at("questions");
  EXPECT_EQ(questions[0].at("id"), "expertise");
  EXPECT_EQ(questions[0].at("state"), "raised and answered");
  EXPECT_EQ(questions[0].at("raised_by"), json::array({"doubt"}));
  EXPECT_EQ(questions[0].at("answered_by"), json::array({"cv"}));
  EXPECT_EQ(questions[1].at("state"), "open");
  EXPECT_FALSE(questions[0].contains("defeats"));

  const auto evaluate = claimgraph({"evaluate", "-q", file("case.json"), "--format", "json"});
  ASSERT_EQ(evaluate.status, 0) << evaluate.err;
  const json e = json::parse(evaluate.out);
  for (const auto& n : e.at("nodes")) {
    if (n.at("id") == "harm") {
      EXPECT_EQ(n.at("status"), "OUT");
    }
  }
  const auto& weighed = e.at("inferences")[0].at("questions");
  EXPECT_EQ(weighed[0].at("defeats"), false);  // answered
  EXPECT_EQ(weighed[4].at("id"), "trustworthiness");
  EXPECT_EQ(weighed[4].at("defeats"), true);  // shown, unanswered

  const auto explain = claimgraph({"explain", "-q", file("case.json"), "harm"});
  ASSERT_EQ(explain.status, 0) << explain.err;
  EXPECT_NE(explain.out.find("the critical question trustworthiness (exception) of the support from report is shown "
                             "and not answered"),
            std::string::npos)
      << explain.out;
  EXPECT_NE(explain.out.find("raising the critical question expertise"), std::string::npos) << explain.out;
  EXPECT_NE(explain.out.find("Critical questions of its support:"), std::string::npos) << explain.out;
}

TEST_F(SchemesCliTest, OpenQuestionsAreNotesThatStrictLintAccepts) {
  const auto lint = claimgraph({"lint", "--strict", file("case.json"), "--format", "json"});
  EXPECT_EQ(lint.status, 0) << lint.out;
  const json findings = json::parse(lint.out).at("findings");
  bool note = false;
  for (const auto& f : findings) {
    if (f.at("code") == "L015") {
      note = true;
      EXPECT_EQ(f.at("severity"), "note");
    }
  }
  EXPECT_TRUE(note) << lint.out;
  // Other commands leave the notes out of their warnings.
  const auto evaluate = claimgraph({"evaluate", file("case.json")});
  EXPECT_EQ(evaluate.err.find("L015"), std::string::npos) << evaluate.err;
}

TEST_F(SchemesCliTest, AUsersSchemesComeFromTheOptionAndTheEnvironment) {
  test::write_text(dir_ / "mine" / "expert-opinion.json",
                   R"({"claimgraph-scheme": 1, "title": "Firm expert scheme", "source": "Firm manual",
                       "questions": [{"id": "retained", "type": "exception", "question": "Was E retained?"}]})");
  const auto listed = claimgraph({"schemes", "--schemes", file("mine")});
  EXPECT_EQ(listed.status, 0) << listed.err;
  EXPECT_NE(listed.out.find("expert-opinion — Firm expert scheme"), std::string::npos) << listed.out;
  // The case's "expertise" is no question of the firm's scheme: lint says so.
  const auto lint = claimgraph({"lint", "--schemes", file("mine"), file("case.json")});
  EXPECT_NE(lint.out.find("[L014 unknown-question]"), std::string::npos) << lint.out;
  const auto env = test::run({test::program(), "schemes"}, std::nullopt, std::chrono::seconds::zero(),
                             {"CLAIMGRAPH_SCHEMES=" + file("mine")});
  EXPECT_NE(env.out.find("expert-opinion — Firm expert scheme"), std::string::npos) << env.out;
}

TEST_F(SchemesCliTest, ABadDirectoryOrSchemeFileIsAnErrorWithItsPlace) {
  const auto missing = claimgraph({"check", "--schemes", file("nowhere"), file("case.json")});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("nowhere"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("no such directory of schemes"), std::string::npos) << missing.err;
  test::write_text(dir_ / "mine" / "broken.json", "{\n  \"title\": \"x\",\n  \"questions\": [}\n");
  const auto broken = claimgraph({"schemes", "--schemes", file("mine")});
  EXPECT_EQ(broken.status, 2);
  EXPECT_NE(broken.err.find("broken.json:3:"), std::string::npos) << broken.err;
  EXPECT_NE(broken.err.find("not a scheme file"), std::string::npos) << broken.err;
  // A number no double holds: refused at its place, not a crash (found by fuzz_scheme_reader).
  std::filesystem::create_directories(dir_ / "huge");
  test::write_text(dir_ / "huge" / "huge.json", "{\"claimgraph-scheme\": 1,\n  \"title\": 1e999}\n");
  const auto huge = claimgraph({"schemes", "--schemes", file("huge")});
  EXPECT_EQ(huge.status, 2) << huge.err;
  EXPECT_NE(huge.err.find("huge.json:2:12: error: not a scheme file: number overflow parsing '1e999'"),
            std::string::npos)
      << huge.err;
}

}  // namespace
}  // namespace claimgraph
