#pragma once
// The JSON text of an AIF map as a tree of values, each with the offset
// where it starts, so that the mapping (map.hpp) can report any problem
// with line, column and JSON pointer. Only the parts that the mapping reads
// are kept: the nodes, the edges and the "claimgraph" objects; the rest
// (the OVA layout, the source text, the locutions) is skipped as it is
// parsed. The limits on input size, nesting, string length and the number
// of nodes and edges are checked here, while the text is parsed.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/limits.hpp"
#include "detail/diagnostics.hpp"

namespace claimgraph::io::aif {

using Diagnostics = detail::TextDiagnostics;

enum class Type : std::uint8_t { null, boolean, number, string, object, array };

struct Member;

// A JSON value with the place where it starts. An object or array nested
// deeper than anything the mapping reads keeps only its place (offset and
// end), not its members or elements.
struct Value {
  Type type = Type::null;
  std::size_t offset = 0;  // where the value starts
  std::size_t end = 0;     // objects and arrays: where the closing bracket is
  std::string text;        // strings: the value; numbers: as written; booleans: true or false
  std::vector<Member> members;
  std::vector<Value> elements;
};

struct Member {
  std::string key;
  std::size_t key_offset = 0;
  Value value;
};

// The value's type for a message: "a string", "an object", ...
[[nodiscard]] const char* describe(const Value& v);

// The first member named `key`, if any (duplicates are reported apart).
[[nodiscard]] const Value* member(const Value& object, std::string_view key);

// Parses `text` (without a byte-order mark) into a tree, checking
// limits.max_input_bytes, max_depth, max_string_bytes, max_nodes and
// max_edges. Returns nothing when the text is not JSON or a problem was
// reported to `diagnostics`; a limit that ends the read throws
// detail::Fatal.
[[nodiscard]] std::optional<Value> read_tree(std::string_view text, Diagnostics& diagnostics, const Limits& limits);

}  // namespace claimgraph::io::aif
