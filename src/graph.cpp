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

Graph::Graph() : store_(std::make_unique<Store>()) {}
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

Graph::Graph(const Graph& other)
    : title(other.title), description(other.description), extra(other.extra), store_(std::make_unique<Store>()) {
  reserve(other.node_count(), other.edge_count());
  for (NodeRef v = 0; v < other.node_count(); ++v) add_node(other.node(v));
  for (const auto& e : other.edges()) {
    add_edge(other.source(e), other.target(e), other.edge(e).relation, other.edge(e).extra);
  }
}

Graph& Graph::operator=(const Graph& other) {
  if (this != &other) *this = Graph(other);
  return *this;
}

Graph::NodeRef Graph::add_node(Node node) {
  if (node.id.empty()) invalid("a node id must not be empty");
  if (find(node.id)) invalid("duplicate node id \"" + node.id + "\"");
  if (node_count() >= detail::IdIndex::max_vertices) invalid("too many nodes for one graph");
  // add_vertex copies a property it is given; move the node in instead.
  const NodeRef v = boost::add_vertex(*store_);
  (*store_)[v] = std::move(node);
  index_.push_back((*store_)[v].id);
  return v;
}

Graph::EdgeRef Graph::add_edge(NodeRef from, NodeRef to, Relation relation, Attributes attributes) {
  if (from == to) invalid("edge from \"" + (*store_)[from].id + "\" to itself: an edge must join two different nodes");
  Edge props{relation, edge_count(), std::move(attributes)};
  return boost::add_edge(from, to, std::move(props), *store_).first;
}

Graph::EdgeRef Graph::add_self_attack(NodeRef v) {
  Edge props{Relation::contradicts, edge_count(), {}};
  return boost::add_edge(v, v, std::move(props), *store_).first;
}

Graph::EdgeRef Graph::add_edge(std::string_view from, std::string_view to, Relation relation) {
  auto f = find(from);
  if (!f) invalid("edge from unknown node \"" + std::string(from) + "\"");
  auto t = find(to);
  if (!t) invalid("edge to unknown node \"" + std::string(to) + "\"");
  return add_edge(*f, *t, relation);
}

void Graph::add_edges(std::vector<EdgeSpec> specs) {
  for (const auto& s : specs) {
    if (s.from == s.to) invalid("edge from \"" + (*store_)[s.from].id + "\" to itself: an edge must join two different nodes");
  }
  // Size every touched edge list once instead of letting each grow by doubling.
  const std::size_t n = node_count();
  std::vector<std::uint32_t> out(n, 0), in(n, 0);
  for (const auto& s : specs) {
    ++out[s.from];
    ++in[s.to];
  }
  auto& vertices = store_->m_vertices;
  for (std::size_t v = 0; v < n; ++v) {
    if (out[v] > 0) vertices[v].m_out_edges.reserve(vertices[v].m_out_edges.size() + out[v]);
    if (in[v] > 0) vertices[v].m_in_edges.reserve(vertices[v].m_in_edges.size() + in[v]);
  }
  store_->m_edges.reserve(edge_count() + specs.size());
  for (auto& s : specs) {
    Edge props{s.relation, edge_count(), std::move(s.extra)};
    boost::add_edge(s.from, s.to, std::move(props), *store_);
  }
}

void Graph::reserve(std::size_t nodes, std::size_t edges) {
  store_->m_vertices.reserve(nodes);
  store_->m_edges.reserve(edges);
  index_.reserve(nodes);
}

std::vector<std::size_t> Graph::find_many(std::span<const std::string_view> ids) const {
  std::vector<std::size_t> out(ids.size());
  index_.find_many(ids.data(), ids.size(), out.data());
  return out;
}

std::optional<Graph::NodeRef> Graph::find(std::string_view id) const {
  return index_.find(id);
}

}  // namespace claimgraph
