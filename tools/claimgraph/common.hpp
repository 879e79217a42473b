#pragma once
// What every subcommand shares: exit codes, the errors main maps to them,
// the input options and reading the input, writing the output, and the
// choices built from the library's tables (io/formats.hpp).

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/analysis/abstract.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/formats.hpp"
#include "claimgraph/io/lint_report.hpp"
#include "claimgraph/io/read.hpp"
#include "claimgraph/limits.hpp"
#include "claimgraph/redact.hpp"
#include "claimgraph/scheme.hpp"

namespace claimgraph::cli {

/// The program's exit statuses (documented in --help and the README).
enum class ExitCode : int {
  ok = 0,              ///< success; for `check`: every claim is grounded
  lacks_evidence = 1,  ///< `check`: some claim or counterclaim lacks evidence
  lint_findings = 1,   ///< `lint --strict`: some finding
  differences = 1,     ///< `diff`: the two versions differ
  bad_input = 2,       ///< unusable input or arguments
  output_failed = 3,   ///< the output could not be written
  internal = 70,       ///< a bug in claimgraph
};

/// Text for --help describing the exit codes.
inline constexpr const char* exit_code_help =
    "Exit status: 0 success (check: every claim is grounded); 1 check: some claim lacks evidence;\n"
    "lint --strict: some finding; diff: the versions differ; 2 unusable input or arguments;\n"
    "3 the output could not be written; 70 internal error.";

/// The arguments ask for something that cannot be done (maps to
/// ExitCode::bad_input). The message says what would work.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

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

/// The input of a subcommand: FILE, --from and the limits.
struct InputOptions {
  std::string file;
  const io::InputFormat* from = nullptr;  ///< null: told by the name and content
  Limits limits;
  std::vector<std::string> schemes;       ///< --schemes: directories of argumentation schemes
};

/// Adds FILE, --from and the --max-* options of the input limits.
void add_input_options(CLI::App& cmd, InputOptions& input);
/// Adds the --max-* options of the input limits.
void add_limit_options(CLI::App& cmd, Limits& limits);
/// The argumentation schemes a case read with `input` may name: those of
/// each --schemes DIR, then of $CLAIMGRAPH_SCHEMES (colon-separated), then
/// the shipped ones. Loaded once; throws IoError or InputError for a bad
/// directory or scheme file.
[[nodiscard]] const SchemeLibrary& scheme_library(const InputOptions& input);
/// Adds --max-render-nodes.
void add_render_limit_option(CLI::App& cmd, Limits& limits);
/// Adds --max-search-steps.
void add_search_limit_option(CLI::App& cmd, analysis::SearchLimits& limits);
/// Adds --format text|json.
void add_report_format_option(CLI::App& cmd, io::ReportFormat& format);

/// The name the input has in messages: FILE, or "<stdin>" for "-".
[[nodiscard]] std::string input_name(const std::string& file);

/// Reads the input and reports its warnings on stderr (read_warnings: only
/// their count when `redaction` redacts a node). Throws InputError or
/// IoError. The graph lives until the process ends and is deliberately
/// never freed: tearing down a million-node graph only to exit costs a
/// noticeable fraction of a run (compilers skip it for the same reason).
[[nodiscard]] const io::ReadResult& load_graph(const InputOptions& input, const RedactOptions* redaction = nullptr);

/// Whether `redaction` redacts a node of `graph` (one that is privileged or
/// carries a tag it names).
[[nodiscard]] bool redacts_any(const Graph& graph, const RedactOptions& redaction);

/// The reader's warnings about `input`, as printed; when `redaction` redacts
/// a node, only their count, since they quote fields and their names.
[[nodiscard]] std::vector<std::string> read_warnings(const io::ReadResult& input, const std::string& file,
                                                     const RedactOptions* redaction = nullptr);

/// Reads the input afresh, for the subcommands that read it again at each
/// save (serve, watch): the result is the caller's, and nothing is printed.
/// Throws InputError or IoError.
[[nodiscard]] io::Input read_graph(const InputOptions& input);

/// The lint findings of `input`, read in `format`, as LintWarnings prints them
/// (at most ReadOptions::max_warnings, then a count); none for an abstract
/// framework. When `redaction` redacts a node of the graph, only a count:
/// findings name nodes and quote their fields, and what an output redacts
/// must not appear beside it.
[[nodiscard]] std::vector<std::string> lint_messages(const io::ReadResult& input, const io::InputFormat& format,
                                                     const std::string& file,
                                                     const RedactOptions* redaction = nullptr);

/// Writes through `write` to `path` atomically, or to standard output when
/// `path` is empty or "-". Refuses to overwrite `input`. Throws OutputError.
void write_output(const std::string& path, const std::string& input, const std::function<void(std::ostream&)>& write);

/// The threads a command's reading, analyses and writing may use: the
/// machine's cores, at most 8 (1 when unknown). Every answer is the same
/// on any number.
[[nodiscard]] std::size_t cores();

/// How the commands compute strengths: a large cycle's sweeps on the
/// machine's cores (at most 8), with the values one thread computes.
[[nodiscard]] analysis::StrengthOptions strength_options();

/// How to raise `limit`, to end a message: " (raise the limit with --max-nodes)".
[[nodiscard]] std::string limit_hint(Limit limit);
/// A diagnostic as printed: Diagnostic::format(), with the hint of its limit.
[[nodiscard]] std::string describe(const Diagnostic& diagnostic);
/// Prints a warning the library reported.
void warn(const Diagnostic& diagnostic);
/// The lint findings of what load_graph read, printed as warnings (at most
/// ReadOptions::max_warnings of them, then a count; only the count when
/// `redaction` redacts a node; none with -q or for an abstract framework;
/// see lint_messages). They are worked out on a second thread while the
/// command goes on with its own analyses and output: on a large case lint
/// is a fifth of the work, and a second core does it meanwhile; the
/// command's own thread takes the rules left once it shows them. They are
/// printed where a command has always printed them: before any warning
/// given to warn() and before an error thrown after due(); nothing is
/// printed for an error before due().
class LintWarnings {
 public:
  /// Starts on the findings of `input`, which load_graph read.
  LintWarnings(const io::ReadResult& input, const std::string& file, const RedactOptions* redaction = nullptr);
  LintWarnings(const LintWarnings&) = delete;
  LintWarnings& operator=(const LintWarnings&) = delete;
  /// Waits for the thread; prints the findings if they are due and not yet shown.
  ~LintWarnings();
  /// From here on the findings are printed even if an error ends the command.
  void due() noexcept { due_ = true; }
  /// Prints the findings (once), then the warnings warn() held back.
  void show();
  /// Prints a warning of the command's own: after the findings, so held
  /// back until they are shown.
  void warn(const Diagnostic& diagnostic);

 private:
  struct Found {
    std::vector<std::string> messages;
    double seconds = 0;
  };
  std::shared_ptr<io::LintInputRun> run_;  // null: nothing to lint
  std::future<Found> found_;
  std::vector<std::string> held_;
  bool due_ = false;
  bool shown_ = false;
  bool alone_ = false;  // no second thread: found_ is deferred, and show() lints
};

/// "--max-nodes" for Limit::nodes: the library's name of a limit, spelt as an option.
[[nodiscard]] std::string flag(Limit limit);

/// Adds --exclude ID (repeatable): the analyses as if the court had
/// excluded those nodes.
void add_exclude_option(CLI::App& cmd, std::vector<std::string>& ids);
/// Adds --burden: decide what grounded semantics leaves UNDEC by the burden
/// of persuasion; `with` says what else it needs ("" if nothing).
void add_burden_option(CLI::App& cmd, bool& burden, const std::string& with = "");

/// SOURCE_DATE_EPOCH, the date reproducible builds fix (seconds since
/// 1970-01-01T00:00Z), when the environment sets it. Throws UsageError when
/// it is set but is no such number.
[[nodiscard]] std::optional<std::int64_t> source_date_epoch();

/// Per node of `graph`: whether --exclude names it; empty when nothing is
/// excluded. Throws UsageError for an id no node has, with the nearest (never
/// one that `redaction` redacts).
[[nodiscard]] std::vector<bool> excluded_nodes(const Graph& graph, const std::vector<std::string>& ids,
                                               const std::string& file, const RedactOptions* redaction = nullptr);

}  // namespace claimgraph::cli
