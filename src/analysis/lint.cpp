#include "claimgraph/analysis/lint.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <tuple>
#include <string>
#include <string_view>
#include <vector>
#include <utility>

#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/suggest.hpp"

namespace claimgraph::analysis {

namespace {

using Vertex = Graph::NodeRef;

// An id or name as messages show it: `s` in double quotes, escaped as a
// JSON string is, so that a finding is one line whatever the names it
// quotes hold (a group named "A\nB" stays "A\nB").
std::string q(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  // Most ids need no escape: copied whole up to the first that does.
  const auto plain = std::find_if(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return c == '"' || c == '\\' || u < 0x20 || u == 0x7f;
  });
  out.append(s.begin(), plain);
  s.remove_prefix(static_cast<std::size_t>(plain - s.begin()));
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7f) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[u >> 4];
      out += hex[u & 0xf];
    } else {
      out += c;
    }
  }
  return out + '"';
}

std::string id_of(const Graph& g, Vertex v) { return q(g.id(v)); }

void add_node(LintSink& out, LintCode code, Vertex v, std::size_t other = Graph::npos,
              std::string hint = {}) {
  out.add({code, v, std::nullopt, other, std::move(hint), {}});
}

void add_edge(LintSink& out, LintCode code, std::size_t e, std::size_t other = Graph::npos,
              std::string hint = {}, std::vector<std::string> names = {}) {
  out.add({code, std::nullopt, e, other, std::move(hint), std::move(names)});
}

// What the rules ask of every node and edge, gathered in one pass over the
// nodes and one over the edges into small arrays: most rules then read no
// node or edge record (each a cache miss on a large case) but those they
// report. An edge's number is its position (Edge::index).
struct Facts {
  // Per node: bits of what it has.
  enum : std::uint8_t {
    source = 1,          // a non-empty source
    cite = 2,            // a structured citation
    party = 4,           // a non-empty party
    test = 8,            // a test of elements
    scheme = 16,         // a scheme
    group = 32,          // a group
    quote_unpinned = 64  // a citation that quotes without a pin
  };
  std::vector<NodeKind> kind;
  std::vector<std::uint8_t> has;
  std::vector<Relation> relation;  // per edge
  // Per node: how many element-of edges leave it and enter it. The other
  // degrees are the graph's own (Graph::in_degree, out_degree).
  std::vector<std::uint32_t> elements_out, elements_in;
  bool questions = false;  // whether any edge names a critical question

  explicit Facts(const Graph& g)
      : kind(g.node_count()), has(g.node_count(), 0), relation(g.edge_count()),
        elements_out(g.node_count(), 0), elements_in(g.node_count(), 0) {
    for (Vertex v = 0; v < g.node_count(); ++v) {
      const Node& n = g.node(v);
      kind[v] = n.kind;
      std::uint8_t bits = 0;
      if (n.source && !n.source->empty()) bits |= source;
      if (!n.cite.empty()) bits |= cite;
      if (n.party && !n.party->empty()) bits |= party;
      if (n.test) bits |= test;
      if (n.scheme) bits |= scheme;
      if (n.group) bits |= group;
      for (const auto& c : n.cite) {
        if (c.quote && !c.pin) bits |= quote_unpinned;
      }
      has[v] = bits;
    }
    for (auto e : g.edges()) {
      const Edge& p = g.edge(e);
      relation[e] = p.relation;
      if (p.relation == Relation::element_of) {
        ++elements_out[g.source(e)];
        ++elements_in[g.target(e)];
      }
      questions = questions || !p.question().empty();
    }
  }
  [[nodiscard]] bool is(Vertex v, std::uint8_t bit) const { return (has[v] & bit) != 0; }
};

// L001. An element is an element of one whole, so a claim that is written
// as the element of two or more nodes, each of which has nothing else (no
// other edge in or out, and no elements of its own but that claim), is a
// whole pointing at its parts: every such edge runs the wrong way.
void reversed_element(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  for (auto e : g.edges()) {
    if (f.relation[e] != Relation::element_of) continue;
    const Vertex whole = g.source(e), part = g.target(e);
    if (f.elements_out[whole] < 2 || !is_claim_like(f.kind[whole])) continue;
    if (g.in_degree(part) != 1 || g.out_degree(part) != 0) continue;
    add_edge(out, LintCode::reversed_element, e, f.elements_out[whole]);
  }
}

// L002. Grounding and evaluation judge a claim with elements by its
// elements alone (docs/format.md, rule 2).
void ignored_support(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  for (auto e : g.edges()) {
    if (f.relation[e] != Relation::supports || f.elements_in[g.target(e)] == 0) continue;
    add_edge(out, LintCode::ignored_support, e);
  }
}

std::string relation_verb(Relation r) {
  switch (r) {
    case Relation::supports: return "supports";
    case Relation::contradicts: return "contradicts";
    case Relation::element_of: return "is an element of";
    case Relation::undercuts: return "undercuts";
  }
  return "supports";
}

// L003 and L004, in one walk over the edges out of each node in turn: both
// ask which edges of a node go to the same target (each walk reads every
// edge's target and relation, a cache miss each in a large case). Each
// node's few out-edges are sorted by target, relation and position (no
// array the size of the graph, no hashing): near-linear, as out-degrees are
// small. The findings of L003 go to `duplicates` and those of L004 to
// `both`, each when given; L003's all before L004's, so that one sink
// given for both receives them in the order of the codes.
void edges_alike(const Graph& g, const Facts& f, LintSink* duplicates, LintSink* both) {
  struct Out {
    std::size_t target;
    Relation relation;
    std::size_t edge;
  };
  std::vector<Out> outs;
  std::vector<std::pair<std::size_t, std::size_t>> repeated;  // edge, the first like it
  std::vector<std::tuple<std::size_t, Vertex, std::size_t>> undercuts;  // attacked edge, from, edge
  std::vector<std::size_t> later;  // per pair of nodes with both: the later of the first of each
  const std::size_t n = g.node_count();
  for (Vertex u = 0; u < n; ++u) {
    // The edges' ends lie anywhere: loaded a few nodes ahead (a hint).
    if (u + 4 < n) {
      for (const auto e : g.out_edges(u + 4)) g.prefetch_ends(e);
    }
    outs.clear();
    for (const auto e : g.out_edges(u)) outs.push_back({g.target(e), f.relation[e], e});
    std::sort(outs.begin(), outs.end(), [](const Out& a, const Out& b) {
      return std::tie(a.target, a.relation, a.edge) < std::tie(b.target, b.relation, b.edge);
    });
    // L003: an edge like the first of its run (same target and relation);
    // an undercut is the same as another when it attacks the same edge,
    // which is compared below. L004: a target that the node both supports
    // and contradicts, at the later of the first supports edge and the
    // first contradicts edge (a supports run comes before a contradicts run
    // of the same target: the relations' order).
    std::size_t supports = Graph::npos;  // the first supports edge to the current target
    for (std::size_t k = 0, run = 0; k < outs.size(); ++k) {
      const Out& o = outs[k];
      const bool same_run = k > 0 && o.target == outs[run].target && o.relation == outs[run].relation;
      if (!same_run) {
        if (k == 0 || o.target != outs[run].target) supports = Graph::npos;
        run = k;
        if (o.relation == Relation::supports) supports = o.edge;
        if (o.relation == Relation::contradicts && supports != Graph::npos) later.push_back(std::max(supports, o.edge));
      }
      if (duplicates == nullptr) continue;
      if (o.relation == Relation::undercuts) {
        undercuts.emplace_back(g.edge(o.edge).undercut, u, o.edge);
      } else if (same_run) {
        repeated.emplace_back(o.edge, outs[run].edge);
      }
    }
  }
  if (duplicates != nullptr) {
    std::sort(undercuts.begin(), undercuts.end());
    for (std::size_t k = 1, run = 0; k < undercuts.size(); ++k) {
      if (std::get<0>(undercuts[k]) != std::get<0>(undercuts[run]) ||
          std::get<1>(undercuts[k]) != std::get<1>(undercuts[run])) {
        run = k;
      } else {
        repeated.emplace_back(std::get<2>(undercuts[k]), std::get<2>(undercuts[run]));
      }
    }
    std::sort(repeated.begin(), repeated.end());
    for (const auto& [i, first] : repeated) add_edge(*duplicates, LintCode::duplicate_edge, i, first);
  }
  if (both != nullptr) {
    std::sort(later.begin(), later.end());
    for (std::size_t i : later) add_edge(*both, LintCode::supports_and_contradicts, i);
  }
}

// L003. An undercut is the same as another when it comes from the same node
// against the same supports edge.
void duplicate_edge(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  edges_alike(g, f, &out, nullptr);
}

// L004. Reported at the later of the two edges: the first supports and the
// first contradicts edge of the pair.
void supports_and_contradicts(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  edges_alike(g, f, nullptr, &out);
}

// L005.
void evidence_without_source(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (f.kind[v] != NodeKind::evidence || f.is(v, Facts::source) || f.is(v, Facts::cite)) continue;
    add_node(out, LintCode::evidence_without_source, v);
  }
}

// L006. Walks back from every claim and counterclaim over the edges into
// them (an undercut bears on the claim whose support it attacks): what is
// not reached bears on no claim.
void bears_on_no_claim(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  std::vector<bool> reached(g.node_count(), false);
  // Breadth first, so that the nodes to be walked are known a few places
  // ahead: the ends of their edges, anywhere in a large graph, are loaded
  // meanwhile (a hint). What is reached does not depend on the order.
  std::vector<Vertex> queue;
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (is_claim_like(f.kind[v])) {
      reached[v] = true;
      queue.push_back(v);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    if (head + 4 < queue.size()) {
      for (const auto& e : g.in_edges(queue[head + 4])) g.prefetch_ends(e);
    }
    const Vertex v = queue[head];
    for (const auto& e : g.in_edges(v)) {
      const Vertex u = g.source(e);
      if (reached[u]) continue;
      reached[u] = true;
      queue.push_back(u);
    }
  }
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (!reached[v]) add_node(out, LintCode::bears_on_no_claim, v);
  }
}

// L007.
void claim_without_party(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (!is_claim_like(f.kind[v]) || f.is(v, Facts::party)) continue;
    add_node(out, LintCode::claim_without_party, v);
  }
}

// L008. A group of one is most often a misspelt group name. The groups are
// counted in one pass over the nodes, in order, into an open-addressing
// table keyed by the name's hash whose slots hold a group's first node and
// its count: a node's group name is read once and compared only with its
// group's first node (on a large case, the order of a sort by hash sent
// every node's name to the cache from a random place). Linear, and no tree
// of a million names when every node has its own group.
void group_of_one(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t first = 0;  // the group's first node
    std::uint32_t count = 0;  // 0: a free slot
  };
  const std::hash<std::string_view> hash;
  std::vector<Slot> table(64);
  std::size_t used = 0;
  const auto place = [](std::vector<Slot>& t, const Slot& s) {
    const std::size_t mask = t.size() - 1;
    std::size_t i = s.hash & mask;
    while (t[i].count != 0) i = (i + 1) & mask;
    t[i] = s;
  };
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (!f.is(v, Facts::group)) continue;
    const std::string_view name = *g.node(v).group;
    const std::uint64_t h = hash(name);
    const std::size_t mask = table.size() - 1;
    std::size_t i = h & mask;
    while (table[i].count != 0 && (table[i].hash != h || *g.node(table[i].first).group != name)) i = (i + 1) & mask;
    if (table[i].count != 0) {
      ++table[i].count;
      continue;
    }
    table[i] = Slot{h, static_cast<std::uint32_t>(v), 1};
    if (++used * 2 > table.size()) {
      std::vector<Slot> larger(table.size() * 2);
      for (const Slot& s : table) {
        if (s.count != 0) place(larger, s);
      }
      table.swap(larger);
    }
  }
  std::vector<std::string_view> names;  // the groups of more than one node
  std::vector<Vertex> lonely;           // the nodes alone in their group
  for (const Slot& s : table) {
    if (s.count > 1) names.push_back(*g.node(s.first).group);
    if (s.count == 1) lonely.push_back(s.first);
  }
  std::sort(names.begin(), names.end());
  if (names.size() > 500) names.clear();  // suggestions compare every pair: keep them cheap
  std::sort(lonely.begin(), lonely.end());
  for (Vertex v : lonely) {
    add_node(out, LintCode::group_of_one, v, Graph::npos, nearest(*g.node(v).group, names).value_or(""));
  }
}

// L009.
void idle_counterclaim(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  std::vector<bool> attacks(g.node_count(), false);
  for (auto e : g.edges()) {
    const Relation r = f.relation[e];
    if (r == Relation::contradicts || r == Relation::undercuts) attacks[g.source(e)] = true;
  }
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (f.kind[v] != NodeKind::counterclaim || attacks[v]) continue;
    add_node(out, LintCode::idle_counterclaim, v);
  }
}

// The id Graph::add_undercut gives an edge at position i: "e<i>", or
// "e<i>_<k>" when that is taken.
bool generated_id(std::string_view id, std::size_t i) {
  std::string base(1, 'e');  // (not "e" + to_string: GCC 12 gives a false -Wrestrict)
  base += std::to_string(i);
  if (!id.starts_with(base)) return false;
  id.remove_prefix(base.size());
  if (id.empty()) return true;
  if (id.size() < 2 || id.front() != '_') return false;
  return std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// L010. An undercut names its supports edge by id; when the input did not
// write that id (an Argdown or AIF input), the reader made one up, and a
// case file written from it depends on that made-up name.
void undercut_unnamed_support(const Graph& g, const Facts& f, const LintOptions& options, LintSink& out) {
  for (auto e : g.edges()) {
    if (f.relation[e] != Relation::undercuts) continue;
    const Edge& p = g.edge(e);
    const Edge& attacked = g.edge(g.edges()[p.undercut]);
    const bool written = options.edge_id_written.size() == g.edge_count() ? options.edge_id_written[p.undercut]
                                                                           : !generated_id(attacked.id.value_or(""), p.undercut);
    if (!written) add_edge(out, LintCode::undercut_unnamed_support, p.index);
  }
}

// The key under which ids that differ only in case or punctuation meet:
// ASCII letters lower-cased, ASCII characters other than letters and
// digits dropped, other bytes kept. Calls `put(c)` for each of its bytes.
template <class Put>
void fold(std::string_view id, Put put) {
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      put(c);
    } else if (c >= 'A' && c <= 'Z') {
      put(static_cast<char>(c - 'A' + 'a'));
    }
  }
}

// FNV-1a of the folded id: equal folded ids have equal hashes.
std::uint64_t folded_hash(std::string_view id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  fold(id, [&](char c) { h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL; });
  return h;
}

std::string folded(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  fold(id, [&](char c) { out += c; });
  return out;
}

// L011. Reported at every node but the first of its spelling. The nodes
// are sorted by the hash of their folded id, so only ids in a run of equal
// hashes are folded and compared (no string is built for the others).
void similar_ids(const Graph& g, const Facts&, const LintOptions&, LintSink& out) {
  std::vector<std::pair<std::uint64_t, Vertex>> keyed;
  keyed.reserve(g.node_count());
  for (Vertex v = 0; v < g.node_count(); ++v) keyed.emplace_back(folded_hash(g.id(v)), v);
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::pair<Vertex, Vertex>> found;  // node, the first with its folded id
  for (std::size_t i = 0; i < keyed.size();) {
    std::size_t j = i + 1;
    while (j < keyed.size() && keyed[j].first == keyed[i].first) ++j;
    if (j - i > 1) {
      // A run in node order: each node meets the first before it with its folded id.
      std::vector<std::pair<std::string, Vertex>> seen;
      for (std::size_t k = i; k < j; ++k) {
        std::string key = folded(g.id(keyed[k].second));
        const auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == key; });
        if (it != seen.end()) {
          found.emplace_back(keyed[k].second, it->second);
        } else {
          seen.emplace_back(std::move(key), keyed[k].second);
        }
      }
    }
    i = j;
  }
  std::sort(found.begin(), found.end());
  for (const auto& [v, first] : found) add_node(out, LintCode::similar_ids, v, first);
}

// L012. A test of elements says how a claim's elements decide it, so on
// evidence, or on a claim with no element-of edges into it, it decides
// nothing: most often the elements were left out or the test was put on
// the wrong node.
void idle_test(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (!f.is(v, Facts::test) || (is_claim_like(f.kind[v]) && f.elements_in[v] > 0)) continue;
    add_node(out, LintCode::idle_test, v);
  }
}

// L013. A scheme the library does not have: its critical questions are not
// asked, so the case is weighed as if it named none.
void unknown_scheme(const Graph& g, const Facts& f, const LintOptions& options, LintSink& out) {
  if (options.schemes == nullptr) return;
  const auto names = options.schemes->names();
  const auto near = [&](std::string_view name) { return nearest(name, names).value_or(""); };
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (!f.is(v, Facts::scheme)) continue;
    const auto& scheme = g.node(v).scheme;
    if (scheme && options.schemes->find(*scheme) == nullptr) add_node(out, LintCode::unknown_scheme, v, Graph::npos, near(*scheme));
  }
  const auto edges = g.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const std::string_view scheme = g.edge(edges[i]).scheme();
    if (!scheme.empty() && options.schemes->find(scheme) == nullptr) {
      add_edge(out, LintCode::unknown_scheme, i, Graph::npos, near(scheme));
    }
  }
}

// L014. A question that no inference it bears on has: an undercut of an
// inference whose scheme has no such question (or that names no scheme),
// or a support of a node from which no inference has it. It is then not
// weighed as a critical question.
void unknown_question(const Graph& g, const Facts& f, const LintOptions& options, LintSink& out) {
  if (options.schemes == nullptr || !f.questions) return;
  const auto edges = g.edges();
  const SchemeUse use = scheme_use(g, *options.schemes);
  // The questions of the inferences an edge bears on, for suggestions.
  const auto asked = [&](std::vector<std::string_view>& ids, std::size_t inference_edge) {
    if (const Inference* inference = use.at_edge(inference_edge)) {
      for (const auto& cq : inference->scheme->questions) ids.emplace_back(cq.id);
    }
  };
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = g.edge(edges[i]);
    const std::string_view question = e.question();
    if (question.empty()) continue;
    std::vector<std::string_view> ids;
    bool found = false;
    if (e.relation == Relation::undercuts) {
      asked(ids, e.undercut);
    } else {
      for (const auto out_edge : g.out_edges(g.target(edges[i]))) {
        asked(ids, g.edge(out_edge).index);
      }
    }
    found = std::find(ids.begin(), ids.end(), question) != ids.end();
    if (!found) add_edge(out, LintCode::unknown_question, i, ids.size(), nearest(question, ids).value_or(""));
  }
}

// L015. An inference whose critical questions are open: nobody has raised or
// answered them. Not a mistake, but the list a cross-examiner starts from.
void open_questions(const Graph& g, const Facts&, const LintOptions& options, LintSink& out) {
  if (options.schemes == nullptr || !options.notes) return;
  const SchemeUse use = scheme_use(g, *options.schemes);
  for (const Inference& inference : use.inferences) {
    std::vector<std::string> open;
    for (const QuestionUse& q : inference.questions) {
      if (q.open()) open.push_back(inference.scheme->questions[q.question].id);
    }
    if (!open.empty()) {
      add_edge(out, LintCode::open_questions, inference.edge, Graph::npos, inference.scheme->title, std::move(open));
    }
  }
}

// L016. A case that cites its evidence structurally and leaves some out: the
// chronology, the table of authorities and the exhibit columns miss what has
// no citation. A case with no citation at all is not asked for them, and
// evidence with neither source nor citation is L005's.
void evidence_without_citation(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  std::size_t cited = 0;
  std::size_t evidence = 0;
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (f.kind[v] != NodeKind::evidence) continue;
    ++evidence;
    if (f.is(v, Facts::cite)) ++cited;
  }
  if (cited == 0) return;
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (f.kind[v] != NodeKind::evidence || f.is(v, Facts::cite) || !f.is(v, Facts::source)) continue;
    add_node(out, LintCode::evidence_without_citation, v, cited, std::to_string(evidence));
  }
}

// L017. A quotation the reader cannot find: the words relied on without the
// page, paragraph or line they stand at.
void quote_without_pin(const Graph& g, const Facts& f, const LintOptions&, LintSink& out) {
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (!f.is(v, Facts::quote_unpinned)) continue;
    const auto& cites = g.node(v).cite;
    for (std::size_t i = 0; i < cites.size(); ++i) {
      if (cites[i].quote && !cites[i].pin) add_node(out, LintCode::quote_without_pin, v, i);
    }
  }
}

using Check = void (*)(const Graph&, const Facts&, const LintOptions&, LintSink&);

// The rules, in the order of their codes.
constexpr std::array<Check, 17> checks{
    reversed_element,      ignored_support,          duplicate_edge,           supports_and_contradicts,
    evidence_without_source, bears_on_no_claim,      claim_without_party,      group_of_one,
    idle_counterclaim,     undercut_unnamed_support, similar_ids,              idle_test,
    unknown_scheme,        unknown_question,         open_questions,           evidence_without_citation,
    quote_without_pin,
};

// A rule run by itself (LintRule::run), with the facts gathered for it;
// lint() gathers them once for every rule.
template <LintCode code>
void alone(const Graph& g, const LintOptions& options, LintSink& out) {
  checks[static_cast<std::size_t>(code)](g, Facts(g), options, out);
}

constexpr std::array<LintRule, 17> rules{{
    {LintCode::reversed_element, "L001", "reversed-element",
     "an element-of edge that runs from a whole to what looks like its part", alone<LintCode::reversed_element>, false},
    {LintCode::ignored_support, "L002", "ignored-support",
     "a supports edge into a claim with elements, which the semantics ignore", alone<LintCode::ignored_support>, false},
    {LintCode::duplicate_edge, "L003", "duplicate-edge", "two edges with the same from, to and relation",
     alone<LintCode::duplicate_edge>, false},
    {LintCode::supports_and_contradicts, "L004", "supports-and-contradicts",
     "one node both supports and contradicts another", alone<LintCode::supports_and_contradicts>, false},
    {LintCode::evidence_without_source, "L005", "evidence-without-source", "evidence with no source",
     alone<LintCode::evidence_without_source>, false},
    {LintCode::bears_on_no_claim, "L006", "bears-on-no-claim",
     "a node with no path to any claim or counterclaim", alone<LintCode::bears_on_no_claim>, false},
    {LintCode::claim_without_party, "L007", "claim-without-party", "a claim or counterclaim with no party",
     alone<LintCode::claim_without_party>, false},
    {LintCode::group_of_one, "L008", "group-of-one", "a group with a single node", alone<LintCode::group_of_one>, false},
    {LintCode::idle_counterclaim, "L009", "idle-counterclaim", "a counterclaim that contradicts and undercuts nothing",
     alone<LintCode::idle_counterclaim>, false},
    {LintCode::undercut_unnamed_support, "L010", "undercut-unnamed-support",
     "an undercut of a supports edge whose id the input did not give", alone<LintCode::undercut_unnamed_support>, false},
    {LintCode::similar_ids, "L011", "similar-ids", "ids that differ only in case or punctuation", alone<LintCode::similar_ids>, false},
    {LintCode::idle_test, "L012", "idle-test", "a test of elements on evidence or on a claim without elements",
     alone<LintCode::idle_test>, false},
    {LintCode::unknown_scheme, "L013", "unknown-scheme", "an argumentation scheme that no scheme file defines",
     alone<LintCode::unknown_scheme>, false},
    {LintCode::unknown_question, "L014", "unknown-question",
     "a critical question that the scheme of the inference it bears on does not ask", alone<LintCode::unknown_question>, false},
    {LintCode::open_questions, "L015", "open-questions",
     "an inference whose critical questions nobody has raised or answered", alone<LintCode::open_questions>, true},
    {LintCode::evidence_without_citation, "L016", "evidence-without-citation",
     "evidence without a citation, in a case that cites its other evidence", alone<LintCode::evidence_without_citation>, false},
    {LintCode::quote_without_pin, "L017", "quote-without-pin", "a citation that quotes the record without a pin cite",
     alone<LintCode::quote_without_pin>, false},
}};

// lint_rule() finds a rule at its code's place, and alone<code> its check.
static_assert([] {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (static_cast<std::size_t>(rules[i].code) != i) return false;
  }
  return true;
}());

// "the support from "a" to "b"": edge i, a supports edge, as messages name it.
std::string support_named(const Graph& g, std::size_t i) {
  const auto a = g.edges()[i];
  return "the support from " + id_of(g, g.source(a)) + " to " + id_of(g, g.target(a));
}

LintText node_text(const Graph& g, LintCode code, Vertex v, const LintFinding& f) {
  const std::string id = id_of(g, v);
  const std::string kind(to_string(g.node(v).kind));
  switch (code) {
    case LintCode::evidence_without_source:
      return {"evidence " + id + " has no source",
              "add \"source\": the exhibit, filing, testimony or finding it comes from (\"Ex. 4\", \"CMP ¶ 12\"), "
              "or a structured \"cite\""};
    case LintCode::bears_on_no_claim:
      return {kind + " " + id +
                  " bears on no claim: no edge leads from it, directly or through other nodes, to a claim or counterclaim",
              "add an edge from " + id + " to the claim or counterclaim it bears on, or delete it"};
    case LintCode::claim_without_party:
      return {kind + " " + id + " has no party", "add \"party\": who asserts it (\"Parler\", \"AWS\")"};
    case LintCode::group_of_one: {
      const std::string name = q(g.node(v).group.value_or(""));
      return {"group " + name + " has one node, " + id,
              !f.hint.empty() ? "did you mean group " + q(f.hint) + "? Otherwise drop the \"group\" of " + id
                              : "put " + id + " in the group it belongs with, or drop its \"group\""};
    }
    case LintCode::idle_counterclaim:
      return {"counterclaim " + id + " contradicts and undercuts nothing",
              "add a contradicts edge from " + id + " to the claim it answers, or make it a claim"};
    case LintCode::idle_test:
      return {kind + " " + id + " has \"test\": " + q(to_string(*g.node(v).test)) +
                  (is_claim_like(g.node(v).kind) ? " but no elements: the test decides nothing"
                                                 : ", which only a claim with elements uses: it decides nothing"),
              is_claim_like(g.node(v).kind)
                  ? "add the element-of edges into " + id + " that the test weighs, or drop its \"test\""
                  : "drop the \"test\" of " + id + ", or put it on the claim whose elements it decides"};
    case LintCode::unknown_scheme:
      return {kind + " " + id + " names the scheme " + q(g.node(v).scheme.value_or("")) +
                  ", which no scheme file defines: its critical questions are not asked",
              !f.hint.empty() ? "did you mean " + q(f.hint) + "? claimgraph schemes lists them all"
                              : "name a scheme that claimgraph schemes lists, or add a scheme file with --schemes"};
    case LintCode::evidence_without_citation:
      return {"evidence " + id + " has no citation, though the case cites " + std::to_string(f.other) + " of its " +
                  f.hint + " pieces of evidence: its source " + q(g.node(v).source.value_or("")) +
                  " is free text, which the chronology and the exhibit columns cannot use",
              "add \"cite\" with its \"exhibit\", \"document\", \"pin\" and \"date\" as the record gives them; "
              "docs/format.md#citations lists the fields"};
    case LintCode::quote_without_pin: {
      const std::string which = g.node(v).cite.size() == 1 ? "the citation" : "citation " + std::to_string(f.other + 1);
      return {kind + " " + id + ": " + which + " quotes the record but gives no pin cite: a reader cannot find the words",
              "add \"pin\" to " + which + ": the page, paragraph or line the words stand at (\"at 4:12–18\", \"¶ 14\")"};
    }
    case LintCode::similar_ids:
      return {"id " + id + " differs from " + id_of(g, f.other) + " only in case or punctuation",
              "if they are one node, merge them under one id; if not, give them ids that differ in words"};
    default: return {};
  }
}

LintText edge_text(const Graph& g, LintCode code, std::size_t i, const LintFinding& f) {
  const auto e = g.edges()[i];
  const Edge& p = g.edge(e);
  const std::string from = id_of(g, g.source(e)), to = id_of(g, g.target(e));
  switch (code) {
    case LintCode::reversed_element:
      return {from + " is written as an element of " + std::to_string(f.other) + " nodes, " + to +
                  " among them, that have no other edge: the edge looks reversed",
              "an element is the \"from\" of element-of: {\"from\": " + to + ", \"to\": " + from +
                  ", \"relation\": \"element-of\"}"};
    case LintCode::ignored_support:
      return {from + " supports " + to +
                  ", which has elements: check and evaluate ignore this support and weigh its elements only",
              "point the support at the element of " + to + " it proves"};
    case LintCode::duplicate_edge: {
      std::string what = from + " " + relation_verb(p.relation) + " ";
      what += p.relation == Relation::undercuts ? support_named(g, p.undercut) : to;
      return {what + " twice: the same edge as edge " + std::to_string(f.other) + " (counting from 0)",
              "delete this edge; the first one says the same"};
    }
    case LintCode::supports_and_contradicts:
      return {from + " both supports and contradicts " + to,
              "keep the relation the record bears out and delete the other, or split " + from +
                  " into the part that supports and the part that contradicts"};
    case LintCode::unknown_scheme:
      return {"the support from " + from + " to " + to + " names the scheme " + q(p.scheme()) +
                  ", which no scheme file defines: its critical questions are not asked",
              !f.hint.empty() ? "did you mean " + q(f.hint) + "? claimgraph schemes lists them all"
                              : "name a scheme that claimgraph schemes lists, or add a scheme file with --schemes"};
    case LintCode::unknown_question: {
      const bool raises = p.relation == Relation::undercuts;
      std::string what = raises ? from + " raises the question " + q(p.question()) + " against " +
                                      support_named(g, p.undercut)
                                : from + " answers the question " + q(p.question()) + " for the inferences from " + to;
      what += f.other == 0 ? (raises ? ", which names no scheme" : ", none of which names a scheme")
                           : ", but its scheme asks no such question";
      return {what + ": it is not weighed as a critical question",
              !f.hint.empty() ? "did you mean " + q(f.hint) + "?"
              : f.other == 0  ? (raises ? "give that supports edge a \"scheme\"" :
                                          "point the answer at the premise of an inference that names a scheme")
                              : "use one of the questions claimgraph schemes lists for that scheme"};
    }
    case LintCode::open_questions: {
      std::string list;
      for (const auto& n : f.names) list += (list.empty() ? "" : ", ") + n;
      return {support_named(g, i) + " (" + f.hint + ") has " + std::to_string(f.names.size()) +
                  " open critical question" + (f.names.size() == 1 ? "" : "s") + ": " + list,
              "raise a question with an undercut that names it, or settle it with a supports edge into " + from +
                  " that names it; claimgraph check lists them by claim"};
    }
    case LintCode::undercut_unnamed_support:
      return {from + " undercuts " + support_named(g, p.undercut) + ", whose id " +
                  q(g.edge(g.edges()[p.undercut]).id.value_or("")) + " the input did not give",
              "in a case file (claimgraph import writes one), give that supports edge an \"id\" of its own and name it "
              "in the undercut's \"to\""};
    default: return {};
  }
}

}  // namespace

LintText describe(const Graph& graph, const LintFinding& finding) {
  if (finding.node) return node_text(graph, finding.code, *finding.node, finding);
  if (finding.edge) return edge_text(graph, finding.code, *finding.edge, finding);
  return {};
}

std::span<const LintRule> lint_rules() noexcept { return rules; }

const LintRule& lint_rule(LintCode code) noexcept { return rules[static_cast<std::size_t>(code)]; }

const LintRule* find_lint_rule(std::string_view text) noexcept {
  for (const LintRule& r : rules) {
    if (r.id == text || r.name == text) return &r;
  }
  return nullptr;
}

namespace {

// Keeps every finding, in order.
class Kept final : public LintSink {
 public:
  explicit Kept(std::vector<LintFinding>& out) : out_(out) {}
  void add(LintFinding finding) override { out_.push_back(std::move(finding)); }

 private:
  std::vector<LintFinding>& out_;
};

}  // namespace

struct LintRun::State {
  State(const Graph& g, const LintOptions& o, SinkOf s) : graph(g), options(o), sink(std::move(s)) {}
  const Graph& graph;
  const LintOptions& options;
  SinkOf sink;
  std::once_flag gathered;
  std::optional<Facts> facts;
  std::atomic<std::size_t> next{0};  // the next rule to take
  std::mutex mutex;                  // guards what follows
  std::condition_variable all_run;
  std::size_t finished = 0;          // rules run (or thrown)
  std::exception_ptr failure;        // the first a rule threw
};

LintRun::LintRun(const Graph& graph, const LintOptions& options, SinkOf sink)
    : state_(std::make_unique<State>(graph, options, std::move(sink))) {}

LintRun::~LintRun() = default;

void LintRun::run() noexcept {
  State& s = *state_;
  for (std::size_t i = s.next.fetch_add(1); i < checks.size(); i = s.next.fetch_add(1)) {
    std::exception_ptr failed;
    try {
      // call_once lets one thread gather and makes the others wait; if it
      // throws, the next rule taken tries again.
      std::call_once(s.gathered, [&s] { s.facts.emplace(s.graph); });
      // L003 and L004 share one walk (edges_alike), taken with L003.
      if (const auto code = static_cast<LintCode>(i); code == LintCode::duplicate_edge) {
        edges_alike(s.graph, *s.facts, &s.sink(code), &s.sink(LintCode::supports_and_contradicts));
      } else if (code != LintCode::supports_and_contradicts) {
        checks[i](s.graph, *s.facts, s.options, s.sink(code));
      }
    } catch (...) {
      failed = std::current_exception();
    }
    const std::lock_guard lock(s.mutex);
    if (failed && !s.failure) s.failure = failed;
    if (++s.finished == checks.size()) s.all_run.notify_all();
  }
}

void LintRun::finish() {
  run();
  State& s = *state_;
  std::unique_lock lock(s.mutex);
  s.all_run.wait(lock, [&s] { return s.finished == checks.size(); });
  if (s.failure) std::rethrow_exception(s.failure);
}

void lint(const Graph& graph, const LintOptions& options, LintSink& sink) {
  // One thread, so the rules run in the order of their codes.
  LintRun run(graph, options, [&sink](LintCode) -> LintSink& { return sink; });
  run.finish();
}

std::vector<LintFinding> lint(const Graph& graph, const LintOptions& options) {
  std::vector<LintFinding> out;
  // Room for a finding per node and per edge, which few cases come near: a
  // large allocation is mapped, not touched, so what is unused costs no
  // memory, and a case with a million findings is not copied as it grows.
  out.reserve(graph.node_count() + graph.edge_count());
  Kept kept(out);
  lint(graph, options, kept);
  return out;
}

}  // namespace claimgraph::analysis
