// The DOT diagram: golden files, and the output read back by Graphviz itself.
// `dot -Tjson` reports every text it draws ("T" operations in `_ldraw_`);
// those must give back each node's header, gap mark, label and source exactly
// as written, up to the line breaks the writer inserts when it wraps.

#include "claimgraph/io/dot_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::string_literals;

// One text operation of Graphviz's drawing: the font size in effect and the text.
struct Span {
  double size = 0;
  std::string text;
};

// What Graphviz drew, by object name.
struct Drawing {
  int status = -1;
  std::string err;
  std::vector<std::string> title;
  std::map<std::string, std::vector<Span>> objects;
  std::map<std::string, json> attributes;  // as Graphviz resolved them, defaults applied
  json raw;
};

class DotWriterTest : public ::testing::Test {
 protected:
  static std::string write(const Graph& g, const DotOptions& options) {
    std::ostringstream out;
    write_dot(out, g, options);
    return out.str();
  }

  static Graph load(const std::string& name) {
    const fs::path path = claimgraph::test::graphs_dir() / (name + ".json");
    ReadOptions o;
    o.file_name = path.string();
    return read_json(claimgraph::test::read_text(path), o).graph;
  }

  static std::vector<Span> spans(const json& ops) {
    std::vector<Span> out;
    double size = 0;
    for (const auto& op : ops) {
      if (op.at("op") == "F") size = op.at("size").get<double>();
      if (op.at("op") == "T") out.push_back({size, op.at("text").get<std::string>()});
    }
    return out;
  }

  // Runs `dot -Tjson` on `dot_text`.
  static Drawing draw(const std::string& dot_text) {
    const claimgraph::test::TempDir dir;
    claimgraph::test::write_text(dir / "graph.dot", dot_text);
    const auto r = claimgraph::test::run({claimgraph::test::dot_program(), "-Tjson", (dir / "graph.dot").string()});
    Drawing d;
    d.status = r.status;
    d.err = r.err;
    if (r.status != 0) return d;
    d.raw = json::parse(r.out);
    for (const auto& s : spans(d.raw.value("_ldraw_", json::array()))) d.title.push_back(s.text);
    for (const auto& o : d.raw.at("objects")) {
      d.objects[o.at("name").get<std::string>()] = spans(o.value("_ldraw_", json::array()));
      d.attributes[o.at("name").get<std::string>()] = o;
    }
    return d;
  }

  // Whether the drawn lines give back `text`: each line continues the text
  // where the previous one stopped; between lines the text may have the one
  // space a soft break replaced, or the newlines of a hard one.
  static ::testing::AssertionResult reproduces(const std::vector<std::string>& lines, const std::string& text) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (text.compare(pos, lines[i].size(), lines[i]) != 0) {
        return ::testing::AssertionFailure() << "drawn line " << i << " \"" << lines[i] << "\" does not continue \""
                                             << text << "\" at byte " << pos << " (drawn: " << joined(lines) << ")";
      }
      pos += lines[i].size();
      if (pos < text.size() && text[pos] == ' ') {
        ++pos;
      } else {
        while (pos < text.size() && text[pos] == '\n') ++pos;
      }
    }
    if (pos != text.size()) {
      return ::testing::AssertionFailure() << "drawn " << joined(lines) << " stops at byte " << pos << " of \"" << text
                                           << "\"";
    }
    return ::testing::AssertionSuccess();
  }

  static std::string joined(const std::vector<std::string>& lines) {
    std::string out = "[";
    for (const auto& l : lines) out += (out.size() > 1 ? ", \"" : "\"") + l + "\"";
    return out + "]";
  }

  // Checks what Graphviz drew for node `v` against the node.
  static void expect_node_drawn(const Drawing& d, const Graph& g, Graph::NodeRef v,
                                const analysis::GroundingReport* report, std::size_t wrap_width = 30) {
    const Node& node = g.node(v);
    SCOPED_TRACE("node " + node.id);
    const auto it = d.objects.find(claimgraph::test::numbered("n", v));
    ASSERT_NE(it, d.objects.end()) << "Graphviz drew no node n" << v;
    const std::vector<Span>& s = it->second;
    std::size_t i = 0;
    ASSERT_LT(i, s.size());
    std::string header(to_string(node.kind));
    if (node.party) header += " · " + *node.party;
    EXPECT_EQ(s[i].text, header);
    EXPECT_EQ(s[i].size, 8.0);
    ++i;
    const bool gap = report != nullptr && report->claim_index[v] != analysis::GroundingReport::npos &&
                     !report->claims[report->claim_index[v]].grounded;
    if (gap) {
      // The reason goes on a line of its own when the two are wider than a label's line.
      ASSERT_LT(i, s.size());
      const std::string why(analysis::to_string(report->claims[report->claim_index[v]].gap));
      const std::string one_line = "LACKS EVIDENCE: " + why;
      if (one_line.size() > wrap_width) {
        EXPECT_EQ(s[i].text, "LACKS EVIDENCE:");
        ++i;
        ASSERT_LT(i, s.size());
        EXPECT_EQ(s[i].text, why);
      } else {
        EXPECT_EQ(s[i].text, one_line);
      }
      ++i;
    }
    std::vector<std::string> label;
    for (; i < s.size() && s[i].size == 10.0; ++i) {
      label.push_back(s[i].text);
      EXPECT_LE(s[i].text.size(), 4 * (wrap_width + 2)) << "a label line is not wrapped: " << s[i].text;
    }
    EXPECT_TRUE(reproduces(label, node.label)) << "label";
    std::vector<std::string> source;
    for (; i < s.size(); ++i) {
      EXPECT_EQ(s[i].size, 8.0);
      source.push_back(s[i].text);
    }
    if (node.source) {
      EXPECT_TRUE(reproduces(source, *node.source)) << "source";
    } else {
      EXPECT_TRUE(source.empty()) << joined(source);
    }

    // Kinds drawn distinctly; claims that lack evidence marked.
    const json& a = d.attributes.at(claimgraph::test::numbered("n", v));
    EXPECT_EQ(a.value("shape", ""), node.kind == NodeKind::evidence ? "note" : "box");
    EXPECT_EQ(a.value("peripheries", "1"), node.kind == NodeKind::counterclaim ? "2" : "1");
    const std::string style = a.value("style", "");
    EXPECT_EQ(style.find("dashed") != std::string::npos, gap) << style;
    EXPECT_EQ(style.find("rounded") != std::string::npos, node.kind == NodeKind::claim) << style;
    const char* fill = gap                                     ? "#ffebee"
                       : node.kind == NodeKind::claim        ? "#e3f2fd"
                       : node.kind == NodeKind::counterclaim ? "#fff3e0"
                                                             : "#f1f8e9";
    EXPECT_EQ(a.value("fillcolor", ""), fill);
    const char* border = gap                                     ? "#c62828"
                         : node.kind == NodeKind::claim        ? "#1565c0"
                         : node.kind == NodeKind::counterclaim ? "#e65100"
                                                               : "#558b2f";
    EXPECT_EQ(a.value("color", ""), border);
  }
};

// GTEST_SKIP returns from the function it is written in, so this is a macro
// for the top of each test that needs Graphviz.
#define SKIP_WITHOUT_DOT()                                                                                \
  if (claimgraph::test::dot_program().empty())                                                            \
  GTEST_SKIP() << "Graphviz `dot` is not installed: the DOT output cannot be read back"

// --- golden files ------------------------------------------------------------------

class DotGoldenTest : public DotWriterTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(DotGoldenTest, MatchesGolden) {
  const Graph g = load(GetParam());
  const auto report = analysis::check(g);
  DotOptions options;
  options.analyses.grounding = &report;  // as `claimgraph export --to dot` does
  const std::string mismatch = claimgraph::test::golden_mismatch(GetParam() + ".dot", write(g, options));
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST_P(DotGoldenTest, GraphvizDrawsEveryNodeAsWritten) {
  SKIP_WITHOUT_DOT();
  const Graph g = load(GetParam());
  const auto report = analysis::check(g);
  DotOptions options;
  options.analyses.grounding = &report;
  const Drawing d = draw(claimgraph::test::read_text(claimgraph::test::golden_dir() / (GetParam() + ".dot")));
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_EQ(d.err, "") << "Graphviz warned";
  ASSERT_TRUE(g.title.has_value());
  EXPECT_EQ(d.title, std::vector<std::string>{*g.title});
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) expect_node_drawn(d, g, v, &report);
  // Every edge is drawn, with its relation's colour and arrowhead (Graphviz
  // lists edges by tail node, so compare them as a multiset).
  std::multiset<std::tuple<std::string, std::string, std::string, std::string>> drawn;
  for (const json& e : d.raw.at("edges")) {
    drawn.emplace(d.raw.at("objects")[e.at("tail").get<std::size_t>()].at("name"),
                  d.raw.at("objects")[e.at("head").get<std::size_t>()].at("name"), e.value("color", ""),
                  e.value("arrowhead", ""));
  }
  std::multiset<std::tuple<std::string, std::string, std::string, std::string>> expected;
  for (const auto edge : g.edges()) {
    const Relation r = g.edge(edge).relation;
    expected.emplace(claimgraph::test::numbered("n", g.source(edge)), claimgraph::test::numbered("n", g.target(edge)),
                     r == Relation::supports ? "#2e7d32" : r == Relation::contradicts ? "#c62828" : "#37474f",
                     r == Relation::supports ? "normal" : r == Relation::contradicts ? "tee" : "diamond");
  }
  EXPECT_EQ(drawn, expected);
  // Each group is a cluster titled with the group's name.
  std::vector<std::string> groups;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const auto& group = g.node(v).group;
    if (group && std::find(groups.begin(), groups.end(), *group) == groups.end()) groups.push_back(*group);
  }
  ASSERT_FALSE(groups.empty());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& c = d.objects.at(claimgraph::test::numbered("cluster_", i));
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].text, groups[i]);
  }
}

INSTANTIATE_TEST_SUITE_P(Graphs, DotGoldenTest, ::testing::Values("parler_v_aws", "negligence_example"),
                         [](const auto& param_info) { return param_info.param; });

// --- hostile text ------------------------------------------------------------------

const std::vector<std::string> hostile_labels{
    "\"Quoted\" with \\\"escaped\\\" quotes",
    "back\\slash, double \\\\ and a trailing backslash \\",
    "\\N \\G \\E \\T \\H \\L \\n \\l \\r and \\\\N literally",
    "<b>not bold</b> & <i>not italic</i> &amp; &lt; &#39; &nbsp; <BR/>",
    "{record|fields} | pipes } and { braces",
    "line one\nline two\n\nafter a blank line",
    "§ 1 ¶ 2 “curly” ‘single’ — em – en … 😀 👩‍⚖️ 中文 ﬁ",
    "Supercalifragilisticexpialidociousantidisestablishmentarianism is long",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "x",
    "  spaces  at the  ends and   inside  ",
    "a 'single' and \"double\" ' \" mix > < >> << &&",
    "-> -- ; , = [ ] digraph { node } /* not a comment */ // nor this",
};

TEST_F(DotWriterTest, GraphvizDrawsHostileTextExactly) {
  SKIP_WITHOUT_DOT();
  GraphBuilder b;
  b.title("Parler LLC v. “AWS” <Inc.> & \\G \"q\"");
  b.evidence("e", "Exhibit").source("Ex. <P-1> & \\N");
  for (std::size_t i = 0; i < hostile_labels.size(); ++i) {
    const std::string id = claimgraph::test::numbered("c", i) + " \"\\N\" <&>";
    auto n = i % 3 == 2 ? b.counterclaim(id, hostile_labels[i]) : b.claim(id, hostile_labels[i]);
    n.party(i % 2 == 0 ? "Parler “LLC” & <Co> \\N {x|y}" : "AWS");
    n.group(i % 2 == 0 ? "Sherman Act § 1 <&> \"q\" \\N" : "Group { | } 😀");
    if (i % 4 != 3) n.source(hostile_labels[hostile_labels.size() - 1 - i]);
    if (i % 2 == 0) b.supports("e", id);
  }
  b.supports("c1 \"\\N\" <&>", "c3 \"\\N\" <&>");
  const Graph g = std::move(b).build();
  const auto report = analysis::check(g);
  DotOptions options;
  options.analyses.grounding = &report;
  const Drawing d = draw(write(g, options));
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_EQ(d.err, "");
  EXPECT_EQ(d.title, std::vector<std::string>{*g.title});
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) expect_node_drawn(d, g, v, &report);
  EXPECT_EQ(d.objects.at("cluster_0").at(0).text, "Sherman Act § 1 <&> \"q\" \\N");
  EXPECT_EQ(d.objects.at("cluster_1").at(0).text, "Group { | } 😀");
}

TEST_F(DotWriterTest, GraphvizDrawsLongLabelsWrapped) {
  SKIP_WITHOUT_DOT();
  const std::string label =
      "Instant termination would make the thirty-day cure clause of the AWS Customer Agreement superfluous";
  GraphBuilder b;
  b.claim("c", label).source("A source long enough that it must be wrapped onto a second line too");
  const Graph g = std::move(b).build();
  const Drawing d = draw(write(g, {}));
  ASSERT_EQ(d.status, 0) << d.err;
  const auto& s = d.objects.at("n0");
  // Header, four label lines, two source lines.
  ASSERT_EQ(s.size(), 7u);
  EXPECT_EQ(s[1].text, "Instant termination would make");
  EXPECT_EQ(s[2].text, "the thirty-day cure clause of");
  EXPECT_EQ(s[3].text, "the AWS Customer Agreement");
  EXPECT_EQ(s[4].text, "superfluous");
  EXPECT_EQ(s[5].text, "A source long enough that it must be");
  EXPECT_EQ(s[6].text, "wrapped onto a second line too");
  expect_node_drawn(d, g, 0, nullptr);
}

TEST_F(DotWriterTest, ControlCharactersAndInvalidBytesAreDrawnAsReplacementCharacters) {
  SKIP_WITHOUT_DOT();
  GraphBuilder b;
  b.claim("c", "tab\there, bell\x07, nul\0, bad \xFF byte"s);
  const Graph g = std::move(b).build();
  const Drawing d = draw(write(g, {}));
  ASSERT_EQ(d.status, 0) << d.err;
  const auto& s = d.objects.at("n0");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1].text + " " + s[2].text, "tab here, bell\uFFFD, nul\uFFFD, bad \uFFFD byte");
}

// --- options -----------------------------------------------------------------------

TEST_F(DotWriterTest, EmptyGraph) {
  DotOptions options;
  options.legend = false;
  EXPECT_EQ(write(Graph{}, options),
            "digraph claimgraph {\n"
            "  graph [rankdir=BT, newrank=true, charset=\"UTF-8\", fontname=\"Helvetica,Arial,sans-serif\", fontsize=14, "
            "nodesep=0.25, ranksep=0.5, labelloc=t];\n"
            "  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=10, margin=\"0.12,0.06\", penwidth=1.2];\n"
            "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=9, penwidth=1.3, arrowsize=0.8];\n"
            "}\n");
}

TEST_F(DotWriterTest, OptionsLeaveOutLegendClustersSourcesAndGaps) {
  GraphBuilder b;
  b.claim("c", "Claim").group("G").source("S");
  const Graph g = std::move(b).build();
  const auto report = analysis::check(g);
  DotOptions all;
  all.analyses.grounding = &report;
  const std::string full = write(g, all);
  EXPECT_NE(full.find("subgraph cluster_legend"), std::string::npos);
  EXPECT_NE(full.find("subgraph cluster_0"), std::string::npos);
  EXPECT_NE(full.find("<I>S</I>"), std::string::npos);
  EXPECT_NE(full.find("LACKS EVIDENCE: unsupported"), std::string::npos);

  DotOptions none;
  none.legend = false;
  none.clusters = false;
  none.sources = false;
  const std::string bare = write(g, none);
  EXPECT_EQ(bare.find("cluster"), std::string::npos);
  EXPECT_EQ(bare.find("<I>S</I>"), std::string::npos);
  EXPECT_EQ(bare.find("LACKS EVIDENCE"), std::string::npos);  // no grounding report given
  EXPECT_NE(bare.find("  n0 [label=<"), std::string::npos);
}

TEST_F(DotWriterTest, WrapWidthIsHonoured) {
  GraphBuilder b;
  b.claim("c", "one two three four");
  const Graph g = std::move(b).build();
  DotOptions options;
  options.legend = false;
  options.wrap_width = 8;
  EXPECT_NE(write(g, options).find(">one two<BR/>three<BR/>four>"), std::string::npos);
}

TEST_F(DotWriterTest, GraphvizAcceptsTheLegendAndAllOptions) {
  SKIP_WITHOUT_DOT();
  const Graph g = load("negligence_example");
  for (bool legend : {false, true}) {
    for (bool clusters : {false, true}) {
      DotOptions options;
      options.legend = legend;
      options.clusters = clusters;
      options.sources = legend;
      const Drawing d = draw(write(g, options));
      ASSERT_EQ(d.status, 0) << d.err;
      EXPECT_EQ(d.err, "");
      EXPECT_EQ(d.objects.count("legend"), legend ? 1u : 0u);
      EXPECT_EQ(d.objects.count("cluster_0"), clusters ? 1u : 0u);
    }
  }
}

}  // namespace
}  // namespace claimgraph::io
