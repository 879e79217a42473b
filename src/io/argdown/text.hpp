#pragma once
// The blanks and trimming that the Argdown reader, writer and YAML subset
// share. Each trim names the characters it drops, since the places differ:
// text keeps its line breaks where Argdown keeps them.

#include <string_view>

namespace claimgraph::io::argdown {

/// A space or a tab.
[[nodiscard]] constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

/// A blank or a line break (\n or \r).
[[nodiscard]] constexpr bool is_space(char c) noexcept { return is_blank(c) || c == '\n' || c == '\r'; }

/// `s` without the characters at its start for which `drop` holds.
template <class Drop>
[[nodiscard]] constexpr std::string_view trim_front(std::string_view s, Drop drop) {
  while (!s.empty() && drop(s.front())) s.remove_prefix(1);
  return s;
}

/// `s` without the characters at its end for which `drop` holds.
template <class Drop>
[[nodiscard]] constexpr std::string_view trim_back(std::string_view s, Drop drop) {
  while (!s.empty() && drop(s.back())) s.remove_suffix(1);
  return s;
}

/// `s` without the characters at either end for which `drop` holds.
template <class Drop>
[[nodiscard]] constexpr std::string_view trim(std::string_view s, Drop drop) {
  return trim_back(trim_front(s, drop), drop);
}

}  // namespace claimgraph::io::argdown
