#pragma once
// Views: the part of a big case that one diagram or report should show.
//
// A view is a smaller Graph holding copies of the selected nodes and of the
// edges between them, with the map back to the original. The analyses run on
// the whole graph, and their results are carried over to the view with
// restrict(): hiding a node's evidence does not make it lack evidence. So
// every exporter and the renderer work on a view exactly as on a whole graph.
//
// What is selected (all the given criteria must hold):
//  - focus: a node and what bears on it (its supporters, elements,
//    contradictors and undercutters, theirs, and so on), at most `depth`
//    levels down; a depth needs a focus to count from;
//  - groups: nodes whose `group` is one of these;
//  - parties: nodes whose `party` is one of these;
//  - gaps_only: the claims and counterclaims that lack evidence and what
//    they rest on (their supporters and elements, transitively).
// An edge is kept when both its ends are; an undercut when its undercutter
// and the supports edge it attacks are.
//
// A depth hides what lies further down, so the view says what it hid: each
// node of the view that something beyond the depth bears on directly counts
// the nodes beyond the depth that bear on it through one another
// (View::hidden_below), which the diagram shows as "+N more below".

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph {

/// Which part of a graph to show.
struct ViewOptions {
  /// The id of the node to focus on.
  std::optional<std::string> focus;
  /// The depth that stands for "all levels".
  static constexpr std::size_t unlimited = std::numeric_limits<std::size_t>::max();
  /// With focus: how many levels of what bears on it (all by default).
  std::size_t depth = unlimited;
  /// Keep only nodes in one of these groups (none given: any group).
  std::vector<std::string> groups;
  /// Keep only nodes of one of these parties (none given: any party).
  std::vector<std::string> parties;
  /// Keep only the claims that lack evidence and what they rest on.
  bool gaps_only = false;
  /// Per node (empty: none): the nodes whose id, label, group and party an
  /// error must not name in its suggestions, such as those an output redacts.
  std::vector<bool> unnamed = {};

  /// Whether any criterion is given (otherwise the view is the whole graph).
  /// A depth counts as one, so that make_view refuses it without a focus.
  [[nodiscard]] bool any() const noexcept {
    return focus.has_value() || depth != unlimited || !groups.empty() || !parties.empty() || gaps_only;
  }
};

/// A view of a graph: the selected part as a graph of its own.
struct View {
  Graph graph;
  /// Per node of the view: the node of the original graph.
  std::vector<Graph::NodeRef> node_of;
  /// Per edge of the view (position in edges()): the original edge's position.
  std::vector<std::size_t> edge_of;
  /// Per node of the view: how many nodes of the original graph, beyond the
  /// focus's depth, bear on it, directly or through one another (a node
  /// beyond the depth that bears on it only through nodes of the view is
  /// counted at those nodes instead): what unfolding it would show. Zero for
  /// a node that nothing beyond the depth bears on directly, and for every
  /// node when there is no focus or the depth cuts nothing. Nodes left out
  /// by group, party or gaps_only are not counted: they were not cut by the
  /// depth.
  std::vector<std::size_t> hidden_below;
};

/// The view's criteria select nothing usable: an unknown focus id, or a
/// group or party no node has. The message says what exists.
class ViewError : public Error {
 public:
  using Error::Error;
};

/// Selects the part of `graph` that `options` describe. `grounding` (the
/// result of analysis::check on `graph`) is needed for gaps_only. Throws
/// ViewError, also for a depth without a focus. O(nodes + edges), and for
/// hidden_below one walk beyond the depth from each node of the view that
/// has something beyond it: O(nodes + edges) each, far less where what lies
/// beyond is spread over many nodes.
[[nodiscard]] View make_view(const Graph& graph, const ViewOptions& options,
                             const analysis::GroundingReport* grounding = nullptr);

/// What a view of `graph` with `options` shows, in words for the header of
/// a report or diagram: one phrase per criterion, in the order focus,
/// groups, parties, gaps_only (all must hold), such as `group “Damages”`,
/// `parties “Parler” or “AWS”`, `“Breach of contract” (breach) and up to 2
/// levels of what bears on it`. A focus that options.unnamed marks is
/// called "a redacted node". Empty when the view is the whole graph.
[[nodiscard]] std::vector<std::string> describe_view(const ViewOptions& options, const Graph& graph);

/// The view holding the nodes of `graph` marked in `nodes` (by node) and
/// the edges marked in `edges` (by position in graph.edges()). An edge is
/// kept only when both its ends are too, an undercut only when the supports
/// edge it attacks is. O(nodes + edges).
[[nodiscard]] View make_view(const Graph& graph, const std::vector<bool>& nodes, const std::vector<bool>& edges);

/// The results of an analysis of the whole graph, for the nodes and edges of
/// the view. Lists of nodes (missing elements, supporters, cycles) keep only
/// the nodes in the view.
[[nodiscard]] analysis::GroundingReport restrict(const analysis::GroundingReport& report, const View& view);
[[nodiscard]] analysis::StatusReport restrict(const analysis::StatusReport& report, const View& view);
[[nodiscard]] analysis::StrengthReport restrict(const analysis::StrengthReport& report, const View& view);
/// The inferences of the view and what raises and answers them in it.
[[nodiscard]] analysis::SchemeUse restrict(const analysis::SchemeUse& use, const View& view);
/// Every result held, for the view.
[[nodiscard]] analysis::Results restrict(const analysis::Results& results, const View& view);
/// Every result referred to, for the view.
[[nodiscard]] analysis::Results restrict(const analysis::Analyses& analyses, const View& view);

}  // namespace claimgraph
