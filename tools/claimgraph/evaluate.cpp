#include "evaluate.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "claimgraph/analysis/abstract.hpp"
#include "claimgraph/analysis/labellings.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/io/evaluation_report.hpp"
#include "common.hpp"

namespace claimgraph::cli {

namespace {

void add_common(CLI::App& cmd, EvaluateOptions& options) {
  cmd.add_option("--semantics", options.semantics,
                 "grounded: IN/OUT/UNDEC status; preferred or stable: credulous and sceptical acceptance "
                 "(abstract frameworks: contradicts edges only)")
      ->check(CLI::IsMember({"grounded", "preferred", "stable"}))
      ->capture_default_str();
  cmd.add_option("--max-search-steps", options.max_search_steps, "Preferred/stable: work limit of the search")
      ->capture_default_str()
      ->group("Limits");
  add_from_option(cmd, options.from);
  cmd.add_option("--format", options.format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  add_limit_options(cmd, options.limits);
}

struct Evaluated {
  const io::ReadResult& input;
  analysis::StatusReport status;
  analysis::StrengthReport strength;
};

Evaluated evaluate(const EvaluateOptions& options) {
  Evaluated r{load_graph(options.file, options.limits, options.from), {}, {}};
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

namespace {
// Preferred and stable: credulous and sceptical acceptance of every node
// (analysis/labellings.hpp: for case graphs with supports, elements and
// undercuts as well as for abstract frameworks).
int run_acceptance(const EvaluateOptions& options) {
  const auto& input = load_graph(options.file, options.limits, options.from);
  const Graph& g = input.graph;
  const auto semantics = *analysis::parse_semantics(options.semantics);
  analysis::SearchLimits limits;
  limits.max_steps = options.max_search_steps;
  const auto accepted = analysis::case_acceptance(g, semantics, limits);
  write_output("", options.file, [&](std::ostream& out) {
    std::string buf;
    if (options.format == "json") {
      buf = "{\n  \"semantics\": \"" + options.semantics + "\",\n  \"nodes\": [";
      for (std::size_t v = 0; v < g.node_count(); ++v) {
        buf += v == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ";
        buf += nlohmann::json(g.node(v).id).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        buf += ", \"credulous\": ";
        buf += accepted[v].credulous ? "true" : "false";
        buf += ", \"sceptical\": ";
        buf += accepted[v].sceptical ? "true" : "false";
        buf += '}';
      }
      buf += g.node_count() == 0 ? "]\n}\n" : "\n  ]\n}\n";
    } else {
      std::size_t sceptical = 0, credulous = 0;
      for (std::size_t v = 0; v < g.node_count(); ++v) {
        const char* word = accepted[v].sceptical ? "sceptically" : accepted[v].credulous ? "credulously" : "not";
        sceptical += accepted[v].sceptical ? 1u : 0u;
        credulous += accepted[v].credulous && !accepted[v].sceptical ? 1u : 0u;
        buf += "  ";
        buf += g.node(v).id;
        buf += ": accepted ";
        buf += word;
        buf += '\n';
      }
      buf += std::to_string(g.node_count()) + " nodes under " + options.semantics + " semantics: " +
             std::to_string(sceptical) + " sceptically accepted, " + std::to_string(credulous) +
             " only credulously, " + std::to_string(g.node_count() - sceptical - credulous) + " not accepted.\n";
    }
    out << buf;
  });
  return static_cast<int>(ExitCode::ok);
}
}  // namespace

int run_evaluate(const EvaluateOptions& options) {
  if (options.semantics != "grounded") return run_acceptance(options);
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
  if (options.semantics != "grounded") {
    spdlog::error("claimgraph: error: explain justifies the grounded status; use --semantics grounded");
    return static_cast<int>(ExitCode::bad_input);
  }
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
