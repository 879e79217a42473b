#pragma once
// Escaping for each output language. Every function accepts any bytes:
// invalid UTF-8 comes out as U+FFFD, never as broken output.

#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::detail {

/// Appends `s` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view s);

/// Appends `s` as a JSON string literal that is also safe inside an HTML
/// <script> element: as append_json_string, and in addition <, > and & as
/// \u003c, \u003e and \u0026, so that no text can end the element
/// (</script>), open a comment (<!--) or be read as markup by any parser.
void append_script_json_string(std::string& out, std::string_view s);

/// Appends `s` as HTML text, fit for element content and quoted attribute
/// values: &, <, >, " and ' as character references, control characters
/// other than tab and newline as U+FFFD.
void append_html_text(std::string& out, std::string_view s);

/// Appends `s` as text for a Graphviz HTML-like label: XML-escaped, with
/// backslashes doubled (Graphviz expands \N, \G... even in HTML labels) and
/// control characters replaced.
void append_dot_html(std::string& out, std::string_view s);

/// Appends `s` as the inside of a DOT double-quoted escString (no quotes).
void append_dot_quoted(std::string& out, std::string_view s);

/// Splits `s` into lines of at most about `width` code points, breaking at
/// spaces where possible and at existing newlines always.
[[nodiscard]] std::vector<std::string> wrap(std::string_view s, std::size_t width);

}  // namespace claimgraph::detail
