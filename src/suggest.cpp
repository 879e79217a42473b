#include "claimgraph/suggest.hpp"

#include <vector>

#include "detail/text.hpp"

namespace claimgraph {

std::optional<std::string> nearest(std::string_view word, std::span<const std::string_view> candidates) {
  return detail::nearest(word, candidates);
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  auto near = detail::nearest(word, candidates);
  return near ? "; did you mean \"" + *near + "\"?" : std::string();
}

std::string did_you_mean_node(const Graph& graph, std::string_view word) {
  std::vector<std::string_view> ids;
  ids.reserve(graph.node_count());
  for (std::size_t v = 0; v < graph.node_count(); ++v) ids.push_back(graph.id(v));
  if (auto near = detail::nearest(word, ids)) return "; did you mean " + detail::shown(*near) + "?";
  std::vector<std::string_view> labels;
  labels.reserve(graph.node_count());
  for (std::size_t v = 0; v < graph.node_count(); ++v) labels.push_back(graph.node(v).label);
  const auto in_label = detail::containing(word, labels);
  if (!in_label) return {};
  std::string label = detail::shown(graph.node(*in_label).label);  // quoted: the quotes come off
  return "; did you mean " + detail::shown(graph.id(*in_label)) + " (" + label.substr(1, label.size() - 2) + ")?";
}

}  // namespace claimgraph
