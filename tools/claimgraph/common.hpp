#pragma once
// What every subcommand shares: exit codes, reading the input, writing the
// output, and the limit options.

#include <CLI/CLI.hpp>
#include <chrono>
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>

#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/limits.hpp"

namespace claimgraph::cli {

/// The program's exit statuses (documented in --help and the README).
enum class ExitCode : int {
  ok = 0,              ///< success; for `check`: every claim is grounded
  lacks_evidence = 1,  ///< `check`: some claim or counterclaim lacks evidence
  bad_input = 2,       ///< unusable input or arguments
  output_failed = 3,   ///< the output could not be written
  internal = 70,       ///< a bug in claimgraph
};

/// Text for --help describing the exit codes.
inline constexpr const char* exit_code_help =
    "Exit status: 0 success (check: every claim is grounded); 1 check: some claim lacks evidence;\n"
    "2 unusable input or arguments; 3 the output could not be written; 70 internal error.";

/// The output could not be written (maps to ExitCode::output_failed).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Measures the time since construction, for --verbose timings.
class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  /// Seconds since construction or the last lap, and restarts.
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - start_).count();
    start_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

/// Adds --max-* options that raise the input limits.
void add_limit_options(CLI::App& cmd, Limits& limits);

/// Adds --from, the input format: json (claimgraph), apx, tgf or i23 (ICCMA
/// abstract frameworks), aif (AIF JSON maps) or argdown; without it, from
/// FILE's extension (.apx, .tgf, .i23, .argdown, .ad), else aif when the
/// JSON's first tokens are an AIF map's (io::looks_like_aif), else json.
void add_from_option(CLI::App& cmd, std::string& from);

/// Reads a case file, an AIF map, an ICCMA framework or an Argdown document
/// ("-" for standard input) and
/// reports its warnings on stderr. Throws InputError or IoError. The graph
/// lives until the process ends and is deliberately never freed: tearing
/// down a million-node graph only to exit costs a noticeable fraction of a
/// run (compilers skip it for the same reason).
[[nodiscard]] const io::ReadResult& load_graph(const std::string& path, const Limits& limits, const std::string& from = "");

/// Writes through `write` to `path` atomically, or to standard output when
/// `path` is empty or "-". Refuses to overwrite `input`. Throws OutputError.
void write_output(const std::string& path, const std::string& input, const std::function<void(std::ostream&)>& write);

}  // namespace claimgraph::cli
