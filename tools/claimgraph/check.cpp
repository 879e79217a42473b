#include "check.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/io/check_report.hpp"
#include "common.hpp"

namespace claimgraph::cli {

std::shared_ptr<CheckOptions> setup_check(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Report the claims and counterclaims that lack evidence, and why");
  cmd->add_option("FILE", options->file, "Case file (claimgraph JSON), or - for standard input")->required();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_from_option(*cmd, options->from);
  add_limit_options(*cmd, options->limits);
  cmd->footer("Exit status: 0 every claim is grounded; 1 some claim lacks evidence; 2 unusable input.");
  return options;
}

int run_check(const CheckOptions& options) {
  const auto& input = load_graph(options.file, options.limits, options.from);
  Stopwatch watch;
  const auto report = analysis::check(input.graph);
  spdlog::debug("checked grounding in {:.3f} s", watch.lap());
  write_output("", options.file, [&](std::ostream& out) {
    if (options.format == "json") {
      io::write_check_json(out, input.graph, report);
    } else {
      io::write_check_text(out, input.graph, report);
    }
  });
  return static_cast<int>(report.lacking() == 0 ? ExitCode::ok : ExitCode::lacks_evidence);
}

}  // namespace claimgraph::cli
