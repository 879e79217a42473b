#include "detail/json_members.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::detail {
namespace {

// Each key as a member with the value 1, in `style`.
std::string members(JsonStyle style, const std::vector<std::string>& keys) {
  std::string out;
  JsonMembers m(out, style);
  for (const auto& key : keys) m.raw(key, "1");
  return out;
}

// `written` (each key as a JSON string literal, quotes included) as members
// with the value 1, separated by `comma`, each key followed by `colon`.
std::string expected(std::string_view comma, std::string_view colon, const std::vector<std::string>& written) {
  std::string out;
  for (std::size_t i = 0; i < written.size(); ++i) {
    if (i > 0) out += comma;
    out += written[i];
    out += colon;
    out += '1';
  }
  return out;
}

// Keys that need no escaping are written in one piece, the others escaped as
// any string is; either way a key reads as its JSON string literal, with the
// style's separators, at every length around the one piece's room.
TEST(JsonMembersTest, KeysAreWrittenAsTheirStyleEscapesThemAtAnyLength) {
  const std::string k58(58, 'k'), k59(59, 'k'), k200(200, 'k');
  const std::vector<std::string> keys = {"id", "a\"b", "<x>&", "\xC3\xA9", "\x7F", "a\\b", "\n", k58, k59, k200, ""};
  std::vector<std::string> written = {"\"id\"",     "\"a\\\"b\"", "\"<x>&\"", "\"\xC3\xA9\"",
                                      "\"\x7F\"",   "\"a\\\\b\"", "\"\\n\"", "\"" + k58 + "\"",
                                      "\"" + k59 + "\"", "\"" + k200 + "\"", "\"\""};
  EXPECT_EQ(members(JsonStyle::spaced, keys), expected(", ", ": ", written));
  EXPECT_EQ(members(JsonStyle::compact, keys), expected(",", ":", written));
  written[2] = "\"\\u003cx\\u003e\\u0026\"";
  EXPECT_EQ(members(JsonStyle::script, keys), expected(",", ":", written));
}

TEST(JsonMembersTest, TheFirstMemberHasNoSeparator) {
  EXPECT_EQ(members(JsonStyle::spaced, {"title"}), "\"title\": 1");
  EXPECT_EQ(members(JsonStyle::compact, {"title", "kind"}), "\"title\":1,\"kind\":1");
  EXPECT_EQ(members(JsonStyle::spaced, {"a\"", "b"}), "\"a\\\"\": 1, \"b\": 1");
}

}  // namespace
}  // namespace claimgraph::detail
