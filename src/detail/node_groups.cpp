#include "detail/node_groups.hpp"

#include <algorithm>
#include <functional>
#include <utility>

namespace claimgraph::detail {

namespace {
constexpr std::size_t none = static_cast<std::size_t>(-1);

// A slot of the table of group names: a name's hash and its group's number.
struct Slot {
  std::size_t hash = 0;
  std::size_t group = none;
};

// Sorts `nodes` (in the order given) into groups: each group's number is
// found in an open-addressing table of name hashes, then the nodes are
// placed by counting. Linear, with no allocation per group or per name.
template <class Nodes>
NodeGroups sort_into_groups(const Graph& graph, const Nodes& nodes, bool by_group) {
  NodeGroups out;
  const auto at = [&nodes](std::size_t i) { return *(std::begin(nodes) + static_cast<std::ptrdiff_t>(i)); };
  std::size_t count = 0;
  for (const Graph::NodeRef v : nodes) {
    if (by_group && graph.node(v).group) {
      ++count;
    } else {
      out.loose.push_back(v);
    }
  }
  if (count == 0) return out;
  std::size_t capacity = 16;
  while (capacity < count + count / 2) capacity *= 2;
  std::vector<Slot> table(capacity);
  const std::hash<std::string_view> hash;
  std::vector<std::size_t> first;  // per group: the position of its first node
  std::vector<std::size_t> group_at;  // per position: its group, or none
  std::vector<std::size_t>& sizes = out.groups.offsets;  // per group: how many nodes, then where they start
  group_at.reserve(count);
  std::size_t position = 0;
  for (const Graph::NodeRef v : nodes) {
    const auto& group = graph.node(v).group;
    if (!by_group || !group) {
      group_at.push_back(none);
      ++position;
      continue;
    }
    const std::string_view name = *group;
    const std::size_t h = hash(name);
    std::size_t i = h & (capacity - 1);
    while (table[i].group != none &&
           (table[i].hash != h || std::string_view(*graph.node(at(first[table[i].group])).group) != name)) {
      i = (i + 1) & (capacity - 1);
    }
    if (table[i].group == none) {
      table[i] = {h, first.size()};
      first.push_back(position);
      sizes.push_back(0);
    }
    ++sizes[table[i].group];
    group_at.push_back(table[i].group);
    ++position;
  }
  std::vector<Slot>().swap(table);
  // Sizes to starts, then each node to the next place of its group.
  std::size_t start = 0;
  for (auto& s : sizes) start += std::exchange(s, start);
  sizes.push_back(start);
  std::vector<std::size_t> next(sizes.begin(), sizes.end() - 1);
  out.groups.members.resize(count);
  for (std::size_t p = 0; p < group_at.size(); ++p) {
    if (group_at[p] != none) out.groups.members[next[group_at[p]]++] = at(p);
  }
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
