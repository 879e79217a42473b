#include "export.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "claimgraph/io/markdown_writer.hpp"
#include "common.hpp"
#include "shown.hpp"

namespace claimgraph::cli {

namespace {
// The format named by an output file's extension, if any.
std::string format_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".json") return "json";
  if (ext == ".md" || ext == ".markdown") return "markdown";
  return "";
}
}  // namespace

std::shared_ptr<ExportOptions> setup_export(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Write the graph as Graphviz DOT, canonical claimgraph JSON or a Markdown report");
  cmd->add_option("FILE", options->file, "Case file (claimgraph JSON), or - for standard input")->required();
  cmd->add_option("--to,-t", options->to, "Output format (default: from OUT's extension)")
      ->check(CLI::IsMember({"dot", "json", "markdown"}));
  cmd->add_option("-o,--output", options->output, "Output file (default: standard output); written atomically");
  cmd->add_flag("--no-legend", options->no_legend, "DOT: leave out the legend");
  cmd->add_flag("--no-clusters", options->no_clusters, "DOT: do not draw groups as clusters");
  cmd->add_flag("--evaluate", options->evaluate,
                "DOT: colour each node by its status (IN, OUT, UNDEC) and shade it by its strength; Markdown: add status, "
                "strength and standards");
  cmd->add_option("--diagram", options->diagram,
                  "Markdown: the rendered diagram to link at the end (e.g. made with claimgraph render)");
  add_view_options(*cmd, options->view);
  add_from_option(*cmd, options->from);
  add_limit_options(*cmd, options->limits);
  return options;
}

int run_export(const ExportOptions& options) {
  std::string to = options.to;
  if (to.empty()) to = format_of(options.output);
  if (to.empty()) {
    spdlog::error("claimgraph: error: cannot tell the output format{}; give --to dot or --to json",
                  options.output.empty() ? "" : " from the name " + options.output);
    return static_cast<int>(ExitCode::bad_input);
  }
  const auto& input = load_graph(options.file, options.limits, options.from);
  const Shown shown = prepare_shown(input.graph, options.view, {to != "json", options.evaluate && to != "json"});
  if (to == "json") {
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_json(out, *shown.graph); });
  } else if (to == "markdown") {
    io::MarkdownOptions md;
    md.grounding = &*shown.grounding;
    if (shown.status) md.status = &*shown.status;
    if (shown.strength) md.strength = &*shown.strength;
    md.diagram = options.diagram;
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_markdown(out, *shown.graph, md); });
  } else {
    io::DotOptions dot;
    if (shown.grounding) dot.grounding = &*shown.grounding;
    if (shown.status) dot.status = &*shown.status;
    if (shown.strength) dot.strength = &*shown.strength;
    dot.legend = !options.no_legend;
    dot.clusters = !options.no_clusters;
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_dot(out, *shown.graph, dot); });
  }
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
