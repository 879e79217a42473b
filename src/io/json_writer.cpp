#include "claimgraph/io/json_writer.hpp"

#include <algorithm>
#include <string>

#include "claimgraph/io/json_reader.hpp"
#include "detail/chunks_in_order.hpp"
#include "detail/json_members.hpp"
#include "detail/output.hpp"

namespace claimgraph::io {

namespace {

using detail::JsonMembers;

// "$schema" leads, as JSON Schema users expect; the other unknown top-level
// fields follow the known ones.
constexpr std::string_view schema_key = "$schema";

void append_top(std::string& buf, const Graph& graph) {
  buf += "{\n";
  for (const auto& a : graph.extra) {
    if (a.key == schema_key) buf += "  \"$schema\": " + a.json + ",\n";
  }
  buf += "  \"claimgraph\": " + std::to_string(json_format_version) + ",\n";
  if (graph.title) {
    buf += "  \"title\": ";
    detail::append_json_string(buf, *graph.title);
    buf += ",\n";
  }
  if (graph.description) {
    buf += "  \"description\": ";
    detail::append_json_string(buf, *graph.description);
    buf += ",\n";
  }
  for (const auto& a : graph.extra) {
    if (a.key == schema_key) continue;
    buf += "  ";
    detail::append_json_string(buf, a.key);
    buf += ": " + a.json + ",\n";
  }
}

void append_node(std::string& buf, const Node& node) {
  buf += "    {";
  JsonMembers m(buf);
  m.string("id", node.id).string("kind", to_string(node.kind)).string("label", node.label);
  m.string("text", node.text).string("party", node.party).string("group", node.group).string("source", node.source);
  if (!node.cite.empty()) {
    m.key("cite");
    detail::append_json_citations(buf, node.cite, detail::JsonStyle::spaced);
  }
  if (node.weight) m.number("weight", *node.weight);
  if (node.standard) m.string("standard", to_string(*node.standard));
  m.string("burden", node.burden);
  if (node.test) m.string("test", to_string(*node.test));
  m.string("scheme", node.scheme);
  if (node.tags) m.strings("tags", *node.tags);
  if (node.privileged) m.boolean("privileged", true);
  m.extras(node.extra);
}

void append_edge(std::string& buf, const Graph& graph, std::size_t i) {
  const auto edges = graph.edges();
  const auto e = edges[i];
  const Edge& props = graph.edge(e);
  buf += "    {";
  JsonMembers m(buf);
  if (props.id) m.string("id", *props.id);
  m.string("from", graph.id(graph.source(e)));
  // An undercut names the edge it attacks.
  if (props.relation == Relation::undercuts) {
    const auto& attacked = graph.edge(edges[props.undercut]).id;
    m.string("to", attacked ? std::string_view(*attacked) : std::string_view());
  } else {
    m.string("to", graph.id(graph.target(e)));
  }
  m.string("relation", to_string(props.relation));
  if (!props.scheme().empty()) m.string("scheme", props.scheme());
  if (!props.question().empty()) m.string("question", props.question());
  m.extras(props.extra);
}

}  // namespace

void write_json(std::ostream& out, const Graph& graph, std::size_t threads) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  append_top(buf, graph);
  const std::size_t n = graph.node_count();
  const std::size_t m = graph.edge_count();
  // The lines are rendered in chunks (detail::write_chunks_in_order).
  if (n + m < detail::lines_for_two_threads) threads = 1;
  constexpr std::size_t lines_a_chunk = 4096;
  const auto chunks = [](std::size_t lines) { return (lines + lines_a_chunk - 1) / lines_a_chunk; };
  buf += n == 0 ? "  \"nodes\": [],\n" : "  \"nodes\": [\n";
  detail::write_chunks_in_order(output, chunks(n), threads, [&graph, n](std::size_t k, std::string& text) {
    for (std::size_t v = k * lines_a_chunk; v < std::min(n, (k + 1) * lines_a_chunk); ++v) {
      append_node(text, graph.node(v));
      text += v + 1 < n ? "},\n" : "}\n";
    }
  });
  if (n > 0) buf += "  ],\n";
  buf += m == 0 ? "  \"edges\": []\n" : "  \"edges\": [\n";
  detail::write_chunks_in_order(output, chunks(m), threads, [&graph, m](std::size_t k, std::string& text) {
    const std::size_t last = std::min(m, (k + 1) * lines_a_chunk);
    for (std::size_t i = k * lines_a_chunk; i < last; ++i) {
      graph.prefetch_end_ids_ahead(i, last);
      append_edge(text, graph, i);
      text += i + 1 < m ? "},\n" : "}\n";
    }
  });
  if (m > 0) buf += "  ]\n";
  buf += "}\n";
  output.flush();
}

// One record as the file writes it, without the line's indent. `diff`
// writes every edge of both versions so: room for a usual one is made at
// once and the indent taken off in place, so that a record costs one
// allocation, not one for each time the string outgrows itself and one
// for a copy.
std::string node_json(const Graph& graph, Graph::NodeRef v) {
  std::string buf;
  buf.reserve(256);
  append_node(buf, graph.node(v));
  buf += '}';
  buf.erase(0, buf.find('{'));
  return buf;
}

std::string edge_json(const Graph& graph, std::size_t i) {
  std::string buf;
  buf.reserve(128);
  append_edge(buf, graph, i);
  buf += '}';
  buf.erase(0, buf.find('{'));
  return buf;
}

}  // namespace claimgraph::io
