#include "claimgraph/graph.hpp"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace claimgraph
