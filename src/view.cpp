#include "claimgraph/view.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "claimgraph/suggest.hpp"
#include "detail/text.hpp"

namespace claimgraph {

namespace {

using Vertex = Graph::NodeRef;

// `no node has group "x"; did you mean "y"? (groups: "a", "b" or "c")`,
// from the values `present` lists (those of the nodes it may name).
[[noreturn]] void no_match(std::string_view what, std::string_view plural, std::string_view value,
                           const std::set<std::string_view>& present) {
  std::string message = "no node has ";
  message.append(what).append(" ").append(detail::shown(value));
  const std::vector<std::string_view> names(present.begin(), present.end());
  if (auto guess = detail::nearest(value, names)) message.append("; did you mean ").append(detail::shown(*guess)).append("?");
  if (names.empty()) {
    message.append("; no node has a ").append(what);
  } else if (names.size() <= 12) {
    message.append(" (").append(plural).append(": ").append(detail::quoted_list(names)).append(")");
  }
  throw ViewError(message);
}

// Keeps the nodes whose field (group or party) is one of `wanted`.
template <typename Field>
void keep_only(const Graph& graph, std::vector<bool>& keep, const std::vector<std::string>& wanted, std::string_view what,
               std::string_view plural, const std::vector<bool>& unnamed, Field field) {
  if (wanted.empty()) return;
  std::set<std::string_view> present, named;  // every node's values; those an error may name
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    const auto& f = field(graph.node(v));
    if (!f) continue;
    present.insert(*f);
    if (v >= unnamed.size() || !unnamed[v]) named.insert(*f);
  }
  for (const auto& w : wanted) {
    if (!present.contains(w)) no_match(what, plural, w, named);
  }
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    const auto& f = field(graph.node(v));
    keep[v] = keep[v] && f && std::find(wanted.begin(), wanted.end(), *f) != wanted.end();
  }
}

// Marks the nodes reachable from `start` against the edges, `depth` levels at
// most, through the edges `follow` accepts. Breadth first, no recursion.
template <typename Follow>
std::vector<bool> bearing_on(const Graph& graph, std::vector<Vertex> start, std::size_t depth, Follow follow) {
  std::vector<bool> seen(graph.node_count(), false);
  for (Vertex v : start) seen[v] = true;
  std::vector<Vertex> next;
  for (std::size_t level = 0; level < depth && !start.empty(); ++level) {
    next.clear();
    for (Vertex v : start) {
      for (const auto& e : graph.in_edges(v)) {
        const Vertex s = graph.source(e);
        if (!seen[s] && follow(graph.edge(e).relation)) {
          seen[s] = true;
          next.push_back(s);
        }
      }
    }
    start.swap(next);
  }
  return seen;
}

// How many levels below `start` each node bears on it, against the edges
// (Graph::npos: it does not). Breadth first, no recursion.
std::vector<std::size_t> levels_below(const Graph& graph, Vertex start) {
  std::vector<std::size_t> level(graph.node_count(), Graph::npos);
  level[start] = 0;
  std::vector<Vertex> queue{start};
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const Vertex v = queue[head];
    for (const auto& e : graph.in_edges(v)) {
      const Vertex s = graph.source(e);
      if (level[s] == Graph::npos) {
        level[s] = level[v] + 1;
        queue.push_back(s);
      }
    }
  }
  return level;
}

// Per node of `kept` (the view's nodes, as nodes of `graph`): how many
// nodes `beyond` bear on it through one another. One breadth-first walk
// through the nodes beyond from each node that one of them bears on
// directly; `seen` holds the node the last walk that reached a node started
// from, so no walk clears anything.
std::vector<std::size_t> count_hidden(const Graph& graph, const std::vector<Vertex>& kept,
                                      const std::vector<bool>& beyond) {
  std::vector<std::size_t> hidden(kept.size(), 0);
  std::vector<Vertex> seen(graph.node_count(), Graph::npos);
  std::vector<Vertex> queue;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const Vertex root = kept[k];
    queue.assign(1, root);
    seen[root] = root;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (const auto& e : graph.in_edges(queue[head])) {
        const Vertex s = graph.source(e);
        if (beyond[s] && seen[s] != root) {
          seen[s] = root;
          queue.push_back(s);
        }
      }
    }
    hidden[k] = queue.size() - 1;
  }
  return hidden;
}

}  // namespace

View make_view(const Graph& graph, const std::vector<bool>& keep, const std::vector<bool>& edges_wanted) {
  View view;
  view.graph.title = graph.title;
  view.graph.description = graph.description;
  view.graph.extra = graph.extra;
  const std::size_t n = graph.node_count();
  std::vector<Vertex> new_of(n, Graph::npos);
  for (Vertex v = 0; v < n; ++v) {
    if (!keep[v]) continue;
    new_of[v] = view.graph.add_node(graph.node(v));
    view.node_of.push_back(v);
  }
  // Edges keep their order; an undercut is kept with the supports edge it
  // attacks, so positions are settled before the edges are added.
  const auto edges = graph.edges();
  std::vector<std::size_t> new_edge(edges.size(), Graph::npos);
  std::size_t count = 0;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (edges_wanted[i] && keep[graph.source(edges[i])] && keep[graph.target(edges[i])] &&
        graph.edge(edges[i]).relation != Relation::undercuts) {
      new_edge[i] = count++;
    }
  }
  // An undercut is kept when its undercutter and the edge it attacks are.
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    if (e.relation == Relation::undercuts && edges_wanted[i] && keep[graph.source(edges[i])] &&
        new_edge[e.undercut] != Graph::npos) {
      new_edge[i] = 0;  // marked; numbered below in edge order
    }
  }
  count = 0;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (new_edge[i] != Graph::npos) new_edge[i] = count++;
  }
  std::vector<Graph::EdgeSpec> specs;
  specs.reserve(count);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (new_edge[i] == Graph::npos) continue;
    const Edge& e = graph.edge(edges[i]);
    specs.push_back({new_of[graph.source(edges[i])], new_of[graph.target(edges[i])], e.relation, e.extra, e.id,
                     e.relation == Relation::undercuts ? new_edge[e.undercut] : static_cast<std::size_t>(-1)});
    view.edge_of.push_back(i);
  }
  view.graph.add_edges(std::move(specs));
  view.hidden_below.assign(view.node_of.size(), 0);
  return view;
}

View make_view(const Graph& graph, const ViewOptions& options, const analysis::GroundingReport* grounding) {
  const std::size_t n = graph.node_count();
  std::vector<bool> keep(n, true);
  std::vector<bool> beyond;  // bears on the focus, but below its depth
  if (!options.focus && options.depth != ViewOptions::unlimited) {
    throw ViewError("a depth needs a focus: it counts the levels of what bears on the focused node");
  }
  if (options.focus) {
    const auto v = graph.find(*options.focus);
    if (!v) {
      throw ViewError("no node " + detail::shown(*options.focus) + " to focus on" +
                      did_you_mean_node(graph, *options.focus, options.unnamed));
    }
    const std::vector<std::size_t> level = levels_below(graph, *v);
    beyond.assign(n, false);
    for (Vertex u = 0; u < n; ++u) {
      keep[u] = level[u] != Graph::npos && level[u] <= options.depth;
      beyond[u] = level[u] != Graph::npos && level[u] > options.depth;
    }
  }
  keep_only(graph, keep, options.groups, "group", "groups", options.unnamed,
            [](const Node& node) -> const OptionalString& { return node.group; });
  keep_only(graph, keep, options.parties, "party", "parties", options.unnamed,
            [](const Node& node) -> const OptionalString& { return node.party; });
  if (options.gaps_only) {
    if (grounding == nullptr) throw ViewError("a gaps-only view needs the result of the check");
    std::vector<Vertex> lacking;
    for (const auto& c : grounding->claims) {
      if (!c.grounded) lacking.push_back(c.node);
    }
    const auto rests = bearing_on(graph, std::move(lacking), std::numeric_limits<std::size_t>::max(), [](Relation r) {
      return r == Relation::supports || r == Relation::element_of;
    });
    for (Vertex v = 0; v < n; ++v) keep[v] = keep[v] && rests[v];
  }

  View view = make_view(graph, keep, std::vector<bool>(graph.edge_count(), true));
  if (std::find(beyond.begin(), beyond.end(), true) != beyond.end()) {
    view.hidden_below = count_hidden(graph, view.node_of, beyond);
  }
  return view;
}

analysis::GroundingReport restrict(const analysis::GroundingReport& report, const View& view) {
  const std::size_t n = view.node_of.size();
  std::vector<Vertex> new_of;
  if (!view.node_of.empty()) new_of.assign(view.node_of.back() + 1, Graph::npos);
  for (Vertex v = 0; v < n; ++v) new_of[view.node_of[v]] = v;
  auto mapped = [&](const std::vector<Vertex>& nodes) {
    std::vector<Vertex> out;
    for (Vertex u : nodes) {
      if (u < new_of.size() && new_of[u] != Graph::npos) out.push_back(new_of[u]);
    }
    return out;
  };
  analysis::GroundingReport r;
  r.grounded.resize(n);
  r.claim_index.assign(n, analysis::GroundingReport::npos);
  std::vector<std::size_t> cycle_of(report.cycles.size(), static_cast<std::size_t>(-1));
  for (std::size_t c = 0; c < report.cycles.size(); ++c) {
    auto nodes = mapped(report.cycles[c]);
    if (nodes.size() > 1) {
      cycle_of[c] = r.cycles.size();
      r.cycles.push_back(std::move(nodes));
    }
  }
  for (Vertex v = 0; v < n; ++v) {
    const Vertex o = view.node_of[v];
    r.grounded[v] = report.grounded[o];
    const std::size_t k = report.claim_index[o];
    if (k == analysis::GroundingReport::npos) continue;
    analysis::ClaimStatus c = report.claims[k];
    c.node = v;
    c.missing = mapped(c.missing);
    c.supporters = mapped(c.supporters);
    if (c.cycle != static_cast<std::size_t>(-1)) c.cycle = cycle_of[c.cycle];
    r.claim_index[v] = r.claims.size();
    if (c.grounded) ++r.grounded_claims;
    r.claims.push_back(std::move(c));
  }
  return r;
}

analysis::StatusReport restrict(const analysis::StatusReport& report, const View& view) {
  analysis::StatusReport r;
  r.labels.reserve(view.node_of.size());
  for (Vertex o : view.node_of) r.labels.push_back(report.labels[o]);
  r.undercut.reserve(view.edge_of.size());
  for (std::size_t o : view.edge_of) r.undercut.push_back(report.undercut[o]);
  if (!report.decided.empty()) {
    // The issue that decided a node, where the view shows it; else npos.
    std::vector<Vertex> shown(report.labels.size(), Graph::npos);
    for (Vertex v = 0; v < view.node_of.size(); ++v) shown[view.node_of[v]] = v;
    r.decided.reserve(view.node_of.size());
    r.issue.reserve(view.node_of.size());
    for (Vertex o : view.node_of) {
      r.decided.push_back(report.decided[o]);
      r.issue.push_back(report.issue[o] < shown.size() ? shown[report.issue[o]] : Graph::npos);
    }
  }
  return r;
}

analysis::StrengthReport restrict(const analysis::StrengthReport& report, const View& view) {
  analysis::StrengthReport r;
  const std::size_t n = view.node_of.size();
  r.strength.resize(n);
  r.pro.resize(n);
  r.con.resize(n);
  r.established.resize(n);
  for (Vertex v = 0; v < n; ++v) {
    const Vertex o = view.node_of[v];
    r.strength[v] = report.strength[o];
    r.pro[v] = report.pro[o];
    r.con[v] = report.con[o];
    r.established[v] = report.established[o];
  }
  r.converged = report.converged;
  for (Vertex v = 0; v < n; ++v) {
    if (std::binary_search(report.unsettled.begin(), report.unsettled.end(), view.node_of[v])) r.unsettled.push_back(v);
  }
  return r;
}

analysis::SchemeUse restrict(const analysis::SchemeUse& use, const View& view) {
  analysis::SchemeUse out;
  if (use.inferences.empty()) return out;
  // The view's position of each original edge it keeps.
  std::vector<std::size_t> in_view(use.inference_of.size(), analysis::SchemeUse::npos);
  for (std::size_t i = 0; i < view.edge_of.size(); ++i) in_view[view.edge_of[i]] = i;
  const auto kept = [&](const std::vector<std::size_t>& edges) {
    std::vector<std::size_t> k;
    for (const std::size_t e : edges) {
      if (in_view[e] != analysis::SchemeUse::npos) k.push_back(in_view[e]);
    }
    return k;
  };
  out.inference_of.assign(view.edge_of.size(), analysis::SchemeUse::npos);
  for (const auto& inference : use.inferences) {
    const std::size_t edge = in_view[inference.edge];
    if (edge == analysis::SchemeUse::npos) continue;
    analysis::Inference i{edge, inference.scheme, {}};
    for (const auto& q : inference.questions) {
      // What a question defeats was weighed on the whole case, and stays.
      i.questions.push_back({q.question, kept(q.raised_by), kept(q.answered_by), q.defeats, Graph::npos});
    }
    out.inference_of[edge] = out.inferences.size();
    out.inferences.push_back(std::move(i));
  }
  return out;
}

analysis::Results restrict(const analysis::Analyses& analyses, const View& view) {
  analysis::Results r;
  if (analyses.grounding != nullptr) r.grounding = restrict(*analyses.grounding, view);
  if (analyses.status != nullptr) r.status = restrict(*analyses.status, view);
  if (analyses.strength != nullptr) r.strength = restrict(*analyses.strength, view);
  if (analyses.schemes != nullptr) r.schemes = restrict(*analyses.schemes, view);
  if (analyses.record != nullptr) r.record = restrict(*analyses.record, view);
  if (analyses.excluded != nullptr) {
    r.excluded.emplace(view.node_of.size());
    for (std::size_t v = 0; v < view.node_of.size(); ++v) (*r.excluded)[v] = (*analyses.excluded)[view.node_of[v]];
  }
  if (analyses.single_points != nullptr) {
    // Each node's points of failure that are in the view.
    std::vector<Vertex> new_of;
    if (!view.node_of.empty()) new_of.assign(view.node_of.back() + 1, Graph::npos);
    for (Vertex v = 0; v < view.node_of.size(); ++v) new_of[view.node_of[v]] = v;
    // The others are counted, with those an earlier view left out, so that
    // a claim held up by evidence the view hides is not shown as safe.
    r.single_points.emplace(view.node_of.size());
    r.single_points_hidden.emplace(view.node_of.size(), 0);
    bool hides = false;
    for (std::size_t v = 0; v < view.node_of.size(); ++v) {
      const Vertex was = view.node_of[v];
      std::size_t& hidden = (*r.single_points_hidden)[v];
      if (analyses.single_points_hidden != nullptr && was < analyses.single_points_hidden->size()) {
        hidden = (*analyses.single_points_hidden)[was];
      }
      for (Vertex e : (*analyses.single_points)[was]) {
        if (e < new_of.size() && new_of[e] != Graph::npos) {
          (*r.single_points)[v].push_back(new_of[e]);
        } else {
          ++hidden;
        }
      }
      hides = hides || hidden > 0;
    }
    if (!hides) r.single_points_hidden.reset();
    // And per node of the view, the claims it alone holds up that the view
    // leaves out, so that its count is of the whole case.
    r.held_hidden.emplace(view.node_of.size(), 0);
    bool holds = false;
    if (analyses.held_hidden != nullptr) {
      for (std::size_t v = 0; v < view.node_of.size(); ++v) {
        const Vertex was = view.node_of[v];
        if (was < analyses.held_hidden->size()) (*r.held_hidden)[v] = (*analyses.held_hidden)[was];
        holds = holds || (*r.held_hidden)[v] > 0;
      }
    }
    const auto& points = *analyses.single_points;
    for (Vertex c = 0; c < points.size(); ++c) {
      if (c < new_of.size() && new_of[c] != Graph::npos) continue;  // in the view
      for (Vertex e : points[c]) {
        if (e < new_of.size() && new_of[e] != Graph::npos) {
          ++(*r.held_hidden)[new_of[e]];
          holds = true;
        }
      }
    }
    if (!holds) r.held_hidden.reset();
  }
  return r;
}

analysis::Results restrict(const analysis::Results& results, const View& view) {
  return restrict(results.analyses(), view);
}

namespace {

// “a”, “a” or “b”, “a”, “b” or “c”.
std::string either(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
    out += "“" + values[i] + "”";
  }
  return out;
}

}  // namespace

std::vector<std::string> describe_view(const ViewOptions& options, const Graph& graph) {
  std::vector<std::string> out;
  if (options.focus) {
    const auto v = graph.find(*options.focus);
    std::string focus;
    if (v && *v < options.unnamed.size() && options.unnamed[*v]) {
      focus = "a redacted node";
    } else if (v && !graph.node(*v).label.empty()) {
      focus = "“" + graph.node(*v).label + "” (" + *options.focus + ")";
    } else {
      focus = *options.focus;
    }
    if (options.depth == 0) {
      focus += " alone";
    } else if (options.depth == ViewOptions::unlimited) {
      focus += " and what bears on it";
    } else {
      focus += " and " + std::string(options.depth == 1 ? "the first level" : "up to " + std::to_string(options.depth) +
                                                                               " levels") +
               " of what bears on it";
    }
    out.push_back(std::move(focus));
  }
  if (!options.groups.empty()) out.push_back((options.groups.size() == 1 ? "group " : "groups ") + either(options.groups));
  if (!options.parties.empty()) {
    out.push_back((options.parties.size() == 1 ? "party " : "parties ") + either(options.parties));
  }
  if (options.gaps_only) out.emplace_back("the claims that lack evidence and what they rest on");
  return out;
}

}  // namespace claimgraph
