#include "claimgraph/analysis/grounding.hpp"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "analysis/element_tests.hpp"

namespace claimgraph::analysis {

const char* to_string(Gap gap) noexcept {
  switch (gap) {
    case Gap::none: return "none";
    case Gap::unsupported: return "unsupported";
    case Gap::missing_elements: return "missing-elements";
    case Gap::no_element: return "no-element";
    case Gap::outweighed: return "outweighed";
    case Gap::ungrounded: return "ungrounded";
    case Gap::excluded: return "excluded";
  }
  return "none";
}

const char* to_string(UngroundedCause cause) noexcept {
  switch (cause) {
    case UngroundedCause::none: return "none";
    case UngroundedCause::cycle: return "cycle";
    case UngroundedCause::lacking_supporters: return "lacking-supporters";
  }
  return "none";
}

namespace {

using Vertex = Graph::NodeRef;

// The edge that carries grounding into its target: element-of edges for a
// claim that has elements, supports edges for any other claim.
struct Carries {
  const Graph* g = nullptr;
  const std::vector<std::uint32_t>* elements = nullptr;
  const std::vector<Relation>* relation = nullptr;
  [[nodiscard]] bool operator()(const Graph::EdgeRef& e) const {
    const Relation r = (*relation)[e];
    return (*elements)[g->target(e)] > 0 ? r == Relation::element_of : r == Relation::supports;
  }
};

}  // namespace

GroundingReport check(const Graph& graph) { return check(graph, {}); }

GroundingReport check(const Graph& graph, const std::vector<bool>& excluded_nodes) {
  const std::size_t n = graph.node_count();
  GroundingReport report;
  report.grounded.assign(n, false);

  // Each node's test and kind, and each edge's relation, in arrays of their
  // own: the walks below read them at random, and the records they come
  // from are large. (An edge's number is its position, Edge::index.)
  std::vector<ElementTest> test(n, ElementTest::all);
  std::vector<NodeKind> kind(n);
  for (Vertex v = 0; v < n; ++v) {
    const Node& node = graph.node(v);
    test[v] = node.test.value_or(ElementTest::all);
    kind[v] = node.kind;
  }
  std::vector<Relation> relation(graph.edge_count());
  for (const auto& e : graph.edges()) relation[e] = graph.edge(e).relation;
  const detail::ElementShares share(graph, test);
  const bool balances = share.balances();
  // How many element-of edges point into each node; a claim with elements
  // waits until its grounded elements' shares reach what its test needs
  // (element_tests.hpp), any other claim for one supporter.
  std::vector<std::uint32_t> elements(n, 0);
  std::vector<std::uint64_t> need(n, 0), have(n, 0);
  for (const auto& e : graph.edges()) {
    if (relation[e] != Relation::element_of) continue;
    const Vertex t = graph.target(e);
    ++elements[t];
    need[t] += share(e, t);
  }
  for (Vertex v = 0; v < n; ++v) need[v] = detail::element_need(test[v], need[v]);
  const Carries carries{&graph, &elements, &relation};
  const auto excluded = [&](Vertex v) { return v < excluded_nodes.size() && excluded_nodes[v]; };

  std::vector<Vertex> queue;
  queue.reserve(n);
  for (Vertex v = 0; v < n; ++v) {
    if (kind[v] == NodeKind::evidence && !excluded(v)) {
      report.grounded[v] = true;
      queue.push_back(v);
    }
  }
  // The nodes reached lie anywhere in the graph: their rows, and the ends
  // of their edges, are loaded for the nodes a few places ahead in the
  // queue, so that the misses of many overlap (hints only).
  for (std::size_t head = 0; head < queue.size(); ++head) {
    if (head + 8 < queue.size()) graph.prefetch_out_edges(queue[head + 8]);
    if (head + 4 < queue.size()) {
      for (const auto& e : graph.out_edges(queue[head + 4])) graph.prefetch_ends(e);
    }
    for (const auto& e : graph.out_edges(queue[head])) {
      const Vertex t = graph.target(e);
      if (report.grounded[t] || excluded(t) || !carries(e)) continue;
      if (elements[t] > 0) {
        have[t] += share(e, t);
        if (have[t] < need[t]) continue;
      }
      report.grounded[t] = true;
      queue.push_back(t);
    }
  }

  // Support cycles among what is left: strongly connected components of the
  // ungrounded part of the support graph, copied into a compact graph of its
  // own so that the search costs what is ungrounded, not the whole graph
  // (BGL's DFS is iterative).
  std::vector<std::size_t> compact(n, GroundingReport::npos);
  std::vector<Vertex> members_of;
  for (Vertex v = 0; v < n; ++v) {
    if (!report.grounded[v] && !excluded(v)) {
      compact[v] = members_of.size();
      members_of.push_back(v);
    }
  }
  // Its edges are listed by source in order, so a compressed sparse row
  // graph is built from them at once, each node's out-edges in the order
  // listed (one heap vector a node, grown edge by edge, cost most of the
  // search at 1M nodes).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> carried;
  for (Vertex v : members_of) {
    for (const auto& e : graph.out_edges(v)) {
      const Vertex t = graph.target(e);
      if (!report.grounded[t] && !excluded(t) && carries(e)) {
        // Node numbers fit in 32 bits, as in the graph's own rows.
        carried.emplace_back(static_cast<std::uint32_t>(compact[v]), static_cast<std::uint32_t>(compact[t]));
      }
    }
  }
  const Graph::Store rest(boost::edges_are_sorted, carried.begin(), carried.end(),
                          static_cast<std::uint32_t>(members_of.size()));
  std::vector<std::pair<std::uint32_t, std::uint32_t>>().swap(carried);
  std::vector<std::size_t> rest_component(members_of.size());
  const std::size_t count = members_of.empty() ? 0 : boost::strong_components(
      rest, boost::make_iterator_property_map(rest_component.begin(), boost::get(boost::vertex_index, rest)));
  std::vector<std::size_t> component(n, 0);
  for (std::size_t i = 0; i < members_of.size(); ++i) component[members_of[i]] = rest_component[i];
  std::vector<std::size_t> component_size(count, 0);
  for (Vertex v : members_of) ++component_size[component[v]];
  // Members of each cyclic component, gathered once, in node order.
  std::vector<std::size_t> cycle_of(count, GroundingReport::npos);
  for (Vertex v : members_of) {
    if (component_size[component[v]] < 2) continue;
    std::size_t& c = cycle_of[component[v]];
    if (c == GroundingReport::npos) {
      c = report.cycles.size();
      report.cycles.emplace_back();
    }
    report.cycles[c].push_back(v);
  }
  // Marks which node was already listed for the claim being looked at, so
  // that parallel edges are listed once without a quadratic search.
  std::vector<Vertex> listed_for(n, static_cast<Vertex>(-1));

  // What each claim's in-edges bring, gathered in one pass over the edges
  // in their order (reading a claim's in-edges one after another would
  // wait on each edge's ends in turn): whether it has supporters, how many
  // grounded nodes contradict it, and the weights of a balance's factors.
  // Sums of whole numbers, so the order of adding does not matter.
  std::vector<std::uint8_t> supported(n, 0);
  std::vector<std::uint32_t> contradicted(n, 0);  // fewer than max_edges
  std::vector<std::uint64_t> weight_for(balances ? n : 0, 0), weight_against(balances ? n : 0, 0);
  for (const auto& e : graph.edges()) {
    const Vertex t = graph.target(e);
    switch (relation[e]) {
      case Relation::contradicts:
        if (report.grounded[graph.source(e)]) ++contradicted[t];
        break;
      case Relation::supports: supported[t] = 1; break;
      case Relation::element_of:
        if (balances && test[t] == ElementTest::balance) {
          (report.grounded[graph.source(e)] ? weight_for[t] : weight_against[t]) += share(e, t);
        }
        break;
      case Relation::undercuts: break;
    }
  }

  report.claim_index.assign(n, GroundingReport::npos);
  report.claims.reserve(static_cast<std::size_t>(std::count_if(kind.begin(), kind.end(), is_claim_like)));
  for (Vertex v = 0; v < n; ++v) {
    if (!is_claim_like(kind[v])) continue;
    ClaimStatus status;
    status.node = v;
    status.grounded = report.grounded[v];
    status.grounded_contradictions = contradicted[v];
    if (balances) {
      status.weight_for = weight_for[v];
      status.weight_against = weight_against[v];
    }
    const bool has_supporters = supported[v] != 0;
    if (excluded(v)) {
      status.gap = Gap::excluded;
    } else if (!status.grounded) {
      // A node's in-edges come in the order they were added (Graph::in_edges).
      if (elements[v] > 0) {
        status.gap = test[v] == ElementTest::all   ? Gap::missing_elements
                     : test[v] == ElementTest::any ? Gap::no_element
                                                   : Gap::outweighed;
        for (const auto& e : graph.in_edges(v)) {
          const Vertex s = graph.source(e);
          if (relation[e] == Relation::element_of && !report.grounded[s] && listed_for[s] != v) {
            listed_for[s] = v;
            status.missing.push_back(s);
          }
        }
      } else if (!has_supporters) {
        status.gap = Gap::unsupported;
      } else {
        status.gap = Gap::ungrounded;
        for (const auto& e : graph.in_edges(v)) {
          const Vertex s = graph.source(e);
          if (relation[e] == Relation::supports && listed_for[s] != v) {
            listed_for[s] = v;
            status.supporters.push_back(s);
          }
        }
        if (component_size[component[v]] > 1) {
          status.cause = UngroundedCause::cycle;
          status.cycle = cycle_of[component[v]];
        } else {
          status.cause = UngroundedCause::lacking_supporters;
        }
      }
    } else {
      ++report.grounded_claims;
    }
    report.claim_index[v] = report.claims.size();
    report.claims.push_back(std::move(status));
  }
  return report;
}

}  // namespace claimgraph::analysis
