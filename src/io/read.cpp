#include "claimgraph/io/read.hpp"

#include "claimgraph/io/file.hpp"

namespace claimgraph::io {

ReadResult read_stream(std::istream& in, const ReadOptions& options, ReadFunction read) {
  const std::string text = read_all(in, options.file_name, options.limits.max_input_bytes);
  return read(text, options);
}

}  // namespace claimgraph::io
