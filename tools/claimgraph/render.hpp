#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "claimgraph/io/exhibit.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/formats.hpp"
#include "claimgraph/io/render.hpp"
#include "claimgraph/redact.hpp"
#include "claimgraph/view.hpp"
#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph render`.
struct RenderOptions {
  InputOptions input;
  std::string output;
  const io::DrawingFormat* format = nullptr;  ///< null: told by the output's extension
  std::optional<io::LayoutEngine> layout;     ///< null: dot, or sfdp for large graphs
  io::DiagramStyle style = io::DiagramStyle::colour;
  bool no_legend = false;
  bool no_clusters = false;
  bool evaluate = false;
  bool burden = false;  ///< --burden: the statuses decide what is undecided by the burden of persuasion
  std::optional<io::Paper> page;  ///< set: fit the drawing to this paper, over several pages if need be
  bool landscape = false;
  ViewOptions view;
  RedactOptions redact;
  std::vector<std::string> exclude;  ///< --exclude: as if the court had excluded these nodes
  bool critical = false;             ///< --critical: mark the single points of failure
};

/// Registers `render` on `app`.
std::shared_ptr<RenderOptions> setup_render(CLI::App& app);
/// Runs `render`; returns the exit status.
int run_render(const RenderOptions& options);

}  // namespace claimgraph::cli
