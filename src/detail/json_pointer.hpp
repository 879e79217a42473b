#pragma once
// JSON pointers (RFC 6901) as the readers of JSON text write them into
// diagnostics: `/edges/3/from`.

#include <string>
#include <string_view>

namespace claimgraph::detail {

// A member name as one reference token of a pointer: "~" as "~0", "/" as "~1".
inline std::string escape_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace claimgraph::detail
