#include "detail/number.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <system_error>

namespace claimgraph::detail {

namespace {

// The text of k/16 for k in [0, 160), as to_chars writes it.
struct Round {
  char text[12];
  std::uint8_t size;
};
constexpr int sixteenths = 160;
const std::array<Round, sixteenths>& round_numbers() {
  static const std::array<Round, sixteenths> table = [] {
    std::array<Round, sixteenths> t{};
    for (int k = 0; k < sixteenths; ++k) {
      auto [end, ec] = std::to_chars(t[static_cast<std::size_t>(k)].text, t[static_cast<std::size_t>(k)].text + 12,
                                     static_cast<double>(k) / 16.0);
      t[static_cast<std::size_t>(k)].size =
          ec == std::errc() ? static_cast<std::uint8_t>(end - t[static_cast<std::size_t>(k)].text) : 0;
    }
    return t;
  }();
  return table;
}

}  // namespace

void append_number(std::string& out, double value) {
  // Most numbers written are round: strengths of 0 and 1, bases of 0.5,
  // halves and quarters of them. Whole numbers and sixteenths below 10 are
  // taken from a table that to_chars itself filled (the same text, without
  // its search for the shortest digits each time).
  const double scaled = value * 16.0;  // exact: a power of two
  if (value >= 0.0 && value < 10.0 && !std::signbit(value) && scaled == std::floor(scaled)) {
    const Round& r = round_numbers()[static_cast<std::size_t>(scaled)];
    out.append(r.text, r.size);
    return;
  }
  char text[32];
  auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  out.append(text, ec == std::errc() ? static_cast<std::size_t>(end - text) : 0);
}

void append_fixed2(std::string& out, double value) {
  char text[32];
  const int n = std::snprintf(text, sizeof text, "%.2f", value);
  if (n > 0) out.append(text, static_cast<std::size_t>(n) < sizeof text ? static_cast<std::size_t>(n) : sizeof text - 1);
}

std::string fixed2(double value) {
  std::string out;
  append_fixed2(out, value);
  return out;
}

}  // namespace claimgraph::detail
