#include "claimgraph/error.hpp"

#include <utility>

namespace claimgraph {

const char* to_string(Severity severity) noexcept {
  switch (severity) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string Diagnostic::format() const {
  std::string out = where.file.empty() ? std::string("<input>") : where.file;
  if (where.line > 0) {
    out += ':';
    out += std::to_string(where.line);
    out += ':';
    out += std::to_string(where.column);
  }
  out += ": ";
  out += to_string(severity);
  out += ": ";
  if (!where.pointer.empty()) {
    out += where.pointer;
    out += ": ";
  }
  out += message;
  return out;
}

namespace {
std::string summarize(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::error) return d.format();
  }
  return diagnostics.empty() ? std::string("invalid input") : diagnostics.front().format();
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : Error(summarize(diagnostics)), diagnostics_(std::move(diagnostics)) {}

IoError::IoError(std::string path, const std::string& what)
    : Error(path + ": error: " + what), path_(std::move(path)) {}

RenderError::RenderError(const std::string& what, std::vector<std::string> graphviz_messages)
    : Error(what), graphviz_messages_(std::move(graphviz_messages)) {}

}  // namespace claimgraph
