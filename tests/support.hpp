#pragma once
// What the tests share: absolute paths from CMake, files, golden files,
// temporary directories and running programs.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::test {

/// The source tree (CLAIMGRAPH_SOURCE_DIR), absolute.
[[nodiscard]] std::filesystem::path source_dir();
/// graphs/ in the source tree.
[[nodiscard]] std::filesystem::path graphs_dir();
/// tests/golden/ in the source tree.
[[nodiscard]] std::filesystem::path golden_dir();
/// The test binary directory, where failing tests leave what they produced.
[[nodiscard]] std::filesystem::path test_binary_dir();
/// The built claimgraph program, or empty when it was not built; the
/// environment variable CLAIMGRAPH_TEST_PROGRAM names another (installed) one.
[[nodiscard]] std::string program();
/// Graphviz `dot`, or empty when it is not installed.
[[nodiscard]] std::string dot_program();
/// `xmllint`, or empty when it is not installed.
[[nodiscard]] std::string xmllint_program();
/// Node.js, or empty when it is not installed.
[[nodiscard]] std::string node_program();
/// pandoc, or empty when it is not installed.
[[nodiscard]] std::string pandoc_program();
/// `unzip`, or empty when it is not installed.
[[nodiscard]] std::string unzip_program();
/// Chromium (or Chrome), for the tests that open the HTML page in a
/// browser, or empty when it is not installed.
[[nodiscard]] std::string chromium_program();
/// ChromeDriver, which drives Chromium over WebDriver, or empty when it is
/// not installed.
[[nodiscard]] std::string chromedriver_program();

/// Every graphs/*.json, sorted by name.
[[nodiscard]] std::vector<std::filesystem::path> example_graphs();

/// The whole file, as bytes. Throws std::runtime_error when it cannot be read.
[[nodiscard]] std::string read_text(const std::filesystem::path& path);
/// Writes `text` to `path` (replacing it). Throws std::runtime_error.
void write_text(const std::filesystem::path& path, std::string_view text);

/// Compares `actual` byte for byte with tests/golden/`name`. On a mismatch
/// the actual output is left in <test binary dir>/golden-actual/`name` and the
/// returned message says where, with a diff command; empty when they match.
[[nodiscard]] std::string golden_mismatch(const std::string& name, std::string_view actual);

/// A fresh directory under the system temporary directory, removed with
/// everything in it when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  [[nodiscard]] std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

/// What a program did.
struct RunResult {
  int status = -1;  ///< exit status, or 128 + signal number
  std::string out;
  std::string err;
  bool timed_out = false;  ///< killed (with its whole process group) when the time limit ran out
};

/// The environment a test gives a program it starts: this process's, with
/// each NAME=VALUE of `environment` over it, and LeakSanitizer's options
/// (when set) with the slow unwinder that Graphviz's suppressions need.
[[nodiscard]] std::vector<std::string> child_environment(const std::vector<std::string>& environment = {});

/// Runs `argv` (argv[0] is a path, no shell), with `input` as its standard
/// input (none: /dev/null), capturing standard output and error. With a
/// `limit`, the program runs in a process group of its own, which is killed
/// if it has not finished by then: a guard against a hung program (a
/// browser), not a measure of speed. Each NAME=VALUE of `environment` is set
/// in the program's environment, over this process's.
[[nodiscard]] RunResult run(const std::vector<std::string>& argv, const std::optional<std::string>& input = std::nullopt,
                            std::chrono::seconds limit = std::chrono::seconds::zero(),
                            const std::vector<std::string>& environment = {});

/// Base of the tests that run the claimgraph program; they are skipped
/// where it was not built.
class ProgramTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (program().empty()) GTEST_SKIP() << "the claimgraph program was not built (CLAIMGRAPH_BUILD_TOOLS=OFF)";
  }
  /// Runs claimgraph with `args`.
  static RunResult claimgraph(std::vector<std::string> args, const std::optional<std::string>& input = std::nullopt) {
    args.insert(args.begin(), program());
    return run(args, input);
  }
  /// graphs/NAME.json.
  static std::string graph(const std::string& name) { return (graphs_dir() / (name + ".json")).string(); }
  /// The golden file tests/golden/NAME.
  static std::string golden(const std::string& name) { return read_text(golden_dir() / name); }
};

/// `prefix` followed by `n` in decimal ("n12"). (Spelled out instead of
/// `"n" + std::to_string(n)`, on which GCC 12 gives a false -Wrestrict.)
[[nodiscard]] std::string numbered(std::string_view prefix, std::size_t n);

/// The lines of `text` (without their '\n').
[[nodiscard]] std::vector<std::string> lines_of(std::string_view text);

}  // namespace claimgraph::test
