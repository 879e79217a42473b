// Why each node has its status: every cause on a small case, and on
// thousands of random graphs a cause that the facts listed bear out.

#include "claimgraph/analysis/reasons.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "analysis/random_graph.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/graph.hpp"

namespace {

using claimgraph::Graph;
using claimgraph::NodeKind;
using claimgraph::Relation;
using claimgraph::analysis::Cause;
using claimgraph::analysis::Label;
using claimgraph::analysis::StatusReason;
using claimgraph::analysis::SupportEdge;
using Vertex = Graph::NodeRef;

class ReasonsTest : public ::testing::Test {
 protected:
  Vertex add(const char* id, NodeKind kind) {
    claimgraph::Node n;
    n.id = id;
    n.label = id;
    n.kind = kind;
    return g_.add_node(std::move(n));
  }
  StatusReason why(Vertex v) {
    status_ = claimgraph::analysis::grounded_status(g_);
    return claimgraph::analysis::explain_status(g_, status_, v);
  }
  static std::vector<Vertex> supporters(const std::vector<SupportEdge>& edges) {
    std::vector<Vertex> out;
    for (const auto& e : edges) out.push_back(e.supporter);
    return out;
  }

  Graph g_;
  claimgraph::analysis::StatusReport status_;
};

TEST_F(ReasonsTest, EvidenceAndSupportedClaimsStand) {
  const auto x = add("x", NodeKind::evidence);
  const auto c = add("c", NodeKind::claim);
  const auto k = add("k", NodeKind::counterclaim);
  g_.add_edge(x, c, Relation::supports);
  g_.add_edge(k, c, Relation::contradicts);
  const auto r = why(c);
  EXPECT_EQ(r.label, Label::in);
  EXPECT_EQ(r.cause, Cause::supported);
  EXPECT_EQ(supporters(r.carrying), std::vector<Vertex>{x});
  EXPECT_EQ(r.contradictors, 1u);
  EXPECT_TRUE(r.contradictors_in.empty());
  EXPECT_EQ(why(x).cause, Cause::evidence);
}

TEST_F(ReasonsTest, ContradictedByAStandingNodeListsEveryOtherReasonToo) {
  const auto f = add("f", NodeKind::evidence);
  const auto c = add("c", NodeKind::claim);
  g_.add_edge(f, c, Relation::contradicts);
  const auto r = why(c);
  EXPECT_EQ(r.label, Label::out);
  EXPECT_EQ(r.cause, Cause::contradicted);
  EXPECT_EQ(r.contradictors_in, std::vector<Vertex>{f});
  EXPECT_FALSE(r.has_support()) << "nothing supports it either";
}

TEST_F(ReasonsTest, ElementsThatDoNotStand) {
  const auto x = add("x", NodeKind::evidence);
  const auto e1 = add("e1", NodeKind::claim);
  const auto e2 = add("e2", NodeKind::claim);
  const auto c = add("c", NodeKind::claim);
  g_.add_edge(x, e1, Relation::supports);
  g_.add_edge(e1, c, Relation::element_of);
  g_.add_edge(e2, c, Relation::element_of);
  const auto r = why(c);
  EXPECT_EQ(r.cause, Cause::elements_fall);
  EXPECT_EQ(r.elements, 2u);
  EXPECT_EQ(r.elements_not_in, std::vector<Vertex>{e2});
  EXPECT_EQ(why(e2).cause, Cause::unsupported);
}

TEST_F(ReasonsTest, ListsAreInEdgeOrderNotNodeOrder) {
  // Nodes added e1, e2, e3, the edges from them e3, e1, e2: the lists follow
  // the edges.
  const auto c = add("c", NodeKind::claim);
  const auto e1 = add("e1", NodeKind::claim);
  const auto e2 = add("e2", NodeKind::claim);
  const auto e3 = add("e3", NodeKind::claim);
  g_.add_edge(e3, c, Relation::element_of);
  g_.add_edge(e1, c, Relation::element_of);
  g_.add_edge(e2, c, Relation::element_of);
  EXPECT_EQ(why(c).elements_not_in, (std::vector<Vertex>{e3, e1, e2}));
  const auto d = add("d", NodeKind::claim);
  g_.add_edge(e2, d, Relation::supports);
  g_.add_edge(e1, d, Relation::supports);
  g_.add_edge(e3, d, Relation::supports);
  EXPECT_EQ(supporters(why(d).fallen), (std::vector<Vertex>{e2, e1, e3}));
}

TEST_F(ReasonsTest, UndercutSupportNamesItsUndercutter) {
  const auto x = add("x", NodeKind::evidence);
  const auto u = add("u", NodeKind::evidence);
  const auto w = add("w", NodeKind::evidence);
  const auto c = add("c", NodeKind::claim);
  g_.add_edge(x, c, Relation::supports);
  g_.add_edge(w, u, Relation::contradicts);  // u falls: its undercut does not count
  g_.add_undercut(u, 0);
  const auto v = add("v", NodeKind::evidence);
  g_.add_undercut(v, 0);
  const auto r = why(c);
  EXPECT_EQ(r.cause, Cause::support_undercut);
  ASSERT_EQ(r.undercut.size(), 1u);
  EXPECT_EQ(r.undercut[0].supporter, x);
  EXPECT_EQ(r.undercut[0].edge, 0u);
  EXPECT_EQ(r.undercut[0].undercutters, std::vector<Vertex>{v}) << "only the undercutter that stands";
}

TEST_F(ReasonsTest, FallenSupport) {
  const auto x = add("x", NodeKind::evidence);
  const auto f = add("f", NodeKind::evidence);
  const auto d = add("d", NodeKind::claim);
  const auto c = add("c", NodeKind::claim);
  g_.add_edge(x, d, Relation::supports);
  g_.add_edge(f, d, Relation::contradicts);
  g_.add_edge(d, c, Relation::supports);
  const auto r = why(c);
  EXPECT_EQ(r.cause, Cause::support_fallen);
  EXPECT_EQ(supporters(r.fallen), std::vector<Vertex>{d});
}

TEST_F(ReasonsTest, StandOffAndWhatRestsOnIt) {
  const auto x = add("x", NodeKind::evidence);
  const auto y = add("y", NodeKind::evidence);
  const auto a = add("a", NodeKind::claim);
  const auto b = add("b", NodeKind::counterclaim);
  const auto c = add("c", NodeKind::claim);
  const auto d = add("d", NodeKind::claim);
  const auto e = add("e", NodeKind::claim);
  g_.add_edge(x, a, Relation::supports);
  g_.add_edge(y, b, Relation::supports);
  g_.add_edge(a, b, Relation::contradicts);
  g_.add_edge(b, a, Relation::contradicts);
  g_.add_edge(a, c, Relation::supports);
  g_.add_edge(a, d, Relation::element_of);
  g_.add_edge(x, e, Relation::supports);  // edge 6
  g_.add_undercut(b, 6);
  const auto r = why(a);
  EXPECT_EQ(r.label, Label::undec);
  EXPECT_EQ(r.cause, Cause::standoff);
  EXPECT_EQ(r.contradictors_undec, std::vector<Vertex>{b});
  EXPECT_EQ(why(c).cause, Cause::support_undecided);
  EXPECT_EQ(supporters(why(c).undecided), std::vector<Vertex>{a});
  EXPECT_EQ(why(d).cause, Cause::elements_undecided);
  const auto re = why(e);
  EXPECT_EQ(re.cause, Cause::support_undecided);
  ASSERT_EQ(re.contested.size(), 1u) << "an undecided undercutter leaves the support undecided";
  EXPECT_EQ(re.contested[0].undercutters, std::vector<Vertex>{b});
}

// Whatever the graph, the cause is one the facts bear out: a report that
// words a cause always has something to name.
TEST_F(ReasonsTest, CauseMatchesTheFactsOnRandomGraphs) {
  std::mt19937 rng(20261211);
  for (int round = 0; round < 5000; ++round) {
    const Graph g = claimgraph::test::random_graph(rng);
    const auto status = claimgraph::analysis::grounded_status(g);
    for (Vertex v = 0; v < g.node_count(); ++v) {
      const auto r = claimgraph::analysis::explain_status(g, status, v);
      const std::string where = "graph " + std::to_string(round) + ", node " + g.node(v).id + ": " +
                                claimgraph::test::describe(g);
      ASSERT_EQ(r.label, status.labels[v]) << where;
      bool borne_out = false;
      switch (r.cause) {
        case Cause::evidence: borne_out = !claimgraph::is_claim_like(g.node(v).kind); break;
        case Cause::elements_stand: borne_out = r.elements > 0 && r.elements_not_in.empty(); break;
        case Cause::supported: borne_out = !r.carrying.empty(); break;
        case Cause::contradicted: borne_out = !r.contradictors_in.empty(); break;
        case Cause::elements_fall:
          for (Vertex e : r.elements_not_in) borne_out = borne_out || status.labels[e] == Label::out;
          break;
        case Cause::unsupported: borne_out = !r.has_support() && r.elements == 0; break;
        case Cause::support_undercut:
          borne_out = !r.undercut.empty() && r.carrying.empty() && r.fallen.empty();
          for (const auto& s : r.undercut) borne_out = borne_out && !s.undercutters.empty();
          break;
        case Cause::support_fallen: borne_out = !r.fallen.empty() && r.carrying.empty(); break;
        case Cause::standoff: borne_out = !r.contradictors_undec.empty(); break;
        case Cause::elements_undecided: borne_out = !r.elements_not_in.empty(); break;
        case Cause::support_undecided:
          borne_out = (!r.undecided.empty() || !r.contested.empty()) && r.carrying.empty();
          break;
      }
      ASSERT_TRUE(borne_out) << "cause " << static_cast<int>(r.cause) << " not borne out: " << where;
      const bool in = r.label == Label::in;
      const bool cause_in = r.cause == Cause::evidence || r.cause == Cause::supported || r.cause == Cause::elements_stand;
      ASSERT_EQ(in, cause_in) << where;
    }
  }
}

}  // namespace
