#pragma once
// Small random case graphs (every kind and relation, undercuts included) for
// the property tests that compare an analysis with a literal reference.

#include <random>
#include <string>

#include "claimgraph/graph.hpp"

namespace claimgraph::test {

/// A graph of 1 to `max_nodes` nodes with up to twice as many edges.
[[nodiscard]] Graph random_graph(std::mt19937& rng, int max_nodes = 9);

/// The graph in one line, for failure messages.
[[nodiscard]] std::string describe(const Graph& g);

}  // namespace claimgraph::test
