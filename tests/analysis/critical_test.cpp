// Cut sets and exclusion: critical() against brute force (exclude every set
// of up to K pieces of evidence and recompute grounding by the literal
// rules) on thousands of random small graphs with elements of every test,
// cycles and undercuts; the exclusion transform against the graph with the
// excluded nodes really taken out; the paths and what is lost; the work
// limit; and graphs deep enough that any recursion would overflow.

#include "claimgraph/analysis/critical.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analysis/random_graph.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/view.hpp"

namespace claimgraph::analysis {
namespace {

using Vertex = Graph::NodeRef;
using Sets = std::vector<std::vector<Vertex>>;

// Grounding by its definition, iterated until nothing changes: evidence not
// excluded is grounded; a claim with elements when its grounded elements
// meet its test (all; any; balance: the grounded factors weigh more than
// half of all); any other claim when one of its supporters is.
std::vector<bool> literal_grounding(const Graph& g, const std::vector<bool>& excluded) {
  const std::size_t n = g.node_count();
  std::vector<bool> grounded(n, false);
  for (Vertex v = 0; v < n; ++v) grounded[v] = g.node(v).kind == NodeKind::evidence && !excluded[v];
  for (bool changed = true; changed;) {
    changed = false;
    for (Vertex v = 0; v < n; ++v) {
      if (grounded[v] || excluded[v] || g.node(v).kind == NodeKind::evidence) continue;
      std::size_t elements = 0, held = 0, supporters = 0;
      std::uint64_t total = 0, weight = 0;
      for (const auto& e : g.edges()) {
        if (g.target(e) != v) continue;
        const Vertex s = g.source(e);
        if (g.edge(e).relation == Relation::element_of) {
          ++elements;
          total += factor_units(g.node(s));
          if (grounded[s]) {
            ++held;
            weight += factor_units(g.node(s));
          }
        } else if (g.edge(e).relation == Relation::supports && grounded[s]) {
          ++supporters;
        }
      }
      bool now = false;
      if (elements > 0) {
        switch (g.node(v).test.value_or(ElementTest::all)) {
          case ElementTest::all: now = held == elements; break;
          case ElementTest::any: now = held > 0; break;
          case ElementTest::balance: now = 2 * weight > total; break;
        }
      } else {
        now = supporters > 0;
      }
      if (now) grounded[v] = changed = true;
    }
  }
  return grounded;
}

// Every minimal set of up to `k` pieces of evidence whose exclusion leaves
// claim `c` ungrounded, by trying every set.
std::map<Vertex, Sets> brute_cut_sets(const Graph& g, std::size_t k) {
  const std::size_t n = g.node_count();
  std::vector<Vertex> evidence;
  for (Vertex v = 0; v < n; ++v) {
    if (g.node(v).kind == NodeKind::evidence) evidence.push_back(v);
  }
  const auto base = literal_grounding(g, std::vector<bool>(n, false));
  std::map<Vertex, Sets> cuts;
  for (std::size_t size = 1; size <= k && size <= evidence.size(); ++size) {
    std::vector<bool> pick(evidence.size(), false);
    std::fill(pick.begin(), pick.begin() + static_cast<std::ptrdiff_t>(size), true);
    do {
      std::vector<bool> excluded(n, false);
      std::vector<Vertex> set;
      for (std::size_t i = 0; i < evidence.size(); ++i) {
        if (pick[i]) {
          excluded[evidence[i]] = true;
          set.push_back(evidence[i]);
        }
      }
      const auto now = literal_grounding(g, excluded);
      for (Vertex c = 0; c < n; ++c) {
        if (!is_claim_like(g.node(c).kind) || !base[c] || now[c]) continue;
        auto& found = cuts[c];
        const bool smaller = std::any_of(found.begin(), found.end(), [&](const std::vector<Vertex>& s) {
          return std::includes(set.begin(), set.end(), s.begin(), s.end());
        });
        if (!smaller) found.push_back(set);
      }
    } while (std::prev_permutation(pick.begin(), pick.end()));
  }
  for (auto& [c, sets] : cuts) {
    std::sort(sets.begin(), sets.end(), [](const auto& a, const auto& b) {
      return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
  }
  return cuts;
}

std::map<Vertex, Sets> found_cut_sets(const CriticalReport& report) {
  std::map<Vertex, Sets> cuts;
  for (const auto& c : report.claims) {
    for (const auto& s : c.cut_sets) cuts[c.claim].push_back(s.evidence);
  }
  return cuts;
}

// A random graph where much bears on claims: nearly half the nodes are
// evidence, and most edges support a claim or are its elements, so that
// claims have several ways to their evidence and cut sets of two and three.
Graph supported_graph(std::mt19937& rng) {
  const int n = 5 + static_cast<int>(rng() % 8);
  Graph g;
  std::vector<Vertex> claims;
  for (int v = 0; v < n; ++v) {
    Node node;
    node.id = "n";
    node.id += std::to_string(v);
    node.label = node.id;
    node.kind = rng() % 100 < 45 ? NodeKind::evidence : rng() % 4 == 0 ? NodeKind::counterclaim : NodeKind::claim;
    if (rng() % 3 == 0) node.test = all_element_tests()[rng() % 3];
    if (rng() % 3 == 0) node.weight = 0.25 * static_cast<double>(rng() % 5);
    const Vertex added = g.add_node(std::move(node));
    if (is_claim_like(g.node(added).kind)) claims.push_back(added);
  }
  if (claims.empty()) return g;
  const int edges = n + static_cast<int>(rng() % static_cast<unsigned>(2 * n));
  for (int i = 0; i < edges; ++i) {
    const Vertex from = rng() % static_cast<unsigned>(n);
    const Vertex to = claims[rng() % claims.size()];
    if (from == to) continue;
    const auto r = rng() % 20;
    if (r == 0 && g.edge_count() > 0) {
      const std::size_t attacked = rng() % g.edge_count();
      if (g.edge(g.edges()[attacked]).relation == Relation::supports && g.target(g.edges()[attacked]) != from) {
        g.add_undercut(from, attacked);
      }
      continue;
    }
    g.add_edge(from, to, r < 12 ? Relation::supports : r < 19 ? Relation::element_of : Relation::contradicts);
  }
  return g;
}

bool linked(const Graph& g, Vertex from, Vertex to) {
  for (const auto& e : g.edges()) {
    if (g.source(e) == from && g.target(e) == to) return true;
  }
  return false;
}

TEST(CriticalTest, CutSetsMatchBruteForceOnRandomGraphs) {
  std::mt19937 rng(20261203);
  std::size_t with_cuts = 0, of_two = 0, of_three = 0;
  for (int round = 0; round < 3000; ++round) {
    const Graph g = round % 3 == 0 ? test::random_graph(rng, 10, round % 2 == 0) : supported_graph(rng);
    const std::size_t k = 1 + static_cast<std::size_t>(round % 3);
    const auto report = critical(g, {.max_set = k});
    const auto want = brute_cut_sets(g, k);
    const auto got = found_cut_sets(report);
    ASSERT_EQ(got, want) << "graph " << round << ", sets up to " << k << ": " << test::describe(g);
    const auto base = literal_grounding(g, std::vector<bool>(g.node_count(), false));
    for (const auto& c : report.claims) {
      ASSERT_EQ(c.grounded, base[c.claim]) << test::describe(g);
      for (const auto& cut : c.cut_sets) {
        ++with_cuts;
        of_two += cut.evidence.size() == 2;
        of_three += cut.evidence.size() == 3;
        // The path runs from the claim down, along edges, to the set.
        ASSERT_FALSE(cut.path.empty());
        EXPECT_EQ(cut.path.front(), c.claim);
        EXPECT_TRUE(std::binary_search(cut.evidence.begin(), cut.evidence.end(), cut.path.back()))
            << "graph " << round << ": " << test::describe(g);
        for (std::size_t i = 0; i + 1 < cut.path.size(); ++i) {
          EXPECT_TRUE(linked(g, cut.path[i + 1], cut.path[i])) << test::describe(g);
        }
        // What it lacks falls with the set, and something does.
        std::vector<bool> excluded(g.node_count(), false);
        for (Vertex e : cut.evidence) excluded[e] = true;
        const auto now = literal_grounding(g, excluded);
        EXPECT_FALSE(cut.lost.empty()) << test::describe(g);
        for (Vertex l : cut.lost) EXPECT_FALSE(now[l]) << test::describe(g);
      }
    }
  }
  // The random graphs must exercise what is tested.
  EXPECT_GT(with_cuts, 1000u);
  EXPECT_GT(of_two, 100u);
  EXPECT_GT(of_three, 20u);
}

TEST(CriticalTest, SinglePointsAreTheCutSetsOfOne) {
  std::mt19937 rng(7);
  for (int round = 0; round < 1000; ++round) {
    const Graph g = round % 2 == 0 ? test::random_graph(rng, 12, true) : supported_graph(rng);
    const auto points = single_points(g);
    const auto want = brute_cut_sets(g, 1);
    for (Vertex v = 0; v < g.node_count(); ++v) {
      Sets got;
      for (Vertex e : points[v]) got.push_back({e});
      const auto it = want.find(v);
      ASSERT_EQ(got, it == want.end() ? Sets{} : it->second) << test::describe(g);
    }
    // And the evidence list is their inverse.
    const auto report = critical(g, {.max_set = 1});
    std::size_t pairs = 0;
    for (const auto& p : report.evidence) {
      for (Vertex c : p.claims) {
        ++pairs;
        EXPECT_NE(std::find(points[c].begin(), points[c].end(), p.evidence), points[c].end());
      }
    }
    std::size_t all = 0;
    for (const auto& p : points) all += p.size();
    EXPECT_EQ(pairs, all);
  }
}

// The graph with the nodes of `excluded` really taken out, and the map from
// the original's nodes to its own; but an excluded node that is an element
// of a claim left in stays as a bare claim with only those element-of edges
// (the claim still needs it, and lacks it), of the same weight (a factor
// still weighs), attacked by a node of evidence of its own.
struct Removed {
  Graph graph;
  std::vector<std::size_t> node;
};

Removed remove(const Graph& g, const std::vector<bool>& excluded) {
  Removed r{Graph(), std::vector<std::size_t>(g.node_count(), static_cast<std::size_t>(-1))};
  std::vector<bool> element(g.node_count(), false);
  for (const auto& e : g.edges()) {
    if (g.edge(e).relation == Relation::element_of && !excluded[g.target(e)]) element[g.source(e)] = true;
  }
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (excluded[v] && !element[v]) continue;
    Node node = g.node(v);
    if (excluded[v]) {
      Node bare;
      bare.id = node.id;
      bare.label = node.label;
      bare.kind = NodeKind::claim;
      bare.weight = node.weight;
      node = std::move(bare);
    }
    r.node[v] = r.graph.add_node(std::move(node));
    if (excluded[v]) {
      Node against;
      against.id = "against-";
      against.id += g.node(v).id;
      against.label = against.id;
      against.kind = NodeKind::evidence;
      r.graph.add_edge(r.graph.add_node(std::move(against)), r.node[v], Relation::contradicts);
    }
  }
  std::vector<std::size_t> edge_of(g.edge_count(), static_cast<std::size_t>(-1));
  for (const auto& e : g.edges()) {
    const Vertex from = g.source(e), to = g.target(e);
    const Relation relation = g.edge(e).relation;
    if (excluded[to] || (excluded[from] && relation != Relation::element_of)) continue;
    if (relation == Relation::undercuts) {
      if (excluded[from]) continue;
      const std::size_t attacked = edge_of[g.edge(e).undercut];
      if (attacked != static_cast<std::size_t>(-1)) r.graph.add_undercut(r.node[from], attacked);
    } else {
      r.graph.add_edge(r.node[from], r.node[to], relation);
    }
    if (relation != Relation::undercuts) edge_of[g.edge(e).index] = r.graph.edge_count() - 1;
  }
  return r;
}

std::string ids(const Graph& g, const std::vector<bool>& marked) {
  std::string out;
  for (Vertex v = 0; v < g.node_count(); ++v) {
    if (marked[v]) out += " " + g.node(v).id;
  }
  return out;
}

TEST(CriticalTest, ExclusionIsRemoval) {
  std::mt19937 rng(99);
  std::size_t changed = 0, compared = 0;
  for (int round = 0; round < 3000; ++round) {
    const Graph g = round % 3 == 0 ? supported_graph(rng) : test::random_graph(rng, 10, round % 2 == 0);
    std::vector<bool> excluded(g.node_count(), false);
    for (Vertex v = 0; v < g.node_count(); ++v) excluded[v] = rng() % 4 == 0;
    const Removed r = remove(g, excluded);
    const auto grounding = check(g, excluded);
    const auto want_grounding = check(r.graph);
    const auto evaluated = evaluate(g, excluded, nullptr);
    const auto& status = evaluated.status;
    const auto& strength = evaluated.strength;
    ASSERT_EQ(status.labels.size(), g.node_count());
    ASSERT_EQ(status.undercut.size(), g.edge_count());
    ASSERT_EQ(strength.strength.size(), g.node_count());
    const auto want_status = grounded_status(r.graph);
    const auto burden = evaluate(g, excluded, nullptr, {.burden = true}).status;
    const auto want_burden = grounded_status(r.graph, {.burden = true});
    const auto want_strength = evaluate_strength(r.graph);
    const auto full = check(g);
    for (Vertex v = 0; v < g.node_count(); ++v) {
      if (excluded[v]) {
        EXPECT_FALSE(grounding.grounded[v]);
        EXPECT_EQ(status.labels[v], Label::out) << test::describe(g);
        EXPECT_EQ(strength.strength[v], 0.0) << test::describe(g);
        if (is_claim_like(g.node(v).kind)) {
          EXPECT_EQ(grounding.claims[grounding.claim_index[v]].gap, Gap::excluded);
        }
        continue;
      }
      const std::size_t u = r.node[v];
      changed += full.grounded[v] != grounding.grounded[v];
      ASSERT_EQ(grounding.grounded[v], want_grounding.grounded[u]) << "round " << round << ": " << test::describe(g);
      ASSERT_EQ(status.labels[v], want_status.labels[u]) << "round " << round << ": " << test::describe(g);
      ASSERT_EQ(burden.labels[v], want_burden.labels[u]) << "round " << round << ": " << test::describe(g);
      // Strengths on a cycle that does not settle depend on the order of
      // the sweeps, which taking nodes out changes.
      if (strength.converged && want_strength.converged) {
        ASSERT_NEAR(strength.strength[v], want_strength.strength[u], 1e-9)
            << g.node(v).id << " without" << ids(g, excluded) << ": " << test::describe(g);
        ++compared;
      }
      if (is_claim_like(g.node(v).kind)) {
        const auto& got = grounding.claims[grounding.claim_index[v]];
        const auto& want = want_grounding.claims[want_grounding.claim_index[u]];
        if (got.gap != Gap::ungrounded || want.gap != Gap::unsupported) {
          // Gaps agree, but for a claim whose supporters were all excluded:
          // in the record it has supporters (excluded), taken out it has none.
          EXPECT_EQ(got.gap, want.gap) << test::describe(g);
        }
      }
    }
  }
  EXPECT_GT(changed, 500u) << "the exclusions must take grounding away";
  EXPECT_GT(compared, 10'000u);
}

TEST(CriticalTest, StatusCutsAreMinimalAndTurnTheClaim) {
  std::mt19937 rng(5);
  std::size_t found = 0;
  for (int round = 0; round < 600; ++round) {
    const Graph g = round % 2 == 0 ? test::random_graph(rng, 8, true) : supported_graph(rng);
    const auto report = critical(g, {.max_set = 2, .status = true});
    const auto labels = grounded_status(g).labels;
    for (const auto& c : report.claims) {
      ASSERT_TRUE(c.label.has_value());
      EXPECT_EQ(*c.label, labels[c.claim]);
      if (*c.label != Label::in) {
        EXPECT_TRUE(c.status_cuts.empty());
      }
      for (const auto& cut : c.status_cuts) {
        ++found;
        std::vector<bool> excluded(g.node_count(), false);
        for (Vertex e : cut.evidence) excluded[e] = true;
        const Removed r = remove(g, excluded);
        const auto now = grounded_status(r.graph).labels[r.node[c.claim]];
        EXPECT_NE(now, Label::in) << test::describe(g);
        EXPECT_EQ(now, cut.label);
        for (Vertex e : cut.evidence) {
          // No smaller set does it.
          std::vector<bool> fewer = excluded;
          fewer[e] = false;
          const Removed f = remove(g, fewer);
          if (cut.evidence.size() > 1) {
            EXPECT_EQ(grounded_status(f.graph).labels[f.node[c.claim]], Label::in);
          }
        }
      }
    }
  }
  EXPECT_GT(found, 100u);
}

Graph chain(std::size_t n, Relation relation) {
  // e0 → c1 → c2 → ... with a fresh piece of evidence into each claim for
  // element-of chains, so that the cut sets grow along it.
  Graph g;
  g.reserve(2 * n, 2 * n);
  Node ev;
  ev.id = "e0";
  ev.kind = NodeKind::evidence;
  g.add_node(ev);
  for (std::size_t i = 1; i < n; ++i) {
    Node c;
    c.id = "c";
    c.id += std::to_string(i);
    c.kind = NodeKind::claim;
    const auto v = g.add_node(c);
    g.add_edge(v - (relation == Relation::element_of && i > 1 ? 2 : 1), v, relation);
    if (relation == Relation::element_of) {
      Node e;
      e.id = "e";
      e.id += std::to_string(i);
      e.kind = NodeKind::evidence;
      g.add_edge(g.add_node(e), v, relation);
    }
  }
  return g;
}

TEST(CriticalTest, LongChainsNeedNoRecursion) {
  const Graph g = chain(200'000, Relation::supports);
  const auto points = single_points(g);
  ASSERT_EQ(points.back().size(), 1u);
  EXPECT_EQ(g.node(points.back().front()).id, "e0");
  const auto report = critical(g, {.max_set = 1, .claims = {g.node_count() - 1}});
  ASSERT_EQ(report.claims.size(), 1u);
  ASSERT_EQ(report.claims[0].cut_sets.size(), 1u);
  EXPECT_EQ(report.claims[0].cut_sets[0].path.size(), g.node_count());
}

TEST(CriticalTest, SupportCyclesWithAWayInLoseNothingToOneExclusion) {
  // a and b support each other; each has evidence of its own.
  GraphBuilder b;
  b.evidence("e1", "E1");
  b.evidence("e2", "E2");
  b.claim("a", "A");
  b.claim("b", "B");
  b.supports("e1", "a").supports("e2", "b").supports("a", "b").supports("b", "a");
  const Graph g = std::move(b).build();
  const auto report = critical(g, {.max_set = 2});
  for (const auto& c : report.claims) {
    ASSERT_EQ(c.cut_sets.size(), 1u);
    EXPECT_EQ(c.cut_sets[0].evidence, (std::vector<Vertex>{0, 1}));
  }
  EXPECT_TRUE(report.evidence.empty());
}

TEST(CriticalTest, TheWorkLimitNamesItsOption) {
  const Graph g = chain(2'000, Relation::element_of);
  try {
    (void)critical(g, {.max_set = 3, .max_steps = 100'000});
    FAIL() << "expected the limit";
  } catch (const CriticalLimitError& e) {
    EXPECT_EQ(e.limit(), Limit::cut_set_steps);
    EXPECT_NE(std::string(e.what()).find("100000 steps"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)critical(g, {.max_set = 0}), Error);
  EXPECT_THROW((void)critical(g, {.max_set = max_cut_set + 1}), Error);
  // An element-of chain: the last claim needs every piece of evidence.
  const auto points = single_points(g);
  EXPECT_EQ(points[g.node_count() - 2].size(), 2'000u);
}

TEST(CriticalTest, ExcludedBeforeTheQuestion) {
  GraphBuilder b;
  b.evidence("e1", "E1");
  b.evidence("e2", "E2");
  b.claim("c", "C");
  b.supports("e1", "c").supports("e2", "c");
  const Graph g = std::move(b).build();
  EXPECT_TRUE(critical(g, {.max_set = 1}).evidence.empty());
  // Once e1 is excluded, e2 alone holds c up.
  const auto report = critical(g, {.max_set = 1, .excluded = {true, false, false}});
  ASSERT_EQ(report.evidence.size(), 1u);
  EXPECT_EQ(report.evidence[0].evidence, 1u);
  EXPECT_EQ(report.evidence[0].claims, (std::vector<Vertex>{2}));
}

}  // namespace
}  // namespace claimgraph::analysis
