#include "io/exhibit/arrange.hpp"

#include <algorithm>

#include "io/exhibit/fit.hpp"

namespace claimgraph::io::exhibit {

namespace {

// Between the diagram and the legend, in points.
constexpr double gap = 12;

double scale_within(const Drawing& d, double width, double height) {
  if (d.size.width <= 0 || d.size.height <= 0) return 1;
  return std::max(0.0, std::min({1.0, width / d.size.width, height / d.size.height}));
}

Arranged alone(const Drawing& diagram, PageSize area) {
  Arranged a;
  a.scale = scale_within(diagram, area.width, area.height);
  a.placed.push_back({&diagram, (area.width - diagram.size.width * a.scale) / 2, 0, a.scale});
  a.legible = legible(diagram, a.scale);
  return a;
}

}  // namespace

Arranged arrange(const Drawing& diagram, const Drawing* legend, PageSize area) {
  if (legend == nullptr) return alone(diagram, area);
  // The legend as small as is legible, leaving the diagram the most room,
  // and within half the page's height.
  const double most = scale_within(*legend, area.width, area.height / 2);
  const double key = std::min(most, least_legible_scale(*legend));
  if (!legible(*legend, key)) return alone(diagram, area);
  const double key_width = legend->size.width * key;
  const double key_height = legend->size.height * key;
  const double under = scale_within(diagram, area.width, area.height - key_height - gap);
  const double beside = scale_within(diagram, area.width - key_width - gap, area.height);
  Arranged a;
  a.scale = std::max(under, beside);
  const double width = diagram.size.width * a.scale;
  const double height = diagram.size.height * a.scale;
  if (under >= beside) {
    a.placed.push_back({&diagram, (area.width - width) / 2, 0, a.scale});
    a.placed.push_back({legend, (area.width - key_width) / 2, height + gap, key});
  } else {
    const double left = (area.width - width - key_width - gap) / 2;
    a.placed.push_back({&diagram, left, 0, a.scale});
    a.placed.push_back({legend, left + width + gap, 0, key});
  }
  a.legible = legible(diagram, a.scale);
  return a;
}

}  // namespace claimgraph::io::exhibit
