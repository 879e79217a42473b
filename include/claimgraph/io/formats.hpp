#pragma once
// Every format claimgraph reads, writes or draws, one row each: its name,
// file extensions, a one-line description and the function that reads or
// writes it. The program builds its --from, --to and --format choices, its
// help, the format a file name stands for, and its "did you mean" messages
// from these tables; the fuzz target writes every output format listed.
// Adding a format is a reader or writer of its own (header and source) and
// one row in src/io/formats.cpp (docs/architecture.md shows the steps).
//
// Reading: the format is the one named (--from), else the one a file's
// extension stands for (the longest match, in any letter case), else the
// first format whose content sniffer recognises the text. Formats that share
// a syntax (claimgraph JSON and AIF are both JSON) share extensions too, so
// within a syntax the content decides: an AIF map is told from a case file
// by its first tokens, whatever the file is called.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/exhibit.hpp"
#include "claimgraph/io/read.hpp"
#include "claimgraph/io/render.hpp"
#include "claimgraph/limits.hpp"

namespace claimgraph::io {

struct HtmlLive;  // io/html_writer.hpp

/// A format claimgraph reads.
struct InputFormat {
  /// Its name, as --from gives it ("json", "aif", ...).
  std::string_view name;
  /// What people call it, shared by the formats of one family ("ICCMA").
  std::string_view title;
  /// One line: what it is and who writes it.
  std::string_view description;
  /// File name endings that stand for it, lower case with the dot; the
  /// first is the usual one.
  std::span<const std::string_view> extensions;
  /// The syntax it is written in; formats of one syntax are told apart by
  /// their content (see above).
  std::string_view syntax;
  /// Whether `text` is in this format, judged from its first bytes; null
  /// for a format that is never guessed from its content.
  bool (*sniff)(std::string_view text, const Limits& limits) = nullptr;
  /// The reader.
  ReadFunction read = nullptr;
  /// The page of the documentation that describes it.
  std::string_view doc;
  /// Whether it holds an abstract argumentation framework (arguments and
  /// attacks only), as the ICCMA competitions pose them.
  bool abstract = false;
};

/// Settings of the writers beyond the graph and its analyses; each writer
/// uses those in its OutputFormat::settings.
struct WriteSettings {
  /// Add a legend explaining shapes and arrows (Setting::legend).
  bool legend = true;
  /// Draw each group as a cluster or subgraph (Setting::clusters).
  bool clusters = true;
  /// The colours of the diagram (Setting::style): colour-blind-safe
  /// colours, or black, greys and white for printing.
  DiagramStyle style = DiagramStyle::colour;
  /// Per node of the graph written: how many nodes a view's depth hid
  /// beneath it (View::hidden_below), drawn as "+N more below"
  /// (Setting::hidden_below). Null: nothing was hidden.
  const std::vector<std::size_t>* hidden_below = nullptr;
  /// Begin each file with a UTF-8 byte order mark (Setting::byte_order_mark).
  bool byte_order_mark = false;
  /// The rendered diagram to link at the end, a path or URL (Setting::diagram).
  std::string diagram;
  /// Draw the pictures an output holds (Setting::drawing); without, the
  /// output leaves them out (an HTML page without its diagram).
  bool drawings = true;
  /// Most nodes laid out with dot for a drawing inside the output; above it
  /// sfdp draws it, with a warning (Setting::drawing).
  std::size_t max_render_nodes = Limits{}.max_render_nodes;
  /// Receives the warnings of drawing (Setting::drawing): Graphviz's own,
  /// and the switch to sfdp (whose limit is Limit::render_nodes). May be empty.
  std::function<void(const Diagnostic&)> on_warning;
  /// The name of what is written (the input's path), for those warnings.
  std::string name = "<input>";
  /// The paper of a paged output (Setting::page); landscape turns its
  /// diagram pages.
  PageSetup page;
  /// Set when `claimgraph serve` serves the output and keeps it up to date
  /// (Setting::live; see io/html_writer.hpp); null for a file.
  const HtmlLive* live = nullptr;
  /// Mark, in the diagram, the evidence that alone holds up a claim
  /// (Setting::critical; the analyses must hold single_points).
  bool critical = false;
  /// What part of the case the graph written is, when it is a view
  /// (describe_view() in claimgraph/view.hpp), for the header (Setting::scope).
  /// Empty: the whole case.
  std::vector<std::string> scope;
  /// Threads a writer may use (DotOptions::threads); the output is the same
  /// on any number.
  std::size_t threads = 1;
};

/// The settings of WriteSettings a writer reads, and --evaluate.
enum class Setting : std::uint16_t {
  legend = 1,
  clusters = 2,
  byte_order_mark = 4,
  diagram = 8,
  drawing = 16,     ///< max_render_nodes and on_warning: the output holds a drawing
  evaluation = 32,  ///< shows status and strength when the analyses hold them
  style = 64,          ///< the diagram's colours
  hidden_below = 128,  ///< "+N more below" where a view's depth hid nodes
  page = 256,          ///< the paper, and whether its diagram pages are turned
  live = 512,          ///< `live`: the page `claimgraph serve` serves and keeps up to date
  evaluated = 1024,    ///< always shows the status: export evaluates the case for it, --evaluate or not
  critical = 2048,     ///< its diagram marks the points of failure with WriteSettings::critical (--critical)
  failures = 4096,     ///< lists the points of failure (analysis/critical.hpp): export computes them for it
  scope = 8192,        ///< says what part of the case a view shows (WriteSettings::scope)
};

/// A format claimgraph writes with `export`.
struct OutputFormat {
  /// Its name, as --to gives it.
  std::string_view name;
  /// One line: what it is and who reads it.
  std::string_view description;
  /// File name endings that stand for it (lower case, with the dot); the
  /// first is the usual one.
  std::span<const std::string_view> extensions;
  /// For a format written as several files: the part of each, in the order
  /// written; file OUT gives OUT.<part><extension> ("case.nodes.csv").
  /// Empty: one file.
  std::span<const std::string_view> parts;
  /// Whether it shows what the analyses found (which claims lack evidence,
  /// and with --evaluate status and strength); else it is the graph alone.
  bool analysed = false;
  /// The bits of Setting it reads.
  std::uint16_t settings = 0;
  /// Writes `part` (empty for a one-file format) of `graph` to `out`.
  /// Throws RenderError when a drawing inside the output fails, and
  /// ConversionError when its program is missing or fails.
  void (*write)(std::ostream& out, std::string_view part, const Graph& graph, const analysis::Analyses& analyses,
                const WriteSettings& settings) = nullptr;
  /// The page of the documentation that describes it.
  std::string_view doc;
  /// The program that converts it, which must be installed for it to be
  /// written ("pandoc"); empty when claimgraph writes it alone.
  std::string_view program = {};

  /// Whether it reads `setting`.
  [[nodiscard]] constexpr bool uses(Setting setting) const noexcept {
    return (settings & static_cast<std::uint16_t>(setting)) != 0;
  }
};

/// A picture `render` draws through Graphviz.
struct DrawingFormat {
  std::string_view name;
  std::string_view description;
  std::span<const std::string_view> extensions;
  RenderFormat format = RenderFormat::svg;
};

/// How check, evaluate and explain print their results.
enum class ReportFormat : std::uint8_t {
  text,  ///< for people
  json,  ///< for programs
};

/// A row of report_formats().
struct ReportFormatRow {
  std::string_view name;
  ReportFormat format;
};

/// Every format read, in the order detection tries them.
[[nodiscard]] std::span<const InputFormat> input_formats() noexcept;
/// Every format `export` writes.
[[nodiscard]] std::span<const OutputFormat> output_formats() noexcept;
/// Every picture `render` draws.
[[nodiscard]] std::span<const DrawingFormat> drawing_formats() noexcept;
/// The report formats, by name ("text", "json").
[[nodiscard]] std::span<const ReportFormatRow> report_formats() noexcept;

/// The format named `name`, if any (null otherwise).
[[nodiscard]] const InputFormat* find_input_format(std::string_view name) noexcept;
[[nodiscard]] const OutputFormat* find_output_format(std::string_view name) noexcept;
[[nodiscard]] const DrawingFormat* find_drawing_format(std::string_view name) noexcept;

/// The input format that `path`'s extension stands for (the longest
/// matching extension, any letter case), if any.
[[nodiscard]] const InputFormat* input_format_for_path(std::string_view path) noexcept;
/// The output format that `path`'s extension stands for, if any.
[[nodiscard]] const OutputFormat* output_format_for_path(std::string_view path) noexcept;
/// The picture format that `path`'s extension stands for, if any.
[[nodiscard]] const DrawingFormat* drawing_format_for_path(std::string_view path) noexcept;

/// The format in which to read `text`, the content of `path` ("-", or any
/// name, when the name says nothing). Among the formats of the syntax that
/// path's extension stands for (every format, when it stands for none): the
/// first whose sniffer recognises the text, else the first of them. So a
/// `.apx` file is read as ASPARTIX, a `.json` file as an AIF map when its
/// first tokens are an AIF map's and as a case file otherwise.
[[nodiscard]] const InputFormat& detect_input_format(std::string_view path, std::string_view text,
                                                     const Limits& limits);

/// The file that holds `part` of an output written to `path` in `format`
/// (`path` itself for a one-file format): for several parts, `path` without
/// the format's extension or a part's extension, then ".<part><extension>".
[[nodiscard]] std::string part_path(const OutputFormat& format, std::string_view path, std::string_view part);

/// An input read, and the format it was read in.
struct Input {
  ReadResult result;
  const InputFormat* format = nullptr;
};

/// Reads `path` ("-" for standard input) in `format`, or in the format
/// detect_input_format finds when it is null. Diagnostics name `path`
/// ("<stdin>" for "-"), whatever options.file_name says. Throws IoError
/// (the file cannot be read, or is larger than options.limits.max_input_bytes),
/// ParseError or ValidationError.
[[nodiscard]] Input read_input(const std::string& path, const InputFormat* format, ReadOptions options = {});

/// "a, b or c": the names of `formats`, for messages and help.
template <class Row>
[[nodiscard]] std::string format_names(std::span<const Row> formats, std::string_view conjunction = "or") {
  std::string out;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0 && i + 1 == formats.size()) {
      out.append(1, ' ').append(conjunction).append(1, ' ');
    } else if (i > 0) {
      out += ", ";
    }
    out += formats[i].name;
  }
  return out;
}

}  // namespace claimgraph::io
