#pragma once
// Draws SVG onto cairo's surfaces with librsvg: the size an SVG asks for,
// pages of a PDF, and PNG pictures.

#include <span>
#include <string>
#include <string_view>

#include "claimgraph/io/exhibit.hpp"

namespace claimgraph::io::exhibit {

/// The size `svg` asks for, in points. Throws RenderError when librsvg
/// cannot read it.
[[nodiscard]] PageSize svg_size(std::string_view svg);

/// A PDF of `pages` (SVG documents, each drawn to fill a page of `size`),
/// titled `title`. Throws RenderError.
[[nodiscard]] std::string pdf_of(std::span<const std::string> pages, PageSize size, std::string_view title);

/// `page` (an SVG document) drawn to fill a PNG of `size` at `dpi` dots to
/// the inch, on white. Throws RenderError.
[[nodiscard]] std::string png_of(std::string_view page, PageSize size, double dpi);

}  // namespace claimgraph::io::exhibit
