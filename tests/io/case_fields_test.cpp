// The table of case-file fields against what depends on it: the model's
// enumerations, the reader (which recognises exactly the table's fields),
// the JSON writer (which must write no field the table lacks), the committed
// JSON Schema and the field tables of docs/format.md.

#include "claimgraph/io/case_fields.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/graph.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

using nlohmann::json;

std::vector<std::string> names(std::span<const FieldValue> values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.emplace_back(v.name);
  return out;
}

template <class T>
std::vector<std::string> spellings(std::span<const T> all) {
  std::vector<std::string> out;
  for (T x : all) out.emplace_back(to_string(x));
  return out;
}

// The "properties" of the schema at `place`.
const json& schema_properties(const json& schema, FieldPlace place) {
  switch (place) {
    case FieldPlace::top: return schema.at("properties");
    case FieldPlace::node: return schema.at("$defs").at("node").at("properties");
    case FieldPlace::edge: return schema.at("$defs").at("edge").at("properties");
    case FieldPlace::citation: return schema.at("$defs").at("citation").at("properties");
  }
  return schema.at("properties");
}

std::string marker(FieldPlace place) {
  switch (place) {
    case FieldPlace::top: return "fields:top";
    case FieldPlace::node: return "fields:node";
    case FieldPlace::edge: return "fields:edge";
    case FieldPlace::citation: return "fields:citation";
  }
  return {};
}

// What docs/format.md holds between <!-- NAME --> and <!-- /NAME -->, or
// nothing when the markers are missing.
std::optional<std::string> between_markers(const std::string& doc, const std::string& name) {
  const std::string open = "<!-- " + name + " -->\n";
  const std::string close = "<!-- /" + name + " -->";
  const auto begin = doc.find(open);
  if (begin == std::string::npos) return std::nullopt;
  const auto end = doc.find(close, begin);
  if (end == std::string::npos) return std::nullopt;
  return doc.substr(begin + open.size(), end - begin - open.size());
}

std::string format_md() { return test::read_text(test::source_dir() / "docs" / "format.md"); }

// The warnings a case file with `name` set at `place` gives.
std::vector<std::string> warnings_with(FieldPlace place, const std::string& name, const json& value) {
  json doc = {{"claimgraph", 1},
              {"nodes", json::array({{{"id", "a"}, {"kind", "claim"}, {"label", "A"}},
                                     {{"id", "b"}, {"kind", "evidence"}, {"label", "B"}},
                                     {{"id", "n"}, {"kind", "claim"}, {"label", "N"}}})},
              {"edges", json::array({{{"from", "b"}, {"to", "a"}, {"relation", "supports"}}})}};
  switch (place) {
    case FieldPlace::top: doc[name] = value; break;
    case FieldPlace::node: doc["nodes"][2][name] = value; break;
    case FieldPlace::edge: doc["edges"][0][name] = value; break;
    case FieldPlace::citation: doc["nodes"][1]["cite"] = {{"document", "D"}, {name, value}}; break;
  }
  std::vector<std::string> out;
  for (const auto& w : read_json(doc.dump()).warnings) out.push_back(w.format());
  return out;
}

// A value of the field's type that the reader takes in the test documents.
json some_value(const CaseField& f) {
  if (!f.values.empty()) return f.values.front().name;
  switch (f.type) {
    case FieldType::version: return json_format_version;
    case FieldType::number: return f.maximum;
    case FieldType::boolean: return true;
    case FieldType::string_array: return json::array({"x"});
    case FieldType::node_array:
      return json::array({{{"id", "a"}, {"kind", "claim"}, {"label", "A"}}, {{"id", "b"}, {"kind", "evidence"}, {"label", "B"}}});
    case FieldType::edge_array: return json::array();
    case FieldType::citations: return {{"exhibit", "PX-1"}};
    case FieldType::string: break;
  }
  if (f.key == FieldKey::cite_bates) return "AWS000123-AWS000131";
  if (f.key == FieldKey::cite_date) return "2021-01";
  if (f.key == FieldKey::cite_url) return "https://example.org/x";
  if (f.key == FieldKey::from) return "b";
  if (f.key == FieldKey::to) return "a";
  return "x";
}

TEST(CaseFieldsTest, EnumeratedValuesAreTheModels) {
  EXPECT_EQ(names(case_field(FieldKey::kind).values), spellings(all_node_kinds()));
  EXPECT_EQ(names(case_field(FieldKey::relation).values), spellings(all_relations()));
  EXPECT_EQ(names(case_field(FieldKey::standard).values), spellings(all_standards()));
}

TEST(CaseFieldsTest, EveryRowIsComplete) {
  std::set<std::pair<FieldPlace, std::string_view>> seen;
  for (const CaseField& f : case_fields()) {
    SCOPED_TRACE(std::string(f.name));
    EXPECT_TRUE(seen.insert({f.place, f.name}).second) << "named twice at one place";
    EXPECT_EQ(&case_field(f.key), &f);
    EXPECT_EQ(find_case_field(f.place, f.name), &f);
    EXPECT_FALSE(f.meaning.empty());
    EXPECT_EQ(f.absent.empty(), f.required) << "an optional field says what its absence means, a required one not";
    for (const FieldValue& v : f.values) EXPECT_FALSE(v.meaning.empty()) << v.name;
    if (f.type == FieldType::number) {
      EXPECT_LT(f.minimum, f.maximum);
    }
  }
  EXPECT_EQ(find_case_field(FieldPlace::top, "weight"), nullptr);
}

TEST(CaseFieldsTest, TheReaderKnowsExactlyTheTablesFields) {
  for (const CaseField& f : case_fields()) {
    EXPECT_EQ(warnings_with(f.place, std::string(f.name), some_value(f)), std::vector<std::string>{})
        << f.name << " at the " << to_string(f.place);
  }
  // And nothing else: a name of another place is unknown here.
  const auto warnings = warnings_with(FieldPlace::edge, "label", "x");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings.front().find("warning: /edges/0/label: unknown field \"label\" (kept on export)"), std::string::npos)
      << warnings.front();
}

// The JSON writer writes every field of the model; each key it writes must
// be a field of the table, of the schema and of the reference.
TEST(CaseFieldsTest, EveryFieldTheWriterWritesIsInTheTable) {
  Graph g;
  g.title = "t";
  g.description = "d";
  g.extra.push_back({"$schema", "\"s.json\""});
  Node a;
  a.id = "a";
  a.label = "A";
  a.text = "t";
  a.party = "p";
  a.group = "g";
  a.source = "s";
  a.weight = 0.5;
  a.standard = Standard::preponderance;
  a.burden = "p";
  a.tags = std::vector<std::string>{"x"};
  a.cite = {Citation{"d", "PX-1", "A1-A2", "at 3", "2021-01", "q", "Auth", "https://example.org", {}}, Citation{}};
  a.cite.back().document = "e";
  a.extra.push_back({"mine", "1"});
  Node b;
  b.id = "b";
  b.kind = NodeKind::evidence;
  b.label = "B";
  Node c = b;
  c.id = "c";
  const auto va = g.add_node(a);
  const auto vb = g.add_node(b);
  const auto vc = g.add_node(c);
  g.add_edges({{vb, va, Relation::supports, {}, "s1"}});
  g.add_undercut(vc, 0);
  std::ostringstream out;
  write_json(out, g);
  const json written = json::parse(out.str());
  const json schema = json::parse(test::read_text(test::source_dir() / "schema" / "claimgraph-1.schema.json"));
  const std::string doc = format_md();
  auto check = [&](FieldPlace place, const json& object) {
    for (const auto& [key, value] : object.items()) {
      if (key == "mine") continue;  // an unknown field, kept
      SCOPED_TRACE(key + " at the " + std::string(to_string(place)));
      EXPECT_NE(find_case_field(place, key), nullptr) << "the writer writes a field the table lacks";
      EXPECT_TRUE(schema_properties(schema, place).contains(key)) << "the schema lacks it";
      EXPECT_NE(between_markers(doc, marker(place)).value_or("").find("| `" + key + "` |"), std::string::npos)
          << "docs/format.md lacks it";
    }
  };
  check(FieldPlace::top, written);
  for (const auto& n : written.at("nodes")) {
    check(FieldPlace::node, n);
    if (n.contains("cite")) {
      for (const auto& ci : n.at("cite")) check(FieldPlace::citation, ci);
    }
  }
  EXPECT_TRUE(written.at("nodes").at(0).contains("cite"));
  for (const auto& e : written.at("edges")) check(FieldPlace::edge, e);
}

// Every field the reader knows is in the committed schema, with the table's
// type, and in the reference. (The schema test compares the whole file.)
TEST(CaseFieldsTest, EveryFieldIsInTheSchemaAndTheReference) {
  const json schema = json::parse(test::read_text(test::source_dir() / "schema" / "claimgraph-1.schema.json"));
  const std::string doc = format_md();
  for (const CaseField& f : case_fields()) {
    SCOPED_TRACE(std::string(f.name) + " at the " + std::string(to_string(f.place)));
    const json& properties = schema_properties(schema, f.place);
    ASSERT_TRUE(properties.contains(f.name)) << "schema/claimgraph-1.schema.json lacks it";
    const json& p = properties.at(std::string(f.name));
    switch (f.type) {
      case FieldType::version: EXPECT_EQ(p.at("type"), "integer"); break;
      case FieldType::string: EXPECT_EQ(p.at("type"), "string"); break;
      case FieldType::boolean: EXPECT_EQ(p.at("type"), "boolean"); break;
      case FieldType::number:
        EXPECT_EQ(p.at("type"), "number");
        EXPECT_EQ(p.at("minimum").get<double>(), f.minimum);
        EXPECT_EQ(p.at("maximum").get<double>(), f.maximum);
        break;
      case FieldType::citations: EXPECT_EQ(p.at("oneOf").size(), 2u); break;
      default: EXPECT_EQ(p.at("type"), "array"); break;
    }
    if (!f.values.empty()) {
      EXPECT_EQ(p.at("enum").get<std::vector<std::string>>(), names(f.values));
    }
    const std::string table = between_markers(doc, marker(f.place)).value_or("");
    EXPECT_NE(table.find("| `" + std::string(f.name) + "` |"), std::string::npos) << "docs/format.md lacks it";
    for (const FieldValue& v : f.values) {
      EXPECT_NE(between_markers(doc, "values:" + std::string(f.name)).value_or("").find("| `" + std::string(v.name) + "` |"),
                std::string::npos)
          << "docs/format.md lacks the value " << v.name;
    }
  }
}

// The tables of docs/format.md are the table rendered: regenerate them from
// the expected text printed here.
TEST(CaseFieldsTest, TheReferenceShowsTheTable) {
  const std::string doc = format_md();
  auto expect_table = [&](const std::string& name, const std::string& table) {
    const auto found = between_markers(doc, name);
    ASSERT_TRUE(found) << "docs/format.md has no <!-- " << name << " --> ... <!-- /" << name << " --> markers";
    EXPECT_EQ(*found, "\n" + table + "\n") << "docs/format.md: the table between <!-- " << name
                                           << " --> and <!-- /" << name << " --> should be\n\n"
                                           << table;
  };
  for (FieldPlace place : {FieldPlace::top, FieldPlace::node, FieldPlace::edge, FieldPlace::citation}) {
    expect_table(marker(place), fields_markdown(place));
  }
  for (const CaseField& f : case_fields()) {
    if (!f.values.empty()) expect_table("values:" + std::string(f.name), values_markdown(f));
  }
}

TEST(CaseFieldsTest, MarkdownTables) {
  const std::string edges = fields_markdown(FieldPlace::edge);
  EXPECT_EQ(edges.substr(0, edges.find('\n', edges.find('\n') + 1) + 1),
            "| Field | Type | Required | When absent | Values | Meaning |\n"
            "|-------|------|----------|-------------|--------|---------|\n");
  EXPECT_NE(edges.find("| `relation` | string | yes | — | `supports`, `contradicts`, `element-of`, `undercuts` | "),
            std::string::npos)
      << edges;
  EXPECT_NE(fields_markdown(FieldPlace::node).find("| `weight` | number | no | 1.0 for evidence, 0.5 for claims and "
                                                   "counterclaims | 0 to 1 | "),
            std::string::npos);
  EXPECT_EQ(values_markdown(case_field(FieldKey::standard)).substr(0, 40), "| Value | Meaning |\n|-------|---------|\n");
}

TEST(CaseFieldsTest, ExpectedValues) {
  EXPECT_EQ(expected_value(case_field(FieldKey::version)), "the format version, the integer 1");
  EXPECT_EQ(expected_value(case_field(FieldKey::weight)), "a number between 0 and 1");
  EXPECT_EQ(expected_value(case_field(FieldKey::tags)), "an array of strings");
  EXPECT_EQ(expected_value(case_field(FieldKey::nodes)), "an array of nodes");
  EXPECT_EQ(expected_value(case_field(FieldKey::edges)), "an array of edges");
  EXPECT_EQ(expected_value(case_field(FieldKey::burden)), "a string");
}

}  // namespace
}  // namespace claimgraph::io
