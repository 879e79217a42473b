// OptionalString must behave as the std::optional<std::string> it stands
// in for: every operation is checked against std::optional side by side.
#include "claimgraph/graph.hpp"
#include "claimgraph/optional_string.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace claimgraph {
namespace {

// The std::optional the OptionalString `s` stands for.
std::optional<std::string> as_std(const OptionalString& s) { return s; }

TEST(OptionalStringTest, IsOnePointer) {
  EXPECT_EQ(sizeof(OptionalString), sizeof(void*));
  EXPECT_EQ(sizeof(OptionalStrings), sizeof(void*));
  // Two strings, nine one-pointer fields (six optional texts, the tags,
  // the citations and the unknown fields), an optional double, and the
  // one- and two-byte fields packed into the last eight bytes.
  EXPECT_LE(sizeof(Node), 2 * sizeof(std::string) + 9 * sizeof(void*) + sizeof(std::optional<double>) + 8)
      << "a node's empty fields should cost a pointer each, and its small fields no padding";
}

TEST(OptionalStringTest, TagsReadAsAnOptionalList) {
  OptionalStrings tags;
  EXPECT_FALSE(tags);
  EXPECT_EQ(tags, std::nullopt);
  EXPECT_EQ(tags.value_or(std::vector<std::string>{"none"}), std::vector<std::string>{"none"});
  tags.emplace();  // present and empty: not the same as absent
  ASSERT_TRUE(tags);
  EXPECT_TRUE(tags->empty());
  EXPECT_FALSE(tags == std::nullopt);
  EXPECT_EQ(tags, std::vector<std::string>{});
  tags->push_back("exhibit");
  EXPECT_EQ(tags, (std::vector<std::string>{"exhibit"}));
  OptionalStrings copy = tags;
  copy->push_back("sealed");
  EXPECT_EQ(tags->size(), 1U);
  EXPECT_FALSE(copy == tags);
  std::optional<std::vector<std::string>> as_std = copy;
  EXPECT_EQ(as_std, (std::vector<std::string>{"exhibit", "sealed"}));
  tags = std::nullopt;
  EXPECT_FALSE(tags);
  EXPECT_FALSE(tags == copy);
}

TEST(OptionalStringTest, EmptyAndSetAsStdOptional) {
  OptionalString s;
  EXPECT_FALSE(s);
  EXPECT_FALSE(s.has_value());
  EXPECT_EQ(s, std::nullopt);
  EXPECT_EQ(s.value_or("fallback"), "fallback");
  EXPECT_THROW((void)s.value(), std::bad_optional_access);

  s = "Parler";
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, "Parler");
  EXPECT_EQ(s->size(), 6U);
  EXPECT_EQ(s.value(), "Parler");
  EXPECT_EQ(s.value_or("x"), "Parler");
  EXPECT_EQ(as_std(s), std::optional<std::string>("Parler"));

  s = std::nullopt;
  EXPECT_FALSE(s);
  s.emplace(3, 'a');
  EXPECT_EQ(*s, "aaa");
  s.reset();
  EXPECT_EQ(as_std(s), std::nullopt);
}

TEST(OptionalStringTest, CopiesAreDeepAndMovesEmptyTheSource) {
  OptionalString a = std::string(100, 'x');  // past any small-string buffer
  OptionalString b = a;
  ASSERT_TRUE(b);
  EXPECT_NE(&*a, &*b);
  *b += "y";
  EXPECT_EQ(a->size(), 100U);
  EXPECT_EQ(b->size(), 101U);

  OptionalString c = std::move(b);
  EXPECT_EQ(c->size(), 101U);
  a = c;  // copy-assign over a value
  EXPECT_EQ(*a, *c);
  const OptionalString& same = a;
  a = same;  // self-assignment keeps the value
  EXPECT_EQ(a->size(), 101U);
  OptionalString empty;
  a = empty;  // copy-assign an empty one
  EXPECT_FALSE(a);
}

TEST(OptionalStringTest, ConvertsFromAndToStdOptional) {
  const std::optional<std::string> set = "text", none;
  OptionalString s = set;
  EXPECT_EQ(s, set);
  s = none;
  EXPECT_EQ(s, none);
  std::optional<std::string> moved = "moved";
  s = std::move(moved);
  EXPECT_EQ(*s, "moved");
  const std::optional<std::string> back = s;
  EXPECT_EQ(back, std::optional<std::string>("moved"));
}

TEST(OptionalStringTest, ComparesAsStdOptionalDoes) {
  const std::vector<std::optional<std::string>> values = {std::nullopt, "", "a", "b", std::string("a\0b", 3)};
  for (const auto& x : values) {
    for (const auto& y : values) {
      const OptionalString a = x, b = y;
      EXPECT_EQ(a == b, x == y);
      EXPECT_EQ(a == y, x == y);
      if (y) {
        EXPECT_EQ(a == *y, x == *y);
        EXPECT_EQ(a == std::string_view(*y), x == *y);
      }
    }
  }
  EXPECT_TRUE(OptionalString("x") == "x");
  EXPECT_FALSE(OptionalString() == "");
}

TEST(OptionalStringTest, NodesWithTheFieldsCompareAndCopy) {
  Node a;
  a.id = "n1";
  a.party = "Amazon";
  Node b = a;
  EXPECT_EQ(a, b);
  b.party = "Parler";
  EXPECT_FALSE(a == b);
  b.party.reset();
  EXPECT_FALSE(a == b);
  a.party = std::nullopt;
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace claimgraph
