#pragma once

#include <CLI/CLI.hpp>
#include <memory>

#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph lint`.
struct LintOptions {
  InputOptions input;
  io::ReportFormat format = io::ReportFormat::text;
  bool strict = false;  ///< findings are errors: exit status 1 when there is one
};

/// Registers `lint` on `app`; the options live as long as the app.
std::shared_ptr<LintOptions> setup_lint(CLI::App& app);
/// Runs `lint`; returns the exit status.
int run_lint(const LintOptions& options);

}  // namespace claimgraph::cli
