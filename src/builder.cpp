#include "claimgraph/builder.hpp"

#include <utility>

#include "claimgraph/error.hpp"

namespace claimgraph {

Node& GraphBuilder::NodeSetter::node() { return builder_->nodes_[index_]; }

GraphBuilder::NodeSetter& GraphBuilder::NodeSetter::text(std::string value) {
  node().text = std::move(value);
  return *this;
}
GraphBuilder::NodeSetter& GraphBuilder::NodeSetter::party(std::string value) {
  node().party = std::move(value);
  return *this;
}
GraphBuilder::NodeSetter& GraphBuilder::NodeSetter::group(std::string value) {
  node().group = std::move(value);
  return *this;
}
GraphBuilder::NodeSetter& GraphBuilder::NodeSetter::source(std::string value) {
  node().source = std::move(value);
  return *this;
}
GraphBuilder::NodeSetter& GraphBuilder::NodeSetter::tag(std::string value) {
  auto& n = node();
  if (!n.tags) n.tags.emplace();
  n.tags->push_back(std::move(value));
  return *this;
}

GraphBuilder& GraphBuilder::title(std::string value) {
  title_ = std::move(value);
  return *this;
}
GraphBuilder& GraphBuilder::description(std::string value) {
  description_ = std::move(value);
  return *this;
}

GraphBuilder::NodeSetter GraphBuilder::node(std::string id, NodeKind kind, std::string label) {
  Node n;
  n.id = std::move(id);
  n.kind = kind;
  n.label = std::move(label);
  nodes_.push_back(std::move(n));
  return NodeSetter(*this, nodes_.size() - 1);
}

GraphBuilder& GraphBuilder::edge(std::string from, std::string to, Relation relation) {
  edges_.push_back({std::move(from), std::move(to), relation});
  return *this;
}

Graph GraphBuilder::build() && {
  std::vector<Diagnostic> problems;
  auto problem = [&](std::string pointer, std::string message) {
    problems.push_back({Severity::error, {"<builder>", 0, 0, std::move(pointer)}, std::move(message)});
  };
  Graph g;
  g.title = std::move(title_);
  g.description = std::move(description_);
  g.reserve(nodes_.size(), edges_.size());
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    auto& n = nodes_[i];
    const std::string where = "/nodes/" + std::to_string(i);
    if (n.id.empty()) {
      problem(where + "/id", "a node id must not be empty");
      continue;
    }
    if (n.label.empty()) problem(where + "/label", "node \"" + n.id + "\" has an empty label");
    if (g.find(n.id)) {
      problem(where + "/id", "duplicate node id \"" + n.id + "\"");
      continue;
    }
    g.add_node(std::move(n));
  }
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    const auto& e = edges_[i];
    const std::string where = "/edges/" + std::to_string(i);
    auto from = g.find(e.from);
    auto to = g.find(e.to);
    if (!from) problem(where + "/from", "unknown node \"" + e.from + "\"");
    if (!to) problem(where + "/to", "unknown node \"" + e.to + "\"");
    if (!from || !to) continue;
    if (*from == *to) {
      problem(where, "edge from \"" + e.from + "\" to itself: an edge must join two different nodes");
      continue;
    }
    g.add_edge(*from, *to, e.relation);
  }
  if (!problems.empty()) throw ValidationError(std::move(problems));
  return g;
}

}  // namespace claimgraph
