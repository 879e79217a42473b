// The Markdown report: its golden form for the showcase, its structure, and
// hostile labels rendered by GitHub's own Markdown renderer (cmark-gfm).

#include "claimgraph/io/markdown_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "support.hpp"

namespace {

using claimgraph::Graph;
using claimgraph::NodeKind;
using claimgraph::Relation;
namespace analysis = claimgraph::analysis;
namespace io = claimgraph::io;
namespace test = claimgraph::test;

std::string report(const Graph& g, bool evaluate, std::string diagram = "") {
  const auto grounding = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  io::MarkdownOptions o;
  o.analyses.grounding = &grounding;
  if (evaluate) {
    o.analyses.status = &status;
    o.analyses.strength = &strength;
  }
  o.diagram = std::move(diagram);
  std::ostringstream out;
  io::write_markdown(out, g, o);
  return out.str();
}

Graph load(const std::string& name) {
  return io::read_json(test::read_text(test::graphs_dir() / (name + ".json"))).graph;
}

Graph::NodeRef add(Graph& g, std::string id, NodeKind kind, std::string label, std::string group = "G") {
  claimgraph::Node n;
  n.id = std::move(id);
  n.label = std::move(label);
  n.kind = kind;
  n.group = std::move(group);
  return g.add_node(std::move(n));
}

// cmark-gfm with GitHub's extensions; raw HTML passed through as GitHub
// passes <br>, so anything unescaped would show up as markup.
std::string render(const std::string& markdown) {
  const auto r = test::run({CLAIMGRAPH_CMARK_PROGRAM, "--unsafe", "-e", "table", "-e", "strikethrough", "-e",
                            "autolink", "-e", "tagfilter"},
                           markdown);
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

// How cmark writes text in HTML.
std::string html_text(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c; break;
    }
  }
  return out;
}

TEST(MarkdownWriterTest, ShowcaseMatchesGolden) {
  const std::string mismatch = test::golden_mismatch("parler_v_aws.md", report(load("parler_v_aws"), true, "parler_v_aws.svg"));
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST(MarkdownWriterTest, OutlinesEachCauseOfActionByElement) {
  Graph g;
  const auto c = add(g, "c", NodeKind::claim, "Breach");
  const auto e1 = add(g, "e1", NodeKind::claim, "Contract");
  const auto e2 = add(g, "e2", NodeKind::claim, "Damages");
  const auto sub = add(g, "sub", NodeKind::claim, "Signed");
  const auto x = add(g, "x", NodeKind::evidence, "Exhibit 1");
  g.node(x).source = "Ex. 1";
  const auto u = add(g, "u", NodeKind::evidence, "Unsigned copy");
  const auto k = add(g, "k", NodeKind::counterclaim, "No damages", "H");
  g.add_edge(e1, c, Relation::element_of);
  g.add_edge(e2, c, Relation::element_of);
  g.add_edge(sub, e1, Relation::supports);
  g.add_edge(x, sub, Relation::supports);
  g.add_edge(k, e2, Relation::contradicts);
  g.add_undercut(u, 2);  // sub supports e1
  const std::string md = report(g, false);
  // One section for G's cause of action (c; e1, e2 and sub rest on it),
  // and one for H.
  EXPECT_NE(md.find("### G\n\n#### Breach\n\nClaim (c): **lacks evidence**: elements not grounded: e2.\n\n"
                    "| Element | Evidence for it | Contrary | Standing |\n|---|---|---|---|\n"
                    "| Contract (e1) | • Exhibit 1 (x) — Ex. 1 | • Unsigned copy (u) *(undercuts its support)* | grounded |\n"
                    "| Damages (e2) | — | • No damages (k) | **lacks evidence**: nothing supports it and it has no elements |\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("#### Signed"), std::string::npos) << "sub rests on c's element: not a cause of its own";
  EXPECT_NE(md.find("### H\n\n#### No damages\n\nCounterclaim (k)"), std::string::npos) << md;
  EXPECT_EQ(md.find("## Diagram"), std::string::npos);
  EXPECT_NE(report(g, false, "case one (draft).svg").find("[![Diagram of the case](case%20one%20%28draft%29.svg)]"),
            std::string::npos);
}

TEST(MarkdownWriterTest, EveryClaimGroundedSaysSo) {
  Graph g;
  const auto c = add(g, "c", NodeKind::claim, "C");
  const auto x = add(g, "x", NodeKind::evidence, "X");
  g.add_edge(x, c, Relation::supports);
  EXPECT_NE(report(g, false).find("## Claims that lack evidence\n\nEvery claim and counterclaim is grounded in evidence.\n"),
            std::string::npos);
}

TEST(MarkdownWriterTest, HostileLabelsRenderAsWrittenOnGitHub) {
  if (std::string(CLAIMGRAPH_CMARK_PROGRAM).empty()) GTEST_SKIP() << "cmark-gfm is not installed: cannot render";
  const std::vector<std::string> hostile = {
      "Quote \"q\" and 'single'",
      "Back\\slash \\N \\\\",
      "<b>bold</b> & <script>alert(1)</script>",
      "]]> --> <!-- end",
      "*star* _under_ **strong** ~~strike~~ `code`",
      "| pipe | cell |",
      "[link](x) ![img](y) <z> <mailto:q>",
      "# heading ## $x$ $$y$$",
      "1. not a list",
      "- not a list either",
      "emoji 🧑‍⚖️ and RTL \u202Eevil\u202C mark \u200F",
      "ctrl\x01\x07char",
      "&amp; &lt; entity &#x41;",
  };
  Graph g;
  for (std::size_t i = 0; i < hostile.size(); ++i) add(g, test::numbered("h", i), NodeKind::claim, hostile[i], hostile[i]);
  g.title = "Title <script>x</script> | #";
  g.node(0).source = "see http://example.com/a_b and www.example.org/c_d";
  const std::string html = render(report(g, true));
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<em>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<del>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<a "), std::string::npos) << html;
  EXPECT_EQ(html.find("<ol"), std::string::npos) << html;
  EXPECT_EQ(html.find("<h1>Title &lt;script&gt;x&lt;/script&gt; | #</h1>"), 0u) << html;
  // A bare web address stays text (GitHub would link it, showing the escapes).
  EXPECT_NE(html.find("Source: see http://example.com/a_b and www.example.org/c_d."), std::string::npos) << html;
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    // In the table of claims lacking evidence: "label (id)", then the group.
    const std::string cell = "<td>" + html_text(hostile[i]) + " (" + test::numbered("h", i) + ")</td>";
    EXPECT_NE(html.find(cell), std::string::npos) << "label " << i << ": " << cell << "\n" << html;
    // As a group heading.
    EXPECT_NE(html.find("<h3>" + html_text(hostile[i]) + "</h3>"), std::string::npos) << "group " << i;
  }
}

TEST(MarkdownWriterTest, LineBreaksInCellsKeepTheTableWhole) {
  if (std::string(CLAIMGRAPH_CMARK_PROGRAM).empty()) GTEST_SKIP() << "cmark-gfm is not installed: cannot render";
  Graph g;
  add(g, "a", NodeKind::claim, "first line\nsecond line\r\nthird");
  add(g, "b", NodeKind::claim, "after");
  const std::string html = render(report(g, false));
  EXPECT_NE(html.find("<td>first line<br>second line<br>third (a)</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>after (b)</td>"), std::string::npos) << html;
}

TEST(MarkdownWriterTest, RunsTheCheckItselfWhenNotGiven) {
  const Graph g = load("parler_v_aws");
  std::ostringstream out;
  io::write_markdown(out, g, {});
  EXPECT_EQ(out.str(), report(g, false)) << "a report without the check given is the report with it";
}

}  // namespace
