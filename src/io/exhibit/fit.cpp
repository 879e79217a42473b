#include "io/exhibit/fit.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace claimgraph::io::exhibit {

namespace {

// The node labels' font size in write_dot's diagrams, in points.
constexpr double label_font = 10;

struct Candidate {
  const char* rankdir;
  int stagger;
};

// In the order tried: the diagram as written first, so that a tie keeps it.
constexpr std::array<Candidate, 7> candidates{{
    {"BT", 1}, {"BT", 2}, {"BT", 3}, {"BT", 4}, {"BT", 6}, {"LR", 1}, {"LR", 2},
}};
// Label widths tried, in letters: narrower labels make taller, narrower nodes.
constexpr std::array<std::size_t, 2> wraps{22, 16};

double scale_for(const Drawing& drawing, PageSize area) {
  if (drawing.size.width <= 0 || drawing.size.height <= 0) return 1;
  return std::min({1.0, area.width / drawing.size.width, area.height / drawing.size.height});
}

}  // namespace

bool legible(const Drawing& drawing, double scale) noexcept {
  constexpr double slack = 1e-6;
  return smallest_text(drawing, scale) + slack >= min_text_points && label_font * scale + slack >= min_label_points;
}

double least_legible_scale(const Drawing& drawing) noexcept {
  const double smallest = drawing.smallest_font > 0 ? drawing.smallest_font : label_font;
  return std::min(1.0, std::max(min_text_points / smallest, min_label_points / label_font));
}

double smallest_text(const Drawing& drawing, double scale) noexcept {
  return (drawing.smallest_font > 0 ? drawing.smallest_font : label_font) * scale;
}

Fitted fit(const DotFor& dot_for, PageSize area, RenderOptions options) {
  options.format = RenderFormat::svg;
  options.layout = LayoutEngine::dot;
  Fitted best;
  bool first = true;
  for (const std::size_t wrap : wraps) {
    const std::string dot = dot_for(wrap);
    for (const Candidate& c : candidates) {
      options.stagger = c.stagger;
      options.attributes = {{"rankdir", c.rankdir}, {"nodesep", "0.12"}, {"ranksep", "0.25"}};
      options.node_attributes = {{"margin", "0.1,0.05"}};
      // Cluster titles at the top whichever way the ranks run (write_dot's
      // "b" is the top only bottom to top).
      options.cluster_attributes = {{"labelloc", std::string_view(c.rankdir) == "BT" ? "b" : "t"}};
      Drawing drawing = measure(render(dot, options));
      const double scale = scale_for(drawing, area);
      if (first || scale > best.scale) {
        best = Fitted{std::move(drawing), scale, false};
        best.legible = legible(best.drawing, scale);
      }
      // Drawn at full size, nothing can do better; far too large, nothing will help.
      if (best.scale >= 1 || (first && best.scale * label_font * 3 < min_label_points)) return best;
      first = false;
    }
  }
  return best;
}

}  // namespace claimgraph::io::exhibit
