#include "claimgraph/graph.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claimgraph/error.hpp"

namespace claimgraph {
namespace {

Node named(std::string id, std::string label = "x") {
  Node n;
  n.id = std::move(id);
  n.label = std::move(label);
  return n;
}

// Ids longer than the index keeps in its slots, alike in their first bytes,
// and short ones, over enough nodes that the table grows many times.
std::string id_of(std::size_t i) {
  return i % 2 ? "a-rather-long-common-prefix-" + std::to_string(i) : std::to_string(i);
}

TEST(GraphTest, InsertNodeAddsNewIdsAndFindsTakenOnes) {
  Graph g;
  constexpr std::size_t n = 5000;
  for (std::size_t i = 0; i < n; ++i) {
    const auto [v, added] = g.insert_node(named(id_of(i), "first"));
    ASSERT_TRUE(added) << i;
    ASSERT_EQ(v, i);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto [v, added] = g.insert_node(named(id_of(i), "second"));
    EXPECT_FALSE(added) << i;
    EXPECT_EQ(v, i);
    EXPECT_EQ(g.node(v).label, "first");  // the node already there is kept
    EXPECT_EQ(g.find(id_of(i)), i);
    EXPECT_EQ(g.id(v), id_of(i));
  }
  EXPECT_EQ(g.node_count(), n);
  EXPECT_FALSE(g.find("a-rather-long-common-prefix-"));
  EXPECT_FALSE(g.find(std::to_string(n)));
}

TEST(GraphTest, AddNodeRefusesATakenOrEmptyId) {
  Graph g;
  g.add_node(named("a"));
  EXPECT_THROW(g.add_node(named("a")), ValidationError);
  EXPECT_THROW((void)g.insert_node(named("")), ValidationError);
  try {
    g.add_node(named("a"));
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "<input>: error: duplicate node id \"a\"");
  }
  EXPECT_EQ(g.node_count(), 1u);
}

// What the analyses promise "in edge order" rests on this: a node's in-edges
// and out-edges come in the order the edges were added, whatever the order
// of the nodes at their other ends, one by one or in bulk.
struct Ends {
  std::size_t from;
  std::size_t to;
  friend bool operator==(const Ends&, const Ends&) = default;
};

std::vector<std::size_t> sources_in(const Graph& g, Graph::NodeRef v) {
  std::vector<std::size_t> out;
  for (const auto e : g.in_edges(v)) out.push_back(g.source(e));
  return out;
}

std::vector<std::size_t> targets_out(const Graph& g, Graph::NodeRef v) {
  std::vector<std::size_t> out;
  for (const auto e : g.out_edges(v)) out.push_back(g.target(e));
  return out;
}

std::vector<std::size_t> positions_in(const Graph& g, Graph::NodeRef v) {
  std::vector<std::size_t> out;
  for (const auto e : g.in_edges(v)) out.push_back(g.edge(e).index);
  return out;
}

// Nodes 0..7; edges into 0 from 5, 2, 7 (in that order), out of 3 to 6, 1, 4,
// and 2 -> 3 between them.
const std::vector<Ends> edge_order = {{5, 0}, {3, 6}, {2, 0}, {2, 3}, {3, 1}, {7, 0}, {3, 4}};

Graph with_nodes() {
  Graph g;
  for (int i = 0; i < 8; ++i) g.add_node(named("n" + std::to_string(i)));
  return g;
}

void expect_insertion_order(const Graph& g) {
  ASSERT_EQ(g.edge_count(), edge_order.size());
  for (std::size_t i = 0; i < edge_order.size(); ++i) {
    const auto e = g.edges()[i];
    EXPECT_EQ((Ends{g.source(e), g.target(e)}), edge_order[i]) << i;
    EXPECT_EQ(g.edge(e).index, i);
  }
  EXPECT_EQ(sources_in(g, 0), (std::vector<std::size_t>{5, 2, 7}));
  EXPECT_EQ(positions_in(g, 0), (std::vector<std::size_t>{0, 2, 5}));
  EXPECT_EQ(targets_out(g, 3), (std::vector<std::size_t>{6, 1, 4}));
  EXPECT_EQ(sources_in(g, 3), (std::vector<std::size_t>{2}));
  EXPECT_EQ(targets_out(g, 2), (std::vector<std::size_t>{0, 3}));
  EXPECT_EQ(g.in_degree(0), 3u);
  EXPECT_EQ(g.out_degree(0), 0u);
  EXPECT_EQ(g.out_degree(3), 3u);
  EXPECT_TRUE(g.in_edges(5).empty());
}

TEST(GraphTest, EdgesComeInTheOrderTheyWereAddedOneByOne) {
  Graph g = with_nodes();
  for (const auto& [from, to] : edge_order) g.add_edge(from, to, Relation::supports);
  expect_insertion_order(g);
}

TEST(GraphTest, EdgesComeInTheOrderTheyWereAddedInBulk) {
  Graph g = with_nodes();
  std::vector<Graph::EdgeSpec> specs;
  for (const auto& [from, to] : edge_order) specs.push_back({from, to, Relation::supports, {}});
  g.add_edges(std::move(specs));
  expect_insertion_order(g);
}

TEST(GraphTest, EdgesAddedAfterAQueryComeAfterTheOthers) {
  Graph g = with_nodes();
  g.add_edge(5, 0, Relation::supports);
  g.add_edge(2, 0, Relation::contradicts);
  EXPECT_EQ(sources_in(g, 0), (std::vector<std::size_t>{5, 2}));
  g.add_edge(1, 0, Relation::supports);
  std::vector<Graph::EdgeSpec> specs;
  specs.push_back({7, 0, Relation::supports, {}});
  specs.push_back({4, 0, Relation::supports, {}});
  g.add_edges(std::move(specs));
  EXPECT_EQ(sources_in(g, 0), (std::vector<std::size_t>{5, 2, 1, 7, 4}));
  EXPECT_EQ(positions_in(g, 0), (std::vector<std::size_t>{0, 1, 2, 3, 4}));
  const Graph copy = g;
  EXPECT_EQ(sources_in(copy, 0), (std::vector<std::size_t>{5, 2, 1, 7, 4}));
  EXPECT_EQ(copy.edge(copy.edges()[1]).relation, Relation::contradicts);
}

// An edge is its position in edges(): a reference kept while many more edges
// are added (and the store's vectors reallocate) still names the same edge,
// and the ranges of a node's edges give those positions.
TEST(GraphTest, AnEdgeRefStaysTheSameEdgeAsEdgesAreAdded) {
  Graph g = with_nodes();
  const Graph::EdgeRef first = g.add_edge(5, 0, Relation::contradicts);
  const Graph::EdgeRef second = g.add_edge(2, 3, Relation::supports);
  EXPECT_EQ(first, 0u);
  EXPECT_EQ(second, 1u);
  for (int round = 0; round < 200; ++round) {
    g.add_edge(static_cast<std::size_t>(round % 3) + 1, 0, Relation::supports);
  }
  std::vector<Graph::EdgeSpec> specs(300, {4, 6, Relation::element_of, {}});
  g.add_edges(std::move(specs));
  EXPECT_EQ(g.edge(first).relation, Relation::contradicts);
  EXPECT_EQ((Ends{g.source(first), g.target(first)}), (Ends{5, 0}));
  EXPECT_EQ((Ends{g.source(second), g.target(second)}), (Ends{2, 3}));
  EXPECT_EQ(g.add_undercut(1, second), 502u);
  EXPECT_EQ(g.edge(502).undercut, second);
  EXPECT_EQ(*g.in_edges(3).begin(), second);
  EXPECT_EQ(g.in_edges(3).size(), 2u);
  EXPECT_EQ(*g.out_edges(5).begin(), first);
  EXPECT_EQ(g.out_edges(4).size(), 300u);
  EXPECT_EQ(*g.out_edges(4).begin(), 202u);
}

// An undercut of a supports edge without an id names that edge "e" and its
// position, or, while another edge has that id, adds "_2", "_3", ...: ids
// given before, ids given after (to edges added between two undercuts) and
// names given by earlier undercuts all count.
TEST(GraphTest, AnUndercutNamesTheEdgeItAttacksWithAnIdNoOtherEdgeHas) {
  Graph g = with_nodes();
  const Graph::EdgeRef plain = g.add_edge(1, 0, Relation::supports);  // 0
  g.add_edge(2, 0, Relation::supports);                               // 1: "e0" taken below
  std::vector<Graph::EdgeSpec> specs;
  specs.push_back({3, 0, Relation::contradicts, {}, OptionalString(std::string("e1"))});    // 2
  specs.push_back({4, 0, Relation::contradicts, {}, OptionalString(std::string("e1_2"))});  // 3
  g.add_edges(std::move(specs));
  const Graph::EdgeRef second = 1;
  EXPECT_EQ(g.add_undercut(5, second), 4u);
  EXPECT_EQ(g.edge(second).id, "e1_3");
  // An id given to an edge added after the first undercut counts too.
  std::vector<Graph::EdgeSpec> later;
  later.push_back({5, 0, Relation::contradicts, {}, OptionalString(std::string("e0"))});  // 5
  g.add_edges(std::move(later));
  g.add_undercut(6, plain);
  EXPECT_EQ(g.edge(plain).id, "e0_2");
  // An undercut's own id, and a name an undercut gave, are taken as well.
  const Graph::EdgeRef third = g.add_edge(6, 1, Relation::supports);  // 7
  g.add_undercut(2, plain, std::string("e7"));                         // 8
  g.add_undercut(3, third);
  EXPECT_EQ(g.edge(third).id, "e7_2");
  // A copy names the same way.
  Graph copy = g;
  const Graph::EdgeRef fourth = copy.add_edge(5, 1, Relation::supports);  // 10
  std::vector<Graph::EdgeSpec> clash;
  clash.push_back({4, 1, Relation::contradicts, {}, OptionalString(std::string("e10"))});
  copy.add_edges(std::move(clash));
  copy.add_undercut(2, fourth);
  EXPECT_EQ(copy.edge(fourth).id, "e10_2");
}

// Many undercuts of unnamed supports edges each name their edge. Naming
// does not read every edge's id again for each: when it did, this test took
// 0.84 s, against 0.13 s now (release build): a pass over every edge for
// each undercut.
TEST(GraphTest, ManyUndercutsNameTheirEdges) {
  Graph g;
  constexpr std::size_t n = 20'000;
  for (std::size_t i = 0; i < 2 * n; ++i) g.add_node(named("n" + std::to_string(i)));
  for (std::size_t i = 0; i < n; ++i) g.add_edge(i, n + i, Relation::supports);
  for (std::size_t i = 0; i < n; ++i) g.add_undercut(n + (i + 1) % n, i);
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(g.edge(i).id, "e" + std::to_string(i)) << i;
  EXPECT_EQ(g.edge_count(), 2 * n);
}

}  // namespace
}  // namespace claimgraph
