// The view options of `export`: what they select from the showcase graph,
// and their errors.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
namespace test = claimgraph::test;

class ViewCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (test::program().empty()) GTEST_SKIP() << "the claimgraph program was not built";
  }
  static test::RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), test::program());
    return test::run(args);
  }
  static std::string parler() { return (test::graphs_dir() / "parler_v_aws.json").string(); }
  static std::vector<std::string> node_ids(const std::string& json) {
    std::vector<std::string> out;
    const auto parsed = nlohmann::json::parse(json);
    for (const auto& n : parsed.at("nodes")) out.push_back(n.at("id").get<std::string>());
    return out;
  }
  test::TempDir tmp_;
};

TEST_F(ViewCliTest, FocusWithDepthSelectsTheNodeAndWhatBearsOnIt) {
  const auto r = run({"export", parler(), "--to", "json", "--focus", "sherman", "--depth", "1"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(node_ids(r.out), (std::vector<std::string>{"sherman", "s1", "s2", "s3"}));
}

TEST_F(ViewCliTest, GroupViewKeepsOnlyThatCauseOfAction) {
  const auto r = run({"export", parler(), "--to", "json", "--group", "Sherman Act § 1"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j.at("nodes").empty());
  for (const auto& n : j.at("nodes")) EXPECT_EQ(n.at("group"), "Sherman Act § 1") << n.dump();
}

TEST_F(ViewCliTest, GapsOnlyDotReadsBackThroughGraphviz) {
  const auto r = run({"export", parler(), "--to", "dot", "--gaps-only", "--evaluate"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("digraph"), std::string::npos);
  if (test::dot_program().empty()) GTEST_SKIP() << "Graphviz dot is not installed";
  const auto dot = test::run({test::dot_program(), "-Tsvg"}, r.out);
  EXPECT_EQ(dot.status, 0) << dot.err;
}

TEST_F(ViewCliTest, ADepthMarksWhatItHidInTheDiagramAndThePage) {
  // Beneath s1 (the conspiracy) lie its supporters, AWS's denial, the
  // court's findings and their evidence: nine nodes; beneath s3, one.
  const auto dot = run({"export", parler(), "--to", "dot", "--focus", "sherman", "--depth", "1"});
  ASSERT_EQ(dot.status, 0) << dot.err;
  EXPECT_NE(dot.out.find("<B>+9 more below</B></FONT>>, tooltip=\"s1: "), std::string::npos) << dot.out;
  EXPECT_NE(dot.out.find("<B>+1 more below</B></FONT>>, tooltip=\"s3: "), std::string::npos) << dot.out;
  EXPECT_EQ(dot.out.find("more below</B></FONT>>, tooltip=\"s2: "), std::string::npos) << "nothing bears on s2";
  EXPECT_EQ(dot.out.find("more below</B></FONT>>, tooltip=\"sherman: "), std::string::npos) << "above the cut";
  // The page draws the same diagram; the JSON is the case file alone.
  const auto page = run({"export", parler(), "--to", "html", "--focus", "sherman", "--depth", "1"});
  ASSERT_EQ(page.status, 0) << page.err;
  EXPECT_NE(page.out.find(">+9 more below</text>"), std::string::npos);
  EXPECT_NE(page.out.find(">+1 more below</text>"), std::string::npos);
  const auto json = run({"export", parler(), "--to", "json", "--focus", "sherman", "--depth", "1"});
  EXPECT_EQ(json.out.find("more below"), std::string::npos);
  // Without a depth nothing is hidden.
  const auto all = run({"export", parler(), "--to", "dot", "--focus", "sherman"});
  EXPECT_EQ(all.out.find("more below"), std::string::npos);
}

TEST_F(ViewCliTest, ADepthWithoutAFocusIsAUsageError) {
  for (const char* command : {"export", "render"}) {
    SCOPED_TRACE(command);
    const fs::path out = tmp_ / "view.svg";
    const auto r = run({command, parler(), "-o", out.string(), "--depth", "2"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err,
              "--depth: needs --focus ID: it counts the levels of what bears on that node\n"
              "Run with --help for more information.\n");
    EXPECT_FALSE(fs::exists(out));
  }
}

TEST_F(ViewCliTest, UnknownGroupIsAnErrorThatNamesTheGroupsAndLeavesNoFile) {
  const fs::path out = tmp_ / "view.dot";
  const auto r = run({"export", parler(), "-o", out.string(), "--group", "Antitrust"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "claimgraph: error: no node has group \"Antitrust\" (groups: \"Breach of contract\", \"Preliminary "
            "injunction\", \"Sherman Act § 1\" or \"Tortious interference\")\n");
  EXPECT_FALSE(fs::exists(out));
  const auto focus = run({"export", parler(), "--to", "dot", "--focus", "shermann"});
  EXPECT_EQ(focus.status, 2);
  EXPECT_EQ(focus.err, "claimgraph: error: no node \"shermann\" to focus on; did you mean \"sherman\"?\n");
}

}  // namespace
