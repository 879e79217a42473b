#pragma once
// Argdown's model of a document, as Argdown's own model builder makes it:
// statements (equivalence classes: every statement of one title), arguments,
// the inferences of premise-conclusion structures, the relations between
// them, and the sections that headings open. The parser drives the Model
// with one event per syntax element; once everything is read, finish()
// applies Argdown's clean-up (relations of reconstructed arguments, strict
// mode). The mapping (mapping.hpp) then reads the result.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "claimgraph/limits.hpp"
#include "detail/diagnostics.hpp"
#include "io/argdown/yaml.hpp"

namespace claimgraph::io::argdown {

/// What a relation joins: a statement (equivalence class), an argument or an
/// inference (the step of a premise-conclusion structure before a conclusion).
enum class MemberKind : std::uint8_t { statement, argument, inference };
/// One member of the model: its kind and its index among those of its kind.
struct MemberRef {
  MemberKind kind = MemberKind::statement;
  std::size_t index = 0;
};

/// Argdown's relation types: entails and contrary are what support and
/// attack between statements become in strict mode.
enum class RelationType : std::uint8_t { support, attack, undercut, contradictory, entails, contrary };

/// A data value kept where it was written, for diagnostics.
struct DataField {
  yaml::Value value;
  std::size_t offset = 0;
};
using Data = std::vector<std::pair<std::string, DataField>>;

/// The field `key` of `data`, if it has one.
[[nodiscard]] const DataField* find_field(const Data& data, std::string_view key);

/// Appends `value` to `list` unless it is there already.
void add_unique(std::vector<std::string>& list, const std::string& value);

/// A statement or argument description as written once in the text.
struct Occurrence {
  std::string text;
  bool is_reference = false;
  std::optional<std::size_t> section;
};

/// What statements and arguments have alike: everything written under one
/// title, gathered.
struct Element {
  std::string title;
  std::size_t offset = 0;                 ///< where it first appears
  std::optional<std::size_t> defined_at;  ///< where it is first defined (not only referred to)
  std::vector<Occurrence> members;
  std::vector<std::string> tags;
  Data data;
  std::optional<std::size_t> section;
};

/// A statement: every statement of one title.
struct EquivalenceClass : Element {};

/// A numbered statement of a premise-conclusion structure.
struct PcsStatement {
  std::size_t statement;  ///< equivalence class
  bool conclusion = false;  ///< an inference line comes before it
  std::optional<std::size_t> inference;  ///< that inference
};

/// An argument: every argument of one title, and its premise-conclusion
/// structure, if it has one (the last statement is the main conclusion).
struct Argument : Element {
  std::vector<PcsStatement> pcs;
};

/// The inference line of a premise-conclusion structure, which undercuts
/// may attack.
struct Inference {
  std::optional<std::size_t> argument;  ///< whose structure it is in
  std::size_t offset = 0;
};

/// A relation: Argdown's clean-up may give it new ends or type, or remove it.
struct Link {
  RelationType type = RelationType::support;
  std::optional<MemberRef> from;
  std::optional<MemberRef> to;
  std::size_t offset = 0;
  bool removed = false;
};

/// What a heading opens: its title, and the section it is below.
struct Section {
  std::string title;
  std::size_t level = 0;
  std::optional<std::size_t> parent;
  bool not_a_group = false;  ///< {isGroup: false}
};

/// Builds Argdown's model from the parser's events, the way Argdown's model
/// plugin does (see docs/argdown.md for what it means). Statements and
/// arguments beyond Limits::max_nodes, and relations beyond max_edges, stop
/// the read (detail::Fatal).
class Model {
 public:
  Model(detail::TextDiagnostics& diagnostics, const Limits& limits) : diagnostics_(diagnostics), limits_(limits) {}

  std::vector<EquivalenceClass> statements;
  std::vector<Argument> arguments;
  std::vector<Inference> inferences;
  std::vector<Link> relations;
  std::vector<Section> sections;
  /// Statements and arguments in the order they were created.
  std::vector<MemberRef> order;
  bool strict = false;
  bool transform_argument_relations = true;
  std::optional<std::string> document_title;
  std::optional<std::string> document_description;

  /// The statement or argument `m` names (not an inference).
  [[nodiscard]] const Element& element(MemberRef m) const;

  // --- text of the open statement, argument or heading
  void append_text(std::string_view s);
  /// A line break inside text: a space, unless it ends the text (see flush_newline).
  void newline();
  /// Drops a line break that ends a run of text (bold, italic, or the whole).
  void drop_newline();
  /// Writes a pending line break as a space, before more text.
  void flush_newline();
  /// A #tag in the open statement or argument (a heading's are dropped).
  void tag(const std::string& tag);
  /// The `{ }` data after the open statement's, argument's or heading's text.
  void data(Data data, bool is_heading);

  // --- headings
  void begin_heading();
  /// The end of a heading of `level` (the number of #): a new section.
  void end_heading(std::size_t level);

  // --- statements and arguments
  /// A statement or argument begins at `offset`; its tokens follow.
  void begin_element(bool argument, std::size_t offset);
  /// The title of the element begun last: defined (`[T]: text`) or only
  /// referred to (`[T]`).
  void set_title(std::string title, bool reference);
  /// The end of the element begun last: it joins its equivalence class or argument.
  MemberRef end_element();
  /// The element begun last gets relations: it becomes their parent.
  void begin_relations();
  /// An inference gets relations (undercuts): it becomes their parent.
  void begin_inference_relations(std::size_t inference) { parents_.push_back({MemberKind::inference, inference}); }
  /// The relations of the parent begun last are complete.
  void end_relations() {
    if (!parents_.empty()) parents_.pop_back();
  }
  /// A relation token below the current parent. `incoming` relations point
  /// from the parent to the new child, outgoing ones from the child to it.
  void begin_relation(RelationType type, bool incoming, std::size_t offset);
  /// The child of the relation begun last is complete.
  void end_relation(MemberRef child);

  // --- premise-conclusion structures
  /// Starts a pcs for `argument` (the argument block just before it), or for
  /// a new untitled argument. False (and an error) when the argument has
  /// one already.
  bool begin_pcs(std::optional<std::size_t> argument, std::size_t offset);
  /// A new inference line, at `offset`: its index.
  std::size_t begin_inference(std::size_t offset);
  /// A numbered statement of the open pcs, after `inference` if one came
  /// just before it (which makes it a conclusion).
  void pcs_statement(MemberRef statement, std::optional<std::size_t> inference);
  void end_pcs() { pcs_.reset(); }

  /// Forgets what a block that failed to parse left open.
  void abandon_block();

  /// Argdown's clean-up once everything is read.
  void finish();

 private:
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

  std::string* text_target();
  bool* pending_newline();
  std::string untitled();
  Element& mutable_element(MemberRef m);
  void join(Element& element, OpenElement&& open);
  MemberRef member(bool argument, const std::string& title, std::size_t offset);
  void count_node(std::size_t offset);
  void add_relation(Link r);
  void retarget(std::size_t i, MemberRef from, MemberRef to, RelationType type);
  void remove(std::size_t i);
  [[nodiscard]] bool reconstructed(MemberRef m) const;
  void transform_arguments();
  void transform_statements();
  void remove_redundant_attacks();

  detail::TextDiagnostics& diagnostics_;
  const Limits& limits_;
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

}  // namespace claimgraph::io::argdown
