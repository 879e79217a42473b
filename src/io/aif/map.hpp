#pragma once
// The mapping of an AIF map, read into a value tree (tree.hpp), onto a
// Graph, as claimgraph/io/aif_reader.hpp sets it out. It goes in steps, each checking
// everything it can before the next begins, so that one read reports every
// problem of its kind:
// 1. the envelope: the map (or the xAIF file's "AIF" member), its "nodes"
//    and "edges" and its "claimgraph" object (map.cpp);
// 2. the nodes and their types (nodes.cpp), then the edges between them
//    (edges.cpp), with the "claimgraph" objects they carry (fields.cpp);
// 3. what each RA and CA joins: its premises, conclusions and the schemes
//    it attacks (schemes.cpp);
// 4. the graph's nodes and edges (build.cpp).
// Problems go to the diagnostics collector; a step that leaves errors ends
// the mapping with an empty graph, and the collector throws them.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claimgraph/graph.hpp"
#include "claimgraph/limits.hpp"
#include "io/aif/tree.hpp"

namespace claimgraph::io::aif {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// --- the map's parts ---------------------------------------------------------------------

enum class NodeType : std::uint8_t { I, RA, CA, MA, PA, L, YA, TA };
constexpr std::array<std::string_view, 8> type_names{"I", "RA", "CA", "MA", "PA", "L", "YA", "TA"};

[[nodiscard]] inline std::string_view name(NodeType type) { return type_names[static_cast<std::size_t>(type)]; }
// Node types with no counterpart in a claim graph: rephrases, preferences
// and the dialogue.
[[nodiscard]] inline bool dropped(NodeType type) { return type >= NodeType::MA; }
[[nodiscard]] inline bool scheme(NodeType type) { return type == NodeType::RA || type == NodeType::CA; }

struct MapNode {
  std::string id;
  NodeType type = NodeType::I;
  std::size_t index = 0;         // in "nodes"
  const Value* value = nullptr;  // the node object
  const Value* text = nullptr;   // its "text", when that is a string
  const Value* ext = nullptr;    // its "claimgraph" object
  bool element_of = false;       // an RA that stands for element-of edges
  bool typed = false;            // its type is known
  Node fields;                   // I-nodes: the fields of its "claimgraph" object
  bool kind_given = false;       // I-nodes: whether that object gives the kind
};

struct MapEdge {
  std::size_t from = 0;  // index into nodes
  std::size_t to = 0;
  std::size_t index = 0;  // in "edges"
  const Value* value = nullptr;
  const Value* ext = nullptr;  // its "claimgraph" object
};

// What an RA or CA joins, by edge index, and what it became in the graph.
struct Scheme {
  std::vector<std::size_t> premises;     // from I-nodes
  std::vector<std::size_t> conclusions;  // to I-nodes
  std::vector<std::size_t> attacks;      // CA only: to RA or CA nodes
  bool linked = false;                   // several premises, held together by a node of its own
  std::size_t vertex = npos;             // the node standing for its premises (one premise, or the linked node)
  std::vector<std::size_t> supports;     // RA: the supports edges it gave (in the order they were made)
};

// The map as far as it has been read.
struct Map {
  std::vector<MapNode> nodes;                        // those with a usable nodeID, in map order
  std::unordered_map<std::string, std::size_t> ids;  // nodeID: index into nodes
  std::vector<MapEdge> edges;                        // those between two known nodes, in map order
  std::vector<std::size_t> scheme_of;                // per node: index into schemes, or npos
  std::vector<Scheme> schemes;
};

// --- what every step shares --------------------------------------------------------------

// The text (for values kept verbatim), the diagnostics, and where the map
// stands in the document.
struct Context {
  std::string_view text;
  Diagnostics& diagnostics;
  std::string prefix;  // "/AIF" for an xAIF file

  [[nodiscard]] std::string node_pointer(std::size_t i) const;
  [[nodiscard]] std::string edge_pointer(std::size_t i) const;
  // The pointer to a node's or an edge's "claimgraph" object.
  [[nodiscard]] std::string node_fields_pointer(std::size_t i) const;
  [[nodiscard]] std::string edge_fields_pointer(std::size_t i) const;
};

// The pointer to member `key` of the object at `object`.
[[nodiscard]] std::string field_pointer(const std::string& object, std::string_view key);

// Reports `v` as not being `what`: "expected <what>, got a string".
void wrong_type(Context& cx, const Value& v, const std::string& pointer, std::string_view what);
// Whether `v` is an object (else reported as not being `what`); keys that
// appear twice in it are reported.
bool is_object(Context& cx, const Value& v, const std::string& pointer, std::string_view what);
// Whether string `v` is free of NUL characters (else reported).
bool clean_string(Context& cx, const Value& v, const std::string& pointer);
// A nodeID, fromID or toID (`what` names it): a string or an integer, as text.
[[nodiscard]] std::optional<std::string> read_id(Context& cx, const Value& v, const std::string& pointer,
                                                 std::string_view what);

// --- the steps -------------------------------------------------------------------------

// Maps the document `root` of `text` onto a graph: the steps in order.
[[nodiscard]] Graph read_map(std::string_view text, const Value& root, Diagnostics& diagnostics, const Limits& limits);

// nodes.cpp: the nodes of the array `list`.
void read_nodes(Context& cx, const Value& list, Map& map);
// edges.cpp: the edges of the array `list`.
void read_edges(Context& cx, const Value& list, Map& map);

// fields.cpp: the "claimgraph" objects. The map's gives the graph's title,
// description and other top-level fields.
void read_map_fields(Context& cx, const Value& ext, Graph& graph);
// An I-node's: the case file's node fields but id and label. Returns
// whether it gives the kind.
bool read_node_fields(Context& cx, const Value& ext, const std::string& pointer, Node& node);
// An RA's: returns whether it marks the RA as standing for element-of
// edges.
bool read_scheme_fields(Context& cx, const Value& ext, const std::string& pointer);
// An edge's: checked here, taken (take_edge_fields) when the graph is made.
// `edge_ids`: the claimgraph edge ids met so far, with where each is.
void read_edge_fields(Context& cx, const Value& ext, const std::string& pointer,
                      std::unordered_map<std::string, std::size_t>& edge_ids);
// The id and unknown fields kept in an edge's "claimgraph" object `ext`.
void take_edge_fields(const Context& cx, const Value* ext, std::optional<std::string>& id, Attributes& extra);

// schemes.cpp: sorts every edge into what it means for the RA and CA nodes,
// reporting the dropped nodes and edges; then checks what each joins.
void classify_edges(Context& cx, Map& map);
void check_schemes(Context& cx, Map& map);

// build.cpp: adds the nodes and edges to `graph`; false when errors were
// reported. `max_edges` bounds the edges made.
[[nodiscard]] bool make_graph(Context& cx, Map& map, std::size_t max_edges, Graph& graph);

}  // namespace claimgraph::io::aif
