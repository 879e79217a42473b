#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "claimgraph/limits.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph render`.
struct RenderOptions {
  std::string file;
  std::string output;
  std::string format;
  std::string layout;
  std::string from;
  bool no_legend = false;
  bool no_clusters = false;
  bool evaluate = false;
  Limits limits;
};

/// Registers `render` on `app`.
std::shared_ptr<RenderOptions> setup_render(CLI::App& app);
/// Runs `render`; returns the exit status.
int run_render(const RenderOptions& options);

}  // namespace claimgraph::cli
