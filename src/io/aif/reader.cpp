// io::read_aif: the text as a value tree (tree.hpp), the tree as a graph
// (map.hpp), and every problem met on the way reported together.

#include <utility>

#include "claimgraph/io/aif_reader.hpp"
#include "detail/text.hpp"
#include "io/aif/map.hpp"
#include "io/aif/tree.hpp"

namespace claimgraph::io {

ReadResult read_aif(std::string_view text, const ReadOptions& options) {
  // A UTF-8 byte-order mark is allowed (the tree names other encodings).
  text = detail::without_bom(text);
  aif::Diagnostics diagnostics(text, options.file_name, options.max_errors, options.max_warnings);
  Graph graph;
  auto warnings = diagnostics.collect([&] {
    if (auto root = aif::read_tree(text, diagnostics, options.limits)) {
      graph = aif::read_map(text, *root, diagnostics, options.limits);
    }
  });
  return ReadResult{std::move(graph), std::move(warnings)};
}

ReadResult read_aif(std::istream& in, const ReadOptions& options) { return read_stream(in, options, read_aif); }

}  // namespace claimgraph::io
