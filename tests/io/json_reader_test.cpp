// The reader's diagnostics are checked whole: file, line, column (1-based,
// counted in code points), JSON pointer and message, exactly as a user sees
// them. Each case was read by a person first: the location must point at the
// offending token and the message must say what is wrong and what would be
// right.

#include "claimgraph/io/json_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/io/case_fields.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

using Lines = std::vector<std::string>;
using namespace std::string_literals;

class JsonReaderTest : public ::testing::Test {
 protected:
  ReadOptions options() const {
    ReadOptions o;
    o.file_name = "case.json";
    return o;
  }

  // Every diagnostic of an input that must be rejected, formatted.
  template <class E = InputError>
  Lines diagnostics(std::string_view text, const ReadOptions* custom = nullptr) {
    try {
      (void)read_json(text, custom != nullptr ? *custom : options());
    } catch (const E& e) {
      Lines out;
      for (const auto& d : e.diagnostics()) out.push_back(d.format());
      // The exception's own text is the first error.
      for (const auto& d : e.diagnostics()) {
        if (d.severity == Severity::error) {
          EXPECT_EQ(std::string(e.what()), d.format());
          break;
        }
      }
      return out;
    } catch (const InputError& e) {
      ADD_FAILURE() << "wrong kind of InputError: " << e.what();
      return {};
    }
    ADD_FAILURE() << "the input was accepted:\n" << text;
    return {};
  }

  // The warnings of an input that must be accepted, formatted.
  Lines warnings(std::string_view text) {
    try {
      ReadResult r = read_json(text, options());
      Lines out;
      for (const auto& d : r.warnings) out.push_back(d.format());
      return out;
    } catch (const InputError& e) {
      std::string all;
      for (const auto& d : e.diagnostics()) all += d.format() + "\n";
      ADD_FAILURE() << "the input was rejected:\n" << all;
      return {};
    }
  }
};

constexpr std::string_view minimal = R"({"claimgraph": 1, "nodes": [], "edges": []})";

// --- well-formed input ---------------------------------------------------

TEST_F(JsonReaderTest, ReadsEveryField) {
  const ReadResult r = read_json(R"j({
  "claimgraph": 1,
  "title": "Parler LLC v. Amazon Web Services, Inc.",
  "description": "A dispute",
  "nodes": [
    {"id": "sherman", "kind": "claim", "label": "AWS and Twitter conspired (Sherman Act § 1)",
     "party": "Parler", "group": "Sherman Act § 1", "source": "Compl. ¶¶ 1–3", "text": "longer text",
     "tags": ["a", "b"]},
    {"id": "no", "kind": "counterclaim", "label": "No conspiracy"},
    {"id": "deal", "kind": "evidence", "label": "AWS–Twitter deal", "source": "Compl. ¶ 1"}
  ],
  "edges": [
    {"from": "deal", "to": "sherman", "relation": "supports"},
    {"from": "no", "to": "sherman", "relation": "contradicts"},
    {"from": "deal", "to": "no", "relation": "element-of"}
  ]
})j",
                                 options());
  EXPECT_TRUE(r.warnings.empty());
  const Graph& g = r.graph;
  EXPECT_EQ(g.title, "Parler LLC v. Amazon Web Services, Inc.");
  EXPECT_EQ(g.description, "A dispute");
  ASSERT_EQ(g.node_count(), 3u);
  const Node& s = g.node(*g.find("sherman"));
  EXPECT_EQ(s.kind, NodeKind::claim);
  EXPECT_EQ(s.label, "AWS and Twitter conspired (Sherman Act § 1)");
  EXPECT_EQ(s.party, "Parler");
  EXPECT_EQ(s.group, "Sherman Act § 1");
  EXPECT_EQ(s.source, "Compl. ¶¶ 1–3");
  EXPECT_EQ(s.text, "longer text");
  EXPECT_EQ(s.tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(g.node(*g.find("no")).kind, NodeKind::counterclaim);
  const Node& d = g.node(*g.find("deal"));
  EXPECT_EQ(d.kind, NodeKind::evidence);
  EXPECT_FALSE(d.party.has_value());
  EXPECT_FALSE(d.tags.has_value());
  ASSERT_EQ(g.edge_count(), 3u);
  const auto e = g.edges();
  EXPECT_EQ(g.node(g.source(e[0])).id, "deal");
  EXPECT_EQ(g.node(g.target(e[0])).id, "sherman");
  EXPECT_EQ(g.edge(e[0]).relation, Relation::supports);
  EXPECT_EQ(g.edge(e[1]).relation, Relation::contradicts);
  EXPECT_EQ(g.edge(e[2]).relation, Relation::element_of);
}

TEST_F(JsonReaderTest, FieldsInAnyOrderAndEdgesBeforeTheirNodes) {
  const ReadResult r = read_json(
      R"({"edges": [{"relation": "supports", "to": "c", "from": "e"}],
          "nodes": [{"label": "C", "kind": "claim", "id": "c"}, {"kind": "evidence", "id": "e", "label": "E"}],
          "claimgraph": 1})",
      options());
  ASSERT_EQ(r.graph.edge_count(), 1u);
  EXPECT_EQ(r.graph.node(r.graph.source(r.graph.edges()[0])).id, "e");
  EXPECT_EQ(r.graph.node(r.graph.target(r.graph.edges()[0])).id, "c");
}

TEST(JsonReaderPlacesTest, KeepsWhereEveryNodeAndEdgeStarts) {
  // Columns count characters ("é" is one), lines start at 1; a byte order
  // mark is not counted.
  const std::string text = "\xEF\xBB\xBF{\"claimgraph\": 1, \"title\": \"é\", \"nodes\": [\n"
                           "  {\"id\": \"c\", \"kind\": \"claim\", \"label\": \"C\"},\n"
                           "    {\"id\": \"e\", \"kind\": \"evidence\", \"label\": \"E\"}],\n"
                           "\"edges\": [{\"id\": \"s\", \"from\": \"e\", \"to\": \"c\", \"relation\": \"supports\"}, "
                           "{\"from\": \"e\", \"to\": \"s\", \"relation\": \"undercuts\"}]}";
  const ReadResult r = read_json(text);
  ASSERT_EQ(r.places.nodes.size(), 2u);
  EXPECT_EQ(r.places.nodes[0].line, 2u);
  EXPECT_EQ(r.places.nodes[0].column, 3u);
  EXPECT_EQ(r.places.nodes[1].line, 3u);
  EXPECT_EQ(r.places.nodes[1].column, 5u);
  ASSERT_EQ(r.places.edges.size(), 2u);
  EXPECT_EQ(r.places.edges[0].line, 4u);
  EXPECT_EQ(r.places.edges[0].column, 11u);
  EXPECT_EQ(r.places.edges[1].line, 4u);
  EXPECT_EQ(r.places.edges[1].column, 72u);
  EXPECT_EQ(r.places.edge_id_written, (std::vector<bool>{true, false}));
  EXPECT_EQ(r.places.node_pointer(1), "/nodes/1");
  EXPECT_EQ(r.places.edge_pointer(0), "/edges/0");
  EXPECT_EQ(SourceMap{}.node_pointer(1), "");
}

TEST_F(JsonReaderTest, ReadsFromAStream) {
  std::istringstream in(std::string{minimal});
  const ReadResult r = read_json(in, options());
  EXPECT_EQ(r.graph.node_count(), 0u);
}

TEST_F(JsonReaderTest, AcceptsAUtf8ByteOrderMark) {
  const ReadResult r = read_json("\xEF\xBB\xBF" + std::string(minimal), options());
  EXPECT_EQ(r.graph.node_count(), 0u);
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(JsonReaderTest, ColumnsAfterAByteOrderMarkDoNotCountIt) {
  EXPECT_EQ(diagnostics<ParseError>("\xEF\xBB\xBF{\"claimgraph\": 1, \"nodes\": [], \"edges\": [],}"),
            (Lines{"case.json:1:43: error: malformed JSON: trailing comma before '}' is not allowed in JSON; remove it"}));
}

TEST_F(JsonReaderTest, EscapedUnicodeIsDecoded) {
  const ReadResult r = read_json(
      R"({"claimgraph": 1, "nodes": [{"id": "c", "kind": "claim", "label": "\u00a7 \ud83d\ude00 \"q\" \\"}], "edges": []})",
      options());
  EXPECT_EQ(r.graph.node(0).label, "§ 😀 \"q\" \\");
}

// --- malformed JSON --------------------------------------------------------

TEST_F(JsonReaderTest, TrailingCommaInAnObject) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [],
  "edges": [],
})"),
            (Lines{"case.json:4:14: error: malformed JSON: trailing comma before '}' is not allowed in JSON; remove it"}));
}

TEST_F(JsonReaderTest, TrailingCommaInAnArray) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A"},
  ],
  "edges": []
})"),
            (Lines{"case.json:4:47: error: malformed JSON: trailing comma before ']' is not allowed in JSON; remove it"}));
}

TEST_F(JsonReaderTest, TruncatedInput) {
  const Lines truncated{"case.json:4:47: error: malformed JSON: unexpected end of input: the file is truncated or a "
                        "bracket is not closed"};
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A"})"),
            truncated);
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "nodes": [], "edges": [])"),
            (Lines{"case.json:1:43: error: malformed JSON: unexpected end of input: the file is truncated or a bracket "
                   "is not closed"}));
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "title": )"),
            (Lines{"case.json:1:28: error: malformed JSON: unexpected end of input: the file is truncated or a bracket "
                   "is not closed"}));
  // In the middle of a string: placed at the string's opening quote.
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "title": "abc)"),
            (Lines{"case.json:1:28: error: malformed JSON: unexpected end of input: a string is not closed"}));
}

TEST_F(JsonReaderTest, TrailingGarbageAfterTheDocument) {
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "nodes": [], "edges": []} x)"),
            (Lines{"case.json:1:45: error: malformed JSON: unexpected text after the end of the JSON document"}));
  EXPECT_EQ(diagnostics<ParseError>("{\"claimgraph\": 1, \"nodes\": [], \"edges\": []}\n\n  {}\n"),
            (Lines{"case.json:3:3: error: malformed JSON: unexpected text after the end of the JSON document"}));
}

TEST_F(JsonReaderTest, InvalidUtf8InAString) {
  EXPECT_EQ(diagnostics<ParseError>("{\"claimgraph\": 1, \"title\": \"ab\xFF" "c\", \"nodes\": [], \"edges\": []}"),
            (Lines{"case.json:1:31: error: malformed JSON: invalid UTF-8 byte 0xFF in a string; case files must be "
                   "encoded as UTF-8"}));
  // Columns count code points: "é" before the bad byte is one column.
  EXPECT_EQ(diagnostics<ParseError>("{\"claimgraph\": 1, \"title\": \"\xC3\xA9\xC3" "c\", \"nodes\": [], \"edges\": []}"),
            (Lines{"case.json:1:30: error: malformed JSON: invalid UTF-8 byte 0xC3 in a string; case files must be "
                   "encoded as UTF-8"}));
}

TEST_F(JsonReaderTest, InvalidUtf8SequencesArePlacedAtTheirLeadByte) {
  const std::string head = "{\"claimgraph\": 1, \"title\": \"";  // the string's text starts at column 29
  const std::string tail = "\", \"nodes\": [], \"edges\": []}";
  const std::string message = ": error: malformed JSON: invalid UTF-8 byte ";
  const std::string rest = " in a string; case files must be encoded as UTF-8";
  EXPECT_EQ(diagnostics<ParseError>(head + "\xE2\x82x" + tail), (Lines{"case.json:1:29" + message + "0xE2" + rest}));
  EXPECT_EQ(diagnostics<ParseError>(head + "\xE0\x80\x80" + tail), (Lines{"case.json:1:29" + message + "0xE0" + rest}));
  EXPECT_EQ(diagnostics<ParseError>(head + "\xC3\xA9\x80" + tail), (Lines{"case.json:1:30" + message + "0x80" + rest}));
  EXPECT_EQ(diagnostics<ParseError>(head + "\xF0\x9F\x98" + tail), (Lines{"case.json:1:29" + message + "0xF0" + rest}));
  EXPECT_EQ(diagnostics<ParseError>(head + "\xED\xA0\x80" + tail), (Lines{"case.json:1:29" + message + "0xED" + rest}));
  // In a member name.
  EXPECT_EQ(diagnostics<ParseError>("{\"claimgraph\": 1, \"ti\xFFtle\": \"x\", \"nodes\": [], \"edges\": []}"),
            (Lines{"case.json:1:22" + message + "0xFF" + rest}));
}

TEST_F(JsonReaderTest, ColumnsCountCodePoints) {
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "title": "§¶—😀", "nodes": [], "edges": [],})"),
            (Lines{"case.json:1:60: error: malformed JSON: trailing comma before '}' is not allowed in JSON; remove it"}));
}

TEST_F(JsonReaderTest, EmptyFile) {
  EXPECT_EQ(diagnostics<ParseError>(""),
            (Lines{"case.json:1:1: error: the file is empty; a case file is a JSON object such as {\"claimgraph\": 1, "
                   "\"nodes\": [], \"edges\": []}"}));
}

TEST_F(JsonReaderTest, WhitespaceOnlyFile) {
  EXPECT_EQ(diagnostics<ParseError>(" \n\t\r\n  \n"),
            (Lines{"case.json:1:1: error: the file is empty; a case file is a JSON object such as {\"claimgraph\": 1, "
                   "\"nodes\": [], \"edges\": []}"}));
}

TEST_F(JsonReaderTest, Comments) {
  // Wherever the comment stands: where a member, a value or a ',' belongs.
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1, // the version
  "nodes": [],
  "edges": []
})"),
            (Lines{"case.json:2:20: error: malformed JSON: comments are not allowed in JSON"}));
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": /* v1 */ 1, "nodes": [], "edges": []})"),
            (Lines{"case.json:1:16: error: malformed JSON: comments are not allowed in JSON"}));
  EXPECT_EQ(diagnostics<ParseError>("{\"claimgraph\": 1 // v1\n, \"nodes\": [], \"edges\": []}"),
            (Lines{"case.json:1:18: error: malformed JSON: comments are not allowed in JSON"}));
  EXPECT_EQ(diagnostics<ParseError>("/* case */ {\"claimgraph\": 1, \"nodes\": [], \"edges\": []}"),
            (Lines{"case.json:1:1: error: malformed JSON: comments are not allowed in JSON"}));
  EXPECT_EQ(diagnostics<ParseError>("{\"claimgraph\": 1, \"nodes\": [], \"edges\": []}\n// end\n"),
            (Lines{"case.json:2:1: error: malformed JSON: comments are not allowed in JSON"}));
}

TEST_F(JsonReaderTest, SingleQuotes) {
  EXPECT_EQ(diagnostics<ParseError>(R"({'claimgraph': 1, "nodes": [], "edges": []})"),
            (Lines{"case.json:1:2: error: malformed JSON: strings in JSON are written in double quotes, not single "
                   "quotes"}));
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "title": 'x', "nodes": [], "edges": []})"),
            (Lines{"case.json:1:28: error: malformed JSON: strings in JSON are written in double quotes, not single "
                   "quotes"}));
}

TEST_F(JsonReaderTest, MissingComma) {
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "nodes": [] "edges": []})"),
            (Lines{"case.json:1:31: error: malformed JSON: expected ',' or '}' after an object member, found '\"'"}));
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A"}
    {"id": "b", "kind": "claim", "label": "B"}
  ],
  "edges": []
})"),
            (Lines{"case.json:5:5: error: malformed JSON: expected ',' or ']' after an array element, found '{'"}));
}

TEST_F(JsonReaderTest, SyntaxErrorsPointAtTheOffendingCharacter) {
  const std::string prefix = R"({"claimgraph": 1, "nodes": [], "edges": [], "a": )";  // values start at column 50
  const std::string warning = "case.json:1:45: warning: /a: unknown field \"a\" (kept on export)";
  const std::string malformed = "case.json:1:";
  EXPECT_EQ(diagnostics<ParseError>(prefix + "[1 22]}"),
            (Lines{warning, malformed + "53: error: malformed JSON: expected ',' or ']' after an array element, found '2'"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "[true false]}"),
            (Lines{warning, malformed + "56: error: malformed JSON: expected ',' or ']' after an array element, found 'f'"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + R"([1"x\"y"]})"),
            (Lines{warning, malformed + "52: error: malformed JSON: expected ',' or ']' after an array element, found '\"'"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "1]"),
            (Lines{warning, malformed + "51: error: malformed JSON: expected ',' or '}' after an object member, found ']'"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "{1: 2}}"),
            (Lines{warning, malformed + "51: error: malformed JSON: expected a member name in double quotes, found '1'"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "[1,,2]}"),
            (Lines{warning, malformed + "53: error: malformed JSON: expected a value, found ','"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "}"),
            (Lines{warning, malformed + "50: error: malformed JSON: expected a value, found '}'"}));
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph" 1, "nodes": [], "edges": []})"),
            (Lines{"case.json:1:15: error: malformed JSON: expected ':' after the member name, found '1'"}));
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "nodes": [], "edges": []}})"),
            (Lines{"case.json:1:44: error: malformed JSON: unexpected text after the end of the JSON document"}));
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "nodes": [], "edges": []} "tail")"),
            (Lines{"case.json:1:45: error: malformed JSON: unexpected text after the end of the JSON document"}));
}

TEST_F(JsonReaderTest, BadLiteralsAndNumbers) {
  const std::string prefix = R"({"claimgraph": 1, "nodes": [], "edges": [], "a": )";  // values start at column 50
  const std::string warning = "case.json:1:45: warning: /a: unknown field \"a\" (kept on export)";
  const std::string at50 = "case.json:1:50: error: malformed JSON: ";
  EXPECT_EQ(diagnostics<ParseError>(prefix + "tru}"), (Lines{warning, at50 + "invalid literal 'tru'; did you mean 'true'?"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "NaN}"),
            (Lines{warning, at50 + "NaN is not a JSON number; JSON has no NaN or infinite values"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "Infinity}"),
            (Lines{warning, at50 + "Infinity is not a JSON number; JSON has no NaN or infinite values"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "01}"),
            (Lines{warning, at50 + "invalid number: leading zeros are not allowed in JSON"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "1.}"),
            (Lines{warning, at50 + "invalid number: a digit must follow the decimal point"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "-}"), (Lines{warning, at50 + "invalid number: a digit must follow '-'"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "1e}"),
            (Lines{warning, at50 + "invalid number: a digit must follow the exponent"}));
  EXPECT_EQ(diagnostics<ParseError>(prefix + "+1}"), (Lines{warning, at50 + "expected a value, found '+'"}));
}

TEST_F(JsonReaderTest, BadEscapesAndControlCharacters) {
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "title": "a\qb", "nodes": [], "edges": []})"),
            (Lines{"case.json:1:30: error: malformed JSON: invalid escape sequence '\\q' in a string; a backslash itself "
                   "is written \\\\"}));
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "title": "\ud800", "nodes": [], "edges": []})"),
            (Lines{"case.json:1:29: error: malformed JSON: invalid \\u escape: high surrogate U+D800 must be followed by "
                   "a low surrogate \\uDC00..\\uDFFF"}));
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "title": "x\u12", "nodes": [], "edges": []})"),
            (Lines{"case.json:1:30: error: malformed JSON: invalid \\u escape: four hexadecimal digits must follow \\u"}));
  EXPECT_EQ(diagnostics<ParseError>("{\"claimgraph\": 1, \"title\": \"tab\there\", \"nodes\": [], \"edges\": []}"),
            (Lines{"case.json:1:32: error: malformed JSON: control character tab U+0009 must be escaped in a JSON string "
                   "(e.g. \\n, \\t or \\u0009)"}));
  EXPECT_EQ(diagnostics<ParseError>("{\"claimgraph\": 1, \"title\": \"two\nlines\", \"nodes\": [], \"edges\": []}"),
            (Lines{"case.json:1:32: error: malformed JSON: control character newline U+000A must be escaped in a JSON "
                   "string (e.g. \\n, \\t or \\u000A)"}));
}

TEST_F(JsonReaderTest, Utf16IsRejected) {
  const std::string utf16le = "\xFF\xFE{\0\"\0c\0\"\0:\0 \0" "1\0}\0"s;
  EXPECT_EQ(diagnostics<ParseError>(utf16le),
            (Lines{"case.json:1:1: error: the file looks like UTF-16 or UTF-32; case files must be encoded as UTF-8"}));
  const std::string utf16be_without_bom = "\0{\0\"\0c\0\"\0:\0 \0" "1\0}"s;
  EXPECT_EQ(diagnostics<ParseError>(utf16be_without_bom),
            (Lines{"case.json:1:1: error: the file looks like UTF-16 or UTF-32; case files must be encoded as UTF-8"}));
}

TEST_F(JsonReaderTest, EscapedNulInAStringIsRejected) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A\u0000B"}
  ],
  "edges": []
})"),
            (Lines{"case.json:4:43: error: /nodes/0/label: string contains a NUL character (\\u0000), which is not "
                   "allowed"}));
}

TEST_F(JsonReaderTest, RawNulByteIsRejected) {
  const std::string text = "{\"claimgraph\": 1, \"title\": \"x\0y\", \"nodes\": [], \"edges\": []}"s;
  EXPECT_EQ(diagnostics<ParseError>(text),
            (Lines{"case.json:1:30: error: malformed JSON: control character NUL U+0000 must be escaped in a JSON string "
                   "(e.g. \\n, \\t or \\u0000)"}));
}

TEST_F(JsonReaderTest, RootMustBeAnObject) {
  const std::string want =
      "case.json:1:1: error: a case file is a JSON object such as {\"claimgraph\": 1, \"nodes\": [], \"edges\": []}; "
      "got ";
  EXPECT_EQ(diagnostics<ParseError>("[]"), (Lines{want + "an array"}));
  EXPECT_EQ(diagnostics<ParseError>("\"case\""), (Lines{want + "a string"}));
  EXPECT_EQ(diagnostics<ParseError>("null"), (Lines{want + "null"}));
  EXPECT_EQ(diagnostics<ParseError>("42"), (Lines{want + "a number"}));
}

// --- nesting depth ---------------------------------------------------------

TEST_F(JsonReaderTest, AbsurdNestingIsAnErrorNotACrash) {
  // 100000 nested arrays inside an unknown field: the reader must stop at its
  // depth limit (64 levels: the object and 63 arrays) instead of recursing.
  const std::string prefix = R"({"claimgraph": 1, "x": )";
  const std::string text = prefix + std::string(100000, '[') + std::string(100000, ']') + R"(, "nodes": [], "edges": []})";
  EXPECT_EQ(diagnostics<ParseError>(text),
            (Lines{"case.json:1:19: warning: /x: unknown field \"x\" (kept on export)",
                   "case.json:1:87: error: nesting deeper than 64 levels"}));
  // Unclosed, and as the whole document.
  EXPECT_EQ(diagnostics<ParseError>(std::string(100000, '[')),
            (Lines{"case.json:1:1: error: a case file is a JSON object such as {\"claimgraph\": 1, \"nodes\": [], "
                   "\"edges\": []}; got an array",
                   "case.json:1:65: error: nesting deeper than 64 levels"}));
  std::string objects = R"({"claimgraph": 1, "nodes": [], "edges": [], "x": )";
  for (int i = 0; i < 50000; ++i) objects += R"({"a": )";
  EXPECT_EQ(diagnostics<ParseError>(objects).back(),
            "case.json:1:428: error: nesting deeper than 64 levels");
}

TEST_F(JsonReaderTest, DepthLimitCanBeRaised) {
  std::string text = R"({"claimgraph": 1, "nodes": [], "edges": [], "x": )";
  text += std::string(100, '[') + std::string(100, ']') + "}";
  ReadOptions o = options();
  o.limits.max_depth = 101;
  ReadResult r = read_json(text, o);
  ASSERT_EQ(r.graph.extra.size(), 1u);
  EXPECT_EQ(r.graph.extra[0].json, std::string(100, '[') + std::string(100, ']'));
  o.limits.max_depth = 100;
  EXPECT_EQ(diagnostics<ParseError>(text, &o).back(),
            "case.json:1:149: error: nesting deeper than 100 levels");
}

// --- wrong types -----------------------------------------------------------

TEST_F(JsonReaderTest, NodesNotAnArray) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": {"id": "a"},
  "edges": []
})"),
            (Lines{"case.json:3:12: error: /nodes: expected an array of nodes, got an object"}));
}

TEST_F(JsonReaderTest, LabelANumber) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": 5}
  ],
  "edges": []
})"),
            (Lines{"case.json:4:43: error: /nodes/0/label: expected a string, got a number"}));
}

TEST_F(JsonReaderTest, TagsNotStrings) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A", "tags": ["ok", 3, null, ["x"]]},
    {"id": "b", "kind": "claim", "label": "B", "tags": "one"}
  ],
  "edges": []
})"),
            (Lines{"case.json:4:63: error: /nodes/0/tags/1: expected a string, got a number",
                   "case.json:4:66: error: /nodes/0/tags/2: expected a string, got null",
                   "case.json:4:72: error: /nodes/0/tags/3: expected a string, got an array",
                   "case.json:5:56: error: /nodes/1/tags: expected an array of strings, got a string"}));
}

TEST_F(JsonReaderTest, WrongTypesEverywhere) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "title": ["not", "a", "string"],
  "nodes": [
    "c1",
    {"id": 7, "kind": "claim", "label": "A"}
  ],
  "edges": {"from": "a"}
})"),
            (Lines{"case.json:3:12: error: /title: expected a string, got an array",
                   "case.json:5:5: error: /nodes/0: expected a node object such as {\"id\": \"c1\", \"kind\": \"claim\", "
                   "\"label\": \"...\"}, got a string",
                   "case.json:6:12: error: /nodes/1/id: expected a string, got a number",
                   "case.json:8:12: error: /edges: expected an array of edges, got an object"}));
}

// --- missing required fields -------------------------------------------------

TEST_F(JsonReaderTest, NodeMissingIdKindLabel) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"kind": "claim", "label": "A"},
    {"id": "b", "label": "B"},
    {"id": "c", "kind": "claim"}
  ],
  "edges": []
})"),
            (Lines{"case.json:4:5: error: /nodes/0: node is missing the required field \"id\"",
                   "case.json:5:5: error: /nodes/1: node is missing the required field \"kind\"",
                   "case.json:6:5: error: /nodes/2: node is missing the required field \"label\""}));
}

TEST_F(JsonReaderTest, EdgeMissingFromToRelation) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A"},
    {"id": "b", "kind": "evidence", "label": "B"}
  ],
  "edges": [
    {"to": "a", "relation": "supports"},
    {"from": "b", "relation": "supports"},
    {"from": "b", "to": "a"}
  ]
})"),
            (Lines{"case.json:8:5: error: /edges/0: edge is missing the required field \"from\"",
                   "case.json:9:5: error: /edges/1: edge is missing the required field \"to\"",
                   "case.json:10:5: error: /edges/2: edge is missing the required field \"relation\""}));
}

TEST_F(JsonReaderTest, MissingVersion) {
  EXPECT_EQ(diagnostics<ParseError>("\n  {\"nodes\": [], \"edges\": []}"),
            (Lines{"case.json:2:3: error: missing the format version: add \"claimgraph\": 1 at the top of the file"}));
}

TEST_F(JsonReaderTest, MissingNodes) {
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1, "edges": []})"),
            (Lines{"case.json:1:1: error: missing the required field \"nodes\" (an array of nodes)"}));
}

TEST_F(JsonReaderTest, MissingEdgesMeansNone) {
  // "edges" is optional (docs/format.md): a graph of nodes alone is fine.
  const ReadResult r = read_json(R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A"}]})", options());
  EXPECT_EQ(r.graph.node_count(), 1u);
  EXPECT_EQ(r.graph.edge_count(), 0u);
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(JsonReaderTest, EmptyObject) {
  EXPECT_EQ(diagnostics<ParseError>("{}"),
            (Lines{"case.json:1:1: error: missing the format version: add \"claimgraph\": 1 at the top of the file",
                   "case.json:1:1: error: missing the required field \"nodes\" (an array of nodes)"}));
}

TEST_F(JsonReaderTest, EmptyIdAndBlankLabel) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "", "kind": "claim", "label": "A"},
    {"id": "b", "kind": "claim", "label": " \n "}
  ],
  "edges": []
})"),
            (Lines{"case.json:4:12: error: /nodes/0/id: a node id must not be empty",
                   "case.json:5:43: error: /nodes/1/label: a node label must not be empty: it is the text shown in "
                   "diagrams"}));
}

TEST_F(JsonReaderTest, ControlCharacterInId) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({"claimgraph": 1, "nodes": [{"id": "a\tb", "kind": "claim", "label": "A"}], "edges": []})"),
            (Lines{"case.json:1:36: error: /nodes/0/id: node id \"a\\u0009b\" contains a control character"}));
}

// --- unknown kinds and relations ---------------------------------------------

TEST_F(JsonReaderTest, UnknownKindAndRelationWithSuggestion) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "cliam", "label": "A"},
    {"id": "b", "kind": "Evidence", "label": "B"}
  ],
  "edges": [
    {"from": "b", "to": "a", "relation": "suports"},
    {"from": "b", "to": "a", "relation": "element_of"}
  ]
})"),
            (Lines{"case.json:4:25: error: /nodes/0/kind: unknown kind \"cliam\"; expected \"claim\", \"counterclaim\" "
                   "or \"evidence\"; did you mean \"claim\"?",
                   "case.json:5:25: error: /nodes/1/kind: unknown kind \"Evidence\"; expected \"claim\", \"counterclaim\" "
                   "or \"evidence\"; did you mean \"evidence\"?",
                   "case.json:8:42: error: /edges/0/relation: unknown relation \"suports\"; expected \"supports\", "
                   "\"contradicts\", \"element-of\" or \"undercuts\"; did you mean \"supports\"?",
                   "case.json:9:42: error: /edges/1/relation: unknown relation \"element_of\"; expected \"supports\", "
                   "\"contradicts\", \"element-of\" or \"undercuts\"; did you mean \"element-of\"?"}));
}

TEST_F(JsonReaderTest, UnknownKindAndRelationWithoutANearName) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "gadget", "label": "A"},
    {"id": "b", "kind": "evidence", "label": "B"}
  ],
  "edges": [
    {"from": "b", "to": "a", "relation": "links"}
  ]
})"),
            (Lines{"case.json:4:25: error: /nodes/0/kind: unknown kind \"gadget\"; expected \"claim\", \"counterclaim\" "
                   "or \"evidence\"",
                   "case.json:8:42: error: /edges/0/relation: unknown relation \"links\"; expected \"supports\", "
                   "\"contradicts\", \"element-of\" or \"undercuts\""}));
}

TEST_F(JsonReaderTest, TheWordsALawyerTypesForKindsAndRelationsGetTheirName) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "defence", "label": "A"},
    {"id": "b", "kind": "Exhibit", "label": "B"}
  ],
  "edges": [
    {"from": "b", "to": "a", "relation": "attacks"},
    {"from": "a", "to": "b", "relation": "proves"}
  ]
})"),
            (Lines{"case.json:4:25: error: /nodes/0/kind: unknown kind \"defence\"; expected \"claim\", \"counterclaim\" "
                   "or \"evidence\"; did you mean \"counterclaim\"?",
                   "case.json:5:25: error: /nodes/1/kind: unknown kind \"Exhibit\"; expected \"claim\", \"counterclaim\" "
                   "or \"evidence\"; did you mean \"evidence\"?",
                   "case.json:8:42: error: /edges/0/relation: unknown relation \"attacks\"; expected \"supports\", "
                   "\"contradicts\", \"element-of\" or \"undercuts\"; did you mean \"contradicts\"?",
                   "case.json:9:42: error: /edges/1/relation: unknown relation \"proves\"; expected \"supports\", "
                   "\"contradicts\", \"element-of\" or \"undercuts\"; did you mean \"supports\"?"}));
}

// --- graph problems ----------------------------------------------------------

TEST_F(JsonReaderTest, DuplicateIdsNameBothPlaces) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A"},
    {"id": "b", "kind": "evidence", "label": "B"},
      {"id": "a", "kind": "evidence", "label": "C"}
  ],
  "edges": []
})"),
            (Lines{"case.json:6:14: error: /nodes/2/id: duplicate node id \"a\"; first defined at case.json:4:12"}));
}

TEST_F(JsonReaderTest, EdgeToAMissingNode) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "sherman", "kind": "claim", "label": "A"},
    {"id": "deal", "kind": "evidence", "label": "B"}
  ],
  "edges": [
    {"from": "deal", "to": "shreman", "relation": "supports"},
    {"from": "zzz", "to": "sherman", "relation": "supports"}
  ]
})"),
            (Lines{"case.json:8:28: error: /edges/0/to: unknown node \"shreman\"; did you mean \"sherman\"?",
                   "case.json:9:14: error: /edges/1/from: unknown node \"zzz\""}));
}

TEST_F(JsonReaderTest, SelfLoop) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A"}
  ],
  "edges": [
    {"from": "a", "to": "a", "relation": "supports"}
  ]
})"),
            (Lines{"case.json:7:5: error: /edges/0: edge from \"a\" to itself; an edge must join two different nodes"}));
}

// --- versions ----------------------------------------------------------------

TEST_F(JsonReaderTest, UnsupportedVersion) {
  EXPECT_EQ(diagnostics<ValidationError>(R"({
  "claimgraph": 2,
  "nodes": [],
  "edges": []
})"),
            (Lines{"case.json:2:17: error: /claimgraph: unsupported format version 2; this build reads version 1 only"}));
}

TEST_F(JsonReaderTest, VersionAsAString) {
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": "1", "nodes": [], "edges": []})"),
            (Lines{"case.json:1:16: error: /claimgraph: expected the format version, the integer 1, got a string"}));
}

TEST_F(JsonReaderTest, VersionNotAnInteger) {
  EXPECT_EQ(diagnostics<ParseError>(R"({"claimgraph": 1.5, "nodes": [], "edges": []})"),
            (Lines{"case.json:1:16: error: /claimgraph: expected the format version, the integer 1, got a number"}));
  EXPECT_EQ(diagnostics<ValidationError>(R"({"claimgraph": -1, "nodes": [], "edges": []})"),
            (Lines{"case.json:1:16: error: /claimgraph: unsupported format version -1; this build reads version 1 only"}));
}

// --- keys ----------------------------------------------------------------------

TEST_F(JsonReaderTest, DuplicateKeys) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A", "label": "B", "x": 1, "x": 2}
  ],
  "edges": []
})"),
            (Lines{"case.json:3:3: error: /claimgraph: duplicate key \"claimgraph\" in the same object",
                   "case.json:5:48: error: /nodes/0/label: duplicate key \"label\" in the same object",
                   "case.json:5:62: warning: /nodes/0/x: unknown field \"x\" (kept on export)",
                   "case.json:5:70: error: /nodes/0/x: duplicate key \"x\" in the same object"}));
}

// Names are compared a word at a time (the first and last words of a short
// one, word by word along a long one): a key or an enumerated value that
// differs from a known name in any one byte, at any length, is not taken
// for it.
TEST_F(JsonReaderTest, ANameThatDiffersInAnyOneByteIsNotTheKnownOne) {
  const auto changed = [](std::string_view name, std::size_t i) {
    std::string out(name);
    out[i] = out[i] == 'z' ? 'y' : 'z';
    return out;
  };
  const std::string before = R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A", ")";
  std::size_t longest = 0;
  for (const CaseField& field : case_fields(FieldPlace::node)) {
    longest = std::max(longest, field.name.size());
    for (std::size_t i = 0; i < field.name.size(); ++i) {
      const std::string key = changed(field.name, i);
      const Lines w = warnings(before + key + R"(": 1}], "edges": []})");
      ASSERT_EQ(w.size(), 1U) << key;
      EXPECT_NE(w[0].find("unknown field \"" + key + "\""), std::string::npos) << w[0];
    }
  }
  for (const CaseField& field : case_fields(FieldPlace::node)) {
    if (field.type != FieldType::string || field.values.empty()) continue;
    for (const FieldValue& value : field.values) {
      longest = std::max(longest, value.name.size());
      for (std::size_t i = 0; i < value.name.size(); ++i) {
        const std::string wrong = changed(value.name, i);
        const std::string text = field.key == FieldKey::kind
                                     ? R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": ")" + wrong +
                                           R"(", "label": "A"}], "edges": []})"
                                     : before + std::string(field.name) + R"(": ")" + wrong + R"("}], "edges": []})";
        const Lines d = diagnostics<ValidationError>(text);
        ASSERT_FALSE(d.empty()) << wrong;
        EXPECT_NE(d[0].find("unknown " + std::string(field.what()) + " \"" + wrong + "\""), std::string::npos) << d[0];
      }
    }
  }
  EXPECT_GT(longest, 16U);  // some name is longer than two words
}

TEST_F(JsonReaderTest, UnknownFieldsAreWarnings) {
  EXPECT_EQ(warnings(R"({
  "$schema": "../schema/claimgraph-1.schema.json",
  "claimgraph": 1,
  "titel": "A typo",
  "nodes": [
    {"id": "a", "kind": "claim", "label": "A", "lable": "A", "my_rating": 2},
    {"id": "b", "kind": "evidence", "label": "B"}
  ],
  "edges": [
    {"from": "b", "to": "a", "relation": "supports", "realtion": "x"}
  ]
})"),
            (Lines{"case.json:4:3: warning: /titel: unknown field \"titel\" (kept on export); did you mean \"title\"?",
                   "case.json:6:48: warning: /nodes/0/lable: unknown field \"lable\" (kept on export); did you mean "
                   "\"label\"?",
                   "case.json:6:62: warning: /nodes/0/my_rating: unknown field \"my_rating\" (kept on export)",
                   "case.json:10:54: warning: /edges/0/realtion: unknown field \"realtion\" (kept on export); did you "
                   "mean \"relation\"?"}));
}

TEST_F(JsonReaderTest, TypoForLabelAlsoMissesTheLabel) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "a", "kind": "claim", "lable": "A"}
  ],
  "edges": []
})"),
            (Lines{"case.json:4:5: error: /nodes/0: node is missing the required field \"label\"",
                   "case.json:4:34: warning: /nodes/0/lable: unknown field \"lable\" (kept on export); did you mean "
                   "\"label\"?"}));
}

TEST_F(JsonReaderTest, UnknownFieldsAreKept) {
  const ReadResult r = read_json(R"({"claimgraph": 1, "z": {"b": [1, 2.5, null], "a": true}, "nodes": [
    {"id": "a", "kind": "claim", "label": "A", "my_rating": 2, "hearings": ["2021-01-09"]}], "edges": []})",
                                 options());
  ASSERT_EQ(r.graph.extra.size(), 1u);
  EXPECT_EQ(r.graph.extra[0].key, "z");
  EXPECT_EQ(r.graph.extra[0].json, R"({"a":true,"b":[1,2.5,null]})");
  EXPECT_EQ(r.graph.node(0).extra,
            (Attributes{{"hearings", R"(["2021-01-09"])"}, {"my_rating", "2"}}));
}

// "$schema" is a known field: kept as written, with no warning, and like
// every string field refused when it is not a string.
TEST_F(JsonReaderTest, SchemaIsAStringKeptAsWritten) {
  const ReadResult r =
      read_json(R"({"$schema": "../schema/claimgraph-1.schema.json", "claimgraph": 1, "nodes": []})", options());
  EXPECT_TRUE(r.warnings.empty());
  EXPECT_EQ(r.graph.extra, (Attributes{{"$schema", R"("../schema/claimgraph-1.schema.json")"}}));
  EXPECT_EQ(diagnostics<ParseError>(R"({"$schema": {"url": "x"}, "claimgraph": 1, "nodes": []})"),
            (Lines{"case.json:1:13: error: /$schema: expected a string, got an object"}));
}

TEST_F(JsonReaderTest, WarningsAreCapped) {
  std::string text = R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A")";
  for (std::size_t i = 0; i < 25; ++i) text += claimgraph::test::numbered(", \"u", i) + "\": 0";
  text += "}], \"edges\": []}";
  const Lines w = warnings(text);
  ASSERT_EQ(w.size(), 21u);
  EXPECT_EQ(w[0], "case.json:1:72: warning: /nodes/0/u0: unknown field \"u0\" (kept on export)");
  EXPECT_EQ(w[20], "case.json: note: 5 more warnings not shown");
}

// --- many problems at once -----------------------------------------------------

TEST_F(JsonReaderTest, EveryProblemIsReportedInFileOrder) {
  EXPECT_EQ(diagnostics<ParseError>(R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "c1", "kind": "claim", "label": "One"},
    {"id": "c2", "kind": "clam", "label": "Two"},
    {"id": "c1", "kind": "evidence", "label": "Three"},
    {"id": "e1", "kind": "evidence", "label": 4},
    {"id": "e2", "kind": "evidence", "lable": "Five"}
  ],
  "edges": [
    {"from": "e1", "to": "c7", "relation": "supports"},
    {"from": "c1", "to": "c1", "relation": "supports"},
    {"from": "e1", "to": "c1", "relation": "refutes"}
  ]
})"),
            (Lines{"case.json:5:26: error: /nodes/1/kind: unknown kind \"clam\"; expected \"claim\", \"counterclaim\" or "
                   "\"evidence\"; did you mean \"claim\"?",
                   "case.json:6:12: error: /nodes/2/id: duplicate node id \"c1\"; first defined at case.json:4:12",
                   "case.json:7:47: error: /nodes/3/label: expected a string, got a number",
                   "case.json:8:5: error: /nodes/4: node is missing the required field \"label\"",
                   "case.json:8:38: warning: /nodes/4/lable: unknown field \"lable\" (kept on export); did you mean "
                   "\"label\"?",
                   "case.json:11:26: error: /edges/0/to: unknown node \"c7\"; did you mean \"c1\"?",
                   "case.json:12:5: error: /edges/1: edge from \"c1\" to itself; an edge must join two different nodes",
                   "case.json:13:44: error: /edges/2/relation: unknown relation \"refutes\"; expected \"supports\", "
                   "\"contradicts\", \"element-of\" or \"undercuts\"; did you mean \"contradicts\"?"}));
}

TEST_F(JsonReaderTest, ErrorsAreCapped) {
  std::string text = "{\"claimgraph\": 1, \"nodes\": [\n";
  for (std::size_t i = 0; i < 60; ++i) {
    text += std::string(i == 0 ? "" : ",\n") + "{\"id\": \"" + claimgraph::test::numbered("n", i) +
            R"(", "kind": "clam", "label": "x"})";
  }
  text += "\n], \"edges\": []}";
  const std::string unknown =
      ": unknown kind \"clam\"; expected \"claim\", \"counterclaim\" or \"evidence\"; did you mean \"claim\"?";
  const Lines all = diagnostics<ValidationError>(text);
  ASSERT_EQ(all.size(), 51u);
  EXPECT_EQ(all[0], "case.json:2:22: error: /nodes/0/kind" + unknown);
  EXPECT_EQ(all[49], "case.json:51:23: error: /nodes/49/kind" + unknown);
  EXPECT_EQ(all[50], "case.json: note: too many errors; stopped after 50");

  ReadOptions o = options();
  o.max_errors = 2;
  EXPECT_EQ(diagnostics<ValidationError>(text, &o),
            (Lines{"case.json:2:22: error: /nodes/0/kind" + unknown, "case.json:3:22: error: /nodes/1/kind" + unknown,
                   "case.json: note: too many errors; stopped after 2"}));
}

// Nodes go into the graph in batches (their ids' places in the index are
// loaded together), yet a duplicate id is reported as if found where its
// node ends: before the errors that follow it, also when the error budget
// runs out between them, and across batches.
TEST_F(JsonReaderTest, ADuplicateIdIsReportedInItsTurnAmongTheOtherErrors) {
  // Node i is on line i + 2; its id's quote is in column 8.
  std::string text = "{\"claimgraph\": 1, \"nodes\": [\n";
  for (std::size_t i = 0; i < 200; ++i) {
    const std::string id = i == 3 ? "n1" : i == 7 ? "n0" : i == 150 ? "n100" : "n" + std::to_string(i);
    text += std::string(i == 0 ? "" : ",\n") + "{\"id\": \"" + id + "\", \"kind\": \"" + (i == 5 ? "clam" : "claim") +
            "\", \"label\": \"x\"}";
  }
  text += "\n], \"edges\": []}";
  const std::string dup3 =
      "case.json:5:8: error: /nodes/3/id: duplicate node id \"n1\"; first defined at case.json:3:8";
  const std::string kind5 =
      "case.json:7:22: error: /nodes/5/kind: unknown kind \"clam\"; expected \"claim\", \"counterclaim\" or "
      "\"evidence\"; did you mean \"claim\"?";
  const std::string dup7 =
      "case.json:9:8: error: /nodes/7/id: duplicate node id \"n0\"; first defined at case.json:2:8";
  const std::string dup150 =
      "case.json:152:8: error: /nodes/150/id: duplicate node id \"n100\"; first defined at case.json:102:8";
  EXPECT_EQ(diagnostics<ValidationError>(text), (Lines{dup3, kind5, dup7, dup150}));
  ReadOptions o = options();
  o.max_errors = 1;
  EXPECT_EQ(diagnostics<ValidationError>(text, &o), (Lines{dup3, "case.json: note: too many errors; stopped after 1"}));
  o.max_errors = 2;
  EXPECT_EQ(diagnostics<ValidationError>(text, &o),
            (Lines{dup3, kind5, "case.json: note: too many errors; stopped after 2"}));
  o.max_errors = 3;
  EXPECT_EQ(diagnostics<ValidationError>(text, &o),
            (Lines{dup3, kind5, dup7, "case.json: note: too many errors; stopped after 3"}));
}

// --- limits --------------------------------------------------------------------

TEST_F(JsonReaderTest, Limits) {
  ReadOptions o = options();
  o.limits.max_string_bytes = 4;
  EXPECT_EQ(diagnostics<ValidationError>(R"({"claimgraph": 1, "title": "12345", "nodes": [], "edges": []})", &o),
            (Lines{"case.json:1:28: error: /title: string of 5 bytes exceeds the limit of 4 bytes"}));
  o = options();
  o.limits.max_nodes = 1;
  EXPECT_EQ(diagnostics<ValidationError>(R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A"},
 {"id": "b", "kind": "claim", "label": "B"}], "edges": []})",
                                         &o),
            (Lines{"case.json:2:2: error: /nodes/1: more than 1 nodes"}));
  o = options();
  o.limits.max_input_bytes = 10;
  EXPECT_EQ(diagnostics<ParseError>(minimal, &o),
            (Lines{"case.json:1:1: error: input of 43 bytes exceeds the limit of 10 bytes"}));
}

}  // namespace
}  // namespace claimgraph::io
