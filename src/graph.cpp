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

Graph::Graph() : built_(std::make_unique<Built>()) {}
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

Graph::Graph(const Graph& other)
    : title(other.title), description(other.description), extra(other.extra), nodes_(other.nodes_),
      edges_(other.edges_), ends_(other.ends_), built_(std::make_unique<Built>()), index_(other.index_) {}

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
  return store_node(std::move(node));
}

std::pair<Graph::NodeRef, bool> Graph::store_node(Node&& node, std::uint64_t hash) {
  if (node_count() >= detail::IdIndex::max_vertices) {
    if (const auto existing = find(node.id)) return {*existing, false};
    invalid("too many nodes for one graph");
  }
  if (const auto existing = index_.insert(node.id, hash)) return {*existing, false};
  // If the node cannot be stored, the index gives the id back, so that the
  // two agree.
  try {
    nodes_.push_back(std::move(node));
  } catch (...) {
    index_.pop_back();
    throw;
  }
  changed();
  return {nodes_.size() - 1, true};
}

void Graph::changed() noexcept {
  built_->rows_fresh.store(false, std::memory_order_relaxed);
  built_->store_fresh.store(false, std::memory_order_relaxed);
}

void Graph::append(NodeRef from, NodeRef to, Edge edge) {
  if (edge_count() >= max_edges) invalid("too many edges for one graph");
  ends_.push_back({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)});
  try {
    edges_.push_back(std::move(edge));
  } catch (...) {
    ends_.pop_back();
    throw;
  }
  changed();
}

Graph::EdgeRef Graph::add_edge(NodeRef from, NodeRef to, Relation relation, Attributes attributes) {
  if (from == to) invalid("edge from \"" + nodes_[from].id + "\" to itself: an edge must join two different nodes");
  if (relation == Relation::undercuts) invalid("an undercut targets an edge: use add_undercut");
  append(from, to, Edge{relation, edge_count(), std::move(attributes), std::nullopt});
  return edge_count() - 1;
}

Graph::EdgeRef Graph::add_undercut(NodeRef from, std::size_t attacked, std::optional<std::string> id) {
  if (attacked >= edge_count() || edges_[attacked].relation != Relation::supports) {
    invalid("an undercut must target a supports edge");
  }
  const NodeRef to = target(attacked);
  if (from == to) invalid("edge from \"" + nodes_[from].id + "\" to itself: an edge must join two different nodes");
  // The attacked edge needs an id so that case files can name it.
  auto& target_id = edges_[attacked].id;
  if (!target_id) {
    // "e<position>", or with "_2", "_3", ... while another edge has it.
    auto& taken = built_->edge_ids;
    for (auto& upto = built_->edge_ids_upto; upto < edge_count(); ++upto) {
      if (edges_[upto].id) taken.insert(*edges_[upto].id);
    }
    const std::string base = std::to_string(attacked);
    std::string name = 'e' + base;
    for (int k = 2; taken.contains(name); ++k) {
      name = 'e' + base;
      name += '_';
      name += std::to_string(k);
    }
    taken.insert(name);
    target_id = std::move(name);
  }
  append(from, to, Edge{Relation::undercuts, edge_count(), {}, std::move(id), attacked});
  return edge_count() - 1;
}

Graph::EdgeRef Graph::add_self_attack(NodeRef v) {
  append(v, v, Edge{Relation::contradicts, edge_count(), {}, std::nullopt});
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
      if (s.from == s.to) invalid("edge from \"" + nodes_[s.from].id + "\" to itself: an edge must join two different nodes");
      if (s.relation == Relation::undercuts) {
        const std::size_t base = edge_count();
        const bool ok = s.undercut < base ? edges_[s.undercut].relation == Relation::supports
                                          : s.undercut < base + specs.size() && specs[s.undercut - base].relation == Relation::supports;
        if (!ok) invalid("an undercut must target a supports edge");
      }
    }
  }
  if (specs.size() > max_edges - edge_count()) invalid("too many edges for one graph");
  edges_.reserve(edge_count() + specs.size());
  ends_.reserve(edge_count() + specs.size());
  for (EdgeSpec& s : specs) {
    edges_.push_back(Edge{s.relation, edge_count(), std::move(s.extra), std::move(s.id), s.undercut, std::move(s.names)});
    ends_.push_back({static_cast<std::uint32_t>(s.from), static_cast<std::uint32_t>(s.to)});
  }
  changed();
}

const Graph::Rows& Graph::build_rows() const {
  const std::lock_guard lock(built_->mutex);
  Rows& r = built_->rows;
  if (built_->rows_fresh.load(std::memory_order_relaxed)) return r;
  // A counting sort by target and one by source: each stable, so a node's
  // edges keep the order they were added in.
  const std::size_t n = node_count(), m = edge_count();
  r.in_begin.assign(n + 1, 0);
  r.out_begin.assign(n + 1, 0);
  for (const Ends& e : ends_) {
    ++r.in_begin[e.target + 1];
    ++r.out_begin[e.source + 1];
  }
  for (std::size_t v = 0; v < n; ++v) {
    r.in_begin[v + 1] += r.in_begin[v];
    r.out_begin[v + 1] += r.out_begin[v];
  }
  r.in.resize(m);
  r.out.resize(m);
  {
    std::vector<std::uint32_t> in_at(r.in_begin.begin(), r.in_begin.end() - 1);
    std::vector<std::uint32_t> out_at(r.out_begin.begin(), r.out_begin.end() - 1);
    for (std::size_t i = 0; i < m; ++i) {
      r.in[in_at[ends_[i].target]++] = static_cast<std::uint32_t>(i);
      r.out[out_at[ends_[i].source]++] = static_cast<std::uint32_t>(i);
    }
  }
  built_->rows_fresh.store(true, std::memory_order_release);
  return r;
}

const Graph::Store& Graph::store() const {
  if (built_->store_fresh.load(std::memory_order_acquire)) return built_->store;
  const Rows& r = rows();
  const std::lock_guard lock(built_->mutex);
  if (!built_->store_fresh.load(std::memory_order_relaxed)) {
    // The edges in the order of the out-rows, sorted by source, each
    // source's in insertion order: Boost's out-edges then come in that order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> sorted;
    sorted.reserve(edge_count());
    for (const std::uint32_t e : r.out) sorted.emplace_back(ends_[e].source, ends_[e].target);
    built_->store = Store(boost::edges_are_sorted, sorted.begin(), sorted.end(),
                          static_cast<std::uint32_t>(node_count()));
    built_->store_fresh.store(true, std::memory_order_release);
  }
  return built_->store;
}

void Graph::set_scheme_names(std::size_t i, SchemeNames names) {
  if (i >= edge_count()) invalid("no edge at position " + std::to_string(i));
  auto& props = edges_[i];
  if (names.scheme.empty() && names.question.empty()) {
    props.names.reset();
  } else {
    props.names = std::make_shared<const SchemeNames>(std::move(names));
  }
}

void Graph::reserve(std::size_t nodes, std::size_t edges) {
  nodes_.reserve(nodes);
  edges_.reserve(edges);
  ends_.reserve(edges);
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
