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

TEST_F(ViewCliTest, EachOutputForPeopleSaysWhichPartOfTheCaseItShows) {
  const std::string group = "Sherman Act \u00a7 1";
  auto exported = [&](const char* format, std::vector<std::string> view) {
    std::vector<std::string> args = {"export", parler(), "--to", format};
    args.insert(args.end(), view.begin(), view.end());
    const auto r = run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  };
  const std::vector<std::string> one = {"--group", group};
  EXPECT_NE(exported("markdown", one).find("\n**Part of the case:** group \u201cSherman Act \u00a7 1\u201d. The findings "
                                           "are of the whole case"),
            std::string::npos);
  EXPECT_NE(exported("dot", one).find("<FONT POINT-SIZE=\"11\">Part of the case: group \u201cSherman Act \u00a7 "
                                      "1\u201d</FONT>>"),
            std::string::npos);
  EXPECT_NE(exported("html", one).find("<p class=\"cg-scope\"><strong>Part of the case:</strong> group "
                                       "\u201cSherman Act \u00a7 1\u201d."),
            std::string::npos);
  EXPECT_NE(exported("chronology-html", one).find("<p class=\"scope\"><strong>Part of the case:</strong> group "
                                                  "\u201cSherman Act \u00a7 1\u201d."),
            std::string::npos);
  // Several criteria: all must hold, and the report says so.
  EXPECT_NE(exported("markdown", {"--focus", "sherman", "--depth", "2", "--party", "Parler"})
                .find("**Part of the case,** what meets all of these: \u201cAWS and Twitter conspired to restrain "
                      "trade (Sherman Act \u00a7 1)\u201d (sherman) and up to 2 levels of what bears on it; party "
                      "\u201cParler\u201d."),
            std::string::npos);
  // The whole case, redacted or not, and a case file for programs say nothing of the kind.
  EXPECT_EQ(exported("markdown", {}).find("Part of the case"), std::string::npos);
  EXPECT_EQ(exported("html", {"--redact", "element"}).find("Part of the case"), std::string::npos);
  EXPECT_EQ(exported("json", one).find("Part of the case"), std::string::npos);
  // A focus the output redacts is not named.
  const std::string masked = exported("markdown", {"--focus", "pi1", "--redact", "element"});
  EXPECT_NE(masked.find("**Part of the case:** a redacted node and what bears on it."), std::string::npos) << masked;
  EXPECT_EQ(masked.find("likely to succeed"), std::string::npos);
  EXPECT_EQ(masked.find("pi1"), std::string::npos);
  // A drawing says it under its title.
  if (test::dot_program().empty()) GTEST_SKIP() << "Graphviz dot is not installed";
  const fs::path svg = tmp_ / "group.svg";
  const auto drawn = run({"render", parler(), "--group", group, "-o", svg.string()});
  ASSERT_EQ(drawn.status, 0) << drawn.err;
  EXPECT_NE(test::read_text(svg).find("Part of the case: group \u201cSherman Act \u00a7 1\u201d</text>"),
            std::string::npos);
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
