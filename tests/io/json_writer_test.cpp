// Canonical JSON: golden files, the round trip of every example graph,
// unknown fields kept, and any text escaped so that the output is valid JSON.

#include "claimgraph/io/json_writer.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "claimgraph/builder.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::string_literals;

class JsonWriterTest : public ::testing::Test {
 protected:
  static std::string write(const Graph& g) {
    std::ostringstream out;
    write_json(out, g);
    return out.str();
  }
  static Graph read(std::string_view text, const std::string& name = "test.json") {
    ReadOptions o;
    o.file_name = name;
    return read_json(text, o).graph;
  }
};

TEST_F(JsonWriterTest, EmptyGraph) {
  EXPECT_EQ(write(Graph{}), "{\n  \"claimgraph\": 1,\n  \"nodes\": [],\n  \"edges\": []\n}\n");
}

TEST_F(JsonWriterTest, CanonicalLayout) {
  GraphBuilder b;
  b.title("T").description("D");
  b.claim("c", "Claim").text("x").party("P").group("G").source("S").tag("t1").tag("t2");
  b.evidence("e", "Exhibit");
  b.supports("e", "c").contradicts("c", "e");
  EXPECT_EQ(write(std::move(b).build()),
            R"({
  "claimgraph": 1,
  "title": "T",
  "description": "D",
  "nodes": [
    {"id": "c", "kind": "claim", "label": "Claim", "text": "x", "party": "P", "group": "G", "source": "S", "tags": ["t1", "t2"]},
    {"id": "e", "kind": "evidence", "label": "Exhibit"}
  ],
  "edges": [
    {"from": "e", "to": "c", "relation": "supports"},
    {"from": "c", "to": "e", "relation": "contradicts"}
  ]
}
)");
}

TEST_F(JsonWriterTest, ALargeGraphIsWrittenTheSameOnTwoThreads) {
  // Enough nodes and edges that a second thread renders lines: the text is
  // the one thread's, every separator in place (it reads back, and writes
  // again the same); with edges and without.
  for (const bool with_edges : {true, false}) {
    SCOPED_TRACE(with_edges);
    Graph g;
    for (std::size_t i = 0; i < 9'000; ++i) {
      Node n;
      n.id = "n" + std::to_string(i);
      n.kind = i % 3 == 0 ? NodeKind::claim : NodeKind::evidence;
      n.label = "point \"" + std::to_string(i) + "\" \u00e9";
      if (i % 7 == 0) n.group = "G" + std::to_string(i % 5);
      if (i % 11 == 0) n.extra.push_back({"x-note", "[1,{\"a\":\"b\"}]"});
      g.add_node(std::move(n));
    }
    if (with_edges) {
      for (std::size_t v = 1; v < g.node_count(); ++v) {
        if (v % 3 != 0) g.add_edge(v, v - v % 3, Relation::supports);
        if (v % 10 == 0) g.add_edge(v, v - 1, Relation::contradicts);
      }
    }
    const std::string one = write(g);
    std::ostringstream two;
    write_json(two, g, 2);
    EXPECT_TRUE(two.str() == one) << "the text on two threads differs";
    EXPECT_TRUE(write(read(two.str())) == one) << "read back and written again, it differs";
    // Every node and edge, once, in order, across the chunks' seams.
    const json j = json::parse(one);
    ASSERT_EQ(j["nodes"].size(), g.node_count());
    for (std::size_t v = 0; v < g.node_count(); ++v) ASSERT_EQ(j["nodes"][v]["id"], g.id(v)) << v;
    ASSERT_EQ(j["edges"].size(), g.edge_count());
    for (std::size_t i = 0; i < g.edge_count(); ++i) {
      ASSERT_EQ(j["edges"][i]["from"], g.id(g.source(g.edges()[i]))) << i;
    }
  }
}

TEST_F(JsonWriterTest, EmptyTagsAreKept) {
  const Graph g = read(R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A", "tags": []}], "edges": []})");
  EXPECT_EQ(write(g), R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A", "tags": []}
  ],
  "edges": []
}
)");
}

// --- golden files ---------------------------------------------------------------

class JsonWriterGoldenTest : public JsonWriterTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(JsonWriterGoldenTest, MatchesGolden) {
  const fs::path input = claimgraph::test::graphs_dir() / (GetParam() + ".json");
  const std::string written = write(read(claimgraph::test::read_text(input), input.string()));
  const std::string mismatch = claimgraph::test::golden_mismatch(GetParam() + ".json", written);
  EXPECT_TRUE(mismatch.empty()) << mismatch;
  // What was written means what the user wrote (key order aside).
  EXPECT_EQ(json::parse(written), json::parse(claimgraph::test::read_text(input)));
}

INSTANTIATE_TEST_SUITE_P(Graphs, JsonWriterGoldenTest, ::testing::Values("parler_v_aws", "negligence_example"),
                         [](const auto& param_info) { return param_info.param; });

// --- round trip of every example graph ---------------------------------------------

class JsonRoundTripTest : public JsonWriterTest, public ::testing::WithParamInterface<fs::path> {};

TEST_P(JsonRoundTripTest, ReadWriteReadWriteIsStable) {
  const std::string original = claimgraph::test::read_text(GetParam());
  ReadOptions o;
  o.file_name = GetParam().string();
  const ReadResult first = read_json(original, o);
  EXPECT_TRUE(first.warnings.empty()) << first.warnings.front().format();
  const std::string once = write(first.graph);
  const std::string twice = write(read(once));
  EXPECT_EQ(once, twice);
  // Nothing the user wrote was lost or changed.
  EXPECT_EQ(json::parse(once), json::parse(original));
  EXPECT_EQ(read(once).node_count(), first.graph.node_count());
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Graphs, JsonRoundTripTest, ::testing::ValuesIn(claimgraph::test::example_graphs()), test_name);

TEST_F(JsonWriterTest, ThereAreExampleGraphs) {
  // The parameterised round trip above must not pass by having nothing to do.
  EXPECT_GE(claimgraph::test::example_graphs().size(), 2u);
}

// --- unknown fields ----------------------------------------------------------------

TEST_F(JsonWriterTest, UnknownFieldsAreKept) {
  const std::string input = R"({
  "zeta": [1, -2, 3.5, 1e300, true, null, "s", {"k": "v"}],
  "claimgraph": 1,
  "$schema": "../schema/claimgraph-1.schema.json",
  "alpha": {"nested": {"deeper": [{"x": "é \u00e9 \n"}]}, "n": 12345678901234567890},
  "title": "T",
  "nodes": [
    {"my_rating": 0.8, "id": "a", "label": "A", "kind": "claim", "exhibit_no": "P-12", "hearings": {"first": "2021-01-14"}},
    {"id": "b", "kind": "evidence", "label": "B"}
  ],
  "edges": [
    {"my_score": {"value": 2, "unit": null}, "from": "b", "to": "a", "relation": "supports", "note": ["x", []]}
  ]
})";
  ReadOptions o;
  o.file_name = "extra.json";
  const ReadResult r = read_json(input, o);
  EXPECT_EQ(r.warnings.size(), 7u);  // every unknown field but $schema
  const std::string written = write(r.graph);
  EXPECT_EQ(written, R"({
  "$schema": "../schema/claimgraph-1.schema.json",
  "claimgraph": 1,
  "title": "T",
  "alpha": {"n":12345678901234567890,"nested":{"deeper":[{"x":"é é \n"}]}},
  "zeta": [1,-2,3.5,1e+300,true,null,"s",{"k":"v"}],
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A", "exhibit_no": "P-12", "hearings": {"first":"2021-01-14"}, "my_rating": 0.8},
    {"id": "b", "kind": "evidence", "label": "B"}
  ],
  "edges": [
    {"from": "b", "to": "a", "relation": "supports", "my_score": {"unit":null,"value":2}, "note": ["x",[]]}
  ]
}
)");
  EXPECT_EQ(json::parse(written), json::parse(input));
  EXPECT_EQ(write(read(written)), written);
}

// --- escaping ----------------------------------------------------------------------

TEST_F(JsonWriterTest, AnyTextFromTheBuilderIsWrittenAsValidJson) {
  const std::string control = "tab\there, nul\0 bell\x07 esc\x1b del\x7f"s;
  const std::vector<std::string> valid{
      "\"quotes\" and \\backslashes\\ and \\N \\u0041",
      "line\nbreaks\r\nand\ttabs",
      control,
      "line\u2028separator\u2029paragraph",
      "§ ¶ “curly” ‘quotes’ — em dash 😀 👩‍⚖️",
      "</script><!-- {\"a\": 1} -->",
  };
  GraphBuilder b;
  b.title(valid[0]).description(valid[3]);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    b.claim(claimgraph::test::numbered("c", i) + valid[i], valid[i])
        .text(valid[i])
        .party(valid[i])
        .group(valid[i])
        .source(valid[i])
        .tag(valid[i]);
  }
  b.evidence("bad", "invalid \xFF\xFE bytes \xC3 and a truncated \xE2\x82");
  b.supports("bad", "c0" + valid[0]);
  const std::string written = write(std::move(b).build());

  const json doc = json::parse(written);  // throws on invalid JSON or invalid UTF-8
  EXPECT_EQ(doc["title"], valid[0]);
  EXPECT_EQ(doc["description"], valid[3]);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    SCOPED_TRACE(i);
    const json& n = doc["nodes"][i];
    EXPECT_EQ(n["id"], claimgraph::test::numbered("c", i) + valid[i]);
    for (const char* field : {"label", "text", "party", "group", "source"}) EXPECT_EQ(n[field], valid[i]) << field;
    EXPECT_EQ(n["tags"][0], valid[i]);
  }
  EXPECT_EQ(doc["nodes"][valid.size()]["label"], "invalid \uFFFD\uFFFD bytes \uFFFD and a truncated \uFFFD\uFFFD");
  EXPECT_EQ(doc["edges"][0]["to"], "c0" + valid[0]);
  // One node or edge per line, each a JSON object of its own: no raw line
  // break inside a string.
  std::size_t objects = 0;
  for (std::string line : claimgraph::test::lines_of(written)) {
    if (line.rfind("    {", 0) != 0) continue;
    if (line.back() == ',') line.pop_back();
    EXPECT_TRUE(json::parse(line).is_object()) << line;
    ++objects;
  }
  EXPECT_EQ(objects, valid.size() + 1 + 1);
  // No raw U+2028/U+2029 (they break JavaScript that embeds the file).
  EXPECT_EQ(written.find("\u2028"), std::string::npos);
  EXPECT_EQ(written.find("\u2029"), std::string::npos);
  EXPECT_NE(written.find("line\\u2028separator\\u2029paragraph"), std::string::npos);
}

TEST_F(JsonWriterTest, ValidTextSurvivesAWriteAndRead) {
  const std::string text = "\"q\" \\ \\N\n\r\t\x01 \x7f \u2028 § ¶ “curly” — 😀";
  GraphBuilder b;
  b.title(text);
  b.claim("c", text).source(text).tag(text);
  const Graph g = read(write(std::move(b).build()));
  EXPECT_EQ(g.title, text);
  EXPECT_EQ(g.node(0).tags, std::vector<std::string>{text});
  EXPECT_EQ(g.node(0).label, text);
  EXPECT_EQ(g.node(0).source, text);
}

}  // namespace
}  // namespace claimgraph::io
