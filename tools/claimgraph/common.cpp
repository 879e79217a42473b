#include "common.hpp"

#include "claimgraph/suggest.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

#include "choices.hpp"
#include "claimgraph/io/file.hpp"
#include "claimgraph/io/lint_report.hpp"
#include "claimgraph/io/scheme_reader.hpp"

namespace claimgraph::cli {

namespace {

// The --max-* options: one per member of Limits that input reading obeys.
struct LimitOption {
  Limit limit;
  std::size_t Limits::*member;
  const char* help;
};

constexpr LimitOption input_limits[] = {
    {Limit::input_bytes, &Limits::max_input_bytes, "Largest input accepted, in bytes"},
    {Limit::depth, &Limits::max_depth, "Deepest nesting accepted: JSON arrays and objects, Argdown relations"},
    {Limit::string_bytes, &Limits::max_string_bytes, "Longest string value accepted, in bytes"},
    {Limit::nodes, &Limits::max_nodes, "Most nodes accepted"},
    {Limit::edges, &Limits::max_edges, "Most edges accepted"},
};


// The format of the input load_graph read last.
const io::InputFormat* loaded_format = nullptr;
// The schemes scheme_library() loaded, for lint.
const SchemeLibrary* loaded_schemes = nullptr;

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
}

}  // namespace

std::string flag(Limit limit) {
  std::string name(to_string(limit));
  for (char& c : name) c = c == '_' ? '-' : c;
  return "--" + name;
}

void add_input_options(CLI::App& cmd, InputOptions& input) {
  cmd.add_option("FILE", input.file, input_file_help())->required();
  add_choice(cmd, "--from", input.from, input_choices(),
             "Input format (default: told by FILE's extension and, for JSON, its content)");
  cmd.add_option("--schemes", input.schemes,
                 "A directory of argumentation schemes (NAME.json), searched before $CLAIMGRAPH_SCHEMES and the "
                 "shipped ones (repeatable)")
      ->type_name("DIR")
      ->take_all()
      ->allow_extra_args(false);
  add_limit_options(cmd, input.limits);
}

const SchemeLibrary& scheme_library(const InputOptions& input) {
  static std::optional<SchemeLibrary> library;
  if (!library) {
    std::vector<std::string> dirs = input.schemes;
    if (const char* env = std::getenv("CLAIMGRAPH_SCHEMES")) {
      const std::string list = env;
      std::size_t start = 0;
      while (start <= list.size()) {
        const std::size_t end = std::min(list.find(':', start), list.size());
        if (end > start) dirs.push_back(list.substr(start, end - start));
        start = end + 1;
      }
    }
    library = io::load_schemes(dirs);
    loaded_schemes = &*library;
  }
  return *library;
}

void add_limit_options(CLI::App& cmd, Limits& limits) {
  for (const LimitOption& o : input_limits) {
    cmd.add_option(flag(o.limit), limits.*o.member, o.help)->capture_default_str()->group("Limits");
  }
}

void add_render_limit_option(CLI::App& cmd, Limits& limits) {
  cmd.add_option(flag(Limit::render_nodes), limits.max_render_nodes,
                 "Most nodes laid out with dot, neato or fdp; above it the default layout is sfdp")
      ->capture_default_str()
      ->group("Limits");
}

void add_search_limit_option(CLI::App& cmd, analysis::SearchLimits& limits) {
  cmd.add_option(flag(Limit::search_steps), limits.max_steps, "Preferred and stable semantics: work limit of the search")
      ->capture_default_str()
      ->group("Limits");
}

void add_report_format_option(CLI::App& cmd, io::ReportFormat& format) {
  add_choice(cmd, "--format", format, report_choices(), "Output format");
}

std::string input_name(const std::string& file) { return file == "-" ? std::string("<stdin>") : file; }

bool redacts_any(const Graph& graph, const RedactOptions& redaction) {
  const auto marked = redacted_nodes(graph, redaction);
  return std::find(marked.begin(), marked.end(), true) != marked.end();
}

std::vector<std::string> read_warnings(const io::ReadResult& input, const std::string& file,
                                       const RedactOptions* redaction) {
  if (input.warnings.empty()) return {};
  if (redaction != nullptr && redacts_any(input.graph, *redaction)) {
    // The reader keeps the first warnings and ends with a note of how many
    // more there were.
    const auto count = static_cast<std::size_t>(std::count_if(
        input.warnings.begin(), input.warnings.end(), [](const Diagnostic& d) { return d.severity == Severity::warning; }));
    const bool more = count < input.warnings.size();
    return {input_name(file) + ": note: " + (more ? "more than " : "") + std::to_string(count) +
            (count == 1 && !more ? " warning" : " warnings") +
            " from reading not shown because the output is redacted (they quote fields); claimgraph lint shows them"};
  }
  std::vector<std::string> out;
  out.reserve(input.warnings.size());
  for (const auto& w : input.warnings) out.push_back(describe(w));
  return out;
}

const io::ReadResult& load_graph(const InputOptions& input, const RedactOptions* redaction) {
  (void)scheme_library(input);  // a bad --schemes directory is an error before anything is read
  const std::string name = input_name(input.file);
  Stopwatch watch;
  const auto text = io::InputText::open(input.file, input.limits.max_input_bytes);
  spdlog::debug("read {} bytes from {} in {:.3f} s", text.text().size(), name, watch.lap());
  const io::InputFormat& format =
      input.from != nullptr ? *input.from : io::detect_input_format(input.file, text.text(), input.limits);
  io::ReadOptions options;
  options.file_name = name;
  if (input.file != "-") options.path = input.file;
  options.limits = input.limits;
  options.readable_past_end = text.padding();
  options.text_read = [&text](std::size_t bytes) { text.release_pages(bytes); };
  options.threads = cores();
  io::ReadResult result = format.read(text.text(), options);
  loaded_format = &format;
  for (const auto& line : read_warnings(result, input.file, redaction)) spdlog::warn("{}", line);
  spdlog::debug("parsed {} nodes and {} edges as {} in {:.3f} s", result.graph.node_count(), result.graph.edge_count(),
                format.name, watch.lap());
  // Reachable from a static to the end, so leak checkers do not count it.
  // (volatile: nothing reads the pointer back, and an optimising build
  // would otherwise drop the store, leaving the graph unreachable.)
  [[maybe_unused]] static io::ReadResult* volatile kept = nullptr;
  auto* graph = new io::ReadResult(std::move(result));
  kept = graph;
  return *graph;
}

io::Input read_graph(const InputOptions& input) {
  (void)scheme_library(input);
  io::ReadOptions options;
  options.limits = input.limits;
  options.threads = cores();  // as load_graph: the answer is the same on one thread
  return io::read_input(input.file, input.from, options);
}

namespace {
// The lint of what was read, as warnings show it: the first findings, for
// a thread that may help with it (LintWarnings::show) before one finishes
// it. Null when nothing is to be linted: an abstract framework (ICCMA) has
// arguments and attacks only, and every rule about sources, parties and
// claims would fire on every node.
std::shared_ptr<io::LintInputRun> lint_run(const io::ReadResult& input, const io::InputFormat& format,
                                           const std::string& file) {
  if (format.abstract) return nullptr;
  // Only the findings shown are worded (a large case may have many).
  return std::make_shared<io::LintInputRun>(input, input_name(file), io::ReadOptions{}.max_warnings,
                                            Severity::warning, loaded_schemes, false);
}

// lint_messages without its line on -v, for a thread that must not print.
std::vector<std::string> lint_text(const io::ReadResult& input, io::LintInputRun* run, const std::string& file,
                                   const RedactOptions* redaction) {
  if (run == nullptr) return {};
  const auto findings = run->finish();
  if (redaction != nullptr && redacts_any(input.graph, *redaction)) {
    if (findings.total == 0) return {};
    return {input_name(file) + ": note: " + std::to_string(findings.total) +
            (findings.total == 1 ? " lint finding" : " lint findings") +
            " not shown because the output is redacted (findings name nodes); claimgraph lint lists them"};
  }
  std::vector<std::string> out;
  out.reserve(findings.first.size() + 1);
  for (const auto& f : findings.first) out.push_back(io::format(f));
  if (findings.total > findings.first.size()) {
    out.push_back(input_name(file) + ": note: " + std::to_string(findings.total - findings.first.size()) +
                  " more lint findings not shown; claimgraph lint lists them all");
  }
  return out;
}
}  // namespace

std::vector<std::string> lint_messages(const io::ReadResult& input, const io::InputFormat& format,
                                       const std::string& file, const RedactOptions* redaction) {
  Stopwatch watch;
  auto out = lint_text(input, lint_run(input, format, file).get(), file, redaction);
  spdlog::debug("linted in {:.3f} s", watch.lap());
  return out;
}

void write_output(const std::string& path, const std::string& input, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw OutputError("<stdout>: error: cannot write");
    return;
  }
  if (input != "-" && same_file(path, input)) {
    throw OutputError(path + ": error: the output would overwrite the input file; choose another output path");
  }
  Stopwatch watch;
  try {
    io::write_file_atomically(path, write);
  } catch (const IoError& e) {
    throw OutputError(e.what());
  }
  spdlog::debug("wrote {} in {:.3f} s", path, watch.lap());
}

std::string limit_hint(Limit limit) {
  std::string hint = " (raise the limit with " + flag(limit);
  if (limit == Limit::render_nodes) {
    hint += ", or draw a smaller view: --focus ID --depth N, --group G, --party P or --gaps-only";
  }
  return hint + ")";
}

std::string describe(const Diagnostic& diagnostic) {
  return diagnostic.format() + (diagnostic.limit ? limit_hint(*diagnostic.limit) : std::string());
}

std::size_t cores() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);  // 0 when unknown
}

analysis::StrengthOptions strength_options() {
  analysis::StrengthOptions options;
  options.threads = cores();
  return options;
}

void warn(const Diagnostic& diagnostic) { spdlog::warn("{}", describe(diagnostic)); }

LintWarnings::LintWarnings(const io::ReadResult& input, const std::string& file, const RedactOptions* redaction) {
  if (!spdlog::should_log(spdlog::level::warn) || loaded_format == nullptr) {
    shown_ = true;  // nothing to show: warnings are silenced
    return;
  }
  // The graph and the scheme library are only read from here on, by both
  // threads; the graph builds what it derives under its own lock.
  run_ = lint_run(input, *loaded_format, file);
  auto work = [&input, run = run_, file, redaction] {
    Stopwatch watch;
    Found found{lint_text(input, run.get(), file, redaction), 0};
    found.seconds = watch.lap();
    return found;
  };
  try {
    found_ = std::async(std::launch::async, work);
  } catch (const std::system_error&) {
    found_ = std::async(std::launch::deferred, work);  // no thread to be had: lint when shown
    alone_ = true;
  }
}

LintWarnings::~LintWarnings() {
  try {
    if (due_) show();
    // Else found_'s own destructor waits for the thread (a deferred lint never runs).
  } catch (...) {
    // Ending on another error already: that error is the one reported.
  }
}

void LintWarnings::show() {
  if (shown_) return;
  shown_ = true;
  // The command's own work is done: its thread lints too (all of it, when
  // no second thread was to be had).
  Stopwatch watch;
  if (run_) run_->help();
  const double helped = watch.lap();
  const Found found = found_.get();
  if (alone_) {
    spdlog::debug("linted in {:.3f} s, on this thread (no second thread to be had)", helped + found.seconds);
  } else {
    spdlog::debug("linted in {:.3f} s, on a second thread", found.seconds);
  }
  for (const auto& message : found.messages) spdlog::warn("{}", message);
  for (const auto& message : held_) spdlog::warn("{}", message);
  held_.clear();
}

void LintWarnings::warn(const Diagnostic& diagnostic) {
  if (shown_) {
    cli::warn(diagnostic);
  } else {
    held_.push_back(describe(diagnostic));
  }
}

void add_burden_option(CLI::App& cmd, bool& burden, const std::string& with) {
  cmd.add_flag("--burden", burden,
               (with.empty() ? std::string("D") : "With " + with + ": d") +
                   "ecide what grounded semantics leaves UNDEC by the burden of persuasion: against the party "
                   "that bears it (its burden, else its party)");
}

void add_exclude_option(CLI::App& cmd, std::vector<std::string>& ids) {
  cmd.add_option("--exclude", ids,
                 "As if the court had excluded this node (evidence or a claim): it grounds, supports and attacks "
                 "nothing; repeatable")
      ->group("Exclusion");
}

std::optional<std::int64_t> source_date_epoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (value == nullptr || *value == '\0') return std::nullopt;
  const std::string_view text(value);
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  // Up to the end of year 9999, which a PDF date can hold.
  if (error != std::errc() || end != text.data() + text.size() || seconds < 0 || seconds > 253402300799) {
    throw UsageError("SOURCE_DATE_EPOCH=\"" + std::string(text) +
                     "\" is not a date: give a whole number of seconds since 1970-01-01 UTC, such as 1611187200, "
                     "or unset it");
  }
  return seconds;
}

std::vector<bool> excluded_nodes(const Graph& graph, const std::vector<std::string>& ids, const std::string& file,
                                 const RedactOptions* redaction) {
  if (ids.empty()) return {};
  std::vector<bool> excluded(graph.node_count(), false);
  for (const auto& id : ids) {
    const auto v = graph.find(id);
    if (!v) {
      // The suggestion never names a node the output redacts.
      const std::vector<bool> unnamed = redaction != nullptr ? redacted_nodes(graph, *redaction) : std::vector<bool>{};
      throw UsageError("--exclude " + id + ": no node \"" + id + "\" in " + input_name(file) +
                       did_you_mean_node(graph, id, unnamed));
    }
    excluded[*v] = true;
  }
  return excluded;
}

}  // namespace claimgraph::cli
