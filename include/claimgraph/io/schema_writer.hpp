#pragma once
// Writes the JSON Schema of case files from the table of fields
// (case_fields.hpp): every field with its type, enumerated values, range,
// whether it is required and a description, plus what VS Code reads beyond
// the standard (descriptions of each enumerated value, snippets). Unknown
// fields are allowed everywhere, since claimgraph warns about them and keeps
// them. schema/claimgraph-1.schema.json is this output, and a test keeps it
// so.

#include <ostream>
#include <string>

namespace claimgraph::io {

/// The JSON Schema (draft 2020-12) of case files, format version 1.
[[nodiscard]] std::string json_schema();
/// Writes json_schema() to `out`.
void write_json_schema(std::ostream& out);

}  // namespace claimgraph::io
