#include "claimgraph/io/dot_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detail/chunks_in_order.hpp"
#include "detail/escape.hpp"
#include "detail/node_groups.hpp"
#include "detail/number.hpp"
#include "detail/output.hpp"
#include "detail/text.hpp"
#include "io/dot/legend.hpp"
#include "io/dot/look.hpp"
#include "io/failures.hpp"

namespace claimgraph::io {

using namespace std::string_view_literals;  // literals appended without a strlen each

namespace {

constexpr std::string_view font = "Helvetica,Arial,sans-serif";

std::size_t index(NodeKind kind) { return static_cast<std::size_t>(kind); }
std::size_t index(Relation relation) { return static_cast<std::size_t>(relation); }
std::size_t index(analysis::Label label) { return static_cast<std::size_t>(label); }

void append_lines(std::string& out, std::string_view text, std::size_t width) {
  if (text.size() <= width && text.find('\n') == std::string_view::npos) {
    detail::append_dot_html(out, text);  // fits on one line: no wrapping needed
    return;
  }
  bool first = true;
  detail::for_each_wrapped(text, width, [&out, &first](std::string_view line) {
    if (!first) out += "<BR/>"sv;
    first = false;
    detail::append_dot_html(out, line);
  });
}

// What the whole diagram needs to know beyond the options: per node, the
// claims it alone holds up (with options.critical and single_points), and
// how many more of them a view left out.
struct Marks {
  std::vector<std::vector<Graph::NodeRef>> holds_up;
  const analysis::Analyses* analyses = nullptr;

  [[nodiscard]] std::size_t hidden(Graph::NodeRef v) const {
    return holds_up.empty() ? 0 : analyses->hidden_held(v);
  }
  [[nodiscard]] std::size_t holding(Graph::NodeRef v) const {
    return (v < holds_up.size() ? holds_up[v].size() : 0) + hidden(v);
  }
};

Marks marks(const Graph& graph, const DotOptions& options) {
  Marks m;
  m.analyses = &options.analyses;
  if (options.critical && options.analyses.single_points != nullptr) {
    m.holds_up = detail::held_up(graph, *options.analyses.single_points);
  }
  return m;
}

// What the analyses say of one node.
struct Found {
  const analysis::ClaimStatus* claim = nullptr;  // a claim's grounding, if checked
  std::optional<analysis::Label> status;
  bool excluded = false;     // the court excluded it
  bool fell = false;         // grounded in the whole record, not without what was excluded
  std::size_t holding = 0;   // the claims it alone holds up (with options.critical)
  std::size_t unshown = 0;   // of those, the ones a view left out
  [[nodiscard]] bool gap() const { return claim != nullptr && !claim->grounded; }
};

Found found(const DotOptions& options, const Marks& marks, Graph::NodeRef v) {
  Found f;
  f.excluded = options.analyses.is_excluded(v);
  f.fell = options.analyses.fell(v);
  f.holding = f.excluded ? 0 : marks.holding(v);
  f.unshown = f.excluded ? 0 : marks.hidden(v);
  const auto* grounding = options.analyses.grounding;
  if (grounding != nullptr && v < grounding->claim_index.size() &&
      grounding->claim_index[v] != analysis::GroundingReport::npos) {
    f.claim = &grounding->claims[grounding->claim_index[v]];
  }
  if (options.analyses.status != nullptr && v < options.analyses.status->labels.size()) {
    f.status = options.analyses.status->labels[v];
  }
  return f;
}

// A node's drawing: kind, whether it lacks evidence, and status. Written
// once as `node [...]` defaults whenever it changes, not on every node.
int look_key(NodeKind kind, const Found& f) {
  const int status = f.status ? static_cast<int>(*f.status) : 3;
  return (static_cast<int>(kind) * 2 + (f.gap() ? 1 : 0)) * 4 + status;
}

// The border shows the status when there is one, else whether a claim
// lacks evidence; the fill and the words show the gap either way.
void append_look(std::string& out, const dot::Palette& p, NodeKind kind, const Found& f, std::string_view indent) {
  const dot::KindLook look = dot::kind_look(kind);
  const dot::BorderLook border = f.status ? dot::status_border(*f.status) : f.gap() ? dot::gap_border : dot::plain_border;
  out += indent;
  out += "node [shape="sv;
  out += look.shape;
  out += ", style=\""sv;
  if (!look.style.empty()) out.append(look.style).append(1, ',');
  out += "filled"sv;
  if (!border.line.empty()) out.append(1, ',').append(border.line);
  out += "\", fillcolor=\""sv;
  out += f.gap() ? p.gap_fill : p.kind_fill[index(kind)];
  out += "\", color=\""sv;
  out += f.status ? p.status[index(*f.status)] : f.gap() ? p.gap_border : p.kind_border[index(kind)];
  out += "\", fontcolor=\""sv;
  out += f.status == analysis::Label::out ? p.out_text : p.ink;
  out += "\", penwidth="sv;
  out += border.penwidth;
  out += ", peripheries="sv;
  out += std::to_string(look.peripheries);
  out += "];\n"sv;
}

// The tooltip (shown on hover in SVG) names the node and gives its text.
void append_tooltip(std::string& out, const Node& node) {
  out += ", tooltip=\""sv;
  detail::append_dot_quoted(out, node.id);
  if (node.text) {
    out += ": "sv;
    detail::append_dot_quoted(out, *node.text);
  }
  out += '"';
}

// Header: kind and party, small, with status and strength.
void append_header(std::string& out, const Node& node, Graph::NodeRef v, const Found& f, const DotOptions& options,
                   const dot::Palette& p) {
  out += "<FONT POINT-SIZE=\"8\" COLOR=\""sv;
  out += p.muted;
  out += "\">"sv;
  // Kind and party, wrapped like the label (a party's name can be long).
  std::string who(to_string(node.kind));
  if (node.party) who += " · " + *node.party;
  append_lines(out, who, options.wrap_width + 8);
  if (f.status || options.analyses.strength != nullptr) {
    out += " · "sv;
    // A space at the start of a piece of SVG text is dropped, so none
    // follows a tag: the space before the strength ends the bold piece.
    if (f.status) {
      out += "<B>"sv;
      out += analysis::to_string(*f.status);
      out += options.analyses.strength != nullptr ? " </B>" : "</B>";
    }
    if (options.analyses.strength != nullptr) detail::append_fixed2(out, options.analyses.strength->strength[v]);
  }
  out += "</FONT><BR/>"sv;
}

// The line under a claim's label that names its test of elements, when it
// is not `all` (the default, which needs no word): empty otherwise.
std::string_view test_line(const Node& node) {
  if (!is_claim_like(node.kind) || !node.test) return {};
  switch (*node.test) {
    case ElementTest::all: return {};
    case ElementTest::any: return "any one of its elements";
    case ElementTest::balance: return "weighed factors";
  }
  return {};
}

std::size_t hidden_below(const DotOptions& options, Graph::NodeRef v) {
  return options.hidden_below != nullptr && v < options.hidden_below->size() ? (*options.hidden_below)[v] : 0;
}

ChangeMark node_change(const DotOptions& options, Graph::NodeRef v) {
  return options.node_changes != nullptr && v < options.node_changes->size() ? (*options.node_changes)[v]
                                                                             : ChangeMark::none;
}

ChangeMark edge_change(const DotOptions& options, std::size_t i) {
  return options.edge_changes != nullptr && i < options.edge_changes->size() ? (*options.edge_changes)[i]
                                                                             : ChangeMark::none;
}

// The attributes that mark an edge's change, after its own.
std::string_view edge_change_attributes(ChangeMark mark) {
  switch (mark) {
    case ChangeMark::none: break;
    case ChangeMark::added: return ", penwidth=3";
    case ChangeMark::removed: return ", style=dashed, penwidth=1";
    case ChangeMark::changed: return ", penwidth=3, label=\"changed\"";
  }
  return {};
}

std::string_view reference(const DotOptions& options, Graph::NodeRef v) {
  return options.references != nullptr && v < options.references->size() ? std::string_view((*options.references)[v])
                                                                          : std::string_view();
}

// A node drawn on another page: where it is, then its label, smaller, in a
// connector that no kind's shape resembles. Every attribute the defaults
// set is given, so the defaults need not change.
void append_reference(std::string& out, const Graph& graph, Graph::NodeRef v, std::string_view where,
                      const DotOptions& options, const dot::Palette& p, std::string_view indent) {
  const Node& node = graph.node(v);
  out += indent;
  out += 'n';
  out += std::to_string(v);
  out += " [shape=cds, style=\"solid\", color=\""sv;
  out += p.ink;
  out += "\", fontcolor=\""sv;
  out += p.ink;
  out += "\", penwidth=1, peripheries=1, fontsize=9, margin=\"0.15,0.04\", label=<"sv;
  append_lines(out, where, options.wrap_width);
  out += "<BR/><FONT POINT-SIZE=\"8\">"sv;
  append_lines(out, node.label, options.wrap_width + 4);
  out += "</FONT>>"sv;
  append_tooltip(out, node);
  out += "];\n"sv;
}

// "FELL: lost its evidence when a, b and 3 more were excluded": the
// excluded nodes the claim rests on, wrapped as a label.
void append_fell(std::string& out, const Graph& graph, Graph::NodeRef v, const DotOptions& options,
                 const dot::Palette& p) {
  constexpr std::size_t named = 2;
  const auto gone = detail::excluded_beneath(graph, options.analyses, v);
  std::string line = "FELL: lost its evidence when ";
  for (std::size_t i = 0; i < gone.size() && i < named; ++i) {
    if (i > 0) line += gone.size() == 2 ? " and " : ", ";
    line += graph.id(gone[i]);
  }
  if (gone.size() > named) line += " and " + std::to_string(gone.size() - named) + " more";
  line += gone.size() == 1 ? " was excluded" : " were excluded";
  if (gone.empty()) line = "FELL with the exclusion";
  out += "<FONT POINT-SIZE=\"8\" COLOR=\""sv;
  out += p.fell;
  out += "\"><B>"sv;
  append_lines(out, line, options.wrap_width);
  out += "</B></FONT><BR/>"sv;
}

// The attributes of an excluded node, a claim that fell or evidence that
// alone holds up a claim, after those of its look: its own border (the
// kind's style words kept), and for an excluded node its fill and text.
void append_marked_look(std::string& out, NodeKind kind, const Found& f, const dot::Palette& p) {
  if (!f.excluded && !f.fell && f.holding == 0) return;
  const dot::BorderLook border = f.excluded ? dot::excluded_border : f.fell ? dot::fell_border : dot::critical_border;
  const dot::KindLook look = dot::kind_look(kind);
  out += ", style=\""sv;
  if (!look.style.empty()) out.append(look.style).append(1, ',');
  out += "filled"sv;
  if (!border.line.empty()) out.append(1, ',').append(border.line);
  out += "\", penwidth="sv;
  out += border.penwidth;
  out += ", color=\""sv;
  out += f.excluded ? p.excluded_ink : f.fell ? p.fell : p.critical;
  out += '"';
  if (f.excluded) {
    out += ", fillcolor=\""sv;
    out += p.excluded_fill;
    out += "\", fontcolor=\""sv;
    out += p.excluded_ink;
    out += '"';
  }
  if (f.holding > 0) out += ", peripheries=" + std::to_string(dot::critical_peripheries);
}

// A node's or an edge's DOT name: the prefix and the number ("n12").
void append_name(std::string& buf, char prefix, std::size_t k) {
  char digits[24];
  digits[0] = prefix;
  const auto end = std::to_chars(digits + 1, digits + sizeof digits, k).ptr;  // no string made
  buf.append(digits, static_cast<std::size_t>(end - digits));
}

void append_node(std::string& out, const Graph& graph, Graph::NodeRef v, const DotOptions& options,
                 const Marks& marks, std::string_view indent, int& current_look) {
  const dot::Palette& p = dot::palette(options.style);
  if (const std::string_view where = reference(options, v); !where.empty()) {
    append_reference(out, graph, v, where, options, p, indent);
    return;
  }
  const Node& node = graph.node(v);
  const Found f = found(options, marks, v);
  if (look_key(node.kind, f) != current_look) {
    current_look = look_key(node.kind, f);
    append_look(out, p, node.kind, f, indent);
  }

  out += indent;
  append_name(out, 'n', v);
  out += " [label=<"sv;
  const ChangeMark change = node_change(options, v);
  if (change != ChangeMark::none) {
    out += "<FONT POINT-SIZE=\"8\"><B>"sv;
    out += change == ChangeMark::added ? "ADDED" : change == ChangeMark::removed ? "REMOVED" : "CHANGED";
    out += "</B></FONT><BR/>"sv;
  }
  if (f.excluded) {
    out += "<FONT POINT-SIZE=\"8\"><B>EXCLUDED</B></FONT><BR/>"sv;
  }
  append_header(out, node, v, f, options, p);
  if (f.holding > 0) {
    out += "<FONT POINT-SIZE=\"8\" COLOR=\""sv;
    out += p.critical;
    out += "\"><B>ALONE HOLDS UP "sv;
    out += std::to_string(f.holding);
    out += f.holding == 1 ? " CLAIM" : " CLAIMS";
    if (f.unshown > 0) out += f.unshown == f.holding ? " NOT SHOWN HERE" : " (" + std::to_string(f.unshown) + " NOT SHOWN)";
    out += "</B></FONT><BR/>"sv;
  }
  if (f.fell) {
    append_fell(out, graph, v, options, p);
  } else if (f.gap() && !f.excluded) {
    out += "<FONT POINT-SIZE=\"8\" COLOR=\""sv;
    out += p.gap_text;
    out += "\"><B>LACKS EVIDENCE:"sv;
    // The reason on a line of its own when the two are wider than a label's line.
    const std::string_view why = analysis::to_string(f.claim->gap);
    out += std::string_view("LACKS EVIDENCE: ").size() + why.size() > options.wrap_width ? "<BR/>" : " ";
    out += why;
    out += "</B></FONT><BR/>"sv;
  }
  const bool struck = change == ChangeMark::removed || f.excluded;
  if (struck) out += "<S>"sv;
  append_lines(out, node.label, options.wrap_width);
  if (struck) out += "</S>"sv;
  if (const std::string_view test = test_line(node); !test.empty()) {
    out += "<BR/><FONT POINT-SIZE=\"8\"><I>"sv;
    out += test;
    out += "</I></FONT>"sv;
  }
  if (options.sources && node.source) {
    out += "<BR/><FONT POINT-SIZE=\"8\" COLOR=\""sv;
    out += p.muted;
    out += "\"><I>"sv;
    append_lines(out, *node.source, options.wrap_width + 10);
    out += "</I></FONT>"sv;
  }
  // What a view left out beneath this node (with rankdir=BT, below it).
  if (const std::size_t hidden = hidden_below(options, v); hidden > 0) {
    out += "<BR/><FONT POINT-SIZE=\"8\" COLOR=\""sv;
    out += p.ink;  // in full ink even on an OUT node, whose text is greyed
    out += "\"><B>+"sv;
    out += std::to_string(hidden);
    out += " more below</B></FONT>"sv;
  }
  out += '>';
  // Strength as how strong the fill is.
  if (options.analyses.strength != nullptr && !f.excluded) {
    const double s = std::clamp(options.analyses.strength->strength[v], 0.0, 1.0);
    const auto alpha = static_cast<unsigned>(std::lround(40.0 + 215.0 * s));
    static constexpr char hex[] = "0123456789abcdef";
    out += ", fillcolor=\""sv;
    out += !p.strength_fill.empty() ? p.strength_fill : f.gap() ? p.gap_fill : p.kind_fill[index(node.kind)];
    out += hex[(alpha >> 4) & 0xF];
    out += hex[alpha & 0xF];
    out += '"';
  }
  switch (change) {
    case ChangeMark::none: append_marked_look(out, node.kind, f, p); break;
    case ChangeMark::added: out += ", penwidth=3.5"sv; break;
    case ChangeMark::changed: out += ", penwidth=3.5"sv; break;  // counterclaims have a double border already
    case ChangeMark::removed:
      out += ", style=\"dashed\", penwidth=1, color=\""sv;
      out += p.faded;
      out += "\", fontcolor=\""sv;
      out += p.faded;
      out += '"';
      break;
  }
  append_tooltip(out, node);
  out += "];\n"sv;
}

// The characters on a line of what part of the case a view shows.
constexpr std::size_t scope_width = 90;

// The title, and under it, smaller, what part of the case a view shows.
void append_graph_header(std::string& buf, const Graph& graph, const DotOptions& options, const dot::Palette& p) {
  buf += "digraph claimgraph {\n"sv;
  buf += "  graph [rankdir=BT, newrank=true, charset=\"UTF-8\", fontname=\""sv;
  buf += font;
  buf += "\", fontsize=14, nodesep=0.25, ranksep=0.5, labelloc=t"sv;
  if (graph.title || !options.scope.empty()) {
    buf += ", label=<"sv;
    if (graph.title) {
      buf += "<B>"sv;
      detail::append_dot_html(buf, *graph.title);
      buf += "</B>"sv;
    }
    if (!options.scope.empty()) {
      if (graph.title) buf += "<BR/>"sv;
      // Wrapped, so that a long label named by a focus does not widen the drawing.
      buf += "<FONT POINT-SIZE=\"11\">"sv;
      append_lines(buf,
                   detail::scope_lead(options.scope.size()).plain() + detail::scope_text(options.scope),
                   scope_width);
      buf += "</FONT>"sv;
    }
    buf += '>';
  }
  buf += "];\n  node [fontname=\""sv;
  buf += font;
  buf += "\", fontsize=10, margin=\"0.12,0.06\", penwidth=1.2, fontcolor=\""sv;
  buf += p.ink;
  buf += "\"];\n  edge [fontname=\""sv;
  buf += font;
  buf += "\", fontsize=9, penwidth=1.3, arrowsize=0.8];\n"sv;
}

// Clusters list the nodes by group, not in the order they are stored, so
// in a large case each node's record, label and claim status is a cache
// miss, and writing a node is too long for the processor to reach the next
// one's while it waits. Touching them first, a chunk of nodes at a time, in
// a loop that does nothing else lets their misses overlap, and the writing
// finds them in cache (prefetch instructions ahead of each node did not
// shorten the write; this does: docs/speed.md). Returns a sum of what it
// read only so that the loads are not dropped.
std::size_t touch(const Graph& graph, const DotOptions& options, std::span<const Graph::NodeRef> nodes) {
  const analysis::GroundingReport* grounding = options.analyses.grounding;
  std::size_t sum = 0;
  for (const Graph::NodeRef v : nodes) {
    const Node& node = graph.node(v);
    const auto* record = reinterpret_cast<const unsigned char*>(&node);
    for (std::size_t b = 0; b < sizeof(Node); b += 64) sum += record[b];
    if (!node.label.empty()) sum += static_cast<unsigned char>(node.label.front());
    if (grounding != nullptr && v < grounding->claim_index.size()) {
      const std::size_t c = grounding->claim_index[v];
      if (c < grounding->claims.size()) sum += grounding->claims[c].grounded ? 1U : 0U;
    }
  }
  return sum;
}

// A line of DOT assembled in a buffer of its own and appended to the
// output whole: one capacity check and one copy for an edge instead of one
// for each of its ten or so pieces (the DOT of a large case is mostly
// edges). A piece that does not fit sends what is assembled on first, so
// that the text comes out the same whatever the line's length. done()
// appends the rest.
class Line {
 public:
  explicit Line(std::string& out) noexcept : out_(out) {}
  Line(const Line&) = delete;
  Line& operator=(const Line&) = delete;
  ~Line() = default;

  Line& operator+=(std::string_view piece) {
    if (piece.empty()) return *this;  // an empty view may have no data pointer, which memcpy must not get
    if (piece.size() > room()) {
      done();
      if (piece.size() > capacity) {
        out_ += piece;
        return *this;
      }
    }
    std::memcpy(end_, piece.data(), piece.size());
    end_ += piece.size();
    return *this;
  }

  /// A node's or an edge's DOT name: the prefix and the number ("n12").
  void name(char prefix, std::size_t k) {
    if (room() < 1 + digits) done();
    *end_++ = prefix;
    end_ = std::to_chars(end_, end_ + digits, k).ptr;
  }

  void done() {
    out_.append(buf_.data(), static_cast<std::size_t>(end_ - buf_.data()));
    end_ = buf_.data();
  }

 private:
  static constexpr std::size_t capacity = 256;
  static constexpr std::size_t digits = 20;  // of the largest std::size_t
  [[nodiscard]] std::size_t room() const noexcept {
    return capacity - static_cast<std::size_t>(end_ - buf_.data());
  }

  std::string& out_;
  std::array<char, capacity> buf_;
  char* end_ = buf_.data();
};

// An edge's attributes, those that are Graphviz's defaults left out.
void append_attributes(Line& line, std::string_view look, std::string_view more, std::string_view colour) {
  if (more.starts_with(", ")) more.remove_prefix(2);
  const bool black = colour == "#000000";
  if (look.empty() && more.empty() && black) {
    line += ";\n"sv;
    return;
  }
  line += " ["sv;
  line += look;
  if (!look.empty() && !more.empty()) line += ", "sv;
  line += more;
  if (!black) {
    if (!look.empty() || !more.empty()) line += ", "sv;
    line += "color=\""sv;
    line += colour;
    line += "\""sv;
  }
  line += "];\n"sv;
}

// Edge `i`. A supports edge that is undercut is drawn through a small point,
// u<i>, where the undercutting edge ends: the attack is on the inference.
void append_edge(std::string& buf, const Graph& graph, std::size_t i, bool undercut, const DotOptions& options) {
  const dot::Palette& p = dot::palette(options.style);
  const auto e = graph.edges()[i];
  const Edge& edge = graph.edge(e);
  const std::string_view look = dot::edge_look(edge.relation);
  const ChangeMark change = edge_change(options, i);
  // An edge of an excluded node: faded and dashed, as that node's border.
  const bool excluded = options.analyses.is_excluded(graph.source(e)) ||
                        (edge.relation != Relation::undercuts && options.analyses.is_excluded(graph.target(e)));
  const std::string_view colour = change == ChangeMark::removed ? p.faded
                                  : excluded                    ? p.excluded_ink
                                                                : p.relation[index(edge.relation)];
  static const std::string excluded_mark = std::string(", ").append(dot::excluded_edge_look);
  const std::string_view marked =
      excluded && change == ChangeMark::none ? std::string_view(excluded_mark) : edge_change_attributes(change);
  Line line(buf);
  line += "  "sv;
  line.name('n', graph.source(e));
  line += " -> "sv;
  if (edge.relation == Relation::undercuts) {
    line.name('u', edge.undercut);
    append_attributes(line, look, marked, colour);
  } else if (undercut) {
    const auto* status = options.analyses.status;
    // Undercut by a standing node: the support no longer carries; faded,
    // and its arrowhead hollow.
    const bool fallen = !excluded && status != nullptr && i < status->undercut.size() && status->undercut[i];
    const std::string_view part = fallen ? dot::faded_edge_look : look;
    const std::string_view part_colour = fallen ? p.faded : colour;
    line.name('u', i);
    append_attributes(line, part, ", arrowhead=none" + std::string(marked), part_colour);
    line += "  "sv;
    line.name('u', i);
    line += " ["sv;
    line += dot::undercut_point;
    line += ", fillcolor=\""sv;
    line += part_colour;
    line += "\", color=\""sv;
    line += part_colour;
    line += "\"];\n  "sv;
    line.name('u', i);
    line += " -> "sv;
    line.name('n', graph.target(e));
    if (fallen) {
      std::string hollow = ", arrowhead=";
      hollow += dot::faded_arrowhead;
      append_attributes(line, part, hollow.append(marked), part_colour);
    } else {
      append_attributes(line, part, marked, part_colour);
    }
  } else {
    line.name('n', graph.target(e));
    append_attributes(line, look, marked, colour);
  }
  line.done();
}

// The nodes' and edges' part of the DOT, cut into chunks that render
// apart (detail::write_chunks_in_order): a group's nodes as a cluster,
// 2048 nodes a chunk (touched 128 at a time), the cluster's opening with
// its first chunk and its closing with its last; then the nodes without a
// group; then the edges, 16384 a chunk. A chunk that starts inside a group
// takes up the node defaults (`look`) that the node before it left, so the
// text is what one pass would write. Pages of an exhibit (nodes drawn as
// references) keep each group in one chunk, as the node before a chunk may
// then be one that leaves the defaults as they were.
class Body {
 public:
  Body(const Graph& graph, const DotOptions& options, const Marks& marks)
      : graph_(graph), options_(options), marks_(marks), p_(dot::palette(options.style)),
        nodes_(detail::group_nodes(graph, options.clusters)), undercut_(undercut_edges(graph)) {
    const std::size_t step = options.references != nullptr ? static_cast<std::size_t>(-1) : nodes_a_chunk;
    for (std::size_t i = 0; i <= nodes_.groups.size(); ++i) {
      const std::size_t size = i < nodes_.groups.size() ? nodes_.groups[i].size() : nodes_.loose.size();
      for (std::size_t b = 0; b < size; b += std::min(step, size - b)) chunks_.push_back({i, b, std::min(size, b + step)});
    }
    for (std::size_t b = 0; b < graph.edge_count(); b += edges_a_chunk) {
      chunks_.push_back({edges, b, std::min(graph.edge_count(), b + edges_a_chunk)});
    }
  }

  [[nodiscard]] std::size_t size() const noexcept { return chunks_.size(); }

  void render(std::size_t k, std::string& buf) const {
    const Chunk& c = chunks_[k];
    if (c.group == edges) {
      for (std::size_t i = c.begin; i < c.end; ++i) append_edge(buf, graph_, i, undercut_[i], options_);
      return;
    }
    const bool loose = c.group == nodes_.groups.size();
    const std::span<const Graph::NodeRef> group = loose ? std::span<const Graph::NodeRef>(nodes_.loose) : nodes_.groups[c.group];
    if (!loose && c.begin == 0) open_cluster(buf, c.group);
    int look = -1;
    if (c.begin > 0) {
      const Graph::NodeRef before = group[c.begin - 1];
      look = look_key(graph_.node(before).kind, found(options_, marks_, before));
    }
    const std::span<const Graph::NodeRef> part = group.subspan(c.begin, c.end - c.begin);
    const std::string_view indent = loose ? "  "sv : "    "sv;
    for (std::size_t j = 0; j < part.size(); ++j) {
      if (!loose && j % node_chunk == 0) {
        const std::size_t touched = touch(graph_, options_, part.subspan(j, std::min(node_chunk, part.size() - j)));
        asm volatile("" : : "r"(touched));  // the touching loads are kept: their sum is used
      }
      append_node(buf, graph_, part[j], options_, marks_, indent, look);
    }
    if (!loose && c.end == group.size()) buf += "  }\n"sv;
  }

 private:
  static constexpr std::size_t node_chunk = 128;  // touched at once
  static constexpr std::size_t nodes_a_chunk = 16 * node_chunk;
  static constexpr std::size_t edges_a_chunk = 16384;
  static constexpr std::size_t edges = static_cast<std::size_t>(-1);  // Chunk::group of the edges
  struct Chunk {
    std::size_t group;  // its group, groups.size() for the nodes without one, or `edges`
    std::size_t begin, end;
  };

  void open_cluster(std::string& buf, std::size_t i) const {
    buf += "  subgraph cluster_"sv;
    buf += std::to_string(i);
    // With rankdir=BT, labelloc=b puts a cluster's title at its top.
    buf += " {\n    graph [label=<<B>"sv;
    detail::append_dot_html(buf, nodes_.name(graph_, i));
    buf += "</B>>, labelloc=b, style=\"rounded,filled\", fillcolor=\""sv;
    buf += p_.cluster_fill;
    buf += "\", color=\""sv;
    buf += p_.frame;
    buf += "\", fontsize=12];\n"sv;
  }

  const Graph& graph_;
  const DotOptions& options_;
  const Marks& marks_;
  const dot::Palette& p_;
  const detail::NodeGroups nodes_;
  const std::vector<bool> undercut_;
  std::vector<Chunk> chunks_;
};

dot::LegendContent legend_content(const Graph& graph, const DotOptions& options, const Marks& marks) {
  dot::LegendContent content;
  content.status = options.analyses.status != nullptr;
  content.strength = options.analyses.strength != nullptr;
  for (Graph::NodeRef v = 0; v < graph.node_count(); ++v) {
    const bool referred = !reference(options, v).empty();
    content.references = content.references || referred;
    content.hidden = content.hidden || (!referred && hidden_below(options, v) > 0);
    if (!referred) {
      content.excluded = content.excluded || options.analyses.is_excluded(v);
      content.fell = content.fell || options.analyses.fell(v);
      content.critical = content.critical || (marks.holding(v) > 0 && !options.analyses.is_excluded(v));
    }
    const Node& node = graph.node(v);
    if (!referred && !test_line(node).empty()) {
      content.any_test = content.any_test || *node.test == ElementTest::any;
      content.balance_test = content.balance_test || *node.test == ElementTest::balance;
    }
  }
  return content;
}

}  // namespace

void write_dot(std::ostream& out, const Graph& graph, const DotOptions& options) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  const dot::Palette& p = dot::palette(options.style);
  append_graph_header(buf, graph, options, p);
  const Marks m = marks(graph, options);
  {
    const bool large = graph.node_count() + graph.edge_count() >= detail::lines_for_two_threads;
    const Body body(graph, options, m);
    detail::write_chunks_in_order(output, body.size(), large ? options.threads : 1,
                                  [&body](std::size_t k, std::string& text) { body.render(k, text); });
  }
  if (options.legend) dot::append_legend(buf, legend_content(graph, options, m), p, options.layered);
  buf += "}\n"sv;
  output.flush();
}

}  // namespace claimgraph::io
