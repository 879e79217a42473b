#pragma once
// Lays a diagram out for a page: tries the layouts a page's shape can use
// (leaves staggered over one to four ranks, bottom to top or left to
// right) and keeps the one that prints largest.

#include <cstddef>
#include <functional>
#include <string>

#include "claimgraph/io/render.hpp"
#include "io/exhibit/compose.hpp"

namespace claimgraph::io::exhibit {

/// A diagram laid out for a page.
struct Fitted {
  Drawing drawing;
  /// The scale that fits it into the printable area (at most 1).
  double scale = 1;
  /// Whether, at that scale, node labels are at least min_label_points and
  /// no text is under min_text_points.
  bool legible = false;
};

/// Whether, at `scale`, node labels are at least min_label_points and no
/// text is under min_text_points.
[[nodiscard]] bool legible(const Drawing& drawing, double scale) noexcept;

/// The least scale (at most 1) at which `drawing` is legible.
[[nodiscard]] double least_legible_scale(const Drawing& drawing) noexcept;

/// The smallest text of a drawing at `scale`, in points.
[[nodiscard]] double smallest_text(const Drawing& drawing, double scale) noexcept;

/// The diagram's DOT with labels wrapped at about `width` letters a line.
using DotFor = std::function<std::string(std::size_t width)>;

/// Lays out the diagram with dot (options.format is ignored: it is drawn as
/// SVG) in each candidate layout, labels wrapped at each candidate width,
/// and returns the one printed largest in `area`. Throws RenderError.
[[nodiscard]] Fitted fit(const DotFor& dot, PageSize area, RenderOptions options);

}  // namespace claimgraph::io::exhibit
