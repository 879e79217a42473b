#include "detail/node_groups.hpp"

#include <algorithm>
#include <functional>
#include <tuple>
#include <utility>

namespace claimgraph::detail {

namespace {
// Sorts `nodes` (in the order given) into groups by the hash of their group
// name, then by name within a run of equal hashes: linear but for two
// sorts, with no allocation per group or per name.
template <class Nodes>
NodeGroups sort_into_groups(const Graph& graph, const Nodes& nodes, bool by_group) {
  NodeGroups out;
  const std::hash<std::string_view> hash;
  std::vector<std::pair<std::size_t, std::size_t>> keyed;  // hash of the group, position in `nodes`
  std::size_t position = 0;
  for (const Graph::NodeRef v : nodes) {
    const auto& group = graph.node(v).group;
    if (by_group && group) {
      keyed.emplace_back(hash(*group), position);
    } else {
      out.loose.push_back(v);
    }
    ++position;
  }
  std::sort(keyed.begin(), keyed.end());
  const auto at = [&nodes](std::size_t i) { return *(std::begin(nodes) + static_cast<std::ptrdiff_t>(i)); };
  const auto name = [&](std::size_t i) { return std::string_view(*graph.node(at(i)).group); };
  // Per grouped node: the position of the first node of its group, and its own.
  std::vector<std::pair<std::size_t, std::size_t>> placed;
  placed.reserve(keyed.size());
  std::vector<std::size_t> firsts;  // of the names met in the current run of equal hashes
  for (std::size_t i = 0; i < keyed.size();) {
    std::size_t j = i;
    firsts.clear();
    for (; j < keyed.size() && keyed[j].first == keyed[i].first; ++j) {
      const std::size_t p = keyed[j].second;
      const auto it = std::find_if(firsts.begin(), firsts.end(), [&](std::size_t f) { return name(f) == name(p); });
      const std::size_t first = it != firsts.end() ? *it : firsts.emplace_back(p);  // positions rise in a run
      placed.emplace_back(first, p);
    }
    i = j;
  }
  std::vector<std::pair<std::size_t, std::size_t>>().swap(keyed);
  std::sort(placed.begin(), placed.end());  // groups by first appearance, nodes in order
  out.groups.members.reserve(placed.size());
  for (std::size_t k = 0; k < placed.size(); ++k) {
    if (k == 0 || placed[k].first != placed[k - 1].first) out.groups.offsets.push_back(k);
    out.groups.members.push_back(at(placed[k].second));
  }
  out.groups.offsets.push_back(placed.size());
  if (out.groups.offsets.size() == 1) out.groups.offsets.clear();  // no group
  return out;
}

// The vertices 0 .. n-1, as a range.
struct AllNodes {
  struct iterator {
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Graph::NodeRef;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Graph::NodeRef;
    Graph::NodeRef v;
    Graph::NodeRef operator*() const { return v; }
    iterator& operator++() {
      ++v;
      return *this;
    }
    iterator operator+(difference_type k) const { return {v + static_cast<Graph::NodeRef>(k)}; }
    bool operator==(const iterator&) const = default;
  };
  std::size_t n;
  [[nodiscard]] iterator begin() const { return {0}; }
  [[nodiscard]] iterator end() const { return {n}; }
};
}  // namespace

NodeGroups group_nodes(const Graph& graph, bool by_group) {
  return sort_into_groups(graph, AllNodes{graph.node_count()}, by_group);
}

NodeGroups group_nodes(const Graph& graph, std::span<const Graph::NodeRef> nodes) {
  return sort_into_groups(graph, nodes, true);
}

}  // namespace claimgraph::detail
