#include "io/questions.hpp"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <cctype>

#include "detail/escape.hpp"
#include "detail/json_members.hpp"
#include "detail/text.hpp"

namespace claimgraph::detail {

namespace {



// The ids of the sources of some edges: "a, b".
std::string sources(const Graph& graph, const std::vector<std::size_t>& edges) {
  std::string out;
  for (const std::size_t e : edges) out += (out.empty() ? "" : ", ") + plain(graph.id(graph.source(graph.edges()[e])));
  return out;
}

void json_sources(JsonMembers& m, std::string& out, std::string_view key, const Graph& graph,
                  const std::vector<std::size_t>& edges) {
  m.key(key);
  out += '[';
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (i > 0) out += ", ";
    append_json_string(out, graph.id(graph.source(graph.edges()[edges[i]])));
  }
  out += ']';
}

}  // namespace

std::string question_state(const analysis::QuestionUse& q) {
  if (q.raised() && q.answered()) return "raised and answered";
  if (q.raised()) return "raised";
  if (q.answered()) return "answered";
  return "open";
}

std::string question_effect(const analysis::QuestionUse& q) {
  if (!q.defeats) return {};
  switch (*q.defeats) {
    case analysis::Label::in: return "defeats the inference";
    case analysis::Label::out: return "does not defeat it";
    case analysis::Label::undec: return "undecided whether it defeats the inference";
  }
  return {};
}

std::vector<const analysis::Inference*> inferences_into(const Graph& graph, const analysis::SchemeUse& use,
                                                        Graph::NodeRef v) {
  std::vector<const analysis::Inference*> out;
  for (const auto e : graph.in_edges(v)) {
    if (const auto* inference = use.at_edge(graph.edge(e).index)) out.push_back(inference);
  }
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->edge < b->edge; });
  return out;
}

void append_inference_text(std::string& out, const Graph& graph, const analysis::Inference& inference,
                           std::string_view indent) {
  const auto e = graph.edges()[inference.edge];
  const std::size_t open = inference.open_questions();
  out += std::string(indent) + "from " + plain(graph.id(graph.source(e))) + " (" + plain(inference.scheme->title) +
         "): " + std::to_string(open) + " of " + std::to_string(inference.questions.size()) + " question" +
         (inference.questions.size() == 1 ? "" : "s") + " open\n";
  for (const auto& q : inference.questions) {
    const CriticalQuestion& cq = inference.scheme->questions[q.question];
    out += std::string(indent) + "  - " + plain(cq.id) + " (" + std::string(to_string(cq.type));
    if (!cq.rule.empty()) out += ", " + plain(cq.rule);
    out += "): " + plain(cq.text) + " ";
    if (q.open()) {
      out += "Open.";
    } else {
      std::string state;
      if (q.raised()) state += "raised by " + sources(graph, q.raised_by);
      if (q.answered()) state += (state.empty() ? "answered by " : "; answered by ") + sources(graph, q.answered_by);
      if (const auto effect = question_effect(q); !effect.empty()) state += "; " + effect;
      state[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(state[0])));
      out += state + ".";
    }
    out += '\n';
  }
}

void append_inference_json(std::string& out, const Graph& graph, const analysis::Inference& inference) {
  const auto e = graph.edges()[inference.edge];
  out += '{';
  JsonMembers m(out);
  m.string("from", graph.id(graph.source(e))).string("to", graph.id(graph.target(e)));
  m.string("edge", graph.edge(e).id);
  m.string("scheme", inference.scheme->name).string("title", inference.scheme->title);
  m.raw("open", std::to_string(inference.open_questions()));
  m.key("questions");
  out += '[';
  for (std::size_t i = 0; i < inference.questions.size(); ++i) {
    const auto& q = inference.questions[i];
    const CriticalQuestion& cq = inference.scheme->questions[q.question];
    out += i > 0 ? ", {" : "{";
    JsonMembers mq(out);
    mq.string("id", cq.id).string("type", to_string(cq.type)).string("question", cq.text);
    if (!cq.rule.empty()) mq.string("rule", cq.rule);
    mq.string("state", question_state(q));
    json_sources(mq, out, "raised_by", graph, q.raised_by);
    json_sources(mq, out, "answered_by", graph, q.answered_by);
    if (q.defeats) mq.boolean("defeats", *q.defeats == analysis::Label::in);
    if (q.defeats == analysis::Label::undec) mq.boolean("undecided", true);
    out += '}';
  }
  out += "]}";
}

std::string questions_section_text(const Graph& graph, const analysis::SchemeUse& use) {
  if (use.inferences.empty()) return {};
  // The claims in node order; each with its inferences in edge order.
  std::vector<Graph::NodeRef> targets;
  std::vector<bool> seen(graph.node_count(), false);
  for (const auto& inference : use.inferences) {
    const auto t = graph.target(graph.edges()[inference.edge]);
    if (!seen[t]) {
      seen[t] = true;
      targets.push_back(t);
    }
  }
  std::sort(targets.begin(), targets.end());
  std::string out = "Critical questions (claimgraph schemes lists every scheme and its questions)\n";
  for (const auto t : targets) {
    out += "  " + plain(graph.id(t)) + " — " + plain(graph.node(t).label) + "\n";
    for (const auto* inference : inferences_into(graph, use, t)) append_inference_text(out, graph, *inference, "    ");
  }
  return out;
}

void append_inferences_json(std::string& out, const Graph& graph, const analysis::SchemeUse& use) {
  out += '[';
  for (std::size_t i = 0; i < use.inferences.size(); ++i) {
    out += i > 0 ? ",\n    " : "\n    ";
    append_inference_json(out, graph, use.inferences[i]);
  }
  out += use.inferences.empty() ? "]" : "\n  ]";
}

}  // namespace claimgraph::detail
