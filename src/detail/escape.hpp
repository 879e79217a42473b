#pragma once
// Escaping for each output language. Every function accepts any bytes:
// invalid UTF-8 comes out as U+FFFD, never as broken output.

#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::detail {

/// Appends `s` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view s);

/// Appends `s` as text for a Graphviz HTML-like label: XML-escaped, with
/// backslashes doubled (Graphviz expands \N, \G... even in HTML labels) and
/// control characters replaced.
void append_dot_html(std::string& out, std::string_view s);

/// Appends `s` as the inside of a DOT double-quoted escString (no quotes).
void append_dot_quoted(std::string& out, std::string_view s);

/// Appends `s` as Markdown text that renders exactly as written: the ASCII
/// punctuation that Markdown (and GitHub's extensions: tables, strikethrough,
/// math, bare web addresses) would interpret is backslash-escaped, control characters become
/// spaces, and line breaks become `line_break` (e.g. "<br>" in a table cell,
/// " " in a heading).
void append_markdown(std::string& out, std::string_view s, std::string_view line_break = "<br>");

/// Splits `s` into lines of at most about `width` code points, breaking at
/// spaces where possible and at existing newlines always.
[[nodiscard]] std::vector<std::string> wrap(std::string_view s, std::size_t width);

}  // namespace claimgraph::detail
