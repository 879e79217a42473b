#include "import.hpp"

#include <spdlog/spdlog.h>

#include "choices.hpp"
#include "claimgraph/io/json_writer.hpp"

namespace claimgraph::cli {

std::shared_ptr<ImportOptions> setup_import(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  std::string others;
  for (const auto& f : io::input_formats()) {
    if (&f != &io::input_formats().front()) others += (others.empty() ? "" : ", ") + std::string(f.name);
  }
  auto* cmd = app.add_subcommand(
      "import", "Convert an argument map from another tool (" + others +
                    ") into a claimgraph case file, written as canonical claimgraph JSON");
  add_input_options(*cmd, options->input);
  cmd->add_option("-o,--output", options->output, "Case file to write (default: standard output); written atomically");
  return options;
}

int run_import(const ImportOptions& options) {
  const auto& input = load_graph(options.input);
  write_output(options.output, options.input.file, [&](std::ostream& out) { io::write_json(out, input.graph, cores()); });
  spdlog::debug("imported {} nodes and {} edges", input.graph.node_count(), input.graph.edge_count());
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
