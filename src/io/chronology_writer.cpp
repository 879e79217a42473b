#include "claimgraph/io/chronology_writer.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "claimgraph/redact.hpp"
#include "detail/escape.hpp"
#include "detail/output.hpp"
#include "detail/text.hpp"

namespace claimgraph::io {

namespace {

using Vertex = Graph::NodeRef;

// What every node bears on (see the header): the nearest claim-like nodes
// its out-edges reach, through evidence. The evidence nodes and the edges
// between them are copied into a compact graph whose strongly connected
// components (BGL's DFS is iterative) share one list; Tarjan's algorithm
// numbers a component after every component it reaches, so the lists are
// built in one pass from component 0 up.
class BearsOn {
 public:
  explicit BearsOn(const Graph& graph) : graph_(graph) {
    const std::size_t n = graph.node_count();
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    compact_.assign(n, none);
    std::vector<Vertex> members_of;
    for (Vertex v = 0; v < n; ++v) {
      if (graph.node(v).kind != NodeKind::evidence) continue;
      compact_[v] = members_of.size();
      members_of.push_back(v);
    }
    // Listed by source in order: a compressed sparse row graph built at
    // once, each node's out-edges in the order listed.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (Vertex v : members_of) {
      for (const auto& e : graph.out_edges(v)) {
        const Vertex t = graph.target(e);
        // Node numbers fit in 32 bits, as in the graph's own rows.
        if (t != v && compact_[t] != none) {
          edges.emplace_back(static_cast<std::uint32_t>(compact_[v]), static_cast<std::uint32_t>(compact_[t]));
        }
      }
    }
    const Graph::Store evidence(boost::edges_are_sorted, edges.begin(), edges.end(),
                                static_cast<std::uint32_t>(members_of.size()));
    std::vector<std::size_t> component(members_of.size());
    const std::size_t count = members_of.empty() ? 0 : boost::strong_components(evidence, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, evidence)));
    // The members of each component, in node order.
    std::vector<std::size_t> first(count + 1, 0);
    for (std::size_t c : component) ++first[c + 1];
    for (std::size_t c = 0; c < count; ++c) first[c + 1] += first[c];
    std::vector<Vertex> members(members_of.size());
    std::vector<std::size_t> next(first.begin(), first.end() - 1);
    for (std::size_t i = 0; i < members_of.size(); ++i) members[next[component[i]]++] = members_of[i];
    component_.assign(n, none);
    for (std::size_t i = 0; i < members_of.size(); ++i) component_[members_of[i]] = component[i];
    lists_.resize(count);
    for (std::size_t c = 0; c < count; ++c) {
      std::vector<Vertex> list;
      for (std::size_t k = first[c]; k < first[c + 1]; ++k) gather(members[k], c, list);
      finish(list);
      lists_[c] = std::move(list);
    }
  }

  // What `v` bears on, in node order.
  [[nodiscard]] std::vector<Vertex> of(Vertex v) const {
    if (graph_.node(v).kind == NodeKind::evidence) return lists_[component_[v]];
    // A claim does not bear on itself, though a cycle may lead back to it.
    std::vector<Vertex> list;
    gather(v, static_cast<std::size_t>(-1), list);
    finish(list);
    list.erase(std::remove(list.begin(), list.end(), v), list.end());
    return list;
  }

 private:
  // Appends what the edges out of `v` reach: a claim-like target, or the
  // list of an evidence target outside `own` (a component already listed).
  void gather(Vertex v, std::size_t own, std::vector<Vertex>& list) const {
    for (const auto& e : graph_.out_edges(v)) {
      const Vertex t = graph_.target(e);
      if (t == v) continue;
      if (is_claim_like(graph_.node(t).kind)) {
        list.push_back(t);
      } else if (component_[t] != own) {
        const auto& reached = lists_[component_[t]];
        list.insert(list.end(), reached.begin(), reached.end());
      }
    }
  }

  static void finish(std::vector<Vertex>& list) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    list.shrink_to_fit();
  }

  const Graph& graph_;
  std::vector<std::size_t> compact_;
  std::vector<std::size_t> component_;
  std::vector<std::vector<Vertex>> lists_;
};

const analysis::StatusReport* status_of(const ChronologyOptions& options, const Graph& graph) {
  const auto* status = options.analyses.status;
  return status != nullptr && status->labels.size() == graph.node_count() ? status : nullptr;
}

// --- CSV ---------------------------------------------------------------------

constexpr std::string_view bom = "\xEF\xBB\xBF";
constexpr std::string_view unknown_date = "date unknown";

class Row {
 public:
  explicit Row(std::string& out) : out_(out) {}
  void text(std::string_view s) {
    if (!first_) out_ += ',';
    first_ = false;
    detail::append_csv_field(out_, s);
  }
  void end() { out_ += "\r\n"; }

 private:
  std::string& out_;
  bool first_ = true;
};

// The text of the citation column: the one that dates the entry, or all.
std::string citation_text(const Node& node, const ChronologyEntry& entry) {
  return entry.cite ? format_citation(node.cite[*entry.cite]) : format_citations(node.cite);
}

// --- HTML --------------------------------------------------------------------

constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",
                                                       "May",     "June",     "July",      "August",
                                                       "September", "October", "November", "December"};

// Two digits at `i` of `s` as a number (the date was checked when read).
int two_digits(std::string_view s, std::size_t i) { return (s[i] - '0') * 10 + (s[i + 1] - '0'); }

// "2021-01-10T23:59-08:00" in words: "10 January 2021, 23:59 UTC−08:00";
// "2020-12": "December 2020"; "2021": "2021". `date` is what parse_date
// accepted (YYYY[-MM[-DD[Thh:mm[:ss[.f]][Z|±hh:mm]]]]).
std::string date_in_words(std::string_view date, DatePrecision precision) {
  std::string out;
  const std::string_view year = date.substr(0, 4);
  if (precision == DatePrecision::year) return std::string(year);
  const std::string_view month = month_names[static_cast<std::size_t>(two_digits(date, 5) - 1)];
  if (precision != DatePrecision::month) out.append(std::to_string(two_digits(date, 8))).append(1, ' ');
  out.append(month).append(1, ' ').append(year);
  if (precision != DatePrecision::time) return out;
  std::size_t i = 16;  // after hh:mm
  out.append(", ").append(date.substr(11, 5));
  if (i < date.size() && date[i] == ':') {
    out.append(date.substr(i, 3));
    i += 3;
    if (i < date.size() && (date[i] == '.' || date[i] == ',')) {
      ++i;
      while (i < date.size() && date[i] >= '0' && date[i] <= '9') ++i;
    }
  }
  if (i < date.size() && date[i] == 'Z') {
    out.append(" UTC");
  } else if (i < date.size()) {
    out.append(" UTC").append(date[i] == '-' ? "\xE2\x88\x92" : "+").append(date.substr(i + 1));
  }
  return out;
}

// The party colours: Okabe and Ito's colour-blind-safe hues for the dots and
// borders, with darker shades of the same hues where they colour text. A
// party's name is always written too, so colour is never the only sign.
constexpr std::size_t party_colours = 6;

constexpr std::string_view style = R"css(:root {
  --ink: #212121; --muted: #546e7a; --line: #cfd8dc;
  --in: #007a5a; --out: #5f5f5f; --undec: #8a5a00;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { padding: 1.25rem 2rem 1rem; border-bottom: 1px solid var(--line); background: #f5f7f8; }
h1 { margin: 0; font-size: 1.6rem; }
.case { margin: 0.1rem 0 0; font-size: 1.1rem; font-weight: 600; }
.description, .summary { margin: 0.3rem 0 0; color: var(--muted); max-width: 62rem; }
.scope { margin: 0.4rem 0 0; padding: 0.15rem 0.5rem; max-width: 62rem; border-left: 4px solid #b26a00; background: #fff4e0; }
.parties { list-style: none; margin: 0.6rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; }
.parties li { display: flex; align-items: center; gap: 0.45rem; font-weight: 600; color: var(--t); }
.swatch { display: inline-block; width: 0.85rem; height: 0.85rem; border-radius: 50%; background: var(--c); }
main { padding: 1.25rem 2rem 2rem; max-width: 66rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.8rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--line); }
.timeline { list-style: none; margin: 0; padding: 0; position: relative; }
.timeline::before { content: ""; position: absolute; left: 12.5rem; top: 0.4rem; bottom: 0.4rem; width: 2px;
  margin-left: -1px; background: var(--line); }
.entry { display: grid; grid-template-columns: 11.5rem 2rem minmax(0, 1fr); align-items: start; margin: 0 0 0.85rem;
  break-inside: avoid; page-break-inside: avoid; }
.year { position: relative; margin: 1.1rem 0 0.7rem; display: grid; grid-template-columns: 11.5rem 2rem 1fr; }
.year span { grid-column: 1; text-align: right; font-size: 1.25rem; font-weight: 700; color: var(--muted); }
.when { text-align: right; padding-top: 0.45rem; }
.when time { display: block; font-weight: 600; }
.same time { color: var(--muted); font-weight: 400; }
.iso { display: block; font-size: 0.78rem; color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; }
.dot { position: relative; z-index: 1; width: 0.95rem; height: 0.95rem; margin: 0.7rem auto 0; border-radius: 50%;
  background: var(--c); box-shadow: 0 0 0 3px #fff; }
.card { border: 1px solid var(--line); border-left: 5px solid var(--c); border-radius: 4px; padding: 0.45rem 0.8rem 0.55rem;
  background: #fff; overflow-wrap: anywhere; }
.card h3 { margin: 0; font-size: 1rem; line-height: 1.35; }
.meta { margin: 0.15rem 0 0; font-size: 0.85rem; color: var(--muted); }
.party { font-weight: 600; color: var(--t); }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85em; }
.cite { margin: 0.35rem 0 0; font-size: 0.9rem; }
blockquote { margin: 0.3rem 0 0; padding-left: 0.7rem; border-left: 3px solid var(--line); font-style: italic; font-size: 0.9rem; }
.bears { margin: 0.4rem 0 0; font-size: 0.9rem; }
.bears p { margin: 0; color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
.bears ul { list-style: none; margin: 0.1rem 0 0; padding: 0; }
.bears li { margin: 0.1rem 0; }
.status { display: inline-block; min-width: 3.7rem; margin-right: 0.4rem; padding: 0 0.25rem; border: 1px solid currentColor;
  border-radius: 3px; text-align: center; font: 700 0.72rem/1.5 ui-monospace, Menlo, Consolas, monospace; }
.meta .status { min-width: 0; margin: 0 0 0 0.3rem; }
.IN { color: var(--in); } .OUT { color: var(--out); } .UNDEC { color: var(--undec); }
.redacted h3 { color: var(--muted); font-style: italic; }
.empty { color: var(--muted); font-style: italic; }
footer { padding: 0 2rem 1.5rem; max-width: 66rem; color: var(--muted); font-size: 0.85rem; }
.p0 { --c: #0072b2; --t: #0072b2; }
.p1 { --c: #d55e00; --t: #b04e00; }
.p2 { --c: #009e73; --t: #007a5a; }
.p3 { --c: #cc79a7; --t: #a2507e; }
.p4 { --c: #e69f00; --t: #8a5a00; }
.p5 { --c: #56b4e9; --t: #2473a6; }
.pn { --c: #90a4ae; --t: #546e7a; }
@media (max-width: 40rem) {
  header, main, footer { padding-left: 1rem; padding-right: 1rem; }
  .timeline::before { left: 0.75rem; }
  .entry, .year { grid-template-columns: 1.5rem minmax(0, 1fr); }
  .when, .year span { grid-column: 2; text-align: left; padding-top: 0; }
  .dot { grid-row: 1; grid-column: 1; margin-top: 0.2rem; }
  .card { grid-column: 2; }
}
@media print {
  body { font-size: 10.5pt; }
  header { background: none; padding: 0 0 0.6rem; }
  main, footer { padding-left: 0; padding-right: 0; max-width: none; }
  .entry, .year { grid-template-columns: 9.5rem 1.8rem minmax(0, 1fr); }
  .timeline::before { left: 10.4rem; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
)css";

class Page {
 public:
  Page(const Graph& graph, const ChronologyOptions& options)
      : graph_(graph), status_(status_of(options, graph)), scope_(options.scope) {
    // Colours by party, in the order the parties first appear in the case.
    for (Vertex v = 0; v < graph.node_count(); ++v) {
      const auto& party = graph.node(v).party;
      if (party) parties_.emplace(*party, parties_.size());
    }
  }

  void write(std::ostream& out, const std::vector<ChronologyEntry>& entries) {
    detail::OutputBuffer buf(out);
    std::string& s = buf.text();
    head(s, entries);
    s += "<main>\n";
    const auto undated = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return !e.date; });
    if (entries.begin() != undated) {
      s += "<ol class=\"timeline\">\n";
      std::string_view year;
      std::string_view previous;
      for (auto it = entries.begin(); it != undated; ++it) {
        const std::string& date = *graph_.node(it->node).cite[*it->cite].date;
        const std::string_view y = std::string_view(date).substr(0, 4);
        if (y != year) {
          s += "<li class=\"year\" aria-hidden=\"true\"><span>";
          detail::append_html_text(s, y);
          s += "</span></li>\n";
          year = y;
        }
        entry(s, *it, date == previous);
        previous = date;
        buf.flush_if_full();
      }
      s += "</ol>\n";
    }
    if (undated != entries.end()) {
      s += "<h2>Date unknown</h2>\n<ol class=\"timeline\">\n";
      for (auto it = undated; it != entries.end(); ++it) {
        entry(s, *it);
        buf.flush_if_full();
      }
      s += "</ol>\n";
    }
    if (entries.empty()) s += "<p class=\"empty\">Nothing in this case is dated, and it has no evidence.</p>\n";
    s += "</main>\n<footer>\n<p>Each entry is dated by the earliest date among its citations; partial dates sort by "
         "their first day, times by their instant in UTC (a date or time without a zone counts as UTC). Each lists "
         "the nearest claims and counterclaims it bears on";
    if (status_ != nullptr) {
      s += status_->decided.empty()
               ? ", with their status under grounded semantics, as <code>claimgraph evaluate</code> reports it: IN "
                 "stands, OUT is defeated, UNDEC is undecided"
               : ", with their status under grounded semantics, what it leaves undecided decided by the burden of "
                 "persuasion, as <code>claimgraph evaluate --burden</code> reports it: IN stands, OUT is defeated, "
                 "UNDEC is undecided";
    }
    s += ".</p>\n</footer>\n</body>\n</html>\n";
    buf.flush();
  }

 private:
  void head(std::string& s, const std::vector<ChronologyEntry>& entries) const {
    s += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         // Nothing may be fetched and nothing runs: the page is all there is.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"generator\" content=\"claimgraph\">\n<title>Chronology";
    if (graph_.title) {
      s += ": ";
      detail::append_html_text(s, *graph_.title);
    }
    s += "</title>\n<style>\n";
    s += style;
    s += "</style>\n</head>\n<body>\n<header>\n<h1>Chronology</h1>\n";
    if (graph_.title) {
      s += "<p class=\"case\">";
      detail::append_html_text(s, *graph_.title);
      s += "</p>\n";
    }
    if (graph_.description) {
      s += "<p class=\"description\">";
      detail::append_html_text(s, *graph_.description);
      s += "</p>\n";
    }
    if (!scope_.empty()) {
      s += "<p class=\"scope\">";
      s += detail::scope_lead(scope_.size()).set("<strong>", "</strong>");
      detail::append_html_text(s, detail::scope_text(scope_));
      s += ". Only the evidence of this part is listed; each status is that of the whole case.</p>\n";
    }
    std::size_t dated = 0;
    while (dated < entries.size() && entries[dated].date) ++dated;
    s += "<p class=\"summary\">";
    s += std::to_string(dated);
    s += dated == 1 ? " dated entry" : " dated entries";
    if (dated > 0) {
      s += ", from ";
      detail::append_html_text(s, *graph_.node(entries.front().node).cite[*entries.front().cite].date);
      s += " to ";
      detail::append_html_text(s, *graph_.node(entries[dated - 1].node).cite[*entries[dated - 1].cite].date);
    }
    const std::size_t undated = entries.size() - dated;
    s += "; ";
    s += std::to_string(undated);
    s += undated == 1 ? " piece of evidence without a date." : " pieces of evidence without a date.";
    s += "</p>\n";
    // The parties of the entries, in the order of their colours.
    std::vector<bool> shown(parties_.size(), false);
    bool anonymous = false;
    for (const auto& e : entries) {
      const auto& party = graph_.node(e.node).party;
      if (party) {
        shown[parties_.at(*party)] = true;
      } else {
        anonymous = true;
      }
    }
    std::vector<std::string_view> names(parties_.size());
    for (const auto& [name, i] : parties_) names[i] = name;
    if (std::find(shown.begin(), shown.end(), true) != shown.end() || anonymous) {
      s += "<ul class=\"parties\" aria-label=\"Parties\">\n";
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (!shown[i]) continue;
        s += "<li class=\"";
        colour_class(s, i);
        s += "\"><span class=\"swatch\"></span>";
        detail::append_html_text(s, names[i]);
        s += "</li>\n";
      }
      if (anonymous) s += "<li class=\"pn\"><span class=\"swatch\"></span>no party</li>\n";
      s += "</ul>\n";
    }
    s += "</header>\n";
  }

  static void colour_class(std::string& s, std::size_t party) {
    s += 'p';
    s += static_cast<char>('0' + party % party_colours);
  }

  void status_badge(std::string& s, Vertex v) const {
    if (status_ == nullptr) return;
    const char* label = analysis::to_string(status_->labels[v]);
    s += "<span class=\"status ";
    s += label;
    s += "\">";
    s += label;
    s += "</span>";
  }

  // `same`: the date is the one of the entry before, shown lighter.
  void entry(std::string& s, const ChronologyEntry& e, bool same = false) const {
    const Node& node = graph_.node(e.node);
    s += "<li class=\"entry ";
    if (node.party) {
      colour_class(s, parties_.at(*node.party));
    } else {
      s += "pn";
    }
    if (node.label == redacted_label) s += " redacted";
    s += same ? "\">\n<div class=\"when same\">" : "\">\n<div class=\"when\">";
    if (e.date) {
      const std::string& date = *node.cite[*e.cite].date;
      s += "<time datetime=\"";
      detail::append_html_text(s, date);
      s += "\">";
      detail::append_html_text(s, date_in_words(date, e.date->precision));
      s += "</time>";
      if (e.date->precision != DatePrecision::year) {
        s += "<span class=\"iso\">";
        detail::append_html_text(s, date);
        s += "</span>";
      }
    }
    s += "</div>\n<div class=\"dot\"></div>\n<div class=\"card\">\n<h3>";
    detail::append_html_text(s, node.label);
    s += "</h3>\n<p class=\"meta\">";
    if (node.party) {
      s += "<span class=\"party\">";
      detail::append_html_text(s, *node.party);
      s += "</span> · ";
    }
    s += to_string(node.kind);
    s += " · <code>";
    detail::append_html_text(s, node.id);
    s += "</code>";
    status_badge(s, e.node);
    s += "</p>\n";
    const std::string cite = citation_text(node, e);
    if (!cite.empty()) {
      s += "<p class=\"cite\">";
      detail::append_html_text(s, cite);
      s += "</p>\n";
    }
    // The quote of the citation shown, or of each for an entry without a date.
    for (std::size_t i = 0; i < node.cite.size(); ++i) {
      const auto& quote = node.cite[i].quote;
      if ((e.cite && *e.cite != i) || !quote || quote->empty()) continue;
      s += "<blockquote>“";
      detail::append_html_text(s, *quote);
      s += "”</blockquote>\n";
    }
    if (!e.bears_on.empty()) {
      s += "<div class=\"bears\"><p>Bears on</p><ul>\n";
      for (Vertex c : e.bears_on) {
        s += "<li>";
        status_badge(s, c);
        detail::append_html_text(s, graph_.node(c).label);
        s += " <code>";
        detail::append_html_text(s, graph_.node(c).id);
        s += "</code></li>\n";
      }
      s += "</ul></div>\n";
    }
    s += "</div>\n</li>\n";
  }

  const Graph& graph_;
  const analysis::StatusReport* status_;
  const std::vector<std::string>& scope_;
  std::unordered_map<std::string, std::size_t> parties_;
};

}  // namespace

std::vector<ChronologyEntry> chronology(const Graph& graph) {
  const std::size_t n = graph.node_count();
  std::vector<ChronologyEntry> dated;
  std::vector<ChronologyEntry> undated;
  std::string why;
  for (Vertex v = 0; v < n; ++v) {
    const Node& node = graph.node(v);
    if (const auto i = earliest_dated(node)) {
      dated.push_back({v, i, parse_date(*node.cite[*i].date, why), {}});
    } else if (node.kind == NodeKind::evidence) {
      undated.push_back({v, std::nullopt, std::nullopt, {}});
    }
  }
  // Node order breaks the last ties, so the order is total.
  std::sort(dated.begin(), dated.end(), [](const ChronologyEntry& a, const ChronologyEntry& b) {
    return std::tuple(a.date->start, a.date->precision, a.node) < std::tuple(b.date->start, b.date->precision, b.node);
  });
  dated.insert(dated.end(), std::make_move_iterator(undated.begin()), std::make_move_iterator(undated.end()));
  const BearsOn bears(graph);
  for (auto& e : dated) e.bears_on = bears.of(e.node);
  return dated;
}

void write_chronology_csv(std::ostream& out, const Graph& graph, const ChronologyOptions& options) {
  const auto* status = status_of(options, graph);
  detail::OutputBuffer buf(out);
  if (options.byte_order_mark) buf.text() += bom;
  buf.text() += "date,label,id,kind,party,citation,status,bears_on\r\n";
  std::string bears;
  for (const ChronologyEntry& e : chronology(graph)) {
    const Node& node = graph.node(e.node);
    Row row(buf.text());
    row.text(e.date ? std::string_view(*node.cite[*e.cite].date) : unknown_date);
    row.text(node.label);
    row.text(node.id);
    row.text(to_string(node.kind));
    row.text(node.party ? std::string_view(*node.party) : std::string_view());
    row.text(citation_text(node, e));
    row.text(status != nullptr ? analysis::to_string(status->labels[e.node]) : "");
    // One claim a line: an id holds no line break.
    bears.clear();
    for (Vertex c : e.bears_on) {
      if (!bears.empty()) bears += '\n';
      bears += graph.id(c);
      if (status != nullptr) bears.append(" (").append(analysis::to_string(status->labels[c])).append(1, ')');
    }
    row.text(bears);
    row.end();
    buf.flush_if_full();
  }
  buf.flush();
}

void write_chronology_html(std::ostream& out, const Graph& graph, const ChronologyOptions& options) {
  Page(graph, options).write(out, chronology(graph));
}

}  // namespace claimgraph::io
