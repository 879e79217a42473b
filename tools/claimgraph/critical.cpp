#include "critical.hpp"

#include <spdlog/spdlog.h>

#include "claimgraph/io/critical_report.hpp"
#include "claimgraph/suggest.hpp"

namespace claimgraph::cli {

std::shared_ptr<CriticalOptions> setup_critical(CLI::App& app) {
  auto options = std::make_shared<CriticalOptions>();
  auto* cmd = app.add_subcommand(
      "critical",
      "What each claim cannot lose: the smallest sets of evidence whose exclusion would leave it without evidence, "
      "and the evidence that alone holds up a claim");
  add_input_options(*cmd, options->input);
  cmd->add_option("--claim", options->claims, "Look only at this claim or counterclaim (repeatable)");
  cmd->add_option("--max-set", options->max_set,
                  "The largest sets of evidence looked for, 1 to " + std::to_string(analysis::max_cut_set))
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, analysis::max_cut_set));
  cmd->add_flag("--evaluate", options->evaluate,
                "Also: which sets of evidence turn a claim that is IN (grounded status) OUT or UNDEC");
  cmd->add_flag("--burden", options->burden,
                "With --evaluate: decide what grounded semantics leaves UNDEC by the burden of persuasion");
  add_exclude_option(*cmd, options->exclude);
  cmd->add_option(flag(Limit::cut_set_steps), options->max_steps,
                  "Work limit of the search for cut sets (steps: nodes, edges and evidence looked at)")
      ->capture_default_str()
      ->group("Limits");
  add_report_format_option(*cmd, options->format);
  cmd->footer("Exit status: 0 done; 2 unusable input or arguments, or the search went past its limit.");
  return options;
}

int run_critical(const CriticalOptions& options) {
  if (options.burden && !options.evaluate) throw UsageError("--burden decides statuses; give --evaluate too");
  const auto& input = load_graph(options.input);
  LintWarnings lint(input, options.input.file);
  lint.due();
  const Graph& g = input.graph;
  analysis::CriticalOptions asked;
  asked.max_set = options.max_set;
  asked.max_steps = options.max_steps;
  asked.excluded = excluded_nodes(g, options.exclude, options.input.file);
  asked.status = options.evaluate;
  asked.schemes = &scheme_library(options.input);
  asked.status_options.burden = options.burden;
  for (const auto& id : options.claims) {
    const auto v = g.find(id);
    if (!v) {
      throw UsageError("--claim " + id + ": no node \"" + id + "\" in " + input_name(options.input.file) +
                       did_you_mean_node(g, id));
    }
    if (!is_claim_like(g.node(*v).kind)) {
      throw UsageError("--claim " + id + ": \"" + id + "\" is evidence; name a claim or counterclaim");
    }
    asked.claims.push_back(*v);
  }
  Stopwatch watch;
  const auto report = analysis::critical(g, asked);
  spdlog::debug("found the cut sets in {:.3f} s ({} steps)", watch.lap(), report.steps);
  lint.show();
  write_output("", options.input.file, [&](std::ostream& out) {
    switch (options.format) {
      case io::ReportFormat::text: io::write_critical_text(out, g, report); break;
      case io::ReportFormat::json: io::write_critical_json(out, g, report); break;
    }
  });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
