#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph evaluate` and `claimgraph explain`.
struct EvaluateOptions {
  InputOptions input;
  std::string node;  ///< explain: the node to justify
  analysis::Semantics semantics = analysis::Semantics::grounded;
  io::ReportFormat format = io::ReportFormat::text;
  analysis::SearchLimits search;
  bool burden = false;  ///< decide what grounded semantics leaves undecided by the burden of persuasion
  std::vector<std::string> exclude;  ///< --exclude: as if the court had excluded these nodes
};

/// Registers `evaluate` on `app`.
std::shared_ptr<EvaluateOptions> setup_evaluate(CLI::App& app);
/// Registers `explain` on `app`.
std::shared_ptr<EvaluateOptions> setup_explain(CLI::App& app);
/// Runs `evaluate`; returns the exit status.
int run_evaluate(const EvaluateOptions& options);
/// Runs `explain`; returns the exit status.
int run_explain(const EvaluateOptions& options);

}  // namespace claimgraph::cli
