// What each scheme node (RA or CA) of an AIF map joins: the edges into it
// from I-nodes are its premises, those out of it to I-nodes its
// conclusions, those from a CA to an RA or CA its attacks. Edges that
// touch rephrases, preferences or the dialogue are dropped, and so are
// those that mean nothing in claimgraph.

#include <array>
#include <unordered_set>
#include <utility>

#include "detail/text.hpp"
#include "io/aif/map.hpp"

namespace claimgraph::io::aif {

using detail::shown;

namespace {

// "I-node "a"", "RA "7"": a node as messages name it.
std::string described(const MapNode& n) {
  return std::string(n.type == NodeType::I ? "I-node" : name(n.type)) + " " + shown(n.id);
}

// The nodes and edges with no counterpart in claimgraph, for one warning.
struct Dropped {
  std::array<std::size_t, type_names.size()> nodes{};  // per type
  std::size_t first = npos;                             // the first dropped node
  std::size_t edges = 0;
};

// Gives each RA and CA its entry in map.schemes.
void number_schemes(Map& map) {
  map.scheme_of.assign(map.nodes.size(), npos);
  for (std::size_t i = 0; i < map.nodes.size(); ++i) {
    if (scheme(map.nodes[i].type)) {
      map.scheme_of[i] = map.schemes.size();
      map.schemes.emplace_back();
    }
  }
}

// Counts the nodes dropped, and warns of "claimgraph" objects on nodes that
// cannot have one.
void survey_nodes(Context& cx, const Map& map, Dropped& tally) {
  for (std::size_t i = 0; i < map.nodes.size(); ++i) {
    const MapNode& n = map.nodes[i];
    if (dropped(n.type)) {
      ++tally.nodes[static_cast<std::size_t>(n.type)];
      if (tally.first == npos) tally.first = i;
    }
    if (n.ext != nullptr && n.type != NodeType::I && n.type != NodeType::RA) {
      cx.diagnostics.warning(n.ext->offset, cx.node_fields_pointer(n.index),
                             "a \"claimgraph\" object on " + std::string(name(n.type)) +
                                 " nodes means nothing to claimgraph; ignored");
    }
  }
}

// Sorts edge `e` into what it means for the scheme nodes it joins.
void sort_edge(Context& cx, Map& map, std::size_t e, Dropped& tally) {
  const MapEdge& edge = map.edges[e];
  const MapNode& from = map.nodes[edge.from];
  const MapNode& to = map.nodes[edge.to];
  const bool premise = from.type == NodeType::I && scheme(to.type);
  if (edge.ext != nullptr && !premise) {
    cx.diagnostics.warning(edge.ext->offset, cx.edge_fields_pointer(edge.index),
                           "a \"claimgraph\" object belongs on an edge from an I-node into an RA or CA node; ignored");
  }
  if (dropped(from.type) || dropped(to.type)) {
    ++tally.edges;
  } else if (premise) {
    map.schemes[map.scheme_of[edge.to]].premises.push_back(e);
  } else if (scheme(from.type) && to.type == NodeType::I) {
    map.schemes[map.scheme_of[edge.from]].conclusions.push_back(e);
  } else if (from.type == NodeType::CA && scheme(to.type)) {
    map.schemes[map.scheme_of[edge.from]].attacks.push_back(e);
  } else if (from.type == NodeType::I) {
    cx.diagnostics.warning(edge.value->offset, cx.edge_pointer(edge.index),
                           "an edge from I-node " + shown(from.id) + " to I-node " + shown(to.id) +
                               " says nothing in AIF, where propositions are joined through RA, CA or MA nodes; "
                               "dropped");
  } else {
    cx.diagnostics.warning(edge.value->offset, cx.edge_pointer(edge.index),
                           "an edge from " + described(from) + " to " + described(to) +
                               " has no counterpart in claimgraph; dropped");
  }
}

// "3 MA, 1 L and 2 YA": the dropped nodes counted by type.
std::string counted_by_type(const Dropped& tally) {
  std::vector<std::string> counts;
  for (std::size_t k = 0; k < type_names.size(); ++k) {
    if (tally.nodes[k] > 0) counts.push_back(std::to_string(tally.nodes[k]) + " " + std::string(type_names[k]));
  }
  std::string list;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (k > 0) list += k + 1 == counts.size() ? " and " : ", ";
    list += counts[k];
  }
  return list;
}

// One warning for every node and edge dropped, at the first such node.
void report_dropped(Context& cx, const Map& map, const Dropped& tally) {
  if (tally.first == npos) return;
  std::size_t total = 0;
  for (std::size_t c : tally.nodes) total += c;
  std::string message = "dropped " + counted_by_type(tally) + (total == 1 ? " node" : " nodes");
  if (tally.edges > 0) {
    message += " and the " + std::to_string(tally.edges) +
               (tally.edges == 1 ? " edge that touches" : " edges that touch");
    message += total == 1 ? " it" : " them";
  }
  message += ": claimgraph has no counterpart for rephrases (MA), preferences (PA) or the dialogue (L, YA, TA)";
  const MapNode& n = map.nodes[tally.first];
  cx.diagnostics.warning(n.value->offset, cx.node_pointer(n.index), std::move(message));
}

// Removes repeated ends from `list` (edges of scheme node `s`), with a
// warning for each: `to` tells which end, `what` what it is to `s`.
void drop_repeats(Context& cx, const Map& map, std::vector<std::size_t>& list, bool to, const MapNode& s,
                  const char* what) {
  std::unordered_set<std::size_t> seen;
  std::vector<std::size_t> kept;
  kept.reserve(list.size());
  for (std::size_t e : list) {
    const MapEdge& edge = map.edges[e];
    const std::size_t end = to ? edge.to : edge.from;
    if (seen.insert(end).second) {
      kept.push_back(e);
      continue;
    }
    cx.diagnostics.warning(edge.value->offset, cx.edge_pointer(edge.index),
                           described(s) + " has " + shown(map.nodes[end].id) + " as " + what +
                               " twice; the repeat is ignored");
  }
  list = std::move(kept);
}

// An RA needs a premise and a conclusion.
void check_inference(Context& cx, const MapNode& n, Scheme& s) {
  const std::string pointer = cx.node_pointer(n.index);
  if (s.premises.empty()) {
    cx.diagnostics.error(n.value->offset, pointer,
                         "the inference " + shown(n.id) + " (RA) has no premise: no edge leads into it from an I-node");
  }
  if (s.conclusions.empty()) {
    cx.diagnostics.error(n.value->offset, pointer,
                         "the inference " + shown(n.id) + " (RA) has no conclusion: no edge leads from it to an I-node");
  }
  s.linked = !n.element_of && s.premises.size() > 1;
}

// A CA needs a premise and something to attack.
void check_conflict(Context& cx, const MapNode& n, Scheme& s) {
  const std::string pointer = cx.node_pointer(n.index);
  if (s.premises.empty()) {
    cx.diagnostics.error(n.value->offset, pointer,
                         "the conflict " + shown(n.id) + " (CA) has no premise: no edge leads into it from an I-node");
  }
  if (s.conclusions.empty() && s.attacks.empty()) {
    cx.diagnostics.error(n.value->offset, pointer,
                         "the conflict " + shown(n.id) +
                             " (CA) attacks nothing: no edge leads from it to an I-node, an RA or a CA");
  }
  s.linked = s.premises.size() > 1;
}

}  // namespace

void classify_edges(Context& cx, Map& map) {
  number_schemes(map);
  Dropped tally;
  survey_nodes(cx, map, tally);
  for (std::size_t e = 0; e < map.edges.size(); ++e) sort_edge(cx, map, e, tally);
  report_dropped(cx, map, tally);
}

void check_schemes(Context& cx, Map& map) {
  for (std::size_t i = 0; i < map.nodes.size(); ++i) {
    if (map.scheme_of[i] == npos) continue;
    const MapNode& n = map.nodes[i];
    Scheme& s = map.schemes[map.scheme_of[i]];
    // The elements of a claim may repeat (a parallel edge); premises of an
    // inference or a conflict may not.
    if (!n.element_of) drop_repeats(cx, map, s.premises, false, n, "a premise");
    drop_repeats(cx, map, s.conclusions, true, n, n.type == NodeType::RA ? "a conclusion" : "a target");
    drop_repeats(cx, map, s.attacks, true, n, "a target");
    if (n.type == NodeType::RA) {
      check_inference(cx, n, s);
    } else {
      check_conflict(cx, n, s);
    }
  }
}

}  // namespace claimgraph::io::aif
