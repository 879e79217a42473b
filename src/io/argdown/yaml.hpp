#pragma once
// The part of YAML that Argdown documents use for front matter and for
// `{ }` data: mappings whose values are scalars (plain, 'single' or
// "double" quoted, folded over several lines), lists of scalars, or one
// more level of mapping. Deeper values are skipped without being read,
// iteratively, so no nesting can overflow the stack. Scalars are kept as
// text; callers decide what they mean.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::io::argdown::yaml {

/// One value of a mapping.
struct Value {
  enum class Kind { scalar, sequence, mapping, other };
  Kind kind = Kind::other;
  std::string scalar;   ///< for scalars: the text (quotes removed, escapes decoded)
  bool quoted = false;  ///< for scalars: written in quotes (so never a number or a boolean)
  std::vector<std::string> items;                            ///< for sequences: the scalar items
  std::vector<std::pair<std::string, std::string>> entries;  ///< for mappings: the scalar entries

  [[nodiscard]] bool is_scalar() const noexcept { return kind == Kind::scalar; }
  /// A plain `true` (or True, TRUE), as YAML reads it.
  [[nodiscard]] bool is_true() const noexcept;
  /// A plain `false` (or False, FALSE).
  [[nodiscard]] bool is_false() const noexcept;
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
