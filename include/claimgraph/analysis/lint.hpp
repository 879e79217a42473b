#pragma once
// Lint: shapes of a case that are legal but are most likely modelling
// mistakes (an element-of edge written backwards, a support the semantics
// ignore, evidence without a source, ...). Each rule is one row of
// lint_rules(), with a stable code ("L001") and name ("reversed-element")
// that docs/lint.md documents; lint() runs every row over the graph, each in
// time linear (or n log n) in nodes and edges, and returns the findings in
// rule order, then in node or edge order. A finding is data: the node or
// edge it is about and what its words need; describe() words it, so that a
// caller who shows only the first few findings of a large case words only
// those. Placing it in a file is the io layer's work (io/lint_report.hpp),
// since the graph keeps no source positions.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/graph.hpp"
#include "claimgraph/scheme.hpp"

namespace claimgraph::analysis {

/// The lint rules, in the order of their codes.
enum class LintCode : std::uint8_t {
  reversed_element,          ///< L001: element-of from a whole into what looks like its part
  ignored_support,           ///< L002: supports into a claim with elements, which the semantics ignore
  duplicate_edge,            ///< L003: the same from, to and relation twice
  supports_and_contradicts,  ///< L004: one node both supports and contradicts another
  evidence_without_source,   ///< L005: evidence with no source
  bears_on_no_claim,         ///< L006: no path from the node to any claim or counterclaim
  claim_without_party,       ///< L007: a claim or counterclaim with no party
  group_of_one,              ///< L008: a group with a single node
  idle_counterclaim,         ///< L009: a counterclaim that contradicts and undercuts nothing
  undercut_unnamed_support,  ///< L010: an undercut of a supports edge whose id the file did not give
  similar_ids,               ///< L011: ids that differ only in case or punctuation
  idle_test,                 ///< L012: a test of elements on evidence or on a claim without elements
  unknown_scheme,            ///< L013: a scheme the library does not have
  unknown_question,          ///< L014: a critical question that no inference it bears on has
  open_questions,            ///< L015: an inference whose scheme has critical questions nobody raised or answered
  evidence_without_citation, ///< L016: evidence without a citation, in a case that cites other evidence
  quote_without_pin,         ///< L017: a citation that quotes the record without a pin cite
};

/// One finding: which rule found what, about which node or edge.
struct LintFinding {
  LintCode code = LintCode::reversed_element;
  /// The node the finding is about, when it is about a node.
  std::optional<Graph::NodeRef> node;
  /// The edge (position in Graph::edges()) it is about, when it is about an edge.
  std::optional<std::size_t> edge;
  /// What the words need besides the node or edge: L001 the number of
  /// nodes the whole is written as an element of, L003 the first edge
  /// like this one, L011 the node with the same folded id, L016 the number
  /// of pieces of evidence with a citation, L017 the position of the
  /// citation in the node's `cite`; else npos.
  std::size_t other = Graph::npos;
  /// L008: the group of more than one node that the name is nearest to;
  /// L013, L014: the scheme or question nearest to the name; L015 the
  /// scheme's title; L016 the number of pieces of evidence; each if any.
  std::string hint;
  /// L015: the ids of the open questions.
  std::vector<std::string> names;
  friend bool operator==(const LintFinding&, const LintFinding&) = default;
};

/// A finding in words.
struct LintText {
  std::string message;  ///< one line: what is wrong, naming the ids involved
  std::string fix;      ///< one line: what to change
};

/// What lint knows besides the graph.
struct LintOptions {
  /// Per edge (position in Graph::edges()): whether the input wrote its id.
  /// Empty when the reader does not say; then an id is taken as generated
  /// when it has the form Graph::add_undercut gives ("e<position>").
  std::vector<bool> edge_id_written;
  /// The argumentation schemes the case may name; null: the rules about
  /// schemes (L013 to L015) do not run.
  const SchemeLibrary* schemes = nullptr;
  /// Whether the rules whose findings are notes run: L015 (open critical
  /// questions, which check lists itself). The warnings of other commands
  /// leave them out.
  bool notes = true;
};

/// Where lint puts its findings, one at a time, in the order the rules
/// find them: a caller that wants only some of them (the first few by
/// place, a count) need not hold them all.
class LintSink {
 public:
  LintSink() = default;
  LintSink(const LintSink&) = delete;
  LintSink& operator=(const LintSink&) = delete;
  virtual ~LintSink() = default;
  virtual void add(LintFinding finding) = 0;
};

/// Every rule over one graph, shared out among the threads that call run():
/// each call takes the rules no call has taken yet, one at a time, until
/// none is left. A thread whose own work is done (a command waiting for its
/// lint warnings) so lints beside the one that started. The facts the rules
/// share are gathered once, for the first rule taken; a rule taken
/// meanwhile waits for them.
class LintRun {
 public:
  /// The sink of each rule's findings: a rule hands them to `sink(code)`,
  /// in the order it finds them. Two rules may run at once, so two codes'
  /// sinks must be distinct unless one thread calls run().
  using SinkOf = std::function<LintSink&(LintCode)>;
  /// `graph`, `options` and the sinks must outlive the run, unchanged.
  LintRun(const Graph& graph, const LintOptions& options, SinkOf sink);
  LintRun(const LintRun&) = delete;
  LintRun& operator=(const LintRun&) = delete;
  ~LintRun();
  /// Runs rules not yet taken, on the calling thread, until none is left
  /// (others may still be running). What a rule throws is kept for finish().
  void run() noexcept;
  /// Runs what is left, then waits until every rule has run; throws what a
  /// rule threw, if one did.
  void finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Runs every rule over `graph`.
[[nodiscard]] std::vector<LintFinding> lint(const Graph& graph, const LintOptions& options = {});
/// Runs every rule over `graph`, handing each finding to `sink`, in the
/// order lint(graph, options) returns them.
void lint(const Graph& graph, const LintOptions& options, LintSink& sink);

/// The words of `finding`, one of lint(graph)'s.
[[nodiscard]] LintText describe(const Graph& graph, const LintFinding& finding);

/// One row of the table of rules.
struct LintRule {
  LintCode code;
  std::string_view id;       ///< "L001": stable, never reused
  std::string_view name;     ///< "reversed-element": stable, kebab-case
  std::string_view summary;  ///< what the rule looks for, one line
  /// Hands the rule's findings to `out`.
  void (*run)(const Graph& graph, const LintOptions& options, LintSink& out);
  /// Whether its findings are notes: a checklist, not a mistake; they never
  /// make `lint --strict` fail.
  bool note;
};

/// Every rule, in the order of their codes.
[[nodiscard]] std::span<const LintRule> lint_rules() noexcept;
/// The row of `code`.
[[nodiscard]] const LintRule& lint_rule(LintCode code) noexcept;
/// The rule whose id ("L003") or name ("duplicate-edge") is `text`, if any.
[[nodiscard]] const LintRule* find_lint_rule(std::string_view text) noexcept;

}  // namespace claimgraph::analysis
