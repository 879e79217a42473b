#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "common.hpp"
#include "claimgraph/io/diff_report.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph diff`.
struct DiffOptions {
  /// OLD and NEW; with --git, the seven arguments git gives an external diff
  /// driver: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE.
  std::vector<std::string> files;
  InputOptions input;  ///< --from, --schemes and the limits (its `file` unused)
  bool git = false;
  analysis::Semantics semantics = analysis::Semantics::grounded;
  bool burden = false;
  double threshold = 0.05;
  analysis::SearchLimits search;
  io::DiffFormat format = io::DiffFormat::text;
  std::string output;
};

/// Registers `diff` on `app`.
std::shared_ptr<DiffOptions> setup_diff(CLI::App& app);
/// Runs `diff`; returns the exit status: 0 the same, 1 something changed
/// (0 with --git, whatever changed).
int run_diff(const DiffOptions& options);

}  // namespace claimgraph::cli
