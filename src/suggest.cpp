#include "claimgraph/suggest.hpp"

#include "detail/text.hpp"

namespace claimgraph {

std::optional<std::string> nearest(std::string_view word, std::span<const std::string_view> candidates) {
  return detail::nearest(word, candidates);
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  auto near = detail::nearest(word, candidates);
  return near ? "; did you mean \"" + *near + "\"?" : std::string();
}

}  // namespace claimgraph
