#include "lint.hpp"

#include <cstddef>
#include <future>
#include <system_error>

#include <spdlog/spdlog.h>

#include "claimgraph/analysis/lint.hpp"
#include "claimgraph/io/lint_report.hpp"

namespace claimgraph::cli {

namespace {

// "L001 reversed-element, L002 ...": the codes, for --help.
std::string codes_help() {
  std::string out = "Codes (docs/lint.md gives each with an example and the fix):";
  for (const auto& rule : analysis::lint_rules()) {
    out += "\n  " + std::string(rule.id) + " " + std::string(rule.name) + ": " + std::string(rule.summary);
  }
  return out;
}

}  // namespace

std::shared_ptr<LintOptions> setup_lint(CLI::App& app) {
  auto options = std::make_shared<LintOptions>();
  auto* cmd = app.add_subcommand("lint", "Report shapes of the case that are likely modelling mistakes, each with a fix");
  add_input_options(*cmd, options->input);
  add_report_format_option(*cmd, options->format);
  cmd->add_flag("--strict", options->strict, "Report the findings as errors, and exit with status 1 when there is one (notes, such as open critical questions, stay notes)");
  cmd->footer(codes_help() +
              "\nExit status: 0 no findings, or findings without --strict; 1 some finding, with --strict; "
              "2 unusable input.");
  return options;
}

int run_lint(const LintOptions& options) {
  const auto& input = load_graph(options.input);
  Stopwatch watch;
  io::LintInputRun run(input, input_name(options.input.file), static_cast<std::size_t>(-1),
                       options.strict ? Severity::error : Severity::warning, &scheme_library(options.input));
  // A second thread takes rules beside this one (none when no thread is to be had).
  std::future<void> helper;
  try {
    helper = std::async(std::launch::async, [&run] { run.help(); });
  } catch (const std::system_error&) {
  }
  // Placed and in order; each worded as it is written.
  const io::PlacedFindings findings = run.finish_placed();
  if (helper.valid()) helper.get();
  spdlog::debug("linted in {:.3f} s", watch.lap());
  write_output("", options.input.file, [&](std::ostream& out) {
    switch (options.format) {
      case io::ReportFormat::text: io::write_lint_text(out, findings, cores()); break;
      case io::ReportFormat::json: io::write_lint_json(out, findings, cores()); break;
    }
  });
  // Notes (L015) are a checklist, not a mistake.
  return static_cast<int>(options.strict && findings.beyond_notes() ? ExitCode::lint_findings : ExitCode::ok);
}

}  // namespace claimgraph::cli
