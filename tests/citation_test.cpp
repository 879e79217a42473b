// Structured citations: the values of Bates ranges, dates and URLs, the
// groups of the table of authorities, the one-line form, and what the case
// reader says about each bad value, at its place.

#include "claimgraph/citation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/io/json_reader.hpp"

namespace claimgraph {
namespace {

std::optional<BatesRange> bates(std::string_view text) {
  std::string why;
  auto r = parse_bates(text, why);
  EXPECT_EQ(r.has_value(), why.empty()) << text << ": " << why;
  return r;
}

std::string bates_why(std::string_view text) {
  std::string why;
  EXPECT_FALSE(parse_bates(text, why)) << text;
  return why;
}

TEST(CitationTest, BatesRangesInEveryWayTheyAreWritten) {
  EXPECT_EQ(bates("AWS000123"), (BatesRange{"AWS", 123, 123}));
  EXPECT_EQ(bates("AWS000123\u2013AWS000131"), (BatesRange{"AWS", 123, 131}));
  EXPECT_EQ(bates("AWS000123\u2014AWS000131"), (BatesRange{"AWS", 123, 131}));
  EXPECT_EQ(bates("AWS000123-AWS000131"), (BatesRange{"AWS", 123, 131}));
  EXPECT_EQ(bates("AWS000123-000131"), (BatesRange{"AWS", 123, 131}));
  EXPECT_EQ(bates("AWS000123 to AWS000131"), (BatesRange{"AWS", 123, 131}));
  EXPECT_EQ(bates("MSL000031\u201332"), (BatesRange{"MSL", 31, 32}));
  // A hyphen inside the prefix is part of it.
  EXPECT_EQ(bates("PAR-000123"), (BatesRange{"PAR-", 123, 123}));
  EXPECT_EQ(bates("PAR-000123-PAR-000131"), (BatesRange{"PAR-", 123, 131}));
  EXPECT_EQ(bates("ABC 0001-0010"), (BatesRange{"ABC ", 1, 10}));
  EXPECT_EQ(bates("0042"), (BatesRange{"", 42, 42}));
}

TEST(CitationTest, BadBatesRangesSayWhy) {
  EXPECT_EQ(bates_why("AWS000131\u2013AWS000123"), "runs backwards: AWS000131 comes after AWS000123");
  EXPECT_EQ(bates_why("AWS000123\u2013PX000131"),
            "mixes the prefixes \"AWS\" and \"PX\"; a range stays within one production");
  EXPECT_EQ(bates_why("AWS000123-PX000131"),
            "mixes the prefixes \"AWS\" and \"PX\"; a range stays within one production");
  EXPECT_EQ(bates_why(""), "is empty; expected a prefix and page digits such as \"AWS000123\", or a range such as "
                           "\"AWS000123\u2013AWS000131\"");
  EXPECT_NE(bates_why("AWS").find("has no page number"), std::string::npos);
  EXPECT_NE(bates_why("AWS000123-").find("has no page number"), std::string::npos);
  EXPECT_NE(bates_why("AWS\u2013AWS000131").find("is not a Bates range"), std::string::npos);
  // More digits than a page number can have.
  EXPECT_NE(bates_why("A1234567890123456789012").find("has no page number"), std::string::npos);
}

std::optional<CiteDate> date(std::string_view text) {
  std::string why;
  auto r = parse_date(text, why);
  EXPECT_EQ(r.has_value(), why.empty()) << text << ": " << why;
  return r;
}

std::string date_why(std::string_view text) {
  std::string why;
  EXPECT_FALSE(parse_date(text, why)) << text;
  return why;
}

TEST(CitationTest, DatesFullAndPartialSortByTheirStart) {
  EXPECT_EQ(date("1970"), (CiteDate{DatePrecision::year, 0}));
  EXPECT_EQ(date("1970-01"), (CiteDate{DatePrecision::month, 0}));
  EXPECT_EQ(date("1970-01-02"), (CiteDate{DatePrecision::day, 86400}));
  EXPECT_EQ(date("1970-01-01T01:00Z"), (CiteDate{DatePrecision::time, 3600}));
  EXPECT_EQ(date("1970-01-01T01:00"), (CiteDate{DatePrecision::time, 3600}));
  EXPECT_EQ(date("1970-01-01T01:00:30.25+01:00"), (CiteDate{DatePrecision::time, 30}));
  // 10 January, 23:59 in Seattle is 11 January, 07:59 UTC.
  EXPECT_EQ(date("2021-01-10T23:59-08:00")->start, date("2021-01-11T07:59Z")->start);
  EXPECT_LT(date("2021-01")->start, date("2021-01-02")->start);
  EXPECT_EQ(date("2021")->start, date("2021-01-01")->start);
  EXPECT_TRUE(date("2020-02-29"));
  EXPECT_TRUE(date("2016-12-31T23:59:60Z"));  // a leap second
  EXPECT_LT(date("1899-12-31")->start, 0);
}

TEST(CitationTest, BadDatesSayWhy) {
  EXPECT_EQ(date_why("2021-02-29"), "is not a date: February 2021 has 28 days");
  EXPECT_EQ(date_why("2021-04-31"), "is not a date: April 2021 has 30 days");
  EXPECT_EQ(date_why("2021-13"), "is not a date: month 13 is not between 01 and 12");
  EXPECT_EQ(date_why("2021-00-01"), "is not a date: month 0 is not between 01 and 12");
  EXPECT_EQ(date_why("2021-01-09T24:00"), "is not a time of day: hours run to 23, minutes to 59, seconds to 60");
  EXPECT_EQ(date_why("2021-01-09T10:00+24:00"),
            "has a time zone offset out of range; write it as ±hh:mm, such as -08:00");
  const std::string not_iso =
      "is not an ISO 8601 date; write YYYY-MM-DD (\"2021-01-09\"), YYYY-MM or YYYY for a partial date, or "
      "YYYY-MM-DDThh:mm[:ss][Z or ±hh:mm] for a time";
  for (std::string_view text : {"", "21", "January 2021", "9 Jan 2021", "2021-1-9", "2021/01/09", "2021-01-09 10:00",
                                "2021-01T10:00", "2021-01-09T10", "2021-01-09T10:00:", "2021-01-09T10:00:00.",
                                "2021-01-09T10:00+0100", "2021-01-09Z", " 2021", "2021 ", "+2021-01-01"}) {
    EXPECT_EQ(date_why(text), not_iso) << text;
  }
}

TEST(CitationTest, UrlsAReportMayLinkTo) {
  std::string why;
  for (std::string_view ok : {"https://example.org/a?b=c#d", "http://x", "HTTPS://X", "ftp://f/x", "file:///tmp/x.pdf",
                              "mailto:counsel@example.org"}) {
    EXPECT_TRUE(check_url(ok, why)) << ok << ": " << why;
  }
  for (std::string_view bad : {"javascript:alert(1)", "data:text/html,x", "example.org", "https:", "", "vbscript:x"}) {
    why.clear();
    EXPECT_FALSE(check_url(bad, why)) << bad;
    EXPECT_EQ(why, "is not a web or file address; a citation's url starts with http:, https:, ftp:, file: or mailto:");
  }
  why.clear();
  EXPECT_FALSE(check_url("https://example.org/a b", why));
  EXPECT_EQ(why, "contains a space or a control character; write spaces as %20");
  EXPECT_FALSE(check_url("https://example.org/\n", why));
}

TEST(CitationTest, AuthoritiesAreGroupedAsATableOfAuthoritiesGroupsThem) {
  EXPECT_EQ(classify_authority("Parler LLC v. Amazon Web Services, Inc., 514 F. Supp. 3d 1261 (W.D. Wash. 2021)"),
            AuthorityKind::case_law);
  EXPECT_EQ(classify_authority("In re Google Play Store Antitrust Litig., 21-md-02981 (N.D. Cal.)"),
            AuthorityKind::case_law);
  EXPECT_EQ(classify_authority("15 U.S.C. § 1"), AuthorityKind::statute);
  EXPECT_EQ(classify_authority("47 U.S.C. § 230(c)"), AuthorityKind::statute);
  EXPECT_EQ(classify_authority("Wash. Rev. Code § 19.86.020"), AuthorityKind::statute);
  EXPECT_EQ(classify_authority("Copyright Act of 1976"), AuthorityKind::statute);
  EXPECT_EQ(classify_authority("Fed. R. Civ. P. 65"), AuthorityKind::other);
  EXPECT_EQ(classify_authority("Restatement (Second) of Contracts"), AuthorityKind::other);
  EXPECT_EQ(heading(AuthorityKind::case_law), "Cases");
  EXPECT_EQ(heading(AuthorityKind::statute), "Statutes");
  EXPECT_EQ(heading(AuthorityKind::other), "Other authorities");
}

TEST(CitationTest, OneLineInTheOrderABriefCitesTheRecord) {
  Citation c;
  c.document = "Email from AWS to Parler";
  c.exhibit = "PX-12";
  c.pin = "at 2";
  c.bates = "AWS000123\u2013AWS000131";
  c.date = "2021-01-09";
  c.quote = "left out";
  c.url = "https://example.org";
  EXPECT_EQ(format_citation(c), "PX-12, Email from AWS to Parler, at 2, AWS000123\u2013AWS000131 (2021-01-09)");
  Citation a;
  a.authority = "15 U.S.C. § 1";
  EXPECT_EQ(format_citation(a), "15 U.S.C. § 1");
  Citation d;
  d.date = "2021";
  EXPECT_EQ(format_citation(d), "(2021)");
  EXPECT_EQ(format_citations({c, Citation{}, a}),
            "PX-12, Email from AWS to Parler, at 2, AWS000123\u2013AWS000131 (2021-01-09); 15 U.S.C. § 1");
  EXPECT_EQ(format_citations({}), "");
}

TEST(CitationTest, TheEarliestDatedCitationOfANode) {
  Node n;
  EXPECT_FALSE(earliest_dated(n));
  n.cite.resize(4);
  n.cite[0].document = "undated";
  n.cite[1].date = "2021-01-09";
  n.cite[2].date = "2021-01";  // starts on 1 January: earlier
  n.cite[3].date = "2021-01-01";  // the same start: the first stays
  EXPECT_EQ(earliest_dated(n), 2U);
}

// --- what the reader says --------------------------------------------------------

io::ReadOptions named() {
  io::ReadOptions o;
  o.file_name = "case.json";
  return o;
}

std::string first_error(const std::string& cite) {
  const std::string doc = "{\"claimgraph\": 1, \"nodes\": [\n"
                          "  {\"id\": \"e\", \"kind\": \"evidence\", \"label\": \"E\", \"cite\": " +
                          cite + "}\n]}";
  try {
    (void)io::read_json(doc, named());
  } catch (const InputError& e) {
    const std::string all = e.what();
    return all.substr(0, all.find('\n'));
  }
  return "";
}

TEST(CitationReaderTest, EachBadValueIsReportedAtItsPlace) {
  EXPECT_EQ(first_error(R"({"date": "2021-02-30", "document": "D"})"),
            "case.json:2:66: error: /nodes/0/cite/date: date \"2021-02-30\" is not a date: February 2021 has 28 days");
  EXPECT_EQ(first_error(R"([{"document": "D"}, {"bates": "AWS000131-AWS000123"}])"),
            "case.json:2:87: error: /nodes/0/cite/1/bates: Bates range \"AWS000131-AWS000123\" runs backwards: "
            "AWS000131 comes after AWS000123");
  EXPECT_EQ(first_error(R"j({"url": "javascript:alert(1)"})j"),
            "case.json:2:65: error: /nodes/0/cite/url: url \"javascript:alert(1)\" is not a web or file address; a "
            "citation's url starts with http:, https:, ftp:, file: or mailto:");
  EXPECT_EQ(first_error(R"({"document": "D", "pin": " "})"),
            "case.json:2:82: error: /nodes/0/cite/pin: pin cite \" \" must not be blank");
  EXPECT_EQ(first_error(R"({"quote": "the words"})"),
            "case.json:2:57: error: /nodes/0/cite: a citation must say what it cites: give its \"document\", "
            "\"exhibit\", \"bates\", \"authority\" or \"url\"");
  EXPECT_EQ(first_error(R"(["PX-12"])"),
            "case.json:2:58: error: /nodes/0/cite/0: expected a citation object such as {\"exhibit\": \"PX-12\", "
            "\"pin\": \"at 4\"}, got a string");
  EXPECT_EQ(first_error(R"("PX-12")"),
            "case.json:2:57: error: /nodes/0/cite: expected a citation object such as {\"exhibit\": \"PX-12\", "
            "\"pin\": \"at 4\"}, or an array of them, got a string");
  // A wrong type is reported once, not again as citing nothing.
  EXPECT_EQ(first_error(R"({"exhibit": 12})"),
            "case.json:2:69: error: /nodes/0/cite/exhibit: expected a string, got a number");
}

TEST(CitationReaderTest, EveryErrorOfACitationListIsReported) {
  const std::string doc = R"({"claimgraph": 1, "nodes": [
  {"id": "e", "kind": "evidence", "label": "E", "cite": [{"date": "2021-13", "document": "D"}, {}, {"bates": ""}]}
]})";
  try {
    (void)io::read_json(doc, named());
    FAIL() << "read without an error";
  } catch (const InputError& e) {
    std::string all;
    for (const auto& d : e.diagnostics()) all += d.format() + "\n";
    EXPECT_NE(all.find("/nodes/0/cite/0/date: date \"2021-13\" is not a date: month 13"), std::string::npos) << all;
    EXPECT_NE(all.find("/nodes/0/cite/1: a citation must say what it cites"), std::string::npos) << all;
    EXPECT_NE(all.find("/nodes/0/cite/2/bates: Bates range \"\" is empty"), std::string::npos) << all;
  }
}

TEST(CitationReaderTest, GoodCitationsAreKeptAsWritten) {
  const std::string doc = R"({"claimgraph": 1, "nodes": [
  {"id": "e", "kind": "evidence", "label": "E", "cite": [
    {"document": "Complaint", "exhibit": "PX-1", "bates": "AWS000123–000131", "pin": "¶ 3", "date": "2021-01",
     "quote": "\"quoted\" <b>", "authority": "15 U.S.C. § 1", "url": "https://example.org/x", "mine": [1, 2]},
    {"exhibit": "PX-2"}]}
]})";
  const auto r = io::read_json(doc, named());
  const auto& cites = r.graph.node(0).cite;
  ASSERT_EQ(cites.size(), 2U);
  EXPECT_EQ(cites[0].bates, "AWS000123–000131");
  EXPECT_EQ(cites[0].date, "2021-01");
  EXPECT_EQ(cites[0].quote, "\"quoted\" <b>");
  ASSERT_EQ(cites[0].extra.size(), 1U);
  EXPECT_EQ(cites[0].extra[0].key, "mine");
  EXPECT_EQ(cites[1].exhibit, "PX-2");
  ASSERT_EQ(r.warnings.size(), 1U);
  EXPECT_NE(r.warnings[0].format().find("/nodes/0/cite/0/mine: unknown field \"mine\" (kept on export)"),
            std::string::npos);
}

}  // namespace
}  // namespace claimgraph
