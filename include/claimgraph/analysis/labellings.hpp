#pragma once
// Preferred and stable semantics for case graphs: graphs with supports,
// elements and undercuts as well as contradictions. (For abstract
// frameworks, with contradicts edges only, these are Dung's semantics and
// abstract.hpp computes them faster; the functions here hand such graphs to
// it.)
//
// Complete labellings. A labelling gives every node IN, OUT or UNDEC. Write
// G(X, E) for the nodes grounded in evidence using only the nodes of X and
// the support edges E (the least set closed under the support rules of
// status.hpp: evidence needs nothing, a claim with elements needs its
// elements to meet its test, any other claim one supporter). A labelling is
// complete when each node is
//  - IN exactly when every node that contradicts it is OUT and its support
//    rule is met by G(IN, the supports edges whose undercutters are all
//    OUT): IN nodes are grounded through IN nodes, so support cycles ground
//    nothing;
//  - OUT exactly when some node that contradicts it is IN, or its support
//    rule is not met by G(not OUT, the supports edges no IN node
//    undercuts): it would have no grounding even if it were not OUT;
//  - UNDEC otherwise.
// The grounded status of status.hpp is the least complete labelling (fewest
// IN and OUT), and every complete labelling agrees with it where it says IN
// or OUT. A *preferred* labelling is a complete one whose IN set is maximal;
// a *stable* labelling is a complete one with no UNDEC node (there may be
// none). With contradicts edges only, these are exactly Dung's complete,
// preferred and stable labellings.
//
// How they are found. Only the nodes the grounded status leaves UNDEC are
// open; they are split into the parts that no edge (and no undercut of an
// edge) joins, which are solved one by one, since the labellings of the whole
// are the combinations of theirs. Within a part, a depth-first search, on its
// own stack, decides the nodes in node order, IN first, never putting IN a
// node that contradicts, or is contradicted by, a node already IN, or one
// whose support can no longer be met; each full assignment of IN nodes is
// then checked in time linear in the part: the OUT nodes follow from the IN
// ones (the greatest set the rules allow), and the labelling is kept when
// the IN and UNDEC rules hold for every node. Preferred search cuts a branch
// when everything it could still put IN lies inside a preferred labelling
// found before. The search is exponential in the size of the largest open
// part (deciding acceptance under these semantics is NP-hard already for
// abstract frameworks); case graphs usually leave small open parts. Work is
// counted in steps, one per node or edge looked at, and a search past
// SearchLimits::max_steps throws SearchLimitError (abstract.hpp).

#include <cstddef>
#include <functional>
#include <vector>

#include "claimgraph/analysis/abstract.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::analysis {

/// Receives each labelling (indexed by vertex); returns false to stop.
using LabellingVisitor = std::function<bool(const std::vector<Label>&)>;

/// Calls `visit` with every labelling of `graph` under `semantics` (for
/// grounded: the grounded status), each once, in a fixed order, until it
/// returns false. Returns the number visited. Throws SearchLimitError.
std::size_t enumerate_labellings(const Graph& graph, Semantics semantics, const SearchLimits& limits,
                                 const LabellingVisitor& visit);

/// Whether each node is IN in some (credulous) and in every (sceptical)
/// labelling under `semantics`, indexed by vertex. Without any stable
/// labelling, no node is credulously and every node is sceptically accepted
/// (as in ICCMA). For graphs with contradicts edges only, this is
/// analysis::acceptance. Throws SearchLimitError.
[[nodiscard]] std::vector<NodeAcceptance> case_acceptance(const Graph& graph, Semantics semantics,
                                                          const SearchLimits& limits = {});

}  // namespace claimgraph::analysis
