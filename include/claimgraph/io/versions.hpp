#pragma once
// The versions of the libraries claimgraph was built with, for
// `claimgraph --version` and bug reports.

#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::io {

/// A library and its version, as its headers give it at build time.
struct LibraryVersion {
  std::string_view name;
  std::string version;
};

/// The libraries the claimgraph library is built with: Boost, Graphviz,
/// nlohmann/json, cairo and librsvg.
[[nodiscard]] std::vector<LibraryVersion> library_versions();

}  // namespace claimgraph::io
