#include "io/dot/look.hpp"

#include <array>
#include <cstddef>

namespace claimgraph::io {

namespace {

constexpr std::array styles = {
    DiagramStyleRow{"colour", "colour-blind-safe Okabe-Ito colours and greys", DiagramStyle::colour},
    DiagramStyleRow{"mono", "black, greys and white only, for printing", DiagramStyle::mono},
};

// Okabe and Ito's palette, "Color Universal Design" (2008): blue #0072b2,
// vermillion #d55e00, bluish green #009e73, orange #e69f00, reddish purple
// #cc79a7, sky blue #56b4e9, with pale tints of them as fills. Red and
// green never meet as the only difference: supports are blue, contradicts
// vermillion, and every pair also differs in line and arrowhead.
constexpr dot::Palette colour{
    "#000000",
    "#555555",
    "#bbbbbb",
    "#fafafa",
    {"#e1f1fb", "#faeccc", "#d9f0ea"},
    {"#0072b2", "#e69f00", "#009e73"},
    "#f9e7d9",
    "#d55e00",
    "#d55e00",
    {"#0072b2", "#d55e00", "#000000", "#cc79a7"},
    "#56b4e9",
    {"#009e73", "#999999", "#e69f00"},
    "#666666",
    "",
    "#eeeeee",
    "#999999",
    "#d55e00",
    "#d55e00",
};

// Black lines on white or light grey: what a photocopier keeps.
constexpr dot::Palette mono{
    "#000000",
    "#555555",
    "#aaaaaa",
    "#fafafa",
    {"#ffffff", "#ffffff", "#eeeeee"},
    {"#000000", "#000000", "#000000"},
    "#ffffff",
    "#000000",
    "#000000",
    {"#000000", "#000000", "#000000", "#000000"},
    "#aaaaaa",
    {"#000000", "#999999", "#000000"},
    "#666666",
    "#dddddd",
    "#ffffff",
    "#888888",
    "#000000",
    "#000000",
};

}  // namespace

std::span<const DiagramStyleRow> diagram_styles() noexcept { return styles; }

std::string_view to_string(DiagramStyle style) noexcept {
  for (const auto& row : styles) {
    if (row.style == style) return row.name;
  }
  return {};
}

namespace dot {

const Palette& palette(DiagramStyle style) noexcept { return style == DiagramStyle::mono ? mono : colour; }

KindLook kind_look(NodeKind kind) noexcept {
  switch (kind) {
    case NodeKind::claim: return {"box", "rounded", 1};
    case NodeKind::counterclaim: return {"box", "", 2};
    case NodeKind::evidence: return {"note", "", 1};
  }
  return {"box", "", 1};
}

std::string_view edge_look(Relation relation) noexcept {
  switch (relation) {
    case Relation::supports: return "";  // a solid line and a normal arrowhead: Graphviz's defaults
    case Relation::contradicts: return "style=bold, penwidth=2.4, arrowhead=tee, arrowsize=1.2";
    case Relation::element_of: return "style=dotted, penwidth=2, arrowhead=diamond, weight=2";
    case Relation::undercuts: return "style=dashed, penwidth=1.6, arrowhead=tee, dir=both, arrowtail=odot";
  }
  return "";
}

BorderLook status_border(analysis::Label label) noexcept {
  switch (label) {
    case analysis::Label::in: return {"", "2.8"};
    case analysis::Label::out: return {"dashed", "1.2"};
    case analysis::Label::undec: return {"dotted", "2.2"};
  }
  return plain_border;
}

}  // namespace dot

}  // namespace claimgraph::io
