// Fuzz target: the values of a citation. The input is split into lines:
// each is tried as a Bates range, a date, a URL and an authority, and the
// first eight make a Citation (document, exhibit, Bates, pin, date, quote,
// authority, URL) that is formatted. A value is accepted or refused with a
// reason; an accepted Bates range never runs backwards, a date to the day
// starts on a day's boundary when it has no time; parsing is a function of
// the text (the same answer twice); formatting never fails, and its one line
// holds every field it shows.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/citation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> lines;
  for (std::size_t at = 0; at <= text.size();) {
    const auto end = std::min(text.find('\n', at), text.size());
    lines.emplace_back(text.substr(at, end - at));
    at = end + 1;
  }
  for (const auto& line : lines) {
    std::string why;
    const auto bates = claimgraph::parse_bates(line, why);
    if (bates.has_value() == !why.empty()) std::abort();  // a reason exactly when refused
    if (bates && bates->first > bates->last) std::abort();
    std::string again;
    if (claimgraph::parse_bates(line, again) != bates || again != why) std::abort();

    why.clear();
    const auto date = claimgraph::parse_date(line, why);
    if (date.has_value() == !why.empty()) std::abort();
    if (date && date->precision != claimgraph::DatePrecision::time && date->start % 86400 != 0) std::abort();
    again.clear();
    if (claimgraph::parse_date(line, again) != date || again != why) std::abort();

    why.clear();
    const bool url = claimgraph::check_url(line, why);
    if (url == !why.empty()) std::abort();
    if (url) {
      for (const char ch : line) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= ' ' || c == 0x7f) std::abort();  // a space or control character let through
      }
    }
    (void)claimgraph::heading(claimgraph::classify_authority(line));
  }
  claimgraph::Citation cite;
  std::optional<std::string>* fields[] = {&cite.document, &cite.exhibit, &cite.bates, &cite.pin,
                                          &cite.date,     &cite.quote,   &cite.authority, &cite.url};
  for (std::size_t i = 0; i < lines.size() && i < std::size(fields); ++i) {
    if (!lines[i].empty()) *fields[i] = lines[i];
  }
  const std::string one = claimgraph::format_citation(cite);
  if (cite.exhibit && one.find(*cite.exhibit) == std::string::npos) std::abort();
  if (cite.document && one.find(*cite.document) == std::string::npos) std::abort();
  const std::vector<claimgraph::Citation> both{cite, cite};
  const std::string two = claimgraph::format_citations(both);
  if (!one.empty() && two != one + "; " + one) std::abort();
  claimgraph::Node node;
  node.cite = both;
  (void)claimgraph::earliest_dated(node);
  return 0;
}
