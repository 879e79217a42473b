#include "evaluate.hpp"

#include <spdlog/spdlog.h>

#include "choices.hpp"
#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/analysis/critical.hpp"
#include "claimgraph/analysis/labellings.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/io/evaluation_report.hpp"

namespace claimgraph::cli {

namespace {

void add_common(CLI::App& cmd, EvaluateOptions& options, bool acceptance) {
  add_input_options(cmd, options.input);
  if (acceptance) {
    add_choice(cmd, "--semantics", options.semantics, semantics_choices(),
               "grounded: IN/OUT/UNDEC status; preferred or stable: credulous and sceptical acceptance");
    add_search_limit_option(cmd, options.search);
  }
  add_burden_option(cmd, options.burden);
  add_exclude_option(cmd, options.exclude);
  add_report_format_option(cmd, options.format);
}

struct Evaluated {
  const io::ReadResult& input;
  analysis::SchemeUse schemes;
  analysis::StatusReport status;
  analysis::StrengthReport strength;
  std::vector<bool> excluded;                     ///< --exclude, per node; empty: none
  std::optional<analysis::StatusReport> record;  ///< with --exclude: the whole record's status

  [[nodiscard]] io::Evaluation evaluation() const {
    return {status, strength, &schemes, excluded.empty() ? nullptr : &excluded, record ? &*record : nullptr};
  }
};

Evaluated evaluate(const EvaluateOptions& options, const io::ReadResult& input) {
  Evaluated r{input, {}, {}, {}, {}, {}};
  Stopwatch watch;
  const Graph& g = r.input.graph;
  r.excluded = excluded_nodes(g, options.exclude, options.input.file);
  // The critical questions of the schemes the case uses are weighed with it.
  r.schemes = analysis::scheme_use(g, scheme_library(options.input));
  if (!r.excluded.empty()) {
    auto whole = analysis::scheme_use(g, scheme_library(options.input));
    r.record = analysis::evaluate_status(g, &whole, {.burden = options.burden});
  }
  auto evaluated = analysis::evaluate(g, r.excluded, &r.schemes, {.burden = options.burden}, strength_options());
  r.status = std::move(evaluated.status);
  r.strength = std::move(evaluated.strength);
  spdlog::debug("labelled statuses and computed strengths in {:.3f} s", watch.lap());
  if (r.strength.cycles > 0) {
    spdlog::debug("strengths: {} cycle{} of support and attack swept, the largest of {} node{}, in at most {} sweep{}",
                  r.strength.cycles, r.strength.cycles == 1 ? "" : "s", r.strength.largest_cycle,
                  r.strength.largest_cycle == 1 ? "" : "s", r.strength.sweeps, r.strength.sweeps == 1 ? "" : "s");
  }
  if (!r.strength.converged) {
    spdlog::warn("claimgraph: warning: strengths did not settle on {} nodes of support/attack cycles",
                 r.strength.unsettled.size());
  }
  return r;
}

// Preferred and stable: credulous and sceptical acceptance of every node
// (analysis/labellings.hpp: for case graphs with supports, elements and
// undercuts as well as for abstract frameworks).
int run_acceptance(const EvaluateOptions& options) {
  const auto& input = load_graph(options.input);
  LintWarnings lint(input, options.input.file);
  lint.due();
  const Graph& g = input.graph;
  // Critical questions weigh as they do under grounded semantics: on the
  // case with a node per raised question, cut back to the case's nodes.
  const auto excluded = excluded_nodes(g, options.exclude, options.input.file);
  std::optional<Graph> rest;
  if (!excluded.empty()) rest = analysis::without(g, excluded);
  const Graph& weighed = rest ? *rest : g;
  auto schemes = analysis::scheme_use(weighed, scheme_library(options.input));
  const auto questions = analysis::question_graph(weighed, schemes);
  auto accepted = analysis::case_acceptance(questions ? *questions : weighed, options.semantics, options.search);
  accepted.resize(g.node_count());
  lint.show();
  write_output("", options.input.file, [&](std::ostream& out) {
    switch (options.format) {
      case io::ReportFormat::text: io::write_acceptance_text(out, g, options.semantics, accepted); break;
      case io::ReportFormat::json: io::write_acceptance_json(out, g, options.semantics, accepted); break;
    }
  });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace

std::shared_ptr<EvaluateOptions> setup_evaluate(CLI::App& app) {
  auto options = std::make_shared<EvaluateOptions>();
  auto* cmd = app.add_subcommand("evaluate", "Which claims stand: status, strength and standard of proof of every node");
  add_common(*cmd, *options, true);
  return options;
}

std::shared_ptr<EvaluateOptions> setup_explain(CLI::App& app) {
  auto options = std::make_shared<EvaluateOptions>();
  auto* cmd = app.add_subcommand(
      "explain", "Justify one node's grounded status: its support down to the evidence, what attacks it, its standard");
  add_common(*cmd, *options, false);
  cmd->add_option("ID", options->node, "The node to explain")->required();
  return options;
}

int run_evaluate(const EvaluateOptions& options) {
  if (options.semantics != analysis::Semantics::grounded) {
    if (options.burden) throw UsageError("--burden decides what grounded semantics leaves UNDEC; leave out --semantics");
    return run_acceptance(options);
  }
  const auto& input = load_graph(options.input);
  LintWarnings lint(input, options.input.file);  // shown after evaluate()'s own warnings, and not on its errors
  const auto r = evaluate(options, input);
  lint.show();
  const io::Evaluation evaluation = r.evaluation();
  write_output("", options.input.file, [&](std::ostream& out) {
    switch (options.format) {
      case io::ReportFormat::text: io::write_evaluation_text(out, r.input.graph, evaluation); break;
      case io::ReportFormat::json: io::write_evaluation_json(out, r.input.graph, evaluation, cores()); break;
    }
  });
  return static_cast<int>(ExitCode::ok);
}

int run_explain(const EvaluateOptions& options) {
  const auto r = evaluate(options, load_graph(options.input));
  const Graph& g = r.input.graph;
  const auto v = g.find(options.node);
  if (!v) {
    throw UsageError("no node \"" + options.node + "\" in " + input_name(options.input.file) +
                     did_you_mean_node(g, options.node));
  }
  const io::Evaluation evaluation = r.evaluation();
  write_output("", options.input.file, [&](std::ostream& out) {
    switch (options.format) {
      case io::ReportFormat::text: io::write_explanation_text(out, g, evaluation, *v); break;
      case io::ReportFormat::json: io::write_explanation_json(out, g, evaluation, *v); break;
    }
  });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
