#pragma once
// The fast path of the case-file reader: simdjson's On-Demand parser (SIMD
// structural indexing and UTF-8 validation of the whole input at once) walked
// into the same events, with the same byte offsets, that detail::JsonParser
// hands its handler (see json_parser.hpp for the handler's calls).
//
// It accepts only what JsonParser accepts, and gives up at the first thing
// it does not like, naming nothing: on `rejected` the caller reads the input
// again with JsonParser, whose messages say what is wrong and where. Well-
// formed input therefore gives the same events either way, and any other
// input the same first error; the differential fuzz target
// (fuzz/fuzz_json_paths.cpp) holds the two to that.
//
// A handler may also offer wants_count() and count(n): asked right after
// start_array, it is told how many elements the array holds.
//
// The walk keeps its own stack of open objects and arrays, so that no input
// can overflow the call stack; simdjson limits nesting to its maximum depth
// (1024), beyond which the input is rejected here and JsonParser reads it.

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace claimgraph::detail {

/// How a fast parse ended.
enum class FastParseStatus {
  complete,            ///< every event was handed on
  stopped_by_handler,  ///< the handler returned false
  rejected,            ///< simdjson refused the input: read it with JsonParser
};

/// Whether `raw` is a number as JSON writes it (RFC 8259, section 6).
[[nodiscard]] inline bool is_json_number(std::string_view raw) noexcept {
  std::size_t i = 0;
  const std::size_t n = raw.size();
  const auto digit = [&](std::size_t k) { return k < n && raw[k] >= '0' && raw[k] <= '9'; };
  if (i < n && raw[i] == '-') ++i;
  if (!digit(i)) return false;
  if (raw[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < n && raw[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < n && (raw[i] == 'e' || raw[i] == 'E')) {
    ++i;
    if (i < n && (raw[i] == '+' || raw[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == n;
}

template <typename Handler>
class SimdJsonEvents {
 public:
  /// `text` must be followed by at least simdjson::SIMDJSON_PADDING readable
  /// bytes (`capacity` counts them).
  SimdJsonEvents(std::string_view text, std::size_t capacity, Handler& handler)
      : s_(text), capacity_(capacity), h_(handler) {}

  FastParseStatus parse() {
    namespace od = simdjson::ondemand;
    if (capacity_ < s_.size() + simdjson::SIMDJSON_PADDING) return FastParseStatus::rejected;
    od::parser parser;
    od::document doc;
    if (parser.iterate(s_.data(), s_.size(), capacity_).get(doc) != simdjson::SUCCESS) {
      return FastParseStatus::rejected;
    }
    od::json_type type{};
    if (doc.type().get(type) != simdjson::SUCCESS) return FastParseStatus::rejected;
    std::string_view token;
    if (doc.raw_json_token().get(token) != simdjson::SUCCESS) return FastParseStatus::rejected;
    if (offset(token.data()) != skip_ws(0)) return FastParseStatus::rejected;
    Result r = Result::ok;
    switch (type) {
      case od::json_type::object: {
        od::object object;
        if (doc.get_object().get(object) != simdjson::SUCCESS) return FastParseStatus::rejected;
        r = open_object(object, token);
        if (r == Result::ok) r = walk();
        break;
      }
      case od::json_type::array: {
        od::array array;
        if (doc.get_array().get(array) != simdjson::SUCCESS) return FastParseStatus::rejected;
        r = open_array(array, token);
        if (r == Result::ok) r = walk();
        break;
      }
      default: r = root_scalar(doc, type, token); break;
    }
    if (r == Result::stop) return FastParseStatus::stopped_by_handler;
    // Nothing but whitespace may follow the document.
    if (r == Result::reject || skip_ws(end_) != s_.size()) return FastParseStatus::rejected;
    return FastParseStatus::complete;
  }

 private:
  enum class Result { ok, stop, reject };
  using Value = simdjson::ondemand::value;

  struct Level {
    bool object = false;
    bool first = true;
    simdjson::ondemand::object_iterator object_at{}, object_end{};
    simdjson::ondemand::array_iterator array_at{}, array_end{};
  };

  std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - s_.data()); }

  std::size_t skip_ws(std::size_t p) const {
    while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\n' || s_[p] == '\t' || s_[p] == '\r')) ++p;
    return p;
  }

  // Whether `s` holds a backslash. Most strings of a case file are short
  // (ids, kinds, labels): eight bytes at a time, without a library call.
  static bool has_backslash(std::string_view s) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    constexpr std::uint64_t pattern = ones * static_cast<unsigned char>('\\');
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, 8);
      const std::uint64_t x = word ^ pattern;
      if (((x - ones) & ~x & highs) != 0) return true;
    }
    for (; i < s.size(); ++i) {
      if (s[i] == '\\') return true;
    }
    return false;
  }

  // The value's token without the whitespace simdjson counts into it.
  static std::string_view trimmed(std::string_view token) {
    while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\t' || token.back() == '\r')) {
      token.remove_suffix(1);
    }
    return token;
  }

  Result open_object(simdjson::ondemand::object& object, std::string_view token) {
    const std::size_t at = offset(token.data());
    if (!h_.start_object(at)) return Result::stop;
    Level level;
    level.object = true;
    if (object.begin().get(level.object_at) != simdjson::SUCCESS) return Result::reject;
    if (object.end().get(level.object_end) != simdjson::SUCCESS) return Result::reject;
    stack_.push_back(level);
    end_ = at + 1;
    return Result::ok;
  }

  Result open_array(simdjson::ondemand::array& array, std::string_view token) {
    const std::size_t at = offset(token.data());
    if (!h_.start_array(at)) return Result::stop;
    // A handler may ask how many elements an array holds before it reads
    // them (to size its storage once): simdjson counts them over its index.
    if constexpr (requires(Handler& h) { h.wants_count(); h.count(std::size_t{}); }) {
      if (h_.wants_count()) {
        std::size_t n = 0;
        if (array.count_elements().get(n) != simdjson::SUCCESS) return Result::reject;
        h_.count(n);
      }
    }
    Level level;
    if (array.begin().get(level.array_at) != simdjson::SUCCESS) return Result::reject;
    if (array.end().get(level.array_end) != simdjson::SUCCESS) return Result::reject;
    stack_.push_back(level);
    end_ = at + 1;
    return Result::ok;
  }

  // A string's value: a view into the input when it has no escapes, else
  // simdjson's unescaped copy (valid until the next string).
  template <typename V>
  static bool string_value(V& value, std::string_view token, std::string_view& out) {
    const std::string_view raw = trimmed(token);
    if (raw.size() < 2 || raw.back() != '"') return false;
    const std::string_view inner = raw.substr(1, raw.size() - 2);
    if (!has_backslash(inner)) {
      out = inner;
      return true;
    }
    return value.get_string().get(out) == simdjson::SUCCESS;
  }

  template <typename V>
  Result scalar(V& value, simdjson::ondemand::json_type type, std::string_view token) {
    namespace od = simdjson::ondemand;
    const std::size_t at = offset(token.data());
    const std::string_view raw = trimmed(token);
    bool more = true;
    switch (type) {
      case od::json_type::string: {
        std::string_view text;
        if (!string_value(value, token, text)) return Result::reject;
        more = h_.string(text, at);
        break;
      }
      case od::json_type::number:
        if (!is_json_number(raw)) return Result::reject;
        more = h_.number(raw, at);
        break;
      case od::json_type::boolean: {
        bool b = false;
        if (value.get_bool().get(b) != simdjson::SUCCESS || raw != (b ? "true" : "false")) return Result::reject;
        more = h_.boolean(b, at);
        break;
      }
      case od::json_type::null: {
        bool null = false;
        if (value.is_null().get(null) != simdjson::SUCCESS || !null || raw != "null") return Result::reject;
        more = h_.null(at);
        break;
      }
      default: return Result::reject;
    }
    end_ = at + token.size();
    return more ? Result::ok : Result::stop;
  }

  Result root_scalar(simdjson::ondemand::document& doc, simdjson::ondemand::json_type type, std::string_view token) {
    return scalar(doc, type, token);
  }

  // One value (an element or a member's value), which must start at
  // `expected`: a scalar is handed on, an object or array is opened and
  // walked next.
  Result value(Value& v, std::size_t expected) {
    namespace od = simdjson::ondemand;
    od::json_type type{};
    if (v.type().get(type) != simdjson::SUCCESS) return Result::reject;
    const std::string_view token = v.raw_json_token();
    if (token.empty() || offset(token.data()) != expected) return Result::reject;
    if (type == od::json_type::object) {
      od::object object;
      if (v.get_object().get(object) != simdjson::SUCCESS) return Result::reject;
      return open_object(object, token);
    }
    if (type == od::json_type::array) {
      od::array array;
      if (v.get_array().get(array) != simdjson::SUCCESS) return Result::reject;
      return open_array(array, token);
    }
    return scalar(v, type, token);
  }

  // Walks the open containers until the outermost one closes.
  // Walks the open containers until the outermost one closes.
  //
  // simdjson's On-Demand front end does not check every rule of JSON's
  // grammar on the way (it is not a validating parser: a value it is not
  // asked for may be skipped unchecked), so the walk checks the punctuation
  // itself: each element starts right after its '[', '{' or ',' (and a
  // member's value right after its ':'), and each is followed by ',' or the
  // closing bracket, as simdjson's iteration also says.
  Result walk() {
    namespace od = simdjson::ondemand;
    while (!stack_.empty()) {
      Level& level = stack_.back();
      const char close = level.object ? '}' : ']';
      // Where the next element starts, if there is one: after the bracket
      // for the first, after a comma for the others.
      std::size_t at = skip_ws(end_);
      bool more = false;
      if (level.first) {
        more = at < s_.size() && s_[at] != close;
      } else {
        if (at >= s_.size() || (s_[at] != ',' && s_[at] != close)) return Result::reject;
        more = s_[at] == ',';
        if (more) at = skip_ws(at + 1);
        if (level.object) {
          ++level.object_at;
        } else {
          ++level.array_at;
        }
      }
      level.first = false;
      const bool done = level.object ? !(level.object_at != level.object_end) : !(level.array_at != level.array_end);
      if (done == more) return Result::reject;  // simdjson and the punctuation disagree
      if (done) {
        if (at >= s_.size() || s_[at] != close) return Result::reject;
        const bool object = level.object;
        stack_.pop_back();
        if (!(object ? h_.end_object(at) : h_.end_array(at))) return Result::stop;
        end_ = at + 1;
        continue;
      }
      if (level.object) {
        od::field field;
        if ((*level.object_at).get(field) != simdjson::SUCCESS) return Result::reject;
        const char* raw = field.key().raw();
        const std::size_t key_at = offset(raw) - 1;
        if (key_at != at || s_[at] != '"') return Result::reject;
        // The key runs to its closing quote; with a backslash in it,
        // simdjson unescapes it.
        const char* end = raw;
        const char* const limit = s_.data() + s_.size();
        bool escaped = false;
        while (end < limit && *end != '"') {
          if (*end == '\\') {
            escaped = true;
            ++end;
          }
          ++end;
        }
        if (end >= limit) return Result::reject;
        std::string_view key(raw, static_cast<std::size_t>(end - raw));
        if (escaped && field.unescaped_key().get(key) != simdjson::SUCCESS) return Result::reject;
        const std::size_t colon = skip_ws(offset(end) + 1);
        if (colon >= s_.size() || s_[colon] != ':') return Result::reject;
        if (!h_.key(key, key_at)) return Result::stop;
        const Result r = value(field.value(), skip_ws(colon + 1));
        if (r != Result::ok) return r;
      } else {
        Value v;
        if ((*level.array_at).get(v) != simdjson::SUCCESS) return Result::reject;
        const Result r = value(v, at);
        if (r != Result::ok) return r;
      }
    }
    return Result::ok;
  }

  std::string_view s_;
  std::size_t capacity_;
  Handler& h_;
  std::vector<Level> stack_;
  std::size_t end_ = 0;  // just past the last value handed on (or the bracket opened)
};

}  // namespace claimgraph::detail
