#include "detail/escape.hpp"

#include "detail/text.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace claimgraph::detail {
namespace {

class EscapeTest : public ::testing::Test {
 protected:
  static std::string json(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
  }
  static std::string script_json(std::string_view s) {
    std::string out;
    append_script_json_string(out, s);
    return out;
  }
  static std::string html_text(std::string_view s) {
    std::string out;
    append_html_text(out, s);
    return out;
  }
  static std::string html(std::string_view s) {
    std::string out;
    append_dot_html(out, s);
    return out;
  }
  static std::string quoted(std::string_view s) {
    std::string out;
    append_dot_quoted(out, s);
    return out;
  }
  static std::string xml(std::string_view s) {
    std::string out;
    append_xml(out, s);
    return out;
  }
  static std::string csv(std::string_view s) {
    std::string out;
    append_csv_field(out, s);
    return out;
  }
};

using Lines = std::vector<std::string>;

// --- Markdown ------------------------------------------------------------------

std::string markdown(std::string_view s, std::string_view line_break = "<br>") {
  std::string out;
  append_markdown(out, s, line_break);
  return out;
}

TEST(MarkdownEscapeTest, PlainTextIsUnchanged) {
  EXPECT_EQ(markdown("Parler v. AWS, 2021 (W.D. Wash.) — § 1 “quoted” ‘x’ 100% (a) {b} = c + d - e!"),
            "Parler v. AWS, 2021 (W.D. Wash.) — § 1 “quoted” ‘x’ 100% (a) {b} = c + d - e!");
}

TEST(MarkdownEscapeTest, MarkupCharactersAreEscaped) {
  EXPECT_EQ(markdown("*a* _b_ `c` [d](e) <f> & g | h ~i~ #j $k$ \\l"),
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\& g \\| h \\~i\\~ \\#j \\$k\\$ \\\\l");
}

TEST(MarkdownEscapeTest, WebAddressesStayText) {
  EXPECT_EQ(markdown("http://x.org/a_b www.y.org mailto:z see: //c"), "http\\://x.org/a\\_b www\\.y.org mailto:z see: //c");
}

TEST(MarkdownEscapeTest, LineBreaksControlsAndBadBytes) {
  EXPECT_EQ(markdown("a\nb\r\nc\rd"), "a<br>b<br>c<br>d");
  EXPECT_EQ(markdown("a\nb", " "), "a b");
  EXPECT_EQ(markdown(std::string_view("x\0y\x01z\x7f", 6)), "x y z ");
  EXPECT_EQ(markdown("\xC2\x85next"), " next");  // U+0085, a C1 control
  EXPECT_EQ(markdown("bad \xFF byte"), "bad \uFFFD byte");
  EXPECT_EQ(markdown("emoji 🧑‍⚖️ rtl \u202Ex\u202C"), "emoji 🧑‍⚖️ rtl \u202Ex\u202C");
}

// --- JSON ----------------------------------------------------------------------

TEST_F(EscapeTest, JsonPlainText) {
  EXPECT_EQ(json(""), "\"\"");
  EXPECT_EQ(json("Sherman Act"), "\"Sherman Act\"");
}

TEST_F(EscapeTest, JsonQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json("say \"hi\""), R"("say \"hi\"")");
  EXPECT_EQ(json("a\\b"), R"("a\\b")");
  EXPECT_EQ(json("\n\r\t\b\f"), R"("\n\r\t\b\f")");
  EXPECT_EQ(json(std::string("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
  EXPECT_EQ(json("\x7f"), "\"\x7f\"");  // DEL is allowed in JSON strings
  EXPECT_EQ(json("/"), "\"/\"");
}

TEST_F(EscapeTest, JsonUnicodeIsKeptAndLineSeparatorsEscaped) {
  EXPECT_EQ(json("§ ¶ “q” — 😀"), "\"§ ¶ “q” — 😀\"");
  EXPECT_EQ(json("a\u2028b\u2029c"), R"("a\u2028b\u2029c")");
}

TEST_F(EscapeTest, JsonInvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(json("a\xFF" "b"), "\"a\xEF\xBF\xBD" "b\"");
  EXPECT_EQ(json("\xC3"), "\"\xEF\xBF\xBD\"");                       // truncated sequence
  EXPECT_EQ(json("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");        // overlong '/'
  EXPECT_EQ(json("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  EXPECT_EQ(json("\xEF\xBF\xBD"), "\"\xEF\xBF\xBD\"");                // a real U+FFFD is kept
}

TEST_F(EscapeTest, JsonOutputParsesBackToTheInput) {
  std::string every_byte;
  for (int c = 1; c < 0x80; ++c) every_byte += static_cast<char>(c);
  for (const std::string& s : {every_byte, std::string("§ ¶ “curly” — 😀 \u2028 \u2029"), std::string("\\N\\G\\n")}) {
    EXPECT_EQ(nlohmann::json::parse(json(s)).get<std::string>(), s);
  }
}

// --- JSON inside an HTML <script> element -----------------------------------------

TEST_F(EscapeTest, ScriptJsonCannotEndTheScriptElement) {
  EXPECT_EQ(script_json("</script><script>alert(1)</script>"),
            R"("\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e")");
  EXPECT_EQ(script_json("</SCRIPT >"), R"("\u003c/SCRIPT \u003e")");
  EXPECT_EQ(script_json("<!-- x -->"), R"("\u003c!-- x --\u003e")");
  EXPECT_EQ(script_json("<![CDATA[ ]]>"), R"("\u003c![CDATA[ ]]\u003e")");
  EXPECT_EQ(script_json("Tom & Jerry"), R"("Tom \u0026 Jerry")");
}

TEST_F(EscapeTest, ScriptJsonEscapesWhatJsonEscapes) {
  EXPECT_EQ(script_json("say \"hi\" \\ \n\t"), R"("say \"hi\" \\ \n\t")");
  EXPECT_EQ(script_json("a\u2028b\u2029c"), R"("a\u2028b\u2029c")");
  EXPECT_EQ(script_json("a\xFF"), "\"a\xEF\xBF\xBD\"");
  EXPECT_EQ(script_json("§ \u200F RTL \u202E 😀"), "\"§ \u200F RTL \u202E 😀\"");
}

TEST_F(EscapeTest, ScriptJsonHoldsNoMarkupCharacterAndParsesBack) {
  std::string every_byte;
  for (int c = 1; c < 0x80; ++c) every_byte += static_cast<char>(c);
  for (const std::string& s : {every_byte, std::string("</script><!--<script>--> ]]> \u2028 \u2029 😀")}) {
    const std::string out = script_json(s);
    EXPECT_EQ(out.find_first_of("<>&"), std::string::npos) << out;
    EXPECT_EQ(out.find("\u2028"), std::string::npos) << out;
    EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), s);
  }
}

// --- HTML text ----------------------------------------------------------------------

TEST_F(EscapeTest, HtmlTextEscapesMarkup) {
  EXPECT_EQ(html_text("</title><script>alert(1)</script>"), "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(html_text("\"q\" 'a' & b \\N"), "&quot;q&quot; &#39;a&#39; &amp; b \\N");
  EXPECT_EQ(html_text("&amp; <!-- -->"), "&amp;amp; &lt;!-- --&gt;");
}

TEST_F(EscapeTest, HtmlTextKeepsUnicodeAndWhitespace) {
  EXPECT_EQ(html_text("a\tb\nc\r\n"), "a\tb\nc\r\n");
  EXPECT_EQ(html_text("§ “q” \u200F\u202E 😀 中文"), "§ “q” \u200F\u202E 😀 中文");
}

TEST_F(EscapeTest, HtmlTextReplacesControlsAndInvalidBytes) {
  EXPECT_EQ(html_text(std::string("a\0b\x01" "c\x7f", 6)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  EXPECT_EQ(html_text("\xC2\x85 \xFF"), "\xEF\xBF\xBD \xEF\xBF\xBD");
}

// --- DOT HTML-like labels ---------------------------------------------------------

TEST_F(EscapeTest, DotHtmlEscapesMarkup) {
  EXPECT_EQ(html("<b>&amp;</b> \"x\" 'y'"), "&lt;b&gt;&amp;amp;&lt;/b&gt; &quot;x&quot; &#39;y&#39;");
}

TEST_F(EscapeTest, DotHtmlDoublesBackslashes) {
  // Graphviz expands \N, \G, \L... even inside HTML-like labels.
  EXPECT_EQ(html("\\N \\G \\n \\"), "\\\\N \\\\G \\\\n \\\\");
}

TEST_F(EscapeTest, DotHtmlKeepsUnicodeAndBraces) {
  EXPECT_EQ(html("{ | } § ¶ “q” — 😀"), "{ | } § ¶ “q” — 😀");
}

TEST_F(EscapeTest, DotHtmlReplacesWhatXmlCannotHold) {
  EXPECT_EQ(html("a\tb"), "a b");
  EXPECT_EQ(html("a\x01" "b\x7f" "c"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  EXPECT_EQ(html("\xC2\x85"), "\xEF\xBF\xBD");  // C1 control U+0085
  EXPECT_EQ(html("a\xFF"), "a\xEF\xBF\xBD");
  EXPECT_EQ(html("\xEF\xBF\xBE"), "\xEF\xBF\xBD");  // U+FFFE is no XML character
}

// --- DOT quoted strings -----------------------------------------------------------

TEST_F(EscapeTest, DotQuoted) {
  EXPECT_EQ(quoted("say \"hi\""), R"(say \"hi\")");
  EXPECT_EQ(quoted("\\N"), R"(\\N)");
  EXPECT_EQ(quoted("a\nb\r\nc"), R"(a\nb\nc)");
  EXPECT_EQ(quoted("a\x01" "b\xFF"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(quoted("<&> § 😀"), "<&> § 😀");
}

// --- XML ---------------------------------------------------------------------------

TEST_F(EscapeTest, XmlEscapesMarkupAndBothQuotes) {
  EXPECT_EQ(xml("<b>&amp;</b> \"x\" 'y' ]]> -->"),
            "&lt;b&gt;&amp;amp;&lt;/b&gt; &quot;x&quot; &apos;y&apos; ]]&gt; --&gt;");
  EXPECT_EQ(xml("plain text, § ¶ “q” — 😀 \\N"), "plain text, § ¶ “q” — 😀 \\N");
}

TEST_F(EscapeTest, XmlKeepsWhitespaceAsCharacterReferences) {
  // Raw, they would be normalised to spaces in attributes, and CR would be
  // dropped by end-of-line handling everywhere.
  EXPECT_EQ(xml("a\tb\nc\r\nd\re"), "a&#9;b&#10;c&#13;&#10;d&#13;e");
}

TEST_F(EscapeTest, XmlReplacesWhatXml10CannotHold) {
  EXPECT_EQ(xml(std::string("a\0b\x01" "c\x1f", 6)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  EXPECT_EQ(xml("\xEF\xBF\xBE \xEF\xBF\xBF"), "\xEF\xBF\xBD \xEF\xBF\xBD");  // U+FFFE, U+FFFF
  EXPECT_EQ(xml("bad \xFF \xC3 \xED\xA0\x80"),
            "bad \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(xml("\xEF\xBF\xBD"), "\xEF\xBF\xBD");  // a real U+FFFD is kept
}

TEST_F(EscapeTest, XmlWritesDiscouragedCharactersAsReferences) {
  EXPECT_EQ(xml("\x7f \xC2\x85 \xC2\x9F"), "&#127; &#133; &#159;");
  // Format characters and everything beyond are kept as they are.
  EXPECT_EQ(xml("\u200F\u202E\uFEFF\U0010FFFD"), "\u200F\u202E\uFEFF\U0010FFFD");
}

// --- CSV ---------------------------------------------------------------------------

TEST_F(EscapeTest, CsvQuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv(""), "");
  EXPECT_EQ(csv("plain § 😀"), "plain § 😀");
  EXPECT_EQ(csv("a,b"), "\"a,b\"");
  EXPECT_EQ(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(csv("cr\r\nlf"), "\"cr\r\nlf\"");
  EXPECT_EQ(csv(" padded "), "\" padded \"");
  EXPECT_EQ(csv("semi;colon"), "semi;colon");
}

TEST_F(EscapeTest, CsvNeutralisesFormulas) {
  EXPECT_EQ(csv("=1+1"), "'=1+1");
  EXPECT_EQ(csv("+1"), "'+1");
  EXPECT_EQ(csv("-2+3"), "'-2+3");
  EXPECT_EQ(csv("@SUM(A1:A2)"), "'@SUM(A1:A2)");
  EXPECT_EQ(csv("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(csv("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv("  =1"), "\"'  =1\"");
  EXPECT_EQ(csv("\xEF\xBC\x9D" "1"), "'\xEF\xBC\x9D" "1");  // full-width =
  EXPECT_EQ(csv("'quoted"), "''quoted");
  // Not at the start: left alone.
  EXPECT_EQ(csv("1+1=2"), "1+1=2");
  EXPECT_EQ(csv("a-b"), "a-b");
  EXPECT_EQ(csv("x@y"), "x@y");
}

TEST_F(EscapeTest, CsvReplacesControlCharactersAndInvalidBytes) {
  EXPECT_EQ(csv(std::string("a\0b\x07" "c\x7f" "d", 7)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
  EXPECT_EQ(csv("\xC2\x85"), "\xEF\xBF\xBD");
  EXPECT_EQ(csv("bad \xFF"), "bad \xEF\xBF\xBD");
  EXPECT_EQ(csv("\u200F\u202E rtl"), "\u200F\u202E rtl");
}

// --- wrapping ---------------------------------------------------------------------

TEST_F(EscapeTest, WrapShortTextIsOneLine) {
  EXPECT_EQ(wrap("short", 30), (Lines{"short"}));
  EXPECT_EQ(wrap("", 30), (Lines{""}));
  EXPECT_EQ(wrap("exactly ten", 11), (Lines{"exactly ten"}));
}

TEST_F(EscapeTest, WrapBreaksAtSpaces) {
  EXPECT_EQ(wrap("AWS and Twitter conspired to restrain trade (Sherman Act § 1)", 30),
            (Lines{"AWS and Twitter conspired to", "restrain trade (Sherman Act §", "1)"}));
  EXPECT_EQ(wrap("aa bb cc", 5), (Lines{"aa bb", "cc"}));
}

TEST_F(EscapeTest, WrapCountsCodePointsNotBytes) {
  // Ten two-byte characters per word fit a width of 21 twice.
  std::string e;
  for (int i = 0; i < 10; ++i) e += "é";
  EXPECT_EQ(wrap(e + " " + e + " " + e, 21), (Lines{e + " " + e, e}));
}

TEST_F(EscapeTest, WrapBreaksLongWords) {
  EXPECT_EQ(wrap("abcdefghij", 4), (Lines{"abcd", "efgh", "ij"}));
  EXPECT_EQ(wrap("x abcdefghij y", 4), (Lines{"x", "abcd", "efgh", "ij y"}));
  EXPECT_EQ(wrap("😀😀😀😀😀", 2), (Lines{"😀😀", "😀😀", "😀"}));
}

TEST_F(EscapeTest, WrapCutsLongWordsAfterAHyphenOrSlash) {
  EXPECT_EQ(wrap("violating-content reports", 16), (Lines{"violating-", "content reports"}));
  EXPECT_EQ(wrap("and/or-whatever", 8), (Lines{"and/or-", "whatever"}));
  EXPECT_EQ(wrap("-abcdefgh", 4), (Lines{"-abc", "defg", "h"}));
}

TEST_F(EscapeTest, WrapBreaksAtNewlines) {
  EXPECT_EQ(wrap("a\nb", 30), (Lines{"a", "b"}));
  EXPECT_EQ(wrap("a\r\nb", 30), (Lines{"a", "b"}));
  EXPECT_EQ(wrap("a\n\nb\n", 30), (Lines{"a", "", "b", ""}));
}

TEST_F(EscapeTest, WrapKeepsRunsOfSpaces) {
  EXPECT_EQ(wrap("a  b", 30), (Lines{"a  b"}));
  EXPECT_EQ(wrap("aaaa  b", 4), (Lines{"aaaa ", "b"}));
  EXPECT_EQ(wrap("aaaa    bbbb", 5), (Lines{"aaaa   ", "bbbb"}));
}

TEST_F(EscapeTest, WrapKeepsSpacesAtTheEnds) {
  EXPECT_EQ(wrap(" a", 30), (Lines{" a"}));
  EXPECT_EQ(wrap("a ", 30), (Lines{"a "}));
  EXPECT_EQ(wrap("  a  ", 30), (Lines{"  a  "}));
}

TEST_F(EscapeTest, WrappedLinesArePiecesOfTheTextInOrder) {
  // What the DOT writer escapes straight from the label: every line is a
  // view into the text, after the line before it, and the lines are
  // wrap()'s.
  const std::vector<std::string> texts{"AWS and Twitter conspired to restrain trade (Sherman Act § 1)",
                                       "x abcdefghij y", "a\r\n\nb\n", "aaaa    bbbb", " abcdefgh ", "", "😀😀😀😀😀"};
  for (const std::string& text : texts) {
    for (const std::size_t width : {std::size_t{0}, std::size_t{1}, std::size_t{4}, std::size_t{30}}) {
      Lines lines;
      const char* after = text.data();
      for_each_wrapped(text, width, [&](std::string_view line) {
        if (!line.empty()) {
          EXPECT_GE(line.data(), after) << text;
          EXPECT_LE(line.data() + line.size(), text.data() + text.size()) << text;
          after = line.data() + line.size();
        }
        lines.emplace_back(line);
      });
      EXPECT_EQ(lines, wrap(text, width)) << text << " at " << width;
    }
  }
  EXPECT_EQ(wrap("x abcdefghij y", 4), (Lines{"x", "abcd", "efgh", "ij y"}));
}

TEST_F(EscapeTest, WrapNeverLosesText) {
  // Joining the lines with the space each soft break consumed gives the text
  // back, and no line is wider than asked for (spaces at its ends aside).
  const std::vector<std::string> texts{
      "Parler’s “AUP” § 7.2(b)(ii) — termination immediately upon notice; supercalifragilisticexpialidocious 😀😀😀",
      "  two leading,  two   inner and two trailing  ",
      " x ",
      " ",
      "   ",
      "a b c d e f g h",
      " abcdefgh"};
  for (const std::string& text : texts) {
    for (std::size_t width : {1u, 2u, 4u, 5u, 13u, 30u, 200u}) {
      SCOPED_TRACE("\"" + text + "\" at width " + std::to_string(width));
      const Lines lines = wrap(text, width);
      std::size_t pos = 0;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        ASSERT_EQ(text.compare(pos, lines[i].size(), lines[i]), 0) << "line " << i << ": \"" << lines[i] << '"';
        pos += lines[i].size();
        if (pos < text.size() && text[pos] == ' ') ++pos;  // a soft break consumed this space
        const auto first = lines[i].find_first_not_of(' ');
        const std::string trimmed =
            first == std::string::npos ? "" : lines[i].substr(first, lines[i].find_last_not_of(' ') - first + 1);
        EXPECT_LE(utf8_length(trimmed), width) << "line " << i << ": \"" << lines[i] << '"';
      }
      EXPECT_EQ(pos, text.size());
    }
  }
}

}  // namespace
}  // namespace claimgraph::detail
