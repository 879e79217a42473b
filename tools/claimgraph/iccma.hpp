#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "common.hpp"

namespace claimgraph::cli {

/// An ICCMA task: SE one extension, EE every extension, DC credulous and DS
/// sceptical acceptance of one argument.
enum class IccmaTask : std::uint8_t { se, ee, dc, ds };

/// A task under a semantics ("DC-PR").
struct IccmaProblem {
  IccmaTask task = IccmaTask::se;
  analysis::Semantics semantics = analysis::Semantics::grounded;
  friend bool operator==(const IccmaProblem&, const IccmaProblem&) = default;
};

/// Options of `claimgraph iccma`, the ICCMA solver interface.
struct IccmaOptions {
  std::optional<IccmaProblem> problem;
  InputOptions input;    ///< -f FILE and --fo FORMAT (abstract frameworks only)
  std::string argument;  ///< for DC-* and DS-*
  bool formats = false;
  bool problems = false;
  analysis::SearchLimits search;
};

/// Registers `iccma` on `app`.
std::shared_ptr<IccmaOptions> setup_iccma(CLI::App& app);
/// Runs `iccma`; returns the exit status.
int run_iccma(const IccmaOptions& options);

}  // namespace claimgraph::cli
