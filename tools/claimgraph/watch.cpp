// claimgraph watch: export again at each save of the case file, carrying on
// past a save that cannot be read (the output stays the last good one).

#include "watch.hpp"

#include <spdlog/spdlog.h>

#include "file_watch.hpp"

namespace claimgraph::cli {

namespace {

// Reads the file and exports it; on failure prints why and leaves the output as it was.
void export_once(const ExportOptions& options, const io::OutputFormat& format) {
  try {
    const io::Input input = read_graph(options.input);
    if (spdlog::should_log(spdlog::level::warn)) {
      for (const auto& line : read_warnings(input.result, options.input.file, &options.redact)) spdlog::warn("{}", line);
      for (const auto& line : lint_messages(input.result, *input.format, options.input.file, &options.redact)) spdlog::warn("{}", line);
    }
    write_export(options, format, input.result);
    spdlog::info("claimgraph: wrote {}", options.output);
  } catch (...) {
    print(problems_of(std::current_exception()));
    spdlog::info("claimgraph: {} is unchanged; waiting for the next save of {}", options.output,
                 input_name(options.input.file));
  }
}

}  // namespace

std::shared_ptr<WatchOptions> setup_watch(CLI::App& app) {
  auto options = std::make_shared<WatchOptions>();
  auto* cmd = app.add_subcommand("watch", "Export again each time the file is saved, as export does, until Ctrl-C");
  add_export_options(*cmd, options->exported, "Output file, replaced atomically at each good save");
  cmd->get_option("--output")->required();
  cmd->footer("A save that cannot be read prints why on stderr and leaves OUT as it was; the next good save "
              "replaces it.\nFILE is never written.\n"
              "Exit status: 0 stopped by Ctrl-C (SIGINT) or SIGTERM; 2 unusable arguments.");
  return options;
}

int run_watch(const WatchOptions& options) {
  const auto& exported = options.exported;
  if (exported.input.file == "-") {
    throw UsageError("watch follows a file from save to save; FILE cannot be - (standard input)");
  }
  if (exported.output == "-") throw UsageError("watch replaces a file at each save; give -o a file name");
  StopSignals signals;
  const io::OutputFormat& format = export_format(exported);
  FileWatch watch(exported.input.file);
  export_once(exported, format);
  spdlog::info("claimgraph: watching {} (Ctrl-C stops)", input_name(exported.input.file));
  while (!signals.wait(FileWatch::interval)) {
    if (watch.changed()) export_once(exported, format);
  }
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
