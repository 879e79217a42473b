#include "claimgraph/io/check_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

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

// Claims a few thousand apart lack evidence for every reason, the first
// of them far from the start, so that the lists' lines are rendered in
// chunks on two threads and the separators depend on lines in other chunks.
Graph many_claims(std::size_t claims, bool all_grounded) {
  Graph g;
  const auto add = [&g](std::string id, NodeKind kind) {
    Node n;
    n.id = std::move(id);
    n.kind = kind;
    n.label = "p";
    return g.add_node(std::move(n));
  };
  const auto evidence = add("ev", NodeKind::evidence);
  std::vector<Graph::NodeRef> claim;
  for (std::size_t i = 0; i < claims; ++i) claim.push_back(add("c" + std::to_string(i), NodeKind::claim));
  for (std::size_t i = 0; i < claims; ++i) {
    if (all_grounded || i < 5000 || i % 7 != 0) {
      g.add_edge(evidence, claim[i], Relation::supports);
    } else if (i % 3 == 0) {
      g.add_edge(claim[i - 1], claim[i], Relation::element_of);  // a grounded element
      const auto missing = add("m" + std::to_string(i), NodeKind::claim);
      g.add_edge(missing, claim[i], Relation::element_of);  // an element that lacks evidence
      g.add_edge(evidence, claim[i], Relation::contradicts);
    } else if (i % 3 == 1) {
      const auto other = add("x" + std::to_string(i), NodeKind::claim);
      g.add_edge(other, claim[i], Relation::supports);  // a cycle of two claims
      g.add_edge(claim[i], other, Relation::supports);
    }  // else unsupported
  }
  return g;
}

TEST(CheckReportThreads, ALargeReportIsTheSameOnTwoThreads) {
  for (const bool all_grounded : {false, true}) {
    const Graph g = many_claims(20'000, all_grounded);
    const auto report = analysis::check(g);
    ASSERT_EQ(report.lacking() == 0, all_grounded);
    if (!all_grounded) {  // every reason is there
      for (const auto gap : {analysis::Gap::unsupported, analysis::Gap::missing_elements, analysis::Gap::ungrounded}) {
        EXPECT_TRUE(std::any_of(report.claims.begin(), report.claims.end(),
                                [gap](const analysis::ClaimStatus& s) { return s.gap == gap; }))
            << analysis::to_string(gap);
      }
      EXPECT_FALSE(report.cycles.empty());
    }
    std::ostringstream one, two;
    write_check_json(one, g, report);
    write_check_json(two, g, report, nullptr, nullptr, 2);
    EXPECT_TRUE(one.str() == two.str()) << "the text on two threads differs";
    const auto j = nlohmann::json::parse(two.str());
    ASSERT_EQ(j["lacking_evidence"].size(), report.lacking());
    ASSERT_EQ(j["statuses"].size(), report.claims.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < report.claims.size(); ++i) {
      const auto& s = report.claims[i];
      EXPECT_EQ(j["statuses"][i]["id"], g.id(s.node));
      if (s.grounded) continue;
      EXPECT_EQ(j["lacking_evidence"][k]["id"], g.id(s.node));
      EXPECT_EQ(j["lacking_evidence"][k]["reason"], analysis::to_string(s.gap));
      ++k;
    }
  }
}

// The text report's chunks start anywhere in a group: each group's name
// must come once, before its first claim, and a blank line after its last,
// then the claims without a group under "(no group)".
TEST(CheckReportThreads, ALargeTextReportIsTheSameOnTwoThreadsGroupByGroup) {
  Graph g = many_claims(20'000, false);
  // Groups, as listed, that end and begin at the chunks' bounds (4096
  // claims a chunk) and within chunks: A the first chunk, B all of the
  // second but its last claim, C that one; D and E, which interleave in
  // node order, the third; the claims without a group from the fourth on.
  std::size_t k = 0;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    if (!is_claim_like(g.node(v).kind)) continue;
    auto& group = g.node(v).group;
    if (k < 4096) {
      group = "A";
    } else if (k < 8191) {
      group = "B";
    } else if (k == 8191) {
      group = "C";
    } else if (k < 12288) {
      group = k % 2 == 0 ? "E" : "D";
    }
    ++k;
  }
  ASSERT_GT(k, 12288U + 4096U) << "loose claims over more than one chunk";
  const auto report = analysis::check(g);
  std::ostringstream one, two;
  write_check_text(one, g, report);
  write_check_text(two, g, report, nullptr, nullptr, 2);
  EXPECT_TRUE(one.str() == two.str()) << "the text on two threads differs";
  // What each section should list: groups in order of first appearance,
  // each with its claims in node order, then the loose ones.
  std::vector<std::string> names;
  std::map<std::string, std::vector<std::string>> expected;
  for (const auto& s : report.claims) {
    const auto& group = g.node(s.node).group;
    const std::string name = group ? *group : "(no group)";
    if (group && !expected.contains(name)) names.push_back(name);
    expected[name].push_back(std::string(g.id(s.node)));
  }
  names.push_back("(no group)");
  // The sections as written: a name, its claims' lines (each with the
  // lines that say why, indented further), a blank line; the summary last.
  std::istringstream in(two.str());
  std::string line;
  for (const auto& name : names) {
    ASSERT_TRUE(std::getline(in, line));
    EXPECT_EQ(line, name);
    std::vector<std::string> ids;
    while (std::getline(in, line) && !line.empty()) {
      ASSERT_EQ(line.rfind("  ", 0), 0U) << "a section's line: " << line;
      if (line.rfind("      ", 0) == 0) continue;  // why a claim lacks evidence
      const std::size_t id = line.find(' ', 2) + 1;
      ids.push_back(line.substr(id, line.find(' ', id) - id));
    }
    EXPECT_EQ(line, "") << "a blank line ends section " << name;
    EXPECT_TRUE(ids == expected[name]) << "section " << name << ": " << ids.size() << " claims, expected "
                                       << expected[name].size();
  }
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line.rfind(std::to_string(report.claims.size()) + " claims and counterclaims: ", 0), 0U) << line;
  EXPECT_FALSE(std::getline(in, line)) << "after the summary: " << line;
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
