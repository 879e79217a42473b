// The fast walk over simdjson's structural index (SimdJsonEvents) against
// the located parser (JsonParser), event by event: on well-formed JSON the
// same calls with the same offsets, on anything else a refusal. The
// documents are written by hand for the corners and generated (seeded) for
// breadth, then broken one byte at a time.
#include "detail/simd_json_events.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "detail/json_parser.hpp"

namespace claimgraph::detail {
namespace {

// Writes down every call; stops (returns false) at call number `stop_at`.
struct Recorder {
  std::vector<std::string> events;
  std::size_t stop_at = static_cast<std::size_t>(-1);
  bool counting = false;
  std::vector<std::size_t> counts;  // what count() was told, in order of the arrays
  // Per open array: its position in counts (or npos) and the elements met.
  struct Open {
    std::size_t count_at;
    std::size_t elements = 0;
  };
  std::vector<Open> open;
  std::vector<std::size_t> seen;  // per array, in order: the elements it held

  bool log(std::string e, std::size_t at) {
    events.push_back(std::move(e) + "@" + std::to_string(at));
    return events.size() != stop_at;
  }
  void element() {
    if (!open.empty() && open.back().count_at != static_cast<std::size_t>(-2)) ++open.back().elements;
  }
  bool start_object(std::size_t at) {
    element();
    open.push_back({static_cast<std::size_t>(-2)});
    return log("{", at);
  }
  bool end_object(std::size_t at) {
    open.pop_back();
    return log("}", at);
  }
  bool start_array(std::size_t at) {
    element();
    open.push_back({seen.size()});
    seen.push_back(0);
    return log("[", at);
  }
  bool end_array(std::size_t at) {
    seen[open.back().count_at] = open.back().elements;
    open.pop_back();
    return log("]", at);
  }
  bool key(std::string_view k, std::size_t at) { return log("k:" + std::string(k), at); }
  bool string(std::string_view v, std::size_t at) {
    element();
    return log("s:" + std::string(v), at);
  }
  bool number(std::string_view raw, std::size_t at) {
    element();
    return log("n:" + std::string(raw), at);
  }
  bool boolean(bool b, std::size_t at) {
    element();
    return log(b ? "true" : "false", at);
  }
  bool null(std::size_t at) {
    element();
    return log("null", at);
  }
  bool wants_count() const { return counting; }
  void count(std::size_t n) { counts.push_back(n); }
};

struct Outcome {
  FastParseStatus fast;
  JsonParseStatus located;
  Recorder f, l;
};

Outcome both(std::string_view text, std::size_t stop_at = static_cast<std::size_t>(-1)) {
  // The walk reads in place: the text followed by simdjson's padding.
  std::vector<char> buffer(text.size() + simdjson::SIMDJSON_PADDING, '\0');
  std::copy(text.begin(), text.end(), buffer.begin());
  const std::string_view padded(buffer.data(), text.size());
  Outcome o{};
  o.f.stop_at = o.l.stop_at = stop_at;
  o.f.counting = true;
  o.fast = SimdJsonEvents<Recorder>(padded, buffer.size(), o.f).parse();
  o.located = JsonParser<Recorder>(padded, o.l).parse();
  return o;
}

void expect_alike(std::string_view text) {
  SCOPED_TRACE(std::string(text.substr(0, 200)));
  const Outcome o = both(text);
  if (o.located == JsonParseStatus::syntax_error) {
    EXPECT_EQ(o.fast, FastParseStatus::rejected) << "the walk accepted what is not JSON";
    return;
  }
  ASSERT_EQ(o.fast, FastParseStatus::complete);
  EXPECT_EQ(o.f.events, o.l.events);
  // Each array was announced with the number of elements it then held.
  EXPECT_EQ(o.f.counts, o.f.seen);
}

TEST(SimdJsonEventsTest, WellFormedDocumentsGiveTheLocatedParsersEvents) {
  for (const char* text : {
           R"({})",
           R"([])",
           R"("a")",
           R"(  -0.5e+3  )",
           R"(true)",
           "null\n",
           R"({"a": [1, [2, [], {}], {"b": {"c": []}}], "d": "e"})",
           R"([[[[[[[[[["deep"]]]]]]]]]])",
           R"({"k\"ey": "v\\al\/ue\n\t\u00e9\uD83D\uDE00", "": ""})",
           "{\"\xC3\xA9\xF0\x9F\x98\x80\": \"\xE2\x82\xAC\"}",
           " \t\r\n{ \"a\" \t:\r\n1 ,\"b\":[ 1 , 2 ] } \n",
           R"([0, -0, 1E2, 1e-2, 123456789012345678901234567890, 0.000001])",
           R"({"a\\": "\\", "b": "\\\\\"", "c": "x\\"})",
       }) {
    expect_alike(text);
  }
}

TEST(SimdJsonEventsTest, NestingDeeperThanSimdjsonsOwnLimitIsWalkedWithoutRecursion) {
  std::string text(5000, '[');
  text += "1";
  text.append(5000, ']');
  expect_alike(text);
  EXPECT_EQ(both(text).f.events.size(), 10001U);
}

TEST(SimdJsonEventsTest, WhatIsNotJsonIsRefused) {
  for (const char* text : {
           "", "   ", "[", "]", "{", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{1: 2}", "[1,]", "[,]", "{,}", "[1 2]",
           "[\"a\" \"b\"]", "[\"a\"x]", "[truex]", "[nul]", "[01]", "[1.]", "[.5]", "[-]", "[1e]", "[+1]", "[1.5.3]",
           "[\"\\x\"]", "[\"\\u12\"]", "[\"\\ud800\"]", "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]", "[\"a\tb\"]",
           "{\"a\x01\": 1}", "[\"\xC3\x28\"]", "[\"\xED\xA0\x80\"]", "\xEF\xBB\xBF[]", "[] []", "[]]", "[} ", "{]",
           "[1]x", "x[1]", "[1]\v", "\v[1]", "[1,\f2]", "['a']", "[\"abc]", "{\"a\":1,}", "{\"a\"::1}",
       }) {
    SCOPED_TRACE(text);
    const Outcome o = both(text);
    EXPECT_EQ(o.located, JsonParseStatus::syntax_error);
    EXPECT_EQ(o.fast, FastParseStatus::rejected);
  }
}

TEST(SimdJsonEventsTest, AHandlerThatStopsIsObeyedAtTheSameEvent) {
  const std::string text = R"({"a": [1, "b", {"c": null}], "d": false})";
  const std::size_t total = both(text).l.events.size();
  ASSERT_EQ(total, 13U);
  for (std::size_t stop = 1; stop <= total; ++stop) {
    SCOPED_TRACE(stop);
    const Outcome o = both(text, stop);
    EXPECT_EQ(o.fast, FastParseStatus::stopped_by_handler);
    EXPECT_EQ(o.located, JsonParseStatus::stopped_by_handler);
    EXPECT_EQ(o.f.events, o.l.events);
    EXPECT_EQ(o.f.events.size(), stop);
  }
}

// A random well-formed document: nested objects and arrays, strings with
// and without escapes (some multi-byte), numbers and literals, and random
// JSON whitespace between every two tokens.
class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  std::string document() {
    out_.clear();
    value(0);
    ws();
    return out_;
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  void ws() {
    static constexpr std::string_view spaces[] = {"", "", "", " ", "\n  ", "\t", "\r\n"};
    out_ += spaces[pick(std::size(spaces))];
  }

  void string() {
    static constexpr std::string_view pieces[] = {"a", "id", "n12", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00",
                                                  "\xC3\xA9", "\xE2\x82\xAC", " ", "/", "\\/", "long text of a label "};
    out_ += '"';
    const std::size_t n = pick(6);
    for (std::size_t i = 0; i < n; ++i) out_ += pieces[pick(std::size(pieces))];
    out_ += '"';
  }

  void value(std::size_t depth) {
    ws();
    const std::size_t choice = depth > 6 ? 2 + pick(5) : pick(7);
    switch (choice) {
      case 0:
      case 1: {
        const bool object = choice == 0;
        out_ += object ? '{' : '[';
        const std::size_t n = pick(5);
        for (std::size_t i = 0; i < n; ++i) {
          if (i > 0) out_ += ',';
          if (object) {
            ws();
            string();
            ws();
            out_ += ':';
          }
          value(depth + 1);
          ws();
        }
        if (n == 0) ws();
        out_ += object ? '}' : ']';
        break;
      }
      case 2:
      case 3: string(); break;
      case 4: {
        static constexpr std::string_view numbers[] = {"0", "-1", "12.5", "1e10", "-0.25E-3", "42"};
        out_ += numbers[pick(std::size(numbers))];
        break;
      }
      case 5: out_ += pick(2) == 0 ? "true" : "false"; break;
      default: out_ += "null"; break;
    }
  }

  std::mt19937 rng_;
  std::string out_;
};

TEST(SimdJsonEventsTest, GeneratedDocumentsAndEveryOneByteBreakageAgree) {
  Generator generate(20261203);
  std::mt19937 rng(7);
  static constexpr char bytes[] = {'{', '}', '[', ']', ':', ',', '"', '\\', ' ', '1', 'e', '-', 'n', '\x01', '\x80'};
  for (int round = 0; round < 300; ++round) {
    const std::string text = generate.document();
    ASSERT_EQ(both(text).located, JsonParseStatus::complete) << text;
    expect_alike(text);
    // Broken at a few places each: a byte dropped, replaced or inserted.
    for (int k = 0; k < 8 && !text.empty(); ++k) {
      std::string broken = text;
      const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(rng);
      const char byte = bytes[std::uniform_int_distribution<std::size_t>(0, std::size(bytes) - 1)(rng)];
      switch (k % 3) {
        case 0: broken.erase(at, 1); break;
        case 1: broken[at] = byte; break;
        default: broken.insert(at, 1, byte); break;
      }
      expect_alike(broken);
    }
  }
}

}  // namespace
}  // namespace claimgraph::detail
