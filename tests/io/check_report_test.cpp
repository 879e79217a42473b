#include "claimgraph/io/check_report.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "claimgraph/builder.hpp"
#include "claimgraph/io/json_reader.hpp"

namespace claimgraph::io {
namespace {

class CheckReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    GraphBuilder b;
    b.title("Rivera v. Corner Market");
    b.claim("negligence", "Negligence").group("Negligence");
    b.claim("duty", "Duty").group("Negligence");
    b.claim("causation", "Causation").group("Negligence");
    b.claim("damages", "Damages\nand\tloss").group("Negligence");
    b.claim("slipped", "Slipped").group("Negligence");
    b.claim("fell", "Fell").group("Negligence");
    b.counterclaim("fault", "Comparative fault");
    b.claim("orphan", "Supported only by a bare claim");
    b.evidence("receipt", "Receipt");
    b.evidence("cctv", "CCTV");
    b.element_of("duty", "negligence");
    b.element_of("causation", "negligence");
    b.element_of("damages", "negligence");
    b.supports("receipt", "duty");
    b.supports("slipped", "causation");
    b.supports("slipped", "fell");
    b.supports("fell", "slipped");
    b.supports("cctv", "fault");
    b.contradicts("fault", "negligence");
    b.supports("damages", "orphan");
    graph_ = std::move(b).build();
    report_ = analysis::check(graph_);
  }
  Graph graph_;
  analysis::GroundingReport report_;
};

TEST_F(CheckReportTest, Text) {
  std::ostringstream out;
  write_check_text(out, graph_, report_);
  EXPECT_EQ(out.str(),
            "Rivera v. Corner Market\n"
            "\n"
            "Negligence\n"
            "  ✗ negligence — Negligence (contradicted by 1 grounded node)\n"
            "      missing-elements: 2 elements not grounded\n"
            "        - causation (Causation)\n"
            "        - damages (Damages and loss)\n"
            "  ✓ duty — Duty\n"
            "  ✗ causation — Causation\n"
            "      ungrounded: supported only by claims that lack evidence: slipped\n"
            "  ✗ damages — Damages and loss\n"
            "      unsupported: no evidence or claim supports it and it has no elements\n"
            "  ✗ slipped — Slipped\n"
            "      ungrounded: supported only through a cycle of claims: slipped → fell\n"
            "  ✗ fell — Fell\n"
            "      ungrounded: supported only through a cycle of claims: slipped → fell\n"
            "\n"
            "(no group)\n"
            "  ✓ fault — Comparative fault [counterclaim]\n"
            "  ✗ orphan — Supported only by a bare claim\n"
            "      ungrounded: supported only by claims that lack evidence: damages\n"
            "\n"
            "8 claims and counterclaims: 2 grounded, 6 lack evidence.\n");
}

TEST_F(CheckReportTest, Json) {
  std::ostringstream out;
  write_check_json(out, graph_, report_);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j, nlohmann::json::parse(R"({
    "claims": 8, "grounded": 2,
    "lacking_evidence": [
      {"id": "negligence", "kind": "claim", "reason": "missing-elements", "missing": ["causation", "damages"]},
      {"id": "causation", "kind": "claim", "reason": "ungrounded", "missing": [], "cause": "lacking-supporters",
       "supporters": ["slipped"]},
      {"id": "damages", "kind": "claim", "reason": "unsupported", "missing": []},
      {"id": "slipped", "kind": "claim", "reason": "ungrounded", "missing": [], "cause": "cycle",
       "supporters": ["fell"], "cycle": ["slipped", "fell"]},
      {"id": "fell", "kind": "claim", "reason": "ungrounded", "missing": [], "cause": "cycle",
       "supporters": ["slipped"], "cycle": ["slipped", "fell"]},
      {"id": "orphan", "kind": "claim", "reason": "ungrounded", "missing": [], "cause": "lacking-supporters",
       "supporters": ["damages"]}
    ],
    "statuses": [
      {"id": "negligence", "grounded": false, "reason": "missing-elements", "grounded_contradictions": 1},
      {"id": "duty", "grounded": true, "reason": "none", "grounded_contradictions": 0},
      {"id": "causation", "grounded": false, "reason": "ungrounded", "grounded_contradictions": 0},
      {"id": "damages", "grounded": false, "reason": "unsupported", "grounded_contradictions": 0},
      {"id": "slipped", "grounded": false, "reason": "ungrounded", "grounded_contradictions": 0},
      {"id": "fell", "grounded": false, "reason": "ungrounded", "grounded_contradictions": 0},
      {"id": "fault", "grounded": true, "reason": "none", "grounded_contradictions": 0},
      {"id": "orphan", "grounded": false, "reason": "ungrounded", "grounded_contradictions": 0}
    ]
  })"));
}

TEST_F(CheckReportTest, EmptyGraph) {
  const Graph g;
  const auto r = analysis::check(g);
  std::ostringstream text;
  write_check_text(text, g, r);
  EXPECT_EQ(text.str(), "0 claims and counterclaims: 0 grounded, 0 lack evidence.\n");
  std::ostringstream json;
  write_check_json(json, g, r);
  EXPECT_EQ(json.str(), "{\n  \"claims\": 0,\n  \"grounded\": 0,\n  \"lacking_evidence\": [],\n  \"statuses\": []\n}\n");
}

}  // namespace
}  // namespace claimgraph::io

namespace claimgraph::io {
namespace {

// The wording of each test's gap: any says no element stands, balance gives
// the weighing.
TEST(CheckReportTestsOfElements, NoElementAndOutweighed) {
  const auto input = read_json(R"({"claimgraph": 1, "nodes": [
    {"id": "alt", "kind": "claim", "label": "Alternatives", "test": "any"},
    {"id": "a", "kind": "claim", "label": "A"},
    {"id": "b", "kind": "claim", "label": "B"},
    {"id": "bal", "kind": "claim", "label": "Balance", "test": "balance"},
    {"id": "f1", "kind": "evidence", "label": "F1", "weight": 0.5},
    {"id": "f2", "kind": "claim", "label": "F2", "weight": 0.25},
    {"id": "f3", "kind": "claim", "label": "F3"}
  ], "edges": [
    {"from": "a", "to": "alt", "relation": "element-of"},
    {"from": "b", "to": "alt", "relation": "element-of"},
    {"from": "f1", "to": "bal", "relation": "element-of"},
    {"from": "f2", "to": "bal", "relation": "element-of"},
    {"from": "f3", "to": "bal", "relation": "element-of"}
  ]})");
  const auto report = analysis::check(input.graph);
  std::ostringstream text;
  write_check_text(text, input.graph, report);
  EXPECT_EQ(text.str(),
            "  ✗ alt — Alternatives\n"
            "      no-element: no element stands (its test is any): none of its 2 elements is grounded\n"
            "        - a (A)\n"
            "        - b (B)\n"
            "  ✗ a — A\n"
            "      unsupported: no evidence or claim supports it and it has no elements\n"
            "  ✗ b — B\n"
            "      unsupported: no evidence or claim supports it and it has no elements\n"
            "  ✗ bal — Balance\n"
            "      outweighed: the factors weigh against it: 0.50 grounded, 1.25 not grounded\n"
            "        - f2 (F2)\n"
            "        - f3 (F3)\n"
            "  ✗ f2 — F2\n"
            "      unsupported: no evidence or claim supports it and it has no elements\n"
            "  ✗ f3 — F3\n"
            "      unsupported: no evidence or claim supports it and it has no elements\n"
            "\n"
            "6 claims and counterclaims: 0 grounded, 6 lack evidence.\n");
  std::ostringstream json;
  write_check_json(json, input.graph, report);
  const auto j = nlohmann::json::parse(json.str());
  EXPECT_EQ(j["lacking_evidence"][0]["reason"], "no-element");
  EXPECT_EQ(j["lacking_evidence"][3]["reason"], "outweighed");
  EXPECT_EQ(j["lacking_evidence"][3]["weight_for"], 0.5);
  EXPECT_EQ(j["lacking_evidence"][3]["weight_against"], 1.25);
}

}  // namespace
}  // namespace claimgraph::io
