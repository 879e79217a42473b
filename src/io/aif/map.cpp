// The mapping's steps in order (read_map), the envelope of the map, and the
// checks every step makes.

#include "io/aif/map.hpp"

#include <algorithm>
#include <utility>

#include "detail/json_pointer.hpp"
#include "detail/text.hpp"

namespace claimgraph::io::aif {

using detail::shown;

namespace {

// Reports keys that appear twice in one object.
void check_duplicate_keys(Context& cx, const Value& object, const std::string& pointer) {
  const auto& m = object.members;
  if (m.size() < 2) return;
  std::vector<std::size_t> order(m.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return m[a].key < m[b].key; });
  for (std::size_t i = 1; i < order.size(); ++i) {
    const Member& later = m[order[i]];
    if (later.key == m[order[i - 1]].key) {
      cx.diagnostics.parse_error(later.key_offset, field_pointer(pointer, later.key),
                                 "duplicate key " + shown(later.key) + " in the same object");
    }
  }
}

// Where the nodes and edges of the map are.
struct Lists {
  const Value* nodes = nullptr;
  const Value* edges = nullptr;
};

// The object that holds the map: the document, or its "AIF" member in an
// xAIF file (then cx.prefix is "/AIF"). Nothing when it is not an object.
const Value* find_map(Context& cx, const Value& root) {
  if (root.type != Type::object) {
    cx.diagnostics.parse_error(
        root.offset, "",
        std::string("an AIF map is a JSON object such as {\"nodes\": [...], \"edges\": [...]}; got ") + describe(root));
    return nullptr;
  }
  check_duplicate_keys(cx, root, "");
  const Value* wrapped = member(root, "AIF");
  if (wrapped == nullptr) return &root;
  if (!is_object(cx, *wrapped, "/AIF", "the AIF map, an object with \"nodes\" and \"edges\"")) return nullptr;
  cx.prefix = "/AIF";
  return wrapped;
}

// The map's "nodes" and "edges" arrays, each when it is one (else
// reported); the nodes are required.
Lists find_lists(Context& cx, const Value& map) {
  Lists lists;
  lists.nodes = member(map, "nodes");
  if (lists.nodes == nullptr) {
    cx.diagnostics.parse_error(map.offset, cx.prefix, "missing the required field \"nodes\" (an array of nodes)");
  } else if (lists.nodes->type != Type::array) {
    wrong_type(cx, *lists.nodes, cx.prefix + "/nodes", "an array of nodes");
    lists.nodes = nullptr;
  }
  lists.edges = member(map, "edges");
  if (lists.edges != nullptr && lists.edges->type != Type::array) {
    wrong_type(cx, *lists.edges, cx.prefix + "/edges", "an array of edges");
    lists.edges = nullptr;
  }
  return lists;
}

}  // namespace

std::string Context::node_pointer(std::size_t i) const { return prefix + "/nodes/" + std::to_string(i); }
std::string Context::edge_pointer(std::size_t i) const { return prefix + "/edges/" + std::to_string(i); }
std::string Context::node_fields_pointer(std::size_t i) const { return field_pointer(node_pointer(i), "claimgraph"); }
std::string Context::edge_fields_pointer(std::size_t i) const { return field_pointer(edge_pointer(i), "claimgraph"); }

std::string field_pointer(const std::string& object, std::string_view key) {
  return object + "/" + detail::escape_pointer_token(key);
}

void wrong_type(Context& cx, const Value& v, const std::string& pointer, std::string_view what) {
  cx.diagnostics.parse_error(v.offset, pointer, "expected " + std::string(what) + ", got " + describe(v));
}

bool is_object(Context& cx, const Value& v, const std::string& pointer, std::string_view what) {
  if (v.type != Type::object) {
    wrong_type(cx, v, pointer, what);
    return false;
  }
  check_duplicate_keys(cx, v, pointer);
  return true;
}

bool clean_string(Context& cx, const Value& v, const std::string& pointer) {
  if (v.text.find('\0') != std::string::npos) {
    cx.diagnostics.error(v.offset, pointer, "string contains a NUL character (\\u0000), which is not allowed");
    return false;
  }
  return true;
}

std::optional<std::string> read_id(Context& cx, const Value& v, const std::string& pointer, std::string_view what) {
  if (v.type == Type::number) {
    if (v.text.find_first_of(".eE") != std::string::npos) {
      cx.diagnostics.parse_error(v.offset, pointer,
                                 "expected " + std::string(what) + ", a string or an integer, got " + v.text);
      return std::nullopt;
    }
    return v.text;
  }
  if (v.type != Type::string) {
    wrong_type(cx, v, pointer, std::string(what) + ", a string or an integer");
    return std::nullopt;
  }
  if (!clean_string(cx, v, pointer)) return std::nullopt;
  if (v.text.empty()) {
    cx.diagnostics.error(v.offset, pointer, "a node id must not be empty");
    return std::nullopt;
  }
  if (std::any_of(v.text.begin(), v.text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    cx.diagnostics.error(v.offset, pointer, "node id " + shown(v.text) + " contains a control character");
    return std::nullopt;
  }
  return v.text;
}

Graph read_map(std::string_view text, const Value& root, Diagnostics& diagnostics, const Limits& limits) {
  Context cx{text, diagnostics, {}};
  const Value* object = find_map(cx, root);
  if (object == nullptr) return {};
  const Lists lists = find_lists(cx, *object);
  Graph graph;
  if (const Value* ext = member(*object, "claimgraph")) read_map_fields(cx, *ext, graph);
  if (lists.nodes == nullptr) return {};
  Map map;
  read_nodes(cx, *lists.nodes, map);
  if (lists.edges != nullptr) read_edges(cx, *lists.edges, map);
  if (diagnostics.failed()) return {};
  classify_edges(cx, map);
  check_schemes(cx, map);
  if (diagnostics.failed()) return {};
  if (!make_graph(cx, map, limits.max_edges, graph)) return {};
  return graph;
}

}  // namespace claimgraph::io::aif
