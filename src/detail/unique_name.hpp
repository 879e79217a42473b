#pragma once
// Names made up for things a format leaves unnamed (an edge, a scheme node)
// must not clash with the names already given.

#include <cstddef>
#include <string>
#include <unordered_set>

namespace claimgraph::detail {

// `base`, or the first of base_2, base_3, ... that is not in `taken`; it is
// added to `taken`.
inline std::string unique_name(const std::string& base, std::unordered_set<std::string>& taken) {
  std::string name = base;
  for (std::size_t k = 2; taken.contains(name); ++k) {
    name = base;
    name += '_';
    name += std::to_string(k);
  }
  taken.insert(name);
  return name;
}

}  // namespace claimgraph::detail
