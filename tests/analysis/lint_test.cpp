// Every lint rule: a case file that triggers it, with the exact finding
// (place, message, code) it gives, and a clean file that gives none.

#include "claimgraph/analysis/lint.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/lint_report.hpp"
#include "claimgraph/io/scheme_reader.hpp"
#include "analysis/random_graph.hpp"
#include "support.hpp"

namespace claimgraph::analysis {
namespace {

// A case file with one node or edge a line: node i (from 0) starts at line
// 2 + i, column 3; edge j at line 3 + nodes + j, column 3.
std::string case_file(const std::vector<std::string>& nodes, const std::vector<std::string>& edges) {
  std::string text = "{\"claimgraph\": 1, \"nodes\": [\n";
  for (std::size_t i = 0; i < nodes.size(); ++i) text += "  " + nodes[i] + (i + 1 < nodes.size() ? ",\n" : "\n");
  text += "], \"edges\": [\n";
  for (std::size_t i = 0; i < edges.size(); ++i) text += "  " + edges[i] + (i + 1 < edges.size() ? ",\n" : "\n");
  return text + "]}\n";
}

// A case file read as "case.json", its places kept.
io::ReadResult read_case(const std::string& text) {
  io::ReadOptions options;
  options.file_name = "case.json";
  return io::read_json(text, options);
}

// The findings of a case file, each as the program prints it, with its fix.
std::vector<std::string> findings(const std::string& text) {
  const auto input = read_case(text);
  std::vector<std::string> out;
  for (const auto& f : io::lint_input(input, "case.json")) out.push_back(io::format(f) + "\n  fix: " + f.fix);
  return out;
}

// A node of `kind`, with a party (claims) or a source (evidence) when given.
Node node(const char* id, NodeKind kind, const char* party_or_source = nullptr) {
  Node n;
  n.id = id;
  n.kind = kind;
  n.label = id;
  if (party_or_source != nullptr) (kind == NodeKind::evidence ? n.source : n.party) = party_or_source;
  return n;
}

const std::string claim = R"({"id": "c", "kind": "claim", "label": "C", "party": "P"})";
const std::string evidence = R"({"id": "e", "kind": "evidence", "label": "E", "source": "Ex. 1"})";
const std::string counterclaim = R"({"id": "k", "kind": "counterclaim", "label": "K", "party": "D"})";

TEST(LintTest, ACleanCaseHasNoFindings) {
  EXPECT_EQ(findings(case_file({claim, evidence, counterclaim},
                               {R"({"from": "e", "to": "c", "relation": "supports"})",
                                R"({"from": "k", "to": "c", "relation": "contradicts"})"})),
            std::vector<std::string>{});
}

TEST(LintTest, EveryCodeHasOneRowAndIsFoundByIdAndName) {
  std::set<std::string> ids, names;
  for (std::size_t i = 0; i < lint_rules().size(); ++i) {
    const LintRule& r = lint_rules()[i];
    EXPECT_EQ(static_cast<std::size_t>(r.code), i) << r.name;
    EXPECT_EQ(r.id, test::numbered(i < 9 ? "L00" : "L0", i + 1));
    EXPECT_TRUE(ids.insert(std::string(r.id)).second);
    EXPECT_TRUE(names.insert(std::string(r.name)).second);
    EXPECT_EQ(find_lint_rule(r.id), &r);
    EXPECT_EQ(find_lint_rule(r.name), &r);
    EXPECT_EQ(&lint_rule(r.code), &r);
  }
  EXPECT_EQ(find_lint_rule("L999"), nullptr);
}

// The example cases and 200 random graphs, half with tests of elements.
std::vector<Graph> lint_cases() {
  std::vector<Graph> graphs;
  for (const char* name : {"parler_v_aws.json", "oracle_v_google.json", "deposit_dispute.json",
                           "negligence_example.json"}) {
    graphs.push_back(io::read_json(test::read_text(test::graphs_dir() / name)).graph);
  }
  std::mt19937 rng(20261206);
  for (int i = 0; i < 200; ++i) graphs.push_back(test::random_graph(rng, 12, i % 2 == 0));
  return graphs;
}

// Findings as lines that hold every field, to compare.
std::vector<std::string> as_text(const std::vector<LintFinding>& found) {
  std::vector<std::string> out;
  for (const auto& f : found) {
    std::string line = std::string(lint_rule(f.code).id) + " node " + (f.node ? std::to_string(*f.node) : "-") +
                       " edge " + (f.edge ? std::to_string(*f.edge) : "-") + " other " + std::to_string(f.other) +
                       " hint " + f.hint;
    for (const auto& n : f.names) line += " " + n;
    out.push_back(std::move(line));
  }
  return out;
}

class Kept final : public LintSink {
 public:
  void add(LintFinding finding) override { found.push_back(std::move(finding)); }
  std::vector<LintFinding> found;
};

// lint() gathers what its rules ask of the nodes and edges once for all
// of them; each rule run by itself (LintRule::run) gathers it for itself,
// and finds the same, in the same order.
TEST(LintTest, EachRuleByItselfFindsWhatItFindsInLint) {
  LintOptions options;
  options.schemes = &io::standard_schemes();
  std::size_t total = 0;
  for (const Graph& g : lint_cases()) {
    Kept alone;
    for (const LintRule& rule : lint_rules()) rule.run(g, options, alone);
    const auto all = lint(g, options);
    EXPECT_EQ(as_text(alone.found), as_text(all)) << test::describe(g);
    total += all.size();
  }
  EXPECT_GT(total, 200u);  // the cases have findings to compare
}

TEST(LintTest, RulesSharedOutAmongThreadsFindWhatOneThreadFinds) {
  LintOptions options;
  options.schemes = &io::standard_schemes();
  for (const Graph& g : lint_cases()) {
    std::vector<Kept> sinks(lint_rules().size());
    LintRun run(g, options, [&sinks](LintCode code) -> LintSink& { return sinks[static_cast<std::size_t>(code)]; });
    std::vector<std::thread> helpers;
    for (int t = 0; t < 3; ++t) helpers.emplace_back([&run] { run.run(); });
    run.finish();
    for (auto& helper : helpers) helper.join();
    std::vector<LintFinding> shared;
    for (auto& sink : sinks) shared.insert(shared.end(), sink.found.begin(), sink.found.end());
    EXPECT_EQ(as_text(shared), as_text(lint(g, options))) << test::describe(g);
  }
}

TEST(LintTest, WhatARuleThrowsReachesFinishWhicheverThreadRanIt) {
  class Full final : public LintSink {
   public:
    void add(LintFinding) override { throw std::length_error("no room for a finding"); }
  };
  Graph g;
  g.add_node(node("c", NodeKind::claim));  // L007: a claim without a party
  LintOptions options;
  for (int threads : {0, 1, 3}) {
    Full full;
    std::vector<Kept> sinks(lint_rules().size());
    LintRun run(g, options, [&](LintCode code) -> LintSink& {
      if (code == LintCode::claim_without_party) return full;
      return sinks[static_cast<std::size_t>(code)];
    });
    std::vector<std::thread> helpers;
    for (int t = 0; t < threads; ++t) helpers.emplace_back([&run] { run.run(); });
    for (auto& helper : helpers) helper.join();  // they leave nothing to finish
    EXPECT_THROW(run.finish(), std::length_error) << threads << " threads";
  }
}

TEST(LintTest, L001ReversedElement) {
  const auto text = case_file({R"({"id": "contract", "kind": "claim", "label": "Breach", "party": "P"})",
                               R"({"id": "k1", "kind": "claim", "label": "A contract", "party": "P"})",
                               R"({"id": "k2", "kind": "claim", "label": "A breach", "party": "P"})"},
                              {R"({"from": "contract", "to": "k1", "relation": "element-of"})",
                               R"({"from": "contract", "to": "k2", "relation": "element-of"})"});
  EXPECT_EQ(findings(text),
            (std::vector<std::string>{
                "case.json:6:3: warning: /edges/0: \"contract\" is written as an element of 2 nodes, \"k1\" among "
                "them, that have no other edge: the edge looks reversed [L001 reversed-element]\n"
                "  fix: an element is the \"from\" of element-of: {\"from\": \"k1\", \"to\": \"contract\", "
                "\"relation\": \"element-of\"}",
                "case.json:7:3: warning: /edges/1: \"contract\" is written as an element of 2 nodes, \"k2\" among "
                "them, that have no other edge: the edge looks reversed [L001 reversed-element]\n"
                "  fix: an element is the \"from\" of element-of: {\"from\": \"k2\", \"to\": \"contract\", "
                "\"relation\": \"element-of\"}"}));
}

TEST(LintTest, L001SparesAnElementOfTwoWholesAndNestedElements) {
  // "duty" is an element of two causes, each of which has other elements;
  // "s1" has elements and is itself an element.
  const auto text =
      case_file({R"({"id": "neg", "kind": "claim", "label": "Negligence", "party": "P"})",
                 R"({"id": "nui", "kind": "claim", "label": "Nuisance", "party": "P"})",
                 R"({"id": "duty", "kind": "claim", "label": "Duty", "party": "P"})",
                 R"({"id": "harm", "kind": "claim", "label": "Harm", "party": "P"})",
                 R"({"id": "a", "kind": "claim", "label": "A", "party": "P"})"},
                {R"({"from": "duty", "to": "neg", "relation": "element-of"})",
                 R"({"from": "duty", "to": "nui", "relation": "element-of"})",
                 R"({"from": "harm", "to": "neg", "relation": "element-of"})",
                 R"({"from": "harm", "to": "nui", "relation": "element-of"})",
                 R"({"from": "a", "to": "harm", "relation": "element-of"})"});
  EXPECT_EQ(findings(text), std::vector<std::string>{});
}

TEST(LintTest, L002IgnoredSupport) {
  const auto text = case_file({claim, R"({"id": "el", "kind": "claim", "label": "El", "party": "P"})", evidence,
                               R"({"id": "e2", "kind": "evidence", "label": "E2", "source": "Ex. 2"})"},
                              {R"({"from": "el", "to": "c", "relation": "element-of"})",
                               R"({"from": "e", "to": "el", "relation": "supports"})",
                               R"({"from": "e2", "to": "c", "relation": "supports"})"});
  EXPECT_EQ(findings(text),
            std::vector<std::string>{
                "case.json:9:3: warning: /edges/2: \"e2\" supports \"c\", which has elements: check and evaluate "
                "ignore this support and weigh its elements only [L002 ignored-support]\n"
                "  fix: point the support at the element of \"c\" it proves"});
}

TEST(LintTest, L003DuplicateEdge) {
  const auto text = case_file({claim, evidence}, {R"({"from": "e", "to": "c", "relation": "supports"})",
                                                  R"({"from": "e", "to": "c", "relation": "supports", "id": "s"})"});
  EXPECT_EQ(findings(text), std::vector<std::string>{
                                "case.json:6:3: warning: /edges/1: \"e\" supports \"c\" twice: the same edge as edge 0 "
                                "(counting from 0) [L003 duplicate-edge]\n"
                                "  fix: delete this edge; the first one says the same"});
}

TEST(LintTest, L003CountsUndercutsOfTheSameSupport) {
  const auto text =
      case_file({claim, evidence, R"({"id": "u", "kind": "evidence", "label": "U", "source": "Ex. 2"})"},
                {R"({"from": "e", "to": "c", "relation": "supports", "id": "s"})",
                 R"({"from": "u", "to": "s", "relation": "undercuts"})",
                 R"({"from": "u", "to": "s", "relation": "undercuts"})"});
  EXPECT_EQ(findings(text), std::vector<std::string>{
                                "case.json:8:3: warning: /edges/2: \"u\" undercuts the support from \"e\" to \"c\" "
                                "twice: the same edge as edge 1 (counting from 0) [L003 duplicate-edge]\n"
                                "  fix: delete this edge; the first one says the same"});
}

TEST(LintTest, L004SupportsAndContradicts) {
  const auto text = case_file({claim, evidence}, {R"({"from": "e", "to": "c", "relation": "contradicts"})",
                                                  R"({"from": "e", "to": "c", "relation": "supports"})"});
  EXPECT_EQ(findings(text),
            std::vector<std::string>{
                "case.json:6:3: warning: /edges/1: \"e\" both supports and contradicts \"c\" [L004 "
                "supports-and-contradicts]\n"
                "  fix: keep the relation the record bears out and delete the other, or split \"e\" into the part "
                "that supports and the part that contradicts"});
}

TEST(LintTest, L005EvidenceWithoutSource) {
  const auto text = case_file({claim, R"({"id": "e", "kind": "evidence", "label": "E"})"},
                              {R"({"from": "e", "to": "c", "relation": "supports"})"});
  EXPECT_EQ(findings(text), std::vector<std::string>{
                                "case.json:3:3: warning: /nodes/1: evidence \"e\" has no source [L005 "
                                "evidence-without-source]\n"
                                "  fix: add \"source\": the exhibit, filing, testimony or finding it comes from "
                                "(\"Ex. 4\", \"CMP ¶ 12\"), or a structured \"cite\""});
}

TEST(LintTest, L005SparesEvidenceWithACitationOnly) {
  const auto text = case_file({claim, R"({"id": "e", "kind": "evidence", "label": "E", "cite": {"exhibit": "PX-1"}})"},
                              {R"({"from": "e", "to": "c", "relation": "supports"})"});
  EXPECT_EQ(findings(text), std::vector<std::string>{});
}

TEST(LintTest, L016EvidenceWithoutCitationInACaseThatCites) {
  const std::string cited = R"({"id": "e", "kind": "evidence", "label": "E", "source": "Ex. 1", "cite": {"exhibit": "1"}})";
  const std::string uncited = R"({"id": "f", "kind": "evidence", "label": "F", "source": "Ex. 2"})";
  const std::string bare = R"({"id": "g", "kind": "evidence", "label": "G"})";
  const std::vector<std::string> edges{R"({"from": "e", "to": "c", "relation": "supports"})",
                                       R"({"from": "f", "to": "c", "relation": "supports"})",
                                       R"({"from": "g", "to": "c", "relation": "supports"})"};
  const auto found = findings(case_file({claim, cited, uncited, bare}, edges));
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].substr(0, found[0].find('\n')),
            "case.json:4:3: warning: /nodes/2: evidence \"f\" has no citation, though the case cites 1 of its 3 pieces "
            "of evidence: its source \"Ex. 2\" is free text, which the chronology and the exhibit columns cannot use "
            "[L016 evidence-without-citation]");
  // Evidence with no source at all is L005's alone.
  EXPECT_NE(found[1].find("[L005 evidence-without-source]"), std::string::npos);
  // A case that cites nothing is not asked to.
  const std::string free_text = R"({"id": "e", "kind": "evidence", "label": "E", "source": "Ex. 1"})";
  EXPECT_EQ(findings(case_file({claim, free_text, uncited}, {edges[0], edges[1]})), std::vector<std::string>{});
}

TEST(LintTest, L017QuoteWithoutPin) {
  const auto one = case_file(
      {claim, R"({"id": "e", "kind": "evidence", "label": "E", "cite": {"document": "D", "quote": "words"}})"},
      {R"({"from": "e", "to": "c", "relation": "supports"})"});
  EXPECT_EQ(findings(one), std::vector<std::string>{
                               "case.json:3:3: warning: /nodes/1: evidence \"e\": the citation quotes the record but "
                               "gives no pin cite: a reader cannot find the words [L017 quote-without-pin]\n"
                               "  fix: add \"pin\" to the citation: the page, paragraph or line the words stand at "
                               "(\"at 4:12–18\", \"¶ 14\")"});
  // On a claim too, and only the citation without a pin.
  const auto two = case_file(
      {R"({"id": "c", "kind": "claim", "label": "C", "party": "P", "cite": [{"document": "D", "quote": "q", "pin": "at 2"},
          {"document": "D", "quote": "q"}, {"document": "D"}]})",
       evidence},
      {R"({"from": "e", "to": "c", "relation": "supports"})"});
  const auto found = findings(two);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_NE(found[0].find("claim \"c\": citation 2 quotes the record"), std::string::npos) << found[0];
}

TEST(LintTest, L006BearsOnNoClaim) {
  const auto text = case_file({claim, evidence, R"({"id": "x", "kind": "evidence", "label": "X", "source": "Ex. 2"})",
                               R"({"id": "y", "kind": "evidence", "label": "Y", "source": "Ex. 3"})"},
                              {R"({"from": "e", "to": "c", "relation": "supports"})",
                               R"({"from": "y", "to": "x", "relation": "supports"})"});
  const std::string fix = "  fix: add an edge from ";
  EXPECT_EQ(findings(text),
            (std::vector<std::string>{
                "case.json:4:3: warning: /nodes/2: evidence \"x\" bears on no claim: no edge leads from it, directly "
                "or through other nodes, to a claim or counterclaim [L006 bears-on-no-claim]\n" +
                    fix + "\"x\" to the claim or counterclaim it bears on, or delete it",
                "case.json:5:3: warning: /nodes/3: evidence \"y\" bears on no claim: no edge leads from it, directly "
                "or through other nodes, to a claim or counterclaim [L006 bears-on-no-claim]\n" +
                    fix + "\"y\" to the claim or counterclaim it bears on, or delete it"}));
}

TEST(LintTest, L007ClaimWithoutParty) {
  const auto text = case_file({R"({"id": "c", "kind": "claim", "label": "C"})", evidence},
                              {R"({"from": "e", "to": "c", "relation": "supports"})"});
  EXPECT_EQ(findings(text), std::vector<std::string>{
                                "case.json:2:3: warning: /nodes/0: claim \"c\" has no party [L007 claim-without-party]\n"
                                "  fix: add \"party\": who asserts it (\"Parler\", \"AWS\")"});
}

TEST(LintTest, L008GroupOfOne) {
  const auto text = case_file(
      {R"({"id": "c", "kind": "claim", "label": "C", "party": "P", "group": "Sherman Act"})",
       R"({"id": "e", "kind": "evidence", "label": "E", "source": "Ex. 1", "group": "Sherman Act"})",
       R"({"id": "d", "kind": "claim", "label": "D", "party": "P", "group": "Sherman Acts"})",
       R"({"id": "f", "kind": "claim", "label": "F", "party": "P", "group": "Contract"})"},
      {R"({"from": "e", "to": "c", "relation": "supports"})", R"({"from": "e", "to": "d", "relation": "supports"})",
       R"({"from": "e", "to": "f", "relation": "supports"})"});
  EXPECT_EQ(findings(text),
            (std::vector<std::string>{
                "case.json:4:3: warning: /nodes/2: group \"Sherman Acts\" has one node, \"d\" [L008 group-of-one]\n"
                "  fix: did you mean group \"Sherman Act\"? Otherwise drop the \"group\" of \"d\"",
                "case.json:5:3: warning: /nodes/3: group \"Contract\" has one node, \"f\" [L008 group-of-one]\n"
                "  fix: put \"f\" in the group it belongs with, or drop its \"group\""}));
}

TEST(LintTest, L008FindsEveryGroupOfOneAmongManyGroups) {
  // Enough groups that the count of each outgrows any small table: 700
  // groups of two, met apart, and every seventh of 300 more alone, in an
  // order of their own; only those alone are found, in node order, with
  // no suggestion (over 500 groups to suggest from).
  Graph g;
  std::vector<std::string> lonely;
  for (std::size_t i = 0; i < 1'700; ++i) {
    const std::string id = "n" + std::to_string(i);
    Node n = node(id.c_str(), NodeKind::claim, "P");
    const std::size_t k = (i * 389) % 1'700;  // each number below 1,700 once
    n.group = k < 1'400 ? "G" + std::to_string(k / 2) : "alone " + std::to_string(k);
    if (k >= 1'400) lonely.push_back(n.id);
    g.add_node(std::move(n));
  }
  std::vector<std::string> found;
  for (const LintFinding& f : lint(g)) {
    if (f.code != LintCode::group_of_one) continue;
    ASSERT_TRUE(f.node.has_value());
    const std::string id(g.id(*f.node));
    found.push_back(id);
    EXPECT_EQ(describe(g, f).fix, "put \"" + id + "\" in the group it belongs with, or drop its \"group\"");
  }
  EXPECT_EQ(found, lonely);
  EXPECT_EQ(found.size(), 300U);
}

TEST(LintTest, L009IdleCounterclaim) {
  const auto text = case_file({claim, evidence, counterclaim}, {R"({"from": "e", "to": "c", "relation": "supports"})",
                                                                R"({"from": "k", "to": "c", "relation": "supports"})"});
  EXPECT_EQ(findings(text), std::vector<std::string>{
                                "case.json:4:3: warning: /nodes/2: counterclaim \"k\" contradicts and undercuts "
                                "nothing [L009 idle-counterclaim]\n"
                                "  fix: add a contradicts edge from \"k\" to the claim it answers, or make it a claim"});
}

TEST(LintTest, L009SparesACounterclaimThatUndercuts) {
  const auto text = case_file({claim, evidence, counterclaim},
                              {R"({"from": "e", "to": "c", "relation": "supports", "id": "s"})",
                               R"({"from": "k", "to": "s", "relation": "undercuts"})"});
  EXPECT_EQ(findings(text), std::vector<std::string>{});
}

TEST(LintTest, L010UndercutOfASupportWhoseIdWasMadeUp) {
  Graph g;
  const auto c = g.add_node(node("c", NodeKind::claim, "P"));
  const auto e = g.add_node(node("e", NodeKind::evidence, "Ex. 1"));
  const auto u = g.add_node(node("u", NodeKind::evidence, "Ex. 2"));
  g.add_edge(e, c, Relation::supports);
  g.add_undercut(u, 0);  // names the supports edge "e0"
  const auto found = lint(g);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, LintCode::undercut_unnamed_support);
  EXPECT_EQ(found[0].edge, 1u);
  const auto text = describe(g, found[0]);
  EXPECT_EQ(text.message, "\"u\" undercuts the support from \"e\" to \"c\", whose id \"e0\" the input did not give");
  EXPECT_EQ(text.fix, "in a case file (claimgraph import writes one), give that supports edge an \"id\" of its own and "
                          "name it in the undercut's \"to\"");
  // What the reader says wins over the form of the id.
  EXPECT_TRUE(lint(g, {.edge_id_written = {true, false}}).empty());
  EXPECT_EQ(lint(g, {.edge_id_written = {false, false}}).size(), 1u);
}

TEST(LintTest, L010SparesAnIdTheCaseFileWrites) {
  // In a case file, the id an undercut names is always written, even one of
  // the form the graph would make up.
  const auto text = case_file({claim, evidence, R"({"id": "u", "kind": "evidence", "label": "U", "source": "Ex. 2"})"},
                              {R"({"from": "e", "to": "c", "relation": "supports", "id": "e0"})",
                               R"({"from": "u", "to": "e0", "relation": "undercuts"})"});
  EXPECT_EQ(findings(text), std::vector<std::string>{});
}

TEST(LintTest, L011SimilarIds) {
  const auto text =
      case_file({claim, R"({"id": "Deal", "kind": "evidence", "label": "Deal", "source": "Ex. 1"})",
                 R"({"id": "deal", "kind": "evidence", "label": "Deal", "source": "Ex. 1"})",
                 R"({"id": "de-al", "kind": "evidence", "label": "Deal", "source": "Ex. 1"})",
                 R"({"id": "déal", "kind": "evidence", "label": "Deal", "source": "Ex. 1"})"},
                {R"({"from": "Deal", "to": "c", "relation": "supports"})",
                 R"({"from": "deal", "to": "c", "relation": "contradicts"})",
                 R"({"from": "de-al", "to": "c", "relation": "contradicts"})",
                 R"({"from": "déal", "to": "c", "relation": "contradicts"})"});
  EXPECT_EQ(findings(text),
            (std::vector<std::string>{
                "case.json:4:3: warning: /nodes/2: id \"deal\" differs from \"Deal\" only in case or punctuation "
                "[L011 similar-ids]\n"
                "  fix: if they are one node, merge them under one id; if not, give them ids that differ in words",
                "case.json:5:3: warning: /nodes/3: id \"de-al\" differs from \"Deal\" only in case or punctuation "
                "[L011 similar-ids]\n"
                "  fix: if they are one node, merge them under one id; if not, give them ids that differ in words"}));
}

TEST(LintTest, L012IdleTest) {
  const auto text = case_file(
      {R"({"id": "c", "kind": "claim", "label": "C", "party": "P", "test": "any"})",
       R"({"id": "e", "kind": "evidence", "label": "E", "source": "Ex. 1", "test": "all"})",
       R"({"id": "w", "kind": "claim", "label": "W", "party": "P", "test": "balance"})",
       R"({"id": "k", "kind": "claim", "label": "K", "party": "P"})"},
      {R"({"from": "e", "to": "c", "relation": "supports"})", R"({"from": "k", "to": "w", "relation": "element-of"})",
       R"({"from": "e", "to": "k", "relation": "supports"})"});
  EXPECT_EQ(findings(text),
            (std::vector<std::string>{
                "case.json:2:3: warning: /nodes/0: claim \"c\" has \"test\": \"any\" but no elements: the test decides "
                "nothing [L012 idle-test]\n"
                "  fix: add the element-of edges into \"c\" that the test weighs, or drop its \"test\"",
                "case.json:3:3: warning: /nodes/1: evidence \"e\" has \"test\": \"all\", which only a claim with "
                "elements uses: it decides nothing [L012 idle-test]\n"
                "  fix: drop the \"test\" of \"e\", or put it on the claim whose elements it decides"}));
}

TEST(LintTest, FindingsComeInTheOrderOfTheFile) {
  // Edges written before nodes: the edge's finding comes first.
  const std::string text =
      "{\"claimgraph\": 1, \"edges\": [\n"
      "  {\"from\": \"e\", \"to\": \"c\", \"relation\": \"supports\"},\n"
      "  {\"from\": \"e\", \"to\": \"c\", \"relation\": \"supports\"}\n"
      "], \"nodes\": [\n"
      "  {\"id\": \"c\", \"kind\": \"claim\", \"label\": \"C\"},\n"
      "  {\"id\": \"e\", \"kind\": \"evidence\", \"label\": \"E\"}\n"
      "]}\n";
  const auto input = read_case(text);
  std::vector<std::string> lines;
  for (const auto& f : io::lint_input(input, "case.json", Severity::error)) lines.push_back(f.diagnostic.format());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "case.json:3:3: error: /edges/1: \"e\" supports \"c\" twice: the same edge as edge 0 (counting "
                       "from 0)",
                       "case.json:5:3: error: /nodes/0: claim \"c\" has no party",
                       "case.json:6:3: error: /nodes/1: evidence \"e\" has no source"}));
}

TEST(LintTest, ColumnsCountCharactersAndTheJsonReportHasItsShape) {
  const std::string text = "{\"claimgraph\": 1, \"title\": \"é\", \"nodes\": [{\"id\": \"c\", \"kind\": \"claim\", "
                           "\"label\": \"C\"}]}";
  const auto input = read_case(text);
  const auto found = io::lint_input(input, "case.json");
  std::ostringstream out;
  io::write_lint_json(out, found);
  const auto json = nlohmann::json::parse(out.str());
  ASSERT_EQ(json.size(), 1u);
  ASSERT_EQ(json["findings"].size(), 1u);
  EXPECT_EQ(json["findings"][0], nlohmann::json::parse(R"j({"code": "L007", "name": "claim-without-party",
      "severity": "warning", "file": "case.json", "line": 1, "column": 43, "pointer": "/nodes/0",
      "message": "claim \"c\" has no party", "fix": "add \"party\": who asserts it (\"Parler\", \"AWS\")"})j"));
  std::ostringstream none;
  io::write_lint_json(none, {});
  EXPECT_EQ(none.str(), "{\n  \"findings\": []\n}\n");
  std::ostringstream text_out;
  io::write_lint_text(text_out, found);
  EXPECT_EQ(text_out.str(),
            "case.json:1:43: warning: /nodes/0: claim \"c\" has no party [L007 claim-without-party]\n"
            "  fix: add \"party\": who asserts it (\"Parler\", \"AWS\")\n"
            "1 finding.\n");
}

TEST(LintTest, TheFirstFindingsAreTheFirstOfAllInTheSameOrder) {
  // Edges written before nodes, and findings of many rules, so that the
  // order of the places differs from the order the rules find them in.
  std::string text = "{\"claimgraph\": 1, \"edges\": [\n";
  for (int i = 0; i < 12; ++i) {
    text += "  {\"from\": \"e" + std::to_string(i) + "\", \"to\": \"c\", \"relation\": \"supports\"},\n";
    text += "  {\"from\": \"e" + std::to_string(i) + "\", \"to\": \"c\", \"relation\": \"contradicts\"},\n";
  }
  text += "  {\"from\": \"k\", \"to\": \"c\", \"relation\": \"supports\"}\n], \"nodes\": [\n";
  text += "  {\"id\": \"c\", \"kind\": \"claim\", \"label\": \"C\"},\n";
  text += "  {\"id\": \"k\", \"kind\": \"counterclaim\", \"label\": \"K\"}";
  for (int i = 0; i < 12; ++i) text += ",\n  {\"id\": \"e" + std::to_string(i) + "\", \"kind\": \"evidence\", \"label\": \"E\"}";
  text += "\n]}\n";
  const auto input = read_case(text);
  const auto all = io::lint_input(input, "case.json");
  ASSERT_EQ(all.size(), 12u + 2u + 1u + 12u);  // L004 each pair; L007 twice; L009; L005 each evidence
  for (std::size_t limit : {std::size_t{0}, std::size_t{1}, std::size_t{5}, std::size_t{20}, all.size(),
                            all.size() + 3}) {
    // On one thread, and with a second one taking rules (as a command's
    // own thread does once its work is done).
    for (const bool helped : {false, true}) {
      io::LintInputRun run(input, "case.json", limit);
      std::thread helper;
      if (helped) helper = std::thread([&run] { run.help(); });
      const auto some = run.finish();
      if (helper.joinable()) helper.join();
      EXPECT_EQ(some.total, all.size());
      ASSERT_EQ(some.first.size(), std::min(limit, all.size()));
      for (std::size_t i = 0; i < some.first.size(); ++i) {
        EXPECT_EQ(io::format(some.first[i]), io::format(all[i])) << "limit " << limit << ", finding " << i;
        EXPECT_EQ(some.first[i].fix, all[i].fix);
      }
    }
    EXPECT_EQ(io::lint_input_first(input, "case.json", limit).total, all.size());
  }
  // All of them: what analysis::lint finds, ordered by place and then by
  // code, ties in the order found (a stable sort, apart from the report).
  auto found = analysis::lint(input.graph);
  const auto place = [&](const analysis::LintFinding& f) {
    const auto p = f.edge ? input.places.edges[*f.edge] : input.places.nodes[*f.node];
    return std::pair(p.line, p.column);
  };
  std::stable_sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
    return std::pair(place(a), a.code) < std::pair(place(b), b.code);
  });
  ASSERT_EQ(found.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].code, found[i].code) << i;
    EXPECT_EQ(all[i].diagnostic.where.line, place(found[i]).first) << i;
    EXPECT_EQ(all[i].diagnostic.where.column, place(found[i]).second) << i;
  }
  // In the order of their places: the edges come first in this file.
  EXPECT_EQ(io::format(all[0]), "case.json:3:3: warning: /edges/1: \"e0\" both supports and contradicts \"c\" "
                                "[L004 supports-and-contradicts]");
}

TEST(LintTest, ARulesFindingsOutOfTheFilesOrderAreShownInIt) {
  // L013 looks at the nodes, then the edges; this file writes the edges
  // first, so the rule finds the later place first.
  const std::string text =
      "{\"claimgraph\": 1, \"edges\": [\n"
      "  {\"from\": \"e\", \"to\": \"c\", \"relation\": \"supports\", \"scheme\": \"no-such-a\"}\n"
      "], \"nodes\": [\n"
      "  {\"id\": \"c\", \"kind\": \"claim\", \"label\": \"C\", \"party\": \"P\", \"scheme\": \"no-such-b\"},\n"
      "  {\"id\": \"e\", \"kind\": \"evidence\", \"label\": \"E\", \"source\": \"S\"}\n"
      "]}\n";
  const auto input = read_case(text);
  for (const std::size_t limit : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t(-1)}) {
    const auto found = io::lint_input_first(input, "case.json", limit, Severity::warning, &io::standard_schemes()).first;
    std::vector<std::string> lines;
    for (const auto& f : found) {
      if (f.code == LintCode::unknown_scheme) lines.push_back(f.diagnostic.where.pointer);
    }
    std::vector<std::string> expected{"/edges/0", "/nodes/0"};  // the only findings
    expected.resize(std::min<std::size_t>(limit, 2));
    EXPECT_EQ(lines, expected) << "limit " << limit;
  }
}

TEST(LintTest, ManyFindingsWordedOnTwoThreadsAsOnOne) {
  // Enough findings for the wording to take a second thread: claims
  // without a party (L007), each supported by evidence without a source
  // (L005), so that two rules' findings interleave by place.
  std::vector<std::string> nodes, edges;
  for (int i = 0; i < 3000; ++i) {
    nodes.push_back("{\"id\": \"c" + std::to_string(i) + "\", \"kind\": \"claim\", \"label\": \"C\"}");
    nodes.push_back("{\"id\": \"e" + std::to_string(i) + "\", \"kind\": \"evidence\", \"label\": \"E\"}");
    edges.push_back("{\"from\": \"e" + std::to_string(i) + "\", \"to\": \"c" + std::to_string(i) +
                    "\", \"relation\": \"supports\"}");
  }
  const auto input = read_case(case_file(nodes, edges));
  const auto lines = [](const io::LintSummary& summary) {
    std::vector<std::string> out;
    for (const auto& f : summary.first) out.push_back(io::format(f) + " fix: " + f.fix);
    return out;
  };
  const auto one = io::LintInputRun(input, "case.json", std::size_t(-1)).finish(1);
  const auto two = io::LintInputRun(input, "case.json", std::size_t(-1)).finish(2);
  ASSERT_EQ(one.first.size(), 6000u);
  EXPECT_EQ(two.total, one.total);
  EXPECT_EQ(lines(two), lines(one));
  EXPECT_EQ(io::format(two.first[5999]), "case.json:6001:3: warning: /nodes/5999: evidence \"e2999\" has no source "
                                         "[L005 evidence-without-source]");
}

// What `claimgraph lint` writes: the findings placed, each worded when
// asked for, are the words of the first findings (of one run and another).
TEST(LintTest, PlacedFindingsAreWordedAsTheFirstFindingsAre) {
  std::size_t notes = 0, compared = 0;
  for (const Graph& g : lint_cases()) {
    io::ReadResult input;
    input.graph = g;
    for (const std::size_t limit : {std::size_t{3}, std::size_t(-1)}) {
      for (const Severity severity : {Severity::warning, Severity::error}) {
        const auto summary =
            io::LintInputRun(input, "case.json", limit, severity, &io::standard_schemes()).finish();
        const auto placed =
            io::LintInputRun(input, "case.json", limit, severity, &io::standard_schemes()).finish_placed();
        EXPECT_EQ(placed.total(), summary.total);
        ASSERT_EQ(placed.size(), summary.first.size()) << test::describe(g);
        for (std::size_t i = 0; i < placed.size(); ++i) {
          const auto f = placed.at(i);
          EXPECT_EQ(io::format(f), io::format(summary.first[i])) << test::describe(g);
          EXPECT_EQ(f.fix, summary.first[i].fix);
          notes += f.diagnostic.severity == Severity::note ? 1 : 0;
          ++compared;
        }
        EXPECT_EQ(placed.beyond_notes(),
                  std::any_of(summary.first.begin(), summary.first.end(),
                              [](const io::LintDiagnostic& f) { return f.diagnostic.severity != Severity::note; }));
        EXPECT_THROW((void)placed.at(placed.size()), std::out_of_range);
      }
    }
  }
  EXPECT_GT(compared, 400u);
  EXPECT_GT(notes, 0u);  // the examples' open questions (L015) are notes, whatever the severity
}

TEST(LintTest, ManyFindingsWrittenAPartAtATimeAsAllAtOnce) {
  // More findings than a writer words on one thread, in chunks the last of
  // which is partly full: claims without a party (L007), each supported
  // by evidence without a source (L005).
  std::vector<std::string> nodes, edges;
  for (int i = 0; i < 4700; ++i) {
    nodes.push_back("{\"id\": \"c" + std::to_string(i) + "\", \"kind\": \"claim\", \"label\": \"C <\\\"" +
                    std::to_string(i) + "\\\">\"}");
    nodes.push_back("{\"id\": \"e" + std::to_string(i) + "\", \"kind\": \"evidence\", \"label\": \"E\"}");
    edges.push_back("{\"from\": \"e" + std::to_string(i) + "\", \"to\": \"c" + std::to_string(i) +
                    "\", \"relation\": \"supports\"}");
  }
  const auto input = read_case(case_file(nodes, edges));
  const auto all = io::lint_input(input, "case.json");
  ASSERT_EQ(all.size(), 9400u);
  std::ostringstream text, json;
  io::write_lint_text(text, all);
  io::write_lint_json(json, all);
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
    std::ostringstream text_parts, json_parts;
    io::write_lint_text(text_parts, io::LintInputRun(input, "case.json", std::size_t(-1)).finish_placed(), threads);
    io::write_lint_json(json_parts, io::LintInputRun(input, "case.json", std::size_t(-1)).finish_placed(), threads);
    EXPECT_EQ(text_parts.str(), text.str()) << threads << " threads";
    EXPECT_EQ(json_parts.str(), json.str()) << threads << " threads";
  }
  EXPECT_EQ(nlohmann::json::parse(json.str()).at("findings").size(), 9400u);
  EXPECT_TRUE(text.str().ends_with("\n9400 findings.\n")) << text.str().substr(text.str().size() - 200);
  // None: the same summary and the same empty array either way.
  const auto clean = read_case(case_file({claim, evidence}, {R"({"from": "e", "to": "c", "relation": "supports"})"}));
  std::ostringstream none_text, none_json;
  io::write_lint_text(none_text, io::LintInputRun(clean, "case.json", std::size_t(-1)).finish_placed(), 2);
  io::write_lint_json(none_json, io::LintInputRun(clean, "case.json", std::size_t(-1)).finish_placed(), 2);
  EXPECT_EQ(none_text.str(), "No findings.\n");
  EXPECT_EQ(none_json.str(), "{\n  \"findings\": []\n}\n");
}

TEST(LintTest, AGraphWithoutPlacesNamesOnlyTheFile) {
  io::ReadResult input;
  input.graph.add_node(node("c", NodeKind::claim));
  const auto found = io::lint_input(input, "case.argdown");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(io::format(found[0]), "case.argdown: warning: claim \"c\" has no party [L007 claim-without-party]");
}

}  // namespace
}  // namespace claimgraph::analysis
