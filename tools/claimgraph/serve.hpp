#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/redact.hpp"
#include "claimgraph/view.hpp"
#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph serve`.
struct ServeOptions {
  InputOptions input;
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  ///< 0: any free port
  bool open = false;       ///< run xdg-open on the address
  io::DiagramStyle style = io::DiagramStyle::colour;
  bool no_legend = false;
  bool no_clusters = false;
  bool evaluate = false;
  bool burden = false;  ///< --burden: the statuses decide what is undecided by the burden of persuasion
  std::vector<std::string> exclude;  ///< --exclude: as if the court had excluded these nodes
  ViewOptions view;
  RedactOptions redact;
};

/// Registers `serve` on `app`.
std::shared_ptr<ServeOptions> setup_serve(CLI::App& app);
/// Runs `serve` until SIGINT or SIGTERM; returns the exit status.
int run_serve(const ServeOptions& options);

}  // namespace claimgraph::cli
