// DF-QuAD strengths and standards of proof, against values worked out by
// hand from the formulas in strength.hpp.

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/graph.hpp"

namespace {

using claimgraph::Graph;
using claimgraph::NodeKind;
using claimgraph::Relation;
using claimgraph::Standard;
using claimgraph::analysis::evaluate_strength;
using claimgraph::analysis::meets;

class StrengthTest : public ::testing::Test {
 protected:
  Graph::NodeRef add(const char* id, NodeKind kind, std::optional<double> weight = std::nullopt) {
    claimgraph::Node n;
    n.id = id;
    n.label = id;
    n.kind = kind;
    n.weight = weight;
    return g_.add_node(std::move(n));
  }
  Graph g_;
};

TEST_F(StrengthTest, SupportRaisesTowardsOne) {
  const auto e = add("e", NodeKind::evidence, 0.8);
  const auto c = add("c", NodeKind::claim);
  g_.add_edge(e, c, Relation::supports);
  const auto r = evaluate_strength(g_);
  EXPECT_DOUBLE_EQ(r.strength[e], 0.8);
  EXPECT_DOUBLE_EQ(r.strength[c], 0.5 + 0.5 * 0.8);
  EXPECT_DOUBLE_EQ(r.pro[c], 0.8);
  EXPECT_DOUBLE_EQ(r.con[c], 0.0);
}

TEST_F(StrengthTest, AttackStrongerThanSupportLowers) {
  const auto e = add("e", NodeKind::evidence, 0.8);
  const auto a = add("a", NodeKind::evidence);
  const auto c = add("c", NodeKind::claim);
  g_.add_edge(e, c, Relation::supports);
  g_.add_edge(a, c, Relation::contradicts);
  const auto r = evaluate_strength(g_);
  EXPECT_NEAR(r.strength[c], 0.5 - 0.5 * (1.0 - 0.8), 1e-12);
}

TEST_F(StrengthTest, SupportersAggregateAsAProbabilisticSum) {
  const auto e = add("e", NodeKind::evidence, 0.5);
  const auto f = add("f", NodeKind::evidence, 0.5);
  const auto c = add("c", NodeKind::claim, 0.2);
  g_.add_edge(e, c, Relation::supports);
  g_.add_edge(f, c, Relation::supports);
  const auto r = evaluate_strength(g_);
  EXPECT_NEAR(r.pro[c], 0.75, 1e-12);
  EXPECT_NEAR(r.strength[c], 0.2 + 0.8 * 0.75, 1e-12);
}

TEST_F(StrengthTest, AClaimWithElementsIsAsStrongAsItsWeakestElement) {
  const auto k1 = add("k1", NodeKind::evidence, 0.9);
  const auto k2 = add("k2", NodeKind::evidence, 0.6);
  const auto s = add("s", NodeKind::evidence, 1.0);
  const auto c = add("c", NodeKind::claim);
  g_.add_edge(k1, c, Relation::element_of);
  g_.add_edge(k2, c, Relation::element_of);
  g_.add_edge(s, c, Relation::supports);  // does not count for a claim with elements
  const auto r = evaluate_strength(g_);
  EXPECT_DOUBLE_EQ(r.strength[c], 0.6);
  EXPECT_DOUBLE_EQ(r.pro[c], 0.6);
}

TEST_F(StrengthTest, AnUndercutWeakensWhatTheSupportCarries) {
  const auto e = add("e", NodeKind::evidence, 0.8);
  const auto u = add("u", NodeKind::evidence, 0.5);
  const auto c = add("c", NodeKind::claim);
  g_.add_edge(e, c, Relation::supports);
  g_.add_undercut(u, 0);
  const auto r = evaluate_strength(g_);
  EXPECT_NEAR(r.pro[c], 0.8 * 0.5, 1e-12);
  EXPECT_NEAR(r.strength[c], 0.5 + 0.5 * 0.4, 1e-12);
}

TEST_F(StrengthTest, ACycleSettlesOnAFixedPoint) {
  const auto e = add("e", NodeKind::evidence, 0.6);
  const auto a = add("a", NodeKind::claim);
  const auto b = add("b", NodeKind::claim);
  const auto x = add("x", NodeKind::evidence, 0.3);
  g_.add_edge(e, a, Relation::supports);
  g_.add_edge(a, b, Relation::supports);
  g_.add_edge(b, a, Relation::supports);
  g_.add_edge(x, b, Relation::contradicts);
  const auto r = evaluate_strength(g_);
  ASSERT_TRUE(r.converged);
  // The equations hold at the result.
  const double sa = 1 - (1 - 0.6) * (1 - r.strength[b]);
  const double a_want = 0.5 + 0.5 * sa;
  const double sb = r.strength[a];
  const double b_want = sb >= 0.3 ? 0.5 + 0.5 * (sb - 0.3) : 0.5 - 0.5 * (0.3 - sb);
  EXPECT_NEAR(r.strength[a], a_want, 1e-8);
  EXPECT_NEAR(r.strength[b], b_want, 1e-8);
}

// Two claims of equal weight that attack each other have many fixed points
// (any pair with a + b = 0.9); the result must not depend on which node
// comes first: the symmetric one, whatever the order.
TEST(StrengthCycleTest, MutualAttackSettlesTheSameWhateverTheNodeOrder) {
  for (const bool reversed : {false, true}) {
    Graph g;
    for (const char* id : reversed ? std::vector<const char*>{"b", "a"} : std::vector<const char*>{"a", "b"}) {
      claimgraph::Node node;
      node.id = std::string(id);
      node.label = node.id;
      node.kind = NodeKind::claim;
      node.weight = 0.9;
      g.add_node(std::move(node));
    }
    g.add_edge(0, 1, Relation::contradicts);
    g.add_edge(1, 0, Relation::contradicts);
    const auto r = evaluate_strength(g);
    ASSERT_TRUE(r.converged);
    EXPECT_NEAR(r.strength[0], r.strength[1], 1e-9);
    // s = 0.9 − 0.9·s, the symmetric fixed point.
    EXPECT_NEAR(r.strength[0], 0.9 / 1.9, 1e-8) << (reversed ? "reversed" : "in order");
  }
}

// Only cycles are swept, each on its own, once all that bears on it is
// known; every other node is computed once. So the sweeps a case takes are
// those of its hardest cycle, however many other cycles and nodes surround
// it: sweeping the whole graph until it all settles would take at least as
// many sweeps as the longest chain below a cycle has nodes.
TEST(StrengthCycleTest, SweepsDependOnTheCycleNotOnTheSizeOfTheCase) {
  // `copies` times: evidence supporting claim a; a and b attacking each
  // other; below b a chain of `tail` claims, each supporting the next.
  const auto build = [](std::size_t copies, std::size_t tail) {
    Graph g;
    const auto node = [&g](std::string id, NodeKind kind, std::optional<double> weight) {
      claimgraph::Node n;
      n.id = std::move(id);
      n.label = n.id;
      n.kind = kind;
      n.weight = weight;
      return g.add_node(std::move(n));
    };
    for (std::size_t k = 0; k < copies; ++k) {
      const std::string p = std::to_string(k) + ".";
      const auto e = node(p + "e", NodeKind::evidence, 0.7);
      const auto a = node(p + "a", NodeKind::claim, 0.9);
      const auto b = node(p + "b", NodeKind::claim, 0.8);
      g.add_edge(e, a, Relation::supports);
      g.add_edge(a, b, Relation::contradicts);
      g.add_edge(b, a, Relation::contradicts);
      auto last = b;
      for (std::size_t i = 0; i < tail; ++i) {
        const auto next = node(p + "t" + std::to_string(i), NodeKind::claim, std::nullopt);
        g.add_edge(last, next, Relation::supports);
        last = next;
      }
    }
    return g;
  };
  const Graph small = build(1, 0);
  const auto one = evaluate_strength(small);
  ASSERT_TRUE(one.converged);
  EXPECT_EQ(one.cycles, 1u);
  EXPECT_EQ(one.largest_cycle, 2u);
  EXPECT_GT(one.sweeps, 1u);  // a mutual attack does not settle in one sweep

  const std::size_t copies = 300, tail = 200;
  const Graph large = build(copies, tail);
  const auto many = evaluate_strength(large);
  ASSERT_TRUE(many.converged);
  EXPECT_EQ(many.cycles, copies);
  EXPECT_EQ(many.largest_cycle, 2u);
  EXPECT_EQ(many.sweeps, one.sweeps);
  ASSERT_LT(one.sweeps, tail);  // else the chain would not tell the two ways apart
  // Every copy settles where the single one does.
  const auto a = *small.find("0.a");
  for (const std::size_t k : {std::size_t{0}, copies - 1}) {
    EXPECT_EQ(many.strength[*large.find(std::to_string(k) + ".a")], one.strength[a]) << k;
  }
}

// A large cycle's sweeps are computed and moved in parts on several threads
// (StrengthOptions::threads); each sweep reads only the one before, so the
// strengths, and all else reported, are those of one thread, bit for bit.
void expect_the_same_on_any_number_of_threads(const Graph& g, std::size_t cycle) {
  // A coarser tolerance than the default keeps the sweeps few (the test's
  // time); the threads split every sweep of 16,384 nodes or more.
  claimgraph::analysis::StrengthOptions options;
  options.tolerance = 1e-4;
  const auto one = evaluate_strength(g, options);
  ASSERT_EQ(one.largest_cycle, cycle);
  ASSERT_GT(one.sweeps, 2u);  // else nothing would be moved on threads before the last sweep
  for (const std::size_t threads : {std::size_t{2}, std::size_t{3}, std::size_t{8}}) {
    options.threads = threads;
    const auto parted = evaluate_strength(g, options);
    EXPECT_EQ(parted.strength, one.strength) << threads << " threads";
    EXPECT_EQ(parted.pro, one.pro) << threads << " threads";
    EXPECT_EQ(parted.con, one.con) << threads << " threads";
    EXPECT_EQ(parted.established, one.established) << threads << " threads";
    EXPECT_EQ(parted.converged, one.converged) << threads << " threads";
    EXPECT_EQ(parted.sweeps, one.sweeps) << threads << " threads";
  }
}

claimgraph::Node numbered(std::size_t v, NodeKind kind) {
  claimgraph::Node node;
  node.id = "n" + std::to_string(v);
  node.label = node.id;
  node.kind = kind;
  return node;
}

// Most of the cycle moves in most sweeps: the next sweep is picked out of
// the cycle's members.
TEST(StrengthCycleTest, ALargeCycleSettlesTheSameOnAnyNumberOfThreads) {
  // One cycle of 30,000 nodes (a ring, each bearing on the next), every
  // kind, weight, test and relation, undercuts included, and as many edges
  // again at random: large enough that sweeps split into three parts.
  const std::size_t n = 30'000;
  std::mt19937 rng(15);
  Graph g;
  for (std::size_t v = 0; v < n; ++v) {
    auto node = numbered(v, std::array{NodeKind::evidence, NodeKind::claim, NodeKind::counterclaim}[rng() % 3]);
    if (rng() % 2 == 0) node.weight = 0.25 * static_cast<double>(rng() % 5);
    const auto test = rng() % 4;
    if (test > 0) node.test = claimgraph::all_element_tests()[test - 1];
    g.add_node(std::move(node));
  }
  std::vector<std::pair<std::size_t, std::size_t>> supports;  // edge number, target
  const auto bear = [&](std::size_t from, std::size_t to) {
    const auto r = rng() % 3;
    if (r == 0) supports.emplace_back(g.edge_count(), to);
    g.add_edge(from, to, r == 0 ? Relation::supports : r == 1 ? Relation::contradicts : Relation::element_of);
  };
  for (std::size_t v = 0; v < n; ++v) bear(v, (v + 1) % n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t from = rng() % n, to = rng() % n;
    if (from != to) bear(from, to);
  }
  for (std::size_t i = 0; i < n / 32; ++i) {
    const auto [attacked, target] = supports[rng() % supports.size()];
    const std::size_t from = rng() % n;
    if (target != from) g.add_undercut(from, attacked);
  }
  expect_the_same_on_any_number_of_threads(g, n);
}

// Under a quarter of the cycle ever moves: each sweep's moves wake fewer
// than a quarter of the members, and the next sweep is what the threads'
// moves listed, sorted.
TEST(StrengthCycleTest, ALargeCycleThatMovesInPartSettlesTheSameOnAnyNumberOfThreads) {
  // 17,000 claims that contradict each other (the next, and two more at
  // random), in a ring of 72,000 nodes whose other 55,000 are evidence
  // supported by the node before: support does not move evidence.
  const std::size_t n = 72'000, moving = 17'000;
  std::mt19937 rng(15);
  Graph g;
  for (std::size_t v = 0; v < n; ++v) {
    auto node = numbered(v, v < moving ? NodeKind::claim : NodeKind::evidence);
    node.weight = 0.25 * static_cast<double>(1 + rng() % 4);
    g.add_node(std::move(node));
  }
  for (std::size_t v = 0; v < n; ++v) {
    g.add_edge(v, (v + 1) % n, v + 1 < moving ? Relation::contradicts : Relation::supports);
  }
  for (std::size_t v = 0; v < moving; ++v) {
    for (int k = 0; k < 2; ++k) {
      const std::size_t from = rng() % moving;
      if (from != v) g.add_edge(from, v, Relation::contradicts);
    }
  }
  expect_the_same_on_any_number_of_threads(g, n);
}

TEST_F(StrengthTest, ACaseWithoutCyclesIsNotSwept) {
  auto last = add("e", NodeKind::evidence, 0.6);
  for (const char* id : {"c1", "c2", "c3"}) {
    const auto next = add(id, NodeKind::claim);
    g_.add_edge(last, next, Relation::supports);
    last = next;
  }
  const auto r = evaluate_strength(g_);
  EXPECT_TRUE(r.converged);
  EXPECT_EQ(r.cycles, 0u);
  EXPECT_EQ(r.largest_cycle, 0u);
  EXPECT_EQ(r.sweeps, 0u);
}

TEST_F(StrengthTest, ANonSettlingCycleIsReported) {
  const auto a = add("a", NodeKind::claim, 0.9);
  const auto b = add("b", NodeKind::claim, 0.9);
  g_.add_edge(a, b, Relation::contradicts);
  g_.add_edge(b, a, Relation::contradicts);
  claimgraph::analysis::StrengthOptions options;
  options.max_iterations = 1;
  options.tolerance = 0.0;
  const auto r = evaluate_strength(g_, options);
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.unsettled, (std::vector<Graph::NodeRef>{a, b}));
}

TEST(StandardTest, Thresholds) {
  EXPECT_TRUE(meets(Standard::scintilla, 0.01, 0.9));
  EXPECT_FALSE(meets(Standard::scintilla, 0.0, 0.0));
  EXPECT_TRUE(meets(Standard::preponderance, 0.51, 0.5));
  EXPECT_FALSE(meets(Standard::preponderance, 0.5, 0.5));
  EXPECT_TRUE(meets(Standard::clear_and_convincing, 0.9, 0.3));
  EXPECT_FALSE(meets(Standard::clear_and_convincing, 0.8, 0.3));
  EXPECT_TRUE(meets(Standard::beyond_reasonable_doubt, 0.95, 0.29));
  EXPECT_FALSE(meets(Standard::beyond_reasonable_doubt, 0.95, 0.3));
  EXPECT_FALSE(meets(Standard::beyond_reasonable_doubt, 0.7, 0.25));
}

TEST_F(StrengthTest, AnOutClaimIsNotEstablished) {
  const auto e = add("e", NodeKind::evidence, 0.9);
  const auto u = add("u", NodeKind::evidence, 0.9);
  const auto c = add("c", NodeKind::claim);
  g_.add_edge(e, c, Relation::supports);
  g_.add_undercut(u, 0);
  // pro 0.9 * 0.1 > con 0: preponderance is met on strength alone...
  EXPECT_TRUE(evaluate_strength(g_).established[c]);
  // ...but the undercut leaves the claim OUT, so it is not established.
  const auto status = claimgraph::analysis::grounded_status(g_);
  ASSERT_EQ(status.labels[c], claimgraph::analysis::Label::out);
  EXPECT_FALSE(evaluate_strength(g_, {}, &status).established[c]);
}

}  // namespace
