#pragma once
// The style and script of the page io::write_html writes. They live in
// page.css and page.js (and live.css and live.js for a page served live) beside this header and are compiled in as string
// literals (CMake generates assets.cpp from assets.cpp.in).

#include <string_view>

namespace claimgraph::detail {

/// The page's style sheet (page.css).
extern const std::string_view html_page_css;
/// The page's script (page.js).
extern const std::string_view html_page_js;
/// What a page served live adds to the style (live.css) and its second
/// script (live.js), which follows the server (io::HtmlLive).
extern const std::string_view html_live_css;
extern const std::string_view html_live_js;

}  // namespace claimgraph::detail
