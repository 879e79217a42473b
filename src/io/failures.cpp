#include "io/failures.hpp"

#include <algorithm>
#include <boost/range/iterator_range.hpp>

namespace claimgraph::detail {

std::vector<std::vector<Graph::NodeRef>> held_up(const Graph& graph,
                                                 const std::vector<std::vector<Graph::NodeRef>>& single_points) {
  std::vector<std::vector<Graph::NodeRef>> out(graph.node_count());
  // Claims in node order, so each list comes out in node order.
  for (Graph::NodeRef c = 0; c < single_points.size() && c < graph.node_count(); ++c) {
    for (const Graph::NodeRef e : single_points[c]) {
      if (e < out.size()) out[e].push_back(c);
    }
  }
  return out;
}

std::vector<Graph::NodeRef> excluded_beneath(const Graph& graph, const analysis::Analyses& analyses,
                                             Graph::NodeRef v, std::size_t max_visited) {
  std::vector<Graph::NodeRef> found;
  if (analyses.excluded == nullptr || v >= graph.node_count()) return found;
  std::vector<bool> seen(graph.node_count(), false);
  std::vector<Graph::NodeRef> stack{v};
  seen[v] = true;
  std::size_t visited = 1;
  while (!stack.empty() && visited < max_visited) {
    const Graph::NodeRef x = stack.back();
    stack.pop_back();
    for (const auto& e : graph.in_edges(x)) {
      const Relation r = graph.edge(e).relation;
      if (r != Relation::supports && r != Relation::element_of) continue;
      const Graph::NodeRef y = graph.source(e);
      if (seen[y]) continue;
      seen[y] = true;
      ++visited;
      if (analyses.is_excluded(y)) {
        found.push_back(y);
      } else {
        stack.push_back(y);
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<Graph::NodeRef> lost_with(const Graph& graph, const std::vector<std::vector<Graph::NodeRef>>& single_points,
                                      Graph::NodeRef claim, Graph::NodeRef evidence) {
  const auto falls = [&](Graph::NodeRef x) {
    return x == evidence || (x < single_points.size() && std::binary_search(single_points[x].begin(),
                                                                            single_points[x].end(), evidence));
  };
  std::vector<Graph::NodeRef> elements, supporters;
  bool has_elements = false;
  for (const auto& e : graph.in_edges(claim)) {
    const Relation r = graph.edge(e).relation;
    const Graph::NodeRef x = graph.source(e);
    if (r == Relation::element_of) {
      has_elements = true;
      if (falls(x)) elements.push_back(x);
    } else if (r == Relation::supports && falls(x)) {
      supporters.push_back(x);
    }
  }
  return has_elements ? elements : supporters;
}

}  // namespace claimgraph::detail
