#include "claimgraph/graph.hpp"

#include <array>
#include <utility>

#include "claimgraph/error.hpp"

namespace claimgraph {

namespace {
constexpr std::array kinds{NodeKind::claim, NodeKind::counterclaim, NodeKind::evidence};
constexpr std::array relations{Relation::supports, Relation::contradicts, Relation::element_of};

[[noreturn]] void invalid(std::string message) {
  throw ValidationError({Diagnostic{Severity::error, {}, std::move(message)}});
}
}  // namespace

std::string_view to_string(NodeKind kind) noexcept {
  switch (kind) {
    case NodeKind::claim: return "claim";
    case NodeKind::counterclaim: return "counterclaim";
    case NodeKind::evidence: return "evidence";
  }
  return "claim";
}

std::string_view to_string(Relation relation) noexcept {
  switch (relation) {
    case Relation::supports: return "supports";
    case Relation::contradicts: return "contradicts";
    case Relation::element_of: return "element-of";
  }
  return "supports";
}

std::optional<NodeKind> parse_node_kind(std::string_view text) noexcept {
  for (auto k : kinds) {
    if (to_string(k) == text) return k;
  }
  return std::nullopt;
}

std::optional<Relation> parse_relation(std::string_view text) noexcept {
  for (auto r : relations) {
    if (to_string(r) == text) return r;
  }
  return std::nullopt;
}

std::span<const NodeKind> all_node_kinds() noexcept { return kinds; }
std::span<const Relation> all_relations() noexcept { return relations; }

Graph::NodeRef Graph::add_node(Node node) {
  if (node.id.empty()) invalid("a node id must not be empty");
  auto [it, inserted] = index_.try_emplace(node.id, NodeRef{});
  if (!inserted) invalid("duplicate node id \"" + node.id + "\"");
  it->second = boost::add_vertex(std::move(node), store_);
  return it->second;
}

Graph::EdgeRef Graph::add_edge(NodeRef from, NodeRef to, Relation relation, Attributes attributes) {
  if (from == to) invalid("edge from \"" + store_[from].id + "\" to itself: an edge must join two different nodes");
  Edge props{relation, edges_.size(), std::move(attributes)};
  auto e = boost::add_edge(from, to, std::move(props), store_).first;
  edges_.push_back(e);
  return e;
}

Graph::EdgeRef Graph::add_edge(std::string_view from, std::string_view to, Relation relation) {
  auto f = find(from);
  if (!f) invalid("edge from unknown node \"" + std::string(from) + "\"");
  auto t = find(to);
  if (!t) invalid("edge to unknown node \"" + std::string(to) + "\"");
  return add_edge(*f, *t, relation);
}

void Graph::reserve(std::size_t nodes, std::size_t edges) {
  store_.m_vertices.reserve(nodes);
  edges_.reserve(edges);
  index_.reserve(nodes);
}

std::optional<Graph::NodeRef> Graph::find(std::string_view id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace claimgraph
