// CSV: golden files, the exact quoting of hostile text, and every table read
// back by an RFC 4180 reader written here, strict about what it accepts
// (quotes only around whole fields, CRLF after every row, the same number
// of fields in every row), which must give back every cell; and no cell that
// a spreadsheet would run as a formula.

#include "claimgraph/io/csv_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/citation.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "detail/text.hpp"
#include "io/citation_builder.hpp"
#include "io/csv_table.hpp"
#include "io/hostile_graph.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;
using test::as_read;
using test::formula_like;
using test::read_csv;
using test::Table;
using test::unneutralised;

std::string nodes_csv(const Graph& g, const CsvOptions& options = {}) {
  std::ostringstream out;
  write_csv_nodes(out, g, options);
  return out.str();
}

std::string edges_csv(const Graph& g, const CsvOptions& options = {}) {
  std::ostringstream out;
  write_csv_edges(out, g, options);
  return out.str();
}

Graph load(const std::string& name) {
  const fs::path path = test::graphs_dir() / (name + ".json");
  ReadOptions o;
  o.file_name = path.string();
  return read_json(test::read_text(path), o).graph;
}

std::size_t column(const Table& t, const std::string& name) {
  for (std::size_t c = 0; c < t.front().size(); ++c) {
    if (t.front()[c] == name) return c;
  }
  throw std::runtime_error("no column " + name);
}

// --- golden files --------------------------------------------------------------------

TEST(CsvWriterTest, ParlerMatchesGolden) {
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  CsvOptions options;
  options.analyses.grounding = &report;  // as `claimgraph export --to csv` does
  std::string mismatch = test::golden_mismatch("parler_v_aws.nodes.csv", nodes_csv(g, options));
  EXPECT_TRUE(mismatch.empty()) << mismatch;
  mismatch = test::golden_mismatch("parler_v_aws.edges.csv", edges_csv(g, options));
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST(CsvWriterTest, GoldenFilesReadBack) {
  const Graph g = load("parler_v_aws");
  const Table nodes = read_csv(test::read_text(test::golden_dir() / "parler_v_aws.nodes.csv"));
  ASSERT_EQ(nodes.size(), g.node_count() + 1);
  EXPECT_EQ(nodes.front(),
            (std::vector<std::string>{"id", "kind", "label", "text", "party", "group", "source", "cite", "exhibit",
                                      "bates", "pin", "date", "weight", "standard", "burden", "test", "scheme", "tags",
                                      "privileged", "citations", "extra", "lacks_evidence", "gap"}));
  std::size_t cited = 0;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    EXPECT_EQ(nodes[v + 1][0], g.node(v).id);
    EXPECT_EQ(unneutralised(nodes[v + 1][2]), g.node(v).label);
    EXPECT_EQ(nodes[v + 1][column(nodes, "cite")], format_citations(g.node(v).cite));
    if (!g.node(v).cite.empty()) ++cited;
  }
  EXPECT_GT(cited, 0u);
  const Table edges = read_csv(test::read_text(test::golden_dir() / "parler_v_aws.edges.csv"));
  ASSERT_EQ(edges.size(), g.edge_count() + 1);
  EXPECT_EQ(edges.front(),
            (std::vector<std::string>{"index", "id", "from", "to", "relation", "undercut", "undercuts", "scheme", "question", "extra"}));
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const auto e = g.edges()[i];
    EXPECT_EQ(edges[i + 1][0], std::to_string(i));
    EXPECT_EQ(edges[i + 1][2], g.node(g.source(e)).id);
    EXPECT_EQ(edges[i + 1][3], g.node(g.target(e)).id);
    EXPECT_EQ(edges[i + 1][4], to_string(g.edge(e).relation));
  }
}

TEST(CsvWriterTest, OutputIsDeterministic) {
  const Graph g = test::hostile_graph();
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  const CsvOptions options{{&report, &status, &strength, nullptr}, false};
  const std::string nodes = nodes_csv(g, options);
  const std::string edges = edges_csv(g, options);
  EXPECT_EQ(nodes_csv(Graph(g), options), nodes);
  EXPECT_EQ(nodes_csv(test::hostile_graph(), options), nodes);
  EXPECT_EQ(edges_csv(test::hostile_graph(), options), edges);
}

// --- exact quoting -------------------------------------------------------------------

TEST(CsvWriterTest, QuotesEveryHostileLabelExactly) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"\"Quoted\" with \\\"escaped\\\" quotes", "\"\"\"Quoted\"\" with \\\"\"escaped\\\"\" quotes\""},
      {"back\\slash \\n \\N and a trailing \\", "back\\slash \\n \\N and a trailing \\"},
      {"<b>not bold</b> & &amp; &lt; #quot; #35; #9829;", "<b>not bold</b> & &amp; &lt; #quot; #35; #9829;"},
      {"]]> --> <!-- x -->", "]]> --> <!-- x -->"},
      {"end", "end"},
      {"go direction TB now; direction\tLR", "go direction TB now; direction\tLR"},
      {"line one\nline two\r\nthree\rfour", "\"line one\nline two\r\nthree\rfour\""},
      {"tab\there, bell\x07, del\x7f, c1\xC2\x85", "\"tab\there, bell\uFFFD, del\uFFFD, c1\uFFFD\""},
      {"RTL \u200F\u202E" "evil\u202C \u2066iso\u2069 \u061C", "RTL \u200F\u202E" "evil\u202C \u2066iso\u2069 \u061C"},
      {"emoji 😀 👩‍⚖️ 中文 ﬁ ﬂ°°60¶ß ¶ß", "emoji 😀 👩‍⚖️ 中文 ﬁ ﬂ°°60¶ß ¶ß"},
      {"=1+1", "'=1+1"},
      {"@SUM(A1:A2)", "'@SUM(A1:A2)"},
      {"-2+3", "'-2+3"},
      {"  spaces at the ends  ", "\"  spaces at the ends  \""},
      {"%%{init: {\"theme\":\"dark\"}}%%", "\"%%{init: {\"\"theme\"\":\"\"dark\"\"}}%%\""},
      {"`markdown` **bold**", "`markdown` **bold**"},
      {"style: x#y; classDef a fill:#fff;", "style: x#y; classDef a fill:#fff;"},
      {"a --> b ==x c -.-x d", "a --> b ==x c -.-x d"},
      {"'apostrophe first", "''apostrophe first"},
      {"\u2028line sep\u2029 \uFEFF" "bom \uFFFE\uFFFF", "\u2028line sep\u2029 \uFEFF" "bom \uFFFE\uFFFF"},
      {"\t=1+1", "\"'\t=1+1\""},
      {"nul\0 and bad \xFF byte"s, "nul\uFFFD and bad \uFFFD byte"},
      {" =cmd|' /C calc'!A0", "\"' =cmd|' /C calc'!A0\""},
  };
  for (const auto& [label, written] : cases) {
    SCOPED_TRACE(label);
    Graph g;
    Node node;
    node.id = "c";
    node.label = label;
    g.add_node(node);
    EXPECT_EQ(nodes_csv(g),
              "id,kind,label,text,party,group,source,cite,exhibit,bates,pin,date,weight,standard,burden,test,scheme,"
              "tags,privileged,citations,extra\r\n"
              "c,claim," + written + ",,,,,,,,,,,,,,,,,,\r\n");
  }
}

TEST(CsvWriterTest, CitationColumnsAreThoseOfTheEarliestDatedCitation) {
  Graph g;
  Node dated;
  dated.id = "e";
  dated.kind = NodeKind::evidence;
  dated.label = "Email";
  dated.cite = {test::cite({{"exhibit", "PX-1"}, {"pin", "at 1"}, {"date", "2021-02"}}),
                test::cite({{"document", "Memo, \"draft\""},
                            {"exhibit", "PX-2"},
                            {"bates", "AWS000123–AWS000131"},
                            {"pin", "=SUM(A1)"},
                            {"date", "2021-01-09"},
                            {"quote", "line one\nline two"}}),
                test::cite({{"authority", "15 U.S.C. § 1"}, {"url", "https://e.example/?a=1,2"}})};
  g.add_node(dated);
  Node undated;
  undated.id = "f";
  undated.label = "Undated";
  undated.cite = {test::cite({{"exhibit", "@PX-3"}}), test::cite({{"exhibit", "PX-4"}, {"pin", "¶ 2"}})};
  g.add_node(undated);
  EXPECT_EQ(nodes_csv(g),
            "id,kind,label,text,party,group,source,cite,exhibit,bates,pin,date,weight,standard,burden,test,scheme,"
            "tags,privileged,citations,extra\r\n"
            "e,evidence,Email,,,,,\"PX-1, at 1 (2021-02); PX-2, Memo, \"\"draft\"\", =SUM(A1), AWS000123–AWS000131 "
            "(2021-01-09); 15 U.S.C. § 1\",PX-2,AWS000123–AWS000131,'=SUM(A1),2021-01-09,,,,,,,,"
            "\"[{\"\"exhibit\"\":\"\"PX-1\"\",\"\"pin\"\":\"\"at 1\"\",\"\"date\"\":\"\"2021-02\"\"},"
            "{\"\"document\"\":\"\"Memo, \\\"\"draft\\\"\"\"\",\"\"exhibit\"\":\"\"PX-2\"\",\"\"bates\"\":"
            "\"\"AWS000123–AWS000131\"\",\"\"pin\"\":\"\"=SUM(A1)\"\",\"\"date\"\":\"\"2021-01-09\"\","
            "\"\"quote\"\":\"\"line one\\nline two\"\"},{\"\"authority\"\":\"\"15 U.S.C. § 1\"\","
            "\"\"url\"\":\"\"https://e.example/?a=1,2\"\"}]\",\r\n"
            "f,claim,Undated,,,,,\"'@PX-3; PX-4, ¶ 2\",'@PX-3,,,,,,,,,,,"
            "\"[{\"\"exhibit\"\":\"\"@PX-3\"\"},{\"\"exhibit\"\":\"\"PX-4\"\",\"\"pin\"\":\"\"¶ 2\"\"}]\",\r\n");
}

TEST(CsvWriterTest, ByteOrderMarkOnRequest) {
  const Graph g = load("negligence_example");
  CsvOptions options;
  EXPECT_EQ(nodes_csv(g, options).substr(0, 3), "id,");
  options.byte_order_mark = true;
  EXPECT_EQ(nodes_csv(g, options).substr(0, 6), "\xEF\xBB\xBFid,");
  EXPECT_EQ(edges_csv(g, options).substr(0, 9), "\xEF\xBB\xBFindex,");
}

// --- read back -----------------------------------------------------------------------

TEST(CsvWriterTest, EveryHostileCellReadsBack) {
  const Graph g = test::hostile_graph();
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  const CsvOptions options{{&report, &status, &strength, nullptr}, false};
  Table nodes;
  ASSERT_NO_THROW(nodes = read_csv(nodes_csv(g, options)));
  ASSERT_EQ(nodes.size(), g.node_count() + 1);
  EXPECT_EQ(nodes.front(),
            (std::vector<std::string>{"id", "kind", "label", "text", "party", "group", "source", "cite", "exhibit",
                                      "bates", "pin", "date", "weight", "standard", "burden", "test", "scheme", "tags",
                                      "privileged", "citations", "extra", "lacks_evidence", "gap", "status", "strength",
                                      "established"}));
  // JSON escapes the C0 controls, so only DEL and C1 controls are replaced.
  const auto in_json = [](const std::string& text) {
    std::string t;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t begin = i;
      const char32_t cp = detail::decode_utf8(text, i);
      t += cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ? std::string("\uFFFD") : text.substr(begin, i - begin);
    }
    return t;
  };
  for (const auto& row : nodes) {
    for (const auto& cell : row) EXPECT_FALSE(formula_like(cell)) << cell;
  }
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const Node& node = g.node(v);
    const auto& row = nodes[v + 1];
    SCOPED_TRACE(node.label);
    auto cell = [&](const std::string& name) { return unneutralised(row[column(nodes, name)]); };
    EXPECT_EQ(cell("id"), as_read(node.id));
    EXPECT_EQ(cell("kind"), to_string(node.kind));
    EXPECT_EQ(cell("label"), as_read(node.label));
    EXPECT_EQ(cell("text"), as_read(node.text.value_or("")));
    EXPECT_EQ(cell("party"), as_read(node.party.value_or("")));
    EXPECT_EQ(cell("group"), as_read(node.group.value_or("")));
    EXPECT_EQ(cell("source"), as_read(node.source.value_or("")));
    EXPECT_EQ(cell("burden"), as_read(node.burden.value_or("")));
    EXPECT_EQ(cell("weight"), node.weight ? "0.75" : "");
    EXPECT_EQ(cell("standard"), node.standard ? to_string(*node.standard) : "");
    if (node.tags) {
      std::vector<std::string> tags;
      for (const auto& tag : *node.tags) tags.push_back(in_json(tag));
      EXPECT_EQ(nlohmann::json::parse(cell("tags")).get<std::vector<std::string>>(), tags);
    } else {
      EXPECT_EQ(cell("tags"), "");
    }
    EXPECT_EQ(cell("extra"), v == 0 ? R"({"exhibit_no":"P-1"})" : "");
    if (node.cite.empty()) {
      for (const char* name : {"cite", "exhibit", "bates", "pin", "date", "citations"}) EXPECT_EQ(cell(name), "") << name;
    } else {
      // The first citation is dated earlier than the second.
      const Citation& c = node.cite.front();
      EXPECT_EQ(cell("cite"), as_read(format_citations(node.cite)));
      EXPECT_EQ(cell("exhibit"), as_read(*c.exhibit));
      EXPECT_EQ(cell("bates"), *c.bates);
      EXPECT_EQ(cell("pin"), as_read(*c.pin));
      EXPECT_EQ(cell("date"), *c.date);
      const nlohmann::json cites = nlohmann::json::parse(cell("citations"));
      ASSERT_EQ(cites.size(), node.cite.size());
      for (std::size_t k = 0; k < node.cite.size(); ++k) {
        const Citation& x = node.cite[k];
        for (const auto& [name, value] : {std::pair{"document", &x.document}, std::pair{"exhibit", &x.exhibit},
                                          std::pair{"bates", &x.bates}, std::pair{"pin", &x.pin},
                                          std::pair{"date", &x.date}, std::pair{"quote", &x.quote},
                                          std::pair{"authority", &x.authority}, std::pair{"url", &x.url}}) {
          EXPECT_EQ(cites[k].value(name, "(absent)"), value->has_value() ? in_json(**value) : "(absent)") << name;
        }
        for (const Attribute& a : x.extra) EXPECT_EQ(cites[k][a.key], nlohmann::json::parse(in_json(a.json))) << a.key;
      }
    }
    const std::size_t k = report.claim_index[v];
    const bool lacks = k != analysis::GroundingReport::npos && !report.claims[k].grounded;
    EXPECT_EQ(cell("lacks_evidence"), lacks ? "true" : "false");
    EXPECT_EQ(cell("gap"), lacks ? analysis::to_string(report.claims[k].gap) : "");
    EXPECT_EQ(cell("status"), analysis::to_string(status.labels[v]));
    EXPECT_EQ(std::stod(cell("strength")), strength.strength[v]);
    EXPECT_EQ(cell("established"),
              is_claim_like(node.kind) ? (strength.established[v] ? "true" : "false") : "");
  }

  Table edges;
  ASSERT_NO_THROW(edges = read_csv(edges_csv(g, options)));
  ASSERT_EQ(edges.size(), g.edge_count() + 1);
  EXPECT_EQ(edges.front(), (std::vector<std::string>{"index", "id", "from", "to", "relation", "undercut", "undercuts",
                                                     "scheme", "question", "extra", "carries"}));
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const auto e = g.edges()[i];
    const Edge& p = g.edge(e);
    const auto& row = edges[i + 1];
    SCOPED_TRACE(i);
    for (const auto& c : row) EXPECT_FALSE(formula_like(c)) << c;
    EXPECT_EQ(row[0], std::to_string(i));
    EXPECT_EQ(row[1], p.id.value_or(""));
    EXPECT_EQ(unneutralised(row[2]), as_read(g.node(g.source(e)).id));
    EXPECT_EQ(unneutralised(row[3]), as_read(g.node(g.target(e)).id));
    EXPECT_EQ(row[4], to_string(p.relation));
    EXPECT_EQ(row[5], p.relation == Relation::supports ? (i == 0 ? "true" : "false") : "");
    EXPECT_EQ(row[6], p.relation == Relation::undercuts ? "s0" : "");
    EXPECT_EQ(row[7], p.scheme());
    EXPECT_EQ(row[8], p.question());
    EXPECT_EQ(row[9], p.relation == Relation::contradicts ? R"({"note":"=x"})" : "");
    EXPECT_EQ(row[10], p.relation == Relation::supports ? (i == 0 && status.undercut[0] ? "false" : "true") : "");
  }
}

TEST(CsvWriterTest, TheReaderHereRejectsWhatItShould) {
  // The reader above must be able to fail, or the tests that use it prove nothing.
  EXPECT_THROW(read_csv("a,\"b\r\n"), std::runtime_error);
  EXPECT_THROW(read_csv("a,b\"c\r\n"), std::runtime_error);
  EXPECT_THROW(read_csv("a,b\n"), std::runtime_error);
  EXPECT_THROW(read_csv("a,b\r\nc\r\n"), std::runtime_error);
  EXPECT_THROW(read_csv("a,b"), std::runtime_error);
  EXPECT_EQ(read_csv("a,\"b,\"\"c\"\"\r\nd\"\r\n"), (Table{{"a", "b,\"c\"\r\nd"}}));
}

}  // namespace
}  // namespace claimgraph::io
