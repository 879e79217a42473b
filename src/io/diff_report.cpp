#include "claimgraph/io/diff_report.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "detail/escape.hpp"
#include "detail/number.hpp"
#include "detail/output.hpp"
#include "detail/svg.hpp"
#include "detail/text.hpp"

using claimgraph::detail::plain;

namespace claimgraph::io {

namespace {

using Json = nlohmann::json;

// "c1 (The label)", the label from whichever version has the node.
std::string named(const Graph& graph, std::string_view id) {
  const auto v = graph.find(id);
  if (!v) return plain(id);
  const Node& n = graph.node(*v);
  return n.label.empty() || n.label == n.id ? plain(id) : plain(id) + " (" + plain(n.label) + ")";
}

std::string value_text(const std::optional<std::string>& value) { return value ? plain(*value) : "(none)"; }

void append_fields(std::string& buf, const std::vector<FieldChange>& fields, std::string_view indent) {
  for (const auto& f : fields) {
    buf += indent;
    buf += plain(f.key) + ": " + value_text(f.old_value) + " → " + value_text(f.new_value) + "\n";
  }
}

void append_question(std::string& buf, char sign, const QuestionChange& q) {
  buf += "  ";
  buf += sign;
  buf += ' ';
  buf += plain(q.question);
  buf += " of " + plain(q.scheme) + ", against " + plain(q.inference) + "\n";
}

void append_finding(std::string& buf, char sign, const FindingChange& f) {
  buf += "  ";
  buf += sign;
  buf += ' ';
  buf += plain(f.code);
  buf += ' ';
  buf += plain(f.name);
  buf += ": " + plain(f.message) + "\n";
}

std::string semantics_words(const CaseDiff& d) {
  return std::string(analysis::to_string(d.semantics)) +
         (d.burden ? " semantics, with the burden of persuasion" : " semantics");
}

// The number of things that changed, for the summary line.
std::size_t structure_count(const CaseDiff& d) {
  return d.case_fields.size() + d.added_nodes.size() + d.removed_nodes.size() + d.changed_nodes.size() +
         d.added_edges.size() + d.removed_edges.size() + d.changed_edges.size();
}

std::size_t analysis_count(const CaseDiff& d) {
  return d.grounding.size() + d.status.size() + d.strength.size() + d.questions_raised.size() +
         d.questions_settled.size() + d.findings_new.size() + d.findings_resolved.size();
}

std::string text_report(const DiffSides& sides, const CaseDiff& d) {
  std::string buf = "--- " + plain(sides.old_name) + "\n+++ " + plain(sides.new_name) + "\n";
  if (d.empty()) return buf + "No changes.\n";
  buf += '\n';
  if (!d.case_fields.empty()) {
    buf += "Case:\n";
    append_fields(buf, d.case_fields, "  ~ ");
    buf += '\n';
  }
  if (!d.added_nodes.empty() || !d.removed_nodes.empty() || !d.changed_nodes.empty()) {
    buf += "Nodes:\n";
    for (const auto& id : d.added_nodes) buf += "  + " + named(sides.new_graph, id) + "\n";
    for (const auto& id : d.removed_nodes) buf += "  - " + named(sides.old_graph, id) + "\n";
    for (const auto& c : d.changed_nodes) {
      buf += "  ~ " + named(sides.new_graph, c.key) + "\n";
      append_fields(buf, c.fields, "      ");
    }
    buf += '\n';
  }
  if (!d.added_edges.empty() || !d.removed_edges.empty() || !d.changed_edges.empty()) {
    buf += "Edges:\n";
    for (const auto& key : d.added_edges) buf += "  + " + plain(key) + "\n";
    for (const auto& key : d.removed_edges) buf += "  - " + plain(key) + "\n";
    for (const auto& c : d.changed_edges) {
      buf += "  ~ " + plain(c.key) + "\n";
      append_fields(buf, c.fields, "      ");
    }
    buf += '\n';
  }
  if (!d.grounding.empty()) {
    buf += "Grounding:\n";
    for (const auto& g : d.grounding) {
      if (g.grounded) {
        buf += "  ✓ " + named(sides.new_graph, g.id) + ": now grounded\n";
        continue;
      }
      buf += "  ✗ " + named(sides.new_graph, g.id) + ": lost grounding\n      " + plain(g.reason) + "\n";
      for (const auto& m : g.missing) buf += "        - " + named(sides.new_graph, m) + "\n";
    }
    buf += '\n';
  }
  if (!d.status.empty()) {
    buf += "Status (" + semantics_words(d) + "):\n";
    for (const auto& s : d.status) {
      buf += "  " + plain(s.id) + ": " + s.old_status + " → " + s.new_status;
      if (!s.reason.empty()) buf += ": " + plain(s.reason);
      buf += '\n';
    }
    buf += '\n';
  }
  if (!d.strength.empty()) {
    buf += "Strength (changes above " + detail::fixed2(d.threshold) + "):\n";
    for (const auto& s : d.strength) {
      buf += "  " + plain(s.id) + ": " + detail::fixed2(s.old_strength) + " → " + detail::fixed2(s.new_strength) + "\n";
    }
    buf += '\n';
  }
  if (!d.questions_raised.empty() || !d.questions_settled.empty()) {
    buf += "Critical questions raised and not answered:\n";
    for (const auto& q : d.questions_raised) append_question(buf, '+', q);
    for (const auto& q : d.questions_settled) append_question(buf, '-', q);
    buf += '\n';
  }
  if (!d.findings_new.empty() || !d.findings_resolved.empty()) {
    buf += "Lint findings:\n";
    for (const auto& f : d.findings_new) append_finding(buf, '+', f);
    for (const auto& f : d.findings_resolved) append_finding(buf, '-', f);
    buf += '\n';
  }
  const std::size_t s = structure_count(d);
  const std::size_t a = analysis_count(d);
  buf += std::to_string(s) + (s == 1 ? " change" : " changes") + " to the case, " + std::to_string(a) +
         (a == 1 ? " change" : " changes") + " to its analysis.\n";
  return buf;
}

Json fields_json(const std::vector<FieldChange>& fields) {
  Json out = Json::array();
  for (const auto& f : fields) {
    Json item = {{"field", f.key}};
    if (f.old_value) item["old"] = Json::parse(*f.old_value);
    if (f.new_value) item["new"] = Json::parse(*f.new_value);
    out.push_back(std::move(item));
  }
  return out;
}

Json items_json(const std::vector<ItemChange>& items, const char* key) {
  Json out = Json::array();
  for (const auto& c : items) out.push_back({{key, c.key}, {"fields", fields_json(c.fields)}});
  return out;
}

Json questions_json(const std::vector<QuestionChange>& questions) {
  Json out = Json::array();
  for (const auto& q : questions) {
    out.push_back({{"inference", q.inference}, {"scheme", q.scheme}, {"question", q.question}});
  }
  return out;
}

Json findings_json(const std::vector<FindingChange>& findings) {
  Json out = Json::array();
  for (const auto& f : findings) out.push_back({{"code", f.code}, {"name", f.name}, {"message", f.message}});
  return out;
}

Json report_json(const DiffSides& sides, const CaseDiff& d) {
  Json out = Json::object();
  out["changed"] = !d.empty();
  out["old"] = sides.old_name;
  out["new"] = sides.new_name;
  out["semantics"] = std::string(analysis::to_string(d.semantics));
  out["burden"] = d.burden;
  out["threshold"] = d.threshold;
  out["case"] = fields_json(d.case_fields);
  out["nodes"] = {{"added", d.added_nodes}, {"removed", d.removed_nodes}, {"changed", items_json(d.changed_nodes, "id")}};
  out["edges"] = {{"added", d.added_edges}, {"removed", d.removed_edges}, {"changed", items_json(d.changed_edges, "key")}};
  Json grounding = Json::array();
  for (const auto& g : d.grounding) {
    Json item = {{"id", g.id}, {"grounded", g.grounded}};
    if (!g.grounded) {
      item["reason"] = g.reason;
      item["missing"] = g.missing;
    }
    grounding.push_back(std::move(item));
  }
  out["grounding"] = std::move(grounding);
  Json status = Json::array();
  for (const auto& s : d.status) {
    Json item = {{"id", s.id}, {"old", s.old_status}, {"new", s.new_status}};
    if (!s.reason.empty()) item["reason"] = s.reason;
    status.push_back(std::move(item));
  }
  out["status"] = std::move(status);
  Json strength = Json::array();
  for (const auto& s : d.strength) strength.push_back({{"id", s.id}, {"old", s.old_strength}, {"new", s.new_strength}});
  out["strength"] = std::move(strength);
  out["questions"] = {{"raised", questions_json(d.questions_raised)}, {"settled", questions_json(d.questions_settled)}};
  out["lint"] = {{"new", findings_json(d.findings_new)}, {"resolved", findings_json(d.findings_resolved)}};
  return out;
}

constexpr std::string_view page_head =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'\">\n"
    "<meta name=\"generator\" content=\"claimgraph\">\n";

constexpr std::string_view page_style =
    "<style>\n"
    "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}\n"
    "figure{margin:1em 0;overflow:auto;border:1px solid #ccc}\n"
    "figure svg{display:block}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:1.5em;list-style:none;padding:0}\n"
    ".legend span{display:inline-block;width:2.5em;height:1em;margin-right:.4em;vertical-align:middle}\n"
    ".added span{border:3px solid #222}\n"
    ".removed span{border:1px dashed #999}\n"
    ".changed span{border:3px solid #222}\n"
    "figure{max-height:90vh}\n"
    "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}\n"
    "</style>\n"
    "</head>\n";

}  // namespace

void write_diff_text(std::ostream& out, const DiffSides& sides, const CaseDiff& diff) { out << text_report(sides, diff); }

void write_diff_json(std::ostream& out, const DiffSides& sides, const CaseDiff& diff) {
  out << report_json(sides, diff).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

DiffGraph diff_graph(const ReadResult& old_case, const ReadResult& new_case, const CaseDiff& diff) {
  DiffGraph out{new_case.graph, {}, {}};
  Graph& g = out.graph;
  const Graph& old_graph = old_case.graph;
  out.nodes.assign(g.node_count(), ChangeMark::none);
  for (const auto& id : diff.added_nodes) out.nodes[*g.find(id)] = ChangeMark::added;
  for (const auto& c : diff.changed_nodes) out.nodes[*g.find(c.key)] = ChangeMark::changed;
  for (const auto& id : diff.removed_nodes) {
    g.add_node(old_graph.node(*old_graph.find(id)));
    out.nodes.push_back(ChangeMark::removed);
  }
  // Edges by key: the new version's, then the ghosts of the removed ones
  // (supports and the other relations first, so that a ghost undercut can
  // attack a ghost support).
  std::map<std::string, std::size_t> at;
  const auto new_keys = edge_keys(new_case);
  for (std::size_t i = 0; i < new_keys.size(); ++i) at.emplace(new_keys[i], i);
  out.edges.assign(g.edge_count(), ChangeMark::none);
  for (const auto& key : diff.added_edges) out.edges[at.at(key)] = ChangeMark::added;
  for (const auto& c : diff.changed_edges) out.edges[at.at(c.key)] = ChangeMark::changed;
  const auto old_keys = edge_keys(old_case);
  std::map<std::string, std::size_t> old_at;
  for (std::size_t i = 0; i < old_keys.size(); ++i) old_at.emplace(old_keys[i], i);
  for (const bool undercuts : {false, true}) {
    for (const auto& key : diff.removed_edges) {
      const auto e = old_graph.edges()[old_at.at(key)];
      const Edge& edge = old_graph.edge(e);
      if ((edge.relation == Relation::undercuts) != undercuts) continue;
      const auto from = g.find(old_graph.id(old_graph.source(e)));
      if (undercuts) {
        const auto attacked = at.find(old_keys[edge.undercut]);
        if (attacked == at.end()) continue;
        g.add_undercut(*from, attacked->second);
      } else {
        g.add_edge(*from, *g.find(old_graph.id(old_graph.target(e))), edge.relation);
      }
      at.emplace(key, g.edge_count() - 1);
      out.edges.push_back(ChangeMark::removed);
    }
  }
  return out;
}

std::string diff_dot(const DiffGraph& graph, bool layered) {
  DotOptions options;
  options.layered = layered;
  options.node_changes = &graph.nodes;
  options.edge_changes = &graph.edges;
  std::ostringstream out;
  write_dot(out, graph.graph, options);
  return std::move(out).str();
}

void write_diff_html(std::ostream& out, const DiffSides& sides, const CaseDiff& diff, std::string_view svg) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  buf += page_head;
  buf += "<title>";
  detail::append_html_text(buf, "Changes: " + sides.old_name + " → " + sides.new_name);
  buf += "</title>\n";
  buf += page_style;
  buf += "<body>\n<h1>";
  detail::append_html_text(buf, "Changes to " + (sides.new_graph.title ? *sides.new_graph.title : sides.new_name));
  buf += "</h1>\n<p>";
  detail::append_html_text(buf, sides.old_name);
  buf += " → ";
  detail::append_html_text(buf, sides.new_name);
  buf += "</p>\n";
  buf += "<h2>Summary</h2>\n<pre>";
  detail::append_html_text(buf, text_report(sides, diff));
  buf += "</pre>\n";
  if (!svg.empty()) {
    buf += "<h2>Diagram</h2>\n<ul class=\"legend\">"
           "<li class=\"added\"><span></span>ADDED: only in the new version (heavy border, headed ADDED)</li>"
           "<li class=\"removed\"><span></span>REMOVED: only in the old version (a dashed grey ghost, struck through)</li>"
           "<li class=\"changed\"><span></span>CHANGED: some field differs (heavy border, headed CHANGED; an edge "
           "labelled &quot;changed&quot;)</li></ul>\n<figure>";
    detail::append_inline_svg(buf, svg);
    buf += "</figure>\n";
  }
  buf += "</body>\n</html>\n";
  output.flush();
}

}  // namespace claimgraph::io
