#include "detail/number.hpp"

#include <charconv>
#include <cstdio>
#include <system_error>

namespace claimgraph::detail {

void append_number(std::string& out, double value) {
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
