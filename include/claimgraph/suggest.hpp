#pragma once
// "Did you mean": the suggestion every message about a misspelt name makes,
// in the library and in the program alike.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace claimgraph {

/// The candidate nearest to `word` when it is close enough to be a plausible
/// typo (an edit distance of about a third of the word's length, at least
/// 1, counting transpositions), else nothing. Ties go to the first.
[[nodiscard]] std::optional<std::string> nearest(std::string_view word, std::span<const std::string_view> candidates);

/// `; did you mean "x"?` when nearest() finds a candidate, else "".
[[nodiscard]] std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace claimgraph
