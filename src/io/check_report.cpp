#include "claimgraph/io/check_report.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "detail/chunks_in_order.hpp"
#include "detail/escape.hpp"
#include "detail/json_members.hpp"
#include "detail/node_groups.hpp"
#include "detail/number.hpp"
#include "detail/output.hpp"
#include "detail/text.hpp"
#include "io/questions.hpp"

using claimgraph::detail::plain;

namespace claimgraph::io {

namespace {

using analysis::ClaimStatus;
using analysis::Gap;
using analysis::GroundingReport;
using analysis::UngroundedCause;

std::string named(const Graph& graph, Graph::NodeRef v) {
  return plain(graph.node(v).id) + " (" + plain(graph.node(v).label) + ")";
}

// A weight of factor_units() as reports print weights: "2.00".
std::string factor_weight(std::uint64_t units) {
  return detail::fixed2(static_cast<double>(units) / static_cast<double>(factor_unit_scale));
}

std::string id_list(const Graph& graph, const std::vector<Graph::NodeRef>& nodes, std::string_view separator,
                    std::size_t cap = 8) {
  std::string out;
  for (std::size_t i = 0; i < nodes.size() && i < cap; ++i) {
    if (i > 0) out += separator;
    out += plain(graph.node(nodes[i]).id);
  }
  if (nodes.size() > cap) out += " and " + std::to_string(nodes.size() - cap) + " more";
  return out;
}

void write_status(std::string& out, const Graph& graph, const GroundingReport& report, const ClaimStatus& s) {
  const Node& node = graph.node(s.node);
  out += s.grounded ? "  ✓ " : "  ✗ ";
  out += plain(node.id);
  out += " — ";
  out += plain(node.label);
  if (node.kind == NodeKind::counterclaim) out += " [counterclaim]";
  if (s.grounded_contradictions > 0) {
    out += " (contradicted by " + std::to_string(s.grounded_contradictions) + " grounded node" +
           (s.grounded_contradictions == 1 ? ")" : "s)");
  }
  out += '\n';
  if (s.grounded) return;
  out += "      " + grounding_reason(graph, report, s) + "\n";
  if (s.gap == Gap::missing_elements || s.gap == Gap::no_element || s.gap == Gap::outweighed) {
    for (auto m : s.missing) out += "        - " + named(graph, m) + "\n";
  }
}

void json_ids(std::string& out, const Graph& graph, const std::vector<Graph::NodeRef>& nodes) {
  out += '[';
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (i > 0) out += ", ";
    detail::append_json_string(out, graph.node(nodes[i]).id);
  }
  out += ']';
}


}  // namespace

std::string grounding_reason(const Graph& graph, const GroundingReport& report, const ClaimStatus& s) {
  switch (s.gap) {
    case Gap::unsupported: return "unsupported: no evidence or claim supports it and it has no elements";
    case Gap::missing_elements:
      return "missing-elements: " + std::to_string(s.missing.size()) + " element" + (s.missing.size() == 1 ? "" : "s") +
             " not grounded";
    case Gap::no_element:
      return "no-element: no element stands (its test is any): none of its " + std::to_string(s.missing.size()) +
             " element" + (s.missing.size() == 1 ? "" : "s") + " is grounded";
    case Gap::outweighed:
      return "outweighed: the factors weigh against it: " + factor_weight(s.weight_for) + " grounded, " +
             factor_weight(s.weight_against) + " not grounded";
    case Gap::ungrounded:
      if (s.cause == UngroundedCause::cycle) {
        return "ungrounded: supported only through a cycle of claims: " + id_list(graph, report.cycles[s.cycle], " → ");
      }
      if (std::any_of(s.supporters.begin(), s.supporters.end(), [&](Graph::NodeRef v) {
            const std::size_t i = report.claim_index[v];
            return i == GroundingReport::npos ? !report.grounded[v] : report.claims[i].gap == Gap::excluded;
          })) {
        return "ungrounded: its supporters were excluded or lack evidence: " + id_list(graph, s.supporters, ", ");
      }
      return "ungrounded: supported only by claims that lack evidence: " + id_list(graph, s.supporters, ", ");
    case Gap::excluded: return "excluded: the court excluded it";
    case Gap::none: break;
  }
  return "grounded";
}

namespace {

std::vector<Graph::NodeRef> marked(const Graph& graph, const std::vector<bool>& marks) {
  std::vector<Graph::NodeRef> out;
  for (Graph::NodeRef v = 0; v < graph.node_count() && v < marks.size(); ++v) {
    if (marks[v]) out.push_back(v);
  }
  return out;
}

// The claims grounded in the whole record that are not without the excluded nodes.
std::vector<Graph::NodeRef> fell(const GroundingReport& report, const CheckExclusion& exclusion) {
  std::vector<Graph::NodeRef> out;
  for (const auto& s : report.claims) {
    if (!s.grounded && s.gap != Gap::excluded && exclusion.record.grounded[s.node]) out.push_back(s.node);
  }
  return out;
}

}  // namespace

void write_check_text(std::ostream& out, const Graph& graph, const GroundingReport& report,
                      const analysis::SchemeUse* schemes, const CheckExclusion* exclusion, std::size_t threads) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  if (graph.title) buf += plain(*graph.title) + "\n\n";
  // Groups in order of first appearance, ungrouped claims last.
  std::vector<Graph::NodeRef> claims;
  claims.reserve(report.claims.size());
  for (const auto& s : report.claims) claims.push_back(s.node);
  const detail::NodeGroups groups = detail::group_nodes(graph, claims);
  // The claims as listed, the grouped ones (flat, group by group) then the
  // loose, rendered in chunks (detail::write_chunks_in_order): a group's
  // name comes before its first claim and a blank line after its last, so
  // a chunk that starts within a group finds the group and goes on from there.
  const std::vector<Graph::NodeRef>& grouped = groups.groups.members;
  const std::vector<std::size_t>& starts = groups.groups.offsets;
  const std::size_t listed = grouped.size() + groups.loose.size();
  constexpr std::size_t a_chunk = 4096;
  const auto lines = [&](std::size_t k, std::string& text) {
    const std::size_t first = k * a_chunk, last = std::min(listed, (k + 1) * a_chunk);
    // The group of the chunk's first grouped claim: the last that starts at or before it.
    std::size_t g = first < grouped.size()
                        ? static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), first) - starts.begin()) - 1
                        : 0;
    for (std::size_t p = first; p < last; ++p) {
      if (p < grouped.size()) {
        while (starts[g + 1] <= p) ++g;
        if (p == starts[g]) text += plain(groups.name(graph, g)) + "\n";
        write_status(text, graph, report, report.claims[report.claim_index[grouped[p]]]);
        if (p + 1 == starts[g + 1]) text += '\n';
      } else {
        const std::size_t q = p - grouped.size();
        if (q == 0 && !groups.groups.empty()) text += "(no group)\n";
        write_status(text, graph, report, report.claims[report.claim_index[groups.loose[q]]]);
        if (q + 1 == groups.loose.size()) text += '\n';
      }
    }
  };
  detail::write_chunks_in_order(output, (listed + a_chunk - 1) / a_chunk,
                                listed >= detail::lines_for_two_threads ? threads : 1, lines);
  if (exclusion != nullptr) {
    buf += "Excluded: " + id_list(graph, marked(graph, exclusion->excluded), ", ") + ".\n";
    const auto lost = fell(report, *exclusion);
    if (lost.empty()) {
      buf += "Against the whole record, no other claim loses its evidence.\n\n";
    } else {
      buf += "Against the whole record, " + std::to_string(lost.size()) +
             (lost.size() == 1 ? " claim loses its evidence:\n" : " claims lose their evidence:\n");
      for (auto v : lost) write_status(buf, graph, report, report.claims[report.claim_index[v]]);
      buf += '\n';
    }
  }
  if (schemes != nullptr && !schemes->inferences.empty()) buf += detail::questions_section_text(graph, *schemes) + "\n";
  const std::size_t total = report.claims.size();
  buf += std::to_string(total) + (total == 1 ? " claim or counterclaim: " : " claims and counterclaims: ") +
         std::to_string(report.grounded_claims) + " grounded, " + std::to_string(report.lacking()) +
         (report.lacking() == 1 ? " lacks evidence.\n" : " lack evidence.\n");
  output.flush();
}

void write_check_json(std::ostream& out, const Graph& graph, const GroundingReport& report,
                      const analysis::SchemeUse* schemes, const CheckExclusion* exclusion, std::size_t threads) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  buf += "{\n  \"claims\": " + std::to_string(report.claims.size()) + ",\n  \"grounded\": " +
         std::to_string(report.grounded_claims) + ",\n  \"lacking_evidence\": [";
  // Each list a claim a line, rendered in chunks (detail::write_chunks_in_order):
  // on a second thread too when there are some thousands. A line's
  // separator depends only on whether a line came before it: on whether
  // the claim is the first that lacks evidence, found first.
  const std::size_t claims = report.claims.size();
  const std::size_t n_threads = claims >= detail::lines_for_two_threads ? threads : 1;
  constexpr std::size_t a_chunk = 4096;
  const std::size_t chunks = (claims + a_chunk - 1) / a_chunk;
  const auto first_lacking = static_cast<std::size_t>(
      std::find_if(report.claims.begin(), report.claims.end(), [](const ClaimStatus& s) { return !s.grounded; }) -
      report.claims.begin());
  const auto lacking_lines = [&](std::size_t k, std::string& text) {
    for (std::size_t i = k * a_chunk; i < std::min(claims, (k + 1) * a_chunk); ++i) {
      const ClaimStatus& s = report.claims[i];
      if (s.grounded) continue;
      text += i == first_lacking ? "\n    {" : ",\n    {";
      detail::JsonMembers m(text);
      m.string("id", graph.node(s.node).id).string("kind", to_string(graph.node(s.node).kind));
      m.string("reason", analysis::to_string(s.gap)).key("missing");
      json_ids(text, graph, s.missing);
      if (s.gap == Gap::outweighed) {
        m.number("weight_for", static_cast<double>(s.weight_for) / static_cast<double>(factor_unit_scale));
        m.number("weight_against", static_cast<double>(s.weight_against) / static_cast<double>(factor_unit_scale));
      }
      if (s.gap == Gap::ungrounded) {
        m.string("cause", analysis::to_string(s.cause)).key("supporters");
        json_ids(text, graph, s.supporters);
        if (s.cause == UngroundedCause::cycle) {
          m.key("cycle");
          json_ids(text, graph, report.cycles[s.cycle]);
        }
      }
      text += '}';
    }
  };
  detail::write_chunks_in_order(output, chunks, n_threads, lacking_lines);
  buf += first_lacking == claims ? "],\n  \"statuses\": [" : "\n  ],\n  \"statuses\": [";
  const auto status_lines = [&](std::size_t k, std::string& text) {
    for (std::size_t i = k * a_chunk; i < std::min(claims, (k + 1) * a_chunk); ++i) {
      const ClaimStatus& s = report.claims[i];
      text += i == 0 ? "\n    {" : ",\n    {";
      detail::JsonMembers m(text);
      m.string("id", graph.node(s.node).id).boolean("grounded", s.grounded).string("reason", analysis::to_string(s.gap));
      m.raw("grounded_contradictions", std::to_string(s.grounded_contradictions));
      text += '}';
    }
  };
  detail::write_chunks_in_order(output, chunks, n_threads, status_lines);
  buf += claims == 0 ? "]" : "\n  ]";
  if (exclusion != nullptr) {
    buf += ",\n  \"excluded\": ";
    json_ids(buf, graph, marked(graph, exclusion->excluded));
    buf += ",\n  \"fell\": ";
    json_ids(buf, graph, fell(report, *exclusion));
  }
  if (schemes != nullptr && !schemes->inferences.empty()) {
    buf += ",\n  \"inferences\": ";
    detail::append_inferences_json(buf, graph, *schemes);
  }
  buf += "\n}\n";
  output.flush();
}

}  // namespace claimgraph::io
