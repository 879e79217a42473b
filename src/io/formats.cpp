#include "claimgraph/io/formats.hpp"

#include <array>
#include <string>

#include "claimgraph/io/aif_reader.hpp"
#include "claimgraph/io/aif_writer.hpp"
#include "claimgraph/io/argdown_reader.hpp"
#include "claimgraph/io/argdown_writer.hpp"
#include "claimgraph/io/chronology_writer.hpp"
#include "claimgraph/io/csv_writer.hpp"
#include "claimgraph/io/diagram.hpp"
#include "claimgraph/io/docx_writer.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/file.hpp"
#include "claimgraph/io/graphml_writer.hpp"
#include "claimgraph/io/html_writer.hpp"
#include "claimgraph/io/iccma_reader.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "claimgraph/io/markdown_writer.hpp"
#include "claimgraph/io/mermaid_writer.hpp"

namespace claimgraph::io {

namespace {

using analysis::Analyses;

constexpr std::uint16_t operator|(Setting a, Setting b) noexcept {
  return static_cast<std::uint16_t>(static_cast<std::uint16_t>(a) | static_cast<std::uint16_t>(b));
}
constexpr std::uint16_t operator|(std::uint16_t a, Setting b) noexcept {
  return static_cast<std::uint16_t>(a | static_cast<std::uint16_t>(b));
}

// --- Reading -----------------------------------------------------------

bool sniff_aif(std::string_view text, const Limits& limits) { return looks_like_aif(text, limits.max_depth); }

constexpr std::array json_in_extensions = {std::string_view(".json")};
constexpr std::array aif_extensions = {std::string_view(".aif.json")};
constexpr std::array argdown_extensions = {std::string_view(".argdown"), std::string_view(".ad")};
constexpr std::array apx_extensions = {std::string_view(".apx")};
constexpr std::array tgf_extensions = {std::string_view(".tgf")};
constexpr std::array i23_extensions = {std::string_view(".i23"), std::string_view(".af")};

// The order detection tries them in; the first is the default.
const std::array inputs = {
    InputFormat{"json", "claimgraph JSON", "claimgraph's case file (format version 1)", json_in_extensions, "JSON",
                nullptr, read_json, "docs/format.md"},
    InputFormat{"aif", "AIF", "an argument map in the Argument Interchange Format, as OVA and AIFdb exchange it",
                aif_extensions, "JSON", sniff_aif, read_aif, "docs/aif.md"},
    InputFormat{"argdown", "Argdown", "an Argdown document, the Markdown-like language of argument maps",
                argdown_extensions, "Argdown", nullptr, read_argdown, "docs/argdown.md"},
    InputFormat{"apx", "ICCMA", "an abstract argumentation framework as ASPARTIX facts: arg(a). att(a,b).",
                apx_extensions, "ASPARTIX", nullptr, read_apx, "README.md#the-program", true},
    InputFormat{"tgf", "ICCMA", "an abstract argumentation framework in the Trivial Graph Format", tgf_extensions,
                "TGF", nullptr, read_tgf, "README.md#the-program", true},
    InputFormat{"i23", "ICCMA", "an abstract argumentation framework in the ICCMA 2023 format: p af N, then i j",
                i23_extensions, "ICCMA 2023", nullptr, read_i23, "README.md#the-program", true},
};

// --- Writing -----------------------------------------------------------

void dot(std::ostream& out, std::string_view, const Graph& graph, const Analyses& analyses, const WriteSettings& s) {
  DotOptions options;
  options.analyses = analyses;
  options.style = s.style;
  options.legend = s.legend;
  options.clusters = s.clusters;
  options.hidden_below = s.hidden_below;
  options.critical = s.critical;
  options.scope = s.scope;
  options.threads = s.threads;
  write_dot(out, graph, options);
}

void mermaid(std::ostream& out, std::string_view, const Graph& graph, const Analyses& analyses,
             const WriteSettings& s) {
  MermaidOptions options;
  options.analyses = analyses;
  options.subgraphs = s.clusters;
  options.scope = s.scope;
  write_mermaid(out, graph, options);
}

void graphml(std::ostream& out, std::string_view, const Graph& graph, const Analyses& analyses,
             const WriteSettings&) {
  GraphmlOptions options;
  options.analyses = analyses;
  write_graphml(out, graph, options);
}

constexpr std::array csv_parts = {std::string_view("nodes"), std::string_view("edges")};

void csv(std::ostream& out, std::string_view part, const Graph& graph, const Analyses& analyses,
         const WriteSettings& s) {
  CsvOptions options;
  options.analyses = analyses;
  options.byte_order_mark = s.byte_order_mark;
  if (part == csv_parts[1]) {
    write_csv_edges(out, graph, options);
  } else {
    write_csv_nodes(out, graph, options);
  }
}

void markdown(std::ostream& out, std::string_view, const Graph& graph, const Analyses& analyses,
              const WriteSettings& s) {
  MarkdownOptions options;
  options.analyses = analyses;
  options.diagram = s.diagram;
  options.scope = s.scope;
  write_markdown(out, graph, options);
}

// The page holds the DOT diagram, drawn by Graphviz.
void html(std::ostream& out, std::string_view, const Graph& graph, const Analyses& analyses, const WriteSettings& s) {
  DrawOptions drawing;
  drawing.dot.analyses = analyses;
  drawing.dot.style = s.style;
  drawing.dot.legend = s.legend;
  drawing.dot.clusters = s.clusters;
  drawing.dot.hidden_below = s.hidden_below;
  drawing.dot.critical = s.critical;
  drawing.dot.scope = s.scope;
  drawing.max_render_nodes = s.max_render_nodes;
  drawing.name = s.name;
  drawing.on_warning = s.on_warning;
  const std::string svg = s.drawings ? draw(graph, drawing) : std::string();
  HtmlOptions options;
  options.analyses = analyses;
  options.svg = svg;
  options.live = s.live;
  options.scope = s.scope;
  write_html(out, graph, options);
}

// The Markdown report as a Word document, with the diagram fitted to pages.
void docx(std::ostream& out, std::string_view, const Graph& graph, const Analyses& analyses, const WriteSettings& s) {
  DocxOptions options;
  options.analyses = analyses;
  options.page = s.page;
  options.diagrams = s.drawings;
  options.draw.dot.legend = s.legend;
  options.draw.dot.clusters = s.clusters;
  options.draw.dot.style = s.style;
  options.draw.dot.critical = s.critical;
  options.draw.dot.hidden_below = s.hidden_below;
  options.scope = s.scope;
  options.draw.max_render_nodes = s.max_render_nodes;
  options.draw.name = s.name;
  options.draw.on_warning = s.on_warning;
  write_docx(out, graph, options);
}

ChronologyOptions chronology_options(const Analyses& analyses, const WriteSettings& s) {
  ChronologyOptions options;
  options.analyses = analyses;
  options.byte_order_mark = s.byte_order_mark;
  options.scope = s.scope;
  return options;
}

// The dated record in time order: a table, or a timeline to print.
void chronology(std::ostream& out, std::string_view, const Graph& graph, const Analyses& analyses,
                const WriteSettings& s) {
  write_chronology_csv(out, graph, chronology_options(analyses, s));
}

void chronology_page(std::ostream& out, std::string_view, const Graph& graph, const Analyses& analyses,
                     const WriteSettings& s) {
  write_chronology_html(out, graph, chronology_options(analyses, s));
}

void json(std::ostream& out, std::string_view, const Graph& graph, const Analyses&, const WriteSettings& s) {
  write_json(out, graph, s.threads);
}

void aif(std::ostream& out, std::string_view, const Graph& graph, const Analyses&, const WriteSettings&) {
  write_aif(out, graph);
}

void argdown(std::ostream& out, std::string_view, const Graph& graph, const Analyses&, const WriteSettings&) {
  write_argdown(out, graph);
}

constexpr std::array dot_extensions = {std::string_view(".dot"), std::string_view(".gv")};
constexpr std::array mermaid_extensions = {std::string_view(".mmd"), std::string_view(".mermaid")};
constexpr std::array graphml_extensions = {std::string_view(".graphml")};
constexpr std::array csv_extensions = {std::string_view(".csv")};
constexpr std::array markdown_extensions = {std::string_view(".md"), std::string_view(".markdown")};
constexpr std::array docx_extensions = {std::string_view(".docx")};
constexpr std::array html_extensions = {std::string_view(".html"), std::string_view(".htm")};
constexpr std::array chronology_extensions = {std::string_view(".chronology.csv")};
constexpr std::array chronology_page_extensions = {std::string_view(".chronology.html"),
                                                   std::string_view(".chronology.htm")};
constexpr std::array json_out_extensions = {std::string_view(".json")};
constexpr std::span<const std::string_view> one_file;

const std::array outputs = {
    OutputFormat{"dot", "Graphviz DOT: the diagram for briefs and reports, to draw with dot -Tsvg", dot_extensions,
                 one_file, true,
                 Setting::legend | Setting::clusters | Setting::evaluation | Setting::style | Setting::hidden_below |
                     Setting::critical | Setting::scope,
                 dot, "docs/exports.md#dot"},
    OutputFormat{"mermaid", "a Mermaid flowchart, which GitHub and GitLab draw inside Markdown", mermaid_extensions,
                 one_file, true, Setting::clusters | Setting::evaluation | Setting::scope, mermaid,
                 "docs/exports.md#mermaid"},
    OutputFormat{"graphml", "GraphML for yEd, Gephi, Cytoscape, NetworkX and other graph tools", graphml_extensions,
                 one_file, true, static_cast<std::uint16_t>(Setting::evaluation), graphml, "docs/exports.md#graphml"},
    OutputFormat{"csv", "two CSV tables, nodes and edges, for spreadsheets and data tools", csv_extensions, csv_parts,
                 true, Setting::byte_order_mark | Setting::evaluation, csv, "docs/exports.md#csv"},
    OutputFormat{"markdown", "a report for a brief or memo: the gaps, then an outline of proof per cause of action",
                 markdown_extensions, one_file, true, Setting::diagram | Setting::evaluation | Setting::failures | Setting::scope, markdown,
                 "docs/exports.md#markdown"},
    OutputFormat{"docx", "the report as a Word document to edit, with the diagram fitted to pages (needs pandoc)",
                 docx_extensions, one_file, true,
                 Setting::legend | Setting::clusters | Setting::style | Setting::drawing | Setting::evaluation |
                     Setting::page | Setting::critical | Setting::failures | Setting::hidden_below | Setting::scope,
                 docx,
                 "docs/exports.md#docx", "pandoc"},
    OutputFormat{"html", "one self-contained HTML page to explore the case in a browser", html_extensions, one_file,
                 true,
                 Setting::legend | Setting::clusters | Setting::drawing | Setting::evaluation | Setting::style |
                     Setting::hidden_below | Setting::live | Setting::critical | Setting::failures |
                     Setting::scope,
                 html, "docs/exports.md#html"},
    OutputFormat{"chronology", "the dated record in time order, with the claims each fact bears on, for spreadsheets",
                 chronology_extensions, one_file, true, Setting::byte_order_mark | Setting::evaluated, chronology,
                 "docs/exports.md#chronology"},
    OutputFormat{"chronology-html", "the chronology as a timeline page to read or print", chronology_page_extensions,
                 one_file, true, Setting::evaluated | Setting::scope, chronology_page,
                 "docs/exports.md#chronology"},
    OutputFormat{"json", "canonical claimgraph JSON, for programs (a case file)", json_out_extensions, one_file, false,
                 0, json, "docs/exports.md#json"},
    OutputFormat{"aif", "an AIF argument map for OVA, AIFdb and other argument-mapping tools", aif_extensions,
                 one_file, false, 0, aif, "docs/aif.md"},
    OutputFormat{"argdown", "an Argdown document that Argdown's tools draw", argdown_extensions, one_file, false, 0,
                 argdown, "docs/argdown.md"},
};

// --- Drawing and reports -------------------------------------------------

constexpr std::array svg_extensions = {std::string_view(".svg")};
constexpr std::array png_extensions = {std::string_view(".png")};
constexpr std::array pdf_extensions = {std::string_view(".pdf")};

const std::array drawings = {
    DrawingFormat{"svg", "SVG, for web pages and documents", svg_extensions, RenderFormat::svg},
    DrawingFormat{"png", "a PNG image", png_extensions, RenderFormat::png},
    DrawingFormat{"pdf", "a PDF page, for printing and filing", pdf_extensions, RenderFormat::pdf},
};

constexpr std::array reports = {
    ReportFormatRow{"text", ReportFormat::text},
    ReportFormatRow{"json", ReportFormat::json},
};

// --- Lookups -------------------------------------------------------------

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `path` ends in `extension` (lower case, with its dot), in any
// letter case, after at least one character of a file name.
bool has_extension(std::string_view path, std::string_view extension) noexcept {
  if (path.size() <= extension.size()) return false;
  const std::size_t start = path.size() - extension.size();
  if (path[start - 1] == '/') return false;
  for (std::size_t i = 0; i < extension.size(); ++i) {
    if (lower(path[start + i]) != extension[i]) return false;
  }
  return true;
}

// The row whose extension is the longest that `path` ends in.
template <class Row>
const Row* by_extension(std::span<const Row> rows, std::string_view path) noexcept {
  const Row* best = nullptr;
  std::size_t best_size = 0;
  for (const Row& row : rows) {
    for (std::string_view extension : row.extensions) {
      if (extension.size() > best_size && has_extension(path, extension)) {
        best = &row;
        best_size = extension.size();
      }
    }
  }
  return best;
}

template <class Row>
const Row* by_name(std::span<const Row> rows, std::string_view name) noexcept {
  for (const Row& row : rows) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

}  // namespace

std::span<const InputFormat> input_formats() noexcept { return inputs; }
std::span<const OutputFormat> output_formats() noexcept { return outputs; }
std::span<const DrawingFormat> drawing_formats() noexcept { return drawings; }
std::span<const ReportFormatRow> report_formats() noexcept { return reports; }

const InputFormat* find_input_format(std::string_view name) noexcept { return by_name(input_formats(), name); }
const OutputFormat* find_output_format(std::string_view name) noexcept { return by_name(output_formats(), name); }
const DrawingFormat* find_drawing_format(std::string_view name) noexcept { return by_name(drawing_formats(), name); }

const InputFormat* input_format_for_path(std::string_view path) noexcept {
  return by_extension(input_formats(), path);
}
const OutputFormat* output_format_for_path(std::string_view path) noexcept {
  return by_extension(output_formats(), path);
}
const DrawingFormat* drawing_format_for_path(std::string_view path) noexcept {
  return by_extension(drawing_formats(), path);
}

const InputFormat& detect_input_format(std::string_view path, std::string_view text, const Limits& limits) {
  const InputFormat* named = input_format_for_path(path);
  const InputFormat* first_of_syntax = nullptr;
  for (const InputFormat& format : input_formats()) {
    if (named != nullptr && format.syntax != named->syntax) continue;
    if (first_of_syntax == nullptr) first_of_syntax = &format;
    if (format.sniff != nullptr && format.sniff(text, limits)) return format;
  }
  return *first_of_syntax;
}

std::string part_path(const OutputFormat& format, std::string_view path, std::string_view part) {
  if (format.parts.empty() || format.extensions.empty()) return std::string(path);
  const std::string_view extension = format.extensions.front();
  std::string base(path);
  auto strip = [&](std::string_view suffix) {
    if (!has_extension(base, suffix)) return false;
    base.resize(base.size() - suffix.size());
    return true;
  };
  // ".nodes.csv" for part "nodes" (appended, not concatenated: GCC 12
  // warns falsely about "." + std::string).
  auto suffix = [&](std::string_view p) {
    std::string out(1, '.');
    out.append(p).append(extension);
    return out;
  };
  bool stripped = false;
  for (std::string_view p : format.parts) {
    if (!stripped) stripped = strip(suffix(p));
  }
  if (!stripped) strip(extension);
  return base.append(suffix(part));
}

Input read_input(const std::string& path, const InputFormat* format, ReadOptions options) {
  options.file_name = path == "-" ? std::string("<stdin>") : path;
  if (path != "-") options.path = path;
  const InputText input = InputText::open(path, options.limits.max_input_bytes);
  options.readable_past_end = input.padding();
  const InputFormat& chosen = format != nullptr ? *format : detect_input_format(path, input.text(), options.limits);
  return Input{chosen.read(input.text(), options), &chosen};
}

}  // namespace claimgraph::io
