#pragma once
// The part of YAML that Argdown documents use for front matter and for
// `{ }` data: mappings whose values are scalars (plain, 'single' or
// "double" quoted, folded over several lines), lists, or one more level of
// mapping; the items of a list may be mappings of scalars, as a node's
// citations are (`cite: [{exhibit: PX-1, pin: at 4}, ...]`, or a block
// list of `- key: value` items). Deeper values are skipped without being
// read, iteratively, so no nesting can overflow the stack. Scalars are kept
// as text; callers decide what they mean.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::io::argdown::yaml {

struct Member;

/// How deeply collections are read: a field's value (depth 0) and the items
/// or values in it (depth 1) may be lists or mappings; what those hold
/// (depth 2) is read only when it is a scalar.
inline constexpr int max_collection_depth = 1;

/// One value of a mapping.
struct Value {
  enum class Kind { scalar, sequence, mapping, other };
  Kind kind = Kind::other;
  std::string scalar;   ///< for scalars: the text (quotes removed, escapes decoded)
  bool quoted = false;  ///< for scalars: written in quotes (so never a number or a boolean)
  /// Where the value starts, from the start of the text parsed (for data,
  /// its opening brace); for messages.
  std::size_t offset = 0;
  std::vector<std::string> items;                            ///< for sequences: the scalar items
  std::vector<std::pair<std::string, std::string>> entries;  ///< for mappings: the scalar entries
  /// For sequences: every item, in order; an item nested deeper than
  /// max_collection_depth, or empty, is Kind::other.
  std::vector<Value> elements;
  /// For mappings: every entry, in order, its value as `elements` holds items.
  std::vector<Member> members;

  [[nodiscard]] bool is_scalar() const noexcept { return kind == Kind::scalar; }
  /// A plain `true` (or True, TRUE), as YAML reads it.
  [[nodiscard]] bool is_true() const noexcept;
  /// A plain `false` (or False, FALSE).
  [[nodiscard]] bool is_false() const noexcept;
};

/// An entry of a mapping.
struct Member {
  std::string key;
  Value value;
};

using Fields = std::vector<std::pair<std::string, Value>>;

/// A `{ }` data block: a flow mapping `{key: value, ...}`, or, when the
/// brace is followed by a line break, a block mapping up to the closing
/// brace (as Argdown reads it).
struct DataResult {
  bool ok = true;
  Fields fields;
  std::string error;          ///< what is wrong, when not ok
  std::size_t error_offset = 0;  ///< where, from the opening brace
};
[[nodiscard]] DataResult parse_data(std::string_view block);

/// A block mapping (front matter): `key: value` lines; lines it cannot
/// read are skipped.
[[nodiscard]] Fields parse_block(std::string_view text);

/// `text` as a YAML double-quoted scalar that Argdown's data and front
/// matter patterns cannot mistake for their end: `"`, `\`, control
/// characters (C0 and C1), line separators, U+FFFE and U+FFFF (which YAML
/// readers refuse raw), `}` and a third `=` in a row are escaped.
[[nodiscard]] std::string quote(std::string_view text);

}  // namespace claimgraph::io::argdown::yaml
