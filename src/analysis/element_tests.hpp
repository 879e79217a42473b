#pragma once
// The tests of elements as counting: every element-of edge into a claim
// brings a share when its element holds, and the claim's test is met when the
// shares of the elements that hold reach what it needs. `all`: a share of 1
// each, and it needs as many as it has edges; `any`: a share of 1, and it
// needs 1; `balance`: a share of the factor's weight in factor_units(), and
// it needs more than half the total, so that what holds outweighs what does
// not (a tie is not enough). Whole numbers, so that every analysis (and any
// order of adding) decides the same way.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "claimgraph/graph.hpp"

namespace claimgraph::analysis::detail {

/// What an element-of edge from `element` into a claim with test `test` brings.
[[nodiscard]] inline std::uint64_t element_share(ElementTest test, const Node& element) noexcept {
  return test == ElementTest::balance ? factor_units(element) : 1;
}

/// What a claim with test `test` needs, given the sum of the shares of all
/// its element-of edges (`total`): the test is met when the shares of the
/// elements that hold reach it.
[[nodiscard]] inline std::uint64_t element_need(ElementTest test, std::uint64_t total) noexcept {
  switch (test) {
    case ElementTest::all: return total;
    case ElementTest::any: return 1;
    case ElementTest::balance: return total / 2 + 1;
  }
  return total;
}

/// The share of every element-of edge, given each node's test: 1 but into
/// a balance, whose factors' weights are kept per edge, and only when the
/// graph has a balance at all (most have none, and the array is a word an
/// edge).
class ElementShares {
 public:
  ElementShares(const Graph& graph, const std::vector<ElementTest>& test) : test_(&test) {
    if (std::find(test.begin(), test.end(), ElementTest::balance) == test.end()) return;
    factor_.assign(graph.edge_count(), 0);
    for (const auto& e : graph.edges()) {
      if (graph.edge(e).relation == Relation::element_of && test[graph.target(e)] == ElementTest::balance) {
        factor_[e] = element_share(ElementTest::balance, graph.node(graph.source(e)));
      }
    }
  }
  /// Whether any node's test is a balance (with an edge in the graph).
  [[nodiscard]] bool balances() const noexcept { return !factor_.empty(); }
  /// The share of element-of edge `e` into node `target`.
  [[nodiscard]] std::uint64_t operator()(std::size_t e, Graph::NodeRef target) const {
    return (*test_)[target] == ElementTest::balance ? factor_[e] : 1;
  }

 private:
  const std::vector<ElementTest>* test_;
  std::vector<std::uint64_t> factor_;
};

}  // namespace claimgraph::analysis::detail
