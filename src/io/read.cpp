#include "claimgraph/io/read.hpp"

#include "claimgraph/io/file.hpp"

namespace claimgraph::io {

std::string SourceMap::node_pointer(std::size_t v) const {
  std::string out;
  if (pointers) out.append("/nodes/").append(std::to_string(v));
  return out;
}

std::string SourceMap::edge_pointer(std::size_t i) const {
  std::string out;
  if (pointers) out.append("/edges/").append(std::to_string(i));
  return out;
}

ReadResult read_stream(std::istream& in, const ReadOptions& options, ReadFunction read) {
  const std::string text = read_all(in, options.file_name, options.limits.max_input_bytes);
  return read(text, options);
}

}  // namespace claimgraph::io
