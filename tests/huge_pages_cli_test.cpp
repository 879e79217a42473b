// The program starts itself again with glibc's malloc on transparent huge
// pages when it reads a case of 2 MiB or more (or a pipe), unless told
// otherwise or run under something preloaded, and with its freed blocks kept
// for reuse unless told otherwise; -v says when malloc does either.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

namespace test = claimgraph::test;

constexpr const char* said = "malloc uses transparent huge pages";
constexpr const char* reuses = "reuses freed blocks";

bool kernel_has_huge_pages() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  return std::getline(in, line) && (line.find("[always]") != std::string::npos ||
                                    line.find("[madvise]") != std::string::npos);
}

class HugePagesCliTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    test::ProgramTest::SetUp();
    // The Parler case followed by blanks to 2 MiB: the same case, as big as
    // a case must be for huge pages to pay.
    big_ = dir_.path() / "parler-padded.json";
    std::string text = test::read_text(test::graphs_dir() / "parler_v_aws.json");
    text.append((std::size_t{2} << 20) - text.size(), ' ');
    test::write_text(big_, text);
  }
  test::RunResult run(const std::vector<std::string>& environment) const {
    return test::run({test::program(), "-v", "check", big_.string()}, std::nullopt, std::chrono::seconds::zero(),
                     environment);
  }
  test::TempDir dir_;
  std::filesystem::path big_;
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
  EXPECT_NE(plain.err.find(reuses), std::string::npos) << plain.err;
  // Other tunables are kept, and the program starts again with them all.
  const auto other = run({"GLIBC_TUNABLES=glibc.malloc.check=0", "LD_PRELOAD="});
  EXPECT_EQ(other.status, 1) << other.err;
  EXPECT_NE(other.err.find(said), std::string::npos) << other.err;
  EXPECT_NE(other.err.find(reuses), std::string::npos) << other.err;
  // A limit on mapped blocks that the user gives stands: huge pages only.
  const auto mapped = run({"GLIBC_TUNABLES=glibc.malloc.mmap_max=65536", "LD_PRELOAD="});
  EXPECT_EQ(mapped.status, 1) << mapped.err;
  EXPECT_NE(mapped.err.find(said), std::string::npos) << mapped.err;
  EXPECT_EQ(mapped.err.find(reuses), std::string::npos) << mapped.err;
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
  EXPECT_EQ(plain.out, mapped.out);
  // A small case is read before starting again would pay: the program starts once.
  const std::string parler = (test::graphs_dir() / "parler_v_aws.json").string();
  const auto small = test::run({test::program(), "-v", "check", parler}, std::nullopt, std::chrono::seconds::zero(),
                               {"GLIBC_TUNABLES=", "LD_PRELOAD="});
  EXPECT_EQ(small.status, 1) << small.err;
  EXPECT_EQ(small.err.find(said), std::string::npos) << small.err;
  EXPECT_EQ(small.out, plain.out);
  // Standard input ("-") is judged by its size too when it is a file.
  const auto small_in = test::run({test::program(), "-v", "check", "-"}, test::read_text(parler),
                                  std::chrono::seconds::zero(), {"GLIBC_TUNABLES=", "LD_PRELOAD="});
  EXPECT_EQ(small_in.status, 1) << small_in.err;
  EXPECT_EQ(small_in.err.find(said), std::string::npos) << small_in.err;
  const auto big_in = test::run({test::program(), "-v", "check", "-"}, test::read_text(big_),
                                std::chrono::seconds::zero(), {"GLIBC_TUNABLES=", "LD_PRELOAD="});
  EXPECT_EQ(big_in.status, 1) << big_in.err;
  EXPECT_NE(big_in.err.find(said), std::string::npos) << big_in.err;
}

}  // namespace
