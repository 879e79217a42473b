#pragma once
// Building a graph in C++ without a file: add nodes and edges in any order,
// then build() checks everything at once and reports every problem together,
// the way the file reader does.
//
//   claimgraph::GraphBuilder b;
//   b.title("Parler LLC v. Amazon Web Services, Inc.");
//   b.claim("sherman", "AWS and Twitter conspired").party("Parler").group("Sherman Act § 1");
//   b.evidence("deal", "AWS–Twitter deal").source("Compl. ¶ 1");
//   b.supports("deal", "sherman");
//   claimgraph::Graph g = std::move(b).build();

#include <string>
#include <vector>

#include "claimgraph/graph.hpp"

namespace claimgraph {

/// Collects nodes and edges, then builds a validated Graph.
class GraphBuilder {
 public:
  /// Sets the optional fields of the node just added.
  class NodeSetter {
   public:
    NodeSetter& text(std::string value);
    NodeSetter& party(std::string value);
    NodeSetter& group(std::string value);
    NodeSetter& source(std::string value);
    NodeSetter& tag(std::string value);

   private:
    friend class GraphBuilder;
    NodeSetter(GraphBuilder& builder, std::size_t index) : builder_(&builder), index_(index) {}
    Node& node();
    GraphBuilder* builder_;
    std::size_t index_;
  };

  GraphBuilder& title(std::string value);
  GraphBuilder& description(std::string value);

  /// Adds a node of any kind.
  NodeSetter node(std::string id, NodeKind kind, std::string label);
  NodeSetter claim(std::string id, std::string label) { return node(std::move(id), NodeKind::claim, std::move(label)); }
  NodeSetter counterclaim(std::string id, std::string label) {
    return node(std::move(id), NodeKind::counterclaim, std::move(label));
  }
  NodeSetter evidence(std::string id, std::string label) {
    return node(std::move(id), NodeKind::evidence, std::move(label));
  }

  /// Adds an edge from the reason `from` to what it bears on, `to`.
  GraphBuilder& edge(std::string from, std::string to, Relation relation);
  GraphBuilder& supports(std::string from, std::string to) { return edge(std::move(from), std::move(to), Relation::supports); }
  GraphBuilder& contradicts(std::string from, std::string to) {
    return edge(std::move(from), std::move(to), Relation::contradicts);
  }
  GraphBuilder& element_of(std::string element, std::string claim) {
    return edge(std::move(element), std::move(claim), Relation::element_of);
  }

  /// Checks everything and builds the graph. Throws ValidationError listing
  /// every problem (empty or duplicate ids, empty labels, unknown endpoints,
  /// self-loops).
  [[nodiscard]] Graph build() &&;

 private:
  struct PendingEdge {
    std::string from;
    std::string to;
    Relation relation;
  };
  std::optional<std::string> title_;
  std::optional<std::string> description_;
  std::vector<Node> nodes_;
  std::vector<PendingEdge> edges_;
};

}  // namespace claimgraph
