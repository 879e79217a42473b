#include "claimgraph/io/json_writer.hpp"

#include <charconv>
#include <string>

#include "claimgraph/io/json_reader.hpp"
#include "detail/escape.hpp"
#include "detail/json_fields.hpp"

namespace claimgraph::io {

namespace {

using detail::append_number;
using detail::extras;
using detail::field;
using detail::optional_field;


constexpr std::size_t flush_at = std::size_t{1} << 20;

}  // namespace

void write_json(std::ostream& out, const Graph& graph) {
  std::string buf;
  buf.reserve(flush_at + 4096);
  auto flush = [&](bool force) {
    if (force || buf.size() >= flush_at) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  };
  buf += "{\n";
  // "$schema" leads, as JSON Schema users expect; other unknown top-level
  // fields follow the known ones.
  for (const auto& a : graph.extra) {
    if (a.key == "$schema") buf += "  \"$schema\": " + a.json + ",\n";
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
    if (a.key == "$schema") continue;
    buf += "  ";
    detail::append_json_string(buf, a.key);
    buf += ": " + a.json + ",\n";
  }
  const std::size_t n = graph.node_count();
  buf += n == 0 ? "  \"nodes\": [],\n" : "  \"nodes\": [\n";
  for (std::size_t v = 0; v < n; ++v) {
    const Node& node = graph.node(v);
    buf += "    {";
    bool first = true;
    field(buf, "id", node.id, first);
    field(buf, "kind", to_string(node.kind), first);
    field(buf, "label", node.label, first);
    optional_field(buf, "text", node.text, first);
    optional_field(buf, "party", node.party, first);
    optional_field(buf, "group", node.group, first);
    optional_field(buf, "source", node.source, first);
    if (node.weight) {
      buf += ", \"weight\": ";
      append_number(buf, *node.weight);
    }
    if (node.standard) field(buf, "standard", to_string(*node.standard), first);
    optional_field(buf, "burden", node.burden, first);
    if (node.tags) {
      buf += ", \"tags\": [";
      for (std::size_t i = 0; i < node.tags->size(); ++i) {
        if (i > 0) buf += ", ";
        detail::append_json_string(buf, (*node.tags)[i]);
      }
      buf += ']';
    }
    extras(buf, node.extra, first);
    buf += v + 1 < n ? "},\n" : "}\n";
    flush(false);
  }
  if (n > 0) buf += "  ],\n";
  const auto edges = graph.edges();
  buf += edges.empty() ? "  \"edges\": []\n" : "  \"edges\": [\n";
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto& e = edges[i];
    buf += "    {";
    bool first = true;
    const Edge& props = graph.edge(e);
    if (props.id) field(buf, "id", *props.id, first);
    field(buf, "from", graph.id(graph.source(e)), first);
    // An undercut names the edge it attacks.
    if (props.relation == Relation::undercuts) {
      const auto& attacked = graph.edge(edges[props.undercut]).id;
      field(buf, "to", attacked ? std::string_view(*attacked) : std::string_view(), first);
    } else {
      field(buf, "to", graph.id(graph.target(e)), first);
    }
    field(buf, "relation", to_string(props.relation), first);
    extras(buf, graph.edge(e).extra, first);
    buf += i + 1 < edges.size() ? "},\n" : "}\n";
    flush(false);
  }
  if (!edges.empty()) buf += "  ]\n";
  buf += "}\n";
  flush(true);
}

}  // namespace claimgraph::io
