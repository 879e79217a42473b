#include "io/exhibit/split.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>

#include "detail/escape.hpp"
#include "detail/text.hpp"
#include "detail/node_groups.hpp"

namespace claimgraph::io::exhibit {

namespace {

using Vertex = Graph::NodeRef;
constexpr std::size_t none = static_cast<std::size_t>(-1);

bool is_claim(const Node& node) { return node.kind == NodeKind::claim || node.kind == NodeKind::counterclaim; }

bool carries(Relation r) { return r == Relation::supports || r == Relation::element_of; }

// Whether `v` heads a cause of action among the nodes marked in `in`: a
// claim that supports nothing and is an element of nothing there.
bool heads(const Graph& graph, Vertex v, const std::vector<bool>& in) {
  if (!is_claim(graph.node(v))) return false;
  for (const auto e : graph.out_edges(v)) {
    if (carries(graph.edge(e).relation) && in[graph.target(e)]) return false;
  }
  return true;
}

// Gives each node reached from a unit's head the head's unit.
struct Spread : boost::default_bfs_visitor {
  std::vector<std::size_t>* unit;
  template <class E, class G>
  void tree_edge(E e, const G& g) const {
    (*unit)[boost::target(e, g)] = (*unit)[boost::source(e, g)];
  }
};

// A name cut to about 40 letters at a word's end, for references.
std::string shortened(std::string_view name) {
  const auto lines = detail::wrap(name, 40);
  if (lines.size() <= 1) return std::string(name);
  return lines.front() + "…";
}

std::vector<Unit> by_cause(const Graph& graph, std::span<const Vertex> nodes) {
  std::vector<bool> in(graph.node_count(), false);
  for (const auto v : nodes) in[v] = true;
  std::vector<Unit> units;
  std::vector<std::size_t> unit(graph.node_count(), none);
  std::vector<Vertex> heads_found;
  for (const auto v : nodes) {
    if (!heads(graph, v, in)) continue;
    unit[v] = units.size();
    units.push_back({shortened(graph.node(v).label), graph.node(v).label, {}});
    heads_found.push_back(v);
  }
  // What bears on a head: its in-edges, followed among the marked nodes. A
  // graph of those edges reversed, each node's in the order they were added,
  // so that the spread is the same on every run.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> backwards;
  for (const auto e : graph.edges()) {
    const Vertex s = graph.source(e), t = graph.target(e);
    if (in[s] && in[t]) backwards.emplace_back(static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(s));
  }
  const Graph::Store among(boost::edges_are_unsorted_multi_pass, backwards.begin(), backwards.end(),
                           static_cast<std::uint32_t>(graph.node_count()));
  std::vector<std::uint32_t> starts;
  starts.reserve(heads_found.size());
  for (const Vertex v : heads_found) starts.push_back(static_cast<std::uint32_t>(v));
  std::vector<boost::default_color_type> colours(graph.node_count(), boost::white_color);
  const auto colour = boost::make_iterator_property_map(colours.begin(), boost::get(boost::vertex_index, among));
  boost::queue<std::uint32_t> queue;
  Spread spread;
  spread.unit = &unit;
  boost::breadth_first_visit(among, starts.begin(), starts.end(), queue, spread, colour);
  Unit rest{"Other nodes", "Other nodes", {}};
  for (const auto v : nodes) (unit[v] == none ? rest : units[unit[v]]).nodes.push_back(v);
  if (!rest.nodes.empty()) units.push_back(std::move(rest));
  return units;
}

std::vector<Unit> by_group(const Graph& graph, std::span<const Vertex> nodes) {
  const detail::NodeGroups groups = detail::group_nodes(graph, nodes);
  std::vector<Unit> units;
  for (std::size_t i = 0; i < groups.groups.size(); ++i) {
    const std::string name(groups.name(graph, i));
    const auto members = groups.groups[i];
    units.push_back({shortened(name), name, std::vector<Vertex>(members.begin(), members.end())});
  }
  if (!groups.loose.empty()) units.push_back({"Not in a group", "Not in a group", groups.loose});
  return units;
}

std::vector<std::size_t> unit_of(const Graph& graph, std::span<const Unit> units) {
  std::vector<std::size_t> of(graph.node_count(), none);
  for (std::size_t k = 0; k < units.size(); ++k) {
    for (const auto v : units[k].nodes) of[v] = k;
  }
  return of;
}

}  // namespace

std::vector<Unit> split_units(const Graph& graph, std::span<const Vertex> nodes, bool group) {
  return group ? by_group(graph, nodes) : by_cause(graph, nodes);
}

UnitPage unit_page(const Graph& graph, const analysis::Analyses& analyses, std::span<const Unit> units, std::size_t k,
                   std::span<const std::size_t> page_of) {
  const std::size_t n = graph.node_count();
  const auto edges = graph.edges();
  std::vector<bool> mine(n, false);
  for (const auto v : units[k].nodes) mine[v] = true;
  std::vector<bool> keep = mine;
  std::vector<bool> wanted(edges.size(), false);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Vertex s = graph.source(edges[i]);
    const Vertex t = graph.target(edges[i]);
    const Edge& e = graph.edge(edges[i]);
    if (e.relation != Relation::undercuts) {
      if (!mine[s] && !mine[t]) continue;
      wanted[i] = keep[s] = keep[t] = true;
      continue;
    }
    const Vertex as = graph.source(edges[e.undercut]);
    const Vertex at = graph.target(edges[e.undercut]);
    if (!mine[s] && !mine[as] && !mine[at]) continue;
    wanted[i] = wanted[e.undercut] = keep[s] = keep[as] = keep[at] = true;
  }
  UnitPage page;
  page.view = make_view(graph, keep, wanted);
  const auto of = unit_of(graph, units);
  page.references.resize(page.view.node_of.size());
  for (std::size_t j = 0; j < page.view.node_of.size(); ++j) {
    const Vertex v = page.view.node_of[j];
    if (mine[v]) continue;
    // A node in none of the units: while the pages are planned, a
    // reference as long as a real one.
    page.references[j] = of[v] == none ? std::string("→ p. 00, another part")
                                       : "→ p. " + std::to_string(page_of[of[v]]) + ", " + units[of[v]].name;
  }
  // Everything the diagram shows, the exclusion and the points of failure too.
  page.results = restrict(analyses, page.view);
  return page;
}

namespace {

constexpr std::string_view font = "Helvetica,Arial,sans-serif";
constexpr std::size_t most_listed = 6;

void append_row(std::string& out, std::string_view cell) {
  out += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"2\">";
  out += cell;
  out += "</TD></TR>";
}

std::string escaped(std::string_view text) {
  std::string out;
  detail::append_dot_html(out, text);
  return out;
}

std::string wrapped(std::string_view text, std::size_t width) {
  std::string out;
  const auto lines = detail::wrap(text, width);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "<BR/>";
    detail::append_dot_html(out, lines[i]);
  }
  return out;
}

// The claims that head unit `k`: those that support nothing and are an
// element of nothing in it.
std::vector<Vertex> main_claims(const Graph& graph, const Unit& unit, const std::vector<std::size_t>& of,
                                std::size_t k) {
  std::vector<Vertex> out;
  for (const auto v : unit.nodes) {
    if (!is_claim(graph.node(v))) continue;
    bool heads_unit = true;
    for (const auto e : graph.out_edges(v)) {
      if (carries(graph.edge(e).relation) && of[graph.target(e)] == k) heads_unit = false;
    }
    if (heads_unit) out.push_back(v);
  }
  return out;
}

void append_claims(std::string& out, const Graph& graph, const analysis::Analyses& analyses,
                   const std::vector<Vertex>& claims) {
  for (std::size_t i = 0; i < claims.size() && i < most_listed; ++i) {
    out += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"";
    out += analyses.status != nullptr ? ">" : " COLSPAN=\"2\">";
    out += wrapped(graph.node(claims[i]).label, 42);
    out += "</TD>";
    if (analyses.status != nullptr) {
      out += "<TD ALIGN=\"RIGHT\" VALIGN=\"TOP\"><B>";
      out += analysis::to_string(analyses.status->labels[claims[i]]);
      out += "</B></TD>";
    }
    out += "</TR>";
  }
  if (claims.size() > most_listed) {
    append_row(out, "<I>and " + std::to_string(claims.size() - most_listed) + " more</I>");
  }
}

void append_gaps(std::string& out, const Graph& graph, const analysis::Analyses& analyses, const Unit& unit) {
  if (analyses.grounding == nullptr) return;
  std::vector<std::string_view> lacking;
  for (const auto v : unit.nodes) {
    if (is_claim(graph.node(v)) && !analyses.grounding->grounded[v]) lacking.push_back(graph.node(v).id);
  }
  if (lacking.empty()) {
    append_row(out, "every claim has evidence");
    return;
  }
  std::string cell = "<B>LACKS EVIDENCE: ";
  for (std::size_t i = 0; i < lacking.size() && i < most_listed; ++i) {
    if (i > 0) cell += ", ";
    cell += escaped(lacking[i]);
  }
  if (lacking.size() > most_listed) cell += " and " + std::to_string(lacking.size() - most_listed) + " more";
  append_row(out, cell + "</B>");
}

void append_unit(std::string& out, const Graph& graph, const analysis::Analyses& analyses,
                 std::span<const Unit> units, std::size_t k, const std::vector<std::size_t>& of, std::size_t page) {
  out += "  u" + std::to_string(k) + " [label=<<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\">";
  out += "<TR><TD ALIGN=\"LEFT\"><B><FONT POINT-SIZE=\"12\">" + escaped(units[k].name) + "</FONT></B></TD>";
  out += "<TD ALIGN=\"RIGHT\">p. " + std::to_string(page) + "</TD></TR>";
  append_claims(out, graph, analyses, main_claims(graph, units[k], of, k));
  append_gaps(out, graph, analyses, units[k]);
  append_row(out, "<FONT POINT-SIZE=\"8\">" + std::to_string(units[k].nodes.size()) + " nodes</FONT>");
  out += "</TABLE>>];\n";
}

std::string_view style_of(Relation relation) {
  switch (relation) {
    case Relation::supports: return "style=solid, arrowhead=normal";
    case Relation::contradicts: return "style=bold, arrowhead=tee";
    case Relation::element_of: return "style=dotted, arrowhead=diamond";
    case Relation::undercuts: return "style=dashed, arrowhead=teeodot";
  }
  return "";
}

}  // namespace

std::string overview_dot(const Graph& graph, const analysis::Analyses& analyses, std::span<const Unit> units,
                         std::span<const std::size_t> page_of) {
  const auto of = unit_of(graph, units);
  std::string out = "digraph overview {\n  graph [rankdir=BT, nodesep=0.35, ranksep=0.6, fontname=\"";
  out += font;
  out += "\"];\n  node [shape=box, style=rounded, penwidth=1.2, color=\"#37474f\", fontsize=10, fontname=\"";
  out += font;
  out += "\"];\n  edge [color=\"#37474f\", fontsize=9, fontname=\"";
  out += font;
  out += "\"];\n";
  for (std::size_t k = 0; k < units.size(); ++k) append_unit(out, graph, analyses, units, k, of, page_of[k]);
  // One edge per pair of units and relation, in order of first appearance.
  std::map<std::tuple<std::size_t, std::size_t, Relation>, std::size_t> counts;
  std::vector<std::tuple<std::size_t, std::size_t, Relation>> order;
  const auto edges = graph.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    const std::size_t to = of[graph.target(e.relation == Relation::undercuts ? edges[e.undercut] : edges[i])];
    const std::size_t from = of[graph.source(edges[i])];
    if (from == to || from == none || to == none) continue;
    const auto key = std::make_tuple(from, to, e.relation);
    if (counts[key]++ == 0) order.push_back(key);
  }
  for (const auto& key : order) {
    const auto [from, to, relation] = key;
    const std::size_t count = counts[key];
    out += "  u" + std::to_string(from) + " -> u" + std::to_string(to) + " [" + std::string(style_of(relation));
    out += ", label=\" " + std::to_string(count) + ' ' + std::string(to_string(relation)) + "\"];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace claimgraph::io::exhibit
