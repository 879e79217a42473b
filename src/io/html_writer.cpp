#include "claimgraph/io/html_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "detail/escape.hpp"
#include "detail/json_members.hpp"
#include "detail/output.hpp"
#include "detail/svg.hpp"
#include "detail/text.hpp"
#include "io/burden_members.hpp"
#include "io/failures.hpp"
#include "io/html/assets.hpp"

namespace claimgraph::io {

namespace {

using detail::JsonMembers;
using detail::JsonStyle;

// Nodes by position, as a JSON list: [3,7].
std::string positions(const std::vector<Graph::NodeRef>& nodes) {
  std::string out = "[";
  for (const Graph::NodeRef v : nodes) {
    if (out.size() > 1) out += ',';
    out += std::to_string(v);
  }
  out += ']';
  return out;
}

// What the exclusion and the points of failure say of node `v`: excluded;
// fell, and the excluded nodes it rested on; for a grounded claim, the
// evidence it cannot lose (a list, empty when it can lose any one); for
// evidence, the claims it alone holds up.
void append_failures(JsonMembers& m, const Graph& graph, Graph::NodeRef v, const analysis::Analyses& analyses,
                     const std::vector<std::vector<Graph::NodeRef>>& holds_up) {
  if (analyses.is_excluded(v)) m.boolean("excluded", true);
  if (analyses.fell(v)) {
    m.boolean("fell", true);
    m.raw("fell_with", positions(detail::excluded_beneath(graph, analyses, v)));
  }
  if (analyses.single_points == nullptr || v >= analyses.single_points->size()) return;
  const bool grounded = analyses.grounding != nullptr && v < analyses.grounding->grounded.size() &&
                        analyses.grounding->grounded[v];
  if (is_claim_like(graph.node(v).kind) && grounded) {
    m.raw("cannot_lose", positions((*analyses.single_points)[v]));
    // Those the view or redaction left out, counted: they have no position.
    if (const std::size_t hidden = analyses.hidden_points(v); hidden > 0) m.raw("cannot_lose_hidden", std::to_string(hidden));
  }
  const std::size_t unshown = analyses.hidden_held(v);
  if ((v < holds_up.size() && !holds_up[v].empty()) || unshown > 0) {
    m.raw("holds_up", positions(v < holds_up.size() ? holds_up[v] : std::vector<Graph::NodeRef>()));
    if (unshown > 0) m.raw("holds_up_hidden", std::to_string(unshown));
  }
}

// The fields the panel shows, and what the analyses say of the node.
void append_node(std::string& out, const Graph& graph, Graph::NodeRef v, const analysis::Analyses& analyses,
                 const std::vector<std::vector<Graph::NodeRef>>& holds_up) {
  const Node& node = graph.node(v);
  out += '{';
  JsonMembers m(out, JsonStyle::script);
  m.string("id", node.id).string("kind", to_string(node.kind)).string("label", node.label);
  m.string("text", node.text).string("party", node.party).string("group", node.group).string("source", node.source);
  if (node.tags) m.strings("tags", *node.tags);
  if (node.weight) m.number("weight", *node.weight);
  if (node.standard) m.string("standard", to_string(*node.standard));
  m.string("burden", node.burden);
  if (node.test) m.string("test", to_string(*node.test));
  m.string("scheme", node.scheme);
  if (node.privileged) m.boolean("privileged", true);
  if (!node.cite.empty()) {
    // Always a list, and only the fields the panel shows (no kept unknown
    // fields, whose raw JSON the page has no use for).
    std::string cites = "[";
    for (const Citation& c : node.cite) {
      if (cites.size() > 1) cites += ',';
      cites += '{';
      JsonMembers f(cites, JsonStyle::script);
      f.string("document", c.document).string("exhibit", c.exhibit).string("bates", c.bates).string("pin", c.pin);
      f.string("date", c.date).string("quote", c.quote).string("authority", c.authority).string("url", c.url);
      cites += '}';
    }
    cites += ']';
    m.raw("cite", cites);
  }
  const auto* grounding = analyses.grounding;
  if (grounding != nullptr && v < grounding->claim_index.size() &&
      grounding->claim_index[v] != analysis::GroundingReport::npos) {
    const auto& claim = grounding->claims[grounding->claim_index[v]];
    m.boolean("lacks_evidence", !claim.grounded);
    if (!claim.grounded) m.string("gap", analysis::to_string(claim.gap));
  }
  if (analyses.status != nullptr && v < analyses.status->labels.size()) {
    const analysis::StatusReport& status = *analyses.status;
    m.string("status", analysis::to_string(status.labels[v]));
    append_burden_members(m, graph, status, v);  // as evaluate's JSON says it
  }
  if (analyses.strength != nullptr && v < analyses.strength->strength.size()) {
    m.number("strength", analyses.strength->strength[v]);
    if (is_claim_like(node.kind) && v < analyses.strength->established.size()) {
      m.boolean("established", analyses.strength->established[v]);
    }
  }
  append_failures(m, graph, v, analyses, holds_up);
  out += '}';
}

// Nodes by position, as the drawing and the script know them.
void append_edge(std::string& out, const Graph& graph, std::size_t i, const analysis::Analyses& analyses) {
  const auto e = graph.edges()[i];
  const Edge& edge = graph.edge(e);
  out += '{';
  JsonMembers m(out, JsonStyle::script);
  m.raw("from", std::to_string(graph.source(e))).raw("to", std::to_string(graph.target(e)));
  m.string("relation", to_string(edge.relation));
  if (edge.id) m.string("id", *edge.id);
  if (edge.relation == Relation::undercuts) m.raw("edge", std::to_string(edge.undercut));
  if (analyses.status != nullptr && i < analyses.status->undercut.size() && analyses.status->undercut[i]) {
    m.boolean("undercut", true);
  }
  if (!edge.question().empty()) m.string("question", edge.question());
  // An inference of a scheme: its critical questions and their state.
  if (const auto* inference = analyses.schemes != nullptr ? analyses.schemes->at_edge(i) : nullptr) {
    m.string("scheme", inference->scheme->title).key("questions");
    out += '[';
    for (std::size_t k = 0; k < inference->questions.size(); ++k) {
      const auto& q = inference->questions[k];
      const CriticalQuestion& cq = inference->scheme->questions[q.question];
      out += k > 0 ? ",{" : "{";
      JsonMembers mq(out, JsonStyle::script);
      mq.string("id", cq.id).string("type", to_string(cq.type)).string("question", cq.text);
      if (!cq.rule.empty()) mq.string("rule", cq.rule);
      const auto sources = [&](std::string_view key, const std::vector<std::size_t>& list) {
        mq.key(key);
        out += '[';
        for (std::size_t j = 0; j < list.size(); ++j) {
          if (j > 0) out += ',';
          out += std::to_string(graph.source(graph.edges()[list[j]]));
        }
        out += ']';
      };
      sources("raised_by", q.raised_by);
      sources("answered_by", q.answered_by);
      if (q.defeats) mq.string("defeats", analysis::to_string(*q.defeats));
      out += '}';
    }
    out += ']';
  }
  out += '}';
}

// "52 nodes, 67 edges; 12 of 26 claims and counterclaims lack evidence."
void append_summary(std::string& out, const Graph& graph, const HtmlOptions& options) {
  out += std::to_string(graph.node_count());
  out += graph.node_count() == 1 ? " node, " : " nodes, ";
  out += std::to_string(graph.edge_count());
  out += graph.edge_count() == 1 ? " edge" : " edges";
  if (options.analyses.grounding != nullptr) {
    const auto& g = *options.analyses.grounding;
    out += "; ";
    out += std::to_string(g.lacking());
    out += " of ";
    out += std::to_string(g.claims.size());
    out += g.claims.size() == 1 ? " claim or counterclaim " : " claims and counterclaims ";
    out += g.lacking() == 1 ? "lacks evidence" : "lack evidence";
  }
  out += '.';
  const auto& a = options.analyses;
  // Which semantics gave the statuses, as the report says it.
  if (a.status != nullptr) {
    std::size_t in = 0, out_count = 0, undec = 0;
    for (const auto l : a.status->labels) {
      in += l == analysis::Label::in ? 1u : 0u;
      out_count += l == analysis::Label::out ? 1u : 0u;
      undec += l == analysis::Label::undec ? 1u : 0u;
    }
    out += " Status (grounded semantics";
    if (!a.status->decided.empty()) out += ", undecided issues decided by the burden of persuasion";
    out += "): " + std::to_string(in) + " IN, " + std::to_string(out_count) + " OUT, " + std::to_string(undec) +
           " UNDEC.";
  }
  // The analyses are of the record without what was excluded: say so.
  if (a.excluded == nullptr) return;
  std::size_t excluded = 0, fell = 0;
  for (Graph::NodeRef v = 0; v < graph.node_count(); ++v) {
    excluded += a.is_excluded(v) ? 1u : 0u;
    fell += a.fell(v) ? 1u : 0u;
  }
  out += " As if the court had excluded " + std::to_string(excluded) + (excluded == 1 ? " node: " : " nodes: ");
  out += std::to_string(fell);
  out += fell == 1 ? " claim or counterclaim fell with " : " claims and counterclaims fell with ";
  out += excluded == 1 ? "it." : "them.";
}

constexpr std::string_view head =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

// Nothing may be fetched: the page is all there is. A page served live may
// also connect to the server it came from, for the news of each save.
constexpr std::string_view policy =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
    "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";
constexpr std::string_view live_policy =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
    "style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'\">\n";

// The head up to and including the style sheet.
void append_head(std::string& buf, std::string_view title, const HtmlLive* live) {
  buf += head;
  buf += live != nullptr ? live_policy : policy;
  buf += "<meta name=\"generator\" content=\"claimgraph\">\n";
  if (live != nullptr) {
    buf += "<meta name=\"claimgraph-live\" content=\"";
    buf += std::to_string(live->version);
    buf += "\">\n";
  }
  buf += "<title>";
  detail::append_html_text(buf, title);
  buf += "</title>\n<style>\n";
  buf += detail::html_page_css;
  if (live != nullptr) buf += detail::html_live_css;
  buf += "</style>\n</head>\n";
}

// A page served live runs the script that follows the server, before
// page.js (it notes the drawing's bounds before page.js moves them).
void append_live_script(std::string& buf, const HtmlLive* live) {
  if (live == nullptr) return;
  buf += "<script>\n";
  buf += detail::html_live_js;
  buf += "</script>\n";
}

// "2 warnings about the case", then each as the program prints it.
void append_notes(std::string& buf, const std::vector<std::string>& notes) {
  if (notes.empty()) return;
  buf += "<details class=\"cg-notes\">\n<summary>";
  buf += std::to_string(notes.size());
  buf += notes.size() == 1 ? " warning" : " warnings";
  buf += " about the case (claimgraph lint explains each)</summary>\n<ul>\n";
  for (const auto& note : notes) {
    buf += "<li><code>";
    detail::append_html_text(buf, note);
    buf += "</code></li>\n";
  }
  buf += "</ul>\n</details>\n";
}

constexpr std::string_view toolbar =
    "<div class=\"cg-toolbar\">\n"
    "<div class=\"cg-search\" role=\"search\">\n"
    "<label for=\"cg-search\">Search</label>\n"
    "<input type=\"search\" id=\"cg-search\" placeholder=\"id, label or text\" autocomplete=\"off\" "
    "spellcheck=\"false\" aria-controls=\"cg-results\" aria-describedby=\"cg-status\">\n"
    "</div>\n"
    "<button type=\"button\" id=\"cg-zoom-in\" aria-label=\"Zoom in\" title=\"Zoom in (+)\">+</button>\n"
    "<button type=\"button\" id=\"cg-zoom-out\" aria-label=\"Zoom out\" title=\"Zoom out (-)\">&minus;</button>\n"
    "<button type=\"button\" id=\"cg-fit\" title=\"Show the whole diagram (0)\">Fit</button>\n"
    "<button type=\"button\" id=\"cg-clear-chain\" hidden>Clear highlight</button>\n"
    "<details class=\"cg-filters\">\n"
    "<summary>Filters</summary>\n"
    "<div class=\"cg-filter-body\">\n"
    "<fieldset id=\"cg-party-filter\"><legend>Party</legend></fieldset>\n"
    "<fieldset id=\"cg-group-filter\"><legend>Group</legend></fieldset>\n"
    "<fieldset><legend>Nodes filtered out</legend>\n"
    "<label><input type=\"radio\" name=\"cg-filter-mode\" value=\"dim\" checked> dimmed</label>\n"
    "<label><input type=\"radio\" name=\"cg-filter-mode\" value=\"hide\"> hidden</label>\n"
    "</fieldset>\n"
    "</div>\n"
    "</details>\n"
    "</div>\n"
    "<p id=\"cg-status\" class=\"cg-status\" role=\"status\" aria-live=\"polite\"></p>\n"
    "<ul id=\"cg-results\" class=\"cg-results\" aria-label=\"Search results\" hidden></ul>\n"
    "</header>\n"
    "<main class=\"cg-main\">\n"
    "<div id=\"cg-view\" class=\"cg-view\" tabindex=\"0\" role=\"group\" aria-label=\"Diagram. Drag or use the arrow "
    "keys to move, the mouse wheel or + and - to zoom, 0 to fit. Tab to a node and press Enter to open it.\">\n";

constexpr std::string_view panel =
    "</div>\n"
    "<aside id=\"cg-panel\" class=\"cg-panel\" aria-labelledby=\"cg-panel-title\" hidden>\n"
    "<button type=\"button\" id=\"cg-close\" class=\"cg-close\" aria-label=\"Close the details\">&times;</button>\n"
    "<h2 id=\"cg-panel-title\" tabindex=\"-1\"></h2>\n"
    "<p id=\"cg-panel-text\" class=\"cg-text\" hidden></p>\n"
    "<dl id=\"cg-panel-fields\" class=\"cg-fields\"></dl>\n"
    "<button type=\"button\" id=\"cg-chain\" aria-pressed=\"false\" title=\"Everything this node rests on, through "
    "supports and elements, down to the evidence\">Highlight support chain</button>\n"
    "<div id=\"cg-panel-links\" class=\"cg-links\"></div>\n"
    "</aside>\n"
    "</main>\n"
    "<script type=\"application/json\" id=\"cg-data\">\n";

}  // namespace

void write_html(std::ostream& out, const Graph& graph, const HtmlOptions& options) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();

  const std::string_view title = graph.title ? std::string_view(*graph.title) : std::string_view("claimgraph");
  append_head(buf, title, options.live);
  buf += "<body>\n<header class=\"cg-header\">\n<h1>";
  detail::append_html_text(buf, title);
  buf += "</h1>\n";
  if (graph.description) {
    buf += "<p class=\"cg-description\">";
    detail::append_html_text(buf, *graph.description);
    buf += "</p>\n";
  }
  if (!options.scope.empty()) {
    buf += "<p class=\"cg-scope\">";
    buf += detail::scope_lead(options.scope.size()).set("<strong>", "</strong>");
    detail::append_html_text(buf, detail::scope_text(options.scope));
    buf += ". The findings are of the whole case: evidence this page does not show still counts.</p>\n";
  }
  buf += "<p class=\"cg-summary\">";
  append_summary(buf, graph, options);
  buf += "</p>\n";
  if (options.live != nullptr) append_notes(buf, options.live->notes);
  buf += toolbar;

  const std::size_t before = buf.size();
  detail::append_inline_svg(buf, options.svg);
  if (buf.size() == before) buf += "<p class=\"cg-nodiagram\">No diagram: search for a node to see it.</p>";
  buf += '\n';
  output.flush_if_full();
  buf += panel;

  // The graph, one node or edge per line; nodes and edges refer to nodes by
  // position, as the drawing does.
  buf += "{\"title\":";
  detail::append_script_json_string(buf, title);
  buf += ",\n\"nodes\":[";
  const auto holds_up = options.analyses.single_points != nullptr
                            ? detail::held_up(graph, *options.analyses.single_points)
                            : std::vector<std::vector<Graph::NodeRef>>();
  for (Graph::NodeRef v = 0; v < graph.node_count(); ++v) {
    buf += v == 0 ? "\n" : ",\n";
    append_node(buf, graph, v, options.analyses, holds_up);
    output.flush_if_full();
  }
  buf += "],\n\"edges\":[";
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    buf += i == 0 ? "\n" : ",\n";
    append_edge(buf, graph, i, options.analyses);
    output.flush_if_full();
  }
  buf += "]}\n</script>\n";
  append_live_script(buf, options.live);
  buf += "<script>\n";
  buf += detail::html_page_js;
  buf += "</script>\n</body>\n</html>\n";
  output.flush();
}

namespace {

// A problem as the program prints it, "case.json:12:5: error: message", with
// its place and its severity set apart for the eye; the text is unchanged.
void append_problem(std::string& buf, std::string_view line) {
  std::size_t at = std::string_view::npos;
  std::string_view severity;
  for (std::string_view s : {std::string_view("error"), std::string_view("warning"), std::string_view("note")}) {
    const std::size_t found = line.find(std::string(": ").append(s).append(": "));
    if (found < at) {
      at = found;
      severity = s;
    }
  }
  if (at == std::string_view::npos) {
    detail::append_html_text(buf, line);
    return;
  }
  buf += "<span class=\"cg-where\">";
  detail::append_html_text(buf, line.substr(0, at + 1));
  buf += "</span> <span class=\"cg-";
  buf += severity;
  buf += "\">";
  buf += severity;
  buf += "</span>: ";
  detail::append_html_text(buf, line.substr(at + severity.size() + 4));
}

}  // namespace

void write_html_problems(std::ostream& out, std::string_view name, const std::vector<std::string>& problems,
                         const HtmlLive& live) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  // The heading names the file as people call it; the text gives the whole name.
  const std::size_t slash = name.find_last_of('/');
  const std::string title = std::string(slash == std::string_view::npos ? name : name.substr(slash + 1)) +
                            " cannot be read";
  append_head(buf, title, &live);
  buf += "<body class=\"cg-problems\">\n<header class=\"cg-header\">\n<h1>";
  detail::append_html_text(buf, title);
  buf += "</h1>\n<p class=\"cg-summary\">claimgraph cannot read ";
  detail::append_html_text(buf, name);
  buf += problems.size() == 1 ? std::string(": the problem below stops it") :
                                ": the " + std::to_string(problems.size()) + " problems below stop it";
  buf += ". Each starts with where it is: the file, the line and the column. Correct the file and save it: the "
         "diagram comes back here by itself, as you left it.</p>\n"
         "</header>\n<main class=\"cg-problem-main\">\n<ul class=\"cg-problem-list\">\n";
  for (const auto& problem : problems) {
    buf += "<li><code>";
    append_problem(buf, problem);
    buf += "</code></li>\n";
    output.flush_if_full();
  }
  buf += "</ul>\n</main>\n";
  append_live_script(buf, &live);
  buf += "</body>\n</html>\n";
  output.flush();
}

}  // namespace claimgraph::io
