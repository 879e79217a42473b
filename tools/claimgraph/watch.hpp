#pragma once

#include <CLI/CLI.hpp>
#include <memory>

#include "export.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph watch`: those of export, with -o required.
struct WatchOptions {
  ExportOptions exported;
};

/// Registers `watch` on `app`.
std::shared_ptr<WatchOptions> setup_watch(CLI::App& app);
/// Runs `watch` until SIGINT or SIGTERM; returns the exit status.
int run_watch(const WatchOptions& options);

}  // namespace claimgraph::cli
