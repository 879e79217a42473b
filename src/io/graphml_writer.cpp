#include "claimgraph/io/graphml_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/citation.hpp"
#include "detail/escape.hpp"
#include "detail/json_members.hpp"
#include "detail/number.hpp"
#include "detail/output.hpp"

namespace claimgraph::io {

namespace {

// One <key>: its XML id, what it is for, its name and type.
struct Key {
  std::string_view id;
  std::string_view domain;
  std::string_view name;
  std::string_view type;
};

constexpr Key graph_keys[] = {
    {"g_title", "graph", "title", "string"},
    {"g_description", "graph", "description", "string"},
    {"g_extra", "graph", "extra", "string"},
};

constexpr Key node_keys[] = {
    {"v_id", "node", "id", "string"},
    {"v_kind", "node", "kind", "string"},
    {"v_label", "node", "label", "string"},
    {"v_text", "node", "text", "string"},
    {"v_party", "node", "party", "string"},
    {"v_group", "node", "group", "string"},
    {"v_source", "node", "source", "string"},
    {"v_cite", "node", "cite", "string"},
    {"v_exhibit", "node", "exhibit", "string"},
    {"v_bates", "node", "bates", "string"},
    {"v_pin", "node", "pin", "string"},
    {"v_date", "node", "date", "string"},
    {"v_citations", "node", "citations", "string"},
    {"v_weight", "node", "weight", "double"},
    {"v_standard", "node", "standard", "string"},
    {"v_burden", "node", "burden", "string"},
    {"v_test", "node", "test", "string"},
    {"v_scheme", "node", "scheme", "string"},
    {"v_tags", "node", "tags", "string"},
    {"v_privileged", "node", "privileged", "boolean"},
    {"v_extra", "node", "extra", "string"},
};

constexpr Key grounding_keys[] = {
    {"v_lacks_evidence", "node", "lacks_evidence", "boolean"},
    {"v_gap", "node", "gap", "string"},
};

constexpr Key status_node_keys[] = {
    {"v_status", "node", "status", "string"},
};

constexpr Key strength_keys[] = {
    {"v_strength", "node", "strength", "double"},
    {"v_established", "node", "established", "boolean"},
};

constexpr Key edge_keys[] = {
    {"e_id", "edge", "id", "string"},
    {"e_relation", "edge", "relation", "string"},
    {"e_undercut", "edge", "undercut", "boolean"},
    {"e_undercuts", "edge", "undercuts", "string"},
    {"e_scheme", "edge", "scheme", "string"},
    {"e_question", "edge", "question", "string"},
    {"e_extra", "edge", "extra", "string"},
};

constexpr Key status_edge_keys[] = {
    {"e_carries", "edge", "carries", "boolean"},
};

template <std::size_t N>
void append_keys(std::string& out, const Key (&keys)[N]) {
  for (const Key& k : keys) {
    out += "  <key id=\"";
    out += k.id;
    out += "\" for=\"";
    out += k.domain;
    out += "\" attr.name=\"";
    out += k.name;
    out += "\" attr.type=\"";
    out += k.type;
    out += "\"/>\n";
  }
}

void append_text(std::string& out, std::string_view indent, std::string_view key, std::string_view value) {
  out += indent;
  out += "<data key=\"";
  out += key;
  out += "\">";
  detail::append_xml(out, value);
  out += "</data>\n";
}

void append_bool(std::string& out, std::string_view indent, std::string_view key, bool value) {
  out += indent;
  out += "<data key=\"";
  out += key;
  out += value ? "\">true</data>\n" : "\">false</data>\n";
}

void append_double(std::string& out, std::string_view indent, std::string_view key, double value) {
  out += indent;
  out += "<data key=\"";
  out += key;
  out += "\">";
  detail::append_number(out, value);
  out += "</data>\n";
}

template <class Optional>  // std::optional<std::string> or OptionalString
void append_optional(std::string& out, std::string_view indent, std::string_view key, const Optional& value) {
  if (value) append_text(out, indent, key, *value);
}

// XML ids: n0, n1, ... and e0, e1, ...
void append_name(std::string& out, char prefix, std::size_t k) {
  out += prefix;
  out += std::to_string(k);
}

constexpr std::string_view in1 = "    ";
constexpr std::string_view in2 = "      ";

void append_node(std::string& buf, const Graph& graph, Graph::NodeRef v, const analysis::Analyses& analyses) {
  const Node& node = graph.node(v);
  buf += in1;
  buf += "<node id=\"";
  append_name(buf, 'n', v);
  buf += "\">\n";
  append_text(buf, in2, "v_id", node.id);
  append_text(buf, in2, "v_kind", to_string(node.kind));
  append_text(buf, in2, "v_label", node.label);
  append_optional(buf, in2, "v_text", node.text);
  append_optional(buf, in2, "v_party", node.party);
  append_optional(buf, in2, "v_group", node.group);
  append_optional(buf, in2, "v_source", node.source);
  if (!node.cite.empty()) {
    // One citation's fields to sort and filter by: the earliest dated, else
    // the first.
    const Citation& c = node.cite[earliest_dated(node).value_or(0)];
    append_text(buf, in2, "v_cite", format_citations(node.cite));
    append_optional(buf, in2, "v_exhibit", c.exhibit);
    append_optional(buf, in2, "v_bates", c.bates);
    append_optional(buf, in2, "v_pin", c.pin);
    append_optional(buf, in2, "v_date", c.date);
    append_text(buf, in2, "v_citations", detail::compact_json(node.cite));
  }
  if (node.weight) append_double(buf, in2, "v_weight", *node.weight);
  if (node.standard) append_text(buf, in2, "v_standard", to_string(*node.standard));
  append_optional(buf, in2, "v_burden", node.burden);
  if (node.test) append_text(buf, in2, "v_test", to_string(*node.test));
  append_optional(buf, in2, "v_scheme", node.scheme);
  if (node.tags) append_text(buf, in2, "v_tags", detail::compact_json(*node.tags));
  if (node.privileged) append_text(buf, in2, "v_privileged", "true");
  if (!node.extra.empty()) append_text(buf, in2, "v_extra", detail::compact_json(node.extra));
  if (analyses.grounding != nullptr && v < analyses.grounding->claim_index.size()) {
    const std::size_t k = analyses.grounding->claim_index[v];
    const analysis::ClaimStatus* status = k == analysis::GroundingReport::npos ? nullptr : &analyses.grounding->claims[k];
    const bool lacks = status != nullptr && !status->grounded;
    append_bool(buf, in2, "v_lacks_evidence", lacks);
    if (lacks) append_text(buf, in2, "v_gap", analysis::to_string(status->gap));
  }
  if (analyses.status != nullptr) append_text(buf, in2, "v_status", analysis::to_string(analyses.status->labels[v]));
  if (analyses.strength != nullptr) {
    append_double(buf, in2, "v_strength", analyses.strength->strength[v]);
    if (is_claim_like(node.kind)) {
      append_bool(buf, in2, "v_established", static_cast<bool>(analyses.strength->established[v]));
    }
  }
  buf += in1;
  buf += "</node>\n";
}

// `undercut`: per edge, whether some undercut attacks it.
void append_edge(std::string& buf, const Graph& graph, std::size_t i, const std::vector<bool>& undercut,
                 const analysis::Analyses& analyses) {
  const auto edges = graph.edges();
  const auto e = edges[i];
  const Edge& p = graph.edge(e);
  buf += in1;
  buf += "<edge id=\"";
  append_name(buf, 'e', i);
  buf += "\" source=\"";
  append_name(buf, 'n', graph.source(e));
  buf += "\" target=\"";
  append_name(buf, 'n', graph.target(e));
  buf += "\">\n";
  append_optional(buf, in2, "e_id", p.id);
  append_text(buf, in2, "e_relation", to_string(p.relation));
  if (p.relation == Relation::supports) append_bool(buf, in2, "e_undercut", static_cast<bool>(undercut[i]));
  if (p.relation == Relation::undercuts && p.undercut < edges.size()) {
    const Edge& attacked = graph.edge(edges[p.undercut]);
    if (attacked.id) append_text(buf, in2, "e_undercuts", *attacked.id);
  }
  if (!p.scheme().empty()) append_text(buf, in2, "e_scheme", p.scheme());
  if (!p.question().empty()) append_text(buf, in2, "e_question", p.question());
  if (!p.extra.empty()) append_text(buf, in2, "e_extra", detail::compact_json(p.extra));
  if (analyses.status != nullptr && p.relation == Relation::supports) {
    const bool cut = i < analyses.status->undercut.size() && analyses.status->undercut[i];
    append_bool(buf, in2, "e_carries", !cut);
  }
  buf += in1;
  buf += "</edge>\n";
}

}  // namespace

void write_graphml(std::ostream& out, const Graph& graph, const GraphmlOptions& options) {
  const analysis::Analyses& analyses = options.analyses;
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  buf += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  append_keys(buf, graph_keys);
  append_keys(buf, node_keys);
  if (analyses.grounding != nullptr) append_keys(buf, grounding_keys);
  if (analyses.status != nullptr) append_keys(buf, status_node_keys);
  if (analyses.strength != nullptr) append_keys(buf, strength_keys);
  append_keys(buf, edge_keys);
  if (analyses.status != nullptr) append_keys(buf, status_edge_keys);

  buf += "  <graph id=\"G\" edgedefault=\"directed\">\n";
  append_optional(buf, in1, "g_title", graph.title);
  append_optional(buf, in1, "g_description", graph.description);
  if (!graph.extra.empty()) append_text(buf, in1, "g_extra", detail::compact_json(graph.extra));
  for (Graph::NodeRef v = 0; v < graph.node_count(); ++v) {
    append_node(buf, graph, v, analyses);
    output.flush_if_full();
  }
  const std::vector<bool> undercut = undercut_edges(graph);
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    append_edge(buf, graph, i, undercut, analyses);
    output.flush_if_full();
  }
  buf += "  </graph>\n</graphml>\n";
  output.flush();
}

}  // namespace claimgraph::io
