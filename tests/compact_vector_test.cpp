// CompactVector must behave as the std::vector it stands in for: each
// operation is checked against a std::vector side by side.
#include "claimgraph/compact_vector.hpp"
#include "claimgraph/graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace claimgraph {
namespace {

// The std::vector the CompactVector `v` stands for.
std::vector<std::string> as_std(const CompactVector<std::string>& v) { return v; }

TEST(CompactVectorTest, IsOnePointer) {
  EXPECT_EQ(sizeof(CompactVector<std::string>), sizeof(void*));
  EXPECT_EQ(sizeof(Attributes), sizeof(void*));
  // An edge: its relation, index, unknown fields, id, undercut and scheme
  // names (a shared pointer): seven words.
  EXPECT_LE(sizeof(Edge), 7 * sizeof(void*)) << "an edge's empty fields should cost a pointer each";
}

TEST(CompactVectorTest, EmptyReadsAsAnEmptyVector) {
  CompactVector<std::string> v;
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.size(), 0U);
  EXPECT_EQ(v.begin(), v.end());
  EXPECT_TRUE(as_std(v).empty());
  EXPECT_EQ(v, CompactVector<std::string>{});
  v.reserve(0);
  v.resize(0);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(erase_if(v, [](const std::string&) { return true; }), 0U);
}

TEST(CompactVectorTest, GrowsShrinksAndSortsAsAVector) {
  CompactVector<std::string> v;
  std::vector<std::string> s;
  for (const char* word : {"pin", "exhibit", "bates", "date"}) {
    v.push_back(word);
    s.push_back(word);
  }
  v.emplace_back(3, 'q');
  s.emplace_back(3, 'q');
  EXPECT_EQ(as_std(v), s);
  EXPECT_EQ(v.front(), "pin");
  EXPECT_EQ(v.back(), "qqq");
  EXPECT_EQ(v[1], "exhibit");
  std::sort(v.begin(), v.end());
  std::sort(s.begin(), s.end());
  EXPECT_EQ(as_std(v), s);
  EXPECT_EQ(erase_if(v, [](const std::string& w) { return w.front() == 'q'; }), 1U);
  std::erase_if(s, [](const std::string& w) { return w.front() == 'q'; });
  EXPECT_EQ(as_std(v), s);
  v.pop_back();
  s.pop_back();
  EXPECT_EQ(as_std(v), s);
  v.resize(5);
  s.resize(5);
  EXPECT_EQ(as_std(v), s);
  v.clear();
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.data(), nullptr) << "an emptied list holds nothing on the heap";
}

TEST(CompactVectorTest, CopiesAreDeepAndCompareByItems) {
  CompactVector<std::string> a{"AWS", "Parler"};
  CompactVector<std::string> b = a;
  ASSERT_EQ(b.size(), 2U);
  EXPECT_NE(a.data(), b.data());
  b[0] += "!";
  EXPECT_EQ(a[0], "AWS");
  EXPECT_FALSE(a == b);
  b = {"AWS", "Parler"};
  EXPECT_EQ(a, b);
  b = std::vector<std::string>{"AWS"};
  EXPECT_FALSE(a == b) << "a prefix is not equal";
  CompactVector<std::string> c = std::move(a);
  EXPECT_EQ(c.size(), 2U);
  c = CompactVector<std::string>{};
  EXPECT_TRUE(c.empty());
}

TEST(CompactVectorTest, NodesAndEdgesWithTheFieldsCompareAndCopy) {
  Node a;
  a.id = "n1";
  a.extra.push_back({"x_note", "\"kept\""});
  a.cite.emplace_back().exhibit = "PX-12";
  Node b = a;
  EXPECT_EQ(a, b);
  b.cite[0].exhibit = "PX-13";
  EXPECT_FALSE(a == b);
  b.cite.clear();
  EXPECT_FALSE(a == b);
  a.cite.clear();
  EXPECT_EQ(a, b);
  b.extra.clear();
  EXPECT_FALSE(a == b);

  Graph g;
  g.add_node(a);
  Node other;
  other.id = "n2";
  g.add_node(other);
  g.add_edge(0, 1, Relation::supports, Attributes{{"x_weight", "2"}});
  const Graph copy = g;
  ASSERT_EQ(copy.edge(0).extra.size(), 1U);
  EXPECT_EQ(copy.edge(0).extra[0].json, "2");
  EXPECT_NE(copy.edge(0).extra.data(), g.edge(0).extra.data());
}

}  // namespace
}  // namespace claimgraph
