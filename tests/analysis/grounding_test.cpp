// The grounding rules, one case at a time (docs/format.md, "What
// claimgraph check does with the graph"), then graphs large enough that any
// recursion would overflow the stack.

#include "claimgraph/analysis/grounding.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claimgraph/builder.hpp"
#include "support.hpp"

namespace claimgraph::analysis {
namespace {

class GroundingTest : public ::testing::Test {
 protected:
  // Runs the check and keeps the graph for lookups by id.
  void check_graph(GraphBuilder&& builder) {
    graph_ = std::move(builder).build();
    report_ = check(graph_);
  }

  Graph::NodeRef ref(const std::string& id) const {
    auto v = graph_.find(id);
    if (!v) throw std::invalid_argument("no node " + id);
    return *v;
  }
  bool grounded(const std::string& id) const { return report_.grounded.at(ref(id)); }
  const ClaimStatus& status(const std::string& id) const {
    const std::size_t i = report_.claim_index.at(ref(id));
    if (i == GroundingReport::npos) throw std::invalid_argument(id + " is not a claim");
    return report_.claims.at(i);
  }
  std::vector<std::string> ids(const std::vector<Graph::NodeRef>& nodes) const {
    std::vector<std::string> out;
    for (auto v : nodes) out.push_back(graph_.node(v).id);
    return out;
  }

  Graph graph_;
  GroundingReport report_;
};

using Ids = std::vector<std::string>;

TEST_F(GroundingTest, EmptyGraph) {
  check_graph(GraphBuilder{});
  EXPECT_TRUE(report_.grounded.empty());
  EXPECT_TRUE(report_.claims.empty());
  EXPECT_TRUE(report_.cycles.empty());
  EXPECT_TRUE(report_.claim_index.empty());
  EXPECT_EQ(report_.grounded_claims, 0u);
  EXPECT_EQ(report_.lacking(), 0u);
}

TEST_F(GroundingTest, EvidenceIsGroundedAndIsNoClaim) {
  GraphBuilder b;
  b.evidence("e", "Exhibit");
  b.evidence("f", "Unused exhibit");
  b.claim("c", "Claim");
  b.contradicts("c", "e");
  check_graph(std::move(b));
  EXPECT_TRUE(grounded("e"));
  EXPECT_TRUE(grounded("f"));
  EXPECT_EQ(report_.claim_index[ref("e")], GroundingReport::npos);
  ASSERT_EQ(report_.claims.size(), 1u);
  EXPECT_EQ(report_.claims[0].node, ref("c"));
}

TEST_F(GroundingTest, ClaimSupportedByEvidence) {
  GraphBuilder b;
  b.claim("c", "Claim");
  b.evidence("e", "Exhibit");
  b.supports("e", "c");
  check_graph(std::move(b));
  const ClaimStatus& s = status("c");
  EXPECT_TRUE(s.grounded);
  EXPECT_EQ(s.gap, Gap::none);
  EXPECT_EQ(s.cause, UngroundedCause::none);
  EXPECT_TRUE(s.missing.empty());
  EXPECT_TRUE(s.supporters.empty());
  EXPECT_EQ(report_.grounded_claims, 1u);
  EXPECT_EQ(report_.lacking(), 0u);
}

TEST_F(GroundingTest, TransitiveSupport) {
  GraphBuilder b;
  // Added out of order, so that grounding cannot ride on node order.
  b.claim("c3", "Top");
  b.claim("c2", "Middle");
  b.claim("c1", "Bottom");
  b.evidence("e", "Exhibit");
  b.supports("c2", "c3");
  b.supports("c1", "c2");
  b.supports("e", "c1");
  check_graph(std::move(b));
  EXPECT_TRUE(status("c1").grounded);
  EXPECT_TRUE(status("c2").grounded);
  EXPECT_TRUE(status("c3").grounded);
  EXPECT_EQ(report_.grounded_claims, 3u);
}

TEST_F(GroundingTest, OneGroundedSupporterIsEnough) {
  GraphBuilder b;
  b.claim("c", "Claim");
  b.claim("u", "Unsupported");
  b.evidence("e", "Exhibit");
  b.supports("u", "c");
  b.supports("e", "c");
  check_graph(std::move(b));
  EXPECT_TRUE(status("c").grounded);
  EXPECT_FALSE(status("u").grounded);
}

TEST_F(GroundingTest, ClaimWithElementsNeedsAllOfThem) {
  GraphBuilder b;
  b.claim("cause", "Cause of action");
  b.claim("el1", "Element 1");
  b.claim("el2", "Element 2");
  b.evidence("e1", "Exhibit 1");
  b.evidence("e2", "Exhibit 2");
  b.element_of("el1", "cause");
  b.element_of("el2", "cause");
  b.supports("e1", "el1");
  b.supports("e2", "el2");
  check_graph(std::move(b));
  EXPECT_TRUE(status("cause").grounded);
  EXPECT_EQ(report_.grounded_claims, 3u);
}

TEST_F(GroundingTest, EvidenceAsAnElementCounts) {
  GraphBuilder b;
  b.claim("cause", "Cause of action");
  b.evidence("e1", "Exhibit 1");
  b.evidence("e2", "Exhibit 2");
  b.element_of("e1", "cause");
  b.element_of("e2", "cause");
  check_graph(std::move(b));
  EXPECT_TRUE(status("cause").grounded);
}

TEST_F(GroundingTest, SupportsIntoAClaimWithElementsDoNotCount) {
  GraphBuilder b;
  b.claim("cause", "Cause of action");
  b.claim("el1", "Element 1");
  b.claim("el2", "Element 2");
  b.evidence("e1", "Exhibit 1");
  b.evidence("direct", "Direct evidence for the cause");
  b.element_of("el1", "cause");
  b.element_of("el2", "cause");
  b.supports("e1", "el1");
  b.supports("direct", "cause");
  check_graph(std::move(b));
  const ClaimStatus& s = status("cause");
  EXPECT_FALSE(s.grounded);
  EXPECT_EQ(s.gap, Gap::missing_elements);
  EXPECT_EQ(ids(s.missing), (Ids{"el2"}));
  EXPECT_FALSE(grounded("cause"));
}

TEST_F(GroundingTest, MissingElementsListsExactlyTheUngroundedOnesInEdgeOrder) {
  GraphBuilder b;
  b.claim("cause", "Cause of action");
  b.claim("a", "Element a");
  b.claim("b", "Element b");
  b.claim("c", "Element c");
  b.claim("d", "Element d");
  b.evidence("e", "Exhibit");
  // Edge order differs from node order: d, b, a, c.
  b.element_of("d", "cause");
  b.element_of("b", "cause");
  b.element_of("a", "cause");
  b.element_of("c", "cause");
  b.supports("e", "b");
  check_graph(std::move(b));
  const ClaimStatus& s = status("cause");
  EXPECT_EQ(s.gap, Gap::missing_elements);
  EXPECT_EQ(ids(s.missing), (Ids{"d", "a", "c"}));
  EXPECT_TRUE(s.supporters.empty());
  EXPECT_EQ(s.cause, UngroundedCause::none);
}

TEST_F(GroundingTest, NestedElements) {
  GraphBuilder b;
  b.claim("motion", "Motion");
  b.claim("merits", "Likely success");
  b.claim("sherman", "Sherman Act claim");
  b.claim("s1", "Conspiracy");
  b.claim("s2", "Unreasonable restraint");
  b.claim("harm", "Irreparable harm");
  b.evidence("deal", "Deal");
  b.evidence("finding", "Harm may be irreparable");
  b.element_of("merits", "motion");
  b.element_of("harm", "motion");
  b.supports("sherman", "merits");
  b.element_of("s1", "sherman");
  b.element_of("s2", "sherman");
  b.supports("deal", "s1");
  b.supports("finding", "harm");
  check_graph(std::move(b));
  EXPECT_EQ(status("s2").gap, Gap::unsupported);
  EXPECT_EQ(ids(status("sherman").missing), (Ids{"s2"}));
  EXPECT_EQ(status("merits").gap, Gap::ungrounded);
  EXPECT_EQ(status("merits").cause, UngroundedCause::lacking_supporters);
  EXPECT_EQ(ids(status("merits").supporters), (Ids{"sherman"}));
  EXPECT_EQ(ids(status("motion").missing), (Ids{"merits"}));
  EXPECT_TRUE(status("harm").grounded);
  EXPECT_TRUE(status("s1").grounded);
  EXPECT_EQ(report_.grounded_claims, 2u);
  EXPECT_EQ(report_.lacking(), 4u);
}

TEST_F(GroundingTest, Unsupported) {
  GraphBuilder b;
  b.claim("alone", "Nothing at all");
  b.claim("attacked", "Only contradicted");
  b.claim("supporter", "Supports another but has no support itself");
  b.claim("other", "Other");
  b.evidence("e", "Exhibit");
  b.contradicts("e", "attacked");
  b.supports("supporter", "other");
  check_graph(std::move(b));
  for (const char* id : {"alone", "attacked", "supporter"}) {
    SCOPED_TRACE(id);
    const ClaimStatus& s = status(id);
    EXPECT_FALSE(s.grounded);
    EXPECT_EQ(s.gap, Gap::unsupported);
    EXPECT_EQ(s.cause, UngroundedCause::none);
    EXPECT_TRUE(s.missing.empty());
    EXPECT_TRUE(s.supporters.empty());
  }
  EXPECT_EQ(status("attacked").grounded_contradictions, 1u);
}

TEST_F(GroundingTest, UngroundedBecauseItsSupportersLackEvidence) {
  GraphBuilder b;
  b.claim("top", "Top");
  b.claim("u1", "Unsupported 1");
  b.claim("u2", "Unsupported 2");
  b.supports("u2", "top");
  b.supports("u1", "top");
  check_graph(std::move(b));
  const ClaimStatus& s = status("top");
  EXPECT_FALSE(s.grounded);
  EXPECT_EQ(s.gap, Gap::ungrounded);
  EXPECT_EQ(s.cause, UngroundedCause::lacking_supporters);
  EXPECT_EQ(ids(s.supporters), (Ids{"u2", "u1"}));  // edge order
  EXPECT_EQ(s.cycle, static_cast<std::size_t>(-1));
  EXPECT_TRUE(report_.cycles.empty());
}

TEST_F(GroundingTest, UngroundedThroughACycle) {
  GraphBuilder b;
  b.claim("x", "Outside, fed by the cycle");
  b.claim("a", "A");
  b.claim("b", "B");
  b.claim("c", "C");
  b.supports("a", "b");
  b.supports("b", "c");
  b.supports("c", "a");
  b.supports("a", "x");
  check_graph(std::move(b));
  ASSERT_EQ(report_.cycles.size(), 1u);
  EXPECT_EQ(ids(report_.cycles[0]), (Ids{"a", "b", "c"}));  // node order
  for (const char* id : {"a", "b", "c"}) {
    SCOPED_TRACE(id);
    const ClaimStatus& s = status(id);
    EXPECT_FALSE(s.grounded);
    EXPECT_EQ(s.gap, Gap::ungrounded);
    EXPECT_EQ(s.cause, UngroundedCause::cycle);
    EXPECT_EQ(s.cycle, 0u);
  }
  EXPECT_EQ(ids(status("a").supporters), (Ids{"c"}));
  // Downstream of the cycle, not on it: its supporter lacks evidence.
  EXPECT_EQ(status("x").gap, Gap::ungrounded);
  EXPECT_EQ(status("x").cause, UngroundedCause::lacking_supporters);
  EXPECT_EQ(ids(status("x").supporters), (Ids{"a"}));
}

TEST_F(GroundingTest, TwoSeparateCycles) {
  GraphBuilder b;
  b.claim("p", "P");
  b.claim("a", "A");
  b.claim("q", "Q");
  b.claim("b", "B");
  b.supports("a", "b");
  b.supports("b", "a");
  b.supports("p", "q");
  b.supports("q", "p");
  check_graph(std::move(b));
  ASSERT_EQ(report_.cycles.size(), 2u);
  EXPECT_EQ(ids(report_.cycles[0]), (Ids{"p", "q"}));
  EXPECT_EQ(ids(report_.cycles[1]), (Ids{"a", "b"}));
  EXPECT_EQ(status("q").cycle, 0u);
  EXPECT_EQ(status("b").cycle, 1u);
}

TEST_F(GroundingTest, ACycleFedByEvidenceIsGrounded) {
  GraphBuilder b;
  b.claim("a", "A");
  b.claim("b", "B");
  b.claim("c", "C");
  b.evidence("e", "Exhibit");
  b.supports("a", "b");
  b.supports("b", "c");
  b.supports("c", "a");
  b.supports("e", "b");
  check_graph(std::move(b));
  EXPECT_TRUE(status("a").grounded);
  EXPECT_TRUE(status("b").grounded);
  EXPECT_TRUE(status("c").grounded);
  EXPECT_TRUE(report_.cycles.empty());
}

TEST_F(GroundingTest, CycleThroughAnElement) {
  // The cause needs its element; the element is supported only by the cause.
  GraphBuilder b;
  b.claim("cause", "Cause");
  b.claim("el", "Element");
  b.element_of("el", "cause");
  b.supports("cause", "el");
  check_graph(std::move(b));
  ASSERT_EQ(report_.cycles.size(), 1u);
  EXPECT_EQ(ids(report_.cycles[0]), (Ids{"cause", "el"}));
  EXPECT_EQ(status("cause").gap, Gap::missing_elements);
  EXPECT_EQ(ids(status("cause").missing), (Ids{"el"}));
  EXPECT_EQ(status("el").gap, Gap::ungrounded);
  EXPECT_EQ(status("el").cause, UngroundedCause::cycle);
}

TEST_F(GroundingTest, CounterclaimsAreTreatedLikeClaims) {
  GraphBuilder b;
  b.claim("claim", "Claim");
  b.counterclaim("grounded_cc", "Supported defence");
  b.counterclaim("bare_cc", "Bare defence");
  b.counterclaim("element_cc", "Defence with elements");
  b.counterclaim("el", "Defence element");
  b.evidence("e", "Exhibit");
  b.supports("e", "grounded_cc");
  b.element_of("el", "element_cc");
  b.supports("bare_cc", "el");
  b.contradicts("grounded_cc", "claim");
  check_graph(std::move(b));
  ASSERT_EQ(report_.claims.size(), 5u);
  EXPECT_TRUE(status("grounded_cc").grounded);
  EXPECT_EQ(status("bare_cc").gap, Gap::unsupported);
  EXPECT_EQ(status("el").gap, Gap::ungrounded);
  EXPECT_EQ(status("element_cc").gap, Gap::missing_elements);
  EXPECT_EQ(ids(status("element_cc").missing), (Ids{"el"}));
  EXPECT_EQ(status("claim").grounded_contradictions, 1u);
  EXPECT_EQ(report_.grounded_claims, 1u);
  EXPECT_EQ(report_.lacking(), 4u);
}

TEST_F(GroundingTest, ContradictsDoesNotChangeGrounding) {
  GraphBuilder b;
  b.claim("c", "Claim");
  b.evidence("e", "Exhibit");
  b.evidence("x1", "Contrary exhibit 1");
  b.evidence("x2", "Contrary exhibit 2");
  b.claim("u", "Unsupported contrary claim");
  b.counterclaim("cc", "Supported counterclaim");
  b.supports("e", "c");
  b.contradicts("x1", "c");
  b.contradicts("x2", "c");
  b.contradicts("u", "c");
  b.contradicts("cc", "c");
  b.supports("x1", "cc");
  // A contradiction is not support: "u" stays unsupported.
  b.contradicts("e", "u");
  check_graph(std::move(b));
  EXPECT_TRUE(status("c").grounded);
  // Grounded contradictors only: x1, x2 and cc, not u.
  EXPECT_EQ(status("c").grounded_contradictions, 3u);
  EXPECT_EQ(status("u").gap, Gap::unsupported);
  EXPECT_EQ(status("u").grounded_contradictions, 1u);
  EXPECT_EQ(status("cc").grounded_contradictions, 0u);
}

TEST_F(GroundingTest, ParallelEdges) {
  GraphBuilder b;
  b.claim("c", "Grounded twice over");
  b.claim("top", "Supported twice by an unsupported claim");
  b.claim("u", "Unsupported");
  b.claim("cause", "Has the same element twice");
  b.claim("cause2", "Has a grounded element twice");
  b.evidence("e", "Exhibit");
  b.supports("e", "c");
  b.supports("e", "c");
  b.supports("u", "top");
  b.supports("u", "top");
  b.element_of("u", "cause");
  b.element_of("u", "cause");
  b.element_of("c", "cause2");
  b.element_of("c", "cause2");
  b.contradicts("e", "top");
  b.contradicts("e", "top");
  check_graph(std::move(b));
  EXPECT_TRUE(status("c").grounded);
  EXPECT_EQ(ids(status("top").supporters), (Ids{"u"}));
  EXPECT_EQ(ids(status("cause").missing), (Ids{"u"}));
  EXPECT_TRUE(status("cause2").grounded);
  // Each grounded contradicting edge counts.
  EXPECT_EQ(status("top").grounded_contradictions, 2u);
}

TEST_F(GroundingTest, ClaimsAreListedInNodeOrder) {
  GraphBuilder b;
  b.evidence("e", "Exhibit");
  b.claim("z", "Z");
  b.counterclaim("y", "Y");
  b.claim("x", "X");
  check_graph(std::move(b));
  ASSERT_EQ(report_.claims.size(), 3u);
  EXPECT_EQ(ids({report_.claims[0].node, report_.claims[1].node, report_.claims[2].node}), (Ids{"z", "y", "x"}));
  EXPECT_EQ(report_.claim_index[ref("x")], 2u);
}

TEST_F(GroundingTest, SpellingsOfGapsAndCauses) {
  EXPECT_STREQ(to_string(Gap::none), "none");
  EXPECT_STREQ(to_string(Gap::unsupported), "unsupported");
  EXPECT_STREQ(to_string(Gap::missing_elements), "missing-elements");
  EXPECT_STREQ(to_string(Gap::ungrounded), "ungrounded");
  EXPECT_STREQ(to_string(UngroundedCause::cycle), "cycle");
  EXPECT_STREQ(to_string(UngroundedCause::lacking_supporters), "lacking-supporters");
}

// --- big graphs: no recursion, no quadratic work -----------------------------

constexpr std::size_t big = 200'000;

std::string cid(std::size_t i) { return claimgraph::test::numbered("c", i); }

Node make_node(std::string id, NodeKind kind) {
  Node n;
  n.id = std::move(id);
  n.kind = kind;
  n.label = "Label";
  return n;
}

TEST_F(GroundingTest, LongSupportChainIsGrounded) {
  Graph g;
  g.reserve(big + 1, big);
  Graph::NodeRef prev = g.add_node(make_node("e", NodeKind::evidence));
  for (std::size_t i = 0; i < big; ++i) {
    const auto v = g.add_node(make_node(cid(i), NodeKind::claim));
    g.add_edge(prev, v, Relation::supports);
    prev = v;
  }
  const GroundingReport r = check(g);
  EXPECT_EQ(r.claims.size(), big);
  EXPECT_EQ(r.grounded_claims, big);
  EXPECT_TRUE(r.cycles.empty());
}

TEST_F(GroundingTest, LongChainFromAnUnsupportedClaim) {
  // Edges added from the far end back, so that nothing follows node order.
  Graph g;
  g.reserve(big, big);
  for (std::size_t i = 0; i < big; ++i) g.add_node(make_node(cid(i), NodeKind::claim));
  for (std::size_t i = big - 1; i > 0; --i) g.add_edge(i - 1, i, Relation::supports);
  const GroundingReport r = check(g);
  EXPECT_EQ(r.grounded_claims, 0u);
  EXPECT_TRUE(r.cycles.empty());
  EXPECT_EQ(r.claims[0].gap, Gap::unsupported);
  EXPECT_EQ(r.claims[big - 1].gap, Gap::ungrounded);
  EXPECT_EQ(r.claims[big - 1].cause, UngroundedCause::lacking_supporters);
}

TEST_F(GroundingTest, LongElementChain) {
  // c0 has the element c1, which has the element c2, ... down to evidence.
  Graph g;
  g.reserve(big + 1, big);
  for (std::size_t i = 0; i < big; ++i) g.add_node(make_node(cid(i), NodeKind::claim));
  const auto e = g.add_node(make_node("e", NodeKind::evidence));
  for (std::size_t i = 0; i + 1 < big; ++i) g.add_edge(i + 1, i, Relation::element_of);
  g.add_edge(e, big - 1, Relation::supports);
  const GroundingReport r = check(g);
  EXPECT_EQ(r.grounded_claims, big);
}

TEST_F(GroundingTest, HugeSupportCycle) {
  Graph g;
  g.reserve(big, big);
  for (std::size_t i = 0; i < big; ++i) g.add_node(make_node(cid(i), NodeKind::claim));
  for (std::size_t i = 0; i < big; ++i) g.add_edge(i, (i + 1) % big, Relation::supports);
  GroundingReport r = check(g);
  EXPECT_EQ(r.grounded_claims, 0u);
  ASSERT_EQ(r.cycles.size(), 1u);
  EXPECT_EQ(r.cycles[0].size(), big);
  EXPECT_EQ(r.claims[12345].cause, UngroundedCause::cycle);
  EXPECT_EQ(r.claims[big - 1].cause, UngroundedCause::cycle);

  // The same cycle, fed by one piece of evidence, is grounded throughout.
  const auto e = g.add_node(make_node("e", NodeKind::evidence));
  g.add_edge(e, big / 2, Relation::supports);
  r = check(g);
  EXPECT_EQ(r.grounded_claims, big);
  EXPECT_TRUE(r.cycles.empty());
}

}  // namespace
}  // namespace claimgraph::analysis
