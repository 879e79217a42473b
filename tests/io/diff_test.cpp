// io::diff_cases and its report: how edges are matched, fields compared,
// and the analysis of each version set side by side (docs/diff.md).

#include "claimgraph/io/diff.hpp"

#include <gtest/gtest.h>

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
