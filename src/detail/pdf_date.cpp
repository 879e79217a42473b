// Sets the creation date of a PDF: see pdf_date.hpp.

#include "detail/pdf_date.hpp"

#include <charconv>
#include <cstddef>
#include <ctime>
#include <optional>
#include <string_view>
#include <vector>

namespace claimgraph::detail {

namespace {

constexpr std::string_view key = "/CreationDate (";

// The date as a PDF date string's content, in UTC.
std::optional<std::string> pdf_date(std::int64_t seconds) {
  // Years 0 to 9999: what four digits hold.
  if (seconds < -62167219200 || seconds > 253402300799) return std::nullopt;
  const auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return std::nullopt;
  char text[32];
  const std::size_t n = std::strftime(text, sizeof text, "D:%Y%m%d%H%M%SZ", &tm);
  if (n == 0) return std::nullopt;
  return std::string(text, n);
}

// The unsigned number at `at` in `s`, and where it ends.
std::optional<std::size_t> number_at(std::string_view s, std::size_t& at) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(s.data() + at, s.data() + s.size(), value);
  if (error != std::errc() || end == s.data() + at) return std::nullopt;
  at = static_cast<std::size_t>(end - s.data());
  return value;
}

void skip_space(std::string_view s, std::size_t& at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\r' || s[at] == '\n')) ++at;
}

}  // namespace

bool set_pdf_creation_date(std::string& pdf, std::int64_t seconds) {
  const auto date = pdf_date(seconds);
  if (!date) return false;
  const std::size_t start = pdf.find(key);
  if (start == std::string::npos) return false;
  const std::size_t from = start + key.size();
  const std::size_t to = pdf.find(')', from);
  if (to == std::string::npos) return false;

  const std::ptrdiff_t delta = static_cast<std::ptrdiff_t>(date->size()) - static_cast<std::ptrdiff_t>(to - from);
  const auto moved = [delta](std::size_t position) {
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(position) + delta);
  };

  // The cross-reference table, found before anything moves.
  const std::size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string::npos || startxref < to) return false;
  std::size_t at = startxref + 9;
  skip_space(pdf, at);
  const std::size_t number_from = at;
  const auto xref = number_at(pdf, at);
  if (!xref || *xref < to || *xref + 4 > startxref || pdf.compare(*xref, 4, "xref") != 0) return false;
  const std::size_t number_to = at;

  // Check the table before changing anything: "xref", then sections of
  // "FIRST COUNT" and COUNT entries of 20 bytes ("OOOOOOOOOO GGGGG n\r\n").
  struct Entry {
    std::size_t at;
    std::size_t offset;
  };
  std::vector<Entry> entries;
  at = *xref + 4;
  for (;;) {
    skip_space(pdf, at);
    if (pdf.compare(at, 7, "trailer") == 0) break;
    if (!number_at(pdf, at)) return false;
    skip_space(pdf, at);
    const auto count = number_at(pdf, at);
    if (!count) return false;
    skip_space(pdf, at);
    for (std::size_t i = 0; i < *count; ++i, at += 20) {
      if (at + 20 > startxref || pdf[at + 10] != ' ' || pdf[at + 16] != ' ') return false;
      std::size_t digits = at;
      const auto offset = number_at(pdf, digits);
      if (!offset || digits != at + 10) return false;
      if (pdf[at + 17] == 'n' && *offset > start) {
        if (moved(*offset) > 9'999'999'999) return false;
        entries.push_back({at, *offset});
      }
    }
  }

  // Now change it, from the end: the startxref, the entries after the
  // date (each keeps its width), the date.
  std::string xref_text = std::to_string(moved(*xref));
  pdf.replace(number_from, number_to - number_from, xref_text);
  for (const auto& e : entries) {
    std::string digits = std::to_string(moved(e.offset));
    digits.insert(0, 10 - digits.size(), '0');
    pdf.replace(e.at, 10, digits);
  }
  pdf.replace(from, to - from, *date);
  return true;
}

}  // namespace claimgraph::detail
