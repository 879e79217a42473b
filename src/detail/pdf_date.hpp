#pragma once
// The creation date of the PDFs claimgraph writes. cairo, through which
// both Graphviz's PDF and the exhibit's pages are written, dates each PDF by
// the clock in local time; a reproducible build fixes the date instead
// (SOURCE_DATE_EPOCH). cairo 1.16 has no way to be told it for a PDF that
// Graphviz's plugin writes, so the date is set in the bytes written.

#include <cstdint>
#include <string>

namespace claimgraph::detail {

/// Sets the /CreationDate of `pdf`'s document information to `seconds`
/// since 1970-01-01T00:00Z, written in UTC ("D:20010909014640Z"), and
/// moves the objects after it in the cross-reference table (and the
/// startxref) by the change in length, so that the file stays valid. A PDF
/// without a /CreationDate, or whose cross-reference table is not the
/// classic one cairo writes, is left as it is (false). `seconds` must be a
/// date from year 0 to 9999.
bool set_pdf_creation_date(std::string& pdf, std::int64_t seconds);

}  // namespace claimgraph::detail
