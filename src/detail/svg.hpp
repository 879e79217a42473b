#pragma once
// An SVG drawing inlined in an HTML page, treated as data. The drawing comes
// from Graphviz, drawn from DOT whose labels are escaped, but the page must
// not depend on that: whatever the text holds, what is inlined is only the
// few elements and attributes Graphviz draws with, every text re-escaped and
// every element closed, so it can neither run script, fetch anything, nor
// break out into the rest of the page.

#include <string>
#include <string_view>

namespace claimgraph::detail {

/// Appends the first <svg> element of the SVG document `svg`, fit to be
/// inlined in an HTML page. Dropped: the XML declaration, doctype, comments,
/// processing instructions and everything outside the root element; every
/// element not on the list Graphviz draws with (svg, g, title, text, tspan,
/// a, path, polygon, polyline, ellipse, circle, rect, line, defs, gradients
/// and stops: so no script, style, foreignObject, image or use) with all it
/// contains; elements inside <title>; every attribute not on the list of
/// geometry and presentation attributes (no event handler, no href, no
/// xmlns), presentation values with a backslash or a url() that is not a
/// local #reference, and ids starting with "cg-", which the page reserves.
/// Entities in text and values are decoded and the result escaped again.
/// Appends nothing when `svg` has no <svg> element.
void append_inline_svg(std::string& out, std::string_view svg);

}  // namespace claimgraph::detail
