#include "render.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/render.hpp"
#include "common.hpp"
#include "shown.hpp"

namespace claimgraph::cli {

namespace {

// The smaller views to suggest when a graph is too large to draw well.
constexpr const char* smaller_views = "--focus ID --depth N, --group G, --party P or --gaps-only";

// Says on stderr what a render is doing once it has taken more than a moment
// (at once with -v): quick renders stay quiet, slow ones show each stage and
// how long it took. A watcher thread waits out the patience; the render
// reports its stages from the calling thread.
class Progress {
 public:
  Progress(std::size_t nodes, io::RenderFormat format, io::LayoutEngine engine, std::chrono::milliseconds patience)
      : nodes_(nodes), format_(io::to_string(format)), engine_(io::to_string(engine)) {
    if (patience.count() == 0) {  // -v: every stage, as it begins, from this thread
      shown_ = true;
      announce();
      return;
    }
    watcher_ = std::thread([this, patience] {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!done_.wait_for(lock, patience, [this] { return finished_; })) {
        shown_ = true;
        announce();
      }
    });
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress() { stop(); }

  // The render entered `stage`.
  void stage(io::RenderStage stage) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (stage == stage_) return;
    if (stage_ == io::RenderStage::layout) layout_seconds_ = stage_watch_.lap();
    stage_watch_.lap();
    stage_ = stage;
    if (shown_) announce();
  }

  // The render is over; if its stages were shown, says how long it took.
  void finished() {
    stop();
    if (shown_) spdlog::info("rendered in {:.1f} s", total_.lap());
  }

 private:
  void stop() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      finished_ = true;
    }
    done_.notify_all();
    if (watcher_.joinable()) watcher_.join();
  }

  // Holding mutex_.
  void announce() const {
    switch (stage_) {
      case io::RenderStage::parse: spdlog::info("reading {} nodes into Graphviz…", nodes_); break;
      case io::RenderStage::layout: spdlog::info("laying out {} nodes with {}…", nodes_, engine_); break;
      case io::RenderStage::render:
        if (layout_seconds_) {
          spdlog::info("rendering {}… (layout took {:.1f} s)", format_, *layout_seconds_);
        } else {
          spdlog::info("rendering {}…", format_);
        }
        break;
    }
  }

  std::size_t nodes_;
  const char* format_;
  const char* engine_;
  Stopwatch total_;
  Stopwatch stage_watch_;
  std::optional<double> layout_seconds_;
  io::RenderStage stage_ = io::RenderStage::parse;
  bool shown_ = false;
  bool finished_ = false;
  std::mutex mutex_;
  std::condition_variable done_;
  std::thread watcher_;
};

// The DOT to draw, as `export --to dot` writes it, of the graph shown.
std::string diagram(const Shown& shown, const RenderOptions& options) {
  Stopwatch watch;
  io::DotOptions dot;
  if (shown.grounding) dot.grounding = &*shown.grounding;
  if (shown.status) dot.status = &*shown.status;
  if (shown.strength) dot.strength = &*shown.strength;
  dot.legend = !options.no_legend;
  dot.clusters = !options.no_clusters;
  std::ostringstream out;
  io::write_dot(out, *shown.graph, dot);
  spdlog::debug("wrote the DOT in {:.3f} s", watch.lap());
  return std::move(out).str();
}

}  // namespace

std::shared_ptr<RenderOptions> setup_render(CLI::App& app) {
  auto options = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand("render", "Draw the graph as SVG, PNG or PDF with Graphviz's libraries");
  cmd->add_option("FILE", options->file, "Case file (claimgraph JSON), or - for standard input")->required();
  cmd->add_option("-o,--output", options->output,
                  "Output file (.svg, .png or .pdf), or - for standard output with --format; written atomically")
      ->required();
  cmd->add_option("--format", options->format, "Output format (default: from OUT's extension)")
      ->check(CLI::IsMember({"svg", "png", "pdf"}));
  cmd->add_option("--layout", options->layout,
                  "Graphviz layout: dot (layered; the default), neato or fdp (force-directed), sfdp (large graphs; "
                  "the default above --max-render-nodes)")
      ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp"}));
  cmd->add_flag("--no-legend", options->no_legend, "Leave out the legend");
  cmd->add_flag("--no-clusters", options->no_clusters, "Do not draw groups as clusters");
  cmd->add_flag("--evaluate", options->evaluate,
                "Colour each node by its status (IN, OUT, UNDEC) and shade it by its strength");
  add_view_options(*cmd, options->view);
  add_from_option(*cmd, options->from);
  add_limit_options(*cmd, options->limits);
  cmd->add_option("--max-render-nodes", options->limits.max_render_nodes,
                  "Most nodes laid out with dot, neato or fdp; above it the default layout is sfdp")
      ->capture_default_str()
      ->group("Limits");
  cmd->footer(
      "Exit status: 0 drawn; 2 unusable input or arguments, or too many nodes for the layout asked for;\n"
      "3 Graphviz could not draw it (say, its cairo plugin for PNG and PDF is missing) or the output could not be "
      "written.");
  return options;
}

int run_render(const RenderOptions& options) {
  const bool to_stdout = options.output == "-";
  const std::optional<io::RenderFormat> format =
      !options.format.empty() ? io::parse_render_format(options.format)
      : to_stdout             ? std::nullopt
                              : io::parse_render_format(std::filesystem::path(options.output).extension().string());
  if (!format) {
    if (to_stdout) {
      spdlog::error("claimgraph: error: give --format svg, png or pdf to write to standard output");
    } else {
      spdlog::error("claimgraph: error: cannot tell the output format from the name {}; name it .svg, .png or .pdf, "
                    "or give --format svg, png or pdf",
                    options.output);
    }
    return static_cast<int>(ExitCode::bad_input);
  }
  const auto& input = load_graph(options.file, options.limits, options.from);
  const std::string name = options.file == "-" ? "<stdin>" : options.file;
  const Shown shown = prepare_shown(input.graph, options.view, {true, options.evaluate});

  io::RenderOptions render;
  render.format = *format;
  const std::size_t nodes = shown.graph->node_count();
  const std::size_t limit = options.limits.max_render_nodes;
  if (!options.layout.empty()) render.layout = *io::parse_layout_engine(options.layout);
  if (nodes > limit && render.layout != io::LayoutEngine::sfdp) {
    if (!options.layout.empty()) {
      spdlog::error("claimgraph: error: {} has {} nodes, more than --max-render-nodes ({}) for the {} layout, which "
                    "would take minutes or hours; render a smaller view ({}), use --layout sfdp, or raise "
                    "--max-render-nodes",
                    name, nodes, limit, options.layout, smaller_views);
      return static_cast<int>(ExitCode::bad_input);
    }
    render.layout = io::LayoutEngine::sfdp;
    spdlog::warn("claimgraph: warning: {} has {} nodes, more than --max-render-nodes ({}) for the dot layout; "
                 "drawing it with sfdp instead (groups are not drawn as clusters); for a readable diagram, render a "
                 "smaller view ({})",
                 name, nodes, limit, smaller_views);
  }

  const std::string dot = diagram(shown, options);
  const bool verbose = spdlog::default_logger_raw()->should_log(spdlog::level::debug);
  render.on_warning = [](const std::string& warning) { spdlog::warn("claimgraph: warning: Graphviz: {}", warning); };
  // Rendered inside the write, so that an output that cannot be created
  // fails before a long layout, and a failed render leaves no file.
  write_output(options.output, options.file, [&](std::ostream& out) {
    const auto patience = verbose ? std::chrono::milliseconds(0) : std::chrono::milliseconds(1000);
    Progress progress(nodes, render.format, render.layout, patience);
    render.on_stage = [&progress](io::RenderStage stage) { progress.stage(stage); };
    io::render(out, dot, render);
    progress.finished();
  });
  return static_cast<int>(ExitCode::ok);
}

std::string render_svg(std::string_view dot, std::size_t nodes, std::size_t max_render_nodes) {
  io::RenderOptions render;
  render.format = io::RenderFormat::svg;
  if (nodes > max_render_nodes) {
    render.layout = io::LayoutEngine::sfdp;
    spdlog::warn("claimgraph: warning: the diagram has {} nodes, more than --max-render-nodes ({}) for the dot layout; "
                 "drawing it with sfdp instead; for a readable diagram, export a smaller view ({})",
                 nodes, max_render_nodes, smaller_views);
  }
  render.on_warning = [](const std::string& warning) { spdlog::warn("claimgraph: warning: Graphviz: {}", warning); };
  return io::render(dot, render);
}

}  // namespace claimgraph::cli
