#pragma once
// Where a page's drawings go: the diagram at the top, centred, and the
// legend under it or beside it, whichever leaves the diagram larger.

#include <vector>

#include "io/exhibit/compose.hpp"

namespace claimgraph::io::exhibit {

/// A page's drawings, placed in its printable area.
struct Arranged {
  std::vector<Placed> placed;
  /// The diagram's scale (at most 1).
  double scale = 1;
  /// Whether the diagram, and the legend if placed, are legible at their scales.
  bool legible = false;
};

/// Places `diagram`, and `legend` when given and it can be legible, in `area`.
[[nodiscard]] Arranged arrange(const Drawing& diagram, const Drawing* legend, PageSize area);

}  // namespace claimgraph::io::exhibit
