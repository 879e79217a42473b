// `claimgraph new` and `claimgraph templates`: a case begun from every
// shipped template checks with every element lacking evidence; templates
// combine under prefixes; user templates come from --templates and
// $CLAIMGRAPH_TEMPLATES and override the shipped ones; every error says
// where and what, with its exit status.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using test::RunResult;

fs::path shipped_dir() { return test::source_dir() / "templates"; }

std::vector<std::string> shipped_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(shipped_dir())) {
    if (e.path().extension() == ".json") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string shipped_list() {
  std::string list;
  for (const auto& n : shipped_names()) list += (list.empty() ? "" : ", ") + n;
  return list;
}

// Runs claimgraph with `args`, and $CLAIMGRAPH_TEMPLATES set to `env` (empty:
// none), whatever the environment of the tests holds.
RunResult run_claimgraph(std::vector<std::string> args, const std::string& env = "") {
  args.insert(args.begin(), test::program());
  return test::run(args, std::nullopt, std::chrono::seconds::zero(), {"CLAIMGRAPH_TEMPLATES=" + env});
}

class NewCliTest : public test::ProgramTest {
 protected:
  test::TempDir tmp_;
  fs::path case_ = tmp_ / "case.json";
};

class NewEveryTemplateTest : public NewCliTest, public testing::WithParamInterface<std::string> {};

TEST_P(NewEveryTemplateTest, WritesACaseInWhichCheckFindsEveryElementLackingEvidence) {
  const RunResult r = run_claimgraph({"new", "--template", GetParam(), "--title", "A v. B", "-o", case_.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");

  // Read back with no warning and no lint finding.
  const RunResult lint = run_claimgraph({"lint", case_.string()});
  EXPECT_EQ(lint.status, 0);
  EXPECT_EQ(lint.out, "No findings.\n");
  EXPECT_EQ(lint.err, "");

  const RunResult check = run_claimgraph({"check", "--format", "json", case_.string()});
  EXPECT_EQ(check.status, 1) << check.err;
  EXPECT_EQ(check.err, "");
  const auto report = nlohmann::json::parse(check.out);
  const auto written = nlohmann::json::parse(test::read_text(case_));
  EXPECT_EQ(written["title"], "A v. B");
  std::set<std::string> elements;
  for (const auto& e : written["edges"]) {
    if (e["relation"] == "element-of") elements.insert(e["from"].get<std::string>());
  }
  EXPECT_GE(elements.size(), 2u);
  std::set<std::string> lacking;
  for (const auto& l : report["lacking_evidence"]) lacking.insert(l["id"].get<std::string>());
  for (const auto& e : elements) EXPECT_TRUE(lacking.contains(e)) << e << " is not reported as lacking evidence";
  EXPECT_EQ(report["grounded"], 0);
  for (const auto& n : written["nodes"]) {
    EXPECT_FALSE(n.value("source", "").empty()) << n["id"] << " has no legal source";
    EXPECT_NE(n["kind"], "evidence") << n["id"];
  }
}

INSTANTIATE_TEST_SUITE_P(Shipped, NewEveryTemplateTest, testing::ValuesIn(shipped_names()),
                         [](const testing::TestParamInfo<std::string>& p) {
                           std::string name = p.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST_F(NewCliTest, CombinesTemplatesUnderPrefixesOnStandardOutput) {
  const RunResult r = run_claimgraph({"new", "--template", "sherman-1:s1", "--template", "contract:k", "--party",
                                  "plaintiff=Parler LLC"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto g = nlohmann::json::parse(r.out);
  std::set<std::string> ids;
  for (const auto& n : g["nodes"]) {
    const std::string id = n["id"];
    EXPECT_TRUE(id.starts_with("s1_") || id.starts_with("k_")) << id;
    EXPECT_TRUE(ids.insert(id).second) << id << " twice";
    EXPECT_EQ(n["party"], "Parler LLC");
  }
  EXPECT_TRUE(ids.contains("s1_sherman1"));
  EXPECT_TRUE(ids.contains("k_contract"));
  EXPECT_EQ(g["description"], "Started from the claimgraph templates sherman-1:s1, contract:k.");
  EXPECT_FALSE(g.contains("title"));
}

TEST_F(NewCliTest, RefusesToOverwriteAFileWithoutForce) {
  test::write_text(case_, "mine\n");
  const RunResult r = run_claimgraph({"new", "--template", "contract", "-o", case_.string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, case_.string() + ": error: the file exists; claimgraph new does not overwrite it without --force\n");
  EXPECT_EQ(test::read_text(case_), "mine\n");
  const RunResult forced = run_claimgraph({"new", "--template", "contract", "-o", case_.string(), "--force"});
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_TRUE(test::read_text(case_).starts_with("{"));
}

TEST_F(NewCliTest, AnUnknownTemplateGetsTheNearestNameAndTheList) {
  const RunResult r = run_claimgraph({"new", "--template", "contrakt:k"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "claimgraph: error: --template contrakt:k: no template named \"contrakt\"; did you mean "
                   "\"contract\"? The templates are " +
                       shipped_list() + " (claimgraph templates lists them with their sources)\n");
  // The words of a title find the template too.
  const RunResult titled = run_claimgraph({"new", "--template", "breach of contract"});
  EXPECT_EQ(titled.status, 2);
  EXPECT_NE(titled.err.find("no template named \"breach of contract\"; did you mean \"contract\" (Breach of "
                            "contract)? The templates are "),
            std::string::npos)
      << titled.err;
}

TEST_F(NewCliTest, TheSameTemplateTwiceWithoutPrefixesIsRefused) {
  const RunResult r = run_claimgraph({"new", "--template", "contract", "--template", "contract", "-o", case_.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "claimgraph: error: the 2nd template, \"contract\", repeats the 1st without a prefix: their ids would "
                   "clash; give each use a prefix of its own, as in \"contract:a\" and \"contract:b\"\n");
  EXPECT_FALSE(fs::exists(case_));
}

TEST_F(NewCliTest, AMalformedUserTemplateIsNamedWithLineAndColumn) {
  const test::TempDir mine;
  test::write_text(mine / "lease.json", "{\"claimgraph\": 1,\n \"nodes\": [\n  {\"id\": \"c\", \"kind\": \"claim\"}\n]}\n");
  const RunResult r = run_claimgraph({"new", "--templates", mine.path().string(), "--template", "lease"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, (mine / "lease.json").string() + ":3:3: error: /nodes/0: node is missing the required field \"label\"\n");
}

TEST_F(NewCliTest, AMissingTemplateDirectoryIsAnError) {
  const RunResult r = run_claimgraph({"templates", "--templates", (tmp_ / "nowhere").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "claimgraph: error: --templates " + (tmp_ / "nowhere").string() + ": no such directory\n");
}

constexpr const char* user_negligence = R"json({
  "claimgraph": 1,
  "title": "Negligence (our firm's)",
  "template": {"authorities": ["Our notes"]},
  "nodes": [
    {"id": "negligence", "kind": "claim", "label": "They were careless", "party": "plaintiff", "group": "Ours",
     "source": "Our notes"},
    {"id": "duty", "kind": "claim", "label": "A duty", "party": "plaintiff", "group": "Ours", "source": "Our notes"}
  ],
  "edges": [{"from": "duty", "to": "negligence", "relation": "element-of"}]
}
)json";

TEST_F(NewCliTest, AUserTemplateFromTheEnvironmentOverridesTheShippedOne) {
  const test::TempDir mine;
  test::write_text(mine / "negligence.json", user_negligence);
  const RunResult list = run_claimgraph({"templates"}, "/nonexistent:" + mine.path().string());
  ASSERT_EQ(list.status, 0) << list.err;
  const std::string shown = "negligence — Negligence (our firm's)\n  file: " + (mine / "negligence.json").string() +
                            " ($CLAIMGRAPH_TEMPLATES)\n  overrides: " + (shipped_dir() / "negligence.json").string() +
                            " (source tree)\n  authorities:\n    Our notes\n\n";
  EXPECT_NE(list.out.find(shown), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("  /nonexistent ($CLAIMGRAPH_TEMPLATES, not found)\n"), std::string::npos) << list.out;

  const RunResult r = run_claimgraph({"new", "--template", "negligence"}, mine.path().string());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["nodes"][0]["label"], "They were careless");
}

TEST_F(NewCliTest, TemplatesGivenWithTheOptionComeBeforeTheEnvironment) {
  const test::TempDir first;
  const test::TempDir second;
  test::write_text(first / "negligence.json", user_negligence);
  test::write_text(second / "negligence.json", "{\"claimgraph\": 1, \"title\": \"Second\", \"nodes\": []}\n");
  const RunResult r = run_claimgraph({"templates", "--format", "json", "--templates", first.path().string()},
                                 second.path().string());
  ASSERT_EQ(r.status, 0) << r.err;
  const auto list = nlohmann::json::parse(r.out);
  nlohmann::json negligence;
  for (const auto& t : list["templates"]) {
    if (t["name"] == "negligence") negligence = t;
  }
  EXPECT_EQ(negligence["title"], "Negligence (our firm's)");
  EXPECT_EQ(negligence["origin"], "option");
  ASSERT_EQ(negligence["overrides"].size(), 2u);
  EXPECT_EQ(negligence["overrides"][0]["origin"], "environment");
  EXPECT_EQ(negligence["overrides"][1]["origin"], "source-tree");
  EXPECT_EQ(negligence["authorities"], nlohmann::json::array({"Our notes"}));
  EXPECT_EQ(list["directories"][0]["origin"], "option");
  EXPECT_EQ(list["directories"][0]["exists"], true);
}

TEST_F(NewCliTest, TemplatesListsEveryShippedTemplateWithItsAuthorities) {
  const RunResult r = run_claimgraph({"templates"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  for (const auto& name : shipped_names()) {
    EXPECT_TRUE(r.out.starts_with(name + " — ") || r.out.find("\n" + name + " — ") != std::string::npos) << name;
    EXPECT_NE(r.out.find("  file: " + (shipped_dir() / (name + ".json")).string() + " (source tree)\n"),
              std::string::npos)
        << name;
  }
  EXPECT_TRUE(r.out.starts_with("contract — Breach of contract\n")) << r.out;
  EXPECT_NE(r.out.find("    Winter v. Natural Resources Defense Council, Inc., 555 U.S. 7 (2008)\n"), std::string::npos);
  EXPECT_NE(r.out.find(std::to_string(shipped_names().size()) + " templates; "), std::string::npos);

  const RunResult json = run_claimgraph({"templates", "--format", "json"});
  ASSERT_EQ(json.status, 0) << json.err;
  const auto list = nlohmann::json::parse(json.out);
  ASSERT_EQ(list["templates"].size(), shipped_names().size());
  for (const auto& t : list["templates"]) {
    EXPECT_FALSE(t["authorities"].empty()) << t["name"];
    EXPECT_EQ(t["origin"], "source-tree");
  }
}

}  // namespace
}  // namespace claimgraph
