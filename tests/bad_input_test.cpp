// The bad-input suite: every input in tests/bad_inputs/cases.json must be
// refused with its exact message and location and exit status, leaving no
// output file; then the file-system cases (missing, unreadable and
// directory inputs, unusable output paths, the input as output, a write that
// fails midway).

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
namespace test = claimgraph::test;

struct Case {
  std::string name, what, input;
  std::vector<std::string> args;
  int status = 0;
  std::string stderr_text;
};

std::vector<Case> load_cases() {
  const auto doc = nlohmann::json::parse(test::read_text(test::source_dir() / "tests" / "bad_inputs" / "cases.json"));
  std::vector<Case> cases;
  for (const auto& c : doc.at("cases")) {
    cases.push_back({c.at("name"), c.at("what"), c.at("input"), c.at("args").get<std::vector<std::string>>(),
                     c.at("status"), c.at("stderr")});
  }
  return cases;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// The names of the files in `dir`.
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class BadInputTest : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    if (test::program().empty()) GTEST_SKIP() << "the claimgraph program was not built";
  }
  test::TempDir tmp_;
};

TEST_P(BadInputTest, IsRefusedWithItsMessageAndNoOutput) {
  const Case& c = GetParam();
  const fs::path input = tmp_ / c.input;
  fs::copy_file(test::source_dir() / "tests" / "bad_inputs" / c.input, input);
  const fs::path out = tmp_ / "out.json";
  std::vector<std::string> argv{test::program(), "export", input.string(), "-o", out.string()};
  argv.insert(argv.end(), c.args.begin(), c.args.end());
  const auto r = test::run(argv);
  EXPECT_EQ(r.status, c.status) << c.what << "\n" << r.err;
  EXPECT_EQ(r.err, replace_all(c.stderr_text, "{file}", input.string())) << c.what;
  EXPECT_EQ(listing(tmp_.path()), std::vector<std::string>{c.input}) << c.what << ": no output, no temporary file";
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInputTest, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           std::string name;
                           for (const char ch : param.param.name) name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                           return name;
                         });

TEST(BadInputSuiteTest, HasAtLeastFortyCases) { EXPECT_GE(load_cases().size(), 40u); }

class FileSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (test::program().empty()) GTEST_SKIP() << "the claimgraph program was not built";
    fs::copy_file(test::graphs_dir() / "negligence_example.json", input_);
  }
  static test::RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), test::program());
    return test::run(args);
  }
  // Runs the program as an unprivileged user: as root, permissions do not
  // stop reading or writing, so the tests drop root with setpriv (nobody).
  test::RunResult run_unprivileged(std::vector<std::string> args) {
    args.insert(args.begin(), test::program());
    if (geteuid() == 0) {
      fs::permissions(tmp_.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                       fs::perms::others_read | fs::perms::others_exec);
      args.insert(args.begin(), {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
    }
    return test::run(args);
  }
  static bool can_drop_root() { return geteuid() != 0 || fs::exists("/usr/bin/setpriv"); }
  // The input is still there, byte for byte.
  void expect_input_untouched() {
    EXPECT_EQ(test::read_text(input_), test::read_text(test::graphs_dir() / "negligence_example.json"));
  }
  test::TempDir tmp_;
  fs::path input_ = tmp_ / "case.json";
};

TEST_F(FileSystemTest, MissingInput) {
  const auto missing = (tmp_ / "nope.json").string();
  const auto r = run({"check", missing});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, missing + ": error: cannot open: No such file or directory\n");
}

TEST_F(FileSystemTest, DirectoryAsInput) {
  const auto r = run({"check", tmp_.path().string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, tmp_.path().string() + ": error: is a directory, not a case file\n");
}

TEST_F(FileSystemTest, UnreadableInput) {
  if (!can_drop_root()) GTEST_SKIP() << "running as root without setpriv: permissions cannot make a file unreadable";
  fs::permissions(input_, fs::perms::none);
  const auto r = run_unprivileged({"check", input_.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, input_.string() + ": error: cannot open: Permission denied\n");
}

TEST_F(FileSystemTest, MissingOutputDirectory) {
  const auto out = (tmp_ / "no" / "such" / "out.json").string();
  const auto r = run({"export", input_.string(), "-o", out});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, out + ": error: cannot create a file in " + (tmp_ / "no" / "such").string() +
                       ": No such file or directory\n");
  EXPECT_EQ(listing(tmp_.path()), std::vector<std::string>{"case.json"});
}

TEST_F(FileSystemTest, OutputDirectoryIsAFile) {
  const auto out = (input_ / "out.json").string();
  const auto r = run({"export", input_.string(), "-o", out});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, out + ": error: cannot create a file in " + input_.string() + ": Not a directory\n");
  expect_input_untouched();
}

TEST_F(FileSystemTest, UnwritableOutputDirectory) {
  if (!can_drop_root()) GTEST_SKIP() << "running as root without setpriv: permissions cannot forbid writing";
  const fs::path dir = tmp_ / "locked";
  fs::create_directory(dir);
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read | fs::perms::others_exec);
  const auto r = run_unprivileged({"export", input_.string(), "-o", (dir / "out.json").string()});
  fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, (dir / "out.json").string() + ": error: cannot create a file in " + dir.string() +
                       ": Permission denied\n");
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST_F(FileSystemTest, OutputEqualToInputIsRefusedHoweverSpelt) {
  fs::create_symlink(input_, tmp_ / "link.json");
  for (const std::string& out : {input_.string(), (tmp_ / "." / "case.json").string(),
                                (tmp_ / ".." / tmp_.path().filename() / "case.json").string(), (tmp_ / "link.json").string()}) {
    const auto r = run({"export", input_.string(), "--to", "dot", "-o", out});
    EXPECT_EQ(r.status, 3) << out;
    EXPECT_EQ(r.err, out + ": error: the output would overwrite the input file; choose another output path\n");
    expect_input_untouched();
  }
}

// A write that fails midway: the file-size limit (with SIGXFSZ ignored, so
// that write() fails with EFBIG instead of killing the process) stops the
// output after its first kilobyte. Nothing is left: neither OUT nor the
// temporary file beside it, and an OUT that existed before is untouched.
TEST_F(FileSystemTest, WriteFailingMidwayLeavesNothing) {
  const fs::path out = tmp_ / "out.dot";
  test::write_text(out, "previous contents\n");
  const auto r = test::run({"/bin/sh", "-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" export \"$1\" --to dot -o \"$2\"",
                            test::program(), input_.string(), out.string()});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_EQ(r.err, out.string() + ": error: cannot write: File too large\n");
  EXPECT_EQ(test::read_text(out), "previous contents\n");
  EXPECT_EQ(listing(tmp_.path()), (std::vector<std::string>{"case.json", "out.dot"}));
}

// A device is written directly (it cannot be renamed over); a full one fails.
TEST_F(FileSystemTest, FullDeviceFailsCleanly) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  const auto r = run({"export", input_.string(), "--to", "dot", "-o", "/dev/full"});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, "/dev/full: error: cannot write: No space left on device\n");
}

}  // namespace
