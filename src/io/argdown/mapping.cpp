#include "io/argdown/mapping.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "claimgraph/io/case_fields.hpp"
#include "claimgraph/suggest.hpp"
#include "detail/text.hpp"
#include "io/argdown/text.hpp"
#include "io/citation_fields.hpp"

namespace claimgraph::io::argdown {

namespace {

using detail::shown;

// The names of the standards of proof, as a message lists them: "a, b or c".
std::string standards() {
  std::vector<std::string_view> names;
  for (Standard st : all_standards()) names.push_back(to_string(st));
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k) {
    out += k == 0 ? "" : k + 1 == names.size() ? " or " : ", ";
    out += names[k];
  }
  return out;
}

// Builds the graph in steps: the nodes, then the edges of each kind.
class GraphMaker {
 public:
  GraphMaker(const Model& model, detail::TextDiagnostics& diagnostics, const Limits& limits)
      : m_(model), diagnostics_(diagnostics), limits_(limits) {}

  Graph run() {
    // Nodes in the order they are defined (statements and arguments that are
    // only referred to, where they first appear), so that a document written
    // by write_argdown reads back in the graph's order.
    order_ = m_.order;
    const auto place = [&](MemberRef r) {
      const Element& e = m_.element(r);
      return e.defined_at.value_or(e.offset);
    };
    std::stable_sort(order_.begin(), order_.end(), [&](MemberRef a, MemberRef b) { return place(a) < place(b); });
    graph_.title = m_.document_title;
    graph_.description = m_.document_description;
    make_nodes(node_ids());
    if (diagnostics_.failed()) return std::move(graph_);
    make_pcs_edges();
    make_relation_edges();
    make_listed_elements();
    make_undercuts();
    return std::move(graph_);
  }

 private:
  [[nodiscard]] std::string name(MemberRef r) const {
    return r.kind == MemberKind::argument ? "<" + m_.element(r).title + ">" : "[" + m_.element(r).title + "]";
  }

  // A text field of the data: reported unless it is a scalar.
  std::optional<std::string> text_field(const Data& data, std::string_view key, MemberRef owner) {
    const DataField* f = find_field(data, key);
    if (!f) return std::nullopt;
    if (!f->value.is_scalar()) {
      diagnostics_.error(f->offset, "the data of " + name(owner) + ": \"" + std::string(key) + "\" must be text");
      return std::nullopt;
    }
    check_length(f->value.scalar, f->offset, key);
    return f->value.scalar;
  }
  void check_length(const std::string& s, std::size_t offset, std::string_view what) {
    if (s.size() > limits_.max_string_bytes) {
      diagnostics_.error(offset, {},
                         std::string(what) + " of " + std::to_string(s.size()) + " bytes exceeds the limit of " +
                             std::to_string(limits_.max_string_bytes) + " bytes",
                         Limit::string_bytes);
    }
  }
  [[nodiscard]] std::optional<std::string> group_of(std::optional<std::size_t> section) const {
    while (section && m_.sections[*section].not_a_group) section = m_.sections[*section].parent;
    if (!section || m_.sections[*section].title.empty()) return std::nullopt;
    return m_.sections[*section].title;
  }

  // --- nodes

  // The node ids, in order_: statement titles, then argument titles, in
  // brackets when a statement has the same title, then whatever the data's
  // `id` says.
  std::vector<std::string> node_ids() {
    std::unordered_set<std::string> taken;
    for (const auto& ec : m_.statements) taken.insert(ec.title);
    std::vector<std::string> ids(order_.size());
    for (std::size_t k = 0; k < order_.size(); ++k) {
      const MemberRef r = order_[k];
      ids[k] = r.kind == MemberKind::statement ? m_.statements[r.index].title : argument_id(r, taken);
    }
    for (std::size_t k = 0; k < order_.size(); ++k) rename_by_data(k, ids, taken);
    // Case files refuse ids with control characters; so does this reader.
    for (std::size_t k = 0; k < order_.size(); ++k) {
      if (std::any_of(ids[k].begin(), ids[k].end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        diagnostics_.error(m_.element(order_[k]).offset,
                           "the id " + shown(ids[k]) + " holds a control character, which a node id cannot hold");
      }
    }
    return ids;
  }

  // An argument's id: its title, unless another node has it.
  std::string argument_id(MemberRef r, std::unordered_set<std::string>& taken) {
    const std::string& title = m_.element(r).title;
    std::string id = title;
    if (taken.contains(id)) id = "<" + title + ">";
    for (std::size_t n = 2; taken.contains(id); ++n) {
      id = "<" + title + "> (";
      id += std::to_string(n);
      id += ')';
    }
    taken.insert(id);
    return id;
  }

  // The id the data of node `k` gives, unless another node has it.
  void rename_by_data(std::size_t k, std::vector<std::string>& ids, std::unordered_set<std::string>& taken) {
    const MemberRef r = order_[k];
    const Data& data = m_.element(r).data;
    auto id = text_field(data, "id", r);
    if (!id || id->empty() || *id == ids[k]) return;
    if (taken.contains(*id)) {
      diagnostics_.error(find_field(data, "id")->offset,
                         "the data of " + name(r) + " gives the id " + shown(*id) + ", which another node has");
      return;
    }
    taken.erase(ids[k]);
    taken.insert(*id);
    ids[k] = *id;
  }

  void make_nodes(std::vector<std::string> ids) {
    statement_node_.assign(m_.statements.size(), 0);
    argument_node_.assign(m_.arguments.size(), 0);
    graph_.reserve(order_.size(), m_.relations.size() * 2);
    for (std::size_t k = 0; k < order_.size(); ++k) {
      const MemberRef r = order_[k];
      const Graph::NodeRef v = graph_.add_node(make_node(r, std::move(ids[k])));
      (r.kind == MemberKind::statement ? statement_node_ : argument_node_)[r.index] = v;
    }
  }

  Node make_node(MemberRef r, std::string id) {
    const Element& e = m_.element(r);
    Node node;
    node.id = std::move(id);
    node.label = label(e);
    check_length(node.label, e.offset, "the text");
    if (detail::only_whitespace(node.label)) {
      // As the case-file reader refuses a blank label: nothing to show.
      diagnostics_.error(e.offset, {},
                         name(r) + " has no text and its title is blank: write its text after the title, or give "
                                   "it a title with words");
    }
    node.kind = kind_of(r, e);
    node.text = text_field(e.data, "text", r);
    node.party = text_field(e.data, "party", r);
    node.source = text_field(e.data, "source", r);
    node.burden = text_field(e.data, "burden", r);
    node.group = text_field(e.data, "group", r);
    node.scheme = text_field(e.data, "scheme", r);
    if (auto privileged = text_field(e.data, "privileged", r)) node.privileged = *privileged == "true";
    if (!node.group) node.group = group_of(e.section);
    if (const DataField* w = find_field(e.data, "weight")) node.weight = weight(*w, r);
    if (auto standard = text_field(e.data, "standard", r)) {
      node.standard = parse_standard(*standard);
      if (!node.standard) {
        diagnostics_.error(find_field(e.data, "standard")->offset,
                           "the data of " + name(r) + ": unknown standard of proof " + shown(*standard) +
                               "; expected " + standards());
      }
    }
    if (auto test = text_field(e.data, "test", r)) {
      node.test = parse_element_test(*test);
      if (!node.test) {
        std::vector<std::string_view> names;
        for (ElementTest t : all_element_tests()) names.push_back(to_string(t));
        diagnostics_.error(find_field(e.data, "test")->offset,
                           "the data of " + name(r) + ": unknown test of elements " + shown(*test) +
                               "; expected all, any or balance" + did_you_mean(*test, names));
      }
    }
    if (const DataField* c = find_field(e.data, "cite")) node.cite = citations(*c, r);
    std::vector<std::string> tags = e.tags;
    if (const DataField* t = find_field(e.data, "tags")) {
      if (t->value.is_scalar()) add_unique(tags, t->value.scalar);
      for (const auto& item : t->value.items) add_unique(tags, item);
    }
    if (!tags.empty()) node.tags = std::move(tags);
    return node;
  }

  // The first text written for the element, trimmed; for one only referred
  // to, the title, trimmed like any text (a title of blanks is refused).
  static std::string label(const Element& e) {
    for (const Occurrence& o : e.members) {
      std::string t(trim(o.text, is_blank));
      if (!t.empty()) return t;
    }
    std::string title(trim(e.title, is_blank));
    return title.empty() ? e.title : title;
  }

  NodeKind kind_of(MemberRef r, const Element& e) {
    if (const DataField* f = find_field(e.data, "kind")) {
      const auto kind = f->value.is_scalar() ? parse_node_kind(f->value.scalar) : std::nullopt;
      if (kind) return *kind;
      diagnostics_.error(f->offset, "the data of " + name(r) + ": unknown kind " +
                                        (f->value.is_scalar() ? shown(f->value.scalar) : std::string("(not text)")) +
                                        "; expected claim, counterclaim or evidence");
      return NodeKind::claim;
    }
    for (const auto& tag : e.tags) {
      if (tag == "evidence") return NodeKind::evidence;
      if (tag == "counterclaim") return NodeKind::counterclaim;
      if (tag == "claim") return NodeKind::claim;
    }
    return NodeKind::claim;
  }

  std::optional<double> weight(const DataField& f, MemberRef r) {
    if (f.value.is_scalar() && !f.value.quoted) {
      const std::string& s = f.value.scalar;
      char* end = nullptr;
      const double w = std::strtod(s.c_str(), &end);
      if (!s.empty() && end == s.c_str() + s.size() && w >= 0.0 && w <= 1.0) return w;
    }
    diagnostics_.error(f.offset, "the data of " + name(r) + ": \"weight\" must be a number from 0 to 1; got " +
                                     (f.value.is_scalar() ? shown(f.value.scalar) : std::string("a list or mapping")));
    return std::nullopt;
  }

  // The citations of the data's `cite`: one mapping, or a list of them
  // (docs/argdown.md). Their values are checked as a case file's are.
  std::vector<Citation> citations(const DataField& f, MemberRef r) {
    std::vector<Citation> out;
    const yaml::Value& v = f.value;
    if (v.kind == yaml::Value::Kind::mapping) {
      out.push_back(citation(v, f.offset, r));
    } else if (v.kind == yaml::Value::Kind::sequence) {
      for (const yaml::Value& item : v.elements) {
        if (item.kind == yaml::Value::Kind::mapping) {
          out.push_back(citation(item, f.offset, r));
        } else {
          diagnostics_.error(f.offset + item.offset, "the data of " + name(r) + ": each item of \"cite\" must be " +
                                                         std::string(citation_example));
        }
      }
    } else {
      diagnostics_.error(f.offset + v.offset, "the data of " + name(r) + ": \"cite\" must be " +
                                                  std::string(citation_example) + ", or a list of them");
    }
    return out;
  }
  static constexpr std::string_view citation_example = "a citation such as {exhibit: PX-12, pin: \"at 4\"}";

  // One citation: a mapping of the citation fields; `base` is where the
  // data block starts.
  Citation citation(const yaml::Value& m, std::size_t base, MemberRef r) {
    Citation c;
    bool bad = false;
    std::vector<std::string_view> seen;
    for (const yaml::Member& entry : m.members) {
      const std::size_t at = base + entry.value.offset;
      const CaseField* field = find_case_field(FieldPlace::citation, entry.key);
      if (field == nullptr) {
        std::vector<std::string_view> names;
        for (const CaseField& known : case_fields(FieldPlace::citation)) names.push_back(known.name);
        diagnostics_.warning(at, "the data of " + name(r) + ": unknown field " + shown(entry.key) +
                                     " of a citation; ignored" + did_you_mean(entry.key, names));
        continue;
      }
      if (std::find(seen.begin(), seen.end(), field->name) != seen.end()) {
        diagnostics_.error(at, "the data of " + name(r) + ": a citation gives " + shown(entry.key) + " twice");
        bad = true;
        continue;
      }
      seen.push_back(field->name);
      if (!entry.value.is_scalar()) {
        diagnostics_.error(at, "the data of " + name(r) + ": the " + std::string(field->what()) + " of a citation must be text");
        bad = true;
        continue;
      }
      check_length(entry.value.scalar, at, field->what());
      if (auto problem = citation_value_problem(*field, entry.value.scalar)) {
        diagnostics_.error(at, "the data of " + name(r) + ": " + *problem);
        bad = true;
        continue;
      }
      if (auto* member = citation_member(c, field->key)) *member = entry.value.scalar;
    }
    if (!bad && !names_what_it_cites(c)) {
      diagnostics_.error(base + m.offset, "the data of " + name(r) + ": " + std::string(unnamed_citation));
    }
    return c;
  }

  // --- edges

  [[nodiscard]] Graph::NodeRef node_of(MemberRef r) const {
    return r.kind == MemberKind::statement ? statement_node_[r.index] : argument_node_[r.index];
  }

  // Adds an edge once; returns false (and adds nothing) for a repeat.
  bool edge(Graph::NodeRef from, Graph::NodeRef to, Relation relation, std::size_t offset) {
    if (from == to) {
      diagnostics_.warning(offset, "a relation of " + shown(graph_.id(from)) + " to itself is ignored");
      return false;
    }
    if (!seen_.insert(key(from, to, to_string(relation))).second) return false;
    count_edge(offset);
    graph_.add_edge(from, to, relation);
    if (relation == Relation::supports) supports_from_[from].push_back(graph_.edge_count() - 1);
    return true;
  }
  // Tells edges apart by their ends and what joins them.
  static std::string key(std::size_t from, std::size_t to, std::string_view relation = {}) {
    std::string k = std::to_string(from);
    k += ' ';
    k += std::to_string(to);
    if (!relation.empty()) {
      k += ' ';
      k += relation;
    }
    return k;
  }
  void count_edge(std::size_t offset) {
    if (graph_.edge_count() >= limits_.max_edges) {
      diagnostics_.fatal(offset, Limit::edges, "more than " + std::to_string(limits_.max_edges) + " edges");
    }
  }

  // A premise-conclusion structure: its premises (and intermediate
  // conclusions) are elements of the argument, which supports its main
  // conclusion.
  void make_pcs_edges() {
    for (const MemberRef r : order_) {
      if (r.kind != MemberKind::argument || m_.arguments[r.index].pcs.empty()) continue;
      const Argument& a = m_.arguments[r.index];
      const Graph::NodeRef arg = argument_node_[r.index];
      for (std::size_t k = 0; k + 1 < a.pcs.size(); ++k) {
        edge(statement_node_[a.pcs[k].statement], arg, Relation::element_of, a.offset);
      }
      const Graph::NodeRef conclusion = statement_node_[a.pcs.back().statement];
      edge(arg, conclusion, Relation::supports, a.offset);
      for (std::size_t e : supports_from_[arg]) {
        if (graph_.target(graph_.edges()[e]) == conclusion) inference_edge_[r.index] = e;
      }
    }
  }

  [[nodiscard]] bool listed_as_element(Graph::NodeRef element, MemberRef of) const {
    const DataField* f = find_field(m_.element(of).data, "elements");
    if (!f) return false;
    const std::string id(graph_.id(element));
    const std::string& title = m_.element(order_[element]).title;
    const auto matches = [&](const std::string& s) { return s == title || s == id; };
    if (f->value.is_scalar()) return matches(f->value.scalar);
    return std::any_of(f->value.items.begin(), f->value.items.end(), matches);
  }

  void make_relation_edges() {
    for (const Link& r : m_.relations) {
      if (r.removed || r.type == RelationType::undercut) continue;
      if (r.from->kind == MemberKind::inference || r.to->kind == MemberKind::inference) continue;
      const Graph::NodeRef from = node_of(*r.from);
      const Graph::NodeRef to = node_of(*r.to);
      switch (r.type) {
        case RelationType::support:
        case RelationType::entails:
          edge(from, to, listed_as_element(from, *r.to) ? Relation::element_of : Relation::supports, r.offset);
          break;
        case RelationType::attack: edge(from, to, Relation::contradicts, r.offset); break;
        case RelationType::contradictory:
        case RelationType::contrary:
          edge(from, to, Relation::contradicts, r.offset);
          edge(to, from, Relation::contradicts, r.offset);
          break;
        case RelationType::undercut: break;
      }
    }
  }

  // Elements that the data lists but no relation names.
  void make_listed_elements() {
    std::unordered_map<std::string, Graph::NodeRef> by_title;
    for (const MemberRef r : order_) {
      const DataField* f = find_field(m_.element(r).data, "elements");
      if (!f) continue;
      std::vector<std::string> names = f->value.items;
      if (f->value.is_scalar()) names.push_back(f->value.scalar);
      for (const auto& title : names) {
        std::optional<Graph::NodeRef> element = graph_.find(title);
        if (!element) {
          if (by_title.empty()) {
            for (const MemberRef x : order_) by_title.emplace(m_.element(x).title, node_of(x));
          }
          auto it = by_title.find(title);
          if (it != by_title.end()) element = it->second;
        }
        if (!element) {
          diagnostics_.warning(f->offset, "the data of " + name(r) + " lists the element " + shown(title) +
                                              ", which is no statement or argument; ignored");
          continue;
        }
        edge(*element, node_of(r), Relation::element_of, f->offset);
      }
    }
  }

  void make_undercuts() {
    std::unordered_set<std::string> done;
    for (const Link& r : m_.relations) {
      if (r.removed || r.type != RelationType::undercut || r.from->kind == MemberKind::inference) continue;
      const Graph::NodeRef from = node_of(*r.from);
      std::optional<std::vector<std::size_t>> attacked = undercut_edges(r, from);
      if (!attacked) continue;
      if (attacked->empty()) {
        const Graph::NodeRef target = node_of(*r.to);
        diagnostics_.warning(r.offset, shown(graph_.id(from)) + " undercuts " + shown(graph_.id(target)) +
                                           ", which supports nothing: read as an attack on it");
        edge(from, target, Relation::contradicts, r.offset);
        continue;
      }
      for (std::size_t e : *attacked) {
        const Graph::NodeRef supported = graph_.target(graph_.edges()[e]);
        if (supported == from) {
          diagnostics_.warning(r.offset, "the undercut by " + shown(graph_.id(from)) +
                                             " of the support for itself is ignored");
          continue;
        }
        if (!done.insert(key(from, e)).second) continue;
        count_edge(r.offset);
        graph_.add_undercut(from, e);
      }
    }
  }

  // The supports edges an undercut attacks: the one of the argument whose
  // inference it names, or every one out of the node it names. Nothing
  // (and a warning) for an inference of no argument.
  std::optional<std::vector<std::size_t>> undercut_edges(const Link& r, Graph::NodeRef from) {
    if (r.to->kind == MemberKind::inference) {
      const auto& argument = m_.inferences[r.to->index].argument;
      auto it = argument ? inference_edge_.find(*argument) : inference_edge_.end();
      if (it == inference_edge_.end()) {
        diagnostics_.warning(r.offset, "the undercut by " + shown(graph_.id(from)) +
                                           " attacks an inference of no argument; ignored");
        return std::nullopt;
      }
      return std::vector<std::size_t>{it->second};
    }
    auto it = supports_from_.find(node_of(*r.to));
    if (it == supports_from_.end()) return std::vector<std::size_t>{};
    return it->second;
  }

  const Model& m_;
  detail::TextDiagnostics& diagnostics_;
  const Limits& limits_;
  Graph graph_;
  std::vector<Graph::NodeRef> statement_node_;
  std::vector<Graph::NodeRef> argument_node_;
  std::unordered_set<std::string> seen_;
  std::unordered_map<Graph::NodeRef, std::vector<std::size_t>> supports_from_;
  std::unordered_map<std::size_t, std::size_t> inference_edge_;  // argument → its supports edge
  std::vector<MemberRef> order_;
};

}  // namespace

Graph make_graph(const Model& model, detail::TextDiagnostics& diagnostics, const Limits& limits) {
  return GraphMaker(model, diagnostics, limits).run();
}

}  // namespace claimgraph::io::argdown
