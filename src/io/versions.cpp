#include "claimgraph/io/versions.hpp"

#include <cairo.h>
#include <graphviz/graphviz_version.h>
#include <librsvg/rsvg.h>

#include <boost/version.hpp>
#include <nlohmann/json.hpp>

namespace claimgraph::io {

namespace {

std::string dotted(int major, int minor, int patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

}  // namespace

std::vector<LibraryVersion> library_versions() {
  return {
      {"Boost", dotted(BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100)},
      {"Graphviz", PACKAGE_VERSION},
      {"nlohmann/json",
       dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)},
      {"cairo", CAIRO_VERSION_STRING},
      {"librsvg", LIBRSVG_VERSION},
  };
}

}  // namespace claimgraph::io
