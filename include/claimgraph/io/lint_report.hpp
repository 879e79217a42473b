#pragma once
// Places the findings of analysis::lint in their input and writes them, for
// people (text, like a compiler's warnings) and for programs (JSON). A
// finding is located where its node's or edge's object starts, with that
// object's JSON pointer, when the reader kept places (io/read.hpp,
// SourceMap); otherwise it names only the file.

#include <cstddef>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/analysis/lint.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/io/read.hpp"

namespace claimgraph::io {

/// A lint finding placed in its input: the diagnostic (severity, place and
/// message) and the fix.
struct LintDiagnostic {
  analysis::LintCode code = analysis::LintCode::reversed_element;
  Diagnostic diagnostic;
  std::string fix;
};

/// Lints what was read and places the findings in `file`, each with
/// `severity` (a warning, or an error for `lint --strict`), in the order of
/// their places in the input (then of their codes).
[[nodiscard]] std::vector<LintDiagnostic> lint_input(const ReadResult& input, std::string_view file,
                                                     Severity severity = Severity::warning,
                                                     const SchemeLibrary* schemes = nullptr);

/// The first findings of lint_input(), and how many there are in all.
struct LintSummary {
  std::vector<LintDiagnostic> first;  ///< at most the limit asked for, in lint_input()'s order
  std::size_t total = 0;              ///< every finding
};

/// lint_input()'s first `limit` findings and their number, wording only
/// those: what warnings from other commands show of a large case.
/// With `schemes`, the rules about argumentation schemes run too. The rules
/// whose findings are notes (L015) run only when `notes`.
[[nodiscard]] LintSummary lint_input_first(const ReadResult& input, std::string_view file, std::size_t limit,
                                           Severity severity = Severity::warning,
                                           const SchemeLibrary* schemes = nullptr, bool notes = true);

class PlacedFindings;

/// lint_input_first() shared out among threads (analysis::LintRun): the
/// thread that calls finish() and any that call help() meanwhile run the
/// rules, and the findings are the same as on one thread.
class LintInputRun {
 public:
  /// As lint_input_first(input, file, limit, severity, schemes, notes);
  /// `input` and `schemes` must outlive the run.
  LintInputRun(const ReadResult& input, std::string_view file, std::size_t limit, Severity severity = Severity::warning,
               const SchemeLibrary* schemes = nullptr, bool notes = true);
  LintInputRun(const LintInputRun&) = delete;
  LintInputRun& operator=(const LintInputRun&) = delete;
  ~LintInputRun();
  /// Runs rules that no thread has taken yet, on the calling thread, until
  /// none is left; what a rule throws, finish() throws.
  void help() noexcept;
  /// Runs the rules left, waits for those others are running, and places
  /// and words the first findings, on up to two of `threads` threads (the
  /// words are the same). Call it once.
  [[nodiscard]] LintSummary finish(std::size_t threads = 1);
  /// As finish(), but the first findings are placed and put in order
  /// only, and each is worded when it is asked for; `input` must outlive
  /// what it returns too. Call it or finish(), once.
  [[nodiscard]] PlacedFindings finish_placed();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The first findings of a LintInputRun in order, each worded when it is
/// asked for: what `claimgraph lint` writes a part at a time, so that a case
/// with a million findings does not hold them all in words at once.
class PlacedFindings {
 public:
  PlacedFindings(PlacedFindings&&) noexcept;
  PlacedFindings& operator=(PlacedFindings&&) noexcept;
  PlacedFindings(const PlacedFindings&) = delete;
  PlacedFindings& operator=(const PlacedFindings&) = delete;
  ~PlacedFindings();
  /// How many there are (at most the run's limit).
  [[nodiscard]] std::size_t size() const noexcept;
  /// Every finding, the same as size() unless the run had a limit.
  [[nodiscard]] std::size_t total() const noexcept;
  /// The i-th, worded: LintSummary::first[i] of the same run.
  [[nodiscard]] LintDiagnostic at(std::size_t i) const;
  /// Whether some finding is not a note (notes are a checklist: L015).
  [[nodiscard]] bool beyond_notes() const noexcept;

 private:
  friend class LintInputRun;
  struct Data;
  explicit PlacedFindings(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

/// The finding on one line, as printed among warnings:
/// `FILE:LINE:COLUMN: warning: /nodes/2: evidence "x" has no source [L005 evidence-without-source]`.
[[nodiscard]] std::string format(const LintDiagnostic& finding);

/// The findings as text: each on its line (format()), its fix on the next,
/// then a summary line.
void write_lint_text(std::ostream& out, std::span<const LintDiagnostic> findings);
/// The same, each finding worded as it is written, on up to two of
/// `threads` threads (the text is the same).
void write_lint_text(std::ostream& out, const PlacedFindings& findings, std::size_t threads = 1);

/// The findings as one JSON object:
/// `{"findings": [{"code", "name", "severity", "file", "line", "column", "pointer", "message", "fix"}]}`.
void write_lint_json(std::ostream& out, std::span<const LintDiagnostic> findings);
/// The same, each finding worded as it is written, on up to two of
/// `threads` threads (the text is the same).
void write_lint_json(std::ostream& out, const PlacedFindings& findings, std::size_t threads = 1);

}  // namespace claimgraph::io
