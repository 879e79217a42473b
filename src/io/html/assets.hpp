#pragma once
// The style and script of the page io::write_html writes. They live in
// page.css and page.js beside this header and are compiled in as string
// literals (CMake generates assets.cpp from assets.cpp.in).

#include <string_view>

namespace claimgraph::detail {

/// The page's style sheet (page.css).
extern const std::string_view html_page_css;
/// The page's script (page.js).
extern const std::string_view html_page_js;

}  // namespace claimgraph::detail
