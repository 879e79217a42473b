#pragma once
// What changed between two versions of a case, and what the change did to
// its analysis (`claimgraph diff`, docs/diff.md).
//
// Structure: nodes are matched by id; edges by the id the file gave them,
// else by (from, relation, to) and, for an undercut, the edge it attacks
// (the same edge written twice is matched in order). A node or an edge in
// both is compared as write_json writes it (io/json_writer.hpp), key by key,
// so a field the model gains later is compared without a line here. Ids the
// reader made up for edges the file left unnamed are left out of the
// comparison.
//
// Analysis: each version is analysed on its own (check, the status under
// the semantics asked for, strength, critical questions, lint), and the
// results are compared on the nodes both have, by id. The reasons are
// worded as `check` and `explain` word them (io/check_report.hpp,
// io/evaluation_report.hpp), about the new version. Lint findings are
// matched by rule and by the ids and edge keys they are about, raised
// questions by inference, scheme and question: never by line or position.
//
// It lives in io, not in analysis, because it compares what the JSON
// writer writes and words its reasons as the reports do. Everything is
// sorted by id or key, so the same two cases give the same result. Nodes
// are matched by the graph's own index and edges and findings by tables of
// the same kind; a node or an edge written the same in both is not parsed
// again. The work is linear in nodes and edges, besides the analyses and
// sorting what changed.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "claimgraph/analysis/abstract.hpp"
#include "claimgraph/io/read.hpp"
#include "claimgraph/scheme.hpp"

namespace claimgraph::io {

/// One field that differs: its key and its value in each version, as JSON
/// text (`"x"`, `0.5`, `["a"]`); absent in a version: no value.
struct FieldChange {
  std::string key;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

/// A node or edge in both versions whose fields differ.
struct ItemChange {
  std::string key;  ///< the node's id, or the edge's key (see edge_key())
  std::vector<FieldChange> fields;  ///< sorted by key
};

/// A claim or counterclaim (in both versions) that gained or lost grounding.
struct GroundingChange {
  std::string id;
  bool grounded = false;  ///< now
  /// Why it lacks evidence now, in check's words (grounding_reason()), and
  /// the ids of the elements that are not grounded; empty when grounded.
  std::string reason;
  std::vector<std::string> missing;
};

/// A node (in both versions) whose status changed.
struct StatusChange {
  std::string id;
  std::string old_status;  ///< "IN", "OUT", "UNDEC"; preferred/stable: "sceptically", "credulously", "not accepted"
  std::string new_status;
  /// Under grounded semantics, why it has its new status, in explain's
  /// words (status_reason()); otherwise empty.
  std::string reason;
};

/// A node (in both versions) whose strength moved by more than the threshold.
struct StrengthChange {
  std::string id;
  double old_strength = 0;
  double new_strength = 0;
};

/// A critical question raised against an inference and not answered.
struct QuestionChange {
  std::string inference;  ///< the supports edge's key
  std::string scheme;     ///< the scheme's id
  std::string question;   ///< the question's id
  friend auto operator<=>(const QuestionChange&, const QuestionChange&) = default;
};

/// A lint finding: its rule and its words (in the version that has it).
struct FindingChange {
  std::string code;     ///< "L005"
  std::string name;     ///< "evidence-without-source"
  std::string message;  ///< analysis::describe()'s message
  friend auto operator<=>(const FindingChange&, const FindingChange&) = default;
};

/// Everything that differs between two versions of a case.
struct CaseDiff {
  /// Title, description and the case's own unknown fields.
  std::vector<FieldChange> case_fields;
  std::vector<std::string> added_nodes;    ///< ids, sorted
  std::vector<std::string> removed_nodes;  ///< ids, sorted
  std::vector<ItemChange> changed_nodes;   ///< by id
  std::vector<std::string> added_edges;    ///< keys, sorted
  std::vector<std::string> removed_edges;  ///< keys, sorted
  std::vector<ItemChange> changed_edges;   ///< by key

  analysis::Semantics semantics = analysis::Semantics::grounded;
  bool burden = false;
  double threshold = 0.05;
  std::vector<GroundingChange> grounding;  ///< by id
  std::vector<StatusChange> status;        ///< by id
  std::vector<StrengthChange> strength;    ///< by id
  std::vector<QuestionChange> questions_raised;   ///< raised and unanswered now, not before
  std::vector<QuestionChange> questions_settled;  ///< raised and unanswered before, not now
  std::vector<FindingChange> findings_new;        ///< lint findings now, not before
  std::vector<FindingChange> findings_resolved;   ///< lint findings before, not now

  /// Whether the structure differs.
  [[nodiscard]] bool structure_changed() const noexcept;
  /// Whether the analysis differs.
  [[nodiscard]] bool analysis_changed() const noexcept;
  /// Whether anything differs.
  [[nodiscard]] bool empty() const noexcept { return !structure_changed() && !analysis_changed(); }
};

/// How to compare.
struct DiffOptions {
  analysis::Semantics semantics = analysis::Semantics::grounded;  ///< as `evaluate --semantics`
  bool burden = false;      ///< as `evaluate --burden` (grounded only)
  double threshold = 0.05;  ///< strength changes of at most this are left out
  analysis::SearchLimits search;  ///< for preferred and stable
  /// The argumentation schemes the cases may name; null: critical
  /// questions are not weighed, and the rules about schemes do not run.
  const SchemeLibrary* schemes = nullptr;
  /// Threads for the analyses: with more than one, the two versions are
  /// analysed at once (when each is large enough to pay for a thread). The
  /// result does not depend on it.
  std::size_t threads = 1;
};

/// The key edge `i` of `input` is matched by: its id when the file gave one,
/// else "FROM -relation-> TO" (an undercut: "FROM -undercuts-> (KEY)" of the
/// edge it attacks), with " #2", " #3" for the same edge written again.
[[nodiscard]] std::vector<std::string> edge_keys(const ReadResult& input);

/// Compares two versions of a case (either may be empty: an added or a
/// deleted file). Throws claimgraph::Error when the analysis hits a limit.
[[nodiscard]] CaseDiff diff_cases(const ReadResult& old_case, const ReadResult& new_case, const DiffOptions& options = {});

}  // namespace claimgraph::io
