#pragma once
// Every field of a case file (format version 1), one row each: where it
// stands, its JSON type, whether it is required, what its absence means, the
// values it may take, and what it means. The JSON reader recognises fields
// and checks their types, required fields, enumerated values and ranges from
// these rows; the JSON Schema (schema_writer.hpp) and the field tables of
// docs/format.md are written from them, and the tests hold the committed
// schema and reference to them.
//
// Rules that concern more than one field stay with the reader: node ids and
// edge ids are unique, edge ends name existing nodes, an undercut names a
// supports edge, no edge joins a node to itself. docs/format.md lists them.
//
// Adding a field is one row in src/io/case_fields.cpp (and its FieldKey) and
// the reader's handling of its value in src/io/json_reader.cpp.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace claimgraph::io {

/// Where a field stands: at the top level, in a node, in an edge, or in a
/// citation (a node's `cite`).
enum class FieldPlace : std::uint8_t { top, node, edge, citation };

/// The JSON type of a field's value.
enum class FieldType : std::uint8_t {
  version,       ///< the integer json_format_version
  string,        ///< a string, within the field's TextRule
  number,        ///< a number from CaseField::minimum to CaseField::maximum
  string_array,  ///< an array of strings
  boolean,       ///< true or false
  node_array,    ///< an array of node objects
  edge_array,    ///< an array of edge objects
  citations,     ///< a citation object, or an array of them
};

/// What the text of a string field must be, beyond being a string without
/// NUL characters and within Limits::max_string_bytes.
enum class TextRule : std::uint8_t {
  any,         ///< any string
  non_empty,   ///< not ""
  not_blank,   ///< something besides spaces, tabs and line breaks
  identifier,  ///< not "", and no control characters (U+0000 to U+001F)
  reference,   ///< the id of a node of the file (for an undercut's "to", of an edge): not ""
  bates,       ///< a Bates number or range (citation.hpp: parse_bates)
  date,        ///< an ISO 8601 date, maybe partial, or date-time (citation.hpp: parse_date)
  url,         ///< an http, https, ftp, file or mailto address (citation.hpp: check_url)
};

/// Which field a row describes: what the reader's handling of a value
/// switches on. One per row of case_fields().
enum class FieldKey : std::uint8_t {
  version,
  title,
  description,
  nodes,
  edges,
  schema,
  node_id,
  kind,
  label,
  text,
  party,
  group,
  source,
  cite,
  tags,
  weight,
  standard,
  burden,
  test,
  node_scheme,
  privileged,
  from,
  to,
  relation,
  edge_id,
  edge_scheme,
  question,
  cite_document,
  cite_exhibit,
  cite_bates,
  cite_pin,
  cite_date,
  cite_quote,
  cite_authority,
  cite_url,
};

/// One value an enumerated field may take.
struct FieldValue {
  /// As written in case files ("element-of").
  std::string_view name;
  /// One line: what it means.
  std::string_view meaning;
};

/// A field of a case file.
struct CaseField {
  /// Which field this is.
  FieldKey key;
  /// Where it stands.
  FieldPlace place;
  /// The JSON key.
  std::string_view name;
  /// The JSON type of its value.
  FieldType type;
  /// Whether a file without it is refused.
  bool required = false;
  /// For strings: what the text must be.
  TextRule text = TextRule::any;
  /// For enumerated strings: every value allowed, in the model's order
  /// (all_node_kinds(), all_relations(), all_standards(), all_element_tests()); else empty.
  std::span<const FieldValue> values = {};
  /// For numbers: the range allowed, bounds included.
  double minimum = 0;
  double maximum = 0;
  /// What messages call the value ("standard of proof"); empty: the name.
  std::string_view noun = {};
  /// What an absent field means; empty for a required field.
  std::string_view absent = {};
  /// One line: what the field means. `code` marks JSON keys and values.
  std::string_view meaning = {};

  /// What messages call the value: `noun`, else `name`.
  [[nodiscard]] constexpr std::string_view what() const noexcept { return noun.empty() ? name : noun; }
};

/// Every field: the top level's, then the nodes', the edges' and the
/// citations', each in the order docs/format.md lists them.
[[nodiscard]] std::span<const CaseField> case_fields() noexcept;
/// The fields allowed at `place`, in that order.
[[nodiscard]] std::span<const CaseField> case_fields(FieldPlace place) noexcept;
/// The field named `name` at `place`, or null when there is none (an
/// unknown field, which readers warn about and keep).
[[nodiscard]] const CaseField* find_case_field(FieldPlace place, std::string_view name) noexcept;
/// The row of `key`.
[[nodiscard]] const CaseField& case_field(FieldKey key) noexcept;

/// "top level", "node", "edge" or "citation".
[[nodiscard]] std::string_view to_string(FieldPlace place) noexcept;
/// The type as the reference names it: "string", "number", "integer",
/// "boolean", "array of strings", "array of nodes", "array of edges",
/// "citation or array of citations".
[[nodiscard]] std::string_view to_string(FieldType type) noexcept;

/// What a type error says was expected for `field`: "a string", "a number
/// between 0 and 1", "the format version, the integer 1", ...
[[nodiscard]] std::string expected_value(const CaseField& field);

/// The fields allowed at `place` as a Markdown table (Field, Type, Required,
/// When absent, Values, Meaning), as docs/format.md shows it.
[[nodiscard]] std::string fields_markdown(FieldPlace place);
/// The values of an enumerated field as a Markdown table (Value, Meaning).
[[nodiscard]] std::string values_markdown(const CaseField& field);

}  // namespace claimgraph::io
