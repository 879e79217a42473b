#pragma once
// `claimgraph schemes`: the argumentation schemes a case may name, with
// their critical questions (docs/schemes.md).

#include <CLI/CLI.hpp>
#include <memory>

#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph schemes`.
struct SchemesOptions {
  InputOptions input;  ///< only its --schemes directories
  io::ReportFormat format = io::ReportFormat::text;
};

/// Registers `schemes` on `app`; the options live as long as the app.
std::shared_ptr<SchemesOptions> setup_schemes(CLI::App& app);
/// Runs `schemes`; returns the exit status.
int run_schemes(const SchemesOptions& options);

}  // namespace claimgraph::cli
