// group_nodes against the plainest grouping there is: a map from name to
// the nodes met so far, groups kept in order of first appearance.
#include "detail/node_groups.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace claimgraph::detail {
namespace {

struct Expected {
  std::vector<std::vector<Graph::NodeRef>> groups;
  std::vector<Graph::NodeRef> loose;
};

Expected plainly(const Graph& graph, const std::vector<Graph::NodeRef>& order) {
  Expected out;
  std::map<std::string, std::size_t> index;
  for (Graph::NodeRef v : order) {
    const auto& group = graph.node(v).group;
    if (!group) {
      out.loose.push_back(v);
      continue;
    }
    auto [it, added] = index.try_emplace(*group, out.groups.size());
    if (added) out.groups.emplace_back();
    out.groups[it->second].push_back(v);
  }
  return out;
}

void expect_same(const Graph& graph, const NodeGroups& got, const Expected& want) {
  ASSERT_EQ(got.groups.size(), want.groups.size());
  for (std::size_t i = 0; i < want.groups.size(); ++i) {
    const auto members = got.groups[i];
    EXPECT_EQ(std::vector<Graph::NodeRef>(members.begin(), members.end()), want.groups[i]) << "group " << i;
    EXPECT_EQ(got.name(graph, i), *graph.node(want.groups[i].front()).group);
  }
  EXPECT_EQ(got.loose, want.loose);
}

// `n` nodes, each in one of `names` groups (or none), drawn at random.
Graph random_case(std::size_t n, std::size_t names, unsigned seed) {
  std::mt19937 random(seed);
  Graph graph;
  for (std::size_t i = 0; i < n; ++i) {
    Node node;
    node.id = std::string(1, 'n').append(std::to_string(i));  // (not "n" + ...: GCC 12's false -Wrestrict)
    node.label = node.id;
    const std::size_t pick = random() % (names + 1);
    // Names that differ in one byte, a prefix of another, empty, or not UTF-8.
    if (pick < names) node.group = pick % 5 == 0 ? std::string(pick % 3, 'x') : std::string("Count ").append(std::to_string(pick));
    if (pick == 7) node.group = std::string("\xff\0z", 3);
    graph.add_node(std::move(node));
  }
  return graph;
}

TEST(NodeGroupsTest, GroupsAsAMapOfNamesWould) {
  for (auto [n, names] : {std::pair<std::size_t, std::size_t>{0, 3}, {1, 1}, {50, 3}, {2000, 40}, {5000, 5000}}) {
    SCOPED_TRACE(testing::Message() << n << " nodes, " << names << " names");
    const Graph graph = random_case(n, names, static_cast<unsigned>(n + names));
    std::vector<Graph::NodeRef> all(graph.node_count());
    for (std::size_t v = 0; v < all.size(); ++v) all[v] = v;
    expect_same(graph, group_nodes(graph), plainly(graph, all));
    // A subset in an order of its own: groups follow that order.
    std::vector<Graph::NodeRef> some;
    for (std::size_t v = all.size(); v-- > 0;) {
      if (v % 3 != 1) some.push_back(v);
    }
    expect_same(graph, group_nodes(graph, some), plainly(graph, some));
  }
}

TEST(NodeGroupsTest, WithoutGroupingEveryNodeIsLoose) {
  const Graph graph = random_case(100, 4, 1);
  const NodeGroups got = group_nodes(graph, false);
  EXPECT_TRUE(got.groups.empty());
  ASSERT_EQ(got.loose.size(), 100U);
  for (std::size_t v = 0; v < 100; ++v) EXPECT_EQ(got.loose[v], v);
}

}  // namespace
}  // namespace claimgraph::detail
