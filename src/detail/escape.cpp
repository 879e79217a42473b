#include "detail/escape.hpp"

#include <array>
#include <cstddef>

#include "detail/text.hpp"

namespace claimgraph::detail {

namespace {
constexpr char hex_digits[] = "0123456789abcdef";

// Which bytes an escaper copies as they are, as a table made from its rule
// when compiled: a run of plain text then costs a load a byte, not a chain
// of comparisons (every label, id and text of a large case goes through
// one of these).
class PlainBytes {
 public:
  constexpr explicit PlainBytes(bool (*rule)(unsigned char)) noexcept {
    for (std::size_t c = 0; c < plain_.size(); ++c) plain_[c] = rule(static_cast<unsigned char>(c));
  }
  constexpr bool operator()(unsigned char c) const noexcept { return plain_[c]; }

 private:
  std::array<bool, 256> plain_{};
};

// A JSON string's plain bytes: printable ASCII but for " and \; in a
// <script> element not <, > and & either.
constexpr PlainBytes plain_json([](unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; });
constexpr PlainBytes plain_script_json([](unsigned char c) {
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
});

void append_hex4(std::string& out, unsigned value) {
  out += "\\u";
  out += hex_digits[(value >> 12) & 0xF];
  out += hex_digits[(value >> 8) & 0xF];
  out += hex_digits[(value >> 4) & 0xF];
  out += hex_digits[value & 0xF];
}

// A JSON string literal; for a <script> element also <, > and & escaped.
void append_json(std::string& out, std::string_view s, bool script) {
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    // Copy runs of plain ASCII in one go: the common case.
    const PlainBytes& plain = script ? plain_script_json : plain_json;
    std::size_t run = i;
    while (run < s.size() && plain(static_cast<unsigned char>(s[run]))) ++run;
    out.append(s.data() + i, run - i);
    i = run;
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: append_hex4(out, c); break;  // the other controls, and <, > and & in a script
      }
      ++i;
      continue;
    }
    const std::size_t begin = i;
    const char32_t cp = decode_utf8(s, i);
    if (cp == replacement_character && i - begin == 1) {
      out += "\xEF\xBF\xBD";
    } else if (cp == 0x2028 || cp == 0x2029) {
      append_hex4(out, static_cast<unsigned>(cp));  // line separators break JavaScript embedding
    } else {
      out.append(s.data() + begin, i - begin);
    }
  }
  out += '"';
}
}  // namespace

void append_json_string(std::string& out, std::string_view s) { append_json(out, s, false); }

void append_script_json_string(std::string& out, std::string_view s) { append_json(out, s, true); }

namespace {
constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// The skeleton of the escapers below: runs of bytes that `plain` passes are
// copied as they are (the common case, and cheap); every other code point
// goes to `escape` with the bytes it is written in, to append what stands
// for it.
template <class Escape>
void escape_text(std::string& out, std::string_view s, const PlainBytes& plain, Escape escape) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t run = i;
    while (run < s.size() && plain(static_cast<unsigned char>(s[run]))) ++run;
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      continue;
    }
    const std::size_t begin = i;
    const char32_t cp = decode_utf8(s, i);
    escape(cp, s.substr(begin, i - begin));
  }
}

// A byte that is not UTF-8, which decode_utf8 reads alone as U+FFFD.
bool invalid(char32_t cp, std::string_view bytes) { return cp == replacement_character && bytes.size() == 1; }

// The C0 and C1 control characters and DEL.
bool control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

// Printable ASCII that needs no escaping in a DOT HTML label or quoted string.
constexpr PlainBytes plain_ascii([](unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'' && c != '\\';
});

constexpr PlainBytes plain_xml([](unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
});

// & < > " and ' as markup writes them (`apostrophe` for '); false for any
// other code point, which the caller escapes.
bool append_markup(std::string& out, char32_t cp, std::string_view apostrophe) {
  switch (cp) {
    case '&': out += "&amp;"; return true;
    case '<': out += "&lt;"; return true;
    case '>': out += "&gt;"; return true;
    case '"': out += "&quot;"; return true;
    case '\'': out += apostrophe; return true;
    default: return false;
  }
}

void append_decimal_reference(std::string& out, char32_t cp) {
  out += "&#";
  out += std::to_string(static_cast<unsigned long>(cp));
  out += ';';
}
}  // namespace

void append_dot_html(std::string& out, std::string_view s) {
  escape_text(out, s, plain_ascii, [&out](char32_t cp, std::string_view bytes) {
    if (append_markup(out, cp, "&#39;")) return;
    switch (cp) {
      case '\\': out += "\\\\"; break;
      case '\t': out += ' '; break;
      default:
        // What XML cannot hold shows as U+FFFD.
        out += control(cp) || cp == 0xFFFE || cp == 0xFFFF || invalid(cp, bytes) ? replacement : bytes;
    }
  });
}

void append_html_text(std::string& out, std::string_view s) {
  escape_text(out, s, plain_ascii, [&out](char32_t cp, std::string_view bytes) {
    if (append_markup(out, cp, "&#39;")) return;
    switch (cp) {
      case '\\': out += '\\'; break;
      case '\t': out += '\t'; break;
      case '\n': out += '\n'; break;
      case '\r': out += '\r'; break;
      default:
        // No character an HTML page may hold shows as U+FFFD.
        out += control(cp) || invalid(cp, bytes) ? replacement : bytes;
    }
  });
}

void append_dot_quoted(std::string& out, std::string_view s) {
  escape_text(out, s, plain_ascii, [&out](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += cp < 0x20 || cp == 0x7F || invalid(cp, bytes) ? replacement : bytes;
    }
  });
}

void append_xml(std::string& out, std::string_view s) {
  escape_text(out, s, plain_xml, [&out](char32_t cp, std::string_view bytes) {
    if (append_markup(out, cp, "&apos;")) return;
    switch (cp) {
      case '\t':
      case '\n':
      case '\r': append_decimal_reference(out, cp); break;
      default:
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF || invalid(cp, bytes)) {
          out += replacement;  // no XML 1.0 character
        } else if (control(cp)) {
          append_decimal_reference(out, cp);  // allowed, but invisible and discouraged
        } else {
          out += bytes;
        }
    }
  });
}

namespace {
// What a spreadsheet starts a formula with: = + - @ and their full-width
// forms (U+FF1D, U+FF0B, U+FF0D, U+FF20).
bool formula_start(char32_t cp) {
  return cp == '=' || cp == '+' || cp == '-' || cp == '@' || cp == 0xFF1D || cp == 0xFF0B || cp == 0xFF0D ||
         cp == 0xFF20;
}

bool needs_apostrophe(std::string_view s) {
  if (s.empty()) return false;
  if (s.front() == '\'' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n') return true;
  std::size_t i = s.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return false;
  return formula_start(decode_utf8(s, i));
}

constexpr PlainBytes plain_csv([](unsigned char c) { return c >= 0x20 && c != '"' && c < 0x7F; });
}  // namespace

void append_csv_field(std::string& out, std::string_view s) {
  const bool apostrophe = needs_apostrophe(s);
  const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t'));
  if (quote) out += '"';
  if (apostrophe) out += '\'';
  escape_text(out, s, plain_csv, [&out](char32_t cp, std::string_view bytes) {
    if (cp == '"') {
      out += "\"\"";
    } else if (cp == '\t' || cp == '\n' || cp == '\r') {
      out += static_cast<char>(cp);
    } else {
      out += control(cp) || invalid(cp, bytes) ? replacement : bytes;
    }
  });
  if (quote) out += '"';
}

void append_markdown(std::string& out, std::string_view s, std::string_view line_break) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        // Emphasis, code, links and images, raw HTML and entities, tables,
        // strikethrough, headings, math.
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '&': case '|': case '~': case '#': case '$':
          out += '\\';
          out += static_cast<char>(c);
          break;
        case ':':
        case '.': {
          // GitHub turns bare web addresses into links from the raw text,
          // escapes included (a_b would show as a\_b): "\://" and "www\."
          // keep them text.
          const bool scheme = c == ':' && s.substr(i + 1, 2) == "//";
          const bool www = c == '.' && i >= 3 && (s.substr(i - 3, 3) == "www" || s.substr(i - 3, 3) == "WWW");
          if (scheme || www) out += '\\';
          out += static_cast<char>(c);
          break;
        }
        case '\r':
          if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
          out += line_break;
          break;
        case '\n': out += line_break; break;
        default: out += c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c); break;
      }
      ++i;
      continue;
    }
    const std::size_t begin = i;
    const char32_t cp = decode_utf8(s, i);
    if (cp == replacement_character && i - begin == 1) {
      out += "\xEF\xBF\xBD";
    } else if (cp >= 0x80 && cp < 0xA0) {
      out += ' ';  // C1 control characters
    } else {
      out.append(s.data() + begin, i - begin);
    }
  }
}

void wrap_views(std::string_view s, std::size_t width, void (*line)(void*, std::string_view), void* context) {
  if (width == 0) width = 1;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view para = s.substr(pos, nl - pos);
    if (!para.empty() && para.back() == '\r') para.remove_suffix(1);
    // Greedy fill of one paragraph: break at the last space that fits, or
    // inside a word longer than a whole line.
    // Words are split at every space, so a run of spaces gives empty words
    // and each space is either kept or replaced by a line break: spaces at
    // the ends of the text and runs of spaces are kept as written. A line
    // is then a piece of the paragraph as written, [start, end).
    std::size_t start = 0, end = 0;
    std::size_t line_len = 0;
    std::size_t i = 0;
    bool first = true;
    for (;;) {
      std::size_t word_end = para.find(' ', i);
      if (word_end == std::string_view::npos) word_end = para.size();
      std::string_view word = para.substr(i, word_end - i);
      std::size_t word_len = utf8_length(word);
      if (!first && word_len > 0 && line_len > 0 && line_len + 1 + word_len > width) {
        line(context, para.substr(start, end - start));
        start = i;  // the space before the word is the break
        line_len = 0;
      } else if (!first) {
        ++line_len;  // the space before the word is kept
      }
      first = false;
      std::size_t at = i;  // where what is left of the word starts
      while (word_len > width) {
        // Cut a long word at `width` code points, or after the last hyphen
        // or slash before that.
        std::size_t k = 0;
        for (std::size_t n = 0; n < width - line_len && k < word.size(); ++n) decode_utf8(word, k);
        const std::size_t joint = word.substr(0, k).find_last_of("-/");
        if (joint != std::string_view::npos && joint > 0 && joint + 1 < k) k = joint + 1;
        line(context, para.substr(start, at + k - start));
        start = at + k;
        line_len = 0;
        at += k;
        word.remove_prefix(k);
        word_len = utf8_length(word);
      }
      end = word_end;
      line_len += word_len;
      if (word_end == para.size()) break;
      i = word_end + 1;
    }
    line(context, para.substr(start, end - start));
    if (nl >= s.size()) break;
    pos = nl + 1;
  }
}

std::vector<std::string> wrap(std::string_view s, std::size_t width) {
  std::vector<std::string> lines;
  for_each_wrapped(s, width, [&lines](std::string_view piece) { lines.emplace_back(piece); });
  return lines;
}

}  // namespace claimgraph::detail
