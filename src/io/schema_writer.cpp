#include "claimgraph/io/schema_writer.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "claimgraph/io/case_fields.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "detail/number.hpp"

namespace claimgraph::io {

namespace {

using Json = nlohmann::ordered_json;

// Descriptions are plain text: `code` in the table becomes "code".
std::string plain(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '`') c = '"';
  }
  return out;
}

std::string number(double value) {
  std::string out;
  detail::append_number(out, value);
  return out;
}

// Whole numbers as integers: "maximum": 1, not 1.0.
Json number_value(double value) {
  const auto whole = static_cast<std::int64_t>(value);
  if (static_cast<double>(whole) == value) return whole;
  return value;
}

std::string description(const CaseField& f) {
  std::string out = f.required ? "Required. " : "Optional. ";
  out += plain(f.meaning);
  if (f.type == FieldType::number) out += " A number from " + number(f.minimum) + " to " + number(f.maximum) + ".";
  switch (f.text) {
    case TextRule::non_empty: out += " Not empty."; break;
    case TextRule::not_blank: out += " Not blank."; break;
    case TextRule::identifier: out += " Not empty, and without control characters."; break;
    case TextRule::bates: out += " A Bates number, or a range within one prefix, first page first."; break;
    case TextRule::date: out += " ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z or ±hh:mm]."; break;
    case TextRule::url: out += " An http, https, ftp, file or mailto address."; break;
    case TextRule::any:
    case TextRule::reference: break;
  }
  if (!f.required) out += " When absent: " + plain(f.absent) + ".";
  return out;
}

Json string_schema(const CaseField& f) {
  Json s = {{"type", "string"}};
  if (!f.values.empty()) {
    Json names = Json::array();
    Json meanings = Json::array();
    for (const FieldValue& v : f.values) {
      names.push_back(v.name);
      meanings.push_back(plain(v.meaning));
    }
    s["enum"] = names;
    s["enumDescriptions"] = meanings;  // VS Code shows them when completing
    return s;
  }
  switch (f.text) {
    case TextRule::any: break;
    case TextRule::non_empty:
    case TextRule::reference: s["minLength"] = 1; break;
    case TextRule::not_blank: s["pattern"] = "[^ \\t\\n\\r]"; break;
    case TextRule::identifier:
      s["minLength"] = 1;
      s["pattern"] = "^[^\\u0000-\\u001f]*$";
      break;
    case TextRule::bates: s["pattern"] = "[0-9]$"; break;
    case TextRule::date:
      s["pattern"] =
          "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]|:60)?"
          "([.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?$";
      break;
    case TextRule::url: s["pattern"] = "^([Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp]|[Ff][Ii][Ll][Ee]|[Mm][Aa][Ii][Ll][Tt][Oo]):[^ ]"; break;
  }
  return s;
}

Json field_schema(const CaseField& f) {
  Json s = {{"description", description(f)}};
  switch (f.type) {
    case FieldType::version:
      s["type"] = "integer";
      s["const"] = json_format_version;
      break;
    case FieldType::string: s.update(string_schema(f)); break;
    case FieldType::number:
      s["type"] = "number";
      s["minimum"] = number_value(f.minimum);
      s["maximum"] = number_value(f.maximum);
      break;
    case FieldType::boolean: s["type"] = "boolean"; break;
    case FieldType::string_array:
      s["type"] = "array";
      s["items"] = {{"type", "string"}};
      break;
    case FieldType::node_array:
      s["type"] = "array";
      s["items"] = {{"$ref", "#/$defs/node"}};
      break;
    case FieldType::edge_array:
      s["type"] = "array";
      s["items"] = {{"$ref", "#/$defs/edge"}};
      break;
    case FieldType::citations:
      s["oneOf"] = Json::array(
          {{{"$ref", "#/$defs/citation"}}, {{"type", "array"}, {"items", {{"$ref", "#/$defs/citation"}}}}});
      break;
  }
  return s;
}

// An object of the fields at `place`: its required fields and properties,
// and any unknown field besides.
Json object_schema(FieldPlace place, std::string_view what) {
  Json required = Json::array();
  Json properties = Json::object();
  for (const CaseField& f : case_fields(place)) {
    if (f.required) required.push_back(f.name);
    properties[std::string(f.name)] = field_schema(f);
  }
  Json s = Json::object();
  if (!what.empty()) s["description"] = what;
  s["type"] = "object";
  s["required"] = required;
  s["properties"] = properties;
  s["additionalProperties"] = true;
  return s;
}

// VS Code offers these when completing a node or an edge.
Json node_snippets() {
  return Json::array({
      {{"label", "claim"},
       {"description", "A new claim node"},
       {"body", {{"id", "$1"}, {"kind", "claim"}, {"label", "$2"}, {"party", "$3"}, {"group", "$4"}, {"source", "$5"}}}},
      {{"label", "evidence"},
       {"description", "A new evidence node"},
       {"body", {{"id", "$1"}, {"kind", "evidence"}, {"label", "$2"}, {"party", "$3"}, {"source", "$4"}}}},
  });
}

Json edge_snippets() {
  std::string choices = "${3|";  // a choice of the relations
  for (const FieldValue& v : case_field(FieldKey::relation).values) {
    if (choices.back() != '|') choices += ',';
    choices += v.name;
  }
  choices += "|}";
  return Json::array({
      {{"label", "edge"}, {"description", "A new edge"}, {"body", {{"from", "$1"}, {"to", "$2"}, {"relation", choices}}}},
      {{"label", "undercut"},
       {"description", "A new undercut: \"to\" is the id of the supports edge it attacks"},
       {"body", {{"from", "$1"}, {"to", "$2"}, {"relation", "undercuts"}}}},
  });
}

Json schema() {
  Json s = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "claimgraph-" + std::to_string(json_format_version) + ".schema.json"},
      {"title", "claimgraph case file, format version " + std::to_string(json_format_version)},
      {"description",
       "A legal dispute as a graph of claims, counterclaims and evidence. See docs/format.md. The schema checks the "
       "shape of a file; claimgraph itself also checks what the schema cannot: node ids and edge ids are unique, "
       "edge ends name existing nodes, an undercut names a supports edge, and no edge joins a node to itself."},
      {"$comment",
       "Written by claimgraph from its table of fields (src/io/case_fields.cpp). Unknown properties are allowed "
       "everywhere, because claimgraph warns on them and keeps them on export instead of rejecting the file. "
       "'enumDescriptions' and 'defaultSnippets' are VS Code extensions for completion; other validators ignore "
       "them."},
  };
  s.update(object_schema(FieldPlace::top, {}));
  Json node = object_schema(FieldPlace::node, "A claim, counterclaim or piece of evidence.");
  node["defaultSnippets"] = node_snippets();
  Json edge = object_schema(FieldPlace::edge, "A directed relation from the reason (\"from\") to what it bears on (\"to\").");
  edge["defaultSnippets"] = edge_snippets();
  Json citation = object_schema(FieldPlace::citation,
                                "A citation of the record; it names at least one of document, exhibit, bates, "
                                "authority or url.");
  citation["anyOf"] = Json::array();
  for (std::string_view name : {"document", "exhibit", "bates", "authority", "url"}) {
    citation["anyOf"].push_back({{"required", Json::array({name})}});
  }
  s["$defs"] = {{"node", node}, {"edge", edge}, {"citation", citation}};
  return s;
}

// --- printing: one member per line, short arrays and flat objects inline ---

constexpr std::size_t line_width = 100;

std::string scalar(const Json& v) { return v.dump(-1, ' ', false); }

std::string inline_form(const Json& v) {
  if (v.is_array()) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i > 0 ? ", " : "") + inline_form(v[i]);
    return out + "]";
  }
  if (v.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, x] : v.items()) {
      out += (first ? "" : ", ") + scalar(Json(k)) + ": " + inline_form(x);
      first = false;
    }
    return out + "}";
  }
  return scalar(v);
}

bool flat(const Json& v) {
  for (const auto& x : v) {
    if (x.is_structured()) return false;
  }
  return true;
}

void print(std::string& out, const Json& v, std::size_t indent, std::size_t used) {
  if (!v.is_structured() || v.empty() ||
      (flat(v) && used + inline_form(v).size() + 1 <= line_width)) {
    out += inline_form(v);
    return;
  }
  const std::string pad(indent + 2, ' ');
  const bool object = v.is_object();
  out += object ? "{\n" : "[\n";
  std::size_t i = 0;
  for (const auto& [k, x] : v.items()) {
    out += pad;
    std::size_t at = pad.size();
    if (object) {
      const std::string key = scalar(Json(k)) + ": ";
      out += key;
      at += key.size();
    }
    print(out, x, indent + 2, at);
    out += ++i < v.size() ? ",\n" : "\n";
  }
  out += std::string(indent, ' ') + (object ? "}" : "]");
}

}  // namespace

std::string json_schema() {
  std::string out;
  print(out, schema(), 0, 0);
  out += '\n';
  return out;
}

void write_json_schema(std::ostream& out) { out << json_schema(); }

}  // namespace claimgraph::io
