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

/// Appends `s` as Markdown text that renders exactly as written: the ASCII
/// punctuation that Markdown (and GitHub's extensions: tables, strikethrough,
/// math, bare web addresses) would interpret is backslash-escaped, control characters become
/// spaces, and line breaks become `line_break` (e.g. "<br>" in a table cell,
/// " " in a heading).
void append_markdown(std::string& out, std::string_view s, std::string_view line_break = "<br>");
/// Appends `s` as XML 1.0 character data, good both between tags and inside
/// a double- or single-quoted attribute value: & < > " ' become entity
/// references; tab, line feed and carriage return become character
/// references (&#9; &#10; &#13;) so that neither attribute-value
/// normalisation nor end-of-line handling changes them; DEL and the C1
/// controls, which XML allows but discourages, become character references
/// too. What XML 1.0 cannot hold at all (the other C0 controls, U+FFFE,
/// U+FFFF) and bytes that are not UTF-8 become U+FFFD.
void append_xml(std::string& out, std::string_view s);

/// Appends `s` as one RFC 4180 field for a spreadsheet. The field is quoted
/// when it holds a comma, a double quote, a line break, or a space or tab at either
/// end, with double quotes doubled. A field that a spreadsheet would run as a
/// formula is neutralised by a leading apostrophe: one whose first character
/// is = + - @ (or their full-width forms), a tab, CR or LF, or any of these
/// after leading spaces, tabs or line breaks. A field that already begins
/// with an apostrophe gets one more, so that the text is always recovered by
/// dropping one leading apostrophe from any field that starts with one.
/// Control characters other than tab, LF and CR, and bytes that are not
/// UTF-8, become U+FFFD.
void append_csv_field(std::string& out, std::string_view s);

/// Splits `s` into lines of at most about `width` code points, breaking at
/// spaces where possible and at existing newlines always.
[[nodiscard]] std::vector<std::string> wrap(std::string_view s, std::size_t width);
/// wrap()'s lines given one by one to `line(context, piece)`: each is a
/// piece of `s` as written, so none is built.
void wrap_views(std::string_view s, std::size_t width, void (*line)(void*, std::string_view), void* context);
/// The same, to `line(piece)`.
template <class Line>
void for_each_wrapped(std::string_view s, std::size_t width, Line line) {
  wrap_views(s, width, [](void* f, std::string_view piece) { (*static_cast<Line*>(f))(piece); }, &line);
}

}  // namespace claimgraph::detail
