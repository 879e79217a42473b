#include "detail/json_members.hpp"

#include <cstring>

#include "detail/escape.hpp"
#include "detail/number.hpp"

namespace claimgraph::detail {

namespace {
std::string_view comma(JsonStyle style) { return style == JsonStyle::spaced ? ", " : ","; }
std::string_view colon(JsonStyle style) { return style == JsonStyle::spaced ? ": " : ":"; }
// Whether `key` is written as it is in every style: printable ASCII but for
// the bytes that JSON or a <script> element would have escaped.
bool plain_key(std::string_view key) {
  for (const char c : key) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F || u == '"' || u == '\\' || u == '<' || u == '>' || u == '&') return false;
  }
  return true;
}
}  // namespace

void append_json_string(std::string& out, std::string_view s, JsonStyle style) {
  if (style == JsonStyle::script) {
    append_script_json_string(out, s);
  } else {
    append_json_string(out, s);
  }
}

JsonMembers& JsonMembers::key(std::string_view key) {
  // A member's opening, separator to colon, in one append when the key needs
  // no escaping (as the writers' own keys never do): a large case writes
  // millions of members, and each piece appended apart costs a check of
  // room of its own.
  constexpr std::size_t room = 64;
  if (key.size() <= room - 6 && plain_key(key)) {
    char piece[room];
    std::size_t n = 0;
    if (!first_) {
      piece[n++] = ',';
      if (style_ == JsonStyle::spaced) piece[n++] = ' ';
    }
    piece[n++] = '"';
    if (!key.empty()) std::memcpy(piece + n, key.data(), key.size());
    n += key.size();
    piece[n++] = '"';
    piece[n++] = ':';
    if (style_ == JsonStyle::spaced) piece[n++] = ' ';
    first_ = false;
    out_.append(piece, n);
    return *this;
  }
  if (!first_) out_ += comma(style_);
  first_ = false;
  append_json_string(out_, key, style_);
  out_ += colon(style_);
  return *this;
}

JsonMembers& JsonMembers::string(std::string_view key, std::string_view value) {
  this->key(key);
  append_json_string(out_, value, style_);
  return *this;
}

JsonMembers& JsonMembers::string(std::string_view key, const std::optional<std::string>& value) {
  if (value) string(key, std::string_view(*value));
  return *this;
}

JsonMembers& JsonMembers::string(std::string_view key, const OptionalString& value) {
  if (value) string(key, std::string_view(*value));
  return *this;
}

JsonMembers& JsonMembers::number(std::string_view key, double value) {
  this->key(key);
  append_number(out_, value);
  return *this;
}

JsonMembers& JsonMembers::boolean(std::string_view key, bool value) {
  this->key(key);
  out_ += value ? "true" : "false";
  return *this;
}

JsonMembers& JsonMembers::raw(std::string_view key, std::string_view json) {
  this->key(key);
  out_ += json;
  return *this;
}

JsonMembers& JsonMembers::strings(std::string_view key, const std::vector<std::string>& values) {
  this->key(key);
  append_json_strings(out_, values, style_);
  return *this;
}

JsonMembers& JsonMembers::extras(const Attributes& extra) {
  for (const auto& a : extra) raw(a.key, a.json);
  return *this;
}

void append_json_strings(std::string& out, const std::vector<std::string>& values, JsonStyle style) {
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += comma(style);
    append_json_string(out, values[i], style);
  }
  out += ']';
}

void append_json_object(std::string& out, const Attributes& extra, JsonStyle style) {
  out += '{';
  JsonMembers(out, style).extras(extra);
  out += '}';
}

void append_json_citation(std::string& out, const Citation& c, JsonStyle style) {
  out += '{';
  JsonMembers m(out, style);
  m.string("document", c.document).string("exhibit", c.exhibit).string("bates", c.bates).string("pin", c.pin);
  m.string("date", c.date).string("quote", c.quote).string("authority", c.authority).string("url", c.url);
  m.extras(c.extra);
  out += '}';
}

void append_json_citations(std::string& out, const std::vector<Citation>& cites, JsonStyle style) {
  if (cites.size() == 1) {
    append_json_citation(out, cites.front(), style);
    return;
  }
  out += '[';
  for (std::size_t i = 0; i < cites.size(); ++i) {
    if (i > 0) out += style == JsonStyle::spaced ? ", " : ",";
    append_json_citation(out, cites[i], style);
  }
  out += ']';
}

std::string compact_json(const std::vector<Citation>& cites) {
  std::string json = "[";
  for (std::size_t i = 0; i < cites.size(); ++i) {
    if (i > 0) json += ',';
    append_json_citation(json, cites[i], JsonStyle::compact);
  }
  json += ']';
  return json;
}

std::string compact_json(const Attributes& extra) {
  std::string json;
  append_json_object(json, extra, JsonStyle::compact);
  return json;
}

std::string compact_json(const std::vector<std::string>& values) {
  std::string json;
  append_json_strings(json, values, JsonStyle::compact);
  return json;
}

}  // namespace claimgraph::detail
