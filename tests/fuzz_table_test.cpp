// tools/fuzz-table, which writes fuzz/README.md's table of campaigns from
// fuzz/campaigns.tsv: executions and hours summed per target, the coverage
// of its latest run, and a refusal of a row it cannot read.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support.hpp"

namespace claimgraph {
namespace {

test::RunResult fuzz_table(const test::TempDir& dir) {
  return test::run({"/bin/bash", (test::source_dir() / "tools" / "fuzz-table").string(), (dir / "rows.tsv").string(),
                    (dir / "README.md").string()});
}

const std::string readme = "# Fuzzing\n\nBefore.\n\n<!-- campaigns -->\nold table\n<!-- /campaigns -->\n\nAfter.\n";

TEST(FuzzTableTest, SumsEachTargetsCampaignsAndKeepsTheRestOfTheReadme) {
  const test::TempDir dir;
  test::write_text(dir / "README.md", readme);
  test::write_text(dir / "rows.tsv",
                   "2026-12-01\tjson_reader\t600\t1500000\t3000\t11000\t40\n"
                   "2026-12-01\tserve_routes\t600\t3000000\t330\t1100\t12\n"
                   "2026-12-02\tjson_reader\t3600\t9000000\t3200\t12500\t61\n");
  const auto r = fuzz_table(dir);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string text = test::read_text(dir / "README.md");
  EXPECT_NE(text.find("| json_reader | 10,500,000 | 2 | 1.17 | 3,200 | 12,500 | 61 | 2026-12-02 |\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("| serve_routes | 3,000,000 | 1 | 0.17 | 330 | 1,100 | 12 | 2026-12-01 |\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("| **all** | **13,500,000** |"), std::string::npos) << text;
  EXPECT_EQ(text.find("old table"), std::string::npos);
  EXPECT_TRUE(text.starts_with("# Fuzzing\n\nBefore.\n\n<!-- campaigns -->\n| target |")) << text;
  EXPECT_TRUE(text.ends_with("<!-- /campaigns -->\n\nAfter.\n")) << text;
  // Run again on the same rows: the same README.
  ASSERT_EQ(fuzz_table(dir).status, 0);
  EXPECT_EQ(test::read_text(dir / "README.md"), text);
}

TEST(FuzzTableTest, CountsTheCorpusAsItIsWhenToldWhereItIs) {
  const test::TempDir dir;
  test::write_text(dir / "README.md", readme);
  test::write_text(dir / "rows.tsv", "2026-12-01\tcitation\t600\t42\t500\t2000\t900\n");
  std::filesystem::create_directories(dir / "corpus" / "citation");
  for (const char* name : {"a", "b", "c"}) test::write_text(dir / "corpus" / "citation" / name, name);
  const auto r = test::run({"/bin/bash", (test::source_dir() / "tools" / "fuzz-table").string(),
                            (dir / "rows.tsv").string(), (dir / "README.md").string(), (dir / "corpus").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(test::read_text(dir / "README.md").find("| citation | 42 | 1 | 0.17 | 500 | 2,000 | 3 | 2026-12-01 |"),
            std::string::npos)
      << test::read_text(dir / "README.md");
}

TEST(FuzzTableTest, ARowItCannotReadIsRefusedAndTheReadmeLeftAlone) {
  const test::TempDir dir;
  test::write_text(dir / "README.md", readme);
  test::write_text(dir / "rows.tsv", "2026-12-01\tjson_reader\t600\tmany\t3000\t11000\t40\n");
  const auto r = fuzz_table(dir);
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("line 1"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_text(dir / "README.md"), readme);
  test::write_text(dir / "README.md", "# no markers\n");
  test::write_text(dir / "rows.tsv", "2026-12-01\tjson_reader\t600\t1\t3000\t11000\t40\n");
  EXPECT_EQ(fuzz_table(dir).status, 2);
}

}  // namespace
}  // namespace claimgraph
