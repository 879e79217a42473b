#include "claimgraph/graph.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "claimgraph/error.hpp"

namespace claimgraph {

namespace {
constexpr std::array kinds{NodeKind::claim, NodeKind::counterclaim, NodeKind::evidence};
constexpr std::array relations{Relation::supports, Relation::contradicts, Relation::element_of, Relation::undercuts};
constexpr std::array standards{Standard::scintilla, Standard::preponderance, Standard::clear_and_convincing,
                               Standard::beyond_reasonable_doubt};
constexpr std::array tests{ElementTest::all, ElementTest::any, ElementTest::balance};

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
    case Relation::undercuts: return "undercuts";
  }
  return "supports";
}

std::string_view to_string(Standard standard) noexcept {
  switch (standard) {
    case Standard::scintilla: return "scintilla";
    case Standard::preponderance: return "preponderance";
    case Standard::clear_and_convincing: return "clear-and-convincing";
    case Standard::beyond_reasonable_doubt: return "beyond-reasonable-doubt";
  }
  return "preponderance";
}

std::optional<Standard> parse_standard(std::string_view text) noexcept {
  for (auto s : standards) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

std::span<const Standard> all_standards() noexcept { return standards; }

std::string_view to_string(ElementTest test) noexcept {
  switch (test) {
    case ElementTest::all: return "all";
    case ElementTest::any: return "any";
    case ElementTest::balance: return "balance";
  }
  return "all";
}

std::optional<ElementTest> parse_element_test(std::string_view text) noexcept {
  for (auto t : tests) {
    if (to_string(t) == text) return t;
  }
  return std::nullopt;
}

std::span<const ElementTest> all_element_tests() noexcept { return tests; }

std::uint64_t factor_units(const Node& node) noexcept {
  if (!node.weight) return factor_unit_scale;
  // Readers refuse weights outside [0, 1]; a graph built in code may hold
  // anything, and a weight that is not a number weighs nothing.
  if (!(*node.weight >= 0.0)) return 0;
  const double w = std::min(*node.weight, 1.0);
  return static_cast<std::uint64_t>(std::llround(w * static_cast<double>(factor_unit_scale)));
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
  std::vector<EdgeSpec> specs;
  specs.reserve(other.edge_count());
  for (const auto& e : other.edges()) {
    const Edge& p = other.edge(e);
    specs.push_back({other.source(e), other.target(e), p.relation, p.extra, p.id, p.undercut, p.names});
  }
  add_edges(std::move(specs), true);
}

Graph& Graph::operator=(const Graph& other) {
  if (this != &other) *this = Graph(other);
  return *this;
}

Graph::NodeRef Graph::add_node(Node node) {
  const auto [v, added] = insert_node(std::move(node));
  if (!added) invalid("duplicate node id \"" + std::string(id(v)) + "\"");
  return v;
}

std::pair<Graph::NodeRef, bool> Graph::insert_node(Node node) {
  if (node.id.empty()) invalid("a node id must not be empty");
  if (node_count() >= detail::IdIndex::max_vertices) {
    if (const auto existing = find(node.id)) return {*existing, false};
    invalid("too many nodes for one graph");
  }
  if (const auto existing = index_.insert(node.id)) return {*existing, false};
  // add_vertex copies a property it is given; move the node in instead. If
  // it cannot allocate, the index gives the id back, so that the two agree.
  NodeRef v = 0;
  try {
    v = boost::add_vertex(*store_);
  } catch (...) {
    index_.pop_back();
    throw;
  }
  (*store_)[v] = std::move(node);
  return {v, true};
}

Graph::EdgeRef Graph::add_edge(NodeRef from, NodeRef to, Relation relation, Attributes attributes) {
  if (from == to) invalid("edge from \"" + (*store_)[from].id + "\" to itself: an edge must join two different nodes");
  if (relation == Relation::undercuts) invalid("an undercut targets an edge: use add_undercut");
  Edge props{relation, edge_count(), std::move(attributes), std::nullopt};
  boost::add_edge(from, to, std::move(props), *store_);
  return edge_count() - 1;
}

Graph::EdgeRef Graph::add_undercut(NodeRef from, std::size_t attacked, std::optional<std::string> id) {
  if (attacked >= edge_count() || edge(attacked).relation != Relation::supports) {
    invalid("an undercut must target a supports edge");
  }
  const NodeRef to = target(attacked);
  // The attacked edge needs an id so that case files can name it.
  auto& target_id = store_->m_edges[attacked].get_property().id;
  if (!target_id) {
    const std::string base = std::to_string(attacked);
    std::string name = 'e' + base;
    for (int k = 2;; ++k) {
      bool taken = false;
      for (const auto& e : edges()) taken = taken || edge(e).id == name;
      if (!taken) break;
      name = 'e' + base;
      name += '_';
      name += std::to_string(k);
    }
    target_id = std::move(name);
  }
  if (from == to) invalid("edge from \"" + (*store_)[from].id + "\" to itself: an edge must join two different nodes");
  Edge props{Relation::undercuts, edge_count(), {}, std::move(id), attacked};
  boost::add_edge(from, to, std::move(props), *store_);
  return edge_count() - 1;
}

Graph::EdgeRef Graph::add_self_attack(NodeRef v) {
  Edge props{Relation::contradicts, edge_count(), {}, std::nullopt};
  boost::add_edge(v, v, std::move(props), *store_);
  return edge_count() - 1;
}

Graph::EdgeRef Graph::add_edge(std::string_view from, std::string_view to, Relation relation) {
  auto f = find(from);
  if (!f) invalid("edge from unknown node \"" + std::string(from) + "\"");
  auto t = find(to);
  if (!t) invalid("edge to unknown node \"" + std::string(to) + "\"");
  return add_edge(*f, *t, relation);
}

void Graph::add_edges(std::vector<EdgeSpec> specs) { add_edges(std::move(specs), false); }

void Graph::add_edges(std::vector<EdgeSpec> specs, bool trusted) {
  if (!trusted) {
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const auto& s = specs[i];
      if (s.from == s.to) invalid("edge from \"" + (*store_)[s.from].id + "\" to itself: an edge must join two different nodes");
      if (s.relation == Relation::undercuts) {
        const std::size_t base = edge_count();
        const bool ok = s.undercut < base ? edge(s.undercut).relation == Relation::supports
                                          : s.undercut < base + specs.size() && specs[s.undercut - base].relation == Relation::supports;
        if (!ok) invalid("an undercut must target a supports edge");
      }
    }
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
  // Each edge is appended to its source's out-list and its target's in-list:
  // on a large graph two misses to main memory for the vertex records and two
  // for the lists' ends. Prefetching the records of the edges `ahead` places
  // on, and the list ends of those half as far, overlaps those misses.
  constexpr std::size_t ahead = 16;
  const auto list_end = [](const auto& list) { return list.data() + list.size(); };
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (i + ahead < specs.size()) {
      __builtin_prefetch(&vertices[specs[i + ahead].from]);
      __builtin_prefetch(&vertices[specs[i + ahead].to]);
    }
    if (i + ahead / 2 < specs.size()) {
      __builtin_prefetch(list_end(vertices[specs[i + ahead / 2].from].m_out_edges), 1);
      __builtin_prefetch(list_end(vertices[specs[i + ahead / 2].to].m_in_edges), 1);
    }
    EdgeSpec& s = specs[i];
    Edge props{s.relation, edge_count(), std::move(s.extra), std::move(s.id), s.undercut, std::move(s.names)};
    boost::add_edge(s.from, s.to, std::move(props), *store_);
  }
}

void Graph::set_scheme_names(std::size_t i, SchemeNames names) {
  if (i >= edge_count()) invalid("no edge at position " + std::to_string(i));
  auto& props = store_->m_edges[i].get_property();
  if (names.scheme.empty() && names.question.empty()) {
    props.names.reset();
  } else {
    props.names = std::make_shared<const SchemeNames>(std::move(names));
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

std::vector<bool> undercut_edges(const Graph& graph) {
  const auto edges = graph.edges();
  std::vector<bool> undercut(edges.size(), false);
  for (const auto& e : edges) {
    const Edge& p = graph.edge(e);
    if (p.relation == Relation::undercuts && p.undercut < edges.size()) undercut[p.undercut] = true;
  }
  return undercut;
}

}  // namespace claimgraph
