#include "render.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "choices.hpp"
#include "claimgraph/io/diagram.hpp"
#include "shown.hpp"

namespace claimgraph::cli {

namespace {

// dot, neato, fdp, sfdp, as the value of an optional.
Choices<std::optional<io::LayoutEngine>> optional_layouts() {
  Choices<std::optional<io::LayoutEngine>> out;
  for (const auto& c : layout_choices()) out.push_back({c.name, c.value});
  return out;
}

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

// The picture format asked for, or told by the output's name.
const io::DrawingFormat& drawing_format(const RenderOptions& options) {
  if (options.format != nullptr) return *options.format;
  if (options.output == "-") throw UsageError("give --format " + names(drawing_choices()) + " to write to standard output");
  if (const auto* f = io::drawing_format_for_path(options.output)) return *f;
  if (const auto* other = io::output_format_for_path(options.output)) {
    throw UsageError(options.output + " names " + std::string(other->name) +
                     ", which export writes: claimgraph export FILE -o " + options.output);
  }
  throw UsageError("cannot tell the output format from the name " + options.output + "; name it " +
                   drawing_extensions() + ", or give --format " + names(drawing_choices()));
}

}  // namespace

std::shared_ptr<RenderOptions> setup_render(CLI::App& app) {
  auto options = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand("render", "Draw the graph as " + names(drawing_choices()) + " with Graphviz's libraries");
  add_input_options(*cmd, options->input);
  cmd->add_option("-o,--output", options->output,
                  "Output file (" + drawing_extensions() + "), or - for standard output with --format; written atomically")
      ->required();
  add_choice(*cmd, "--format", options->format, drawing_choices(), "Output format (default: told by OUT's extension)");
  add_choice(*cmd, "--layout", options->layout, optional_layouts(),
             "Graphviz layout: dot (layered; the default), neato or fdp (force-directed), sfdp (large graphs; "
             "the default above --max-render-nodes)");
  add_choice(*cmd, "--style", options->style, style_choices(), style_help());
  cmd->add_flag("--no-legend", options->no_legend, "Leave out the legend");
  cmd->add_flag("--no-clusters", options->no_clusters, "Do not draw groups as clusters");
  cmd->add_flag("--evaluate", options->evaluate,
                "Colour each node by its status (IN, OUT, UNDEC) and shade it by its strength");
  add_burden_option(*cmd, options->burden, "--evaluate");
  add_choice(*cmd, "--page", options->page, paper_choices(),
             "Fit the drawing to this paper, legibly (labels at least 8 pt): one page when it fits, else an overview "
             "page and a page per group; a PDF holds every page, PNG and SVG write OUT-1, OUT-2, ... per page")
      ->group("Page");
  cmd->add_flag("--landscape", options->landscape, "With --page: turn the paper on its side")->group("Page");
  cmd->add_flag("--critical", options->critical,
                "Mark the evidence that alone holds up a claim (a single point of failure) with a border of its own");
  add_exclude_option(*cmd, options->exclude);
  add_view_options(*cmd, options->view);
  add_redact_options(*cmd, options->redact);
  add_render_limit_option(*cmd, options->input.limits);
  cmd->footer(
      "A PDF is dated when it is drawn; with SOURCE_DATE_EPOCH set (seconds since 1970-01-01 UTC) it carries that "
      "date\ninstead, and the same input gives the same bytes.\n"
      "Exit status: 0 drawn; 2 unusable input or arguments, or too many nodes for the layout asked for;\n"
      "3 Graphviz could not draw it (say, its cairo plugin for PNG and PDF is missing) or the output could not be "
      "written.");
  return options;
}

namespace {

// render --page: the drawing fitted to pages.
int run_pages(const RenderOptions& options, const io::DrawingFormat& format, const Shown& shown,
              const io::DrawOptions& draw) {
  io::ExhibitOptions exhibit;
  exhibit.draw = draw;
  exhibit.page.paper = *options.page;
  exhibit.page.landscape = options.landscape;
  if (options.output == "-" && format.format != io::RenderFormat::pdf) {
    throw UsageError("--page with " + std::string(format.name) + " writes a file per page; give -o FILE");
  }
  Stopwatch watch;
  const io::Exhibit drawn = io::draw_exhibit(*shown.graph, exhibit);
  spdlog::debug("drew {} pages in {:.1f} s", drawn.pages.size(), watch.lap());
  for (std::size_t i = 0; i < drawn.pages.size(); ++i) {
    const auto& page = drawn.pages[i];
    spdlog::debug("page {} ({}): printed at {:.0f}%, smallest text {:.1f} pt", i + 1, page.heading, page.scale * 100,
                  page.smallest_text);
  }
  if (format.format == io::RenderFormat::pdf) {
    write_output(options.output, options.input.file, [&](std::ostream& out) { out << drawn.document; });
    return static_cast<int>(ExitCode::ok);
  }
  const std::size_t count = drawn.pages.size();
  for (std::size_t i = 0; i < count; ++i) {
    const std::string path = io::page_path(options.output, i + 1, count);
    write_output(path, options.input.file, [&](std::ostream& out) { out << drawn.pages[i].bytes; });
  }
  if (count > 1) spdlog::info("wrote {} pages: {} to {}", count, io::page_path(options.output, 1, count),
                              io::page_path(options.output, count, count));
  return static_cast<int>(ExitCode::ok);
}

}  // namespace

int run_render(const RenderOptions& options) {
  const io::DrawingFormat& format = drawing_format(options);
  if (options.landscape && !options.page) throw UsageError("--landscape turns the paper of --page; give --page too");
  if (options.page && options.layout && *options.layout != io::LayoutEngine::dot) {
    throw UsageError("--page lays the pages out with dot; leave out --layout");
  }
  if (options.burden && !options.evaluate) {
    throw UsageError("--burden decides the statuses that --evaluate colours; give --evaluate too");
  }
  const auto& input = load_graph(options.input, &options.redact);
  analysis::Wanted wanted;
  wanted.evaluation = options.evaluate;
  wanted.status.burden = options.burden;
  wanted.strength = strength_options();
  wanted.schemes = &scheme_library(options.input);
  wanted.excluded = excluded_nodes(input.graph, options.exclude, options.input.file, &options.redact);
  wanted.single_points = options.critical;
  const Shown shown = prepare_shown(input.graph, options.view, std::move(wanted), options.redact);
  io::DrawOptions draw;
  draw.dot.critical = options.critical;
  draw.dot.analyses = shown.results.analyses();
  draw.dot.style = options.style;
  draw.dot.hidden_below = shown.hidden_below();
  draw.dot.scope = shown.scope;
  draw.dot.legend = !options.no_legend;
  draw.dot.clusters = !options.no_clusters;
  draw.format = format.format;
  draw.layout = options.layout;
  draw.max_render_nodes = options.input.limits.max_render_nodes;
  draw.name = input_name(options.input.file);
  draw.on_warning = warn;
  draw.pdf_date = source_date_epoch();
  if (options.page) return run_pages(options, format, shown, draw);
  const std::size_t nodes = shown.graph->node_count();
  const io::LayoutEngine layout = io::choose_layout(nodes, draw);  // refused or announced before any output
  draw.layout = layout;
  const bool verbose = spdlog::default_logger_raw()->should_log(spdlog::level::debug);
  // Drawn inside the write, so that an output that cannot be created fails
  // before a long layout, and a failed render leaves no file.
  write_output(options.output, options.input.file, [&](std::ostream& out) {
    const auto patience = verbose ? std::chrono::milliseconds(0) : std::chrono::milliseconds(1000);
    Progress progress(nodes, format.format, layout, patience);
    draw.on_stage = [&progress](io::RenderStage stage) { progress.stage(stage); };
    io::draw(out, *shown.graph, draw);
    progress.finished();
  });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
