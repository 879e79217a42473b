// The same case gives the same bytes, wherever and however the program is
// run: every export format, every drawing, every report, in three
// environments that differ in locale (C; German, whose decimal point is a
// comma; Turkish, whose capital of i is İ), time zone (UTC, UTC+14,
// UTC−3:30) and working directory. PDFs are compared with SOURCE_DATE_EPOCH
// set, which fixes their creation date.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/io/formats.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::run;
using test::write_text;

// One way of running the program: a working directory and the environment.
struct Place {
  std::string name;
  fs::path dir;
  std::vector<std::string> environment;
};

class DeterminismTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    ProgramTest::SetUp();
    if (IsSkipped()) return;
    // The two locales, made for this test where the system has their
    // sources (Debian: the locales package), else taken from the system.
    const fs::path locales = dir_ / "locales";
    fs::create_directories(locales);
    std::string locpath;
    if (fs::exists("/usr/bin/localedef") && fs::exists("/usr/share/i18n/locales/de_DE") &&
        fs::exists("/usr/share/i18n/locales/tr_TR")) {
      for (const char* name : {"de_DE", "tr_TR"}) {
        const auto made = run({"/usr/bin/localedef", "-i", name, "-f", "UTF-8",
                               (locales / (std::string(name) + ".UTF-8")).string()});
        ASSERT_EQ(made.status, 0) << made.err;
      }
      locpath = "LOCPATH=" + locales.string();
    }
    const std::vector<std::string> common = {"SOURCE_DATE_EPOCH=1611187200", locpath.empty() ? "CG_UNUSED=1" : locpath};
    places_ = {
        {"C, UTC", dir_ / "a", {"LC_ALL=C", "LANG=C", "TZ=UTC"}},
        {"de_DE.UTF-8, UTC+14", dir_ / "b" / "deeper" / "still", {"LC_ALL=de_DE.UTF-8", "LANG=de_DE.UTF-8", "TZ=Pacific/Kiritimati"}},
        {"tr_TR.UTF-8, UTC-3:30", dir_ / "c", {"LC_ALL=tr_TR.UTF-8", "LANG=tr_TR.UTF-8", "TZ=America/St_Johns"}},
    };
    for (auto& place : places_) {
      place.environment.insert(place.environment.end(), common.begin(), common.end());
      fs::create_directories(place.dir);
      fs::copy_file(graph("parler_v_aws"), place.dir / "case.json");
      std::string older = read_text(graph("parler_v_aws"));
      older.replace(older.find("\"label\": \""), 10, "\"label\": \"Earlier: ");
      write_text(place.dir / "older.json", older);
    }
    // The locales must really be in force, or the test proves nothing.
    for (std::size_t i = 1; i < places_.size(); ++i) {
      const auto point = in(places_[i], {"/usr/bin/locale", "-k", "LC_NUMERIC"});
      ASSERT_EQ(point.err, "") << places_[i].name << ": the locale is not installed; Debian: apt-get install locales";
    }
    const auto comma = in(places_[1], {"/usr/bin/locale", "-k", "decimal_point"});
    ASSERT_NE(comma.out.find("decimal_point=\",\""), std::string::npos) << comma.out << comma.err;
    // And the time zones (Debian: tzdata).
    const auto zone = in(places_[1], {"/usr/bin/date", "+%z"});
    ASSERT_EQ(zone.out, "+1400\n") << "TZ=Pacific/Kiritimati is not known; Debian: apt-get install tzdata";
  }

  // Runs `argv` in `place`.
  static test::RunResult in(const Place& place, std::vector<std::string> argv) {
    argv.insert(argv.begin(), {"/usr/bin/env", "-C", place.dir.string()});
    return run(argv, std::nullopt, std::chrono::seconds(120), place.environment);
  }

  // Standard error without the progress of a render, which is shown only
  // once a render has taken more than a second, so on a busy machine in one
  // place and not in another: the lines that `render -v` shows for every
  // render.
  static std::string without_progress(const std::string& err) {
    static const std::regex progress(R"(^(reading \d+ nodes into Graphviz|laying out \d+ nodes with \w+|rendering \w+)….*$|^rendered in \d+\.\d s$)");
    std::string out;
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);) {
      if (!std::regex_match(line, progress)) out += line + '\n';
    }
    return out;
  }

  // Runs claimgraph with `args` in every place; its standard output and the
  // files `outputs` (relative to the place) must be the same in each.
  void expect_same(std::vector<std::string> args, const std::vector<std::string>& outputs = {}) {
    args.insert(args.begin(), test::program());
    std::string label;
    for (const auto& a : args) label += (label.empty() ? "" : " ") + a;
    std::map<std::string, std::string> first;
    for (const auto& place : places_) {
      const auto r = in(place, args);
      // 0, or 1 where the report finds what a case lacks; never an error.
      EXPECT_LE(r.status, 1) << label << " in " << place.name << ":\n" << r.err;
      std::map<std::string, std::string> got{{"standard output", r.out},
                                             {"standard error", without_progress(r.err)},
                                             {"exit status", std::to_string(r.status)}};
      for (const auto& o : outputs) got[o] = fs::exists(place.dir / o) ? read_text(place.dir / o) : "(missing)";
      if (&place == &places_.front()) {
        first = got;
        continue;
      }
      for (const auto& [what, bytes] : got) {
        EXPECT_TRUE(bytes == first[what]) << label << ": " << what << " in " << place.name << " differs from "
                                          << places_.front().name << " (" << bytes.size() << " bytes against "
                                          << first[what].size() << ")";
      }
    }
  }

  test::TempDir dir_;
  std::vector<Place> places_;
};

TEST_F(DeterminismTest, EveryExportFormat) {
  for (const auto& format : io::output_formats()) {
    const std::string out = "out" + std::string(format.extensions.front());
    std::vector<std::string> files;
    if (format.parts.empty()) {
      files.push_back(out);
    } else {
      for (auto part : format.parts) files.push_back(io::part_path(format, out, part));
    }
    std::vector<std::string> args{"export", "case.json", "--to", std::string(format.name), "-o", out};
    if (format.analysed) args.emplace_back("--evaluate");
    expect_same(args, files);
  }
}

TEST_F(DeterminismTest, EveryDrawing) {
  for (const char* out : {"out.svg", "out.png", "out.pdf"}) expect_same({"render", "case.json", "-o", out}, {out});
  expect_same({"render", "case.json", "--evaluate", "--critical", "--page", "a4", "-o", "pages.pdf"}, {"pages.pdf"});
  expect_same({"render", "case.json", "--page", "letter", "-o", "pages.png"}, {"pages-1.png", "pages-2.png"});
}

TEST_F(DeterminismTest, EveryReport) {
  for (const char* format : {"text", "json"}) {
    expect_same({"check", "case.json", "--format", format});
    expect_same({"evaluate", "case.json", "--burden", "--format", format});
    expect_same({"evaluate", "case.json", "--semantics", "preferred", "--format", format});
    expect_same({"critical", "case.json", "--evaluate", "--format", format});
    expect_same({"lint", "case.json", "--format", format});
  }
  expect_same({"explain", "case.json", "contract"});
  expect_same({"diff", "older.json", "case.json", "--format", "json"});
  expect_same({"diff", "older.json", "case.json", "--format", "html", "-o", "diff.html"}, {"diff.html"});
}

}  // namespace
}  // namespace claimgraph
