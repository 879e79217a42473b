#pragma once
// The diagnostics a text reader collects (the case-file, ICCMA, AIF and
// Argdown readers): each is tied to an offset into the text, located (line and
// column) when it is made, and all are reported in input order. Errors
// beyond the budget stop the read (TooManyErrors); a limit stops it at once
// (Fatal); warnings beyond theirs are counted in a closing note.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/limits.hpp"
#include "detail/text.hpp"

namespace claimgraph::detail {

struct TooManyErrors {};  // the error budget is spent
struct Fatal {};          // a limit was hit: nothing more can be read

class TextDiagnostics {
 public:
  TextDiagnostics(std::string_view text, std::string file_name, std::size_t max_errors, std::size_t max_warnings)
      : text_(text), file_name_(std::move(file_name)), max_errors_(max_errors), max_warnings_(max_warnings),
        lines_(text) {}

  // The text breaks the rules of its format: the read is a ParseError. The
  // forms with a pointer also name the place in the document's structure
  // (a JSON pointer).
  void parse_error(std::size_t offset, std::string message) { parse_error(offset, {}, std::move(message)); }
  void parse_error(std::size_t offset, std::string pointer, std::string message,
                   std::optional<Limit> limit = std::nullopt) {
    parse_ = true;
    add(Severity::error, offset, std::move(pointer), std::move(message), limit);
  }
  // Well-formed input that cannot be used: a ValidationError, unless there
  // are parse errors too.
  void error(std::size_t offset, std::string message) { error(offset, {}, std::move(message)); }
  // `limit`: the error reports a value over that limit (a string too long).
  void error(std::size_t offset, std::string pointer, std::string message, std::optional<Limit> limit = std::nullopt) {
    add(Severity::error, offset, std::move(pointer), std::move(message), limit);
  }
  // A limit exceeded that ends the read: reported as an error, then reading
  // stops. The message says what was exceeded; the diagnostic names `limit`.
  [[noreturn]] void fatal(std::size_t offset, Limit limit, std::string message) {
    fatal(offset, {}, limit, std::move(message));
  }
  // The same, naming the place in the document's structure.
  [[noreturn]] void fatal(std::size_t offset, std::string pointer, Limit limit, std::string message) {
    add(Severity::error, offset, std::move(pointer), std::move(message), limit);
    throw Fatal{};
  }
  // The same, for a limit on the document's structure: the read is a
  // ParseError.
  [[noreturn]] void fatal_parse(std::size_t offset, std::string pointer, Limit limit, std::string message) {
    parse_ = true;
    add(Severity::error, offset, std::move(pointer), std::move(message), limit);
    throw Fatal{};
  }
  void warning(std::size_t offset, std::string message) { warning(offset, {}, std::move(message)); }
  void warning(std::size_t offset, std::string pointer, std::string message) {
    if (warnings_ >= max_warnings_) {
      ++suppressed_;
      return;
    }
    ++warnings_;
    add(Severity::warning, offset, std::move(pointer), std::move(message));
  }

  // Stops the read when the text is longer than `max_bytes`
  // (Limits::max_input_bytes).
  void check_input_size(std::size_t max_bytes) {
    if (text_.size() > max_bytes) {
      fatal(0, Limit::input_bytes,
            "input of " + std::to_string(text_.size()) + " bytes exceeds the limit of " + std::to_string(max_bytes) +
                " bytes");
    }
  }

  [[nodiscard]] bool failed() const noexcept { return errors_ > 0; }

  // "FILE:LINE:COLUMN" of an offset, for messages that point elsewhere.
  [[nodiscard]] std::string location(std::size_t offset) {
    auto [line, column] = lines_.locate(std::min(offset, text_.size()));
    return file_name_ + ":" + std::to_string(line) + ":" + std::to_string(column);
  }

  // Runs `read`, which reports here and may stop early (TooManyErrors when
  // the error budget is spent, Fatal at a limit); then throws the errors
  // collected or returns the warnings, as finish() does.
  template <class Read>
  std::vector<Diagnostic> collect(Read read) {
    bool stopped = false;
    try {
      read();
    } catch (const TooManyErrors&) {
      stopped = true;
    } catch (const Fatal&) {
    }
    return finish(stopped);
  }

  // Throws the collected errors (ParseError or ValidationError), or returns
  // the warnings. `stopped`: the error budget ran out.
  std::vector<Diagnostic> finish(bool stopped) {
    if (stopped) {
      note("too many errors; stopped after " + std::to_string(errors_));
    }
    if (suppressed_ > 0) {
      note(std::to_string(suppressed_) + " more warnings not shown");
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.offset < b.offset; });
    std::vector<Diagnostic> all;
    all.reserve(entries_.size());
    for (auto& e : entries_) all.push_back(std::move(e.diagnostic));
    if (errors_ > 0) {
      if (parse_) throw ParseError(std::move(all));
      throw ValidationError(std::move(all));
    }
    return all;
  }

 private:
  void add(Severity severity, std::size_t offset, std::string pointer, std::string message,
           std::optional<Limit> limit = std::nullopt) {
    auto [line, column] = lines_.locate(std::min(offset, text_.size()));
    entries_.push_back({offset, Diagnostic{severity, Location{file_name_, line, column, std::move(pointer)},
                                           std::move(message), limit}});
    if (severity == Severity::error && ++errors_ >= max_errors_) throw TooManyErrors{};
  }
  // A note about the whole file, after everything else.
  void note(std::string message) {
    entries_.push_back({text_.size(), Diagnostic{Severity::note, Location{file_name_, 0, 0, ""}, std::move(message)}});
  }

  struct Entry {
    std::size_t offset;
    Diagnostic diagnostic;
  };
  std::string_view text_;
  std::string file_name_;
  std::size_t max_errors_;
  std::size_t max_warnings_;
  LineIndex lines_;
  std::vector<Entry> entries_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::size_t suppressed_ = 0;
  bool parse_ = false;
};

}  // namespace claimgraph::detail
