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

std::string_view to_string(Limit limit) noexcept {
  switch (limit) {
    case Limit::input_bytes: return "max_input_bytes";
    case Limit::depth: return "max_depth";
    case Limit::string_bytes: return "max_string_bytes";
    case Limit::nodes: return "max_nodes";
    case Limit::edges: return "max_edges";
    case Limit::render_nodes: return "max_render_nodes";
    case Limit::search_steps: return "max_search_steps";
    case Limit::cut_set_steps: return "max_cut_set_steps";
  }
  return "max_input_bytes";
}

std::span<const Limit> all_limits() noexcept {
  static constexpr Limit all[] = {Limit::input_bytes, Limit::depth,        Limit::string_bytes, Limit::nodes,
                                  Limit::edges,       Limit::render_nodes, Limit::search_steps,
                                  Limit::cut_set_steps};
  return all;
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

IoError::IoError(std::string path, const std::string& what, std::optional<Limit> limit)
    : Error(path + ": error: " + what, limit), path_(std::move(path)) {}

RenderError::RenderError(const std::string& what, std::vector<std::string> graphviz_messages)
    : Error(what), graphviz_messages_(std::move(graphviz_messages)) {}

ConversionError::ConversionError(const std::string& what, std::string program, std::string program_output)
    : Error(what), program_(std::move(program)), program_output_(std::move(program_output)) {}

}  // namespace claimgraph
