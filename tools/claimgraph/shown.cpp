#include "shown.hpp"

#include <spdlog/spdlog.h>

#include "common.hpp"

namespace claimgraph::cli {

void add_view_options(CLI::App& cmd, ViewOptions& view) {
  auto* focus = cmd.add_option("--focus", view.focus, "Show only this node and what bears on it")->group("View");
  auto* depth = cmd.add_option("--depth", view.depth,
                               "With --focus: how many levels of what bears on it (default: all); each node with "
                               "more beneath it says how many nodes are hidden: \"+N more below\"")
                    ->check(CLI::NonNegativeNumber)
                    ->group("View");
  cmd.add_option("--group", view.groups, "Show only nodes of this group (repeatable)")->group("View");
  cmd.add_option("--party", view.parties, "Show only nodes of this party (repeatable)")->group("View");
  cmd.add_flag("--gaps-only", view.gaps_only, "Show only the claims that lack evidence and what they rest on")
      ->group("View");
  // A depth counts levels below the focus: without one it would mean nothing.
  cmd.parse_complete_callback([focus, depth] {
    if (depth->count() > 0 && focus->count() == 0) {
      throw CLI::ValidationError("--depth", "needs --focus ID: it counts the levels of what bears on that node");
    }
  });
}

Shown prepare_shown(const Graph& graph, const ViewOptions& options, analysis::Wanted wanted) {
  Stopwatch watch;
  wanted.grounding = wanted.grounding || options.gaps_only;
  Shown s;
  s.graph = &graph;
  s.results = analysis::analyse(graph, wanted);
  spdlog::debug("analysed in {:.3f} s", watch.lap());
  if (!options.any()) return s;
  s.view = make_view(graph, options, s.results.grounding ? &*s.results.grounding : nullptr);
  s.graph = &s.view->graph;
  s.results = restrict(s.results, *s.view);
  spdlog::debug("selected {} of {} nodes and {} of {} edges", s.graph->node_count(), graph.node_count(),
                s.graph->edge_count(), graph.edge_count());
  return s;
}

}  // namespace claimgraph::cli
