#include "claimgraph/io/diff.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/labellings.hpp"
#include "claimgraph/analysis/lint.hpp"
#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/io/check_report.hpp"
#include "claimgraph/io/evaluation_report.hpp"
#include "claimgraph/io/json_writer.hpp"

namespace claimgraph::io {

namespace {

using Json = nlohmann::json;

// `text`, JSON as the writers write it, parsed. A field this build does not
// know is written as the file gave it, and may hold a number no double
// holds (1e999), which nlohmann/json refuses: such a number is compared as
// the string of its digits instead.
Json parse_written(const std::string& text) {
  try {
    return Json::parse(text);
  } catch (const Json::out_of_range&) {
  }
  std::string quoted;
  quoted.reserve(text.size() + 16);
  bool in_string = false;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (in_string) {
      quoted += c;
      if (c == '\\' && i + 1 < text.size()) quoted += text[++i];
      else if (c == '"') in_string = false;
      ++i;
    } else if (c == '"') {
      in_string = true;
      quoted += c;
      ++i;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i + 1;
      while (end < text.size() && std::string_view("0123456789+-.eE").find(text[end]) != std::string_view::npos) ++end;
      const std::string number = text.substr(i, end - i);
      if (std::isfinite(std::strtod(number.c_str(), nullptr))) {
        quoted += number;
      } else {
        quoted += '"';
        quoted += number;
        quoted += '"';
      }
      i = end;
    } else {
      quoted += c;
      ++i;
    }
  }
  return Json::parse(quoted);
}

// Whether the file gave edge i its id (an id the reader made up for an
// attacked edge the file left unnamed is not the file's).
bool id_written(const ReadResult& input, std::size_t i) {
  const auto& id = input.graph.edge(input.graph.edges()[i]).id;
  if (!id) return false;
  const auto& written = input.places.edge_id_written;
  if (!written.empty()) return i < written.size() && written[i];
  std::string generated = "e";  // as Graph::add_undercut names an attacked edge
  generated += std::to_string(i);
  return *id != generated;
}

// "FROM -relation-> TO", or the edge's id when the file gave one.
std::string own_key(const ReadResult& input, std::size_t i) {
  const Graph& g = input.graph;
  const auto e = g.edges()[i];
  if (id_written(input, i)) return *g.edge(e).id;
  std::string key(g.id(g.source(e)));
  key += " -";
  key += to_string(g.edge(e).relation);
  key += "-> ";
  key += g.id(g.target(e));
  return key;
}

// The key of edge i before duplicates are numbered: an undercut without an
// id names the edge it attacks (a supports edge, so one level).
std::string base_key(const ReadResult& input, std::size_t i) {
  const Graph& g = input.graph;
  const auto e = g.edges()[i];
  const Edge& edge = g.edge(e);
  if (id_written(input, i) || edge.relation != Relation::undercuts || edge.undercut >= g.edge_count()) {
    return own_key(input, i);
  }
  return std::string(g.id(g.source(e))) + " -undercuts-> (" + own_key(input, edge.undercut) + ")";
}

// The case's own fields, as JSON text by key: title, description and the
// fields this build does not know.
std::map<std::string, std::string> case_fields(const Graph& g) {
  std::map<std::string, std::string> out;
  if (g.title) out["title"] = Json(*g.title).dump();
  if (g.description) out["description"] = Json(*g.description).dump();
  for (const auto& a : g.extra) out[a.key] = parse_written(a.json).dump();
  return out;
}

template <typename Map>
std::vector<FieldChange> compare_fields(const Map& before, const Map& after) {
  std::vector<FieldChange> out;
  auto a = before.begin();
  auto b = after.begin();
  while (a != before.end() || b != after.end()) {
    if (b == after.end() || (a != before.end() && a->first < b->first)) {
      out.push_back({a->first, a->second, std::nullopt});
      ++a;
    } else if (a == before.end() || b->first < a->first) {
      out.push_back({b->first, std::nullopt, b->second});
      ++b;
    } else {
      if (a->second != b->second) out.push_back({a->first, a->second, b->second});
      ++a;
      ++b;
    }
  }
  return out;
}

// A JSON object's members as JSON text by key (sorted: nlohmann keeps
// objects in a std::map).
std::map<std::string, std::string> members(const Json& object) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : object.items()) out[key] = value.dump();
  return out;
}

// Edge i as the JSON writer writes it, without the ids the reader made up:
// the edge's own, and the attacked edge's that an undercut names (replaced
// by that edge's key).
std::map<std::string, std::string> edge_fields(const ReadResult& input, std::size_t i, const std::vector<std::string>& keys) {
  Json object = parse_written(edge_json(input.graph, i));
  if (!id_written(input, i)) object.erase("id");
  const Edge& edge = input.graph.edge(input.graph.edges()[i]);
  if (edge.relation == Relation::undercuts && edge.undercut < keys.size() && !id_written(input, edge.undercut)) {
    object["to"] = "(" + keys[edge.undercut] + ")";
  }
  return members(object);
}

// One version analysed.
struct Side {
  const ReadResult& input;
  std::map<std::string, Graph::NodeRef> nodes;  // by id
  std::vector<std::string> keys;                // per edge
  analysis::GroundingReport grounding;
  analysis::SchemeUse schemes;
  analysis::StatusReport status;
  analysis::StrengthReport strength;
  std::vector<analysis::NodeAcceptance> acceptance;  // preferred, stable
  std::set<QuestionChange> questions;                // raised and unanswered
  std::map<std::string, FindingChange> findings;  // by finding_key()

  Side(const ReadResult& read, const DiffOptions& options) : input(read) {
    const Graph& g = input.graph;
    for (Graph::NodeRef v = 0; v < g.node_count(); ++v) nodes.emplace(std::string(g.id(v)), v);
    keys = edge_keys(input);
    grounding = analysis::check(g);
    if (options.schemes != nullptr) schemes = analysis::scheme_use(g, *options.schemes);
    if (options.semantics == analysis::Semantics::grounded) {
      auto evaluated = analysis::evaluate(g, options.schemes != nullptr ? &schemes : nullptr, {.burden = options.burden});
      status = std::move(evaluated.status);
      strength = std::move(evaluated.strength);
    } else {
      // As evaluate does: strength under the critical questions, acceptance
      // on the case with a node per raised question, cut back.
      auto for_questions = schemes;
      strength = analysis::evaluate(g, options.schemes != nullptr ? &schemes : nullptr).strength;
      const auto asked = analysis::question_graph(g, for_questions);
      acceptance = analysis::case_acceptance(asked ? *asked : g, options.semantics, options.search);
      acceptance.resize(g.node_count());
    }
    for (const auto& inference : schemes.inferences) {
      for (const auto& q : inference.questions) {
        if (!q.raised() || q.answered()) continue;
        questions.insert({keys[inference.edge], inference.scheme->name, inference.scheme->questions[q.question].id});
      }
    }
    analysis::LintOptions lint_options;
    lint_options.edge_id_written = input.places.edge_id_written;
    lint_options.schemes = options.schemes;
    lint_options.notes = false;
    for (const auto& f : analysis::lint(g, lint_options)) {
      const auto& rule = analysis::lint_rule(f.code);
      findings.emplace(finding_key(f),
                       FindingChange{std::string(rule.id), std::string(rule.name), analysis::describe(g, f).message});
    }
  }

  // What a finding is about, by ids and keys, not positions: its rule, its
  // node or edge, the node or edge it names besides, and its words' data.
  [[nodiscard]] std::string finding_key(const analysis::LintFinding& f) const {
    const Graph& g = input.graph;
    std::string key(analysis::lint_rule(f.code).id);
    key += '\n';
    if (f.node) key += g.id(*f.node);
    key += '\n';
    if (f.edge) key += keys[*f.edge];
    key += '\n';
    if (f.other != Graph::npos) {
      if (f.code == analysis::LintCode::duplicate_edge && f.other < keys.size()) {
        key += keys[f.other];
      } else if (f.code == analysis::LintCode::similar_ids && f.other < g.node_count()) {
        key += g.id(f.other);
      } else {
        key += std::to_string(f.other);
      }
    }
    key += '\n';
    key += f.hint;
    for (const auto& name : f.names) {
      key += '\n';
      key += name;
    }
    return key;
  }

  [[nodiscard]] std::string status_of(Graph::NodeRef v, analysis::Semantics semantics) const {
    if (semantics == analysis::Semantics::grounded) return analysis::to_string(status.labels[v]);
    const auto& a = acceptance[v];
    return a.sceptical ? "sceptically" : a.credulous ? "credulously" : "not accepted";
  }
};

template <typename T>
std::vector<T> minus(const std::set<T>& a, const std::set<T>& b) {
  std::vector<T> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// The findings of `a` whose key `b` lacks, sorted by what they say.
std::vector<FindingChange> minus(const std::map<std::string, FindingChange>& a,
                                 const std::map<std::string, FindingChange>& b) {
  std::vector<FindingChange> out;
  for (const auto& [key, f] : a) {
    if (!b.contains(key)) out.push_back(f);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void compare_structure(CaseDiff& d, const Side& before, const Side& after) {
  d.case_fields = compare_fields(case_fields(before.input.graph), case_fields(after.input.graph));
  for (const auto& [id, v] : before.nodes) {
    if (!after.nodes.contains(id)) d.removed_nodes.push_back(id);
  }
  for (const auto& [id, v] : after.nodes) {
    const auto old = before.nodes.find(id);
    if (old == before.nodes.end()) {
      d.added_nodes.push_back(id);
      continue;
    }
    auto fields = compare_fields(members(parse_written(node_json(before.input.graph, old->second))),
                                 members(parse_written(node_json(after.input.graph, v))));
    if (!fields.empty()) d.changed_nodes.push_back({id, std::move(fields)});
  }
  std::map<std::string, std::size_t> old_edges, new_edges;
  for (std::size_t i = 0; i < before.keys.size(); ++i) old_edges.emplace(before.keys[i], i);
  for (std::size_t i = 0; i < after.keys.size(); ++i) new_edges.emplace(after.keys[i], i);
  for (const auto& [key, i] : old_edges) {
    if (!new_edges.contains(key)) d.removed_edges.push_back(key);
  }
  for (const auto& [key, i] : new_edges) {
    const auto old = old_edges.find(key);
    if (old == old_edges.end()) {
      d.added_edges.push_back(key);
      continue;
    }
    auto fields =
        compare_fields(edge_fields(before.input, old->second, before.keys), edge_fields(after.input, i, after.keys));
    if (!fields.empty()) d.changed_edges.push_back({key, std::move(fields)});
  }
}

void compare_analysis(CaseDiff& d, const Side& before, const Side& after, const DiffOptions& options) {
  const Graph& g = after.input.graph;
  std::optional<Evaluation> evaluation;
  if (options.semantics == analysis::Semantics::grounded) {
    evaluation.emplace(Evaluation{after.status, after.strength, options.schemes != nullptr ? &after.schemes : nullptr});
  }
  for (const auto& [id, v] : after.nodes) {
    const auto old = before.nodes.find(id);
    if (old == before.nodes.end()) continue;
    const Graph::NodeRef u = old->second;
    const std::size_t ci = after.grounding.claim_index[v];
    const std::size_t oi = before.grounding.claim_index[u];
    if (ci != analysis::GroundingReport::npos && oi != analysis::GroundingReport::npos) {
      const auto& now = after.grounding.claims[ci];
      if (now.grounded != before.grounding.claims[oi].grounded) {
        GroundingChange change{id, now.grounded, {}, {}};
        if (!now.grounded) {
          change.reason = grounding_reason(g, after.grounding, now);
          for (auto m : now.missing) change.missing.emplace_back(g.id(m));
        }
        d.grounding.push_back(std::move(change));
      }
    }
    const std::string was = before.status_of(u, options.semantics);
    const std::string is = after.status_of(v, options.semantics);
    if (was != is) d.status.push_back({id, was, is, evaluation ? status_reason(g, *evaluation, v) : std::string()});
    const double s0 = before.strength.strength[u];
    const double s1 = after.strength.strength[v];
    if (std::abs(s1 - s0) > options.threshold) d.strength.push_back({id, s0, s1});
  }
  d.questions_raised = minus(after.questions, before.questions);
  d.questions_settled = minus(before.questions, after.questions);
  d.findings_new = minus(after.findings, before.findings);
  d.findings_resolved = minus(before.findings, after.findings);
}

}  // namespace

bool CaseDiff::structure_changed() const noexcept {
  return !case_fields.empty() || !added_nodes.empty() || !removed_nodes.empty() || !changed_nodes.empty() ||
         !added_edges.empty() || !removed_edges.empty() || !changed_edges.empty();
}

bool CaseDiff::analysis_changed() const noexcept {
  return !grounding.empty() || !status.empty() || !strength.empty() || !questions_raised.empty() ||
         !questions_settled.empty() || !findings_new.empty() || !findings_resolved.empty();
}

std::vector<std::string> edge_keys(const ReadResult& input) {
  const std::size_t m = input.graph.edge_count();
  std::vector<std::string> keys(m);
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < m; ++i) {
    std::string key = base_key(input, i);
    const std::size_t n = ++seen[key];
    if (n > 1) key += " #" + std::to_string(n);
    keys[i] = std::move(key);
  }
  return keys;
}

CaseDiff diff_cases(const ReadResult& old_case, const ReadResult& new_case, const DiffOptions& options) {
  CaseDiff d;
  d.semantics = options.semantics;
  d.burden = options.burden;
  d.threshold = options.threshold;
  const Side before(old_case, options);
  const Side after(new_case, options);
  compare_structure(d, before, after);
  compare_analysis(d, before, after, options);
  return d;
}

}  // namespace claimgraph::io
