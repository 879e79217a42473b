// The burden of persuasion (status.hpp, StatusOptions::burden) against a
// reference that applies docs/semantics.md literally: the grounded labelling
// computed from scratch, rounds until nothing changes, with the labels the
// burden decided fixed in advance; on hand-made cases and thousands of random
// graphs with elements (all, any, balance), undercuts and cycles.

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/graph.hpp"
#include "analysis/random_graph.hpp"

namespace {

using claimgraph::ElementTest;
using claimgraph::Graph;
using claimgraph::Node;
using claimgraph::NodeKind;
using claimgraph::Relation;
using claimgraph::analysis::Decided;
using claimgraph::analysis::Label;

enum : int { none, in, out };

bool claim(const Graph& g, std::size_t v) { return claimgraph::is_claim_like(g.node(v).kind); }

// Whether claim v's test is met when `holds` says which of its elements hold
// (balance: the weights of those that hold exceed the weights of the others).
template <class Holds>
bool met(const Graph& g, std::size_t v, Holds holds) {
  bool all = true, any = false;
  double pro = 0, con = 0;
  for (const auto& e : g.edges()) {
    if (g.target(e) != v || g.edge(e).relation != Relation::element_of) continue;
    const bool h = holds(g.source(e));
    all = all && h;
    any = any || h;
    (h ? pro : con) += g.node(g.source(e)).weight.value_or(1.0);
  }
  switch (g.node(v).test.value_or(ElementTest::all)) {
    case ElementTest::all: return all;
    case ElementTest::any: return any;
    case ElementTest::balance: return pro > con;
  }
  return false;
}

bool has_elements(const Graph& g, std::size_t v) {
  for (const auto& e : g.edges()) {
    if (g.target(e) == v && g.edge(e).relation == Relation::element_of) return true;
  }
  return false;
}

// The grounded labelling with the labels in `fixed` given: they are never
// changed, a fixed IN claim is grounded by itself, a fixed OUT node grounds
// nothing; the other nodes follow the rules of status.hpp, round after round
// until nothing changes.
std::vector<int> grounded(const Graph& g, const std::vector<int>& fixed) {
  const std::size_t n = g.node_count();
  const auto edges = g.edges();
  const std::size_t m = edges.size();
  std::vector<int> lab = fixed;
  for (bool changed = true; changed;) {
    changed = false;
    std::vector<bool> blocked(m, false), clear(m, true);
    for (const auto& e : edges) {
      if (g.edge(e).relation != Relation::undercuts) continue;
      if (lab[g.source(e)] == in) blocked[g.edge(e).undercut] = true;
      if (lab[g.source(e)] != out) clear[g.edge(e).undercut] = false;
    }
    std::vector<bool> alive(n, false);
    for (std::size_t v = 0; v < n; ++v) alive[v] = (!claim(g, v) && lab[v] != out) || fixed[v] == in;
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t v = 0; v < n; ++v) {
        if (alive[v] || lab[v] == out || !claim(g, v)) continue;
        bool ok = false;
        if (has_elements(g, v)) {
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
      if (claim(g, v) && has_elements(g, v)) support = met(g, v, [&](std::size_t s) { return lab[s] == in; });
      if (attacker_in || !alive[v]) {
        lab[v] = out;
        changed = true;
      } else if (attackers_out && support) {
        lab[v] = in;
        changed = true;
      }
    }
  }
  return lab;
}

bool presumed(const Node& n) {
  return claimgraph::is_claim_like(n.kind) && n.burden && n.party && *n.burden != *n.party;
}

struct Reference {
  std::vector<Label> labels;
  std::vector<Decided> decided;
};

// The burden as docs/semantics.md states it. The grounded labelling; its
// undecided nodes in parts (nodes that reach each other through edges between
// undecided nodes); then, part by part, each once no part not yet taken
// reaches it (here the ready part of the highest node, an order of its own):
// every undecided presumed claim of the part that no undecided presumed claim
// contradicts is fixed IN and every undecided node of the part contradicting
// one of them OUT, and the labelling recomputed from scratch; then every claim of the
// part still undecided and not presumed is fixed OUT, and the labelling
// recomputed.
Reference reference(const Graph& g) {
  const std::size_t n = g.node_count();
  std::vector<int> fixed(n, none);
  std::vector<Decided> decided(n, Decided::no);
  auto lab = grounded(g, fixed);
  std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
  for (const auto& e : g.edges()) {
    if (lab[g.source(e)] == none && lab[g.target(e)] == none) reach[g.source(e)][g.target(e)] = true;
  }
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
    }
  }
  auto same = [&](std::size_t a, std::size_t b) { return a == b || (reach[a][b] && reach[b][a]); };
  std::vector<bool> done(n);
  for (std::size_t v = 0; v < n; ++v) done[v] = lab[v] != none;
  for (;;) {
    std::optional<std::size_t> pick;
    for (std::size_t v = n; v-- > 0 && !pick;) {
      if (done[v]) continue;
      bool ready = true;
      for (std::size_t u = 0; u < n; ++u) ready = ready && (done[u] || same(u, v) || !reach[u][v]);
      if (ready) pick = v;
    }
    if (!pick) break;
    std::vector<std::size_t> part;
    for (std::size_t u = 0; u < n; ++u) {
      if (!done[u] && same(u, *pick)) part.push_back(u);
    }
    lab = grounded(g, fixed);
    auto candidate = [&](std::size_t v) { return lab[v] == none && presumed(g.node(v)); };
    std::vector<std::size_t> stands;
    for (std::size_t v : part) {
      bool challenged = false;
      for (const auto& e : g.edges()) {
        challenged = challenged || (g.target(e) == v && g.edge(e).relation == Relation::contradicts &&
                                    candidate(g.source(e)));
      }
      if (candidate(v) && !challenged) stands.push_back(v);
    }
    for (std::size_t v : stands) {
      fixed[v] = in;
      decided[v] = Decided::stands;
      for (const auto& e : g.edges()) {
        const std::size_t s = g.source(e);
        if (g.target(e) == v && g.edge(e).relation == Relation::contradicts && lab[s] == none && same(s, v) &&
            fixed[s] == none) {
          fixed[s] = out;
          decided[s] = Decided::fails_to_disprove;
        }
      }
    }
    lab = grounded(g, fixed);
    for (std::size_t v : part) {
      if (claim(g, v) && lab[v] == none && !presumed(g.node(v))) {
        fixed[v] = out;
        decided[v] = Decided::fails;
      }
      done[v] = true;
    }
  }
  lab = grounded(g, fixed);
  Reference r;
  r.decided = decided;
  for (int l : lab) r.labels.push_back(l == in ? Label::in : l == out ? Label::out : Label::undec);
  return r;
}

// The graph in one line, with the parties and burdens.
std::string describe(const Graph& g) {
  std::string out = claimgraph::test::describe(g);
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    out += " " + g.node(v).id + ":party=" + g.node(v).party.value_or("-") + ",burden=" + g.node(v).burden.value_or("-");
  }
  return out;
}

// Gives the nodes of a random graph parties and burdens among two parties,
// some of them left out, and adds a few pairs of nodes that contradict each
// other, so that more claims are left undecided for the burden to decide.
void add_parties(Graph& g, std::mt19937& rng) {
  const std::optional<std::string> names[] = {std::nullopt, "P", "D"};
  const std::size_t n = g.node_count();
  for (std::size_t v = 0; v < n; ++v) {
    g.node(v).party = names[rng() % 3];
    g.node(v).burden = names[rng() % 3];
  }
  for (std::size_t k = rng() % 3; k > 0; --k) {
    const std::size_t a = rng() % n, b = rng() % n;
    if (a == b) continue;
    g.add_edge(a, b, Relation::contradicts);
    g.add_edge(b, a, Relation::contradicts);
  }
}

TEST(BurdenTest, MatchesTheDefinitionOnRandomGraphs) {
  std::mt19937 rng(20261202);
  int counts[4] = {0, 0, 0, 0};
  for (int round = 0; round < 20000; ++round) {
    Graph g = claimgraph::test::random_graph(rng, 9, round % 2 == 0);
    add_parties(g, rng);
    const auto got = claimgraph::analysis::grounded_status(g, {.burden = true});
    const auto want = reference(g);
    ASSERT_EQ(got.labels, want.labels) << "graph " << round << ": " << describe(g);
    ASSERT_EQ(got.decided, want.decided) << "graph " << round << ": " << describe(g);
    const auto plain = claimgraph::analysis::grounded_status(g);
    for (std::size_t v = 0; v < g.node_count(); ++v) {
      ++counts[static_cast<int>(got.decided[v])];
      // The burden decides only what the grounded rules left undecided.
      if (plain.labels[v] != Label::undec) {
        ASSERT_EQ(got.labels[v], plain.labels[v]) << describe(g);
      }
      // A claim is left undecided only when it is presumed and another
      // presumption contradicts it.
      if (claim(g, v) && got.labels[v] == Label::undec) {
        ASSERT_TRUE(presumed(g.node(v)));
      }
      if (got.decided[v] != Decided::no) {
        ASSERT_EQ(plain.labels[v], Label::undec);
      }
    }
    // What stands never contradicts what stands.
    for (const auto& e : g.edges()) {
      if (g.edge(e).relation != Relation::contradicts) continue;
      ASSERT_FALSE(got.labels[g.source(e)] == Label::in && got.labels[g.target(e)] == Label::in)
          << "graph " << round << ": " << describe(g);
    }
  }
  // The graphs exercise every kind of decision.
  EXPECT_GT(counts[static_cast<int>(Decided::fails)], 500);
  EXPECT_GT(counts[static_cast<int>(Decided::stands)], 100);
  EXPECT_GT(counts[static_cast<int>(Decided::fails_to_disprove)], 50);
}

TEST(BurdenTest, WithoutTheOptionNothingIsDecidedByIt) {
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    Graph g = claimgraph::test::random_graph(rng, 9, true);
    add_parties(g, rng);
    const auto got = claimgraph::analysis::grounded_status(g, {});
    EXPECT_TRUE(got.decided.empty());
    EXPECT_EQ(got.labels, claimgraph::analysis::grounded_status(g).labels);
  }
}

// Two grounded claims that contradict each other, each borne by its party.
class BurdenByHand : public ::testing::Test {
 protected:
  Graph standoff(std::optional<std::string> c_burden, std::optional<std::string> d_burden) {
    claimgraph::GraphBuilder b;
    b.evidence("e", "e");
    b.evidence("f", "f");
    b.claim("c", "c");
    b.counterclaim("d", "d");
    b.claim("x", "x");
    b.supports("e", "c").supports("f", "d").contradicts("c", "d").contradicts("d", "c").supports("c", "x");
    Graph g = std::move(b).build();
    g.node(2).party = "Oracle";
    g.node(2).burden = std::move(c_burden);
    g.node(3).party = "Google";
    g.node(3).burden = std::move(d_burden);
    g.node(4).party = "Oracle";
    return g;
  }
};

TEST_F(BurdenByHand, EquipoiseFailsTheClaimOfWhoeverBearsTheBurden) {
  const Graph g = standoff(std::nullopt, std::nullopt);
  const auto s = claimgraph::analysis::grounded_status(g, {.burden = true});
  EXPECT_EQ(s.labels, (std::vector<Label>{Label::in, Label::in, Label::out, Label::out, Label::out}));
  // x rests on c alone: it falls with c, by the grounded rules.
  EXPECT_EQ(s.decided, (std::vector<Decided>{Decided::no, Decided::no, Decided::fails, Decided::fails, Decided::no}));
  EXPECT_EQ(claimgraph::analysis::burden_bearer(g.node(2)), "Oracle");
}

TEST_F(BurdenByHand, APresumptionStandsAndWhatRestsOnItFollows) {
  // c is presumed: Google must disprove it; d, undecided, has not.
  const Graph g = standoff("Google", std::nullopt);
  const auto s = claimgraph::analysis::grounded_status(g, {.burden = true});
  EXPECT_EQ(s.labels, (std::vector<Label>{Label::in, Label::in, Label::in, Label::out, Label::in}));
  EXPECT_EQ(s.decided, (std::vector<Decided>{Decided::no, Decided::no, Decided::stands, Decided::fails_to_disprove,
                                             Decided::no}));
  EXPECT_EQ(s.issue[3], 2u);
  EXPECT_TRUE(claimgraph::analysis::presumed(g.node(2)));
  EXPECT_FALSE(claimgraph::analysis::presumed(g.node(3)));
}

TEST_F(BurdenByHand, TwoPresumptionsThatContradictEachOtherStayUndecided) {
  const Graph g = standoff("Google", "Oracle");
  const auto s = claimgraph::analysis::grounded_status(g, {.burden = true});
  EXPECT_EQ(s.labels[2], Label::undec);
  EXPECT_EQ(s.labels[3], Label::undec);
  // x is Oracle's, borne by Oracle, and rests on the undecided c.
  EXPECT_EQ(s.labels[4], Label::out);
  EXPECT_EQ(s.decided[4], Decided::fails);
}

TEST_F(BurdenByHand, BurdenNamingTheClaimsOwnPartyIsNoPresumption) {
  const Graph g = standoff("Oracle", "Google");
  const auto s = claimgraph::analysis::grounded_status(g, {.burden = true});
  EXPECT_EQ(s.labels[2], Label::out);
  EXPECT_EQ(s.labels[3], Label::out);
}

TEST(BurdenTest, AClaimUndecidedOnlyBecauseOfADefenceFollowsTheDefence) {
  // Infringement is proved but for fair use, a defence Google bears the
  // burden on, in equipoise with Oracle's claim of market harm. Fair use
  // fails, and with it the only doubt about infringement, which stands: it
  // is not itself an issue in equipoise.
  claimgraph::GraphBuilder b;
  b.evidence("copying", "copying");
  b.evidence("economist_g", "economist_g");
  b.evidence("economist_o", "economist_o");
  b.claim("infringement", "infringement");
  b.counterclaim("fair_use", "fair_use");
  b.claim("market_harm", "market_harm");
  b.supports("copying", "infringement").supports("economist_g", "fair_use").supports("economist_o", "market_harm");
  b.contradicts("fair_use", "infringement").contradicts("fair_use", "market_harm").contradicts("market_harm", "fair_use");
  Graph g = std::move(b).build();
  g.node(3).party = "Oracle";
  g.node(4).party = "Google";
  g.node(5).party = "Oracle";
  EXPECT_EQ(claimgraph::analysis::grounded_status(g).labels[3], Label::undec);
  const auto s = claimgraph::analysis::grounded_status(g, {.burden = true});
  EXPECT_EQ(s.labels[3], Label::in);
  EXPECT_EQ(s.labels[4], Label::out);
  EXPECT_EQ(s.labels[5], Label::out);
  EXPECT_EQ(s.decided[3], Decided::no);
  EXPECT_EQ(s.decided[4], Decided::fails);
  EXPECT_EQ(s.decided[5], Decided::fails);
}

TEST(BurdenTest, UndecidedEvidenceIsDecidedOnlyByPropagation) {
  // Two exhibits that contradict each other stay undecided; the claim that
  // rests on one of them falls for want of proof, and an exhibit that only
  // it contradicted then stands.
  claimgraph::GraphBuilder b;
  b.evidence("a", "a");
  b.evidence("b", "b");
  b.evidence("z", "z");
  b.claim("c", "c");
  b.contradicts("a", "b").contradicts("b", "a").supports("a", "c").contradicts("c", "z");
  const Graph g = std::move(b).build();
  const auto s = claimgraph::analysis::grounded_status(g, {.burden = true});
  EXPECT_EQ(s.labels, (std::vector<Label>{Label::undec, Label::undec, Label::in, Label::out}));
  EXPECT_EQ(s.decided, (std::vector<Decided>{Decided::no, Decided::no, Decided::no, Decided::fails}));
}

TEST(BurdenTest, LongStandoffChainStaysLinear) {
  // A chain of claims each contradicting the next and back, all undecided:
  // decided in one pass, without recursion.
  Graph g;
  const std::size_t n = 200'000;
  claimgraph::Node e;
  e.id = "e";
  e.label = "e";
  e.kind = NodeKind::evidence;
  g.add_node(std::move(e));
  for (std::size_t v = 1; v <= n; ++v) {
    claimgraph::Node node;
    node.id = "n";
    node.id += std::to_string(v);
    node.label = node.id;
    g.add_node(std::move(node));
    g.add_edge(0, v, Relation::supports);
    if (v > 1) {
      g.add_edge(v - 1, v, Relation::contradicts);
      g.add_edge(v, v - 1, Relation::contradicts);
    }
  }
  const auto s = claimgraph::analysis::grounded_status(g, {.burden = true});
  EXPECT_EQ(s.labels[1], Label::out);
  EXPECT_EQ(s.labels.back(), Label::out);
}

}  // namespace
