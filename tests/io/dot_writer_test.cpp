// The DOT diagram: golden files, and the output read back by Graphviz itself.
// `dot -Tjson` reports every text it draws ("T" operations in `_ldraw_`);
// those must give back each node's header, gap mark, label and source exactly
// as written, up to the line breaks the writer inserts when it wraps.

#include "claimgraph/io/dot_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <tuple>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/view.hpp"
#include "detail/escape.hpp"
#include "io/dot/look.hpp"
#include "io/failures_case.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
namespace test = claimgraph::test;
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

  // An edge as Graphviz drew it: the names of its ends, and its attributes
  // with the defaults applied.
  struct DrawnEdge {
    std::string tail;
    std::string head;
    json attributes;
  };

  static std::vector<DrawnEdge> edges_of(const Drawing& d) {
    std::vector<DrawnEdge> out;
    const json& objects = d.raw.at("objects");
    for (const json& e : d.raw.value("edges", json::array())) {
      out.push_back({objects[e.at("tail").get<std::size_t>()].at("name").get<std::string>(),
                     objects[e.at("head").get<std::size_t>()].at("name").get<std::string>(), e});
    }
    return out;
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
    // The header is wrapped a little wider than the label.
    std::vector<std::string> header_lines;
    const std::size_t header_count = detail::wrap(header, wrap_width + 8).size();
    for (std::size_t k = 0; k < header_count && i < s.size(); ++k, ++i) {
      EXPECT_EQ(s[i].size, 8.0);
      header_lines.push_back(s[i].text);
    }
    EXPECT_TRUE(reproduces(header_lines, header)) << "header " << joined(header_lines);
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
    // The default style's colours: pale tints of the Okabe-Ito hues that
    // draw the borders.
    const char* fill = gap                                     ? "#f9e7d9"
                       : node.kind == NodeKind::claim        ? "#e1f1fb"
                       : node.kind == NodeKind::counterclaim ? "#faeccc"
                                                             : "#d9f0ea";
    EXPECT_EQ(a.value("fillcolor", ""), fill);
    const char* border = gap                                     ? "#d55e00"
                         : node.kind == NodeKind::claim        ? "#0072b2"
                         : node.kind == NodeKind::counterclaim ? "#e69f00"
                                                               : "#009e73";
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
  // lists edges by tail node, so compare them as a multiset; the legend's
  // samples aside).
  std::multiset<std::tuple<std::string, std::string, std::string, std::string>> drawn;
  for (const DrawnEdge& e : edges_of(d)) {
    if (e.tail.starts_with("legend")) continue;
    // Graphviz's defaults (black, a normal arrowhead) are not written.
    drawn.emplace(e.tail, e.head, e.attributes.value("color", "#000000"), e.attributes.value("arrowhead", "normal"));
  }
  std::multiset<std::tuple<std::string, std::string, std::string, std::string>> expected;
  for (const auto edge : g.edges()) {
    const Relation r = g.edge(edge).relation;
    expected.emplace(claimgraph::test::numbered("n", g.source(edge)), claimgraph::test::numbered("n", g.target(edge)),
                     r == Relation::supports ? "#0072b2" : r == Relation::contradicts ? "#d55e00" : "#000000",
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
            "  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=10, margin=\"0.12,0.06\", penwidth=1.2, "
            "fontcolor=\"#000000\"];\n"
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
  const auto results = analysis::analyse(g, {true, true});
  for (DiagramStyle style : {DiagramStyle::colour, DiagramStyle::mono}) {
    for (bool legend : {false, true}) {
      for (bool clusters : {false, true}) {
        for (bool layered : {false, true}) {
          SCOPED_TRACE(std::string(to_string(style)) + (legend ? " legend" : "") + (clusters ? " clusters" : "") +
                       (layered ? " layered" : ""));
          DotOptions options;
          options.style = style;
          options.legend = legend;
          options.clusters = clusters;
          options.layered = layered;
          options.sources = legend;
          if (clusters) options.analyses = results.analyses();
          const Drawing d = draw(write(g, options));
          ASSERT_EQ(d.status, 0) << d.err;
          EXPECT_EQ(d.err, "");
          EXPECT_EQ(d.objects.count("legend"), legend ? 1u : 0u);
          EXPECT_EQ(d.objects.count("legend_r0"), legend && layered ? 1u : 0u);
          EXPECT_EQ(d.objects.count("cluster_0"), clusters ? 1u : 0u);
        }
      }
    }
  }
}

// --- styles: nothing told by colour alone ------------------------------------------

TEST(DiagramStyles, TheTableNamesEachStyleOnce) {
  ASSERT_EQ(diagram_styles().size(), 2u);
  EXPECT_EQ(diagram_styles()[0].style, DiagramStyle::colour);  // the default first
  EXPECT_EQ(to_string(DiagramStyle::colour), "colour");
  EXPECT_EQ(to_string(DiagramStyle::mono), "mono");
  for (const auto& row : diagram_styles()) {
    EXPECT_EQ(to_string(row.style), row.name);
    EXPECT_FALSE(row.description.empty());
  }
}

// A graph with every kind, relation and status: e supports c through a
// supports edge that u, which stands (IN), undercuts; k contradicts c and
// falls (OUT) to e; a and b contradict each other (UNDEC); x and g are
// elements of c, and g lacks evidence.
Graph every_distinction() {
  GraphBuilder b;
  b.title("Every distinction");
  b.evidence("e", "Exhibit 1");
  b.evidence("f", "Exhibit 2");
  b.claim("c", "The claim");
  b.claim("x", "An element");
  b.counterclaim("k", "The defence");
  b.claim("a", "One side");
  b.claim("b", "The other side");
  b.claim("g", "A gap");
  b.claim("u", "An undercutter");
  b.supports("e", "c");  // edge 0, undercut below
  b.supports("f", "x");
  b.element_of("x", "c");
  b.contradicts("k", "c");
  b.contradicts("e", "k");
  b.supports("f", "a");
  b.supports("f", "b");
  b.contradicts("a", "b");
  b.contradicts("b", "a");
  b.element_of("g", "c");
  b.supports("f", "u");  // u stands, so edge 0 no longer carries
  Graph g = std::move(b).build();
  g.add_undercut(*g.find("u"), 0);
  return g;
}

// Whether a DOT colour is black, a grey or white ("#rrggbb" or "#rrggbbaa"
// with r = g = b).
bool grey(std::string_view colour) {
  if ((colour.size() != 7 && colour.size() != 9) || colour[0] != '#') return false;
  return colour.substr(1, 2) == colour.substr(3, 2) && colour.substr(3, 2) == colour.substr(5, 2);
}

// Every colour a DOT text or SVG gives, by the attributes that hold one.
std::vector<std::string> colours_in(const std::string& text) {
  std::vector<std::string> out;
  for (std::string_view name : {"color=\"", "COLOR=\"", "fill=\"", "stroke=\""}) {
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
      const std::size_t begin = at + name.size();
      out.push_back(text.substr(begin, text.find('"', begin) - begin));
    }
  }
  return out;
}

TEST_F(DotWriterTest, MonoUsesOnlyBlackGreysAndWhite) {
  const Graph g = every_distinction();
  const auto results = analysis::analyse(g, {true, true});
  const std::vector<std::size_t> hidden(g.node_count(), 2);
  std::vector<std::string> references(g.node_count());
  references[1] = "→ p. 2";
  for (bool evaluated : {false, true}) {
    for (bool layered : {false, true}) {
      DotOptions options;
      options.style = DiagramStyle::mono;
      options.analyses = evaluated ? results.analyses() : analysis::Analyses{results.analyses().grounding};
      options.layered = layered;
      options.hidden_below = &hidden;
      options.references = &references;
      const std::string text = write(g, options);
      const auto colours = colours_in(text);
      EXPECT_GT(colours.size(), 20u);
      for (const auto& c : colours) EXPECT_TRUE(grey(c)) << "a colour in mono: " << c;
    }
  }
  // And the default style does use colour: the test can tell.
  DotOptions colour;
  colour.analyses = results.analyses();
  const auto colours = colours_in(write(g, colour));
  EXPECT_TRUE(std::any_of(colours.begin(), colours.end(), [](const std::string& c) { return !grey(c); }));
}

// The Okabe-Ito colours, black and greys: what the default style's lines
// and borders that carry meaning are drawn in.
bool okabe_ito_or_grey(const std::string& colour) {
  static const std::set<std::string> palette{"#0072b2", "#d55e00", "#009e73", "#e69f00",
                                             "#cc79a7", "#56b4e9", "#f0e442"};
  return grey(colour) || palette.contains(colour);
}

// What sets a drawn edge apart, colour aside.
// Attributes left out are Graphviz's defaults (write_dot leaves them out).
std::string edge_look(const json& a) {
  return a.value("style", "solid") + " " + a.value("arrowhead", "normal") + " " + a.value("penwidth", "") + " " +
         a.value("dir", "") + " " + a.value("arrowtail", "");
}

TEST_F(DotWriterTest, EachRelationHasALineAndArrowheadOfItsOwnInEveryStyle) {
  SKIP_WITHOUT_DOT();
  const Graph g = every_distinction();
  const auto report = analysis::check(g);
  for (const auto& style : diagram_styles()) {
    SCOPED_TRACE(std::string(style.name));
    DotOptions options;
    options.style = style.style;
    options.analyses.grounding = &report;
    const Drawing d = draw(write(g, options));
    ASSERT_EQ(d.status, 0) << d.err;
    // Each edge's relation, by the names write_dot gives its ends: an
    // undercut runs from its undercutter to u<i>, the point on supports
    // edge i; that edge's first part (to the point) has no arrowhead.
    std::map<Relation, std::set<std::string>> looks;
    std::map<Relation, std::set<std::pair<std::string, std::string>>> pairs;
    for (const DrawnEdge& e : edges_of(d)) {
      if (e.tail.starts_with("legend")) continue;
      std::optional<Relation> relation;
      for (std::size_t i = 0; i < g.edge_count(); ++i) {
        const auto edge = g.edges()[i];
        const std::string tail = test::numbered("n", g.source(edge));
        const std::string head = test::numbered("n", g.target(edge));
        const Relation r = g.edge(edge).relation;
        if (r == Relation::undercuts) {
          if (e.tail == tail && e.head == test::numbered("u", g.edge(edge).undercut)) relation = r;
        } else if (e.head == head && (e.tail == tail || e.tail == test::numbered("u", i))) {
          relation = r;
        }
      }
      if (!relation) continue;  // the first part of an undercut supports edge (no arrowhead)
      looks[*relation].insert(edge_look(e.attributes));
      pairs[*relation].emplace(e.attributes.value("style", "solid"), e.attributes.value("arrowhead", "normal"));
      const std::string colour = e.attributes.value("color", "#000000");
      EXPECT_TRUE(style.style == DiagramStyle::mono ? grey(colour) : okabe_ito_or_grey(colour)) << colour;
    }
    ASSERT_EQ(looks.size(), 4u) << "every relation drawn";
    std::set<std::pair<std::string, std::string>> distinct;
    for (const auto& [relation, set] : looks) {
      SCOPED_TRACE(std::string(to_string(relation)));
      EXPECT_EQ(set.size(), 1u) << "one look per relation";
      ASSERT_EQ(pairs[relation].size(), 1u);
      EXPECT_TRUE(distinct.insert(*pairs[relation].begin()).second)
          << "(style, arrowhead) shared: " << pairs[relation].begin()->first << " " << pairs[relation].begin()->second;
    }
  }
}

TEST_F(DotWriterTest, EachStatusHasABorderOfItsOwnInEveryStyle) {
  SKIP_WITHOUT_DOT();
  const Graph g = every_distinction();
  const auto results = analysis::analyse(g, {true, true});
  const auto& labels = results.status->labels;
  ASSERT_EQ(labels[*g.find("a")], analysis::Label::undec);
  ASSERT_EQ(labels[*g.find("k")], analysis::Label::out);
  ASSERT_EQ(labels[*g.find("e")], analysis::Label::in);
  for (const auto& style : diagram_styles()) {
    SCOPED_TRACE(std::string(style.name));
    DotOptions options;
    options.style = style.style;
    options.analyses = results.analyses();
    const Drawing d = draw(write(g, options));
    ASSERT_EQ(d.status, 0) << d.err;
    // The border of each status: the line style (less the kind's words)
    // and its width, the same for every node of a status, differing
    // between statuses; the header says the status in words too.
    std::map<analysis::Label, std::set<std::string>> borders;
    for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
      const json& a = d.attributes.at(test::numbered("n", v));
      std::string line;
      for (std::string_view word : {"dashed", "dotted", "bold"}) {
        if (a.value("style", "").find(word) != std::string::npos) line += std::string(word) + " ";
      }
      borders[labels[v]].insert(line + a.value("penwidth", ""));
      std::string words;  // the header's words are spans of their own, the status in bold
      for (const auto& span : d.objects.at(test::numbered("n", v))) words += span.text + " ";
      EXPECT_NE(words.find(std::string(" ") + analysis::to_string(labels[v]) + " "), std::string::npos) << words;
      if (labels[v] == analysis::Label::out) {
        EXPECT_TRUE(grey(a.value("color", ""))) << "OUT is grey";
      }
    }
    ASSERT_EQ(borders.size(), 3u);
    std::set<std::string> distinct;
    for (const auto& [label, set] : borders) {
      EXPECT_EQ(set.size(), 1u) << analysis::to_string(label);
      EXPECT_TRUE(distinct.insert(*set.begin()).second) << analysis::to_string(label) << ": " << *set.begin();
    }
  }
}

TEST_F(DotWriterTest, TheLegendDrawsItsSamplesAsTheDiagramDraws) {
  SKIP_WITHOUT_DOT();
  const Graph g = every_distinction();
  const auto results = analysis::analyse(g, {true, true});
  for (const auto& style : diagram_styles()) {
    SCOPED_TRACE(std::string(style.name));
    DotOptions options;
    options.style = style.style;
    options.analyses = results.analyses();
    const Drawing d = draw(write(g, options));
    ASSERT_EQ(d.status, 0) << d.err;
    // Each sample is a real edge from its name up to the legend's row, with
    // the line, arrowhead and colour of the diagram's edges of its relation.
    std::set<std::string> diagram;
    std::map<std::string, std::string> samples;  // name -> look
    for (const DrawnEdge& e : edges_of(d)) {
      const std::string look = edge_look(e.attributes) + " " + e.attributes.value("color", "");
      if (e.attributes.value("style", "") == "invis") continue;  // what keeps the samples in their row
      if (!e.tail.starts_with("legend_r")) {
        if (e.attributes.value("arrowhead", "") != "none") diagram.insert(look);
        continue;
      }
      std::string name;
      for (const auto& span : d.objects.at(e.tail)) name += (name.empty() ? "" : " ") + span.text;
      samples[name] = look;
    }
    EXPECT_EQ(samples.size(), 5u);
    for (const auto& [name, look] : samples) {
      // The diagram's edges may add a weight or a clip; the look is the same.
      EXPECT_TRUE(diagram.contains(look)) << name << ": " << look;
    }
    for (const char* name : {"supports", "contradicts", "is an element of", "undercuts a support",
                             "support undercut by an IN node"}) {
      EXPECT_TRUE(samples.contains(name)) << name;
    }
  }
  // Under a force-directed layout the samples are characters in the table.
  DotOptions table;
  table.analyses = results.analyses();
  table.layered = false;
  const std::string text = write(g, table);
  EXPECT_EQ(text.find("legend_r"), std::string::npos);
  for (const char* row : {">supports<", ">contradicts<", ">is an element of<", ">undercuts a support (the inference)<",
                          "──▶", "━━┤", "┈┈◆", "○╌╌┤"}) {
    EXPECT_NE(text.find(row), std::string::npos) << row;
  }
}

// --- what a view hid, and nodes drawn elsewhere --------------------------------------

TEST_F(DotWriterTest, ANodeWithHiddenSupportSaysHowManyMoreBelow) {
  GraphBuilder b;
  b.claim("c", "Claim");
  b.claim("d", "Other").source("S");
  b.supports("d", "c");
  const Graph g = std::move(b).build();
  const std::vector<std::size_t> hidden{0, 4};
  DotOptions options;
  options.hidden_below = &hidden;
  const std::string text = write(g, options);
  EXPECT_NE(text.find(">Other<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#555555\"><I>S</I></FONT>"
                      "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#000000\"><B>+4 more below</B></FONT>>"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("more below</B></FONT>>, tooltip=\"c\""), std::string::npos) << "n0 hides nothing";
  EXPECT_NE(text.find("<B>+N more below</B>"), std::string::npos) << "the legend explains it";
  DotOptions none;
  EXPECT_EQ(write(g, none).find("more below"), std::string::npos);
  if (claimgraph::test::dot_program().empty()) return;
  const Drawing d = draw(text);
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_EQ(d.objects.at("n1").back().text, "+4 more below");
  EXPECT_EQ(d.objects.at("n0").back().text, "Claim");
}

TEST_F(DotWriterTest, ANodeWithAReferenceIsAnOffPageConnector) {
  GraphBuilder b;
  b.claim("c", "AWS breached the contract");
  b.counterclaim("k", "AWS may terminate on breach of the Acceptable Use Policy").party("AWS").group("G");
  b.evidence("e", "Exhibit").group("G");
  b.contradicts("k", "c");
  b.supports("e", "k");
  const Graph g = std::move(b).build();
  const std::string where = "→ p. 3, \"Tort\" <i> & \\N {x|y}";
  const std::vector<std::string> references{"", where, ""};
  const auto results = analysis::analyse(g, {true, true});
  DotOptions options;
  options.analyses = results.analyses();
  options.references = &references;
  const std::string text = write(g, options);
  EXPECT_NE(text.find("    n1 [shape=cds, style=\"solid\", color=\"#000000\", fontcolor=\"#000000\", penwidth=1, "
                      "peripheries=1, fontsize=9, margin=\"0.15,0.04\", label=<→ p. 3, &quot;Tort&quot; "
                      "&lt;i&gt; &amp; \\\\N {x|y}<BR/><FONT POINT-SIZE=\"8\">AWS may terminate on "
                      "breach of the<BR/>Acceptable Use Policy</FONT>>, tooltip=\"k\"];\n"),
            std::string::npos)
      << text;
  // Edges to and from it are drawn as usual.
  EXPECT_NE(text.find("  n1 -> n0 [style=bold"), std::string::npos);
  EXPECT_NE(text.find("  n2 -> n1 [color=\"#0072b2\"];"), std::string::npos);
  EXPECT_NE(text.find("drawn on another page"), std::string::npos) << "the legend explains it";
  // A list of empty references draws every node as usual.
  const std::vector<std::string> ordinary(g.node_count());
  DotOptions plain;
  plain.analyses = results.analyses();
  std::string without = write(g, plain);
  plain.references = &ordinary;
  EXPECT_EQ(write(g, plain), without);
  if (claimgraph::test::dot_program().empty()) return;
  const Drawing d = draw(text);
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_EQ(d.err, "");
  const auto& spans = d.objects.at("n1");
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].text, where);
  EXPECT_EQ(spans[0].size, 9.0);
  EXPECT_EQ(spans[1].text, "AWS may terminate on breach of the");
  EXPECT_EQ(spans[2].text, "Acceptable Use Policy");
  EXPECT_EQ(spans[2].size, 8.0);
  const json& a = d.attributes.at("n1");
  EXPECT_EQ(a.value("shape", ""), "cds");
  EXPECT_EQ(a.value("style", "").find("filled"), std::string::npos);
  std::multiset<std::pair<std::string, std::string>> drawn;
  for (const DrawnEdge& e : edges_of(d)) {
    if (!e.tail.starts_with("legend")) drawn.emplace(e.tail, e.head);
  }
  EXPECT_EQ(drawn, (std::multiset<std::pair<std::string, std::string>>{{"n1", "n0"}, {"n2", "n1"}}));
}


// --- points of failure and exclusion -----------------------------------------------

// The statement of node `v` in DOT text: from "n<v> [" to the end of its line.
std::string node_statement(const std::string& text, Graph::NodeRef v) {
  const std::string start = " " + test::numbered("n", v) + " [";
  const auto at = text.find(start);
  if (at == std::string::npos) return {};
  return text.substr(at + 1, text.find('\n', at) - at - 1);
}

// The words Graphviz drew in node `name`, one space between spans.
std::string words_of(const std::map<std::string, std::vector<Span>>& objects, const std::string& name) {
  std::string out;
  for (const auto& span : objects.at(name)) out += (out.empty() ? "" : " ") + span.text;
  return out;
}

TEST_F(DotWriterTest, CriticalMarksTheEvidenceThatAloneHoldsUpAClaim) {
  const Graph g = test::failures_case();
  const auto results = test::failures_results(g);
  const auto at = [&](const char* id) { return *g.find(id); };
  DotOptions options;
  options.analyses = results.analyses();
  options.critical = true;
  const std::string text = write(g, options);
  EXPECT_NE(node_statement(text, at("px12")).find("<B>ALONE HOLDS UP 2 CLAIMS</B>"), std::string::npos)
      << node_statement(text, at("px12"));
  EXPECT_NE(node_statement(text, at("em")).find("<B>ALONE HOLDS UP 1 CLAIM</B>"), std::string::npos);
  for (const char* id : {"w", "x", "k1", "c", "t", "d"}) {
    EXPECT_EQ(node_statement(text, at(id)).find("ALONE"), std::string::npos) << id;
    EXPECT_EQ(node_statement(text, at(id)).find("peripheries="), std::string::npos) << id;
  }
  EXPECT_NE(node_statement(text, at("px12")).find(", peripheries=2"), std::string::npos);
  EXPECT_NE(text.find(">single point of failure: alone holds up a claim<"), std::string::npos) << "legend";

  // Without --critical, the points of failure are not drawn, and the diagram
  // is the one drawn without them.
  DotOptions plain;
  plain.analyses = results.analyses();
  const std::string unmarked = write(g, plain);
  EXPECT_EQ(unmarked.find("ALONE"), std::string::npos);
  EXPECT_EQ(unmarked.find("single point of failure"), std::string::npos);
  plain.analyses.single_points = nullptr;
  EXPECT_EQ(write(g, plain), unmarked);

  if (test::dot_program().empty()) return;
  for (const auto& style : diagram_styles()) {
    SCOPED_TRACE(std::string(style.name));
    options.style = style.style;
    const std::string styled = write(g, options);
    const Drawing d = draw(styled);
    ASSERT_EQ(d.status, 0) << d.err;
    EXPECT_EQ(d.err, "") << "Graphviz warned";
    for (const char* id : {"px12", "em"}) {
      const json& a = d.attributes.at(test::numbered("n", at(id)));
      EXPECT_EQ(a.value("peripheries", ""), "2") << id;
      EXPECT_EQ(a.value("penwidth", ""), "2") << id;
      EXPECT_EQ(a.value("color", ""), style.style == DiagramStyle::mono ? "#000000" : "#d55e00") << id;
    }
    EXPECT_EQ(d.attributes.at(test::numbered("n", at("w"))).value("peripheries", "1"), "1");
    EXPECT_EQ(words_of(d.objects, test::numbered("n", at("px12"))),
              "evidence ALONE HOLDS UP 2 CLAIMS Signed agreement PX-12");
    if (style.style == DiagramStyle::mono) {
      for (const auto& c : colours_in(styled)) EXPECT_TRUE(grey(c)) << "a colour in mono: " << c;
    }
  }
}

// In a view, a piece of evidence counts the claims it alone holds up that
// the view leaves out, and says how many of them are not shown.
TEST_F(DotWriterTest, CriticalCountsTheClaimsAViewLeavesOut) {
  const Graph g = test::failures_case();
  const auto whole = test::failures_results(g);
  std::vector<bool> nodes(g.node_count(), false);
  nodes[*g.find("px12")] = nodes[*g.find("k1")] = nodes[*g.find("em")] = true;
  const auto v = make_view(g, nodes, std::vector<bool>(g.edge_count(), true));
  const auto results = claimgraph::restrict(whole, v);
  DotOptions options;
  options.analyses = results.analyses();
  options.critical = true;
  const std::string text = write(v.graph, options);
  EXPECT_NE(node_statement(text, *v.graph.find("px12")).find("<B>ALONE HOLDS UP 2 CLAIMS (1 NOT SHOWN)</B>"),
            std::string::npos)
      << text;
  EXPECT_NE(node_statement(text, *v.graph.find("em")).find("<B>ALONE HOLDS UP 1 CLAIM NOT SHOWN HERE</B>"),
            std::string::npos)
      << text;
  EXPECT_NE(node_statement(text, *v.graph.find("em")).find(", peripheries=2"), std::string::npos);
  EXPECT_NE(text.find(">single point of failure: alone holds up a claim<"), std::string::npos) << "legend";
}

// What part of the case a view shows goes under the title, escaped, its
// line breaks and long lines wrapped, so that it neither breaks the label
// nor widens the drawing.
TEST_F(DotWriterTest, TheScopeOfAViewIsWrappedUnderTheTitle) {
  const Graph g = test::failures_case();
  DotOptions options;
  options.scope = {"\u201cA <b>&amp; \"quoted\" \\ label\nwith a second line\u201d (c) and what bears on it",
                   "group \u201c" + std::string(120, 'x') + "\u201d"};
  const std::string text = write(g, options);
  const auto begin = text.find("label=<<B>A contract case</B><BR/><FONT POINT-SIZE=\"11\">");
  ASSERT_NE(begin, std::string::npos) << text;
  const std::string label = text.substr(begin, text.find("</FONT>>", begin) - begin);
  EXPECT_NE(label.find("Part of the case, what meets all of these: \u201cA &lt;b&gt;&amp;amp; &quot;quoted&quot; "
                       "\\\\ label<BR/>with a second line"),
            std::string::npos)
      << label;
  EXPECT_EQ(label.find('\n'), std::string::npos);
  EXPECT_GE(std::count(label.begin(), label.end(), '<'), 4) << "wrapped: " << label;
  if (test::dot_program().empty()) return;
  const Drawing d = draw(text);
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_EQ(d.err, "") << "Graphviz warned";
}

TEST_F(DotWriterTest, AnExcludedNodeIsStruckAndWhatFellWithItIsMarked) {
  const Graph g = test::failures_case();
  const auto at = [&](const char* id) { return *g.find(id); };
  for (const bool evaluation : {false, true}) {
    SCOPED_TRACE(evaluation ? "evaluated" : "grounding only");
    const auto results = test::failures_results(g, {"em"}, evaluation);
    ASSERT_TRUE(results.analyses().fell(at("t")));
    DotOptions options;
    options.analyses = results.analyses();
    options.critical = true;
    const std::string text = write(g, options);
    const std::string em = node_statement(text, at("em"));
    EXPECT_NE(em.find("<B>EXCLUDED</B>"), std::string::npos) << em;
    EXPECT_NE(em.find("<S>Email of 8 January</S>"), std::string::npos) << em;
    EXPECT_EQ(em.find("LACKS EVIDENCE"), std::string::npos) << em;
    EXPECT_EQ(em.find("ALONE"), std::string::npos) << "excluded, it holds up nothing";
    const std::string t = node_statement(text, at("t"));
    EXPECT_NE(t.find("<B>FELL: lost its evidence when<BR/>em was excluded</B>"), std::string::npos) << t;
    EXPECT_EQ(t.find("LACKS EVIDENCE"), std::string::npos) << "the fall says why";
    for (const char* row : {">excluded by the court: it grounds, supports and attacks nothing; its lines dashed<",
                            ">fell with the exclusion: grounded in the whole record, not without what was excluded<"}) {
      EXPECT_NE(text.find(row), std::string::npos) << row;
    }
    // The other claims neither fell nor are excluded.
    for (const char* id : {"k1", "k2", "c", "d", "w"}) {
      EXPECT_EQ(node_statement(text, at(id)).find("FELL"), std::string::npos) << id;
      EXPECT_EQ(node_statement(text, at(id)).find("EXCLUDED"), std::string::npos) << id;
    }

    if (test::dot_program().empty()) continue;
    for (const auto& style : diagram_styles()) {
      SCOPED_TRACE(std::string(style.name));
      options.style = style.style;
      const std::string styled = write(g, options);
      const Drawing d = draw(styled);
      ASSERT_EQ(d.status, 0) << d.err;
      EXPECT_EQ(d.err, "") << "Graphviz warned";
      const dot::Palette& p = dot::palette(style.style);
      const json& a = d.attributes.at(test::numbered("n", at("em")));
      EXPECT_NE(a.value("style", "").find("dashed"), std::string::npos);
      EXPECT_EQ(a.value("fillcolor", ""), p.excluded_fill);
      EXPECT_EQ(a.value("color", ""), p.excluded_ink);
      EXPECT_EQ(a.value("fontcolor", ""), p.excluded_ink);
      const std::string words = words_of(d.objects, test::numbered("n", at("em")));
      EXPECT_TRUE(words.starts_with("EXCLUDED evidence")) << words;
      EXPECT_TRUE(words.ends_with("Email of 8 January")) << words;
      const json& fell = d.attributes.at(test::numbered("n", at("t")));
      EXPECT_EQ(fell.value("penwidth", ""), "3.5");
      EXPECT_EQ(fell.value("color", ""), p.fell);
      EXPECT_EQ(fell.value("style", "").find("dashed"), std::string::npos) << "a fall is drawn solid";
      EXPECT_NE(words_of(d.objects, test::numbered("n", at("t"))).find("FELL: lost its evidence when em was excluded"),
                std::string::npos);
      // The edges of the excluded node are dashed and faded; the others as ever.
      std::size_t faded = 0;
      for (const DrawnEdge& e : edges_of(d)) {
        if (e.tail.starts_with("legend")) continue;
        const bool from_em = e.tail == test::numbered("n", at("em"));
        EXPECT_EQ(e.attributes.value("style", "") == "dashed", from_em) << e.tail << " -> " << e.head;
        EXPECT_EQ(e.attributes.value("color", "") == p.excluded_ink, from_em) << e.tail << " -> " << e.head;
        faded += from_em ? 1u : 0u;
      }
      EXPECT_EQ(faded, 2u);
      if (style.style == DiagramStyle::mono) {
        for (const auto& c : colours_in(styled)) EXPECT_TRUE(grey(c)) << "a colour in mono: " << c;
      }
    }
  }
}

TEST_F(DotWriterTest, AnExcludedNodeAndWhatFellShowHostileTextExactly) {
  const std::string id = "<x&y> \"PX\\12\" {a|b}";
  const std::string label = "<b>not bold</b> & &amp; ]]> \\N";
  const Graph g = test::failures_case(id, label);
  const auto results = test::failures_results(g, {id});
  DotOptions options;
  options.analyses = results.analyses();
  const std::string text = write(g, options);
  SKIP_WITHOUT_DOT();
  const Drawing d = draw(text);
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_EQ(d.err, "");
  const std::string em = words_of(d.objects, test::numbered("n", *g.find(id)));
  EXPECT_TRUE(em.ends_with(label)) << em;
  const std::string t = words_of(d.objects, test::numbered("n", *g.find("t")));
  EXPECT_NE(t.find("FELL: lost its evidence when " + id + " was excluded"), std::string::npos) << t;
}

TEST_F(DotWriterTest, ALargeGraphWritesTheSameOnTwoThreadsAndItsNodeDefaultsChangeOnlyWhereTheNodesDo) {
  // A group of 5,000 nodes (long enough to be written in several chunks),
  // its kind changing exactly where a chunk begins (node 2048) and back
  // three nodes on, and not where the next chunk begins (4096); groups of
  // one; 3,000 nodes with no group, their kind changing where their second
  // chunk begins; supports edges along each run, some checked as gaps.
  Graph g;
  const auto add = [&g](const std::string& id, NodeKind kind, const std::string& group) {
    Node n;
    n.id = id;
    n.kind = kind;
    n.label = "label of " + id;
    if (!group.empty()) n.group = group;
    return g.add_node(std::move(n));
  };
  for (std::size_t i = 0; i < 5'000; ++i) {
    add("g" + std::to_string(i), i >= 2048 && i < 2051 ? NodeKind::evidence : NodeKind::claim, "Big");
  }
  for (std::size_t i = 0; i < 40; ++i) add("s" + std::to_string(i), NodeKind::evidence, "Small " + std::to_string(i));
  for (std::size_t i = 0; i < 3'000; ++i) add("l" + std::to_string(i), i < 2048 ? NodeKind::evidence : NodeKind::claim, "");
  for (std::size_t v = 1; v < g.node_count(); ++v) {
    if (v % 3 != 0) g.add_edge(v, v - 1, Relation::supports);
  }
  const analysis::GroundingReport grounding = analysis::check(g);
  DotOptions options;
  options.analyses.grounding = &grounding;
  const std::string one = write(g, options);
  options.threads = 2;
  EXPECT_TRUE(one == write(g, options)) << "the text on two threads differs";
  // The node defaults of the big cluster: set at its start, where the
  // evidence begins and where it ends, and nowhere else.
  const std::size_t big = one.find("label=<<B>Big</B>>");
  const std::size_t big_end = one.find("\n  }\n", big);
  ASSERT_NE(big, std::string::npos);
  ASSERT_NE(big_end, std::string::npos);
  const std::string cluster = one.substr(big, big_end - big);
  std::vector<std::string> before;  // the node after each defaults line
  for (std::size_t at = cluster.find("node ["); at != std::string::npos; at = cluster.find("node [", at + 1)) {
    const std::size_t next = cluster.find("\n    n", at);
    ASSERT_NE(next, std::string::npos);
    before.push_back(cluster.substr(next + 5, cluster.find(' ', next + 5) - next - 5));
  }
  // Where the kind, or whether a claim lacks evidence, changes from the
  // node before (the nodes are named by number: n0, n1, ...).
  std::vector<std::string> want;
  std::optional<std::string> last;
  for (std::size_t i = 0; i < 5'000; ++i) {
    const Graph::NodeRef v = *g.find("g" + std::to_string(i));
    const std::size_t c = grounding.claim_index[v];
    const std::string look = std::string(to_string(g.node(v).kind)) +
                             (c != analysis::GroundingReport::npos && !grounding.claims[c].grounded ? " gap" : "");
    if (look != last) want.push_back("n" + std::to_string(v));
    last = look;
  }
  EXPECT_EQ(before, want);
  EXPECT_NE(std::find(want.begin(), want.end(), "n2048"), want.end());
  EXPECT_EQ(std::find(want.begin(), want.end(), "n4096"), want.end());
}

}  // namespace
}  // namespace claimgraph::io
