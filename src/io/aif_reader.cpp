#include "claimgraph/io/aif_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "detail/json_parser.hpp"
#include "detail/diagnostics.hpp"
#include "detail/text.hpp"

using claimgraph::detail::shown;

namespace claimgraph::io {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

std::string number(std::size_t n) { return std::to_string(n); }

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// A value kept verbatim (an unknown field of a "claimgraph" object), in the
// canonical form the case-file reader gives it: compact, numbers as
// nlohmann/json writes them; a number beyond a double is kept as written.
std::string canonical(std::string_view raw) {
  try {
    return nlohmann::json::parse(raw).dump();
  } catch (const nlohmann::json::exception&) {
    return std::string(raw);
  }
}

// --- the document, as far as it matters -------------------------------------------------

enum class Type : std::uint8_t { null, boolean, number, string, object, array };

struct Member;

// A JSON value with the place where it starts. Only the parts of an AIF
// file that the mapping reads are kept as values: the nodes, the edges and
// the "claimgraph" objects. The rest (the OVA layout, the source text, the
// locutions) is skipped as it is parsed.
struct Value {
  Type type = Type::null;
  bool shallow = false;    // an object or array nested too deep to matter: only its place is kept
  std::size_t offset = 0;  // where the value starts
  std::size_t end = 0;     // objects and arrays: where the closing bracket is
  std::string text;        // strings: the value; numbers: as written; booleans: true or false
  std::vector<Member> members;
  std::vector<Value> elements;
};

struct Member {
  std::string key;
  std::size_t key_offset = 0;
  Value value;
};

const char* describe(const Value& v) {
  switch (v.type) {
    case Type::null: return "null";
    case Type::boolean: return "a boolean";
    case Type::number: return "a number";
    case Type::string: return "a string";
    case Type::object: return "an object";
    case Type::array: return "an array";
  }
  return "a value";
}

// The first member named `key`, if any (duplicates are reported apart).
const Value* member(const Value& object, std::string_view key) {
  for (const auto& m : object.members) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

// --- diagnostics -----------------------------------------------------------------------

using detail::Fatal;
using detail::TooManyErrors;

// Collects diagnostics and reports them in input order.
class Diagnostics : public detail::TextDiagnostics {
 public:
  Diagnostics(std::string_view text, const ReadOptions& options)
      : TextDiagnostics(text, options.file_name, options.max_errors, options.max_warnings) {}
};

// --- parsing: events from detail::JsonParser into Values ---------------------------------

// Values nested deeper than this (counting the document as 0) are kept only
// as their place; nothing the mapping reads lies deeper, and a bounded tree
// is safe to walk and free by recursion.
constexpr std::size_t max_tree_depth = 6;

class TreeBuilder {
 public:
  TreeBuilder(Diagnostics& diagnostics, const Limits& limits) : diagnostics_(diagnostics), limits_(limits) {}

  Value root;

  bool null(std::size_t at) { return scalar(Type::null, {}, at); }
  bool boolean(bool v, std::size_t at) { return scalar(Type::boolean, v ? "true" : "false", at); }
  bool number(std::string_view raw, std::size_t at) { return scalar(Type::number, raw, at); }
  bool string(std::string_view v, std::size_t at) {
    if (skip_depth_ > 0 || place() == Place::skip) return true;
    if (v.size() > limits_.max_string_bytes) {
      too_long(v.size(), at, next_pointer());
      return scalar(Type::string, {}, at);
    }
    return scalar(Type::string, v, at);
  }
  bool key(std::string_view k, std::size_t at) {
    if (skip_depth_ > 0) return true;
    key_.assign(k);
    key_offset_ = at;
    if (k.size() > limits_.max_string_bytes && place() != Place::skip) {
      too_long(k.size(), at, next_pointer());
      key_.clear();
    }
    return true;
  }
  bool start_object(std::size_t at) { return start(Type::object, at); }
  bool start_array(std::size_t at) { return start(Type::array, at); }
  bool end_object(std::size_t at) { return end(at); }
  bool end_array(std::size_t at) { return end(at); }

 private:
  enum class Place : std::uint8_t { build, skip };
  // What an open array holds, for the limits on nodes and edges.
  enum class Role : std::uint8_t { other, nodes, edges };

  struct Open {
    Value* value;
    std::string token;  // how it is reached from its parent, for JSON pointers
    Role role;
  };

  // Whether the next value is kept: at the top, and in an "AIF" object,
  // only the members the mapping reads.
  Place place() const {
    if (stack_.empty()) return Place::build;
    const Open& parent = stack_.back();
    if (parent.value->type != Type::object) return Place::build;
    const bool top = stack_.size() == 1;
    const bool wrapper = stack_.size() == 2 && stack_[1].token == "AIF";
    if (!top && !wrapper) return Place::build;
    if (key_ == "nodes" || key_ == "edges" || key_ == "claimgraph") return Place::build;
    return top && key_ == "AIF" ? Place::build : Place::skip;
  }

  std::string next_pointer() const {
    std::string out;
    for (std::size_t i = 1; i < stack_.size(); ++i) {
      out += '/';
      out += escape_pointer_token(stack_[i].token);
    }
    if (!stack_.empty()) {
      const Value& parent = *stack_.back().value;
      out += "/";
      out += parent.type == Type::object ? escape_pointer_token(key_) : std::to_string(parent.elements.size());
    }
    return out;
  }

  void too_long(std::size_t size, std::size_t at, std::string pointer) {
    diagnostics_.error(at, std::move(pointer),
                       "string of " + std::to_string(size) + " bytes exceeds the limit of " +
                           std::to_string(limits_.max_string_bytes) + " bytes",
                       Limit::string_bytes);
  }

  // Adds `v` to the open object or array (or makes it the document).
  Value* attach(Value v) {
    if (stack_.empty()) {
      root = std::move(v);
      return &root;
    }
    Open& parent = stack_.back();
    if (parent.value->type == Type::object) {
      parent.value->members.push_back(Member{key_, key_offset_, std::move(v)});
      return &parent.value->members.back().value;
    }
    const std::size_t count = parent.value->elements.size();
    if (parent.role == Role::nodes && count >= limits_.max_nodes) {
      diagnostics_.fatal_parse(v.offset, next_pointer(), Limit::nodes,
                               "more than " + std::to_string(limits_.max_nodes) + " nodes");
    }
    if (parent.role == Role::edges && count >= limits_.max_edges) {
      diagnostics_.fatal_parse(v.offset, next_pointer(), Limit::edges,
                               "more than " + std::to_string(limits_.max_edges) + " edges");
    }
    parent.value->elements.push_back(std::move(v));
    return &parent.value->elements.back();
  }

  bool scalar(Type type, std::string_view text, std::size_t at) {
    if (skip_depth_ > 0 || place() == Place::skip) return true;
    Value v;
    v.type = type;
    v.offset = at;
    v.text.assign(text);
    attach(std::move(v));
    return true;
  }

  bool start(Type type, std::size_t at) {
    if (stack_.size() + skip_depth_ >= limits_.max_depth) {
      diagnostics_.fatal_parse(at, "", Limit::depth,
                               "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return true;
    }
    if (place() == Place::skip) {
      skip_depth_ = 1;
      shallow_ = nullptr;
      return true;
    }
    Value v;
    v.type = type;
    v.offset = at;
    std::string token;
    Role role = Role::other;
    if (!stack_.empty()) {
      const Value& parent = *stack_.back().value;
      token = parent.type == Type::object ? key_ : std::to_string(parent.elements.size());
      const bool top = stack_.size() == 1 || (stack_.size() == 2 && stack_[1].token == "AIF");
      if (top && parent.type == Type::object && type == Type::array) {
        role = key_ == "nodes" ? Role::nodes : key_ == "edges" ? Role::edges : Role::other;
      }
    }
    if (stack_.size() >= max_tree_depth) {
      v.shallow = true;
      shallow_ = attach(std::move(v));
      skip_depth_ = 1;
      return true;
    }
    Value* added = attach(std::move(v));
    stack_.push_back(Open{added, std::move(token), role});
    return true;
  }

  bool end(std::size_t at) {
    if (skip_depth_ > 0) {
      if (--skip_depth_ == 0 && shallow_ != nullptr) {
        shallow_->end = at;
        shallow_ = nullptr;
      }
      return true;
    }
    stack_.back().value->end = at;
    stack_.pop_back();
    return true;
  }

  Diagnostics& diagnostics_;
  const Limits& limits_;
  std::vector<Open> stack_;
  std::size_t skip_depth_ = 0;  // > 0 while skipping a compound value
  Value* shallow_ = nullptr;    // the value whose place is kept while it is skipped
  std::string key_;
  std::size_t key_offset_ = 0;
};

// --- the map ---------------------------------------------------------------------------

enum class NodeType : std::uint8_t { I, RA, CA, MA, PA, L, YA, TA };
constexpr std::array<std::string_view, 8> type_names{"I", "RA", "CA", "MA", "PA", "L", "YA", "TA"};

std::string_view name(NodeType type) { return type_names[static_cast<std::size_t>(type)]; }
// Node types with no counterpart in a claim graph: rephrases, preferences
// and the dialogue.
bool dropped(NodeType type) { return type >= NodeType::MA; }
bool scheme(NodeType type) { return type == NodeType::RA || type == NodeType::CA; }

struct MapNode {
  std::string id;
  NodeType type = NodeType::I;
  std::size_t index = 0;           // in "nodes"
  const Value* value = nullptr;    // the node object
  const Value* text = nullptr;     // its "text", when that is a string
  const Value* ext = nullptr;      // its "claimgraph" object
  bool element_of = false;         // an RA that stands for element-of edges
  bool typed = false;              // its type is known
  Node fields;                     // I-nodes: the fields of its "claimgraph" object
  bool kind_given = false;         // I-nodes: whether that object gives the kind
};

struct MapEdge {
  std::size_t from = 0;  // index into nodes
  std::size_t to = 0;
  std::size_t index = 0;  // in "edges"
  const Value* value = nullptr;
  const Value* ext = nullptr;  // its "claimgraph" object
};

// What an RA or CA joins, by edge index.
struct Scheme {
  std::vector<std::size_t> premises;     // from I-nodes
  std::vector<std::size_t> conclusions;  // to I-nodes
  std::vector<std::size_t> attacks;      // CA only: to RA or CA nodes
  bool linked = false;                   // several premises, held together by a node of its own
  std::size_t vertex = npos;             // the node standing for its premises (one premise, or the linked node)
  std::vector<std::size_t> supports;     // RA: the supports edges it gave (indices into produced)
};

// An edge of the graph being made.
struct Produced {
  std::size_t order = 0;  // the AIF edge that carries it...
  std::size_t then = 0;   // ...and, among those it carries, this
  Graph::NodeRef from = 0;
  Graph::NodeRef to = 0;
  Relation relation = Relation::supports;
  std::optional<std::string> id;
  Attributes extra;
  std::size_t undercut = npos;  // undercuts: the produced supports edge it attacks
  std::size_t ra = npos;        // supports: the RA (node index) it comes from
};

constexpr std::array<std::string_view, 9> node_field_names{"kind",   "text",     "party",  "group", "source",
                                                           "weight", "standard", "burden", "tags"};

class MapReader {
 public:
  MapReader(std::string_view text, const Value& root, Diagnostics& diagnostics, const ReadOptions& options)
      : text_(text), root_(root), diagnostics_(diagnostics), options_(options) {}

  Graph run() {
    if (!read_map()) return {};
    read_nodes();
    read_edges();
    if (diagnostics_.failed()) return {};
    classify();
    check_schemes();
    if (diagnostics_.failed()) return {};
    make_nodes();
    make_edges();
    if (diagnostics_.failed()) return {};
    name_undercut_targets();
    add_edges();
    return std::move(graph_);
  }

 private:
  std::string node_pointer(std::size_t i) const { return prefix_ + "/nodes/" + number(i); }
  std::string edge_pointer(std::size_t i) const { return prefix_ + "/edges/" + number(i); }
  static std::string field_pointer(const std::string& object, std::string_view key) {
    return object + "/" + escape_pointer_token(key);
  }
  std::string described(const MapNode& n) const {
    return std::string(n.type == NodeType::I ? "I-node" : name(n.type)) + " " + shown(n.id);
  }

  // Reports keys that appear twice in one object.
  void check_duplicate_keys(const Value& object, const std::string& pointer) {
    const auto& m = object.members;
    if (m.size() < 2) return;
    std::vector<std::size_t> order(m.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return m[a].key < m[b].key; });
    for (std::size_t i = 1; i < order.size(); ++i) {
      const Member& later = m[order[i]];
      if (later.key == m[order[i - 1]].key) {
        diagnostics_.parse_error(later.key_offset, field_pointer(pointer, later.key),
                                 "duplicate key " + shown(later.key) + " in the same object");
      }
    }
  }

  // A string without NUL characters, else reported.
  bool clean_string(const Value& v, const std::string& pointer) {
    if (v.text.find('\0') != std::string::npos) {
      diagnostics_.error(v.offset, pointer, "string contains a NUL character (\\u0000), which is not allowed");
      return false;
    }
    return true;
  }

  // A nodeID, fromID or toID: a string or an integer, as text.
  std::optional<std::string> read_id(const Value& v, const std::string& pointer, std::string_view what) {
    if (v.type == Type::number) {
      if (v.text.find_first_of(".eE") != std::string::npos) {
        diagnostics_.parse_error(v.offset, pointer, "expected " + std::string(what) + ", a string or an integer, got " + v.text);
        return std::nullopt;
      }
      return v.text;
    }
    if (v.type != Type::string) {
      diagnostics_.parse_error(v.offset, pointer,
                               "expected " + std::string(what) + ", a string or an integer, got " + describe(v));
      return std::nullopt;
    }
    if (!clean_string(v, pointer)) return std::nullopt;
    if (v.text.empty()) {
      diagnostics_.error(v.offset, pointer, "a node id must not be empty");
      return std::nullopt;
    }
    if (std::any_of(v.text.begin(), v.text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
      diagnostics_.error(v.offset, pointer, "node id " + shown(v.text) + " contains a control character");
      return std::nullopt;
    }
    return v.text;
  }

  bool read_map() {
    if (root_.type != Type::object) {
      diagnostics_.parse_error(root_.offset, "",
                               std::string("an AIF map is a JSON object such as {\"nodes\": [...], \"edges\": [...]}; got ") +
                                   describe(root_));
      return false;
    }
    check_duplicate_keys(root_, "");
    map_ = &root_;
    if (const Value* wrapped = member(root_, "AIF")) {
      if (wrapped->type != Type::object) {
        diagnostics_.parse_error(wrapped->offset, "/AIF",
                                 std::string("expected the AIF map, an object with \"nodes\" and \"edges\", got ") +
                                     describe(*wrapped));
        return false;
      }
      check_duplicate_keys(*wrapped, "/AIF");
      map_ = wrapped;
      prefix_ = "/AIF";
    }
    nodes_value_ = member(*map_, "nodes");
    if (nodes_value_ == nullptr) {
      diagnostics_.parse_error(map_->offset, prefix_, "missing the required field \"nodes\" (an array of nodes)");
    } else if (nodes_value_->type != Type::array) {
      diagnostics_.parse_error(nodes_value_->offset, prefix_ + "/nodes",
                               std::string("expected an array of nodes, got ") + describe(*nodes_value_));
      nodes_value_ = nullptr;
    }
    edges_value_ = member(*map_, "edges");
    if (edges_value_ != nullptr && edges_value_->type != Type::array) {
      diagnostics_.parse_error(edges_value_->offset, prefix_ + "/edges",
                               std::string("expected an array of edges, got ") + describe(*edges_value_));
      edges_value_ = nullptr;
    }
    if (const Value* ext = member(*map_, "claimgraph")) read_map_fields(*ext, prefix_ + "/claimgraph");
    return nodes_value_ != nullptr;
  }

  // The "claimgraph" object of the map: the title, the description and the
  // case file's other top-level fields.
  void read_map_fields(const Value& ext, const std::string& pointer) {
    if (!is_fields_object(ext, pointer)) return;
    for (const auto& m : ext.members) {
      const std::string p = field_pointer(pointer, m.key);
      if (m.key == "title" || m.key == "description") {
        if (m.value.type != Type::string) {
          diagnostics_.parse_error(m.value.offset, p, std::string("expected a string, got ") + describe(m.value));
        } else if (clean_string(m.value, p)) {
          (m.key == "title" ? graph_.title : graph_.description) = m.value.text;
        }
      } else if (m.key == "claimgraph" || m.key == "nodes" || m.key == "edges") {
        diagnostics_.error(m.key_offset, p, "\"" + m.key + "\" cannot be set here: the map's own nodes and edges make the graph");
      } else if (m.value.type != Type::string || clean_string(m.value, p)) {
        graph_.extra.push_back({m.key, kept(m.value)});
      }
    }
    sort_attributes(graph_.extra);
  }

  bool is_fields_object(const Value& ext, const std::string& pointer) {
    if (ext.type != Type::object) {
      diagnostics_.parse_error(ext.offset, pointer,
                               std::string("expected an object of claimgraph fields, got ") + describe(ext));
      return false;
    }
    check_duplicate_keys(ext, pointer);
    return true;
  }

  static void sort_attributes(Attributes& a) {
    std::stable_sort(a.begin(), a.end(), [](const Attribute& x, const Attribute& y) { return x.key < y.key; });
  }

  // A value kept as canonical JSON text.
  std::string kept(const Value& v) const {
    switch (v.type) {
      case Type::null: return "null";
      case Type::boolean: return v.text;
      case Type::number: return canonical(v.text);
      case Type::string: return nlohmann::json(v.text).dump();
      default: return canonical(text_.substr(v.offset, v.end + 1 - v.offset));
    }
  }

  void read_nodes() {
    const auto& list = nodes_value_->elements;
    nodes_.reserve(list.size());
    ids_.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Value& v = list[i];
      const std::string pointer = node_pointer(i);
      if (v.type != Type::object) {
        diagnostics_.parse_error(v.offset, pointer,
                                 std::string("expected a node object such as {\"nodeID\": \"1\", \"type\": \"I\", \"text\": "
                                             "\"...\"}, got ") +
                                     describe(v));
        continue;
      }
      check_duplicate_keys(v, pointer);
      MapNode node;
      node.index = i;
      node.value = &v;
      const Value* id = member(v, "nodeID");
      const Value* type = member(v, "type");
      const Value* text = member(v, "text");
      node.ext = member(v, "claimgraph");
      for (std::string_view required : {"nodeID", "type"}) {
        if (member(v, required) == nullptr) {
          diagnostics_.parse_error(v.offset, pointer,
                                   "node is missing the required field \"" + std::string(required) + "\"");
        }
      }
      std::optional<std::string> name;
      if (id != nullptr) name = read_id(*id, field_pointer(pointer, "nodeID"), "the node's id");
      if (type != nullptr) read_type(*type, field_pointer(pointer, "type"), node);
      if (text != nullptr && text->type == Type::string) {
        if (clean_string(*text, field_pointer(pointer, "text"))) node.text = text;
      } else if (text != nullptr && text->type != Type::null) {
        diagnostics_.parse_error(text->offset, field_pointer(pointer, "text"),
                                 std::string("expected the node's text, a string, got ") + describe(*text));
      } else if (node.typed && node.type == NodeType::I) {
        diagnostics_.parse_error(text != nullptr ? text->offset : v.offset, text != nullptr ? field_pointer(pointer, "text") : pointer,
                                 "an I-node needs its \"text\": the proposition it stands for");
      }
      if (node.typed && node.type == NodeType::RA && node.ext != nullptr) read_scheme_fields(node, pointer);
      if (node.typed && node.type == NodeType::I && node.ext != nullptr) {
        node.kind_given = read_node_fields(*node.ext, field_pointer(pointer, "claimgraph"), node.fields);
      }
      if (!name) continue;
      node.id = std::move(*name);
      auto [it, added] = ids_.try_emplace(node.id, nodes_.size());
      if (!added) {
        const MapNode& first = nodes_[it->second];
        diagnostics_.error(id->offset, field_pointer(pointer, "nodeID"),
                           "duplicate nodeID " + shown(node.id) + "; first used at " +
                               diagnostics_.location(member(*first.value, "nodeID")->offset));
        continue;
      }
      nodes_.push_back(std::move(node));
    }
  }

  void read_type(const Value& v, const std::string& pointer, MapNode& node) {
    if (v.type != Type::string) {
      diagnostics_.parse_error(v.offset, pointer,
                               std::string("expected the node type, a string such as \"I\" or \"RA\", got ") + describe(v));
      return;
    }
    for (std::size_t k = 0; k < type_names.size(); ++k) {
      if (v.text == type_names[k]) {
        node.type = static_cast<NodeType>(k);
        node.typed = true;
        return;
      }
    }
    std::string message = "unknown node type " + shown(v.text) + "; expected " + detail::quoted_list(type_names);
    std::string upper = v.text;
    for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    std::optional<std::string> near;
    if (std::find(type_names.begin(), type_names.end(), upper) != type_names.end()) {
      near = upper;
    } else {
      near = detail::nearest(v.text, type_names);
    }
    if (near) message += "; did you mean \"" + *near + "\"?";
    diagnostics_.error(v.offset, pointer, std::move(message));
  }

  // The "claimgraph" object of an RA: {"relation": "element-of"} marks the
  // RA that io::write_aif writes for a claim's elements.
  void read_scheme_fields(MapNode& node, const std::string& pointer) {
    const std::string p = field_pointer(pointer, "claimgraph");
    if (!is_fields_object(*node.ext, p)) return;
    for (const auto& m : node.ext->members) {
      const std::string fp = field_pointer(p, m.key);
      if (m.key != "relation") {
        diagnostics_.warning(m.key_offset, fp, "unknown field " + shown(m.key) + " of an RA's claimgraph object; ignored");
        continue;
      }
      if (m.value.type != Type::string) {
        diagnostics_.parse_error(m.value.offset, fp, std::string("expected a string, got ") + describe(m.value));
      } else if (m.value.text == "element-of") {
        node.element_of = true;
      } else if (m.value.text != "supports") {
        constexpr std::array<std::string_view, 2> relations{"supports", "element-of"};
        std::string message = "unknown relation " + shown(m.value.text) + " for an RA; expected " +
                              detail::quoted_list(relations);
        if (auto near = detail::nearest(m.value.text, relations)) message += "; did you mean \"" + *near + "\"?";
        diagnostics_.error(m.value.offset, fp, std::move(message));
      }
    }
  }

  void read_edges() {
    if (edges_value_ == nullptr) return;
    const auto& list = edges_value_->elements;
    edges_.reserve(list.size());
    const bool suggest = nodes_.size() <= 5000;
    std::vector<std::string_view> known;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Value& v = list[i];
      const std::string pointer = edge_pointer(i);
      if (v.type != Type::object) {
        diagnostics_.parse_error(v.offset, pointer,
                                 std::string("expected an edge object such as {\"edgeID\": \"1\", \"fromID\": \"1\", "
                                             "\"toID\": \"2\"}, got ") +
                                     describe(v));
        continue;
      }
      check_duplicate_keys(v, pointer);
      MapEdge edge;
      edge.index = i;
      edge.value = &v;
      edge.ext = member(v, "claimgraph");
      bool bad = false;
      std::array<std::size_t, 2> ends{};
      for (std::size_t k = 0; k < 2; ++k) {
        const std::string_view field = k == 0 ? "fromID" : "toID";
        const Value* end = member(v, field);
        if (end == nullptr) {
          diagnostics_.parse_error(v.offset, pointer, "edge is missing the required field \"" + std::string(field) + "\"");
          bad = true;
          continue;
        }
        const std::string p = field_pointer(pointer, field);
        const auto id = read_id(*end, p, "a node's id");
        if (!id) {
          bad = true;
          continue;
        }
        auto it = ids_.find(*id);
        if (it == ids_.end()) {
          std::string message = "unknown node " + shown(*id);
          if (suggest) {
            if (known.empty()) {
              known.reserve(nodes_.size());
              for (const auto& n : nodes_) known.push_back(n.id);
            }
            if (auto near = detail::nearest(*id, known)) message += "; did you mean \"" + *near + "\"?";
          }
          diagnostics_.error(end->offset, p, std::move(message));
          bad = true;
          continue;
        }
        ends[k] = it->second;
      }
      if (const Value* id = member(v, "edgeID")) {
        const bool integer = id->type == Type::number && id->text.find_first_of(".eE") == std::string::npos;
        if (!integer && id->type != Type::string && id->type != Type::null) {
          diagnostics_.parse_error(id->offset, field_pointer(pointer, "edgeID"),
                                   std::string("expected the edge's id, a string or an integer, got ") + describe(*id));
        }
      }
      if (edge.ext != nullptr) read_edge_fields(*edge.ext, field_pointer(pointer, "claimgraph"));
      if (bad) continue;
      edge.from = ends[0];
      edge.to = ends[1];
      if (edge.from == edge.to) {
        diagnostics_.error(v.offset, pointer,
                           "edge from " + shown(nodes_[edge.from].id) + " to itself; an edge must join two different nodes");
        continue;
      }
      edges_.push_back(edge);
    }
  }

  // Checks the "claimgraph" object of an edge (its fields are taken when
  // the edge leads into an RA or CA).
  void read_edge_fields(const Value& ext, const std::string& pointer) {
    if (!is_fields_object(ext, pointer)) return;
    for (const auto& m : ext.members) {
      const std::string p = field_pointer(pointer, m.key);
      if (m.key == "id") {
        if (m.value.type != Type::string) {
          diagnostics_.parse_error(m.value.offset, p, std::string("expected a string, got ") + describe(m.value));
        } else if (m.value.text.empty()) {
          diagnostics_.error(m.value.offset, p, "an edge id must not be empty");
        } else if (clean_string(m.value, p)) {
          auto [it, added] = edge_ids_.try_emplace(m.value.text, m.value.offset);
          if (!added) {
            diagnostics_.error(m.value.offset, p,
                               "duplicate edge id " + shown(m.value.text) + "; first defined at " +
                                   diagnostics_.location(it->second));
          }
        }
      } else if (m.key == "from" || m.key == "to" || m.key == "relation") {
        diagnostics_.error(m.key_offset, p, "\"" + m.key + "\" cannot be set here: the AIF edges and nodes say it");
      } else if (m.value.type == Type::string) {
        (void)clean_string(m.value, p);
      }
    }
  }

  // The fields of a claimgraph edge kept on the AIF edge `e`: its id and
  // unknown fields.
  void edge_fields(std::size_t e, Produced& p) const {
    const Value* ext = edges_[e].ext;
    if (ext == nullptr || ext->type != Type::object) return;
    for (const auto& m : ext->members) {
      if (m.key == "id") {
        p.id = m.value.text;
      } else {
        p.extra.push_back({m.key, kept(m.value)});
      }
    }
    sort_attributes(p.extra);
  }

  // Sorts every edge into what it means for the scheme nodes.
  void classify() {
    scheme_of_.assign(nodes_.size(), npos);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (scheme(nodes_[i].type)) {
        scheme_of_[i] = schemes_.size();
        schemes_.emplace_back();
      }
    }
    std::array<std::size_t, type_names.size()> dropped_nodes{};
    std::size_t first_dropped = npos;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const MapNode& n = nodes_[i];
      if (dropped(n.type)) {
        ++dropped_nodes[static_cast<std::size_t>(n.type)];
        if (first_dropped == npos) first_dropped = i;
      }
      if (n.ext != nullptr && n.type != NodeType::I && n.type != NodeType::RA) {
        const std::string p = field_pointer(node_pointer(n.index), "claimgraph");
        diagnostics_.warning(n.ext->offset, p,
                             "a \"claimgraph\" object on " + std::string(name(n.type)) +
                                 " nodes means nothing to claimgraph; ignored");
      }
    }
    std::size_t dropped_edges = 0;
    for (std::size_t e = 0; e < edges_.size(); ++e) {
      const MapEdge& edge = edges_[e];
      const MapNode& from = nodes_[edge.from];
      const MapNode& to = nodes_[edge.to];
      const bool premise = from.type == NodeType::I && scheme(to.type);
      if (edge.ext != nullptr && !premise) {
        diagnostics_.warning(edge.ext->offset, field_pointer(edge_pointer(edge.index), "claimgraph"),
                             "a \"claimgraph\" object belongs on an edge from an I-node into an RA or CA node; ignored");
      }
      if (dropped(from.type) || dropped(to.type)) {
        ++dropped_edges;
        continue;
      }
      if (premise) {
        schemes_[scheme_of_[edge.to]].premises.push_back(e);
      } else if (scheme(from.type) && to.type == NodeType::I) {
        schemes_[scheme_of_[edge.from]].conclusions.push_back(e);
      } else if (from.type == NodeType::CA && scheme(to.type)) {
        schemes_[scheme_of_[edge.from]].attacks.push_back(e);
      } else if (from.type == NodeType::I) {
        diagnostics_.warning(edge.value->offset, edge_pointer(edge.index),
                             "an edge from I-node " + shown(from.id) + " to I-node " + shown(to.id) +
                                 " says nothing in AIF, where propositions are joined through RA, CA or MA nodes; "
                                 "dropped");
      } else {
        diagnostics_.warning(edge.value->offset, edge_pointer(edge.index),
                             "an edge from " + described(from) + " to " + described(to) +
                                 " has no counterpart in claimgraph; dropped");
      }
    }
    if (first_dropped != npos) {
      std::vector<std::string> counts;
      for (std::size_t k = 0; k < type_names.size(); ++k) {
        if (dropped_nodes[k] > 0) counts.push_back(number(dropped_nodes[k]) + " " + std::string(type_names[k]));
      }
      std::string list;
      for (std::size_t k = 0; k < counts.size(); ++k) {
        if (k > 0) list += k + 1 == counts.size() ? " and " : ", ";
        list += counts[k];
      }
      std::size_t total = 0;
      for (std::size_t c : dropped_nodes) total += c;
      std::string message = "dropped " + list + (total == 1 ? " node" : " nodes");
      if (dropped_edges > 0) {
        message += " and the " + number(dropped_edges) + (dropped_edges == 1 ? " edge that touches" : " edges that touch");
        message += total == 1 ? " it" : " them";
      }
      message += ": claimgraph has no counterpart for rephrases (MA), preferences (PA) or the dialogue (L, YA, TA)";
      const MapNode& n = nodes_[first_dropped];
      diagnostics_.warning(n.value->offset, node_pointer(n.index), std::move(message));
    }
  }

  // Removes repeated ends from `list` (edges), with a warning for each.
  void drop_repeats(std::vector<std::size_t>& list, bool to, const MapNode& s, const char* what) {
    std::unordered_set<std::size_t> seen;
    std::vector<std::size_t> kept;
    kept.reserve(list.size());
    for (std::size_t e : list) {
      const std::size_t end = to ? edges_[e].to : edges_[e].from;
      if (seen.insert(end).second) {
        kept.push_back(e);
        continue;
      }
      diagnostics_.warning(edges_[e].value->offset, edge_pointer(edges_[e].index),
                           described(s) + " has " + shown(nodes_[end].id) + " as " + what +
                               " twice; the repeat is ignored");
    }
    list = std::move(kept);
  }

  void check_schemes() {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (scheme_of_[i] == npos) continue;
      const MapNode& n = nodes_[i];
      Scheme& s = schemes_[scheme_of_[i]];
      // The elements of a claim may repeat (a parallel edge); premises of an
      // inference or a conflict may not.
      if (!n.element_of) drop_repeats(s.premises, false, n, "a premise");
      drop_repeats(s.conclusions, true, n, n.type == NodeType::RA ? "a conclusion" : "a target");
      drop_repeats(s.attacks, true, n, "a target");
      const std::string pointer = node_pointer(n.index);
      if (n.type == NodeType::RA) {
        if (s.premises.empty()) {
          diagnostics_.error(n.value->offset, pointer,
                             "the inference " + shown(n.id) + " (RA) has no premise: no edge leads into it from an I-node");
        }
        if (s.conclusions.empty()) {
          diagnostics_.error(n.value->offset, pointer,
                             "the inference " + shown(n.id) + " (RA) has no conclusion: no edge leads from it to an I-node");
        }
        s.linked = !n.element_of && s.premises.size() > 1;
      } else {
        if (s.premises.empty()) {
          diagnostics_.error(n.value->offset, pointer,
                             "the conflict " + shown(n.id) + " (CA) has no premise: no edge leads into it from an I-node");
        }
        if (s.conclusions.empty() && s.attacks.empty()) {
          diagnostics_.error(n.value->offset, pointer,
                             "the conflict " + shown(n.id) +
                                 " (CA) attacks nothing: no edge leads from it to an I-node, an RA or a CA");
        }
        s.linked = s.premises.size() > 1;
      }
    }
  }

  // The graph's nodes, in map order: the I-nodes, and a node for each RA or
  // CA with linked premises.
  void make_nodes() {
    std::vector<bool> concluded(nodes_.size(), false);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].type != NodeType::RA) continue;
      for (std::size_t e : schemes_[scheme_of_[i]].conclusions) concluded[edges_[e].to] = true;
    }
    vertex_.assign(nodes_.size(), npos);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const MapNode& n = nodes_[i];
      if (n.type == NodeType::I) {
        Node node = std::move(nodes_[i].fields);
        node.id = n.id;
        if (!n.kind_given) node.kind = concluded[i] ? NodeKind::claim : NodeKind::evidence;
        const std::string pointer = node_pointer(n.index);
        const bool blank = std::all_of(n.text->text.begin(), n.text->text.end(),
                                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
        if (blank) {
          diagnostics_.warning(n.text->offset, field_pointer(pointer, "text"),
                               "I-node " + shown(n.id) + " has no text; its id is its label");
          node.label = n.id;
        } else {
          node.label = n.text->text;
        }
        vertex_[i] = graph_.add_node(std::move(node));
      } else if (scheme_of_[i] != npos && schemes_[scheme_of_[i]].linked) {
        Node node;
        node.id = n.id;
        node.kind = NodeKind::claim;
        const bool blank = n.text == nullptr || std::all_of(n.text->text.begin(), n.text->text.end(), [](char c) {
                             return c == ' ' || c == '\t' || c == '\n' || c == '\r';
                           });
        node.label = !blank ? n.text->text : n.type == NodeType::RA ? "Linked premises" : "Linked conflict";
        vertex_[i] = graph_.add_node(std::move(node));
        schemes_[scheme_of_[i]].vertex = vertex_[i];
      }
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (scheme_of_[i] == npos) continue;
      Scheme& s = schemes_[scheme_of_[i]];
      if (!s.linked && !s.premises.empty()) s.vertex = vertex_[edges_[s.premises.front()].from];
    }
  }

  // The "claimgraph" object of an I-node: the case file's node fields but
  // id and label (the nodeID and the text). Returns whether it gives the kind.
  bool read_node_fields(const Value& ext, const std::string& pointer, Node& node) {
    if (!is_fields_object(ext, pointer)) return false;
    bool kind_given = false;
    for (const auto& m : ext.members) {
      const std::string p = field_pointer(pointer, m.key);
      const Value& v = m.value;
      const auto field = std::find(node_field_names.begin(), node_field_names.end(), m.key);
      if (m.key == "id" || m.key == "label") {
        diagnostics_.error(m.key_offset, p,
                           "\"" + m.key + "\" cannot be set here: a node's id is its \"nodeID\" and its label its \"text\"");
        continue;
      }
      if (field == node_field_names.end()) {
        if (v.type != Type::string || clean_string(v, p)) node.extra.push_back({m.key, kept(v)});
        continue;
      }
      if (m.key == "weight") {
        double w = -1;
        if (v.type == Type::number) {
          auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), w);
          if (ec != std::errc() || end != v.text.data() + v.text.size()) w = -1;
        }
        if (v.type != Type::number) {
          diagnostics_.parse_error(v.offset, p, std::string("expected a number between 0 and 1, got ") + describe(v));
        } else if (!(w >= 0.0 && w <= 1.0)) {
          diagnostics_.error(v.offset, p, "weight " + v.text + " is out of range; a weight is a number between 0 and 1");
        } else {
          node.weight = w;
        }
        continue;
      }
      if (m.key == "tags") {
        if (v.type != Type::array) {
          diagnostics_.parse_error(v.offset, p, std::string("expected an array of strings, got ") + describe(v));
          continue;
        }
        node.tags.emplace();
        for (std::size_t k = 0; k < v.elements.size(); ++k) {
          const Value& tag = v.elements[k];
          const std::string tp = p + "/" + number(k);
          if (tag.type != Type::string) {
            diagnostics_.parse_error(tag.offset, tp, std::string("expected a string, got ") + describe(tag));
          } else if (clean_string(tag, tp)) {
            node.tags->push_back(tag.text);
          }
        }
        continue;
      }
      if (v.type != Type::string) {
        diagnostics_.parse_error(v.offset, p, std::string("expected a string, got ") + describe(v));
        continue;
      }
      if (!clean_string(v, p)) continue;
      if (m.key == "kind") {
        if (auto kind = parse_node_kind(v.text)) {
          node.kind = *kind;
          kind_given = true;
        } else {
          std::array<std::string_view, 3> names{};
          for (std::size_t k = 0; k < names.size(); ++k) names[k] = to_string(all_node_kinds()[k]);
          std::string message = "unknown kind " + shown(v.text) + "; expected " + detail::quoted_list(names);
          if (auto near = detail::nearest(v.text, names)) message += "; did you mean \"" + *near + "\"?";
          diagnostics_.error(v.offset, p, std::move(message));
        }
      } else if (m.key == "standard") {
        if (auto standard = parse_standard(v.text)) {
          node.standard = *standard;
        } else {
          std::array<std::string_view, 4> names{};
          for (std::size_t k = 0; k < names.size(); ++k) names[k] = to_string(all_standards()[k]);
          std::string message = "unknown standard of proof " + shown(v.text) + "; expected " + detail::quoted_list(names);
          if (auto near = detail::nearest(v.text, names)) message += "; did you mean \"" + *near + "\"?";
          diagnostics_.error(v.offset, p, std::move(message));
        }
      } else if (m.key == "text") {
        node.text = v.text;
      } else if (m.key == "party") {
        node.party = v.text;
      } else if (m.key == "group") {
        node.group = v.text;
      } else if (m.key == "source") {
        node.source = v.text;
      } else {
        node.burden = v.text;
      }
    }
    sort_attributes(node.extra);
    return kind_given;
  }

  Produced& produce(std::size_t order, std::size_t then, std::size_t from, std::size_t to, Relation relation) {
    if (produced_.size() >= options_.limits.max_edges) {
      diagnostics_.fatal_parse(edges_[order].value->offset, edge_pointer(edges_[order].index), Limit::edges,
                               "more than " + number(options_.limits.max_edges) + " edges in the graph");
    }
    Produced& p = produced_.emplace_back();
    p.order = order;
    p.then = then;
    p.from = from;
    p.to = to;
    p.relation = relation;
    return p;
  }

  // The fields kept on premise edge `e` go to the one graph edge it gives.
  void take_fields(std::size_t e, Produced& p, std::size_t gives) {
    edge_fields(e, p);
    if (p.id && gives > 1) {
      const Value* id = member(*edges_[e].ext, "id");
      diagnostics_.error(id->offset, field_pointer(field_pointer(edge_pointer(edges_[e].index), "claimgraph"), "id"),
                         "the edge id " + shown(*p.id) + " would name " + number(gives) +
                             " edges of the graph; an edge id names one");
      p.id.reset();
    }
  }

  // The graph's edges, each ordered by the AIF edge that carries it: the
  // edge into the RA or CA from the premise (or, for a linked node's own
  // support, the edge out to the conclusion).
  void make_edges() {
    // Inferences first: undercuts name the supports edges they give.
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].type == NodeType::RA) make_inference(i);
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].type == NodeType::CA) make_conflict(i);
    }
  }

  void link_premises(const Scheme& s) {
    for (std::size_t e : s.premises) {
      Produced& p = produce(e, 0, vertex_[edges_[e].from], s.vertex, Relation::element_of);
      take_fields(e, p, 1);
    }
  }

  void make_inference(std::size_t i) {
    const MapNode& n = nodes_[i];
    Scheme& s = schemes_[scheme_of_[i]];
    if (n.element_of) {
      for (std::size_t pe : s.premises) {
        for (std::size_t ce : s.conclusions) {
          if (!distinct(pe, ce, n)) continue;
          Produced& p = produce(pe, ce, vertex_[edges_[pe].from], vertex_[edges_[ce].to], Relation::element_of);
          take_fields(pe, p, s.conclusions.size());
        }
      }
      return;
    }
    if (s.linked) link_premises(s);
    for (std::size_t ce : s.conclusions) {
      const std::size_t order = s.linked ? ce : s.premises.front();
      if (!s.linked && !distinct(s.premises.front(), ce, n)) continue;
      s.supports.push_back(produced_.size());
      Produced& p = produce(order, ce, s.vertex, vertex_[edges_[ce].to], Relation::supports);
      p.ra = i;
      if (!s.linked) take_fields(s.premises.front(), p, s.conclusions.size());
    }
  }

  // Whether premise edge `pe` and conclusion edge `ce` of an inference join
  // two nodes; reported when they do not.
  bool distinct(std::size_t pe, std::size_t ce, const MapNode& n) {
    if (edges_[pe].from != edges_[ce].to) return true;
    diagnostics_.error(edges_[ce].value->offset, edge_pointer(edges_[ce].index),
                       "the inference " + shown(n.id) + " (RA) concludes its own premise " +
                           shown(nodes_[edges_[ce].to].id) + "; an edge must join two different nodes");
    return false;
  }

  void make_conflict(std::size_t i) {
    const MapNode& n = nodes_[i];
    const Scheme& s = schemes_[scheme_of_[i]];
    if (s.linked) link_premises(s);
    // How many edges of the graph the premise's edge gives.
    std::size_t gives = s.conclusions.size();
    for (std::size_t ae : s.attacks) {
      const MapNode& attacked = nodes_[edges_[ae].to];
      gives += attacked.type == NodeType::RA ? schemes_[scheme_of_[edges_[ae].to]].supports.size() : 1;
    }
    const std::string& attacker = graph_.node(s.vertex).id;
    for (std::size_t ce : s.conclusions) {
      const Graph::NodeRef to = vertex_[edges_[ce].to];
      if (to == s.vertex) {
        diagnostics_.error(edges_[ce].value->offset, edge_pointer(edges_[ce].index),
                           "the conflict " + shown(n.id) + " (CA) makes " + shown(attacker) +
                               " attack itself, which a case file cannot hold");
        continue;
      }
      Produced& p = produce(s.linked ? ce : s.premises.front(), ce, s.vertex, to, Relation::contradicts);
      if (!s.linked) take_fields(s.premises.front(), p, gives);
    }
    for (std::size_t ae : s.attacks) {
      const std::size_t target = edges_[ae].to;
      const MapNode& attacked = nodes_[target];
      const Scheme& t = schemes_[scheme_of_[target]];
      const std::size_t order = s.linked ? ae : s.premises.front();
      if (attacked.type == NodeType::RA) {
        if (attacked.element_of) {
          diagnostics_.error(edges_[ae].value->offset, edge_pointer(edges_[ae].index),
                             "the conflict " + shown(n.id) + " (CA) attacks the RA " + shown(attacked.id) +
                                 ", which stands for element-of edges; only supports edges can be undercut");
          continue;
        }
        for (std::size_t k = 0; k < t.supports.size(); ++k) {
          const std::size_t support = t.supports[k];
          if (produced_[support].to == s.vertex) {
            diagnostics_.error(edges_[ae].value->offset, edge_pointer(edges_[ae].index),
                               "the conflict " + shown(n.id) + " (CA) makes " + shown(attacker) +
                                   " undercut a support of itself; an undercut must come from another node");
            continue;
          }
          Produced& p = produce(order, ae, s.vertex, produced_[support].to, Relation::undercuts);
          p.undercut = support;
          if (!s.linked) take_fields(s.premises.front(), p, gives);
        }
        continue;
      }
      // An attack on a conflict: claimgraph has no attacks on edges other
      // than supports, so it becomes an attack on the conflict's premise.
      const Graph::NodeRef to = t.vertex;
      if (to == s.vertex) {
        diagnostics_.warning(edges_[ae].value->offset, edge_pointer(edges_[ae].index),
                             "the conflict " + shown(n.id) + " (CA) attacks the conflict " + shown(attacked.id) +
                                 " (CA) from its own premise " + shown(attacker) + "; dropped");
        continue;
      }
      diagnostics_.warning(edges_[ae].value->offset, edge_pointer(edges_[ae].index),
                           "the conflict " + shown(n.id) + " (CA) attacks the conflict " + shown(attacked.id) +
                               " (CA), an attack on an attack, which claimgraph cannot hold; kept as " +
                               shown(attacker) + " contradicts " + shown(graph_.node(to).id) + ", the premise of " +
                               shown(attacked.id));
      Produced& p = produce(order, ae, s.vertex, to, Relation::contradicts);
      if (!s.linked) take_fields(s.premises.front(), p, gives);
    }
  }

  // Every supports edge that is undercut needs an id for a case file to name
  // it: the RA's nodeID, made unique.
  void name_undercut_targets() {
    std::unordered_set<std::string> taken;
    for (const auto& p : produced_) {
      if (p.id) taken.insert(*p.id);
    }
    for (const auto& p : produced_) {
      if (p.relation != Relation::undercuts) continue;
      Produced& target = produced_[p.undercut];
      if (target.id) continue;
      const std::string base = nodes_[target.ra].id;
      std::string id = base;
      for (std::size_t k = 2; taken.contains(id); ++k) {
        id = base;
        id += '_';
        id += std::to_string(k);
      }
      taken.insert(id);
      target.id = std::move(id);
    }
  }

  void add_edges() {
    std::vector<std::size_t> order(produced_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const Produced& x = produced_[a];
      const Produced& y = produced_[b];
      return x.order != y.order ? x.order < y.order : x.then < y.then;
    });
    std::vector<std::size_t> position(produced_.size());
    for (std::size_t k = 0; k < order.size(); ++k) position[order[k]] = k;
    std::vector<Graph::EdgeSpec> specs;
    specs.reserve(produced_.size());
    for (std::size_t k : order) {
      Produced& p = produced_[k];
      Graph::EdgeSpec spec{p.from, p.to, p.relation, std::move(p.extra), std::move(p.id)};
      if (p.relation == Relation::undercuts) spec.undercut = position[p.undercut];
      specs.push_back(std::move(spec));
    }
    graph_.add_edges(std::move(specs));
  }

  std::string_view text_;
  const Value& root_;
  Diagnostics& diagnostics_;
  const ReadOptions& options_;

  const Value* map_ = nullptr;
  const Value* nodes_value_ = nullptr;
  const Value* edges_value_ = nullptr;
  std::string prefix_;  // "/AIF" for an xAIF file
  std::vector<MapNode> nodes_;
  std::unordered_map<std::string, std::size_t> ids_;
  std::vector<MapEdge> edges_;
  std::unordered_map<std::string, std::size_t> edge_ids_;  // claimgraph edge ids, where each is written
  std::vector<std::size_t> scheme_of_;                      // per node: index into schemes_, or npos
  std::vector<Scheme> schemes_;
  std::vector<Graph::NodeRef> vertex_;  // per node: its vertex in the graph, or npos
  std::vector<Produced> produced_;
  Graph graph_;
};

// Reads the document, then the map.
ReadResult read(std::string_view text, const ReadOptions& options) {
  // A UTF-8 byte-order mark is allowed; other encodings are named.
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.substr(0, 3) == bom) text.remove_prefix(3);
  Diagnostics diagnostics(text, options);
  const bool utf16 = (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) ||
                     (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'));
  const bool blank =
      std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  Graph graph;
  bool stopped = false;
  try {
    if (text.size() > options.limits.max_input_bytes) {
      diagnostics.parse_error(0, "",
                              "input of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                                  std::to_string(options.limits.max_input_bytes) + " bytes",
                              Limit::input_bytes);
    } else if (utf16) {
      diagnostics.parse_error(0, "", "the file looks like UTF-16 or UTF-32; AIF maps must be encoded as UTF-8");
    } else if (blank) {
      diagnostics.parse_error(0, "", "the file is empty; an AIF map is a JSON object such as {\"nodes\": [...], \"edges\": [...]}");
    } else {
      TreeBuilder tree(diagnostics, options.limits);
      detail::JsonParser<TreeBuilder> parser(text, tree);
      if (parser.parse() == detail::JsonParseStatus::syntax_error) {
        diagnostics.parse_error(parser.error().offset, "", "malformed JSON: " + parser.error().message);
      } else if (!diagnostics.failed()) {
        graph = MapReader(text, tree.root, diagnostics, options).run();
      }
    }
  } catch (const TooManyErrors&) {
    stopped = true;
  } catch (const Fatal&) {
  }
  auto warnings = diagnostics.finish(stopped);
  return ReadResult{std::move(graph), std::move(warnings)};
}

// --- telling an AIF map from a case file -----------------------------------------------

class Sniffer {
 public:
  explicit Sniffer(std::size_t max_depth) : max_depth_(max_depth) {}

  enum class Verdict : std::uint8_t { unknown, aif, case_file };
  Verdict verdict = Verdict::unknown;

  bool null(std::size_t) { return scalar(false); }
  bool boolean(bool, std::size_t) { return scalar(false); }
  bool number(std::string_view, std::size_t) { return scalar(true); }
  bool string(std::string_view, std::size_t) { return scalar(false); }
  bool key(std::string_view k, std::size_t) {
    if (depth_ == 1) {
      top_key_.assign(k);
      if (k == "AIF" || k == "locutions") return decide(Verdict::aif);
    } else if (depth_ == 3 && first_element_ && (in_ == In::nodes || in_ == In::edges)) {
      if (in_ == In::nodes && k == "nodeID") return decide(Verdict::aif);
      if (in_ == In::nodes && k == "id") return decide(Verdict::case_file);
      if (in_ == In::edges && (k == "fromID" || k == "toID")) return decide(Verdict::aif);
      if (in_ == In::edges && (k == "from" || k == "to")) return decide(Verdict::case_file);
    }
    return true;
  }
  bool start_object(std::size_t) { return open(false); }
  bool start_array(std::size_t) { return open(true); }
  bool end_object(std::size_t) { return close(); }
  bool end_array(std::size_t) { return close(); }

 private:
  enum class In : std::uint8_t { other, nodes, edges };

  bool decide(Verdict v) {
    verdict = v;
    return false;  // stop reading
  }
  bool scalar(bool is_number) {
    // "claimgraph": 1 at the top is a case file's version.
    if (depth_ == 1 && top_key_ == "claimgraph" && is_number) return decide(Verdict::case_file);
    return true;
  }
  bool open(bool array) {
    if (depth_ == 0 && array) return decide(Verdict::case_file);  // neither; let the case-file reader say so
    if (++depth_ > max_depth_) return false;
    if (depth_ == 2 && array) {
      in_ = top_key_ == "nodes" ? In::nodes : top_key_ == "edges" ? In::edges : In::other;
      first_element_ = true;
    }
    return true;
  }
  bool close() {
    if (depth_ == 3) first_element_ = false;  // only the first node or edge is looked at
    if (depth_ == 2) in_ = In::other;
    --depth_;
    return true;
  }

  std::size_t max_depth_;
  std::size_t depth_ = 0;
  std::string top_key_;
  In in_ = In::other;
  bool first_element_ = false;
};

}  // namespace

bool looks_like_aif(std::string_view text, std::size_t max_depth) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.substr(0, 3) == bom) text.remove_prefix(3);
  Sniffer sniffer(max_depth);
  detail::JsonParser<Sniffer> parser(text, sniffer);
  (void)parser.parse();
  return sniffer.verdict == Sniffer::Verdict::aif;
}

ReadResult read_aif(std::string_view text, const ReadOptions& options) { return read(text, options); }

ReadResult read_aif(std::istream& in, const ReadOptions& options) { return read_stream(in, options, read_aif); }

}  // namespace claimgraph::io
