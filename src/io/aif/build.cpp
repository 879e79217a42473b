// The graph made from a checked AIF map: a node for each I-node and for
// each RA or CA with linked premises, and the edges that each RA and CA
// stands for, in the order of the AIF edges that carry them.

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "detail/text.hpp"
#include "detail/unique_name.hpp"
#include <nlohmann/json.hpp>

#include "io/aif/map.hpp"

namespace claimgraph::io::aif {

using detail::shown;

namespace {

// An edge of the graph being made.
struct Produced {
  std::size_t order = 0;  // the AIF edge that carries it...
  std::size_t then = 0;   // ...and, among those it carries, this
  Graph::NodeRef from = 0;
  Graph::NodeRef to = 0;
  Relation relation = Relation::supports;
  std::optional<std::string> id;
  Attributes extra;
  std::size_t undercut = npos;  // undercuts: the produced supports edge it attacks
  std::size_t ra = npos;        // supports: the RA (node index) it comes from
};

class GraphBuilder {
 public:
  GraphBuilder(Context& cx, Map& map, std::size_t max_edges, Graph& graph)
      : cx_(cx), map_(map), max_edges_(max_edges), graph_(graph) {}

  // The graph's nodes, in map order: the I-nodes, and a node for each RA or
  // CA with linked premises.
  void make_nodes() {
    const std::vector<bool> concluded = conclusions();
    vertex_.assign(map_.nodes.size(), npos);
    for (std::size_t i = 0; i < map_.nodes.size(); ++i) {
      if (map_.nodes[i].type == NodeType::I) {
        vertex_[i] = graph_.add_node(proposition(map_.nodes[i], concluded[i]));
      } else if (map_.scheme_of[i] != npos && scheme_at(i).linked) {
        vertex_[i] = graph_.add_node(linked_node(map_.nodes[i]));
        scheme_at(i).vertex = vertex_[i];
      }
    }
    for (std::size_t i = 0; i < map_.nodes.size(); ++i) {
      if (map_.scheme_of[i] == npos) continue;
      Scheme& s = scheme_at(i);
      if (!s.linked && !s.premises.empty()) s.vertex = vertex_[edge(s.premises.front()).from];
    }
  }

  // The graph's edges, each ordered by the AIF edge that carries it: the
  // edge into the RA or CA from the premise (or, for a linked node's own
  // support, the edge out to the conclusion).
  void make_edges() {
    // Inferences first: undercuts name the supports edges they give.
    for (std::size_t i = 0; i < map_.nodes.size(); ++i) {
      if (map_.nodes[i].type == NodeType::RA) make_inference(i);
    }
    for (std::size_t i = 0; i < map_.nodes.size(); ++i) {
      if (map_.nodes[i].type == NodeType::CA) make_conflict(i);
    }
  }

  // Every supports edge that is undercut needs an id for a case file to name
  // it: the RA's nodeID, made unique.
  void name_undercut_targets() {
    std::unordered_set<std::string> taken;
    for (const auto& p : produced_) {
      if (p.id) taken.insert(*p.id);
    }
    for (const auto& p : produced_) {
      if (p.relation != Relation::undercuts) continue;
      Produced& target = produced_[p.undercut];
      if (!target.id) target.id = detail::unique_name(map_.nodes[target.ra].id, taken);
    }
  }

  // Adds the edges to the graph in the order of the AIF edges.
  void add_edges() {
    std::vector<std::size_t> order(produced_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const Produced& x = produced_[a];
      const Produced& y = produced_[b];
      return x.order != y.order ? x.order < y.order : x.then < y.then;
    });
    std::vector<std::size_t> position(produced_.size());
    for (std::size_t k = 0; k < order.size(); ++k) position[order[k]] = k;
    std::vector<Graph::EdgeSpec> specs;
    specs.reserve(produced_.size());
    for (std::size_t k : order) {
      Produced& p = produced_[k];
      // The scheme and critical question, kept with the edge's fields.
      SchemeNames names;
      erase_if(p.extra, [&](const Attribute& a) {
        const bool scheme = a.key == "scheme" && p.relation == Relation::supports;
        const bool question =
            a.key == "question" && (p.relation == Relation::supports || p.relation == Relation::undercuts);
        if ((!scheme && !question) || a.json.size() < 3 || a.json.front() != '"') return false;
        std::string value = nlohmann::json::parse(a.json).get<std::string>();
        if (value.empty()) return false;
        (scheme ? names.scheme : names.question) = std::move(value);
        return true;
      });
      Graph::EdgeSpec spec{p.from, p.to, p.relation, std::move(p.extra), std::move(p.id)};
      if (!names.scheme.empty() || !names.question.empty()) {
        spec.names = std::make_shared<const SchemeNames>(std::move(names));
      }
      if (p.relation == Relation::undercuts) spec.undercut = position[p.undercut];
      specs.push_back(std::move(spec));
    }
    graph_.add_edges(std::move(specs));
  }

 private:
  [[nodiscard]] const MapEdge& edge(std::size_t e) const { return map_.edges[e]; }
  // What RA or CA `node` (an index into map_.nodes) joins.
  [[nodiscard]] Scheme& scheme_at(std::size_t node) { return map_.schemes[map_.scheme_of[node]]; }

  // Reports a problem with edge `e` of the map.
  void edge_error(std::size_t e, std::string message) {
    cx_.diagnostics.error(edge(e).value->offset, cx_.edge_pointer(edge(e).index), std::move(message));
  }
  void edge_warning(std::size_t e, std::string message) {
    cx_.diagnostics.warning(edge(e).value->offset, cx_.edge_pointer(edge(e).index), std::move(message));
  }

  // Per node: whether it is the conclusion of some RA.
  [[nodiscard]] std::vector<bool> conclusions() const {
    std::vector<bool> concluded(map_.nodes.size(), false);
    for (std::size_t i = 0; i < map_.nodes.size(); ++i) {
      if (map_.nodes[i].type != NodeType::RA) continue;
      for (std::size_t e : map_.schemes[map_.scheme_of[i]].conclusions) concluded[edge(e).to] = true;
    }
    return concluded;
  }

  // The node of I-node `n`: a claim when it is concluded, else evidence,
  // unless its "claimgraph" object gives the kind.
  Node proposition(MapNode& n, bool concluded) {
    Node node = std::move(n.fields);
    node.id = n.id;
    if (!n.kind_given) node.kind = concluded ? NodeKind::claim : NodeKind::evidence;
    if (detail::only_whitespace(n.text->text)) {
      cx_.diagnostics.warning(n.text->offset, field_pointer(cx_.node_pointer(n.index), "text"),
                              "I-node " + shown(n.id) + " has no text; its id is its label");
      node.label = n.id;
    } else {
      node.label = n.text->text;
    }
    return node;
  }

  // The claim that holds the linked premises of RA or CA `n` together.
  static Node linked_node(const MapNode& n) {
    Node node;
    node.id = n.id;
    node.kind = NodeKind::claim;
    const bool blank = n.text == nullptr || detail::only_whitespace(n.text->text);
    node.label = !blank ? n.text->text : n.type == NodeType::RA ? "Linked premises" : "Linked conflict";
    return node;
  }

  Produced& produce(std::size_t order, std::size_t then, std::size_t from, std::size_t to, Relation relation) {
    if (produced_.size() >= max_edges_) {
      cx_.diagnostics.fatal_parse(edge(order).value->offset, cx_.edge_pointer(edge(order).index), Limit::edges,
                                  "more than " + std::to_string(max_edges_) + " edges in the graph");
    }
    Produced& p = produced_.emplace_back();
    p.order = order;
    p.then = then;
    p.from = from;
    p.to = to;
    p.relation = relation;
    return p;
  }

  // The fields kept on premise edge `e` go to the one graph edge it gives.
  void take_fields(std::size_t e, Produced& p, std::size_t gives) {
    take_edge_fields(cx_, edge(e).ext, p.id, p.extra);
    if (p.id && gives > 1) {
      const Value* id = member(*edge(e).ext, "id");
      cx_.diagnostics.error(id->offset, field_pointer(cx_.edge_fields_pointer(edge(e).index), "id"),
                            "the edge id " + shown(*p.id) + " would name " + std::to_string(gives) +
                                " edges of the graph; an edge id names one");
      p.id.reset();
    }
  }

  void link_premises(const Scheme& s) {
    for (std::size_t e : s.premises) {
      Produced& p = produce(e, 0, vertex_[edge(e).from], s.vertex, Relation::element_of);
      take_fields(e, p, 1);
    }
  }

  // Whether premise edge `pe` and conclusion edge `ce` of inference `n`
  // join two nodes; reported when they do not.
  bool distinct(std::size_t pe, std::size_t ce, const MapNode& n) {
    if (edge(pe).from != edge(ce).to) return true;
    edge_error(ce, "the inference " + shown(n.id) + " (RA) concludes its own premise " +
                       shown(map_.nodes[edge(ce).to].id) + "; an edge must join two different nodes");
    return false;
  }

  // An RA that stands for element-of edges: one from each premise to each
  // conclusion.
  void make_elements(const MapNode& n, const Scheme& s) {
    for (std::size_t pe : s.premises) {
      for (std::size_t ce : s.conclusions) {
        if (!distinct(pe, ce, n)) continue;
        Produced& p = produce(pe, ce, vertex_[edge(pe).from], vertex_[edge(ce).to], Relation::element_of);
        take_fields(pe, p, s.conclusions.size());
      }
    }
  }

  void make_inference(std::size_t i) {
    const MapNode& n = map_.nodes[i];
    Scheme& s = scheme_at(i);
    if (n.element_of) {
      make_elements(n, s);
      return;
    }
    if (s.linked) link_premises(s);
    for (std::size_t ce : s.conclusions) {
      const std::size_t order = s.linked ? ce : s.premises.front();
      if (!s.linked && !distinct(s.premises.front(), ce, n)) continue;
      s.supports.push_back(produced_.size());
      Produced& p = produce(order, ce, s.vertex, vertex_[edge(ce).to], Relation::supports);
      p.ra = i;
      if (!s.linked) take_fields(s.premises.front(), p, s.conclusions.size());
    }
  }

  // An attack of conflict `s` carried by AIF edge `then`: ordered by the
  // edge into the CA from its one premise (which gives `gives` edges of the
  // graph and its fields to each), or by `then` itself when the premises
  // are linked.
  Produced& attack(const Scheme& s, std::size_t then, Graph::NodeRef to, Relation relation, std::size_t gives) {
    Produced& p = produce(s.linked ? then : s.premises.front(), then, s.vertex, to, relation);
    if (!s.linked) take_fields(s.premises.front(), p, gives);
    return p;
  }

  void make_conflict(std::size_t i) {
    const MapNode& n = map_.nodes[i];
    const Scheme& s = scheme_at(i);
    if (s.linked) link_premises(s);
    // How many edges of the graph the premise's edge gives.
    std::size_t gives = s.conclusions.size();
    for (std::size_t ae : s.attacks) {
      const std::size_t target = edge(ae).to;
      gives += map_.nodes[target].type == NodeType::RA ? scheme_at(target).supports.size() : 1;
    }
    for (std::size_t ce : s.conclusions) contradict(n, s, ce, gives);
    for (std::size_t ae : s.attacks) {
      if (map_.nodes[edge(ae).to].type == NodeType::RA) {
        undercut(n, s, ae, gives);
      } else {
        attack_conflict(n, s, ae, gives);
      }
    }
  }

  // Conflict `n` with conclusion edge `ce`: its premise contradicts the
  // conclusion.
  void contradict(const MapNode& n, const Scheme& s, std::size_t ce, std::size_t gives) {
    const Graph::NodeRef to = vertex_[edge(ce).to];
    if (to == s.vertex) {
      edge_error(ce, "the conflict " + shown(n.id) + " (CA) makes " + shown(graph_.node(s.vertex).id) +
                         " attack itself, which a case file cannot hold");
      return;
    }
    attack(s, ce, to, Relation::contradicts, gives);
  }

  // Conflict `n` aimed at an RA by edge `ae`: its premise undercuts every
  // supports edge the RA gave.
  void undercut(const MapNode& n, const Scheme& s, std::size_t ae, std::size_t gives) {
    const MapNode& attacked = map_.nodes[edge(ae).to];
    if (attacked.element_of) {
      edge_error(ae, "the conflict " + shown(n.id) + " (CA) attacks the RA " + shown(attacked.id) +
                         ", which stands for element-of edges; only supports edges can be undercut");
      return;
    }
    for (std::size_t support : scheme_at(edge(ae).to).supports) {
      if (produced_[support].to == s.vertex) {
        edge_error(ae, "the conflict " + shown(n.id) + " (CA) makes " + shown(graph_.node(s.vertex).id) +
                           " undercut a support of itself; an undercut must come from another node");
        continue;
      }
      Produced& p = attack(s, ae, produced_[support].to, Relation::undercuts, gives);
      p.undercut = support;
    }
  }

  // Conflict `n` aimed at another CA by edge `ae`: claimgraph has no attacks
  // on edges other than supports, so it becomes an attack on the attacked
  // conflict's premise.
  void attack_conflict(const MapNode& n, const Scheme& s, std::size_t ae, std::size_t gives) {
    const MapNode& attacked = map_.nodes[edge(ae).to];
    const Graph::NodeRef to = scheme_at(edge(ae).to).vertex;
    const std::string& attacker = graph_.node(s.vertex).id;
    if (to == s.vertex) {
      edge_warning(ae, "the conflict " + shown(n.id) + " (CA) attacks the conflict " + shown(attacked.id) +
                           " (CA) from its own premise " + shown(attacker) + "; dropped");
      return;
    }
    edge_warning(ae, "the conflict " + shown(n.id) + " (CA) attacks the conflict " + shown(attacked.id) +
                         " (CA), an attack on an attack, which claimgraph cannot hold; kept as " + shown(attacker) +
                         " contradicts " + shown(graph_.node(to).id) + ", the premise of " + shown(attacked.id));
    attack(s, ae, to, Relation::contradicts, gives);
  }

  Context& cx_;
  Map& map_;
  std::size_t max_edges_;
  Graph& graph_;
  std::vector<Graph::NodeRef> vertex_;  // per node: its vertex in the graph, or npos
  std::vector<Produced> produced_;
};

}  // namespace

bool make_graph(Context& cx, Map& map, std::size_t max_edges, Graph& graph) {
  GraphBuilder builder(cx, map, max_edges, graph);
  builder.make_nodes();
  builder.make_edges();
  if (cx.diagnostics.failed()) return false;
  builder.name_undercut_targets();
  builder.add_edges();
  return true;
}

}  // namespace claimgraph::io::aif
