// The status labelling against a reference that applies the definition
// literally (relabel until nothing changes, recomputing grounding from
// scratch each round), on hand-made cases and thousands of random graphs.

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/graph.hpp"
#include "analysis/random_graph.hpp"

namespace {

using claimgraph::Graph;
using claimgraph::NodeKind;
using claimgraph::Relation;
using claimgraph::analysis::Label;

std::vector<Label> reference(const Graph& g) {
  const std::size_t n = g.node_count();
  const auto edges = g.edges();
  const std::size_t m = edges.size();
  enum : int { none, in, out };
  std::vector<int> lab(n, none);
  std::vector<std::size_t> elements(n, 0);
  for (const auto& e : edges) {
    if (g.edge(e).relation == Relation::element_of) ++elements[g.target(e)];
  }
  auto claim = [&](std::size_t v) { return claimgraph::is_claim_like(g.node(v).kind); };
  for (bool changed = true; changed;) {
    changed = false;
    // Support edges undercut by an IN node carry nothing; for IN, an edge
    // counts only when every undercutter is OUT.
    std::vector<bool> blocked(m, false), clear(m, true);
    for (const auto& e : edges) {
      if (g.edge(e).relation != Relation::undercuts) continue;
      const std::size_t target = g.edge(e).undercut;
      if (lab[g.source(e)] == in) blocked[target] = true;
      if (lab[g.source(e)] != out) clear[target] = false;
    }
    // Grounding without the OUT nodes and the blocked edges.
    std::vector<bool> alive(n, false);
    for (std::size_t v = 0; v < n; ++v) alive[v] = !claim(v) && lab[v] != out;
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t v = 0; v < n; ++v) {
        if (alive[v] || lab[v] == out || !claim(v)) continue;
        std::size_t ok = 0;
        bool any = false;
        for (std::size_t i = 0; i < m; ++i) {
          const auto e = edges[i];
          if (g.target(e) != v || !alive[g.source(e)]) continue;
          if (elements[v] > 0 && g.edge(e).relation == Relation::element_of) ++ok;
          if (elements[v] == 0 && g.edge(e).relation == Relation::supports && !blocked[i]) any = true;
        }
        if (elements[v] > 0 ? ok == elements[v] : any) {
          alive[v] = true;
          grew = true;
        }
      }
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (lab[v] != none) continue;
      bool attacker_in = false, attackers_out = true, support = !claim(v);
      std::size_t elements_in = 0;
      for (std::size_t i = 0; i < m; ++i) {
        const auto e = edges[i];
        if (g.target(e) != v) continue;
        const int s = lab[g.source(e)];
        switch (g.edge(e).relation) {
          case Relation::contradicts:
            attacker_in = attacker_in || s == in;
            attackers_out = attackers_out && s == out;
            break;
          case Relation::supports:
            if (claim(v) && elements[v] == 0 && s == in && clear[i]) support = true;
            break;
          case Relation::element_of:
            if (s == in) ++elements_in;
            break;
          case Relation::undercuts: break;
        }
      }
      if (claim(v) && elements[v] > 0) support = elements_in == elements[v];
      if (attacker_in || !alive[v]) {
        lab[v] = out;
        changed = true;
      } else if (attackers_out && support) {
        lab[v] = in;
        changed = true;
      }
    }
  }
  std::vector<Label> result(n);
  for (std::size_t v = 0; v < n; ++v) result[v] = lab[v] == in ? Label::in : lab[v] == out ? Label::out : Label::undec;
  return result;
}

TEST(StatusTest, DungGroundedOnEvidenceOnly) {
  claimgraph::GraphBuilder b;
  b.evidence("a", "a");
  b.evidence("b", "b");
  b.evidence("c", "c");
  b.evidence("d", "d");
  b.contradicts("a", "b").contradicts("b", "c").contradicts("c", "d").contradicts("d", "c");
  const Graph g = std::move(b).build();
  const auto s = claimgraph::analysis::grounded_status(g);
  EXPECT_EQ(s.labels, (std::vector<Label>{Label::in, Label::out, Label::undec, Label::undec}));
}

TEST(StatusTest, ClaimFallsWithItsOnlySupport) {
  claimgraph::GraphBuilder b;
  b.evidence("e", "e");
  b.evidence("x", "x");
  b.claim("c", "c");
  b.claim("d", "d");
  b.supports("e", "c").supports("c", "d").contradicts("x", "e");
  const Graph g = std::move(b).build();
  const auto s = claimgraph::analysis::grounded_status(g);
  EXPECT_EQ(s.labels, (std::vector<Label>{Label::out, Label::in, Label::out, Label::out}));
}

TEST(StatusTest, SupportCycleGroundsNothingOnceItsEvidenceFalls) {
  claimgraph::GraphBuilder b;
  b.evidence("e", "e");
  b.evidence("x", "x");
  b.claim("c", "c");
  b.claim("d", "d");
  b.supports("e", "c").supports("c", "d").supports("d", "c").contradicts("x", "e");
  const Graph g = std::move(b).build();
  const auto s = claimgraph::analysis::grounded_status(g);
  EXPECT_EQ(s.labels[2], Label::out);
  EXPECT_EQ(s.labels[3], Label::out);
}

TEST(StatusTest, MutualContradictionOfGroundedClaimsIsUndecided) {
  claimgraph::GraphBuilder b;
  b.evidence("e", "e");
  b.evidence("f", "f");
  b.claim("c", "c");
  b.counterclaim("d", "d");
  b.supports("e", "c").supports("f", "d").contradicts("c", "d").contradicts("d", "c");
  const Graph g = std::move(b).build();
  const auto s = claimgraph::analysis::grounded_status(g);
  EXPECT_EQ(s.labels[2], Label::undec);
  EXPECT_EQ(s.labels[3], Label::undec);
}

TEST(StatusTest, UndercutByAStandingNodeRemovesTheSupport) {
  Graph g;
  auto add = [&](const char* id, NodeKind kind) {
    claimgraph::Node n;
    n.id = std::string(id);
    n.label = n.id;
    n.kind = kind;
    return g.add_node(std::move(n));
  };
  const auto d = add("d", NodeKind::evidence);
  const auto h = add("h", NodeKind::evidence);
  const auto c = add("c", NodeKind::claim);
  g.add_edge(d, c, Relation::supports);
  g.add_undercut(h, 0);
  const auto s = claimgraph::analysis::grounded_status(g);
  EXPECT_EQ(s.labels[c], Label::out);
  EXPECT_TRUE(s.undercut[0]);
}

TEST(StatusTest, MatchesTheDefinitionOnRandomGraphs) {
  std::mt19937 rng(20261128);
  for (int round = 0; round < 5000; ++round) {
    const Graph g = claimgraph::test::random_graph(rng);
    const auto got = claimgraph::analysis::grounded_status(g).labels;
    const auto want = reference(g);
    ASSERT_EQ(got, want) << "graph " << round << ": " << claimgraph::test::describe(g);
  }
}

TEST(StatusTest, LongChainNeedsNoRecursion) {
  Graph g;
  const std::size_t n = 200'000;
  for (std::size_t v = 0; v < n; ++v) {
    claimgraph::Node node;
    node.id = "n";
    node.id += std::to_string(v);
    node.label = node.id;
    node.kind = v == 0 ? NodeKind::evidence : NodeKind::claim;
    g.add_node(std::move(node));
  }
  for (std::size_t v = 1; v < n; ++v) g.add_edge(v - 1, v, Relation::supports);
  const auto s = claimgraph::analysis::grounded_status(g);
  EXPECT_EQ(s.labels.back(), Label::in);
}

}  // namespace
