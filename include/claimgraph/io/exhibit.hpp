#pragma once
// Exhibits: a diagram that fits a printed page. The diagram is laid out for
// the page's shape (its wide ranks of leaves staggered, as Graphviz's
// unflatten does, or drawn left to right), and scaled to the page's
// printable area. When no layout of the whole case is legible on one page
// (node labels at least 8 pt and no text under 6 pt at print size), it is
// split: an overview page (each group, or each cause of action when there
// are no groups, as one box with its standing and its gaps, and the
// relations between them), then one page per group, each with a header
// (case title, group, page N of M) and, where an edge leaves the page, an
// off-page connector naming the page that holds the other end.
//
// Pages are composed as SVG (Graphviz's drawing inside a page with its
// header) and drawn by librsvg on cairo's surfaces: one PDF of all the
// pages, or one PNG or SVG per page.

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/io/diagram.hpp"

namespace claimgraph::io {

/// Paper sizes.
enum class Paper { letter, a4, legal };

/// The paper's name: "letter", "a4" or "legal".
[[nodiscard]] const char* to_string(Paper paper) noexcept;
/// Every paper size, in the order help lists them.
[[nodiscard]] std::span<const Paper> all_papers() noexcept;

/// A printed page.
struct PageSetup {
  Paper paper = Paper::letter;
  /// Turned on its side: wider than tall.
  bool landscape = false;
  /// The margin on every side, in points (72 to the inch).
  double margin = 36;
};

/// A page's width and height in points, as it is turned.
struct PageSize {
  double width = 0;
  double height = 0;
};
[[nodiscard]] PageSize page_size(const PageSetup& page) noexcept;

/// The smallest text allowed at print size, in points.
inline constexpr double min_text_points = 6;
/// The smallest node label allowed at print size, in points.
inline constexpr double min_label_points = 8;

/// How an exhibit is drawn.
struct ExhibitOptions {
  /// The diagram (analyses, legend, clusters, format, warnings, stages);
  /// draw.layout is ignored: pages are laid out with dot.
  DrawOptions draw;
  PageSetup page;
  /// The title in each page's header; empty: the graph's title, else draw.name.
  std::string title;
  /// Split the case over several pages when one page cannot hold it legibly;
  /// without, the whole case is scaled onto one page, however small.
  bool split = true;
};

/// One page of an exhibit.
struct ExhibitPage {
  /// What it shows: "Overview", a group's name, or the whole case's title.
  std::string heading;
  /// The scale at which the diagram is printed (1: its natural size).
  double scale = 1;
  /// The smallest text on it at print size, in points.
  double smallest_text = 0;
  /// The picture (PNG or SVG); empty in a PDF exhibit, whose pages are
  /// in Exhibit::document.
  std::string bytes;
};

/// A drawn exhibit.
struct Exhibit {
  std::vector<ExhibitPage> pages;
  /// The whole PDF, for options.draw.format pdf.
  std::string document;
};

/// Draws `graph` on pages. Warns (through options.draw.on_warning) of a
/// page that could not be made legible. Throws RenderError when Graphviz,
/// librsvg or cairo fails, Error when a page's diagram cannot be laid out
/// with dot (more nodes than options.draw.max_render_nodes).
[[nodiscard]] Exhibit draw_exhibit(const Graph& graph, const ExhibitOptions& options);

/// The file for page `number` (from 1) of `count`: `path` itself for one
/// page, else "case-2.svg" for "case.svg".
[[nodiscard]] std::string page_path(std::string_view path, std::size_t number, std::size_t count);

}  // namespace claimgraph::io
