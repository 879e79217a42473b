#pragma once
// The claim graph: the model every reader fills and every analysis and writer
// reads. It knows no file format.
//
// Nodes and edges are kept in the order they were added, so that every
// writer produces a stable, input-ordered output: the nodes and the edges'
// fields in two vectors, plus an index from node id to node. Each node's
// in-edges and out-edges (an analysis walks both what a node rests on and
// what rests on it) are rows of edge numbers built once after edges are
// added, and Boost.Graph's algorithms run on a compressed_sparse_row_graph
// built from them.
//
// Fields that this build does not know (a later format version's, or a
// user's own) are kept as `Attribute`s: the key and the value as canonical
// JSON text, so that they survive a round trip without the model knowing
// what they mean.

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "claimgraph/compact_vector.hpp"
#include "claimgraph/detail/id_index.hpp"
#include "claimgraph/optional_string.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <compare>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace claimgraph {

namespace detail {
struct GraphLoader;
}

/// What a node is.
enum class NodeKind : std::uint8_t {
  claim,         ///< an allegation or proposition a party must establish
  counterclaim,  ///< the other side's allegation or defence
  evidence,      ///< an exhibit, filing, testimony or finding: grounded by itself
};

/// How an edge's source bears on its target. Edges point from the reason to
/// what it bears on: evidence → claim, sub-claim → claim, element → claim.
enum class Relation : std::uint8_t {
  supports,     ///< the source is a reason for the target
  contradicts,  ///< the source is a reason against the target
  element_of,   ///< the source is an element the target needs
  undercuts,    ///< the source attacks a `supports` edge (the inference), not a node
};

/// A standard of proof: how strong the case for a claim must be, against
/// the case against it, for the claim to be established.
enum class Standard : std::uint8_t {
  scintilla,                ///< any support at all: pro > 0
  preponderance,            ///< more likely than not: pro > con
  clear_and_convincing,     ///< pro > con and pro − con > 0.5
  beyond_reasonable_doubt,  ///< pro > con, pro − con > 0.5 and con < 0.3
};

/// How a claim's elements decide whether it holds: its *test of elements*.
/// Only a claim or counterclaim with `element-of` edges into it has one to
/// apply; docs/semantics.md gives the rules of every analysis.
enum class ElementTest : std::uint8_t {
  all,      ///< every element must hold (a conjunction: the elements of a cause of action)
  any,      ///< one element is enough (alternative elements or theories)
  balance,  ///< factors weighed: those that hold must outweigh those that do not
};

/// The spelling of a test in case files ("all", "any", "balance").
[[nodiscard]] std::string_view to_string(ElementTest test) noexcept;
/// The test spelled `text`, if any.
[[nodiscard]] std::optional<ElementTest> parse_element_test(std::string_view text) noexcept;
/// Every test, in declaration order.
[[nodiscard]] std::span<const ElementTest> all_element_tests() noexcept;

/// The spelling of a standard in case files ("preponderance", ...).
[[nodiscard]] std::string_view to_string(Standard standard) noexcept;
/// The standard spelled `text`, if any.
[[nodiscard]] std::optional<Standard> parse_standard(std::string_view text) noexcept;
/// Every standard, weakest first.
[[nodiscard]] std::span<const Standard> all_standards() noexcept;

/// The spelling of a kind in case files ("claim", "counterclaim", "evidence").
[[nodiscard]] std::string_view to_string(NodeKind kind) noexcept;
/// The spelling of a relation in case files ("supports", "contradicts", "element-of", "undercuts").
[[nodiscard]] std::string_view to_string(Relation relation) noexcept;
/// The kind spelled `text`, if any.
[[nodiscard]] std::optional<NodeKind> parse_node_kind(std::string_view text) noexcept;
/// The relation spelled `text`, if any.
[[nodiscard]] std::optional<Relation> parse_relation(std::string_view text) noexcept;
/// Every kind, in declaration order.
[[nodiscard]] std::span<const NodeKind> all_node_kinds() noexcept;
/// Every relation, in declaration order.
[[nodiscard]] std::span<const Relation> all_relations() noexcept;

/// True for claims and counterclaims: the nodes that need grounding.
[[nodiscard]] constexpr bool is_claim_like(NodeKind kind) noexcept {
  return kind == NodeKind::claim || kind == NodeKind::counterclaim;
}

/// A field this build does not interpret, kept verbatim for export: `json`
/// holds the value as canonical JSON text (e.g. `"x"`, `3`, `{"a":1}`).
struct Attribute {
  std::string key;
  std::string json;
  friend bool operator==(const Attribute&, const Attribute&) = default;
};

/// Unknown fields of one object, sorted by key (one pointer: most objects
/// have none).
using Attributes = CompactVector<Attribute>;

/// A structured citation of the record: where a node comes from, precisely
/// enough to find it (docs/format.md#citations). Every field is optional,
/// but a citation the reader accepts names at least one of document,
/// exhibit, bates, authority or url. Values are kept as written; the reader
/// has checked `bates` (citation.hpp: parse_bates), `date` (parse_date) and
/// `url` (check_url).
struct Citation {
  std::optional<std::string> document;   ///< the document cited ("Email from AWS to Parler")
  std::optional<std::string> exhibit;    ///< its exhibit number ("PX-12")
  std::optional<std::string> bates;      ///< a Bates number or range ("AWS000123–AWS000131")
  std::optional<std::string> pin;        ///< the page, paragraph or line ("at 4:12–18", "¶ 14")
  std::optional<std::string> date;       ///< ISO 8601, possibly partial ("2021-01", "2021-01-09T17:00Z")
  std::optional<std::string> quote;      ///< the words relied on
  std::optional<std::string> authority;  ///< a case or statute, for legal sources
  std::optional<std::string> url;        ///< where it can be read
  Attributes extra;                      ///< fields this build does not know
  friend bool operator==(const Citation&, const Citation&) = default;
};

/// A claim, counterclaim or piece of evidence.
struct Node {
  std::string id;                               ///< unique, non-empty
  std::string label;                            ///< short text shown in diagrams
  OptionalString text;                          ///< longer text
  OptionalString party;                         ///< who asserts or offers it
  OptionalString group;                         ///< e.g. the cause of action
  OptionalString source;                        ///< a citation in free text
  CompactVector<Citation> cite;                 ///< structured citations, in the order written
  std::optional<double> weight;                 ///< base score in [0, 1]: credibility or plausibility
  OptionalString burden;                        ///< the party that bears the burden (claims)
  OptionalString scheme;                        ///< the argumentation scheme of its supports edges that name none
  OptionalStrings tags;                         ///< free-form tags
  Attributes extra;                             ///< fields this build does not know
  // The one-byte and two-byte fields together, after the rest: placed
  // among the 8-byte ones, each would cost 8 bytes of a node, and a large
  // case holds a million nodes.
  NodeKind kind = NodeKind::claim;              ///< what the node is
  std::optional<Standard> standard;             ///< standard of proof (claims)
  std::optional<ElementTest> test;              ///< how its elements decide it (claims with elements); absent: all
  bool privileged = false;                      ///< privileged material: exports redact it (redact.hpp)
  friend bool operator==(const Node&, const Node&) = default;
};

/// A factor's weight in a `balance` test, in billionths: its `weight` (1 when
/// it has none) rounded to 10⁻⁹. Whole numbers, so that sums are exact and
/// do not depend on the order they are added in (0.1 + 0.2 ties 0.3).
[[nodiscard]] std::uint64_t factor_units(const Node& node) noexcept;
/// The units of factor_units() in one weight of 1.
inline constexpr std::uint64_t factor_unit_scale = 1'000'000'000;

/// What an edge says about argumentation schemes (docs/schemes.md): the
/// scheme whose inference a supports edge is, and the critical question a
/// supports edge settles or an undercut raises. Either may be empty (not
/// given). Shared, not copied, when a graph is copied.
struct SchemeNames {
  std::string scheme;
  std::string question;
  friend bool operator==(const SchemeNames&, const SchemeNames&) = default;
};

/// The properties of an edge; its endpoints are the graph's.
struct Edge {
  Relation relation = Relation::supports;
  std::size_t index = 0;            ///< position in insertion order (set by Graph)
  Attributes extra;                 ///< fields this build does not know
  OptionalString id;                ///< optional name, so that undercuts can target it
  /// For `undercuts`: the index (in edges()) of the `supports` edge it
  /// attacks. The stored edge then runs from the undercutter to that edge's
  /// target, the claim whose support is attacked.
  std::size_t undercut = static_cast<std::size_t>(-1);
  /// Its scheme and critical question, when the file names either: held by
  /// pointer, so that the many edges that name neither stay small.
  std::shared_ptr<const SchemeNames> names = {};
  /// The scheme it names, or "".
  [[nodiscard]] std::string_view scheme() const noexcept { return names ? std::string_view(names->scheme) : std::string_view(); }
  /// The critical question it names, or "".
  [[nodiscard]] std::string_view question() const noexcept { return names ? std::string_view(names->question) : std::string_view(); }
};

/// A dispute as a graph of claims, counterclaims and evidence.
class Graph {
 public:
  /// The graph for Boost's algorithms: a compressed_sparse_row_graph with
  /// the same vertex numbers as the Graph and each node's out-edges in the
  /// order they were added, built from the edges when first asked for after
  /// edges are added (see store()).
  using Store = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                   boost::no_property, std::uint32_t, std::uint32_t>;
  /// A node: its position in insertion order.
  using NodeRef = std::size_t;
  /// An edge: its position in edges(), which is the order edges were added
  /// (Edge::index holds the same number). Stays valid as edges are added.
  using EdgeRef = std::size_t;

  /// The edges in insertion order: positions 0 .. edge_count() - 1, as a
  /// random-access range of EdgeRef.
  class EdgeList {
   public:
    class iterator {
     public:
      using iterator_category = std::random_access_iterator_tag;
      using value_type = EdgeRef;
      using difference_type = std::ptrdiff_t;
      using pointer = void;
      using reference = EdgeRef;
      iterator() = default;
      explicit iterator(EdgeRef i) : i_(i) {}
      EdgeRef operator*() const { return i_; }
      EdgeRef operator[](difference_type k) const { return i_ + static_cast<EdgeRef>(k); }
      iterator& operator++() { ++i_; return *this; }
      iterator operator++(int) { auto c = *this; ++i_; return c; }
      iterator& operator--() { --i_; return *this; }
      iterator operator--(int) { auto c = *this; --i_; return c; }
      iterator& operator+=(difference_type k) { i_ = static_cast<EdgeRef>(static_cast<difference_type>(i_) + k); return *this; }
      iterator& operator-=(difference_type k) { return *this += -k; }
      friend iterator operator+(iterator a, difference_type k) { return a += k; }
      friend iterator operator+(difference_type k, iterator a) { return a += k; }
      friend iterator operator-(iterator a, difference_type k) { return a -= k; }
      friend difference_type operator-(const iterator& a, const iterator& b) {
        return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
      }
      friend bool operator==(const iterator& a, const iterator& b) { return a.i_ == b.i_; }
      friend auto operator<=>(const iterator& a, const iterator& b) { return a.i_ <=> b.i_; }

     private:
      EdgeRef i_ = 0;
    };
    explicit EdgeList(std::size_t count) : count_(count) {}
    [[nodiscard]] std::size_t size() const noexcept { return count_; }
    [[nodiscard]] bool empty() const noexcept { return count_ == 0; }
    [[nodiscard]] EdgeRef operator[](std::size_t i) const noexcept { return i; }
    [[nodiscard]] iterator begin() const { return iterator(0); }
    [[nodiscard]] iterator end() const { return iterator(count_); }

   private:
    std::size_t count_;
  };

  /// A node's in-edges or out-edges in the order they were added: a range of
  /// EdgeRef, valid until edges are added.
  class IncidentEdges {
   public:
    class iterator {
     public:
      using iterator_category = std::random_access_iterator_tag;
      using value_type = EdgeRef;
      using difference_type = std::ptrdiff_t;
      using pointer = void;
      using reference = EdgeRef;
      iterator() = default;
      explicit iterator(const std::uint32_t* at) : at_(at) {}
      EdgeRef operator*() const { return *at_; }
      EdgeRef operator[](difference_type k) const { return at_[k]; }
      iterator& operator++() { ++at_; return *this; }
      iterator operator++(int) { auto c = *this; ++at_; return c; }
      iterator& operator--() { --at_; return *this; }
      iterator operator--(int) { auto c = *this; --at_; return c; }
      iterator& operator+=(difference_type k) { at_ += k; return *this; }
      iterator& operator-=(difference_type k) { at_ -= k; return *this; }
      friend iterator operator+(iterator a, difference_type k) { return a += k; }
      friend iterator operator+(difference_type k, iterator a) { return a += k; }
      friend iterator operator-(iterator a, difference_type k) { return a -= k; }
      friend difference_type operator-(const iterator& a, const iterator& b) { return a.at_ - b.at_; }
      friend bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }
      friend auto operator<=>(const iterator& a, const iterator& b) { return a.at_ <=> b.at_; }

     private:
      const std::uint32_t* at_ = nullptr;
    };
    IncidentEdges(const std::uint32_t* first, const std::uint32_t* last) : first_(first), last_(last) {}
    [[nodiscard]] iterator begin() const { return iterator(first_); }
    [[nodiscard]] iterator end() const { return iterator(last_); }
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(last_ - first_); }
    [[nodiscard]] bool empty() const { return first_ == last_; }
    [[nodiscard]] EdgeRef operator[](std::size_t i) const { return first_[i]; }

   private:
    const std::uint32_t* first_;
    const std::uint32_t* last_;
  };

  Graph();
  ~Graph();
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;
  /// Deep copy.
  Graph(const Graph& other);
  Graph& operator=(const Graph& other);

  /// Adds a node. Throws ValidationError when the id is empty or taken.
  NodeRef add_node(Node node);
  /// Adds a node unless its id is taken, with one lookup of the id: the
  /// node added and true, or the node that has the id and false (`node` is
  /// then dropped). Throws ValidationError when the id is empty.
  std::pair<NodeRef, bool> insert_node(Node node);
  /// Adds an edge between two existing nodes. Throws ValidationError on a
  /// self-loop; `from` and `to` must be nodes of this graph.
  EdgeRef add_edge(NodeRef from, NodeRef to, Relation relation, Attributes attributes = {});
  /// Adds an `undercuts` edge from `from` against the `supports` edge at
  /// position `attacked` of edges() (which gets an id if it has none). Throws ValidationError if that edge is not
  /// a `supports` edge.
  EdgeRef add_undercut(NodeRef from, std::size_t attacked, std::optional<std::string> id = {});
  /// Adds a `contradicts` edge from `v` to itself. Case files cannot hold
  /// self-loops, but abstract argumentation frameworks (ICCMA files) can: an
  /// argument that attacks itself is never accepted.
  EdgeRef add_self_attack(NodeRef v);
  /// Adds an edge between the nodes with these ids. Throws ValidationError
  /// when either is unknown or on a self-loop.
  EdgeRef add_edge(std::string_view from, std::string_view to, Relation relation);
  /// An edge to add in bulk with add_edges().
  struct EdgeSpec {
    NodeRef from;
    NodeRef to;
    Relation relation;
    Attributes extra;
    OptionalString id = {};
    std::size_t undercut = static_cast<std::size_t>(-1);  ///< for undercuts: index of the attacked edge
    std::shared_ptr<const SchemeNames> names = {};        ///< its scheme and critical question, if any
  };
  /// Adds many edges at once, in order. Throws ValidationError on a
  /// self-loop (and adds nothing).
  void add_edges(std::vector<EdgeSpec> specs);
  /// Sets the scheme and critical question that the edge at position `i` of
  /// edges() names (docs/schemes.md); empty names clear them.
  void set_scheme_names(std::size_t i, SchemeNames names);
  /// Reserves room for this many nodes and edges.
  void reserve(std::size_t nodes, std::size_t edges);

  /// Looks up many ids at once (faster than find() one by one on large
  /// graphs): the result's i-th entry is the node of ids[i], or `npos`.
  [[nodiscard]] std::vector<std::size_t> find_many(std::span<const std::string_view> ids) const;
  /// Returned by find_many for an unknown id.
  static constexpr std::size_t npos = detail::IdIndex::npos;
  /// The node with this id, if any.
  [[nodiscard]] std::optional<NodeRef> find(std::string_view id) const;
  [[nodiscard]] const Node& node(NodeRef v) const { return nodes_[v]; }
  /// The id of node `v`, from the compact id index: cheaper than node(v).id
  /// when visiting nodes in random order.
  [[nodiscard]] std::string_view id(NodeRef v) const noexcept { return index_.id(v); }
  /// Mutable access to a node's fields; its id must not be changed (the index keeps it).
  [[nodiscard]] Node& node(NodeRef v) { return nodes_[v]; }
  [[nodiscard]] const Edge& edge(EdgeRef e) const { return edges_[e]; }
  [[nodiscard]] NodeRef source(EdgeRef e) const { return ends_[e].source; }
  [[nodiscard]] NodeRef target(EdgeRef e) const { return ends_[e].target; }
  /// The edges that end at node `v`, in the order they were added (not the
  /// order of their sources). The first question about a node's edges
  /// after edges or nodes were added builds every node's rows, in time
  /// linear in nodes + edges: add edges first, then ask, rather than
  /// alternating the two.
  [[nodiscard]] IncidentEdges in_edges(NodeRef v) const {
    const Rows& r = rows();
    return {r.in.data() + r.in_begin[v], r.in.data() + r.in_begin[v + 1]};
  }
  /// The edges that start at node `v`, in the order they were added.
  [[nodiscard]] IncidentEdges out_edges(NodeRef v) const {
    const Rows& r = rows();
    return {r.out.data() + r.out_begin[v], r.out.data() + r.out_begin[v + 1]};
  }
  /// Hints that out_edges(v) of node `v` is to be asked soon: starts
  /// loading where its row begins, so that a walk over nodes scattered
  /// through a large graph waits on many such loads at once (builds the
  /// rows first if out_edges would). Changes no result.
  void prefetch_out_edges(NodeRef v) const {
    const Rows& r = rows();
    __builtin_prefetch(r.out_begin.data() + v);
  }
  /// Hints that source(e) or target(e) is to be asked soon.
  void prefetch_ends(EdgeRef e) const noexcept { __builtin_prefetch(ends_.data() + e); }
  /// Hints, in a walk over edges e, e + 1, ... below `end`, that the ids of
  /// the ends of the edges ahead are to be asked soon: an edge's ends are
  /// anywhere in a large graph, and each id a miss or two. Starts loading
  /// where the ids of edge e + 16 are kept and the ids of edge e + 8
  /// themselves, so that the walk finds them loaded. Changes no result.
  void prefetch_end_ids_ahead(EdgeRef e, std::size_t end) const noexcept {
    if (e + 16 < end) {
      index_.prefetch_place(source(e + 16));
      index_.prefetch_place(target(e + 16));
    }
    if (e + 8 < end) {
      index_.prefetch_id(source(e + 8));
      index_.prefetch_id(target(e + 8));
    }
  }
  [[nodiscard]] std::size_t in_degree(NodeRef v) const {
    const Rows& r = rows();
    return r.in_begin[v + 1] - r.in_begin[v];
  }
  [[nodiscard]] std::size_t out_degree(NodeRef v) const {
    const Rows& r = rows();
    return r.out_begin[v + 1] - r.out_begin[v];
  }
  [[nodiscard]] std::size_t node_count() const noexcept { return nodes_.size(); }
  [[nodiscard]] std::size_t edge_count() const noexcept { return edges_.size(); }
  /// Edges in the order they were added.
  [[nodiscard]] EdgeList edges() const noexcept { return EdgeList(edge_count()); }
  /// The graph for Boost.Graph's algorithms: vertices are 0..node_count()-1
  /// in insertion order, each vertex's out-edges in the order they were
  /// added. Built when first asked for after a change; valid until edges are
  /// added.
  [[nodiscard]] const Store& store() const;

  /// The most edges a graph holds (edge numbers in its rows are 32-bit).
  static constexpr std::size_t max_edges = 0xFFFFFFFEu;

  /// Optional title of the dispute.
  std::optional<std::string> title;
  /// Optional longer description.
  std::optional<std::string> description;
  /// Top-level fields this build does not know.
  Attributes extra;

 private:
  // The case-file reader, which has checked what add_node and add_edges
  // would check, builds the graph in place through it.
  friend struct detail::GraphLoader;

  struct Ends {
    std::uint32_t source;
    std::uint32_t target;
  };
  // Each node's in-edges and out-edges, in insertion order: the edges of
  // node v are rows[begin[v] .. begin[v + 1]). Built from ends_ by a stable
  // counting sort when first asked for after edges are added, and Boost's
  // graph with them when store() is; a mutex keeps two readers of a const
  // graph from building them at once.
  struct Rows {
    std::vector<std::uint32_t> in_begin, in, out_begin, out;
  };
  struct Built {
    Rows rows;
    Store store;
    // The ids of the edges before `edge_ids_upto`, so that add_undercut
    // names an attacked edge without reading every edge's id each time
    // (edges are only ever added, and ids set only as they are added or
    // by add_undercut).
    std::unordered_set<std::string> edge_ids;
    std::size_t edge_ids_upto = 0;
    std::atomic<bool> rows_fresh{false};
    std::atomic<bool> store_fresh{false};
    std::mutex mutex;
  };
  [[nodiscard]] const Rows& rows() const {
    return built_->rows_fresh.load(std::memory_order_acquire) ? built_->rows : build_rows();
  }
  const Rows& build_rows() const;
  void changed() noexcept;
  // insert_node() for a node whose id is known not to be empty, moved from
  // only when it is added.
  std::pair<NodeRef, bool> store_node(Node&& node) { return store_node(std::move(node), detail::IdIndex::hash_of(node.id)); }
  // The same for a node whose id's detail::IdIndex::hash_of() is `hash`.
  std::pair<NodeRef, bool> store_node(Node&& node, std::uint64_t hash);
  void append(NodeRef from, NodeRef to, Edge edge);
  void add_edges(std::vector<EdgeSpec> specs, bool trusted);

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;  // in insertion order
  std::vector<Ends> ends_;   // each edge's source and target, in the same order
  std::unique_ptr<Built> built_;
  detail::IdIndex index_;
};

/// Per edge (position in Graph::edges()): whether some undercut attacks it.
[[nodiscard]] std::vector<bool> undercut_edges(const Graph& graph);

}  // namespace claimgraph
