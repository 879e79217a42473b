#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "claimgraph/io/formats.hpp"
#include "claimgraph/redact.hpp"
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
  bool burden = false;  ///< --burden: the statuses decide what is undecided by the burden of persuasion
  std::optional<io::Paper> page;  ///< null: letter
  bool landscape = false;
  ViewOptions view;
  RedactOptions redact;
  std::vector<std::string> exclude;  ///< --exclude: as if the court had excluded these nodes
  bool critical = false;             ///< --critical: mark the single points of failure
};

/// Adds FILE and every option of `export` but the subcommand's own help
/// (watch takes them too); `output_help` says what -o does.
void add_export_options(CLI::App& cmd, ExportOptions& options, const std::string& output_help);
/// The format to write, with the options checked against it, before
/// anything is read. Throws UsageError.
[[nodiscard]] const io::OutputFormat& export_format(const ExportOptions& options);
/// Writes what `export` writes of `input`, read from options.input.file:
/// the view, the analyses, then each file atomically. Throws as export does.
/// With `lint` (working on the same input), the writer's warnings come
/// after its findings, and the findings are shown before anything is
/// written to standard output.
void write_export(const ExportOptions& options, const io::OutputFormat& format, const io::ReadResult& input,
                  LintWarnings* lint = nullptr);

/// Registers `export` on `app`.
std::shared_ptr<ExportOptions> setup_export(CLI::App& app);
/// Runs `export`; returns the exit status.
int run_export(const ExportOptions& options);

/// What to say when `name` names a picture, which `render` draws, or "".
[[nodiscard]] std::string drawn_by_render(const std::string& name);

}  // namespace claimgraph::cli
