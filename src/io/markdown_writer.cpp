#include "claimgraph/io/markdown_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/escape.hpp"
#include "detail/number.hpp"

namespace claimgraph::io {

namespace {

using Vertex = Graph::NodeRef;
using analysis::Gap;
using analysis::UngroundedCause;

// Most evidence listed per row, and most nodes looked at to find it: the
// report stays linear in the graph whatever its shape.
constexpr std::size_t max_listed = 12;
constexpr std::size_t max_visited = 2000;

void text(std::string& out, std::string_view s) { detail::append_markdown(out, s, "<br>"); }
void line_text(std::string& out, std::string_view s) { detail::append_markdown(out, s, " "); }

// Text that starts a block (a paragraph): also escapes what would make it a
// list item, a thematic break or a code block.
void paragraph(std::string& out, std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  std::size_t digits = 0;
  while (digits < s.size() && digits < 9 && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (!s.empty() && (s.front() == '-' || s.front() == '+' || s.front() == '=')) {
    out += '\\';
  } else if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) {
    line_text(out, s.substr(0, digits));
    out += '\\';
    s.remove_prefix(digits);
  }
  line_text(out, s);
}

// A link destination: bytes that would end or confuse it are percent-encoded.
std::string destination(std::string_view path) {
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F || ch == '(' || ch == ')' || ch == '<' || ch == '>' || ch == '"' || ch == '\\' ||
        ch == '`' || ch == '%') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out;
}

using detail::fixed2;

class Writer {
 public:
  Writer(const Graph& graph, const MarkdownOptions& options, const analysis::GroundingReport& grounding)
      : g_(graph),
        o_(options),
        report_(grounding),
        elements_(graph.node_count(), 0),
        stamp_(graph.node_count(), 0) {
    for (const auto& e : g_.edges()) {
      if (g_.edge(e).relation == Relation::element_of) ++elements_[g_.target(e)];
    }
  }
  std::string run();

 private:
  void name(Vertex v) {
    text(out_, g_.node(v).label.empty() ? g_.node(v).id : g_.node(v).label);
    out_ += " (";
    text(out_, g_.node(v).id);
    out_ += ')';
  }
  void gap(Vertex v);
  void standing(Vertex v);
  void evidence_for(Vertex v);
  void contrary(Vertex v);
  void lacking();
  void outline();
  void claim_section(Vertex v);

  const Graph& g_;
  const MarkdownOptions& o_;
  const analysis::GroundingReport& report_;
  std::vector<std::uint32_t> elements_;
  std::vector<std::uint32_t> stamp_;  // per node: the last evidence search that saw it
  std::uint32_t generation_ = 0;
  std::string out_;
};

// Why a claim lacks evidence, in a sentence.
void Writer::gap(Vertex v) {
  const auto& s = report_.claims[report_.claim_index[v]];
  auto list = [&](const std::vector<Vertex>& nodes, std::string_view separator) {
    for (std::size_t i = 0; i < nodes.size() && i < max_listed; ++i) {
      if (i > 0) out_ += separator;
      text(out_, g_.node(nodes[i]).id);
    }
    if (nodes.size() > max_listed) out_ += " and " + std::to_string(nodes.size() - max_listed) + " more";
  };
  switch (s.gap) {
    case Gap::none: out_ += "grounded"; break;
    case Gap::unsupported: out_ += "nothing supports it and it has no elements"; break;
    case Gap::missing_elements:
      out_ += "elements not grounded: ";
      list(s.missing, ", ");
      break;
    case Gap::ungrounded:
      if (s.cause == UngroundedCause::cycle && s.cycle < report_.cycles.size()) {
        out_ += "supported only through a cycle of claims: ";
        list(report_.cycles[s.cycle], " → ");
      } else {
        out_ += "its supporters lack evidence themselves: ";
        list(s.supporters, ", ");
      }
      break;
  }
}

// Grounded or not, and with evaluation: status, strength, standard.
void Writer::standing(Vertex v) {
  const bool claim = is_claim_like(g_.node(v).kind);
  if (!claim) {
    out_ += "evidence";
  } else if (report_.grounded[v]) {
    out_ += "grounded";
  } else {
    out_ += "**lacks evidence**: ";
    gap(v);
  }
  if (o_.analyses.status != nullptr) {
    out_ += " · ";
    out_ += analysis::to_string(o_.analyses.status->labels[v]);
  }
  if (o_.analyses.strength != nullptr) {
    out_ += " · strength " + fixed2(o_.analyses.strength->strength[v]);
    if (claim) {
      out_ += " · ";
      line_text(out_, to_string(g_.node(v).standard.value_or(Standard::preponderance)));
      out_ += o_.analyses.strength->established[v] ? " met" : " not met";
    }
  }
}

// The evidence a node rests on, through supports and element-of edges, with
// sources.
void Writer::evidence_for(Vertex v) {
  const auto& s = g_.store();
  std::vector<Vertex> stack{v}, found;
  ++generation_;  // a node is seen in this search when its stamp is the generation
  stamp_[v] = generation_;
  std::size_t seen = 1;
  bool cut = false;
  while (!stack.empty()) {
    const Vertex x = stack.back();
    stack.pop_back();
    for (const auto& e : boost::make_iterator_range(boost::in_edges(x, s))) {
      const Relation r = s[e].relation;
      if (r != Relation::supports && r != Relation::element_of) continue;
      const Vertex y = boost::source(e, s);
      if (stamp_[y] == generation_) continue;
      if (seen >= max_visited) {
        cut = true;
        break;
      }
      stamp_[y] = generation_;
      ++seen;
      if (is_claim_like(g_.node(y).kind)) {
        stack.push_back(y);
      } else {
        found.push_back(y);
      }
    }
    if (cut) break;
  }
  std::sort(found.begin(), found.end());
  if (found.empty()) out_ += "—";
  for (std::size_t i = 0; i < found.size() && i < max_listed; ++i) {
    if (i > 0) out_ += "<br>";
    out_ += "• ";
    name(found[i]);
    if (const auto& src = g_.node(found[i]).source) {
      out_ += " — ";
      text(out_, *src);
    }
  }
  if (found.size() > max_listed) out_ += "<br>and " + std::to_string(found.size() - max_listed) + " more";
  if (cut) out_ += "<br>(and more not searched)";
}

// What contradicts a node, and what undercuts the support it has.
void Writer::contrary(Vertex v) {
  const auto& s = g_.store();
  std::vector<std::pair<Vertex, bool>> against;  // node, undercuts
  for (const auto& e : boost::make_iterator_range(boost::in_edges(v, s))) {
    const Relation r = s[e].relation;
    if (r == Relation::contradicts || r == Relation::undercuts) against.emplace_back(boost::source(e, s), r == Relation::undercuts);
  }
  if (against.empty()) out_ += "—";
  for (std::size_t i = 0; i < against.size() && i < max_listed; ++i) {
    const Vertex a = against[i].first;
    if (i > 0) out_ += "<br>";
    out_ += "• ";
    name(a);
    if (against[i].second) out_ += " *(undercuts its support)*";
    if (const auto& src = g_.node(a).source) {
      out_ += " — ";
      text(out_, *src);
    }
    if (o_.analyses.status != nullptr) {
      out_ += " · ";
      out_ += analysis::to_string(o_.analyses.status->labels[a]);
    }
  }
  if (against.size() > max_listed) out_ += "<br>and " + std::to_string(against.size() - max_listed) + " more";
}

void Writer::lacking() {
  out_ += "## Claims that lack evidence\n\n";
  if (report_.lacking() == 0) {
    out_ += "Every claim and counterclaim is grounded in evidence.\n\n";
    return;
  }
  out_ += "| Claim | Party | Group | Why |\n|---|---|---|---|\n";
  for (const auto& c : report_.claims) {
    if (c.grounded) continue;
    const Node& node = g_.node(c.node);
    out_ += "| ";
    name(c.node);
    if (node.kind == NodeKind::counterclaim) out_ += " *(counterclaim)*";
    out_ += " | ";
    text(out_, node.party.value_or(""));
    out_ += " | ";
    text(out_, node.group.value_or(""));
    out_ += " | ";
    gap(c.node);
    out_ += " |\n";
  }
  out_ += '\n';
}

void Writer::claim_section(Vertex v) {
  const Node& node = g_.node(v);
  out_ += "#### ";
  line_text(out_, node.label.empty() ? node.id : node.label);
  out_ += "\n\n";
  out_ += node.kind == NodeKind::counterclaim ? "Counterclaim" : "Claim";
  if (node.party) {
    out_ += " of ";
    line_text(out_, *node.party);
  }
  out_ += " (";
  line_text(out_, node.id);
  out_ += "): ";
  standing(v);
  out_ += ".";
  if (node.source) {
    out_ += " Source: ";
    line_text(out_, *node.source);
    out_ += '.';
  }
  out_ += "\n\n| ";
  out_ += elements_[v] > 0 ? "Element" : "Claim";
  out_ += " | Evidence for it | Contrary | Standing |\n|---|---|---|---|\n";
  std::vector<Vertex> rows;
  if (elements_[v] > 0) {
    for (const auto& e : boost::make_iterator_range(boost::in_edges(v, g_.store()))) {
      if (g_.store()[e].relation == Relation::element_of) rows.push_back(boost::source(e, g_.store()));
    }
    std::sort(rows.begin(), rows.end());
  } else {
    rows.push_back(v);
  }
  for (Vertex r : rows) {
    out_ += "| ";
    name(r);
    out_ += " | ";
    evidence_for(r);
    out_ += " | ";
    contrary(r);
    out_ += " | ";
    standing(r);
    out_ += " |\n";
  }
  out_ += '\n';
}

void Writer::outline() {
  out_ += "## Outline of proof\n\n";
  // Groups in order of first appearance; nodes without one come last.
  std::vector<std::string_view> groups;
  bool ungrouped = false;
  for (Vertex v = 0; v < g_.node_count(); ++v) {
    const auto& grp = g_.node(v).group;
    if (!grp) {
      ungrouped = ungrouped || is_claim_like(g_.node(v).kind);
    } else if (std::find(groups.begin(), groups.end(), *grp) == groups.end()) {
      groups.push_back(*grp);
    }
  }
  auto in_group = [&](Vertex v, const std::optional<std::string_view>& grp) {
    const auto& own = g_.node(v).group;
    return grp ? (own && *own == *grp) : !own;
  };
  auto section = [&](const std::optional<std::string_view>& grp) {
    // The claims nothing else in the group rests on: its causes of action.
    std::vector<Vertex> top, claims;
    for (Vertex v = 0; v < g_.node_count(); ++v) {
      if (!is_claim_like(g_.node(v).kind) || !in_group(v, grp)) continue;
      claims.push_back(v);
      bool rests = false;
      for (const auto& e : boost::make_iterator_range(boost::out_edges(v, g_.store()))) {
        const Relation r = g_.store()[e].relation;
        const Vertex t = boost::target(e, g_.store());
        if ((r == Relation::supports || r == Relation::element_of) && is_claim_like(g_.node(t).kind) && in_group(t, grp)) {
          rests = true;
        }
      }
      if (!rests) top.push_back(v);
    }
    if (claims.empty()) return;
    out_ += "### ";
    if (grp) {
      line_text(out_, *grp);
    } else {
      out_ += "Claims without a group";
    }
    out_ += "\n\n";
    for (Vertex v : top.empty() ? claims : top) claim_section(v);
  };
  for (const auto& grp : groups) section(grp);
  if (ungrouped) section(std::nullopt);
}

std::string Writer::run() {
  out_ += "# ";
  line_text(out_, g_.title.value_or("Case report"));
  out_ += "\n\n";
  if (g_.description) {
    paragraph(out_, *g_.description);
    out_ += "\n\n";
  }
  const std::size_t claims = report_.claims.size();
  out_ += std::to_string(claims) + (claims == 1 ? " claim or counterclaim: " : " claims and counterclaims: ") +
          std::to_string(report_.grounded_claims) + " grounded in evidence, " + std::to_string(report_.lacking()) +
          (report_.lacking() == 1 ? " lacks" : " lack") + " evidence.";
  if (o_.analyses.status != nullptr) {
    std::size_t in = 0, out = 0, undec = 0;
    for (const auto l : o_.analyses.status->labels) {
      in += l == analysis::Label::in ? 1u : 0u;
      out += l == analysis::Label::out ? 1u : 0u;
      undec += l == analysis::Label::undec ? 1u : 0u;
    }
    out_ += " Status of the " + std::to_string(g_.node_count()) + " nodes (grounded semantics): " +
            std::to_string(in) + " IN, " + std::to_string(out) + " OUT, " + std::to_string(undec) + " UNDEC.";
  }
  out_ += "\n\n";
  lacking();
  outline();
  if (!o_.diagram.empty()) {
    const std::string d = destination(o_.diagram);
    out_ += "## Diagram\n\n[![Diagram of the case](" + d + ")](" + d + ")\n";
  }
  return std::move(out_);
}

}  // namespace

void write_markdown(std::ostream& out, const Graph& graph, const MarkdownOptions& options) {
  std::optional<analysis::GroundingReport> computed;
  if (options.analyses.grounding == nullptr) computed = analysis::check(graph);
  const std::string text = Writer(graph, options, computed ? *computed : *options.analyses.grounding).run();
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace claimgraph::io
