#include "detail/node_groups.hpp"

#include <unordered_map>
#include <utility>

namespace claimgraph::detail {

namespace {
class Sorter {
 public:
  explicit Sorter(const Graph& graph) : graph_(graph) {}
  void add(Graph::NodeRef v, bool by_group) {
    const auto& group = graph_.node(v).group;
    if (!by_group || !group) {
      out.loose.push_back(v);
      return;
    }
    auto [it, added] = index_.try_emplace(*group, out.groups.size());
    if (added) out.groups.emplace_back();
    out.groups[it->second].push_back(v);
  }
  NodeGroups out;

 private:
  const Graph& graph_;
  std::unordered_map<std::string_view, std::size_t> index_;
};
}  // namespace

NodeGroups group_nodes(const Graph& graph, bool by_group) {
  Sorter sorter(graph);
  for (Graph::NodeRef v = 0; v < graph.node_count(); ++v) sorter.add(v, by_group);
  return std::move(sorter.out);
}

NodeGroups group_nodes(const Graph& graph, std::span<const Graph::NodeRef> nodes) {
  Sorter sorter(graph);
  for (Graph::NodeRef v : nodes) sorter.add(v, true);
  return std::move(sorter.out);
}

}  // namespace claimgraph::detail
