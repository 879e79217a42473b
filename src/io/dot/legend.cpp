#include "io/dot/legend.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace claimgraph::io::dot {

namespace {

// A cell's attribute, ` NAME="VALUE"`.
void attribute(std::string& out, std::string_view name, std::string_view value) {
  out.append(1, ' ').append(name).append("=\"").append(value).append(1, '"');
}

// A row: the sample cell, already written, and what it means.
void row(std::string& out, const std::string& sample, std::string_view meaning) {
  out.append("<TR>").append(sample).append("<TD ALIGN=\"LEFT\">").append(meaning).append("</TD></TR>");
}

std::string coloured(std::string_view colour, std::string_view text) {
  std::string out = "<FONT COLOR=\"";
  out.append(colour).append("\">").append(text).append("</FONT>");
  return out;
}

// A sample of a node: a small framed table, in a cell of the legend's
// grid, with the fill, border colour, width and line of the nodes it stands
// for; `twice` doubles its border, as a counterclaim's two peripheries.
std::string box(std::string_view fill, std::string_view border, std::string_view width, std::string_view style,
                std::string_view text, bool twice = false) {
  std::string out = "<TD CELLPADDING=\"3\"><TABLE CELLSPACING=\"";
  out += twice ? "2" : "0";
  out += "\" CELLPADDING=\"2\" CELLBORDER=\"";
  out += twice ? "1" : "0";
  out += '"';
  attribute(out, "BORDER", width.empty() ? std::string_view("1") : width);
  attribute(out, "COLOR", border);
  if (!fill.empty()) attribute(out, "BGCOLOR", fill);
  if (!style.empty()) attribute(out, "STYLE", style);
  out.append("><TR><TD>").append(text).append("</TD></TR></TABLE></TD>");
  return out;
}

// A sample that is words or characters, in a plain cell of the grid.
std::string plain(std::string_view text) {
  std::string out = "<TD>";
  out.append(text).append("</TD>");
  return out;
}

void kinds(std::string& out, const LegendContent& content, const Palette& p) {
  constexpr auto claim = static_cast<std::size_t>(NodeKind::claim);
  constexpr auto counterclaim = static_cast<std::size_t>(NodeKind::counterclaim);
  constexpr auto evidence = static_cast<std::size_t>(NodeKind::evidence);
  row(out, box(p.kind_fill[claim], p.kind_border[claim], "", "rounded", "claim"), "a party's allegation");
  row(out, box(p.kind_fill[counterclaim], p.kind_border[counterclaim], "", "", "counterclaim", true),
      "the other side's allegation or defence");
  row(out, box(p.kind_fill[evidence], p.kind_border[evidence], "", "", "evidence"),
      "exhibit, filing, testimony, finding");
  const std::string lacks = coloured(p.gap_text, "<B>LACKS EVIDENCE</B>");
  if (content.status) {
    // The border shows the status; the gap keeps its fill and its words.
    row(out, box(p.gap_fill, p.frame, "", "", lacks), "not grounded in any evidence (the border: its status)");
  } else {
    row(out, box(p.gap_fill, p.gap_border, "2", gap_border.line, lacks), "not grounded in any evidence");
  }
}

// What the court excluded, what fell with it, and what the case cannot lose.
void exclusion(std::string& out, const LegendContent& content, const Palette& p) {
  if (content.excluded) {
    row(out,
        box(p.excluded_fill, p.excluded_ink, excluded_border.penwidth, excluded_border.line,
            coloured(p.excluded_ink, "<B>EXCLUDED</B><BR/><S>its label</S>")),
        "excluded by the court: it grounds, supports and attacks nothing; its lines dashed");
  }
  if (content.fell) {
    row(out, box(p.gap_fill, p.fell, "3", "", coloured(p.fell, "<B>FELL</B>")),
        "fell with the exclusion: grounded in the whole record, not without what was excluded");
  }
  if (content.critical) {
    constexpr auto evidence = static_cast<std::size_t>(NodeKind::evidence);
    row(out, box(p.kind_fill[evidence], p.critical, "2", "", coloured(p.critical, "<B>ALONE HOLDS UP</B>"), true),
        "single point of failure: alone holds up a claim");
  }
}

void statuses(std::string& out, const LegendContent& content, const Palette& p) {
  if (content.status) {
    struct Status {
      analysis::Label label;
      std::string_view border;  // the cell's border width, as near the node's as a table draws
      std::string_view meaning;
    };
    constexpr std::array rows = {
        Status{analysis::Label::in, "3", "stands: supported, every contradiction OUT"},
        Status{analysis::Label::out, "1", "falls: contradicted by an IN node, or its support fell"},
        Status{analysis::Label::undec, "2", "undecided: neither side prevails"},
    };
    for (const Status& s : rows) {
      const auto k = static_cast<std::size_t>(s.label);
      std::string name = "<B>";
      name.append(analysis::to_string(s.label)).append("</B>");
      if (s.label == analysis::Label::out) name = coloured(p.out_text, name);
      row(out, box("", p.status[k], s.border, status_border(s.label).line, name), s.meaning);
    }
  }
  if (content.strength) {
    const std::string_view fill =
        p.strength_fill.empty() ? p.kind_fill[static_cast<std::size_t>(NodeKind::claim)] : p.strength_fill;
    row(out, box(fill, p.frame, "", "", "strong"), "fill shade: DF-QuAD strength, pale = weak");
  }
  if (content.hidden) row(out, plain("<B>+N more below</B>"), "N more nodes bear on it, below the view's depth");
  if (content.any_test) row(out, plain("<I>any one of its elements</I>"), "one element that stands is enough");
  if (content.balance_test) {
    row(out, plain("<I>weighed factors</I>"), "its elements are factors: those that stand must outweigh the rest");
  }
  if (content.references) {
    row(out, box("", p.ink, "", "", "→ where"), "drawn on another page: where, then its label");
  }
  exclusion(out, content, p);
}

// One sample of each relation, with its meaning.
struct Sample {
  Relation relation;
  bool faded;              // a supports edge that no longer carries
  std::string_view glyphs;  // for the table: the line and its arrowhead in characters
  std::string_view meaning;
  std::string_view short_meaning;  // under a real edge: two short lines
};

constexpr std::array samples = {
    Sample{Relation::supports, false, "──▶", "supports", "supports"},
    Sample{Relation::contradicts, false, "<B>━━┤</B>", "contradicts", "contradicts"},
    Sample{Relation::element_of, false, "┈┈◆", "is an element of", "is an element of"},
    Sample{Relation::undercuts, false, "○╌╌┤", "undercuts a support (the inference)", "undercuts<BR/>a support"},
    Sample{Relation::supports, true, "──▷", "a support undercut by an IN node: it no longer carries",
           "support undercut<BR/>by an IN node"},
};

const std::string_view& relation_colour(const Palette& p, const Sample& s) {
  return s.faded ? p.faded : p.relation[static_cast<std::size_t>(s.relation)];
}

void relation_rows(std::string& out, const LegendContent& content, const Palette& p) {
  for (const Sample& s : samples) {
    if (s.faded && !content.status) continue;
    std::string glyphs = coloured(relation_colour(p, s), s.glyphs);
    if (s.relation == Relation::undercuts) {
      glyphs += coloured(p.relation[static_cast<std::size_t>(Relation::supports)], "●");  // the point it ends at
    }
    row(out, plain(glyphs), s.meaning);
  }
}

void numbered(std::string& out, std::string_view prefix, std::size_t i) {
  out.append(prefix).append(std::to_string(i));
}

// Each relation as a short edge rising from its name to a row beneath the
// table, as edges rise from what bears on a node to the node; left to right
// in the order of `samples`. Each head is an invisible copy of its name, so
// that name and head are as wide and the edge stands upright (`group` keeps
// it straight; the edge ends at the head's centre); the undercut ends at a
// point like the one it meets in the diagram. Invisible edges from every
// head up to the table put the table above the samples, centred.
void relation_edges(std::string& out, const LegendContent& content, const Palette& p) {
  std::string names = "    node [shape=plaintext, style=\"\", margin=\"0.04,0.02\", fontsize=9, penwidth=1, "
                      "peripheries=0, fontcolor=\"";
  names.append(p.ink).append("\"];\n");
  std::string heads;
  std::string edges;
  std::string names_row = "    {rank=same";
  std::string heads_row = "    {rank=same";
  std::string names_order = "   ";
  std::string heads_order = "   ";
  std::string to_table;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const Sample& s = samples[i];
    if (s.faded && !content.status) continue;
    const std::string_view arrow = names_order.size() > 3 ? " ->" : "";
    std::string group = "[group=legend";
    group.append(std::to_string(i)).append(", ");
    names += "    ";
    numbered(names, "legend_r", i);
    names.append(" ").append(group).append("label=<").append(s.short_meaning).append(">];\n");
    heads += "    ";
    numbered(heads, "legend_h", i);
    heads.append(" ").append(group);
    if (s.relation == Relation::undercuts) {
      const auto& supports = p.relation[static_cast<std::size_t>(Relation::supports)];
      heads.append(undercut_point).append(", fillcolor=\"").append(supports);
      heads.append("\", color=\"").append(supports).append("\"];\n");
    } else {
      heads.append("style=invis, label=<").append(s.short_meaning).append(">];\n");
    }
    edges += "    ";
    numbered(edges, "legend_r", i);
    edges += " -> ";
    numbered(edges, "legend_h", i);
    std::string attributes(s.faded ? faded_edge_look : edge_look(s.relation));
    const auto next = [&attributes]() -> std::string& { return attributes.append(attributes.empty() ? "" : ", "); };
    if (s.faded) next().append("arrowhead=").append(faded_arrowhead);
    if (s.relation != Relation::undercuts) next().append("headclip=false");
    // Black, Graphviz's default, is left out, as write_dot leaves it out.
    if (const std::string_view colour = relation_colour(p, s); colour != "#000000") {
      next().append("color=\"").append(colour).append("\"");
    }
    edges.append(" [").append(attributes).append("];\n");
    numbered(names_row.append("; "), "legend_r", i);
    numbered(heads_row.append("; "), "legend_h", i);
    numbered(names_order.append(arrow).append(" "), "legend_r", i);
    numbered(heads_order.append(arrow).append(" "), "legend_h", i);
    numbered(to_table.append("    "), "legend_h", i);
    to_table.append(" -> legend [style=invis];\n");
  }
  out.append(names).append(heads);
  out.append(names_row).append("}\n").append(heads_row).append("}\n");
  out.append(names_order).append(" [style=invis];\n").append(heads_order).append(" [style=invis];\n");
  out.append(to_table).append(edges);
}

}  // namespace

void append_legend(std::string& out, const LegendContent& content, const Palette& p, bool layered) {
  out += "  subgraph cluster_legend {\n    graph [label=\"\", ";
  if (layered) {
    out.append("style=rounded, color=\"").append(p.frame).append("\", penwidth=1];\n");
  } else {
    out += "style=invis];\n";
  }
  out += "    legend [shape=plaintext, style=\"\", penwidth=1, peripheries=0, margin=0, fontcolor=\"";
  out.append(p.ink).append("\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\"");
  attribute(out, "COLOR", p.frame);
  out += "><TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>";
  kinds(out, content, p);
  statuses(out, content, p);
  if (!layered) relation_rows(out, content, p);
  out += "</TABLE>>];\n";
  if (layered) relation_edges(out, content, p);
  out += "  }\n";
}

}  // namespace claimgraph::io::dot
