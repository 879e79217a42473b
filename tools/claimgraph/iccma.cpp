#include "iccma.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "choices.hpp"

namespace claimgraph::cli {

namespace {

// ICCMA's names of the tasks and semantics: "DC-PR".
Choices<std::optional<IccmaProblem>> problem_choices() {
  constexpr std::pair<const char*, IccmaTask> tasks[] = {
      {"SE", IccmaTask::se}, {"EE", IccmaTask::ee}, {"DC", IccmaTask::dc}, {"DS", IccmaTask::ds}};
  constexpr std::pair<const char*, analysis::Semantics> semantics[] = {{"GR", analysis::Semantics::grounded},
                                                                        {"PR", analysis::Semantics::preferred},
                                                                        {"ST", analysis::Semantics::stable}};
  Choices<std::optional<IccmaProblem>> out;
  for (const auto& [s, sem] : semantics) {
    for (const auto& [t, task] : tasks) out.push_back({std::string(t) + "-" + s, IccmaProblem{task, sem}});
  }
  return out;
}

// "[a,b,c]", ICCMA's list syntax.
template <class T>
std::string bracketed(const Choices<T>& choices) {
  std::string out = "[";
  for (std::size_t i = 0; i < choices.size(); ++i) out += (i > 0 ? "," : "") + choices[i].name;
  return out + "]";
}

}  // namespace

std::shared_ptr<IccmaOptions> setup_iccma(CLI::App& app) {
  auto options = std::make_shared<IccmaOptions>();
  auto* cmd = app.add_subcommand(
      "iccma",
      "Answer ICCMA queries on an abstract framework: -p TASK -f FILE [-a ARG]. Tasks SE (one extension), EE (all), "
      "DC (credulous), DS (sceptical) for GR (grounded), PR (preferred), ST (stable)");
  add_choice(*cmd, "-p,--problem", options->problem, problem_choices(), "The task, e.g. DC-PR");
  cmd->add_option("-f,--file", options->input.file, "The framework (" + names(input_choices(true)) + ")");
  add_choice(*cmd, "--fo", options->input.from, input_choices(true), "Its format (default: from the extension)");
  cmd->add_option("-a,--argument", options->argument, "The argument of a DC or DS query");
  cmd->add_flag("--formats", options->formats, "List the formats read");
  cmd->add_flag("--problems", options->problems, "List the tasks answered");
  add_search_limit_option(*cmd, options->search);
  add_limit_options(*cmd, options->input.limits);
  return options;
}

int run_iccma(const IccmaOptions& options) {
  if (options.formats || options.problems) {
    std::cout << (options.formats ? bracketed(input_choices(true)) : bracketed(problem_choices())) << '\n';
    return static_cast<int>(ExitCode::ok);
  }
  if (!options.problem || options.input.file.empty()) {
    throw UsageError("iccma needs -p TASK and -f FILE (see claimgraph iccma --help)");
  }
  const auto [task, semantics] = *options.problem;
  const Graph& g = load_graph(options.input).graph;
  std::string answer;
  if (task == IccmaTask::se) {
    const auto e = analysis::some_extension(g, semantics, options.search);
    answer = e ? analysis::format_extension(g, *e) : std::string("NO");
  } else if (task == IccmaTask::ee) {
    answer = analysis::format_extensions(g, analysis::enumerate_extensions(g, semantics, options.search));
  } else {
    const auto v = g.find(options.argument);
    if (!v) {
      throw UsageError(input_name(options.input.file) + ": no argument \"" + options.argument + "\" (give it with -a)");
    }
    const bool yes = task == IccmaTask::dc ? analysis::credulously_accepted(g, semantics, *v, options.search)
                                           : analysis::sceptically_accepted(g, semantics, *v, options.search);
    answer = analysis::format_answer(yes);
  }
  write_output("", options.input.file, [&](std::ostream& out) { out << answer << '\n'; });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
