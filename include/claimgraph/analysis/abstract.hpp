#pragma once
// Dung's semantics for abstract argumentation: grounded, preferred and
// stable extensions of the attack relation of a Graph, and the ICCMA queries
// over them (one extension, all extensions, credulous and sceptical
// acceptance of one argument).
//
// The framework. Every node is an argument, whatever its kind; the attacks
// are the `contradicts` edges, self-attacks included (Graph::add_self_attack);
// other relations (supports, element-of, undercuts) are ignored, and parallel
// `contradicts` edges count once. (For the status of a case graph, where
// supports and undercuts matter, see status.hpp.)
//
// How it is computed. The grounded labelling is the least fixed point,
// computed by propagation from the unattacked arguments with a counter of
// live attackers per argument: O(nodes + edges), no recursion. Every
// preferred and every stable extension contains the grounded extension and
// avoids what it attacks, so the search runs only on the arguments the
// grounded labelling leaves UNDEC, split into weakly connected components
// that are solved one by one (the extensions of the whole are the products of
// theirs). In a component, a depth-first search over labellings in the style
// of Nofal, Atkinson and Dunne (2014) decides one argument at a time: IN
// first, then excluded (UNDEC for preferred, must-be-OUT for stable). It
// picks, like a SAT solver taking the shortest clause, an attacker of the
// must-be-OUT argument with the fewest candidates left; when there is none,
// the first undecided argument in topological order of the strongly
// connected components (attackers before what they attack), within a
// component those that attack more than they are attacked first.
// After each decision, propagation labels what follows (what an IN argument
// attacks is OUT; its attackers must be OUT; an argument whose attackers are
// all OUT, or must be, is IN; one that must be OUT and has a single possible
// attacker left makes that attacker IN) and abandons labellings that cannot
// end complete. The leaves are the complete (for stable: the stable)
// extensions; with IN tried first, a leaf is never a superset of an earlier
// one, so a leaf is preferred exactly when it is not contained in one found
// before, and a branch whose IN and undecided arguments all lie inside a
// preferred extension found before is cut. The search keeps its own stack
// (no recursion), and its order is fixed, so the results and their order
// are deterministic.
//
// Limits. The search is exponential in the worst case (deciding credulous
// acceptance under preferred semantics is NP-complete, sceptical acceptance
// is Pi2-complete), and a framework may have exponentially many extensions.
// A query counts its work in steps: one per argument labelled (decided or
// propagated), one per 8 words compared when checking a leaf against the
// preferred extensions found before, and one per argument of each extension
// handed to an ExtensionVisitor. Past SearchLimits::max_steps it throws
// SearchLimitError. The default of 50 million steps is under a second to
// about 15 seconds of work on a current machine, the most where arguments
// attack each other densely (each label then touches many counters). Sparse
// frameworks of thousands of arguments usually need a small fraction of it
// for one extension or one argument's credulous acceptance; listing every
// extension, or sceptical acceptance under preferred semantics, can exceed
// it quickly where there are very many preferred extensions.
//
// Conventions (those of ICCMA):
// - There is always exactly one grounded and at least one preferred
//   extension (possibly empty); there may be no stable extension at all.
// - Without a stable extension, no argument is credulously accepted under
//   stable semantics and every argument is sceptically accepted (vacuously).
// - An extension lists its arguments in node order; `enumerate_extensions`
//   lists each extension once, in a fixed order: the extensions of the
//   component with the most arguments (the first such) vary slowest, each
//   combined with every choice of the other components', the last of those
//   varying fastest.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/analysis/status.hpp"  // Label
#include "claimgraph/graph.hpp"

namespace claimgraph::analysis {

/// A Dung semantics.
enum class Semantics : std::uint8_t {
  grounded,   ///< the least complete extension: what no one can dispute
  preferred,  ///< the maximal admissible sets
  stable,     ///< the conflict-free sets that attack every argument outside them
};

/// "grounded", "preferred" or "stable".
[[nodiscard]] std::string_view to_string(Semantics semantics) noexcept;
/// The semantics spelled `name` ("grounded", "preferred", "stable"), if any.
[[nodiscard]] std::optional<Semantics> parse_semantics(std::string_view name) noexcept;

/// A set of arguments, in node order.
using Extension = std::vector<Graph::NodeRef>;

/// How much work a search for preferred or stable extensions may do.
struct SearchLimits {
  /// Most steps (see above: arguments labelled, comparisons, arguments
  /// listed) over one call, all components together; default 50 million.
  std::size_t max_steps = 50'000'000;
};

/// A search for preferred or stable extensions hit SearchLimits::max_steps.
/// The message names the semantics and the limit; limit() is
/// Limit::search_steps.
class SearchLimitError : public Error {
 public:
  SearchLimitError(Semantics semantics, std::size_t max_steps);
  [[nodiscard]] Semantics semantics() const noexcept { return semantics_; }
  [[nodiscard]] std::size_t max_steps() const noexcept { return max_steps_; }

 private:
  Semantics semantics_;
  std::size_t max_steps_;
};

/// The grounded labelling of the attack relation, indexed by vertex (IN:
/// accepted, OUT: attacked by an accepted argument, UNDEC: neither).
/// O(nodes + edges).
[[nodiscard]] std::vector<Label> grounded_labelling(const Graph& graph);
/// The grounded extension: the IN arguments of the grounded labelling, in node order.
[[nodiscard]] Extension grounded_extension(const Graph& graph);

/// Receives each extension in turn; returns false to stop the enumeration.
using ExtensionVisitor = std::function<bool(const Extension&)>;

/// Calls `visit` with every extension under `semantics` (for grounded: the
/// one), each once, in a fixed order, until it returns false. Returns the
/// number of extensions visited. Throws SearchLimitError.
std::size_t enumerate_extensions(const Graph& graph, Semantics semantics, const SearchLimits& limits,
                                 const ExtensionVisitor& visit);
/// Every extension under `semantics` (ICCMA task EE). Throws SearchLimitError.
[[nodiscard]] std::vector<Extension> enumerate_extensions(const Graph& graph, Semantics semantics,
                                                          const SearchLimits& limits = {});
/// One extension under `semantics` (ICCMA task SE): the grounded one, the
/// first preferred one, or the first stable one, or nothing when there is no
/// stable extension. Cheaper than enumerating. Throws SearchLimitError.
[[nodiscard]] std::optional<Extension> some_extension(const Graph& graph, Semantics semantics,
                                                      const SearchLimits& limits = {});
/// Whether `argument` belongs to some extension (ICCMA task DC). Throws SearchLimitError.
[[nodiscard]] bool credulously_accepted(const Graph& graph, Semantics semantics, Graph::NodeRef argument,
                                        const SearchLimits& limits = {});
/// Whether `argument` belongs to every extension (ICCMA task DS); true for
/// every argument when there is no stable extension. Throws SearchLimitError.
[[nodiscard]] bool sceptically_accepted(const Graph& graph, Semantics semantics, Graph::NodeRef argument,
                                        const SearchLimits& limits = {});

/// Whether one argument is accepted credulously (in some extension) and
/// sceptically (in every extension).
struct NodeAcceptance {
  bool credulous = false;
  bool sceptical = false;
  friend bool operator==(const NodeAcceptance&, const NodeAcceptance&) = default;
};

/// The acceptance of every argument at once, indexed by vertex: cheaper than
/// asking node by node (each component is searched once, plus one search
/// per argument whose credulous acceptance is still open when the sceptical
/// question is settled). Throws SearchLimitError.
[[nodiscard]] std::vector<NodeAcceptance> acceptance(const Graph& graph, Semantics semantics,
                                                     const SearchLimits& limits = {});

/// An extension in ICCMA output syntax, `[a1,a2]`: the node ids in node
/// order, whatever the order of `extension`.
[[nodiscard]] std::string format_extension(const Graph& graph, std::span<const Graph::NodeRef> extension);
/// A list of extensions in ICCMA output syntax, `[[a1,a2],[a3]]`; `[]` when
/// there is none and `[[]]` for one empty extension.
[[nodiscard]] std::string format_extensions(const Graph& graph, std::span<const Extension> extensions);
/// The answer to an acceptance query in ICCMA output syntax: "YES" or "NO".
[[nodiscard]] std::string_view format_answer(bool accepted) noexcept;

}  // namespace claimgraph::analysis
