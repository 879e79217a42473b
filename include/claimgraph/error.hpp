#pragma once
// The one error family of claimgraph. Every error says where it happened and
// what is wrong; input problems carry the whole list of diagnostics so that a
// user sees every problem of a file at once, the way a compiler reports them.

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "claimgraph/limits.hpp"

namespace claimgraph {

/// How serious a diagnostic is.
enum class Severity { note, warning, error };

/// A place in an input: file, 1-based line and column (0 when unknown) and,
/// for structural problems, a JSON pointer such as `/edges/3/to`.
struct Location {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string pointer;
};

/// One message about an input, formatted like a compiler's:
/// `graphs/x.json:12:5: error: /edges/3/to: unknown node "c7"`.
struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;
  /// The limit this diagnostic reports hitting, if any: the message says
  /// what was exceeded, a program may add how to raise it.
  std::optional<Limit> limit = std::nullopt;

  /// The message in `FILE:LINE:COLUMN: severity: [pointer: ]message` form.
  [[nodiscard]] std::string format() const;
};

/// The name of a severity as printed in diagnostics ("error", "warning", "note").
[[nodiscard]] const char* to_string(Severity severity) noexcept;

/// Base of every exception the library throws.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, std::optional<Limit> limit = std::nullopt)
      : std::runtime_error(what), limit_(limit) {}
  /// The limit whose excess this error reports, if any (see Diagnostic::limit).
  [[nodiscard]] std::optional<Limit> limit() const noexcept { return limit_; }

 private:
  std::optional<Limit> limit_;
};

/// The input cannot be used. Holds every diagnostic found (errors and the
/// warnings met on the way), in input order.
class InputError : public Error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  /// All diagnostics, errors and warnings, in the order they were found.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// The input is not well-formed (malformed JSON, wrong types, missing fields).
class ParseError : public InputError {
 public:
  using InputError::InputError;
};

/// The input is well-formed but means nothing usable (duplicate ids, edges to
/// unknown nodes, self-loops).
class ValidationError : public InputError {
 public:
  using InputError::InputError;
};

/// A file could not be read or written.
class IoError : public Error {
 public:
  IoError(std::string path, const std::string& what, std::optional<Limit> limit = std::nullopt);
  /// The file the operation was about.
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

/// Graphviz could not draw a diagram: the DOT text is unreadable, the
/// installed Graphviz lacks the plugin for the format or layout, or the
/// layout or rendering failed. The message includes what Graphviz said.
class RenderError : public Error {
 public:
  RenderError(const std::string& what, std::vector<std::string> graphviz_messages);
  /// Graphviz's own messages about the failure, one per entry (without its
  /// "Error: " prefix); empty when claimgraph refused before calling it.
  [[nodiscard]] const std::vector<std::string>& graphviz_messages() const noexcept { return graphviz_messages_; }

 private:
  std::vector<std::string> graphviz_messages_;
};

/// A program that claimgraph runs to convert an output (pandoc, for DOCX)
/// is not installed, could not be run or failed. The message says which, and
/// how to install it or what the program said.
class ConversionError : public Error {
 public:
  ConversionError(const std::string& what, std::string program, std::string program_output = {});
  /// The program: its name, or the path it was looked for at.
  [[nodiscard]] const std::string& program() const noexcept { return program_; }
  /// What it wrote on its standard error before it failed; empty when it
  /// did not run.
  [[nodiscard]] const std::string& program_output() const noexcept { return program_output_; }

 private:
  std::string program_;
  std::string program_output_;
};

}  // namespace claimgraph
