#include "detail/json_members.hpp"

#include "detail/escape.hpp"
#include "detail/number.hpp"

namespace claimgraph::detail {

namespace {
std::string_view comma(JsonStyle style) { return style == JsonStyle::spaced ? ", " : ","; }
std::string_view colon(JsonStyle style) { return style == JsonStyle::spaced ? ": " : ":"; }
}  // namespace

void append_json_string(std::string& out, std::string_view s, JsonStyle style) {
  if (style == JsonStyle::script) {
    append_script_json_string(out, s);
  } else {
    append_json_string(out, s);
  }
}

void JsonMembers::open_escaped(std::string_view key) {
  if (!first_) out_ += comma(style_);
  first_ = false;
  append_json_string(out_, key, style_);
  out_ += colon(style_);
}

JsonMembers& JsonMembers::number(std::string_view key, double value) {
  this->key(key);
  append_number(out_, value);
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
