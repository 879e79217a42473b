// GraphML: golden files, the exact escaping of hostile text, and the output
// read back by two real consumers. xmllint (libxml2) checks that every file
// is well-formed XML and reads back each text; the GraphML XSD is not in any
// Debian package, so instead of validating against it the structure the XSD
// requires (keys before the graph, typed keys, data that names a key for its
// domain, edges between declared nodes, unique ids) is checked with XPath.
// Boost's GraphML reader (read_graphml) then reads every file into a Boost
// graph, typed attributes included. The xmllint tests skip with a message
// where it is not installed (tools/setup installs libxml2-utils).

#include "claimgraph/io/graphml_writer.hpp"

#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/property_map.hpp>
#include <filesystem>
#include <sstream>
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
#include "io/hostile_graph.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

std::string write(const Graph& g, const GraphmlOptions& options = {}) {
  std::ostringstream out;
  write_graphml(out, g, options);
  return out.str();
}

Graph load(const std::string& name) {
  const fs::path path = test::graphs_dir() / (name + ".json");
  ReadOptions o;
  o.file_name = path.string();
  return read_json(test::read_text(path), o).graph;
}

// What an XML reader gets back for `text`: every character, except those
// XML 1.0 cannot hold and bytes that are not UTF-8, which are U+FFFD.
std::string as_read(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t begin = i;
    const char32_t cp = detail::decode_utf8(text, i);
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF ||
        (cp == detail::replacement_character && i - begin == 1)) {
      out += "\uFFFD";
    } else {
      out.append(text.substr(begin, i - begin));
    }
  }
  return out;
}

// What an XML reader gets back for `text` written inside JSON, which
// escapes the C0 controls: U+FFFE and U+FFFF are U+FFFD.
std::string as_read_in_json(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t begin = i;
    const char32_t cp = detail::decode_utf8(text, i);
    out += cp == 0xFFFE || cp == 0xFFFF ? std::string("\uFFFD") : std::string(text.substr(begin, i - begin));
  }
  return out;
}

#define SKIP_WITHOUT_XMLLINT() \
  if (test::xmllint_program().empty()) GTEST_SKIP() << "xmllint is not installed: the GraphML output cannot be checked"

// Runs `xmllint --noout` and then each XPath query on `xml`.
struct Xmllint {
  explicit Xmllint(const std::string& xml) {
    test::write_text(dir / "graph.graphml", xml);
    const auto r = test::run({test::xmllint_program(), "--noout", path()});
    status = r.status;
    err = r.err;
  }
  [[nodiscard]] std::string path() const { return (dir / "graph.graphml").string(); }
  // The value of an XPath 1.0 expression (xmllint prints it with a newline).
  [[nodiscard]] std::string xpath(const std::string& expression) const {
    auto r = test::run({test::xmllint_program(), "--xpath", expression, path()});
    if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
    return r.status == 0 ? r.out : "xmllint failed: " + r.err;
  }
  test::TempDir dir;
  int status = -1;
  std::string err;
};

std::string e(const std::string& name) { return "*[local-name()='" + name + "']"; }

// Checks with XPath what the GraphML schema requires of the document's structure.
void expect_graphml_structure(const Xmllint& x, std::size_t nodes, std::size_t edges) {
  const std::string root = "/" + e("graphml");
  EXPECT_EQ(x.xpath("namespace-uri(/*)"), "http://graphml.graphdrawing.org/xmlns");
  EXPECT_EQ(x.xpath("local-name(/*)"), "graphml");
  EXPECT_EQ(x.xpath("count(/*/*)"), std::to_string(std::stoul(x.xpath("count(" + root + "/" + e("key") + ")")) + 1));
  EXPECT_EQ(x.xpath("count(" + root + "/" + e("graph") + "/following-sibling::*)"), "0");  // keys come first
  EXPECT_EQ(x.xpath("string(" + root + "/" + e("graph") + "/@edgedefault)"), "directed");
  // Keys: unique ids, a domain, a name and one of GraphML's types.
  EXPECT_EQ(x.xpath("count(//" + e("key") + "[@id = preceding-sibling::*/@id])"), "0");
  EXPECT_EQ(x.xpath("count(//" + e("key") + "[not(@for='graph' or @for='node' or @for='edge')])"), "0");
  EXPECT_EQ(x.xpath("count(//" + e("key") + "[not(@attr.name)])"), "0");
  EXPECT_EQ(x.xpath("count(//" + e("key") + "[not(@attr.type='boolean' or @attr.type='int' or @attr.type='long' or "
                    "@attr.type='float' or @attr.type='double' or @attr.type='string')])"),
            "0");
  // Data names a key declared for its element's domain, at most once per element.
  for (const std::string domain : {"graph", "node", "edge"}) {
    EXPECT_EQ(x.xpath("count(//" + e(domain) + "/" + e("data") + "[not(@key = //" + e("key") + "[@for='" + domain +
                      "']/@id)])"),
              "0")
        << domain;
    EXPECT_EQ(x.xpath("count(//" + e(domain) + "/" + e("data") + "[@key = preceding-sibling::*/@key])"), "0") << domain;
  }
  // Typed values read as their type.
  EXPECT_EQ(x.xpath("count(//" + e("data") + "[@key = //" + e("key") + "[@attr.type='boolean']/@id][not(.='true' or "
                    ".='false')])"),
            "0");
  EXPECT_EQ(x.xpath("count(//" + e("data") + "[@key = //" + e("key") + "[@attr.type='double']/@id][string(number(.)) "
                    "= 'NaN'])"),
            "0");
  // Nodes and edges: the expected numbers, unique ids, edges between declared nodes.
  EXPECT_EQ(x.xpath("count(//" + e("node") + ")"), std::to_string(nodes));
  EXPECT_EQ(x.xpath("count(//" + e("edge") + ")"), std::to_string(edges));
  EXPECT_EQ(x.xpath("count(//" + e("node") + "[@id = preceding-sibling::" + e("node") + "/@id])"), "0");
  EXPECT_EQ(x.xpath("count(//" + e("edge") + "[@id = preceding-sibling::" + e("edge") + "/@id])"), "0");
  EXPECT_EQ(x.xpath("count(//" + e("edge") + "[not(@source = //" + e("node") + "/@id) or not(@target = //" + e("node") +
                    "/@id)])"),
            "0");
}

// --- golden files --------------------------------------------------------------------

TEST(GraphmlWriterTest, ParlerMatchesGolden) {
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  GraphmlOptions options;
  options.analyses.grounding = &report;  // as `claimgraph export --to graphml` does
  const std::string mismatch = test::golden_mismatch("parler_v_aws.graphml", write(g, options));
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST(GraphmlWriterTest, XmllintAcceptsTheGoldenFile) {
  SKIP_WITHOUT_XMLLINT();
  const Graph g = load("parler_v_aws");
  const Xmllint x(test::read_text(test::golden_dir() / "parler_v_aws.graphml"));
  ASSERT_EQ(x.status, 0) << x.err;
  EXPECT_EQ(x.err, "");
  expect_graphml_structure(x, g.node_count(), g.edge_count());
  EXPECT_EQ(x.xpath("string(//" + e("graph") + "/" + e("data") + "[@key='g_title'])"), *g.title);
  EXPECT_EQ(x.xpath("string(//" + e("node") + "[@id='n7']/" + e("data") + "[@key='v_id'])"), "s2");
  EXPECT_EQ(x.xpath("string(//" + e("node") + "[@id='n7']/" + e("data") + "[@key='v_gap'])"), "unsupported");
}

TEST(GraphmlWriterTest, OutputIsDeterministic) {
  const Graph g = test::hostile_graph();
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  GraphmlOptions options{&report, &status, &strength};
  const std::string first = write(g, options);
  EXPECT_EQ(write(Graph(g), options), first);
  EXPECT_EQ(write(test::hostile_graph(), options), first);
}

// --- exact escaping ------------------------------------------------------------------

TEST(GraphmlWriterTest, EscapesEveryHostileLabelExactly) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"\"Quoted\" with \\\"escaped\\\" quotes", "&quot;Quoted&quot; with \\&quot;escaped\\&quot; quotes"},
      {"back\\slash \\n \\N and a trailing \\", "back\\slash \\n \\N and a trailing \\"},
      {"<b>not bold</b> & &amp; &lt; #quot; #35; #9829;",
       "&lt;b&gt;not bold&lt;/b&gt; &amp; &amp;amp; &amp;lt; #quot; #35; #9829;"},
      {"]]> --> <!-- x -->", "]]&gt; --&gt; &lt;!-- x --&gt;"},
      {"end", "end"},
      {"go direction TB now; direction\tLR", "go direction TB now; direction&#9;LR"},
      {"line one\nline two\r\nthree\rfour", "line one&#10;line two&#13;&#10;three&#13;four"},
      {"tab\there, bell\x07, del\x7f, c1\xC2\x85", "tab&#9;here, bell\uFFFD, del&#127;, c1&#133;"},
      {"RTL \u200F\u202E" "evil\u202C \u2066iso\u2069 \u061C", "RTL \u200F\u202E" "evil\u202C \u2066iso\u2069 \u061C"},
      {"emoji 😀 👩‍⚖️ 中文 ﬁ ﬂ°°60¶ß ¶ß", "emoji 😀 👩‍⚖️ 中文 ﬁ ﬂ°°60¶ß ¶ß"},
      {"=1+1", "=1+1"},
      {"@SUM(A1:A2)", "@SUM(A1:A2)"},
      {"-2+3", "-2+3"},
      {"  spaces at the ends  ", "  spaces at the ends  "},
      {"%%{init: {\"theme\":\"dark\"}}%%", "%%{init: {&quot;theme&quot;:&quot;dark&quot;}}%%"},
      {"`markdown` **bold**", "`markdown` **bold**"},
      {"style: x#y; classDef a fill:#fff;", "style: x#y; classDef a fill:#fff;"},
      {"a --> b ==x c -.-x d", "a --&gt; b ==x c -.-x d"},
      {"'apostrophe first", "&apos;apostrophe first"},
      {"\u2028line sep\u2029 \uFEFF" "bom \uFFFE\uFFFF", "\u2028line sep\u2029 \uFEFF" "bom \uFFFD\uFFFD"},
      {"\t=1+1", "&#9;=1+1"},
      {"nul\0 and bad \xFF byte"s, "nul\uFFFD and bad \uFFFD byte"},
  };
  for (const auto& [label, escaped] : cases) {
    SCOPED_TRACE(label);
    Graph g;
    Node node;
    node.id = "c";
    node.label = label;
    g.add_node(node);
    const std::string xml = write(g);
    EXPECT_NE(xml.find("    <node id=\"n0\">\n"
                       "      <data key=\"v_id\">c</data>\n"
                       "      <data key=\"v_kind\">claim</data>\n"
                       "      <data key=\"v_label\">" + escaped + "</data>\n"
                       "    </node>\n"),
              std::string::npos)
        << xml;
  }
}

// Two citations: the second is dated earlier, so its exhibit, Bates range,
// pin cite and date are the node's; the first has markup in every field.
Node cited_node() {
  Node node;
  node.id = "c";
  node.label = "l";
  node.cite = {test::cite({{"exhibit", "PX-1"}, {"date", "2021-02"}}),
               test::cite({{"document", "Memo <\"draft\"> & 'notes'"},
                           {"exhibit", "PX-2 ]]>"},
                           {"bates", "AWS000123–AWS000131"},
                           {"pin", "at 4\t¶ 2\n"},
                           {"date", "2021-01-09"},
                           {"quote", "<q>\"x\" \\ y</q>"},
                           {"url", "https://e.example/?a=1&b=<2>"}})};
  return node;
}

TEST(GraphmlWriterTest, CitationKeysHoldTheEarliestDatedCitationEscaped) {
  Graph g;
  g.add_node(cited_node());
  const std::string xml = write(g);
  EXPECT_NE(xml.find("  <key id=\"v_cite\" for=\"node\" attr.name=\"cite\" attr.type=\"string\"/>\n"
                     "  <key id=\"v_exhibit\" for=\"node\" attr.name=\"exhibit\" attr.type=\"string\"/>\n"
                     "  <key id=\"v_bates\" for=\"node\" attr.name=\"bates\" attr.type=\"string\"/>\n"
                     "  <key id=\"v_pin\" for=\"node\" attr.name=\"pin\" attr.type=\"string\"/>\n"
                     "  <key id=\"v_date\" for=\"node\" attr.name=\"date\" attr.type=\"string\"/>\n"
                     "  <key id=\"v_citations\" for=\"node\" attr.name=\"citations\" attr.type=\"string\"/>\n"),
            std::string::npos)
      << xml;
  EXPECT_NE(
      xml.find("      <data key=\"v_label\">l</data>\n"
               "      <data key=\"v_cite\">PX-1 (2021-02); PX-2 ]]&gt;, Memo &lt;&quot;draft&quot;&gt; &amp; "
               "&apos;notes&apos;, at 4&#9;¶ 2&#10;, AWS000123–AWS000131 (2021-01-09)</data>\n"
               "      <data key=\"v_exhibit\">PX-2 ]]&gt;</data>\n"
               "      <data key=\"v_bates\">AWS000123–AWS000131</data>\n"
               "      <data key=\"v_pin\">at 4&#9;¶ 2&#10;</data>\n"
               "      <data key=\"v_date\">2021-01-09</data>\n"
               "      <data key=\"v_citations\">[{&quot;exhibit&quot;:&quot;PX-1&quot;,&quot;date&quot;:&quot;2021-02&quot;},"
               "{&quot;document&quot;:&quot;Memo &lt;\\&quot;draft\\&quot;&gt; &amp; &apos;notes&apos;&quot;,"
               "&quot;exhibit&quot;:&quot;PX-2 ]]&gt;&quot;,&quot;bates&quot;:&quot;AWS000123–AWS000131&quot;,"
               "&quot;pin&quot;:&quot;at 4\\t¶ 2\\n&quot;,&quot;date&quot;:&quot;2021-01-09&quot;,"
               "&quot;quote&quot;:&quot;&lt;q&gt;\\&quot;x\\&quot; \\\\ y&lt;/q&gt;&quot;,"
               "&quot;url&quot;:&quot;https://e.example/?a=1&amp;b=&lt;2&gt;&quot;}]</data>\n"
               "    </node>\n"),
      std::string::npos)
      << xml;
  // A node without citations has none of these keys' data.
  Graph plain;
  Node node;
  node.id = "p";
  node.label = "p";
  plain.add_node(node);
  EXPECT_EQ(write(plain).find("<data key=\"v_cite"), std::string::npos);
}

// --- read back -----------------------------------------------------------------------

TEST(GraphmlWriterTest, XmllintReadsHostileTextExactly) {
  SKIP_WITHOUT_XMLLINT();
  const Graph g = test::hostile_graph();
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  const Xmllint x(write(g, {&report, &status, &strength}));
  ASSERT_EQ(x.status, 0) << x.err;
  EXPECT_EQ(x.err, "");
  expect_graphml_structure(x, g.node_count(), g.edge_count());
  EXPECT_EQ(x.xpath("string(//" + e("graph") + "/" + e("data") + "[@key='g_title'])"), as_read(*g.title));
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const Node& node = g.node(v);
    SCOPED_TRACE(node.label);
    const std::string at = "//" + e("node") + "[@id='" + test::numbered("n", v) + "']/" + e("data");
    EXPECT_EQ(x.xpath("string(" + at + "[@key='v_id'])"), as_read(node.id));
    EXPECT_EQ(x.xpath("string(" + at + "[@key='v_label'])"), as_read(node.label));
    if (node.source) {
      EXPECT_EQ(x.xpath("string(" + at + "[@key='v_source'])"), as_read(*node.source));
    }
    if (!node.cite.empty()) {
      // The first citation is dated earlier than the second.
      const Citation& c = node.cite.front();
      EXPECT_EQ(x.xpath("string(" + at + "[@key='v_cite'])"), as_read(format_citations(node.cite)));
      EXPECT_EQ(x.xpath("string(" + at + "[@key='v_exhibit'])"), as_read(*c.exhibit));
      EXPECT_EQ(x.xpath("string(" + at + "[@key='v_bates'])"), *c.bates);
      EXPECT_EQ(x.xpath("string(" + at + "[@key='v_pin'])"), as_read(*c.pin));
      EXPECT_EQ(x.xpath("string(" + at + "[@key='v_date'])"), *c.date);
      // JSON escapes the C0 controls; U+FFFE and U+FFFF become U+FFFD.
      const nlohmann::json cites = nlohmann::json::parse(x.xpath("string(" + at + "[@key='v_citations'])"));
      ASSERT_EQ(cites.size(), node.cite.size());
      for (std::size_t k = 0; k < node.cite.size(); ++k) {
        EXPECT_EQ(cites[k].value("document", ""), as_read_in_json(node.cite[k].document.value_or("")));
        EXPECT_EQ(cites[k].value("quote", ""), as_read_in_json(node.cite[k].quote.value_or("")));
        EXPECT_EQ(cites[k].value("url", ""), node.cite[k].url.value_or(""));
      }
    }
    EXPECT_EQ(x.xpath("string(" + at + "[@key='v_status'])"), analysis::to_string(status.labels[v]));
  }
}

// What Boost's GraphML reader fills in.
struct ReadNode {
  std::string id, kind, label, text, party, group, source, cite, exhibit, bates, pin, date, citations, standard, burden,
      tags, extra, gap, status;
  double weight = -1, strength = -1;
  std::string lacks_evidence, established;
};
struct ReadEdge {
  std::string id, relation, undercuts, extra, undercut, carries;
};
struct ReadGraph {
  std::string title, description, extra;
};
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ReadNode, ReadEdge, ReadGraph>;

// Reads `xml` into `bg` (filled in place: copying a Boost graph is what GCC
// then warns about). Boost 1.74's reader converts values with lexical_cast,
// which takes only 1 and 0 for a boolean, not the true and false that XML
// Schema, yEd, Gephi and Cytoscape use; so boolean keys are read as strings.
void read_back(std::string xml, BoostGraph& bg) {
  for (std::size_t at = 0; (at = xml.find("attr.type=\"boolean\"", at)) != std::string::npos;) {
    xml.replace(at, 19, "attr.type=\"string\" ");
  }
  boost::dynamic_properties dp;
  auto& bundle = bg[boost::graph_bundle];
  dp.property("title", boost::ref_property_map<BoostGraph*, std::string>(bundle.title));
  dp.property("description", boost::ref_property_map<BoostGraph*, std::string>(bundle.description));
  dp.property("extra", boost::ref_property_map<BoostGraph*, std::string>(bundle.extra));
  dp.property("id", boost::get(&ReadNode::id, bg));
  dp.property("kind", boost::get(&ReadNode::kind, bg));
  dp.property("label", boost::get(&ReadNode::label, bg));
  dp.property("text", boost::get(&ReadNode::text, bg));
  dp.property("party", boost::get(&ReadNode::party, bg));
  dp.property("group", boost::get(&ReadNode::group, bg));
  dp.property("source", boost::get(&ReadNode::source, bg));
  dp.property("cite", boost::get(&ReadNode::cite, bg));
  dp.property("exhibit", boost::get(&ReadNode::exhibit, bg));
  dp.property("bates", boost::get(&ReadNode::bates, bg));
  dp.property("pin", boost::get(&ReadNode::pin, bg));
  dp.property("date", boost::get(&ReadNode::date, bg));
  dp.property("citations", boost::get(&ReadNode::citations, bg));
  dp.property("weight", boost::get(&ReadNode::weight, bg));
  dp.property("standard", boost::get(&ReadNode::standard, bg));
  dp.property("burden", boost::get(&ReadNode::burden, bg));
  dp.property("tags", boost::get(&ReadNode::tags, bg));
  dp.property("extra", boost::get(&ReadNode::extra, bg));
  dp.property("lacks_evidence", boost::get(&ReadNode::lacks_evidence, bg));
  dp.property("gap", boost::get(&ReadNode::gap, bg));
  dp.property("status", boost::get(&ReadNode::status, bg));
  dp.property("strength", boost::get(&ReadNode::strength, bg));
  dp.property("established", boost::get(&ReadNode::established, bg));
  dp.property("id", boost::get(&ReadEdge::id, bg));
  dp.property("relation", boost::get(&ReadEdge::relation, bg));
  dp.property("undercut", boost::get(&ReadEdge::undercut, bg));
  dp.property("undercuts", boost::get(&ReadEdge::undercuts, bg));
  dp.property("extra", boost::get(&ReadEdge::extra, bg));
  dp.property("carries", boost::get(&ReadEdge::carries, bg));
  std::istringstream in(xml);
  boost::read_graphml(in, bg, dp);
}

// Boost's reader (property_tree's read_xml, trimming white space) also
// collapses each run of spaces into one and drops spaces at the ends of a
// text; xmllint gives them back exactly (XmllintReadsHostileTextExactly).
std::string spaces_collapsed(std::string_view text, bool trim) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && (out.empty() ? trim : out.back() == ' ')) continue;
    out += c;
  }
  if (trim && !out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string as_read_by_boost(std::string_view text) { return spaces_collapsed(as_read(text), true); }

TEST(GraphmlWriterTest, BoostReadsEveryField) {
  const Graph g = test::hostile_graph();
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  BoostGraph bg;
  ASSERT_NO_THROW(read_back(write(g, {&report, &status, &strength}), bg));
  EXPECT_EQ(bg[boost::graph_bundle].title, as_read_by_boost(*g.title));
  EXPECT_EQ(bg[boost::graph_bundle].description, as_read_by_boost(*g.description));
  ASSERT_EQ(boost::num_vertices(bg), g.node_count());
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const Node& node = g.node(v);
    const ReadNode& r = bg[v];
    SCOPED_TRACE(node.label);
    EXPECT_EQ(r.id, node.id);
    EXPECT_EQ(r.kind, to_string(node.kind));
    EXPECT_EQ(r.label, as_read_by_boost(node.label));
    EXPECT_EQ(r.text, as_read_by_boost(node.text.value_or("")));
    EXPECT_EQ(r.party, as_read_by_boost(node.party.value_or("")));
    EXPECT_EQ(r.group, as_read_by_boost(node.group.value_or("")));
    EXPECT_EQ(r.source, as_read_by_boost(node.source.value_or("")));
    EXPECT_EQ(r.burden, as_read_by_boost(node.burden.value_or("")));
    if (!node.cite.empty()) {
      // The first citation is dated earlier than the second.
      EXPECT_EQ(r.cite, as_read_by_boost(format_citations(node.cite)));
      EXPECT_EQ(r.exhibit, as_read_by_boost(*node.cite.front().exhibit));
      EXPECT_EQ(r.bates, *node.cite.front().bates);
      EXPECT_EQ(r.pin, as_read_by_boost(*node.cite.front().pin));
      EXPECT_EQ(r.date, *node.cite.front().date);
      EXPECT_EQ(nlohmann::json::parse(r.citations).size(), node.cite.size());
    }
    EXPECT_EQ(r.weight, node.weight.value_or(-1));
    EXPECT_EQ(r.standard, node.standard ? std::string(to_string(*node.standard)) : std::string());
    if (node.tags) {
      // The tags are JSON, in which C0 controls are escaped.
      std::vector<std::string> tags;
      for (const auto& tag : *node.tags) {
        std::string t;
        for (std::size_t i = 0; i < tag.size();) {
          const std::size_t begin = i;
          const char32_t cp = detail::decode_utf8(tag, i);
          t += cp == 0xFFFE || cp == 0xFFFF ? std::string("\uFFFD") : tag.substr(begin, i - begin);
        }
        tags.push_back(spaces_collapsed(t, false));
      }
      EXPECT_EQ(nlohmann::json::parse(r.tags).get<std::vector<std::string>>(), tags);
    }
    const std::size_t k = report.claim_index[v];
    const bool lacks = k != analysis::GroundingReport::npos && !report.claims[k].grounded;
    EXPECT_EQ(r.lacks_evidence, lacks ? "true" : "false");
    EXPECT_EQ(r.gap, lacks ? analysis::to_string(report.claims[k].gap) : "");
    EXPECT_EQ(r.status, analysis::to_string(status.labels[v]));
    EXPECT_EQ(r.strength, strength.strength[v]);  // written exactly
    EXPECT_EQ(r.established, !is_claim_like(node.kind) ? "" : strength.established[v] ? "true" : "false");
  }
  EXPECT_EQ(bg[0].extra, R"({"exhibit_no":"P-1"})");
  ASSERT_EQ(boost::num_edges(bg), g.edge_count());
  // Boost lists a vertex's out-edges in the order they were read.
  std::vector<ReadEdge> read;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) read.push_back(bg[*it]);
  }
  std::size_t supports = 0;
  for (const auto& r : read) {
    if (r.relation != "supports") continue;
    ++supports;
    EXPECT_EQ(r.undercut, r.id == "s0" ? "true" : "false") << r.id;
    EXPECT_EQ(r.carries, r.id == "s0" && status.undercut[0] ? "false" : "true") << r.id;
  }
  EXPECT_EQ(supports, test::hostile_texts().size() + 1);
  bool undercuts = false;
  bool contradicts = false;
  for (const auto& r : read) {
    if (r.relation == "undercuts") undercuts = r.undercuts == "s0";
    if (r.relation == "contradicts") contradicts = r.extra == R"({"note":"=x"})";
  }
  EXPECT_TRUE(undercuts);
  EXPECT_TRUE(contradicts);
}

TEST(GraphmlWriterTest, UndercutIsAnEdgeToTheClaimNamingTheSupport) {
  const std::string text = R"({"claimgraph": 1, "nodes": [
    {"id": "c", "kind": "claim", "label": "Claim"},
    {"id": "e", "kind": "evidence", "label": "Exhibit"},
    {"id": "x", "kind": "evidence", "label": "Exception"}],
   "edges": [
    {"from": "e", "to": "c", "relation": "supports", "id": "s"},
    {"from": "x", "to": "s", "relation": "undercuts"}]})";
  const Graph g = read_json(text, {}).graph;
  const auto status = analysis::grounded_status(g);
  GraphmlOptions options;
  options.analyses.status = &status;
  const std::string xml = write(g, options);
  EXPECT_NE(xml.find("    <edge id=\"e0\" source=\"n1\" target=\"n0\">\n"
                     "      <data key=\"e_id\">s</data>\n"
                     "      <data key=\"e_relation\">supports</data>\n"
                     "      <data key=\"e_undercut\">true</data>\n"
                     "      <data key=\"e_carries\">false</data>\n"
                     "    </edge>\n"
                     "    <edge id=\"e1\" source=\"n2\" target=\"n0\">\n"
                     "      <data key=\"e_relation\">undercuts</data>\n"
                     "      <data key=\"e_undercuts\">s</data>\n"
                     "    </edge>\n"),
            std::string::npos)
      << xml;
}

TEST(GraphmlWriterTest, AnalysisKeysOnlyWhenGiven) {
  const Graph g = load("negligence_example");
  const std::string bare = write(g);
  EXPECT_EQ(bare.find("lacks_evidence"), std::string::npos);
  EXPECT_EQ(bare.find("attr.name=\"status\""), std::string::npos);
  EXPECT_EQ(bare.find("attr.name=\"strength\""), std::string::npos);
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  const std::string full = write(g, {&report, &status, &strength});
  EXPECT_NE(full.find("<key id=\"v_lacks_evidence\" for=\"node\" attr.name=\"lacks_evidence\" attr.type=\"boolean\"/>"),
            std::string::npos);
  EXPECT_NE(full.find("<key id=\"v_status\" for=\"node\" attr.name=\"status\" attr.type=\"string\"/>"), std::string::npos);
  EXPECT_NE(full.find("<key id=\"v_strength\" for=\"node\" attr.name=\"strength\" attr.type=\"double\"/>"),
            std::string::npos);
  EXPECT_NE(full.find("<key id=\"e_carries\" for=\"edge\" attr.name=\"carries\" attr.type=\"boolean\"/>"),
            std::string::npos);
}

}  // namespace
}  // namespace claimgraph::io
