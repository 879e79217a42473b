// The chronology: the order of dated entries (partial dates, times with
// offsets, ties), the undated evidence last, what each entry bears on
// (through chains and cycles of evidence, stopping at claims), the CSV table
// read back by a strict RFC 4180 reader with hostile text in every cell, the
// HTML page's escaping, the same bytes twice, redacted nodes, and Parler's
// chronology against its golden file, read row by row.

#include "claimgraph/io/chronology_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <cstdint>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/citation.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/redact.hpp"
#include "io/csv_table.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

using namespace std::string_literals;
using test::read_csv;
using test::Table;
using test::unneutralised;
using Vertex = Graph::NodeRef;

// The pieces one after the other (appended: GCC 12 warns falsely about
// "literal" + std::string).
std::string cat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view p : pieces) out.append(p);
  return out;
}

Citation cite(std::string document, std::optional<std::string> date = {}) {
  Citation c;
  c.document = std::move(document);
  c.date = std::move(date);
  return c;
}

Vertex add(Graph& g, std::string id, NodeKind kind, std::vector<Citation> cites = {},
           std::optional<std::string> party = {}) {
  Node n;
  n.label = cat({"Label of ", id});
  n.id = std::move(id);
  n.kind = kind;
  n.cite = std::move(cites);
  n.party = std::move(party);
  return g.add_node(std::move(n));
}

std::vector<std::string> ids(const Graph& g, const std::vector<ChronologyEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.emplace_back(g.id(e.node));
  return out;
}

std::vector<std::string> ids(const Graph& g, const std::vector<Vertex>& nodes) {
  std::vector<std::string> out;
  for (Vertex v : nodes) out.emplace_back(g.id(v));
  return out;
}

const ChronologyEntry& entry_of(const Graph& g, const std::vector<ChronologyEntry>& entries, std::string_view id) {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return g.id(e.node) == id; });
  if (it == entries.end()) throw std::runtime_error(cat({"no entry ", id}));
  return *it;
}

std::string csv(const Graph& g, const ChronologyOptions& options = {}) {
  std::ostringstream out;
  write_chronology_csv(out, g, options);
  return out.str();
}

std::string html(const Graph& g, const ChronologyOptions& options = {}) {
  std::ostringstream out;
  write_chronology_html(out, g, options);
  return out.str();
}

Graph parler() {
  const auto path = test::graphs_dir() / "parler_v_aws.json";
  ReadOptions o;
  o.file_name = path.string();
  return read_json(test::read_text(path), o).graph;
}

// --- order ---------------------------------------------------------------------------

TEST(ChronologyTest, PartialDatesSortByTheirStartAndTimesByTheirInstantInUtc) {
  Graph g;
  // Written out of order, with an undated claim and undated evidence among them.
  add(g, "z_utc", NodeKind::evidence, {cite("D", "2021-01-11T08:00Z")});
  add(g, "undated_claim", NodeKind::claim);
  add(g, "pst", NodeKind::evidence, {cite("D", "2021-01-10T23:59-08:00")});
  add(g, "day_11", NodeKind::evidence, {cite("D", "2021-01-11")});
  add(g, "no_date", NodeKind::evidence, {cite("D")});
  add(g, "day_10", NodeKind::evidence, {cite("D", "2021-01-10")});
  add(g, "month", NodeKind::evidence, {cite("D", "2021-01")});
  add(g, "year", NodeKind::evidence, {cite("D", "2021")});
  add(g, "first_day", NodeKind::counterclaim, {cite("D", "2021-01-01")});
  add(g, "midnight", NodeKind::evidence, {cite("D", "2021-01-01T00:00Z")});
  add(g, "december", NodeKind::claim, {cite("D", "2020-12")});
  add(g, "east", NodeKind::evidence, {cite("D", "2021-01-11T02:59+05:00")});
  add(g, "no_cite", NodeKind::evidence);
  const auto entries = chronology(g);
  // 23:59 at -08:00 is 07:59 UTC on the 11th: after the 11th's midnight, before 08:00Z.
  // 02:59 at +05:00 is 21:59 UTC on the 10th. A year, its first month, day
  // and midnight start at the same instant: coarsest first.
  EXPECT_EQ(ids(g, entries), (std::vector<std::string>{"december", "year", "month", "first_day", "midnight", "day_10",
                                                      "east", "day_11", "pst", "z_utc", "no_date", "no_cite"}));
  EXPECT_EQ(entry_of(g, entries, "pst").date->precision, DatePrecision::time);
  EXPECT_FALSE(entry_of(g, entries, "no_date").date);
  EXPECT_FALSE(entry_of(g, entries, "no_cite").cite);
}

TEST(ChronologyTest, TiesGoInFileOrderAndANodeIsDatedByItsEarliestCitation) {
  Graph g;
  add(g, "b", NodeKind::evidence, {cite("D", "2022-05-05")});
  add(g, "a", NodeKind::evidence, {cite("D", "2022-05-05")});
  // Its first citation is later than its second: the second dates it.
  add(g, "two", NodeKind::evidence, {cite("Late", "2022-06"), cite("Undated"), cite("Early", "2022-05-05")});
  add(g, "bad", NodeKind::evidence, {cite("Unreadable", "5 May 2022"), cite("Read", "2022-05-06")});
  const auto entries = chronology(g);
  EXPECT_EQ(ids(g, entries), (std::vector<std::string>{"b", "a", "two", "bad"}));
  EXPECT_EQ(*entry_of(g, entries, "two").cite, 2u);
  EXPECT_EQ(*entry_of(g, entries, "bad").cite, 1u);
  // The table says the date as written and the citation that dates it.
  const Table t = read_csv(csv(g));
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[3][0], "2022-05-05");
  EXPECT_EQ(t[3][5], "Early (2022-05-05)");
}

TEST(ChronologyTest, UndatedEvidenceComesLastUnderDateUnknownInFileOrder) {
  Graph g;
  add(g, "u2", NodeKind::evidence, {cite("No date here")});
  add(g, "claim", NodeKind::claim, {cite("Complaint")});
  add(g, "d", NodeKind::evidence, {cite("D", "1999")});
  add(g, "u1", NodeKind::evidence);
  const Table t = read_csv(csv(g));
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1][2], "d");
  EXPECT_EQ(t[2][0], "date unknown");
  EXPECT_EQ(t[2][2], "u2");
  EXPECT_EQ(t[2][5], "No date here");
  EXPECT_EQ(t[3][0], "date unknown");
  EXPECT_EQ(t[3][2], "u1");
  EXPECT_EQ(t[3][5], "");
}

// --- what an entry bears on --------------------------------------------------------------

TEST(ChronologyTest, BearsOnTheNearestClaimsThroughChainsAndCyclesOfEvidence) {
  Graph g;
  const Vertex top = add(g, "top", NodeKind::claim);
  const Vertex c1 = add(g, "c1", NodeKind::claim);
  const Vertex c2 = add(g, "c2", NodeKind::counterclaim);
  const Vertex c3 = add(g, "c3", NodeKind::claim, {cite("Claim", "2020-01-01")});
  const Vertex e1 = add(g, "e1", NodeKind::evidence, {cite("D", "2020-01-02")});
  const Vertex e2 = add(g, "e2", NodeKind::evidence);
  const Vertex e3 = add(g, "e3", NodeKind::evidence);
  const Vertex k1 = add(g, "k1", NodeKind::evidence, {cite("D", "2020-01-03")});
  const Vertex k2 = add(g, "k2", NodeKind::evidence);
  const Vertex k3 = add(g, "k3", NodeKind::evidence);
  const Vertex u = add(g, "u", NodeKind::evidence, {cite("D", "2020-01-04")});
  const Vertex s = add(g, "s", NodeKind::evidence);
  const Vertex lone = add(g, "lone", NodeKind::evidence);
  // A chain e1 → e2 → e3 → c1, and e1 also straight to c1 (listed once).
  g.add_edge(e1, e2, Relation::supports);
  g.add_edge(e2, e3, Relation::supports);
  g.add_edge(e3, c1, Relation::supports);
  g.add_edge(e1, c1, Relation::contradicts);
  // A cycle k1 → k2 → k3 → k1, leaving it for c2 and c3.
  g.add_edge(k1, k2, Relation::supports);
  g.add_edge(k2, k3, Relation::supports);
  g.add_edge(k3, k1, Relation::supports);
  g.add_edge(k3, c3, Relation::contradicts);
  g.add_edge(k2, c2, Relation::element_of);
  // Claims are not gone through: c1 and c3 rest on top, but nothing bears on top through them.
  g.add_edge(c1, top, Relation::element_of);
  g.add_edge(c3, top, Relation::supports);
  g.add_edge(c2, c3, Relation::contradicts);
  // An undercut bears on the claim whose support it attacks.
  const auto support = g.add_edge(s, c2, Relation::supports);
  g.add_undercut(u, g.edge(support).index);
  const auto entries = chronology(g);
  EXPECT_EQ(ids(g, entry_of(g, entries, "e1").bears_on), (std::vector<std::string>{"c1"}));
  EXPECT_EQ(ids(g, entry_of(g, entries, "e2").bears_on), (std::vector<std::string>{"c1"}));
  EXPECT_EQ(ids(g, entry_of(g, entries, "k1").bears_on), (std::vector<std::string>{"c2", "c3"}));
  EXPECT_EQ(ids(g, entry_of(g, entries, "k3").bears_on), (std::vector<std::string>{"c2", "c3"}));
  EXPECT_EQ(ids(g, entry_of(g, entries, "u").bears_on), (std::vector<std::string>{"c2"}));
  EXPECT_EQ(ids(g, entry_of(g, entries, "s").bears_on), (std::vector<std::string>{"c2"}));
  EXPECT_EQ(ids(g, entry_of(g, entries, "c3").bears_on), (std::vector<std::string>{"top"}));
  EXPECT_TRUE(entry_of(g, entries, "lone").bears_on.empty());
  (void)top;
  (void)lone;
}

TEST(ChronologyTest, AClaimInACycleBearsOnTheClaimsItReachesButNotItself) {
  Graph g;
  const Vertex a = add(g, "a", NodeKind::claim, {cite("A", "2020")});
  const Vertex e = add(g, "e", NodeKind::evidence, {cite("E", "2021")});
  const Vertex b = add(g, "b", NodeKind::claim, {cite("B", "2022")});
  g.add_edge(a, e, Relation::supports);  // a claim offered for evidence: unusual, allowed
  g.add_edge(e, a, Relation::supports);
  g.add_edge(e, b, Relation::supports);
  g.add_edge(b, a, Relation::contradicts);
  g.add_self_attack(b);
  const auto entries = chronology(g);
  EXPECT_EQ(ids(g, entry_of(g, entries, "a").bears_on), (std::vector<std::string>{"b"}))
      << "a reaches itself through the evidence it supports, and b";
  EXPECT_EQ(ids(g, entry_of(g, entries, "e").bears_on), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(ids(g, entry_of(g, entries, "b").bears_on), (std::vector<std::string>{"a"}));
}

TEST(ChronologyTest, ALongChainAndAWideFanAreWrittenWithoutRecursion) {
  Graph g;
  const std::size_t n = 200000;
  const Vertex claim = add(g, "claim", NodeKind::claim);
  Vertex previous = claim;
  for (std::size_t i = 0; i < n; ++i) {
    const Vertex v = add(g, test::numbered("e", i), NodeKind::evidence, {cite("D", "2020-01-01")});
    g.add_edge(v, previous, Relation::supports);
    previous = v;
  }
  const auto entries = chronology(g);
  ASSERT_EQ(entries.size(), n);
  for (const auto& entry : entries) ASSERT_EQ(entry.bears_on, std::vector<Vertex>{claim});
}

// --- CSV --------------------------------------------------------------------------------

TEST(ChronologyTest, TheTableHasItsColumnsAndTheStatusOfWhatEachEntryBearsOn) {
  Graph g;
  const Vertex c = add(g, "c", NodeKind::claim);
  const Vertex d = add(g, "d", NodeKind::counterclaim);
  const Vertex e = add(g, "e", NodeKind::evidence, {cite("Letter", "2020-02-02")}, "Acme");
  const Vertex f = add(g, "f", NodeKind::evidence, {cite("Memo", "2020-02-03")});
  g.add_edge(e, c, Relation::supports);
  g.add_edge(e, d, Relation::supports);
  g.add_edge(f, d, Relation::contradicts);
  g.add_edge(d, c, Relation::contradicts);
  const auto results = analysis::analyse(g, {true, true});
  ChronologyOptions options;
  options.analyses = results.analyses();
  const Table t = read_csv(csv(g, options));
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], (std::vector<std::string>{"date", "label", "id", "kind", "party", "citation", "status", "bears_on"}));
  EXPECT_EQ(t[1], (std::vector<std::string>{"2020-02-02", "Label of e", "e", "evidence", "Acme", "Letter (2020-02-02)",
                                            "IN", "c (IN)\nd (OUT)"}));
  EXPECT_EQ(t[2][6], "IN");
  EXPECT_EQ(t[2][7], "d (OUT)");
  // Without the status: the same columns, the status left out.
  const Table plain = read_csv(csv(g));
  EXPECT_EQ(plain[1][6], "");
  EXPECT_EQ(plain[1][7], "c\nd");
  // Excel's byte order mark, when asked.
  options.byte_order_mark = true;
  EXPECT_EQ(csv(g, options).substr(0, 8), "\xEF\xBB\xBF" "date,");
}

// Every text a cell holds, hostile: it reads back as written (formulas
// neutralised by one apostrophe), and no cell would run as a formula.
const std::vector<std::string> hostile{
    "=HYPERLINK(\"http://evil\",\"x\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "  =1 after spaces",
    "'apostrophe first",
    "comma, \"quotes\" and\nline\r\nbreaks",
    "trailing space ",
    "emoji 😀 👩‍⚖️ § ¶ “curly” — ﬁ",
    "RTL \u200F\u202Ereversed\u202C",
    "<b>markup</b> & &amp;",
};

TEST(ChronologyTest, HostileTextReadsBackFromEveryCellAndRunsNoFormula) {
  Graph g;
  const Vertex claim = add(g, "=claim,\"x\"", NodeKind::claim);
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    Node n;
    n.id = hostile[i] + test::numbered(" #", i);
    for (char& ch : n.id) {
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';  // ids hold no control characters
    }
    n.kind = NodeKind::evidence;
    n.label = hostile[i];
    n.party = hostile[(i + 1) % hostile.size()];
    Citation c;
    c.document = hostile[(i + 2) % hostile.size()];
    c.pin = hostile[(i + 3) % hostile.size()];
    c.date = test::numbered("2020-03-", 10 + i);
    n.cite.push_back(c);
    const Vertex v = g.add_node(std::move(n));
    g.add_edge(v, claim, Relation::supports);
  }
  const std::string text = csv(g);
  Table t;
  ASSERT_NO_THROW(t = read_csv(text)) << text;
  ASSERT_EQ(t.size(), hostile.size() + 1);
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    SCOPED_TRACE(i);
    const auto& row = t[i + 1];
    const Node& n = g.node(i + 1);
    for (const auto& cell : row) EXPECT_FALSE(test::formula_like(cell)) << cell;
    EXPECT_EQ(unneutralised(row[1]), test::as_read(n.label));
    EXPECT_EQ(unneutralised(row[2]), test::as_read(n.id));
    EXPECT_EQ(unneutralised(row[4]), test::as_read(*n.party));
    EXPECT_EQ(unneutralised(row[5]), test::as_read(format_citation(n.cite[0])));
    EXPECT_EQ(unneutralised(row[7]), "=claim,\"x\"");
  }
}

// --- HTML -------------------------------------------------------------------------------

// The tags of a page and the names of their attributes, as "tag attr attr".
std::set<std::string> tags_of(const std::string& page) {
  std::set<std::string> out;
  static const std::regex tag(R"(<(/?[!A-Za-z][A-Za-z0-9]*)([^<>]*)>)");
  static const std::regex attribute(R"re(\s([a-zA-Z-]+)="[^"]*")re");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), tag); it != std::sregex_iterator(); ++it) {
    std::string what = (*it)[1].str();
    const std::string rest = (*it)[2].str();
    for (auto a = std::sregex_iterator(rest.begin(), rest.end(), attribute); a != std::sregex_iterator(); ++a) {
      what.append(1, ' ').append((*a)[1].str());
    }
    out.insert(what);
  }
  return out;
}

TEST(ChronologyTest, HtmlEscapesEveryTextAndHoldsOnlyItsOwnMarkup) {
  const std::vector<std::string> evil{
      "</title><script>alert(1)</script>",
      "<img src=x onerror=alert(2)>",
      "\"quoted\" 'single' & &amp; &lt;",
      "<!-- comment --> ]]> <![CDATA[",
      "</style><style>body{display:none}</style>",
      "line\nbreak and\ttab",
      "controls \x01\x1f\x7f nul\0!"s,
      "invalid \xFF\xFE bytes",
      "javascript:alert(3)",
  };
  Graph g;
  g.title = evil[0];
  g.description = evil[1];
  const Vertex claim = add(g, "<claim id=\"x\">", NodeKind::claim, {}, evil[2]);
  g.node(claim).label = evil[4];
  for (std::size_t i = 0; i < evil.size(); ++i) {
    Node n;
    n.id = cat({test::numbered("e", i), " <i>"});
    n.kind = NodeKind::evidence;
    n.label = evil[i];
    n.party = evil[(i + 1) % evil.size()];
    Citation c;
    c.document = evil[(i + 2) % evil.size()];
    c.quote = evil[(i + 3) % evil.size()];
    if (i % 2 == 0) c.date = test::numbered("2020-04-", 10 + i);
    n.cite.push_back(c);
    const Vertex v = g.add_node(std::move(n));
    g.add_edge(v, claim, Relation::supports);
  }
  const auto results = analysis::analyse(g, {true, true});
  ChronologyOptions options;
  options.analyses = results.analyses();
  const std::string page = html(g, options);
  const std::set<std::string> allowed{
      "!DOCTYPE",
      "html lang",
      "head",
      "/head",
      "meta charset",
      "meta name content",
      "meta http-equiv content",
      "title",
      "/title",
      "style",
      "/style",
      "body",
      "/body",
      "header",
      "/header",
      "h1",
      "/h1",
      "p class",
      "p",
      "/p",
      "ul class aria-label",
      "ul",
      "/ul",
      "li class",
      "li class aria-hidden",
      "li",
      "/li",
      "span class",
      "span",
      "/span",
      "main",
      "/main",
      "h2",
      "/h2",
      "ol class",
      "/ol",
      "div class",
      "/div",
      "time datetime",
      "/time",
      "h3",
      "/h3",
      "code",
      "/code",
      "blockquote",
      "/blockquote",
      "footer",
      "/footer",
      "/html",
  };
  for (const auto& t : tags_of(page)) EXPECT_TRUE(allowed.contains(t)) << "a tag the page does not write: " << t;
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<!--"), std::string::npos);
  EXPECT_EQ(page.find('\0'), std::string::npos);
  EXPECT_EQ(page.find('\x01'), std::string::npos);
  EXPECT_EQ(page.find("\xFF"), std::string::npos);
  EXPECT_NE(page.find("<title>Chronology: &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"),
            std::string::npos);
  EXPECT_NE(page.find("<h3>&lt;img src=x onerror=alert(2)&gt;</h3>"), std::string::npos);
  EXPECT_NE(page.find("<code>&lt;claim id=&quot;x&quot;&gt;</code>"), std::string::npos);
  EXPECT_EQ(std::count(page.begin(), page.end(), '<') , std::count(page.begin(), page.end(), '>'));
  // One style sheet, and it is the page's own.
  EXPECT_EQ(page.find("<style>"), page.rfind("<style>"));
  // Nothing is fetched, nothing runs.
  EXPECT_NE(page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                      "'unsafe-inline'; base-uri 'none'; form-action 'none'\">"),
            std::string::npos);
  EXPECT_EQ(page.find("url("), std::string::npos);
}

TEST(ChronologyTest, ThePageShowsEachEntryWithItsDatePartyCitationAndClaims) {
  const Graph g = parler();
  const auto results = analysis::analyse(g, {true, true});
  ChronologyOptions options;
  options.analyses = results.analyses();
  const std::string page = html(g, options);
  const auto entries = chronology(g);
  std::size_t count = 0;
  for (auto at = page.find("<li class=\"entry "); at != std::string::npos; at = page.find("<li class=\"entry ", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, entries.size());
  // The date in words and as written, and the order of the sections.
  const auto notice = page.find("<time datetime=\"2021-01-10T23:59-08:00\">10 January 2021, 23:59 UTC\u221208:00</time>");
  ASSERT_NE(notice, std::string::npos);
  EXPECT_NE(page.find("<time datetime=\"2020-12\">December 2020</time>"), std::string::npos);
  const auto unknown = page.find("<h2>Date unknown</h2>");
  ASSERT_NE(unknown, std::string::npos);
  EXPECT_LT(notice, unknown);
  EXPECT_GT(page.find("<h3>Agreement § 7.2(b)(i): 30 days to cure a material breach</h3>"), unknown);
  // The parties, coloured in the order they first appear, and named.
  EXPECT_NE(page.find("<li class=\"p0\"><span class=\"swatch\"></span>Parler</li>\n"
                      "<li class=\"p1\"><span class=\"swatch\"></span>AWS</li>\n"
                      "<li class=\"p2\"><span class=\"swatch\"></span>Court</li>"),
            std::string::npos);
  // What the notice bears on, with the status in words.
  const auto card = page.substr(notice, page.find("</li>\n</ul>", notice) - notice);
  EXPECT_NE(card.find("<span class=\"party\">Parler</span> · evidence · <code>notice_30h</code>"), std::string::npos)
      << card;
  EXPECT_NE(card.find("<p class=\"cite\">Verified Complaint (Dkt. 1), ¶ 3 (2021-01-10T23:59-08:00)</p>"),
            std::string::npos);
  const std::string k2 = analysis::to_string(results.status->labels[*g.find("k2")]);
  EXPECT_NE(card.find(cat({"<li><span class=\"status ", k2, "\">", k2, "</span>AWS breached the contract <code>k2</code></li>"})),
            std::string::npos)
      << card;
  // A quote is shown under its citation.
  EXPECT_NE(page.find("<blockquote>“remains uncured for a period of 30 days from receipt of notice”</blockquote>"),
            std::string::npos);
}

TEST(ChronologyTest, SameInputSameBytes) {
  const Graph g = parler();
  const auto results = analysis::analyse(g, {true, true});
  ChronologyOptions options;
  options.analyses = results.analyses();
  const std::string table = csv(g, options);
  const std::string page = html(g, options);
  EXPECT_EQ(csv(Graph(g), options), table);
  EXPECT_EQ(csv(parler(), options), table);
  EXPECT_EQ(html(Graph(g), options), page);
  EXPECT_EQ(html(parler(), options), page);
}

// --- redaction --------------------------------------------------------------------------

TEST(ChronologyTest, ARedactedNodeShowsNoDateNorCitation) {
  Graph g;
  const Vertex c = add(g, "late", NodeKind::claim);
  const Vertex memo = add(g, "memo", NodeKind::evidence, {cite("Counsel's memo", "1987-06-05")}, "Counsel");
  const Vertex log = add(g, "log", NodeKind::evidence, {cite("Delivery log", "2020-01-01")});
  g.node(memo).privileged = true;
  g.add_edge(memo, c, Relation::supports);
  g.add_edge(log, c, Relation::supports);
  const auto results = analysis::analyse(g, {true, true});
  for (const RedactMode mode : {RedactMode::mask, RedactMode::drop}) {
    SCOPED_TRACE(static_cast<int>(mode));
    RedactOptions redact_options;
    redact_options.mode = mode;
    const Redaction r = redact(g, redact_options);
    const auto restricted = restrict(results, r);
    ChronologyOptions options;
    options.analyses = restricted.analyses();
    const std::string table = csv(r.view.graph, options);
    const std::string page = html(r.view.graph, options);
    for (const std::string& out : {table, page}) {
      EXPECT_EQ(out.find("1987"), std::string::npos);
      EXPECT_EQ(out.find("memo"), std::string::npos);
      EXPECT_EQ(out.find("Counsel"), std::string::npos);
    }
    const Table t = read_csv(table);
    if (mode == RedactMode::mask) {
      ASSERT_EQ(t.size(), 3u);
      EXPECT_EQ(t[1][2], "log");
      EXPECT_EQ(t[2], (std::vector<std::string>{"date unknown", "[redacted]", "redacted-1", "evidence", "", "", "IN",
                                                "late (IN)"}));
      EXPECT_NE(page.find("<li class=\"entry pn redacted\">"), std::string::npos);
    } else {
      ASSERT_EQ(t.size(), 2u);
      EXPECT_EQ(t[1][2], "log");
    }
  }
}

// --- Parler ------------------------------------------------------------------------------

TEST(ChronologyTest, ParlerMatchesGolden) {
  const Graph g = parler();
  const auto results = analysis::analyse(g, {true, true});  // as `claimgraph export --to chronology` does
  ChronologyOptions options;
  options.analyses = results.analyses();
  const std::string mismatch = test::golden_mismatch("parler_v_aws.chronology.csv", csv(g, options));
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST(ChronologyTest, ParlersGoldenFileReadsAsItsChronology) {
  const Graph g = parler();
  const auto results = analysis::analyse(g, {true, true});
  const Table t = read_csv(test::read_text(test::golden_dir() / "parler_v_aws.chronology.csv"));
  ASSERT_GT(t.size(), 20u);
  EXPECT_EQ(t[0], (std::vector<std::string>{"date", "label", "id", "kind", "party", "citation", "status", "bears_on"}));
  std::set<std::string> seen;
  std::int64_t last = std::numeric_limits<std::int64_t>::min();
  bool undated = false;
  std::string why;
  for (std::size_t r = 1; r < t.size(); ++r) {
    const auto& row = t[r];
    SCOPED_TRACE(row[2]);
    ASSERT_EQ(row.size(), 8u);
    EXPECT_TRUE(seen.insert(row[2]).second) << "listed twice";
    const auto v = g.find(row[2]);
    ASSERT_TRUE(v);
    const Node& node = g.node(*v);
    EXPECT_EQ(row[1], node.label);
    EXPECT_EQ(row[3], to_string(node.kind));
    EXPECT_EQ(row[4], node.party.value_or(""));
    EXPECT_EQ(row[6], analysis::to_string(results.status->labels[*v]));
    if (row[0] == "date unknown") {
      undated = true;
      EXPECT_EQ(node.kind, NodeKind::evidence);
      EXPECT_FALSE(earliest_dated(node));
      EXPECT_EQ(row[5], format_citations(node.cite));
    } else {
      EXPECT_FALSE(undated) << "a dated row after the undated ones";
      const auto i = earliest_dated(node);
      ASSERT_TRUE(i);
      EXPECT_EQ(row[0], *node.cite[*i].date);
      EXPECT_EQ(row[5], format_citation(node.cite[*i]));
      const auto date = parse_date(row[0], why);
      ASSERT_TRUE(date);
      EXPECT_GE(date->start, last) << "out of date order";
      last = date->start;
    }
    // Each claim it bears on is a claim or counterclaim one of its edges
    // reaches, with its status.
    for (const std::string& line : test::lines_of(row[7])) {
      const auto open = line.rfind(" (");
      ASSERT_NE(open, std::string::npos) << line;
      const auto c = g.find(line.substr(0, open));
      ASSERT_TRUE(c) << line;
      EXPECT_TRUE(is_claim_like(g.node(*c).kind));
      EXPECT_EQ(line.substr(open), cat({" (", analysis::to_string(results.status->labels[*c]), ")"}));
    }
  }
  // Every piece of evidence is listed, and every dated claim.
  for (Vertex v = 0; v < g.node_count(); ++v) {
    const Node& node = g.node(v);
    EXPECT_EQ(seen.contains(node.id), node.kind == NodeKind::evidence || earliest_dated(node).has_value()) << node.id;
  }
  // Read from the file: the record as the case tells it.
  auto row_of = [&](std::string_view id) {
    return *std::find_if(t.begin(), t.end(), [&](const auto& row) { return row[2] == id; });
  };
  EXPECT_EQ(t[1][2], "person_x") << "October 2020, the earliest date of the record";
  EXPECT_EQ(t[1][0], "2020-10");
  EXPECT_EQ(t[2][2], "aws_100_posts");
  EXPECT_EQ(t[3][2], "aws_twitter_deal");
  EXPECT_EQ(row_of("aws_email")[0], "2021-01-09");
  EXPECT_EQ(row_of("notice_30h")[0], "2021-01-10T23:59-08:00");
  auto position = [&](std::string_view id) {
    return std::find_if(t.begin(), t.end(), [&](const auto& row) { return row[2] == id; }) - t.begin();
  };
  EXPECT_EQ(position("notice_30h"), position("aws_email") + 1);
  EXPECT_EQ(position("motion"), position("notice_30h") + 1) << "the order of 21 January; the motion is first in the file";
  EXPECT_EQ(row_of("notice_30h")[7].substr(0, 3), "k2 ");
  EXPECT_NE(row_of("notice_30h")[7].find("\nt3 ("), std::string::npos);
  EXPECT_EQ(row_of("motion")[3], "claim") << "a dated claim is an entry";
  EXPECT_EQ(row_of("motion")[7], "") << "the motion is the top of the case";
  EXPECT_EQ(row_of("ord_denied")[7].substr(0, 7), "motion ");
  EXPECT_EQ(row_of("growth")[0], "date unknown");
  EXPECT_EQ(row_of("growth")[7].substr(0, 3), "s3 ");
  EXPECT_EQ(t.back()[0], "date unknown");
}

}  // namespace
}  // namespace claimgraph::io
