// `claimgraph export --to docx`, run as a user runs it: the Word report of
// the showcase with every claim the report names and its diagram pages; the
// paper; pandoc missing from PATH or failing; and no temporary directory
// left behind whatever happens.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/io/exhibit.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/markdown_writer.hpp"
#include "io/docx_document.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using test::RunResult;

class DocxCliTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    ProgramTest::SetUp();
    if (IsSkipped()) return;
    if (test::unzip_program().empty()) GTEST_SKIP() << "unzip is not installed: cannot read DOCX";
    fs::create_directory(temporaries_);
  }

  // Runs claimgraph with its temporary directories in temporaries_, and
  // `environment` set.
  RunResult claimgraph_with(std::vector<std::string> args, std::vector<std::string> environment = {}) const {
    args.insert(args.begin(), test::program());
    environment.push_back("TMPDIR=" + temporaries_.string());
    return test::run(args, std::nullopt, std::chrono::seconds::zero(), environment);
  }

  [[nodiscard]] std::vector<std::string> left_behind() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(temporaries_)) names.push_back(e.path().filename().string());
    return names;
  }

  void skip_without_pandoc() {
    if (test::pandoc_program().empty()) GTEST_SKIP() << "pandoc is not installed: cannot write DOCX";
  }

  test::TempDir tmp_;
  fs::path temporaries_ = tmp_ / "tmp";
};

TEST_F(DocxCliTest, ExportsTheShowcaseWithItsDiagramPages) {
  skip_without_pandoc();
  if (IsSkipped()) return;
  const fs::path out = tmp_ / "report.docx";
  const RunResult r = claimgraph_with({"export", graph("parler_v_aws"), "--evaluate", "-o", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(left_behind(), std::vector<std::string>{});

  // Every claim and counterclaim that the report names, as written.
  const std::string document = test::docx_part(out, "word/document.xml");
  std::string text;
  for (const auto& p : test::docx_paragraphs(document)) text += p.text + "\n";
  const std::string json = test::read_text(test::graphs_dir() / "parler_v_aws.json");
  const Graph g = io::read_json(json).graph;
  std::ostringstream markdown;
  io::write_markdown(markdown, g, {});
  // Every one is named, in the outline or in the record cited.
  const std::set<std::string> not_in_report;
  std::size_t claims = 0;
  const nlohmann::json parsed = nlohmann::json::parse(json);
  for (const auto& node : parsed["nodes"]) {
    const std::string kind = node["kind"];
    if (kind != "claim" && kind != "counterclaim") continue;
    ++claims;
    const std::string id = node["id"];
    const std::string label = node["label"];
    if (not_in_report.contains(id)) {
      EXPECT_EQ(markdown.str().find(label), std::string::npos) << id << " is in the report now: take it off the list";
      continue;
    }
    EXPECT_NE(text.find(label), std::string::npos) << id << ": " << label;
  }
  EXPECT_EQ(claims, 26u);
  // The record cited and the table of authorities, grouped.
  EXPECT_NE(text.find("Record cited\n"), std::string::npos);
  const auto toa = text.find("Table of authorities\nCases\nParler LLC v. Amazon Web Services, Inc., 514 F. Supp. 3d 1261 "
                             "(W.D. Wash. 2021), cited by:\n");
  EXPECT_NE(toa, std::string::npos) << text.substr(text.find("Table of authorities"), 400);
  EXPECT_NE(text.find("Statutes\n15 U.S.C. § 1, cited by:\n", toa), std::string::npos);
  EXPECT_NE(text.find("Other authorities\nFed. R. Civ. P. 65, cited by:\n", toa), std::string::npos);

  // As many page images as the exhibit has pages, each a PNG.
  io::ExhibitOptions exhibit;
  exhibit.draw.format = io::RenderFormat::png;
  const std::size_t pages = io::draw_exhibit(g, exhibit).pages.size();
  EXPECT_EQ(pages, 5u);
  const auto images = test::docx_images(out);
  EXPECT_EQ(images.size(), pages);
  for (const auto& image : images) EXPECT_TRUE(test::is_png(image)) << image.substr(0, 8);
  EXPECT_EQ(test::docx_sections(document).size(), 2u);
}

TEST_F(DocxCliTest, FormatFromTheExtensionAndThePaper) {
  skip_without_pandoc();
  if (IsSkipped()) return;
  const fs::path out = tmp_ / "Report.DOCX";
  const RunResult r = claimgraph_with(
      {"export", graph("negligence_example"), "--page", "legal", "--landscape", "-o", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto sections = test::docx_sections(test::docx_part(out, "word/document.xml"));
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(test::docx_attribute(sections[0], "w:pgSz", "w:w"), "12240");
  EXPECT_EQ(test::docx_attribute(sections[0], "w:pgSz", "w:h"), "20160");
  EXPECT_EQ(test::docx_attribute(sections[1], "w:pgSz", "w:w"), "20160");
  EXPECT_EQ(test::docx_attribute(sections[1], "w:pgSz", "w:orient"), "landscape");
  EXPECT_EQ(left_behind(), std::vector<std::string>{});
}

TEST_F(DocxCliTest, WithoutPandocSaysHowToInstallIt) {
  const fs::path out = tmp_ / "report.docx";
  const RunResult r =
      claimgraph_with({"export", graph("parler_v_aws"), "-o", out.string()}, {"PATH=" + (tmp_ / "no-bin").string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "claimgraph: error: pandoc is needed to write DOCX: install it with `apt-get install pandoc` (or run "
            "tools/setup)\n");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(left_behind(), std::vector<std::string>{});
}

TEST_F(DocxCliTest, WhenPandocFailsItsMessageIsShown) {
  const fs::path bin = tmp_ / "bin";
  fs::create_directory(bin);
  test::write_text(bin / "pandoc", "#!/bin/sh\necho 'pandoc: cannot write docx' >&2\nexit 1\n");
  fs::permissions(bin / "pandoc", fs::perms::owner_all);
  const fs::path out = tmp_ / "report.docx";
  test::write_text(out, "an older report");
  const RunResult r = claimgraph_with({"export", graph("parler_v_aws"), "-o", out.string()}, {"PATH=" + bin.string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err,
            "claimgraph: error: pandoc failed to convert the report to DOCX (exit status 1): pandoc: cannot write "
            "docx\n");
  EXPECT_EQ(test::read_text(out), "an older report") << "the output is left as it was";
  EXPECT_EQ(left_behind(), std::vector<std::string>{});
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(tmp_.path())) files.insert(e.path().filename().string());
  EXPECT_EQ(files, (std::set<std::string>{"bin", "report.docx", "tmp"})) << "no temporary file beside the output";
}

TEST_F(DocxCliTest, ThePaperIsForFormatsWithPages) {
  for (const auto& [option, value] : std::vector<std::pair<std::string, std::string>>{{"--page", "a4"}, {"--landscape", ""}}) {
    std::vector<std::string> args{"export", graph("parler_v_aws"), "--to", "markdown", option};
    if (!value.empty()) args.push_back(value);
    const RunResult r = claimgraph_with(args);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "claimgraph: error: " + option +
                         " sets the paper of docx; markdown has no pages (render --page draws the diagram on pages)\n");
  }
  const RunResult help = claimgraph_with({"export", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("--page TEXT:{letter,a4,legal}"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("the program a format needs (docx: pandoc) is missing or failed."), std::string::npos);
  const RunResult bad = claimgraph_with({"export", graph("parler_v_aws"), "--to", "docx", "--page", "a5"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("unknown value \"a5\"; expected letter, a4 or legal"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace claimgraph
