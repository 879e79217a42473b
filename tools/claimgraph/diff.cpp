#include "diff.hpp"

#include <spdlog/spdlog.h>

#include "choices.hpp"
#include "claimgraph/io/file.hpp"
#include "claimgraph/io/render.hpp"

namespace claimgraph::cli {

namespace {

// What git passes for the side of a file that does not exist (added or
// deleted): an empty case.
constexpr std::string_view no_file = "/dev/null";

// One version: read as load_graph reads, but named `name` in messages (git
// hands the driver a temporary file for the old version).
io::ReadResult read_version(const DiffOptions& options, const std::string& path, const std::string& name) {
  if (path == no_file) return {};
  const auto text = io::InputText::open(path, options.input.limits.max_input_bytes);
  const io::InputFormat& format = options.input.from != nullptr
                                      ? *options.input.from
                                      : io::detect_input_format(path, text.text(), options.input.limits);
  io::ReadOptions read;
  read.file_name = name;
  if (path != "-") read.path = path;
  read.limits = options.input.limits;
  read.readable_past_end = text.padding();
  read.threads = cores();
  io::ReadResult result = format.read(text.text(), read);
  for (const auto& w : result.warnings) warn(w);
  return result;
}

// The drawing of the page: the merged graph laid out by Graphviz, with dot,
// or with sfdp (and a warning) above --max-render-nodes, as render does.
std::string drawing(const DiffOptions& options, const io::ReadResult& old_case, const io::ReadResult& new_case,
                    const io::CaseDiff& diff) {
  const auto merged = io::diff_graph(old_case, new_case, diff);
  io::RenderOptions render;
  const bool large = merged.graph.node_count() > options.input.limits.max_render_nodes;
  if (large) {
    render.layout = io::LayoutEngine::sfdp;
    spdlog::warn("claimgraph: warning: {} nodes to draw, over the limit of {}: drawn with sfdp (raise the limit with "
                 "--max-render-nodes)",
                 merged.graph.node_count(), options.input.limits.max_render_nodes);
  }
  render.on_warning = [](const std::string& w) { spdlog::warn("claimgraph: warning: graphviz: {}", w); };
  return io::render(io::diff_dot(merged, !large), render);
}

}  // namespace

std::shared_ptr<DiffOptions> setup_diff(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  auto* cmd = app.add_subcommand(
      "diff", "What changed between two versions of a case, and what the change did to its analysis");
  cmd->add_option("FILES", options->files,
                  "OLD NEW: the two versions (/dev/null: an empty case); with --git, PATH OLD-FILE OLD-HEX OLD-MODE "
                  "NEW-FILE NEW-HEX NEW-MODE")
      ->required();
  cmd->add_flag("--git", options->git,
                "Run as git's external diff driver (docs/diff.md): a header naming PATH, exit status 0 whatever "
                "changed");
  add_choice(*cmd, "--from", options->input.from, input_choices(),
             "Input format of both (default: told by each file's extension and, for JSON, its content)");
  cmd->add_option("--schemes", options->input.schemes,
                  "A directory of argumentation schemes (NAME.json), searched before $CLAIMGRAPH_SCHEMES and the "
                  "shipped ones (repeatable)")
      ->type_name("DIR")
      ->take_all()
      ->allow_extra_args(false);
  add_choice(*cmd, "--semantics", options->semantics, semantics_choices(),
             "The status compared: grounded IN/OUT/UNDEC, or preferred or stable acceptance");
  cmd->add_flag("--burden", options->burden,
                "Decide what grounded semantics leaves UNDEC by the burden of persuasion, as evaluate --burden does");
  cmd->add_option("--threshold", options->threshold, "Report a strength that moved by more than this")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  add_choice(*cmd, "--format", options->format, diff_format_choices(), "Output format");
  cmd->add_option("-o,--output", options->output, "Write the report to this file (default: standard output)");
  add_search_limit_option(*cmd, options->search);
  add_render_limit_option(*cmd, options->input.limits);
  add_limit_options(*cmd, options->input.limits);
  cmd->footer(
      "Exit status: 0 no change; 1 something changed, in the case or in its analysis; 2 unusable input. With --git, "
      "0 whatever changed.");
  return options;
}

int run_diff(const DiffOptions& options) {
  const std::size_t wanted = options.git ? 7 : 2;
  if (options.files.size() != wanted) {
    throw UsageError(options.git ? "diff --git takes the 7 arguments git passes: PATH OLD-FILE OLD-HEX OLD-MODE "
                                   "NEW-FILE NEW-HEX NEW-MODE; got " + std::to_string(options.files.size())
                                 : "diff takes two files, OLD and NEW; got " + std::to_string(options.files.size()));
  }
  if (options.burden && options.semantics != analysis::Semantics::grounded) {
    throw UsageError("--burden decides what grounded semantics leaves UNDEC; leave out --semantics");
  }
  const std::string old_path = options.git ? options.files[1] : options.files[0];
  const std::string new_path = options.git ? options.files[4] : options.files[1];
  // git names the two sides a/PATH and b/PATH, whatever temporary file holds them.
  const std::string old_name = options.git ? (old_path == no_file ? old_path : "a/" + options.files[0]) : input_name(old_path);
  const std::string new_name = options.git ? (new_path == no_file ? new_path : "b/" + options.files[0]) : input_name(new_path);
  if (old_path == "-" && new_path == "-") throw UsageError("only one of OLD and NEW can be standard input");

  const SchemeLibrary& schemes = scheme_library(options.input);
  const io::ReadResult old_case = read_version(options, old_path, old_name);
  const io::ReadResult new_case = read_version(options, new_path, new_name);
  Stopwatch watch;
  io::DiffOptions compare;
  compare.semantics = options.semantics;
  compare.burden = options.burden;
  compare.threshold = options.threshold;
  compare.search = options.search;
  compare.schemes = &schemes;
  compare.threads = cores();
  const io::CaseDiff diff = io::diff_cases(old_case, new_case, compare);
  spdlog::debug("compared in {:.3f} s", watch.lap());

  const io::DiffSides sides{old_case.graph, new_case.graph, old_name, new_name};
  std::string svg;
  if (options.format == io::DiffFormat::html) svg = drawing(options, old_case, new_case, diff);
  write_output(options.output, new_path, [&](std::ostream& out) {
    if (options.git && options.format == io::DiffFormat::text) out << "claimgraph diff " << options.files[0] << '\n';
    switch (options.format) {
      case io::DiffFormat::text: io::write_diff_text(out, sides, diff); break;
      case io::DiffFormat::json: io::write_diff_json(out, sides, diff); break;
      case io::DiffFormat::html: io::write_diff_html(out, sides, diff, svg); break;
    }
  });
  if (options.git) return static_cast<int>(ExitCode::ok);
  return static_cast<int>(diff.empty() ? ExitCode::ok : ExitCode::differences);
}

}  // namespace claimgraph::cli
