#pragma once
// The points of failure and the exclusion as the writers show them: which
// claims each piece of evidence alone holds up, which excluded nodes a
// claim that fell rested on, and what a cause of action would lose with one
// piece of evidence (analysis/critical.hpp computes the single points).

#include <cstddef>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::detail {

/// Per node: the claims and counterclaims whose single points of failure
/// (`single_points`, per node) hold it, in node order; empty for a node that
/// alone holds up nothing. O(nodes + the size of `single_points`).
[[nodiscard]] std::vector<std::vector<Graph::NodeRef>> held_up(
    const Graph& graph, const std::vector<std::vector<Graph::NodeRef>>& single_points);

/// The excluded nodes that `v` rests on, through supports and element-of
/// edges (not beyond an excluded node), in node order: what a claim that
/// fell lost. Looks at no more than `max_visited` nodes.
[[nodiscard]] std::vector<Graph::NodeRef> excluded_beneath(const Graph& graph, const analysis::Analyses& analyses,
                                                           Graph::NodeRef v, std::size_t max_visited = 2000);

/// What `claim` would lack if `evidence`, one of its single points of
/// failure, were excluded: its elements that fall with it (for a claim with
/// elements), else its supporters that do, in edge order.
[[nodiscard]] std::vector<Graph::NodeRef> lost_with(const Graph& graph,
                                                    const std::vector<std::vector<Graph::NodeRef>>& single_points,
                                                    Graph::NodeRef claim, Graph::NodeRef evidence);

}  // namespace claimgraph::detail
