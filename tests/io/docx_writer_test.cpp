// The Word report: the Markdown report converted by pandoc, read back from
// the .docx as Word reads it (word/document.xml, word/media/): headings,
// tables and lists as Word's own, hostile labels as written, the diagram
// pages as images sized to the page, the paper of each section, the same
// bytes every time; and pandoc missing or failing, with no temporary
// directory left behind.

#include "claimgraph/io/docx_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/markdown_writer.hpp"
#include "io/docx_document.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;

Graph load(const std::string& name) { return read_json(test::read_text(test::graphs_dir() / (name + ".json"))).graph; }

// EMU, Word's unit of drawing: 914,400 to the inch.
constexpr double emu_per_point = 914400.0 / 72;

class DocxWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (test::pandoc_program().empty()) GTEST_SKIP() << "pandoc is not installed: cannot write DOCX";
    if (test::unzip_program().empty()) GTEST_SKIP() << "unzip is not installed: cannot read DOCX";
    // Temporary directories are made here, to see that none is left.
    const char* old = std::getenv("TMPDIR");
    if (old != nullptr) old_tmpdir_ = old;
    ::setenv("TMPDIR", temporaries_.path().c_str(), 1);
  }
  void TearDown() override {
    if (old_tmpdir_) {
      ::setenv("TMPDIR", old_tmpdir_->c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
  }

  // What is left in the temporary directory.
  [[nodiscard]] std::vector<std::string> left_behind() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(temporaries_.path())) names.push_back(e.path().filename().string());
    return names;
  }

  // Writes `graph` as DOCX to a file, and returns its path.
  fs::path write(const Graph& graph, const DocxOptions& options, const std::string& name = "report.docx") {
    std::ostringstream out;
    write_docx(out, graph, options);
    const fs::path path = output_ / name;
    test::write_text(path, out.str());
    return path;
  }

  test::TempDir output_;

 private:
  test::TempDir temporaries_;
  std::optional<std::string> old_tmpdir_;
};

// The lines of `markdown` that start with `prefix` (after indentation, with `indented`).
std::size_t lines_starting(const std::string& markdown, const std::string& prefix, bool indented = false) {
  std::size_t n = 0;
  for (const auto& line : test::lines_of(markdown)) {
    const std::string_view l = indented ? std::string_view(line).substr(std::min(line.size(), line.find_first_not_of(' ')))
                                        : std::string_view(line);
    n += l.starts_with(prefix) ? 1u : 0u;
  }
  return n;
}

std::size_t styled(const std::vector<test::DocxParagraph>& paragraphs, const std::string& style) {
  std::size_t n = 0;
  for (const auto& p : paragraphs) n += p.style == style ? 1u : 0u;
  return n;
}

TEST_F(DocxWriterTest, TheReportsStructureBecomesWords) {
  const Graph g = load("parler_v_aws");
  const auto results = analysis::analyse(g, {true, true});
  DocxOptions options;
  options.analyses = results.analyses();
  options.diagrams = false;
  const fs::path docx = write(g, options);

  MarkdownOptions md_options;
  md_options.analyses = results.analyses();
  std::ostringstream md_out;
  write_markdown(md_out, g, md_options);
  const std::string md = md_out.str();

  const std::string document = test::docx_part(docx, "word/document.xml");
  const auto paragraphs = test::docx_paragraphs(document);
  // The title is the document's; each level of heading one up.
  ASSERT_EQ(styled(paragraphs, "Title"), 1u);
  EXPECT_EQ(paragraphs.front().style, "Title");
  EXPECT_EQ(paragraphs.front().text, *g.title);
  EXPECT_NE(test::docx_part(docx, "docProps/core.xml").find("<dc:title>Parler LLC v. Amazon Web Services, Inc.</dc:title>"),
            std::string::npos);
  EXPECT_EQ(styled(paragraphs, "Heading1"), lines_starting(md, "## "));
  EXPECT_EQ(styled(paragraphs, "Heading2"), lines_starting(md, "### "));
  EXPECT_EQ(styled(paragraphs, "Heading3"), lines_starting(md, "#### "));
  EXPECT_GE(styled(paragraphs, "Heading3"), 9u);
  // Every table, and every item of every list, at every depth.
  std::size_t tables = 0;
  for (auto at = document.find("<w:tbl>"); at != std::string::npos; at = document.find("<w:tbl>", at + 1)) ++tables;
  EXPECT_EQ(tables, lines_starting(md, "|---|"));
  EXPECT_GE(tables, 10u);
  std::size_t items = 0;
  for (const auto& p : paragraphs) items += p.listed ? 1u : 0u;
  EXPECT_EQ(items, lines_starting(md, "- ", true));
  // Markdown's escapes are gone; what they escaped stays.
  bool unverified = false;
  for (const auto& p : paragraphs) {
    unverified = unverified || p.text.find("Items marked [unverified] were not confirmed") != std::string::npos;
    EXPECT_EQ(p.text.find("\\"), std::string::npos) << p.text;
  }
  EXPECT_TRUE(unverified);
  bool cell = false;
  for (const auto& p : paragraphs) cell = cell || (p.in_table && p.text == "Section 230 immunity bars the claim (aws_section_230) (counterclaim)");
  EXPECT_TRUE(cell) << "the counterclaim's row in the table of claims that lack evidence";
  // The tables have borders and a bold header row.
  const std::string styles = test::docx_part(docx, "word/styles.xml");
  EXPECT_TRUE(std::regex_search(styles, std::regex(R"(w:styleId="Table"[\s\S]*<w:tblBorders>[\s\S]*</w:style>)")));
  EXPECT_EQ(left_behind(), std::vector<std::string>{});
}

TEST_F(DocxWriterTest, HostileLabelsShowAsWritten) {
  const std::vector<std::string> hostile = {
      "Quote \"q\" and 'single' -- dash... and an ellipsis",
      "Back\\slash \\N \\\\ and a trailing \\",
      "<b>bold</b> & <script>alert(1)</script> &amp; &lt; &#x41;",
      "]]> --> <!-- end",
      "*star* _under_ **strong** ~~strike~~ `code` ^sup^ ~sub~",
      "| pipe | cell |",
      "[link](x) ![img](y) <z> <mailto:q> [^1] [ ] [x]",
      "# heading ## $x$ $$y$$ \\(math\\)",
      "1. not a list",
      "- not a list either",
      "+ nor this",
      ":smile: :scales: @smith2020 [@cite] {.class} {#id}",
      "see http://example.com/a_b and www.example.org/c_d",
      "emoji 🧑‍⚖️ and RTL \u202Eevil\u202C mark",
  };
  Graph g;
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    Node n;
    n.id = test::numbered("h", i);
    n.kind = i % 2 == 0 ? NodeKind::claim : NodeKind::counterclaim;
    n.label = hostile[i];
    n.group = hostile[i];
    g.add_node(std::move(n));
  }
  Node broken;
  broken.id = "b";
  broken.kind = NodeKind::claim;
  broken.label = "first line\nsecond line";
  g.add_node(std::move(broken));
  g.title = "Title <script>x</script> | # \"q\" & 'a' \\ *b*";
  DocxOptions options;
  options.diagrams = false;
  const fs::path docx = write(g, options);
  const std::string document = test::docx_part(docx, "word/document.xml");
  const auto paragraphs = test::docx_paragraphs(document);

  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs.front().style, "Title");
  EXPECT_EQ(paragraphs.front().text, *g.title);
  auto has = [&](const std::string& text, const std::string& style, bool in_table) {
    for (const auto& p : paragraphs) {
      if (p.text == text && p.style == style && p.in_table == in_table) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    SCOPED_TRACE(hostile[i]);
    // Its row in the table of claims that lack evidence, and its group's heading.
    const std::string row = hostile[i] + " (" + test::numbered("h", i) + ")" + (i % 2 == 0 ? "" : " (counterclaim)");
    EXPECT_TRUE(has(row, "Compact", true)) << row;
    EXPECT_TRUE(has(hostile[i], "Heading2", false));
  }
  // A line break in a table cell is Word's line break.
  EXPECT_TRUE(has("first line\nsecond line (b)", "Compact", true));
  EXPECT_NE(document.find("first line</w:t></w:r><w:r><w:br />"), std::string::npos);
  // Nothing became a link, a list, code, or emphasis of the labels.
  EXPECT_EQ(document.find("<w:hyperlink"), std::string::npos);
  for (const auto& p : paragraphs) {
    for (const auto& h : hostile) {
      if (p.listed && !p.text.empty() && h.ends_with(p.text)) ADD_FAILURE() << "a list item: " << p.text;
    }
  }
  EXPECT_EQ(document.find("VerbatimChar"), std::string::npos);
}

TEST_F(DocxWriterTest, DiagramPagesFollowTheReportSizedToThePage) {
  const Graph g = load("parler_v_aws");
  const auto results = analysis::analyse(g, {true, false});
  for (const PageSetup page : {PageSetup{Paper::letter, false}, PageSetup{Paper::a4, true}}) {
    SCOPED_TRACE(to_string(page.paper) + std::string(page.landscape ? " landscape" : ""));
    DocxOptions options;
    options.analyses = results.analyses();
    options.page = page;
    const fs::path docx = write(g, options);

    ExhibitOptions exhibit;
    exhibit.draw.dot.analyses = results.analyses();
    exhibit.draw.format = RenderFormat::png;
    exhibit.page = page;
    const Exhibit pages = draw_exhibit(g, exhibit);
    ASSERT_GT(pages.pages.size(), 1u);

    const auto images = test::docx_images(docx);
    ASSERT_EQ(images.size(), pages.pages.size());
    for (const auto& image : images) EXPECT_TRUE(test::is_png(image));

    const std::string document = test::docx_part(docx, "word/document.xml");
    const auto paragraphs = test::docx_paragraphs(document);
    // The list of pages, then the pages, each with its alternative text.
    for (std::size_t i = 0; i < pages.pages.size(); ++i) {
      bool listed = false;
      for (const auto& p : paragraphs) listed = listed || (p.in_table && p.text == pages.pages[i].heading);
      EXPECT_TRUE(listed) << pages.pages[i].heading;
      const std::string alt = "descr=\"Diagram, page " + std::to_string(i + 1) + " of " +
                              std::to_string(pages.pages.size()) + ": " + pages.pages[i].heading + "\"";
      EXPECT_NE(document.find(alt), std::string::npos) << alt;
    }
    // Each image as wide as the diagram section allows, as tall as its page.
    const PageSize size = page_size(page);
    const double width = docx_diagram_width(page);
    const std::regex extent(R"re(<wp:extent cx="([0-9]+)" cy="([0-9]+)")re");
    std::size_t extents = 0;
    for (auto it = std::sregex_iterator(document.begin(), document.end(), extent); it != std::sregex_iterator(); ++it) {
      ++extents;
      const double cx = std::stod((*it)[1].str()) / emu_per_point;
      const double cy = std::stod((*it)[2].str()) / emu_per_point;
      EXPECT_NEAR(cx, width, 0.1);
      EXPECT_NEAR(cy / cx, size.height / size.width, 0.01);
      EXPECT_LE(cx, size.width - 36);
      EXPECT_LE(cy, size.height - 36 - 9);  // within the margins, below the paragraph's space
    }
    EXPECT_EQ(extents, pages.pages.size());
    // Two sections: the report upright with margins of an inch, then the
    // diagram pages as turned, with margins of a quarter inch.
    const auto sections = test::docx_sections(document);
    ASSERT_EQ(sections.size(), 2u);
    PageSetup upright = page;
    upright.landscape = false;
    const PageSize report = page_size(upright);
    EXPECT_EQ(test::docx_attribute(sections[0], "w:pgSz", "w:w"), std::to_string(std::lround(report.width * 20)));
    EXPECT_EQ(test::docx_attribute(sections[0], "w:pgSz", "w:h"), std::to_string(std::lround(report.height * 20)));
    EXPECT_EQ(test::docx_attribute(sections[0], "w:pgSz", "w:orient"), "");
    EXPECT_EQ(test::docx_attribute(sections[0], "w:pgMar", "w:left"), "1440");
    EXPECT_EQ(test::docx_attribute(sections[1], "w:pgSz", "w:w"), std::to_string(std::lround(size.width * 20)));
    EXPECT_EQ(test::docx_attribute(sections[1], "w:pgSz", "w:h"), std::to_string(std::lround(size.height * 20)));
    EXPECT_EQ(test::docx_attribute(sections[1], "w:pgSz", "w:orient"), page.landscape ? "landscape" : "");
    EXPECT_EQ(test::docx_attribute(sections[1], "w:pgMar", "w:top"), "360");
    // The report's section ends after the list of pages, before the first image.
    EXPECT_LT(document.find("</w:sectPr>"), document.find("<w:drawing>"));
    EXPECT_GT(document.find("</w:sectPr>"), document.find(">What it shows<"));
  }
  EXPECT_EQ(left_behind(), std::vector<std::string>{});
}

TEST_F(DocxWriterTest, WithoutDiagramsOneSectionAndNoImages) {
  DocxOptions options;
  options.diagrams = false;
  options.page.paper = Paper::legal;
  const fs::path docx = write(load("negligence_example"), options);
  EXPECT_TRUE(test::docx_images(docx).empty());
  const auto sections = test::docx_sections(test::docx_part(docx, "word/document.xml"));
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(test::docx_attribute(sections[0], "w:pgSz", "w:h"), "20160");
  EXPECT_EQ(test::docx_attribute(sections[0], "w:pgMar", "w:left"), "1440");
}

TEST_F(DocxWriterTest, TheSameBytesEveryTime) {
  const Graph g = load("negligence_example");
  DocxOptions options;
  std::ostringstream first;
  write_docx(first, g, options);
  std::ostringstream second;
  write_docx(second, g, options);
  EXPECT_GT(first.str().size(), 10000u);
  EXPECT_TRUE(first.str() == second.str()) << "two writes differ";
  const fs::path docx = write(g, options);
  EXPECT_NE(test::docx_part(docx, "docProps/core.xml").find("1980-01-01T00:00:00Z"), std::string::npos);
}

TEST_F(DocxWriterTest, PandocMissing) {
  const Graph g = load("negligence_example");
  DocxOptions options;
  options.pandoc = "claimgraph-test-no-such-pandoc";
  try {
    std::ostringstream out;
    write_docx(out, g, options);
    ADD_FAILURE() << "no error";
  } catch (const ConversionError& e) {
    EXPECT_STREQ(e.what(), "pandoc is needed to write DOCX: install it with `apt-get install pandoc` (or run tools/setup)");
    EXPECT_EQ(e.program(), "claimgraph-test-no-such-pandoc");
  }
  options.pandoc = (output_ / "bin" / "pandoc").string();
  try {
    std::ostringstream out;
    write_docx(out, g, options);
    ADD_FAILURE() << "no error";
  } catch (const ConversionError& e) {
    EXPECT_EQ(std::string(e.what()), "pandoc is needed to write DOCX, and " + options.pandoc +
                                         " is not a program that can be run: install it with `apt-get install pandoc` "
                                         "(or run tools/setup)");
  }
  EXPECT_EQ(left_behind(), std::vector<std::string>{});
}

TEST_F(DocxWriterTest, PandocFailsAndSaysWhy) {
  const fs::path fake = output_ / "pandoc";
  test::write_text(fake, "#!/bin/sh\necho 'pandoc: something broke' >&2\necho 'on a second line' >&2\nexit 64\n");
  fs::permissions(fake, fs::perms::owner_all);
  DocxOptions options;
  options.pandoc = fake.string();
  try {
    std::ostringstream out;
    write_docx(out, load("negligence_example"), options);
    ADD_FAILURE() << "no error";
  } catch (const ConversionError& e) {
    EXPECT_STREQ(e.what(),
                 "pandoc failed to convert the report to DOCX (exit status 64): pandoc: something broke\n"
                 "on a second line");
    EXPECT_EQ(e.program_output(), "pandoc: something broke\non a second line");
  }
  EXPECT_EQ(left_behind(), std::vector<std::string>{});
}

TEST_F(DocxWriterTest, PandocsWarningsAreReported) {
  const fs::path fake = output_ / "pandoc";
  test::write_text(fake, "#!/bin/sh\necho '[WARNING] something odd' >&2\nexec '" + test::pandoc_program() + "' \"$@\"\n");
  fs::permissions(fake, fs::perms::owner_all);
  std::vector<Diagnostic> warnings;
  DocxOptions options;
  options.pandoc = fake.string();
  options.diagrams = false;
  options.draw.name = "case.json";
  options.draw.on_warning = [&](const Diagnostic& d) { warnings.push_back(d); };
  const fs::path docx = write(load("negligence_example"), options);
  EXPECT_FALSE(test::docx_paragraphs(test::docx_part(docx, "word/document.xml")).empty());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].format(), "case.json: warning: pandoc: [WARNING] something odd");
}

}  // namespace
}  // namespace claimgraph::io
