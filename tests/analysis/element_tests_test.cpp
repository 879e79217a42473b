// Tests of elements (all, any, balance) in grounding, grounded status and
// strength: against references that apply the rules of docs/semantics.md
// literally (rounds until nothing changes, sums of weights as written) on
// thousands of random small graphs, and by hand on the cases the rules
// single out: ties, weightless factors, undecided factors, 0.1 + 0.2.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/reasons.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/graph.hpp"
#include "analysis/random_graph.hpp"

namespace {

using claimgraph::ElementTest;
using claimgraph::Graph;
using claimgraph::Node;
using claimgraph::NodeKind;
using claimgraph::Relation;
using claimgraph::analysis::Cause;
using claimgraph::analysis::Gap;
using claimgraph::analysis::Label;

// --- the literal rules ----------------------------------------------------

ElementTest test_of(const Node& n) { return n.test.value_or(ElementTest::all); }
double factor_weight(const Node& n) { return n.weight.value_or(1.0); }

// Whether a claim with test `test` holds when, of its element-of edges in
// edge order, those whose element `holds` says hold. For balance: the sum of
// the weights of the factors that hold is greater than the sum of the
// weights of those that do not.
template <class Holds>
bool met(const Graph& g, std::size_t v, Holds holds) {
  bool all = true, any = false;
  double pro = 0, con = 0;
  for (const auto& e : g.edges()) {
    if (g.target(e) != v || g.edge(e).relation != Relation::element_of) continue;
    const bool h = holds(g.source(e));
    all = all && h;
    any = any || h;
    (h ? pro : con) += factor_weight(g.node(g.source(e)));
  }
  switch (test_of(g.node(v))) {
    case ElementTest::all: return all;
    case ElementTest::any: return any;
    case ElementTest::balance: return pro > con;
  }
  return false;
}

std::size_t elements_of(const Graph& g, std::size_t v) {
  std::size_t k = 0;
  for (const auto& e : g.edges()) {
    if (g.target(e) == v && g.edge(e).relation == Relation::element_of) ++k;
  }
  return k;
}

bool claim(const Graph& g, std::size_t v) { return claimgraph::is_claim_like(g.node(v).kind); }

// Grounding: evidence; a claim with elements whose grounded elements meet
// its test; any other claim with a grounded supporter. Rounds until nothing
// changes.
std::vector<bool> reference_grounding(const Graph& g) {
  const std::size_t n = g.node_count();
  std::vector<bool> grounded(n, false);
  for (std::size_t v = 0; v < n; ++v) grounded[v] = !claim(g, v);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t v = 0; v < n; ++v) {
      if (grounded[v]) continue;
      bool ok = false;
      if (elements_of(g, v) > 0) {
        ok = met(g, v, [&](std::size_t s) { return grounded[s]; });
      } else {
        for (const auto& e : g.edges()) {
          ok = ok || (g.target(e) == v && g.edge(e).relation == Relation::supports && grounded[g.source(e)]);
        }
      }
      if (ok) {
        grounded[v] = true;
        changed = true;
      }
    }
  }
  return grounded;
}

// Grounded status, as status.hpp defines it, with the support rule of a
// claim with elements being its test: IN when the IN elements meet it; OUT
// when the elements not OUT cannot (it is no longer grounded once the OUT
// nodes are taken away).
std::vector<Label> reference_status(const Graph& g) {
  const std::size_t n = g.node_count();
  const auto edges = g.edges();
  const std::size_t m = edges.size();
  enum : int { none, in, out };
  std::vector<int> lab(n, none);
  for (bool changed = true; changed;) {
    changed = false;
    std::vector<bool> blocked(m, false), clear(m, true);
    for (const auto& e : edges) {
      if (g.edge(e).relation != Relation::undercuts) continue;
      if (lab[g.source(e)] == in) blocked[g.edge(e).undercut] = true;
      if (lab[g.source(e)] != out) clear[g.edge(e).undercut] = false;
    }
    std::vector<bool> alive(n, false);
    for (std::size_t v = 0; v < n; ++v) alive[v] = !claim(g, v) && lab[v] != out;
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t v = 0; v < n; ++v) {
        if (alive[v] || lab[v] == out || !claim(g, v)) continue;
        bool ok = false;
        if (elements_of(g, v) > 0) {
          ok = met(g, v, [&](std::size_t s) { return alive[s]; });
        } else {
          for (std::size_t i = 0; i < m; ++i) {
            const auto e = edges[i];
            ok = ok || (g.target(e) == v && g.edge(e).relation == Relation::supports && alive[g.source(e)] &&
                        !blocked[i]);
          }
        }
        if (ok) {
          alive[v] = true;
          grew = true;
        }
      }
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (lab[v] != none) continue;
      bool attacker_in = false, attackers_out = true, support = !claim(g, v);
      for (std::size_t i = 0; i < m; ++i) {
        const auto e = edges[i];
        if (g.target(e) != v) continue;
        const int s = lab[g.source(e)];
        if (g.edge(e).relation == Relation::contradicts) {
          attacker_in = attacker_in || s == in;
          attackers_out = attackers_out && s == out;
        }
        if (g.edge(e).relation == Relation::supports && claim(g, v) && s == in && clear[i]) support = true;
      }
      if (claim(g, v) && elements_of(g, v) > 0) support = met(g, v, [&](std::size_t s) { return lab[s] == in; });
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

// What a claim with elements makes of their strengths: all, the weakest;
// any, the strongest; balance, Σ wᵢ·sᵢ / Σ wᵢ (0 when Σ wᵢ is 0).
double elements_value(const Graph& g, std::size_t v, const std::vector<double>& s) {
  double weakest = 1, strongest = 0, weighed = 0, weights = 0;
  for (const auto& e : g.edges()) {
    if (g.target(e) != v || g.edge(e).relation != Relation::element_of) continue;
    const double x = s[g.source(e)], w = factor_weight(g.node(g.source(e)));
    weakest = std::min(weakest, x);
    strongest = std::max(strongest, x);
    weighed += w * x;
    weights += w;
  }
  switch (test_of(g.node(v))) {
    case ElementTest::all: return weakest;
    case ElementTest::any: return strongest;
    case ElementTest::balance: return weights > 0 ? weighed / weights : 0.0;
  }
  return 0;
}

// DF-QuAD as the README states it, for one node, from the strengths `s`.
double reference_value(const Graph& g, std::size_t v, const std::vector<double>& s) {
  const Node& node = g.node(v);
  double base = node.weight.value_or(claim(g, v) ? 0.5 : 1.0);
  double not_att = 1, not_sup = 1;
  for (const auto& e : g.edges()) {
    if (g.target(e) != v) continue;
    const double x = s[g.source(e)];
    if (g.edge(e).relation == Relation::contradicts) not_att *= 1 - x;
    if (g.edge(e).relation == Relation::supports && claim(g, v)) {
      double carried = x;
      for (const auto& u : g.edges()) {
        if (g.edge(u).relation == Relation::undercuts && g.edge(u).undercut == g.edge(e).index) {
          carried *= 1 - s[g.source(u)];
        }
      }
      not_sup *= 1 - carried;
    }
  }
  double att = 1 - not_att, sup = 1 - not_sup;
  if (claim(g, v) && elements_of(g, v) > 0) {
    base = (node.weight ? *node.weight : 1.0) * elements_value(g, v, s);
    sup = 0;
  }
  const double value = att >= sup ? base - base * (att - sup) : base + (1 - base) * (sup - att);
  return std::clamp(value, 0.0, 1.0);
}

// Whether every edge runs forwards in some order of the nodes (no cycle of
// influence), when strengths are exact after one pass in that order.
bool acyclic(const Graph& g) {
  const std::size_t n = g.node_count();
  std::vector<std::size_t> incoming(n, 0);
  for (const auto& e : g.edges()) ++incoming[g.target(e)];
  std::vector<bool> done(n, false);
  for (std::size_t round = 0; round < n; ++round) {
    bool progress = false;
    for (std::size_t v = 0; v < n; ++v) {
      if (done[v] || incoming[v] > 0) continue;
      done[v] = progress = true;
      for (const auto& e : g.edges()) {
        if (g.source(e) == v) --incoming[g.target(e)];
      }
    }
    if (!progress) break;
  }
  return std::all_of(done.begin(), done.end(), [](bool d) { return d; });
}

// --- random graphs --------------------------------------------------------

TEST(ElementTestsTest, GroundingMatchesTheRulesOnRandomGraphs) {
  std::mt19937 rng(20261202);
  int balance_claims = 0, any_claims = 0;
  for (int round = 0; round < 5000; ++round) {
    const Graph g = claimgraph::test::random_graph(rng, 9, true);
    const auto report = claimgraph::analysis::check(g);
    const auto want = reference_grounding(g);
    ASSERT_EQ(report.grounded, want) << "graph " << round << ": " << claimgraph::test::describe(g);
    for (const auto& s : report.claims) {
      const std::size_t v = s.node;
      if (s.grounded || elements_of(g, v) == 0) continue;
      const ElementTest t = test_of(g.node(v));
      const Gap gap = t == ElementTest::all ? Gap::missing_elements : t == ElementTest::any ? Gap::no_element : Gap::outweighed;
      ASSERT_EQ(s.gap, gap) << "graph " << round << ", node " << v << ": " << claimgraph::test::describe(g);
      if (t == ElementTest::any) ++any_claims;
      if (t != ElementTest::balance) continue;
      ++balance_claims;
      double pro = 0, con = 0;
      for (const auto& e : g.edges()) {
        if (g.target(e) == v && g.edge(e).relation == Relation::element_of) {
          (want[g.source(e)] ? pro : con) += factor_weight(g.node(g.source(e)));
        }
      }
      const double scale = static_cast<double>(claimgraph::factor_unit_scale);
      ASSERT_EQ(static_cast<double>(s.weight_for) / scale, pro) << "graph " << round;
      ASSERT_EQ(static_cast<double>(s.weight_against) / scale, con) << "graph " << round;
    }
  }
  // The graphs exercise what they are meant to.
  EXPECT_GT(balance_claims, 500);
  EXPECT_GT(any_claims, 500);
}

TEST(ElementTestsTest, GroundedStatusMatchesTheRulesOnRandomGraphs) {
  std::mt19937 rng(20261203);
  for (int round = 0; round < 5000; ++round) {
    const Graph g = claimgraph::test::random_graph(rng, 9, true);
    const auto got = claimgraph::analysis::grounded_status(g).labels;
    const auto want = reference_status(g);
    ASSERT_EQ(got, want) << "graph " << round << ": " << claimgraph::test::describe(g);
  }
}

// The reasons name the rule that settled each label, and for balance the
// weights add up to every factor's.
TEST(ElementTestsTest, ReasonsAgreeWithTheTestOnRandomGraphs) {
  std::mt19937 rng(20261204);
  for (int round = 0; round < 3000; ++round) {
    const Graph g = claimgraph::test::random_graph(rng, 9, true);
    const auto status = claimgraph::analysis::grounded_status(g);
    for (std::size_t v = 0; v < g.node_count(); ++v) {
      const auto r = claimgraph::analysis::explain_status(g, status, v);
      if (!claim(g, v) || r.elements == 0) continue;
      ASSERT_EQ(r.test, test_of(g.node(v)));
      ASSERT_EQ(r.elements_in.size() + r.elements_not_in.size(), r.elements);
      if (r.cause == Cause::elements_stand) {
        ASSERT_TRUE(met(g, v, [&](std::size_t s) { return status.labels[s] == Label::in; })) << claimgraph::test::describe(g);
      }
      if (r.cause == Cause::elements_fall) {
        ASSERT_FALSE(met(g, v, [&](std::size_t s) { return status.labels[s] != Label::out; })) << claimgraph::test::describe(g);
      }
      if (r.test == ElementTest::balance) {
        double total = 0;
        for (const auto& e : g.edges()) {
          if (g.target(e) == v && g.edge(e).relation == Relation::element_of) total += factor_weight(g.node(g.source(e)));
        }
        ASSERT_EQ(static_cast<double>(r.weight_in + r.weight_out + r.weight_undec) /
                      static_cast<double>(claimgraph::factor_unit_scale),
                  total);
      }
    }
  }
}

TEST(ElementTestsTest, StrengthMatchesTheRulesOnRandomAcyclicGraphs) {
  std::mt19937 rng(20261205);
  int compared = 0;
  for (int round = 0; round < 5000; ++round) {
    const Graph g = claimgraph::test::random_graph(rng, 9, true);
    if (!acyclic(g)) continue;
    ++compared;
    const auto got = claimgraph::analysis::evaluate_strength(g);
    // Rounds of updates from the base scores: exact after as many rounds as
    // the longest path, since nothing feeds back.
    std::vector<double> s(g.node_count());
    for (std::size_t v = 0; v < g.node_count(); ++v) s[v] = g.node(v).weight.value_or(claim(g, v) ? 0.5 : 1.0);
    for (std::size_t k = 0; k <= g.node_count(); ++k) {
      std::vector<double> next(s.size());
      for (std::size_t v = 0; v < g.node_count(); ++v) next[v] = reference_value(g, v, s);
      s = next;
    }
    for (std::size_t v = 0; v < g.node_count(); ++v) {
      ASSERT_NEAR(got.strength[v], s[v], 1e-12) << "graph " << round << ", node " << v << ": " << claimgraph::test::describe(g);
      if (claim(g, v) && elements_of(g, v) > 0) {
        ASSERT_NEAR(got.pro[v], elements_value(g, v, s), 1e-12) << "graph " << round << ": " << claimgraph::test::describe(g);
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

// Preferred and stable labellings: tests/analysis/labellings_test.cpp, whose
// reference follows the tests of elements too.

// --- by hand ----------------------------------------------------------------

class ElementTestsByHand : public ::testing::Test {
 protected:
  Graph::NodeRef add(const char* id, NodeKind kind, std::optional<double> weight = {},
                     std::optional<ElementTest> test = {}) {
    Node n;
    n.id = id;
    n.label = id;
    n.kind = kind;
    n.weight = weight;
    n.test = test;
    return g_.add_node(std::move(n));
  }
  // An element: a claim supported by evidence when `grounded`, else by nothing.
  Graph::NodeRef element(const char* id, bool grounded, std::optional<double> weight = {}) {
    const auto v = add(id, NodeKind::claim, weight);
    if (grounded) {
      const auto e = add((std::string(id) + "_ev").c_str(), NodeKind::evidence);
      g_.add_edge(e, v, Relation::supports);
    }
    return v;
  }
  const claimgraph::analysis::ClaimStatus& status(const claimgraph::analysis::GroundingReport& r, Graph::NodeRef v) {
    return r.claims[r.claim_index[v]];
  }
  Graph g_;
};

TEST_F(ElementTestsByHand, AnyNeedsOneGroundedElement) {
  const auto c = add("c", NodeKind::claim, {}, ElementTest::any);
  const auto a = element("a", false), b = element("b", true);
  g_.add_edge(a, c, Relation::element_of);
  g_.add_edge(b, c, Relation::element_of);
  EXPECT_TRUE(claimgraph::analysis::check(g_).grounded[c]);
  EXPECT_EQ(claimgraph::analysis::grounded_status(g_).labels[c], Label::in);
}

TEST_F(ElementTestsByHand, AnyWithNoGroundedElementSaysNoElement) {
  const auto c = add("c", NodeKind::claim, {}, ElementTest::any);
  const auto a = element("a", false), b = element("b", false);
  g_.add_edge(a, c, Relation::element_of);
  g_.add_edge(b, c, Relation::element_of);
  const auto r = claimgraph::analysis::check(g_);
  EXPECT_EQ(status(r, c).gap, Gap::no_element);
  EXPECT_EQ(status(r, c).missing, (std::vector<Graph::NodeRef>{a, b}));
  EXPECT_STREQ(claimgraph::analysis::to_string(Gap::no_element), "no-element");
  EXPECT_STREQ(claimgraph::analysis::to_string(Gap::outweighed), "outweighed");
}

TEST_F(ElementTestsByHand, BalanceTieDoesNotStand) {
  const auto c = add("c", NodeKind::claim, {}, ElementTest::balance);
  const auto a = element("a", true), b = element("b", false);
  g_.add_edge(a, c, Relation::element_of);
  g_.add_edge(b, c, Relation::element_of);
  const auto r = claimgraph::analysis::check(g_);
  EXPECT_FALSE(r.grounded[c]);
  EXPECT_EQ(status(r, c).gap, Gap::outweighed);
  EXPECT_EQ(status(r, c).weight_for, claimgraph::factor_unit_scale);
  EXPECT_EQ(status(r, c).weight_against, claimgraph::factor_unit_scale);
  EXPECT_EQ(claimgraph::analysis::grounded_status(g_).labels[c], Label::out);
}

TEST_F(ElementTestsByHand, BalanceWeighsByTheElementsWeights) {
  const auto c = add("c", NodeKind::claim, {}, ElementTest::balance);
  const auto a = element("a", true, 0.75), b = element("b", false, 0.5);
  g_.add_edge(a, c, Relation::element_of);
  g_.add_edge(b, c, Relation::element_of);
  EXPECT_TRUE(claimgraph::analysis::check(g_).grounded[c]);
}

// 0.1 + 0.2 is not 0.3 in binary floating point; weights are summed in
// billionths, so these tie, and a tie does not stand.
TEST_F(ElementTestsByHand, BalanceSumsAreExact) {
  const auto c = add("c", NodeKind::claim, {}, ElementTest::balance);
  const auto a = element("a", true, 0.1), b = element("b", true, 0.2), x = element("x", false, 0.3);
  g_.add_edge(a, c, Relation::element_of);
  g_.add_edge(b, c, Relation::element_of);
  g_.add_edge(x, c, Relation::element_of);
  const auto r = claimgraph::analysis::check(g_);
  EXPECT_FALSE(r.grounded[c]);
  EXPECT_EQ(status(r, c).weight_for, status(r, c).weight_against);
}

TEST_F(ElementTestsByHand, BalanceOfWeightlessFactorsNeverStands) {
  const auto c = add("c", NodeKind::claim, {}, ElementTest::balance);
  const auto a = element("a", true, 0.0);
  g_.add_edge(a, c, Relation::element_of);
  EXPECT_FALSE(claimgraph::analysis::check(g_).grounded[c]);
  EXPECT_DOUBLE_EQ(claimgraph::analysis::evaluate_strength(g_).pro[c], 0.0);
}

// Two pieces of evidence that contradict each other are both UNDEC: an
// undecided factor.
TEST_F(ElementTestsByHand, UndecidedFactorsCountAgainstStandingAndAgainstFalling) {
  // IN 1.0 against UNDEC 0.5: stands whatever the undecided factor becomes.
  {
    Graph& g = g_;
    const auto c = add("c", NodeKind::claim, {}, ElementTest::balance);
    const auto in = add("in", NodeKind::evidence, 1.0);
    const auto u1 = add("u1", NodeKind::evidence, 0.5), u2 = add("u2", NodeKind::evidence);
    g.add_edge(u1, u2, Relation::contradicts);
    g.add_edge(u2, u1, Relation::contradicts);
    g.add_edge(in, c, Relation::element_of);
    g.add_edge(u1, c, Relation::element_of);
    const auto s = claimgraph::analysis::grounded_status(g);
    EXPECT_EQ(s.labels[u1], Label::undec);
    EXPECT_EQ(s.labels[c], Label::in);
    const auto r = claimgraph::analysis::explain_status(g, s, c);
    EXPECT_EQ(r.cause, Cause::elements_stand);
    EXPECT_EQ(r.weight_in, claimgraph::factor_unit_scale);
    EXPECT_EQ(r.weight_undec, claimgraph::factor_unit_scale / 2);
  }
  // IN 0.5 and UNDEC 0.5 against OUT 0.75: neither stands nor falls.
  Graph g;
  g_ = std::move(g);
  const auto c = add("c", NodeKind::claim, {}, ElementTest::balance);
  const auto in = add("in", NodeKind::evidence, 0.5);
  const auto u1 = add("u1", NodeKind::evidence, 0.5), u2 = add("u2", NodeKind::evidence);
  const auto gone = add("gone", NodeKind::evidence, 0.75), finding = add("finding", NodeKind::evidence);
  g_.add_edge(u1, u2, Relation::contradicts);
  g_.add_edge(u2, u1, Relation::contradicts);
  g_.add_edge(finding, gone, Relation::contradicts);
  g_.add_edge(in, c, Relation::element_of);
  g_.add_edge(u1, c, Relation::element_of);
  g_.add_edge(gone, c, Relation::element_of);
  const auto s = claimgraph::analysis::grounded_status(g_);
  EXPECT_EQ(s.labels[gone], Label::out);
  EXPECT_EQ(s.labels[c], Label::undec);
  EXPECT_EQ(claimgraph::analysis::explain_status(g_, s, c).cause, Cause::elements_undecided);
}

TEST_F(ElementTestsByHand, StrengthOfAnyIsTheStrongestAndOfBalanceTheWeightedMean) {
  const auto any = add("any", NodeKind::claim, {}, ElementTest::any);
  const auto bal = add("bal", NodeKind::claim, {}, ElementTest::balance);
  const auto a = add("a", NodeKind::evidence, 0.25), b = add("b", NodeKind::evidence, 0.75);
  g_.add_edge(a, any, Relation::element_of);
  g_.add_edge(b, any, Relation::element_of);
  g_.add_edge(a, bal, Relation::element_of);
  g_.add_edge(b, bal, Relation::element_of);
  const auto r = claimgraph::analysis::evaluate_strength(g_);
  EXPECT_DOUBLE_EQ(r.pro[any], 0.75);
  EXPECT_DOUBLE_EQ(r.strength[any], 0.75);
  // (0.25·0.25 + 0.75·0.75) / (0.25 + 0.75)
  EXPECT_DOUBLE_EQ(r.pro[bal], 0.625);
}

TEST(ElementTestNames, SpellingsRoundTrip) {
  for (ElementTest t : claimgraph::all_element_tests()) EXPECT_EQ(claimgraph::parse_element_test(claimgraph::to_string(t)), t);
  EXPECT_FALSE(claimgraph::parse_element_test("some"));
  Node n;
  EXPECT_EQ(claimgraph::factor_units(n), claimgraph::factor_unit_scale);
  n.weight = 0.3;
  EXPECT_EQ(claimgraph::factor_units(n), 300'000'000u);
  n.weight = std::nan("");
  EXPECT_EQ(claimgraph::factor_units(n), 0u);
}

}  // namespace
