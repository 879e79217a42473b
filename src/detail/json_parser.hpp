#pragma once
// A streaming JSON parser (RFC 8259) that reports each value with the byte
// offset where it starts. It is iterative (an explicit stack, so no input can
// overflow the call stack), validates UTF-8, hands out strings without
// escapes as views into the input (no copy), and names the first syntax
// error with its offset and a message written for people who edit JSON by
// hand. The case-file reader drives it; nlohmann/json is still used for the
// values the reader keeps verbatim.
//
// The handler provides, each returning false to stop:
//   start_object(at), end_object(at), start_array(at), end_array(at),
//   key(std::string_view, at), string(std::string_view, at),
//   number(std::string_view raw, at), boolean(bool, at), null(at)
// A string_view handed to key() or string() is valid only during the call.

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/text.hpp"

namespace claimgraph::detail {

/// The first syntax error met, if any.
struct JsonSyntaxError {
  std::size_t offset = 0;
  std::string message;
};

/// How a parse ended.
enum class JsonParseStatus { complete, stopped_by_handler, syntax_error };

template <typename Handler>
class JsonParser {
 public:
  JsonParser(std::string_view text, Handler& handler) : s_(text), h_(handler) {}

  JsonParseStatus parse() {
    skip_ws();
    if (!value()) return status();
    skip_ws();
    if (p_ < s_.size()) return fail(p_, "unexpected text after the end of the JSON document");
    return JsonParseStatus::complete;
  }

  [[nodiscard]] const JsonSyntaxError& error() const { return error_; }

 private:
  enum class Container : std::uint8_t { object, array };

  JsonParseStatus status() const {
    return error_.message.empty() ? JsonParseStatus::stopped_by_handler : JsonParseStatus::syntax_error;
  }
  JsonParseStatus fail(std::size_t at, std::string message) {
    // A comment is wrong wherever it stands: say so, not what was expected there.
    if (s_.substr(at, 2) == "//" || s_.substr(at, 2) == "/*") message = "comments are not allowed in JSON";
    if (error_.message.empty()) error_ = {at, std::move(message)};
    return JsonParseStatus::syntax_error;
  }
  bool failed(std::size_t at, std::string message) {
    fail(at, std::move(message));
    return false;
  }

  void skip_ws() {
    while (p_ < s_.size()) {
      const char c = s_[p_];
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') break;
      ++p_;
    }
  }

  std::string describe_here() const {
    if (p_ >= s_.size()) return "the end of the input";
    const auto c = static_cast<unsigned char>(s_[p_]);
    if (c < 0x20 || c >= 0x7F) return "a byte 0x" + hex2(c);
    return std::string("'") + static_cast<char>(c) + "'";
  }
  static std::string hex2(unsigned v) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return {digits[(v >> 4) & 0xF], digits[v & 0xF]};
  }

  bool truncated() {
    return failed(s_.size(), "unexpected end of input: the file is truncated or a bracket is not closed");
  }

  // Parses one value and everything nested in it, iteratively.
  bool value() {
    if (!scalar_or_open()) return false;
    while (!stack_.empty()) {
      skip_ws();
      if (p_ >= s_.size()) return truncated();
      const char c = s_[p_];
      const bool in_object = stack_.back() == Container::object;
      const char close = in_object ? '}' : ']';
      if (c == close) {
        stack_.pop_back();
        const std::size_t at = p_++;
        if (!(in_object ? h_.end_object(at) : h_.end_array(at))) return false;
        continue;
      }
      if (c != ',') {
        // Appended, not added: GCC 12 at -O3 warns wrongly (-Warray-bounds)
        // about the temporaries of a chain of std::string additions.
        std::string message = "expected ',' or '";
        message += close;
        message += "' after ";
        message += in_object ? "an object member" : "an array element";
        message += ", found ";
        message += describe_here();
        return failed(p_, std::move(message));
      }
      const std::size_t comma = p_++;
      skip_ws();
      if (p_ < s_.size() && (s_[p_] == '}' || s_[p_] == ']')) {
        return failed(comma, std::string("trailing comma before '") + s_[p_] + "' is not allowed in JSON; remove it");
      }
      if (in_object && !member_key()) return false;
      if (!scalar_or_open()) return false;
    }
    return true;
  }

  // Reads `"key" :` inside an object.
  bool member_key() {
    skip_ws();
    if (p_ >= s_.size()) return truncated();
    if (s_[p_] != '"') {
      if (s_[p_] == '\'') return failed(p_, "strings in JSON are written in double quotes, not single quotes");
      return failed(p_, "expected a member name in double quotes, found " + describe_here());
    }
    const std::size_t at = p_;
    std::string_view key;
    if (!read_string(key)) return false;
    if (!h_.key(key, at)) return false;
    skip_ws();
    if (p_ >= s_.size()) return truncated();
    if (s_[p_] != ':') return failed(p_, "expected ':' after the member name, found " + describe_here());
    ++p_;
    return true;
  }

  // A scalar, or the opening of an object or array (pushed on the stack)
  // followed by its first value, and so on down: a loop, not recursion.
  bool scalar_or_open() {
    for (;;) {
    skip_ws();
    if (p_ >= s_.size()) return truncated();
    const std::size_t at = p_;
    const char c = s_[p_];
    switch (c) {
      case '{': {
        ++p_;
        if (!h_.start_object(at)) return false;
        skip_ws();
        if (p_ < s_.size() && s_[p_] == '}') {
          return h_.end_object(p_++);
        }
        stack_.push_back(Container::object);
        if (!member_key()) return false;
        continue;  // the member's value
      }
      case '[': {
        ++p_;
        if (!h_.start_array(at)) return false;
        skip_ws();
        if (p_ < s_.size() && s_[p_] == ']') {
          return h_.end_array(p_++);
        }
        stack_.push_back(Container::array);
        continue;  // the first element
      }
      case '"': {
        std::string_view text;
        if (!read_string(text)) return false;
        return h_.string(text, at);
      }
      case 't': return literal("true") && h_.boolean(true, at);
      case 'f': return literal("false") && h_.boolean(false, at);
      case 'n': return literal("null") && h_.null(at);
      case '}':
      case ']':
        return failed(at, std::string("expected a value, found '") + c + "'");
      case '\'': return failed(at, "strings in JSON are written in double quotes, not single quotes");
      case '/':
        if (at + 1 < s_.size() && (s_[at + 1] == '/' || s_[at + 1] == '*')) {
          return failed(at, "comments are not allowed in JSON");
        }
        break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          std::string_view raw;
          if (!read_number(raw)) return false;
          return h_.number(raw, at);
        }
    }
    // Name the word, e.g. an unquoted string, NaN or Infinity.
    std::size_t end = at;
    while (end < s_.size() && end - at < 20 && (std::isalnum(static_cast<unsigned char>(s_[end])) || s_[end] == '_')) ++end;
    if (end > at) {
      const std::string_view word = s_.substr(at, end - at);
      if (word == "NaN" || word == "Infinity") {
        return failed(at, std::string(word) + " is not a JSON number; JSON has no NaN or infinite values");
      }
      return failed(at, "invalid literal '" + std::string(word) +
                            "'; expected a string in double quotes, a number, true, false, null, an object or an array");
    }
    return failed(at, "expected a value, found " + describe_here());
    }
  }

  bool literal(std::string_view word) {
    if (s_.substr(p_, word.size()) != word) {
      std::size_t end = p_;
      while (end < s_.size() && end - p_ < 20 && std::isalnum(static_cast<unsigned char>(s_[end]))) ++end;
      return failed(p_, "invalid literal '" + std::string(s_.substr(p_, end - p_)) + "'; did you mean '" +
                            std::string(word) + "'?");
    }
    p_ += word.size();
    return true;
  }

  bool read_number(std::string_view& raw) {
    const std::size_t at = p_;
    auto digit = [&](std::size_t i) { return i < s_.size() && s_[i] >= '0' && s_[i] <= '9'; };
    if (s_[p_] == '-') ++p_;
    if (!digit(p_)) {
      if (s_.substr(p_, 8) == "Infinity" || s_.substr(p_, 3) == "NaN") {
        // Appended, not concatenated: GCC 12 warns falsely about "-" + std::string.
        std::string message(1, '-');
        message.append(s_.substr(p_, s_[p_] == 'N' ? 3 : 8))
            .append(" is not a JSON number; JSON has no NaN or infinite values");
        return failed(at, std::move(message));
      }
      return failed(at, "invalid number: a digit must follow '-'");
    }
    if (s_[p_] == '0') {
      ++p_;
      if (digit(p_)) return failed(at, "invalid number: leading zeros are not allowed in JSON");
    } else {
      while (digit(p_)) ++p_;
    }
    if (p_ < s_.size() && s_[p_] == '.') {
      ++p_;
      if (!digit(p_)) return failed(at, "invalid number: a digit must follow the decimal point");
      while (digit(p_)) ++p_;
    }
    if (p_ < s_.size() && (s_[p_] == 'e' || s_[p_] == 'E')) {
      ++p_;
      if (p_ < s_.size() && (s_[p_] == '+' || s_[p_] == '-')) ++p_;
      if (!digit(p_)) return failed(at, "invalid number: a digit must follow the exponent");
      while (digit(p_)) ++p_;
    }
    raw = s_.substr(at, p_ - at);
    return true;
  }

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool read_hex4(std::size_t at, unsigned& out) {
    if (p_ + 4 > s_.size()) return truncated();
    out = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex_value(s_[p_ + static_cast<std::size_t>(k)]);
      if (h < 0) return failed(at, "invalid \\u escape: four hexadecimal digits must follow \\u");
      out = out * 16 + static_cast<unsigned>(h);
    }
    p_ += 4;
    return true;
  }



  // Length of the valid UTF-8 sequence at p_ (>= 2 bytes), or 0.
  std::size_t utf8_sequence() const {
    const auto b = [&](std::size_t k) -> unsigned { return p_ + k < s_.size() ? static_cast<unsigned char>(s_[p_ + k]) : 0u; };
    const unsigned b0 = b(0);
    auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      const unsigned b1 = b(1);
      if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
      if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
      return cont(1) && cont(2) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
      const unsigned b1 = b(1);
      if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
      if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
      return cont(1) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
  }

  // Reads a string starting at the opening quote. Without escapes the view
  // points into the input; with escapes it points into scratch_.
  bool read_string(std::string_view& out) {
    const std::size_t open = p_++;
    const std::size_t begin = p_;
    bool escaped = false;
    for (;;) {
      // Fast scan over plain ASCII: eight bytes at a time while none of them
      // is a quote, a backslash, a control character or non-ASCII (a word
      // that may hold one goes to the byte loop, which finds it exactly).
      while (p_ + 8 <= s_.size()) {
        std::uint64_t w;
        std::memcpy(&w, s_.data() + p_, 8);
        constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
        const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
        const std::uint64_t special = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                                      (w - ones * 0x20) | w;
        if ((special & highs) != 0) break;
        p_ += 8;
      }
      while (p_ < s_.size()) {
        const auto c = static_cast<unsigned char>(s_[p_]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      if (p_ >= s_.size()) return failed(open, "unexpected end of input: a string is not closed");
      const auto c = static_cast<unsigned char>(s_[p_]);
      if (c == '"') break;
      if (c >= 0x80) {
        const std::size_t n = utf8_sequence();
        if (n == 0) return failed(p_, "invalid UTF-8 byte 0x" + hex2(c) + " in a string; case files must be encoded as UTF-8");
        p_ += n;
        continue;
      }
      if (c < 0x20) {
        static constexpr const char* names[] = {"NUL", "", "", "", "", "", "", "", "", "tab", "newline", "", "", "carriage return"};
        const std::string name = c < 14 && names[c][0] != '\0' ? std::string(names[c]) + " " : std::string();
        return failed(p_, "control character " + name + "U+00" + hex2(c) +
                              " must be escaped in a JSON string (e.g. \\n, \\t or \\u00" + hex2(c) + ")");
      }
      // A backslash: the rest of the string is decoded into scratch_.
      if (!escaped) {
        scratch_.assign(s_.data() + begin, p_ - begin);
        escaped = true;
      }
      return decode_rest(open, out);
    }
    out = s_.substr(begin, p_ - begin);
    ++p_;
    return true;
  }

  bool decode_rest(std::size_t open, std::string_view& out) {
    while (p_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[p_]);
      if (c == '"') {
        ++p_;
        out = scratch_;
        return true;
      }
      if (c >= 0x80) {
        const std::size_t n = utf8_sequence();
        if (n == 0) return failed(p_, "invalid UTF-8 byte 0x" + hex2(c) + " in a string; case files must be encoded as UTF-8");
        scratch_.append(s_.data() + p_, n);
        p_ += n;
        continue;
      }
      if (c < 0x20) {
        return failed(p_, "control character U+00" + hex2(c) + " must be escaped in a JSON string (e.g. \\n, \\t or \\u00" +
                              hex2(c) + ")");
      }
      if (c != '\\') {
        scratch_ += static_cast<char>(c);
        ++p_;
        continue;
      }
      const std::size_t at = p_++;
      if (p_ >= s_.size()) break;
      const char e = s_[p_++];
      switch (e) {
        case '"': scratch_ += '"'; break;
        case '\\': scratch_ += '\\'; break;
        case '/': scratch_ += '/'; break;
        case 'b': scratch_ += '\b'; break;
        case 'f': scratch_ += '\f'; break;
        case 'n': scratch_ += '\n'; break;
        case 'r': scratch_ += '\r'; break;
        case 't': scratch_ += '\t'; break;
        case 'u': {
          unsigned cp = 0;
          if (!read_hex4(at, cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return failed(at, "invalid \\u escape: lone low surrogate U+" + hex2(cp >> 8) + hex2(cp & 0xFF));
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (p_ + 1 >= s_.size() || s_[p_] != '\\' || s_[p_ + 1] != 'u') {
              return failed(at, "invalid \\u escape: high surrogate U+" + hex2(cp >> 8) + hex2(cp & 0xFF) +
                                    " must be followed by a low surrogate \\uDC00..\\uDFFF");
            }
            p_ += 2;
            if (!read_hex4(at, low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) {
              return failed(at, "invalid \\u escape: high surrogate U+" + hex2(cp >> 8) + hex2(cp & 0xFF) +
                                    " must be followed by a low surrogate \\uDC00..\\uDFFF");
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(scratch_, static_cast<char32_t>(cp));
          break;
        }
        default:
          return failed(at, std::string("invalid escape sequence '\\") + (static_cast<unsigned char>(e) >= 0x20 && static_cast<unsigned char>(e) < 0x7F ? std::string(1, e) : "0x" + hex2(static_cast<unsigned char>(e))) +
                                "' in a string; a backslash itself is written \\\\");
      }
    }
    return failed(open, "unexpected end of input: a string is not closed");
  }

  std::string_view s_;
  Handler& h_;
  std::size_t p_ = 0;
  std::vector<Container> stack_;
  std::string scratch_;
  JsonSyntaxError error_;
};

}  // namespace claimgraph::detail
