// Redacted exports, run as a user runs them: a case whose privileged memo
// carries a marker in every field it has (and its edges in their ids and
// unknown fields) is exported to every output format of the table and
// rendered to SVG and PDF, and no byte of any file written, nor any file
// name, holds the marker; with --include-privileged every output holds it,
// so the search can fail. DOCX is unzipped (pandoc needed), PDF read with
// pdftotext where it is installed as well as byte for byte.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/io/formats.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::RunResult;

constexpr std::string_view marker = "ZQXPRIV7";
constexpr std::string_view tag_marker = "ZQXTAG9";
constexpr std::string_view cite_marker = "ZQXCITE3";

// The memo's citation is dated, so that a chronology would place it in time.
// "late" is grounded only through the memo; "breach" needs "late" and the
// invoice. The memo has every node field, an unknown one, two citations
// with every citation field and an unknown one (cite_marker marks their
// text), and its support an id and an unknown field that name it; "doubt"
// undercuts that support.
// "draft" is not privileged but tagged, for --redact.
constexpr std::string_view case_text = R"({"claimgraph": 1, "title": "Acme v. Widget",
  "nodes": [
    {"id": "breach", "kind": "claim", "label": "Widget breached the contract", "group": "contract"},
    {"id": "late", "kind": "claim", "label": "Delivery was late", "group": "contract"},
    {"id": "invoice", "kind": "evidence", "label": "Unpaid invoice", "source": "Ex. 3", "group": "contract"},
    {"id": "ZQXPRIV7_memo", "kind": "evidence", "label": "ZQXPRIV7 memo on the deadline",
     "text": "ZQXPRIV7 advice", "party": "ZQXPRIV7 counsel", "group": "ZQXPRIV7-group",
     "source": "ZQXPRIV7 file 12", "weight": 0.9, "burden": "ZQXPRIV7 burden", "scheme": "ZQXPRIV7-scheme",
     "tags": ["ZQXPRIV7-tag"], "privileged": true, "ZQXPRIV7_field": "ZQXPRIV7 value",
     "cite": [{"document": "ZQXPRIV7 ZQXCITE3 memo", "exhibit": "ZQXPRIV7-PX", "bates": "ZQXPRIV7-000001–ZQXPRIV7-000002",
               "pin": "ZQXPRIV7 at 2", "date": "1987-06-05", "quote": "ZQXPRIV7 ZQXCITE3 advice", "authority": "ZQXPRIV7 v. Widget",
               "url": "https://example.com/ZQXPRIV7/ZQXCITE3", "ZQXPRIV7_note": "ZQXPRIV7 ZQXCITE3"},
              {"exhibit": "ZQXPRIV7 ZQXCITE3 second"}]},
    {"id": "ZQXTAG9_draft", "kind": "evidence", "label": "ZQXTAG9 draft", "text": "ZQXTAG9 text",
     "tags": ["draft"]},
    {"id": "doubt", "kind": "evidence", "label": "A doubt about the memo's author"}
  ],
  "edges": [
    {"from": "invoice", "to": "breach", "relation": "element-of"},
    {"from": "late", "to": "breach", "relation": "element-of"},
    {"id": "ZQXPRIV7_support", "from": "ZQXPRIV7_memo", "to": "late", "relation": "supports",
     "ZQXPRIV7_note": "ZQXPRIV7 note"},
    {"id": "ZQXTAG9_edge", "from": "ZQXTAG9_draft", "to": "late", "relation": "contradicts"},
    {"id": "ZQXPRIV7_doubt", "from": "doubt", "to": "ZQXPRIV7_support", "relation": "undercuts"}
  ]})";

class RedactCliTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    ProgramTest::SetUp();
    if (IsSkipped()) return;
    test::write_text(file_, case_text);
  }

  // Every byte written under `dir`, with the names of the files, and the
  // parts of DOCX files and the text of PDF files spelt out.
  static std::string everything_in(const fs::path& dir) {
    std::string all;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      all += entry.path().filename().string() + "\n";
      if (!entry.is_regular_file()) continue;
      all += read_text(entry.path());
      const std::string ext = entry.path().extension().string();
      if (ext == ".docx") {
        const RunResult parts = test::run({test::unzip_program(), "-p", entry.path().string()});
        EXPECT_EQ(parts.status, 0) << parts.err;
        EXPECT_NE(parts.out.find("w:document"), std::string::npos) << "no document.xml in " << entry.path();
        all += parts.out;
      }
      if (ext == ".pdf" && !pdftotext().empty()) {
        const RunResult text = test::run({pdftotext(), entry.path().string(), "-"});
        EXPECT_EQ(text.status, 0) << text.err;
        all += text.out;
      }
    }
    return all;
  }

  static const std::string& pdftotext() {
    static const std::string program = [] {
      const RunResult r = test::run({"/bin/sh", "-c", "command -v pdftotext"});
      return r.status == 0 ? test::lines_of(r.out)[0] : std::string();
    }();
    return program;
  }

  // Exports the case to every output format (and, unless `exports_only`,
  // renders SVG and PDF) with `options`, each into a directory of its own
  // under `dir`; says which formats were left out for want of a program.
  void write_all(const fs::path& dir, const std::vector<std::string>& options, bool exports_only = false) {
    for (const auto& format : io::output_formats()) {
      if (format.name == "docx" && (test::pandoc_program().empty() || test::unzip_program().empty())) {
        skipped_.push_back(std::string(format.name));
        continue;
      }
      const fs::path sub = dir / format.name;
      fs::create_directories(sub);
      std::vector<std::string> args{"export", file_.string(), "--to", std::string(format.name), "-o",
                                    (sub / ("out" + std::string(format.extensions[0]))).string(), "--evaluate"};
      if (!format.analysed) args.pop_back();
      args.insert(args.end(), options.begin(), options.end());
      const RunResult r = claimgraph(args);
      EXPECT_EQ(r.status, 0) << format.name << ": " << r.err;
      errors_ += r.err;
    }
    if (exports_only) return;
    for (const auto& drawing : io::drawing_formats()) {
      if (drawing.format == io::RenderFormat::png) continue;  // pixels: nothing to search
      const fs::path sub = dir / ("render-" + std::string(drawing.name));
      fs::create_directories(sub);
      std::vector<std::string> args{"render", file_.string(), "--evaluate", "-o",
                                    (sub / ("out" + std::string(drawing.extensions[0]))).string()};
      args.insert(args.end(), options.begin(), options.end());
      const RunResult r = claimgraph(args);
      EXPECT_EQ(r.status, 0) << drawing.name << ": " << r.err;
      errors_ += r.err;
    }
  }

  // Per directory under `dir` (a format): whether its files hold `word`.
  static std::vector<std::string> holding(const fs::path& dir, std::string_view word) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (everything_in(entry.path()).find(word) != std::string::npos) found.push_back(entry.path().filename().string());
    }
    return found;
  }

  static std::size_t formats(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
  }

  test::TempDir tmp_;
  fs::path file_ = tmp_ / "case.json";
  std::vector<std::string> skipped_;
  std::string errors_;  // what the runs of write_all printed on stderr
};

TEST_F(RedactCliTest, NothingOfAPrivilegedNodeIsLeftInAnyOutputMasked) {
  write_all(tmp_ / "mask", {});
  EXPECT_EQ(holding(tmp_ / "mask", marker), std::vector<std::string>{});
  // Nor in the warnings printed beside it: lint's findings name nodes, so
  // they are only counted.
  EXPECT_EQ(errors_.find(marker), std::string::npos) << errors_;
  EXPECT_NE(errors_.find("not shown because the output is redacted"), std::string::npos) << errors_;
  // The structure stays: a [redacted] node where the memo was.
  const std::string json = read_text(tmp_ / "mask" / "json" / "out.json");
  EXPECT_NE(json.find(R"({"id": "redacted-1", "kind": "evidence", "label": "[redacted]"})"), std::string::npos)
      << json;
  EXPECT_NE(json.find(R"({"id": "redacted-edge-1", "from": "redacted-1", "to": "late", "relation": "supports"})"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"({"id": "redacted-edge-2", "from": "doubt", "to": "redacted-edge-1", "relation": "undercuts"})"),
            std::string::npos)
      << json;
  if (!skipped_.empty()) GTEST_SKIP() << "not written, for want of their program: " << ::testing::PrintToString(skipped_);
}

TEST_F(RedactCliTest, NothingOfAPrivilegedNodeIsLeftInAnyOutputDropped) {
  write_all(tmp_ / "drop", {"--redact-mode", "drop"});
  EXPECT_EQ(holding(tmp_ / "drop", marker), std::vector<std::string>{});
  EXPECT_EQ(errors_.find(marker), std::string::npos) << errors_;
  const std::string json = read_text(tmp_ / "drop" / "json" / "out.json");
  EXPECT_EQ(json.find("redacted"), std::string::npos) << json;
  EXPECT_EQ(json.find("undercuts"), std::string::npos) << json;  // the undercut of the memo's support went too
  if (!skipped_.empty()) GTEST_SKIP() << "not written, for want of their program: " << ::testing::PrintToString(skipped_);
}

TEST_F(RedactCliTest, IncludePrivilegedKeepsItInEveryOutput) {
  write_all(tmp_ / "all", {"--include-privileged"});
  // A PDF's text is compressed: without pdftotext, only its absence can be
  // checked.
  if (pdftotext().empty()) fs::remove_all(tmp_ / "all" / "render-pdf");
  EXPECT_EQ(holding(tmp_ / "all", marker).size(), formats(tmp_ / "all"));
  // Unredacted, the warnings name the memo (so the searches above can fail).
  EXPECT_NE(errors_.find(marker), std::string::npos) << errors_;
}

TEST_F(RedactCliTest, IncludePrivilegedKeepsTheCitationsInTheFormatsThatCarryThem) {
  // So that the searches above, which find no marker, would find one left
  // in a citation.
  write_all(tmp_ / "all", {"--include-privileged"}, true);
  const std::vector<std::string> found = holding(tmp_ / "all", cite_marker);
  for (const char* format : {"json", "aif", "argdown", "csv", "graphml"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), format), found.end()) << format;
  }
  write_all(tmp_ / "none", {}, true);
  EXPECT_EQ(holding(tmp_ / "none", cite_marker), std::vector<std::string>{});
}

TEST_F(RedactCliTest, ErrorsSuggestNoRedactedNode) {
  // Typos of the memo's id, of its label's words and of its group (none
  // holding the marker itself): the nearest match is the memo, which the
  // output redacts.
  const std::vector<std::vector<std::string>> typos{
      {"--exclude", "ZQXPRIV_memo"}, {"--focus", "ZQXPRIV_memo"}, {"--focus", "deadline"},
      {"--group", "ZQXPRIV-group"}};
  for (const auto& typo : typos) {
    for (const char* command : {"export", "render"}) {
      std::vector<std::string> args{command, file_.string(), "-o", (tmp_ / "out.svg").string()};
      if (std::string_view(command) == "export") args.insert(args.end(), {"--to", "dot"});
      args.insert(args.end(), typo.begin(), typo.end());
      const RunResult r = claimgraph(args);
      EXPECT_EQ(r.status, 2) << command << " " << typo[0] << ": " << r.err;
      EXPECT_EQ(r.err.find(marker), std::string::npos) << command << " " << typo[0] << ": " << r.err;
      // Unredacted, the same typo is answered with the memo.
      args.push_back("--include-privileged");
      const RunResult all = claimgraph(args);
      EXPECT_EQ(all.status, 2) << all.err;
      EXPECT_NE(all.err.find(marker), std::string::npos) << command << " " << typo[0] << ": " << all.err;
    }
  }
}

TEST_F(RedactCliTest, WarningsAreCountedNotShown) {
  // 25 unknown fields on the privileged memo: the reader keeps 20 warnings
  // and notes that there were more.
  std::string fields;
  for (int i = 0; i < 25; ++i) fields += ", \"ZQXPRIV7_f" + std::to_string(i) + "\": 1";
  const fs::path many = tmp_ / "many.json";
  test::write_text(many, R"({"claimgraph": 1, "nodes": [
    {"id": "c", "kind": "claim", "label": "Claim", "party": "P"},
    {"id": "ZQXPRIV7", "kind": "evidence", "label": "Memo", "source": "File", "privileged": true)" + fields + R"(}],
  "edges": [{"from": "ZQXPRIV7", "to": "c", "relation": "supports"}]})");
  const RunResult r = claimgraph({"export", many.string(), "--to", "dot", "-o", (tmp_ / "many.dot").string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find(marker), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("note: more than 20 warnings from reading not shown because the output is redacted"),
            std::string::npos)
      << r.err;
  const RunResult all =
      claimgraph({"export", many.string(), "--to", "dot", "-o", (tmp_ / "all.dot").string(), "--include-privileged"});
  EXPECT_NE(all.err.find("unknown field \"ZQXPRIV7_f0\""), std::string::npos) << all.err;
}

TEST_F(RedactCliTest, RedactTagHidesTaggedNodesToo) {
  write_all(tmp_ / "tag", {}, true);
  EXPECT_EQ(holding(tmp_ / "tag", tag_marker).size(), formats(tmp_ / "tag"));  // not privileged: kept
  write_all(tmp_ / "tagged", {"--redact", "draft"}, true);
  EXPECT_EQ(holding(tmp_ / "tagged", tag_marker), std::vector<std::string>{});
  EXPECT_EQ(holding(tmp_ / "tagged", marker), std::vector<std::string>{});
  const std::string json = read_text(tmp_ / "tagged" / "json" / "out.json");
  EXPECT_NE(json.find(R"({"id": "redacted-2", "kind": "evidence", "label": "[redacted]"})"), std::string::npos)
      << json;
}

TEST_F(RedactCliTest, TheAnalysisIsOfTheWholeCase) {
  // "late" rests on the privileged memo alone, and stays grounded.
  for (const char* mode : {"mask", "drop"}) {
    SCOPED_TRACE(mode);
    const RunResult r = claimgraph({"export", file_.string(), "--to", "markdown", "--redact-mode", mode});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("2 claims and counterclaims: 2 grounded in evidence, 0 lack evidence."), std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find(marker), std::string::npos) << r.out;
  }
  const RunResult check = claimgraph({"check", file_.string()});
  EXPECT_EQ(check.status, 0) << check.out;
}

TEST_F(RedactCliTest, AnUnknownModeIsRefusedWithTheChoices) {
  const RunResult r = claimgraph({"export", file_.string(), "--to", "json", "--redact-mode", "masked"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown value \"masked\"; expected mask or drop; did you mean \"mask\"?"), std::string::npos)
      << r.err;
}

TEST_F(RedactCliTest, TheChronologyDoesNotPlaceARedactedNodeInTime) {
  // Its date is no marker: look for it, in the chronology's table and page.
  for (const char* format : {"chronology", "chronology-html"}) {
    for (const char* mode : {"mask", "drop"}) {
      SCOPED_TRACE(std::string(format).append(1, ' ').append(mode));
      const RunResult r = claimgraph({"export", file_.string(), "--to", format, "--redact-mode", mode});
      ASSERT_EQ(r.status, 0) << r.err;
      EXPECT_EQ(r.out.find("1987"), std::string::npos);
      EXPECT_EQ(r.out.find(marker), std::string::npos);
      EXPECT_EQ(r.out.find("[redacted]") != std::string::npos, std::string_view(mode) == "mask");
    }
    const RunResult all = claimgraph({"export", file_.string(), "--to", format, "--include-privileged"});
    EXPECT_NE(all.out.find("1987-06-05"), std::string::npos) << format;
  }
}

}  // namespace
}  // namespace claimgraph
