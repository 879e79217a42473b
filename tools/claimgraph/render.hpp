#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "claimgraph/limits.hpp"
#include "claimgraph/view.hpp"

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
  ViewOptions view;
  Limits limits;
};

/// Registers `render` on `app`.
std::shared_ptr<RenderOptions> setup_render(CLI::App& app);
/// Runs `render`; returns the exit status.
int run_render(const RenderOptions& options);

/// Draws `dot` (as io::write_dot writes it, of a graph of `nodes` nodes) as
/// SVG in process, for the HTML page: with dot, or with sfdp above
/// `max_render_nodes` (saying so on stderr). Throws io::RenderError.
[[nodiscard]] std::string render_svg(std::string_view dot, std::size_t nodes, std::size_t max_render_nodes);

}  // namespace claimgraph::cli
