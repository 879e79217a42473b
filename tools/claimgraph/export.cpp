#include "export.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <filesystem>
#include <sstream>
#include <utility>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/io/aif_writer.hpp"
#include "claimgraph/io/argdown_writer.hpp"
#include "claimgraph/io/csv_writer.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/graphml_writer.hpp"
#include "claimgraph/io/html_writer.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "claimgraph/io/markdown_writer.hpp"
#include "claimgraph/io/mermaid_writer.hpp"
#include "common.hpp"
#include "render.hpp"
#include "shown.hpp"

namespace claimgraph::cli {

namespace {
std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The format named by an output file's extension, if any.
std::string format_of(const std::string& path) {
  // An AIF map is JSON too: it takes the double extension .aif.json.
  if (lower(std::filesystem::path(path).filename().string()).ends_with(".aif.json")) return "aif";
  const std::string ext = lower(std::filesystem::path(path).extension().string());
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".json") return "json";
  if (ext == ".mmd" || ext == ".mermaid") return "mermaid";
  if (ext == ".graphml") return "graphml";
  if (ext == ".csv") return "csv";
  if (ext == ".md" || ext == ".markdown") return "markdown";
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".argdown" || ext == ".ad") return "argdown";
  return "";
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && lower(s.substr(s.size() - suffix.size())) == suffix;
}

// The two files of `--to csv -o OUT`: OUT without a trailing .csv (or
// .nodes.csv, or .edges.csv), then .nodes.csv and .edges.csv.
std::pair<std::string, std::string> csv_paths(const std::string& out) {
  std::string base = out;
  for (std::string_view suffix : {".nodes.csv", ".edges.csv", ".csv"}) {
    if (ends_with(base, suffix)) {
      base.resize(base.size() - suffix.size());
      break;
    }
  }
  return {base + ".nodes.csv", base + ".edges.csv"};
}

// Writer options with what analysis found about the graph shown.
template <typename Options>
Options with_analyses(const Shown& shown) {
  Options o;
  if (shown.grounding) o.grounding = &*shown.grounding;
  if (shown.status) o.status = &*shown.status;
  if (shown.strength) o.strength = &*shown.strength;
  return o;
}

// Whether `--to csv` can write beside `output`; says why not.
bool csv_output_usable(const std::string& output) {
  if (output.empty() || output == "-") {
    spdlog::error(
        "claimgraph: error: --to csv writes two files, OUT.nodes.csv and OUT.edges.csv, and cannot write them to "
        "standard output; give -o OUT.csv");
    return false;
  }
  struct stat st {};
  if (::stat(output.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    spdlog::error(
        "claimgraph: error: {} is not a regular file; --to csv writes OUT.nodes.csv and OUT.edges.csv, so give -o "
        "a file name",
        output);
    return false;
  }
  return true;
}

void write_csv(const ExportOptions& options, const Graph& graph, const Shown& shown) {
  const auto [nodes, edges] = csv_paths(options.output);
  auto csv = with_analyses<io::CsvOptions>(shown);
  csv.byte_order_mark = options.bom;
  // Each file is replaced atomically, the nodes first.
  write_output(nodes, options.file, [&](std::ostream& out) { io::write_csv_nodes(out, graph, csv); });
  write_output(edges, options.file, [&](std::ostream& out) { io::write_csv_edges(out, graph, csv); });
}
}  // namespace

std::shared_ptr<ExportOptions> setup_export(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand(
      "export",
      "Write the graph as Graphviz DOT, a Mermaid flowchart, GraphML, CSV tables, a Markdown report, an HTML page to "
      "explore it in a browser, claimgraph JSON, an AIF map, or Argdown");
  cmd->add_option("FILE", options->file, "Case file (claimgraph JSON), or - for standard input")->required();
  cmd->add_option("--to,-t", options->to,
                  "Output format (default: from OUT's extension: .dot/.gv, .mmd/.mermaid, .graphml, .csv, .md, .html, .json; "
                  ".argdown/.ad; .aif.json for aif, an AIF argument map)")
      ->check(CLI::IsMember({"dot", "mermaid", "graphml", "csv", "markdown", "html", "json", "aif", "argdown"}));
  cmd->add_option("-o,--output", options->output,
                  "Output file (default: standard output); written atomically. CSV: OUT.nodes.csv and OUT.edges.csv");
  cmd->add_flag("--no-legend", options->no_legend, "DOT, HTML: leave out the legend");
  cmd->add_flag("--no-clusters", options->no_clusters, "DOT, Mermaid, HTML: do not draw groups as clusters (subgraphs)");
  cmd->add_flag("--evaluate", options->evaluate,
                "DOT, Mermaid, HTML: colour each node by its status (IN, OUT, UNDEC) and shade it by its strength; "
                "GraphML, CSV, Markdown: add status, strength and established");
  cmd->add_flag("--bom", options->bom, "CSV: begin each file with a UTF-8 byte order mark (for Excel)");
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
    spdlog::error(
        "claimgraph: error: cannot tell the output format{}; give --to dot, mermaid, graphml, csv, markdown, html, "
        "json, aif or argdown",
        options.output.empty() ? "" : " from the name " + options.output);
    return static_cast<int>(ExitCode::bad_input);
  }
  // Refused before anything is read.
  if (to == "csv" && !csv_output_usable(options.output)) return static_cast<int>(ExitCode::bad_input);
  const auto& input = load_graph(options.file, options.limits, options.from);
  const bool analysed = to != "json" && to != "aif" && to != "argdown";
  const Shown shown = prepare_shown(input.graph, options.view, {analysed, analysed && options.evaluate});
  const Graph& graph = *shown.graph;
  if (to == "json") {
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_json(out, graph); });
  } else if (to == "aif") {
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_aif(out, graph); });
  } else if (to == "argdown") {
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_argdown(out, graph); });
  } else if (to == "csv") {
    write_csv(options, graph, shown);
  } else if (to == "mermaid") {
    auto mermaid = with_analyses<io::MermaidOptions>(shown);
    mermaid.subgraphs = !options.no_clusters;
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_mermaid(out, graph, mermaid); });
  } else if (to == "graphml") {
    const auto graphml = with_analyses<io::GraphmlOptions>(shown);
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_graphml(out, graph, graphml); });
  } else if (to == "markdown") {
    auto md = with_analyses<io::MarkdownOptions>(shown);
    md.diagram = options.diagram;
    write_output(options.output, options.file, [&](std::ostream& out) { io::write_markdown(out, graph, md); });
  } else {
    auto dot = with_analyses<io::DotOptions>(shown);
    dot.legend = !options.no_legend;
    dot.clusters = !options.no_clusters;
    if (to == "dot") {
      write_output(options.output, options.file, [&](std::ostream& out) { io::write_dot(out, graph, dot); });
    } else {
      // The page's diagram is the DOT diagram, drawn by Graphviz.
      Stopwatch watch;
      std::ostringstream dot_text;
      io::write_dot(dot_text, graph, dot);
      const std::string svg = render_svg(dot_text.view(), graph.node_count(), options.limits.max_render_nodes);
      spdlog::debug("drew the diagram ({} bytes of SVG) in {:.3f} s", svg.size(), watch.lap());
      auto html = with_analyses<io::HtmlOptions>(shown);
      html.svg = svg;
      write_output(options.output, options.file, [&](std::ostream& out) { io::write_html(out, graph, html); });
    }
  }
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
