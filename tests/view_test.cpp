// Views: which nodes and edges each criterion keeps, how the analyses of the
// whole graph carry over, and the errors for criteria that match nothing.

#include "claimgraph/view.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "io/failures_case.hpp"
#include "support.hpp"

namespace {

using claimgraph::Graph;
using claimgraph::NodeKind;
using claimgraph::Relation;
using claimgraph::View;
using claimgraph::ViewError;
using claimgraph::ViewOptions;

// The ids of a view's nodes, in order.
std::vector<std::string> ids(const View& v) {
  std::vector<std::string> out;
  for (Graph::NodeRef u = 0; u < v.graph.node_count(); ++u) out.emplace_back(v.graph.id(u));
  return out;
}

// "from relation to" for each edge of a view, in order.
std::vector<std::string> edges(const View& v) {
  std::vector<std::string> out;
  const auto& g = v.graph;
  for (const auto& e : g.edges()) {
    std::string s(g.id(g.source(e)));
    s.append(" ").append(claimgraph::to_string(g.edge(e).relation)).append(" ");
    if (g.edge(e).relation == Relation::undercuts) {
      const auto attacked = g.edges()[g.edge(e).undercut];
      s.append("[").append(g.id(g.source(attacked))).append("->").append(g.id(g.target(attacked))).append("]");
    } else {
      s.append(g.id(g.target(e)));
    }
    out.push_back(std::move(s));
  }
  return out;
}

class ViewTest : public ::testing::Test {
 protected:
  // claim c has elements e1, e2; e1 rests on evidence x (supports edge
  // undercut by u); e2 rests on claim y, which nothing supports; k
  // contradicts c. Groups: A for c, e1, e2, x; B for the rest.
  void SetUp() override {
    add("c", NodeKind::claim, "A", "P");
    add("e1", NodeKind::claim, "A", "P");
    add("e2", NodeKind::claim, "A", "P");
    add("x", NodeKind::evidence, "A", "P");
    add("y", NodeKind::claim, "B", "P");
    add("u", NodeKind::evidence, "B", "D");
    add("k", NodeKind::counterclaim, "B", "D");
    add("z", NodeKind::evidence, "B", "D");
    g_.add_edge("e1", "c", Relation::element_of);
    g_.add_edge("e2", "c", Relation::element_of);
    g_.add_edge("x", "e1", Relation::supports);  // edge 2
    g_.add_edge("y", "e2", Relation::supports);
    g_.add_edge("k", "c", Relation::contradicts);
    g_.add_edge("z", "k", Relation::supports);
    g_.add_undercut(*g_.find("u"), 2);
  }
  void add(const char* id, NodeKind kind, const char* group, const char* party) {
    claimgraph::Node n;
    n.id = std::string(id);
    n.label = n.id;
    n.kind = kind;
    n.group = std::string(group);
    n.party = std::string(party);
    g_.add_node(std::move(n));
  }
  View view(ViewOptions o) {
    const auto report = claimgraph::analysis::check(g_);
    return claimgraph::make_view(g_, o, &report);
  }
  Graph g_;
};

TEST_F(ViewTest, FocusKeepsWhatBearsOnTheNodeToTheGivenDepth) {
  ViewOptions o;
  o.focus = "c";
  o.depth = 0;
  EXPECT_EQ(ids(view(o)), (std::vector<std::string>{"c"}));
  o.depth = 1;
  const auto one = view(o);
  EXPECT_EQ(ids(one), (std::vector<std::string>{"c", "e1", "e2", "k"}));
  EXPECT_EQ(edges(one), (std::vector<std::string>{"e1 element-of c", "e2 element-of c", "k contradicts c"}));
  o.depth = 2;
  // The undercutter bears on e1 through the edge it attacks: it comes with x.
  EXPECT_EQ(ids(view(o)), (std::vector<std::string>{"c", "e1", "e2", "x", "y", "u", "k", "z"}));
  EXPECT_EQ(edges(view(o)).back(), "u undercuts [x->e1]");
}

TEST_F(ViewTest, EachNodeAtTheCutCountsWhatTheDepthHidBeneathIt) {
  ViewOptions o;
  o.focus = "c";
  o.depth = 1;
  // Below the cut: x and the undercutter u bear on e1, y on e2, z on k.
  const auto one = view(o);
  ASSERT_EQ(ids(one), (std::vector<std::string>{"c", "e1", "e2", "k"}));
  EXPECT_EQ(one.hidden_below, (std::vector<std::size_t>{0, 2, 1, 1}));
  o.depth = 0;
  EXPECT_EQ(view(o).hidden_below, (std::vector<std::size_t>{7}));
  // Nothing cut: every count is zero, as with no focus at all.
  o.depth = 2;
  EXPECT_EQ(view(o).hidden_below, std::vector<std::size_t>(8, 0));
  o.depth = ViewOptions::unlimited;
  EXPECT_EQ(view(o).hidden_below, std::vector<std::size_t>(8, 0));
  EXPECT_EQ(view(ViewOptions{}).hidden_below, std::vector<std::size_t>(8, 0));
  // Nodes a group leaves out were not cut by the depth: not counted.
  o.depth = 1;
  o.groups = {"A"};
  const auto grouped = view(o);
  ASSERT_EQ(ids(grouped), (std::vector<std::string>{"c", "e1", "e2"}));
  EXPECT_EQ(grouped.hidden_below, (std::vector<std::size_t>{0, 2, 1}));
}

TEST(ViewHidden, CountsDistinctNodesThroughOneAnotherAndOnlyBeneathTheCut) {
  // r <- a <- b <- {c, d}, d -> c, e -> a; s -> r, b -> s; w -> a and w -> s.
  Graph g;
  for (const char* id : {"r", "a", "s", "b", "c", "d", "e", "w"}) {
    claimgraph::Node n;
    n.id = id;
    n.label = id;
    g.add_node(std::move(n));
  }
  for (const auto& [from, to] : std::vector<std::pair<const char*, const char*>>{
           {"a", "r"}, {"s", "r"}, {"b", "a"}, {"c", "b"}, {"d", "b"}, {"d", "c"}, {"e", "a"}, {"b", "s"},
           {"w", "a"}, {"w", "s"}}) {
    g.add_edge(from, to, Relation::supports);
  }
  ViewOptions o;
  o.focus = "r";
  o.depth = 1;
  const View v = claimgraph::make_view(g, o);
  ASSERT_EQ(ids(v), (std::vector<std::string>{"r", "a", "s"}));
  // a: b, c, d, e, w (d reached twice, counted once); s: b, c, d, w. Both
  // count what they share; r, above the cut, counts nothing.
  EXPECT_EQ(v.hidden_below, (std::vector<std::size_t>{0, 5, 4}));
}

TEST_F(ViewTest, ADepthWithoutAFocusIsAnError) {
  ViewOptions o;
  o.depth = 2;
  EXPECT_TRUE(o.any());
  try {
    (void)view(o);
    FAIL() << "no ViewError";
  } catch (const ViewError& e) {
    EXPECT_STREQ(e.what(), "a depth needs a focus: it counts the levels of what bears on the focused node");
  }
}

TEST_F(ViewTest, FocusOnAnUnknownNodeSuggestsTheNearestId) {
  ViewOptions o;
  o.focus = "e3";
  try {
    (void)view(o);
    FAIL() << "no ViewError";
  } catch (const ViewError& e) {
    EXPECT_STREQ(e.what(), "no node \"e3\" to focus on; did you mean \"e1\"?");
  }
}

TEST_F(ViewTest, GroupAndPartyFilterAndCombine) {
  ViewOptions o;
  o.groups = {"A"};
  EXPECT_EQ(ids(view(o)), (std::vector<std::string>{"c", "e1", "e2", "x"}));
  o.groups = {"B"};
  o.parties = {"D"};
  EXPECT_EQ(ids(view(o)), (std::vector<std::string>{"u", "k", "z"}));
  // The undercut's supports edge is not in the view, so neither is the undercut.
  EXPECT_EQ(edges(view(o)), (std::vector<std::string>{"z supports k"}));
  o.parties = {"Quux"};
  try {
    (void)view(o);
    FAIL() << "no ViewError";
  } catch (const ViewError& e) {
    EXPECT_STREQ(e.what(), "no node has party \"Quux\" (parties: \"D\" or \"P\")");
  }
}

TEST_F(ViewTest, DescribeViewNamesEachCriterionInOrder) {
  using claimgraph::describe_view;
  ViewOptions o;
  EXPECT_TRUE(describe_view(o, g_).empty());
  g_.node(*g_.find("c")).label = "Breach <of> \"contract\"";
  o.focus = "c";
  EXPECT_EQ(describe_view(o, g_), (std::vector<std::string>{"\u201cBreach <of> \"contract\"\u201d (c) and what bears on it"}));
  o.depth = 1;
  o.groups = {"A"};
  o.parties = {"P", "D", "Q"};
  o.gaps_only = true;
  EXPECT_EQ(describe_view(o, g_),
            (std::vector<std::string>{"\u201cBreach <of> \"contract\"\u201d (c) and the first level of what bears on it",
                                      "group \u201cA\u201d", "parties \u201cP\u201d, \u201cD\u201d or \u201cQ\u201d",
                                      "the claims that lack evidence and what they rest on"}));
  o.depth = 3;
  o.groups = {"A", "B"};
  o.parties.clear();
  o.gaps_only = false;
  EXPECT_EQ(describe_view(o, g_), (std::vector<std::string>{
                                      "\u201cBreach <of> \"contract\"\u201d (c) and up to 3 levels of what bears on it",
                                      "groups \u201cA\u201d or \u201cB\u201d"}));
  o.depth = 0;
  EXPECT_EQ(describe_view(o, g_).front(), "\u201cBreach <of> \"contract\"\u201d (c) alone");
  // A node without a label is named by its id.
  g_.node(*g_.find("c")).label.clear();
  EXPECT_EQ(describe_view(o, g_).front(), "c alone");
  o.depth = 3;
  // A focus that the output redacts is not named, by id or by label.
  o.unnamed.assign(g_.node_count(), false);
  o.unnamed[*g_.find("c")] = true;
  EXPECT_EQ(describe_view(o, g_).front(), "a redacted node and up to 3 levels of what bears on it");
}

TEST_F(ViewTest, GapsOnlyKeepsTheClaimsLackingEvidenceAndWhatTheyRestOn) {
  ViewOptions o;
  o.gaps_only = true;
  // c lacks evidence (e2 rests on y, which nothing supports); c rests on
  // e1, e2, x and y. k is grounded (z) and only contradicts: not kept.
  EXPECT_EQ(ids(view(o)), (std::vector<std::string>{"c", "e1", "e2", "x", "y"}));
  EXPECT_THROW((void)claimgraph::make_view(g_, o, nullptr), ViewError);
}

TEST_F(ViewTest, AnalysesOfTheWholeGraphCarryOver) {
  const auto report = claimgraph::analysis::check(g_);
  const auto status = claimgraph::analysis::grounded_status(g_);
  ViewOptions o;
  o.focus = "e1";
  const auto v = claimgraph::make_view(g_, o, &report);
  ASSERT_EQ(ids(v), (std::vector<std::string>{"e1", "x", "u"}));
  const auto r = claimgraph::restrict(report, v);
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(r.claims[0].node, 0u);
  EXPECT_TRUE(r.grounded[0]);
  EXPECT_EQ(r.claim_index, (std::vector<std::size_t>{0, claimgraph::analysis::GroundingReport::npos,
                                                     claimgraph::analysis::GroundingReport::npos}));
  const auto s = claimgraph::restrict(status, v);
  EXPECT_EQ(s.labels, (std::vector<claimgraph::analysis::Label>{status.labels[1], status.labels[3], status.labels[5]}));
  ASSERT_EQ(s.undercut.size(), 2u);
  EXPECT_EQ(s.undercut[0], status.undercut[2]);  // x supports e1, undercut by u (IN)
  EXPECT_TRUE(s.undercut[0]);

  // A claim whose evidence is out of view is still grounded in the view,
  // and the elements listed as missing keep only those in view.
  o.focus = "c";
  o.depth = 1;
  const auto w = claimgraph::make_view(g_, o, &report);
  const auto rw = claimgraph::restrict(report, w);
  ASSERT_EQ(ids(w), (std::vector<std::string>{"c", "e1", "e2", "k"}));
  EXPECT_TRUE(rw.grounded[3]);  // k: its evidence z is not shown
  const auto& c = rw.claims[rw.claim_index[0]];
  EXPECT_FALSE(c.grounded);
  EXPECT_EQ(c.missing, (std::vector<Graph::NodeRef>{2}));  // e2, which rests on y, which nothing supports
}

// A point of failure the view leaves out is counted, so that a claim that
// rests on it is not shown as safe; a view of a view keeps the count.
TEST(ViewPointsOfFailure, ThoseOutOfViewAreCounted) {
  const Graph g = claimgraph::test::failures_case();
  const auto whole = claimgraph::test::failures_results(g);
  ViewOptions o;
  o.focus = "c";
  o.depth = 1;
  const auto v = claimgraph::make_view(g, o, &*whole.grounding);
  ASSERT_EQ(ids(v), (std::vector<std::string>{"k1", "k2", "c"}));
  const auto r = claimgraph::restrict(whole, v);
  ASSERT_TRUE(r.single_points && r.single_points_hidden);
  EXPECT_EQ(*r.single_points, (std::vector<std::vector<Graph::NodeRef>>{{}, {}, {}}));
  EXPECT_EQ(*r.single_points_hidden, (std::vector<std::size_t>{1, 0, 1}));  // px12, for k1 and for c
  const auto a = r.analyses();
  EXPECT_TRUE(a.has_points(0));
  EXPECT_FALSE(a.has_points(1));
  EXPECT_EQ(a.hidden_points(2), 1u);

  o.focus = "k1";
  o.depth = ViewOptions::unlimited;
  const auto w = claimgraph::make_view(v.graph, o, &*r.grounding);
  ASSERT_EQ(ids(w), (std::vector<std::string>{"k1"}));
  const auto rw = claimgraph::restrict(r, w);
  ASSERT_TRUE(rw.single_points_hidden);
  EXPECT_EQ(*rw.single_points_hidden, (std::vector<std::size_t>{1}));

  // Where the view shows every point of failure, nothing is counted.
  o.focus = "c";
  const auto all = claimgraph::make_view(g, o, &*whole.grounding);
  const auto ra = claimgraph::restrict(whole, all);
  EXPECT_FALSE(ra.single_points_hidden);
  EXPECT_EQ((*ra.single_points)[*all.graph.find("c")], (std::vector<Graph::NodeRef>{*all.graph.find("px12")}));
}

// Evidence counts the claims it alone holds up that the view leaves out, so
// that it is not shown as holding up fewer than it does.
TEST(ViewPointsOfFailure, EvidenceCountsTheClaimsItAloneHoldsUpOutOfView) {
  const Graph g = claimgraph::test::failures_case();
  const auto whole = claimgraph::test::failures_results(g);
  std::vector<bool> nodes(g.node_count(), false);
  nodes[*g.find("px12")] = nodes[*g.find("k1")] = nodes[*g.find("em")] = true;
  const auto v = claimgraph::make_view(g, nodes, std::vector<bool>(g.edge_count(), true));
  ASSERT_EQ(ids(v), (std::vector<std::string>{"px12", "em", "k1"}));
  const auto r = claimgraph::restrict(whole, v);
  ASSERT_TRUE(r.held_hidden);
  // px12 holds up k1 (shown) and c (not); em holds up t (not).
  EXPECT_EQ(*r.held_hidden, (std::vector<std::size_t>{1, 1, 0}));
  EXPECT_EQ(r.analyses().hidden_held(0), 1u);
  EXPECT_EQ(r.analyses().hidden_held(7), 0u) << "beyond the graph";

  // A view of the view keeps the count and adds k1.
  const auto w = claimgraph::make_view(v.graph, std::vector<bool>{true, false, false},
                                       std::vector<bool>(v.graph.edge_count(), true));
  const auto rw = claimgraph::restrict(r, w);
  ASSERT_TRUE(rw.held_hidden);
  EXPECT_EQ(*rw.held_hidden, (std::vector<std::size_t>{2}));

  // Where the view shows every claim a piece of evidence holds up, nothing is counted.
  ViewOptions o;
  o.focus = "t";
  const auto t = claimgraph::make_view(g, o, &*whole.grounding);
  ASSERT_EQ(ids(t), (std::vector<std::string>{"em", "t"}));
  EXPECT_FALSE(claimgraph::restrict(whole, t).held_hidden);
}

TEST_F(ViewTest, AViewIsACaseFileOfItsOwn) {
  ViewOptions o;
  o.focus = "e1";
  const auto v = view(o);
  std::ostringstream out;
  claimgraph::io::write_json(out, v.graph);
  const auto back = claimgraph::io::read_json(out.str());
  EXPECT_EQ(back.graph.node_count(), 3u);
  EXPECT_EQ(back.graph.edge_count(), 2u);
}

TEST(ViewDeepTest, LongChainsNeedNoRecursion) {
  Graph g;
  const std::size_t n = 200'000;
  for (std::size_t i = 0; i < n; ++i) {
    claimgraph::Node node;
    node.id = claimgraph::test::numbered("n", i);
    node.label = node.id;
    node.kind = i + 1 == n ? NodeKind::evidence : NodeKind::claim;
    g.add_node(std::move(node));
  }
  std::vector<Graph::EdgeSpec> specs;
  for (std::size_t i = 1; i < n; ++i) specs.push_back({i, i - 1, Relation::supports, {}});
  g.add_edges(std::move(specs));
  ViewOptions o;
  o.focus = "n0";
  const auto v = claimgraph::make_view(g, o);
  EXPECT_EQ(v.graph.node_count(), n);
  o.depth = 10;
  EXPECT_EQ(claimgraph::make_view(g, o).graph.node_count(), 11u);
}

}  // namespace
