#pragma once
// The fast path of the case-file reader: simdjson's structural indexing
// (stage 1: SIMD, with UTF-8 validation of the whole input at once), walked
// here into the same events, with the same byte offsets, that
// detail::JsonParser hands its handler (see json_parser.hpp for the
// handler's calls).
//
// Stage 1 leaves an index of where every structural character ({ } [ ] : ,)
// and every string, number and literal starts, strings skipped whole. The
// walk reads that index once, with a grammar of its own: each token is what
// lies between its index and the next, and is checked as JsonParser checks
// it: a number by RFC 8259's grammar, a literal exactly, a string with its
// escapes undone by simdjson's unescaper and the result valid UTF-8 (stage 1
// refuses raw control characters in strings, and invalid UTF-8 anywhere).
//
// It accepts only what JsonParser accepts, and gives up at the first thing
// it does not like, naming nothing: on `rejected` the caller reads the input
// again with JsonParser, whose messages say what is wrong and where. Well-
// formed input therefore gives the same events either way, and any other
// input the same first error; the differential fuzz target
// (fuzz/fuzz_json_paths.cpp) holds the two to that.
//
// A handler may also offer wants_count() and count(n): asked right after
// start_array, it is told how many elements the array holds; and
// read_object(k): offered each object before start_object, whose '{' is the
// k-th token, it may read the object itself over the index (kind_of(),
// plain_string()) and say which token follows it, or 0 to have it walked.
//
// The walk keeps its own stack of open objects and arrays, so that no input
// can overflow the call stack; how deep a file may nest is the handler's
// limit, as it is with JsonParser.
//
// simdjson's stage 1 is reached through its dom_parser_implementation, the
// runtime-dispatched kernel (AVX-512, AVX2, SSE4.2 or portable) its own DOM
// parser drives: the On-Demand front end is compiled only for the ISA the
// translation unit is built for, which for a portable build is the scalar
// one.

#include <simdjson.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
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
    if (!index()) return FastParseStatus::rejected;
    return walk_document();
  }

  /// Stage 1: indexes the text. False when simdjson refuses it.
  bool index() {
    if (capacity_ < s_.size() + simdjson::SIMDJSON_PADDING || s_.size() > simdjson::SIMDJSON_MAXSIZE_BYTES) {
      return false;
    }
    // The depth given is what simdjson's own stage 2 would need; the walk
    // below does not use it.
    if (simdjson::get_active_implementation()->create_dom_parser_implementation(s_.size(), 1, stage1_) !=
        simdjson::SUCCESS) {
      return false;
    }
    if (stage1_->stage1(reinterpret_cast<const std::uint8_t*>(s_.data()), s_.size(), simdjson::stage1_mode::regular) !=
        simdjson::SUCCESS) {
      return false;
    }
    index_ = stage1_->structural_indexes.get();
    count_ = stage1_->n_structural_indexes;
    return true;
  }

  /// Walks the indexed text (after index()) into events.
  FastParseStatus walk_document() {
    // Nothing but whitespace may come before the document, and simdjson
    // counts only JSON's four whitespace characters as such.
    if (count_ == 0 || index_[0] != skip_ws(0)) return FastParseStatus::rejected;
    const Result r = walk();
    if (r == Result::stop) return FastParseStatus::stopped_by_handler;
    // Nothing may follow the document: every token after it has an index.
    if (r == Result::reject || next_ != count_) return FastParseStatus::rejected;
    return FastParseStatus::complete;
  }

  /// Reads another walker's index (after its index(), which must outlive
  /// this one), for walking a part of the same text on another thread.
  /// False when simdjson has no unescaper to spare (out of memory).
  template <typename Other>
  bool share_index(const SimdJsonEvents<Other>& indexed) {
    // An implementation of its own, for unescaping strings: the index is
    // the other's.
    if (simdjson::get_active_implementation()->create_dom_parser_implementation(0, 1, stage1_) != simdjson::SUCCESS) {
      return false;
    }
    index_ = indexed.index_;
    count_ = indexed.count_;
    return true;
  }

  /// Walks only the value whose token is the k-th, as walk_document() would
  /// have on reaching it. Complete: every event was handed on, and end()
  /// is the token after the value.
  FastParseStatus walk_value(std::size_t k) {
    next_ = k;
    stack_.clear();
    const Result r = walk();
    if (r == Result::stop) return FastParseStatus::stopped_by_handler;
    return r == Result::reject ? FastParseStatus::rejected : FastParseStatus::complete;
  }
  [[nodiscard]] std::size_t end() const noexcept { return next_; }
  /// The first character of the k-th token, or '\0' past the last: '{',
  /// '[', '"', ':', ',' and so on.
  [[nodiscard]] char kind_of(std::size_t k) const noexcept { return at(k); }
  /// Whether the k-th token is a string written without escapes, as the
  /// walk would accept it: then `out` is its value, a view into the text.
  /// (It, token() and string_value() are read for every key and value of
  /// a large case, from several callers: always inlined, since GCC would
  /// call them out of line, a tenth of the reader's instructions.)
  [[gnu::always_inline]] bool plain_string(std::size_t k, std::string_view& out) {
    if (at(k) != '"') return false;
    std::string_view value;
    if (!string_value(token(k), value)) return false;
    const bool in_text = value.data() >= s_.data() && value.data() + value.size() <= s_.data() + s_.size();
    if (!in_text) return false;
    out = value;
    return true;
  }
  /// Where the k-th token starts in the text (k below the index's count).
  [[nodiscard]] std::size_t offset(std::size_t k) const noexcept { return index_[k]; }

  /// The token of the value of the document's top-level member `name` (as
  /// written between the quotes, without escapes), when the document is an
  /// object, the member comes before any problem the walk would refuse, and
  /// its value is an array; 0 otherwise. The values before it are skipped
  /// over the index, not walked: their tokens are not checked.
  [[nodiscard]] std::size_t top_level_array(std::string_view name) const {
    if (count_ == 0 || at(0) != '{') return 0;
    std::size_t k = 1;
    while (k + 2 < count_ && at(k) == '"' && at(k + 1) == ':') {
      const std::string_view key = token(k);
      const std::size_t value = k + 2;
      if (key.size() == name.size() + 2 && key.substr(1, name.size()) == name && key.back() == '"') {
        return at(value) == '[' ? value : 0;
      }
      // Past the value: a scalar is one token, an object or array runs to
      // the token that closes it.
      k = value;
      if (at(k) == '{' || at(k) == '[') {
        std::ptrdiff_t depth = 0;
        do {
          const char c = at(k++);
          depth += (c == '{' || c == '[') ? 1 : (c == '}' || c == ']') ? -1 : 0;
        } while (depth > 0 && k < count_);
        if (depth != 0) return 0;
      } else {
        ++k;
      }
      if (at(k) != ',') return 0;
      ++k;
    }
    return 0;
  }

 private:
  enum class Result { ok, stop, reject };

  struct Level {
    bool object = false;
    bool first = true;
  };

  [[nodiscard]] std::size_t skip_ws(std::size_t p) const {
    while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\n' || s_[p] == '\t' || s_[p] == '\r')) ++p;
    return p;
  }

  // The character at the k-th index, or '\0' past the last.
  [[nodiscard]] char at(std::size_t k) const { return k < count_ ? s_[index_[k]] : '\0'; }

  // The k-th token: from its index to the next one (or the end of the
  // text), without the whitespace that follows it.
  [[nodiscard, gnu::always_inline]] std::string_view token(std::size_t k) const {
    const std::size_t from = index_[k];
    std::size_t to = k + 1 < count_ ? index_[k + 1] : s_.size();
    while (to > from && (s_[to - 1] == ' ' || s_[to - 1] == '\n' || s_[to - 1] == '\t' || s_[to - 1] == '\r')) --to;
    return std::string_view(s_.data() + from, to - from);  // within s_: no bounds check needed
  }

  // The value of the string token `raw` (quotes included): a view into the
  // input when it has no escapes, else simdjson's unescaped copy in
  // scratch_ (valid until the next string). Stage 1 has already refused raw
  // control characters in strings.
  [[gnu::always_inline]] bool string_value(std::string_view raw, std::string_view& out) {
    if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"') return false;
    const std::string_view inner(raw.data() + 1, raw.size() - 2);
    // Strings come in the order of the text, so one search for the next
    // backslash serves every string before it: the whole text is searched
    // once, by memchr.
    const std::size_t from = static_cast<std::size_t>(inner.data() - s_.data());
    if (backslash_ < from) {
      const void* found = std::memchr(inner.data(), '\\', s_.size() - from);
      backslash_ = found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - s_.data()) : s_.size();
    }
    if (backslash_ >= from + inner.size()) {
      out = inner;
      return true;
    }
    // The unescaper reads up to the closing quote, and writes at most as
    // many bytes as it reads, plus its padding.
    scratch_.resize(inner.size() + simdjson::SIMDJSON_PADDING);
    std::uint8_t* end =
        stage1_->parse_string(reinterpret_cast<const std::uint8_t*>(inner.data()), scratch_.data());
    if (end == nullptr) return false;
    const std::size_t size = static_cast<std::size_t>(end - scratch_.data());
    out = std::string_view(reinterpret_cast<const char*>(scratch_.data()), size);
    // \u escapes must make valid UTF-8 (a lone surrogate does not).
    return simdjson::validate_utf8(out.data(), out.size());
  }

  // Counts the elements of the array whose '[' is the k-th index, over the
  // index: the commas at its own depth, plus one unless it is empty. Each
  // element that is an object or array is skipped to its close by a loop
  // that only keeps the depth (most of a large array's tokens lie inside
  // its elements); the commas are looked for between elements only. The
  // count stops where the array's depth closes, or at the end of the index.
  [[nodiscard]] std::size_t count_elements(std::size_t k) const {
    if (at(k + 1) == ']') return 0;
    static constexpr auto depth_change = [] {
      std::array<std::int8_t, 256> t{};
      t['['] = t['{'] = 1;
      t[']'] = t['}'] = -1;
      return t;
    }();
    std::size_t n = 1;
    std::size_t j = k + 1;
    while (j < count_) {
      const auto c = static_cast<unsigned char>(s_[index_[j++]]);
      if (c == ',') {
        ++n;
      } else if (depth_change[c] < 0) {
        break;
      } else if (depth_change[c] > 0) {
        std::ptrdiff_t depth = 1;
        while (depth > 0 && j < count_) depth += depth_change[static_cast<unsigned char>(s_[index_[j++]])];
      }
    }
    return n;
  }

  // The value whose token is the next_-th: a scalar is handed on, an object
  // or array is opened (and walked by walk()).
  Result value() {
    if (next_ >= count_) return Result::reject;
    const std::size_t k = next_++;
    const std::size_t offset = index_[k];
    switch (s_[offset]) {
      case '{':
        if constexpr (requires(Handler& h) { h.read_object(std::size_t{}); }) {
          if (const std::size_t after = h_.read_object(k); after != 0) {
            next_ = after;
            return Result::ok;
          }
        }
        if (!h_.start_object(offset)) return Result::stop;
        stack_.push_back(Level{true, true});
        return Result::ok;
      case '[':
        // A handler may have read this array already (on another thread):
        // it then says which token follows it.
        if constexpr (requires(Handler& h) { h.read_ahead(std::size_t{}); }) {
          if (const std::size_t after = h_.read_ahead(k); after != 0) {
            next_ = after;
            return Result::ok;
          }
        }
        if (!h_.start_array(offset)) return Result::stop;
        // A handler may ask how many elements an array holds before it
        // reads them (to size its storage once).
        if constexpr (requires(Handler& h) { h.wants_count(); h.count(std::size_t{}); }) {
          if (h_.wants_count()) h_.count(count_elements(k));
        }
        stack_.push_back(Level{false, true});
        return Result::ok;
      case '"': {
        std::string_view text;
        if (!string_value(token(k), text)) return Result::reject;
        return h_.string(text, offset) ? Result::ok : Result::stop;
      }
      case 't':
      case 'f': {
        const std::string_view raw = token(k);
        if (raw != "true" && raw != "false") return Result::reject;
        return h_.boolean(raw[0] == 't', offset) ? Result::ok : Result::stop;
      }
      case 'n':
        if (token(k) != "null") return Result::reject;
        return h_.null(offset) ? Result::ok : Result::stop;
      default: {
        const std::string_view raw = token(k);
        if (!is_json_number(raw)) return Result::reject;
        return h_.number(raw, offset) ? Result::ok : Result::stop;
      }
    }
  }

  // Walks the document: its value, then, while a container is open, its
  // next element or its end.
  Result walk() {
    Result r = value();
    while (r == Result::ok && !stack_.empty()) {
      Level& level = stack_.back();
      const char close = level.object ? '}' : ']';
      const char c = at(next_);
      if (c == close) {
        const bool object = level.object;
        const std::size_t offset = index_[next_++];
        stack_.pop_back();
        if (!(object ? h_.end_object(offset) : h_.end_array(offset))) return Result::stop;
        continue;
      }
      if (!level.first) {
        if (c != ',') return Result::reject;
        ++next_;
      }
      level.first = false;
      if (level.object) {
        // A member: its key, a colon, its value.
        if (at(next_) != '"' || at(next_ + 1) != ':') return Result::reject;
        const std::size_t k = next_;
        std::string_view key;
        if (!string_value(token(k), key)) return Result::reject;
        next_ += 2;
        if (!h_.key(key, index_[k])) return Result::stop;
      }
      r = value();
    }
    return r;
  }

  template <typename>
  friend class SimdJsonEvents;

  std::string_view s_;
  std::size_t capacity_;
  Handler& h_;
  std::unique_ptr<simdjson::internal::dom_parser_implementation> stage1_;
  const std::uint32_t* index_ = nullptr;
  std::size_t count_ = 0;  // how many indexes stage 1 found
  std::size_t next_ = 0;   // the index of the next token to read
  std::vector<Level> stack_;
  std::vector<std::uint8_t> scratch_;
  std::size_t backslash_ = 0;  // where the next backslash at or after the last string's start is
};

}  // namespace claimgraph::detail
