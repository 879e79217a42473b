// Preferred and stable labellings of case graphs, against a reference that
// applies the definition literally: every one of the 3^n labellings of a
// small graph is tried as a fixed point of the labelling rules.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

#include "analysis/random_graph.hpp"
#include "support.hpp"
#include "claimgraph/analysis/abstract.hpp"
#include "claimgraph/analysis/labellings.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/graph.hpp"

namespace {

using claimgraph::Graph;
using claimgraph::NodeKind;
using claimgraph::Relation;
using claimgraph::analysis::Label;
using claimgraph::analysis::NodeAcceptance;
using claimgraph::analysis::SearchLimits;
using claimgraph::analysis::Semantics;
using Labels = std::vector<Label>;

// One application of the rules (labellings.hpp) to `lab`, computed from
// scratch.
Labels apply_rules(const Graph& g, const Labels& lab) {
  const std::size_t n = g.node_count();
  const auto edges = g.edges();
  std::vector<std::size_t> elements(n, 0);
  for (const auto& e : edges) {
    if (g.edge(e).relation == Relation::element_of) ++elements[g.target(e)];
  }
  auto claim = [&](std::size_t v) { return claimgraph::is_claim_like(g.node(v).kind); };
  // The undercutters of each supports edge, by position.
  std::vector<std::vector<std::size_t>> cutters(edges.size());
  for (const auto& e : edges) {
    if (g.edge(e).relation == Relation::undercuts) cutters[g.edge(e).undercut].push_back(g.source(e));
  }
  // Whether v's support rule is met by `base` through the edges `usable` allows.
  // For a claim with elements, its test of elements: all of them in
  // `base`; any one; or, for balance, the weights (1 without one) of those
  // in `base` summing to more than those of the others.
  auto rule = [&](std::size_t v, const std::vector<bool>& base, auto usable) {
    if (!claim(v)) return true;
    std::size_t ok = 0;
    double pro = 0, con = 0;
    bool one = false;
    for (std::size_t i = 0; i < edges.size(); ++i) {
      const auto e = edges[i];
      if (g.target(e) != v) continue;
      if (elements[v] > 0 && g.edge(e).relation == Relation::element_of) {
        (base[g.source(e)] ? pro : con) += g.node(g.source(e)).weight.value_or(1.0);
      }
      if (!base[g.source(e)]) continue;
      if (elements[v] > 0 && g.edge(e).relation == Relation::element_of) ++ok;
      if (elements[v] == 0 && g.edge(e).relation == Relation::supports && usable(i)) one = true;
    }
    if (elements[v] == 0) return one;
    switch (g.node(v).test.value_or(claimgraph::ElementTest::all)) {
      case claimgraph::ElementTest::all: return ok == elements[v];
      case claimgraph::ElementTest::any: return ok > 0;
      case claimgraph::ElementTest::balance: return pro > con;
    }
    return false;
  };
  // G(X, usable): grow from nothing until nothing changes.
  auto grounding = [&](const std::vector<bool>& x, auto usable) {
    std::vector<bool> g_set(n, false);
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t v = 0; v < n; ++v) {
        if (!g_set[v] && x[v] && rule(v, g_set, usable)) {
          g_set[v] = true;
          grew = true;
        }
      }
    }
    return g_set;
  };
  std::vector<bool> in_set(n), not_out(n);
  for (std::size_t v = 0; v < n; ++v) {
    in_set[v] = lab[v] == Label::in;
    not_out[v] = lab[v] != Label::out;
  }
  auto clear = [&](std::size_t e) {
    return std::all_of(cutters[e].begin(), cutters[e].end(), [&](std::size_t u) { return lab[u] == Label::out; });
  };
  auto unblocked = [&](std::size_t e) {
    return std::none_of(cutters[e].begin(), cutters[e].end(), [&](std::size_t u) { return lab[u] == Label::in; });
  };
  const auto g_in = grounding(in_set, clear);
  const auto g_out = grounding(not_out, unblocked);
  Labels next(n, Label::undec);
  for (std::size_t v = 0; v < n; ++v) {
    bool attacker_in = false, attackers_out = true;
    for (const auto& e : edges) {
      if (g.edge(e).relation != Relation::contradicts || g.target(e) != v) continue;
      attacker_in = attacker_in || lab[g.source(e)] == Label::in;
      attackers_out = attackers_out && lab[g.source(e)] == Label::out;
    }
    if (attackers_out && rule(v, g_in, clear)) {
      next[v] = Label::in;
    } else if (attacker_in || !rule(v, g_out, unblocked)) {
      next[v] = Label::out;
    }
  }
  return next;
}

struct Reference {
  Labels grounded;                     // least fixed point
  std::vector<Labels> complete;        // every fixed point
  std::set<std::vector<bool>> preferred;  // IN sets
  std::set<Labels> stable;
  std::vector<NodeAcceptance> preferred_acceptance, stable_acceptance;
};

std::vector<bool> in_set(const Labels& l) {
  std::vector<bool> s(l.size());
  for (std::size_t i = 0; i < l.size(); ++i) s[i] = l[i] == Label::in;
  return s;
}

bool subset(const std::vector<bool>& a, const std::vector<bool>& b) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] && !b[i]) return false;
  }
  return true;
}

Reference reference(const Graph& g) {
  const std::size_t n = g.node_count();
  Reference r;
  r.grounded.assign(n, Label::undec);
  for (;;) {
    auto next = apply_rules(g, r.grounded);
    if (next == r.grounded) break;
    r.grounded = std::move(next);
  }
  Labels lab(n, Label::in);
  for (;;) {
    if (apply_rules(g, lab) == lab) r.complete.push_back(lab);
    std::size_t i = 0;
    while (i < n && lab[i] == Label::undec) lab[i++] = Label::in;
    if (i == n) break;
    lab[i] = lab[i] == Label::in ? Label::out : Label::undec;
  }
  for (const auto& c : r.complete) {
    const auto s = in_set(c);
    bool maximal = true;
    for (const auto& d : r.complete) {
      const auto t = in_set(d);
      if (t != s && subset(s, t)) maximal = false;
    }
    if (maximal) r.preferred.insert(s);
    if (std::find(c.begin(), c.end(), Label::undec) == c.end()) r.stable.insert(c);
  }
  r.preferred_acceptance.assign(n, {false, true});
  for (const auto& s : r.preferred) {
    for (std::size_t v = 0; v < n; ++v) {
      r.preferred_acceptance[v].credulous = r.preferred_acceptance[v].credulous || s[v];
      r.preferred_acceptance[v].sceptical = r.preferred_acceptance[v].sceptical && s[v];
    }
  }
  r.stable_acceptance.assign(n, {false, true});
  for (const auto& s : r.stable) {
    for (std::size_t v = 0; v < n; ++v) {
      r.stable_acceptance[v].credulous = r.stable_acceptance[v].credulous || s[v] == Label::in;
      r.stable_acceptance[v].sceptical = r.stable_acceptance[v].sceptical && s[v] == Label::in;
    }
  }
  return r;
}

std::vector<Labels> all(const Graph& g, Semantics semantics, const SearchLimits& limits = {}) {
  std::vector<Labels> out;
  claimgraph::analysis::enumerate_labellings(g, semantics, limits, [&](const Labels& l) {
    out.push_back(l);
    return true;
  });
  return out;
}

std::set<std::vector<bool>> in_sets(const std::vector<Labels>& ls) {
  std::set<std::vector<bool>> s;
  for (const auto& l : ls) s.insert(in_set(l));
  return s;
}

Graph::NodeRef add(Graph& g, std::string_view prefix, NodeKind kind) {
  claimgraph::Node node;
  node.id = claimgraph::test::numbered(prefix, g.node_count());
  node.label = node.id;
  node.kind = kind;
  return g.add_node(std::move(node));
}

void matches_the_definition(const Graph& g, int round) {
  {
    const auto want = reference(g);
    const auto why = claimgraph::test::describe(g);
    // The grounded status is the least complete labelling and lies below
    // every other one.
    ASSERT_EQ(claimgraph::analysis::grounded_status(g).labels, want.grounded) << round << ": " << why;
    for (const auto& c : want.complete) {
      for (std::size_t v = 0; v < g.node_count(); ++v) {
        if (want.grounded[v] != Label::undec) {
          ASSERT_EQ(c[v], want.grounded[v]) << round << ": " << why;
        }
      }
    }
    const auto preferred = all(g, Semantics::preferred);
    ASSERT_EQ(in_sets(preferred), want.preferred) << round << ": " << why;
    ASSERT_EQ(preferred.size(), want.preferred.size()) << "each preferred labelling once; " << round << ": " << why;
    for (const auto& l : preferred) {
      ASSERT_NE(std::find(want.complete.begin(), want.complete.end(), l), want.complete.end())
          << "not complete; " << round << ": " << why;
    }
    const auto stable = all(g, Semantics::stable);
    ASSERT_EQ(std::set<Labels>(stable.begin(), stable.end()), want.stable) << round << ": " << why;
    ASSERT_EQ(stable.size(), want.stable.size()) << round << ": " << why;
    ASSERT_EQ(claimgraph::analysis::case_acceptance(g, Semantics::preferred), want.preferred_acceptance)
        << round << ": " << why;
    ASSERT_EQ(claimgraph::analysis::case_acceptance(g, Semantics::stable), want.stable_acceptance)
        << round << ": " << why;
  }
}

TEST(LabellingsTest, MatchTheDefinitionOnRandomGraphs) {
  std::mt19937 rng(20261128);
  // Up to 6 nodes (729 labellings each): the sanitizer build runs this too.
  for (int round = 0; round < 1000; ++round) {
    matches_the_definition(claimgraph::test::random_graph(rng, 6), round);
    if (testing::Test::HasFatalFailure()) return;
  }
}

// With tests of elements (any, balance) and weights.
TEST(LabellingsTest, MatchTheDefinitionWithTestsOfElementsOnRandomGraphs) {
  std::mt19937 rng(20261202);
  for (int round = 0; round < 1000; ++round) {
    matches_the_definition(claimgraph::test::random_graph(rng, 6, true), round);
    if (testing::Test::HasFatalFailure()) return;
  }
}

// With contradicts edges only, the labellings are Dung's: the same IN sets
// as the abstract solver's extensions.
TEST(LabellingsTest, AgreeWithDungOnAbstractFrameworks) {
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    Graph g;
    const auto n = 1 + rng() % 10;
    for (std::size_t v = 0; v < n; ++v) add(g, "a", NodeKind::evidence);
    const auto m = rng() % (2 * n + 1);
    for (std::size_t i = 0; i < m; ++i) {
      const auto a = rng() % n, b = rng() % n;
      if (a != b) g.add_edge(a, b, Relation::contradicts);
    }
    for (const auto semantics : {Semantics::preferred, Semantics::stable}) {
      std::set<std::vector<bool>> want;
      for (const auto& ext : claimgraph::analysis::enumerate_extensions(g, semantics)) {
        std::vector<bool> s(n, false);
        for (auto v : ext) s[v] = true;
        want.insert(s);
      }
      ASSERT_EQ(in_sets(all(g, semantics)), want) << round;
    }
  }
}

// Two grounded claims that contradict each other: grounded leaves both
// UNDEC; each stands in one preferred (and stable) labelling, and what rests
// on one falls with it.
TEST(LabellingsTest, MutualContradictionGivesTwoPreferredLabellings) {
  Graph g;
  const auto e1 = add(g, "e1", NodeKind::evidence);
  const auto e2 = add(g, "e2", NodeKind::evidence);
  const auto c = add(g, "c", NodeKind::claim);
  const auto k = add(g, "k", NodeKind::counterclaim);
  const auto d = add(g, "d", NodeKind::claim);
  g.add_edge(e1, c, Relation::supports);
  g.add_edge(e2, k, Relation::supports);
  g.add_edge(c, k, Relation::contradicts);
  g.add_edge(k, c, Relation::contradicts);
  g.add_edge(c, d, Relation::supports);
  EXPECT_EQ(claimgraph::analysis::grounded_status(g).labels,
            (Labels{Label::in, Label::in, Label::undec, Label::undec, Label::undec}));
  const auto preferred = all(g, Semantics::preferred);
  ASSERT_EQ(preferred.size(), 2u);
  EXPECT_EQ(preferred[0], (Labels{Label::in, Label::in, Label::in, Label::out, Label::in}));
  EXPECT_EQ(preferred[1], (Labels{Label::in, Label::in, Label::out, Label::in, Label::out}));
  EXPECT_EQ(all(g, Semantics::stable), preferred);
  const auto acc = claimgraph::analysis::case_acceptance(g, Semantics::preferred);
  EXPECT_EQ(acc[d], (NodeAcceptance{true, false}));
  EXPECT_EQ(acc[e1], (NodeAcceptance{true, true}));
}

// An undercutter that is itself disputed: in one labelling it stands and
// the claim loses its only support; in the other the claim stands.
TEST(LabellingsTest, DisputedUndercutSplitsThePreferredLabellings) {
  Graph g;
  const auto e = add(g, "e", NodeKind::evidence);
  const auto c = add(g, "c", NodeKind::claim);
  const auto u = add(g, "u", NodeKind::evidence);
  const auto w = add(g, "w", NodeKind::evidence);
  g.add_edge(e, c, Relation::supports);
  g.add_undercut(u, 0);
  g.add_edge(u, w, Relation::contradicts);
  g.add_edge(w, u, Relation::contradicts);
  const auto preferred = all(g, Semantics::preferred);
  ASSERT_EQ(preferred.size(), 2u);
  EXPECT_EQ(preferred[0], (Labels{Label::in, Label::in, Label::out, Label::in}));
  EXPECT_EQ(preferred[1], (Labels{Label::in, Label::out, Label::in, Label::out}));
}

// A support cycle with no evidence grounds nothing in any labelling, and an
// odd cycle of contradictions leaves no stable labelling at all.
TEST(LabellingsTest, SupportCyclesAndOddCycles) {
  Graph g;
  const auto a = add(g, "a", NodeKind::claim);
  const auto b = add(g, "b", NodeKind::claim);
  g.add_edge(a, b, Relation::supports);
  g.add_edge(b, a, Relation::supports);
  const auto x = add(g, "x", NodeKind::evidence);
  const auto y = add(g, "y", NodeKind::evidence);
  const auto z = add(g, "z", NodeKind::evidence);
  g.add_edge(x, y, Relation::contradicts);
  g.add_edge(y, z, Relation::contradicts);
  g.add_edge(z, x, Relation::contradicts);
  const auto preferred = all(g, Semantics::preferred);
  ASSERT_EQ(preferred.size(), 1u);
  EXPECT_EQ(preferred[0], (Labels{Label::out, Label::out, Label::undec, Label::undec, Label::undec}));
  EXPECT_TRUE(all(g, Semantics::stable).empty());
  for (const auto& r : claimgraph::analysis::case_acceptance(g, Semantics::stable)) {
    EXPECT_EQ(r, (NodeAcceptance{false, true}));
  }
}

// A large open part: many disputed claims bound together by what they
// support. The search stops at its limit with an error that says so.
TEST(LabellingsTest, LargeOpenPartHitsTheSearchLimit) {
  Graph g;
  const auto e = add(g, "e", NodeKind::evidence);
  const auto top = add(g, "top", NodeKind::claim);
  for (int i = 0; i < 40; ++i) {
    const auto c = add(g, "c", NodeKind::claim);
    const auto k = add(g, "k", NodeKind::claim);
    g.add_edge(e, c, Relation::supports);
    g.add_edge(e, k, Relation::supports);
    g.add_edge(c, k, Relation::contradicts);
    g.add_edge(k, c, Relation::contradicts);
    g.add_edge(c, top, Relation::element_of);
  }
  EXPECT_THROW((void)all(g, Semantics::preferred, SearchLimits{100'000}), claimgraph::analysis::SearchLimitError);
  try {
    (void)claimgraph::analysis::case_acceptance(g, Semantics::stable, SearchLimits{1000});
    FAIL() << "no SearchLimitError";
  } catch (const claimgraph::analysis::SearchLimitError& err) {
    EXPECT_EQ(std::string(err.what()), "the search for stable extensions exceeded the limit of 1000 steps");
    EXPECT_EQ(err.limit(), claimgraph::Limit::search_steps) << "so that a program can say how to raise it";
  }
}

}  // namespace
