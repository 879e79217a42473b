#include "claimgraph/builder.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claimgraph/error.hpp"

namespace claimgraph {
namespace {

class GraphBuilderTest : public ::testing::Test {
 protected:
  // Every diagnostic of a build that must fail, formatted.
  static std::vector<std::string> problems(GraphBuilder&& b) {
    try {
      (void)std::move(b).build();
    } catch (const ValidationError& e) {
      std::vector<std::string> out;
      for (const auto& d : e.diagnostics()) out.push_back(d.format());
      EXPECT_EQ(std::string(e.what()), out.empty() ? "" : out.front());
      return out;
    }
    ADD_FAILURE() << "build() accepted the graph";
    return {};
  }
};

TEST_F(GraphBuilderTest, Builds) {
  GraphBuilder b;
  b.title("Parler LLC v. Amazon Web Services, Inc.").description("A dispute");
  b.claim("sherman", "AWS and Twitter conspired").party("Parler").group("Sherman Act § 1").source("Compl.").text("t");
  b.counterclaim("no", "No conspiracy").party("AWS").tag("defence").tag("denial");
  b.evidence("deal", "AWS–Twitter deal").source("Compl. ¶ 1");
  b.node("other", NodeKind::claim, "Other");
  b.supports("deal", "sherman").contradicts("no", "sherman").element_of("other", "sherman");
  const Graph g = std::move(b).build();

  EXPECT_EQ(g.title, "Parler LLC v. Amazon Web Services, Inc.");
  EXPECT_EQ(g.description, "A dispute");
  ASSERT_EQ(g.node_count(), 4u);
  // Nodes keep the order they were added in.
  EXPECT_EQ(g.node(0).id, "sherman");
  EXPECT_EQ(g.node(1).id, "no");
  EXPECT_EQ(g.node(2).id, "deal");
  EXPECT_EQ(g.node(3).id, "other");
  const Node& s = g.node(0);
  EXPECT_EQ(s.kind, NodeKind::claim);
  EXPECT_EQ(s.label, "AWS and Twitter conspired");
  EXPECT_EQ(s.party, "Parler");
  EXPECT_EQ(s.group, "Sherman Act § 1");
  EXPECT_EQ(s.source, "Compl.");
  EXPECT_EQ(s.text, "t");
  EXPECT_FALSE(s.tags.has_value());
  EXPECT_EQ(g.node(1).kind, NodeKind::counterclaim);
  EXPECT_EQ(g.node(1).tags, (std::vector<std::string>{"defence", "denial"}));
  EXPECT_EQ(g.node(2).kind, NodeKind::evidence);
  EXPECT_FALSE(g.node(2).party.has_value());

  ASSERT_EQ(g.edge_count(), 3u);
  const auto e = g.edges();
  EXPECT_EQ(g.source(e[0]), *g.find("deal"));
  EXPECT_EQ(g.target(e[0]), *g.find("sherman"));
  EXPECT_EQ(g.edge(e[0]).relation, Relation::supports);
  EXPECT_EQ(g.edge(e[1]).relation, Relation::contradicts);
  EXPECT_EQ(g.edge(e[2]).relation, Relation::element_of);
  for (std::size_t i = 0; i < e.size(); ++i) EXPECT_EQ(g.edge(e[i]).index, i);
}

TEST_F(GraphBuilderTest, EmptyBuilderBuildsAnEmptyGraph) {
  const Graph g = GraphBuilder{}.build();
  EXPECT_EQ(g.node_count(), 0u);
  EXPECT_EQ(g.edge_count(), 0u);
  EXPECT_FALSE(g.title.has_value());
}

TEST_F(GraphBuilderTest, EdgesMayNameNodesAddedLater) {
  GraphBuilder b;
  b.supports("e", "c");
  b.claim("c", "Claim");
  b.evidence("e", "Exhibit");
  const Graph g = std::move(b).build();
  ASSERT_EQ(g.edge_count(), 1u);
  EXPECT_EQ(g.node(g.source(g.edges()[0])).id, "e");
}

TEST_F(GraphBuilderTest, ReportsEveryProblemAtOnce) {
  GraphBuilder b;
  b.claim("a", "A");
  b.evidence("b", "B");
  b.claim("a", "Second a");
  b.claim("", "No id");
  b.claim("blank", "");
  b.supports("b", "a");
  b.supports("b", "nowhere");
  b.supports("ghost", "phantom");
  b.contradicts("a", "a");
  EXPECT_EQ(problems(std::move(b)),
            (std::vector<std::string>{
                "<builder>: error: /nodes/2/id: duplicate node id \"a\"",
                "<builder>: error: /nodes/3/id: a node id must not be empty",
                "<builder>: error: /nodes/4/label: node \"blank\" has an empty label",
                "<builder>: error: /edges/1/to: unknown node \"nowhere\"",
                "<builder>: error: /edges/2/from: unknown node \"ghost\"",
                "<builder>: error: /edges/2/to: unknown node \"phantom\"",
                "<builder>: error: /edges/3: edge from \"a\" to itself: an edge must join two different nodes",
            }));
}

TEST_F(GraphBuilderTest, EachProblemAlone) {
  {
    GraphBuilder b;
    b.claim("x", "X");
    b.evidence("x", "Also x");
    EXPECT_EQ(problems(std::move(b)), (std::vector<std::string>{"<builder>: error: /nodes/1/id: duplicate node id \"x\""}));
  }
  {
    GraphBuilder b;
    b.claim("x", "X");
    b.supports("y", "x");
    EXPECT_EQ(problems(std::move(b)), (std::vector<std::string>{"<builder>: error: /edges/0/from: unknown node \"y\""}));
  }
  {
    GraphBuilder b;
    b.claim("x", "X");
    b.element_of("x", "x");
    EXPECT_EQ(problems(std::move(b)),
              (std::vector<std::string>{
                  "<builder>: error: /edges/0: edge from \"x\" to itself: an edge must join two different nodes"}));
  }
  {
    GraphBuilder b;
    b.evidence("x", "");
    EXPECT_EQ(problems(std::move(b)),
              (std::vector<std::string>{"<builder>: error: /nodes/0/label: node \"x\" has an empty label"}));
  }
}

TEST_F(GraphBuilderTest, KeepsAnyText) {
  const std::string hostile = "\"quoted\" \\N <b>&amp;</b> { | } \n§ ¶ “curly” — 😀 \xFF";
  GraphBuilder b;
  b.title(hostile);
  b.claim(hostile, hostile).party(hostile).source(hostile);
  const Graph g = std::move(b).build();
  EXPECT_EQ(g.title, hostile);
  EXPECT_EQ(g.node(0).id, hostile);
  EXPECT_EQ(g.node(0).label, hostile);
  EXPECT_EQ(g.node(0).party, hostile);
  EXPECT_TRUE(g.find(hostile).has_value());
}

}  // namespace
}  // namespace claimgraph
