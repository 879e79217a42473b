#include "claimgraph/io/argdown_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "detail/argdown_syntax.hpp"
#include "detail/diagnostics.hpp"
#include "detail/text.hpp"
#include "detail/yaml_subset.hpp"

// The reader has four stages, each a single pass:
//   lexer   the text → tokens, by the rules of Argdown's lexer (the same
//           token kinds, tried in the same order, with the same conditions
//           on the token before);
//   parser  tokens → events, by Argdown's grammar, with explicit stacks
//           where the grammar nests (relations, bold and italic text);
//   model   events → statements (equivalence classes), arguments,
//           relations and sections, as Argdown's model builder makes them;
//   graph   the model → a claimgraph Graph, by the mapping in
//           docs/argdown.md.
// Where Argdown's behaviour is surprising, the code follows it and says so:
// the tests compare this reader with Argdown's own on real files.

using claimgraph::detail::shown;
namespace ad = claimgraph::detail::argdown;
namespace yaml = claimgraph::detail::yaml;

namespace claimgraph::io {

namespace {

std::string number(std::size_t n) { return std::to_string(n); }

using detail::Fatal;
using detail::TooManyErrors;

// Collects diagnostics and reports them in input order.
class Diagnostics : public detail::TextDiagnostics {
 public:
  Diagnostics(std::string_view text, const ReadOptions& options)
      : TextDiagnostics(text, options.file_name, options.max_errors, options.max_warnings) {}
};

using ad::Tok;
using ad::Token;

// --- model --------------------------------------------------------------------

// What a relation joins: a statement (equivalence class), an argument or an
// inference (the step of a premise-conclusion structure before a conclusion).
enum class MemberKind : std::uint8_t { statement, argument, inference };
struct MemberRef {
  MemberKind kind = MemberKind::statement;
  std::size_t index = 0;
};

enum class RelationType : std::uint8_t { support, attack, undercut, contradictory, entails, contrary };

// A data value kept where it was written, for diagnostics.
struct DataField {
  yaml::Value value;
  std::size_t offset = 0;
};
using Data = std::vector<std::pair<std::string, DataField>>;

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
const DataField* find_field(const Data& data, std::string_view key) {
  for (const auto& kv : data) {
    if (kv.first == key) return &kv.second;
  }
  return nullptr;
}

// A statement or argument description as written once in the text.
struct Occurrence {
  std::string text;
  bool is_reference = false;
  std::optional<std::size_t> section;
};

struct EquivalenceClass {
  std::string title;
  std::size_t offset = 0;  // where it first appears
  std::optional<std::size_t> defined_at;  // where it is first defined (not only referred to)
  std::vector<Occurrence> members;
  std::vector<std::string> tags;
  Data data;
  std::optional<std::size_t> section;
};

struct PcsStatement {
  std::size_t statement;  // equivalence class
  bool conclusion = false;
  std::optional<std::size_t> inference;
};

struct Argument {
  std::string title;
  std::size_t offset = 0;
  std::optional<std::size_t> defined_at;
  std::vector<Occurrence> members;
  std::vector<std::string> tags;
  Data data;
  std::optional<std::size_t> section;
  std::vector<PcsStatement> pcs;
};

struct Inference {
  std::optional<std::size_t> argument;
  std::size_t offset = 0;
};

struct Link {
  RelationType type = RelationType::support;
  std::optional<MemberRef> from;
  std::optional<MemberRef> to;
  std::size_t offset = 0;
  bool removed = false;
};

struct Section {
  std::string title;
  std::size_t level = 0;
  std::optional<std::size_t> parent;
  bool not_a_group = false;  // {isGroup: false}
};

// A statement or argument whose tokens are being read.
struct OpenElement {
  bool argument = false;
  std::optional<std::string> title;
  bool is_reference = false;
  std::string text;
  std::vector<std::string> tags;
  Data data;
  std::size_t offset = 0;
  bool pending_newline = false;
};

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// Builds Argdown's model from the parser's events, the way Argdown's model
// plugin does (see docs/argdown.md for what it means).
class Model {
 public:
  Model(std::string_view text, Diagnostics& diagnostics, const ReadOptions& options)
      : text_(text), diagnostics_(diagnostics), options_(options) {}

  std::vector<EquivalenceClass> statements;
  std::vector<Argument> arguments;
  std::vector<Inference> inferences;
  std::vector<Link> relations;
  std::vector<Section> sections;
  // Statements and arguments in the order they were created.
  std::vector<MemberRef> order;
  bool strict = false;
  bool transform_argument_relations = true;
  std::optional<std::string> document_title;
  std::optional<std::string> document_description;

  // --- text of the open statement, argument or heading
  void append_text(std::string_view s) {
    std::string* target = text_target();
    if (!target) return;
    flush_newline();
    *target += s;
  }
  // A line break inside text: a space, unless it ends the text (see flush_newline).
  void newline() {
    if (heading_) {
      heading_pending_newline_ = true;
    } else if (!open_.empty()) {
      open_.back().pending_newline = true;
    }
  }
  // Drops a line break that ends a run of text (bold, italic, or the whole).
  void drop_newline() {
    if (heading_) {
      heading_pending_newline_ = false;
    } else if (!open_.empty()) {
      open_.back().pending_newline = false;
    }
  }
  void flush_newline() {
    bool* pending = heading_ ? &heading_pending_newline_ : (open_.empty() ? nullptr : &open_.back().pending_newline);
    std::string* target = text_target();
    if (!pending || !*pending || !target) return;
    *pending = false;
    if (target->empty() || target->back() != ' ') *target += ' ';
  }
  void tag(const std::string& tag) {
    flush_newline();
    if (heading_) return;
    if (!open_.empty()) add_unique(open_.back().tags, tag);
  }
  void data(Data data, bool is_heading) {
    if (is_heading) {
      heading_data_ = std::move(data);
    } else if (!open_.empty()) {
      merge_into(open_.back().data, data);
    }
  }

  // --- headings
  void begin_heading() {
    heading_ = true;
    heading_text_.clear();
    heading_data_.clear();
    heading_pending_newline_ = false;
  }
  void end_heading(std::size_t level) {
    heading_ = false;
    Section s;
    s.title = trim(heading_text_);
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
  void begin_element(bool argument, std::size_t offset) {
    OpenElement e;
    e.argument = argument;
    e.offset = offset;
    open_.push_back(std::move(e));
  }
  void set_title(std::string title, bool reference) {
    if (open_.empty()) return;
    open_.back().title = std::move(title);
    open_.back().is_reference = reference;
  }
  // The end of the element begun last: it joins its equivalence class or argument.
  MemberRef end_element() {
    OpenElement e = std::move(open_.back());
    open_.pop_back();
    if (!e.title || e.title->empty()) e.title = untitled();
    Occurrence occurrence{std::move(e.text), e.is_reference, current_section_};
    const auto is_in_group = find_field(e.data, "isInGroup");
    const bool in_group_true = is_in_group && is_in_group->value.is_true();
    const bool in_group_unset = is_in_group == nullptr;
    if (e.argument) {
      const std::size_t a = argument_index(*e.title, e.offset);
      Argument& arg = arguments[a];
      for (const auto& t : e.tags) add_unique(arg.tags, t);
      merge_into(arg.data, e.data);
      if (in_group_true || (!e.is_reference && in_group_unset && !arg.section)) arg.section = current_section_;
      if (!e.is_reference && !arg.defined_at) arg.defined_at = e.offset;
      arg.members.push_back(std::move(occurrence));
      return {MemberKind::argument, a};
    }
    const std::size_t s = statement_index(*e.title, e.offset);
    EquivalenceClass& ec = statements[s];
    for (const auto& t : e.tags) add_unique(ec.tags, t);
    merge_into(ec.data, e.data);
    if (in_group_true || (!e.is_reference && in_group_unset && !ec.section)) ec.section = current_section_;
    if (!e.is_reference && !ec.defined_at) ec.defined_at = e.offset;
    ec.members.push_back(std::move(occurrence));
    return {MemberKind::statement, s};
  }
  // The element begun last gets relations: it becomes their parent.
  void begin_relations() {
    OpenElement& e = open_.back();
    if (!e.title || e.title->empty()) e.title = untitled();
    if (e.argument) {
      parents_.push_back({MemberKind::argument, argument_index(*e.title, e.offset)});
    } else {
      parents_.push_back({MemberKind::statement, statement_index(*e.title, e.offset)});
    }
  }
  void begin_inference_relations(std::size_t inference) { parents_.push_back({MemberKind::inference, inference}); }
  void end_relations() {
    if (!parents_.empty()) parents_.pop_back();
  }
  // A relation token below the current parent. `incoming` relations point
  // from the parent to the new child, outgoing ones from the child to it.
  void begin_relation(RelationType type, bool incoming, std::size_t offset) {
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
  // The child of the relation begun last is complete.
  void end_relation(MemberRef child) {
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
  // Starts a pcs for `argument` (the argument block just before it), or for
  // a new untitled argument.
  bool begin_pcs(std::optional<std::size_t> argument, std::size_t offset) {
    if (!argument) argument = argument_index(untitled(), offset);
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
  std::size_t begin_inference(std::size_t offset) {
    Inference i;
    i.offset = offset;
    inferences.push_back(std::move(i));
    current_inference_ = inferences.size() - 1;
    return inferences.size() - 1;
  }
  void pcs_statement(MemberRef statement, std::optional<std::size_t> inference) {
    if (!pcs_ || statement.kind != MemberKind::statement) return;
    PcsStatement p{statement.index, inference.has_value(), inference};
    if (inference) inferences[*inference].argument = pcs_;
    arguments[*pcs_].pcs.push_back(p);
  }
  void end_pcs() { pcs_.reset(); }

  // Forgets what a block that failed to parse left open.
  void abandon_block() {
    open_.clear();
    parents_.clear();
    pending_.clear();
    pcs_.reset();
    heading_ = false;
  }

  // Argdown's clean-up once everything is read.
  void finish() {
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

  // The title of the member a relation end names ("Untitled 3", ...).
  [[nodiscard]] const std::string& title_of(MemberRef m) const {
    switch (m.kind) {
      case MemberKind::statement: return statements[m.index].title;
      case MemberKind::argument: return arguments[m.index].title;
      case MemberKind::inference: break;
    }
    static const std::string none;
    return none;
  }

 private:
  static std::string trim(std::string_view s) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return std::string(s);
  }
  std::string* text_target() {
    if (heading_) return &heading_text_;
    return open_.empty() ? nullptr : &open_.back().text;
  }
  std::string untitled() {
    std::string title = "Untitled ";
    title += number(++untitled_);
    return title;
  }
  void count_node(std::size_t offset) {
    if (statements.size() + arguments.size() >= options_.limits.max_nodes) {
      diagnostics_.fatal(offset, Limit::nodes,
                         "more than " + number(options_.limits.max_nodes) + " statements and arguments");
    }
  }
  std::size_t statement_index(const std::string& title, std::size_t offset) {
    auto it = statement_by_title_.find(title);
    if (it != statement_by_title_.end()) return it->second;
    count_node(offset);
    EquivalenceClass ec;
    ec.title = title;
    ec.offset = offset;
    statements.push_back(std::move(ec));
    statement_by_title_.emplace(title, statements.size() - 1);
    order.push_back({MemberKind::statement, statements.size() - 1});
    return statements.size() - 1;
  }
  std::size_t argument_index(const std::string& title, std::size_t offset) {
    auto it = argument_by_title_.find(title);
    if (it != argument_by_title_.end()) return it->second;
    count_node(offset);
    Argument a;
    a.title = title;
    a.offset = offset;
    arguments.push_back(std::move(a));
    argument_by_title_.emplace(title, arguments.size() - 1);
    order.push_back({MemberKind::argument, arguments.size() - 1});
    return arguments.size() - 1;
  }
  // Relations are told apart by their ends and type: Argdown keeps one
  // relation for each.
  static std::string key(MemberRef from, MemberRef to, RelationType type) {
    std::string k;
    for (const MemberRef m : {from, to}) {
      k += static_cast<char>('0' + static_cast<int>(m.kind));
      k += number(m.index);
      k += ' ';
    }
    k += static_cast<char>('0' + static_cast<int>(type));
    return k;
  }
  void add_relation(Link r) {
    if (relations.size() >= options_.limits.max_edges) {
      diagnostics_.fatal(r.offset, Limit::edges, "more than " + number(options_.limits.max_edges) + " relations");
    }
    alive_.insert(key(*r.from, *r.to, r.type));
    relations.push_back(std::move(r));
  }
  // Gives relation `i` new ends or type; it disappears when an equal one exists.
  void retarget(std::size_t i, MemberRef from, MemberRef to, RelationType type) {
    Link& r = relations[i];
    alive_.erase(key(*r.from, *r.to, r.type));
    r.from = from;
    r.to = to;
    r.type = type;
    if (!alive_.insert(key(from, to, type)).second) r.removed = true;
  }
  void remove(std::size_t i) {
    Link& r = relations[i];
    alive_.erase(key(*r.from, *r.to, r.type));
    r.removed = true;
  }
  [[nodiscard]] bool reconstructed(MemberRef m) const {
    return m.kind == MemberKind::argument && !arguments[m.index].pcs.empty();
  }

  // The relations of an argument that has a premise-conclusion structure
  // are its main conclusion's (outgoing) and its last inference's
  // (incoming undercuts).
  void transform_arguments() {
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
  void transform_statements() {
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
  void remove_redundant_attacks() {
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

  std::string_view text_;
  Diagnostics& diagnostics_;
  const ReadOptions& options_;
  std::unordered_map<std::string, std::size_t> statement_by_title_;
  std::unordered_map<std::string, std::size_t> argument_by_title_;
  std::unordered_set<std::string> alive_;  // keys of the relations not removed
  std::size_t untitled_ = 0;
  std::optional<std::size_t> current_section_;
  std::optional<std::size_t> current_inference_;
  std::optional<std::size_t> pcs_;
  std::vector<OpenElement> open_;
  std::vector<MemberRef> parents_;
  std::vector<Link> pending_;
  bool heading_ = false;
  std::string heading_text_;
  Data heading_data_;
  bool heading_pending_newline_ = false;
};

// --- parser --------------------------------------------------------------------

bool is_relation(Tok t) {
  switch (t) {
    case Tok::IncomingSupport:
    case Tok::IncomingAttack:
    case Tok::OutgoingSupport:
    case Tok::OutgoingAttack:
    case Tok::Contradiction:
    case Tok::IncomingUndercut:
    case Tok::OutgoingUndercut: return true;
    default: return false;
  }
}
bool is_freestyle(Tok t) {
  return t == Tok::Freestyle || t == Tok::UnusedControlChar || t == Tok::EscapedChar || t == Tok::SpecialChar;
}
bool starts_range(Tok t) {
  return t == Tok::AsteriskBoldStart || t == Tok::UnderscoreBoldStart || t == Tok::AsteriskItalicStart ||
         t == Tok::UnderscoreItalicStart;
}
bool is_content(Tok t) {
  return is_freestyle(t) || t == Tok::Link || t == Tok::Tag || t == Tok::ArgumentMention ||
         t == Tok::StatementMention || t == Tok::Newline || starts_range(t);
}
Tok end_of_range(Tok start) {
  switch (start) {
    case Tok::AsteriskBoldStart: return Tok::AsteriskBoldEnd;
    case Tok::UnderscoreBoldStart: return Tok::UnderscoreBoldEnd;
    case Tok::AsteriskItalicStart: return Tok::AsteriskItalicEnd;
    default: return Tok::UnderscoreItalicEnd;
  }
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, Model& model, Diagnostics& diagnostics,
         const ReadOptions& options)
      : text_(text), tokens_(std::move(tokens)), model_(model), diagnostics_(diagnostics), options_(options) {}

  void run() {
    if (peek() == Tok::Newline) ++i_;
    if (peek() == Tok::Emptyline) ++i_;
    if (peek() == Tok::FrontMatter) {
      front_matter(tokens_[i_++]);
      if (peek() == Tok::Newline) ++i_;
      if (peek() != Tok::Emptyline) {
        diagnostics_.parse_error(at(), "the front matter (between \"===\" lines) must be followed by an empty line; got " +
                                            describe(tokens_[i_]));
        return;
      }
      ++i_;
    }
    if (peek() == Tok::Eof) {
      diagnostics_.parse_error(at(), "empty Argdown document: expected a statement, an argument or a heading");
      return;
    }
    std::optional<std::size_t> previous_argument;
    for (;;) {
      const std::size_t before = i_;
      std::optional<std::size_t> this_argument;
      bool ok = block(previous_argument, this_argument);
      if (ok && peek() != Tok::Emptyline && peek() != Tok::Eof) {
        ok = false;
        unexpected_after_block();
      }
      if (!ok) {
        model_.abandon_block();
        while (peek() != Tok::Emptyline && peek() != Tok::Eof) ++i_;
        if (i_ == before && peek() != Tok::Eof) ++i_;
        this_argument.reset();
      }
      previous_argument = this_argument;
      if (peek() == Tok::Eof) break;
      ++i_;  // the empty line between blocks
      if (peek() == Tok::Eof) break;
    }
  }

 private:
  [[nodiscard]] Tok peek(std::size_t ahead = 0) const {
    const std::size_t k = std::min(i_ + ahead, tokens_.size() - 1);
    return tokens_[k].type;
  }
  [[nodiscard]] std::size_t at() const { return tokens_[std::min(i_, tokens_.size() - 1)].begin; }
  [[nodiscard]] std::string_view image(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }

  std::string describe(const Token& t) const {
    switch (t.type) {
      case Tok::Eof: return "the end of the file";
      case Tok::Emptyline: return "an empty line";
      case Tok::Newline: return "the end of the line";
      case Tok::Indent: return "an indented line";
      case Tok::Dedent: return "a line indented less";
      case Tok::HeadingStart: return "a heading";
      case Tok::StatementNumber: return "a numbered statement " + shown(trimmed(image(t)));
      case Tok::InferenceStart: return "an inference line (\"--\")";
      case Tok::InferenceEnd: return "the end of an inference (\"--\")";
      case Tok::FrontMatter: return "front matter (\"===\")";
      case Tok::Data: return "a data block (\"{ }\")";
      case Tok::OrderedListItem:
      case Tok::UnorderedListItem: return "a list item " + shown(trimmed(image(t)));
      default: break;
    }
    if (is_relation(t.type)) return "the relation " + shown(trimmed(image(t)));
    return shown(trimmed(image(t)));
  }
  static std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  }

  void unexpected_after_block() {
    const Token& t = tokens_[i_];
    if (is_relation(t.type)) {
      diagnostics_.parse_error(t.begin, "the relation " + shown(trimmed(image(t))) +
                                             " must be indented further than the statement or argument it belongs to");
    } else if (t.type == Tok::HeadingStart) {
      diagnostics_.parse_error(t.begin, "a heading must follow an empty line");
    } else if (t.type == Tok::StatementNumber) {
      diagnostics_.parse_error(t.begin, "a numbered statement " + shown(trimmed(image(t))) +
                                             " belongs to a premise-conclusion structure, which must follow an empty line");
    } else if (t.type == Tok::Indent || t.type == Tok::Dedent) {
      diagnostics_.parse_error(t.begin, "this line's indentation matches no relation or list above it");
    } else {
      diagnostics_.parse_error(t.begin, "expected an empty line before " + describe(t));
    }
  }

  // One block between empty lines. Sets `this_argument` when the block is
  // an argument, which a premise-conclusion structure after it belongs to.
  bool block(std::optional<std::size_t> previous_argument, std::optional<std::size_t>& this_argument) {
    const Token& t = tokens_[i_];
    switch (t.type) {
      case Tok::HeadingStart: return heading();
      case Tok::StatementNumber: return pcs(previous_argument);
      case Tok::Indent: return list();
      case Tok::ArgumentDefinition:
      case Tok::ArgumentReference: {
        std::optional<MemberRef> m = element(Context::top);
        if (m && m->kind == MemberKind::argument) this_argument = m->index;
        return m.has_value();
      }
      default: break;
    }
    if (t.type == Tok::StatementReference || t.type == Tok::StatementDefinition || is_content(t.type)) {
      return element(Context::top).has_value();
    }
    if (is_relation(t.type)) {
      diagnostics_.parse_error(t.begin, "a paragraph cannot start with the relation " + shown(trimmed(image(t))) +
                                             ": a relation is indented below its statement or argument, with no "
                                             "empty line in between");
      return false;
    }
    if (t.type == Tok::InferenceStart) {
      diagnostics_.parse_error(t.begin, "an inference line (\"--\") must come between numbered statements of a "
                                         "premise-conclusion structure");
      return false;
    }
    if (t.type == Tok::FrontMatter) {
      diagnostics_.parse_error(t.begin, "front matter (\"===\") may only open the document");
      return false;
    }
    diagnostics_.parse_error(t.begin, "expected a statement, an argument or a heading; got " + describe(t));
    return false;
  }

  bool heading() {
    const Token start = tokens_[i_++];
    model_.begin_heading();
    if (!content("a heading's text after " + shown(trimmed(image(start))))) return false;
    data_after_content(true);
    model_.end_heading(start.end - start.begin - 1);
    return true;
  }

  // Reads statement text: freestyle text, links, tags, mentions, line
  // breaks, and bold or italic ranges (nested with an explicit stack).
  // Reports `expected` when there is none.
  bool content(const std::string& expected) {
    std::vector<std::size_t> open;  // token indices of bold and italic starts
    bool any = false;
    for (;;) {
      const Token& t = tokens_[i_];
      if (is_freestyle(t.type)) {
        model_.append_text(freestyle_text(t));
      } else if (t.type == Tok::Link) {
        if (spans_lines(image(t))) {
          diagnostics_.parse_error(t.begin, "a link's text and address must each be on one line");
          return false;
        }
        link(t);
      } else if (t.type == Tok::Tag) {
        const std::string tag = tag_name(image(t));
        model_.tag(tag);
      } else if (t.type == Tok::ArgumentMention || t.type == Tok::StatementMention) {
        model_.append_text(image(t));
      } else if (t.type == Tok::Newline) {
        model_.flush_newline();
        model_.newline();
      } else if (starts_range(t.type)) {
        model_.flush_newline();
        open.push_back(i_);
      } else if (!open.empty() && t.type == end_of_range(tokens_[open.back()].type)) {
        model_.drop_newline();
        open.pop_back();
        if (image(t).back() == ' ') model_.append_text(" ");
      } else {
        break;
      }
      any = true;
      ++i_;
    }
    model_.drop_newline();
    if (!open.empty()) {
      const Token& s = tokens_[open.back()];
      const bool italic = s.type == Tok::AsteriskItalicStart || s.type == Tok::UnderscoreItalicStart;
      const std::string mark(image(s).substr(0, italic ? 1 : 2));
      diagnostics_.parse_error(s.begin, std::string(italic ? "italic" : "bold") + " text opened with " + shown(mark) +
                                             " is not closed: add " + shown(mark) + " after it, or write \\" +
                                             mark.substr(0, 1) + " for the character itself");
      return false;
    }
    if (!any) {
      diagnostics_.parse_error(at(), "expected " + expected + "; got " + describe(tokens_[i_]));
      return false;
    }
    return true;
  }

  std::string freestyle_text(const Token& t) const {
    const std::string_view s = image(t);
    if (t.type == Tok::EscapedChar) return std::string(s.substr(1));
    if (t.type == Tok::SpecialChar) {
      std::string_view name = s;
      while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
      if (auto symbol = ad::shortcode(name)) {
        std::string out(*symbol);
        if (s.back() == ' ') out += ' ';
        return out;
      }
    }
    return std::string(s);
  }

  void link(const Token& t) {
    const std::string_view s = image(t);
    // [text](url), perhaps with one space or tab after.
    const std::size_t close = s.find("](");
    std::string text(s.substr(1, close - 1));
    if (s.back() == ' ') text += ' ';
    model_.append_text(text);
  }

  static bool spans_lines(std::string_view s) {
    return s.find_first_of("\r\n") != std::string_view::npos || s.find("\u2028") != std::string_view::npos ||
           s.find("\u2029") != std::string_view::npos;
  }

  static std::string tag_name(std::string_view image) {
    std::string_view s = image.substr(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    if (!s.empty() && s.front() == '(') s = s.substr(1, s.size() - 2);
    return std::string(s);
  }

  // Optional `{ }` data after a statement's, argument's or heading's text.
  void data_after_content(bool heading) {
    if (peek() != Tok::Data) return;
    const Token& t = tokens_[i_++];
    model_.data(read_data(t), heading);
    if (peek() == Tok::Newline) ++i_;
  }

  Data read_data(const Token& t) {
    Data data;
    auto parsed = yaml::parse_data(image(t));
    if (!parsed.ok) {
      diagnostics_.parse_error(t.begin + parsed.error_offset, "data block: " + parsed.error);
      return data;
    }
    for (auto& [key, value] : parsed.fields) data.emplace_back(key, DataField{std::move(value), t.begin});
    return data;
  }

  void front_matter(const Token& t) {
    std::string_view s = image(t);
    while (!s.empty() && s.front() == '=') s.remove_prefix(1);
    while (!s.empty() && s.back() == '=') s.remove_suffix(1);
    const auto fields = yaml::parse_block(s);
    for (const auto& [key, value] : fields) {
      if (key == "title" && value.is_scalar()) model_.document_title = value.scalar;
      if (key == "description" && value.is_scalar()) model_.document_description = value.scalar;
      if (key == "model" && value.kind == yaml::Value::Kind::mapping) {
        for (const auto& [k, v] : value.entries) {
          if (k == "mode") model_.strict = v == "strict";
          if (k == "transformArgumentRelations") model_.transform_argument_relations = v != "false";
        }
      }
    }
  }

  enum class Context : std::uint8_t { top, list, pcs, relation, contradiction };

  // The head of a statement or argument: its title and text, tags and data.
  std::optional<MemberRef> head(Context context) {
    const Token& t = tokens_[i_];
    const bool argument = t.type == Tok::ArgumentDefinition || t.type == Tok::ArgumentReference;
    if (argument && context == Context::pcs) {
      diagnostics_.parse_error(t.begin, "a premise or conclusion must be a statement, not the argument " +
                                             shown(trimmed(image(t))) + ": write [Title] for a statement");
      return std::nullopt;
    }
    if (argument && context == Context::contradiction) {
      diagnostics_.parse_error(t.begin, "a contradiction (><) relates two statements, not the argument " +
                                             shown(trimmed(image(t))));
      return std::nullopt;
    }
    model_.begin_element(argument, t.begin);
    const std::string_view img = image(t);
    switch (t.type) {
      case Tok::ArgumentDefinition:
      case Tok::StatementDefinition:
        ++i_;
        model_.set_title(std::string(img.substr(1, img.size() - 3)), false);
        if (!content("the text after " + shown(img))) return std::nullopt;
        break;
      case Tok::ArgumentReference:
      case Tok::StatementReference:
        ++i_;
        // A reference whose brackets hold a line break ("[" at the end of
        // a line) names nothing for Argdown: the statement stays untitled.
        if (!spans_lines(img)) model_.set_title(std::string(img.substr(1, img.size() - 2)), true);
        while (peek() == Tok::Tag) model_.tag(tag_name(image(tokens_[i_++])));
        if (peek() == Tok::Newline) ++i_;
        break;
      default:
        if (!content("a statement")) return std::nullopt;
        break;
    }
    data_after_content(false);
    return MemberRef{argument ? MemberKind::argument : MemberKind::statement, 0};
  }

  // A statement or argument with the relations nested below it.
  std::optional<MemberRef> element(Context context) {
    if (!head(context)) return std::nullopt;
    return relations_below(std::nullopt);
  }

  // Reads the relation tree below the element begun last (or below an
  // inference), iteratively: `stack` holds the parents whose relations are
  // open. Returns the member the first element became.
  std::optional<MemberRef> relations_below(std::optional<std::size_t> inference) {
    struct Frame {
      bool undercuts_only;
    };
    std::vector<Frame> stack;
    bool may_have_relations = true;
    bool is_inference = inference.has_value();
    std::optional<MemberRef> root;
    for (;;) {
      if (may_have_relations && peek() == Tok::Indent) {
        if (stack.size() >= options_.limits.max_depth) {
          diagnostics_.fatal(at(), Limit::depth,
                             "relations nested more than " + number(options_.limits.max_depth) + " levels deep");
        }
        if (is_inference) {
          model_.begin_inference_relations(*inference);
        } else {
          model_.begin_relations();
        }
        ++i_;
        stack.push_back({is_inference});
        if (!relation(stack.back().undercuts_only)) return std::nullopt;
        is_inference = false;
        continue;
      }
      // The current element is complete.
      if (!is_inference) {
        const MemberRef done = model_.end_element();
        if (stack.empty()) {
          root = done;
          return root;
        }
        model_.end_relation(done);
      } else if (stack.empty()) {
        return MemberRef{MemberKind::inference, *inference};
      }
      if (is_relation(peek())) {
        if (!relation(stack.back().undercuts_only)) return std::nullopt;
        may_have_relations = true;
        continue;
      }
      if (peek() == Tok::Dedent) {
        ++i_;
        model_.end_relations();
        const bool closing_inference = stack.back().undercuts_only;
        stack.pop_back();
        may_have_relations = false;
        is_inference = closing_inference;
        continue;
      }
      diagnostics_.parse_error(at(), "expected another relation or the end of the indented block; got " +
                                          describe(tokens_[i_]));
      return std::nullopt;
    }
  }

  // A relation token and the head of its child.
  bool relation(bool undercuts_only) {
    const Token& t = tokens_[i_];
    if (!is_relation(t.type)) {
      diagnostics_.parse_error(t.begin, "expected a relation (+, -, _, +>, ->, _>, <+, <-, <_ or ><) on the indented "
                                         "line; got " + describe(t));
      return false;
    }
    if (undercuts_only && t.type != Tok::OutgoingUndercut) {
      diagnostics_.parse_error(t.begin, "below an inference only undercuts (<_ or _) may be written; got " +
                                             describe(t));
      return false;
    }
    ++i_;
    RelationType type = RelationType::support;
    bool incoming = false;
    switch (t.type) {
      case Tok::IncomingSupport: incoming = true; break;
      case Tok::IncomingAttack: type = RelationType::attack; incoming = true; break;
      case Tok::OutgoingSupport: break;
      case Tok::OutgoingAttack: type = RelationType::attack; break;
      case Tok::Contradiction: type = RelationType::contradictory; incoming = true; break;
      case Tok::IncomingUndercut: type = RelationType::undercut; incoming = true; break;
      default: type = RelationType::undercut; break;
    }
    // Diagnostics about the relation point at its symbol, after the indentation.
    std::size_t symbol = t.begin;
    while (symbol < t.end && (text_[symbol] == ' ' || text_[symbol] == '\t' || text_[symbol] == '\'')) ++symbol;
    model_.begin_relation(type, incoming, symbol);
    const Context child = t.type == Tok::Contradiction ? Context::contradiction : Context::relation;
    const Token& next = tokens_[i_];
    const bool can_start = next.type == Tok::StatementReference || next.type == Tok::StatementDefinition ||
                           next.type == Tok::ArgumentDefinition || next.type == Tok::ArgumentReference ||
                           is_content(next.type);
    if (!can_start) {
      diagnostics_.parse_error(next.begin, "expected a statement or an argument after the relation " +
                                                shown(trimmed(image(t))) + "; got " + describe(next));
      return false;
    }
    return head(child).has_value();
  }

  bool list() {
    ++i_;  // Indent
    const Tok item = peek();
    if (is_relation(item)) {
      diagnostics_.parse_error(at(), "a paragraph cannot start with the relation " + shown(trimmed(image(tokens_[i_]))) +
                                          ": a relation is indented below its statement or argument, with no empty "
                                          "line in between");
      return false;
    }
    if (item != Tok::OrderedListItem && item != Tok::UnorderedListItem) {
      diagnostics_.parse_error(at(), "expected a list item (\"* \" or \"1. \") on the indented line; got " +
                                          describe(tokens_[i_]));
      return false;
    }
    do {
      ++i_;
      if (!element(Context::list)) return false;
    } while (peek() == item);
    if (peek() != Tok::Dedent) {
      diagnostics_.parse_error(at(), "expected another list item or the end of the list; got " + describe(tokens_[i_]));
      return false;
    }
    ++i_;
    return true;
  }

  // A premise-conclusion structure: numbered statements, with an inference
  // line before each conclusion and before the last statement.
  bool pcs(std::optional<std::size_t> argument) {
    const std::size_t start = at();
    if (!model_.begin_pcs(argument, start)) {
      model_.end_pcs();
      return false;
    }
    std::optional<std::size_t> inference;
    bool last_was_conclusion = false;
    std::size_t count = 0;
    for (;;) {
      if (peek() == Tok::StatementNumber) {
        ++i_;
        std::optional<MemberRef> s = element(Context::pcs);
        if (!s) return false;
        model_.pcs_statement(*s, inference);
        last_was_conclusion = inference.has_value();
        inference.reset();
        ++count;
        continue;
      }
      if (peek() == Tok::InferenceStart) {
        if (count == 0) break;
        const std::optional<std::size_t> i = inference_block();
        if (!i) return false;
        inference = i;
        if (peek() != Tok::StatementNumber) {
          diagnostics_.parse_error(at(), "expected the numbered conclusion after the inference line; got " +
                                              describe(tokens_[i_]));
          return false;
        }
        continue;
      }
      break;
    }
    if (!last_was_conclusion) {
      diagnostics_.parse_error(peek() == Tok::Emptyline || peek() == Tok::Eof ? start : at(),
                                "a premise-conclusion structure ends with an inference line (\"----\") and then its "
                                "numbered conclusion");
      return false;
    }
    model_.end_pcs();
    return true;
  }

  std::optional<std::size_t> inference_block() {
    const Token start = tokens_[i_++];
    const std::size_t inference = model_.begin_inference(start.begin);
    if (peek() == Tok::Newline && is_freestyle(peek(1))) ++i_;
    // inference rules: freestyle text separated by commas
    if (is_freestyle(peek())) {
      for (;;) {
        while (is_freestyle(peek())) ++i_;
        if (peek() == Tok::ListDelimiter && is_freestyle(peek(1))) {
          ++i_;
          continue;
        }
        break;
      }
    }
    if (peek() == Tok::Newline) ++i_;
    if (peek() == Tok::Data) {
      (void)read_data(tokens_[i_++]);
      if (peek() == Tok::Newline) ++i_;
    }
    if (peek() != Tok::InferenceEnd) {
      diagnostics_.parse_error(at(), "expected the end of the inference (\"--\"); got " + describe(tokens_[i_]));
      return std::nullopt;
    }
    ++i_;
    if (peek() != Tok::Newline) {
      diagnostics_.parse_error(at(), "expected the end of the line after the inference; got " + describe(tokens_[i_]));
      return std::nullopt;
    }
    ++i_;
    if (peek() == Tok::Indent) {
      if (!relations_below(inference)) return std::nullopt;
    }
    return inference;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  Model& model_;
  Diagnostics& diagnostics_;
  const ReadOptions& options_;
  std::size_t i_ = 0;
};


// --- graph ---------------------------------------------------------------------

// Turns Argdown's model into a claim graph (the mapping of docs/argdown.md).
class GraphMaker {
 public:
  GraphMaker(const Model& model, Diagnostics& diagnostics, const ReadOptions& options)
      : m_(model), diagnostics_(diagnostics), options_(options) {}

  Graph run() {
    // Nodes in the order they are defined (statements and arguments that are
    // only referred to, where they first appear), so that a document written
    // by write_argdown reads back in the graph's order.
    order_ = m_.order;
    const auto place = [&](MemberRef r) {
      if (r.kind == MemberKind::argument) return m_.arguments[r.index].defined_at.value_or(m_.arguments[r.index].offset);
      return m_.statements[r.index].defined_at.value_or(m_.statements[r.index].offset);
    };
    std::stable_sort(order_.begin(), order_.end(), [&](MemberRef a, MemberRef b) { return place(a) < place(b); });
    graph_.title = m_.document_title;
    graph_.description = m_.document_description;
    make_nodes();
    if (diagnostics_.failed()) return std::move(graph_);
    make_pcs_edges();
    make_relation_edges();
    make_listed_elements();
    make_undercuts();
    return std::move(graph_);
  }

 private:
  struct Source {
    const Data* data;
    const std::vector<std::string>* tags;
    const std::vector<Occurrence>* members;
    std::optional<std::size_t> section;
    const std::string* title;
    std::size_t offset;
    bool argument;
  };
  [[nodiscard]] Source source(MemberRef r) const {
    if (r.kind == MemberKind::argument) {
      const Argument& a = m_.arguments[r.index];
      return {&a.data, &a.tags, &a.members, a.section, &a.title, a.offset, true};
    }
    const EquivalenceClass& ec = m_.statements[r.index];
    return {&ec.data, &ec.tags, &ec.members, ec.section, &ec.title, ec.offset, false};
  }
  [[nodiscard]] std::string name(MemberRef r) const {
    return r.kind == MemberKind::argument ? "<" + m_.arguments[r.index].title + ">"
                                          : "[" + m_.statements[r.index].title + "]";
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
    if (s.size() > options_.limits.max_string_bytes) {
      diagnostics_.error(offset, {},
                         std::string(what) + " of " + number(s.size()) + " bytes exceeds the limit of " +
                             number(options_.limits.max_string_bytes) + " bytes",
                         Limit::string_bytes);
    }
  }
  static std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
  }
  [[nodiscard]] std::optional<std::string> group_of(std::optional<std::size_t> section) const {
    while (section && m_.sections[*section].not_a_group) section = m_.sections[*section].parent;
    if (!section || m_.sections[*section].title.empty()) return std::nullopt;
    return m_.sections[*section].title;
  }

  void make_nodes() {
    std::unordered_set<std::string> taken;
    for (const auto& ec : m_.statements) taken.insert(ec.title);
    // Ids: statement titles, then argument titles, in brackets when a
    // statement has the same title, then whatever the data's `id` says.
    std::vector<std::string> ids(order_.size());
    for (std::size_t k = 0; k < order_.size(); ++k) {
      const MemberRef r = order_[k];
      if (r.kind == MemberKind::statement) {
        ids[k] = m_.statements[r.index].title;
        continue;
      }
      const std::string& title = m_.arguments[r.index].title;
      std::string id = title;
      if (taken.contains(id)) id = "<" + title + ">";
      for (std::size_t n = 2; taken.contains(id); ++n) {
        id = "<" + title + "> (";
        id += number(n);
        id += ')';
      }
      taken.insert(id);
      ids[k] = std::move(id);
    }
    for (std::size_t k = 0; k < order_.size(); ++k) {
      const MemberRef r = order_[k];
      if (auto id = text_field(*source(r).data, "id", r); id && !id->empty() && *id != ids[k]) {
        if (taken.contains(*id)) {
          diagnostics_.error(find_field(*source(r).data, "id")->offset,
                             "the data of " + name(r) + " gives the id " + shown(*id) + ", which another node has");
          continue;
        }
        taken.erase(ids[k]);
        taken.insert(*id);
        ids[k] = *id;
      }
    }
    // Case files refuse ids with control characters; so does this reader.
    for (std::size_t k = 0; k < order_.size(); ++k) {
      if (std::any_of(ids[k].begin(), ids[k].end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        diagnostics_.error(source(order_[k]).offset,
                           "the id " + shown(ids[k]) + " holds a control character, which a node id cannot hold");
      }
    }
    statement_node_.assign(m_.statements.size(), 0);
    argument_node_.assign(m_.arguments.size(), 0);
    graph_.reserve(order_.size(), m_.relations.size() * 2);
    for (std::size_t k = 0; k < order_.size(); ++k) {
      const MemberRef r = order_[k];
      const Source src = source(r);
      Node node;
      node.id = ids[k];
      for (const Occurrence& o : *src.members) {
        std::string t = trim(o.text);
        if (!t.empty()) {
          node.label = std::move(t);
          break;
        }
      }
      // Only referred to: the title, trimmed like any text (but a title of
      // blanks is all there is).
      if (node.label.empty()) node.label = trim(*src.title);
      if (node.label.empty()) node.label = *src.title;
      check_length(node.label, src.offset, "the text");
      node.kind = kind_of(r, src);
      node.text = text_field(*src.data, "text", r);
      node.party = text_field(*src.data, "party", r);
      node.source = text_field(*src.data, "source", r);
      node.burden = text_field(*src.data, "burden", r);
      node.group = text_field(*src.data, "group", r);
      if (!node.group) node.group = group_of(src.section);
      if (const DataField* w = find_field(*src.data, "weight")) node.weight = weight(*w, r);
      if (auto standard = text_field(*src.data, "standard", r)) {
        node.standard = parse_standard(*standard);
        if (!node.standard) {
          diagnostics_.error(find_field(*src.data, "standard")->offset,
                             "the data of " + name(r) + ": unknown standard of proof " + shown(*standard) +
                                 "; expected " + standards());
        }
      }
      std::vector<std::string> tags = *src.tags;
      if (const DataField* t = find_field(*src.data, "tags")) {
        if (t->value.is_scalar()) add_unique(tags, t->value.scalar);
        for (const auto& item : t->value.items) add_unique(tags, item);
      }
      if (!tags.empty()) node.tags = std::move(tags);
      const Graph::NodeRef v = graph_.add_node(std::move(node));
      (r.kind == MemberKind::statement ? statement_node_ : argument_node_)[r.index] = v;
    }
  }

  static std::string standards() {
    std::vector<std::string_view> names;
    for (Standard st : all_standards()) names.push_back(to_string(st));
    std::string out;
    for (std::size_t k = 0; k < names.size(); ++k) {
      out += k == 0 ? "" : k + 1 == names.size() ? " or " : ", ";
      out += names[k];
    }
    return out;
  }

  NodeKind kind_of(MemberRef r, const Source& src) {
    if (const DataField* f = find_field(*src.data, "kind")) {
      const auto kind = f->value.is_scalar() ? parse_node_kind(f->value.scalar) : std::nullopt;
      if (kind) return *kind;
      diagnostics_.error(f->offset, "the data of " + name(r) + ": unknown kind " +
                                        (f->value.is_scalar() ? shown(f->value.scalar) : std::string("(not text)")) +
                                        "; expected claim, counterclaim or evidence");
      return NodeKind::claim;
    }
    for (const auto& tag : *src.tags) {
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

  [[nodiscard]] Graph::NodeRef node_of(MemberRef r) const {
    return r.kind == MemberKind::statement ? statement_node_[r.index] : argument_node_[r.index];
  }

  // Adds an edge once; returns false (and adds nothing) for a repeat.
  bool edge(Graph::NodeRef from, Graph::NodeRef to, Relation relation, std::size_t offset) {
    if (from == to) {
      diagnostics_.warning(offset, "a relation of " + shown(graph_.id(from)) + " to itself is ignored");
      return false;
    }
    if (!seen_.insert(key(from, to, relation)).second) return false;
    count_edge(offset);
    graph_.add_edge(from, to, relation);
    if (relation == Relation::supports) supports_from_[from].push_back(graph_.edge_count() - 1);
    return true;
  }
  static std::string key(std::size_t from, std::size_t to, Relation relation) {
    std::string k = number(from);
    k += ' ';
    k += number(to);
    k += ' ';
    k += std::string(to_string(relation));
    return k;
  }
  void count_edge(std::size_t offset) {
    if (graph_.edge_count() >= options_.limits.max_edges) {
      diagnostics_.fatal(offset, Limit::edges, "more than " + number(options_.limits.max_edges) + " edges");
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
    const DataField* f = find_field(*source(of).data, "elements");
    if (!f) return false;
    const std::string id(graph_.id(element));
    const std::string& title = *source(graph_member(element)).title;
    const auto matches = [&](const std::string& s) { return s == title || s == id; };
    if (f->value.is_scalar()) return matches(f->value.scalar);
    return std::any_of(f->value.items.begin(), f->value.items.end(), matches);
  }
  [[nodiscard]] MemberRef graph_member(Graph::NodeRef v) const { return order_[v]; }

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
    for (std::size_t k = 0; k < order_.size(); ++k) {
      const MemberRef r = order_[k];
      const DataField* f = find_field(*source(r).data, "elements");
      if (!f) continue;
      std::vector<std::string> names = f->value.items;
      if (f->value.is_scalar()) names.push_back(f->value.scalar);
      for (const auto& title : names) {
        std::optional<Graph::NodeRef> element = graph_.find(title);
        if (!element) {
          if (by_title.empty()) {
            for (const MemberRef x : order_) by_title.emplace(*source(x).title, node_of(x));
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
      std::vector<std::size_t> attacked;
      std::optional<Graph::NodeRef> target;
      if (r.to->kind == MemberKind::inference) {
        const auto& argument = m_.inferences[r.to->index].argument;
        auto it = argument ? inference_edge_.find(*argument) : inference_edge_.end();
        if (it == inference_edge_.end()) {
          diagnostics_.warning(r.offset, "the undercut by " + shown(graph_.id(from)) +
                                             " attacks an inference of no argument; ignored");
          continue;
        }
        attacked.push_back(it->second);
      } else {
        target = node_of(*r.to);
        auto it = supports_from_.find(*target);
        if (it != supports_from_.end()) attacked = it->second;
      }
      if (attacked.empty()) {
        diagnostics_.warning(r.offset, shown(graph_.id(from)) + " undercuts " + shown(graph_.id(*target)) +
                                           ", which supports nothing: read as an attack on it");
        edge(from, *target, Relation::contradicts, r.offset);
        continue;
      }
      for (std::size_t e : attacked) {
        const Graph::NodeRef supported = graph_.target(graph_.edges()[e]);
        if (supported == from) {
          diagnostics_.warning(r.offset, "the undercut by " + shown(graph_.id(from)) +
                                             " of the support for itself is ignored");
          continue;
        }
        std::string k = number(from);
        k += ' ';
        k += number(e);
        if (!done.insert(k).second) continue;
        count_edge(r.offset);
        graph_.add_undercut(from, e);
      }
    }
  }

  const Model& m_;
  Diagnostics& diagnostics_;
  const ReadOptions& options_;
  Graph graph_;
  std::vector<Graph::NodeRef> statement_node_;
  std::vector<Graph::NodeRef> argument_node_;
  std::unordered_set<std::string> seen_;
  std::unordered_map<Graph::NodeRef, std::vector<std::size_t>> supports_from_;
  std::unordered_map<std::size_t, std::size_t> inference_edge_;  // argument → its supports edge
  std::vector<MemberRef> order_;
};

// The offset of the first byte that is not UTF-8, if any.
std::optional<std::size_t> invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = detail::decode_utf8(text, i);
    if (cp == detail::replacement_character && !(i == start + 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) {
      return start;
    }
  }
  return std::nullopt;
}

}  // namespace

ReadResult read_argdown(std::string_view text, const ReadOptions& options) {
  Diagnostics diagnostics(text, options);
  Graph graph;
  bool stopped = false;
  try {
    diagnostics.check_input_size(options.limits.max_input_bytes);
    const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    if (auto bad = invalid_utf8(text)) {
      diagnostics.parse_error(*bad, "a byte that is not UTF-8: an Argdown file is UTF-8 text");
      throw Fatal{};
    }
    // Argdown's command-line tool replaces @include(FILE) with the file
    // before parsing (anywhere in the text, as here); the language itself
    // has no includes, and this reader reads one text.
    for (std::size_t at = text.find("@include("); at != std::string_view::npos; at = text.find("@include(", at + 1)) {
      const std::size_t close = text.find(')', at + 9);
      if (close == std::string_view::npos) break;
      if (close == at + 9) continue;
      diagnostics.parse_error(at, "@include(" + std::string(text.substr(at + 9, close - at - 9)) +
                                       ") is a feature of Argdown's command-line tool, not of the language: "
                                       "claimgraph reads one file; inline the included files first "
                                       "(argdown compile)");
      throw Fatal{};
    }
    ad::Lexed lexed = ad::lex(text, start);
    for (const auto& e : lexed.errors) diagnostics.parse_error(e.offset, e.message);
    Model model(text, diagnostics, options);
    Parser(text, std::move(lexed.tokens), model, diagnostics, options).run();
    if (!diagnostics.failed()) {
      model.finish();
      graph = GraphMaker(model, diagnostics, options).run();
    }
  } catch (const TooManyErrors&) {
    stopped = true;
  } catch (const Fatal&) {
  }
  auto warnings = diagnostics.finish(stopped);
  return ReadResult{std::move(graph), std::move(warnings)};
}

ReadResult read_argdown(std::istream& in, const ReadOptions& options) {
  return read_stream(in, options, read_argdown);
}

}  // namespace claimgraph::io
