#include "claimgraph/io/dot_writer.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "detail/escape.hpp"
#include "detail/node_groups.hpp"
#include "detail/number.hpp"
#include "detail/output.hpp"

namespace claimgraph::io {

namespace {

constexpr std::string_view font = "Helvetica,Arial,sans-serif";
constexpr std::string_view muted = "#546e7a";
constexpr std::string_view gap_colour = "#c62828";

struct Look {
  std::string_view shape;
  std::string_view style;
  std::string_view fill;
  std::string_view border;
  std::string_view extra;
};

Look look_of(NodeKind kind) {
  switch (kind) {
    case NodeKind::claim: return {"box", "rounded,filled", "#e3f2fd", "#1565c0", ""};
    case NodeKind::counterclaim: return {"box", "filled", "#fff3e0", "#e65100", ", peripheries=2"};
    case NodeKind::evidence: return {"note", "filled", "#f1f8e9", "#558b2f", ""};
  }
  return {"box", "filled", "#ffffff", "#000000", ""};
}

std::string_view edge_style(Relation relation) {
  switch (relation) {
    case Relation::supports: return "color=\"#2e7d32\", arrowhead=normal";
    case Relation::contradicts: return "color=\"#c62828\", arrowhead=tee, style=bold";
    case Relation::element_of: return "color=\"#37474f\", arrowhead=diamond, weight=2";
    case Relation::undercuts: return "color=\"#6a1b9a\", arrowhead=tee, style=dashed";
  }
  return "";
}

void append_lines(std::string& out, std::string_view text, std::size_t width) {
  if (text.size() <= width && text.find('\n') == std::string_view::npos) {
    detail::append_dot_html(out, text);  // fits on one line: no wrapping needed
    return;
  }
  const auto lines = detail::wrap(text, width);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "<BR/>";
    detail::append_dot_html(out, lines[i]);
  }
}

// A node's drawing style: kind and whether it lacks evidence. Written once
// as `node [...]` defaults whenever it changes, not on every node.
int look_key(NodeKind kind, bool gap) { return static_cast<int>(kind) * 2 + (gap ? 1 : 0); }

void append_look(std::string& out, NodeKind kind, bool gap, std::string_view indent) {
  const Look look = look_of(kind);
  out += indent;
  out += "node [shape=";
  out += look.shape;
  out += ", style=\"";
  out += look.style;
  if (gap) out += ",dashed";
  out += "\", fillcolor=\"";
  out += gap ? std::string_view("#ffebee") : look.fill;
  out += "\", color=\"";
  out += gap ? gap_colour : look.border;
  out += gap ? "\", penwidth=2.2" : "\", penwidth=1.2";
  out += look.extra.empty() ? std::string_view(", peripheries=1") : look.extra;
  out += "];\n";
}

// A node drawn in full on another page: a dashed connector that says where.
void append_reference(std::string& out, const Graph& graph, Graph::NodeRef v, std::string_view reference,
                      const DotOptions& options, std::string_view indent) {
  const Node& node = graph.node(v);
  out += indent;
  out += 'n';
  out += std::to_string(v);
  out += " [shape=box, style=\"dashed,rounded\", fillcolor=\"#ffffff\", color=\"";
  out += muted;
  out += "\", penwidth=1, peripheries=1, label=<<FONT POINT-SIZE=\"9\"><B>";
  append_lines(out, reference, options.wrap_width);
  out += "</B></FONT><BR/><FONT POINT-SIZE=\"8\">";
  append_lines(out, node.label, options.wrap_width);
  out += "</FONT>>, tooltip=\"";
  detail::append_dot_quoted(out, node.id);
  out += "\"];\n";
}

void append_node(std::string& out, const Graph& graph, Graph::NodeRef v, const DotOptions& options,
                 std::string_view indent, int& current_look) {
  if (options.references != nullptr && v < options.references->size() && !(*options.references)[v].empty()) {
    append_reference(out, graph, v, (*options.references)[v], options, indent);
    return;
  }
  const Node& node = graph.node(v);
  const analysis::ClaimStatus* status = nullptr;
  if (options.analyses.grounding != nullptr && v < options.analyses.grounding->claim_index.size() &&
      options.analyses.grounding->claim_index[v] != analysis::GroundingReport::npos) {
    status = &options.analyses.grounding->claims[options.analyses.grounding->claim_index[v]];
  }
  const bool gap = status != nullptr && !status->grounded;
  if (look_key(node.kind, gap) != current_look) {
    current_look = look_key(node.kind, gap);
    append_look(out, node.kind, gap, indent);
  }

  out += indent;
  out += 'n';
  out += std::to_string(v);
  out += " [label=<";
  // Header: kind and party, small; then the label; then the source.
  out += "<FONT POINT-SIZE=\"8\" COLOR=\"";
  out += muted;
  out += "\">";
  out += to_string(node.kind);
  if (node.party) {
    out += " · ";
    detail::append_dot_html(out, *node.party);
  }
  if (options.analyses.status != nullptr || options.analyses.strength != nullptr) {
    out += " · ";
    if (options.analyses.status != nullptr) {
      const auto label = options.analyses.status->labels[v];
      out += "<B>";
      out += analysis::to_string(label);
      out += "</B>";
    }
    if (options.analyses.strength != nullptr) {
      out += ' ';
      detail::append_fixed2(out, options.analyses.strength->strength[v]);
    }
  }
  out += "</FONT><BR/>";
  if (gap) {
    out += "<FONT POINT-SIZE=\"8\" COLOR=\"";
    out += gap_colour;
    out += "\"><B>LACKS EVIDENCE:";
    // On a line of its own when the two would be wider than a label's line.
    const std::string_view why = analysis::to_string(status->gap);
    out += std::string_view("LACKS EVIDENCE: ").size() + why.size() > options.wrap_width ? "<BR/>" : " ";
    out += why;
    out += "</B></FONT><BR/>";
  }
  append_lines(out, node.label, options.wrap_width);
  if (options.sources && node.source) {
    out += "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"";
    out += muted;
    out += "\"><I>";
    append_lines(out, *node.source, options.wrap_width + 10);
    out += "</I></FONT>";
  }
  out += '>';
  // Status as the border, strength as how strong the fill is.
  if (options.analyses.status != nullptr) {
    switch (options.analyses.status->labels[v]) {
      case analysis::Label::in: out += ", color=\"#2e7d32\", penwidth=2.2"; break;
      case analysis::Label::out: out += ", color=\"#9e9e9e\", fontcolor=\"#616161\", penwidth=1.2"; break;
      case analysis::Label::undec: out += ", color=\"#f9a825\", penwidth=2.2"; break;
    }
  }
  if (options.analyses.strength != nullptr) {
    const double s = std::clamp(options.analyses.strength->strength[v], 0.0, 1.0);
    const auto alpha = static_cast<unsigned>(std::lround(40.0 + 215.0 * s));
    static constexpr char hex[] = "0123456789abcdef";
    out += ", fillcolor=\"";
    out += gap ? std::string_view("#ffebee") : look_of(node.kind).fill;
    out += hex[(alpha >> 4) & 0xF];
    out += hex[alpha & 0xF];
    out += '"';
  }
  // The tooltip (shown on hover in SVG) names the node and gives its text.
  out += ", tooltip=\"";
  detail::append_dot_quoted(out, node.id);
  if (node.text) {
    out += ": ";
    detail::append_dot_quoted(out, *node.text);
  }
  out += "\"];\n";
}

void append_legend(std::string& out, bool status, bool strength) {
  out += "  subgraph cluster_legend {\n"
         "    graph [label=\"\", style=invis];\n"
         "    legend [shape=plaintext, style=\"\", color=\"#b0bec5\", penwidth=1, peripheries=0, margin=0, label=<"
         "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"#b0bec5\">"
         "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>"
         "<TR><TD BGCOLOR=\"#e3f2fd\" STYLE=\"rounded\">claim</TD><TD ALIGN=\"LEFT\">a party's allegation</TD></TR>"
         "<TR><TD BGCOLOR=\"#fff3e0\">counterclaim</TD><TD ALIGN=\"LEFT\">the other side's allegation or defence</TD></TR>"
         "<TR><TD BGCOLOR=\"#f1f8e9\">evidence</TD><TD ALIGN=\"LEFT\">exhibit, filing, testimony, finding</TD></TR>"
         "<TR><TD BGCOLOR=\"#ffebee\"><FONT COLOR=\"#c62828\"><B>LACKS EVIDENCE</B></FONT></TD>"
         "<TD ALIGN=\"LEFT\">not grounded in any evidence</TD></TR>"
         "<TR><TD><FONT COLOR=\"#2e7d32\">——▶</FONT></TD><TD ALIGN=\"LEFT\">supports</TD></TR>"
         "<TR><TD><FONT COLOR=\"#c62828\"><B>——┤</B></FONT></TD><TD ALIGN=\"LEFT\">contradicts</TD></TR>"
         "<TR><TD><FONT COLOR=\"#37474f\">——◆</FONT></TD><TD ALIGN=\"LEFT\">is an element of</TD></TR>"
         "<TR><TD><FONT COLOR=\"#6a1b9a\">- - ┤•</FONT></TD><TD ALIGN=\"LEFT\">undercuts a support (the inference)</TD></TR>";
  if (status) {
    out += "<TR><TD BORDER=\"2\" COLOR=\"#2e7d32\">IN</TD><TD ALIGN=\"LEFT\">stands: supported, every contradiction OUT</TD></TR>"
           "<TR><TD BORDER=\"2\" COLOR=\"#9e9e9e\"><FONT COLOR=\"#616161\">OUT</FONT></TD>"
           "<TD ALIGN=\"LEFT\">falls: contradicted by an IN node, or its support fell</TD></TR>"
           "<TR><TD BORDER=\"2\" COLOR=\"#f9a825\">UNDEC</TD><TD ALIGN=\"LEFT\">undecided: neither side prevails</TD></TR>";
  }
  if (strength) {
    out += "<TR><TD BGCOLOR=\"#e3f2fd\">strong</TD><TD ALIGN=\"LEFT\">fill shade: DF-QuAD strength, pale = weak</TD></TR>";
  }
  out += "</TABLE>>];\n"
         "  }\n";
}

void append_header(std::string& buf, const Graph& graph) {
  buf += "digraph claimgraph {\n";
  buf += "  graph [rankdir=BT, newrank=true, charset=\"UTF-8\", fontname=\"";
  buf += font;
  buf += "\", fontsize=14, nodesep=0.25, ranksep=0.5, labelloc=t";
  if (graph.title) {
    buf += ", label=<<B>";
    detail::append_dot_html(buf, *graph.title);
    buf += "</B>>";
  }
  buf += "];\n  node [fontname=\"";
  buf += font;
  buf += "\", fontsize=10, margin=\"0.12,0.06\", penwidth=1.2];\n  edge [fontname=\"";
  buf += font;
  buf += "\", fontsize=9, penwidth=1.3, arrowsize=0.8];\n";
}

// Nodes by group, groups in order of first appearance as clusters;
// ungrouped nodes last.
void append_nodes(detail::OutputBuffer& output, const Graph& graph, const DotOptions& options) {
  std::string& buf = output.text();
  const detail::NodeGroups nodes = detail::group_nodes(graph, options.clusters);
  for (std::size_t i = 0; i < nodes.groups.size(); ++i) {
    buf += "  subgraph cluster_";
    buf += std::to_string(i);
    // With rankdir=BT, labelloc=b puts a cluster's title at its top.
    buf += " {\n    graph [label=<<B>";
    detail::append_dot_html(buf, nodes.name(graph, i));
    buf += "</B>>, labelloc=b, style=\"rounded,filled\", fillcolor=\"#fafafa\", color=\"#b0bec5\", fontsize=12];\n";
    int look = -1;
    for (auto v : nodes.groups[i]) {
      append_node(buf, graph, v, options, "    ", look);
      output.flush_if_full();
    }
    buf += "  }\n";
  }
  int look = -1;
  for (auto v : nodes.loose) {
    append_node(buf, graph, v, options, "  ", look);
    output.flush_if_full();
  }
}

void append_name(std::string& buf, char prefix, std::size_t k) {
  buf += prefix;
  buf += std::to_string(k);
}

void append_attributes(std::string& buf, std::string_view style, std::string_view more) {
  buf += " [";
  buf += style;
  buf += more;
  buf += "];\n";
}

// Edge `i`. A supports edge that is undercut is drawn through a small point,
// u<i>, where the undercutting edge ends: the attack is on the inference.
void append_edge(std::string& buf, const Graph& graph, std::size_t i, bool undercut, const DotOptions& options) {
  const auto e = graph.edges()[i];
  const Edge& p = graph.edge(e);
  const std::string_view style = edge_style(p.relation);
  buf += "  ";
  append_name(buf, 'n', graph.source(e));
  buf += " -> ";
  if (p.relation == Relation::undercuts) {
    append_name(buf, 'u', p.undercut);
    append_attributes(buf, style, "");
  } else if (undercut) {
    const auto* status = options.analyses.status;
    const bool fallen = status != nullptr && i < status->undercut.size() && status->undercut[i];
    // Undercut by a standing node: the support no longer carries; faded.
    append_name(buf, 'u', i);
    append_attributes(buf, style, fallen ? ", arrowhead=none, style=dashed, color=\"#a5d6a7\"" : ", arrowhead=none");
    buf += "  ";
    append_name(buf, 'u', i);
    buf += " [shape=point, width=0.09, style=filled, fillcolor=\"#2e7d32\", color=\"#2e7d32\", peripheries=1, "
           "label=\"\"];\n  ";
    append_name(buf, 'u', i);
    buf += " -> ";
    append_name(buf, 'n', graph.target(e));
    append_attributes(buf, style, "");
  } else {
    append_name(buf, 'n', graph.target(e));
    append_attributes(buf, style, "");
  }
}

}  // namespace

void write_dot(std::ostream& out, const Graph& graph, const DotOptions& options) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  append_header(buf, graph);
  append_nodes(output, graph, options);
  const std::vector<bool> undercut = undercut_edges(graph);
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    append_edge(buf, graph, i, undercut[i], options);
    output.flush_if_full();
  }
  if (options.legend) append_legend(buf, options.analyses.status != nullptr, options.analyses.strength != nullptr);
  buf += "}\n";
  output.flush();
}

}  // namespace claimgraph::io
