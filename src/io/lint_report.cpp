#include "claimgraph/io/lint_report.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

#include "detail/json_members.hpp"

namespace claimgraph::io {

std::vector<LintDiagnostic> lint_input(const ReadResult& input, std::string_view file, Severity severity) {
  const SourceMap& places = input.places;
  analysis::LintOptions options;
  if (places.edge_id_written.size() == input.graph.edge_count()) options.edge_id_written = places.edge_id_written;
  std::vector<LintDiagnostic> out;
  for (auto& f : analysis::lint(input.graph, options)) {
    Location where{std::string(file), 0, 0, {}};
    const SourcePlace* place = nullptr;
    if (f.node) {
      if (*f.node < places.nodes.size()) place = &places.nodes[*f.node];
      where.pointer = places.node_pointer(*f.node);
    } else if (f.edge) {
      if (*f.edge < places.edges.size()) place = &places.edges[*f.edge];
      where.pointer = places.edge_pointer(*f.edge);
    }
    if (place != nullptr) {
      where.line = place->line;
      where.column = place->column;
    }
    out.push_back({f.code, Diagnostic{severity, std::move(where), std::move(f.message)}, std::move(f.fix)});
  }
  std::stable_sort(out.begin(), out.end(), [](const LintDiagnostic& a, const LintDiagnostic& b) {
    const auto& x = a.diagnostic.where;
    const auto& y = b.diagnostic.where;
    return std::tie(x.line, x.column, a.code) < std::tie(y.line, y.column, b.code);
  });
  return out;
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
