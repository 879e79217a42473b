#pragma once
// The rules a reader applies to a citation (graph.hpp: Citation), shared by
// every reader of a format that carries citations (the case file, Argdown
// data, AIF's claimgraph objects), so that a bad Bates range, date or URL
// is refused with the same words whatever the file was written in.

#include <optional>
#include <string>
#include <string_view>

#include "claimgraph/graph.hpp"
#include "claimgraph/io/case_fields.hpp"

namespace claimgraph::io {

/// Why `value` cannot be the value of the citation field `field` (a row of
/// case_fields(FieldPlace::citation)): the field, the value and the reason,
/// as in `Bates range "AWS9-AWS1" runs backwards: ...`; nothing when it can.
[[nodiscard]] std::optional<std::string> citation_value_problem(const CaseField& field, std::string_view value);

/// The member of `cite` that the citation field `key` fills, or null when
/// `key` is not a citation field.
[[nodiscard]] std::optional<std::string>* citation_member(Citation& cite, FieldKey key) noexcept;

/// Whether `cite` names what it cites: a document, exhibit, Bates range,
/// authority or URL (a date, pin cite or quote alone cannot be found in the
/// record).
[[nodiscard]] bool names_what_it_cites(const Citation& cite) noexcept;

/// What readers say of a citation that does not name what it cites.
inline constexpr std::string_view unnamed_citation =
    "a citation must say what it cites: give its \"document\", \"exhibit\", \"bates\", \"authority\" or \"url\"";

}  // namespace claimgraph::io
