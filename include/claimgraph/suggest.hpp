#pragma once
// "Did you mean": the suggestion every message about a misspelt name makes,
// in the library and in the program alike.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "claimgraph/graph.hpp"

namespace claimgraph {

/// The candidate `word` most likely means, else nothing, trying in turn:
/// the same name in other case or punctuation ("Fair-Use" for "fair_use");
/// a synonym a lawyer types, when its meaning is a candidate ("attacks" or
/// "rebuts" for "contradicts", "defence" for "counterclaim", "exhibit" or
/// "fact" for "evidence"); the nearest plausible typo
/// (an edit distance of about a third of the word's length, at least 1,
/// counting transpositions; ties go to the first); the one candidate that
/// contains the word (4 letters or more), when only one does.
[[nodiscard]] std::optional<std::string> nearest(std::string_view word, std::span<const std::string_view> candidates);

/// `; did you mean "x"?` when nearest() finds a candidate, else "".
[[nodiscard]] std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

/// The node `word` most likely names when no node has that id: nearest()
/// among the ids, else the one node whose label contains the word (in any
/// case or punctuation, 4 letters or more), as
/// `; did you mean "sherman" (Sherman Act § 1 conspiracy)?`. Else what the
/// word may mean instead: a group (else a party) that nearest() finds among
/// the nodes', and the nodes whose labels contain it when several do, the
/// first three in the graph's order, as `; did you mean the group "Tortious interference",
/// or one of the 9 nodes whose label contains it: "a", "b", "c" and 6 more?`;
/// else "". Never a node that `unnamed` marks (per node; empty: none), such
/// as one an output redacts, nor its group or party.
[[nodiscard]] std::string did_you_mean_node(const Graph& graph, std::string_view word,
                                            const std::vector<bool>& unnamed = {});

}  // namespace claimgraph
