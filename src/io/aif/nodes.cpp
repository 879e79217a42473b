// The nodes of an AIF map: each with its nodeID, type and text, and the
// "claimgraph" object of an I-node or an RA.

#include <algorithm>
#include <utility>

#include "claimgraph/suggest.hpp"
#include "detail/text.hpp"
#include "io/aif/map.hpp"

namespace claimgraph::io::aif {

using detail::shown;

namespace {

// The suggestion for an unknown type: its upper-case form when that is a
// type ("ra"), else the type nearest in spelling.
std::string type_suggestion(const std::string& text) {
  std::string upper = text;
  for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  if (std::find(type_names.begin(), type_names.end(), upper) != type_names.end()) {
    return "; did you mean \"" + upper + "\"?";
  }
  return did_you_mean(text, type_names);
}

void read_type(Context& cx, const Value& v, const std::string& pointer, MapNode& node) {
  if (v.type != Type::string) {
    wrong_type(cx, v, pointer, "the node type, a string such as \"I\" or \"RA\"");
    return;
  }
  for (std::size_t k = 0; k < type_names.size(); ++k) {
    if (v.text == type_names[k]) {
      node.type = static_cast<NodeType>(k);
      node.typed = true;
      return;
    }
  }
  cx.diagnostics.error(v.offset, pointer,
                       "unknown node type " + shown(v.text) + "; expected " + detail::quoted_list(type_names) +
                           type_suggestion(v.text));
}

// The node's "text": a string, which an I-node must have (null or missing
// is allowed for other types).
void read_text(Context& cx, const Value& v, const std::string& pointer, MapNode& node) {
  const Value* text = member(v, "text");
  const std::string text_pointer = field_pointer(pointer, "text");
  if (text != nullptr && text->type == Type::string) {
    if (clean_string(cx, *text, text_pointer)) node.text = text;
  } else if (text != nullptr && text->type != Type::null) {
    wrong_type(cx, *text, text_pointer, "the node's text, a string");
  } else if (node.typed && node.type == NodeType::I) {
    cx.diagnostics.parse_error(text != nullptr ? text->offset : v.offset, text != nullptr ? text_pointer : pointer,
                               "an I-node needs its \"text\": the proposition it stands for");
  }
}

// Node `i`, the object `v`, when it has a usable nodeID; every problem with
// it is reported either way.
std::optional<MapNode> read_node(Context& cx, const Value& v, std::size_t i) {
  const std::string pointer = cx.node_pointer(i);
  if (!is_object(cx, v, pointer, "a node object such as {\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"...\"}")) {
    return std::nullopt;
  }
  MapNode node;
  node.index = i;
  node.value = &v;
  node.ext = member(v, "claimgraph");
  for (std::string_view required : {"nodeID", "type"}) {
    if (member(v, required) == nullptr) {
      cx.diagnostics.parse_error(v.offset, pointer,
                                 "node is missing the required field \"" + std::string(required) + "\"");
    }
  }
  std::optional<std::string> id;
  if (const Value* given = member(v, "nodeID")) {
    id = read_id(cx, *given, field_pointer(pointer, "nodeID"), "the node's id");
  }
  if (const Value* type = member(v, "type")) read_type(cx, *type, field_pointer(pointer, "type"), node);
  read_text(cx, v, pointer, node);
  if (node.typed && node.type == NodeType::RA && node.ext != nullptr) {
    node.element_of = read_scheme_fields(cx, *node.ext, cx.node_fields_pointer(i));
  }
  if (node.typed && node.type == NodeType::I && node.ext != nullptr) {
    node.kind_given = read_node_fields(cx, *node.ext, cx.node_fields_pointer(i), node.fields);
  }
  if (!id) return std::nullopt;
  node.id = std::move(*id);
  return node;
}

// Adds `node` to the map unless its nodeID is taken (reported).
void add_node(Context& cx, Map& map, MapNode node) {
  auto [it, added] = map.ids.try_emplace(node.id, map.nodes.size());
  if (!added) {
    const MapNode& first = map.nodes[it->second];
    cx.diagnostics.error(member(*node.value, "nodeID")->offset, field_pointer(cx.node_pointer(node.index), "nodeID"),
                         "duplicate nodeID " + shown(node.id) + "; first used at " +
                             cx.diagnostics.location(member(*first.value, "nodeID")->offset));
    return;
  }
  map.nodes.push_back(std::move(node));
}

}  // namespace

void read_nodes(Context& cx, const Value& list, Map& map) {
  map.nodes.reserve(list.elements.size());
  map.ids.reserve(list.elements.size());
  for (std::size_t i = 0; i < list.elements.size(); ++i) {
    if (auto node = read_node(cx, list.elements[i], i)) add_node(cx, map, std::move(*node));
  }
}

}  // namespace claimgraph::io::aif
