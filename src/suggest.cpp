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

std::string did_you_mean_node(const Graph& graph, std::string_view word, const std::vector<bool>& unnamed) {
  std::vector<std::size_t> nodes;  // the candidates
  nodes.reserve(graph.node_count());
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    if (v >= unnamed.size() || !unnamed[v]) nodes.push_back(v);
  }
  std::vector<std::string_view> ids;
  ids.reserve(nodes.size());
  for (std::size_t v : nodes) ids.push_back(graph.id(v));
  if (auto near = detail::nearest(word, ids)) return "; did you mean " + detail::shown(*near) + "?";
  std::vector<std::string_view> labels;
  labels.reserve(nodes.size());
  for (std::size_t v : nodes) labels.push_back(graph.node(v).label);
  const auto in_label = detail::containing(word, labels);
  if (!in_label) return {};
  const std::size_t v = nodes[*in_label];
  std::string label = detail::shown(graph.node(v).label);  // quoted: the quotes come off
  return "; did you mean " + detail::shown(graph.id(v)) + " (" + label.substr(1, label.size() - 2) + ")?";
}

}  // namespace claimgraph
