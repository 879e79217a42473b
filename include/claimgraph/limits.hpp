#pragma once
// Limits that keep hostile or mistaken input from exhausting the machine.
// Every reader checks them; hitting one is an error that names the limit
// (Diagnostic::limit, Error::limit), so that a program can say how to raise
// it. The defaults suit case files far larger than any real dispute.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace claimgraph {

/// Resource limits for reading input and drawing it.
struct Limits {
  /// Largest input accepted, in bytes (default 2 GiB).
  std::size_t max_input_bytes = std::size_t{2} << 30;
  /// Deepest nesting of JSON arrays and objects, or of Argdown relations (default 64).
  std::size_t max_depth = 64;
  /// Longest string value, in bytes (default 1 MiB).
  std::size_t max_string_bytes = std::size_t{1} << 20;
  /// Most nodes in one graph (default 20 million).
  std::size_t max_nodes = 20'000'000;
  /// Most edges in one graph (default 100 million).
  std::size_t max_edges = 100'000'000;
  /// Most nodes laid out with Graphviz's dot (or neato or fdp), whose time
  /// grows much faster than the graph: at 500 nodes dot takes from under a
  /// second to about a minute, by edges and clusters (default 500). Larger
  /// graphs get the sfdp layout or a smaller view.
  std::size_t max_render_nodes = 500;
};

/// Which limit an error is about: one per member of Limits, the work limit
/// of the preferred and stable search (analysis::SearchLimits), and that of
/// the search for cut sets (analysis::CriticalOptions).
enum class Limit : std::uint8_t {
  input_bytes,   ///< Limits::max_input_bytes
  depth,         ///< Limits::max_depth
  string_bytes,  ///< Limits::max_string_bytes
  nodes,         ///< Limits::max_nodes
  edges,         ///< Limits::max_edges
  render_nodes,  ///< Limits::max_render_nodes
  search_steps,  ///< analysis::SearchLimits::max_steps
  cut_set_steps, ///< analysis::CriticalOptions::max_steps
};

/// The limit's name: the member of Limits ("max_input_bytes", "max_depth",
/// ..., "max_render_nodes"), "max_search_steps" for the search, or
/// "max_cut_set_steps" for the search for cut sets.
[[nodiscard]] std::string_view to_string(Limit limit) noexcept;

/// Every limit, in declaration order.
[[nodiscard]] std::span<const Limit> all_limits() noexcept;

}  // namespace claimgraph
