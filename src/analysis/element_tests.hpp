#pragma once
// The tests of elements as counting: every element-of edge into a claim
// brings a share when its element holds, and the claim's test is met when the
// shares of the elements that hold reach what it needs. `all`: a share of 1
// each, and it needs as many as it has edges; `any`: a share of 1, and it
// needs 1; `balance`: a share of the factor's weight in factor_units(), and
// it needs more than half the total, so that what holds outweighs what does
// not (a tie is not enough). Whole numbers, so that every analysis (and any
// order of adding) decides the same way.

#include <cstdint>

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

}  // namespace claimgraph::analysis::detail
