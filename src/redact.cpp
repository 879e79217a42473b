#include "claimgraph/redact.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>
#include <utility>

#include "detail/unique_name.hpp"

namespace claimgraph {

namespace {

using Vertex = Graph::NodeRef;

constexpr std::array modes{
    RedactModeInfo{RedactMode::mask, "mask", "a \"[redacted]\" node of the same kind and status, so the structure shows"},
    RedactModeInfo{RedactMode::drop, "drop", "left out, with its edges and the undercuts of those edges"},
};

bool carries(const Node& node, const std::vector<std::string>& tags) {
  if (!node.tags || tags.empty()) return false;
  return std::any_of(node.tags->begin(), node.tags->end(),
                     [&](const std::string& t) { return std::find(tags.begin(), tags.end(), t) != tags.end(); });
}

// `base` followed by a number, not one of `taken` (which gets it).
std::string opaque(std::string_view base, std::size_t number, std::unordered_set<std::string>& taken) {
  std::string name(base);
  name += std::to_string(number);
  return detail::unique_name(name, taken);
}

// Masks: every node and edge stays, the redacted ones made fresh.
Redaction mask(const Graph& graph, const std::vector<bool>& marked) {
  Redaction out;
  View& view = out.view;
  view.graph.title = graph.title;
  view.graph.description = graph.description;
  view.graph.extra = graph.extra;
  const std::size_t n = graph.node_count();
  view.graph.reserve(n, graph.edge_count());
  std::unordered_set<std::string> node_ids;
  for (Vertex v = 0; v < n; ++v) node_ids.emplace(graph.id(v));
  for (Vertex v = 0; v < n; ++v) {
    if (marked[v]) {
      // Fresh, never a copy cleared field by field: a field Node gains later
      // cannot leak through here.
      Node fresh;
      fresh.id = opaque("redacted-", ++out.redacted, node_ids);
      fresh.kind = graph.node(v).kind;
      fresh.label = std::string(redacted_label);
      view.graph.add_node(std::move(fresh));
    } else {
      view.graph.add_node(graph.node(v));
    }
    view.node_of.push_back(v);
  }

  const auto edges = graph.edges();
  std::vector<bool> touched(edges.size(), false);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    touched[i] = marked[graph.source(edges[i])] || marked[graph.target(edges[i])];
  }
  // An undercut of a touched edge would name it (its id) and say what
  // question it raises against the redacted node's inference.
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    if (e.relation == Relation::undercuts && e.undercut < edges.size() && touched[e.undercut]) touched[i] = true;
  }
  std::unordered_set<std::string> edge_ids;
  for (const auto& e : edges) {
    if (const auto& id = graph.edge(e).id) edge_ids.insert(*id);
  }
  std::size_t renamed = 0;
  std::vector<Graph::EdgeSpec> specs;
  specs.reserve(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    const Vertex from = graph.source(edges[i]);
    const Vertex to = graph.target(edges[i]);
    if (touched[i]) {
      std::optional<std::string> id;
      if (e.id) id = opaque("redacted-edge-", ++renamed, edge_ids);
      specs.push_back({from, to, e.relation, {}, std::move(id), e.undercut, nullptr});
    } else {
      specs.push_back({from, to, e.relation, e.extra, e.id, e.undercut, e.names});
    }
    view.edge_of.push_back(i);
  }
  view.graph.add_edges(std::move(specs));
  view.hidden_below.assign(n, 0);
  out.touched = std::move(touched);
  return out;
}

}  // namespace

std::span<const RedactModeInfo> redact_modes() noexcept { return modes; }

std::vector<bool> redacted_nodes(const Graph& graph, const RedactOptions& options) {
  std::vector<bool> marked(graph.node_count(), false);
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    const Node& node = graph.node(v);
    marked[v] = (node.privileged && !options.include_privileged) || carries(node, options.tags);
  }
  return marked;
}

Redaction redact(const Graph& graph, const RedactOptions& options) {
  const std::vector<bool> marked = redacted_nodes(graph, options);
  if (options.mode == RedactMode::mask) return mask(graph, marked);
  Redaction out;
  std::vector<bool> keep(marked.size());
  for (std::size_t v = 0; v < marked.size(); ++v) {
    keep[v] = !marked[v];
    if (marked[v]) ++out.redacted;
  }
  // Every edge that touches a dropped node goes with it, and every undercut
  // of such an edge: what is left touches nothing redacted.
  out.view = make_view(graph, keep, std::vector<bool>(graph.edge_count(), true));
  out.touched.assign(out.view.graph.edge_count(), false);
  return out;
}

analysis::Results restrict(const analysis::Results& results, const Redaction& redaction) {
  analysis::Results r = restrict(results, redaction.view);
  if (!r.schemes || r.schemes->inferences.empty()) return r;
  const auto& touched = redaction.touched;
  const auto fresh = [&](std::size_t edge) { return edge < touched.size() && touched[edge]; };
  analysis::SchemeUse& use = *r.schemes;
  std::vector<analysis::Inference> kept;
  for (auto& inference : use.inferences) {
    if (fresh(inference.edge)) continue;
    for (auto& q : inference.questions) {
      std::erase_if(q.raised_by, fresh);
      std::erase_if(q.answered_by, fresh);
    }
    kept.push_back(std::move(inference));
  }
  use.inferences = std::move(kept);
  std::fill(use.inference_of.begin(), use.inference_of.end(), analysis::SchemeUse::npos);
  for (std::size_t i = 0; i < use.inferences.size(); ++i) use.inference_of[use.inferences[i].edge] = i;
  return r;
}

}  // namespace claimgraph
