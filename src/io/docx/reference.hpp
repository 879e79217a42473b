#pragma once
// The page setup of a Word document, in WordprocessingML. pandoc writes
// every section of a document with the page setup of the last section of
// its reference document, and takes all else (styles, numbering) from its
// own default when the reference document lacks it; so a reference
// document of one part, word/document.xml holding the section properties,
// sets the paper and margins (and word/styles.xml, when it holds it, the
// styles). A section that ends earlier (the report, before
// the diagram pages) is a paragraph of its own holding its properties.

#include <string>

#include "claimgraph/io/exhibit.hpp"

namespace claimgraph::io::docx {

/// <w:sectPr> for `page` (its paper, turned when landscape) with `margin`
/// points on every side.
[[nodiscard]] std::string section_properties(const PageSetup& page, double margin);

/// A paragraph that ends a section laid out as `properties` says; what
/// follows begins on a new page.
[[nodiscard]] std::string section_break(const std::string& properties);

/// pandoc's own styles (word/styles.xml) with its table style given thin
/// grey borders around and between the cells, and a bold header row, as
/// the tables of a brief have: pandoc's own have a rule under the header
/// alone. Empty when the styles do not hold the table style as pandoc 2
/// writes it (then pandoc's are used as they are).
[[nodiscard]] std::string bordered_tables(std::string styles);

/// A reference document (a .docx file's bytes): word/document.xml, which
/// ends with the section `properties`, and `styles` as word/styles.xml
/// unless empty.
[[nodiscard]] std::string reference_document(const std::string& properties, const std::string& styles);

}  // namespace claimgraph::io::docx
