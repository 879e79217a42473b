#pragma once
// The values of a structured citation (graph.hpp: Citation): what a Bates
// range, a date and a URL must look like, the order of dates in a
// chronology, the kind of an authority in a table of authorities, and the
// one-line form every report writes a citation in. docs/format.md#citations
// gives the rules with examples.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/graph.hpp"

namespace claimgraph {

/// A Bates number or range: a production prefix and page numbers.
struct BatesRange {
  std::string prefix;       ///< what precedes the digits ("AWS", "PAR-"), maybe empty
  std::uint64_t first = 0;  ///< the first page
  std::uint64_t last = 0;   ///< the last page; == first for a single page
  friend bool operator==(const BatesRange&, const BatesRange&) = default;
};

/// A Bates number ("AWS000123") or range ("AWS000123–AWS000131", with an en
/// or em dash, a hyphen, or " to "; the end may omit the prefix:
/// "AWS000123-000131"). On failure, the reason, worded to follow the value
/// ("runs backwards: ..."), is in `why`.
[[nodiscard]] std::optional<BatesRange> parse_bates(std::string_view text, std::string& why);

/// How much of a date is given.
enum class DatePrecision : std::uint8_t { year, month, day, time };

/// A date or date-time of ISO 8601 as a citation gives it: "2021", "2021-01",
/// "2021-01-09", "2021-01-09T17:05", "2021-01-09T17:05:30Z",
/// "2021-01-09T17:05:30.5-08:00".
struct CiteDate {
  DatePrecision precision = DatePrecision::day;
  /// Where the period starts, in seconds since 1970-01-01T00:00Z: a partial
  /// date by its first day, a date without a zone as if in UTC.
  std::int64_t start = 0;
  friend bool operator==(const CiteDate&, const CiteDate&) = default;
};

/// `text` as an ISO 8601 date, or nothing with the reason in `why`.
[[nodiscard]] std::optional<CiteDate> parse_date(std::string_view text, std::string& why);

/// Whether `text` is a URL a report may link to: http, https, ftp, file or
/// mailto, with no spaces or control characters. Else the reason is in `why`.
[[nodiscard]] bool check_url(std::string_view text, std::string& why);

/// The kinds of authority a table of authorities groups.
enum class AuthorityKind : std::uint8_t {
  case_law,  ///< a decision: "Parler LLC v. Amazon Web Services, Inc., 514 F. Supp. 3d 1261 (W.D. Wash. 2021)"
  statute,   ///< a statute or code section: "15 U.S.C. § 1", "Wash. Rev. Code § 19.86.020"
  other,     ///< rules, regulations, treatises, anything else
};

/// Which group `authority` belongs in, by the way legal citations are
/// written: a case names its parties ("v.", "In re", "Ex parte"); a statute
/// cites a code ("U.S.C.", "§", "Stat.", "Pub. L.", "Code", "Act").
[[nodiscard]] AuthorityKind classify_authority(std::string_view authority) noexcept;

/// "Cases", "Statutes", "Other authorities".
[[nodiscard]] std::string_view heading(AuthorityKind kind) noexcept;

/// One citation on one line, in the order a brief cites the record:
/// authority, exhibit, document, pin, Bates, then the date in parentheses,
/// e.g. "PX-12, Email from AWS to Parler, at 2, AWS000123–AWS000131 (2021-01-09)".
/// The quote and URL are left out; a report shows them separately.
[[nodiscard]] std::string format_citation(const Citation& cite);

/// All of a node's citations, "; " between them; "" when it has none.
[[nodiscard]] std::string format_citations(const std::vector<Citation>& cites);

/// The position in `node.cite` of the citation with the earliest date (the
/// first of equal ones), if any has a date.
[[nodiscard]] std::optional<std::size_t> earliest_dated(const Node& node);

}  // namespace claimgraph
