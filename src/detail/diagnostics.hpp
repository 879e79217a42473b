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

/// Where the parts of a text made of several files come from (Argdown's
/// @include puts one file into another): each piece of the text is a run of
/// bytes of one file, so that a diagnostic names the file, line and column
/// where the bytes are written.
class TextOrigins {
 public:
  /// Adds a file; returns its number. The text must outlive this object.
  std::size_t add_file(std::string name, std::string_view text) {
    files_.push_back({std::move(name), text, LineIndex(text)});
    return files_.size() - 1;
  }
  /// Bytes [at, at + length) of the whole text are bytes [offset, offset +
  /// length) of file `file`. Pieces are added in order.
  void add_piece(std::size_t at, std::size_t file, std::size_t offset, std::size_t length) {
    if (length > 0) pieces_.push_back({at, file, offset});
  }
  /// The name, line and column of byte `offset` of file `file`.
  [[nodiscard]] std::pair<std::string, std::pair<std::size_t, std::size_t>> locate_in(std::size_t file,
                                                                                     std::size_t offset) {
    File& f = files_[file];
    return {f.name, f.lines.locate(std::min(offset, f.text.size()))};
  }
  /// The file, line and column of byte `offset` of the whole text.
  [[nodiscard]] std::pair<std::string, std::pair<std::size_t, std::size_t>> locate(std::size_t offset) {
    if (pieces_.empty()) return {files_.empty() ? std::string() : files_[0].name, {1, 1}};
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                               [](std::size_t o, const Piece& p) { return o < p.at; });
    if (it != pieces_.begin()) --it;
    return locate_in(it->file, it->offset + (offset >= it->at ? offset - it->at : 0));
  }

 private:
  struct File {
    std::string name;
    std::string_view text;
    LineIndex lines;
  };
  struct Piece {
    std::size_t at, file, offset;
  };
  std::vector<File> files_;
  std::vector<Piece> pieces_;
};

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
    before_report();
    parse_ = true;
    add(Severity::error, offset, std::move(pointer), std::move(message), limit);
  }
  // Well-formed input that cannot be used: a ValidationError, unless there
  // are parse errors too.
  void error(std::size_t offset, std::string message) { error(offset, {}, std::move(message)); }
  // `limit`: the error reports a value over that limit (a string too long).
  void error(std::size_t offset, std::string pointer, std::string message, std::optional<Limit> limit = std::nullopt) {
    before_report();
    add(Severity::error, offset, std::move(pointer), std::move(message), limit);
  }
  // A limit exceeded that ends the read: reported as an error, then reading
  // stops. The message says what was exceeded; the diagnostic names `limit`.
  [[noreturn]] void fatal(std::size_t offset, Limit limit, std::string message) {
    fatal(offset, {}, limit, std::move(message));
  }
  // The same, naming the place in the document's structure.
  [[noreturn]] void fatal(std::size_t offset, std::string pointer, Limit limit, std::string message) {
    before_report();
    add(Severity::error, offset, std::move(pointer), std::move(message), limit);
    throw Fatal{};
  }
  // The same, for a limit on the document's structure: the read is a
  // ParseError.
  [[noreturn]] void fatal_parse(std::size_t offset, std::string pointer, Limit limit, std::string message) {
    before_report();
    parse_ = true;
    add(Severity::error, offset, std::move(pointer), std::move(message), limit);
    throw Fatal{};
  }
  // An error or a warning placed by the caller (in a file the text is made
  // of), ordered among the others as if at `offset`.
  void error_at(std::size_t offset, Location where, std::string message, std::optional<Limit> limit = std::nullopt) {
    before_report();
    parse_ = true;
    push(offset, Diagnostic{Severity::error, std::move(where), std::move(message), limit});
  }
  void warning_at(std::size_t offset, Location where, std::string message) {
    before_report();
    if (warnings_ >= max_warnings_) {
      ++suppressed_;
      return;
    }
    ++warnings_;
    push(offset, Diagnostic{Severity::warning, std::move(where), std::move(message)});
  }
  void warning(std::size_t offset, std::string message) { warning(offset, {}, std::move(message)); }
  void warning(std::size_t offset, std::string pointer, std::string message) {
    before_report();
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

  // Calls hook(context) before each diagnostic is made, for a reader that
  // holds back work which may report something itself (it does that work
  // then, so that what it reports comes first, as if done at once).
  void before_each(void (*hook)(void*), void* context) noexcept {
    hook_ = hook;
    hook_context_ = context;
  }

  // The text is made of several files: diagnostics name the file each
  // offset comes from. `origins` must outlive this object.
  void set_origins(TextOrigins* origins) { origins_ = origins; }

  // "FILE:LINE:COLUMN" of an offset, for messages that point elsewhere.
  [[nodiscard]] std::string location(std::size_t offset) {
    auto [file, place] = locate(offset);
    return file + ":" + std::to_string(place.first) + ":" + std::to_string(place.second);
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
  void before_report() {
    if (hook_ != nullptr) hook_(hook_context_);
  }
  void add(Severity severity, std::size_t offset, std::string pointer, std::string message,
           std::optional<Limit> limit = std::nullopt) {
    auto [file, place] = locate(offset);
    push(offset, Diagnostic{severity, Location{std::move(file), place.first, place.second, std::move(pointer)},
                            std::move(message), limit});
  }
  void push(std::size_t offset, Diagnostic diagnostic) {
    const bool error = diagnostic.severity == Severity::error;
    entries_.push_back({offset, std::move(diagnostic)});
    if (error && ++errors_ >= max_errors_) throw TooManyErrors{};
  }
  // A note about the whole file, after everything else.
  void note(std::string message) {
    entries_.push_back({text_.size(), Diagnostic{Severity::note, Location{file_name_, 0, 0, ""}, std::move(message)}});
  }

  std::pair<std::string, std::pair<std::size_t, std::size_t>> locate(std::size_t offset) {
    if (origins_ != nullptr) return origins_->locate(offset);
    return {file_name_, lines_.locate(std::min(offset, text_.size()))};
  }

  struct Entry {
    std::size_t offset;
    Diagnostic diagnostic;
  };
  TextOrigins* origins_ = nullptr;
  void (*hook_)(void*) = nullptr;  // before_each()
  void* hook_context_ = nullptr;
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
