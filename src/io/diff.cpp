#include "claimgraph/io/diff.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/labellings.hpp"
#include "claimgraph/analysis/lint.hpp"
#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/detail/id_index.hpp"
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

// Sorts `items` by their `id` (or key): the order of a map by id, which the
// lists of changes are in. Ids are unique in each list.
template <typename T, typename Key>
void sort_by(std::vector<T>& items, Key key) {
  std::sort(items.begin(), items.end(), [&key](const T& a, const T& b) { return key(a) < key(b); });
}

// One version analysed.
struct Side {
  const ReadResult& input;
  std::vector<std::string> keys;  // per edge
  // The keys numbered as first met (a table of the graph's kind, which a
  // million keys need), each number's first edge, and per edge whether it
  // is the one its key stands for.
  detail::IdIndex key_index;
  std::vector<std::size_t> key_edge;
  std::vector<bool> first;
  analysis::GroundingReport grounding;
  analysis::SchemeUse schemes;
  analysis::StatusReport status;
  analysis::StrengthReport strength;
  std::vector<analysis::NodeAcceptance> acceptance;  // preferred, stable
  std::set<QuestionChange> questions;                // raised and unanswered
  // The lint findings, their finding_key()s numbered as first met, and the
  // first finding with each; worded only when the other version lacks it
  // (a large case may have a million).
  std::vector<analysis::LintFinding> found;
  detail::IdIndex finding_index;
  std::vector<std::size_t> finding_of;

  Side(const ReadResult& read, const DiffOptions& options) : input(read) {
    const Graph& g = input.graph;
    keys = edge_keys(input);
    key_index.reserve(keys.size());
    first.resize(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (key_index.insert(keys[i])) continue;
      key_edge.push_back(i);
      first[i] = true;
    }
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
    found = analysis::lint(g, lint_options);
    finding_index.reserve(found.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (!finding_index.insert(finding_key(found[i]))) finding_of.push_back(i);
    }
  }

  // The first edge with `key`, or Graph::npos.
  [[nodiscard]] std::size_t edge(std::string_view key) const {
    const auto k = key_index.find(key);
    return k ? key_edge[*k] : Graph::npos;
  }

  // The node with `id`, by the graph's own index, or Graph::npos.
  [[nodiscard]] Graph::NodeRef node(std::string_view id) const { return input.graph.find(id).value_or(Graph::npos); }

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

// The findings of `a` whose key `b` lacks, worded, sorted by what they say.
std::vector<FindingChange> minus(const Side& a, const Side& b) {
  std::vector<FindingChange> out;
  for (std::size_t k = 0; k < a.finding_of.size(); ++k) {
    if (b.finding_index.find(a.finding_index.id(k))) continue;
    const analysis::LintFinding& f = a.found[a.finding_of[k]];
    const auto& rule = analysis::lint_rule(f.code);
    out.push_back({std::string(rule.id), std::string(rule.name), analysis::describe(a.input.graph, f).message});
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Nodes and edges are visited in the order of each version and matched by
// hash; each list of changes is then sorted by id or key.
void compare_structure(CaseDiff& d, const Side& before, const Side& after) {
  const Graph& old_graph = before.input.graph;
  const Graph& new_graph = after.input.graph;
  d.case_fields = compare_fields(case_fields(old_graph), case_fields(new_graph));
  for (Graph::NodeRef u = 0; u < old_graph.node_count(); ++u) {
    if (after.node(old_graph.id(u)) == Graph::npos) d.removed_nodes.emplace_back(old_graph.id(u));
  }
  for (Graph::NodeRef v = 0; v < new_graph.node_count(); ++v) {
    const std::string_view id = new_graph.id(v);
    const Graph::NodeRef u = before.node(id);
    if (u == Graph::npos) {
      d.added_nodes.emplace_back(id);
      continue;
    }
    // The same record is written the same, and text written the same has
    // no field changed: neither is parsed.
    if (old_graph.node(u) == new_graph.node(v)) continue;
    const std::string was = node_json(old_graph, u);
    const std::string is = node_json(new_graph, v);
    if (was == is) continue;
    auto fields = compare_fields(members(parse_written(was)), members(parse_written(is)));
    if (!fields.empty()) d.changed_nodes.push_back({std::string(id), std::move(fields)});
  }
  for (std::size_t i = 0; i < before.keys.size(); ++i) {
    if (before.first[i] && after.edge(before.keys[i]) == Graph::npos) d.removed_edges.push_back(before.keys[i]);
  }
  for (std::size_t i = 0; i < after.keys.size(); ++i) {
    if (!after.first[i]) continue;
    const std::string& key = after.keys[i];
    const std::size_t old = before.edge(key);
    if (old == Graph::npos) {
      d.added_edges.push_back(key);
      continue;
    }
    // Written the same, an edge is the same but for what edge_fields()
    // changes: the id the reader made up, and the key an undercut names.
    const Edge& edge = new_graph.edge(new_graph.edges()[i]);
    if (edge.relation != Relation::undercuts && id_written(before.input, old) == id_written(after.input, i) &&
        edge_json(old_graph, old) == edge_json(new_graph, i)) {
      continue;
    }
    auto fields = compare_fields(edge_fields(before.input, old, before.keys), edge_fields(after.input, i, after.keys));
    if (!fields.empty()) d.changed_edges.push_back({key, std::move(fields)});
  }
  std::sort(d.removed_nodes.begin(), d.removed_nodes.end());
  std::sort(d.added_nodes.begin(), d.added_nodes.end());
  sort_by(d.changed_nodes, [](const ItemChange& c) -> const std::string& { return c.key; });
  std::sort(d.removed_edges.begin(), d.removed_edges.end());
  std::sort(d.added_edges.begin(), d.added_edges.end());
  sort_by(d.changed_edges, [](const ItemChange& c) -> const std::string& { return c.key; });
}

void compare_analysis(CaseDiff& d, const Side& before, const Side& after, const DiffOptions& options) {
  const Graph& g = after.input.graph;
  std::optional<Evaluation> evaluation;
  if (options.semantics == analysis::Semantics::grounded) {
    evaluation.emplace(Evaluation{after.status, after.strength, options.schemes != nullptr ? &after.schemes : nullptr});
  }
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const std::string_view id = g.id(v);
    const Graph::NodeRef u = before.node(id);
    if (u == Graph::npos) continue;
    const std::size_t ci = after.grounding.claim_index[v];
    const std::size_t oi = before.grounding.claim_index[u];
    if (ci != analysis::GroundingReport::npos && oi != analysis::GroundingReport::npos) {
      const auto& now = after.grounding.claims[ci];
      if (now.grounded != before.grounding.claims[oi].grounded) {
        GroundingChange change{std::string(id), now.grounded, {}, {}};
        if (!now.grounded) {
          change.reason = grounding_reason(g, after.grounding, now);
          for (auto m : now.missing) change.missing.emplace_back(g.id(m));
        }
        d.grounding.push_back(std::move(change));
      }
    }
    const std::string was = before.status_of(u, options.semantics);
    const std::string is = after.status_of(v, options.semantics);
    if (was != is) {
      d.status.push_back({std::string(id), was, is, evaluation ? status_reason(g, *evaluation, v) : std::string()});
    }
    const double s0 = before.strength.strength[u];
    const double s1 = after.strength.strength[v];
    if (std::abs(s1 - s0) > options.threshold) d.strength.push_back({std::string(id), s0, s1});
  }
  sort_by(d.grounding, [](const GroundingChange& c) -> const std::string& { return c.id; });
  sort_by(d.status, [](const StatusChange& c) -> const std::string& { return c.id; });
  sort_by(d.strength, [](const StrengthChange& c) -> const std::string& { return c.id; });
  d.questions_raised = minus(after.questions, before.questions);
  d.questions_settled = minus(before.questions, after.questions);
  d.findings_new = minus(after, before);
  d.findings_resolved = minus(before, after);
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
  // How many edges so far have each key: the keys numbered as first met.
  detail::IdIndex seen;
  std::vector<std::size_t> count;
  seen.reserve(m);
  for (std::size_t i = 0; i < m; ++i) {
    keys[i] = base_key(input, i);
    std::size_t n = 1;
    if (const auto k = seen.insert(keys[i])) {
      n = ++count[*k];
    } else {
      count.push_back(1);
    }
    if (n > 1) keys[i] += " #" + std::to_string(n);
  }
  return keys;
}

CaseDiff diff_cases(const ReadResult& old_case, const ReadResult& new_case, const DiffOptions& options) {
  CaseDiff d;
  d.semantics = options.semantics;
  d.burden = options.burden;
  d.threshold = options.threshold;
  // The two versions are analysed apart: the old one on a thread of its own
  // when threads are allowed and both are large enough to pay for one.
  // Either way, what the old one throws is what comes out when both throw.
  constexpr std::size_t worth_a_thread = 4096;  // nodes and edges
  std::optional<Side> before;
  std::exception_ptr failed;
  std::jthread old_side;  // declared after what it writes: joined first
  if (options.threads > 1 && old_case.graph.node_count() + old_case.graph.edge_count() >= worth_a_thread &&
      new_case.graph.node_count() + new_case.graph.edge_count() >= worth_a_thread) {
    try {
      old_side = std::jthread([&] {
        try {
          before.emplace(old_case, options);
        } catch (...) {
          failed = std::current_exception();
        }
      });
    } catch (const std::system_error&) {
      // No thread to be had: both on this one.
    }
  }
  if (!old_side.joinable()) before.emplace(old_case, options);
  std::optional<Side> after;
  std::exception_ptr after_failed;
  try {
    after.emplace(new_case, options);
  } catch (...) {
    if (!old_side.joinable()) throw;
    after_failed = std::current_exception();
  }
  if (old_side.joinable()) {
    old_side.join();
    if (failed) std::rethrow_exception(failed);
  }
  if (after_failed) std::rethrow_exception(after_failed);
  compare_structure(d, *before, *after);
  compare_analysis(d, *before, *after, options);
  return d;
}

}  // namespace claimgraph::io
