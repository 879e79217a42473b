#pragma once
// CSV read back as a spreadsheet would, for the tests of the CSV writers: an
// RFC 4180 reader strict about what it accepts (quotes only around whole
// fields, CRLF after every row, the same number of fields in every row),
// what a cell gives back, and whether a spreadsheet would run it.

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/text.hpp"

namespace claimgraph::test {

using Table = std::vector<std::vector<std::string>>;

// Reads RFC 4180 text: fields separated by commas, rows ended by CRLF; a
// field is either plain (no comma, quote, CR or LF) or wholly quoted, with
// quotes inside doubled. Throws on anything else, and on rows of differing
// lengths.
inline Table read_csv(std::string_view text) {
  Table rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(what + " at byte " + std::to_string(i));
  };
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      for (;;) {
        if (i >= text.size()) fail("unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') fail("quote inside a plain field");
        field += text[i++];
      }
    }
    if (i >= text.size()) fail("row without CRLF");
    if (text[i] == ',') {
      row.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (text.compare(i, 2, "\r\n") == 0) {
      row.push_back(std::move(field));
      field.clear();
      if (!rows.empty() && rows.front().size() != row.size()) fail("a row of another length");
      rows.push_back(std::move(row));
      row.clear();
      i += 2;
    } else {
      fail("a bare line break");
    }
  }
  return rows;
}

// The text of a cell as written: one leading apostrophe dropped, if any.
inline std::string unneutralised(const std::string& cell) { return !cell.empty() && cell[0] == '\'' ? cell.substr(1) : cell; }

// What a cell should give back for `text`: every character except control
// characters other than tab, CR and LF, and bytes that are not UTF-8, which
// are U+FFFD.
inline std::string as_read(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t begin = i;
    const char32_t cp = detail::decode_utf8(text, i);
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
        (cp == detail::replacement_character && i - begin == 1)) {
      out += "\uFFFD";
    } else {
      out.append(text.substr(begin, i - begin));
    }
  }
  return out;
}

// Whether a spreadsheet could take `cell` for a formula: it starts, after
// any white space, with = + - @ (or their full-width forms), or with a tab or CR.
inline bool formula_like(const std::string& cell) {
  if (cell.empty()) return false;
  if (cell[0] == '\t' || cell[0] == '\r') return true;
  std::size_t i = cell.find_first_not_of(" \t\r\n");
  if (i == std::string::npos) return false;
  const char32_t cp = detail::decode_utf8(cell, i);
  return cp == '=' || cp == '+' || cp == '-' || cp == '@' || cp == 0xFF1D || cp == 0xFF0B || cp == 0xFF0D ||
         cp == 0xFF20;
}

}  // namespace claimgraph::test
