#pragma once
// Writing JSON by hand, as the writers of claimgraph JSON and AIF, the HTML
// page's data, the CSV and GraphML cells and the reports do: the members of
// an object one by one in a fixed order, spaced for people (", " and ": ")
// or compact ("," and ":"), strings escaped plainly or, for an HTML
// <script> element, so that no text can end it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/graph.hpp"
#include "detail/escape.hpp"

namespace claimgraph::detail {

enum class JsonStyle : std::uint8_t {
  spaced,   ///< `{"a": 1, "b": [1, 2]}`
  compact,  ///< `{"a":1,"b":[1,2]}`
  script,   ///< compact, and strings safe inside an HTML <script> element
};

/// Appends `s` as a JSON string literal in `style`'s escaping.
void append_json_string(std::string& out, std::string_view s, JsonStyle style);

/// The members of one JSON object, appended to `out` one by one; the braces
/// are the caller's.
class JsonMembers {
 public:
  explicit JsonMembers(std::string& out, JsonStyle style = JsonStyle::spaced) : out_(out), style_(style) {}
  /// Members after some the caller wrote itself: each, the first too, after
  /// a separator.
  [[nodiscard]] static JsonMembers after_others(std::string& out, JsonStyle style = JsonStyle::spaced) {
    JsonMembers m(out, style);
    m.first_ = false;
    return m;
  }

  /// Starts a member: the separator unless it is the first, then `"key": `;
  /// the caller appends the value.
  JsonMembers& key(std::string_view key) {
    // Inline, so that for the writers' own keys, all literals that need no
    // escaping, the check and the opening's bytes can fold where they are
    // compiled: a large case writes millions of members.
    if (key.size() <= max_plain_key && plain_key(key)) {
      open_plain(key);
    } else {
      open_escaped(key);
    }
    return *this;
  }
  JsonMembers& string(std::string_view key, std::string_view value) {
    this->key(key);
    append_json_string(out_, value, style_);
    return *this;
  }
  JsonMembers& string(std::string_view key, const std::string& value) { return string(key, std::string_view(value)); }
  JsonMembers& string(std::string_view key, const char* value) { return string(key, std::string_view(value)); }
  /// Nothing when `value` is absent.
  JsonMembers& string(std::string_view key, const std::optional<std::string>& value) {
    if (value) string(key, std::string_view(*value));
    return *this;
  }
  JsonMembers& string(std::string_view key, const OptionalString& value) {
    if (value) string(key, std::string_view(*value));
    return *this;
  }
  /// The shortest text that reads back as the same double.
  JsonMembers& number(std::string_view key, double value);
  JsonMembers& boolean(std::string_view key, bool value) {
    this->key(key);
    out_ += value ? "true" : "false";
    return *this;
  }
  /// A value that is JSON already.
  JsonMembers& raw(std::string_view key, std::string_view json);
  /// An array of strings.
  JsonMembers& strings(std::string_view key, const std::vector<std::string>& values);
  /// Every field this build does not know, verbatim, in the order kept.
  JsonMembers& extras(const Attributes& extra);

 private:
  static constexpr std::size_t max_plain_key = 48;
  // Whether `key` is written as it is in every style: printable ASCII but
  // for the bytes that JSON or a <script> element would have escaped.
  static constexpr bool plain_key(std::string_view key) noexcept {
    for (const char c : key) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u >= 0x7F || u == '"' || u == '\\' || u == '<' || u == '>' || u == '&') return false;
    }
    return true;
  }
  // The member's opening, separator to colon, in one append.
  void open_plain(std::string_view key) {
    char piece[max_plain_key + 6];
    std::size_t n = 0;
    if (!first_) {
      piece[n++] = ',';
      if (style_ == JsonStyle::spaced) piece[n++] = ' ';
    }
    piece[n++] = '"';
    for (const char c : key) piece[n++] = c;
    piece[n++] = '"';
    piece[n++] = ':';
    if (style_ == JsonStyle::spaced) piece[n++] = ' ';
    first_ = false;
    out_.append(piece, n);
  }
  void open_escaped(std::string_view key);

  std::string& out_;
  JsonStyle style_;
  bool first_ = true;
};

/// Appends `values` as a JSON array of strings in `style`.
void append_json_strings(std::string& out, const std::vector<std::string>& values, JsonStyle style);

/// Appends `extra` as one JSON object in `style`: `{"key":value,...}`.
void append_json_object(std::string& out, const Attributes& extra, JsonStyle style);

/// Appends one citation as a JSON object in `style`, its fields in the order
/// of the table of fields, then those this build does not know.
void append_json_citation(std::string& out, const Citation& cite, JsonStyle style);
/// Appends a node's citations as case files write them: one object for
/// one citation, an array for more.
void append_json_citations(std::string& out, const std::vector<Citation>& cites, JsonStyle style);

/// `extra` as one compact JSON object, `{"key":value,...}`: a cell of a
/// table (CSV, GraphML) that holds what has no column of its own.
[[nodiscard]] std::string compact_json(const Attributes& extra);
/// `values` as one compact JSON array of strings, `["a","b"]`.
[[nodiscard]] std::string compact_json(const std::vector<std::string>& values);
/// `cites` as one compact JSON array of citation objects, however many
/// there are: `[{"exhibit":"PX-1","pin":"at 4"}]`.
[[nodiscard]] std::string compact_json(const std::vector<Citation>& cites);

}  // namespace claimgraph::detail
