#include "analysis/random_graph.hpp"

namespace claimgraph::test {

Graph random_graph(std::mt19937& rng, int max_nodes, bool tests) {
  std::uniform_int_distribution<int> size(1, max_nodes);
  const int n = size(rng);
  Graph g;
  for (int v = 0; v < n; ++v) {
    claimgraph::Node node;
    node.id = "n";
    node.id += std::to_string(v);
    node.label = node.id;
    const int k = static_cast<int>(rng() % 3);
    node.kind = k == 0 ? NodeKind::evidence : k == 1 ? NodeKind::claim : NodeKind::counterclaim;
    if (tests) {
      const auto t = rng() % 4;
      if (t > 0) node.test = all_element_tests()[t - 1];
      const auto w = rng() % 8;
      if (w < 5) node.weight = 0.25 * static_cast<double>(w);
    }
    g.add_node(std::move(node));
  }
  const int edges = static_cast<int>(rng() % static_cast<unsigned>(2 * n + 1));
  for (int i = 0; i < edges; ++i) {
    const auto from = static_cast<std::size_t>(rng() % static_cast<unsigned>(n));
    const auto to = static_cast<std::size_t>(rng() % static_cast<unsigned>(n));
    const auto r = static_cast<unsigned>(rng() % 10);
    if (r < 2 && g.edge_count() > 0) {
      // An undercut of some supports edge, if there is one.
      std::vector<std::size_t> supports;
      for (std::size_t k = 0; k < g.edge_count(); ++k) {
        if (g.edge(g.edges()[k]).relation == Relation::supports) supports.push_back(k);
      }
      if (!supports.empty()) {
        const std::size_t target = supports[rng() % supports.size()];
        if (g.target(g.edges()[target]) != from) g.add_undercut(from, target);
      }
      continue;
    }
    if (from == to) continue;
    // With tests, more elements to decide.
    const unsigned supports = tests ? 4 : 6, contradicts = tests ? 6 : 8;
    const Relation rel = r < supports      ? Relation::supports
                         : r < contradicts ? Relation::contradicts
                                           : Relation::element_of;
    g.add_edge(from, to, rel);
  }
  return g;
}

std::string describe(const Graph& g) {
  std::string out;
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    const Node& node = g.node(v);
    out.append(node.id).append(":").append(claimgraph::to_string(node.kind));
    if (node.test) out.append(":").append(claimgraph::to_string(*node.test));
    if (node.weight) out.append(":w").append(std::to_string(*node.weight));
    out.append(" ");
  }
  for (const auto& e : g.edges()) {
    out.append(g.node(g.source(e)).id).append("-").append(claimgraph::to_string(g.edge(e).relation)).append("->");
    if (g.edge(e).relation == Relation::undercuts) {
      out.append("edge").append(std::to_string(g.edge(e).undercut));
    } else {
      out.append(g.node(g.target(e)).id);
    }
    out.append(" ");
  }
  return out;
}

}  // namespace claimgraph::test
