#include "shown.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "choices.hpp"
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

void add_redact_options(CLI::App& cmd, RedactOptions& redaction) {
  cmd.add_option("--redact", redaction.tags,
                 "Redact the nodes that carry this tag, as privileged ones are (repeatable)")
      ->group("Redaction");
  add_choice(cmd, "--redact-mode", redaction.mode, redact_mode_choices(), redact_mode_help())->group("Redaction");
  cmd.add_flag("--include-privileged", redaction.include_privileged,
               "Keep the nodes marked \"privileged\": true, which are otherwise redacted")
      ->group("Redaction");
}

namespace {

// `inner` composed after `outer`: the maps of the result lead back to what
// `outer` is a view of.
View composed(const View& outer, View inner) {
  for (std::size_t v = 0; v < inner.node_of.size(); ++v) {
    inner.hidden_below[v] = outer.hidden_below[inner.node_of[v]];
    inner.node_of[v] = outer.node_of[inner.node_of[v]];
  }
  for (auto& e : inner.edge_of) e = outer.edge_of[e];
  return inner;
}

}  // namespace

Shown prepare_shown(const Graph& graph, const ViewOptions& options, analysis::Wanted wanted,
                    const RedactOptions& redaction) {
  Stopwatch watch;
  wanted.grounding = wanted.grounding || options.gaps_only;
  Shown s;
  s.graph = &graph;
  s.results = analysis::analyse(graph, wanted);
  spdlog::debug("analysed in {:.3f} s", watch.lap());
  if (options.any()) {
    ViewOptions view_options = options;
    view_options.unnamed = redacted_nodes(graph, redaction);  // an error suggests none of them
    s.view = make_view(graph, view_options, s.results.grounding ? &*s.results.grounding : nullptr);
    s.scope = describe_view(view_options, graph);
    s.graph = &s.view->graph;
    s.results = restrict(s.results, *s.view);
    spdlog::debug("selected {} of {} nodes and {} of {} edges", s.graph->node_count(), graph.node_count(),
                  s.graph->edge_count(), graph.edge_count());
  }
  const auto marked = redacted_nodes(*s.graph, redaction);
  if (std::find(marked.begin(), marked.end(), true) == marked.end()) return s;
  Redaction r = redact(*s.graph, redaction);
  s.results = restrict(s.results, r);
  spdlog::debug("redacted {} nodes", r.redacted);
  s.redacted = r.redacted;
  s.view = s.view ? composed(*s.view, std::move(r.view)) : std::move(r.view);
  s.graph = &s.view->graph;
  return s;
}

}  // namespace claimgraph::cli
