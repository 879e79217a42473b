#include "claimgraph/suggest.hpp"

#include <set>
#include <string>
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
  constexpr std::size_t listed = 3;
  std::size_t in_labels = 0;
  const auto found = detail::containing_all(word, labels, listed, &in_labels);
  if (in_labels == 1) {
    const std::size_t v = nodes[found.front()];
    std::string label = detail::shown(graph.node(v).label);  // quoted: the quotes come off
    return "; did you mean " + detail::shown(graph.id(v)) + " (" + label.substr(1, label.size() - 2) + ")?";
  }
  // A word for a part of the case rather than a node: a group's or a
  // party's name, spelt as nearest() allows.
  std::string out;
  const auto part = [&](std::string_view what, auto field) {
    std::set<std::string_view> values;
    for (std::size_t v : nodes) {
      if (const auto& f = field(graph.node(v))) values.insert(*f);
    }
    const std::vector<std::string_view> names(values.begin(), values.end());
    if (auto near = detail::nearest(word, names)) out = "; did you mean the " + std::string(what) + " " + detail::shown(*near);
  };
  part("group", [](const Node& node) -> const OptionalString& { return node.group; });
  if (out.empty()) part("party", [](const Node& node) -> const OptionalString& { return node.party; });
  if (in_labels > 1) {
    out += out.empty() ? "; did you mean one of the " : ", or one of the ";
    out += std::to_string(in_labels) + " nodes whose label contains it: ";
    for (std::size_t k = 0; k < found.size(); ++k) {
      if (k > 0) out += (k + 1 == found.size() && in_labels <= listed) ? " or " : ", ";
      out += detail::shown(graph.id(nodes[found[k]]));
    }
    if (in_labels > listed) out += " and " + std::to_string(in_labels - listed) + " more";
  }
  if (!out.empty()) out += "?";
  return out;
}

}  // namespace claimgraph
