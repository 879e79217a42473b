#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "claimgraph/io/formats.hpp"
#include "claimgraph/view.hpp"
#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph export`.
struct ExportOptions {
  InputOptions input;
  const io::OutputFormat* to = nullptr;  ///< null: told by the output's extension
  std::string output;
  io::WriteSettings settings;
  bool no_legend = false;
  bool no_clusters = false;
  bool evaluate = false;
  std::optional<io::Paper> page;  ///< null: letter
  bool landscape = false;
  ViewOptions view;
};

/// Registers `export` on `app`.
std::shared_ptr<ExportOptions> setup_export(CLI::App& app);
/// Runs `export`; returns the exit status.
int run_export(const ExportOptions& options);

/// What to say when `name` names a picture, which `render` draws, or "".
[[nodiscard]] std::string drawn_by_render(const std::string& name);

}  // namespace claimgraph::cli
