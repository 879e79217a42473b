#pragma once
// The one form in which readers keep a JSON value they do not interpret (an
// unknown field), so that the writers give it back alike whatever format it
// came from.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace claimgraph::detail {

// `raw`, a JSON value as written, re-dumped compact with numbers as
// nlohmann/json writes them; a value it cannot hold (a number beyond a
// double) is kept as written.
inline std::string canonical(std::string_view raw) {
  try {
    return nlohmann::json::parse(raw).dump();
  } catch (const nlohmann::json::exception&) {
    return std::string(raw);
  }
}

}  // namespace claimgraph::detail
