#pragma once
// Small random case graphs (every kind and relation, undercuts included) for
// the property tests that compare an analysis with a literal reference.

#include <random>
#include <string>

#include "claimgraph/graph.hpp"

namespace claimgraph::test {

/// A graph of 1 to `max_nodes` nodes with up to twice as many edges. With
/// `tests`, claims and counterclaims also get a test of elements (none,
/// all, any or balance) and every node may get a weight among 0, 0.25, 0.5,
/// 0.75 and 1 (exact in binary, so ties of a balance test really tie), and
/// element-of edges are more frequent; without, the graphs are those the
/// older property tests were written against.
[[nodiscard]] Graph random_graph(std::mt19937& rng, int max_nodes = 9, bool tests = false);

/// The graph in one line, for failure messages.
[[nodiscard]] std::string describe(const Graph& g);

}  // namespace claimgraph::test
