// `claimgraph lint`, and the lint findings that check, evaluate and export
// print as warnings: exit statuses, the text and JSON reports, -q.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "claimgraph/analysis/lint.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using test::RunResult;

class LintCliTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    ProgramTest::SetUp();
    test::write_text(dirty_, dirty_text);
    test::write_text(clean_, clean_text);
  }

  static constexpr const char* dirty_text = R"({"claimgraph": 1, "nodes": [
  {"id": "c", "kind": "claim", "label": "C", "party": "P"},
  {"id": "e", "kind": "evidence", "label": "E"}
], "edges": [
  {"from": "e", "to": "c", "relation": "supports"},
  {"from": "e", "to": "c", "relation": "supports"}
]}
)";
  static constexpr const char* clean_text = R"({"claimgraph": 1, "nodes": [
  {"id": "c", "kind": "claim", "label": "C", "party": "P"},
  {"id": "e", "kind": "evidence", "label": "E", "source": "Ex. 1"}
], "edges": [
  {"from": "e", "to": "c", "relation": "supports"}
]}
)";

  // The two findings of the dirty file, with `severity`, as printed.
  std::string warnings(const std::string& severity = "warning") const {
    const std::string f = dirty_.string();
    return f + ":3:3: " + severity + ": /nodes/1: evidence \"e\" has no source [L005 evidence-without-source]\n" + f +
           ":6:3: " + severity +
           ": /edges/1: \"e\" supports \"c\" twice: the same edge as edge 0 (counting from 0) [L003 duplicate-edge]\n";
  }

  test::TempDir tmp_;
  fs::path dirty_ = tmp_ / "dirty.json";
  fs::path clean_ = tmp_ / "clean.json";
};

TEST_F(LintCliTest, ReportsTheFindingsWithTheirFixesAndExitsZero) {
  const RunResult r = claimgraph({"lint", dirty_.string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  const std::string f = dirty_.string();
  EXPECT_EQ(r.out, f + ":3:3: warning: /nodes/1: evidence \"e\" has no source [L005 evidence-without-source]\n"
                       "  fix: add \"source\": the exhibit, filing, testimony or finding it comes from (\"Ex. 4\", "
                       "\"CMP ¶ 12\"), or a structured \"cite\"\n" +
                       f +
                       ":6:3: warning: /edges/1: \"e\" supports \"c\" twice: the same edge as edge 0 (counting from 0) "
                       "[L003 duplicate-edge]\n"
                       "  fix: delete this edge; the first one says the same\n"
                       "2 findings.\n");
}

TEST_F(LintCliTest, ACleanFileHasNoFindingsEvenWhenStrict) {
  for (const auto* strict : {"", "--strict"}) {
    std::vector<std::string> args{"lint", clean_.string()};
    if (*strict != '\0') args.emplace_back(strict);
    const RunResult r = claimgraph(args);
    EXPECT_EQ(r.status, 0) << strict;
    EXPECT_EQ(r.out, "No findings.\n");
    EXPECT_EQ(r.err, "");
  }
}

TEST_F(LintCliTest, StrictMakesFindingsErrorsAndExitsOne) {
  const RunResult r = claimgraph({"lint", dirty_.string(), "--strict"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find(dirty_.string() + ":3:3: error: /nodes/1: evidence \"e\" has no source"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("warning"), std::string::npos) << r.out;
  const RunResult j = claimgraph({"lint", dirty_.string(), "--strict", "--format", "json"});
  EXPECT_EQ(j.status, 1);
  EXPECT_EQ(nlohmann::json::parse(j.out)["findings"][0]["severity"], "error");
}

TEST_F(LintCliTest, TheJsonReportHasOneObjectPerFinding) {
  const RunResult r = claimgraph({"lint", dirty_.string(), "--format", "json"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report, nlohmann::json::parse(R"j({"findings": [
    {"code": "L005", "name": "evidence-without-source", "severity": "warning", "file": ")j" + dirty_.string() +
                                          R"j(", "line": 3, "column": 3, "pointer": "/nodes/1",
     "message": "evidence \"e\" has no source",
     "fix": "add \"source\": the exhibit, filing, testimony or finding it comes from (\"Ex. 4\", \"CMP ¶ 12\"), or a structured \"cite\""},
    {"code": "L003", "name": "duplicate-edge", "severity": "warning", "file": ")j" + dirty_.string() +
                                          R"j(", "line": 6, "column": 3, "pointer": "/edges/1",
     "message": "\"e\" supports \"c\" twice: the same edge as edge 0 (counting from 0)",
     "fix": "delete this edge; the first one says the same"}]})j"));
}

TEST_F(LintCliTest, BadInputExitsTwo) {
  test::write_text(tmp_ / "bad.json", R"({"claimgraph": 1, "nodes": [{"id": "c"}]})");
  const RunResult r = claimgraph({"lint", (tmp_ / "bad.json").string(), "--strict"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("error: /nodes/0: node is missing the required field \"kind\""), std::string::npos) << r.err;
}

TEST_F(LintCliTest, HelpListsEveryCodeAndTheExitStatuses) {
  const RunResult r = claimgraph({"lint", "--help"});
  EXPECT_EQ(r.status, 0);
  for (const auto& rule : analysis::lint_rules()) {
    EXPECT_NE(r.out.find(std::string(rule.id) + " " + std::string(rule.name) + ": " + std::string(rule.summary)),
              std::string::npos)
        << rule.name << "\n"
        << r.out;
  }
  EXPECT_NE(r.out.find("Exit status: 0 no findings, or findings without --strict; 1 some finding, with --strict; 2 "
                       "unusable input."),
            std::string::npos)
      << r.out;
}

TEST_F(LintCliTest, CheckEvaluateAndExportPrintTheFindingsAsWarnings) {
  const std::vector<std::vector<std::string>> commands{
      {"check", dirty_.string()},
      {"evaluate", dirty_.string()},
      {"evaluate", dirty_.string(), "--semantics", "preferred"},
      {"export", dirty_.string(), "--to", "json"}};
  for (const auto& args : commands) {
    const RunResult r = claimgraph(args);
    EXPECT_EQ(r.status, 0) << args[0];
    EXPECT_FALSE(r.out.empty()) << args[0];
    EXPECT_EQ(r.err, warnings()) << args[0];
    std::vector<std::string> quiet = args;
    quiet.insert(quiet.begin(), "-q");
    const RunResult q = claimgraph(quiet);
    EXPECT_EQ(q.status, 0) << args[0];
    EXPECT_EQ(q.out, r.out) << args[0];
    EXPECT_EQ(q.err, "") << args[0];
  }
  const RunResult clean = claimgraph({"check", clean_.string()});
  EXPECT_EQ(clean.err, "");
}

// The findings are worked out beside the command's own work (a second
// thread), and still come where they always came: before the writer's
// warnings, and before an error met after reading; evaluate gives them
// after its own analyses, so not on an error of those.
TEST_F(LintCliTest, TheFindingsComeBeforeWhatTheCommandSaysAfterThem) {
  const fs::path page = tmp_ / "dirty.html";
  const RunResult drawn = claimgraph({"export", dirty_.string(), "--to", "html", "-o", page.string(),
                                      "--max-render-nodes", "1"});
  EXPECT_EQ(drawn.status, 0) << drawn.err;
  EXPECT_EQ(drawn.err, warnings() + dirty_.string() +
                           ": warning: the diagram has 2 nodes, more than the limit of 1 for the dot layout; drawing "
                           "it with sfdp instead (groups are not drawn as clusters) (raise the limit with "
                           "--max-render-nodes, or draw a smaller view: --focus ID --depth N, --group G, --party P or "
                           "--gaps-only)\n");
  const std::string unknown = "claimgraph: error: --exclude nosuch: no node \"nosuch\" in " + dirty_.string() + "\n";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check", dirty_.string(), "--exclude", "nosuch"},
        std::vector<std::string>{"critical", dirty_.string(), "--exclude", "nosuch"},
        std::vector<std::string>{"export", dirty_.string(), "--to", "dot", "--exclude", "nosuch"},
        std::vector<std::string>{"evaluate", dirty_.string(), "--semantics", "preferred", "--exclude", "nosuch"}}) {
    const RunResult r = claimgraph(args);
    EXPECT_EQ(r.status, 2) << args[0];
    EXPECT_EQ(r.out, "") << args[0];
    EXPECT_EQ(r.err, warnings() + unknown) << args[0];
  }
  const RunResult evaluated = claimgraph({"evaluate", dirty_.string(), "--exclude", "nosuch"});
  EXPECT_EQ(evaluated.status, 2);
  EXPECT_EQ(evaluated.err, unknown);
}

TEST_F(LintCliTest, AnAbstractFrameworkGivesNoLintWarnings) {
  // Its arguments have no sources or parties and there is no claim: every
  // rule would fire on every node.
  test::write_text(tmp_ / "af.apx", "arg(a).\narg(b).\natt(a,b).\n");
  const RunResult r = claimgraph({"evaluate", (tmp_ / "af.apx").string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
}

TEST_F(LintCliTest, ManyFindingsAreCappedAmongWarnings) {
  std::string text = R"({"claimgraph": 1, "nodes": [{"id": "c", "kind": "claim", "label": "C", "party": "P"})";
  std::string edges;
  for (std::size_t i = 0; i < 25; ++i) {
    const std::string id = test::numbered("e", i);
    text += ",\n  {\"id\": \"" + id + "\", \"kind\": \"evidence\", \"label\": \"E\"}";
    edges += std::string(i == 0 ? "" : ",\n  ") + "{\"from\": \"" + id + "\", \"to\": \"c\", \"relation\": \"supports\"}";
  }
  text += "], \"edges\": [" + edges + "]}\n";
  const fs::path many = tmp_ / "many.json";
  test::write_text(many, text);
  const RunResult r = claimgraph({"check", many.string()});
  EXPECT_EQ(r.status, 0);
  const auto lines = test::lines_of(r.err);
  ASSERT_EQ(lines.size(), 21u) << r.err;
  EXPECT_EQ(lines.back(), many.string() + ": note: 5 more lint findings not shown; claimgraph lint lists them all");
  const RunResult all = claimgraph({"lint", many.string()});
  EXPECT_EQ(test::lines_of(all.out).back(), "25 findings.");
}

}  // namespace
}  // namespace claimgraph
