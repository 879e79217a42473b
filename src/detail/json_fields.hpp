#pragma once
// The pieces of hand-written JSON objects that claimgraph's JSON and AIF
// writers share: `"key": "value"` members and numbers that read back exactly.

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "claimgraph/graph.hpp"
#include "detail/escape.hpp"

namespace claimgraph::detail {

// Appends `"key": "value"`, preceded by a comma unless it is the first.
inline void field(std::string& out, std::string_view key, std::string_view value, bool& first) {
  if (!first) out += ", ";
  first = false;
  append_json_string(out, key);
  out += ": ";
  append_json_string(out, value);
}

inline void optional_field(std::string& out, std::string_view key, const std::optional<std::string>& value, bool& first) {
  if (value) field(out, key, *value, first);
}

inline void extras(std::string& out, const Attributes& extra, bool& first) {
  for (const auto& a : extra) {
    if (!first) out += ", ";
    first = false;
    append_json_string(out, a.key);
    out += ": ";
    out += a.json;
  }
}

// The shortest text that reads back as the same double.
inline void append_number(std::string& out, double value) {
  char text[32];
  auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  out.append(text, ec == std::errc() ? static_cast<std::size_t>(end - text) : 0);
}

}  // namespace claimgraph::detail
