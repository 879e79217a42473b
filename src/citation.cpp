#include "claimgraph/citation.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <limits>

namespace claimgraph {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  out.append(s);
  out.push_back('"');
  return out;
}

// One Bates number: a prefix, then at least one digit, at the end.
struct BatesNumber {
  std::string_view prefix;
  std::string_view digits;
  std::uint64_t page = 0;
};

std::optional<BatesNumber> bates_number(std::string_view s) {
  s = trim(s);
  std::size_t i = s.size();
  while (i > 0 && digit(s[i - 1])) --i;
  if (i == s.size() || s.size() - i > 18) return std::nullopt;
  BatesNumber n{s.substr(0, i), s.substr(i), 0};
  for (char c : n.digits) n.page = n.page * 10 + static_cast<std::uint64_t>(c - '0');
  return n;
}

const std::string bates_example = "expected a prefix and page digits such as \"AWS000123\", or a range such as "
                                  "\"AWS000123–AWS000131\"";

std::optional<BatesRange> bates_pair(std::string_view text, const BatesNumber& a, const BatesNumber& b,
                                     std::string& why) {
  if (!b.prefix.empty() && a.prefix != b.prefix) {
    why = "mixes the prefixes " + quoted(trim(a.prefix)) + " and " + quoted(trim(b.prefix)) +
          "; a range stays within one production";
    return std::nullopt;
  }
  if (a.page > b.page) {
    why = "runs backwards: " + std::string(trim(a.prefix)) + std::string(a.digits) + " comes after " +
          std::string(trim(a.prefix)) + std::string(b.digits);
    return std::nullopt;
  }
  (void)text;
  return BatesRange{std::string(a.prefix), a.page, b.page};
}

}  // namespace

std::optional<BatesRange> parse_bates(std::string_view text, std::string& why) {
  if (trim(text).empty()) {
    why = "is empty; " + bates_example;
    return std::nullopt;
  }
  // An explicit separator: an en or em dash, or " to ".
  for (std::string_view sep : {std::string_view("\u2013"), std::string_view("\u2014"), std::string_view(" to ")}) {
    const auto at = text.find(sep);
    if (at == std::string_view::npos) continue;
    const auto a = bates_number(text.substr(0, at));
    const auto b = bates_number(text.substr(at + sep.size()));
    if (!a || !b) {
      why = "is not a Bates range; " + bates_example;
      return std::nullopt;
    }
    return bates_pair(text, *a, *b, why);
  }
  // A hyphen may also be part of the prefix ("PAR-000123"): the range is
  // the split whose two ends are numbers with the same prefix (or an end
  // without one).
  std::optional<std::pair<BatesNumber, BatesNumber>> mixed;
  for (std::size_t at = text.find('-'); at != std::string_view::npos; at = text.find('-', at + 1)) {
    const auto a = bates_number(text.substr(0, at));
    const auto b = bates_number(text.substr(at + 1));
    if (!a || !b) continue;
    if (b->prefix.empty() || trim(a->prefix) == trim(b->prefix)) {
      return bates_pair(text, *a, BatesNumber{{}, b->digits, b->page}, why);
    }
    if (!mixed) mixed.emplace(*a, *b);
  }
  if (const auto single = bates_number(text)) {
    if (!mixed) return BatesRange{std::string(single->prefix), single->page, single->page};
  }
  if (mixed) return bates_pair(text, mixed->first, mixed->second, why);
  why = "has no page number; " + bates_example;
  return std::nullopt;
}

namespace {

// Reads exactly `n` digits at `i`.
std::optional<int> fixed(std::string_view s, std::size_t& i, std::size_t n) {
  if (i + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!digit(s[i + k])) return std::nullopt;
    v = v * 10 + (s[i + k] - '0');
  }
  i += n;
  return v;
}

constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",
                                                       "May",     "June",     "July",      "August",
                                                       "September", "October", "November", "December"};

const std::string date_forms =
    "write YYYY-MM-DD (\"2021-01-09\"), YYYY-MM or YYYY for a partial date, or YYYY-MM-DDThh:mm[:ss][Z or "
    "±hh:mm] for a time";

}  // namespace

std::optional<CiteDate> parse_date(std::string_view s, std::string& why) {
  using namespace std::chrono;
  const auto not_iso = [&] {
    why = "is not an ISO 8601 date; " + date_forms;
    return std::nullopt;
  };
  std::size_t i = 0;
  const auto y = fixed(s, i, 4);
  if (!y) return not_iso();
  CiteDate out{DatePrecision::year, 0};
  int mo = 1, d = 1;
  long long seconds = 0;
  if (i < s.size()) {
    if (s[i] != '-') return not_iso();
    ++i;
    const auto m = fixed(s, i, 2);
    if (!m) return not_iso();
    if (*m < 1 || *m > 12) {
      why = "is not a date: month " + std::to_string(*m) + " is not between 01 and 12";
      return std::nullopt;
    }
    mo = *m;
    out.precision = DatePrecision::month;
  }
  if (i < s.size()) {
    if (s[i] != '-') return not_iso();
    ++i;
    const auto dd = fixed(s, i, 2);
    if (!dd) return not_iso();
    const auto last = (year(*y) / month(static_cast<unsigned>(mo)) / std::chrono::last).day();
    if (*dd < 1 || static_cast<unsigned>(*dd) > static_cast<unsigned>(last)) {
      why = "is not a date: " + std::string(month_names[static_cast<std::size_t>(mo - 1)]) + " " +
            std::to_string(*y) + " has " + std::to_string(static_cast<unsigned>(last)) + " days";
      return std::nullopt;
    }
    d = *dd;
    out.precision = DatePrecision::day;
  }
  if (i < s.size()) {
    if (s[i] != 'T' || out.precision != DatePrecision::day) return not_iso();
    ++i;
    const auto h = fixed(s, i, 2);
    if (!h || i >= s.size() || s[i] != ':') return not_iso();
    ++i;
    const auto mi = fixed(s, i, 2);
    if (!mi) return not_iso();
    int sec = 0;
    if (i < s.size() && s[i] == ':') {
      ++i;
      const auto se = fixed(s, i, 2);
      if (!se) return not_iso();
      sec = *se;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        const std::size_t start = i;
        while (i < s.size() && digit(s[i])) ++i;
        if (i == start) return not_iso();
      }
    }
    if (*h > 23 || *mi > 59 || sec > 60) {
      why = "is not a time of day: hours run to 23, minutes to 59, seconds to 60";
      return std::nullopt;
    }
    seconds = *h * 3600LL + *mi * 60LL + sec;
    if (i < s.size() && s[i] == 'Z') {
      ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      const long long sign = s[i] == '+' ? 1 : -1;
      ++i;
      const auto oh = fixed(s, i, 2);
      if (!oh || i >= s.size() || s[i] != ':') return not_iso();
      ++i;
      const auto om = fixed(s, i, 2);
      if (!om) return not_iso();
      if (*oh > 23 || *om > 59) {
        why = "has a time zone offset out of range; write it as ±hh:mm, such as -08:00";
        return std::nullopt;
      }
      seconds -= sign * (*oh * 3600LL + *om * 60LL);
    }
    out.precision = DatePrecision::time;
  }
  if (i != s.size()) return not_iso();
  const sys_days days{year(*y) / month(static_cast<unsigned>(mo)) / day(static_cast<unsigned>(d))};
  out.start = static_cast<std::int64_t>(days.time_since_epoch().count()) * 86400LL + seconds;
  return out;
}

bool check_url(std::string_view text, std::string& why) {
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; })) {
    why = "contains a space or a control character; write spaces as %20";
    return false;
  }
  const auto colon = text.find(':');
  std::string scheme(text.substr(0, colon == std::string_view::npos ? 0 : colon));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  constexpr std::array<std::string_view, 5> allowed{"http", "https", "ftp", "file", "mailto"};
  if (std::find(allowed.begin(), allowed.end(), scheme) == allowed.end() || colon + 1 >= text.size()) {
    why = "is not a web or file address; a citation's url starts with http:, https:, ftp:, file: or mailto:";
    return false;
  }
  return true;
}

AuthorityKind classify_authority(std::string_view a) noexcept {
  const auto has = [a](std::string_view s) { return a.find(s) != std::string_view::npos; };
  if (has(" v. ") || has(" v ") || has(" vs. ") || a.starts_with("In re ") || a.starts_with("Ex parte ") ||
      a.starts_with("Matter of ") || a.starts_with("In the Matter of ")) {
    return AuthorityKind::case_law;
  }
  if (has("U.S.C") || has("\u00a7") || has(" Stat.") || has("Pub. L.") || has(" Code") || has(" Act")) {
    return AuthorityKind::statute;
  }
  return AuthorityKind::other;
}

std::string_view heading(AuthorityKind kind) noexcept {
  switch (kind) {
    case AuthorityKind::case_law: return "Cases";
    case AuthorityKind::statute: return "Statutes";
    case AuthorityKind::other: return "Other authorities";
  }
  return "Other authorities";
}

std::string format_citation(const Citation& c) {
  std::string out;
  const auto part = [&out](const std::optional<std::string>& s) {
    if (!s || s->empty()) return;
    if (!out.empty()) out += ", ";
    out += *s;
  };
  part(c.authority);
  part(c.exhibit);
  part(c.document);
  part(c.pin);
  part(c.bates);
  if (c.date && !c.date->empty()) {
    if (!out.empty()) out += ' ';
    out += "(" + *c.date + ")";
  }
  return out;
}

std::string format_citations(const std::vector<Citation>& cites) {
  std::string out;
  for (const Citation& c : cites) {
    const std::string one = format_citation(c);
    if (one.empty()) continue;
    if (!out.empty()) out += "; ";
    out += one;
  }
  return out;
}

std::optional<std::size_t> earliest_dated(const Node& node) {
  std::optional<std::size_t> best;
  std::int64_t best_start = std::numeric_limits<std::int64_t>::max();
  std::string why;
  for (std::size_t i = 0; i < node.cite.size(); ++i) {
    if (!node.cite[i].date) continue;
    const auto d = parse_date(*node.cite[i].date, why);
    if (d && (!best || d->start < best_start)) {
      best = i;
      best_start = d->start;
    }
  }
  return best;
}

}  // namespace claimgraph
