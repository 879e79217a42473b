#pragma once
// Writes the Markdown report (write_markdown) as a Word document a firm can
// edit, with the diagram embedded: the pages of the exhibit (draw_exhibit),
// one image to a page, after the report. pandoc converts it; claimgraph
// writes the report, the page images, a reference document (which gives
// pandoc the paper and margins) and a Lua filter into a private temporary
// directory, runs pandoc there without a shell, and removes the directory
// whatever happens.
//
// pandoc reads the report as GitHub-Flavored Markdown, as write_markdown
// writes it, without emoji shortcodes, so every label shows as written; the
// filter turns the <br> of a table cell into a line break and sizes the
// images. The report's title becomes the document's title (Word's Title
// style and the document properties), its sections Heading 1, its causes of
// action Heading 2 and its claims Heading 3.
//
// The report is upright on the paper chosen, with margins of an inch. The
// diagram pages follow in a section of their own, turned when the page is
// landscape, with margins of a quarter inch, each page image as large as
// that leaves room for (docx_diagram_width): 90% (A4 turned) to 94% (legal
// upright) of the exhibit's size, so that its labels of 8 pt print at 7.2 pt
// or more.
//
// The document carries no date of its own: its creation and modification
// times are SOURCE_DATE_EPOCH when the environment sets it, else 1 January
// 1980. So the same case and the same pandoc give the same bytes.

#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/io/diagram.hpp"
#include "claimgraph/io/exhibit.hpp"

namespace claimgraph::io {

/// What the document holds, and how it is made.
struct DocxOptions {
  /// What the analyses found, as MarkdownOptions::analyses; the diagrams
  /// show the same.
  analysis::Analyses analyses;
  /// The paper. `landscape` turns the diagram pages only; `margin` is the
  /// margin inside each diagram page, as ExhibitOptions::page.
  PageSetup page;
  /// Add the diagram pages; without, the document is the report alone.
  bool diagrams = true;
  /// How the diagrams are drawn: the legend, clusters, max_render_nodes and
  /// name (dot.analyses and format are the writer's). on_warning also
  /// receives pandoc's warnings.
  DrawOptions draw;
  /// pandoc: a name looked up in PATH, or a path.
  std::string pandoc = "pandoc";
  /// What part of the case the graph is, as MarkdownOptions::scope; the
  /// diagrams say it as draw.dot.scope does.
  std::vector<std::string> scope;
};

/// The width of a diagram page's image in the document, in points, for
/// `page` (as turned): the printable width of the diagram section, or less
/// when the page's height would not fit.
[[nodiscard]] double docx_diagram_width(const PageSetup& page) noexcept;

/// Writes the document. Throws ConversionError when pandoc is not
/// installed, cannot be run or fails (with what it said), or its temporary
/// directory cannot be made; Error and RenderError as draw_exhibit.
void write_docx(std::ostream& out, const Graph& graph, const DocxOptions& options);

}  // namespace claimgraph::io
