#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "claimgraph/limits.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph import`: another format in, claimgraph JSON out.
struct ImportOptions {
  std::string file;
  std::string output;
  std::string from;  ///< the input format (default: from FILE's extension)
  Limits limits;
};

/// Registers `import` on `app`.
std::shared_ptr<ImportOptions> setup_import(CLI::App& app);
/// Runs `import`; returns the exit status.
int run_import(const ImportOptions& options);

}  // namespace claimgraph::cli
