#pragma once
// Small text helpers shared by readers and writers: UTF-8 decoding that never
// trusts its input, and "did you mean" suggestions.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::detail {

/// The replacement character U+FFFD, written for bytes that are not UTF-8.
inline constexpr char32_t replacement_character = 0xFFFD;

/// Decodes the code point at `s[i]` and advances `i` past it. Invalid,
/// overlong or truncated sequences and surrogates yield U+FFFD and advance
/// by one byte, so every byte string decodes to something.
char32_t decode_utf8(std::string_view s, std::size_t& i) noexcept;

/// Appends `cp` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// Number of code points in `s` (invalid bytes count one each).
[[nodiscard]] std::size_t utf8_length(std::string_view s) noexcept;

/// `text` without its leading UTF-8 byte-order mark, if it has one.
[[nodiscard]] inline std::string_view without_bom(std::string_view text) noexcept {
  return text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}

/// Whether `s` holds nothing but spaces, tabs and line breaks (JSON's
/// whitespace); true when it is empty.
[[nodiscard]] inline bool only_whitespace(std::string_view s) noexcept {
  return s.find_first_not_of(" \t\n\r") == std::string_view::npos;
}

/// Optimal-string-alignment distance (Levenshtein plus transpositions).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate `word` most likely means, else nothing: the same name in
/// other case or punctuation; else the meaning of a synonym a lawyer types
/// ("attacks" for "contradicts", "defence" for "counterclaim") when that
/// meaning is a candidate; else the nearest plausible typo (an edit
/// distance of about a third of the word's length, at least 1; ties go to
/// the first); else the one candidate that contains the word (4 letters
/// or more), when only one does.
[[nodiscard]] std::optional<std::string> nearest(std::string_view word, std::span<const std::string_view> candidates);

/// The position of the one candidate that contains `word`, both with case,
/// spaces and punctuation dropped, when the word has 4 letters or more and
/// exactly one candidate contains it; else nothing.
[[nodiscard]] std::optional<std::size_t> containing(std::string_view word,
                                                    std::span<const std::string_view> candidates);

/// The positions of the candidates that contain `word`, both with case,
/// spaces and punctuation dropped, in order, at most `limit` of them (the
/// count of all is `*count`, when given); none when the word has fewer than
/// 4 letters.
[[nodiscard]] std::vector<std::size_t> containing_all(std::string_view word,
                                                      std::span<const std::string_view> candidates,
                                                      std::size_t limit, std::size_t* count = nullptr);

/// Maps byte offsets of a text to 1-based line and column (columns count
/// code points); the line table is built on first use, so a file without
/// problems never pays for it.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {}
  [[nodiscard]] std::pair<std::size_t, std::size_t> locate(std::size_t offset);

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// How a value is shown inside a diagnostic: double-quoted, cut after 60
/// characters, quotes, backslashes and control characters escaped.
[[nodiscard]] std::string shown(std::string_view s);

/// Text for a terminal or a memo: control characters become spaces, bytes
/// that are not UTF-8 become U+FFFD.
[[nodiscard]] std::string plain(std::string_view s);

/// Joins words as `a, b or c`, each in double quotes.
[[nodiscard]] std::string quoted_list(std::span<const std::string_view> words);

/// What a view shows (describe_view() in claimgraph/view.hpp), its criteria
/// joined with "; ": `group “Damages”; party “Parler”`.
[[nodiscard]] std::string scope_text(std::span<const std::string> criteria);

/// The words before scope_text(): `head` and `mark` ("Part of the case" ":"),
/// which a writer may set in bold, then `rest`. For more than one criterion
/// they read "Part of the case, what meets all of these: ".
struct ScopeLead {
  std::string_view head;
  std::string_view mark;
  std::string_view rest;
  /// head and mark between `open` and `close` (the writer's bold), then rest.
  [[nodiscard]] std::string set(std::string_view open, std::string_view close) const;
  [[nodiscard]] std::string plain() const { return set({}, {}); }
};
[[nodiscard]] ScopeLead scope_lead(std::size_t criteria);

}  // namespace claimgraph::detail
