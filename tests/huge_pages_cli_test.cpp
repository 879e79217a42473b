// The program starts itself again with glibc's malloc on transparent huge
// pages, unless told otherwise or run under something preloaded; -v says
// when malloc uses them.

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

namespace test = claimgraph::test;

constexpr const char* said = "malloc uses transparent huge pages";

bool kernel_has_huge_pages() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  return std::getline(in, line) && (line.find("[always]") != std::string::npos ||
                                    line.find("[madvise]") != std::string::npos);
}

class HugePagesCliTest : public test::ProgramTest {
 protected:
  static test::RunResult run(const std::vector<std::string>& environment) {
    return test::run({test::program(), "-v", "check", (test::graphs_dir() / "parler_v_aws.json").string()},
                     std::nullopt, std::chrono::seconds::zero(), environment);
  }
};

TEST_F(HugePagesCliTest, MallocUsesThemUnlessTheTunableOrAPreloadSaysOtherwise) {
#if !defined(__linux__) || !defined(__GLIBC__)
  GTEST_SKIP() << "glibc on Linux only";
#endif
  // Built, as the program is, with a sanitizer: its malloc is the sanitizer's.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "a sanitizer's malloc";
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
  GTEST_SKIP() << "a sanitizer's malloc";
#endif
#endif
  if (!kernel_has_huge_pages()) GTEST_SKIP() << "this kernel gives no transparent huge pages";
  const auto plain = run({"GLIBC_TUNABLES=", "LD_PRELOAD="});
  EXPECT_EQ(plain.status, 1) << plain.err;  // claims lack evidence
  EXPECT_NE(plain.err.find(said), std::string::npos) << plain.err;
  // Other tunables are kept, and the program starts again with both.
  const auto other = run({"GLIBC_TUNABLES=glibc.malloc.check=0", "LD_PRELOAD="});
  EXPECT_EQ(other.status, 1) << other.err;
  EXPECT_NE(other.err.find(said), std::string::npos) << other.err;
  // The user's choice stands.
  const auto off = run({"GLIBC_TUNABLES=glibc.malloc.hugetlb=0", "LD_PRELOAD="});
  EXPECT_EQ(off.status, 1) << off.err;
  EXPECT_EQ(off.err.find(said), std::string::npos) << off.err;
  // Under a preload (valgrind, another malloc) the program stays as it was started.
  const auto preloaded = run({"GLIBC_TUNABLES=", "LD_PRELOAD=claimgraph-no-such-library.so"});
  EXPECT_EQ(preloaded.status, 1) << preloaded.err;
  EXPECT_EQ(preloaded.err.find(said), std::string::npos) << preloaded.err;
  // What the program prints is the same either way.
  EXPECT_EQ(plain.out, off.out);
}

}  // namespace
