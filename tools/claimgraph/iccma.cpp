#include "iccma.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <iostream>

#include "claimgraph/analysis/abstract.hpp"
#include "common.hpp"

namespace claimgraph::cli {

namespace {
constexpr std::array problems{"SE-GR", "EE-GR", "DC-GR", "DS-GR", "SE-PR", "EE-PR", "DC-PR",
                              "DS-PR", "SE-ST", "EE-ST", "DC-ST", "DS-ST"};
}  // namespace

std::shared_ptr<IccmaOptions> setup_iccma(CLI::App& app) {
  auto options = std::make_shared<IccmaOptions>();
  auto* cmd = app.add_subcommand(
      "iccma",
      "Answer ICCMA queries on an abstract framework: -p TASK -f FILE [-a ARG]. Tasks SE (one extension), EE (all), "
      "DC (credulous), DS (sceptical) for GR (grounded), PR (preferred), ST (stable)");
  cmd->add_option("-p,--problem", options->problem, "The task, e.g. DC-PR")->check(CLI::IsMember(problems));
  cmd->add_option("-f,--file", options->file, "The framework (.apx, .tgf or .i23)");
  cmd->add_option("--fo", options->format, "Its format (default: from the extension)")
      ->check(CLI::IsMember({"apx", "tgf", "i23"}));
  cmd->add_option("-a,--argument", options->argument, "The argument of a DC or DS query");
  cmd->add_flag("--formats", options->formats, "List the formats read");
  cmd->add_flag("--problems", options->problems, "List the tasks answered");
  cmd->add_option("--max-search-steps", options->max_search_steps, "Work limit of the preferred/stable search")
      ->capture_default_str()
      ->group("Limits");
  add_limit_options(*cmd, options->limits);
  return options;
}

int run_iccma(const IccmaOptions& options) {
  if (options.formats) {
    std::cout << "[apx,tgf,i23]\n";
    return 0;
  }
  if (options.problems) {
    std::cout << '[';
    for (std::size_t i = 0; i < problems.size(); ++i) std::cout << (i ? "," : "") << problems[i];
    std::cout << "]\n";
    return 0;
  }
  if (options.problem.empty() || options.file.empty()) {
    spdlog::error("claimgraph: error: iccma needs -p TASK and -f FILE (see claimgraph iccma --help)");
    return static_cast<int>(ExitCode::bad_input);
  }
  const std::string task = options.problem.substr(0, 2);
  const auto semantics = *analysis::parse_semantics(options.problem.substr(3) == "GR"   ? "grounded"
                                                    : options.problem.substr(3) == "PR" ? "preferred"
                                                                                        : "stable");
  const auto& input = load_graph(options.file, options.limits, options.format.empty() ? "" : options.format);
  const Graph& g = input.graph;
  analysis::SearchLimits limits;
  limits.max_steps = options.max_search_steps;
  std::string answer;
  if (task == "SE") {
    const auto e = analysis::some_extension(g, semantics, limits);
    answer = e ? analysis::format_extension(g, *e) : std::string("NO");
  } else if (task == "EE") {
    answer = analysis::format_extensions(g, analysis::enumerate_extensions(g, semantics, limits));
  } else {
    const auto v = g.find(options.argument);
    if (!v) {
      spdlog::error("claimgraph: error: {}: no argument \"{}\" (give it with -a)", options.file, options.argument);
      return static_cast<int>(ExitCode::bad_input);
    }
    const bool yes = task == "DC" ? analysis::credulously_accepted(g, semantics, *v, limits)
                                  : analysis::sceptically_accepted(g, semantics, *v, limits);
    answer = analysis::format_answer(yes);
  }
  write_output("", options.file, [&](std::ostream& out) { out << answer << '\n'; });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
