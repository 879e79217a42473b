#include "check.hpp"

#include <spdlog/spdlog.h>

#include <optional>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/io/check_report.hpp"

namespace claimgraph::cli {

std::shared_ptr<CheckOptions> setup_check(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Report the claims and counterclaims that lack evidence, and why");
  add_input_options(*cmd, options->input);
  add_exclude_option(*cmd, options->exclude);
  add_report_format_option(*cmd, options->format);
  cmd->footer("Exit status: 0 every claim is grounded; 1 some claim lacks evidence; 2 unusable input.");
  return options;
}

int run_check(const CheckOptions& options) {
  const auto& input = load_graph(options.input);
  LintWarnings lint(input, options.input.file);
  lint.due();
  const auto excluded = excluded_nodes(input.graph, options.exclude, options.input.file);
  Stopwatch watch;
  const auto report = analysis::check(input.graph, excluded);
  std::optional<analysis::GroundingReport> record;
  if (!excluded.empty()) record = analysis::check(input.graph);
  const auto schemes = analysis::scheme_use(input.graph, scheme_library(options.input));
  spdlog::debug("checked grounding in {:.3f} s", watch.lap());
  std::optional<io::CheckExclusion> exclusion;
  if (record) exclusion.emplace(io::CheckExclusion{excluded, *record});
  const io::CheckExclusion* changes = exclusion ? &*exclusion : nullptr;
  lint.show();
  write_output("", options.input.file, [&](std::ostream& out) {
    switch (options.format) {
      case io::ReportFormat::text: io::write_check_text(out, input.graph, report, &schemes, changes, cores()); break;
      case io::ReportFormat::json: io::write_check_json(out, input.graph, report, &schemes, changes, cores()); break;
    }
  });
  return static_cast<int>(report.lacking() == 0 ? ExitCode::ok : ExitCode::lacks_evidence);
}

}  // namespace claimgraph::cli
