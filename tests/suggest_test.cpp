// "Did you mean": what a message about an unknown node id suggests, from the
// ids, the labels, the groups and the parties of the graph.

#include "claimgraph/suggest.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claimgraph/graph.hpp"

namespace {

using claimgraph::did_you_mean_node;
using claimgraph::Graph;
using claimgraph::Node;
using claimgraph::NodeKind;

Node node(std::string id, std::string label, std::string group = {}, std::string party = {}) {
  Node n;
  n.id = std::move(id);
  n.kind = NodeKind::claim;
  n.label = std::move(label);
  if (!group.empty()) n.group = group;
  if (!party.empty()) n.party = party;
  return n;
}

class SuggestNodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g.add_node(node("tortious", "Tortious interference with contracts", "Tortious interference", "Parler"));
    g.add_node(node("k1", "A valid contract existed", "Breach of contract", "Parler"));
    g.add_node(node("k2", "AWS breached the contract", "Breach of contract", "Parler"));
    g.add_node(node("k3", "Parler performed under the contract", "Breach of contract", "Parler"));
    g.add_node(node("k4", "Damages flowed from the contract's breach", "Breach of contract", "Parler"));
    g.add_node(node("aup", "Parler broke the Acceptable Use Policy", "", "Amazon Web Services"));
  }
  Graph g;
};

TEST_F(SuggestNodeTest, ANearIdComesFirst) {
  EXPECT_EQ(did_you_mean_node(g, "tortous"), "; did you mean \"tortious\"?");
  EXPECT_EQ(did_you_mean_node(g, "K-3"), "; did you mean \"k3\"?");
}

TEST_F(SuggestNodeTest, TheOneNodeWhoseLabelHasTheWord) {
  EXPECT_EQ(did_you_mean_node(g, "acceptable use"), "; did you mean \"aup\" (Parler broke the Acceptable Use Policy)?");
}

TEST_F(SuggestNodeTest, AGroupNameAndTheNodesWhoseLabelsHaveIt) {
  EXPECT_EQ(did_you_mean_node(g, "breach of contracts"), "; did you mean the group \"Breach of contract\"?");
  // Five labels say "contract", and one group.
  EXPECT_EQ(did_you_mean_node(g, "contract"),
            "; did you mean the group \"Breach of contract\", or one of the 5 nodes whose label contains it: "
            "\"tortious\", \"k1\", \"k2\" and 2 more?");
  EXPECT_EQ(did_you_mean_node(g, "breach"),
            "; did you mean the group \"Breach of contract\", or one of the 2 nodes whose label contains it: "
            "\"k2\" or \"k4\"?");
}

TEST_F(SuggestNodeTest, APartyName) {
  EXPECT_EQ(did_you_mean_node(g, "amazon web service"), "; did you mean the party \"Amazon Web Services\"?");
}

TEST_F(SuggestNodeTest, NothingNearIsNothingSaid) {
  EXPECT_EQ(did_you_mean_node(g, "zzzzzz"), "");
  EXPECT_EQ(did_you_mean_node(Graph{}, "contract"), "");
}

TEST_F(SuggestNodeTest, WhatAnOutputHidesIsNeverSuggested) {
  // aup hidden: neither its label nor its party may be named.
  std::vector<bool> unnamed(g.node_count(), false);
  unnamed[5] = true;
  EXPECT_EQ(did_you_mean_node(g, "acceptable use", unnamed), "");
  EXPECT_EQ(did_you_mean_node(g, "amazon web service", unnamed), "");
  // Hiding k1 to k4 leaves one label with "contract", and no such group.
  unnamed.assign(g.node_count(), false);
  for (std::size_t v = 1; v <= 4; ++v) unnamed[v] = true;
  EXPECT_EQ(did_you_mean_node(g, "contracts", unnamed),
            "; did you mean \"tortious\" (Tortious interference with contracts)?");
}

}  // namespace
