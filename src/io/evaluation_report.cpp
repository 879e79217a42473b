#include "claimgraph/io/evaluation_report.hpp"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "claimgraph/analysis/abstract.hpp"
#include "claimgraph/analysis/reasons.hpp"
#include "detail/chunks_in_order.hpp"
#include "detail/escape.hpp"
#include "detail/json_members.hpp"
#include "detail/node_groups.hpp"
#include "detail/number.hpp"
#include "detail/output.hpp"
#include "detail/text.hpp"
#include "io/burden_members.hpp"
#include "io/questions.hpp"

using claimgraph::detail::plain;

namespace claimgraph::io {

namespace {

using analysis::Label;
using Vertex = Graph::NodeRef;

// The semantics of the status these reports give.
const std::string_view status_semantics = analysis::to_string(analysis::Semantics::grounded);

using detail::fixed2;

// Whether the status was decided by the burden of persuasion (StatusOptions::burden).
bool with_burden(const Evaluation& e) { return !e.status.decided.empty(); }

// The semantics as the text reports name it.
std::string semantics_name(const Evaluation& e) {
  return std::string(status_semantics) + (with_burden(e) ? " semantics, with the burden of persuasion" : " semantics");
}

// A weight of factor_units() as reports print weights: "2.00".
std::string factor_weight(std::uint64_t units) {
  return fixed2(static_cast<double>(units) / static_cast<double>(factor_unit_scale));
}

// The weighing of a balance test: "2.00 for, 3.00 against" (the factors IN,
// and those OUT), and the undecided ones when there are any.
std::string weights(const analysis::StatusReason& r) {
  std::string out = factor_weight(r.weight_in) + " for, " + factor_weight(r.weight_out) + " against";
  if (r.weight_undec > 0) out += ", " + factor_weight(r.weight_undec) + " undecided";
  return out;
}

// Reads the evaluation of one graph: status, strengths and the reason for
// each status, which explain and the text report share.
class View {
 public:
  View(const Graph& graph, const Evaluation& evaluation) : graph_(graph), e_(evaluation) {}

  [[nodiscard]] Label label(Vertex v) const { return e_.status.labels[v]; }
  [[nodiscard]] const char* status(Vertex v) const { return analysis::to_string(label(v)); }
  [[nodiscard]] bool undercut(const Graph::EdgeRef& e) const {
    const std::size_t i = graph_.edge(e).index;
    return i < e_.status.undercut.size() && e_.status.undercut[i];
  }
  // "id [OUT]"; "id [OUT, excluded]" for a node the court excluded, which
  // is OUT for that reason and not on the merits.
  [[nodiscard]] std::string name(Vertex v) const {
    return plain(graph_.node(v).id) + " [" + status(v) + (excluded(v) ? ", excluded]" : "]");
  }

  [[nodiscard]] analysis::Decided decided(Vertex v) const {
    return e_.status.decided.empty() ? analysis::Decided::no : e_.status.decided[v];
  }
  // Who bore the burden that decided v (empty when v was not so decided or
  // nobody is named).
  [[nodiscard]] std::optional<std::string_view> bearer(Vertex v) const {
    if (decided(v) == analysis::Decided::no) return std::nullopt;
    return analysis::burden_bearer(graph_.node(e_.status.issue[v]));
  }
  // How the burden decided v: "undecided, so it fails: Oracle bears the burden".
  [[nodiscard]] std::string burden_reason(Vertex v) const {
    const auto who = bearer(v);
    const std::string party = who ? plain(*who) : std::string("the party that alleges it");
    switch (decided(v)) {
      case analysis::Decided::no: break;
      case analysis::Decided::fails: return "undecided, so it fails: " + party + " bears the burden";
      case analysis::Decided::stands: return "undecided, so it stands: " + party + " bears the burden of disproving it";
      case analysis::Decided::fails_to_disprove:
        return "undecided, so it fails: " + party + " bears the burden of disproving " +
               plain(graph_.node(e_.status.issue[v]).id) + ", which it contradicts";
    }
    return {};
  }

  // Why v has its status, in one sentence (analysis::explain_status worded).
  [[nodiscard]] bool excluded(Vertex v) const {
    return e_.excluded != nullptr && v < e_.excluded->size() && (*e_.excluded)[v];
  }

  [[nodiscard]] std::string reason(Vertex v) const {
    using analysis::Cause;
    if (excluded(v)) return "the court excluded it";
    if (decided(v) != analysis::Decided::no) return burden_reason(v);
    const analysis::StatusReason r = analysis::explain_status(graph_, e_.status, v);
    auto list = [&](const std::vector<Vertex>& vs) {
      std::string out;
      for (std::size_t i = 0; i < vs.size() && i < 6; ++i) out += (i ? ", " : "") + name(vs[i]);
      if (vs.size() > 6) out += " and " + std::to_string(vs.size() - 6) + " more";
      return out;
    };
    // The supporters of some lists of supports edges, in edge order.
    auto supporters = [](std::initializer_list<const std::vector<analysis::SupportEdge>*> lists) {
      std::vector<const analysis::SupportEdge*> edges;
      for (const auto* l : lists) {
        for (const auto& s : *l) edges.push_back(&s);
      }
      std::sort(edges.begin(), edges.end(), [](const auto* a, const auto* b) { return a->edge < b->edge; });
      std::vector<Vertex> out;
      for (const auto* s : edges) out.push_back(s->supporter);
      return out;
    };
    // "element x [IN] stands" or "elements x [IN], y [IN] stand".
    auto element_list = [&](const std::vector<Vertex>& vs) {
      return (vs.size() == 1 ? "element " : "elements ") + list(vs) + (vs.size() == 1 ? " stands" : " stand");
    };
    std::string why;
    switch (r.cause) {
      case Cause::evidence: why = "evidence"; break;
      case Cause::elements_stand:
        why = r.test == ElementTest::any        ? "its test is any, and " + element_list(r.elements_in)
              : r.test == ElementTest::balance ? "the factors weigh for it: " + weights(r)
                                               : "every element is IN";
        break;
      case Cause::supported: why = "supported by " + list(supporters({&r.carrying})); break;
      case Cause::contradicted: return "contradicted by " + list(r.contradictors_in);
      case Cause::elements_fall:
        if (r.test == ElementTest::any) return "its test is any, and no element stands: " + list(r.elements_not_in);
        if (r.test == ElementTest::balance) return "the factors weigh against it: " + weights(r);
        return "not every element stands: " + list(r.elements_not_in);
      case Cause::unsupported: return "nothing supports it: it is not grounded in evidence";
      case Cause::support_undercut:
        return "its support is undercut: the support from " + list(supporters({&r.undercut})) + " no longer carries" +
               questions_that_defeat(r.undercut);
      case Cause::support_fallen:
        return "its support has fallen: " + list(supporters({&r.fallen, &r.undecided})) +
               (r.undercut.empty() ? std::string() : "; the support from " + list(supporters({&r.undercut})) + " is undercut");
      case Cause::standoff: return "contradicted by " + list(r.contradictors_undec) + ", and neither side prevails";
      case Cause::elements_undecided:
        if (r.test == ElementTest::any) {
          return "its test is any, no element is IN, and some are undecided: " + list(r.elements_not_in);
        }
        if (r.test == ElementTest::balance) return "the factors turn on undecided ones: " + weights(r);
        return "some elements are undecided: " + list(r.elements_not_in);
      case Cause::support_undecided:
        return "its support is undecided: " + list(supporters({&r.undecided, &r.contested}));
    }
    why += r.contradictors == 0   ? ", and nothing contradicts it"
           : r.contradictors == 1 ? ", and the one node that contradicts it is OUT"
                                  : ", and all " + std::to_string(r.contradictors) + " nodes that contradict it are OUT";
    return why;
  }

  // "; critical question expertise (assumption) of its support from x is
  // questioned and not answered", for the supports that critical questions
  // defeat.
  [[nodiscard]] std::string questions_that_defeat(const std::vector<analysis::SupportEdge>& edges) const {
    if (e_.schemes == nullptr) return {};
    std::string out;
    for (const auto& s : edges) {
      const auto* inference = e_.schemes->at_edge(s.edge);
      if (inference == nullptr) continue;
      for (const auto& q : inference->questions) {
        if (q.defeats != Label::in) continue;
        const CriticalQuestion& cq = inference->scheme->questions[q.question];
        out += "; the critical question " + plain(cq.id) + " (" + std::string(to_string(cq.type)) + ") of the support from " +
               plain(graph_.id(s.supporter)) +
               (cq.type == QuestionType::assumption ? " is questioned and not answered" : " is shown and not answered");
      }
    }
    return out;
  }

  [[nodiscard]] Standard standard(Vertex v) const {
    return graph_.node(v).standard.value_or(Standard::preponderance);
  }

 private:
  const Graph& graph_;
  const Evaluation& e_;
};

struct ChainLine {
  std::size_t depth;
  Vertex node;
  Relation relation;
  bool undercut;
  bool repeated;
  bool ignored;  // a supports edge into a claim with elements, which the semantics ignore
};

// The support of v down to the evidence: supports and element-of edges
// walked depth first with an explicit stack; a node met again is shown once
// and marked, and so is a support of a claim with elements (which only its
// elements ground).
std::vector<ChainLine> support_chain(const Graph& graph, const View& view, Vertex v, std::size_t max_lines = 200) {
  std::vector<ChainLine> lines;
  std::vector<bool> shown(graph.node_count(), false);
  shown[v] = true;
  struct Item {
    Vertex node;
    std::size_t depth;
    Relation relation;
    bool undercut;
    bool ignored;
  };
  std::vector<Item> stack;
  auto push_children = [&](Vertex x, std::size_t depth) {
    std::vector<Item> children;
    bool elements = false;
    for (const auto& e : graph.in_edges(x)) {
      elements = elements || graph.edge(e).relation == Relation::element_of;
    }
    for (const auto& e : graph.in_edges(x)) {
      const Relation r = graph.edge(e).relation;
      if (r == Relation::supports || r == Relation::element_of) {
        children.push_back({graph.source(e), depth, r, view.undercut(e), elements && r == Relation::supports});
      }
    }
    stack.insert(stack.end(), children.rbegin(), children.rend());
  };
  push_children(v, 1);
  while (!stack.empty() && lines.size() < max_lines) {
    const Item it = stack.back();
    stack.pop_back();
    const bool repeated = shown[it.node];
    lines.push_back({it.depth, it.node, it.relation, it.undercut, repeated, it.ignored});
    if (!repeated) {
      shown[it.node] = true;
      push_children(it.node, it.depth + 1);
    }
  }
  return lines;
}


std::string describe(const Graph& graph, Vertex v) {
  const Node& n = graph.node(v);
  std::string out = plain(n.label);
  if (n.source) out += " (" + plain(*n.source) + ")";
  return out;
}

}  // namespace

std::string status_reason(const Graph& graph, const Evaluation& evaluation, Graph::NodeRef v) {
  return View(graph, evaluation).reason(v);
}

namespace {

// The nodes whose status differs from the whole record's, but those excluded.
std::vector<Vertex> changed(const Graph& graph, const Evaluation& evaluation) {
  std::vector<Vertex> out;
  if (evaluation.record == nullptr) return out;
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    const bool excluded = v < evaluation.excluded->size() && (*evaluation.excluded)[v];
    if (!excluded && evaluation.record->labels[v] != evaluation.status.labels[v]) out.push_back(v);
  }
  return out;
}

// "Excluded: a, b." and the statuses that changed against the whole record.
std::string exclusion_text(const Graph& graph, const Evaluation& evaluation) {
  std::string buf = "\nExcluded:";
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    if (v < evaluation.excluded->size() && (*evaluation.excluded)[v]) buf += " " + plain(graph.node(v).id);
  }
  buf += ".\n";
  if (evaluation.record == nullptr) return buf;
  const auto nodes = changed(graph, evaluation);
  if (nodes.empty()) return buf + "Against the whole record, no other status changes.\n";
  buf += "Against the whole record, " + std::to_string(nodes.size()) +
         (nodes.size() == 1 ? " status changes:\n" : " statuses change:\n");
  for (Vertex v : nodes) {
    buf += "  " + plain(graph.node(v).id) + " — " + plain(graph.node(v).label) + ": " +
           to_string(evaluation.record->labels[v]) + " → " + to_string(evaluation.status.labels[v]) + "\n";
  }
  return buf;
}

}  // namespace

void write_evaluation_text(std::ostream& out, const Graph& graph, const Evaluation& evaluation) {
  const View view(graph, evaluation);
  const auto& strength = evaluation.strength;
  std::string buf;
  if (graph.title) buf += plain(*graph.title) + "\n";
  buf += "Semantics: " + std::string(status_semantics) +
         (with_burden(evaluation) ? ", undecided issues decided by the burden of persuasion" : "") + "\n\n";
  const detail::NodeGroups nodes = detail::group_nodes(graph);
  std::size_t counts[3] = {0, 0, 0};
  std::size_t claims = 0, established = 0, by_burden = 0;
  auto line = [&](Vertex v) {
    const Node& n = graph.node(v);
    const Label l = view.label(v);
    ++counts[static_cast<int>(l)];
    std::string status = view.status(v);
    status.resize(5, ' ');
    buf += "  " + status + " " + fixed2(strength.strength[v]) + "  " + plain(n.id) + " — " + plain(n.label);
    if (is_claim_like(n.kind)) {
      ++claims;
      if (strength.established[v]) ++established;
      buf += strength.established[v] ? "  [established: " : "  [not established: ";
      buf += std::string(to_string(view.standard(v))) + ", pro " + fixed2(strength.pro[v]) + ", con " +
             fixed2(strength.con[v]) + "]";
    }
    if (view.decided(v) != analysis::Decided::no) {
      ++by_burden;
      buf += "  (" + view.burden_reason(v) + ")";
    }
    if (view.excluded(v)) buf += "  (excluded)";
    buf += "\n";
  };
  for (std::size_t i = 0; i < nodes.groups.size(); ++i) {
    buf += plain(nodes.name(graph, i)) + "\n";
    for (Vertex v : nodes.groups[i]) line(v);
    buf += "\n";
  }
  if (!nodes.loose.empty()) {
    if (!nodes.groups.empty()) buf += "(no group)\n";
    for (Vertex v : nodes.loose) line(v);
    buf += "\n";
  }
  buf += std::to_string(graph.node_count()) + " nodes: " + std::to_string(counts[0]) + " IN, " +
         std::to_string(counts[1]) + " OUT, " + std::to_string(counts[2]) + " UNDEC; " +
         (with_burden(evaluation) ? std::to_string(by_burden) + " decided by the burden; " : "") +
         std::to_string(established) +
         " of " + std::to_string(claims) + " claims and counterclaims established.\n";
  if (!strength.converged) {
    buf += "warning: strengths did not settle on " + std::to_string(strength.unsettled.size()) +
           " nodes of support/attack cycles; their values are the last iteration's.\n";
  }
  if (evaluation.excluded != nullptr) buf += exclusion_text(graph, evaluation);
  if (evaluation.schemes != nullptr && !evaluation.schemes->inferences.empty()) {
    buf += "\n" + detail::questions_section_text(graph, *evaluation.schemes);
  }
  out << buf;
}

void write_evaluation_json(std::ostream& out, const Graph& graph, const Evaluation& evaluation, std::size_t threads) {
  const View view(graph, evaluation);
  const auto& strength = evaluation.strength;
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  buf += "{\n  \"semantics\": ";
  detail::append_json_string(buf, status_semantics);
  buf += ",\n  \"converged\": ";
  buf += strength.converged ? "true" : "false";
  if (with_burden(evaluation)) buf += ",\n  \"burden\": true";
  buf += ",\n  \"nodes\": [";
  // A node a line, rendered in chunks (detail::write_chunks_in_order): on a
  // second thread too when there are some thousands.
  const std::size_t nodes = graph.node_count();
  constexpr std::size_t a_chunk = 4096;
  // Each member's opening (separator, key, colon) is written whole, as
  // detail::JsonMembers writes it (spaced): a large case has millions of
  // them, and finding that each key needs no escaping, each time, cost more
  // than the values.
  const auto node_lines = [&](std::size_t k, std::string& text) {
    for (Vertex v = k * a_chunk; v < std::min(nodes, (k + 1) * a_chunk); ++v) {
      const Node& n = graph.node(v);
      text += v == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ";
      detail::append_json_string(text, n.id);
      text += ", \"status\": ";
      detail::append_json_string(text, view.status(v));
      text += ", \"strength\": ";
      detail::append_number(text, strength.strength[v]);
      if (view.excluded(v)) text += ", \"excluded\": true";
      if (is_claim_like(n.kind)) {
        text += strength.established[v] ? ", \"established\": true" : ", \"established\": false";
        text += ", \"standard\": ";
        detail::append_json_string(text, to_string(view.standard(v)));
        text += ", \"pro\": ";
        detail::append_number(text, strength.pro[v]);
        text += ", \"con\": ";
        detail::append_number(text, strength.con[v]);
      }
      auto m = detail::JsonMembers::after_others(text);
      append_burden_members(m, graph, evaluation.status, v);
      text += '}';
    }
  };
  detail::write_chunks_in_order(output, (nodes + a_chunk - 1) / a_chunk,
                                nodes >= detail::lines_for_two_threads ? threads : 1, node_lines);
  buf += nodes == 0 ? "]" : "\n  ]";
  if (evaluation.excluded != nullptr) {
    buf += ",\n  \"excluded\": [";
    bool first = true;
    for (Vertex v = 0; v < graph.node_count(); ++v) {
      if (v >= evaluation.excluded->size() || !(*evaluation.excluded)[v]) continue;
      buf += first ? "" : ", ";
      first = false;
      detail::append_json_string(buf, graph.node(v).id);
    }
    buf += "]";
    if (evaluation.record != nullptr) {
      buf += ",\n  \"changed\": [";
      first = true;
      for (Vertex v : changed(graph, evaluation)) {
        buf += first ? "\n    {" : ",\n    {";
        first = false;
        detail::JsonMembers m(buf);
        m.string("id", graph.node(v).id)
            .string("was", to_string(evaluation.record->labels[v]))
            .string("now", to_string(evaluation.status.labels[v]));
        buf += '}';
      }
      buf += first ? "]" : "\n  ]";
    }
  }
  if (evaluation.schemes != nullptr && !evaluation.schemes->inferences.empty()) {
    buf += ",\n  \"inferences\": ";
    detail::append_inferences_json(buf, graph, *evaluation.schemes);
  }
  buf += "\n}\n";
  output.flush();
}

void write_explanation_text(std::ostream& out, const Graph& graph, const Evaluation& evaluation, Vertex v) {
  const View view(graph, evaluation);
  const auto& strength = evaluation.strength;
  const Node& n = graph.node(v);
  std::string buf = plain(n.id) + " — " + plain(n.label) + "\n";
  buf += "  " + std::string(to_string(n.kind));
  if (n.party) buf += " · " + plain(*n.party);
  if (n.group) buf += " · " + plain(*n.group);
  if (n.source) buf += " · source: " + plain(*n.source);
  buf += "\n";
  if (n.text) buf += "  " + plain(*n.text) + "\n";
  buf += "\nStatus: " + std::string(view.status(v)) + " (" + semantics_name(evaluation) + "): " +
         view.reason(v) + ".\n";
  if (evaluation.record != nullptr && !view.excluded(v) && evaluation.record->labels[v] != evaluation.status.labels[v]) {
    buf += "In the whole record it is " + std::string(to_string(evaluation.record->labels[v])) +
           "; the excluded nodes change it.\n";
  }
  buf += "Strength: " + fixed2(strength.strength[v]) + "\n";
  if (is_claim_like(n.kind)) {
    buf += "Standard of proof: " + std::string(to_string(view.standard(v)));
    if (!n.standard) buf += " (the default)";
    if (n.burden) buf += ", burden on " + plain(*n.burden);
    buf += ": pro " + fixed2(strength.pro[v]) + " against con " + fixed2(strength.con[v]) + ", " +
           (strength.established[v] ? "met: established." : "not met: not established.") + "\n";
    if (n.test && *n.test != ElementTest::all) {
      buf += *n.test == ElementTest::any
                 ? "Test of elements: any (one element that stands is enough).\n"
                 : "Test of elements: balance (the factors that stand must outweigh those that do not).\n";
    }
  }

  const auto chain = support_chain(graph, view, v);
  buf += "\nSupport, down to the evidence:\n";
  if (chain.empty()) buf += "  (none: nothing supports it)\n";
  for (const auto& l : chain) {
    buf += std::string(2 * l.depth, ' ') + (l.relation == Relation::element_of ? "element " : "- ") + view.name(l.node) +
           " " + describe(graph, l.node);
    if (l.ignored) buf += " — ignored: the claim has elements";
    if (l.undercut) buf += " — this support is undercut";
    if (l.repeated) buf += " (shown above)";
    buf += "\n";
  }

  std::string against;
  for (const auto& e : graph.in_edges(v)) {
    const Vertex s = graph.source(e);
    const Relation r = graph.edge(e).relation;
    if (r == Relation::contradicts) {
      against += "  - contradicted by " + view.name(s) + " " + describe(graph, s) + ": " + view.reason(s) + ".\n";
    } else if (r == Relation::undercuts) {
      const auto attacked = graph.edges()[graph.edge(e).undercut];
      const std::string_view question = graph.edge(e).question();
      against += "  - " + view.name(s) + " " + describe(graph, s) + " undercuts the support from " +
                 plain(graph.node(graph.source(attacked)).id) +
                 (question.empty() ? std::string() : ", raising the critical question " + plain(question)) + ": " +
                 view.reason(s) + ".\n";
    }
  }
  buf += "\nAgainst it:\n" + (against.empty() ? std::string("  (nothing contradicts or undercuts it)\n") : against);

  if (evaluation.schemes != nullptr) {
    const auto inferences = detail::inferences_into(graph, *evaluation.schemes, v);
    if (!inferences.empty()) {
      buf += "\nCritical questions of its support:\n";
      for (const auto* inference : inferences) detail::append_inference_text(buf, graph, *inference, "  ");
    }
  }

  std::vector<Vertex> missing;
  for (const auto& e : graph.in_edges(v)) {
    if (graph.edge(e).relation == Relation::element_of && view.label(graph.source(e)) != Label::in) {
      missing.push_back(graph.source(e));
    }
  }
  if (!missing.empty()) {
    buf += "\nElements that do not stand:\n";
    for (Vertex m : missing) buf += "  - " + view.name(m) + " " + describe(graph, m) + ": " + view.reason(m) + ".\n";
  }
  out << buf;
}

void write_explanation_json(std::ostream& out, const Graph& graph, const Evaluation& evaluation, Vertex v) {
  const View view(graph, evaluation);
  const auto& strength = evaluation.strength;
  const Node& n = graph.node(v);
  std::string buf = "{";
  detail::JsonMembers m(buf);
  m.string("id", n.id).string("label", n.label).string("kind", to_string(n.kind)).string("semantics", status_semantics);
  m.string("status", view.status(v)).string("reason", view.reason(v)).number("strength", strength.strength[v]);
  if (evaluation.record != nullptr) m.string("whole_record_status", to_string(evaluation.record->labels[v]));
  append_burden_members(m, graph, evaluation.status, v);
  if (is_claim_like(n.kind)) {
    m.string("standard", to_string(view.standard(v))).string("burden", n.burden);
    if (n.test) m.string("test", to_string(*n.test));
    m.number("pro", strength.pro[v]).number("con", strength.con[v]).boolean("established", strength.established[v]);
  }
  auto node_object = [&](Vertex x, std::string_view relation, std::size_t depth, bool undercut, bool ignored) {
    std::string o = "{";
    detail::JsonMembers mo(o);
    mo.string("id", graph.node(x).id).string("relation", relation).string("status", view.status(x));
    if (depth > 0) mo.raw("depth", std::to_string(depth));
    mo.string("source", graph.node(x).source);
    if (undercut) mo.boolean("undercut", true);
    if (ignored) mo.boolean("ignored", true);
    mo.string("reason", view.reason(x));
    return o + "}";
  };
  // A list of the nodes that `take` picks, as objects.
  auto list = [&](std::string_view key, auto take) {
    m.key(key);
    buf += '[';
    bool any = false;
    take([&](Vertex x, std::string_view relation, std::size_t depth, bool undercut, bool ignored = false) {
      buf += any ? ", " : "";
      any = true;
      buf += node_object(x, relation, depth, undercut, ignored);
    });
    buf += ']';
  };
  list("support", [&](auto add) {
    for (const auto& l : support_chain(graph, view, v)) {
      if (!l.repeated) add(l.node, to_string(l.relation), l.depth, l.undercut, l.ignored);
    }
  });
  list("against", [&](auto add) {
    for (const auto& e : graph.in_edges(v)) {
      const Relation r = graph.edge(e).relation;
      if (r == Relation::contradicts || r == Relation::undercuts) add(graph.source(e), to_string(r), 0, false);
    }
  });
  list("missing_elements", [&](auto add) {
    for (const auto& e : graph.in_edges(v)) {
      if (graph.edge(e).relation == Relation::element_of && view.label(graph.source(e)) != Label::in) {
        add(graph.source(e), to_string(Relation::element_of), 0, false);
      }
    }
  });
  if (evaluation.schemes != nullptr) {
    const auto inferences = detail::inferences_into(graph, *evaluation.schemes, v);
    if (!inferences.empty()) {
      m.key("inferences");
      buf += '[';
      for (std::size_t i = 0; i < inferences.size(); ++i) {
        if (i > 0) buf += ", ";
        detail::append_inference_json(buf, graph, *inferences[i]);
      }
      buf += ']';
    }
  }
  buf += "}\n";
  out << buf;
}

void write_acceptance_text(std::ostream& out, const Graph& graph, analysis::Semantics semantics,
                           std::span<const analysis::NodeAcceptance> acceptance) {
  const std::string name(analysis::to_string(semantics));
  std::string buf;
  if (graph.title) buf += plain(*graph.title) + "\n";
  buf += "Semantics: " + name + " (sceptically: IN in every " + name + " labelling; credulously: in some, not all)\n\n";
  std::size_t sceptical = 0, credulous = 0;
  bool vacuous = false;  // sceptical but not credulous: there is no labelling at all
  auto line = [&](Vertex v) {
    const auto& a = acceptance[v];
    const Node& n = graph.node(v);
    sceptical += a.sceptical ? 1u : 0u;
    credulous += a.credulous && !a.sceptical ? 1u : 0u;
    vacuous = vacuous || (a.sceptical && !a.credulous);
    buf += a.sceptical ? "  sceptically   " : a.credulous ? "  credulously   " : "  not accepted  ";
    buf += plain(n.id);
    if (n.label != n.id) buf += " — " + plain(n.label);
    buf += "\n";
  };
  const detail::NodeGroups nodes = detail::group_nodes(graph);
  for (std::size_t i = 0; i < nodes.groups.size(); ++i) {
    buf += plain(nodes.name(graph, i)) + "\n";
    for (Vertex v : nodes.groups[i]) line(v);
    buf += "\n";
  }
  if (!nodes.loose.empty()) {
    if (!nodes.groups.empty()) buf += "(no group)\n";
    for (Vertex v : nodes.loose) line(v);
    buf += "\n";
  }
  if (vacuous) {
    buf += "There is no " + name + " labelling of this case: every node counts as sceptically accepted, "
           "since no labelling leaves it out.\n";
  }
  const std::size_t n = graph.node_count();
  buf += std::to_string(n) + " nodes under " + name + " semantics: " + std::to_string(sceptical) +
         " sceptically accepted, " + std::to_string(credulous) + " only credulously, " +
         std::to_string(n - sceptical - credulous) + " not accepted.\n";
  out << buf;
}

void write_acceptance_json(std::ostream& out, const Graph& graph, analysis::Semantics semantics,
                           std::span<const analysis::NodeAcceptance> acceptance) {
  std::string buf = "{\n  \"semantics\": ";
  detail::append_json_string(buf, analysis::to_string(semantics));
  buf += ",\n  \"nodes\": [";
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    buf += v == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ";
    detail::append_json_string(buf, graph.node(v).id);
    buf += ", \"credulous\": ";
    buf += acceptance[v].credulous ? "true" : "false";
    buf += ", \"sceptical\": ";
    buf += acceptance[v].sceptical ? "true" : "false";
    buf += '}';
  }
  buf += graph.node_count() == 0 ? "]\n}\n" : "\n  ]\n}\n";
  out << buf;
}

}  // namespace claimgraph::io
