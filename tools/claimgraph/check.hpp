#pragma once

#include <CLI/CLI.hpp>
#include <memory>

#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph check`.
struct CheckOptions {
  InputOptions input;
  io::ReportFormat format = io::ReportFormat::text;
  std::vector<std::string> exclude;  ///< --exclude: as if the court had excluded these nodes
};

/// Registers `check` on `app`; the options live as long as the app.
std::shared_ptr<CheckOptions> setup_check(CLI::App& app);
/// Runs `check`; returns the exit status.
int run_check(const CheckOptions& options);

}  // namespace claimgraph::cli
