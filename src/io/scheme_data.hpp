#pragma once
// The text of the shipped scheme files (schemes/NAME.json), compiled in by
// CMake (src/CMakeLists.txt).

#include <span>
#include <string_view>

namespace claimgraph::detail {

struct SchemeData {
  std::string_view name;  ///< the file's name without .json
  std::string_view text;  ///< its content
};

/// Every shipped scheme file, by name.
[[nodiscard]] std::span<const SchemeData> shipped_schemes() noexcept;

}  // namespace claimgraph::detail
