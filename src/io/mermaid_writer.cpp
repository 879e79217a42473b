#include "claimgraph/io/mermaid_writer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "detail/node_groups.hpp"
#include "detail/number.hpp"
#include "detail/output.hpp"
#include "detail/text.hpp"

namespace claimgraph::io {

namespace {

// --- escaping ------------------------------------------------------------------------
//
// Mermaid reads a quoted label as everything up to the next '"', but before
// and after that it treats the text in ways that must be guarded against
// (mermaid 11-12, packages/mermaid/src: preprocess.ts, utils.ts
// encodeEntities/decodeEntities, diagrams/flowchart/parser/flow.jison):
//  - `#name;` and `#123;` anywhere are entity codes, decoded when drawing:
//    so '#' itself is written #35;, and every escape below is one of these;
//  - labels are HTML: '&', '<' and '>' are written #38; #60; #62;, and a
//    line break is <br/>;
//  - a quote followed by a backtick starts a Markdown string: '`' is #96;
//  - "%%{...}%%" anywhere is a directive and a line starting with %% a
//    comment: '%' is #37;
//  - a line holding "style", ':' and then '#' loses its last ';' (a fix-up
//    for CSS colours), which would break an entity code: ':' is #58;
//  - a line holding "direction TB" (or BT, LR, RL, TD) is taken as a
//    direction statement before the label is even read: white space right
//    after "direction" is written as a code;
//  - a backslash followed by n breaks the line in SVG text: '\' is #92;
//  - entity codes are carried through the parser as "ﬂ°name¶ß" and
//    "ﬂ°°123¶ß", so a label must never contain "ﬂ°" or "¶ß" itself: 'ﬂ' is
//    always written #64258;, and '¶' when 'ß' follows it;
//  - labels are trimmed of JavaScript white space: white space at either end
//    is written as a code, which is not trimmed;
//  - bidirectional controls and U+2028/U+2029/U+FEFF are written as codes so
//    that the .mmd text reads in the order it is drawn (and JavaScript's '.'
//    never meets a line separator); they draw the same.
// Control characters and bytes that are not UTF-8 become U+FFFD.

void append_code(std::string& out, char32_t cp) {
  out += '#';
  out += std::to_string(static_cast<unsigned long>(cp));
  out += ';';
}

// What JavaScript's String.prototype.trim() and \s take for white space,
// once line breaks and control characters are dealt with.
bool js_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool invisible_format(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

bool control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

bool plain_label_ascii(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '"' && c != '#' && c != '&' && c != '<' && c != '>' && c != '`' && c != '%' &&
         c != ':' && c != '\\' && c != ' ';
}

// Appends `s` as the inside of a quoted Mermaid label (see above).
void append_label(std::string& out, std::string_view s) {
  // Where the white space at the start ends and where the one at the end begins.
  std::size_t lead_end = s.size();
  std::size_t trail_begin = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t begin = i;
    const char32_t cp = detail::decode_utf8(s, i);
    if (!js_space(cp)) {
      lead_end = std::min(lead_end, begin);
      trail_begin = i;
    }
  }
  constexpr std::string_view direction = "direction";
  for (std::size_t i = 0; i < s.size();) {
    std::size_t run = i;
    while (run < s.size() && plain_label_ascii(static_cast<unsigned char>(s[run]))) ++run;
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      continue;
    }
    const std::size_t begin = i;
    const char32_t cp = detail::decode_utf8(s, i);
    switch (cp) {
      case '"': out += "#quot;"; continue;
      case '\n': out += "<br/>"; continue;
      case '\r':
        if (i < s.size() && s[i] == '\n') ++i;
        out += "<br/>";
        continue;
      case '#':
      case '&':
      case '<':
      case '>':
      case '`':
      case '%':
      case ':':
      case '\\':
      case '\t':
      case 0xFB02:  // ﬂ
        append_code(out, cp);
        continue;
      case 0xB6:  // ¶, when ß follows
        if (s.substr(i, 2) == "\xC3\x9F") {
          append_code(out, cp);
        } else {
          out += "\xC2\xB6";
        }
        continue;
      default: break;
    }
    if (js_space(cp)) {
      const bool after_direction =
          out.size() >= direction.size() && out.compare(out.size() - direction.size(), direction.size(), direction) == 0;
      if (begin < lead_end || begin >= trail_begin || after_direction || invisible_format(cp)) {
        append_code(out, cp);
      } else {
        out.append(s.data() + begin, i - begin);
      }
    } else if (invisible_format(cp)) {
      append_code(out, cp);
    } else if (control(cp) || (cp == detail::replacement_character && i - begin == 1)) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.data() + begin, i - begin);
    }
  }
}

// Appends `s` as a YAML double-quoted scalar (for the title in the front
// matter, which Mermaid reads with js-yaml and draws as plain text): quotes
// and backslashes escaped, line breaks and tabs as \n \r \t, the characters
// js-yaml refuses (control characters, U+FFFE, U+FFFF) replaced by U+FFFD,
// and invisible format characters as \u escapes. Mermaid runs the title
// through an HTML sanitiser before drawing it as text, which drops what
// looks like a tag and shows & as "&amp;" once the title holds a '<'; so
// '<' is written as the full-width '＜' (U+FF1C), the one change made to
// the text.
void append_yaml_quoted(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t begin = i;
    const char32_t cp = detail::decode_utf8(s, i);
    switch (cp) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '<': out += "\xEF\xBC\x9C"; continue;
      default: break;
    }
    if (invisible_format(cp)) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
    } else if (control(cp) || cp == 0xFFFE || cp == 0xFFFF ||
               (cp == detail::replacement_character && i - begin == 1)) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.data() + begin, i - begin);
    }
  }
  out += '"';
}

// --- looks ---------------------------------------------------------------------------

constexpr std::string_view gap_fill = "#ffebee";

struct Look {
  std::string_view open;
  std::string_view close;
  std::string_view fill;
};

// Claims rounded, counterclaims with the double sides of a "subroutine",
// evidence as a cylinder (the record).
Look look_of(NodeKind kind) {
  switch (kind) {
    case NodeKind::claim: return {"(\"", "\")", "#e3f2fd"};
    case NodeKind::counterclaim: return {"[[\"", "\"]]", "#fff3e0"};
    case NodeKind::evidence: return {"[(\"", "\")]", "#f1f8e9"};
  }
  return {"[\"", "\"]", "#ffffff"};
}

// Arrows: supports -->, contradicts ==x (thick, a cross), element-of --o
// (a circle), undercuts -.-x (dotted, a cross).
std::string_view arrow_of(Relation relation) {
  switch (relation) {
    case Relation::supports: return " --> ";
    case Relation::contradicts: return " ==x ";
    case Relation::element_of: return " --o ";
    case Relation::undercuts: return " -.-x ";
  }
  return " --> ";
}

// Link styles, by bucket.
enum Bucket : std::size_t { supports, contradicts, element_of, undercuts, fallen, bucket_count };

constexpr std::array<std::string_view, bucket_count> link_styles{
    "stroke:#2e7d32,stroke-width:1.5px",
    "stroke:#c62828,stroke-width:2.5px",
    "stroke:#37474f,stroke-width:1.5px",
    "stroke:#6a1b9a,stroke-width:1.5px",
    "stroke:#a5d6a7,stroke-width:1.5px,stroke-dasharray:4 3",
};

Bucket bucket_of(Relation relation) {
  switch (relation) {
    case Relation::supports: return supports;
    case Relation::contradicts: return contradicts;
    case Relation::element_of: return element_of;
    case Relation::undercuts: return undercuts;
  }
  return supports;
}

void append_name(std::string& out, char prefix, std::size_t k) {
  out += prefix;
  out += std::to_string(k);
}

// `class a,b,c name` for a non-empty list of node names.
void append_class(std::string& out, const std::vector<Graph::NodeRef>& nodes, std::string_view name) {
  if (nodes.empty()) return;
  out += "  class ";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (i > 0) out += ',';
    append_name(out, 'n', nodes[i]);
  }
  out += ' ';
  out += name;
  out += '\n';
}

// Writes one flowchart; each step appends one part of it.
class Writer {
 public:
  Writer(std::ostream& out, const Graph& graph, const MermaidOptions& options)
      : output_(out), buf_(output_.text()), graph_(graph), options_(options), undercut_(undercut_edges(graph)) {}

  void run() {
    header();
    nodes();
    edges();
    classes();
    fills();
    output_.flush();
  }

 private:
  // The claim status of `v` when it lacks evidence, else null.
  const analysis::ClaimStatus* gap_of(Graph::NodeRef v) const {
    const auto* grounding = options_.analyses.grounding;
    if (grounding == nullptr || v >= grounding->claim_index.size()) return nullptr;
    const std::size_t k = grounding->claim_index[v];
    if (k == analysis::GroundingReport::npos || grounding->claims[k].grounded) return nullptr;
    return &grounding->claims[k];
  }

  void header() {
    // The title, then what part of the case a view shows (a title has one line).
    std::string title = graph_.title.value_or("");
    if (!options_.scope.empty()) {
      title += title.empty() ? "" : " \u2014 ";
      title += detail::scope_lead(options_.scope.size()).plain();
      title += detail::scope_text(options_.scope);
    }
    if (graph_.title || !options_.scope.empty()) {
      buf_ += "---\ntitle: ";
      append_yaml_quoted(buf_, title);
      buf_ += "\n---\n";
    }
    // Bottom to top, as in the DOT diagram: evidence below what it supports.
    buf_ += "flowchart BT\n";
    buf_ += "  classDef claim fill:#e3f2fd,stroke:#1565c0,color:#0d1b2a\n";
    buf_ += "  classDef counterclaim fill:#fff3e0,stroke:#e65100,color:#0d1b2a\n";
    buf_ += "  classDef evidence fill:#f1f8e9,stroke:#558b2f,color:#0d1b2a\n";
    if (options_.analyses.grounding != nullptr) {
      buf_ += "  classDef gap fill:#ffebee,stroke:#c62828,stroke-width:2px,stroke-dasharray:5 3\n";
    }
    if (options_.analyses.status != nullptr) {
      buf_ += "  classDef status_in stroke:#2e7d32,stroke-width:3px\n";
      buf_ += "  classDef status_out stroke:#9e9e9e,color:#616161\n";
      buf_ += "  classDef status_undec stroke:#f9a825,stroke-width:3px\n";
    }
    if (std::find(undercut_.begin(), undercut_.end(), true) != undercut_.end()) {
      buf_ += "  classDef junction fill:#2e7d32,stroke:#2e7d32\n";
    }
  }

  // One node: its id, kind and party (and status and strength), the gap, the
  // label and the source, as one escaped label.
  void node(Graph::NodeRef v, std::string_view indent) {
    const Node& n = graph_.node(v);
    const auto& analyses = options_.analyses;
    text_.clear();
    text_ += n.id;
    text_ += " · ";
    text_ += to_string(n.kind);
    if (n.party) text_.append(" · ").append(*n.party);
    if (analyses.status != nullptr || analyses.strength != nullptr) {
      text_ += " · ";
      if (analyses.status != nullptr) text_ += analysis::to_string(analyses.status->labels[v]);
      if (analyses.strength != nullptr) {
        if (analyses.status != nullptr) text_ += ' ';
        detail::append_fixed2(text_, analyses.strength->strength[v]);
      }
    }
    text_ += '\n';
    if (const auto* gap = gap_of(v)) {
      text_ += "LACKS EVIDENCE: ";
      text_ += analysis::to_string(gap->gap);
      text_ += '\n';
    }
    text_ += n.label;
    // A test of elements other than the default `all`, as the DOT diagram words it.
    if (is_claim_like(n.kind) && n.test == ElementTest::any) text_ += "\n(any one of its elements)";
    if (is_claim_like(n.kind) && n.test == ElementTest::balance) text_ += "\n(weighed factors)";
    if (options_.sources && n.source) text_.append(1, '\n').append(*n.source);
    const Look look = look_of(n.kind);
    buf_ += indent;
    append_name(buf_, 'n', v);
    buf_ += look.open;
    append_label(buf_, text_);
    buf_ += look.close;
    buf_ += '\n';
    output_.flush_if_full();
  }

  // Nodes by group as subgraphs, groups in order of first appearance;
  // ungrouped nodes last.
  void nodes() {
    const detail::NodeGroups groups = detail::group_nodes(graph_, options_.subgraphs);
    for (std::size_t i = 0; i < groups.groups.size(); ++i) {
      buf_ += "  subgraph ";
      append_name(buf_, 'g', i);
      buf_ += "[\"";
      append_label(buf_, groups.name(graph_, i));
      buf_ += "\"]\n";
      for (auto v : groups.groups[i]) node(v, "    ");
      buf_ += "  end\n";
    }
    for (auto v : groups.loose) node(v, "  ");
  }

  // Edges, after every node so that no edge pulls a node into a subgraph.
  // A supports edge that is undercut runs through a small circle, u<i>,
  // where the undercutting edge ends: the attack is on the inference.
  void edges() {
    const auto edges = graph_.edges();
    for (std::size_t i = 0; i < edges.size(); ++i) {
      if (!undercut_[i]) continue;
      buf_ += "  ";
      append_name(buf_, 'u', i);
      buf_ += "((\" \"))\n";
    }
    std::array<std::vector<std::size_t>, bucket_count> links;
    std::size_t link = 0;
    for (std::size_t i = 0; i < edges.size(); ++i) {
      const auto e = edges[i];
      const Edge& p = graph_.edge(e);
      buf_ += "  ";
      append_name(buf_, 'n', graph_.source(e));
      if (p.relation == Relation::undercuts) {
        buf_ += arrow_of(p.relation);
        append_name(buf_, 'u', p.undercut);
        links[undercuts].push_back(link++);
      } else if (undercut_[i]) {
        // Undercut by a standing node: the support no longer carries; faded.
        const auto* status = options_.analyses.status;
        const bool fell = status != nullptr && i < status->undercut.size() && status->undercut[i];
        buf_ += fell ? " -.- " : " --- ";
        append_name(buf_, 'u', i);
        buf_ += "\n  ";
        append_name(buf_, 'u', i);
        buf_ += fell ? " -.-> " : " --> ";
        append_name(buf_, 'n', graph_.target(e));
        links[fell ? fallen : supports].push_back(link++);
        links[fell ? fallen : supports].push_back(link++);
      } else {
        buf_ += arrow_of(p.relation);
        append_name(buf_, 'n', graph_.target(e));
        links[bucket_of(p.relation)].push_back(link++);
      }
      buf_ += '\n';
      output_.flush_if_full();
    }
    link_styles_of(links);
  }

  void link_styles_of(const std::array<std::vector<std::size_t>, bucket_count>& links) {
    for (std::size_t b = 0; b < bucket_count; ++b) {
      if (links[b].empty()) continue;
      buf_ += "  linkStyle ";
      for (std::size_t k = 0; k < links[b].size(); ++k) {
        if (k > 0) buf_ += ',';
        buf_ += std::to_string(links[b][k]);
      }
      buf_ += ' ';
      buf_ += link_styles[b];
      buf_ += '\n';
      output_.flush_if_full();
    }
  }

  // Classes: kind first, then the gap mark and the status, which override
  // the kind's colours; then the junctions of undercuts.
  void classes() {
    std::array<std::vector<Graph::NodeRef>, 3> by_kind;
    std::vector<Graph::NodeRef> gaps;
    std::array<std::vector<Graph::NodeRef>, 3> by_status;
    const auto* status = options_.analyses.status;
    for (Graph::NodeRef v = 0; v < graph_.node_count(); ++v) {
      by_kind[static_cast<std::size_t>(graph_.node(v).kind)].push_back(v);
      if (gap_of(v) != nullptr) gaps.push_back(v);
      if (status != nullptr) by_status[static_cast<std::size_t>(status->labels[v])].push_back(v);
    }
    append_class(buf_, by_kind[static_cast<std::size_t>(NodeKind::claim)], "claim");
    append_class(buf_, by_kind[static_cast<std::size_t>(NodeKind::counterclaim)], "counterclaim");
    append_class(buf_, by_kind[static_cast<std::size_t>(NodeKind::evidence)], "evidence");
    append_class(buf_, gaps, "gap");
    append_class(buf_, by_status[static_cast<std::size_t>(analysis::Label::in)], "status_in");
    append_class(buf_, by_status[static_cast<std::size_t>(analysis::Label::out)], "status_out");
    append_class(buf_, by_status[static_cast<std::size_t>(analysis::Label::undec)], "status_undec");
    bool first = true;
    for (std::size_t i = 0; i < undercut_.size(); ++i) {
      if (!undercut_[i]) continue;
      buf_ += first ? "  class " : ",";
      first = false;
      append_name(buf_, 'u', i);
    }
    if (!first) buf_ += " junction\n";
  }

  // Strength as how strong the fill is (alpha from 0x28 to 0xff).
  void fills() {
    const auto* strength = options_.analyses.strength;
    if (strength == nullptr) return;
    static constexpr char hex[] = "0123456789abcdef";
    for (Graph::NodeRef v = 0; v < graph_.node_count(); ++v) {
      const double s = std::clamp(strength->strength[v], 0.0, 1.0);
      const auto alpha = static_cast<unsigned>(std::lround(40.0 + 215.0 * s));
      buf_ += "  style ";
      append_name(buf_, 'n', v);
      buf_ += " fill:";
      buf_ += gap_of(v) != nullptr ? gap_fill : look_of(graph_.node(v).kind).fill;
      buf_ += hex[(alpha >> 4) & 0xF];
      buf_ += hex[alpha & 0xF];
      buf_ += '\n';
      output_.flush_if_full();
    }
  }

  detail::OutputBuffer output_;
  std::string& buf_;
  const Graph& graph_;
  const MermaidOptions& options_;
  const std::vector<bool> undercut_;  // per edge: whether an undercut attacks it
  std::string text_;                  // one node's label, before escaping
};

}  // namespace

void write_mermaid(std::ostream& out, const Graph& graph, const MermaidOptions& options) {
  Writer(out, graph, options).run();
}

}  // namespace claimgraph::io
