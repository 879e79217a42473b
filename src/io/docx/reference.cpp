#include "io/docx/reference.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::io::docx {

namespace {

// Word measures pages in twentieths of a point.
std::string twips(double points) { return std::to_string(std::lround(points * 20)); }

// CRC-32 (ISO 3309, as zip uses it).
std::uint32_t crc32(std::string_view bytes) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFU;
  for (const char ch : bytes) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFFU] ^ (c >> 8U);
  return c ^ 0xFFFFFFFFU;
}

void u16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFFU);
  out += static_cast<char>((v >> 8U) & 0xFFU);
}
void u32(std::string& out, std::uint32_t v) {
  u16(out, v & 0xFFFFU);
  u16(out, v >> 16U);
}

// A zip archive of `files` (name, content), stored (not compressed), dated
// 1 January 1980.
std::string zip(const std::vector<std::pair<std::string_view, std::string>>& files) {
  constexpr std::uint32_t date = (1U << 5U) | 1U;  // 1980-01-01
  std::string out;
  std::string directory;
  for (const auto& [name, content] : files) {
    const std::uint32_t crc = crc32(content);
    const auto size = static_cast<std::uint32_t>(content.size());
    const auto name_size = static_cast<std::uint32_t>(name.size());
    const auto offset = static_cast<std::uint32_t>(out.size());
    // Local file header, then the file.
    u32(out, 0x04034B50U);
    u16(out, 10);  // version needed: 1.0, stored
    u16(out, 0);   // flags
    u16(out, 0);   // method: stored
    u16(out, 0);   // time
    u16(out, date);
    u32(out, crc);
    u32(out, size);
    u32(out, size);
    u16(out, name_size);
    u16(out, 0);  // extra field
    out += name;
    out += content;
    // Its entry in the central directory.
    u32(directory, 0x02014B50U);
    u16(directory, 20);  // made by: version 2.0
    u16(directory, 10);
    u16(directory, 0);
    u16(directory, 0);
    u16(directory, 0);
    u16(directory, date);
    u32(directory, crc);
    u32(directory, size);
    u32(directory, size);
    u16(directory, name_size);
    u16(directory, 0);  // extra field
    u16(directory, 0);  // comment
    u16(directory, 0);  // disk
    u16(directory, 0);  // internal attributes
    u32(directory, 0);  // external attributes
    u32(directory, offset);
    directory += name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  // End of central directory.
  const auto count = static_cast<std::uint32_t>(files.size());
  u32(out, 0x06054B50U);
  u16(out, 0);
  u16(out, 0);
  u16(out, count);
  u16(out, count);
  u32(out, static_cast<std::uint32_t>(directory.size()));
  u32(out, directory_offset);
  u16(out, 0);
  return out;
}

// Inserts `what` into `text` before the first `anchor` in [begin, end), or
// says it cannot.
bool insert_before(std::string& text, std::size_t begin, std::size_t& end, std::string_view anchor, std::string_view what) {
  const std::size_t at = text.find(anchor, begin);
  if (at == std::string::npos || at >= end) return false;
  text.insert(at, what);
  end += what.size();
  return true;
}

}  // namespace

std::string section_properties(const PageSetup& page, double margin) {
  const PageSize size = page_size(page);
  const std::string m = twips(margin);
  const std::string header = twips(std::min(margin, 36.0));
  std::string out = "<w:sectPr><w:pgSz w:w=\"" + twips(size.width) + "\" w:h=\"" + twips(size.height) + "\"";
  if (page.landscape) out += " w:orient=\"landscape\"";
  out += "/><w:pgMar w:top=\"" + m + "\" w:right=\"" + m + "\" w:bottom=\"" + m + "\" w:left=\"" + m +
         "\" w:header=\"" + header + "\" w:footer=\"" + header + "\" w:gutter=\"0\"/></w:sectPr>";
  return out;
}

std::string section_break(const std::string& properties) { return "<w:p><w:pPr>" + properties + "</w:pPr></w:p>"; }

std::string bordered_tables(std::string styles) {
  const std::size_t style = styles.find("w:styleId=\"Table\"");
  if (style == std::string::npos) return {};
  std::size_t end = styles.find("</w:style>", style);
  if (end == std::string::npos) return {};
  // In the order WordprocessingML requires: the borders after the indent,
  // before the cell margins; the header row's font before its table
  // properties.
  constexpr std::string_view line = " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8C8C8C\"/>";
  std::string borders = "<w:tblBorders>";
  for (std::string_view side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    borders.append("<w:").append(side).append(line);
  }
  borders += "</w:tblBorders>";
  if (!insert_before(styles, style, end, "<w:tblCellMar>", borders)) return {};
  const std::size_t header = styles.find("<w:tblStylePr w:type=\"firstRow\">", style);
  if (header == std::string::npos || header >= end) return {};
  if (!insert_before(styles, header, end, "<w:tblPr>", "<w:rPr><w:b/><w:bCs/></w:rPr>")) return {};
  return styles;
}

std::string reference_document(const std::string& properties, const std::string& styles) {
  std::vector<std::pair<std::string_view, std::string>> files;
  files.emplace_back("word/document.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                     "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
                         properties + "</w:body></w:document>\n");
  if (!styles.empty()) files.emplace_back("word/styles.xml", styles);
  return zip(files);
}

}  // namespace claimgraph::io::docx
