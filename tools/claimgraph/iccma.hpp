#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "claimgraph/limits.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph iccma`, the ICCMA solver interface.
struct IccmaOptions {
  std::string problem;   ///< e.g. DC-PR
  std::string file;
  std::string format;    ///< apx, tgf or i23 (default: from the extension)
  std::string argument;  ///< for DC-* and DS-*
  bool formats = false;
  bool problems = false;
  std::size_t max_search_steps = 50'000'000;
  Limits limits;
};

/// Registers `iccma` on `app`.
std::shared_ptr<IccmaOptions> setup_iccma(CLI::App& app);
/// Runs `iccma`; returns the exit status.
int run_iccma(const IccmaOptions& options);

}  // namespace claimgraph::cli
