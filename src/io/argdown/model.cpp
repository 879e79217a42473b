#include "io/argdown/model.hpp"

#include <algorithm>

#include "io/argdown/text.hpp"

namespace claimgraph::io::argdown {

namespace {

// Later values of a key replace earlier ones; new keys go at the end.
void merge_into(Data& into, const Data& from) {
  for (const auto& entry : from) {
    auto it = std::find_if(into.begin(), into.end(), [&](const auto& kv) { return kv.first == entry.first; });
    if (it == into.end()) {
      into.push_back(entry);
    } else {
      it->second = entry.second;
    }
  }
}

// Relations are told apart by their ends and type: Argdown keeps one
// relation for each.
std::string key(MemberRef from, MemberRef to, RelationType type) {
  std::string k;
  for (const MemberRef m : {from, to}) {
    k += static_cast<char>('0' + static_cast<int>(m.kind));
    k += std::to_string(m.index);
    k += ' ';
  }
  k += static_cast<char>('0' + static_cast<int>(type));
  return k;
}

// A new element of that title at the end of `elements`: its index.
template <class T>
std::size_t add_element(std::vector<T>& elements, const std::string& title, std::size_t offset) {
  T element;
  element.title = title;
  element.offset = offset;
  elements.push_back(std::move(element));
  return elements.size() - 1;
}

}  // namespace

const DataField* find_field(const Data& data, std::string_view key) {
  for (const auto& kv : data) {
    if (kv.first == key) return &kv.second;
  }
  return nullptr;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

const Element& Model::element(MemberRef m) const {
  if (m.kind == MemberKind::argument) return arguments[m.index];
  return statements[m.index];
}
Element& Model::mutable_element(MemberRef m) {
  if (m.kind == MemberKind::argument) return arguments[m.index];
  return statements[m.index];
}

// --- text of the open statement, argument or heading

std::string* Model::text_target() {
  if (heading_) return &heading_text_;
  return open_.empty() ? nullptr : &open_.back().text;
}
bool* Model::pending_newline() {
  if (heading_) return &heading_pending_newline_;
  return open_.empty() ? nullptr : &open_.back().pending_newline;
}

void Model::append_text(std::string_view s) {
  std::string* target = text_target();
  if (!target) return;
  flush_newline();
  *target += s;
}
void Model::newline() {
  if (bool* pending = pending_newline()) *pending = true;
}
void Model::drop_newline() {
  if (bool* pending = pending_newline()) *pending = false;
}
void Model::flush_newline() {
  bool* pending = pending_newline();
  std::string* target = text_target();
  if (!pending || !*pending || !target) return;
  *pending = false;
  if (target->empty() || target->back() != ' ') *target += ' ';
}
void Model::tag(const std::string& tag) {
  flush_newline();
  if (heading_) return;
  if (!open_.empty()) add_unique(open_.back().tags, tag);
}
void Model::data(Data data, bool is_heading) {
  if (is_heading) {
    heading_data_ = std::move(data);
  } else if (!open_.empty()) {
    merge_into(open_.back().data, data);
  }
}

// --- headings

void Model::begin_heading() {
  heading_ = true;
  heading_text_.clear();
  heading_data_.clear();
  heading_pending_newline_ = false;
}
void Model::end_heading(std::size_t level) {
  heading_ = false;
  Section s;
  s.title = std::string(trim(heading_text_, is_space));
  s.level = level;
  if (const DataField* g = find_field(heading_data_, "isGroup")) {
    s.not_a_group = g->value.is_false();
  }
  std::optional<std::size_t> previous = current_section_;
  while (previous && sections[*previous].level >= level) previous = sections[*previous].parent;
  s.parent = previous;
  sections.push_back(std::move(s));
  current_section_ = sections.size() - 1;
}

// --- statements and arguments

void Model::begin_element(bool argument, std::size_t offset) {
  OpenElement& e = open_.emplace_back();
  e.argument = argument;
  e.offset = offset;
}
void Model::set_title(std::string title, bool reference) {
  if (open_.empty()) return;
  open_.back().title = std::move(title);
  open_.back().is_reference = reference;
}
MemberRef Model::end_element() {
  OpenElement e = std::move(open_.back());
  open_.pop_back();
  if (!e.title || e.title->empty()) e.title = untitled();
  const MemberRef m = member(e.argument, *e.title, e.offset);
  join(mutable_element(m), std::move(e));
  return m;
}
// One more occurrence of `element`: its tags, data, section and definition.
void Model::join(Element& element, OpenElement&& open) {
  const auto is_in_group = find_field(open.data, "isInGroup");
  const bool in_group_true = is_in_group && is_in_group->value.is_true();
  const bool in_group_unset = is_in_group == nullptr;
  for (const auto& t : open.tags) add_unique(element.tags, t);
  merge_into(element.data, open.data);
  if (in_group_true || (!open.is_reference && in_group_unset && !element.section)) element.section = current_section_;
  if (!open.is_reference && !element.defined_at) element.defined_at = open.offset;
  element.members.push_back({std::move(open.text), open.is_reference, current_section_});
}
void Model::begin_relations() {
  OpenElement& e = open_.back();
  if (!e.title || e.title->empty()) e.title = untitled();
  parents_.push_back(member(e.argument, *e.title, e.offset));
}
void Model::begin_relation(RelationType type, bool incoming, std::size_t offset) {
  Link r;
  r.type = type;
  r.offset = offset;
  if (!parents_.empty()) {
    MemberRef parent = parents_.back();
    if (incoming) {
      r.from = parent;
    } else {
      // Argdown aims an outgoing undercut below a statement at the last
      // inference read so far, wherever it was (normally the one just
      // above the conclusion the relation is written under).
      if (type == RelationType::undercut && parent.kind == MemberKind::statement && current_inference_) {
        parent = {MemberKind::inference, *current_inference_};
      }
      r.to = parent;
    }
  }
  pending_.push_back(std::move(r));
}
void Model::end_relation(MemberRef child) {
  if (pending_.empty()) return;
  Link r = std::move(pending_.back());
  pending_.pop_back();
  if (r.from) {
    r.to = child;
  } else {
    r.from = child;
  }
  if (!r.from || !r.to) return;
  // the same relation, written again (a contradiction in either direction)
  if (alive_.contains(key(*r.from, *r.to, r.type))) return;
  if (r.type == RelationType::contradictory && alive_.contains(key(*r.to, *r.from, r.type))) return;
  add_relation(std::move(r));
}

// --- premise-conclusion structures

bool Model::begin_pcs(std::optional<std::size_t> argument, std::size_t offset) {
  if (!argument) argument = member(true, untitled(), offset).index;
  Argument& arg = arguments[*argument];
  if (current_section_) arg.section = current_section_;
  if (!arg.pcs.empty()) {
    diagnostics_.error(offset, "a second premise-conclusion structure for the argument <" + arg.title +
                                   ">: an argument has one; give this one another title");
    return false;
  }
  pcs_ = *argument;
  return true;
}
std::size_t Model::begin_inference(std::size_t offset) {
  Inference i;
  i.offset = offset;
  inferences.push_back(std::move(i));
  current_inference_ = inferences.size() - 1;
  return inferences.size() - 1;
}
void Model::pcs_statement(MemberRef statement, std::optional<std::size_t> inference) {
  if (!pcs_ || statement.kind != MemberKind::statement) return;
  PcsStatement p{statement.index, inference.has_value(), inference};
  if (inference) inferences[*inference].argument = pcs_;
  arguments[*pcs_].pcs.push_back(p);
}

void Model::abandon_block() {
  open_.clear();
  parents_.clear();
  pending_.clear();
  pcs_.reset();
  heading_ = false;
}

void Model::finish() {
  for (auto& ec : statements) {
    if (!ec.section && !ec.members.empty()) ec.section = ec.members.front().section;
  }
  for (auto& a : arguments) {
    if (!a.section && !a.members.empty()) a.section = a.members.front().section;
  }
  if (transform_argument_relations) transform_arguments();
  if (strict) transform_statements();
  remove_redundant_attacks();
}

// --- the elements and relations

std::string Model::untitled() {
  std::string title = "Untitled ";
  title += std::to_string(++untitled_);
  return title;
}
void Model::count_node(std::size_t offset) {
  if (statements.size() + arguments.size() >= limits_.max_nodes) {
    diagnostics_.fatal(offset, Limit::nodes,
                       "more than " + std::to_string(limits_.max_nodes) + " statements and arguments");
  }
}
// The statement or argument of that title, made when there is none yet.
MemberRef Model::member(bool argument, const std::string& title, std::size_t offset) {
  const MemberKind kind = argument ? MemberKind::argument : MemberKind::statement;
  auto& by_title = argument ? argument_by_title_ : statement_by_title_;
  if (auto it = by_title.find(title); it != by_title.end()) return {kind, it->second};
  count_node(offset);
  const std::size_t index = argument ? add_element(arguments, title, offset) : add_element(statements, title, offset);
  by_title.emplace(title, index);
  order.push_back({kind, index});
  return {kind, index};
}
void Model::add_relation(Link r) {
  if (relations.size() >= limits_.max_edges) {
    diagnostics_.fatal(r.offset, Limit::edges, "more than " + std::to_string(limits_.max_edges) + " relations");
  }
  alive_.insert(key(*r.from, *r.to, r.type));
  relations.push_back(std::move(r));
}
// Gives relation `i` new ends or type; it disappears when an equal one exists.
void Model::retarget(std::size_t i, MemberRef from, MemberRef to, RelationType type) {
  Link& r = relations[i];
  alive_.erase(key(*r.from, *r.to, r.type));
  r.from = from;
  r.to = to;
  r.type = type;
  if (!alive_.insert(key(from, to, type)).second) r.removed = true;
}
void Model::remove(std::size_t i) {
  Link& r = relations[i];
  alive_.erase(key(*r.from, *r.to, r.type));
  r.removed = true;
}
bool Model::reconstructed(MemberRef m) const {
  return m.kind == MemberKind::argument && !arguments[m.index].pcs.empty();
}

// --- Argdown's clean-up

// The relations of an argument that has a premise-conclusion structure
// are its main conclusion's (outgoing) and its last inference's
// (incoming undercuts).
void Model::transform_arguments() {
  for (std::size_t i = 0; i < relations.size(); ++i) {
    const Link r = relations[i];
    if (r.removed) continue;
    if (reconstructed(*r.from)) {
      const MemberRef conclusion{MemberKind::statement, arguments[r.from->index].pcs.back().statement};
      retarget(i, conclusion, *r.to, r.type);
      if (relations[i].removed) continue;
    }
    const Link& now = relations[i];
    if (reconstructed(*now.to) && now.type == RelationType::undercut) {
      const auto& inference = arguments[now.to->index].pcs.back().inference;
      if (inference) retarget(i, *now.from, {MemberKind::inference, *inference}, now.type);
    }
  }
}

// Argdown's strict mode: between statements, support is entailment and
// attack is contrariety (symmetric: written once).
void Model::transform_statements() {
  for (std::size_t i = 0; i < relations.size(); ++i) {
    const Link r = relations[i];
    if (r.removed || r.from->kind != MemberKind::statement || r.to->kind != MemberKind::statement) continue;
    if (r.type == RelationType::support) {
      retarget(i, *r.from, *r.to, RelationType::entails);
    } else if (r.type == RelationType::attack) {
      if (alive_.contains(key(*r.to, *r.from, RelationType::contrary))) {
        remove(i);
      } else {
        retarget(i, *r.from, *r.to, RelationType::contrary);
      }
    }
  }
}

// An attack of a statement on a reconstructed argument is dropped when
// the statement already attacks (or contradicts) one of its premises.
void Model::remove_redundant_attacks() {
  std::unordered_map<std::size_t, std::unordered_set<std::size_t>> opposed;
  for (const Link& r : relations) {
    if (r.removed || r.from->kind != MemberKind::statement || r.to->kind != MemberKind::statement) continue;
    if (r.type == RelationType::attack) opposed[r.from->index].insert(r.to->index);
    if (r.type == RelationType::contradictory || r.type == RelationType::contrary) {
      opposed[r.from->index].insert(r.to->index);
      opposed[r.to->index].insert(r.from->index);
    }
  }
  for (std::size_t i = 0; i < relations.size(); ++i) {
    const Link& r = relations[i];
    if (r.removed || r.from->kind != MemberKind::statement || r.type != RelationType::attack ||
        !reconstructed(*r.to)) {
      continue;
    }
    auto it = opposed.find(r.from->index);
    if (it == opposed.end()) continue;
    for (const PcsStatement& p : arguments[r.to->index].pcs) {
      if (!p.conclusion && it->second.contains(p.statement)) {
        remove(i);
        break;
      }
    }
  }
}

}  // namespace claimgraph::io::argdown
