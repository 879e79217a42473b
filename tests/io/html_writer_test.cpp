// The HTML page as text: a golden file, its structure, the graph data read
// back, escaping of hostile text, and that nothing in it refers outside the
// page. What the page does in a browser is tested in html_page_test.cpp.

#include "claimgraph/io/html_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/critical.hpp"
#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "io/failures_case.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::string_literals;

// A stand-in for what Graphviz draws, so that the golden file does not
// depend on the Graphviz version: prolog, doctype and comments included, as
// `dot -Tsvg` writes them.
constexpr std::string_view placeholder_svg =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n"
    " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
    "<!-- A placeholder for the drawing -->\n"
    "<svg width=\"116pt\" height=\"52pt\" viewBox=\"0.00 0.00 116.00 52.00\" xmlns=\"http://www.w3.org/2000/svg\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
    "<g id=\"graph0\" class=\"graph\" transform=\"scale(1 1) rotate(0) translate(4 48)\">\n"
    "<title>claimgraph</title>\n"
    "<g id=\"node1\" class=\"node\">\n<title>n0</title>\n"
    "<g id=\"a_node1\"><a xlink:title=\"motion\">\n"
    "<path fill=\"#e3f2fd\" stroke=\"#1565c0\" d=\"M96,-44C96,-44 12,-44 12,-44 6,-44 0,-38 0,-32 0,-32 0,-12 0,-12 "
    "0,-6 6,0 12,0 12,0 96,0 96,0 102,0 108,-6 108,-12 108,-12 108,-32 108,-32 108,-38 102,-44 96,-44\"/>\n"
    "<text text-anchor=\"middle\" x=\"54\" y=\"-18.8\" font-family=\"Helvetica,Arial,sans-serif\" "
    "font-size=\"10.00\">placeholder</text>\n"
    "</a>\n</g>\n</g>\n</g>\n</svg>\n";

class HtmlWriterTest : public ::testing::Test {
 protected:
  static std::string write(const Graph& g, const HtmlOptions& options) {
    std::ostringstream out;
    write_html(out, g, options);
    return out.str();
  }

  static Graph load(const std::string& name) {
    const fs::path path = claimgraph::test::graphs_dir() / (name + ".json");
    ReadOptions o;
    o.file_name = path.string();
    return read_json(claimgraph::test::read_text(path), o).graph;
  }

  // The text of the graph data's <script> element.
  static std::string data_text(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"cg-data\">\n";
    const auto begin = page.find(open);
    if (begin == std::string::npos) return {};
    const auto end = page.find("</script>", begin);
    return page.substr(begin + open.size(), end - begin - open.size());
  }

  static json data(const std::string& page) { return json::parse(data_text(page)); }

  static std::size_t count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
  }

  static std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
};

// --- golden file -------------------------------------------------------------------

TEST_F(HtmlWriterTest, MatchesGolden) {
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  const auto points = analysis::single_points(g);
  HtmlOptions options;  // as `claimgraph export --to html --evaluate` does, with a stand-in drawing
  options.analyses.grounding = &report;
  options.analyses.status = &status;
  options.analyses.strength = &strength;
  options.analyses.single_points = &points;
  options.svg = placeholder_svg;
  const std::string mismatch = claimgraph::test::golden_mismatch("parler_v_aws.html", write(g, options));
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

// --- structure -----------------------------------------------------------------------

TEST_F(HtmlWriterTest, OnePageWithItsStyleScriptDataAndDrawing) {
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  HtmlOptions options;
  options.analyses.grounding = &report;
  options.svg = placeholder_svg;
  const std::string page = write(g, options);
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")) << page.substr(0, 200);
  EXPECT_TRUE(page.ends_with("</script>\n</body>\n</html>\n"));
  EXPECT_NE(page.find("<title>Parler LLC v. Amazon Web Services, Inc.</title>"), std::string::npos);
  EXPECT_NE(page.find("<h1>Parler LLC v. Amazon Web Services, Inc.</h1>"), std::string::npos);
  EXPECT_NE(page.find("<p class=\"cg-summary\">52 nodes, 67 edges; 12 of 26 claims and counterclaims lack evidence.</p>"),
            std::string::npos);
  // One style element, two script elements: the data, then the program.
  EXPECT_EQ(count(lower(page), "<style"), 1u);
  EXPECT_EQ(count(lower(page), "</style"), 1u);
  EXPECT_EQ(count(lower(page), "<script"), 2u);
  EXPECT_EQ(count(lower(page), "</script"), 2u);
  EXPECT_LT(page.find("<script type=\"application/json\" id=\"cg-data\">"), page.find("<script>\n"));
  // The drawing inlined without its XML prolog, doctype or comments.
  EXPECT_EQ(count(page, "<svg "), 1u);
  EXPECT_EQ(page.find("<?xml"), std::string::npos);
  EXPECT_EQ(page.find("<!DOCTYPE svg"), std::string::npos);
  EXPECT_EQ(page.find("<!--"), std::string::npos);
  EXPECT_LT(page.find("<div id=\"cg-view\""), page.find("<svg "));
  EXPECT_LT(page.find("<svg "), page.find("<aside id=\"cg-panel\""));
  EXPECT_NE(page.find("<g id=\"node1\" class=\"node\">\n<title>n0</title>"), std::string::npos);
  // The controls a reader needs.
  for (const char* id : {"cg-search", "cg-zoom-in", "cg-zoom-out", "cg-fit", "cg-chain", "cg-clear-chain", "cg-close",
                         "cg-party-filter", "cg-group-filter", "cg-panel", "cg-status", "cg-results"}) {
    EXPECT_EQ(count(page, "id=\""s + id + "\""), 1u) << id;
  }
}

TEST_F(HtmlWriterTest, TheDataIsTheGraph) {
  GraphBuilder b;
  b.title("T");
  b.claim("c", "Claim").party("P").group("G").source("S").text("Long text").tag("x").tag("y");
  b.claim("k", "Element");
  b.counterclaim("d", "Defence").party("Q");
  b.evidence("e", "Exhibit");
  b.element_of("k", "c");
  b.supports("e", "c");
  b.contradicts("d", "c");
  b.supports("e", "d");
  Graph g = std::move(b).build();
  g.node(0).weight = 0.75;
  g.node(0).standard = Standard::clear_and_convincing;
  g.node(0).burden = "P";
  g.add_undercut(*g.find("k"), 3);  // k undercuts e supports d
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);

  const json plain = data(write(g, {}));
  EXPECT_EQ(plain.at("title"), "T");
  ASSERT_EQ(plain.at("nodes").size(), 4u);
  EXPECT_EQ(plain.at("nodes")[0],
            json::parse(R"({"id":"c","kind":"claim","label":"Claim","text":"Long text","party":"P","group":"G",
                            "source":"S","tags":["x","y"],"weight":0.75,"standard":"clear-and-convincing","burden":"P"})"));
  EXPECT_EQ(plain.at("nodes")[3], json::parse(R"({"id":"e","kind":"evidence","label":"Exhibit"})"));
  EXPECT_EQ(plain.at("edges"), json::parse(R"([
    {"from":1,"to":0,"relation":"element-of"},
    {"from":3,"to":0,"relation":"supports"},
    {"from":2,"to":0,"relation":"contradicts"},
    {"from":3,"to":2,"relation":"supports","id":"e3"},
    {"from":1,"to":2,"relation":"undercuts","edge":3}])"))
      << plain.at("edges").dump();

  HtmlOptions options;
  options.analyses.grounding = &report;
  options.analyses.status = &status;
  options.analyses.strength = &strength;
  const json evaluated = data(write(g, options));
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const json& n = evaluated.at("nodes")[v];
    SCOPED_TRACE(n.dump());
    EXPECT_EQ(n.at("status"), analysis::to_string(status.labels[v]));
    EXPECT_DOUBLE_EQ(n.at("strength").get<double>(), strength.strength[v]);
    if (is_claim_like(g.node(v).kind)) {
      const auto& claim = report.claims[report.claim_index[v]];
      EXPECT_EQ(n.at("lacks_evidence"), !claim.grounded);
      EXPECT_EQ(n.contains("gap"), !claim.grounded);
      if (!claim.grounded) {
        EXPECT_EQ(n.at("gap"), analysis::to_string(claim.gap));
      }
      EXPECT_EQ(n.at("established"), static_cast<bool>(strength.established[v]));
    } else {
      EXPECT_FALSE(n.contains("lacks_evidence"));
      EXPECT_FALSE(n.contains("established"));
    }
  }
  // k is unsupported, so its undercut does not stand and e still supports d.
  EXPECT_FALSE(evaluated.at("edges")[3].contains("undercut"));
}

TEST_F(HtmlWriterTest, AnUndercutByAStandingNodeIsMarked) {
  GraphBuilder b;
  b.claim("c", "Claim");
  b.evidence("e", "Exhibit");
  b.evidence("u", "Undercutter");
  b.supports("e", "c");
  Graph g = std::move(b).build();
  g.add_undercut(*g.find("u"), 0);
  const auto status = analysis::grounded_status(g);
  HtmlOptions options;
  options.analyses.status = &status;
  const json d = data(write(g, options));
  EXPECT_EQ(d.at("edges")[0].at("undercut"), true);
  EXPECT_EQ(d.at("nodes")[0].at("status"), "OUT");
}

TEST_F(HtmlWriterTest, WithoutADrawingThePageSaysSo) {
  GraphBuilder b;
  b.claim("c", "Claim");
  const Graph g = std::move(b).build();
  const std::string page = write(g, {});
  EXPECT_EQ(page.find("<svg"), std::string::npos);
  EXPECT_NE(page.find("<p class=\"cg-nodiagram\">No diagram: search for a node to see it.</p>"), std::string::npos);
  EXPECT_NE(page.find("<title>claimgraph</title>"), std::string::npos);
  EXPECT_NE(page.find("<p class=\"cg-summary\">1 node, 0 edges.</p>"), std::string::npos);
  // Text that is not SVG gives no drawing either.
  HtmlOptions options;
  options.svg = "Error: syntax error in line 1";
  EXPECT_EQ(write(g, options), page);
}

TEST_F(HtmlWriterTest, AccessibleBasics) {
  const Graph g = load("negligence_example");
  HtmlOptions options;
  options.svg = placeholder_svg;
  const std::string page = write(g, options);
  // Every control is a real button, named by its text or an aria-label.
  const std::regex button("<button ([^>]*)>([^<]*)</button>");
  std::size_t buttons = 0;
  for (std::sregex_iterator it(page.begin(), page.end(), button), end; it != end; ++it, ++buttons) {
    const std::string attributes = (*it)[1];
    EXPECT_NE(attributes.find("type=\"button\""), std::string::npos) << it->str();
    EXPECT_TRUE(attributes.find("aria-label=\"") != std::string::npos || (*it)[2].length() > 1) << it->str();
  }
  EXPECT_EQ(buttons, 6u);
  EXPECT_EQ(count(page, "<button"), buttons);
  EXPECT_NE(page.find("<label for=\"cg-search\">Search</label>"), std::string::npos);
  EXPECT_NE(page.find("<div id=\"cg-view\" class=\"cg-view\" tabindex=\"0\" role=\"group\" aria-label=\"Diagram."),
            std::string::npos);
  EXPECT_NE(page.find("<aside id=\"cg-panel\" class=\"cg-panel\" aria-labelledby=\"cg-panel-title\" hidden>"),
            std::string::npos);
  EXPECT_NE(page.find("role=\"status\" aria-live=\"polite\""), std::string::npos);
  EXPECT_NE(page.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(HtmlWriterTest, PrintStylesheetHidesTheControlsAndFitsTheDrawing) {
  const std::string page = write(load("negligence_example"), {});
  const auto print = page.find("@media print {");
  ASSERT_NE(print, std::string::npos);
  const std::string rules = page.substr(print, page.find("\n}\n", print) - print);
  EXPECT_NE(rules.find(".cg-toolbar, .cg-status, .cg-results, .cg-panel { display: none !important; }"),
            std::string::npos)
      << rules;
  EXPECT_NE(rules.find(".cg-view > svg { width: 100%; height: auto; max-height: 95vh; }"), std::string::npos) << rules;
}

// --- nothing outside the page ------------------------------------------------------------

// Every way a page can make a browser fetch something.
void expect_self_contained(const std::string& page) {
  const std::string low = [&] {
    std::string s = page;
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }();
  EXPECT_EQ(low.find("http://"), std::string::npos);
  EXPECT_EQ(low.find("https://"), std::string::npos);
  EXPECT_EQ(low.find("@import"), std::string::npos);
  EXPECT_EQ(low.find("@font-face"), std::string::npos);
  EXPECT_EQ(low.find("<link"), std::string::npos);
  EXPECT_EQ(low.find("<img"), std::string::npos);
  EXPECT_EQ(low.find("<iframe"), std::string::npos);
  EXPECT_EQ(low.find("<object"), std::string::npos);
  EXPECT_EQ(low.find("<embed"), std::string::npos);
  EXPECT_EQ(low.find("<base"), std::string::npos);
  EXPECT_EQ(low.find("<script src"), std::string::npos);
  EXPECT_EQ(low.find("fetch("), std::string::npos);
  EXPECT_EQ(low.find("xmlhttprequest"), std::string::npos);
  EXPECT_EQ(low.find("import("), std::string::npos);
  // No attribute that names a resource, in the markup; in the script, no
  // link but to a place in the page, or to where a citation says its source
  // can be read (a page the reader may open, never one fetched for them).
  std::string markup = low;
  for (const auto& [open, close] : {std::pair{"<style>", "</style>"}, std::pair{"<script", "</script>"}}) {
    for (auto at = markup.find(open); at != std::string::npos; at = markup.find(open, at + 1)) {
      const auto end = markup.find(close, at);
      markup.erase(at + std::string_view(open).size(), end - at - std::string_view(open).size());
    }
  }
  const std::regex attribute(R"(\s(src|href|xlink:href|action|formaction|srcset|poster|background|data)\s*=)");
  std::smatch found;
  EXPECT_FALSE(std::regex_search(markup, found, attribute)) << "an attribute that names a resource: " << found.str();
  const std::regex assignment(R"(\.(src|href|action)\s*=(?!\s*'#'|\s*c\.url;)|setattribute\(\s*'(src|href|xlink:href)')");
  EXPECT_FALSE(std::regex_search(low, found, assignment)) << "a script that sets a resource: " << found.str();
  for (auto at = low.find("url("); at != std::string::npos; at = low.find("url(", at + 4)) {
    EXPECT_EQ(low.compare(at + 4, 5, "data:"), 0) << low.substr(at, 60);
  }
  // And the browser is told to fetch nothing even if something slipped in.
  EXPECT_NE(page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                      "form-action 'none'\">"),
            std::string::npos);
}

TEST_F(HtmlWriterTest, NothingRefersOutsideThePage) {
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  HtmlOptions options;
  options.analyses.grounding = &report;
  options.svg = placeholder_svg;
  expect_self_contained(write(g, options));
}

TEST_F(HtmlWriterTest, NothingRefersOutsideThePageWithGraphvizsDrawing) {
  if (claimgraph::test::dot_program().empty()) GTEST_SKIP() << "Graphviz `dot` is not installed: no drawing to inline";
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  DotOptions dot;
  dot.analyses.grounding = &report;
  std::ostringstream dot_text;
  write_dot(dot_text, g, dot);
  const auto drawn = claimgraph::test::run({claimgraph::test::dot_program(), "-Tsvg"}, dot_text.str());
  ASSERT_EQ(drawn.status, 0) << drawn.err;
  ASSERT_NE(drawn.out.find("http://www.w3.org/"), std::string::npos);  // what the inlining must remove
  HtmlOptions options;
  options.analyses.grounding = &report;
  options.svg = drawn.out;
  const std::string page = write(g, options);
  expect_self_contained(page);
  // Every node is drawn, under the name the page looks for.
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    EXPECT_NE(page.find("<title>" + claimgraph::test::numbered("n", v) + "</title>"), std::string::npos) << v;
  }
}

// --- hostile text --------------------------------------------------------------------

const std::vector<std::string> hostile{
    "</script><script>alert(1)</script>",
    "</SCRIPT ><script>alert(2)</script >",
    "<!-- <script>alert(3)</script> -->",
    "<img src=x onerror=alert(4)>",
    "\"quoted\" 'single' `back` \\backslash\\ \\\" \\u003c \\n",
    "<b>&amp; &lt; & < > &#60;</b>",
    "]]> <![CDATA[ x ]]>",
    "--> <!-- -!>",
    "line\nbreak\r\nand\ttab",
    "controls \x01\x02\x1f\x7f\0 nul"s,
    "line\u2028separator\u2029paragraph",
    "RTL \u200F\u202Ereversed\u202C \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
    "emoji 😀 👩‍⚖️ 🏳️‍🌈 and § ¶ “curly” — ﬁ",
    "invalid \xFF\xFE bytes \xC3",
    "${alert(5)} {{alert(6)}} javascript:alert(7)",
};

TEST_F(HtmlWriterTest, HostileTextCannotEndTheScriptOrBecomeMarkup) {
  GraphBuilder b;
  b.title("</title><script>alert(8)</script> & \"T\"");
  b.description("<p onclick=alert(9)>description</p>");
  b.evidence("e", "Exhibit");
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    b.claim(hostile[i] + claimgraph::test::numbered(" #", i), hostile[i])
        .text(hostile[hostile.size() - 1 - i])
        .party(hostile[(i + 1) % hostile.size()])
        .group(hostile[(i + 2) % hostile.size()])
        .source(hostile[(i + 3) % hostile.size()])
        .tag(hostile[(i + 4) % hostile.size()]);
    b.supports("e", hostile[i] + claimgraph::test::numbered(" #", i));
  }
  Graph g = std::move(b).build();
  for (Graph::NodeRef v = 1; v < g.node_count(); ++v) {
    const std::string& h = hostile[v % hostile.size()];
    Citation c{h, h, h, h, h, h, h, "https://example.org/" + h, {}};
    g.node(v).cite = {c, Citation{}};
    g.node(v).cite.back().exhibit = h;
  }
  const auto report = analysis::check(g);
  HtmlOptions options;
  options.analyses.grounding = &report;
  options.svg = placeholder_svg;
  const std::string page = write(g, options);

  // Only the page's own elements.
  EXPECT_EQ(count(lower(page), "<script"), 2u);
  EXPECT_EQ(count(lower(page), "</script"), 2u);
  EXPECT_EQ(count(lower(page), "<style"), 1u);
  EXPECT_EQ(page.find("<!--"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<p onclick"), std::string::npos);
  EXPECT_EQ(page.find("\u2028"), std::string::npos);
  EXPECT_EQ(page.find("\u2029"), std::string::npos);
  EXPECT_NE(page.find("<title>&lt;/title&gt;&lt;script&gt;alert(8)&lt;/script&gt; &amp; &quot;T&quot;</title>"),
            std::string::npos);
  EXPECT_NE(page.find("<p class=\"cg-description\">&lt;p onclick=alert(9)&gt;description&lt;/p&gt;</p>"),
            std::string::npos);

  // The data holds no character that means anything to HTML, and reads back
  // as exactly what was written (invalid bytes as U+FFFD).
  const std::string text = data_text(page);
  EXPECT_EQ(text.find_first_of("<>&"), std::string::npos);
  const json d = json::parse(text);
  EXPECT_EQ(d.at("title"), *g.title);
  ASSERT_EQ(d.at("nodes").size(), g.node_count());
  // What a string reads back as: U+FFFD for each byte that is not UTF-8.
  auto utf8 = [](std::string s) {
    const std::string bad = "\xFF\xFE bytes \xC3";
    if (const auto at = s.find(bad); at != std::string::npos) s.replace(at, bad.size(), "\uFFFD\uFFFD bytes \uFFFD");
    return s;
  };
  for (Graph::NodeRef v = 1; v < g.node_count(); ++v) {
    const Node& node = g.node(v);
    const json& n = d.at("nodes")[v];
    SCOPED_TRACE(n.dump());
    EXPECT_EQ(n.at("id"), utf8(node.id));
    EXPECT_EQ(n.at("label"), utf8(node.label));
    EXPECT_EQ(n.at("text"), utf8(*node.text));
    EXPECT_EQ(n.at("party"), utf8(*node.party));
    EXPECT_EQ(n.at("group"), utf8(*node.group));
    EXPECT_EQ(n.at("source"), utf8(*node.source));
    EXPECT_EQ(n.at("tags"), json::array({utf8(node.tags->front())}));
    ASSERT_EQ(n.at("cite").size(), 2u);
    for (const char* key : {"document", "exhibit", "bates", "pin", "date", "quote", "authority"}) {
      EXPECT_EQ(n.at("cite")[0].at(key), utf8(*node.cite[0].document)) << key;
    }
    EXPECT_EQ(n.at("cite")[0].at("url"), utf8(*node.cite[0].url));
    EXPECT_EQ(n.at("cite")[1], json({{"exhibit", utf8(*node.cite[1].exhibit)}}));
  }
}

TEST_F(HtmlWriterTest, AHostileDrawingIsInlinedAsData) {
  GraphBuilder b;
  b.claim("c", "Claim");
  const Graph g = std::move(b).build();
  HtmlOptions options;
  options.svg =
      "<svg onload=\"alert(1)\"><script>alert(2)</script><g class=\"node\"><title>n0</title>"
      "<foreignObject><iframe src=\"https://example.com\"></iframe></foreignObject>"
      "<text>&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;</text></g></svg><script>alert(4)</script>";
  const std::string page = write(g, options);
  EXPECT_NE(page.find("\n<svg><g class=\"node\"><title>n0</title>"
                      "<text>&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;</text></g></svg>\n"),
            std::string::npos);
  EXPECT_EQ(count(lower(page), "<script"), 2u);
  EXPECT_EQ(page.find("onload"), std::string::npos);
  expect_self_contained(page);
}

// --- determinism and size ---------------------------------------------------------------

TEST_F(HtmlWriterTest, SameInputSameBytes) {
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  HtmlOptions options;
  options.analyses.grounding = &report;
  options.analyses.status = &status;
  options.analyses.strength = &strength;
  options.svg = placeholder_svg;
  const std::string once = write(g, options);
  EXPECT_EQ(write(g, options), once);
  const Graph again = load("parler_v_aws");  // a graph read afresh
  EXPECT_EQ(write(again, options), once);
}

TEST_F(HtmlWriterTest, ALargeGraphIsWrittenWhole) {
  // More than the writer's 1 MiB buffer, so that it is flushed on the way.
  GraphBuilder b;
  const std::string padding(300, 'x');
  for (std::size_t i = 0; i < 5000; ++i) {
    b.claim(claimgraph::test::numbered("c", i), padding);
    if (i > 0) b.supports(claimgraph::test::numbered("c", i), claimgraph::test::numbered("c", i - 1));
  }
  const Graph g = std::move(b).build();
  const std::string page = write(g, {});
  EXPECT_GT(page.size(), std::size_t{1} << 20);
  const json d = data(page);
  ASSERT_EQ(d.at("nodes").size(), 5000u);
  ASSERT_EQ(d.at("edges").size(), 4999u);
  EXPECT_EQ(d.at("nodes")[4999].at("id"), "c4999");
  EXPECT_TRUE(page.ends_with("</html>\n"));
}


// --- points of failure and exclusion -----------------------------------------------

TEST_F(HtmlWriterTest, ThePanelDataHoldsThePointsOfFailure) {
  const Graph g = claimgraph::test::failures_case();
  const auto results = claimgraph::test::failures_results(g);
  const auto at = [&](const char* id) { return *g.find(id); };
  HtmlOptions options;
  options.analyses = results.analyses();
  const std::string page = write(g, options);
  const json nodes = data(page).at("nodes");
  // A grounded claim: the evidence it cannot lose, by position; an empty
  // list when it can lose any one.
  EXPECT_EQ(nodes[at("c")].at("cannot_lose"), json::array({at("px12")}));
  EXPECT_EQ(nodes[at("k1")].at("cannot_lose"), json::array({at("px12")}));
  EXPECT_EQ(nodes[at("t")].at("cannot_lose"), json::array({at("em")}));
  EXPECT_EQ(nodes[at("k2")].at("cannot_lose"), json::array());
  EXPECT_EQ(nodes[at("d")].at("cannot_lose"), json::array());
  // Evidence: the claims it alone holds up, in node order.
  EXPECT_EQ(nodes[at("px12")].at("holds_up"), json::array({at("k1"), at("c")}));
  EXPECT_EQ(nodes[at("em")].at("holds_up"), json::array({at("t")}));
  for (const char* id : {"w", "x"}) EXPECT_FALSE(nodes[at(id)].contains("holds_up")) << id;
  for (const char* id : {"px12", "em", "w", "x"}) EXPECT_FALSE(nodes[at(id)].contains("cannot_lose")) << id;
  for (const auto& n : nodes) {
    EXPECT_FALSE(n.contains("excluded"));
    EXPECT_FALSE(n.contains("fell"));
  }
  EXPECT_EQ(page.find("As if the court"), std::string::npos);

  // Without the points of failure, none of it.
  options.analyses.single_points = nullptr;
  const std::string plain = data_text(write(g, options));
  EXPECT_EQ(plain.find("cannot_lose"), std::string::npos);
  EXPECT_EQ(plain.find("holds_up"), std::string::npos);
}

TEST_F(HtmlWriterTest, ThePanelDataAndSummarySayWhatWasExcludedAndWhatFell) {
  const Graph g = claimgraph::test::failures_case();
  const auto at = [&](const char* id) { return *g.find(id); };
  const auto results = claimgraph::test::failures_results(g, {"em"});
  HtmlOptions options;
  options.analyses = results.analyses();
  const std::string page = write(g, options);
  EXPECT_NE(page.find("<p class=\"cg-summary\">9 nodes, 8 edges; 1 of 5 claims and counterclaims lacks evidence. As if "
                      "the court had excluded 1 node: 1 claim or counterclaim fell with it.</p>"),
            std::string::npos)
      << page.substr(0, 2000);
  const json nodes = data(page).at("nodes");
  EXPECT_EQ(nodes[at("em")].at("excluded"), true);
  EXPECT_EQ(nodes[at("t")].at("fell"), true);
  EXPECT_EQ(nodes[at("t")].at("fell_with"), json::array({at("em")}));
  EXPECT_FALSE(nodes[at("t")].contains("cannot_lose")) << "it lacks evidence: it has nothing left to lose";
  EXPECT_FALSE(nodes[at("em")].contains("holds_up")) << "excluded, it holds up nothing";
  EXPECT_EQ(nodes[at("k2")].at("cannot_lose"), json::array({at("w")})) << "without em, w alone holds up k2";
  for (const char* id : {"px12", "w", "x", "k1", "k2", "c", "d"}) {
    EXPECT_FALSE(nodes[at(id)].contains("excluded")) << id;
    EXPECT_FALSE(nodes[at(id)].contains("fell")) << id;
  }
}

}  // namespace
}  // namespace claimgraph::io
