// `claimgraph evaluate --burden` and `claimgraph explain --burden`: the
// labels the burden of persuasion decided, in text and JSON, the words
// explain uses, and what is unchanged without the option.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support.hpp"

namespace claimgraph {
namespace {

using test::RunResult;

// Copying is proved; copyrightability is in equipoise but presumed (Google
// must disprove it); fair use, Google's defence, is in equipoise with
// Oracle's claim of market harm.
class BurdenCliTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    ProgramTest::SetUp();
    test::write_text(file_, R"({"claimgraph": 1, "nodes": [
  {"id": "infringement", "kind": "claim", "label": "Infringement", "party": "Oracle"},
  {"id": "copyrightable", "kind": "claim", "label": "Copyrightable", "party": "Oracle", "burden": "Google"},
  {"id": "method", "kind": "counterclaim", "label": "A method of operation", "party": "Google"},
  {"id": "copied", "kind": "claim", "label": "Copied", "party": "Oracle"},
  {"id": "fair_use", "kind": "counterclaim", "label": "Fair use", "party": "Google"},
  {"id": "market_harm", "kind": "claim", "label": "Market harm", "party": "Oracle"},
  {"id": "registration", "kind": "evidence", "label": "Registration", "source": "TX 464"},
  {"id": "expert", "kind": "evidence", "label": "Expert", "source": "Tr. 1033"},
  {"id": "comparison", "kind": "evidence", "label": "Comparison", "source": "TX 1"},
  {"id": "economist_g", "kind": "evidence", "label": "Google's economist", "source": "Tr. 2210"},
  {"id": "economist_o", "kind": "evidence", "label": "Oracle's economist", "source": "Tr. 2480"}
], "edges": [
  {"from": "copyrightable", "to": "infringement", "relation": "element-of"},
  {"from": "copied", "to": "infringement", "relation": "element-of"},
  {"from": "registration", "to": "copyrightable", "relation": "supports"},
  {"from": "expert", "to": "method", "relation": "supports"},
  {"from": "comparison", "to": "copied", "relation": "supports"},
  {"from": "method", "to": "copyrightable", "relation": "contradicts"},
  {"from": "copyrightable", "to": "method", "relation": "contradicts"},
  {"from": "economist_g", "to": "fair_use", "relation": "supports"},
  {"from": "economist_o", "to": "market_harm", "relation": "supports"},
  {"from": "fair_use", "to": "infringement", "relation": "contradicts"},
  {"from": "fair_use", "to": "market_harm", "relation": "contradicts"},
  {"from": "market_harm", "to": "fair_use", "relation": "contradicts"}
]}
)");
  }
  // The node of `report` (evaluate's JSON) with id `id`.
  static nlohmann::json node(const nlohmann::json& report, const std::string& id) {
    for (const auto& n : report["nodes"]) {
      if (n["id"] == id) return n;
    }
    ADD_FAILURE() << "no node " << id;
    return {};
  }
  // The line of `text` that holds `id` between spaces.
  static std::string line_of(const std::string& text, const std::string& id) {
    for (const auto& l : test::lines_of(text)) {
      if (l.find("  " + id + " — ") != std::string::npos) return l;
    }
    ADD_FAILURE() << "no line for " << id << " in\n" << text;
    return {};
  }
  test::TempDir tmp_;
  std::string file_ = (tmp_ / "copyright.json").string();
};

TEST_F(BurdenCliTest, EvaluateJsonMarksWhatTheBurdenDecided) {
  const RunResult r = claimgraph({"evaluate", file_, "--burden", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["burden"], true);
  auto decided = [&](const std::string& id, const char* status, const char* how, const char* bearer) {
    const auto n = node(report, id);
    EXPECT_EQ(n["status"], status) << id;
    EXPECT_EQ(n["decided_by"], "burden") << id;
    EXPECT_EQ(n["burden_decision"], how) << id;
    EXPECT_EQ(n["bearer"], bearer) << id;
  };
  decided("copyrightable", "IN", "stands", "Google");
  decided("method", "OUT", "fails-to-disprove", "Google");
  decided("fair_use", "OUT", "fails", "Google");
  decided("market_harm", "OUT", "fails", "Oracle");
  // Undecided only because of fair use, infringement follows it.
  const auto infringement = node(report, "infringement");
  EXPECT_EQ(infringement["status"], "IN");
  EXPECT_FALSE(infringement.contains("decided_by"));
}

TEST_F(BurdenCliTest, WithoutTheOptionNothingChanges) {
  const RunResult r = claimgraph({"evaluate", file_, "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_FALSE(report.contains("burden"));
  for (const char* id : {"infringement", "copyrightable", "method", "fair_use", "market_harm"}) {
    EXPECT_EQ(node(report, id)["status"], "UNDEC") << id;
    EXPECT_FALSE(node(report, id).contains("decided_by")) << id;
  }
  const RunResult text = claimgraph({"evaluate", file_});
  EXPECT_EQ(text.out.find("burden"), std::string::npos) << text.out;
}

TEST_F(BurdenCliTest, EvaluateTextSaysHowEachLabelWasDecided) {
  const RunResult r = claimgraph({"evaluate", file_, "--burden"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("Semantics: grounded, undecided issues decided by the burden of persuasion\n")) << r.out;
  EXPECT_TRUE(line_of(r.out, "fair_use").ends_with("  (undecided, so it fails: Google bears the burden)"));
  EXPECT_TRUE(line_of(r.out, "market_harm").ends_with("  (undecided, so it fails: Oracle bears the burden)"));
  EXPECT_TRUE(line_of(r.out, "copyrightable")
                  .ends_with("  (undecided, so it stands: Google bears the burden of disproving it)"));
  EXPECT_TRUE(line_of(r.out, "method")
                  .ends_with("  (undecided, so it fails: Google bears the burden of disproving copyrightable, "
                             "which it contradicts)"));
  EXPECT_EQ(line_of(r.out, "infringement").find("burden"), std::string::npos);
  EXPECT_NE(r.out.find("11 nodes: 8 IN, 3 OUT, 0 UNDEC; 4 decided by the burden; "), std::string::npos) << r.out;
}

TEST_F(BurdenCliTest, ExplainNamesTheBearer) {
  const RunResult fails = claimgraph({"explain", file_, "fair_use", "--burden"});
  ASSERT_EQ(fails.status, 0) << fails.err;
  EXPECT_NE(fails.out.find("\nStatus: OUT (grounded semantics, with the burden of persuasion): undecided, so it "
                           "fails: Google bears the burden.\n"),
            std::string::npos)
      << fails.out;
  const RunResult stands = claimgraph({"explain", file_, "copyrightable", "--burden"});
  EXPECT_NE(stands.out.find("\nStatus: IN (grounded semantics, with the burden of persuasion): undecided, so it "
                            "stands: Google bears the burden of disproving it.\n"),
            std::string::npos)
      << stands.out;
  const RunResult plain = claimgraph({"explain", file_, "fair_use"});
  EXPECT_NE(plain.out.find("\nStatus: UNDEC (grounded semantics): "), std::string::npos) << plain.out;
  const RunResult json = claimgraph({"explain", file_, "market_harm", "--burden", "--format", "json"});
  ASSERT_EQ(json.status, 0) << json.err;
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["status"], "OUT");
  EXPECT_EQ(j["decided_by"], "burden");
  EXPECT_EQ(j["bearer"], "Oracle");
  EXPECT_EQ(j["reason"], "undecided, so it fails: Oracle bears the burden");
}

TEST_F(BurdenCliTest, BurdenIsForGroundedSemanticsOnly) {
  const RunResult r = claimgraph({"evaluate", file_, "--burden", "--semantics", "preferred"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "claimgraph: error: --burden decides what grounded semantics leaves UNDEC; leave out --semantics\n");
}

TEST_F(BurdenCliTest, TheReportSaysWhatTheBurdenDecidedAndWhy) {
  const RunResult r = claimgraph({"export", file_, "--to", "markdown", "--evaluate", "--burden"});
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* says :
       {"Status of the 11 nodes (grounded semantics, undecided issues decided by the burden of persuasion): 8 IN, "
        "3 OUT, 0 UNDEC.",
        "- Undecided on the evidence, so it fails: Google bears the burden of persuasion.\n",
        "- Undecided on the evidence, so it fails: Oracle bears the burden of persuasion.\n",
        "- Undecided on the evidence, so it fails: Google bears the burden of disproving Copyrightable "
        "(copyrightable), which it contradicts.\n",
        "Claim of Oracle (infringement): grounded · IN"}) {
    EXPECT_NE(r.out.find(says), std::string::npos) << says << "\n" << r.out;
  }
  // Without it, the same report of the grounded labels alone.
  const RunResult plain = claimgraph({"export", file_, "--to", "markdown", "--evaluate"});
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_NE(plain.out.find("(grounded semantics): 6 IN, 0 OUT, 5 UNDEC."), std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find("burden"), std::string::npos) << plain.out;
  // A view that leaves out the presumed claim does not name it.
  const RunResult view =
      claimgraph({"export", file_, "--to", "markdown", "--evaluate", "--burden", "--focus", "method", "--depth", "0"});
  ASSERT_EQ(view.status, 0) << view.err;
  EXPECT_NE(view.out.find("so it fails: it does not disprove a presumed claim it contradicts (not shown here)."),
            std::string::npos)
      << view.out;
}

TEST_F(BurdenCliTest, ThePageSaysWhatTheBurdenDecided) {
  const RunResult page = claimgraph({"export", file_, "--to", "html", "--evaluate", "--burden"});
  ASSERT_EQ(page.status, 0) << page.err;
  // As evaluate's JSON gives it.
  EXPECT_NE(page.out.find(R"("status":"OUT","decided_by":"burden","burden_decision":"fails-to-disprove","bearer":"Google")"),
            std::string::npos);
  EXPECT_NE(page.out.find(R"("status":"IN","decided_by":"burden","burden_decision":"stands","bearer":"Google")"),
            std::string::npos);
  const RunResult plain = claimgraph({"export", file_, "--to", "html", "--evaluate"});
  EXPECT_EQ(plain.out.find(R"("decided_by":"burden")"), std::string::npos);
  // The header says how the statuses were decided.
  EXPECT_NE(page.out.find(" Status (grounded semantics, undecided issues decided by the burden of persuasion): "),
            std::string::npos);
  EXPECT_NE(plain.out.find(" Status (grounded semantics): "), std::string::npos);
  EXPECT_EQ(plain.out.find("burden of persuasion): "), std::string::npos);
}

TEST_F(BurdenCliTest, DiagramsColourWhatTheBurdenDecided) {
  const RunResult dot = claimgraph({"export", file_, "--to", "dot", "--evaluate", "--burden"});
  const RunResult grounded = claimgraph({"export", file_, "--to", "dot", "--evaluate"});
  ASSERT_EQ(dot.status, 0) << dot.err;
  ASSERT_EQ(grounded.status, 0) << grounded.err;
  // Each node's badge: Fair use is UNDEC by the grounded rules, OUT by the burden.
  EXPECT_NE(grounded.out.find("counterclaim · Google · <B>UNDEC </B>0.67</FONT><BR/>Fair use"), std::string::npos)
      << grounded.out;
  EXPECT_NE(dot.out.find("counterclaim · Google · <B>OUT </B>0.67</FONT><BR/>Fair use"), std::string::npos) << dot.out;
  const RunResult render = claimgraph({"render", file_, "--evaluate", "--burden", "-o", (tmp_ / "x.svg").string()});
  EXPECT_EQ(render.status, 0) << render.err;
  const std::string svg = test::read_text(tmp_ / "x.svg");
  // The badges ("OUT " and the strength): three fail by the burden, and
  // none is left undecided (the legend names every status).
  EXPECT_NE(svg.find("OUT </text>"), std::string::npos) << svg;
  EXPECT_EQ(svg.find("UNDEC </text>"), std::string::npos) << svg;
}

TEST_F(BurdenCliTest, TheBurdenNeedsTheStatuses) {
  const RunResult json = claimgraph({"export", file_, "--to", "json", "--evaluate", "--burden"});
  EXPECT_EQ(json.status, 2);
  EXPECT_EQ(json.err, "claimgraph: error: --burden decides statuses, and json holds the graph alone, without them\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"export", file_, "--to", "markdown", "--burden"},
        std::vector<std::string>{"render", file_, "--burden", "-o", (tmp_ / "y.svg").string()},
        std::vector<std::string>{"serve", file_, "--burden"}}) {
    const RunResult r = claimgraph(args);
    EXPECT_EQ(r.status, 2) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("give --evaluate too"), std::string::npos) << r.err;
  }
  // Chronologies always show the status: they need no --evaluate, and say
  // how it was decided.
  const RunResult chronology = claimgraph({"export", file_, "--to", "chronology-html", "--burden"});
  EXPECT_EQ(chronology.status, 0) << chronology.err;
  EXPECT_NE(chronology.out.find("as <code>claimgraph evaluate --burden</code> reports it"), std::string::npos)
      << chronology.out;
}

}  // namespace
}  // namespace claimgraph
