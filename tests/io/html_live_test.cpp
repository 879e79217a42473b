// The page served live (HtmlOptions::live) and the page of the problems, as
// text: what they add to the page on its own, and nothing else; hostile text
// escaped. What they do in a browser is tested in serve_page_test.cpp.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/io/html_writer.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

Graph parler() {
  const auto path = test::graphs_dir() / "parler_v_aws.json";
  return read_json(test::read_text(path)).graph;
}

std::string page(const Graph& g, const HtmlLive* live) {
  HtmlOptions options;
  options.live = live;
  std::ostringstream out;
  write_html(out, g, options);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlLiveTest, TheLivePageIsThePageWithTheLivePartsAdded) {
  const Graph g = parler();
  HtmlLive live;
  live.version = 7;
  live.notes = {"case.json:3:5: warning: /nodes/0: claim \"x\" has no party <script>alert(1)</script>"};
  const std::string plain = page(g, nullptr);
  const std::string served = page(g, &live);
  EXPECT_EQ(plain.find("claimgraph-live"), std::string::npos);
  EXPECT_EQ(plain.find("connect-src"), std::string::npos);
  EXPECT_NE(served.find("<meta name=\"claimgraph-live\" content=\"7\">\n"), std::string::npos);
  EXPECT_NE(served.find("img-src data:; connect-src 'self'; base-uri 'none'"), std::string::npos);
  EXPECT_NE(served.find("<summary>1 warning about the case"), std::string::npos);
  EXPECT_NE(served.find("has no party &lt;script&gt;alert(1)&lt;/script&gt;</code></li>"), std::string::npos);
  EXPECT_EQ(count(served, "<script>alert"), 0u);
  // Two scripts: the one that follows the server runs first.
  EXPECT_EQ(count(plain, "<script>\n"), 1u);
  EXPECT_EQ(count(served, "<script>\n"), 2u);
  EXPECT_LT(served.find("<script>\n// What a page served by `claimgraph serve` adds"),
            served.find("<script>\n// The page written by io::write_html"));
  // Take the live parts out, and the page on its own is left, byte for byte.
  std::string stripped = served;
  auto cut = [&](const std::string& from, const std::string& to) {
    const auto a = stripped.find(from);
    ASSERT_NE(a, std::string::npos) << from;
    const auto b = stripped.find(to, a);
    ASSERT_NE(b, std::string::npos) << to;
    stripped.erase(a, b + to.size() - a);
  };
  cut("<meta name=\"claimgraph-live\"", "\">\n");
  cut(" connect-src 'self';", ";");
  cut("<details class=\"cg-notes\">", "</details>\n");
  cut("/* What a page served by `claimgraph serve` adds", "@media print { .cg-live, .cg-notes { display: none !important; } }\n");
  cut("<script>\n// What a page served by `claimgraph serve` adds", "</script>\n");
  EXPECT_EQ(stripped, plain);
}

TEST(HtmlLiveTest, TheProblemsPageListsEachProblemAsPrinted) {
  HtmlLive live;
  live.version = 3;
  const std::vector<std::string> problems{
      "cases/a&b.json:1:54: error: /nodes/0/kind: unknown kind \"clam\"; did you mean \"claim\"?",
      "cases/a&b.json:9:7: warning: /nodes/2/lable: unknown field \"lable\" </li><script>x()</script>",
      "claimgraph: error: a message without a place"};
  std::ostringstream out;
  write_html_problems(out, "cases/a&b.json", problems, live);
  const std::string html = out.str();
  EXPECT_NE(html.find("<title>a&amp;b.json cannot be read</title>"), std::string::npos);
  EXPECT_NE(html.find("<h1>a&amp;b.json cannot be read</h1>"), std::string::npos);
  EXPECT_NE(html.find("claimgraph cannot read cases/a&amp;b.json: the 3 problems below stop it."), std::string::npos);
  EXPECT_NE(html.find("<li><code><span class=\"cg-where\">cases/a&amp;b.json:1:54:</span> <span class=\"cg-error\">"
                      "error</span>: /nodes/0/kind: unknown kind &quot;clam&quot;; did you mean &quot;claim&quot;?"
                      "</code></li>\n"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<span class=\"cg-warning\">warning</span>: /nodes/2/lable: unknown field &quot;lable&quot; "
                      "&lt;/li&gt;&lt;script&gt;x()&lt;/script&gt;</code></li>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"cg-where\">claimgraph:</span> <span class=\"cg-error\">error</span>: a message "
                      "without a place"),
            std::string::npos);
  EXPECT_NE(html.find("<meta name=\"claimgraph-live\" content=\"3\">"), std::string::npos);
  EXPECT_NE(html.find("new EventSource('/events')"), std::string::npos);
  EXPECT_EQ(count(html, "<script>"), 1u);
  EXPECT_NE(html.find("connect-src 'self'"), std::string::npos);
}

}  // namespace
}  // namespace claimgraph::io
