#include "export.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <sstream>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/html_writer.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "common.hpp"
#include "render.hpp"

namespace claimgraph::cli {

namespace {
// The format named by an output file's extension, if any.
std::string format_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".json") return "json";
  if (ext == ".html" || ext == ".htm") return "html";
  return "";
}
}  // namespace

std::shared_ptr<ExportOptions> setup_export(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand(
      "export", "Write the graph as Graphviz DOT, canonical claimgraph JSON, or an HTML page to explore it in a browser");
  cmd->add_option("FILE", options->file, "Case file (claimgraph JSON), or - for standard input")->required();
  cmd->add_option("--to,-t", options->to, "Output format (default: from OUT's extension)")
      ->check(CLI::IsMember({"dot", "json", "html"}));
  cmd->add_option("-o,--output", options->output, "Output file (default: standard output); written atomically");
  cmd->add_flag("--no-legend", options->no_legend, "DOT, HTML: leave out the legend");
  cmd->add_flag("--no-clusters", options->no_clusters, "DOT, HTML: do not draw groups as clusters");
  cmd->add_flag("--evaluate", options->evaluate,
                "DOT, HTML: colour each node by its status (IN, OUT, UNDEC) and shade it by its strength; "
                "HTML: show both in the panel");
  add_from_option(*cmd, options->from);
  add_limit_options(*cmd, options->limits);
  return options;
}

int run_export(const ExportOptions& options) {
  std::string to = options.to;
  if (to.empty()) to = format_of(options.output);
  if (to.empty()) {
    spdlog::error("claimgraph: error: cannot tell the output format{}; give --to dot, --to json or --to html",
                  options.output.empty() ? "" : " from the name " + options.output);
    return static_cast<int>(ExitCode::bad_input);
  }
  const auto& input = load_graph(options.file, options.limits, options.from);
  if (to == "json") {
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_json(out, input.graph); });
  } else {
    Stopwatch watch;
    const auto report = analysis::check(input.graph);
    spdlog::debug("checked grounding in {:.3f} s", watch.lap());
    io::DotOptions dot;
    dot.grounding = &report;
    analysis::StatusReport status;
    analysis::StrengthReport strength;
    if (options.evaluate) {
      status = analysis::grounded_status(input.graph);
      strength = analysis::evaluate_strength(input.graph, {}, &status);
      dot.status = &status;
      dot.strength = &strength;
      spdlog::debug("evaluated status and strength in {:.3f} s", watch.lap());
    }
    dot.legend = !options.no_legend;
    dot.clusters = !options.no_clusters;
    if (to == "dot") {
      write_output(options.output, options.file, [&](std::ostream& out) { io::write_dot(out, input.graph, dot); });
    } else {
      // The page's diagram is the DOT diagram, drawn by Graphviz.
      std::ostringstream dot_text;
      io::write_dot(dot_text, input.graph, dot);
      const std::string svg = render_svg(dot_text.view());
      spdlog::debug("drew the diagram ({} bytes of SVG) in {:.3f} s", svg.size(), watch.lap());
      io::HtmlOptions html;
      html.grounding = dot.grounding;
      html.status = dot.status;
      html.strength = dot.strength;
      html.svg = svg;
      write_output(options.output, options.file, [&](std::ostream& out) { io::write_html(out, input.graph, html); });
    }
  }
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
