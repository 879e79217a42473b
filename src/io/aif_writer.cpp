#include "claimgraph/io/aif_writer.hpp"

#include <charconv>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "detail/escape.hpp"
#include "detail/json_fields.hpp"

namespace claimgraph::io {

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

using detail::append_number;
using detail::extras;
using detail::field;
using detail::optional_field;

// The case file's fields of a node that AIF has no place for.
void node_fields(std::string& out, const Node& node) {
  out += ", \"claimgraph\": {";
  bool first = true;
  field(out, "kind", to_string(node.kind), first);
  optional_field(out, "text", node.text, first);
  optional_field(out, "party", node.party, first);
  optional_field(out, "group", node.group, first);
  optional_field(out, "source", node.source, first);
  if (node.weight) {
    out += ", \"weight\": ";
    append_number(out, *node.weight);
  }
  if (node.standard) field(out, "standard", to_string(*node.standard), first);
  optional_field(out, "burden", node.burden, first);
  if (node.tags) {
    out += ", \"tags\": [";
    for (std::size_t i = 0; i < node.tags->size(); ++i) {
      if (i > 0) out += ", ";
      detail::append_json_string(out, (*node.tags)[i]);
    }
    out += ']';
  }
  extras(out, node.extra, first);
  out += '}';
}

// A scheme node: an RA or a CA standing for one or more edges.
struct SchemeNode {
  std::string id;
  bool conflict = false;
  bool elements = false;
};

}  // namespace

void write_aif(std::ostream& out, const Graph& graph) {
  const auto edges = graph.edges();
  // Names for the scheme nodes, clear of every node id: "e<i>" after the
  // first edge each stands for, as claimgraph names edges.
  std::unordered_set<std::string> taken;
  taken.reserve(graph.node_count() + edges.size());
  for (std::size_t v = 0; v < graph.node_count(); ++v) taken.emplace(graph.id(v));
  std::vector<SchemeNode> schemes;
  std::vector<std::size_t> scheme_of(edges.size(), none);  // per edge
  std::unordered_map<Graph::NodeRef, std::size_t> elements_of;  // per claim: its element-of RA
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    if (e.relation == Relation::element_of) {
      auto [it, added] = elements_of.try_emplace(graph.target(edges[i]), schemes.size());
      scheme_of[i] = it->second;
      if (!added) continue;
    } else {
      scheme_of[i] = schemes.size();
    }
    std::string base = "e";
    base += std::to_string(i);
    std::string id = base;
    for (std::size_t k = 2; taken.contains(id); ++k) {
      id = base;
      id += '_';
      id += std::to_string(k);
    }
    taken.insert(id);
    schemes.push_back({std::move(id), e.relation == Relation::contradicts || e.relation == Relation::undercuts,
                       e.relation == Relation::element_of});
  }

  std::string buf = "{\n";
  auto flush = [&](bool force) {
    if (force || buf.size() >= (std::size_t{1} << 20)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  };
  const std::size_t count = graph.node_count() + schemes.size();
  buf += count == 0 ? "  \"nodes\": [],\n" : "  \"nodes\": [\n";
  std::size_t written = 0;
  auto end_line = [&](std::size_t& n, std::size_t total) { buf += ++n < total ? "},\n" : "}\n"; };
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const Node& node = graph.node(v);
    buf += "    {";
    bool first = true;
    field(buf, "nodeID", node.id, first);
    field(buf, "text", node.label, first);
    field(buf, "type", "I", first);
    node_fields(buf, node);
    end_line(written, count);
    flush(false);
  }
  for (const auto& s : schemes) {
    buf += "    {";
    bool first = true;
    field(buf, "nodeID", s.id, first);
    field(buf, "text", s.conflict ? "Default Conflict" : "Default Inference", first);
    field(buf, "type", s.conflict ? "CA" : "RA", first);
    if (s.elements) buf += ", \"claimgraph\": {\"relation\": \"element-of\"}";
    end_line(written, count);
  }
  if (count > 0) buf += "  ],\n";
  flush(true);

  // Two AIF edges per claimgraph edge, in its order: from the reason into
  // the scheme node (carrying the edge's own fields), then out of it; the
  // elements of one claim share the edge out.
  struct AifEdge {
    std::string_view from;
    std::string_view to;
    std::size_t fields = none;  // the claimgraph edge whose fields it carries
  };
  std::vector<AifEdge> aif;
  aif.reserve(2 * edges.size());
  std::vector<bool> concluded(schemes.size(), false);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto e = edges[i];
    const Edge& props = graph.edge(e);
    const SchemeNode& s = schemes[scheme_of[i]];
    aif.push_back({graph.id(graph.source(e)), s.id, i});
    if (props.relation == Relation::undercuts) {
      aif.push_back({s.id, schemes[scheme_of[props.undercut]].id});
    } else if (!concluded[scheme_of[i]]) {
      aif.push_back({s.id, graph.id(graph.target(e))});
    }
    concluded[scheme_of[i]] = true;
  }
  buf += aif.empty() ? "  \"edges\": [],\n" : "  \"edges\": [\n";
  written = 0;
  for (std::size_t k = 0; k < aif.size(); ++k) {
    buf += "    {";
    bool first = true;
    field(buf, "edgeID", std::to_string(k + 1), first);
    field(buf, "fromID", aif[k].from, first);
    field(buf, "toID", aif[k].to, first);
    if (aif[k].fields != none) {
      const Edge& props = graph.edge(edges[aif[k].fields]);
      if (props.id || !props.extra.empty()) {
        buf += ", \"claimgraph\": {";
        bool inner = true;
        optional_field(buf, "id", props.id, inner);
        extras(buf, props.extra, inner);
        buf += '}';
      }
    }
    end_line(written, aif.size());
    flush(false);
  }
  if (!aif.empty()) buf += "  ],\n";
  buf += "  \"locutions\": []";
  if (graph.title || graph.description || !graph.extra.empty()) {
    buf += ",\n  \"claimgraph\": {";
    bool first = true;
    optional_field(buf, "title", graph.title, first);
    optional_field(buf, "description", graph.description, first);
    extras(buf, graph.extra, first);
    buf += '}';
  }
  buf += "\n}\n";
  flush(true);
}

}  // namespace claimgraph::io
