#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "claimgraph/io/aif_writer.hpp"
#include "detail/json_members.hpp"
#include "detail/output.hpp"
#include "detail/unique_name.hpp"

namespace claimgraph::io {

namespace aif {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

using detail::JsonMembers;

// A scheme node: an RA or a CA standing for one or more edges.
struct SchemeNode {
  std::string id;
  bool conflict = false;
  bool elements = false;
  std::string scheme;  // an RA of a supports edge that names a scheme: its name, the RA's text
};

struct Schemes {
  std::vector<SchemeNode> nodes;
  std::vector<std::size_t> of;  // per edge: the scheme node that stands for it
};

// The scheme of supports edge `i`: its own, else its premise's.
std::string inference_scheme(const Graph& graph, const Graph::EdgeList& edges, std::size_t i) {
  const std::string_view own = graph.edge(edges[i]).scheme();
  if (!own.empty()) return std::string(own);
  return graph.node(graph.source(edges[i])).scheme.value_or("");
}

// An RA for each supports edge, a CA for each contradicts or undercuts edge
// and an RA for the element-of edges into each claim, named clear of every
// node id: "e<i>" after the first edge each stands for, as claimgraph names
// edges.
Schemes name_schemes(const Graph& graph, const Graph::EdgeList& edges) {
  std::unordered_set<std::string> taken;
  taken.reserve(graph.node_count() + edges.size());
  for (std::size_t v = 0; v < graph.node_count(); ++v) taken.emplace(graph.id(v));
  Schemes schemes;
  schemes.of.assign(edges.size(), none);
  std::unordered_map<Graph::NodeRef, std::size_t> elements_of;  // per claim: its element-of RA
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    if (e.relation == Relation::element_of) {
      auto [it, added] = elements_of.try_emplace(graph.target(edges[i]), schemes.nodes.size());
      schemes.of[i] = it->second;
      if (!added) continue;
    } else {
      schemes.of[i] = schemes.nodes.size();
    }
    // Appended, not concatenated: GCC 12 warns falsely about "e" + std::string.
    std::string base(1, 'e');
    base += std::to_string(i);
    schemes.nodes.push_back({detail::unique_name(base, taken),
                             e.relation == Relation::contradicts || e.relation == Relation::undercuts,
                             e.relation == Relation::element_of,
                             e.relation == Relation::supports ? inference_scheme(graph, edges, i) : std::string()});
  }
  return schemes;
}

// An AIF edge: from the reason into the scheme node, or out of it.
struct AifEdge {
  std::string_view from;
  std::string_view to;
  std::size_t fields = none;  // the claimgraph edge whose fields it carries
};

// Two AIF edges per claimgraph edge, in its order: from the reason into the
// scheme node (carrying the edge's own fields), then out of it; the
// elements of one claim share the edge out.
std::vector<AifEdge> aif_edges(const Graph& graph, const Graph::EdgeList& edges, const Schemes& schemes) {
  std::vector<AifEdge> aif;
  aif.reserve(2 * edges.size());
  std::vector<bool> concluded(schemes.nodes.size(), false);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto e = edges[i];
    const Edge& props = graph.edge(e);
    const SchemeNode& s = schemes.nodes[schemes.of[i]];
    aif.push_back({graph.id(graph.source(e)), s.id, i});
    if (props.relation == Relation::undercuts) {
      aif.push_back({s.id, schemes.nodes[schemes.of[props.undercut]].id});
    } else if (!concluded[schemes.of[i]]) {
      aif.push_back({s.id, graph.id(graph.target(e))});
    }
    concluded[schemes.of[i]] = true;
  }
  return aif;
}

// Ends the `n`th of `total` lines of a list.
void end_line(std::string& buf, std::size_t n, std::size_t total) { buf += n + 1 < total ? "},\n" : "}\n"; }

// An I-node, with the case file's fields that AIF has no place for.
void append_node(std::string& buf, const Node& node) {
  buf += "    {";
  JsonMembers m(buf);
  m.string("nodeID", node.id).string("text", node.label).string("type", "I").key("claimgraph");
  buf += '{';
  JsonMembers fields(buf);
  fields.string("kind", to_string(node.kind)).string("text", node.text).string("party", node.party);
  fields.string("group", node.group).string("source", node.source);
  if (!node.cite.empty()) {
    fields.key("cite");
    detail::append_json_citations(buf, node.cite, detail::JsonStyle::spaced);
  }
  if (node.weight) fields.number("weight", *node.weight);
  if (node.standard) fields.string("standard", to_string(*node.standard));
  fields.string("burden", node.burden);
  if (node.test) fields.string("test", to_string(*node.test));
  fields.string("scheme", node.scheme);
  if (node.tags) fields.strings("tags", *node.tags);
  if (node.privileged) fields.boolean("privileged", true);
  fields.extras(node.extra);
  buf += '}';
}

void append_scheme(std::string& buf, const SchemeNode& s) {
  buf += "    {";
  JsonMembers m(buf);
  m.string("nodeID", s.id);
  m.string("text", s.conflict ? "Default Conflict" : !s.scheme.empty() ? std::string_view(s.scheme) : "Default Inference");
  m.string("type", s.conflict ? "CA" : "RA");
  if (s.elements) m.raw("claimgraph", "{\"relation\": \"element-of\"}");
}

// Every node an I-node, then the scheme nodes.
void write_nodes(detail::OutputBuffer& output, const Graph& graph, const Schemes& schemes) {
  std::string& buf = output.text();
  const std::size_t count = graph.node_count() + schemes.nodes.size();
  buf += count == 0 ? "  \"nodes\": [],\n" : "  \"nodes\": [\n";
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    append_node(buf, graph.node(v));
    end_line(buf, v, count);
    output.flush_if_full();
  }
  for (std::size_t k = 0; k < schemes.nodes.size(); ++k) {
    append_scheme(buf, schemes.nodes[k]);
    end_line(buf, graph.node_count() + k, count);
  }
  if (count > 0) buf += "  ],\n";
}

// AIF edge `k`; the edge from a premise carries the claimgraph edge's id
// and unknown fields.
void append_edge(std::string& buf, const Graph& graph, const Graph::EdgeList& edges, const AifEdge& edge,
                 std::size_t k) {
  buf += "    {";
  JsonMembers m(buf);
  m.string("edgeID", std::to_string(k + 1)).string("fromID", edge.from).string("toID", edge.to);
  if (edge.fields == none) return;
  const Edge& props = graph.edge(edges[edge.fields]);
  if (!props.id && props.extra.empty() && !props.names) return;
  m.key("claimgraph");
  buf += '{';
  JsonMembers fields(buf);
  fields.string("id", props.id);
  if (!props.scheme().empty()) fields.string("scheme", props.scheme());
  if (!props.question().empty()) fields.string("question", props.question());
  fields.extras(props.extra);
  buf += '}';
}

void write_edges(detail::OutputBuffer& output, const Graph& graph, const Graph::EdgeList& edges,
                 const std::vector<AifEdge>& aif) {
  std::string& buf = output.text();
  buf += aif.empty() ? "  \"edges\": [],\n" : "  \"edges\": [\n";
  for (std::size_t k = 0; k < aif.size(); ++k) {
    append_edge(buf, graph, edges, aif[k], k);
    end_line(buf, k, aif.size());
    output.flush_if_full();
  }
  if (!aif.empty()) buf += "  ],\n";
}

// The case file's title, description and other top-level fields.
void append_map_fields(std::string& buf, const Graph& graph) {
  if (!graph.title && !graph.description && graph.extra.empty()) return;
  buf += ",\n  \"claimgraph\": {";
  JsonMembers(buf).string("title", graph.title).string("description", graph.description).extras(graph.extra);
  buf += '}';
}

}  // namespace
}  // namespace aif

void write_aif(std::ostream& out, const Graph& graph) {
  const auto edges = graph.edges();
  const aif::Schemes schemes = aif::name_schemes(graph, edges);
  detail::OutputBuffer output(out);
  output.text() += "{\n";
  aif::write_nodes(output, graph, schemes);
  output.flush();
  aif::write_edges(output, graph, edges, aif::aif_edges(graph, edges, schemes));
  output.text() += "  \"locutions\": []";
  aif::append_map_fields(output.text(), graph);
  output.text() += "\n}\n";
  output.flush();
}

}  // namespace claimgraph::io
