#include "export.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include "choices.hpp"
#include "shown.hpp"

namespace claimgraph::cli {

namespace {

// "dot, html": the formats that read `setting`.
std::string formats_using(io::Setting setting) {
  std::string out;
  for (const auto& f : io::output_formats()) {
    if (f.uses(setting)) out += (out.empty() ? "" : ", ") + std::string(f.name);
  }
  return out;
}

// "dot .dot/.gv, mermaid .mmd/.mermaid, ...": the --to help.
std::string to_help() {
  std::string out = "Output format (default: told by OUT's extension: ";
  bool first = true;
  for (const auto& f : io::output_formats()) {
    out += (first ? "" : ", ") + std::string(f.name) + " " + extensions_text(f.extensions);
    first = false;
  }
  return out + ")";
}

// The files a format of several parts writes, for messages: "OUT.nodes.csv and OUT.edges.csv".
std::string parts_text(const io::OutputFormat& format) {
  std::string out;
  for (std::size_t i = 0; i < format.parts.size(); ++i) {
    if (i > 0) out += i + 1 == format.parts.size() ? " and " : ", ";
    out += io::part_path(format, "OUT", format.parts[i]);
  }
  return out;
}

// A format of several files needs a file name to write them beside.
void check_parts_output(const io::OutputFormat& format, const std::string& output) {
  if (format.parts.empty()) return;
  const std::string writes = "--to " + std::string(format.name) + " writes " + parts_text(format);
  if (output.empty() || output == "-") {
    throw UsageError(writes + ", and cannot write them to standard output; give -o OUT" +
                     std::string(format.extensions.front()));
  }
  struct stat st {};
  if (::stat(output.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    throw UsageError(output + " is not a regular file; " + writes + ", so give -o a file name");
  }
}

// --page and --landscape are for formats with pages; a diagram on paper is render's.
void check_page(const io::OutputFormat& format, const ExportOptions& options) {
  if ((!options.page && !options.landscape) || format.uses(io::Setting::page)) return;
  const std::string option = options.page ? "--page" : "--landscape";
  throw UsageError(option + " sets the paper of " + formats_using(io::Setting::page) + "; " + std::string(format.name) +
                   " has no pages (render --page draws the diagram on pages)");
}

// --critical and --exclude need a format that shows what the analyses found.
void check_analysed(const io::OutputFormat& format, const ExportOptions& options) {
  if (options.critical && !format.uses(io::Setting::critical)) {
    throw UsageError("--critical marks the points of failure in the diagrams of " +
                     formats_using(io::Setting::critical) + "; " + std::string(format.name) + " has none" +
                     (format.uses(io::Setting::failures) ? " (it lists them without --critical)" : ""));
  }
  if (options.burden && !format.analysed) {
    throw UsageError("--burden decides statuses, and " + std::string(format.name) +
                     " holds the graph alone, without them");
  }
  if (options.burden && !options.evaluate && !format.uses(io::Setting::evaluated)) {
    throw UsageError("--burden decides the statuses that --evaluate adds; give --evaluate too");
  }
  if (!options.exclude.empty() && !format.analysed) {
    throw UsageError("--exclude changes what the analyses find, and " + std::string(format.name) +
                     " holds the graph alone, not what they find");
  }
}

const io::OutputFormat& output_format(const ExportOptions& options) {
  if (options.to != nullptr) return *options.to;
  if (const auto* f = io::output_format_for_path(options.output)) return *f;
  const std::string named = options.output.empty() ? "" : " from the name " + options.output;
  if (const auto* picture = io::drawing_format_for_path(options.output)) {
    throw UsageError(drawn_by_render(std::string(picture->name)));
  }
  throw UsageError("cannot tell the output format" + named + "; give --to " + names(output_choices()));
}

}  // namespace

std::string drawn_by_render(const std::string& name) {
  const auto* picture = io::find_drawing_format(name);
  if (picture == nullptr) return {};
  return name + " is a picture, which render draws: claimgraph render FILE -o OUT" +
         std::string(picture->extensions.front());
}

void add_export_options(CLI::App& cmd, ExportOptions& options, const std::string& output_help) {
  add_input_options(cmd, options.input);
  add_choice(cmd, "--to,-t", options.to, output_choices(), to_help(), drawn_by_render);
  std::string parts;
  for (const auto& f : io::output_formats()) {
    if (!f.parts.empty()) parts += ". " + std::string(f.name) + ": " + parts_text(f);
  }
  cmd.add_option("-o,--output", options.output, output_help + parts);
  auto& s = options.settings;
  add_choice(cmd, "--style", s.style, style_choices(), style_help() + " (" + formats_using(io::Setting::style) + ")");
  cmd.add_flag("--no-legend", options.no_legend, "Leave out the legend (" + formats_using(io::Setting::legend) + ")");
  cmd.add_flag("--no-clusters", options.no_clusters,
               "Do not draw groups as clusters (" + formats_using(io::Setting::clusters) + ")");
  cmd.add_flag("--evaluate", options.evaluate,
               "Add each node's status (IN, OUT, UNDEC) and strength, and whether each claim is established (" +
                   formats_using(io::Setting::evaluation) + "; " + formats_using(io::Setting::evaluated) +
                   " always show the status)");
  add_burden_option(cmd, options.burden, "--evaluate");
  cmd.add_flag("--bom", s.byte_order_mark,
               "Begin each file with a UTF-8 byte order mark, for Excel (" +
                   formats_using(io::Setting::byte_order_mark) + ")");
  cmd.add_option("--diagram", s.diagram,
                 "The rendered diagram to link at the end, e.g. made with claimgraph render (" +
                     formats_using(io::Setting::diagram) + ")");
  add_choice(cmd, "--page", options.page, paper_choices(),
             "The paper (default: letter); the diagram is fitted to its pages (" + formats_using(io::Setting::page) +
                 ")");
  cmd.add_flag("--landscape", options.landscape,
               "Turn the diagram's pages on their side; the report stays upright (" +
                   formats_using(io::Setting::page) + ")");
  cmd.add_flag("--critical", options.critical,
               "Mark the evidence that alone holds up a claim, a single point of failure, in the diagram (" +
                   formats_using(io::Setting::critical) + "; " + formats_using(io::Setting::failures) +
                   " always list the points of failure)");
  add_exclude_option(cmd, options.exclude);
  add_view_options(cmd, options.view);
  add_redact_options(cmd, options.redact);
  add_render_limit_option(cmd, options.input.limits);
}

namespace {

// "docx: pandoc": the programs some formats need, for the help.
std::string programs_text() {
  std::string programs;
  for (const auto& f : io::output_formats()) {
    if (!f.program.empty()) programs += (programs.empty() ? "" : ", ") + std::string(f.name) + ": " + std::string(f.program);
  }
  return programs;
}

}  // namespace

std::shared_ptr<ExportOptions> setup_export(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Write the graph for people and programs: " + names(output_choices()));
  add_export_options(*cmd, *options, "Output file (default: standard output); written atomically");
  cmd->footer("Exit status: 0 written; 2 unusable input or arguments; 3 the output could not be written: it cannot be "
              "created,\nGraphviz could not draw the diagram inside it, or the program a format needs (" +
              programs_text() + ") is missing or failed.");
  return options;
}

const io::OutputFormat& export_format(const ExportOptions& options) {
  const io::OutputFormat& format = output_format(options);
  check_parts_output(format, options.output);  // refused before anything is read
  check_page(format, options);
  check_analysed(format, options);
  return format;
}

void write_export(const ExportOptions& options, const io::OutputFormat& format, const io::ReadResult& input,
                  LintWarnings* lint) {
  analysis::Wanted wanted;
  wanted.grounding = format.analysed;
  wanted.evaluation = format.analysed && (options.evaluate || format.uses(io::Setting::evaluated));
  wanted.status.burden = options.burden;
  wanted.strength = strength_options();
  wanted.schemes = &scheme_library(options.input);
  wanted.excluded = excluded_nodes(input.graph, options.exclude, options.input.file, &options.redact);
  wanted.single_points = format.uses(io::Setting::failures) || options.critical;
  const Shown shown = prepare_shown(input.graph, options.view, std::move(wanted), options.redact);
  io::WriteSettings settings = options.settings;
  settings.legend = !options.no_legend;
  settings.clusters = !options.no_clusters;
  settings.max_render_nodes = options.input.limits.max_render_nodes;
  settings.name = input_name(options.input.file);
  if (lint != nullptr) {
    settings.on_warning = [lint](const Diagnostic& d) { lint->warn(d); };
  } else {
    settings.on_warning = warn;
  }
  settings.hidden_below = shown.hidden_below();
  settings.scope = shown.scope;
  settings.page.paper = options.page.value_or(io::Paper::letter);
  settings.page.landscape = options.landscape;
  settings.critical = options.critical;
  settings.threads = cores();
  const analysis::Analyses analyses = shown.results.analyses();
  if (format.parts.empty()) {
    // A terminal shows the findings before the output, as they always came.
    if (lint != nullptr && (options.output.empty() || options.output == "-")) lint->show();
    write_output(options.output, options.input.file,
                 [&](std::ostream& out) { format.write(out, {}, *shown.graph, analyses, settings); });
    return;
  }
  // Each file is replaced atomically, in the order of the parts.
  for (std::string_view part : format.parts) {
    write_output(io::part_path(format, options.output, part), options.input.file,
                 [&](std::ostream& out) { format.write(out, part, *shown.graph, analyses, settings); });
  }
}

int run_export(const ExportOptions& options) {
  const io::OutputFormat& format = export_format(options);
  const auto& input = load_graph(options.input, &options.redact);
  LintWarnings lint(input, options.input.file, &options.redact);
  lint.due();
  write_export(options, format, input, &lint);
  lint.show();
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
