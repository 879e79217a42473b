#pragma once
// Redaction: a case with its privileged material taken out, for a diagram or
// file that goes to a client or to the other side.
//
// The nodes redacted are those marked `privileged` (unless they are
// included) and those carrying one of the tags given. redact() builds a new
// graph, as a View of the original, so that the analyses of the WHOLE case
// are carried over with restrict(): a claim grounded only through a redacted
// exhibit is still shown grounded. Every writer then gets the redacted graph
// and needs no redaction of its own.
//
// A redacted node is never copied: in `mask` mode it is a fresh node that
// holds only its kind, an opaque id (`redacted-1`, `redacted-2`, ... in node
// order) and the label "[redacted]", so a field that a later version adds to
// Node cannot leak through it. In `drop` mode it is left out with its edges
// (and the undercuts of those edges). An edge that touches a redacted node,
// or an undercut of such an edge, is fresh as well: its relation and ends,
// and, when it had an id, an opaque one (`redacted-edge-1`, ...) so that
// undercuts still name it; its extra fields and scheme names are not kept.
// The inferences of those edges are left out of the scheme analysis, and
// they raise or answer no question there: what a question of a redacted
// node's inference is would tell what the node is.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/view.hpp"

namespace claimgraph {

/// What becomes of a redacted node.
enum class RedactMode : std::uint8_t {
  mask,  ///< a "[redacted]" node of the same kind, so that the structure shows
  drop,  ///< left out, with its edges
};

/// One way of redacting, as the program offers it.
struct RedactModeInfo {
  RedactMode mode;
  std::string_view name;         ///< as the program spells it ("mask")
  std::string_view description;  ///< one line
};
/// Every mode, the default (mask) first.
[[nodiscard]] std::span<const RedactModeInfo> redact_modes() noexcept;

/// Which nodes to redact, and how.
struct RedactOptions {
  /// Redact the nodes carrying any of these tags.
  std::vector<std::string> tags;
  /// Keep the nodes marked privileged (by default they are redacted).
  bool include_privileged = false;
  /// What becomes of a redacted node.
  RedactMode mode = RedactMode::mask;
};

/// The label of a masked node.
inline constexpr std::string_view redacted_label = "[redacted]";

/// A graph with its redacted nodes masked or left out.
struct Redaction {
  /// The redacted graph, with the maps back to the original (hidden_below
  /// all zero).
  View view;
  /// How many nodes of the original were redacted.
  std::size_t redacted = 0;
  /// Per edge of the view: whether it was made fresh because it touches a
  /// redacted node (or undercuts such an edge).
  std::vector<bool> touched;
};

/// Per node of `graph`: whether `options` redact it.
[[nodiscard]] std::vector<bool> redacted_nodes(const Graph& graph, const RedactOptions& options);

/// `graph` with the nodes `options` select redacted. When none is, the view
/// is a copy of the whole graph. O(nodes + edges).
[[nodiscard]] Redaction redact(const Graph& graph, const RedactOptions& options);

/// The results of an analysis of the original graph, for the redacted one:
/// restrict() to its view, and the scheme analysis without the inferences,
/// raisers and answers of the edges made fresh.
[[nodiscard]] analysis::Results restrict(const analysis::Results& results, const Redaction& redaction);

}  // namespace claimgraph
