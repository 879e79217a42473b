#include "claimgraph/io/docx_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/io/markdown_writer.hpp"
#include "detail/escape.hpp"
#include "io/docx/pandoc.hpp"
#include "io/docx/reference.hpp"

namespace claimgraph::io {

namespace {

// The report's margins, and the diagram pages', in points. A diagram page
// is an image of a whole exhibit page, which has margins of its own: a
// quarter inch keeps the image large while every printer can print it.
constexpr double report_margin = 72;
constexpr double diagram_margin = 18;
// Room for the spacing of the paragraph that holds a page image (the Body
// Text style's 9 pt above it), with some to spare, so that Word never
// pushes the image off its page.
constexpr double image_paragraph = 24;

// 1 January 1980, the earliest date a zip archive can hold.
constexpr std::string_view fixed_date = "SOURCE_DATE_EPOCH=315532800";

constexpr std::string_view report_file = "report.md";
constexpr std::string_view filter_file = "report.lua";
constexpr std::string_view reference_file = "reference.docx";
constexpr std::string_view output_file = "report.docx";
constexpr std::string_view styles_file = "styles.xml";

// pandoc's reading of the report, adjusted: the <br> that write_markdown
// writes for a line break inside a table cell becomes a line break (pandoc
// would drop it as raw HTML), every image (a diagram page; the report holds
// no other) gets its width, and the report's section ends before the first
// page image, so that the diagram pages are laid out as the reference
// document's last section says.
constexpr std::string_view filter_template = R"lua(-- claimgraph's adjustments to pandoc's reading of its Markdown report.
local width = '@WIDTH@'
local report_section = [==[@SECTION@]==]

function RawInline(raw)
  if raw.format == 'html' and raw.text:lower():match('^<br%s*/?>$') then
    return pandoc.LineBreak()
  end
end

function Image(image)
  image.attributes.width = width
  return image
end

function Pandoc(doc)
  for i, block in ipairs(doc.blocks) do
    if block.t == 'Para' and #block.content == 1 and block.content[1].t == 'Image' then
      table.insert(doc.blocks, i, pandoc.RawBlock('openxml', report_section))
      return doc
    end
  end
end
)lua";

std::string replaced(std::string text, std::string_view marker, std::string_view value) {
  const std::size_t at = text.find(marker);
  if (at != std::string::npos) text.replace(at, marker.size(), value);
  return text;
}

// "7.856in": inches, rounded down so that the image never outgrows its room.
std::string inches(double points) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3fin", std::floor(points / 72 * 1000) / 1000);
  return buffer;
}

// "diagram-2.png": the image of page 2.
std::string page_file(std::size_t number) {
  std::string name = "diagram-.png";
  name.insert(8, std::to_string(number));
  return name;
}

// The section that lists the diagram pages, then the pages.
std::string diagrams_section(const Exhibit& exhibit) {
  std::string out = "\n## Diagrams\n\n";
  const std::size_t count = exhibit.pages.size();
  if (count == 1) {
    out += "The diagram of the case follows, on one page.\n\n";
  } else {
    out += "The diagram of the case follows, on " + std::to_string(count) + " pages:\n\n";
    out += "| Diagram page | What it shows |\n|---|---|\n";
    for (std::size_t i = 0; i < count; ++i) {
      out += "| " + std::to_string(i + 1) + " | ";
      detail::append_markdown(out, exhibit.pages[i].heading, " ");
      out += " |\n";
    }
    out += '\n';
  }
  for (std::size_t i = 0; i < count; ++i) {
    out += "![Diagram, page " + std::to_string(i + 1) + " of " + std::to_string(count) + ": ";
    detail::append_markdown(out, exhibit.pages[i].heading, " ");
    out += "](" + page_file(i + 1) + ")\n\n";
  }
  return out;
}

// pandoc's warnings, one a line, as diagnostics.
void warn(const std::string& said, const DocxOptions& options) {
  if (!options.draw.on_warning) return;
  std::istringstream lines(said);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    Diagnostic d;
    d.severity = Severity::warning;
    d.where.file = options.draw.name;
    d.message = "pandoc: " + line;
    options.draw.on_warning(d);
  }
}

// pandoc's own styles, its tables given borders; empty (pandoc's styles as
// they are) when this pandoc cannot print them or they are not as expected.
std::string styles(const docx::Pandoc& pandoc) {
  try {
    pandoc.run({"--print-default-data-file=docx/word/styles.xml"}, {}, styles_file);
    return docx::bordered_tables(pandoc.read(styles_file));
  } catch (const ConversionError&) {
    return {};
  }
}

}  // namespace

double docx_diagram_width(const PageSetup& page) noexcept {
  const PageSize size = page_size(page);
  const double across = (size.width - 2 * diagram_margin) / size.width;
  const double down = (size.height - 2 * diagram_margin - image_paragraph) / size.height;
  return size.width * std::min(across, down);
}

void write_docx(std::ostream& out, const Graph& graph, const DocxOptions& options) {
  // pandoc is looked for first: when it is missing, nothing is drawn.
  const docx::Pandoc pandoc(options.pandoc);

  MarkdownOptions markdown;
  markdown.analyses = options.analyses;
  markdown.scope = options.scope;
  std::ostringstream report;
  write_markdown(report, graph, markdown);
  std::string text = report.str();

  PageSetup upright = options.page;
  upright.landscape = false;
  const std::string report_section = docx::section_properties(upright, report_margin);
  std::string last_section = report_section;
  if (options.diagrams) {
    ExhibitOptions exhibit_options;
    exhibit_options.draw = options.draw;
    exhibit_options.draw.dot.analyses = options.analyses;
    exhibit_options.draw.dot.scope = options.scope;
    exhibit_options.draw.format = RenderFormat::png;
    exhibit_options.draw.layout.reset();
    exhibit_options.page = options.page;
    const Exhibit exhibit = draw_exhibit(graph, exhibit_options);
    text += diagrams_section(exhibit);
    for (std::size_t i = 0; i < exhibit.pages.size(); ++i) pandoc.write(page_file(i + 1), exhibit.pages[i].bytes);
    last_section = docx::section_properties(options.page, diagram_margin);
  }
  std::string filter(filter_template);
  filter = replaced(std::move(filter), "@WIDTH@", inches(docx_diagram_width(options.page)));
  filter = replaced(std::move(filter), "@SECTION@", docx::section_break(report_section));

  pandoc.write(report_file, text);
  pandoc.write(filter_file, filter);
  pandoc.write(reference_file, docx::reference_document(last_section, styles(pandoc)));
  // GitHub-Flavored Markdown, as write_markdown writes it, but for emoji
  // shortcodes (":scales:" stays text); the report's title (its only
  // level-1 heading, first) becomes the document's title.
  const std::string said = pandoc.run({"--from=gfm-emoji", "--to=docx", "--shift-heading-level-by=-1",
                                       "--lua-filter=" + std::string(filter_file),
                                       "--reference-doc=" + std::string(reference_file),
                                       "--output=" + std::string(output_file), std::string(report_file)},
                                      {std::string(fixed_date)});
  warn(said, options);
  const std::string document = pandoc.read(output_file);
  out.write(document.data(), static_cast<std::streamsize>(document.size()));
}

}  // namespace claimgraph::io
