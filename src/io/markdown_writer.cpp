#include "claimgraph/io/markdown_writer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "claimgraph/analysis/reasons.hpp"
#include "claimgraph/citation.hpp"
#include "detail/escape.hpp"
#include "detail/number.hpp"
#include "detail/text.hpp"
#include "io/failures.hpp"
#include "io/questions.hpp"

namespace claimgraph::io {

namespace {

using Vertex = Graph::NodeRef;
using analysis::Gap;
using analysis::UngroundedCause;

// Most evidence listed per row, and most nodes looked at to find it: the
// report stays linear in the graph whatever its shape.
constexpr std::size_t max_listed = 12;
constexpr std::size_t max_visited = 2000;
// Why a claim does not stand: at most this many reasons, nested at most
// this deep, under each claim.
constexpr std::size_t max_reasons = 60;
constexpr std::size_t max_depth = 6;

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

// `s` with the bytes for which `encode` holds percent-encoded.
template <class Encode>
std::string percent_encoded(std::string_view s, Encode encode) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (encode(ch)) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out;
}

// A link destination: bytes that would end or confuse it are percent-encoded.
std::string destination(std::string_view path) {
  return percent_encoded(path, [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c <= 0x20 || c >= 0x7F || ch == '(' || ch == ')' || ch == '<' || ch == '>' || ch == '"' || ch == '\\' ||
           ch == '`' || ch == '%';
  });
}

using detail::fixed2;

// Where a node comes from, as the report names it in passing: its
// free-text source, the short form its author chose ("ORD (Dkt. 34)"), else
// its structured citations on one line; nothing when neither. The record
// cited gives every citation in full.
std::optional<std::string> record_of(const Node& node) {
  if (node.source && !node.source->empty()) return node.source;
  if (!node.cite.empty()) {
    std::string line = format_citations(node.cite);
    if (!line.empty()) return line;
  }
  return node.source;
}

// A URL as the inside of a CommonMark autolink, which ends at a space or an
// angle bracket: those (and control characters) percent-encoded, the rest
// as written.
std::string autolink(std::string_view url) {
  return percent_encoded(url, [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c <= 0x20 || c == 0x7F || ch == '<' || ch == '>';
  });
}

// Table cells: "" for an absent field.
std::string_view or_empty(const std::optional<std::string>& s) { return s ? std::string_view(*s) : std::string_view(); }

class Writer {
 public:
  Writer(const Graph& graph, const MarkdownOptions& options, const analysis::GroundingReport& grounding)
      : g_(graph),
        o_(options),
        report_(grounding),
        elements_(graph.node_count(), 0),
        supports_(graph.node_count(), 0),
        stamp_(graph.node_count(), 0),
        explained_(graph.node_count(), 0) {
    for (const auto& e : g_.edges()) {
      if (g_.edge(e).relation == Relation::element_of) ++elements_[g_.target(e)];
      if (g_.edge(e).relation == Relation::supports) ++supports_[g_.target(e)];
    }
  }
  std::string run();

 private:
  // "label (id)"; in a table cell a line break is <br>, elsewhere a space.
  void name(Vertex v, bool cell = true) {
    const auto write = cell ? text : line_text;
    write(out_, g_.node(v).label.empty() ? g_.node(v).id : g_.node(v).label);
    out_ += " (";
    write(out_, g_.node(v).id);
    out_ += ')';
  }
  void gap(Vertex v);
  void standing(Vertex v);
  void strength(Vertex v);
  void why(Vertex v);
  void status_reasons(Vertex v, std::size_t depth);
  bool burden_reason(Vertex v, std::size_t depth);
  void gap_reasons(Vertex v, std::size_t depth);
  bool item(std::size_t depth);
  void weighing(const analysis::StatusReason& r, std::size_t depth);
  void source(Vertex v);
  void because(Vertex v, std::size_t depth, bool by_status);
  template <class T, class F>
  void each(const std::vector<T>& list, std::size_t depth, F&& f);
  [[nodiscard]] const analysis::StatusReason& reason(Vertex v);
  [[nodiscard]] bool contradicts(Vertex a, Vertex b);
  void evidence_for(Vertex v);
  void questions(Vertex v);
  [[nodiscard]] std::string ids(const std::vector<std::size_t>& edges) const;
  void contrary(Vertex v);
  void lacking();
  void excluded();
  void failures();
  void failures_by_cause();
  void cause_item(const std::optional<std::string_view>& grp);
  void hidden_failures(const std::optional<std::string_view>& grp, Vertex top);
  void reading(Vertex claim, Vertex evidence);
  void names(const std::vector<Vertex>& nodes);
  // The groups in order of first appearance, then (as nullopt) the claims
  // without one, when there are any.
  [[nodiscard]] std::vector<std::optional<std::string_view>> groups() const;
  // The claims and counterclaims of a group, and those nothing else in the
  // group rests on: its causes of action.
  struct GroupClaims {
    std::vector<Vertex> claims;
    std::vector<Vertex> top;
  };
  [[nodiscard]] GroupClaims group_claims(const std::optional<std::string_view>& grp) const;
  void outline();
  void claim_section(Vertex v);
  void record();
  void authorities();

  const Graph& g_;
  const MarkdownOptions& o_;
  const analysis::GroundingReport& report_;
  std::vector<std::uint32_t> elements_;
  std::vector<std::uint32_t> supports_;  // per node: supports edges into it
  std::vector<std::uint32_t> stamp_;  // per node: the last evidence search that saw it
  std::uint32_t generation_ = 0;
  std::vector<std::uint32_t> explained_;  // per node: the last claim section that said why it falls
  std::uint32_t section_ = 0;
  std::size_t reasons_ = 0;  // reasons given in this section
  std::unordered_map<Vertex, analysis::StatusReason> status_reasons_;
  struct PairHash {
    std::size_t operator()(const std::pair<Vertex, Vertex>& p) const noexcept {
      return std::hash<Vertex>{}(p.first) * 0x9E3779B97F4A7C15u ^ std::hash<Vertex>{}(p.second);
    }
  };
  std::optional<std::unordered_set<std::pair<Vertex, Vertex>, PairHash>> contradictions_;
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
    case Gap::excluded: out_ += "excluded by the court"; break;
    case Gap::unsupported: out_ += "nothing supports it and it has no elements"; break;
    case Gap::missing_elements:
      out_ += "elements not grounded: ";
      list(s.missing, ", ");
      break;
    case Gap::no_element:
      out_ += "no element stands (its test is any): ";
      list(s.missing, ", ");
      break;
    case Gap::outweighed:
      out_ += "the factors weigh against it: " +
              detail::fixed2(static_cast<double>(s.weight_for) / static_cast<double>(factor_unit_scale)) +
              " grounded, " +
              detail::fixed2(static_cast<double>(s.weight_against) / static_cast<double>(factor_unit_scale)) +
              " not; not grounded: ";
      list(s.missing, ", ");
      break;
    case Gap::ungrounded:
      if (s.cause == UngroundedCause::cycle && s.cycle < report_.cycles.size()) {
        out_ += "supported only through a cycle of claims: ";
        list(report_.cycles[s.cycle], " → ");
      } else {
        const auto excluded = [&](Vertex x) { return o_.analyses.is_excluded(x); };
        out_ += std::any_of(s.supporters.begin(), s.supporters.end(), excluded)
                    ? "its supporters were excluded or lack evidence: "
                    : "its supporters lack evidence themselves: ";
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
    out_ += " · ";
    strength(v);
    if (claim) {
      out_ += " · ";
      line_text(out_, to_string(g_.node(v).standard.value_or(Standard::preponderance)));
      out_ += o_.analyses.strength->established[v] ? " met" : " not met";
    }
  }
}

// The strength, unless nothing supports the node: a claim's base score
// (0.50 by default) is a starting point, not something it earned, so a claim
// that lacks evidence, or whose supporters lend it nothing, says so where a
// supported one shows its number.
void Writer::strength(Vertex v) {
  const auto& s = *o_.analyses.strength;
  const bool elements = elements_[v] > 0;
  if (!is_claim_like(g_.node(v).kind) || (report_.grounded[v] && (elements || s.pro[v] > 0.0))) {
    out_ += "strength " + fixed2(s.strength[v]);
    return;
  }
  out_ += report_.grounded[v] ? "no support left"
          : elements          ? "some elements unsupported"
          : supports_[v] > 0  ? "no support from evidence"
                              : "no support";
  // Neither supported nor attacked: its strength is its base score alone.
  if (!elements && s.pro[v] <= 0.0 && s.con[v] <= 0.0) out_ += " (base score " + fixed2(s.strength[v]) + ")";
}

// Whether `a` contradicts `b`: one look-up in the set of contradicts edges,
// made the first time it is needed, so that a node contradicted by many
// does not cost its degree in every section that names it.
bool Writer::contradicts(Vertex a, Vertex b) {
  if (!contradictions_) {
    contradictions_.emplace();
    for (const auto& e : g_.edges()) {
      if (g_.edge(e).relation == Relation::contradicts) contradictions_->emplace(g_.source(e), g_.target(e));
    }
  }
  return contradictions_->contains({a, b});
}

const analysis::StatusReason& Writer::reason(Vertex v) {
  auto it = status_reasons_.find(v);
  if (it == status_reasons_.end()) {
    it = status_reasons_.emplace(v, analysis::explain_status(g_, *o_.analyses.status, v)).first;
  }
  return it->second;
}

// Starts a list item `depth` levels deep, or says once that the rest is
// left out when the section has given all the reasons it may.
bool Writer::item(std::size_t depth) {
  if (reasons_ > max_reasons) return false;
  out_.append(2 * depth, ' ');
  if (reasons_++ == max_reasons) {
    out_ += "- And more reasons, not shown here.\n";
    return false;
  }
  out_ += "- ";
  return true;
}

// " — source" when the node has one.
void Writer::source(Vertex v) {
  if (const auto src = record_of(g_.node(v))) {
    out_ += " — ";
    line_text(out_, *src);
  }
}

// Ends the head of an item about `v`, a node that does not stand, with the
// reasons it does not, one level deeper: once per section (a node met again
// is "explained above"), down to max_depth.
void Writer::because(Vertex v, std::size_t depth, bool by_status) {
  if (explained_[v] == section_) {
    out_ += " (explained above).\n";
    return;
  }
  if (depth + 1 >= max_depth) {
    out_ += " (for reasons too deep to show here).\n";
    return;
  }
  explained_[v] = section_;
  out_ += ":\n";
  const std::size_t mark = out_.size();
  if (by_status) {
    status_reasons(v, depth + 1);
  } else {
    gap_reasons(v, depth + 1);
  }
  if (out_.size() == mark) {
    out_.erase(mark - 2);  // the ":\n" above (erase, as resize here draws a false GCC 12 warning)
    out_ += ".\n";
  }
}

// One item per entry of `list` (at most max_listed), then how many more.
template <class T, class F>
void Writer::each(const std::vector<T>& list, std::size_t depth, F&& f) {
  for (std::size_t i = 0; i < list.size() && i < max_listed; ++i) {
    if (!item(depth)) return;
    f(list[i]);
  }
  if (list.size() > max_listed && item(depth)) {
    out_ += "And " + std::to_string(list.size() - max_listed) + " more of the same kind.\n";
  }
}

// For a claim whose test is balance, how its factors weigh: "The factors
// weigh against it: 1.00 for, 2.00 against." (and the undecided weight).
void Writer::weighing(const analysis::StatusReason& r, std::size_t depth) {
  if (r.test != ElementTest::balance || r.elements == 0 || !item(depth)) return;
  auto weight = [](std::uint64_t units) {
    return fixed2(static_cast<double>(units) / static_cast<double>(factor_unit_scale));
  };
  out_ += r.label == analysis::Label::out ? "The factors weigh against it: " : "The factors turn on undecided ones: ";
  out_ += weight(r.weight_in) + " for, " + weight(r.weight_out) + " against";
  if (r.weight_undec > 0) out_ += ", " + weight(r.weight_undec) + " undecided";
  out_ += ".\n";
}

// What makes v (OUT or UNDEC) fall, from analysis::explain_status: the
// standing nodes that contradict it, the elements that do not stand, and,
// when that is why, the support it lacks or lost; for UNDEC, what it is in
// a stand-off with.
void Writer::status_reasons(Vertex v, std::size_t depth) {
  using analysis::Label;
  if (burden_reason(v, depth)) return;
  const analysis::StatusReason& r = reason(v);  // stays valid: map nodes do not move
  const auto& labels = o_.analyses.status->labels;
  auto element = [&](Vertex e) {
    out_ += "Its element ";
    name(e, false);
    out_ += labels[e] == Label::out ? " does not stand (OUT)" : " is undecided (UNDEC)";
    because(e, depth, true);
  };
  auto support_from = [&](Vertex s) {
    out_ += "Its support from ";
    name(s, false);
  };
  if (r.label == Label::out) {
    each(r.contradictors_in, depth, [&](Vertex c) {
      out_ += "Contradicted by ";
      name(c, false);
      out_ += ", which stands (IN)";
      source(c);
      out_ += ".\n";
    });
    weighing(r, depth);
    each(r.elements_not_in, depth, element);
    // A claim's support, when its loss is a reason: nothing carries and
    // nothing is undecided. (Evidence needs none.)
    if (is_claim_like(g_.node(v).kind) && r.elements == 0 && r.carrying.empty() && r.undecided.empty() &&
        r.contested.empty()) {
      if (!r.has_support() && item(depth)) out_ += "Nothing supports it: it is not grounded in evidence.\n";
      each(r.fallen, depth, [&](const analysis::SupportEdge& s) {
        support_from(s.supporter);
        out_ += " has fallen (OUT)";
        because(s.supporter, depth, true);
      });
      for (const auto& s : r.undercut) {
        each(s.undercutters, depth, [&](Vertex u) {
          support_from(s.supporter);
          out_ += " is undercut by ";
          name(u, false);
          out_ += ", which stands (IN)";
          source(u);
          out_ += ".\n";
        });
      }
    }
    return;
  }
  if (r.label != Label::undec) return;
  each(r.contradictors_undec, depth, [&](Vertex c) {
    if (c == v) {
      out_ += "It contradicts itself, so it can neither stand nor fall (UNDEC).\n";
    } else if (contradicts(v, c)) {
      out_ += "In a stand-off with ";
      name(c, false);
      out_ += ": each contradicts the other and neither prevails (UNDEC)";
      source(c);
      out_ += ".\n";
    } else {
      out_ += "Contradicted by ";
      name(c, false);
      out_ += ", which is itself undecided (UNDEC)";
      source(c);
      because(c, depth, true);
    }
  });
  weighing(r, depth);
  each(r.elements_not_in, depth, element);
  if (r.elements == 0 && r.carrying.empty()) {
    each(r.undecided, depth, [&](const analysis::SupportEdge& s) {
      support_from(s.supporter);
      out_ += " is undecided (UNDEC)";
      because(s.supporter, depth, true);
    });
    for (const auto& s : r.contested) {
      each(s.undercutters, depth, [&](Vertex u) {
        support_from(s.supporter);
        out_ += " is contested by ";
        name(u, false);
        out_ += ", which is undecided (UNDEC)";
        source(u);
        because(u, depth, true);
      });
    }
  }
}

// Why v lacks evidence, from analysis::check: its gap, and the gaps of the
// elements or supporters it is missing.
void Writer::gap_reasons(Vertex v, std::size_t depth) {
  const std::size_t index = report_.claim_index[v];
  if (index == analysis::GroundingReport::npos) return;
  const auto& c = report_.claims[index];
  switch (c.gap) {
    case Gap::none: break;
    case Gap::excluded:
      if (item(depth)) out_ += "The court excluded it.\n";
      break;
    case Gap::unsupported:
      if (item(depth)) out_ += "Nothing supports it and it has no elements.\n";
      break;
    case Gap::missing_elements:
    case Gap::no_element:
    case Gap::outweighed:
      each(c.missing, depth, [&](Vertex e) {
        out_ += "Its element ";
        name(e, false);
        out_ += " lacks evidence";
        because(e, depth, false);
      });
      break;
    case Gap::ungrounded:
      if (c.cause == UngroundedCause::cycle && c.cycle < report_.cycles.size()) {
        if (!item(depth)) break;
        out_ += "It is supported only through a cycle of claims: ";
        const auto& cycle = report_.cycles[c.cycle];
        for (std::size_t i = 0; i < cycle.size() && i < max_listed; ++i) {
          if (i > 0) out_ += " → ";
          name(cycle[i], false);
        }
        if (cycle.size() > max_listed) out_ += " and " + std::to_string(cycle.size() - max_listed) + " more";
        out_ += ".\n";
      } else {
        each(c.supporters, depth, [&](Vertex s) {
          out_ += "Its support from ";
          name(s, false);
          if (o_.analyses.is_excluded(s)) {
            out_ += " was excluded by the court.\n";
            return;
          }
          out_ += " lacks evidence itself";
          because(s, depth, false);
        });
      }
      break;
  }
}

// When the burden of persuasion decided v (evaluated with it): that, as the
// one reason, naming who bears the burden, and the presumed claim v failed
// to disprove where the graph shows it.
bool Writer::burden_reason(Vertex v, std::size_t depth) {
  using analysis::Decided;
  const analysis::StatusReport& status = *o_.analyses.status;
  const Decided decided = v < status.decided.size() ? status.decided[v] : Decided::no;
  if (decided == Decided::no) return false;
  if (!item(depth)) return true;
  const Vertex issue = v < status.issue.size() ? status.issue[v] : Graph::npos;
  const auto bearer = issue < g_.node_count() ? analysis::burden_bearer(g_.node(issue)) : std::nullopt;
  const auto who = [&] {
    if (bearer) {
      line_text(out_, *bearer);
    } else {
      out_ += decided == Decided::fails ? "the party that alleges it" : "the other side";
    }
  };
  out_ += "Undecided on the evidence, so it ";
  if (decided == Decided::fails_to_disprove && issue >= g_.node_count()) {
    out_ += "fails: it does not disprove a presumed claim it contradicts (not shown here).\n";
    return true;
  }
  switch (decided) {
    case Decided::no: break;
    case Decided::fails:
      out_ += "fails: ";
      who();
      out_ += " bears the burden of persuasion.\n";
      break;
    case Decided::stands:
      out_ += "stands: ";
      who();
      out_ += " bears the burden of disproving it.\n";
      break;
    case Decided::fails_to_disprove:
      out_ += "fails: ";
      who();
      out_ += " bears the burden of disproving ";
      name(issue, false);
      out_ += ", which it contradicts.\n";
      break;
  }
  return true;
}

// Under a claim that does not stand (with the status analysis: OUT or
// UNDEC; without it: lacking evidence), everything that makes it fall, so
// that the decisive defence is read where the claim is.
void Writer::why(Vertex v) {
  const auto* status = o_.analyses.status;
  const bool by_status = status != nullptr;
  if (by_status ? status->labels[v] == analysis::Label::in : static_cast<bool>(report_.grounded[v])) return;
  out_ += !by_status                                 ? "**Why it lacks evidence:**\n\n"
          : status->labels[v] == analysis::Label::out ? "**Why it does not stand:**\n\n"
                                                      : "**Why it is undecided:**\n\n";
  ++section_;
  reasons_ = 0;
  explained_[v] = section_;
  if (by_status) {
    status_reasons(v, 0);
  } else {
    gap_reasons(v, 0);
  }
  out_ += '\n';
}

// The evidence a node rests on, through supports and element-of edges, with
// sources.
void Writer::evidence_for(Vertex v) {
  std::vector<Vertex> stack{v}, found;
  ++generation_;  // a node is seen in this search when its stamp is the generation
  stamp_[v] = generation_;
  std::size_t seen = 1;
  bool cut = false;
  while (!stack.empty()) {
    const Vertex x = stack.back();
    stack.pop_back();
    for (const auto& e : g_.in_edges(x)) {
      const Relation r = g_.edge(e).relation;
      if (r != Relation::supports && r != Relation::element_of) continue;
      const Vertex y = g_.source(e);
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
    if (const auto src = record_of(g_.node(found[i]))) {
      out_ += " — ";
      text(out_, *src);
    }
  }
  if (found.size() > max_listed) out_ += "<br>and " + std::to_string(found.size() - max_listed) + " more";
  if (cut) out_ += "<br>(and more not searched)";
}

// What contradicts a node, and what undercuts the support it has.
void Writer::contrary(Vertex v) {
  std::vector<std::pair<Vertex, bool>> against;  // node, undercuts
  for (const auto& e : g_.in_edges(v)) {
    const Relation r = g_.edge(e).relation;
    if (r == Relation::contradicts || r == Relation::undercuts) against.emplace_back(g_.source(e), r == Relation::undercuts);
  }
  if (against.empty()) out_ += "—";
  for (std::size_t i = 0; i < against.size() && i < max_listed; ++i) {
    const Vertex a = against[i].first;
    if (i > 0) out_ += "<br>";
    out_ += "• ";
    name(a);
    if (against[i].second) out_ += " *(undercuts its support)*";
    if (const auto src = record_of(g_.node(a))) {
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

// "label (id)", "label (id) and label (id)", "a, b and c", at most max_listed.
void Writer::names(const std::vector<Vertex>& nodes) {
  const std::size_t shown = std::min(nodes.size(), max_listed);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out_ += i + 1 == shown && nodes.size() <= max_listed ? " and " : ", ";
    name(nodes[i], false);
  }
  if (nodes.size() > max_listed) out_ += " and " + std::to_string(nodes.size() - max_listed) + " more";
}

// What was excluded, and the claims that fell with it: the rest of the
// report is of the record without it.
void Writer::excluded() {
  const auto& a = o_.analyses;
  std::vector<Vertex> gone, fell;
  for (Vertex v = 0; v < g_.node_count(); ++v) {
    if (a.is_excluded(v)) gone.push_back(v);
    if (a.fell(v)) fell.push_back(v);
  }
  out_ += "## Excluded\n\n";
  if (gone.empty()) {
    out_ += "Nothing is excluded.\n\n";
    return;
  }
  out_ += "This report is of the record as if the court had excluded ";
  out_ += gone.size() == 1 ? "this node:\n\n" : "these " + std::to_string(gone.size()) + " nodes:\n\n";
  for (std::size_t i = 0; i < gone.size() && i < max_listed; ++i) {
    out_ += "- ";
    name(gone[i], false);
    out_ += ", ";
    out_ += to_string(g_.node(gone[i]).kind);
    source(gone[i]);
    out_ += '\n';
  }
  if (gone.size() > max_listed) out_ += "- And " + std::to_string(gone.size() - max_listed) + " more.\n";
  out_ += '\n';
  if (fell.empty()) {
    out_ += "Every claim and counterclaim grounded in the whole record stays grounded without ";
    out_ += gone.size() == 1 ? "it.\n\n" : "them.\n\n";
    return;
  }
  out_ += std::to_string(fell.size());
  out_ += fell.size() == 1 ? " claim or counterclaim grounded in the whole record lacks"
                           : " claims and counterclaims grounded in the whole record lack";
  out_ += " evidence without ";
  out_ += gone.size() == 1 ? "it:\n\n" : "them:\n\n";
  for (std::size_t i = 0; i < fell.size() && i < max_listed; ++i) {
    out_ += "- ";
    name(fell[i], false);
    if (const auto& grp = g_.node(fell[i]).group) {
      out_ += ", *";
      line_text(out_, *grp);
      out_ += '*';
    }
    out_ += ": it rested on ";
    names(detail::excluded_beneath(g_, a, fell[i]));
    out_ += ".\n";
  }
  if (fell.size() > max_listed) out_ += "- And " + std::to_string(fell.size() - max_listed) + " more.\n";
  out_ += '\n';
}

// The claims that one piece of evidence alone holds up, each with what it
// cannot lose; then, per cause of action, what its loss would cost.
void Writer::failures() {
  const auto& points = *o_.analyses.single_points;
  out_ += "## Points of failure\n\n";
  std::vector<Vertex> held;
  for (const auto& c : report_.claims) {
    if (o_.analyses.has_points(c.node)) held.push_back(c.node);
  }
  if (held.empty()) {
    out_ += report_.grounded_claims == 0
                ? "No claim or counterclaim is grounded in evidence, so none rests on a single piece of it.\n\n"
                : "No claim or counterclaim rests on a single piece of evidence: each stays grounded if the court "
                  "excludes any one.\n\n";
    return;
  }
  out_ += std::to_string(held.size()) + " of the " + std::to_string(report_.grounded_claims);
  // "1 of the 5 grounded claims and counterclaims rests", "2 of the 5 ... rest".
  out_ += report_.grounded_claims == 1 ? " grounded claim or counterclaim" : " grounded claims and counterclaims";
  out_ += held.size() == 1 ? " rests" : " rest";
  out_ += " on a single piece of evidence: if the court excluded it, ";
  out_ += held.size() == 1 ? "it would lack evidence.\n\n" : "they would lack evidence.\n\n";
  out_ += "| Claim | Group | Cannot lose |\n|---|---|---|\n";
  for (const Vertex c : held) {
    const Node& node = g_.node(c);
    out_ += "| ";
    name(c);
    if (node.kind == NodeKind::counterclaim) out_ += " *(counterclaim)*";
    out_ += " | ";
    text(out_, node.group.value_or(""));
    out_ += " | ";
    const auto& list = points[c];
    for (std::size_t i = 0; i < list.size() && i < max_listed; ++i) {
      if (i > 0) out_ += "<br>";
      name(list[i]);
    }
    if (list.size() > max_listed) out_ += "<br>and " + std::to_string(list.size() - max_listed) + " more";
    if (const std::size_t hidden = o_.analyses.hidden_points(c); hidden > 0) {
      out_ += list.empty() ? "" : "<br>and ";
      out_ += std::to_string(hidden) + (hidden == 1 ? " piece" : " pieces") + " of evidence not shown here";
    }
    out_ += " |\n";
  }
  out_ += '\n';
  if (o_.analyses.single_points_hidden != nullptr) {
    out_ += "Evidence left out of this report (by a view or by redaction) is counted, not named.\n\n";
  }
  failures_by_cause();
}

// One line per piece of evidence whose exclusion alone would cost a cause
// of action an element or its grounding: "If the court excluded X, the
// claim would lose its element k1." A claim without elements is listed only
// when the evidence alone holds it up.
void Writer::failures_by_cause() {
  const auto& points = *o_.analyses.single_points;
  std::string lines;
  std::swap(lines, out_);
  for (const auto& grp : groups()) {
    for (const Vertex top : group_claims(grp).top) {
      std::vector<Vertex> costly = top < points.size() ? points[top] : std::vector<Vertex>();
      if (elements_[top] > 0) {
        for (const auto& e : g_.in_edges(top)) {
          if (g_.edge(e).relation != Relation::element_of) continue;
          const Vertex x = g_.source(e);
          if (!is_claim_like(g_.node(x).kind)) {
            if (!o_.analyses.is_excluded(x)) costly.push_back(x);
          } else if (x < points.size()) {
            costly.insert(costly.end(), points[x].begin(), points[x].end());
          }
        }
        std::sort(costly.begin(), costly.end());
        costly.erase(std::unique(costly.begin(), costly.end()), costly.end());
      }
      for (std::size_t i = 0; i < costly.size() && i < max_listed; ++i) {
        cause_item(grp);
        reading(top, costly[i]);
      }
      if (costly.size() > max_listed) {
        out_ += "- And " + std::to_string(costly.size() - max_listed) + " more pieces of evidence it cannot lose.\n";
      }
      hidden_failures(grp, top);
    }
  }
  std::swap(lines, out_);
  if (lines.empty()) return;
  out_ += "By cause of action:\n\n";
  out_ += lines;
  out_ += '\n';
}

// Starts a list item of the points of failure by cause of action: "- *G*: ".
void Writer::cause_item(const std::optional<std::string_view>& grp) {
  out_ += "- *";
  if (grp) {
    line_text(out_, *grp);
  } else {
    out_ += "Without a group";
  }
  out_ += "*: ";
}

// The line for what a cause of action cannot lose that the view leaves
// out, unnamed: the elements that rest on such evidence, or the claim
// itself.
void Writer::hidden_failures(const std::optional<std::string_view>& grp, Vertex top) {
  if (o_.analyses.single_points_hidden == nullptr) return;
  std::vector<Vertex> lost;
  if (elements_[top] > 0) {
    for (const auto& e : g_.in_edges(top)) {
      const Vertex x = g_.source(e);
      if (g_.edge(e).relation == Relation::element_of && o_.analyses.hidden_points(x) > 0) lost.push_back(x);
    }
    std::sort(lost.begin(), lost.end());
    lost.erase(std::unique(lost.begin(), lost.end()), lost.end());
  }
  if (lost.empty() && o_.analyses.hidden_points(top) == 0) return;
  cause_item(grp);
  name(top, false);
  if (lost.empty()) {
    out_ += " would be left without evidence";
  } else {
    out_ += lost.size() == 1 ? " would lose its element " : " would lose one or more of its elements ";
    names(lost);
  }
  out_ += " if the court excluded a piece of evidence not shown here.\n";
}

void Writer::reading(Vertex claim, Vertex evidence) {
  const auto& points = *o_.analyses.single_points;
  const bool grounding =
      claim < points.size() && std::binary_search(points[claim].begin(), points[claim].end(), evidence);
  out_ += "if the court excluded ";
  name(evidence, false);
  out_ += ", ";
  name(claim, false);
  const auto lost = detail::lost_with(g_, points, claim, evidence);
  if (lost.empty() || lost == std::vector<Vertex>{evidence}) {
    out_ += " would be left without evidence.\n";
    return;
  }
  out_ += elements_[claim] > 0 ? (lost.size() == 1 ? " would lose its element " : " would lose its elements ")
                               : " would lose its support from ";
  names(lost);
  out_ += grounding ? " and be left without evidence.\n" : ".\n";
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
  if (const auto src = record_of(node)) {
    out_ += " Source: ";
    line_text(out_, *src);
    out_ += '.';
  }
  out_ += "\n\n";
  why(v);
  out_ += "| ";
  out_ += elements_[v] > 0 ? "Element" : "Claim";
  out_ += " | Evidence for it | Contrary | Standing |\n|---|---|---|---|\n";
  std::vector<Vertex> rows;
  if (elements_[v] > 0) {
    for (const auto& e : g_.in_edges(v)) {
      if (g_.edge(e).relation == Relation::element_of) rows.push_back(g_.source(e));
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
  if (o_.analyses.schemes != nullptr) {
    for (Vertex r : rows) questions(r);
  }
}

// The critical questions of the inferences into `v`, each with its state.
void Writer::questions(Vertex v) {
  for (const auto* inference : detail::inferences_into(g_, *o_.analyses.schemes, v)) {
    const auto e = g_.edges()[inference->edge];
    out_ += "**Critical questions** of the support from ";
    line_text(out_, g_.id(g_.source(e)));
    out_ += " to ";
    line_text(out_, g_.id(v));
    out_ += " (";
    line_text(out_, inference->scheme->title);
    out_ += "):\n\n";
    for (const auto& q : inference->questions) {
      const CriticalQuestion& cq = inference->scheme->questions[q.question];
      out_ += "- ";
      line_text(out_, cq.id);
      out_ += " (";
      out_ += to_string(cq.type);
      if (!cq.rule.empty()) {
        out_ += "; ";
        line_text(out_, cq.rule);
      }
      out_ += "): ";
      line_text(out_, cq.text);
      out_ += " *";
      std::string state = detail::question_state(q);
      if (q.raised()) state += " by " + ids(q.raised_by);
      if (q.answered()) state += (q.raised() ? ", answered by " : " by ") + ids(q.answered_by);
      if (const auto effect = detail::question_effect(q); !effect.empty()) state += "; " + effect;
      if (q.raised() && q.answered()) state.replace(0, std::string("raised and answered").size(), "raised");
      line_text(out_, state);
      out_ += "*\n";
    }
    out_ += '\n';
  }
}

// The ids of the sources of some edges: "a, b".
std::string Writer::ids(const std::vector<std::size_t>& edges) const {
  std::string out;
  for (const std::size_t i : edges) out += (out.empty() ? "" : ", ") + std::string(g_.id(g_.source(g_.edges()[i])));
  return out;
}

std::vector<std::optional<std::string_view>> Writer::groups() const {
  std::vector<std::optional<std::string_view>> out;
  bool ungrouped = false;
  for (Vertex v = 0; v < g_.node_count(); ++v) {
    const auto& grp = g_.node(v).group;
    if (!grp) {
      ungrouped = ungrouped || is_claim_like(g_.node(v).kind);
    } else if (std::find(out.begin(), out.end(), std::optional<std::string_view>(*grp)) == out.end()) {
      out.emplace_back(*grp);
    }
  }
  if (ungrouped) out.emplace_back(std::nullopt);
  return out;
}

Writer::GroupClaims Writer::group_claims(const std::optional<std::string_view>& grp) const {
  auto in_group = [&](Vertex v) {
    const auto& own = g_.node(v).group;
    return grp ? (own && *own == *grp) : !own;
  };
  GroupClaims out;
  for (Vertex v = 0; v < g_.node_count(); ++v) {
    if (!is_claim_like(g_.node(v).kind) || !in_group(v)) continue;
    out.claims.push_back(v);
    bool rests = false;
    for (const auto& e : g_.out_edges(v)) {
      const Relation r = g_.edge(e).relation;
      const Vertex t = g_.target(e);
      if ((r == Relation::supports || r == Relation::element_of) && is_claim_like(g_.node(t).kind) && in_group(t)) {
        rests = true;
      }
    }
    if (!rests) out.top.push_back(v);
  }
  return out;
}

void Writer::outline() {
  out_ += "## Outline of proof\n\n";
  // Groups in order of first appearance; nodes without one come last.
  for (const auto& grp : groups()) {
    const GroupClaims c = group_claims(grp);
    if (c.claims.empty()) continue;
    out_ += "### ";
    if (grp) {
      line_text(out_, *grp);
    } else {
      out_ += "Claims without a group";
    }
    out_ += "\n\n";
    for (Vertex v : c.top.empty() ? c.claims : c.top) claim_section(v);
  }
}

// The record cited: every citation of the record (a document, exhibit, Bates
// range or quotation, or a date or link of no authority; a citation of an
// authority alone is the table of authorities') of every node, in the order of the file, one row each, with
// the words relied on. Columns that no citation fills are left out; the
// section is absent when nothing cites the record.
bool of_record(const Citation& c) {
  return c.document || c.exhibit || c.bates || c.quote || (!c.authority && (c.date || c.url));
}

void Writer::record() {
  using Field = std::optional<std::string> Citation::*;
  struct Column {
    const char* title;
    Field field;
  };
  constexpr std::array<Column, 5> all{{{"Exhibit", &Citation::exhibit},
                                       {"Document", &Citation::document},
                                       {"Pin cite", &Citation::pin},
                                       {"Bates", &Citation::bates},
                                       {"Date", &Citation::date}}};
  std::vector<Column> columns;
  std::size_t rows = 0;
  bool quoted = false;
  for (const Column& col : all) {
    bool used = false;
    for (Vertex v = 0; v < g_.node_count() && !used; ++v) {
      for (const Citation& c : g_.node(v).cite) used = used || (of_record(c) && c.*col.field);
    }
    if (used) columns.push_back(col);
  }
  for (Vertex v = 0; v < g_.node_count(); ++v) {
    for (const Citation& c : g_.node(v).cite) {
      if (!of_record(c)) continue;
      ++rows;
      quoted = quoted || c.quote || c.url;
    }
  }
  if (rows == 0) return;
  out_ += "## Record cited\n\n";
  out_ += std::to_string(rows) + (rows == 1 ? " citation" : " citations") +
          " of the record, in the order of the case file.\n\n| Node";
  for (const Column& col : columns) out_ += std::string(" | ") + col.title;
  if (quoted) out_ += " | Quoted";
  out_ += " |\n|---";
  for (std::size_t i = 0; i < columns.size() + (quoted ? 1 : 0); ++i) out_ += "|---";
  out_ += "|\n";
  for (Vertex v = 0; v < g_.node_count(); ++v) {
    for (const Citation& c : g_.node(v).cite) {
      if (!of_record(c)) continue;
      out_ += "| ";
      name(v);
      for (const Column& col : columns) {
        out_ += " | ";
        text(out_, or_empty(c.*col.field));
      }
      if (quoted) {
        out_ += " | ";
        if (c.quote) {
          out_ += "“";
          text(out_, *c.quote);
          out_ += "”";
        }
        if (c.url) {
          if (c.quote) out_ += "<br>";
          out_ += "<";
          out_ += autolink(*c.url);
          out_ += ">";
        }
      }
      out_ += " |\n";
    }
  }
  out_ += '\n';
}

// The table of authorities: every authority cited, grouped into cases,
// statutes and other authorities, alphabetical within a group as a brief
// lists them, each with the nodes that cite it and their pin cites.
void Writer::authorities() {
  struct Cited {
    Vertex node;
    std::optional<std::string> pin;
  };
  std::map<std::string, std::vector<Cited>> by_authority;
  for (Vertex v = 0; v < g_.node_count(); ++v) {
    for (const Citation& c : g_.node(v).cite) {
      if (c.authority && !c.authority->empty()) by_authority[*c.authority].push_back({v, c.pin});
    }
  }
  if (by_authority.empty()) return;
  out_ += "## Table of authorities\n\n";
  for (const AuthorityKind kind : {AuthorityKind::case_law, AuthorityKind::statute, AuthorityKind::other}) {
    bool any = false;
    for (const auto& [authority, cited] : by_authority) {
      if (classify_authority(authority) != kind) continue;
      if (!any) {
        out_ += "### ";
        out_ += heading(kind);
        out_ += "\n\n";
        any = true;
      }
      out_ += "- *";
      line_text(out_, authority);
      out_ += "*, cited by:\n";
      for (const Cited& c : cited) {
        out_ += "  - ";
        name(c.node, false);
        if (c.pin) {
          out_ += ", ";
          line_text(out_, *c.pin);
        }
        out_ += '\n';
      }
    }
    if (any) out_ += '\n';
  }
}

std::string Writer::run() {
  out_ += "# ";
  line_text(out_, g_.title.value_or("Case report"));
  out_ += "\n\n";
  if (g_.description) {
    paragraph(out_, *g_.description);
    out_ += "\n\n";
  }
  if (!o_.scope.empty()) {
    out_ += detail::scope_lead(o_.scope.size()).set("**", "**");
    line_text(out_, detail::scope_text(o_.scope));
    out_ += ". The findings are of the whole case: evidence this report does not show still counts.\n\n";
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
    const bool burden = !o_.analyses.status->decided.empty();
    out_ += " Status of the " + std::to_string(g_.node_count()) + " nodes (grounded semantics" +
            (burden ? ", undecided issues decided by the burden of persuasion" : "") + "): " + std::to_string(in) +
            " IN, " + std::to_string(out) + " OUT, " + std::to_string(undec) + " UNDEC.";
  }
  out_ += "\n\n";
  if (o_.analyses.excluded != nullptr) excluded();
  lacking();
  if (o_.analyses.single_points != nullptr) failures();
  outline();
  record();
  authorities();
  if (!o_.diagram.empty()) {
    const std::string d = destination(o_.diagram);
    out_ += "## Diagram\n\n[![Diagram of the case](" + d + ")](" + d + ")\n";
  }
  // One newline at the end, whatever section came last.
  while (out_.size() >= 2 && out_.ends_with("\n\n")) out_.pop_back();
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
