#include "claimgraph/analysis/schemes.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace claimgraph::analysis {

std::size_t Inference::open_questions() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(questions.begin(), questions.end(), [](const QuestionUse& q) { return q.open(); }));
}

const Inference* SchemeUse::at_edge(std::size_t edge) const noexcept {
  if (edge >= inference_of.size() || inference_of[edge] == npos) return nullptr;
  return &inferences[inference_of[edge]];
}

bool SchemeUse::any_raised() const noexcept {
  return std::any_of(inferences.begin(), inferences.end(), [](const Inference& i) {
    return std::any_of(i.questions.begin(), i.questions.end(), [](const QuestionUse& q) { return q.raised(); });
  });
}

SchemeUse scheme_use(const Graph& graph, const SchemeLibrary& schemes) {
  SchemeUse use;
  const auto edges = graph.edges();
  // Which nodes name a scheme, read once in node order: the supports edges
  // below would otherwise each read their source's record, at random.
  std::vector<bool> named(graph.node_count(), false);
  for (Graph::NodeRef v = 0; v < graph.node_count(); ++v) named[v] = graph.node(v).scheme.has_value();
  // The inferences: supports edges whose scheme (their own, else their
  // source's) the library knows.
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    if (e.relation != Relation::supports) continue;
    std::string_view name = e.scheme();
    if (name.empty()) {
      const auto source = graph.source(edges[i]);
      if (!named[source]) continue;
      name = *graph.node(source).scheme;
    }
    const Scheme* scheme = schemes.find(name);
    if (scheme == nullptr) continue;
    if (use.inference_of.empty()) use.inference_of.assign(edges.size(), SchemeUse::npos);
    use.inference_of[i] = use.inferences.size();
    Inference inference{i, scheme, {}};
    inference.questions.resize(scheme->questions.size());
    for (std::size_t q = 0; q < scheme->questions.size(); ++q) inference.questions[q].question = q;
    use.inferences.push_back(std::move(inference));
  }
  if (use.inferences.empty()) return use;
  // What raises and answers their questions.
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    const std::string_view question = e.question();
    if (question.empty()) continue;
    if (e.relation == Relation::undercuts) {
      if (e.undercut >= edges.size() || use.inference_of[e.undercut] == SchemeUse::npos) continue;
      Inference& inference = use.inferences[use.inference_of[e.undercut]];
      if (const auto q = inference.scheme->find_question(question)) inference.questions[*q].raised_by.push_back(i);
    } else if (e.relation == Relation::supports) {
      // An answer settles the question for every inference from the node it supports.
      const auto premise = graph.target(edges[i]);
      for (const auto out : graph.out_edges(premise)) {
        const std::size_t j = graph.edge(out).index;
        if (use.inference_of[j] == SchemeUse::npos) continue;
        Inference& inference = use.inferences[use.inference_of[j]];
        if (const auto q = inference.scheme->find_question(question)) inference.questions[*q].answered_by.push_back(i);
      }
    }
  }
  return use;
}

std::optional<Graph> question_graph(const Graph& graph, SchemeUse& use) {
  if (!use.any_raised()) return std::nullopt;
  const auto edges = graph.edges();
  Graph out;
  out.reserve(graph.node_count() + use.inferences.size(), graph.edge_count() + use.inferences.size());
  for (std::size_t v = 0; v < graph.node_count(); ++v) out.add_node(graph.node(v));
  // The node of each raised question; the edges that raise it become its
  // supports.
  std::vector<std::size_t> raised_node(edges.size(), Graph::npos);
  for (Inference& inference : use.inferences) {
    for (QuestionUse& q : inference.questions) {
      if (!q.raised()) continue;
      const CriticalQuestion& cq = inference.scheme->questions[q.question];
      Node n;
      // A control character keeps it apart from every id a case file can hold.
      n.id = "\x01question/" + std::to_string(inference.edge) + "/" + cq.id;
      n.kind = cq.type == QuestionType::assumption ? NodeKind::evidence : NodeKind::claim;
      n.label = cq.text;
      q.node = out.add_node(std::move(n));
      for (const std::size_t r : q.raised_by) raised_node[r] = q.node;
    }
  }
  std::vector<Graph::EdgeSpec> specs;
  specs.reserve(edges.size() + use.inferences.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    const auto from = graph.source(edges[i]);
    if (raised_node[i] != Graph::npos) {
      specs.push_back({from, raised_node[i], Relation::supports, {}, std::nullopt});
    } else {
      specs.push_back({from, graph.target(edges[i]), e.relation, e.extra, e.id, e.undercut, e.names});
    }
  }
  for (const Inference& inference : use.inferences) {
    const auto claim = graph.target(edges[inference.edge]);
    for (const QuestionUse& q : inference.questions) {
      if (!q.raised()) continue;
      specs.push_back({q.node, claim, Relation::undercuts, {}, std::nullopt, inference.edge});
      for (const std::size_t a : q.answered_by) {
        specs.push_back({graph.source(edges[a]), q.node, Relation::contradicts, {}, std::nullopt});
      }
    }
  }
  out.add_edges(std::move(specs));
  return out;
}

void record_defeats(SchemeUse& use, const StatusReport& status) {
  for (Inference& inference : use.inferences) {
    for (QuestionUse& q : inference.questions) {
      if (q.node < status.labels.size()) q.defeats = status.labels[q.node];
    }
  }
}

void cut_back(StatusReport& status, std::size_t nodes, std::size_t edges) {
  if (status.labels.size() > nodes) status.labels.resize(nodes);
  if (status.undercut.size() > edges) status.undercut.resize(edges);
  if (status.decided.size() > nodes) status.decided.resize(nodes);
  if (status.issue.size() > nodes) status.issue.resize(nodes);
}

void cut_back(StrengthReport& strength, std::size_t nodes) {
  for (auto* v : {&strength.strength, &strength.pro, &strength.con}) {
    if (v->size() > nodes) v->resize(nodes);
  }
  if (strength.established.size() > nodes) strength.established.resize(nodes);
  std::erase_if(strength.unsettled, [nodes](Graph::NodeRef v) { return v >= nodes; });
}

}  // namespace claimgraph::analysis
