#include "import.hpp"

#include <spdlog/spdlog.h>

#include "claimgraph/io/json_writer.hpp"
#include "common.hpp"

namespace claimgraph::cli {

std::shared_ptr<ImportOptions> setup_import(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand(
      "import",
      "Convert an argument map from another tool (Argdown; AIF JSON from OVA or AIFdb; ICCMA frameworks) into a "
      "claimgraph case file, written as canonical claimgraph JSON");
  cmd->add_option("FILE", options->file, "The map to convert, or - for standard input (then give --from)")->required();
  cmd->add_option("-o,--output", options->output, "Case file to write (default: standard output); written atomically");
  add_from_option(*cmd, options->from);
  add_limit_options(*cmd, options->limits);
  return options;
}

int run_import(const ImportOptions& options) {
  const auto& input = load_graph(options.file, options.limits, options.from);
  write_output(options.output, options.file, [&](std::ostream& out) { io::write_json(out, input.graph); });
  spdlog::debug("imported {} nodes and {} edges", input.graph.node_count(), input.graph.edge_count());
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
