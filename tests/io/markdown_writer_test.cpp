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
#include "claimgraph/view.hpp"
#include "io/failures_case.hpp"
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

// The section of a claim in the outline: from its heading to the next one.
std::string section(const std::string& md, const std::string& heading) {
  const auto begin = md.find("\n#### " + heading + "\n");
  if (begin == std::string::npos) return {};
  return md.substr(begin + 1, md.find("\n###", begin + 1) - begin);
}

// The part of a section above its table: the claim and why it falls.
std::string above_table(const std::string& section) { return section.substr(0, section.find("\n| ") + 1); }

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
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
                    "**Why it lacks evidence:**\n\n"
                    "- Its element Damages (e2) lacks evidence:\n"
                    "  - Nothing supports it and it has no elements.\n\n"
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

// The court's reasons against the contract claim are read under the claim
// itself: each element that fails and the findings that defeat it, with
// their sources.
TEST(MarkdownWriterTest, ParlerContractNamesWhatDefeatsItUnderItsOwnHeading) {
  const Graph g = load("parler_v_aws");
  const std::string md = report(g, true);
  const std::string why = above_table(section(md, "AWS breached the AWS Customer Agreement"));
  ASSERT_NE(why.find("Claim of Parler (contract)"), std::string::npos) << md;
  for (const char* expected : {
           "**Why it does not stand:**\n\n",
           "- Its element AWS breached the contract (k2) does not stand (OUT):\n",
           "  - Contradicted by The Agreement let AWS terminate immediately and suspend (aws\\_may\\_terminate), which "
           "stands (IN) — AWS-OPP.\n",
           "  - Contradicted by Parler did not dispute that some posts violate the AUP (ord\\_no\\_dispute), which stands "
           "(IN) — ORD (Dkt. 34).\n",
           "  - Contradicted by Parler ignores § 7.2(b)(ii) (ord\\_ignores\\_72bii), which stands (IN) — ORD (Dkt. 34).\n",
           "  - Contradicted by Termination appears to respond to Parler's material breach (ord\\_material\\_breach), which "
           "stands (IN) — ORD (Dkt. 34).\n",
           "- Its element Parler performed its own obligations (k3) does not stand (OUT):\n"
           "  - Contradicted by Parler breached the Acceptable Use Policy (aws\\_aup\\_breach), which stands (IN) — "
           "AWS-OPP.\n"
           "  - Nothing supports it: it is not grounded in evidence.\n",
           "- Its element Parler suffered damages (k4) does not stand (OUT):\n"
           "  - Nothing supports it: it is not grounded in evidence.\n",
       }) {
    EXPECT_NE(why.find(expected), std::string::npos) << "missing: " << expected << "\nin:\n" << why;
  }
  EXPECT_EQ(why.find("(k1)"), std::string::npos) << "k1 stands: not a reason\n" << why;
  // Whatever the graph says: every standing node that contradicts an
  // element of the claim is named there.
  const auto status = analysis::grounded_status(g);
  const auto contract = *g.find("contract");
  std::size_t named = 0;
  for (const auto& e : g.edges()) {
    if (g.edge(e).relation != Relation::element_of || g.target(e) != contract) continue;
    for (const auto& f : g.edges()) {
      if (g.edge(f).relation != Relation::contradicts || g.target(f) != g.source(e)) continue;
      if (status.labels[g.source(f)] != analysis::Label::in) continue;
      std::string id;
      for (const char c : g.node(g.source(f)).id) id += c == '_' ? std::string("\\_") : std::string(1, c);
      EXPECT_NE(why.find("Contradicted by " + g.node(g.source(f)).label + " (" + id + ")"), std::string::npos) << id;
      ++named;
    }
  }
  EXPECT_EQ(named, 5u);
}

// One small case with every reason a claim can fall for, each under its
// own claim and nowhere else.
TEST(MarkdownWriterTest, EachReasonIsGivenUnderTheClaimItDefeats) {
  Graph g;
  auto evidence = [&](std::string id, std::string label, std::string source = "") {
    const auto v = add(g, std::move(id), NodeKind::evidence, std::move(label), "Record");
    if (!source.empty()) g.node(v).source = std::move(source);
    return v;
  };
  // Supported, but contradicted by a finding that stands.
  const auto contra = add(g, "contra", NodeKind::claim, "Contradicted claim", "A");
  g.add_edge(evidence("x1", "Exhibit 1"), contra, Relation::supports);
  g.add_edge(evidence("f", "Finding", "Ord. 1"), contra, Relation::contradicts);
  // Its only support undercut.
  const auto cut = add(g, "cut", NodeKind::claim, "Undercut claim", "B");
  g.add_edge(evidence("x2", "Exhibit 2"), cut, Relation::supports);
  g.add_undercut(evidence("u", "Unsigned copy", "Ex. 9"), g.edge_count() - 1);
  // One element stands, one has nothing.
  const auto elems = add(g, "elems", NodeKind::claim, "Claim with elements", "C");
  const auto e1 = add(g, "e1", NodeKind::claim, "Contract", "C");
  const auto e2 = add(g, "e2", NodeKind::claim, "Damages", "C");
  g.add_edge(evidence("x3", "Exhibit 3"), e1, Relation::supports);
  g.add_edge(e1, elems, Relation::element_of);
  g.add_edge(e2, elems, Relation::element_of);
  // Nothing at all.
  add(g, "bare", NodeKind::claim, "Bare allegation", "D");
  // Two supported claims that contradict each other.
  const auto left = add(g, "left", NodeKind::claim, "Left", "E");
  const auto right = add(g, "right", NodeKind::counterclaim, "Right", "E");
  g.add_edge(evidence("x5", "Exhibit 5"), left, Relation::supports);
  g.add_edge(evidence("x6", "Exhibit 6"), right, Relation::supports);
  g.add_edge(left, right, Relation::contradicts);
  g.add_edge(right, left, Relation::contradicts);

  const std::string md = report(g, true);
  const std::string contradicted = "- Contradicted by Finding (f), which stands (IN) — Ord. 1.\n";
  const std::string undercut = "- Its support from Exhibit 2 (x2) is undercut by Unsigned copy (u), which stands (IN) — Ex. 9.\n";
  const std::string element = "- Its element Damages (e2) does not stand (OUT):\n  - Nothing supports it: it is not grounded in evidence.\n";
  const std::string nothing = "**Why it does not stand:**\n\n- Nothing supports it: it is not grounded in evidence.\n\n";
  const std::string standoff = "**Why it is undecided:**\n\n- In a stand-off with Right (right): each contradicts the other and "
                               "neither prevails (UNDEC).\n\n";
  EXPECT_NE(above_table(section(md, "Contradicted claim")).find("**Why it does not stand:**\n\n" + contradicted + "\n"),
            std::string::npos) << md;
  EXPECT_NE(above_table(section(md, "Undercut claim")).find("**Why it does not stand:**\n\n" + undercut + "\n"),
            std::string::npos) << md;
  EXPECT_NE(above_table(section(md, "Claim with elements")).find("**Why it does not stand:**\n\n" + element + "\n"),
            std::string::npos) << md;
  EXPECT_NE(above_table(section(md, "Bare allegation")).find(nothing), std::string::npos) << md;
  EXPECT_NE(above_table(section(md, "Left")).find(standoff), std::string::npos) << md;
  EXPECT_NE(above_table(section(md, "Right")).find("- In a stand-off with Left (left)"), std::string::npos) << md;
  for (const auto& once : {contradicted, undercut, element}) EXPECT_EQ(count(md, once), 1u) << once << md;
  EXPECT_EQ(count(md, "Why it"), 6u) << "the claims that stand say nothing of falling\n" << md;

  // Strength: a number where something supports the node, "no support"
  // where its strength would only be its base score.
  EXPECT_NE(section(md, "Bare allegation")
                .find("Claim (bare): **lacks evidence**: nothing supports it and it has no elements · OUT · no support "
                      "(base score 0.50) · preponderance not met."),
            std::string::npos) << md;
  EXPECT_NE(section(md, "Claim with elements").find("| Damages (e2) | — | — | **lacks evidence**: nothing supports it and it "
                                                    "has no elements · OUT · no support (base score 0.50) · "),
            std::string::npos) << md;
  EXPECT_NE(section(md, "Claim with elements").find("Claim (elems): **lacks evidence**: elements not grounded: e2 · OUT · some elements unsupported · "), std::string::npos) << md;
  EXPECT_NE(section(md, "Contradicted claim").find("grounded · OUT · strength 0.50 · "), std::string::npos) << md;
  EXPECT_NE(section(md, "Undercut claim").find("grounded · OUT · no support left (base score 0.50) · "), std::string::npos)
      << md;
  EXPECT_EQ(section(md, "Bare allegation").find("strength"), std::string::npos) << md;
  EXPECT_EQ(section(md, "Claim with elements").find("strength 0.50"), std::string::npos) << md;

  // Without the status analysis, why each claim lacks evidence.
  const std::string plain = report(g, false);
  EXPECT_NE(above_table(section(plain, "Claim with elements"))
                .find("**Why it lacks evidence:**\n\n- Its element Damages (e2) lacks evidence:\n"
                      "  - Nothing supports it and it has no elements.\n\n"),
            std::string::npos) << plain;
  EXPECT_EQ(section(plain, "Contradicted claim").find("Why it"), std::string::npos) << "grounded\n" << plain;
}

// A claim that falls only because of what a claim it rests on fell for:
// the whole chain is given, each node once.
TEST(MarkdownWriterTest, FallenSupportIsTracedToWhatDefeatsIt) {
  Graph g;
  const auto top = add(g, "top", NodeKind::claim, "Top");
  const auto mid = add(g, "mid", NodeKind::claim, "Middle", "H");
  const auto x = add(g, "x", NodeKind::evidence, "Exhibit", "H");
  const auto f = add(g, "f", NodeKind::evidence, "Finding", "H");
  g.add_edge(x, mid, Relation::supports);
  g.add_edge(f, mid, Relation::contradicts);
  g.add_edge(mid, top, Relation::supports);
  // Supported by evidence that a finding contradicts: evidence needs no
  // support, so only the finding is given.
  const auto claim = add(g, "claim", NodeKind::claim, "Claim on a forged exhibit", "K");
  const auto forged = add(g, "forged", NodeKind::evidence, "Forged exhibit", "K");
  g.add_edge(forged, claim, Relation::supports);
  g.add_edge(add(g, "expert", NodeKind::evidence, "Expert report", "K"), forged, Relation::contradicts);
  // Supported only by a claim that nothing supports.
  const auto rumour = add(g, "rumour", NodeKind::claim, "Rumour", "R");
  g.add_edge(add(g, "gossip", NodeKind::claim, "Gossip", "R"), rumour, Relation::supports);
  const std::string md = report(g, true);
  EXPECT_NE(above_table(section(md, "Top")).find("**Why it does not stand:**\n\n- Its support from Middle (mid) has fallen "
                                                 "(OUT):\n  - Contradicted by Finding (f), which stands (IN).\n\n"),
            std::string::npos) << md;
  EXPECT_NE(above_table(section(md, "Claim on a forged exhibit"))
                .find("**Why it does not stand:**\n\n- Its support from Forged exhibit (forged) has fallen (OUT):\n"
                      "  - Contradicted by Expert report (expert), which stands (IN).\n\n"),
            std::string::npos) << md;
  EXPECT_NE(above_table(section(md, "Rumour"))
                .find("Claim (rumour): **lacks evidence**: its supporters lack evidence themselves: gossip · OUT · no "
                      "support from evidence · preponderance not met.\n\n**Why it does not stand:**\n\n"
                      "- Its support from Gossip (gossip) has fallen (OUT):\n"
                      "  - Nothing supports it: it is not grounded in evidence.\n\n"),
            std::string::npos) << md;
}

// A node reached twice is explained once; a chain deeper than the report
// goes is cut with a word that says so.
TEST(MarkdownWriterTest, RepeatsAreReferredBackAndDeepChainsCut) {
  Graph g;
  const auto top = add(g, "top", NodeKind::claim, "Top");
  const auto a1 = add(g, "a1", NodeKind::claim, "A1", "H");
  const auto a2 = add(g, "a2", NodeKind::claim, "A2", "H");
  const auto shared = add(g, "s", NodeKind::claim, "Shared", "H");
  g.add_edge(a1, top, Relation::supports);
  g.add_edge(a2, top, Relation::supports);
  g.add_edge(shared, a1, Relation::supports);
  g.add_edge(shared, a2, Relation::supports);
  auto previous = add(g, "d0", NodeKind::claim, "Deep 0", "D");
  for (std::size_t i = 1; i < 12; ++i) {
    const auto next = add(g, test::numbered("d", i), NodeKind::claim, "Deep", "I");
    g.add_edge(next, previous, Relation::supports);
    previous = next;
  }
  const std::string md = report(g, true);
  EXPECT_NE(above_table(section(md, "Top"))
                .find("- Its support from A1 (a1) has fallen (OUT):\n"
                      "  - Its support from Shared (s) has fallen (OUT):\n"
                      "    - Nothing supports it: it is not grounded in evidence.\n"
                      "- Its support from A2 (a2) has fallen (OUT):\n"
                      "  - Its support from Shared (s) has fallen (OUT) (explained above).\n\n"),
            std::string::npos) << md;
  const std::string deep = above_table(section(md, "Deep 0"));
  EXPECT_NE(deep.find("          - Its support from Deep (d6) has fallen (OUT) (for reasons too deep to show here).\n\n"),
            std::string::npos) << deep;
}

TEST(MarkdownWriterTest, HostileLabelsInReasonsRenderAsWrittenOnGitHub) {
  if (std::string(CLAIMGRAPH_CMARK_PROGRAM).empty()) GTEST_SKIP() << "cmark-gfm is not installed: cannot render";
  const std::vector<std::string> hostile = {
      "<b>bold</b> & <script>alert(1)</script>", "*star* _under_ **strong** ~~strike~~ `code`",
      "[link](x) ![img](y) <z>",                 "1. not a list",
      "- not a list either",                     "# heading $x$",
      "| pipe | cell |",                         "line\nbreak",
  };
  Graph g;
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    const auto c = add(g, test::numbered("c", i), NodeKind::claim, "Claim", test::numbered("G", i));
    const auto e = add(g, test::numbered("e", i), NodeKind::claim, hostile[i], test::numbered("G", i));
    const auto f = add(g, test::numbered("f", i), NodeKind::evidence, hostile[i], test::numbered("G", i));
    g.node(f).source = hostile[i];
    g.add_edge(e, c, Relation::element_of);
    g.add_edge(f, e, Relation::contradicts);
  }
  const std::string html = render(report(g, true));
  for (const char* markup : {"<script", "<b>", "<em>", "<del>", "<a ", "<ol", "<h1>heading", "<code>"}) {
    EXPECT_EQ(html.find(markup), std::string::npos) << markup << "\n" << html;
  }
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    std::string shown = hostile[i];
    for (auto& c : shown) c = c == '\n' ? ' ' : c;
    EXPECT_NE(html.find("<li>Its element " + html_text(shown) + " (" + test::numbered("e", i) + ") does not stand (OUT):"),
              std::string::npos) << i << "\n" << html;
    EXPECT_NE(html.find("<li>Contradicted by " + html_text(shown) + " (" + test::numbered("f", i) + "), which stands (IN) — " +
                        html_text(shown) + ".</li>"),
              std::string::npos) << i << "\n" << html;
  }
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

namespace {

// A claim proved by an exhibit with two citations, and an authority cited by
// the claim and an element; `hostile` goes into every citation field.
Graph cited_case(const std::string& hostile) {
  Graph g;
  const auto c = add(g, "c", NodeKind::claim, "The claim");
  const auto e = add(g, "e", NodeKind::evidence, "The exhibit");
  g.add_edges({{e, c, Relation::supports, {}, {}}});
  claimgraph::Citation record;
  record.exhibit = "PX-" + hostile;
  record.document = "Doc " + hostile;
  record.pin = "at " + hostile;
  record.bates = "AWS000123–AWS000131";
  record.date = "2021-01";
  record.quote = hostile;
  record.url = "https://example.org/a b<c>";
  claimgraph::Citation second;
  second.document = "Second";
  g.node(e).cite = {record, second};
  claimgraph::Citation statute;
  statute.authority = "15 U.S.C. § 1";
  claimgraph::Citation decision;
  decision.authority = "Acme v. " + hostile + ", 1 F.4th 1 (2021)";
  decision.pin = "at 5";
  g.node(c).cite = {statute, decision};
  claimgraph::Citation rule;
  rule.authority = "Fed. R. Evid. 803";
  g.node(e).cite.push_back(rule);
  return g;
}

TEST(MarkdownWriterTest, TheRecordCitedListsEveryCitationOfTheRecord) {
  const std::string md = report(cited_case("x"), false);
  const auto begin = md.find("## Record cited\n");
  ASSERT_NE(begin, std::string::npos) << md;
  const std::string record = md.substr(begin, md.find("\n## ", begin + 1) - begin);
  EXPECT_NE(record.find("2 citations of the record"), std::string::npos) << record;
  EXPECT_NE(record.find("| Node | Exhibit | Document | Pin cite | Bates | Date | Quoted |"), std::string::npos) << record;
  EXPECT_NE(record.find("| The exhibit (e) | PX-x | Doc x | at x | AWS000123–AWS000131 | 2021-01 | “x”<br>"
                        "<https://example.org/a%20b%3Cc%3E> |"),
            std::string::npos)
      << record;
  EXPECT_NE(record.find("| The exhibit (e) |  | Second |  |  |  |  |"), std::string::npos) << record;
  // Authorities alone are not the record.
  EXPECT_EQ(record.find("U.S.C."), std::string::npos);
  // A node's citations replace its free-text source where the report names it.
  EXPECT_NE(md.find("The exhibit (e) — PX-x, Doc x, at x, AWS000123–AWS000131 (2021-01)"), std::string::npos) << md;
  // No citation, no section.
  EXPECT_EQ(report(load("negligence_example"), false).find("## Table of authorities"), std::string::npos);
}

TEST(MarkdownWriterTest, TheTableOfAuthoritiesGroupsCasesStatutesAndOthers) {
  const std::string md = report(cited_case("x"), false);
  const auto begin = md.find("## Table of authorities\n");
  ASSERT_NE(begin, std::string::npos) << md;
  EXPECT_EQ(md.substr(begin),
            "## Table of authorities\n\n"
            "### Cases\n\n"
            "- *Acme v. x, 1 F.4th 1 (2021)*, cited by:\n"
            "  - The claim (c), at 5\n\n"
            "### Statutes\n\n"
            "- *15 U.S.C. § 1*, cited by:\n"
            "  - The claim (c)\n\n"
            "### Other authorities\n\n"
            "- *Fed. R. Evid. 803*, cited by:\n"
            "  - The exhibit (e)\n");
}

TEST(MarkdownWriterTest, CitationTextIsEscaped) {
  const std::string hostile = "*a* | _b_ <script>alert(1)</script> [x](y) `c` \\ \"q\" ü";
  const std::string html = render(report(cited_case(hostile), false));
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<em>a</em>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<a href=\"y\">"), std::string::npos) << html;
  EXPECT_NE(html.find(html_text("“" + hostile + "”")), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"https://example.org/a%20b%3Cc%3E\">"), std::string::npos) << html;
  // The table keeps its columns: the | in the text does not split a cell.
  const auto row = html.find("<td>The exhibit (e)</td>");
  ASSERT_NE(row, std::string::npos) << html;
  EXPECT_EQ(count(html.substr(row, html.find("</tr>", row) - row), "<td"), 7U);
}


// --- points of failure and exclusion -----------------------------------------------

std::string report_of(const Graph& g, const analysis::Results& results) {
  io::MarkdownOptions o;
  o.analyses = results.analyses();
  std::ostringstream out;
  io::write_markdown(out, g, o);
  return out.str();
}

// The section under a "## " heading, up to the next one.
std::string chapter(const std::string& md, const std::string& heading) {
  const auto begin = md.find("\n## " + heading + "\n");
  if (begin == std::string::npos) return {};
  return md.substr(begin + 1, md.find("\n## ", begin + 1) - begin);
}

TEST(MarkdownWriterTest, PointsOfFailureListWhatEachClaimCannotLose) {
  const Graph g = test::failures_case();
  const std::string md = report_of(g, test::failures_results(g));
  EXPECT_EQ(chapter(md, "Points of failure"),
            "## Points of failure\n\n"
            "3 of the 5 grounded claims and counterclaims rest on a single piece of evidence: if the court excluded "
            "it, they would lack evidence.\n\n"
            "| Claim | Group | Cannot lose |\n|---|---|---|\n"
            "| Formation (k1) | Breach of contract | Signed agreement (px12) |\n"
            "| AWS breached the contract (c) | Breach of contract | Signed agreement (px12) |\n"
            "| Interference (t) | Tortious interference | Email of 8 January (em) |\n\n"
            "By cause of action:\n\n"
            "- *Breach of contract*: if the court excluded Signed agreement (px12), AWS breached the contract (c) "
            "would lose its element Formation (k1) and be left without evidence.\n"
            "- *Tortious interference*: if the court excluded Email of 8 January (em), Interference (t) would be "
            "left without evidence.\n\n");
  // After the gaps, before the outline; nothing excluded, no such section.
  EXPECT_LT(md.find("## Claims that lack evidence"), md.find("## Points of failure"));
  EXPECT_LT(md.find("## Points of failure"), md.find("## Outline of proof"));
  EXPECT_EQ(md.find("## Excluded"), std::string::npos);
  // Without the points of failure, the report is as it was.
  analysis::Results plain = test::failures_results(g);
  plain.single_points.reset();
  EXPECT_EQ(report_of(g, plain).find("Points of failure"), std::string::npos);
}

// A view that hides the evidence a claim cannot lose says so, without
// naming it, rather than showing the claim as safe.
TEST(MarkdownWriterTest, PointsOfFailureOutOfViewAreCountedNotNamed) {
  const Graph g = test::failures_case();
  claimgraph::ViewOptions o;
  o.focus = "c";
  o.depth = 1;
  const auto whole = test::failures_results(g);
  const claimgraph::View v = claimgraph::make_view(g, o, &*whole.grounding);
  const std::string failures = chapter(report_of(v.graph, claimgraph::restrict(whole, v)), "Points of failure");
  EXPECT_EQ(failures,
            "## Points of failure\n\n"
            "2 of the 3 grounded claims and counterclaims rest on a single piece of evidence: if the court excluded "
            "it, they would lack evidence.\n\n"
            "| Claim | Group | Cannot lose |\n|---|---|---|\n"
            "| Formation (k1) | Breach of contract | 1 piece of evidence not shown here |\n"
            "| AWS breached the contract (c) | Breach of contract | 1 piece of evidence not shown here |\n\n"
            "Evidence left out of this report (by a view or by redaction) is counted, not named.\n\n"
            "By cause of action:\n\n"
            "- *Breach of contract*: AWS breached the contract (c) would lose its element Formation (k1) if the "
            "court excluded a piece of evidence not shown here.\n\n");
  EXPECT_EQ(failures.find("px12"), std::string::npos);
}

TEST(MarkdownWriterTest, OnePointOfFailureIsCountedInTheSingular) {
  // Without k1 and c, t alone rests on a single piece of evidence; k2 and d do not.
  const Graph g = test::failures_case();
  std::vector<bool> nodes(g.node_count(), true);
  nodes[*g.find("k1")] = nodes[*g.find("c")] = false;
  const auto v = claimgraph::make_view(g, nodes, std::vector<bool>(g.edge_count(), true));
  const std::string md = report_of(v.graph, claimgraph::restrict(test::failures_results(g), v));
  EXPECT_NE(md.find("\n1 of the 3 grounded claims and counterclaims rests on a single piece of evidence: if the court "
                    "excluded it, it would lack evidence.\n"),
            std::string::npos)
      << chapter(md, "Points of failure");
}

TEST(MarkdownWriterTest, NoPointOfFailureIsOneLine) {
  claimgraph::GraphBuilder b;
  b.evidence("e1", "Exhibit 1");
  b.evidence("e2", "Exhibit 2");
  b.claim("c", "Claim");
  b.counterclaim("k", "Defence");
  b.supports("e1", "c");
  b.supports("e2", "c");
  b.supports("e1", "k");
  b.supports("e2", "k");
  const Graph g = std::move(b).build();
  EXPECT_EQ(chapter(report_of(g, test::failures_results(g)), "Points of failure"),
            "## Points of failure\n\nNo claim or counterclaim rests on a single piece of evidence: each stays "
            "grounded if the court excludes any one.\n\n");
}

TEST(MarkdownWriterTest, ACauseOfActionThatLacksEvidenceCanStillLoseAnElement) {
  claimgraph::GraphBuilder b;
  b.evidence("px", "Exhibit").group("Contract");
  b.claim("c", "Breach of contract").group("Contract");
  b.claim("k1", "Formation").group("Contract");
  b.claim("k2", "Damages").group("Contract");
  b.supports("px", "k1");
  b.element_of("k1", "c");
  b.element_of("k2", "c");
  const Graph g = std::move(b).build();
  const std::string failures = chapter(report_of(g, test::failures_results(g)), "Points of failure");
  EXPECT_NE(failures.find("\n| Formation (k1) | Contract | Exhibit (px) |\n"), std::string::npos) << failures;
  EXPECT_NE(failures.find("\n- *Contract*: if the court excluded Exhibit (px), Breach of contract (c) would lose its "
                          "element Formation (k1).\n"),
            std::string::npos)
      << failures;
}

TEST(MarkdownWriterTest, TheExcludedSectionSaysWhatFellWithIt) {
  const Graph g = test::failures_case();
  const std::string md = report_of(g, test::failures_results(g, {"em"}));
  EXPECT_EQ(chapter(md, "Excluded"),
            "## Excluded\n\n"
            "This report is of the record as if the court had excluded this node:\n\n"
            "- Email of 8 January (em), evidence\n\n"
            "1 claim or counterclaim grounded in the whole record lacks evidence without it:\n\n"
            "- Interference (t), *Tortious interference*: it rested on Email of 8 January (em).\n\n");
  EXPECT_LT(md.find("## Excluded"), md.find("## Claims that lack evidence"));
  // The rest is of the record without em: w alone holds up k2 now, and so c.
  const std::string failures = chapter(md, "Points of failure");
  EXPECT_NE(failures.find("3 of the 4 grounded claims and counterclaims rest on a single piece of evidence"),
            std::string::npos)
      << failures;
  EXPECT_NE(failures.find("| AWS breached the contract (c) | Breach of contract | Signed agreement (px12)<br>Witness "
                          "statement (w) |\n"),
            std::string::npos)
      << failures;
  EXPECT_NE(failures.find("if the court excluded Witness statement (w), AWS breached the contract (c) would lose its "
                          "element Breach (k2) and be left without evidence.\n"),
            std::string::npos)
      << failures;
  EXPECT_NE(chapter(md, "Claims that lack evidence").find("| Interference (t) | Parler | Tortious interference | "),
            std::string::npos);

  // Excluding what nothing rests on: nothing fell.
  const std::string none = report_of(g, test::failures_results(g, {"x"}));
  EXPECT_NE(chapter(none, "Excluded").find("Every claim and counterclaim grounded in the whole record stays grounded "
                                           "without it.\n"),
            std::string::npos)
      << chapter(none, "Excluded");
}

TEST(MarkdownWriterTest, PointsOfFailureAndExclusionEscapeTheirText) {
  const std::string label = "*not emphasis* [not](a link) <b>x</b> | `code`";
  const Graph g = test::failures_case("e|m*", label);
  for (const bool exclude : {false, true}) {
    SCOPED_TRACE(exclude ? "excluded" : "not excluded");
    const std::string md = report_of(g, test::failures_results(g, exclude ? std::vector<std::string>{"e|m*"}
                                                                          : std::vector<std::string>{}));
    const std::string html = render(md);
    EXPECT_EQ(html.find("<em>not emphasis"), std::string::npos) << html;
    EXPECT_EQ(html.find("<a href"), std::string::npos) << html;
    EXPECT_EQ(html.find("<b>x</b>"), std::string::npos) << html;
    EXPECT_NE(html.find(html_text(label) + " (" + html_text("e|m*") + ")"), std::string::npos) << html;
  }
}

}  // namespace
