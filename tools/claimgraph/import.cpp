#include "import.hpp"

#include "claimgraph/io/json_writer.hpp"
#include "common.hpp"

namespace claimgraph::cli {

std::shared_ptr<ImportOptions> setup_import(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand("import",
                                 "Convert another format (Argdown, or an ICCMA framework) into a claimgraph case file");
  cmd->add_option("FILE", options->file, "Input file, or - for standard input (then give --from)")->required();
  cmd->add_option("-o,--output", options->output, "Output case file (default: standard output); written atomically");
  add_from_option(*cmd, options->from);
  add_limit_options(*cmd, options->limits);
  return options;
}

int run_import(const ImportOptions& options) {
  // load_graph picks the reader from --from or FILE's extension.
  const auto& input = load_graph(options.file, options.limits, options.from);
  write_output(options.output, options.file, [&](std::ostream& out) { io::write_json(out, input.graph); });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
