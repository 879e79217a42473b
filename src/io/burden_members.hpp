#pragma once
// The members that say the burden of persuasion decided a node's status, as
// evaluate's JSON and the HTML page's data both give them.

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/graph.hpp"
#include "detail/json_members.hpp"

namespace claimgraph::io {

/// For a node the burden decided: "decided_by": "burden", how
/// ("burden_decision": "fails", "stands" or "fails-to-disprove"), and the
/// party that bore it ("bearer", when the claim whose burden it was is in
/// `graph` and names one). Nothing for any other node.
inline void append_burden_members(claimgraph::detail::JsonMembers& m, const Graph& graph,
                                  const analysis::StatusReport& status, Graph::NodeRef v) {
  const analysis::Decided d = v < status.decided.size() ? status.decided[v] : analysis::Decided::no;
  if (d == analysis::Decided::no) return;
  m.string("decided_by", "burden");
  m.string("burden_decision", d == analysis::Decided::fails    ? "fails"
                              : d == analysis::Decided::stands ? "stands"
                                                               : "fails-to-disprove");
  const Graph::NodeRef issue = v < status.issue.size() ? status.issue[v] : Graph::npos;
  if (issue >= graph.node_count()) return;
  if (const auto who = analysis::burden_bearer(graph.node(issue))) m.string("bearer", *who);
}

}  // namespace claimgraph::io
