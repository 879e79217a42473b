// The "claimgraph" objects that io::write_aif adds to a map to carry what
// AIF has no place for: on the map the case file's title, description and
// other top-level fields, on an I-node its kind and the case file's other
// node fields (its citations among them), on an RA the relation it stands for, on the edge from a
// premise the claimgraph edge's id and unknown fields.

#include <algorithm>
#include <array>
#include <charconv>
#include <nlohmann/json.hpp>
#include <span>
#include <system_error>
#include <utility>

#include "claimgraph/io/case_fields.hpp"
#include "claimgraph/suggest.hpp"
#include "detail/canonical_json.hpp"
#include "detail/text.hpp"
#include "io/aif/map.hpp"
#include "io/citation_fields.hpp"

namespace claimgraph::io::aif {

using detail::shown;

namespace {

constexpr std::string_view fields_object = "an object of claimgraph fields";

constexpr std::array<std::string_view, 13> node_field_names{"kind",     "text",   "party", "group",  "source",
                                                            "cite",     "weight", "standard", "burden", "test",
                                                            "scheme",   "tags",   "privileged"};

// The node fields that are plain strings.
struct TextField {
  std::string_view name;
  OptionalString Node::*member;
};
constexpr std::array<TextField, 6> text_fields{{{"text", &Node::text},
                                                {"party", &Node::party},
                                                {"group", &Node::group},
                                                {"source", &Node::source},
                                                {"burden", &Node::burden},
                                                {"scheme", &Node::scheme}}};

void sort_attributes(Attributes& a) {
  std::stable_sort(a.begin(), a.end(), [](const Attribute& x, const Attribute& y) { return x.key < y.key; });
}

// A value kept as canonical JSON text.
std::string kept(const Context& cx, const Value& v) {
  switch (v.type) {
    case Type::null: return "null";
    case Type::boolean: return v.text;
    case Type::number: return detail::canonical(v.text);
    case Type::string: return nlohmann::json(v.text).dump();
    default: return detail::canonical(cx.text.substr(v.offset, v.end + 1 - v.offset));
  }
}

// "; expected "a", "b" or "c"", and a suggestion when `value` is near one.
std::string expected_one_of(std::string_view value, std::span<const std::string_view> names) {
  return "; expected " + detail::quoted_list(names) + did_you_mean(value, names);
}

// A node's weight: a number between 0 and 1.
void read_weight(Context& cx, const Value& v, const std::string& pointer, Node& node) {
  double w = -1;
  if (v.type == Type::number) {
    auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), w);
    if (ec != std::errc() || end != v.text.data() + v.text.size()) w = -1;
  }
  if (v.type != Type::number) {
    wrong_type(cx, v, pointer, "a number between 0 and 1");
  } else if (!(w >= 0.0 && w <= 1.0)) {
    cx.diagnostics.error(v.offset, pointer, "weight " + v.text + " is out of range; a weight is a number between 0 and 1");
  } else {
    node.weight = w;
  }
}

// A node's tags: an array of strings.
void read_tags(Context& cx, const Value& v, const std::string& pointer, Node& node) {
  if (v.type != Type::array) {
    wrong_type(cx, v, pointer, "an array of strings");
    return;
  }
  node.tags.emplace();
  for (std::size_t k = 0; k < v.elements.size(); ++k) {
    const Value& tag = v.elements[k];
    const std::string tag_pointer = pointer + "/" + std::to_string(k);
    if (tag.type != Type::string) {
      wrong_type(cx, tag, tag_pointer, "a string");
    } else if (clean_string(cx, tag, tag_pointer)) {
      node.tags->push_back(tag.text);
    }
  }
}

// One citation: an object of the citation fields, checked as a case
// file's are; unknown fields are kept.
void read_citation(Context& cx, const Value& v, const std::string& pointer, Node& node) {
  if (!is_object(cx, v, pointer, "a citation object such as {\"exhibit\": \"PX-12\", \"pin\": \"at 4\"}")) return;
  Citation c;
  bool bad = false;
  for (const auto& m : v.members) {
    const std::string p = field_pointer(pointer, m.key);
    const CaseField* field = find_case_field(FieldPlace::citation, m.key);
    if (field == nullptr) {
      if (m.value.type != Type::string || clean_string(cx, m.value, p)) c.extra.push_back({m.key, kept(cx, m.value)});
      continue;
    }
    if (m.value.type != Type::string) {
      wrong_type(cx, m.value, p, "a string");
      bad = true;
    } else if (!clean_string(cx, m.value, p)) {
      bad = true;
    } else if (auto problem = citation_value_problem(*field, m.value.text)) {
      cx.diagnostics.error(m.value.offset, p, std::move(*problem));
      bad = true;
    } else if (auto* member = citation_member(c, field->key)) {
      *member = m.value.text;
    }
  }
  sort_attributes(c.extra);
  if (!bad && !names_what_it_cites(c)) cx.diagnostics.error(v.offset, pointer, std::string(unnamed_citation));
  node.cite.push_back(std::move(c));
}

// A node's citations: one citation object, or an array of them.
void read_citations(Context& cx, const Value& v, const std::string& pointer, Node& node) {
  if (v.type == Type::object) {
    read_citation(cx, v, pointer, node);
  } else if (v.type == Type::array) {
    for (std::size_t k = 0; k < v.elements.size(); ++k) {
      read_citation(cx, v.elements[k], pointer + "/" + std::to_string(k), node);
    }
  } else {
    wrong_type(cx, v, pointer, expected_value(case_field(FieldKey::cite)));
  }
}

// A node's kind; returns whether it is one.
bool read_kind(Context& cx, const Value& v, const std::string& pointer, Node& node) {
  if (auto kind = parse_node_kind(v.text)) {
    node.kind = *kind;
    return true;
  }
  std::array<std::string_view, 3> names{};
  for (std::size_t k = 0; k < names.size(); ++k) names[k] = to_string(all_node_kinds()[k]);
  cx.diagnostics.error(v.offset, pointer, "unknown kind " + shown(v.text) + expected_one_of(v.text, names));
  return false;
}

void read_standard(Context& cx, const Value& v, const std::string& pointer, Node& node) {
  if (auto standard = parse_standard(v.text)) {
    node.standard = *standard;
    return;
  }
  std::array<std::string_view, 4> names{};
  for (std::size_t k = 0; k < names.size(); ++k) names[k] = to_string(all_standards()[k]);
  cx.diagnostics.error(v.offset, pointer, "unknown standard of proof " + shown(v.text) + expected_one_of(v.text, names));
}

void read_test(Context& cx, const Value& v, const std::string& pointer, Node& node) {
  if (auto test = parse_element_test(v.text)) {
    node.test = *test;
    return;
  }
  std::array<std::string_view, 3> names{};
  for (std::size_t k = 0; k < names.size(); ++k) names[k] = to_string(all_element_tests()[k]);
  cx.diagnostics.error(v.offset, pointer, "unknown test of elements " + shown(v.text) + expected_one_of(v.text, names));
}

// A node field whose value is a string: the kind, the standard, the test or a text
// field. Returns whether it gives the kind.
bool read_string_field(Context& cx, const Member& m, const std::string& pointer, Node& node) {
  const Value& v = m.value;
  if (v.type != Type::string) {
    wrong_type(cx, v, pointer, "a string");
    return false;
  }
  if (!clean_string(cx, v, pointer)) return false;
  if (m.key == "kind") return read_kind(cx, v, pointer, node);
  if (m.key == "standard") {
    read_standard(cx, v, pointer, node);
    return false;
  }
  if (m.key == "test") {
    read_test(cx, v, pointer, node);
    return false;
  }
  for (const auto& field : text_fields) {
    if (m.key == field.name) node.*field.member = v.text;
  }
  return false;
}

}  // namespace

void read_map_fields(Context& cx, const Value& ext, Graph& graph) {
  const std::string pointer = cx.prefix + "/claimgraph";
  if (!is_object(cx, ext, pointer, fields_object)) return;
  for (const auto& m : ext.members) {
    const std::string p = field_pointer(pointer, m.key);
    if (m.key == "title" || m.key == "description") {
      if (m.value.type != Type::string) {
        wrong_type(cx, m.value, p, "a string");
      } else if (clean_string(cx, m.value, p)) {
        (m.key == "title" ? graph.title : graph.description) = m.value.text;
      }
    } else if (m.key == "claimgraph" || m.key == "nodes" || m.key == "edges") {
      cx.diagnostics.error(m.key_offset, p,
                           "\"" + m.key + "\" cannot be set here: the map's own nodes and edges make the graph");
    } else if (m.value.type != Type::string || clean_string(cx, m.value, p)) {
      graph.extra.push_back({m.key, kept(cx, m.value)});
    }
  }
  sort_attributes(graph.extra);
}

bool read_node_fields(Context& cx, const Value& ext, const std::string& pointer, Node& node) {
  if (!is_object(cx, ext, pointer, fields_object)) return false;
  bool kind_given = false;
  for (const auto& m : ext.members) {
    const std::string p = field_pointer(pointer, m.key);
    if (m.key == "id" || m.key == "label") {
      cx.diagnostics.error(m.key_offset, p,
                           "\"" + m.key + "\" cannot be set here: a node's id is its \"nodeID\" and its label its \"text\"");
    } else if (std::find(node_field_names.begin(), node_field_names.end(), m.key) == node_field_names.end()) {
      if (m.value.type != Type::string || clean_string(cx, m.value, p)) node.extra.push_back({m.key, kept(cx, m.value)});
    } else if (m.key == "weight") {
      read_weight(cx, m.value, p, node);
    } else if (m.key == "tags") {
      read_tags(cx, m.value, p, node);
    } else if (m.key == "cite") {
      read_citations(cx, m.value, p, node);
    } else if (m.key == "privileged") {
      if (m.value.type == Type::boolean) {
        node.privileged = m.value.text == "true";
      } else {
        wrong_type(cx, m.value, p, "a boolean");
      }
    } else if (read_string_field(cx, m, p, node)) {
      kind_given = true;
    }
  }
  sort_attributes(node.extra);
  return kind_given;
}

bool read_scheme_fields(Context& cx, const Value& ext, const std::string& pointer) {
  if (!is_object(cx, ext, pointer, fields_object)) return false;
  bool element_of = false;
  for (const auto& m : ext.members) {
    const std::string p = field_pointer(pointer, m.key);
    if (m.key != "relation") {
      cx.diagnostics.warning(m.key_offset, p, "unknown field " + shown(m.key) + " of an RA's claimgraph object; ignored");
      continue;
    }
    if (m.value.type != Type::string) {
      wrong_type(cx, m.value, p, "a string");
    } else if (m.value.text == "element-of") {
      element_of = true;
    } else if (m.value.text != "supports") {
      constexpr std::array<std::string_view, 2> relations{"supports", "element-of"};
      cx.diagnostics.error(m.value.offset, p,
                           "unknown relation " + shown(m.value.text) + " for an RA" +
                               expected_one_of(m.value.text, relations));
    }
  }
  return element_of;
}

void read_edge_fields(Context& cx, const Value& ext, const std::string& pointer,
                      std::unordered_map<std::string, std::size_t>& edge_ids) {
  if (!is_object(cx, ext, pointer, fields_object)) return;
  for (const auto& m : ext.members) {
    const std::string p = field_pointer(pointer, m.key);
    if (m.key == "id") {
      if (m.value.type != Type::string) {
        wrong_type(cx, m.value, p, "a string");
      } else if (m.value.text.empty()) {
        cx.diagnostics.error(m.value.offset, p, "an edge id must not be empty");
      } else if (clean_string(cx, m.value, p)) {
        auto [it, added] = edge_ids.try_emplace(m.value.text, m.value.offset);
        if (!added) {
          cx.diagnostics.error(m.value.offset, p,
                               "duplicate edge id " + shown(m.value.text) + "; first defined at " +
                                   cx.diagnostics.location(it->second));
        }
      }
    } else if (m.key == "from" || m.key == "to" || m.key == "relation") {
      cx.diagnostics.error(m.key_offset, p, "\"" + m.key + "\" cannot be set here: the AIF edges and nodes say it");
    } else if (m.value.type == Type::string) {
      (void)clean_string(cx, m.value, p);
    }
  }
}

void take_edge_fields(const Context& cx, const Value* ext, std::optional<std::string>& id, Attributes& extra) {
  if (ext == nullptr || ext->type != Type::object) return;
  for (const auto& m : ext->members) {
    if (m.key == "id") {
      id = m.value.text;
    } else {
      extra.push_back({m.key, kept(cx, m.value)});
    }
  }
  sort_attributes(extra);
}

}  // namespace claimgraph::io::aif
