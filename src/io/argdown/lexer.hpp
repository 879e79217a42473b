#pragma once
// Argdown's lexical rules, shared by the Argdown reader and writer: the
// token kinds of Argdown's lexer and a lexer that applies its rules in the
// same order and under the same conditions (a relation symbol counts only
// at the start of a line, a heading only after a line break, and so on),
// the shortcodes (`.~.`, `:happy:`) that stand for symbols, and the
// character classes the writer must escape to be read back as text.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::io::argdown {

/// The kinds of token of Argdown's lexer (Indent and Dedent are made by the
/// relation and list matchers; Eof ends every token list).
enum class Tok : std::uint8_t {
  FrontMatter,
  Data,
  EscapedChar,
  SpecialChar,
  Emptyline,
  Newline,
  Dedent,
  Indent,
  InferenceStart,
  IncomingSupport,
  IncomingAttack,
  OutgoingSupport,
  OutgoingAttack,
  Contradiction,
  IncomingUndercut,
  OutgoingUndercut,
  HeadingStart,
  StatementNumber,
  OrderedListItem,
  UnorderedListItem,
  AsteriskBoldEnd,
  UnderscoreBoldEnd,
  AsteriskItalicEnd,
  UnderscoreItalicEnd,
  AsteriskBoldStart,
  UnderscoreBoldStart,
  AsteriskItalicStart,
  UnderscoreItalicStart,
  Link,
  Tag,
  StatementDefinition,
  StatementReference,
  StatementMention,
  ArgumentDefinition,
  ArgumentReference,
  ArgumentMention,
  Freestyle,
  UnusedControlChar,
  ListDelimiter,
  InferenceEnd,
  Eof,
};

/// A token: its kind and its bytes [begin, end) in the text.
struct Token {
  Tok type = Tok::Eof;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// A place where no token matches (a backslash with nothing to escape).
struct LexError {
  std::size_t offset = 0;
  std::string message;
};

/// The tokens of `text` from `start` (past a byte order mark), comments and
/// blanks between tokens skipped, ending with Eof.
struct Lexed {
  std::vector<Token> tokens;
  std::vector<LexError> errors;
};
[[nodiscard]] Lexed lex(std::string_view text, std::size_t start = 0);

/// The symbol a shortcode stands for (".~." → "¬"), if it is one.
[[nodiscard]] std::optional<std::string_view> shortcode(std::string_view name) noexcept;

/// True for the characters JavaScript's `\s` matches.
[[nodiscard]] bool is_js_space(char32_t cp) noexcept;

/// True for the characters a `#tag` may hold without brackets.
[[nodiscard]] bool is_tag_char(char32_t cp) noexcept;

/// True for the characters that Argdown's lexer reads one at a time, with
/// one blank after them, where no other pattern takes them (its "unused
/// control characters").
[[nodiscard]] bool is_control_char(char c) noexcept;

/// The length of the line terminator at `s[i]`, if one is there, else 0:
/// JavaScript's line terminators (\n, \r, U+2028, U+2029), which `.` in
/// Argdown's patterns does not match, so that no title or link spans one.
[[nodiscard]] std::size_t line_terminator(std::string_view s, std::size_t i) noexcept;

/// True when `s` holds a line terminator.
[[nodiscard]] bool has_line_terminator(std::string_view s) noexcept;

/// What Argdown's command-line tool replaces with a file, anywhere in the
/// text, before the lexer sees it: `@include(FILE)`. The language itself has
/// no includes.
inline constexpr std::string_view include_call = "@include(";

}  // namespace claimgraph::io::argdown
