// `claimgraph diff`: what changed between two versions of a case and what
// the change did to its analysis (docs/diff.md), as text, JSON and an HTML
// page, and as git's external diff driver in a real repository.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class DiffCliTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    test::ProgramTest::SetUp();
    // A directory per test: ctest runs the tests side by side.
    dir_ = test::test_binary_dir() / "diff-cli" / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  [[nodiscard]] std::string file(const std::string& name) const { return (dir_ / name).string(); }

  // The Parler case without the evidence of Parler's growth (which alone
  // supports s3, t1 and t5) and with a finding that contradicts k1, whose
  // only other edge into it is the support of the cure clause.
  [[nodiscard]] std::string changed_parler() const {
    json doc = json::parse(test::read_text(graph("parler_v_aws")));
    auto& nodes = doc.at("nodes");
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
      if (it->at("id") == "growth") {
        nodes.erase(it);
        break;
      }
    }
    json edges = json::array();
    for (const auto& e : doc.at("edges")) {
      if (e.at("from") != "growth") edges.push_back(e);
    }
    nodes.push_back({{"id", "ord_no_duty"}, {"kind", "evidence"}, {"party", "Court"}, {"group", "Breach of contract"},
                     {"label", "No term of the Agreement obliged AWS to host Parler"}, {"source", "Order at 5"}});
    edges.push_back({{"from", "ord_no_duty"}, {"to", "k1"}, {"relation", "contradicts"}});
    doc["edges"] = edges;
    const std::string path = file("parler_changed.json");
    test::write_text(path, doc.dump(2));
    return path;
  }

  fs::path dir_;
};

TEST_F(DiffCliTest, IdenticalFilesHaveNoChangesAndExitZero) {
  const auto r = claimgraph({"diff", "-q", graph("parler_v_aws"), graph("parler_v_aws")});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("No changes."), std::string::npos) << r.out;
  const auto j = claimgraph({"diff", "-q", graph("parler_v_aws"), graph("parler_v_aws"), "--format", "json"});
  ASSERT_EQ(j.status, 0) << j.err;
  EXPECT_EQ(json::parse(j.out).at("changed"), false);
}

TEST_F(DiffCliTest, ParlerWithoutTheGrowthEvidenceAndWithAFindingAgainstTheContract) {
  const std::string changed = changed_parler();
  const auto r = claimgraph({"diff", "-q", graph("parler_v_aws"), changed, "--format", "json"});
  ASSERT_EQ(r.status, 1) << r.err;
  const json d = json::parse(r.out);
  EXPECT_EQ(d.at("changed"), true);
  EXPECT_EQ(d.at("nodes").at("added"), json::array({"ord_no_duty"}));
  EXPECT_EQ(d.at("nodes").at("removed"), json::array({"growth"}));
  EXPECT_EQ(d.at("nodes").at("changed"), json::array());
  EXPECT_EQ(d.at("edges").at("added"), json::array({"ord_no_duty -contradicts-> k1"}));
  EXPECT_EQ(d.at("edges").at("removed"),
            json::array({"growth -supports-> s3", "growth -supports-> t1", "growth -supports-> t5"}));
  // s3, t1 and t5 rested on the growth alone: nothing supports them now. The
  // claims above them (sherman, interference) lacked evidence already (s2
  // and t2 have none), and the finding does not touch grounding.
  std::set<std::string> lost;
  for (const auto& g : d.at("grounding")) {
    EXPECT_EQ(g.at("grounded"), false) << g;
    EXPECT_EQ(g.at("reason"), "unsupported: no evidence or claim supports it and it has no elements") << g;
    lost.insert(g.at("id").get<std::string>());
  }
  EXPECT_EQ(lost, (std::set<std::string>{"s3", "t1", "t5"}));
  // The same three fall from IN to OUT, and k1, contradicted by a finding
  // that stands, too; sherman, interference and contract were OUT already
  // (s1 and t4 are contradicted by standing findings, k3 by AWS's
  // counterclaim), and so stays everything above them.
  std::set<std::string> flipped;
  for (const auto& s : d.at("status")) {
    EXPECT_EQ(s.at("old"), "IN") << s;
    EXPECT_EQ(s.at("new"), "OUT") << s;
    flipped.insert(s.at("id").get<std::string>());
    if (s.at("id") == "k1") {
      EXPECT_EQ(s.at("reason"), "contradicted by ord_no_duty [IN]");
    } else {
      EXPECT_EQ(s.at("reason"), "nothing supports it: it is not grounded in evidence") << s;
    }
  }
  EXPECT_EQ(flipped, (std::set<std::string>{"k1", "s3", "t1", "t5"}));

  const auto text = claimgraph({"diff", "-q", graph("parler_v_aws"), changed});
  ASSERT_EQ(text.status, 1) << text.err;
  EXPECT_NE(text.out.find("  + ord_no_duty (No term of the Agreement obliged AWS to host Parler)\n"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("  k1: IN → OUT: contradicted by ord_no_duty [IN]\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  ✗ s3 (The restraint hit interstate commerce and caused antitrust injury): lost grounding\n"
                          "      unsupported: "),
            std::string::npos)
      << text.out;
}

TEST_F(DiffCliTest, AFieldChangeIsReportedOldToNew) {
  test::write_text(file("old.json"), R"({"claimgraph": 1, "title": "Before",
    "nodes": [{"id": "c", "kind": "claim", "label": "A claim", "party": "P"},
              {"id": "e", "kind": "evidence", "label": "Exhibit", "source": "PX-1", "weight": 0.9}],
    "edges": [{"from": "e", "to": "c", "relation": "supports"}]})");
  test::write_text(file("new.json"), R"({"claimgraph": 1, "title": "After",
    "nodes": [{"id": "c", "kind": "claim", "label": "A claim", "party": "P"},
              {"id": "e", "kind": "evidence", "label": "Exhibit", "source": "PX-2", "weight": 0.2,
               "privileged": true}],
    "edges": [{"from": "e", "to": "c", "relation": "supports"}]})");
  const auto r = claimgraph({"diff", "-q", file("old.json"), file("new.json")});
  ASSERT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.out.find("Case:\n  ~ title: \"Before\" → \"After\"\n"), std::string::npos) << r.out;
  // A field this build does not know is compared like the others.
  EXPECT_NE(r.out.find("  ~ e (Exhibit)\n      privileged: (none) → true\n      source: \"PX-1\" → \"PX-2\"\n"
                       "      weight: 0.9 → 0.2\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Strength (changes above 0.05):\n  c: "), std::string::npos) << r.out;
}

// A field this build does not know may hold a number no double holds; the
// reader keeps it as written, and diff compares it as written (found by
// fuzz_diff: it ended the program).
TEST_F(DiffCliTest, ANumberNoDoubleHoldsIsComparedAsWritten) {
  const std::string before = R"({"claimgraph": 1, "exposure": 1e999,
    "nodes": [{"id": "e", "kind": "evidence", "label": "Exhibit", "source": "PX-1", "odds": 1e999}],
    "edges": []})";
  std::string after = before;
  const std::string odds = "\"odds\": 1e999";
  after.replace(after.find(odds), odds.size(), "\"odds\": 2e999");
  test::write_text(file("old.json"), before);
  test::write_text(file("new.json"), after);
  const auto r = claimgraph({"diff", "-q", file("old.json"), file("new.json")});
  ASSERT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.out.find("  ~ e (Exhibit)\n      odds: \"1e999\" → \"2e999\"\n"), std::string::npos) << r.out;
  const auto j = claimgraph({"diff", "-q", file("old.json"), file("new.json"), "--format", "json"});
  ASSERT_EQ(j.status, 1) << j.err;
  EXPECT_NE(j.out.find("\"2e999\""), std::string::npos) << j.out;
  EXPECT_EQ(claimgraph({"diff", "-q", file("old.json"), file("old.json")}).status, 0);
}

TEST_F(DiffCliTest, PreferredSemanticsComparesAcceptanceAndRefusesTheBurden) {
  // Two claims that contradict each other, each on its own evidence: each is
  // accepted credulously. Once only a contradicts b, a stands in every
  // preferred labelling and b in none.
  const std::string before = R"({"claimgraph": 1,
    "nodes": [{"id": "a", "kind": "claim", "label": "A", "party": "P"},
              {"id": "b", "kind": "counterclaim", "label": "B", "party": "D"},
              {"id": "x", "kind": "evidence", "label": "X", "source": "PX-1"},
              {"id": "y", "kind": "evidence", "label": "Y", "source": "DX-1"}],
    "edges": [{"from": "x", "to": "a", "relation": "supports"}, {"from": "y", "to": "b", "relation": "supports"},
              {"from": "a", "to": "b", "relation": "contradicts"})";
  test::write_text(file("old.json"), before + R"(, {"from": "b", "to": "a", "relation": "contradicts"}]})");
  test::write_text(file("new.json"), before + "]}");
  const auto r = claimgraph({"diff", "-q", file("old.json"), file("new.json"), "--semantics", "preferred"});
  ASSERT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.out.find("Status (preferred semantics):\n  a: credulously → sceptically\n  b: credulously → not accepted\n"),
            std::string::npos)
      << r.out;
  const auto burden =
      claimgraph({"diff", "-q", file("old.json"), file("new.json"), "--semantics", "stable", "--burden"});
  EXPECT_EQ(burden.status, 2);
  EXPECT_NE(burden.err.find("--burden"), std::string::npos) << burden.err;
}

TEST_F(DiffCliTest, BadInputInEitherFileIsLocatedAndExitsTwo) {
  test::write_text(file("bad.json"), "{\"claimgraph\": 1,\n  \"nodes\": [\n    {\"id\": \"x\", \"kind\": \"clam\", \"label\": \"X\"}],\n  \"edges\": []}\n");
  const auto r = claimgraph({"diff", graph("parler_v_aws"), file("bad.json")});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(file("bad.json") + ":3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error:"), std::string::npos) << r.err;
  const auto missing = claimgraph({"diff", file("nowhere.json"), graph("parler_v_aws")});
  EXPECT_EQ(missing.status, 2);
  const auto one = claimgraph({"diff", graph("parler_v_aws")});
  EXPECT_EQ(one.status, 2);
}

TEST_F(DiffCliTest, TheHtmlPageEscapesAHostileLabel) {
  test::write_text(file("old.json"), R"({"claimgraph": 1,
    "nodes": [{"id": "c", "kind": "claim", "label": "A claim", "party": "P"}], "edges": []})");
  test::write_text(file("new.json"), R"({"claimgraph": 1,
    "nodes": [{"id": "c", "kind": "claim", "label": "A claim", "party": "P"},
              {"id": "x", "kind": "evidence", "source": "PX", "label": "</pre><script>alert(\"ü\")</script> & 'é' ↦"}],
    "edges": [{"from": "x", "to": "c", "relation": "supports"}]})");
  const auto r = claimgraph({"diff", "-q", file("old.json"), file("new.json"), "--format", "html", "-o", file("d.html")});
  ASSERT_EQ(r.status, 1) << r.err;
  const std::string page = test::read_text(dir_ / "d.html");
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_NE(page.find("&lt;/pre&gt;&lt;script&gt;alert(&quot;ü&quot;)&lt;/script&gt; &amp; &#39;é&#39; ↦"), std::string::npos);
  EXPECT_NE(page.find("<svg"), std::string::npos);
  EXPECT_NE(page.find("ADDED"), std::string::npos);
}

// The first `name` on $PATH, or "" when there is none.
std::string on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string list = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(':', start), list.size());
    const fs::path candidate = fs::path(list.substr(start, end - start)) / name;
    if (end > start && fs::exists(candidate)) return candidate.string();
    start = end + 1;
  }
  return {};
}

TEST_F(DiffCliTest, RunsAsGitsExternalDiffDriver) {
  const std::string git = on_path("git");
  if (git.empty()) GTEST_SKIP() << "git is not installed";
  const std::string repo = file("repo");
  fs::create_directories(repo);
  auto g = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {git, "-C", repo, "-c", "user.name=claimgraph", "-c", "user.email=test@example.com"});
    return test::run(args, std::nullopt, std::chrono::seconds(60),
                     {"GIT_CONFIG_NOSYSTEM=1", "HOME=" + repo, "GIT_PAGER=cat"});
  };
  ASSERT_EQ(g({"init", "-q"}).status, 0);
  ASSERT_EQ(g({"config", "diff.claimgraph.command", test::program() + " diff --git -q"}).status, 0);
  test::write_text(fs::path(repo) / ".gitattributes", "*.json diff=claimgraph\n");
  fs::copy_file(graph("parler_v_aws"), fs::path(repo) / "case.json");
  ASSERT_EQ(g({"add", "."}).status, 0);
  ASSERT_EQ(g({"commit", "-q", "-m", "case"}).status, 0);
  fs::copy_file(changed_parler(), fs::path(repo) / "case.json", fs::copy_options::overwrite_existing);
  const auto r = g({"diff"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("claimgraph diff case.json\n--- a/case.json\n+++ b/case.json\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  k1: IN → OUT: contradicted by ord_no_duty [IN]"), std::string::npos) << r.out;
  // A new file: git passes /dev/null for the old side.
  fs::copy_file(graph("parler_v_aws"), fs::path(repo) / "second.json");
  ASSERT_EQ(g({"add", "second.json"}).status, 0);
  const auto added = g({"diff", "--cached", "--", "second.json"});
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_NE(added.out.find("--- /dev/null\n+++ b/second.json\n"), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("  + growth"), std::string::npos) << added.out;
}

}  // namespace
}  // namespace claimgraph
