// The index from node id to vertex: taking back the id added last, as
// Graph::insert_node does when the node itself cannot be added.

#include "claimgraph/detail/id_index.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using claimgraph::detail::IdIndex;

std::string id_of(std::size_t i) {
  // Short ids and long ones, which are confirmed against the pool.
  return i % 3 == 0 ? "a-rather-long-common-prefix-" + std::to_string(i) : std::to_string(i);
}

TEST(IdIndexTest, PopBackTakesBackTheLastIdAndNothingElse) {
  IdIndex index;
  // 16 slots hold 8 ids: popping after 8, 9 and 1000 ids covers a full
  // table, one just grown and a large one.
  for (const std::size_t n : {1u, 8u, 9u, 1000u}) {
    IdIndex fresh;
    for (std::size_t i = 0; i < n; ++i) ASSERT_FALSE(fresh.insert(id_of(i)).has_value()) << i;
    fresh.pop_back();
    ASSERT_EQ(fresh.size(), n - 1);
    EXPECT_FALSE(fresh.find(id_of(n - 1)).has_value()) << n;
    for (std::size_t i = 0; i + 1 < n; ++i) {
      ASSERT_EQ(fresh.find(id_of(i)), i) << n << " " << i;
      ASSERT_EQ(fresh.id(i), id_of(i));
    }
    // The id comes back as the same vertex, and the rest are still taken.
    EXPECT_FALSE(fresh.insert(id_of(n - 1)).has_value());
    EXPECT_EQ(fresh.find(id_of(n - 1)), n - 1);
    EXPECT_EQ(fresh.id(n - 1), id_of(n - 1));
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(fresh.insert(id_of(i)), i);
    EXPECT_EQ(fresh.size(), n);
  }
  index.pop_back();  // nothing to take back
  EXPECT_EQ(index.size(), 0u);
  EXPECT_FALSE(index.insert("x").has_value());
  EXPECT_EQ(index.find("x"), 0u);
}

}  // namespace
