#pragma once
// Reads argumentation schemes (claimgraph/scheme.hpp) from their data files:
// one scheme per file, NAME.json, named after the file. The schemes shipped
// with claimgraph (schemes/ in the source tree) are compiled in, so that
// every program has them; a user's directories of schemes come first and
// hide a shipped scheme of the same name. docs/schemes.md gives the format.
//
//   {"claimgraph-scheme": 1, "title": "...", "source": "...",
//    "premises": ["..."], "conclusion": "...",
//    "questions": [{"id": "expertise", "type": "assumption", "question": "...", "rule": "..."}]}

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/scheme.hpp"

namespace claimgraph::io {

/// The version of the scheme file format, in its "claimgraph-scheme" field.
inline constexpr int scheme_format_version = 1;

/// Reads one scheme named `name` from `text`. Throws ParseError (not JSON)
/// or ValidationError (a field missing or wrong, a question id twice), each
/// diagnostic placed in `file_name` with a line and column or a JSON pointer.
[[nodiscard]] Scheme read_scheme(std::string_view text, std::string name, const std::string& file_name);

/// The schemes shipped with claimgraph.
[[nodiscard]] const SchemeLibrary& standard_schemes();

/// The schemes of `directories` (every NAME.json in each, the first
/// directory first), then the shipped ones that none of them hides. Throws
/// IoError for a directory that is missing or unreadable, and the errors of
/// read_scheme for a bad file.
[[nodiscard]] SchemeLibrary load_schemes(const std::vector<std::string>& directories);

}  // namespace claimgraph::io
