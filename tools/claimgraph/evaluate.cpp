#include "evaluate.hpp"

#include <spdlog/spdlog.h>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/io/evaluation_report.hpp"
#include "common.hpp"

namespace claimgraph::cli {

namespace {

void add_common(CLI::App& cmd, EvaluateOptions& options) {
  cmd.add_option("--semantics", options.semantics, "Which semantics decides the status")
      ->check(CLI::IsMember({"grounded"}))
      ->capture_default_str();
  cmd.add_option("--format", options.format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  add_limit_options(cmd, options.limits);
}

struct Evaluated {
  io::ReadResult input;
  analysis::StatusReport status;
  analysis::StrengthReport strength;
};

Evaluated evaluate(const EvaluateOptions& options) {
  Evaluated r{load_graph(options.file, options.limits), {}, {}};
  Stopwatch watch;
  r.status = analysis::grounded_status(r.input.graph);
  spdlog::debug("labelled statuses in {:.3f} s", watch.lap());
  r.strength = analysis::evaluate_strength(r.input.graph, {}, &r.status);
  spdlog::debug("computed strengths in {:.3f} s", watch.lap());
  if (!r.strength.converged) {
    spdlog::warn("claimgraph: warning: strengths did not settle on {} nodes of support/attack cycles",
                 r.strength.unsettled.size());
  }
  return r;
}

}  // namespace

std::shared_ptr<EvaluateOptions> setup_evaluate(CLI::App& app) {
  auto options = std::make_shared<EvaluateOptions>();
  auto* cmd = app.add_subcommand("evaluate", "Which claims stand: status, strength and standard of proof of every node");
  cmd->add_option("FILE", options->file, "Case file (claimgraph JSON), or - for standard input")->required();
  add_common(*cmd, *options);
  return options;
}

std::shared_ptr<EvaluateOptions> setup_explain(CLI::App& app) {
  auto options = std::make_shared<EvaluateOptions>();
  auto* cmd = app.add_subcommand("explain", "Justify one node: its support down to the evidence, what attacks it, its standard");
  cmd->add_option("FILE", options->file, "Case file (claimgraph JSON), or - for standard input")->required();
  cmd->add_option("ID", options->node, "The node to explain")->required();
  add_common(*cmd, *options);
  return options;
}

int run_evaluate(const EvaluateOptions& options) {
  const auto r = evaluate(options);
  const io::Evaluation evaluation{options.semantics, &r.status, &r.strength};
  write_output("", options.file, [&](std::ostream& out) {
    if (options.format == "json") {
      io::write_evaluation_json(out, r.input.graph, evaluation);
    } else {
      io::write_evaluation_text(out, r.input.graph, evaluation);
    }
  });
  return static_cast<int>(ExitCode::ok);
}

int run_explain(const EvaluateOptions& options) {
  const auto r = evaluate(options);
  const auto v = r.input.graph.find(options.node);
  if (!v) {
    spdlog::error("claimgraph: error: no node \"{}\" in {}", options.node, options.file);
    return static_cast<int>(ExitCode::bad_input);
  }
  const io::Evaluation evaluation{options.semantics, &r.status, &r.strength};
  write_output("", options.file, [&](std::ostream& out) {
    if (options.format == "json") {
      io::write_explanation_json(out, r.input.graph, evaluation, *v);
    } else {
      io::write_explanation_text(out, r.input.graph, evaluation, *v);
    }
  });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
