#include "claimgraph/io/critical_report.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "detail/escape.hpp"
#include "detail/json_members.hpp"
#include "detail/node_groups.hpp"
#include "detail/output.hpp"
#include "detail/text.hpp"

using claimgraph::detail::plain;

namespace claimgraph::io {

namespace {

using Vertex = Graph::NodeRef;
using analysis::ClaimCuts;
using analysis::CriticalReport;
using analysis::CutSet;

std::string ids(const Graph& graph, const std::vector<Vertex>& nodes, std::string_view separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (i > 0) out += separator;
    out += plain(graph.node(nodes[i]).id);
  }
  return out;
}

// Whether claim `v` has elements: what it loses is then an element.
bool has_elements(const Graph& graph, Vertex v) {
  for (const auto& e : graph.in_edges(v)) {
    if (graph.edge(e).relation == Relation::element_of) return true;
  }
  return false;
}

// The claims `v` is an element of, for "k1, element of contract".
std::vector<Vertex> element_of(const Graph& graph, Vertex v) {
  std::vector<Vertex> out;
  for (const auto& e : graph.out_edges(v)) {
    if (graph.edge(e).relation == Relation::element_of) out.push_back(graph.target(e));
  }
  return out;
}

// What the claim would lack without the set: "it would lose element k1",
// "nothing else supports it", "every supporter falls: a, b"; and the path
// by which it falls, when it runs through other claims.
std::string loss(const Graph& graph, Vertex claim, const CutSet& cut) {
  std::string out;
  const std::size_t n = cut.lost.size();
  if (has_elements(graph, claim)) {
    out = std::string("it would lose ") + (n == 1 ? "element " : "elements ") + ids(graph, cut.lost);
  } else if (std::all_of(cut.lost.begin(), cut.lost.end(), [&](Vertex v) {
               return std::find(cut.evidence.begin(), cut.evidence.end(), v) != cut.evidence.end();
             })) {
    out = "nothing else supports it";
  } else {
    out = (n == 1 ? "its one supporter falls: " : "every supporter falls: ") + ids(graph, cut.lost);
  }
  if (cut.path.size() > 2) out += " (" + ids(graph, cut.path, " ← ") + ")";
  return out;
}

void claim_text(std::string& buf, const Graph& graph, const ClaimCuts& c, std::size_t max_set) {
  const Node& node = graph.node(c.claim);
  buf += "  " + plain(node.id) + " — " + plain(node.label);
  if (node.kind == NodeKind::counterclaim) buf += " [counterclaim]";
  const auto parents = element_of(graph, c.claim);
  if (!parents.empty()) buf += " (element of " + ids(graph, parents) + ")";
  buf += '\n';
  if (!c.grounded) {
    buf += "      lacks evidence already: nothing to lose\n";
  } else if (c.cut_sets.empty()) {
    buf += max_set == 1 ? std::string("      holds if any one piece of evidence is excluded\n")
                        : "      holds if any " + std::to_string(max_set) + " pieces of evidence are excluded\n";
  }
  for (const auto& cut : c.cut_sets) {
    buf += "      without " + ids(graph, cut.evidence, " and ") + ": " + loss(graph, c.claim, cut) + "\n";
  }
  if (c.label) {
    buf += "      status " + std::string(analysis::to_string(*c.label));
    if (*c.label != analysis::Label::in) {
      buf += "\n";
    } else if (c.status_cuts.empty()) {
      buf += max_set == 1 ? std::string(", and stays IN if any one piece of evidence is excluded\n")
                          : ", and stays IN if any " + std::to_string(max_set) + " pieces of evidence are excluded\n";
    } else {
      buf += "; turned ";
      for (std::size_t i = 0; i < c.status_cuts.size(); ++i) {
        if (i > 0) buf += "; ";
        buf += std::string(analysis::to_string(c.status_cuts[i].label)) + " without " +
               ids(graph, c.status_cuts[i].evidence, " and ");
      }
      buf += "\n";
    }
  }
}

}  // namespace

void write_critical_text(std::ostream& out, const Graph& graph, const CriticalReport& report) {
  std::string buf;
  if (graph.title) buf += plain(*graph.title) + "\n\n";
  buf += "Single points of failure: evidence whose exclusion alone would leave a claim without evidence\n";
  if (report.evidence.empty()) buf += "  none: no claim rests on one piece of evidence alone\n";
  for (const auto& p : report.evidence) {
    const Node& node = graph.node(p.evidence);
    buf += "  " + plain(node.id) + " — " + plain(node.label) + "\n      alone holds up " + ids(graph, p.claims) + "\n";
  }
  buf += '\n';
  std::vector<Vertex> claims;
  std::vector<std::size_t> index(graph.node_count(), 0);
  for (std::size_t i = 0; i < report.claims.size(); ++i) {
    claims.push_back(report.claims[i].claim);
    index[report.claims[i].claim] = i;
  }
  const detail::NodeGroups groups = detail::group_nodes(graph, claims);
  auto claim = [&](Vertex v) { claim_text(buf, graph, report.claims[index[v]], report.max_set); };
  for (std::size_t i = 0; i < groups.groups.size(); ++i) {
    buf += plain(groups.name(graph, i)) + "\n";
    for (auto v : groups.groups[i]) claim(v);
    buf += '\n';
  }
  if (!groups.loose.empty()) {
    if (!groups.groups.empty()) buf += "(no group)\n";
    for (auto v : groups.loose) claim(v);
    buf += '\n';
  }
  std::size_t grounded = 0, single = 0, exposed = 0;
  for (const auto& c : report.claims) {
    grounded += c.grounded;
    single += !c.cut_sets.empty() && c.cut_sets.front().evidence.size() == 1;
    exposed += !c.cut_sets.empty();
  }
  const std::size_t total = report.claims.size();
  buf += std::to_string(total) + (total == 1 ? " claim or counterclaim" : " claims and counterclaims") + ", " +
         std::to_string(grounded) + " grounded: " + std::to_string(single) + " with a single point of failure, " +
         std::to_string(exposed) + " with a cut set of up to " + std::to_string(report.max_set) + ".\n";
  out << buf;
}

void write_critical_json(std::ostream& out, const Graph& graph, const CriticalReport& report) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  auto id_array = [&](const std::vector<Vertex>& nodes) {
    buf += '[';
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (i > 0) buf += ", ";
      detail::append_json_string(buf, graph.node(nodes[i]).id);
    }
    buf += ']';
  };
  buf += "{\n  \"max_set\": " + std::to_string(report.max_set) + ",\n  \"claims\": [";
  for (std::size_t i = 0; i < report.claims.size(); ++i) {
    const ClaimCuts& c = report.claims[i];
    buf += i == 0 ? "\n    {" : ",\n    {";
    detail::JsonMembers m(buf);
    m.string("id", graph.node(c.claim).id).boolean("grounded", c.grounded).key("cut_sets");
    buf += '[';
    for (std::size_t k = 0; k < c.cut_sets.size(); ++k) {
      if (k > 0) buf += ", ";
      id_array(c.cut_sets[k].evidence);
    }
    buf += ']';
    m.key("explained");
    buf += '[';
    for (std::size_t k = 0; k < c.cut_sets.size(); ++k) {
      buf += k > 0 ? ", {" : "{";
      detail::JsonMembers e(buf);
      e.key("evidence");
      id_array(c.cut_sets[k].evidence);
      e.key("lost");
      id_array(c.cut_sets[k].lost);
      e.key("path");
      id_array(c.cut_sets[k].path);
      buf += '}';
    }
    buf += ']';
    if (c.label) {
      m.string("status", analysis::to_string(*c.label)).key("status_cuts");
      buf += '[';
      for (std::size_t k = 0; k < c.status_cuts.size(); ++k) {
        buf += k > 0 ? ", {" : "{";
        detail::JsonMembers e(buf);
        e.key("evidence");
        id_array(c.status_cuts[k].evidence);
        e.string("status", analysis::to_string(c.status_cuts[k].label));
        buf += '}';
      }
      buf += ']';
    }
    buf += '}';
    output.flush_if_full();
  }
  buf += report.claims.empty() ? "],\n  \"evidence\": [" : "\n  ],\n  \"evidence\": [";
  for (std::size_t i = 0; i < report.evidence.size(); ++i) {
    buf += i == 0 ? "\n    {" : ",\n    {";
    detail::JsonMembers m(buf);
    m.string("id", graph.node(report.evidence[i].evidence).id).key("holds_up");
    id_array(report.evidence[i].claims);
    buf += '}';
    output.flush_if_full();
  }
  buf += report.evidence.empty() ? "]" : "\n  ]";
  buf += ",\n  \"steps\": " + std::to_string(report.steps) + "\n}\n";
  output.flush();
}

}  // namespace claimgraph::io
