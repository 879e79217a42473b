#include "io/aif/tree.hpp"

#include <utility>

#include "detail/json_parser.hpp"
#include "detail/json_pointer.hpp"
#include "detail/text.hpp"

namespace claimgraph::io::aif {

namespace {

// Values nested deeper than this (counting the document as 0) are kept only
// as their place; nothing the mapping reads lies deeper (the deepest is a
// citation of an I-node in an xAIF file: AIF, nodes, node, claimgraph,
// cite, citation), and a bounded tree is safe to walk and free by
// recursion.
constexpr std::size_t max_tree_depth = 7;

// Builds the tree from the events of detail::JsonParser.
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

  // Whether the open object is the map: the document, or its "AIF" member.
  [[nodiscard]] bool in_map() const {
    return stack_.size() == 1 || (stack_.size() == 2 && stack_[1].token == "AIF");
  }

  // Whether the next value is kept: at the top, and in an "AIF" object,
  // only the members the mapping reads.
  [[nodiscard]] Place place() const {
    if (stack_.empty()) return Place::build;
    const Open& parent = stack_.back();
    if (parent.value->type != Type::object) return Place::build;
    if (!in_map()) return Place::build;
    if (key_ == "nodes" || key_ == "edges" || key_ == "claimgraph") return Place::build;
    return stack_.size() == 1 && key_ == "AIF" ? Place::build : Place::skip;
  }

  // How the next value is reached from the open one: its key or its index.
  [[nodiscard]] std::string next_token() const {
    const Value& parent = *stack_.back().value;
    return parent.type == Type::object ? key_ : std::to_string(parent.elements.size());
  }

  [[nodiscard]] std::string next_pointer() const {
    std::string out;
    for (std::size_t i = 1; i < stack_.size(); ++i) {
      out += '/';
      out += detail::escape_pointer_token(stack_[i].token);
    }
    if (!stack_.empty()) {
      out += "/";
      out += detail::escape_pointer_token(next_token());
    }
    return out;
  }

  void too_long(std::size_t size, std::size_t at, std::string pointer) {
    diagnostics_.error(at, std::move(pointer),
                       "string of " + std::to_string(size) + " bytes exceeds the limit of " +
                           std::to_string(limits_.max_string_bytes) + " bytes",
                       Limit::string_bytes);
  }

  // Stops the read when the open array of nodes or edges is full.
  void check_count(const Open& parent, const Value& v) {
    const std::size_t count = parent.value->elements.size();
    if (parent.role == Role::nodes && count >= limits_.max_nodes) {
      diagnostics_.fatal_parse(v.offset, next_pointer(), Limit::nodes,
                               "more than " + std::to_string(limits_.max_nodes) + " nodes");
    }
    if (parent.role == Role::edges && count >= limits_.max_edges) {
      diagnostics_.fatal_parse(v.offset, next_pointer(), Limit::edges,
                               "more than " + std::to_string(limits_.max_edges) + " edges");
    }
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
    check_count(parent, v);
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

  // What an array about to open holds: the map's "nodes" or "edges".
  [[nodiscard]] Role next_role(Type type) const {
    if (stack_.empty() || !in_map() || stack_.back().value->type != Type::object || type != Type::array) {
      return Role::other;
    }
    return key_ == "nodes" ? Role::nodes : key_ == "edges" ? Role::edges : Role::other;
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
    if (stack_.size() >= max_tree_depth) {
      shallow_ = attach(std::move(v));
      skip_depth_ = 1;
      return true;
    }
    std::string token = stack_.empty() ? std::string() : next_token();
    const Role role = next_role(type);
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

// Whether the text is in UTF-16 or UTF-32 (a byte-order mark, or a NUL
// among the first two bytes, which JSON in UTF-8 cannot have).
bool wide_encoding(std::string_view text) {
  if (text.size() < 2) return false;
  return (text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF') || text[0] == '\0' ||
         text[1] == '\0';
}

// Reports a text that cannot be an AIF map before it is parsed.
bool check_text(std::string_view text, Diagnostics& diagnostics, const Limits& limits) {
  if (text.size() > limits.max_input_bytes) {
    diagnostics.parse_error(0, "",
                            "input of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                                std::to_string(limits.max_input_bytes) + " bytes",
                            Limit::input_bytes);
    return false;
  }
  if (wide_encoding(text)) {
    diagnostics.parse_error(0, "", "the file looks like UTF-16 or UTF-32; AIF maps must be encoded as UTF-8");
    return false;
  }
  if (detail::only_whitespace(text)) {
    diagnostics.parse_error(0, "",
                            "the file is empty; an AIF map is a JSON object such as {\"nodes\": [...], \"edges\": [...]}");
    return false;
  }
  return true;
}

}  // namespace

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

const Value* member(const Value& object, std::string_view key) {
  for (const auto& m : object.members) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

std::optional<Value> read_tree(std::string_view text, Diagnostics& diagnostics, const Limits& limits) {
  if (!check_text(text, diagnostics, limits)) return std::nullopt;
  TreeBuilder tree(diagnostics, limits);
  detail::JsonParser<TreeBuilder> parser(text, tree);
  if (parser.parse() == detail::JsonParseStatus::syntax_error) {
    diagnostics.parse_error(parser.error().offset, "", "malformed JSON: " + parser.error().message);
    return std::nullopt;
  }
  if (diagnostics.failed()) return std::nullopt;
  return std::move(tree.root);
}

}  // namespace claimgraph::io::aif
