#include "claimgraph/io/lint_report.hpp"

#include <algorithm>
#include <cstddef>
#include <tuple>
#include <utility>

#include "detail/json_members.hpp"

namespace claimgraph::io {

LintSummary lint_input_first(const ReadResult& input, std::string_view file, std::size_t limit,
                             Severity severity, const SchemeLibrary* schemes, bool notes) {
  const SourceMap& places = input.places;
  analysis::LintOptions options;
  options.schemes = schemes;
  options.notes = notes;
  if (places.edge_id_written.size() == input.graph.edge_count()) options.edge_id_written = places.edge_id_written;
  const auto found = analysis::lint(input.graph, options);
  // Where each finding is written, then its code, then the order lint found
  // it in: the sort is total, so the order is the same on every run.
  struct Key {
    SourcePlace place;
    analysis::LintCode code;
    std::size_t index;
  };
  std::vector<Key> keys;
  keys.reserve(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto& f = found[i];
    SourcePlace place;
    if (f.node && *f.node < places.nodes.size()) place = places.nodes[*f.node];
    if (f.edge && *f.edge < places.edges.size()) place = places.edges[*f.edge];
    keys.push_back({place, f.code, i});
  }
  const auto before = [](const Key& a, const Key& b) {
    return std::tie(a.place.line, a.place.column, a.code, a.index) <
           std::tie(b.place.line, b.place.column, b.code, b.index);
  };
  const std::size_t n = std::min(limit, keys.size());
  std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(n), keys.end(), before);
  LintSummary out;
  out.total = found.size();
  out.first.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    const auto& f = found[keys[k].index];
    Location where{std::string(file), keys[k].place.line, keys[k].place.column, {}};
    if (f.node) where.pointer = places.node_pointer(*f.node);
    if (f.edge) where.pointer = places.edge_pointer(*f.edge);
    auto text = analysis::describe(input.graph, f);
    // Notes are a checklist, never an error.
    const Severity shown = analysis::lint_rule(f.code).note ? Severity::note : severity;
    out.first.push_back({f.code, Diagnostic{shown, std::move(where), std::move(text.message)}, std::move(text.fix)});
  }
  return out;
}

std::vector<LintDiagnostic> lint_input(const ReadResult& input, std::string_view file, Severity severity,
                                       const SchemeLibrary* schemes) {
  return lint_input_first(input, file, static_cast<std::size_t>(-1), severity, schemes).first;
}

std::string format(const LintDiagnostic& finding) {
  const auto& rule = analysis::lint_rule(finding.code);
  return finding.diagnostic.format() + " [" + std::string(rule.id) + " " + std::string(rule.name) + "]";
}

void write_lint_text(std::ostream& out, std::span<const LintDiagnostic> findings) {
  std::string buf;
  for (const auto& f : findings) buf += format(f) + "\n  fix: " + f.fix + "\n";
  const std::size_t n = findings.size();
  buf += n == 0 ? std::string("No findings.\n") : std::to_string(n) + (n == 1 ? " finding.\n" : " findings.\n");
  out << buf;
}

void write_lint_json(std::ostream& out, std::span<const LintDiagnostic> findings) {
  std::string buf = "{\n  \"findings\": [";
  bool first = true;
  for (const auto& f : findings) {
    const auto& rule = analysis::lint_rule(f.code);
    const Location& where = f.diagnostic.where;
    buf += first ? "\n    {" : ",\n    {";
    first = false;
    detail::JsonMembers m(buf);
    m.string("code", rule.id).string("name", rule.name).string("severity", to_string(f.diagnostic.severity));
    m.string("file", where.file);
    m.raw("line", where.line > 0 ? std::to_string(where.line) : "null");
    m.raw("column", where.line > 0 ? std::to_string(where.column) : "null");
    m.string("pointer", where.pointer).string("message", f.diagnostic.message).string("fix", f.fix);
    buf += '}';
  }
  buf += first ? "]\n}\n" : "\n  ]\n}\n";
  out << buf;
}

}  // namespace claimgraph::io
