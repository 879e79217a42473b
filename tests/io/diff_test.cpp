// io::diff_cases and its report: how edges are matched, fields compared,
// and the analysis of each version set side by side (docs/diff.md).

#include "claimgraph/io/diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/io/diff_report.hpp"
#include "claimgraph/io/json_reader.hpp"

namespace claimgraph::io {
namespace {

ReadResult read(const std::string& text) { return read_json(text); }

const std::string base = R"({"claimgraph": 1,
  "nodes": [{"id": "c", "kind": "claim", "label": "Claim", "party": "P"},
            {"id": "d", "kind": "counterclaim", "label": "Defence", "party": "D"},
            {"id": "e", "kind": "evidence", "label": "Exhibit", "source": "PX-1"}],
  "edges": [{"id": "s", "from": "e", "to": "c", "relation": "supports"},
            {"from": "d", "to": "s", "relation": "undercuts"},
            {"from": "e", "to": "d", "relation": "contradicts"},
            {"from": "e", "to": "d", "relation": "contradicts"}]})";

TEST(DiffTest, EdgesAreKeyedByTheirIdElseByWhatTheyJoin) {
  const auto keys = edge_keys(read(base));
  EXPECT_EQ(keys, (std::vector<std::string>{"s", "d -undercuts-> (s)", "e -contradicts-> d", "e -contradicts-> d #2"}));
}

TEST(DiffTest, TheSameCaseHasNoChanges) {
  const auto d = diff_cases(read(base), read(base));
  EXPECT_TRUE(d.empty());
  std::ostringstream out;
  write_diff_text(out, {read(base).graph, read(base).graph, "a", "b"}, d);
  EXPECT_EQ(out.str(), "--- a\n+++ b\nNo changes.\n");
}

TEST(DiffTest, FieldsAreComparedAsTheJsonWriterWritesThem) {
  std::string changed = base;
  changed.replace(changed.find("\"PX-1\""), 6, "\"PX-1\", \"cite\": [{\"authority\": \"Fed. R. Evid. 803\"}]");
  changed.replace(changed.find("\"Defence\""), 9, "\"Defence \\\"quoted\\\"\"");
  const auto d = diff_cases(read(base), read(changed));
  ASSERT_EQ(d.changed_nodes.size(), 2U);
  EXPECT_EQ(d.changed_nodes[0].key, "d");
  EXPECT_EQ(d.changed_nodes[0].fields,
            (std::vector<FieldChange>{{"label", "\"Defence\"", "\"Defence \\\"quoted\\\"\""}}));
  EXPECT_EQ(d.changed_nodes[1].key, "e");
  EXPECT_EQ(d.changed_nodes[1].fields,
            (std::vector<FieldChange>{{"cite", std::nullopt, "{\"authority\":\"Fed. R. Evid. 803\"}"}}));
  EXPECT_TRUE(d.added_edges.empty());
  EXPECT_TRUE(d.removed_edges.empty());
  EXPECT_FALSE(d.analysis_changed());
}

TEST(DiffTest, ARemovedUndercutRestoresTheSupport) {
  std::string changed = base;
  changed.erase(changed.find(R"({"from": "d", "to": "s", "relation": "undercuts"},)"),
                std::string_view(R"({"from": "d", "to": "s", "relation": "undercuts"},)").size());
  const auto before = read(base);
  const auto after = read(changed);
  const auto d = diff_cases(before, after);
  EXPECT_EQ(d.removed_edges, (std::vector<std::string>{"d -undercuts-> (s)"}));
  // d is OUT either way (the exhibit contradicts it), so its undercut never
  // carried: the status of c does not change, but the idle counterclaim is
  // now linted as such.
  EXPECT_TRUE(d.status.empty());
  ASSERT_EQ(d.findings_new.size(), 1U);
  EXPECT_EQ(d.findings_new[0].code, "L009");
  // The ghost undercut is drawn against the support it attacked.
  const auto merged = diff_graph(before, after, d);
  ASSERT_EQ(merged.graph.edge_count(), 4U);
  EXPECT_EQ(merged.edges.back(), ChangeMark::removed);
  EXPECT_EQ(merged.graph.edge(merged.graph.edges()[3]).relation, Relation::undercuts);
  EXPECT_NE(diff_dot(merged).find("style=dashed"), std::string::npos);
}

// Two versions of a case of 3,000 claims, each with its exhibit: the new
// one writes its nodes and edges in the opposite order, drops every
// seventh claim (and its exhibit's support), relabels every fifth, adds
// claims and turns some supports into contradictions. Every list of
// changes comes sorted by id or key, holds what changed and nothing else,
// and is the same whether the versions are analysed on one thread or two.
TEST(DiffTest, ManyChangesAreFoundAndSortedOnOneThreadOrTwo) {
  constexpr int claims = 3000;
  const auto node = [](const std::string& id, const char* kind, const std::string& label) {
    return "{\"id\": \"" + id + "\", \"kind\": \"" + kind + "\", \"label\": \"" + label + "\", \"party\": \"P\"" +
           (std::string(kind) == "evidence" ? ", \"source\": \"PX\"}" : "}");
  };
  const auto edge = [](const std::string& from, const std::string& to, const char* relation) {
    return "{\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"relation\": \"" + relation + "\"}";
  };
  std::vector<std::string> old_nodes, old_edges, new_nodes, new_edges;
  std::size_t removed = 0, relabelled = 0, turned = 0;
  for (int i = 0; i < claims; ++i) {
    const std::string c = "c" + std::to_string(i), e = "e" + std::to_string(i);
    old_nodes.push_back(node(c, "claim", "Claim " + std::to_string(i)));
    old_nodes.push_back(node(e, "evidence", "Exhibit"));
    old_edges.push_back(edge(e, c, "supports"));
    new_nodes.push_back(node(e, "evidence", "Exhibit"));
    if (i % 7 == 3) {
      ++removed;
      continue;
    }
    const bool relabel = i % 5 == 0;
    relabelled += relabel ? 1 : 0;
    new_nodes.push_back(node(c, "claim", "Claim " + std::to_string(i) + (relabel ? " (amended)" : "")));
    const bool turn = i % 11 == 1;
    turned += turn ? 1 : 0;
    new_edges.push_back(edge(e, c, turn ? "contradicts" : "supports"));
  }
  for (int i = 0; i < 40; ++i) new_nodes.push_back(node("x" + std::to_string(i), "claim", "New"));
  std::reverse(new_nodes.begin(), new_nodes.end());
  std::reverse(new_edges.begin(), new_edges.end());
  const auto file = [](const std::vector<std::string>& nodes, const std::vector<std::string>& edges) {
    std::string text = "{\"claimgraph\": 1, \"nodes\": [";
    for (std::size_t i = 0; i < nodes.size(); ++i) text += (i > 0 ? ",\n" : "\n") + nodes[i];
    text += "], \"edges\": [";
    for (std::size_t i = 0; i < edges.size(); ++i) text += (i > 0 ? ",\n" : "\n") + edges[i];
    return text + "]}\n";
  };
  const auto before = read(file(old_nodes, old_edges));
  const auto after = read(file(new_nodes, new_edges));
  std::string reports[2];
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
    DiffOptions options;
    options.threads = threads;
    const auto d = diff_cases(before, after, options);
    EXPECT_EQ(d.removed_nodes.size(), removed);
    EXPECT_EQ(d.added_nodes.size(), 40U);
    EXPECT_EQ(d.changed_nodes.size(), relabelled);
    // An edge that turned is another edge (its key names its relation).
    EXPECT_EQ(d.removed_edges.size(), removed + turned);
    EXPECT_EQ(d.added_edges.size(), turned);
    EXPECT_TRUE(d.changed_edges.empty());
    // The claims that lost their support: no longer grounded, OUT.
    EXPECT_EQ(d.grounding.size(), turned);
    EXPECT_EQ(d.status.size(), turned);
    const auto keys = [](const std::vector<ItemChange>& items) {
      std::vector<std::string> out;
      for (const auto& item : items) out.push_back(item.key);
      return out;
    };
    const auto ids = [](const auto& items) {
      std::vector<std::string> out;
      for (const auto& item : items) out.push_back(item.id);
      return out;
    };
    for (const auto& list : {d.removed_nodes, d.added_nodes, keys(d.changed_nodes), d.removed_edges, d.added_edges,
                             ids(d.grounding), ids(d.status), ids(d.strength)}) {
      EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
      EXPECT_EQ(std::adjacent_find(list.begin(), list.end()), list.end());
    }
    EXPECT_EQ(d.added_nodes.front(), "x0");
    EXPECT_EQ(d.added_nodes.back(), "x9");
    EXPECT_EQ(d.changed_nodes.front().key, "c0");
    EXPECT_EQ(d.changed_nodes.front().fields,
              (std::vector<FieldChange>{{"label", "\"Claim 0\"", "\"Claim 0 (amended)\""}}));
    EXPECT_EQ(d.removed_nodes.front(), "c10");  // 10 % 7 == 3, and "c10" < "c1004" < "c17"
    std::ostringstream out;
    write_diff_json(out, {before.graph, after.graph, "a", "b"}, d);
    reports[threads - 1] = out.str();
  }
  EXPECT_EQ(reports[1], reports[0]);
}

// What the analysis of the old version throws on its own thread comes out
// of diff_cases as it does on one thread.
TEST(DiffTest, AnAnalysisThatFailsOnItsThreadFailsTheDiff) {
  // Forty disputed pairs of claims, each pair's first an element of one
  // claim (the search under the preferred semantics takes them together,
  // and ten steps cannot), among 4,000 exhibits that make the case large
  // enough for a thread. The new version has no dispute.
  std::string nodes = R"({"id": "e", "kind": "evidence", "label": "E", "source": "PX"},)"
                      R"({"id": "top", "kind": "claim", "label": "Top", "party": "P"})";
  std::string edges, disputes;
  for (int i = 0; i < 4000; ++i) {
    nodes += R"(, {"id": "x)" + std::to_string(i) + R"(", "kind": "evidence", "label": "X", "source": "PX"})";
  }
  for (int i = 0; i < 40; ++i) {
    const std::string c = "c" + std::to_string(i), k = "k" + std::to_string(i);
    nodes += R"(, {"id": ")" + c + R"(", "kind": "claim", "label": "C", "party": "P"})";
    nodes += R"(, {"id": ")" + k + R"(", "kind": "claim", "label": "K", "party": "D"})";
    edges += std::string(i > 0 ? ", " : "") + R"({"from": "e", "to": ")" + c + R"(", "relation": "supports"}, )" +
             R"({"from": "e", "to": ")" + k + R"(", "relation": "supports"}, )" + R"({"from": ")" + c +
             R"(", "to": "top", "relation": "element-of"})";
    disputes += R"(, {"from": ")" + c + R"(", "to": ")" + k + R"(", "relation": "contradicts"}, )" +
                R"({"from": ")" + k + R"(", "to": ")" + c + R"(", "relation": "contradicts"})";
  }
  const std::string old_text = "{\"claimgraph\": 1, \"nodes\": [" + nodes + "], \"edges\": [" + edges + disputes + "]}";
  const std::string new_text = "{\"claimgraph\": 1, \"nodes\": [" + nodes + "], \"edges\": [" + edges + "]}";
  DiffOptions options;
  options.semantics = analysis::Semantics::preferred;
  options.search.max_steps = 10;
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
    options.threads = threads;
    EXPECT_THROW((void)diff_cases(read(old_text), read(new_text), options), analysis::SearchLimitError) << threads;
    // The new version alone searches nothing: nothing is disputed.
    EXPECT_NO_THROW((void)diff_cases(read(new_text), read(new_text), options)) << threads;
  }
}

TEST(DiffTest, StatusUnderPreferredSemanticsIsTheAcceptance) {
  // Two counterclaims that contradict each other: UNDEC under grounded,
  // each credulously accepted under preferred. Evidence for one settles it.
  const std::string before = R"({"claimgraph": 1,
    "nodes": [{"id": "a", "kind": "claim", "label": "A", "party": "P"},
              {"id": "b", "kind": "counterclaim", "label": "B", "party": "D"},
              {"id": "x", "kind": "evidence", "label": "X", "source": "PX-1"},
              {"id": "y", "kind": "evidence", "label": "Y", "source": "DX-1"}],
    "edges": [{"from": "x", "to": "a", "relation": "supports"}, {"from": "y", "to": "b", "relation": "supports"},
              {"from": "a", "to": "b", "relation": "contradicts"}, {"from": "b", "to": "a", "relation": "contradicts"}]})";
  std::string after = before;
  after.replace(after.find(R"({"from": "b", "to": "a", "relation": "contradicts"})"),
                std::string_view(R"({"from": "b", "to": "a", "relation": "contradicts"})").size(),
                R"({"from": "y", "to": "x", "relation": "supports"})");
  DiffOptions options;
  options.semantics = analysis::Semantics::preferred;
  const auto d = diff_cases(read(before), read(after), options);
  ASSERT_EQ(d.status.size(), 2U);
  EXPECT_EQ(d.status[0].id, "a");
  EXPECT_EQ(d.status[0].old_status, "credulously");
  EXPECT_EQ(d.status[0].new_status, "sceptically");
  EXPECT_EQ(d.status[0].reason, "");
  EXPECT_EQ(d.status[1].id, "b");
  EXPECT_EQ(d.status[1].new_status, "not accepted");
}

}  // namespace
}  // namespace claimgraph::io
