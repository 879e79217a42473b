// The JSON Schema against the table of fields and the reader. The committed
// schema is what json_schema() writes; a real validator (Python's
// jsonschema, draft 2020-12) accepts every example graph; and for values
// made from the table, field by field, the reader and the schema agree: the
// right values and absent optional fields are accepted by both, values of
// the wrong type, out of range, not among the allowed values or empty where
// that is not allowed, and absent required fields, are refused by both.

#include "claimgraph/io/schema_writer.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/io/case_fields.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path committed_schema() { return test::source_dir() / "schema" / "claimgraph-1.schema.json"; }

TEST(SchemaWriterTest, TheCommittedSchemaIsWhatTheTableGives) {
  const std::string written = json_schema();
  if (written == test::read_text(committed_schema())) return;
  const fs::path actual = test::test_binary_dir() / "schema-actual" / "claimgraph-1.schema.json";
  fs::create_directories(actual.parent_path());
  test::write_text(actual, written);
  ADD_FAILURE() << "schema/claimgraph-1.schema.json is not the schema the table of fields gives. The schema written "
                   "from the table is in "
                << actual << "; compare:\n  diff " << committed_schema() << " " << actual
                << "\nand, if it is right:\n  cp " << actual << " " << committed_schema();
}

TEST(SchemaWriterTest, IsJson) {
  const json schema = json::parse(json_schema());
  EXPECT_EQ(schema.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema.at("required"), json::array({"claimgraph", "nodes"}));
  EXPECT_EQ(schema.at("$defs").at("edge").at("properties").at("relation").at("enum"),
            json::array({"supports", "contradicts", "element-of", "undercuts"}));
  EXPECT_EQ(schema.at("$defs").at("node").at("properties").at("weight").at("maximum"), 1);
  EXPECT_EQ(schema.at("additionalProperties"), true);
}

// --- documents made from the table ---------------------------------------------

struct Case {
  std::string what;
  std::string document;
};

// Nodes a (claim), b and c (evidence); the edge s: b supports a.
json base() {
  return {{"claimgraph", json_format_version},
          {"nodes", json::array({{{"id", "a"}, {"kind", "claim"}, {"label", "A"}},
                                 {{"id", "b"}, {"kind", "evidence"}, {"label", "B"}},
                                 {{"id", "c"}, {"kind", "evidence"}, {"label", "C"}}})},
          {"edges", json::array({{{"id", "s"}, {"from", "b"}, {"to", "a"}, {"relation", "supports"}}})}};
}

// The object at the field's place in `doc`: the document itself, or a node
// or an edge added to it for the test (n, a claim; c supports a: a supports
// edge, the one kind that may hold every edge field).
json& object_for(json& doc, FieldPlace place) {
  switch (place) {
    case FieldPlace::top: return doc;
    case FieldPlace::node:
      doc["nodes"].push_back({{"id", "n"}, {"kind", "claim"}, {"label", "N"}});
      return doc["nodes"].back();
    case FieldPlace::edge:
      doc["edges"].push_back({{"from", "c"}, {"to", "a"}, {"relation", "supports"}});
      return doc["edges"].back();
    case FieldPlace::citation:
      // Two identifying fields, so that a citation without either still cites something.
      doc["nodes"][1]["cite"] = {{"document", "Complaint"}, {"exhibit", "PX-1"}};
      return doc["nodes"][1]["cite"];
  }
  return doc;
}

json with(const CaseField& f, const json& value) {
  json doc = base();
  json& object = object_for(doc, f.place);
  object[std::string(f.name)] = value;
  // An undercut names the supports edge it attacks.
  if (f.key == FieldKey::relation && value == "undercuts") object["to"] = "s";
  return doc;
}

json without(const CaseField& f) {
  json doc = base();
  object_for(doc, f.place).erase(std::string(f.name));
  return doc;
}

std::vector<json> right_values(const CaseField& f) {
  std::vector<json> out;
  for (const FieldValue& v : f.values) out.emplace_back(v.name);
  if (!out.empty()) return out;
  switch (f.type) {
    case FieldType::version: return {json_format_version};
    case FieldType::number: return {f.minimum, (f.minimum + f.maximum) / 2, f.maximum};
    case FieldType::boolean: return {true, false};
    case FieldType::string_array: return {json::array(), json::array({"x", "§ 1"})};
    case FieldType::node_array: return {base()["nodes"]};
    case FieldType::edge_array: return {json::array(), base()["edges"]};
    case FieldType::citations:
      return {json{{"exhibit", "PX-1"}}, json::array({{{"document", "D"}}, {{"url", "https://example.org/a"}}}), json::array()};
    case FieldType::string: break;
  }
  switch (f.text) {
    case TextRule::any: return {"x", "", "§ 1 \"quoted\"\n"};
    case TextRule::non_empty: return {"x", " "};
    case TextRule::not_blank: return {"x", " x "};
    case TextRule::identifier: return {"x", "§ 1"};
    case TextRule::reference: return {f.key == FieldKey::from ? "c" : "a"};
    case TextRule::bates: return {"AWS000123–AWS000131", "AWS000123", "ABC 0001-0010", "PX 12 to PX 12"};
    case TextRule::date: return {"2021-01-06", "2021", "2021-01", "2021-01-06T10:30Z", "2020-02-29T23:59:59.5+05:30"};
    case TextRule::url: return {"https://example.org/x?y=1", "mailto:counsel@example.org"};
  }
  return out;
}

// Values of every JSON type but `f`'s.
std::vector<json> wrong_types(const CaseField& f) {
  std::vector<json> out{nullptr};
  if (f.type != FieldType::boolean) out.emplace_back(true);
  if (f.type != FieldType::number && f.type != FieldType::version) out.emplace_back(7);
  if (f.type != FieldType::string) out.emplace_back("x");
  if (f.type == FieldType::string || f.type == FieldType::number || f.type == FieldType::version) {
    out.push_back(json::array());
  }
  out.push_back(json::object());
  switch (f.type) {
    case FieldType::version: out.insert(out.end(), {1.5, "1"}); break;
    case FieldType::string_array: out.insert(out.end(), {json::array({7}), json::array({nullptr}), json::array({json::array()})}); break;
    case FieldType::citations: out.insert(out.end(), {json::array({7}), json::array({"x"}), json::array({json::object()})}); break;
    case FieldType::node_array:
    case FieldType::edge_array: out.insert(out.end(), {json::array({7}), json::array({"x"}), json::array({json::array()})}); break;
    default: break;
  }
  return out;
}

// Values of the right type that the field does not allow.
std::vector<json> wrong_values(const CaseField& f) {
  std::vector<json> out;
  if (!f.values.empty()) {
    const std::string first(f.values.front().name);
    std::string upper = first;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return {first.substr(0, first.size() - 1), upper, ""};
  }
  if (f.type == FieldType::version) return {json_format_version + 1, 0};
  if (f.type == FieldType::number) {
    const double span = f.maximum - f.minimum;
    return {f.minimum - span / 2, f.maximum + span / 2, -1e300, 1e300};
  }
  switch (f.text) {
    case TextRule::any: break;
    case TextRule::non_empty:
    case TextRule::reference: out.emplace_back(""); break;
    case TextRule::not_blank: out.insert(out.end(), {"", " ", " \t\r\n"}); break;
    case TextRule::identifier: out.insert(out.end(), {"", "a\tb", "line\nbreak"}); break;
    // (A reversed range or a change of prefix, which a pattern cannot see, is
    // the reader's alone: tests/citation_test.cpp.)
    case TextRule::bates: out.insert(out.end(), {"", "AWS", "AWS000123-"}); break;
    case TextRule::date: out.insert(out.end(), {"", "2021-13", "January 2021", "2021-1-6", "2021-01-06 10:00"}); break;
    case TextRule::url: out.insert(out.end(), {"", "example.org", "javascript:alert(1)", "https: //x"}); break;
  }
  return out;
}

std::string where(const CaseField& f) { return std::string(f.name) + " (" + std::string(to_string(f.place)) + ")"; }

std::vector<Case> right_cases() {
  std::vector<Case> out;
  for (const CaseField& f : case_fields()) {
    for (const json& v : right_values(f)) out.push_back({where(f) + " = " + v.dump(), with(f, v).dump()});
    if (!f.required) out.push_back({where(f) + " absent", without(f).dump()});
  }
  return out;
}

std::vector<Case> wrong_cases() {
  std::vector<Case> out;
  for (const CaseField& f : case_fields()) {
    for (const json& v : wrong_types(f)) out.push_back({where(f) + " = " + v.dump() + " (wrong type)", with(f, v).dump()});
    for (const json& v : wrong_values(f)) out.push_back({where(f) + " = " + v.dump(), with(f, v).dump()});
    if (f.required) out.push_back({where(f) + " absent", without(f).dump()});
  }
  return out;
}

// A document with every field of the table.
json every_field() {
  json doc = base();
  json node = json::object();
  json edge = json::object();
  for (const CaseField& f : case_fields()) {
    if (f.place == FieldPlace::citation) continue;
    json& object = f.place == FieldPlace::top ? doc : f.place == FieldPlace::node ? node : edge;
    object[std::string(f.name)] = right_values(f).front();
  }
  json cite = json::object();
  for (const CaseField& f : case_fields()) {
    if (f.place == FieldPlace::citation) cite[std::string(f.name)] = right_values(f).front();
  }
  node["cite"] = json::array({cite});
  node["id"] = "n";
  edge["id"] = "e";
  doc["nodes"].push_back(node);
  doc["edges"].push_back(edge);
  doc["edges"].push_back({{"from", "n"}, {"to", "e"}, {"relation", "undercuts"}});
  return doc;
}

// What the reader says: empty when it reads the document without a word.
std::string reader_verdict(const std::string& document) {
  try {
    const ReadResult r = read_json(document);
    return r.warnings.empty() ? "" : r.warnings.front().format();
  } catch (const InputError& e) {
    return e.what();
  }
}

class SchemaValidationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string(CLAIMGRAPH_PYTHON_PROGRAM).empty()) {
      GTEST_SKIP() << "no Python 3 with the jsonschema package was found (Debian: python3-jsonschema)";
    }
  }

  // The schema's verdict on each document: "valid" or "invalid: why". One
  // Python process validates them all.
  std::vector<std::string> validate(const std::vector<std::string>& documents) {
    std::string input;
    for (const auto& d : documents) input += d + "\n";
    const auto r = test::run({CLAIMGRAPH_PYTHON_PROGRAM,
                              (test::source_dir() / "tests" / "io" / "validate_schema.py").string(),
                              committed_schema().string()},
                             input);
    if (r.status == 3) {
      skipped_ = r.err;
      return {};
    }
    EXPECT_EQ(r.status, 0) << r.err;
    auto lines = test::lines_of(r.out);
    EXPECT_EQ(lines.size(), documents.size()) << r.out << r.err;
    lines.resize(documents.size());
    return lines;
  }

  std::vector<std::string> validate(const std::vector<Case>& cases) {
    std::vector<std::string> documents;
    for (const auto& c : cases) documents.push_back(c.document);
    return validate(documents);
  }

  std::string skipped_;
};

TEST_F(SchemaValidationTest, AcceptsEveryExampleGraph) {
  std::vector<std::string> documents;
  for (const auto& path : test::example_graphs()) documents.push_back(json::parse(test::read_text(path)).dump());
  const auto verdicts = validate(documents);
  if (!skipped_.empty()) GTEST_SKIP() << skipped_;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    EXPECT_EQ(verdicts[i], "valid") << test::example_graphs()[i];
  }
}

TEST_F(SchemaValidationTest, AcceptsAFileWithEveryField) {
  const std::string document = every_field().dump();
  const auto verdicts = validate(std::vector<std::string>{document});
  if (!skipped_.empty()) GTEST_SKIP() << skipped_;
  EXPECT_EQ(verdicts.front(), "valid") << document;
  EXPECT_EQ(reader_verdict(document), "") << document;
}

TEST_F(SchemaValidationTest, RightValuesAreAcceptedByBoth) {
  const auto cases = right_cases();
  const auto verdicts = validate(cases);
  if (!skipped_.empty()) GTEST_SKIP() << skipped_;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(verdicts[i], "valid") << cases[i].what << ": the schema refuses it\n" << cases[i].document;
    EXPECT_EQ(reader_verdict(cases[i].document), "") << cases[i].what << ": the reader refuses it\n" << cases[i].document;
  }
}

TEST_F(SchemaValidationTest, WrongValuesAreRefusedByBoth) {
  const auto cases = wrong_cases();
  const auto verdicts = validate(cases);
  if (!skipped_.empty()) GTEST_SKIP() << skipped_;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_NE(verdicts[i], "valid") << cases[i].what << ": the schema accepts it\n" << cases[i].document;
    EXPECT_NE(reader_verdict(cases[i].document), "") << cases[i].what << ": the reader accepts it\n" << cases[i].document;
  }
}

// graphs/ shows every field, relation and kind in use.
TEST(ExampleGraphsTest, UseEveryFieldRelationAndKind) {
  std::set<std::pair<FieldPlace, std::string>> used;
  std::set<std::string> relations;
  std::set<std::string> kinds;
  for (const auto& path : test::example_graphs()) {
    const json doc = json::parse(test::read_text(path));
    for (const auto& [key, value] : doc.items()) used.insert({FieldPlace::top, key});
    for (const auto& n : doc.at("nodes")) {
      for (const auto& [key, value] : n.items()) used.insert({FieldPlace::node, key});
      const json cites = n.value("cite", json::array());
      for (const auto& c : cites.is_array() ? cites : json::array({cites})) {
        for (const auto& [key, value] : c.items()) used.insert({FieldPlace::citation, key});
      }
      kinds.insert(n.at("kind").get<std::string>());
    }
    for (const auto& e : doc.value("edges", json::array())) {
      for (const auto& [key, value] : e.items()) used.insert({FieldPlace::edge, key});
      relations.insert(e.at("relation").get<std::string>());
    }
  }
  for (const CaseField& f : case_fields()) {
    EXPECT_TRUE(used.contains({f.place, std::string(f.name)})) << "no file in graphs/ uses " << where(f);
  }
  for (const FieldValue& v : case_field(FieldKey::relation).values) EXPECT_TRUE(relations.contains(std::string(v.name))) << v.name;
  for (const FieldValue& v : case_field(FieldKey::kind).values) EXPECT_TRUE(kinds.contains(std::string(v.name))) << v.name;
}

}  // namespace
}  // namespace claimgraph::io
