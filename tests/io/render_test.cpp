// Rendering through Graphviz's libraries: the bytes of each format, every
// layout, hostile text in SVG, Graphviz's errors, determinism. The SVG is
// checked by an XML parser (xmllint) and by reading back the text of each
// node, so the checks hold whatever coordinates Graphviz picks.

#include "claimgraph/io/render.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/diagram.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "detail/escape.hpp"
#include "detail/text.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
namespace test = claimgraph::test;
using namespace std::string_literals;

// Labels are written on one line each (newlines aside), so that each one is
// one SVG <text> element.
constexpr std::size_t unwrapped = 10000;

// The text content of an XML fragment with its character references and the
// five predefined entities replaced.
std::string xml_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) throw std::runtime_error("unterminated reference in " + std::string(s));
    const std::string_view ref = s.substr(i + 1, semi - i - 1);
    static const std::map<std::string_view, char> named{
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    if (const auto it = named.find(ref); it != named.end()) {
      out += it->second;
    } else if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x' || ref[1] == 'X';
      const std::string digits(ref.substr(hex ? 2 : 1));
      detail::append_utf8(out, static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10)));
    } else {
      throw std::runtime_error("unknown entity &" + std::string(ref) + ";");
    }
    i = semi + 1;
  }
  return out;
}

// The texts Graphviz drew, by the name of the node, edge or cluster they
// belong to (its <title>), in document order; "" for the graph's own.
std::map<std::string, std::vector<std::string>> svg_texts(const std::string& svg) {
  std::map<std::string, std::vector<std::string>> texts;
  std::string owner;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t title = svg.find("<title>", pos);
    const std::size_t text = svg.find("<text", pos);
    if (title == std::string::npos && text == std::string::npos) break;
    if (title < text) {
      const std::size_t end = svg.find("</title>", title);
      owner = xml_text(std::string_view(svg).substr(title + 7, end - title - 7));
      if (owner == "claimgraph") owner.clear();
      pos = end;
    } else {
      const std::size_t open_end = svg.find('>', text);
      const std::size_t end = svg.find("</text>", open_end);
      texts[owner].push_back(xml_text(std::string_view(svg).substr(open_end + 1, end - open_end - 1)));
      pos = end;
    }
  }
  return texts;
}

// A big-endian 32-bit number at `at`.
std::uint32_t be32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s.at(at + i));
  return v;
}

// The value of attribute `name` of the <svg> element, e.g. "4552pt".
std::string svg_attribute(const std::string& svg, const std::string& name) {
  const std::size_t tag = svg.find("<svg");
  const std::size_t at = svg.find(" " + name + "=\"", tag);
  if (tag == std::string::npos || at == std::string::npos) return "";
  const std::size_t begin = at + name.size() + 3;
  return svg.substr(begin, svg.find('"', begin) - begin);
}

class RenderTest : public ::testing::Test {
 protected:
  static Graph load(const std::string& name) {
    const fs::path path = claimgraph::test::graphs_dir() / (name + ".json");
    ReadOptions o;
    o.file_name = path.string();
    return read_json(claimgraph::test::read_text(path), o).graph;
  }

  static std::string dot_of(const Graph& g, std::size_t wrap_width = unwrapped) {
    const auto report = analysis::check(g);
    DotOptions options;
    options.analyses.grounding = &report;
    options.wrap_width = wrap_width;
    std::ostringstream out;
    write_dot(out, g, options);
    return out.str();
  }

  static RenderOptions as(RenderFormat format, LayoutEngine layout = LayoutEngine::dot) {
    RenderOptions o;
    o.format = format;
    o.layout = layout;
    return o;
  }

  // Whether xmllint reads `svg` as well-formed XML.
  static ::testing::AssertionResult well_formed(const std::string& svg) {
    const std::string xmllint = CLAIMGRAPH_XMLLINT_PROGRAM;
    if (xmllint.empty()) return ::testing::AssertionSuccess() << "(xmllint not installed: not checked)";
    const auto r = claimgraph::test::run({xmllint, "--noout", "--nonet", "-"}, svg);
    if (r.status == 0 && r.err.empty()) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "xmllint: status " << r.status << ": " << r.err;
  }

  // Every line of every label of `g` is among the texts drawn for its node.
  static void expect_labels_drawn(const std::string& svg, const Graph& g) {
    const auto texts = svg_texts(svg);
    for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
      const Node& node = g.node(v);
      SCOPED_TRACE("node " + node.id);
      const auto it = texts.find(claimgraph::test::numbered("n", v));
      ASSERT_NE(it, texts.end()) << "no texts drawn for n" << v;
      std::string shown;
      for (const auto& t : it->second) shown += "\n  \"" + t + "\"";
      for (const auto& line : detail::wrap(node.label, unwrapped)) {
        if (line.empty()) continue;  // a blank line draws nothing
        EXPECT_NE(std::find(it->second.begin(), it->second.end(), line), it->second.end())
            << "label line \"" << line << "\" not drawn; drawn:" << shown;
      }
    }
  }
};

// --- formats -----------------------------------------------------------------------

TEST_F(RenderTest, SvgOfTheShowcaseIsWellFormedAndShowsEveryLabel) {
  const Graph g = load("parler_v_aws");
  const std::string svg = render(dot_of(g), as(RenderFormat::svg));
  EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n", 0), 0u) << svg.substr(0, 200);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_TRUE(well_formed(svg));
  expect_labels_drawn(svg, g);
  EXPECT_EQ(svg_texts(svg)[""].at(0), *g.title);
}

TEST_F(RenderTest, SvgShowsWrappedLabelsLineByLine) {
  // The default wrap: "Instant termination would make the thirty-day..."
  // comes out as several lines, each its own <text>.
  GraphBuilder b;
  b.claim("c", "Instant termination would make the thirty-day cure clause of the AWS Customer Agreement superfluous");
  const Graph g = std::move(b).build();
  const auto texts = svg_texts(render(dot_of(g, 30), as(RenderFormat::svg)));
  EXPECT_EQ(texts.at("n0"), (std::vector<std::string>{"claim", "LACKS EVIDENCE: unsupported",
                                                      "Instant termination would make", "the thirty-day cure clause of",
                                                      "the AWS Customer Agreement", "superfluous"}));
}

TEST_F(RenderTest, PngHasTheSignatureAndTheDrawingsSize) {
  const std::string dot = dot_of(load("parler_v_aws"));
  const std::string png = render(dot, as(RenderFormat::png));
  ASSERT_GT(png.size(), 33u);
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n"s);
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  // Graphviz draws PNG at 96 dpi: the SVG's size in points times 4/3.
  const std::string svg = render(dot, as(RenderFormat::svg));
  const double width_pt = std::stod(svg_attribute(svg, "width"));
  const double height_pt = std::stod(svg_attribute(svg, "height"));
  ASSERT_GT(width_pt, 100.0);
  ASSERT_GT(height_pt, 100.0);
  EXPECT_NEAR(be32(png, 16), width_pt * 4 / 3, 2.0);
  EXPECT_NEAR(be32(png, 20), height_pt * 4 / 3, 2.0);
  // And it ends with the IEND chunk.
  EXPECT_EQ(png.substr(png.size() - 8, 4), "IEND");
}

TEST_F(RenderTest, PdfStartsAndEndsAsPdf) {
  const std::string pdf = render(dot_of(load("parler_v_aws")), as(RenderFormat::pdf));
  EXPECT_EQ(pdf.rfind("%PDF-1.", 0), 0u) << pdf.substr(0, 16);
  std::string tail = pdf.substr(pdf.size() - 16);
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r')) tail.pop_back();
  EXPECT_TRUE(tail.ends_with("%%EOF")) << tail;
}

TEST_F(RenderTest, StreamOverloadWritesTheSameBytes) {
  const std::string dot = dot_of(load("negligence_example"));
  std::ostringstream out;
  render(out, dot, as(RenderFormat::svg));
  EXPECT_EQ(out.str(), render(dot, as(RenderFormat::svg)));
}

// --- layouts -----------------------------------------------------------------------

class RenderLayoutTest : public RenderTest, public ::testing::WithParamInterface<LayoutEngine> {};

TEST_P(RenderLayoutTest, EveryLayoutDrawsEveryLabel) {
  for (const char* name : {"parler_v_aws", "negligence_example"}) {
    SCOPED_TRACE(name);
    const Graph g = load(name);
    const std::string svg = render(dot_of(g), as(RenderFormat::svg, GetParam()));
    EXPECT_TRUE(well_formed(svg));
    expect_labels_drawn(svg, g);
  }
}

TEST_P(RenderLayoutTest, RenderingAgainGivesTheSameBytes) {
  // Byte-identical output for the same input is what lets a diagram live
  // under version control. dot and neato give it however often a process
  // renders. sfdp and fdp do not (Graphviz 2.42): sfdp starts from state an
  // earlier layout in the process left, so only the program, which renders
  // once per process, repeats itself (render_cli_test.cpp); fdp varies even
  // between processes. For those two this only checks that they draw.
  const LayoutEngine layout = GetParam();
  const std::string dot = dot_of(load("negligence_example"));
  const std::string first = render(dot, as(RenderFormat::svg, layout));
  const std::string png = render(dot, as(RenderFormat::png, layout));
  if (layout != LayoutEngine::dot && layout != LayoutEngine::neato) {
    EXPECT_TRUE(well_formed(first));
    return;
  }
  EXPECT_EQ(render(dot, as(RenderFormat::svg, layout)), first);
  // (Compared as a whole: a PNG's bytes make no readable failure message.)
  EXPECT_TRUE(render(dot, as(RenderFormat::png, layout)) == png) << "the PNGs differ";
}

// --- the mono style, as Graphviz draws it --------------------------------------------

// One edge of an SVG drawing: its <title> and the shapes Graphviz drew it with.
struct SvgEdge {
  std::string title;
  std::string stroke;  // the line: "width dasharray"
  std::string head;    // what its ends are drawn with: arrowheads and tails
};

// The value of `name` in the first tag of `element`, "" when absent.
std::string attribute_of(std::string_view element, std::string_view name) {
  std::string key(1, ' ');  // appended, not concatenated: GCC 12 warns falsely about " " + std::string
  key.append(name).append("=\"");
  const std::size_t at = element.find(key);
  if (at == std::string_view::npos || at > element.find('>')) return "";
  const std::size_t begin = at + key.size();
  return std::string(element.substr(begin, element.find('"', begin) - begin));
}

// A polygon Graphviz draws as an arrowhead, by its shape whatever its
// angle: "triangle", "rhombus" (four equal sides) or "bar" (the tee).
std::string polygon_shape(const std::string& points) {
  std::vector<std::pair<double, double>> p;
  std::istringstream in(points);
  for (std::string xy; in >> xy;) {
    const std::size_t comma = xy.find(',');
    p.emplace_back(std::stod(xy.substr(0, comma)), std::stod(xy.substr(comma + 1)));
  }
  if (p.size() > 1 && std::abs(p.front().first - p.back().first) < 0.01 &&
      std::abs(p.front().second - p.back().second) < 0.01) {
    p.pop_back();  // closed by repeating the first point
  }
  if (p.size() == 3) return "triangle";
  if (p.size() != 4) return std::to_string(p.size()) + "-gon";
  std::vector<double> sides;
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& [x0, y0] = p[i];
    const auto& [x1, y1] = p[(i + 1) % 4];
    sides.push_back(std::hypot(x1 - x0, y1 - y0));
  }
  const auto [shortest, longest] = std::minmax_element(sides.begin(), sides.end());
  return *longest < 1.2 * *shortest ? "rhombus" : "bar";
}

std::vector<SvgEdge> svg_edges(const std::string& svg) {
  std::vector<SvgEdge> out;
  for (std::size_t at = svg.find("class=\"edge\">"); at != std::string::npos;
       at = svg.find("class=\"edge\">", at + 1)) {
    const std::string_view g = std::string_view(svg).substr(at, svg.find("</g>", at) - at);
    SvgEdge e;
    const std::size_t title = g.find("<title>");
    e.title = xml_text(g.substr(title + 7, g.find("</title>") - title - 7));
    const std::string_view path = g.substr(g.find("<path"));
    e.stroke = attribute_of(path, "stroke-width") + " " + attribute_of(path, "stroke-dasharray");
    std::vector<std::string> ends;
    for (std::size_t p = g.find("<polygon"); p != std::string_view::npos; p = g.find("<polygon", p + 1)) {
      ends.push_back(polygon_shape(attribute_of(g.substr(p), "points")) + " " + attribute_of(g.substr(p), "fill"));
    }
    for (std::size_t p = g.find("<ellipse"); p != std::string_view::npos; p = g.find("<ellipse", p + 1)) {
      ends.push_back("circle " + attribute_of(g.substr(p), "fill"));
    }
    std::sort(ends.begin(), ends.end());
    for (const auto& end : ends) e.head += end + ";";
    out.push_back(std::move(e));
  }
  return out;
}

TEST_F(RenderTest, MonoSvgOfTheShowcaseTellsRelationsApartByLineAndArrowheadAlone) {
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  DrawOptions options;
  options.dot.style = DiagramStyle::mono;
  options.dot.analyses.grounding = &report;
  const std::string svg = draw(g, options);
  ASSERT_TRUE(well_formed(svg));
  // No colour but black, greys and white.
  for (const char* name : {"fill", "stroke"}) {
    std::string key(1, ' ');
    key.append(name).append("=\"");
    for (std::size_t at = svg.find(key); at != std::string::npos; at = svg.find(key, at + 1)) {
      const std::string c = attribute_of(std::string_view(svg).substr(at), name);
      const bool grey = c.size() == 7 && c[0] == '#' && c.substr(1, 2) == c.substr(3, 2) && c.substr(3, 2) == c.substr(5, 2);
      EXPECT_TRUE(grey || c == "none" || c == "white" || c == "black" || c == "transparent") << name << "=" << c;
    }
  }
  // Each edge's relation: the diagram's by its ends (n<i>, as written),
  // the legend's samples by the name each rises from (the showcase has no
  // undercut; the legend draws one).
  std::map<std::string, Relation> relation_of;
  for (const auto e : g.edges()) {
    relation_of[test::numbered("n", g.source(e)) + "->" + test::numbered("n", g.target(e))] = g.edge(e).relation;
  }
  const auto texts = svg_texts(svg);
  const std::map<std::string, Relation> samples{{"supports", Relation::supports},
                                                {"contradicts", Relation::contradicts},
                                                {"is an element of", Relation::element_of},
                                                {"undercuts", Relation::undercuts}};
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& name = texts.at(test::numbered("legend_r", i)).at(0);
    relation_of[test::numbered("legend_r", i) + "->" + test::numbered("legend_h", i)] = samples.at(name);
  }
  std::map<Relation, std::set<std::string>> strokes;
  std::map<Relation, std::set<std::string>> heads;
  std::size_t diagram_edges = 0;
  for (const SvgEdge& e : svg_edges(svg)) {
    const auto it = relation_of.find(e.title);
    ASSERT_NE(it, relation_of.end()) << "an edge drawn that nothing explains: " << e.title;
    strokes[it->second].insert(e.stroke);
    heads[it->second].insert(e.head);
    if (e.title.starts_with("n")) ++diagram_edges;
  }
  EXPECT_EQ(diagram_edges, g.edge_count());
  ASSERT_EQ(strokes.size(), 4u);
  std::set<std::string> distinct_strokes;
  std::set<std::string> distinct_heads;
  for (const auto& [relation, set] : strokes) {
    SCOPED_TRACE(std::string(to_string(relation)));
    ASSERT_EQ(set.size(), 1u) << "every edge of a relation drawn alike: " << ::testing::PrintToString(set);
    ASSERT_EQ(heads[relation].size(), 1u) << ::testing::PrintToString(heads[relation]);
    EXPECT_TRUE(distinct_strokes.insert(*set.begin()).second) << "line shared: " << *set.begin();
    EXPECT_TRUE(distinct_heads.insert(*heads[relation].begin()).second) << "ends shared: " << *heads[relation].begin();
  }
  // As written: solid, heavy, dotted and dashed; an arrow, a bar, a
  // diamond, and a bar with a circle at the tail; black, left to Graphviz as its default.
  EXPECT_EQ(*strokes[Relation::supports].begin(), "1.3 ");
  EXPECT_EQ(*strokes[Relation::contradicts].begin(), "2.4 ");
  EXPECT_EQ(*strokes[Relation::element_of].begin(), "2 1,5");
  EXPECT_EQ(*strokes[Relation::undercuts].begin(), "1.6 5,2");
  EXPECT_EQ(*heads[Relation::supports].begin(), "triangle black;");
  EXPECT_EQ(*heads[Relation::contradicts].begin(), "bar black;");
  EXPECT_EQ(*heads[Relation::element_of].begin(), "rhombus black;");
  EXPECT_EQ(*heads[Relation::undercuts].begin(), "bar black;circle none;");
}

TEST_F(RenderTest, ClustersComeOutInTheOrderTheyAreWritten) {
  // cgraph's default names objects by the address of their interned name,
  // which put clusters in heap order; render numbers them as written.
  const std::string dot = dot_of(load("parler_v_aws"));
  for (int i = 0; i < 3; ++i) {
    const std::string svg = render(dot, as(RenderFormat::svg));
    std::vector<std::string> clusters;
    for (std::size_t at = svg.find("<title>cluster_"); at != std::string::npos;
         at = svg.find("<title>cluster_", at + 1)) {
      clusters.push_back(svg.substr(at + 7, svg.find('<', at + 7) - at - 7));
    }
    EXPECT_EQ(clusters,
              (std::vector<std::string>{"cluster_0", "cluster_1", "cluster_2", "cluster_3", "cluster_legend"}));
  }
}

INSTANTIATE_TEST_SUITE_P(Layouts, RenderLayoutTest,
                         ::testing::Values(LayoutEngine::dot, LayoutEngine::neato, LayoutEngine::fdp,
                                           LayoutEngine::sfdp),
                         [](const auto& param_info) { return std::string(to_string(param_info.param)); });

TEST_F(RenderTest, ForceDirectedLayoutsKeepAnOverlapSettingTheDotGives) {
  // Without one, boxes are kept apart (overlap=prism); with one, it stands.
  const std::string apart = "digraph { a [shape=box, width=3]; b [shape=box, width=3]; a -> b }";
  const std::string overlapping = "digraph { overlap=true; a [shape=box, width=3]; b [shape=box, width=3]; a -> b }";
  EXPECT_NE(render(apart, as(RenderFormat::svg, LayoutEngine::neato)),
            render(overlapping, as(RenderFormat::svg, LayoutEngine::neato)));
}

// --- hostile text ------------------------------------------------------------------

TEST_F(RenderTest, HostileLabelsAreDrawnExactlyAndEscaped) {
  const std::vector<std::string> labels{
      "\"Quoted\" with \\\"escaped\\\" quotes and a trailing backslash \\",
      "<script>alert('x')</script> & <b>not bold</b> &amp; &lt; &#39; ]]> <!-- not a comment -->",
      "line one\nline two\n\nafter a blank line",
      "emoji 😀 👩‍⚖️ and CJK 中文",
      "right-to-left \u200F\u202Eevil\u202C mark \u200Fשלום\u200F and \u2066isolate\u2069",
      "\\N \\G \\E \\T \\L \\n \\l \\r",
      "a 'single' and \"double\" ' \" mix > < >> << && --",
  };
  GraphBuilder b;
  b.title("Hostile <title> & \"quotes\" \\N");
  for (std::size_t i = 0; i < labels.size(); ++i) {
    b.claim(claimgraph::test::numbered("c", i) + " <&> \"id\"", labels[i]).party("P <&> \"q\"").group("G </g> &");
  }
  const Graph g = std::move(b).build();
  const std::string svg = render(dot_of(g), as(RenderFormat::svg));
  ASSERT_TRUE(well_formed(svg));
  expect_labels_drawn(svg, g);
  EXPECT_EQ(svg_texts(svg)[""].at(0), *g.title);
  // Markup in labels is text, never markup: no element of it survives.
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
  for (const auto format : {RenderFormat::png, RenderFormat::pdf}) {
    EXPECT_FALSE(render(dot_of(g), as(format)).empty()) << to_string(format);
  }
}

// --- errors ------------------------------------------------------------------------

TEST_F(RenderTest, UnreadableDotCarriesGraphvizsMessage) {
  try {
    (void)render("digraph {\n  a -> ;\n}\n", as(RenderFormat::svg));
    FAIL() << "no error";
  } catch (const RenderError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot read the DOT text (Graphviz: syntax error in line 2 near ';')");
    EXPECT_EQ(e.graphviz_messages(), std::vector<std::string>{"syntax error in line 2 near ';'"});
  }
  // Lines are counted afresh for each text.
  try {
    (void)render("digraph { a -> ; }", as(RenderFormat::svg));
    FAIL() << "no error";
  } catch (const RenderError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot read the DOT text (Graphviz: syntax error in line 1 near ';')");
  }
  // Graphviz's reader starts afresh after an error.
  EXPECT_NE(render("digraph { a -> b }", as(RenderFormat::svg)).find("</svg>"), std::string::npos);
}

TEST_F(RenderTest, TextAfterTheGraphIsAnErrorAndDoesNotLeakIntoTheNextRender) {
  // cgraph's reader keeps what it read past the end of a graph; render
  // must not let it become the start of the next text it reads.
  for (const char* text : {"digraph { a } digraph { zzz }", "digraph { a } junk", "digraph { a } }"}) {
    SCOPED_TRACE(text);
    try {
      (void)render(text, as(RenderFormat::svg));
      ADD_FAILURE() << "no error";
    } catch (const RenderError& e) {
      EXPECT_EQ(std::string(e.what()),
                "cannot read the DOT text: more follows its first graph, and render draws one graph");
    }
    const std::string svg = render("digraph { c }", as(RenderFormat::svg));
    EXPECT_NE(svg.find("<title>c</title>"), std::string::npos) << svg;
    EXPECT_EQ(svg.find("zzz"), std::string::npos) << svg;
  }
  // Space and comments after the graph are fine.
  EXPECT_NO_THROW((void)render("digraph { a }\n\n/* end */ // done\n", as(RenderFormat::svg)));
}

TEST_F(RenderTest, TextWithoutAGraphIsAnError) {
  for (const char* text : {"", "   \n", "/* only a comment */"}) {
    try {
      (void)render(text, as(RenderFormat::svg));
      ADD_FAILURE() << "no error for \"" << text << "\"";
    } catch (const RenderError& e) {
      EXPECT_EQ(std::string(e.what()), "cannot read the DOT text: it holds no graph");
    }
  }
}

TEST_F(RenderTest, ErrorsAreClaimgraphErrorsAndPrintNothing) {
  ::testing::internal::CaptureStderr();
  EXPECT_THROW((void)render("graph { a -- }", as(RenderFormat::png)), Error);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST_F(RenderTest, WarningsGoToTheHandler) {
  // An unknown attribute value: Graphviz warns and draws anyway.
  std::vector<std::string> warnings;
  RenderOptions o = as(RenderFormat::svg);
  o.on_warning = [&warnings](const std::string& w) { warnings.push_back(w); };
  ::testing::internal::CaptureStderr();
  const std::string svg = render("digraph { a [shape=no_such_shape] }", o);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(warnings, std::vector<std::string>{"using box for unknown shape no_such_shape"});
}

TEST_F(RenderTest, StagesAreReportedInOrder) {
  std::vector<RenderStage> stages;
  RenderOptions o = as(RenderFormat::svg);
  o.on_stage = [&stages](RenderStage s) { stages.push_back(s); };
  (void)render("digraph { a -> b }", o);
  EXPECT_EQ(stages, (std::vector<RenderStage>{RenderStage::parse, RenderStage::layout, RenderStage::render}));
}

// --- names -------------------------------------------------------------------------

TEST(RenderNames, Layouts) {
  EXPECT_EQ(parse_layout_engine("sfdp"), LayoutEngine::sfdp);
  EXPECT_EQ(parse_layout_engine("circo"), std::nullopt);
  for (auto e : {LayoutEngine::dot, LayoutEngine::neato, LayoutEngine::fdp, LayoutEngine::sfdp}) {
    EXPECT_EQ(parse_layout_engine(to_string(e)), e);
  }
}

TEST(RenderNames, TheInstalledGraphvizCanRenderEveryFormat) {
  // The build machine has Graphviz with its cairo plugin (tools/setup).
  EXPECT_FALSE(graphviz_version().empty());
  for (auto f : {RenderFormat::svg, RenderFormat::png, RenderFormat::pdf}) EXPECT_TRUE(can_render(f)) << to_string(f);
}

}  // namespace
}  // namespace claimgraph::io
