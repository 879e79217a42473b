#include "detail/text.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::detail {
namespace {

class TextTest : public ::testing::Test {
 protected:
  // Every code point of `s` and where decoding stopped after each.
  static std::vector<std::pair<char32_t, std::size_t>> decode_all(std::string_view s) {
    std::vector<std::pair<char32_t, std::size_t>> out;
    for (std::size_t i = 0; i < s.size();) {
      const char32_t cp = decode_utf8(s, i);
      out.emplace_back(cp, i);
    }
    return out;
  }
  using Decoded = std::vector<std::pair<char32_t, std::size_t>>;
};

TEST_F(TextTest, DecodesValidUtf8) {
  EXPECT_EQ(decode_all("a§—😀"), (Decoded{{U'a', 1}, {U'§', 3}, {U'—', 6}, {U'😀', 10}}));
}

TEST_F(TextTest, PlainReplacesControlsAndInvalidBytesAndKeepsTheRest) {
  EXPECT_EQ(plain(""), "");
  EXPECT_EQ(plain("Exhibit A, p. 2 ~ {x}"), "Exhibit A, p. 2 ~ {x}");
  EXPECT_EQ(plain("a\nb\tc\x7F" "d"), "a b c d");
  EXPECT_EQ(plain(std::string_view("\0x", 2)), " x");
  EXPECT_EQ(plain("\xC2\x85next\xC2\xA0nbsp"), " next\xC2\xA0nbsp");  // C1 NEL becomes a space; U+00A0 stays
  EXPECT_EQ(plain("§ “q” — 😀"), "§ “q” — 😀");
  EXPECT_EQ(plain("ok\xFF" "ok"), "ok\xEF\xBF\xBDok");      // an invalid byte is U+FFFD
  EXPECT_EQ(plain("end\xE2\x80"), "end\xEF\xBF\xBD\xEF\xBF\xBD");  // a truncated sequence, one byte at a time
}

TEST_F(TextTest, PlainMatchesDecodingEveryCodePoint) {
  // The same as decoding all of it, for every short mix of ASCII, controls,
  // C1 controls, multi-byte and broken sequences.
  const std::array<std::string_view, 9> pieces = {"a", " ", "\n", "\x7F", "\xC2\x9F", "\xC2\xA0", "\xE2\x80\x94",
                                                  "\xE2\x80", "\xF0\x9F\x98\x80"};
  for (const auto a : pieces) {
    for (const auto b : pieces) {
      for (const auto c : pieces) {
        const std::string s = std::string(a) + std::string(b) + std::string(c);
        std::string expected;
        for (const auto& [cp, at] : decode_all(s)) {
          append_utf8(expected, cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ? U' ' : cp);
        }
        EXPECT_EQ(plain(s), expected) << shown(s);
      }
    }
  }
}

TEST_F(TextTest, InvalidBytesDecodeToReplacementOneByteAtATime) {
  constexpr char32_t r = replacement_character;
  EXPECT_EQ(decode_all("\xFF"), (Decoded{{r, 1}}));
  EXPECT_EQ(decode_all("\x80" "a"), (Decoded{{r, 1}, {U'a', 2}}));
  EXPECT_EQ(decode_all("\xE2\x80"), (Decoded{{r, 1}, {r, 2}}));                     // truncated
  EXPECT_EQ(decode_all("\xC0\x80"), (Decoded{{r, 1}, {r, 2}}));                     // overlong NUL
  EXPECT_EQ(decode_all("\xED\xB0\x80"), (Decoded{{r, 1}, {r, 2}, {r, 3}}));         // surrogate
  EXPECT_EQ(decode_all("\xF4\x90\x80\x80"), (Decoded{{r, 1}, {r, 2}, {r, 3}, {r, 4}}));  // above U+10FFFF
  EXPECT_EQ(decode_all("\xE2(a"), (Decoded{{r, 1}, {U'(', 2}, {U'a', 3}}));
}

TEST_F(TextTest, AppendUtf8RoundTrips) {
  for (char32_t cp : {U'\0', U'a', U'\x7F', U'\x80', U'§', U'\x7FF', U'\x800', U'—', U'\xFFFD', U'😀', U'\x10FFFF'}) {
    std::string s;
    append_utf8(s, cp);
    std::size_t i = 0;
    EXPECT_EQ(decode_utf8(s, i), cp);
    EXPECT_EQ(i, s.size());
  }
}

TEST_F(TextTest, Utf8Length) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("§¶—😀"), 4u);
  EXPECT_EQ(utf8_length("a\xFF\xFE" "b"), 4u);
}

TEST_F(TextTest, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("label", "label"), 0u);
  EXPECT_EQ(edit_distance("lable", "label"), 1u);  // transposition
  EXPECT_EQ(edit_distance("suports", "supports"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST_F(TextTest, Nearest) {
  constexpr std::array<std::string_view, 3> kinds{"claim", "counterclaim", "evidence"};
  EXPECT_EQ(nearest("cliam", kinds), "claim");
  EXPECT_EQ(nearest("evidense", kinds), "evidence");
  EXPECT_EQ(nearest("counterclam", kinds), "counterclaim");
  EXPECT_EQ(nearest("", kinds), std::nullopt);
  EXPECT_EQ(nearest("zzz", kinds), std::nullopt);
  constexpr std::array<std::string_view, 2> ids{"c1", "c2"};
  EXPECT_EQ(nearest("c7", ids), "c1");  // the first of equally near candidates
  EXPECT_EQ(nearest("x", std::span<const std::string_view>{}), std::nullopt);
}

TEST_F(TextTest, NearestKnowsTheWordsALawyerTypes) {
  constexpr std::array<std::string_view, 3> kinds{"claim", "counterclaim", "evidence"};
  constexpr std::array<std::string_view, 4> relations{"supports", "contradicts", "element-of", "undercuts"};
  // Synonyms, in any case or punctuation, where their meaning is a candidate.
  EXPECT_EQ(nearest("fact", kinds), "evidence");
  EXPECT_EQ(nearest("Exhibit", kinds), "evidence");
  EXPECT_EQ(nearest("defence", kinds), "counterclaim");
  EXPECT_EQ(nearest("affirmative defense", kinds), "counterclaim");
  EXPECT_EQ(nearest("element", kinds), "claim");
  EXPECT_EQ(nearest("attacks", relations), "contradicts");
  EXPECT_EQ(nearest("rebuts", relations), "contradicts");
  EXPECT_EQ(nearest("element", relations), "element-of");
  EXPECT_EQ(nearest("part_of", relations), "element-of");
  // A synonym whose meaning is not a candidate suggests nothing.
  constexpr std::array<std::string_view, 2> exhibits{"exhibit_4", "fact_1"};
  EXPECT_EQ(nearest("defence", exhibits), std::nullopt);
  // The same name in other case or punctuation.
  constexpr std::array<std::string_view, 3> names{"fair_use", "market_harm", "parler_antitrust"};
  EXPECT_EQ(nearest("fairuse", names), "fair_use");
  EXPECT_EQ(nearest("Fair-Use", names), "fair_use");
  EXPECT_EQ(nearest("element_of", relations), "element-of");
  // Part of one name only, four letters or more.
  EXPECT_EQ(nearest("antitrust", names), "parler_antitrust");
  EXPECT_EQ(nearest("harm", names), "market_harm");
  constexpr std::array<std::string_view, 2> two{"market_harm", "reputational_harm"};
  EXPECT_EQ(nearest("harm", two), std::nullopt);  // part of both: no guess
  EXPECT_EQ(nearest("use", names), std::nullopt);  // too short to guess from
}

TEST_F(TextTest, ContainingAllFindsTheWordInAnyCaseOrPunctuation) {
  constexpr std::array<std::string_view, 5> labels{"Breach of contract", "no breach", "Cure period", "BREACH-notice",
                                                   "breach"};
  std::size_t count = 99;
  EXPECT_EQ(containing_all("breach", labels, 2, &count), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(count, 4u);  // all of them, past the limit
  EXPECT_EQ(containing_all("Breach", labels, 10), (std::vector<std::size_t>{0, 1, 3, 4}));
  EXPECT_EQ(containing_all("breachnotice", labels, 10, &count), (std::vector<std::size_t>{3}));
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(containing_all("of", labels, 10, &count), std::vector<std::size_t>{});  // too short to look for
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(containing(std::string_view("breach"), labels), std::nullopt);  // not one only
  EXPECT_EQ(containing(std::string_view("cure"), labels), 2u);
}

TEST_F(TextTest, QuotedList) {
  constexpr std::array<std::string_view, 3> three{"a", "b", "c"};
  EXPECT_EQ(quoted_list(three), R"("a", "b" or "c")");
  EXPECT_EQ(quoted_list(std::span(three).first(2)), R"("a" or "b")");
  EXPECT_EQ(quoted_list(std::span(three).first(1)), R"("a")");
  EXPECT_EQ(quoted_list({}), "");
}

}  // namespace
}  // namespace claimgraph::detail
