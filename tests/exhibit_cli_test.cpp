// `claimgraph render --page`: exhibits that fit a printed page, read back as
// a reader's tools see them: poppler's pdfinfo for the paper and the page
// count, pdftotext -bbox for every word on every page and its size.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "claimgraph/io/exhibit.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using test::RunResult;

// A word pdftotext found, with its page and the height of its box.
struct Word {
  std::size_t page = 0;
  double height = 0;
  std::string text;
  double top = 0;
};

std::string poppler(const std::string& name) {
  for (const char* dir : {"/usr/bin/", "/usr/local/bin/"}) {
    const std::string path = std::string(dir) + name;
    if (fs::exists(path)) return path;
  }
  return {};
}

// The words of every page of `pdf`, from pdftotext -bbox.
std::vector<Word> words_of(const fs::path& pdf) {
  const RunResult r = test::run({poppler("pdftotext"), "-bbox", pdf.string(), "-"});
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<Word> words;
  std::size_t page = 0;
  const std::regex word_re(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  for (const auto& line : test::lines_of(r.out)) {
    if (line.find("<page ") != std::string::npos) ++page;
    std::smatch m;
    if (!std::regex_search(line, m, word_re)) continue;
    std::string text = m[5].str();
    for (const auto& [entity, c] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}}) {
      for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) {
        text.replace(at, entity.size(), c);
      }
    }
    words.push_back({page, std::stod(m[4].str()) - std::stod(m[2].str()), text, std::stod(m[2].str())});
  }
  return words;
}

// pdfinfo's "Key: value" lines.
std::map<std::string, std::string> info_of(const fs::path& pdf) {
  const RunResult r = test::run({poppler("pdfinfo"), pdf.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::string> info;
  for (const auto& line : test::lines_of(r.out)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    auto value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    info[line.substr(0, colon)] = value;
  }
  return info;
}

// The text of page `page`, words joined by spaces.
std::string page_text(const std::vector<Word>& words, std::size_t page) {
  std::string out;
  for (const auto& w : words) {
    if (w.page == page) out += w.text + ' ';
  }
  return out;
}

// Whether `word`, cut after its hyphens and slashes as a long word is cut
// at the end of a line, is found piece by piece.
bool pieces_found(const std::string& word, const std::multiset<std::string>& found) {
  std::size_t start = 0;
  bool cut = false;
  while (start < word.size()) {
    std::size_t end = word.find_first_of("-/", start);
    end = end == std::string::npos ? word.size() : end + 1;
    if (found.count(word.substr(start, end - start)) == 0) return false;
    cut = cut || end < word.size();
    start = end;
  }
  return cut;
}

// Whether page `page` has the words of `first`, in order, and somewhere on
// the same line the words of `second`.
bool on_one_line(const std::vector<Word>& words, std::size_t page, const std::string& first, const std::string& second) {
  const auto split = [](const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find(' ', start), text.size());
      if (end > start) out.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    return out;
  };
  const auto starts = [&](const std::vector<std::string>& wanted, std::size_t at, double top) {
    for (std::size_t k = 0; k < wanted.size(); ++k) {
      if (at + k >= words.size() || words[at + k].page != page || words[at + k].text != wanted[k]) return false;
      // On one line: the boxes overlap in height (the fonts' sizes differ).
      if (top >= 0 && (words[at + k].top > top + 8 || words[at + k].top + words[at + k].height < top)) return false;
    }
    return true;
  };
  const auto a = split(first);
  const auto b = split(second);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!starts(a, i, -1)) continue;
    for (std::size_t j = 0; j < words.size(); ++j) {
      if (starts(b, j, words[i].top)) return true;
    }
  }
  return false;
}

class ExhibitCliTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    ProgramTest::SetUp();
    if (poppler("pdftotext").empty() || poppler("pdfinfo").empty()) {
      GTEST_SKIP() << "poppler-utils (pdfinfo, pdftotext) is not installed; tools/setup installs it";
    }
  }
  test::TempDir dir;
};

TEST_F(ExhibitCliTest, ParlerOnLetterIsAnOverviewAndAPagePerGroupWithHeaders) {
  const fs::path pdf = dir / "parler.pdf";
  const RunResult r = claimgraph({"render", graph("parler_v_aws"), "--page", "letter", "--evaluate", "-o", pdf.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto info = info_of(pdf);
  EXPECT_EQ(info.at("Page size"), "612 x 792 pts (letter)");
  const auto case_file = nlohmann::json::parse(test::read_text(graph("parler_v_aws")));
  std::vector<std::string> groups;
  for (const auto& node : case_file["nodes"]) {
    const std::string group = node.value("group", "");
    if (!group.empty() && std::find(groups.begin(), groups.end(), group) == groups.end()) groups.push_back(group);
  }
  ASSERT_EQ(groups.size(), 4U);
  const std::size_t pages = groups.size() + 1;
  EXPECT_EQ(info.at("Pages"), std::to_string(pages));
  const auto words = words_of(pdf);
  const std::string title = case_file["title"];
  for (std::size_t p = 1; p <= pages; ++p) {
    const std::string text = page_text(words, p);
    EXPECT_NE(text.find(title), std::string::npos) << "page " << p << ": " << text.substr(0, 200);
    EXPECT_NE(text.find("page " + std::to_string(p) + " of " + std::to_string(pages)), std::string::npos) << p;
    EXPECT_NE(text.find(p == 1 ? std::string("Overview of the case") : groups[p - 2]), std::string::npos) << p;
  }
  // The overview names every group with its page, on the same line.
  for (std::size_t g = 0; g < groups.size(); ++g) {
    EXPECT_TRUE(on_one_line(words, 1, groups[g], "p. " + std::to_string(g + 2))) << groups[g];
  }
}

// The pages of a split diagram mark what the whole diagram marks: the
// evidence that alone holds up a claim, and what the court excluded.
TEST_F(ExhibitCliTest, SplitPagesMarkThePointsOfFailureAndTheExclusion) {
  const fs::path whole = dir / "whole.svg";
  ASSERT_EQ(claimgraph({"render", graph("parler_v_aws"), "--critical", "-o", whole.string()}).status, 0);
  const std::string drawing = test::read_text(whole);
  std::size_t marked = 0;
  for (auto at = drawing.find("ALONE HOLDS UP"); at != std::string::npos; at = drawing.find("ALONE HOLDS UP", at + 1)) {
    ++marked;
  }
  ASSERT_GT(marked, 0U);
  const fs::path pdf = dir / "pages.pdf";
  const RunResult r = claimgraph({"render", graph("parler_v_aws"), "--page", "letter", "--critical", "--exclude",
                                  "person_x", "-o", pdf.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto words = words_of(pdf);
  std::size_t alone = 0, excluded = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    alone += words[i].text == "ALONE" ? 1U : 0U;
    excluded += words[i].text == "EXCLUDED" ? 1U : 0U;
  }
  EXPECT_GT(alone, 0U) << "no point of failure marked on any page";
  EXPECT_EQ(excluded, 1U) << "the excluded exhibit is struck on its page";
}

TEST_F(ExhibitCliTest, EveryLabelIsOnSomePageAndNoWordIsSmallerThanSixPoints) {
  const fs::path pdf = dir / "parler.pdf";
  const RunResult r = claimgraph({"render", graph("parler_v_aws"), "--page", "letter", "-o", pdf.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find("too small"), std::string::npos) << r.err;
  const auto words = words_of(pdf);
  ASSERT_FALSE(words.empty());
  std::multiset<std::string> found;
  for (const auto& w : words) {
    found.insert(w.text);
    // A word's box is about its font's size high: 6 pt text gives at least 6.
    EXPECT_GE(w.height, io::min_text_points) << "\"" << w.text << "\" on page " << w.page;
  }
  const auto case_file = nlohmann::json::parse(test::read_text(graph("parler_v_aws")));
  for (const auto& node : case_file["nodes"]) {
    const std::string label = node["label"];
    std::size_t start = 0;
    while (start < label.size()) {
      const std::size_t end = std::min(label.find(' ', start), label.size());
      const std::string word = label.substr(start, end - start);
      if (!word.empty()) {
        EXPECT_TRUE(found.count(word) > 0 || pieces_found(word, found)) << "\"" << word << "\" of " << node["id"];
      }
      start = end + 1;
    }
  }
}

TEST_F(ExhibitCliTest, LandscapeTurnsThePaper) {
  const fs::path pdf = dir / "case.pdf";
  const RunResult r =
      claimgraph({"render", graph("negligence_example"), "--page", "a4", "--landscape", "-o", pdf.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(info_of(pdf).at("Page size"), "841.89 x 595.28 pts (A4)");
}

TEST_F(ExhibitCliTest, ASmallCaseIsOnePageHeadedByItsTitle) {
  const fs::path pdf = dir / "small.pdf";
  const fs::path input = dir / "small.json";
  test::write_text(input, R"({"claimgraph": 1, "title": "Smith v. Jones", "nodes": [
    {"id": "c", "kind": "claim", "label": "Jones breached the lease"},
    {"id": "e", "kind": "evidence", "label": "The signed lease", "source": "Exhibit A"}],
    "edges": [{"from": "e", "to": "c", "relation": "supports"}]})");
  const RunResult r = claimgraph({"render", input.string(), "--page", "legal", "-o", pdf.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto info = info_of(pdf);
  EXPECT_EQ(info.at("Pages"), "1");
  EXPECT_EQ(info.at("Page size"), "612 x 1008 pts");
  const std::string text = page_text(words_of(pdf), 1);
  EXPECT_NE(text.find("Smith v. Jones"), std::string::npos) << text;
  EXPECT_NE(text.find("page 1 of 1"), std::string::npos) << text;
  EXPECT_NE(text.find("Jones breached the lease"), std::string::npos) << text;
}

TEST_F(ExhibitCliTest, PicturesArePageFilesNumberedInOrder) {
  const fs::path png = dir / "parler.png";
  const RunResult r = claimgraph({"render", graph("parler_v_aws"), "--page", "letter", "-o", png.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(png));
  for (int k = 1; k <= 5; ++k) {
    const fs::path page = dir / ("parler-" + std::to_string(k) + ".png");
    ASSERT_TRUE(fs::exists(page)) << page;
    const std::string bytes = test::read_text(page);
    ASSERT_GT(bytes.size(), 24U);
    EXPECT_EQ(bytes.substr(1, 3), "PNG");
    // 8.5 x 11 inches at 150 dots to the inch: 1275 x 1650.
    const auto be32 = [&](std::size_t at) {
      return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
             (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
             (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
             static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
    };
    EXPECT_EQ(be32(16), 1275U);
    EXPECT_EQ(be32(20), 1650U);
  }
  EXPECT_FALSE(fs::exists(dir / "parler-6.png"));
  // The SVG pages hold their text as text.
  const fs::path svg = dir / "parler.svg";
  ASSERT_EQ(claimgraph({"render", graph("parler_v_aws"), "--page", "letter", "-o", svg.string()}).status, 0);
  EXPECT_NE(test::read_text(dir / "parler-1.svg").find(">Overview of the case</text>"), std::string::npos);
}

TEST_F(ExhibitCliTest, PageOptionsThatCannotWorkAreRefused) {
  const fs::path out = dir / "x.pdf";
  RunResult r = claimgraph({"render", graph("parler_v_aws"), "--landscape", "-o", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--page"), std::string::npos) << r.err;
  r = claimgraph({"render", graph("parler_v_aws"), "--page", "letter", "--layout", "neato", "-o", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--layout"), std::string::npos) << r.err;
  r = claimgraph({"render", graph("parler_v_aws"), "--page", "leter", "-o", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("letter"), std::string::npos) << r.err;
  r = claimgraph({"render", graph("parler_v_aws"), "--page", "letter", "--format", "svg", "-o", "-"});
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(fs::exists(out));
}

// librsvg and cairo are opened when a page is first drawn (their loading
// was most of every command's start-up): the libraries the loader maps when
// the program starts name neither, and a page is drawn all the same.
TEST_F(ExhibitCliTest, ThePageLibrariesAreOpenedOnlyToDrawAPage) {
  if (!fs::exists("/usr/bin/ldd")) GTEST_SKIP() << "ldd (libc-bin) is not installed";
  const RunResult loaded = test::run({"/usr/bin/ldd", test::program()});
  ASSERT_EQ(loaded.status, 0) << loaded.err;
  EXPECT_NE(loaded.out.find("libc.so"), std::string::npos) << loaded.out;  // the loader's list, read
  EXPECT_EQ(loaded.out.find("librsvg"), std::string::npos) << loaded.out;
  EXPECT_EQ(loaded.out.find("libcairo"), std::string::npos) << loaded.out;
  const fs::path pdf = dir / "small.pdf";
  const RunResult r = claimgraph({"render", graph("parler_v_aws"), "--page", "letter", "-o", pdf.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(info_of(pdf).at("Pages"), "0");
}

TEST(PagePath, NumbersBeforeTheExtension) {
  EXPECT_EQ(io::page_path("out/case.svg", 2, 5), "out/case-2.svg");
  EXPECT_EQ(io::page_path("out/case.svg", 1, 1), "out/case.svg");
  EXPECT_EQ(io::page_path("out.d/case", 3, 4), "out.d/case-3");
  EXPECT_EQ(io::page_path("a.b.png", 1, 2), "a.b-1.png");
}

TEST(PageSize, PapersInPoints) {
  EXPECT_DOUBLE_EQ(io::page_size({io::Paper::letter, false}).height, 792);
  EXPECT_DOUBLE_EQ(io::page_size({io::Paper::legal, true}).width, 1008);
  EXPECT_NEAR(io::page_size({io::Paper::a4, false}).width, 595.28, 0.01);
}

}  // namespace
}  // namespace claimgraph
