// The creation date of a PDF (detail/pdf_date.hpp): set in the bytes cairo
// wrote, with the cross-reference table moved to match, for Graphviz's PDF
// and the exhibit's.

#include "detail/pdf_date.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>

#include "claimgraph/builder.hpp"
#include "claimgraph/io/diagram.hpp"
#include "claimgraph/io/exhibit.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

Graph small_case() {
  GraphBuilder b;
  b.claim("c1", "The tenant paid the deposit");
  b.evidence("e1", "Exhibit A, the signed lease").source("Lease (PX-1)");
  b.supports("e1", "c1");
  return std::move(b).build();
}

// Every object the cross-reference table lists is where it says: "N 0 obj"
// at its offset; and startxref points at the table.
void expect_valid_xref(const std::string& pdf) {
  const auto startxref = pdf.rfind("startxref");
  ASSERT_NE(startxref, std::string::npos);
  const std::size_t xref = std::stoul(pdf.substr(startxref + 9));
  ASSERT_EQ(pdf.compare(xref, 4, "xref"), 0) << "startxref points at " << pdf.substr(xref, 20);
  std::size_t at = pdf.find('\n', xref) + 1;
  const std::size_t first = std::stoul(pdf.substr(at));
  const std::size_t count = std::stoul(pdf.substr(pdf.find(' ', at) + 1));
  at = pdf.find('\n', at) + 1;
  std::size_t objects = 0;
  for (std::size_t i = 0; i < count; ++i, at += 20) {
    if (pdf[at + 17] != 'n') continue;
    const std::size_t offset = std::stoul(pdf.substr(at, 10));
    const std::string object = std::to_string(first + i) + " 0 obj";
    EXPECT_EQ(pdf.compare(offset, object.size(), object), 0) << "object " << first + i << " is not at " << offset;
    ++objects;
  }
  EXPECT_GT(objects, 3U);
}

// What pdfinfo (poppler) makes of it, where it is installed: the date, and no complaint.
void expect_pdfinfo_reads(const std::string& pdf, const std::string& date) {
  if (!std::filesystem::exists("/usr/bin/pdfinfo")) return;
  const test::TempDir dir;
  test::write_text(dir / "x.pdf", pdf);
  const auto info = test::run({"/usr/bin/pdfinfo", "-isodates", (dir / "x.pdf").string()});
  EXPECT_EQ(info.status, 0) << info.err;
  EXPECT_EQ(info.err, "") << "pdfinfo found the file damaged";
  EXPECT_NE(info.out.find(date), std::string::npos) << info.out;
}

TEST(PdfDateTest, GraphvizsPdfCarriesTheDateGivenAndStaysValid) {
  io::DrawOptions options;
  options.format = io::RenderFormat::pdf;
  options.pdf_date = 1'000'000'000;
  const std::string first = io::draw(small_case(), options);
  EXPECT_NE(first.find("/CreationDate (D:20010909014640Z)"), std::string::npos);
  expect_valid_xref(first);
  expect_pdfinfo_reads(first, "2001-09-09T01:46:40");
  // A second later, the same bytes.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_TRUE(io::draw(small_case(), options) == first) << "the PDF changed with the clock";
  // Without a date, it is the clock's, and the file is as valid.
  options.pdf_date.reset();
  const std::string dated = io::draw(small_case(), options);
  EXPECT_EQ(dated.find("D:20010909014640Z"), std::string::npos);
  expect_valid_xref(dated);
}

TEST(PdfDateTest, TheExhibitsPdfCarriesTheDateGiven) {
  io::ExhibitOptions options;
  options.draw.format = io::RenderFormat::pdf;
  options.draw.pdf_date = 0;
  const auto drawn = io::draw_exhibit(small_case(), options);
  EXPECT_NE(drawn.document.find("/CreationDate (D:19700101000000Z)"), std::string::npos);
  expect_valid_xref(drawn.document);
  expect_pdfinfo_reads(drawn.document, "1970-01-01T00:00:00");
}

TEST(PdfDateTest, WhatItCannotReadItLeavesAlone) {
  const std::string pdf = io::draw(small_case(), [] {
    io::DrawOptions o;
    o.format = io::RenderFormat::pdf;
    return o;
  }());
  for (const std::string& broken :
       {std::string("%PDF-1.5\nno date here\n"), pdf.substr(0, pdf.size() / 2),
        std::regex_replace(pdf, std::regex("startxref\n[0-9]+"), "startxref\n12"),
        std::regex_replace(pdf, std::regex("startxref\n[0-9]+"), "startxref\n99999999999"),
        std::regex_replace(pdf, std::regex(" 00000 n "), " 00000 x")}) {
    std::string copy = broken;
    EXPECT_FALSE(detail::set_pdf_creation_date(copy, 0));
    EXPECT_TRUE(copy == broken) << "changed a PDF it could not read";
  }
  std::string copy = pdf;
  EXPECT_FALSE(detail::set_pdf_creation_date(copy, 253402300800)) << "year 10000";
  EXPECT_FALSE(detail::set_pdf_creation_date(copy, -62167219201)) << "before year 0";
  EXPECT_TRUE(copy == pdf);
}

}  // namespace
}  // namespace claimgraph
