#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "claimgraph/limits.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph evaluate` and `claimgraph explain`.
struct EvaluateOptions {
  std::string file;
  std::string node;  ///< explain: the node to justify
  std::string semantics = "grounded";
  std::string format = "text";
  std::string from;
  std::size_t max_search_steps = 50'000'000;
  Limits limits;
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
