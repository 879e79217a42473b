// The Mermaid flowchart: golden files, the exact escaping of hostile text,
// and the output read back by Mermaid's own parser (tests/mermaid/parse.mjs,
// run with Node.js; skipped with a message where Node.js or the parser is not
// installed: tools/setup installs it). The parser shows each label as a
// reader sees it: entity codes decoded, HTML read, <br/> a line break.

#include "claimgraph/io/mermaid_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "detail/text.hpp"
#include "io/hostile_graph.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::string_literals;

std::string write(const Graph& g, const MermaidOptions& options = {}) {
  std::ostringstream out;
  write_mermaid(out, g, options);
  return out.str();
}

Graph load(const std::string& name) {
  const fs::path path = test::graphs_dir() / (name + ".json");
  ReadOptions o;
  o.file_name = path.string();
  return read_json(test::read_text(path), o).graph;
}

// What a reader should see of `text` once Mermaid has drawn it: line breaks
// as \n, control characters and bytes that are not UTF-8 as U+FFFD.
std::string as_drawn(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t begin = i;
    const char32_t cp = detail::decode_utf8(text, i);
    if (cp == '\r') {
      if (i < text.size() && text[i] == '\n') ++i;
      out += '\n';
    } else if (cp == '\n' || cp == '\t') {
      out += static_cast<char>(cp);
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
               (cp == detail::replacement_character && i - begin == 1)) {
      out += "\uFFFD";
    } else {
      out.append(text.substr(begin, i - begin));
    }
  }
  return out;
}

bool mermaid_parser_installed() {
  return fs::exists(test::source_dir() / "tests" / "mermaid" / "node_modules" / ".package-lock.json");
}

#define SKIP_WITHOUT_MERMAID()                                                                              \
  if (test::node_program().empty())                                                                         \
    GTEST_SKIP() << "Node.js is not installed: the Mermaid output cannot be read back";                    \
  if (!mermaid_parser_installed())                                                                          \
  GTEST_SKIP() << "Mermaid's parser is not installed in tests/mermaid/node_modules (bash tools/setup, or "  \
                  "npm ci --prefix tests/mermaid): the Mermaid output cannot be read back"

// The first line of a node's label: id, kind, party and, when given, the
// status and strength; then the gap line, if any.
std::string header(const Node& node, const analysis::GroundingReport* report, Graph::NodeRef v,
                   const analysis::StatusReport* status = nullptr, const analysis::StrengthReport* strength = nullptr) {
  std::string text = node.id;
  text += " · ";
  text += to_string(node.kind);
  if (node.party) {
    text += " · ";
    text += *node.party;
  }
  if (status != nullptr) {
    text += " · ";
    text += analysis::to_string(status->labels[v]);
    char number[16];
    std::snprintf(number, sizeof number, " %.2f", strength->strength[v]);
    text += number;
  }
  text += '\n';
  const std::size_t k = report->claim_index[v];
  if (k != analysis::GroundingReport::npos && !report->claims[k].grounded) {
    text += "LACKS EVIDENCE: ";
    text += analysis::to_string(report->claims[k].gap);
    text += '\n';
  }
  return text;
}

// Runs Mermaid's parser on `text`; the JSON it prints (see parse.mjs).
json parse_with_mermaid(const std::string& text) {
  const test::TempDir dir;
  test::write_text(dir / "graph.mmd", text);
  const auto r = test::run({test::node_program(), (test::source_dir() / "tests" / "mermaid" / "parse.mjs").string(),
                            (dir / "graph.mmd").string()});
  json parsed = json::parse(r.out, nullptr, false);
  if (parsed.is_discarded()) {
    std::string error = test::numbered("no JSON from the parser, status ", static_cast<std::size_t>(r.status));
    error += ": ";
    error += r.err;
    return json{{"error", error}};
  }
  return parsed;
}

// --- golden files --------------------------------------------------------------------

TEST(MermaidWriterTest, ParlerMatchesGolden) {
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  MermaidOptions options;
  options.analyses.grounding = &report;  // as `claimgraph export --to mermaid` does
  const std::string mismatch = test::golden_mismatch("parler_v_aws.mmd", write(g, options));
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST(MermaidWriterTest, OutputIsDeterministic) {
  const Graph g = test::hostile_graph();
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  MermaidOptions options;
  options.analyses.grounding = &report;
  options.analyses.status = &status;
  options.analyses.strength = &strength;
  const std::string first = write(g, options);
  const Graph copy = g;
  EXPECT_EQ(write(copy, options), first);
  EXPECT_EQ(write(test::hostile_graph(), options), first);
}

// --- exact escaping ------------------------------------------------------------------

// Each hostile text as its label comes out: one claim "c", nothing else.
TEST(MermaidWriterTest, EscapesEveryHostileLabelExactly) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"\"Quoted\" with \\\"escaped\\\" quotes", "#quot;Quoted#quot; with #92;#quot;escaped#92;#quot; quotes"},
      {"back\\slash \\n \\N and a trailing \\", "back#92;slash #92;n #92;N and a trailing #92;"},
      {"<b>not bold</b> & &amp; &lt; #quot; #35; #9829;",
       "#60;b#62;not bold#60;/b#62; #38; #38;amp; #38;lt; #35;quot; #35;35; #35;9829;"},
      {"]]> --> <!-- x -->", "]]#62; --#62; #60;!-- x --#62;"},
      {"end", "end"},
      {"go direction TB now; direction\tLR", "go direction#32;TB now; direction#9;LR"},
      {"line one\nline two\r\nthree\rfour", "line one<br/>line two<br/>three<br/>four"},
      {"tab\there, bell\x07, del\x7f, c1\xC2\x85", "tab#9;here, bell\uFFFD, del\uFFFD, c1\uFFFD"},
      {"RTL \u200F\u202E" "evil\u202C \u2066iso\u2069 \u061C", "RTL #8207;#8238;evil#8236; #8294;iso#8297; #1564;"},
      {"emoji 😀 👩‍⚖️ 中文 ﬁ ﬂ°°60¶ß ¶ß", "emoji 😀 👩‍⚖️ 中文 ﬁ #64258;°°60#182;ß #182;ß"},
      {"=1+1", "=1+1"},
      {"@SUM(A1:A2)", "@SUM(A1#58;A2)"},
      {"-2+3", "-2+3"},
      {"  spaces at the ends  ", "  spaces at the ends#32;#32;"},
      {"%%{init: {\"theme\":\"dark\"}}%%", "#37;#37;{init#58; {#quot;theme#quot;#58;#quot;dark#quot;}}#37;#37;"},
      {"`markdown` **bold**", "#96;markdown#96; **bold**"},
      {"style: x#y; classDef a fill:#fff;", "style#58; x#35;y; classDef a fill#58;#35;fff;"},
      {"a --> b ==x c -.-x d", "a --#62; b ==x c -.-x d"},
      {"'apostrophe first", "'apostrophe first"},
      {"\u2028line sep\u2029 \uFEFF" "bom \uFFFE\uFFFF", "#8232;line sep#8233; #65279;bom \uFFFE\uFFFF"},
      {"\t=1+1", "#9;=1+1"},
      {"nul\0 and bad \xFF byte"s, "nul\uFFFD and bad \uFFFD byte"},
      {"¶ 1 and ¶¶ 2–3 stay", "¶ 1 and ¶¶ 2–3 stay"},
  };
  for (const auto& [label, escaped] : cases) {
    SCOPED_TRACE(label);
    Graph g;
    Node node;
    node.id = "c";
    node.label = label;
    g.add_node(node);
    EXPECT_EQ(write(g), "flowchart BT\n"
                        "  classDef claim fill:#e3f2fd,stroke:#1565c0,color:#0d1b2a\n"
                        "  classDef counterclaim fill:#fff3e0,stroke:#e65100,color:#0d1b2a\n"
                        "  classDef evidence fill:#f1f8e9,stroke:#558b2f,color:#0d1b2a\n"
                        "  n0(\"c · claim<br/>" + escaped + "\")\n"
                        "  class n0 claim\n");
  }
}

TEST(MermaidWriterTest, WhiteSpaceAtTheEndsOfALabelIsKeptFromTrimming) {
  Graph g;
  Node node;
  node.id = " x\u3000";
  node.label = "y \u00A0";
  g.add_node(node);
  EXPECT_NE(write(g).find("  n0(\"#32;x\u3000 · claim<br/>y#32;#160;\")\n"), std::string::npos) << write(g);
}

TEST(MermaidWriterTest, TitleIsQuotedYaml) {
  Graph g;
  g.title = "Parler “LLC” <Inc.> & \\G \"q\"\n\u202E 😀\x01\tend";
  const std::string expected = "---\ntitle: \"Parler “LLC” \uFF1CInc.> & \\\\G \\\"q\\\"\\n\\u202E 😀\uFFFD\\tend\"\n---\nflowchart BT\n";
  EXPECT_EQ(write(g).substr(0, expected.size()), expected);
}

// --- shapes, arrows, classes -----------------------------------------------------------

TEST(MermaidWriterTest, KindsRelationsGroupsGapsAndUndercuts) {
  const std::string text = R"({"claimgraph": 1, "nodes": [
    {"id": "c", "kind": "claim", "label": "Claim", "group": "G", "source": "S"},
    {"id": "k", "kind": "counterclaim", "label": "Counter"},
    {"id": "e", "kind": "evidence", "label": "Exhibit", "group": "G"},
    {"id": "x", "kind": "claim", "label": "Element"}],
   "edges": [
    {"from": "e", "to": "c", "relation": "supports", "id": "s"},
    {"from": "k", "to": "c", "relation": "contradicts"},
    {"from": "x", "to": "c", "relation": "element-of"},
    {"from": "k", "to": "s", "relation": "undercuts"}]})";
  const Graph g = read_json(text, {}).graph;
  const auto report = analysis::check(g);
  MermaidOptions options;
  options.analyses.grounding = &report;
  EXPECT_EQ(write(g, options),
            "flowchart BT\n"
            "  classDef claim fill:#e3f2fd,stroke:#1565c0,color:#0d1b2a\n"
            "  classDef counterclaim fill:#fff3e0,stroke:#e65100,color:#0d1b2a\n"
            "  classDef evidence fill:#f1f8e9,stroke:#558b2f,color:#0d1b2a\n"
            "  classDef gap fill:#ffebee,stroke:#c62828,stroke-width:2px,stroke-dasharray:5 3\n"
            "  classDef junction fill:#2e7d32,stroke:#2e7d32\n"
            "  subgraph g0[\"G\"]\n"
            "    n0(\"c · claim<br/>LACKS EVIDENCE#58; missing-elements<br/>Claim<br/>S\")\n"
            "    n2[(\"e · evidence<br/>Exhibit\")]\n"
            "  end\n"
            "  n1[[\"k · counterclaim<br/>LACKS EVIDENCE#58; unsupported<br/>Counter\"]]\n"
            "  n3(\"x · claim<br/>LACKS EVIDENCE#58; unsupported<br/>Element\")\n"
            "  u0((\" \"))\n"
            "  n2 --- u0\n"
            "  u0 --> n0\n"
            "  n1 ==x n0\n"
            "  n3 --o n0\n"
            "  n1 -.-x u0\n"
            "  linkStyle 0,1 stroke:#2e7d32,stroke-width:1.5px\n"
            "  linkStyle 2 stroke:#c62828,stroke-width:2.5px\n"
            "  linkStyle 3 stroke:#37474f,stroke-width:1.5px\n"
            "  linkStyle 4 stroke:#6a1b9a,stroke-width:1.5px\n"
            "  class n0,n3 claim\n"
            "  class n1 counterclaim\n"
            "  class n2 evidence\n"
            "  class n0,n1,n3 gap\n"
            "  class u0 junction\n");
  MermaidOptions bare;
  bare.subgraphs = false;
  bare.sources = false;
  const std::string flat = write(g, bare);
  EXPECT_EQ(flat.find("subgraph"), std::string::npos);
  EXPECT_EQ(flat.find("<br/>S\""), std::string::npos);
  EXPECT_EQ(flat.find("LACKS EVIDENCE"), std::string::npos);  // no grounding report given
}

TEST(MermaidWriterTest, EvaluationColoursStatusAndShadesStrength) {
  GraphBuilder b;
  b.claim("c", "Claim");
  b.evidence("e", "Exhibit");
  b.claim("d", "Doubt");
  b.supports("e", "c");
  b.contradicts("d", "c");
  const Graph g = std::move(b).build();
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  MermaidOptions options;
  options.analyses.status = &status;
  options.analyses.strength = &strength;
  const std::string text = write(g, options);
  EXPECT_NE(text.find("  classDef status_in stroke:#2e7d32,stroke-width:3px\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  n0(\"c · claim · IN 0.75<br/>Claim\")\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  n1[(\"e · evidence · IN 1.00<br/>Exhibit\")]\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  class n0,n1 status_in\n  class n2 status_out\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  style n1 fill:#f1f8e9ff\n"), std::string::npos) << text;
}

TEST(MermaidWriterTest, EmptyGraph) { EXPECT_EQ(write(Graph{}).substr(0, 13), "flowchart BT\n"); }

// --- read back by Mermaid --------------------------------------------------------------

TEST(MermaidWriterTest, MermaidReadsTheGoldenFile) {
  SKIP_WITHOUT_MERMAID();
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  const json d = parse_with_mermaid(test::read_text(test::golden_dir() / "parler_v_aws.mmd"));
  ASSERT_FALSE(d.contains("error")) << d.dump();
  EXPECT_EQ(d.at("type"), "flowchart-v2");
  EXPECT_EQ(d.at("direction"), "BT");
  EXPECT_EQ(d.at("title"), *g.title);
  EXPECT_EQ(d.at("drawn_title"), *g.title);
  ASSERT_EQ(d.at("nodes").size(), g.node_count());
  for (const json& n : d.at("nodes")) {
    const std::string id = n.at("id");
    ASSERT_EQ(id[0], 'n');
    const auto v = static_cast<Graph::NodeRef>(std::stoul(id.substr(1)));
    const Node& node = g.node(v);
    SCOPED_TRACE(node.id);
    const std::size_t k = report.claim_index[v];
    const bool gap = k != analysis::GroundingReport::npos && !report.claims[k].grounded;
    std::string expected = header(node, &report, v);
    expected += node.label;
    expected += '\n';
    expected += *node.source;
    EXPECT_EQ(n.at("label"), expected);
    EXPECT_EQ(n.at("shape"), node.kind == NodeKind::claim          ? "round"
                             : node.kind == NodeKind::counterclaim ? "subroutine"
                                                                   : "cylinder");
    std::vector<std::string> classes{std::string(to_string(node.kind))};
    if (gap) classes.emplace_back("gap");
    EXPECT_EQ(n.at("classes").get<std::vector<std::string>>(), classes);
  }
  // Every edge, in order, with its relation's arrow and colour.
  ASSERT_EQ(d.at("edges").size(), g.edge_count());
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const auto e = g.edges()[i];
    const json& drawn = d.at("edges")[i];
    EXPECT_EQ(drawn.at("start"), test::numbered("n", g.source(e)));
    EXPECT_EQ(drawn.at("end"), test::numbered("n", g.target(e)));
    const Relation r = g.edge(e).relation;
    EXPECT_EQ(drawn.at("type"), r == Relation::supports ? "arrow_point" : r == Relation::contradicts ? "arrow_cross" : "arrow_circle");
    EXPECT_EQ(drawn.at("stroke"), r == Relation::contradicts ? "thick" : "normal");
    const std::string colour = r == Relation::supports ? "stroke:#2e7d32" : r == Relation::contradicts ? "stroke:#c62828" : "stroke:#37474f";
    EXPECT_EQ(drawn.at("style").at(0), colour);
  }
  // Each group is a subgraph titled with its name and holding its nodes.
  std::vector<std::string> titles;
  for (const json& s : d.at("subgraphs")) titles.push_back(s.at("title"));
  EXPECT_EQ(titles, (std::vector<std::string>{"Preliminary injunction", "Sherman Act § 1", "Breach of contract",
                                              "Tortious interference"}));
  for (const json& s : d.at("subgraphs")) {
    for (const json& member : s.at("nodes")) {
      const std::string id = member;
      EXPECT_EQ(*g.node(std::stoul(id.substr(1))).group, s.at("title").get<std::string>());
    }
  }
}

TEST(MermaidWriterTest, MermaidReadsHostileTextExactly) {
  SKIP_WITHOUT_MERMAID();
  const Graph g = test::hostile_graph();
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  MermaidOptions options;
  options.analyses.grounding = &report;
  options.analyses.status = &status;
  options.analyses.strength = &strength;
  const json d = parse_with_mermaid(write(g, options));
  ASSERT_FALSE(d.contains("error")) << d.dump();
  EXPECT_EQ(d.at("title"), "Parler “LLC” \uFF1CInc.> & \\G \"q\" \u202E 😀\tend");
  EXPECT_EQ(d.at("drawn_title"), d.at("title"));
  std::map<std::string, json> nodes;
  for (const json& n : d.at("nodes")) nodes[n.at("id")] = n;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const Node& node = g.node(v);
    SCOPED_TRACE(node.label);
    std::string expected = header(node, &report, v, &status, &strength);
    expected += node.label;
    if (node.source) {
      expected += '\n';
      expected += *node.source;
    }
    const auto it = nodes.find(test::numbered("n", v));
    ASSERT_NE(it, nodes.end());
    EXPECT_EQ(it->second.at("label"), as_drawn(expected));
  }
  std::vector<std::string> titles;
  for (const json& s : d.at("subgraphs")) titles.push_back(s.at("title"));
  std::vector<std::string> groups;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const auto& group = g.node(v).group;
    if (group && std::find(groups.begin(), groups.end(), as_drawn(*group)) == groups.end()) groups.push_back(as_drawn(*group));
  }
  EXPECT_EQ(titles, groups);
  // The undercut meets the support it attacks at u0.
  EXPECT_EQ(nodes.at("u0").at("shape"), "circle");
  bool undercut = false;
  for (const json& e : d.at("edges")) {
    if (e.at("end") == "u0" && e.at("type") == "arrow_cross" && e.at("stroke") == "dotted") undercut = true;
  }
  EXPECT_TRUE(undercut);
}

}  // namespace
}  // namespace claimgraph::io
