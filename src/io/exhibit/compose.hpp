#pragma once
// A page of an exhibit as one SVG document: a header (case title, what the
// page shows, page N of M) in the top margin, and Graphviz's drawing scaled
// into the printable area.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "claimgraph/io/exhibit.hpp"

namespace claimgraph::io::exhibit {

/// A diagram as Graphviz drew it.
struct Drawing {
  std::string svg;
  /// Its size in points.
  PageSize size;
  /// The smallest font size in it, in points (0 when it has no text).
  double smallest_font = 0;
};

/// Measures Graphviz's SVG. Throws RenderError.
[[nodiscard]] Drawing measure(std::string svg);

/// The printable area of a page: inside the margins.
[[nodiscard]] PageSize printable_area(const PageSetup& page) noexcept;

/// What a page's header says.
struct Header {
  std::string_view title;
  std::string_view heading;
  std::size_t number = 1;
  std::size_t count = 1;
};

/// A drawing placed on a page: its top left corner in points from the
/// printable area's, and its scale.
struct Placed {
  const Drawing* drawing = nullptr;
  double x = 0;
  double y = 0;
  double scale = 1;
};

/// The page: each drawing where it is placed, under `header`.
[[nodiscard]] std::string compose_page(std::span<const Placed> drawings, const PageSetup& page, const Header& header);

}  // namespace claimgraph::io::exhibit
