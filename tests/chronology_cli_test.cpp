// `claimgraph export --to chronology` and `--to chronology-html`, run as a
// user runs them: the table by default and without --evaluate shows the
// status, the file name's extension picks the table or the page (and a
// plain .html or .csv is still the case page or the CSV tables), views
// apply, and the output is the same twice.

#include <gtest/gtest.h>

#include <string>

#include "support.hpp"

namespace claimgraph {
namespace {

using test::read_text;
using test::RunResult;

class ChronologyCliTest : public test::ProgramTest {
 protected:
  test::TempDir tmp_;
};

TEST_F(ChronologyCliTest, TheTableIsTheGoldenFileWithTheStatusWithoutEvaluate) {
  const RunResult r = claimgraph({"export", graph("parler_v_aws"), "--to", "chronology"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, golden("parler_v_aws.chronology.csv"));
  const RunResult evaluated = claimgraph({"export", graph("parler_v_aws"), "--to", "chronology", "--evaluate"});
  EXPECT_EQ(evaluated.out, r.out) << "the chronology always shows the status";
  EXPECT_EQ(claimgraph({"export", graph("parler_v_aws"), "--to", "chronology"}).out, r.out);
}

TEST_F(ChronologyCliTest, TheExtensionPicksTheTableOrThePage) {
  const auto table = tmp_ / "parler.chronology.csv";
  const auto page = tmp_ / "parler.chronology.html";
  const auto case_page = tmp_ / "parler.html";
  for (const auto& out : {table, page, case_page}) {
    const RunResult r = claimgraph({"export", graph("parler_v_aws"), "-o", out.string(), "--no-legend"});
    ASSERT_EQ(r.status, 0) << out << ": " << r.err;
  }
  EXPECT_EQ(read_text(table), golden("parler_v_aws.chronology.csv"));
  const std::string timeline = read_text(page);
  EXPECT_EQ(timeline.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(timeline.find("<h1>Chronology</h1>"), std::string::npos);
  EXPECT_EQ(timeline.find("<script"), std::string::npos);
  const std::string named = claimgraph({"export", graph("parler_v_aws"), "--to", "chronology-html"}).out;
  EXPECT_EQ(named, timeline);
  EXPECT_NE(read_text(case_page).find("<script"), std::string::npos) << "a plain .html is still the case's page";
}

TEST_F(ChronologyCliTest, AViewAndTheByteOrderMarkApply) {
  const RunResult r = claimgraph({"export", graph("parler_v_aws"), "--to", "chronology", "--party", "Court", "--bom"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("\xEF\xBB\xBF" "date,label,id,kind,party,citation,status,bears_on\r\n", 0), 0u);
  const auto lines = test::lines_of(r.out);
  ASSERT_GT(lines.size(), 2u);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_NE(lines[i].find(",Court,"), std::string::npos) << lines[i];
  }
}

}  // namespace
}  // namespace claimgraph
