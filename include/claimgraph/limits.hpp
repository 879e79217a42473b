#pragma once
// Limits that keep hostile or mistaken input from exhausting the machine.
// Every reader checks them; hitting one is an error that names the limit.
// The defaults suit case files far larger than any real dispute; a user can
// raise each one (the program's --max-* options).

#include <cstddef>

namespace claimgraph {

/// Resource limits for reading input.
struct Limits {
  /// Largest input accepted, in bytes (default 2 GiB; option --max-input-bytes).
  std::size_t max_input_bytes = std::size_t{2} << 30;
  /// Deepest nesting of JSON arrays and objects (default 64; option --max-depth).
  std::size_t max_depth = 64;
  /// Longest string value, in bytes (default 1 MiB; option --max-string-bytes).
  std::size_t max_string_bytes = std::size_t{1} << 20;
  /// Most nodes in one graph (default 20 million; option --max-nodes).
  std::size_t max_nodes = 20'000'000;
  /// Most edges in one graph (default 100 million; option --max-edges).
  std::size_t max_edges = 100'000'000;
  /// Most nodes laid out with Graphviz's dot (or neato or fdp), whose time
  /// grows much faster than the graph: at 500 nodes dot takes from under a
  /// second to about a minute, by edges and clusters (default 500; option
  /// --max-render-nodes). Larger graphs get the sfdp layout or a smaller view.
  std::size_t max_render_nodes = 500;
};

}  // namespace claimgraph
