#pragma once
// A Word document read as the tests need it: its parts through `unzip`, and
// the paragraphs of word/document.xml as text (the w:t elements of each
// w:p, joined, XML entities decoded; w:br as a line break, w:tab as a tab),
// with their style, the page images and the section properties.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "support.hpp"

namespace claimgraph::test {

/// The part `entry` of the document at `docx` (unzip -p).
inline std::string docx_part(const std::filesystem::path& docx, const std::string& entry) {
  const RunResult r = run({unzip_program(), "-p", docx.string(), entry});
  EXPECT_EQ(r.status, 0) << entry << ": " << r.err;
  return r.out;
}

/// The names of the document's parts (unzip -Z1).
inline std::vector<std::string> docx_parts(const std::filesystem::path& docx) {
  const RunResult r = run({unzip_program(), "-Z1", docx.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  return lines_of(r.out);
}

/// XML text with its entities decoded (the five named ones and character
/// references).
inline std::string xml_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const std::size_t semi = text.find(';', i);
    const std::string_view name = text.substr(i + 1, semi - i - 1);
    if (name == "amp") out += '&';
    else if (name == "lt") out += '<';
    else if (name == "gt") out += '>';
    else if (name == "quot") out += '"';
    else if (name == "apos") out += '\'';
    else if (!name.empty() && name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      std::uint32_t cp = static_cast<std::uint32_t>(std::stoul(std::string(name.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10));
      // UTF-8.
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      ADD_FAILURE() << "unknown entity &" << name << ";";
    }
    i = semi;
  }
  return out;
}

/// A paragraph of the document.
struct DocxParagraph {
  std::string style;  ///< its w:pStyle, or empty
  std::string text;
  bool listed = false;  ///< an item of a list (it has w:numPr)
  bool in_table = false;
};

/// The paragraphs of word/document.xml, in order.
inline std::vector<DocxParagraph> docx_paragraphs(const std::string& document) {
  static const std::regex piece(
      R"re(<w:p[ >/]|</w:p>|<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:t(?: [^>]*)?/>|<w:br ?/>|<w:tab ?/>|<w:pStyle w:val="([^"]*)"|<w:numPr>|<w:tc>|</w:tc>)re");
  std::vector<DocxParagraph> out;
  bool open = false;
  bool in_cell = false;
  for (auto it = std::sregex_iterator(document.begin(), document.end(), piece); it != std::sregex_iterator(); ++it) {
    const std::string m = (*it)[0].str();
    if (m == "<w:tc>") in_cell = true;
    else if (m == "</w:tc>") in_cell = false;
    else if (m.starts_with("<w:p") && !m.starts_with("<w:pStyle")) {
      out.push_back({});
      out.back().in_table = in_cell;
      open = !m.ends_with("/");
    } else if (m == "</w:p>") open = false;
    else if (!open || out.empty()) continue;
    else if (m.starts_with("<w:pStyle")) out.back().style = (*it)[2].str();
    else if (m == "<w:numPr>") out.back().listed = true;
    else if (m.starts_with("<w:br")) out.back().text += '\n';
    else if (m.starts_with("<w:tab")) out.back().text += '\t';
    else out.back().text += xml_decoded((*it)[1].str());
  }
  return out;
}

/// The page images of the document (word/media/...), as bytes.
inline std::vector<std::string> docx_images(const std::filesystem::path& docx) {
  std::vector<std::string> images;
  for (const auto& part : docx_parts(docx)) {
    if (part.starts_with("word/media/")) images.push_back(docx_part(docx, part));
  }
  return images;
}

/// Whether `bytes` begin with PNG's signature.
inline bool is_png(std::string_view bytes) { return bytes.starts_with("\x89PNG\r\n\x1a\n"); }

/// The section properties of the document, in order: each <w:sectPr>...</w:sectPr>.
inline std::vector<std::string> docx_sections(const std::string& document) {
  std::vector<std::string> out;
  for (std::size_t at = document.find("<w:sectPr"); at != std::string::npos; at = document.find("<w:sectPr", at + 1)) {
    out.push_back(document.substr(at, document.find("</w:sectPr>", at) + 11 - at));
  }
  return out;
}

/// The value of `attribute` in the first element `element` of `xml`
/// ("12240" for pgSz and w:w), or empty.
inline std::string docx_attribute(const std::string& xml, const std::string& element, const std::string& attribute) {
  const std::regex tag("<" + element + "\\b[^>]*\\b" + attribute + "=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(xml, m, tag) ? m[1].str() : std::string();
}

}  // namespace claimgraph::test
