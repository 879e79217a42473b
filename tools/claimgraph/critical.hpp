#pragma once
// `claimgraph critical`: what each claim cannot afford to lose.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "claimgraph/analysis/critical.hpp"
#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph critical`.
struct CriticalOptions {
  InputOptions input;
  std::vector<std::string> claims;   ///< --claim: the claims to look at (none: every one)
  std::size_t max_set = 2;           ///< --max-set: the largest cut sets looked for
  std::size_t max_steps = analysis::CriticalOptions{}.max_steps;  ///< --max-cut-set-steps
  bool evaluate = false;             ///< --evaluate: the status too
  bool burden = false;               ///< --burden: with --evaluate, decide UNDEC by the burden
  std::vector<std::string> exclude;  ///< --exclude: excluded before the question is asked
  io::ReportFormat format = io::ReportFormat::text;
};

/// Registers `critical` on `app`.
std::shared_ptr<CriticalOptions> setup_critical(CLI::App& app);
/// Runs `critical`; returns the exit status.
int run_critical(const CriticalOptions& options);

}  // namespace claimgraph::cli
