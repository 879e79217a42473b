#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "claimgraph/limits.hpp"
#include "claimgraph/view.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph export`.
struct ExportOptions {
  std::string file;
  std::string to;
  std::string output;
  std::string from;
  bool no_legend = false;
  bool no_clusters = false;
  bool evaluate = false;
  std::string diagram;
  ViewOptions view;
  bool bom = false;
  Limits limits;
};

/// Registers `export` on `app`.
std::shared_ptr<ExportOptions> setup_export(CLI::App& app);
/// Runs `export`; returns the exit status.
int run_export(const ExportOptions& options);

}  // namespace claimgraph::cli
