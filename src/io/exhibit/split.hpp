#pragma once
// Splitting a case over pages: the units a page shows (groups, else causes
// of action), the part of the graph each unit's page draws, with off-page
// connectors, and the overview of the units.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/view.hpp"

namespace claimgraph::io::exhibit {

/// What one page shows.
struct Unit {
  /// Short, for references from other pages ("→ p. 3, Tortious interference").
  std::string name;
  /// In full, for its page's header.
  std::string heading;
  /// Its nodes, in node order.
  std::vector<Graph::NodeRef> nodes;
};

/// The units of `nodes` (some nodes of `graph`, in node order): by group
/// when `by_group` (the ungrouped in one unit of their own), else by cause
/// of action: each claim or counterclaim that supports nothing and is an
/// element of nothing among `nodes` heads a unit of what bears on it,
/// transitively (a node bearing on several goes with the first); what bears
/// on none of them is a unit of its own. O(nodes + edges).
[[nodiscard]] std::vector<Unit> split_units(const Graph& graph, std::span<const Graph::NodeRef> nodes, bool by_group);

/// A unit's page: its nodes, and the nodes its edges reach on other pages.
struct UnitPage {
  View view;
  /// Per node of the view: "" for the unit's own nodes, else the page
  /// that holds it ("→ p. 3, Tortious interference").
  std::vector<std::string> references;
  analysis::Results results;
};

/// The page of units[k]; `page_of[k]` is the page number of unit k.
[[nodiscard]] UnitPage unit_page(const Graph& graph, const analysis::Analyses& analyses, std::span<const Unit> units,
                                 std::size_t k, std::span<const std::size_t> page_of);

/// The overview: each unit a box with its page, its main claims and their
/// status, and what lacks evidence; an edge per unit pair and relation,
/// with the count of edges it stands for.
[[nodiscard]] std::string overview_dot(const Graph& graph, const analysis::Analyses& analyses,
                                       std::span<const Unit> units, std::span<const std::size_t> page_of);

}  // namespace claimgraph::io::exhibit
