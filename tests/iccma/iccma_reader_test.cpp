// The ICCMA readers: what each format accepts, and every diagnostic checked
// whole (file, line, column, message), as a user sees it. Then every
// framework of the shared corpus, read in place.

#include "claimgraph/io/iccma_reader.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/io/formats.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;
using Format = const InputFormat*;

// The corpus folder: $CLAIMGRAPH_CORPORA/iccma when that is set, else the
// one CMake names; empty when it is not there.
fs::path corpus_root() {
  const char* env = std::getenv("CLAIMGRAPH_CORPORA");
  return (env != nullptr && *env != '\0') ? fs::path(env) : fs::path(CLAIMGRAPH_CORPORA_DIR);
}
fs::path corpus_dir() {
  const fs::path dir = corpus_root() / "iccma";
  return fs::is_directory(dir) ? dir : fs::path();
}

#define SKIP_WITHOUT_CORPUS(dir)                                                                        \
  if ((dir).empty())                                                                                    \
  GTEST_SKIP() << "the ICCMA corpus is not at " << (corpus_root() / "iccma").string()                 \
               << " (set CLAIMGRAPH_CORPORA to the folder that holds iccma/ to run these tests)"

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The edges of a graph as "a>b" in edge order.
Lines attacks_of(const Graph& g) {
  Lines out;
  for (const auto& e : g.edges()) {
    EXPECT_EQ(g.edge(e).relation, Relation::contradicts);
    out.push_back(std::string(g.id(g.source(e))) + ">" + std::string(g.id(g.target(e))));
  }
  return out;
}

Lines ids_of(const Graph& g) {
  Lines out;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) out.emplace_back(g.id(v));
  return out;
}

class IccmaReaderTest : public ::testing::Test {
 protected:
  static ReadOptions options(Format format) {
    ReadOptions o;
    o.file_name = "f.";
    o.file_name += format->name;
    return o;
  }

  // Every diagnostic of an input that must be rejected with an E, formatted.
  template <class E>
  static Lines rejected(Format format, std::string_view text, ReadOptions o) {
    try {
      (void)format->read(text, o);
    } catch (const E& e) {
      Lines out;
      for (const auto& d : e.diagnostics()) out.push_back(d.format());
      for (const auto& d : e.diagnostics()) {
        if (d.severity == Severity::error) {
          EXPECT_EQ(std::string(e.what()), d.format()) << "the exception's text is its first error";
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
  template <class E>
  static Lines rejected(Format format, std::string_view text) {
    return rejected<E>(format, text, options(format));
  }
  static Lines parse_errors(Format format, std::string_view text) { return rejected<ParseError>(format, text); }
  static Lines validation_errors(Format format, std::string_view text) {
    return rejected<ValidationError>(format, text);
  }

  // An input that must be accepted.
  static ReadResult accepted(Format format, std::string_view text) {
    try {
      return format->read(text, options(format));
    } catch (const InputError& e) {
      std::string all;
      for (const auto& d : e.diagnostics()) all += d.format() + "\n";
      ADD_FAILURE() << "the input was rejected:\n" << all;
      return {};
    }
  }
  static Lines warnings(const ReadResult& r) {
    Lines out;
    for (const auto& d : r.warnings) out.push_back(d.format());
    return out;
  }
};

const Format apx = find_input_format("apx");
const Format tgf = find_input_format("tgf");
const Format i23 = find_input_format("i23");

// --- formats and extensions -------------------------------------------------


// --- ASPARTIX -----------------------------------------------------------------

TEST_F(IccmaReaderTest, ApxArgumentsAreEvidenceNamedByTheirConstants) {
  const ReadResult r = accepted(apx, "arg(a).\narg(b).\natt(a,b).\n");
  ASSERT_EQ(r.graph.node_count(), 2u);
  for (Graph::NodeRef v = 0; v < 2; ++v) {
    EXPECT_EQ(r.graph.node(v).kind, NodeKind::evidence);
    EXPECT_EQ(r.graph.node(v).label, r.graph.node(v).id);
  }
  EXPECT_EQ(ids_of(r.graph), (Lines{"a", "b"}));
  EXPECT_EQ(attacks_of(r.graph), (Lines{"a>b"}));
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(IccmaReaderTest, ApxWhitespaceCommentsSelfAttacksAndFileOrder) {
  const ReadResult r =
      accepted(apx, " arg ( a ) . % a comment, with att(x,y).\n att( a , a ).arg(B_1).att(B_1,\n a).\r\narg(7).att(7,B_1).");
  EXPECT_EQ(ids_of(r.graph), (Lines{"a", "B_1", "7"}));
  EXPECT_EQ(attacks_of(r.graph), (Lines{"a>a", "B_1>a", "7>B_1"}));
}

TEST_F(IccmaReaderTest, ApxAttackBeforeItsArguments) {
  const ReadResult r = accepted(apx, "att(a,b).\narg(b).arg(a).");
  EXPECT_EQ(ids_of(r.graph), (Lines{"b", "a"}));
  EXPECT_EQ(attacks_of(r.graph), (Lines{"a>b"}));
}

TEST_F(IccmaReaderTest, ApxQuotedNames) {
  const ReadResult r = accepted(apx, "arg(\"x y\").\narg(\"q\\\"t\\\\\").\natt(\"x y\",\"q\\\"t\\\\\").\narg(\"plain\").");
  EXPECT_EQ(ids_of(r.graph), (Lines{"x y", "q\"t\\", "plain"}));
  EXPECT_EQ(attacks_of(r.graph), (Lines{"x y>q\"t\\"}));
}

TEST_F(IccmaReaderTest, ApxRepeatsAreWarnedAndKeptOnce) {
  const ReadResult r = accepted(apx, "arg(a).\narg(a).\narg(b).\natt(a,b).\natt(b,a).\natt(a,b).\n");
  EXPECT_EQ(ids_of(r.graph), (Lines{"a", "b"}));
  EXPECT_EQ(attacks_of(r.graph), (Lines{"a>b", "b>a"}));
  EXPECT_EQ(warnings(r), (Lines{
                             "f.apx:2:5: warning: argument \"a\" is declared again (first at f.apx:1:5); the repeat "
                             "is ignored",
                             "f.apx:6:1: warning: the attack of \"a\" on \"b\" is listed again (first at f.apx:4:1); "
                             "the repeat is ignored",
                         }));
}

TEST_F(IccmaReaderTest, ApxEmptyInputIsAnEmptyFramework) {
  EXPECT_EQ(accepted(apx, "").graph.node_count(), 0u);
  EXPECT_EQ(accepted(apx, "% nothing here\n\n").graph.node_count(), 0u);
}

TEST_F(IccmaReaderTest, ApxUndeclaredArgument) {
  EXPECT_EQ(validation_errors(apx, "arg(a1).\narg(a2).\natt(a1,a3).\natt(zz,a2).\n"),
            (Lines{
                "f.apx:3:8: error: undeclared argument \"a3\": no fact arg(a3). declares it; did you mean \"a1\"?",
                "f.apx:4:5: error: undeclared argument \"zz\": no fact arg(zz). declares it",
            }));
}

TEST_F(IccmaReaderTest, ApxMissingFullStop) {
  EXPECT_EQ(parse_errors(apx, "arg(a).\narg(b)"),
            (Lines{"f.apx:2:7: error: expected \".\" after \"arg(b)\": every fact ends with a full stop"}));
  // In the middle: the fact is kept, and reading goes on.
  EXPECT_EQ(parse_errors(apx, "arg(a)\narg(b).\natt(a,b) % no stop\natt(b,a)."),
            (Lines{
                "f.apx:1:7: error: expected \".\" after \"arg(a)\": every fact ends with a full stop",
                "f.apx:3:9: error: expected \".\" after \"att(a,b)\": every fact ends with a full stop",
            }));
}

TEST_F(IccmaReaderTest, ApxMalformedFacts) {
  EXPECT_EQ(parse_errors(apx, "arg(a).\natt(a b).\natt(a,).\narg().\n# comment\narg(c).\natt(c,\"d\natk(a,c).\n"
                              "arg(e.\nargs(x).\narg a.\n"),
            (Lines{
                "f.apx:2:7: error: expected \",\" and the attacked argument after \"att(a\"; got \"b\"",
                "f.apx:3:7: error: expected an argument name after \"att(a,\" (letters, digits and \"_\", or a "
                "quoted string); got \")\"",
                "f.apx:4:5: error: expected an argument name after \"arg(\" (letters, digits and \"_\", or a quoted "
                "string); got \")\"",
                "f.apx:5:1: error: expected a fact (arg(NAME). or att(NAME,NAME).); got \"#\"",
                "f.apx:7:7: error: quoted name is not closed: a '\"' is missing before the end of the line",
                "f.apx:8:1: error: unknown fact \"atk\" (the facts are arg(NAME). and att(NAME,NAME).); did you mean "
                "\"att\"?",
                "f.apx:9:6: error: expected \")\" after \"arg(e\"; got \".\"",
                "f.apx:10:1: error: unknown fact \"args\" (the facts are arg(NAME). and att(NAME,NAME).); did you "
                "mean \"arg\"?",
                "f.apx:11:5: error: expected \"(\" after \"arg\"; got \"a\"",
            }));
}

TEST_F(IccmaReaderTest, ApxQuotedNameErrors) {
  EXPECT_EQ(parse_errors(apx, "arg(\"a\\x\").\narg(\"\").\n"),
            (Lines{
                "f.apx:1:7: error: unknown escape \\x in a quoted name: only \\\" and \\\\ are allowed",
                "f.apx:2:5: error: an argument name must not be empty",
            }));
}

TEST_F(IccmaReaderTest, ApxSyntaxAndValidationErrorsTogetherAreAParseError) {
  EXPECT_EQ(parse_errors(apx, "att(a,b).\narg(a)\n"),
            (Lines{
                "f.apx:1:7: error: undeclared argument \"b\": no fact arg(b). declares it",
                "f.apx:2:7: error: expected \".\" after \"arg(a)\": every fact ends with a full stop",
            }));
}

TEST_F(IccmaReaderTest, ApxLimits) {
  ReadOptions o = options(apx);
  o.limits.max_nodes = 2;
  EXPECT_EQ(rejected<ValidationError>(apx, "arg(a).arg(b).arg(c).arg(d).", o),
            (Lines{"f.apx:1:19: error: more than 2 arguments"}));
  o = options(apx);
  o.limits.max_edges = 1;
  EXPECT_EQ(rejected<ValidationError>(apx, "arg(a).arg(b).att(a,b).\natt(b,a).", o),
            (Lines{"f.apx:2:1: error: more than 1 attacks"}));
  o = options(apx);
  o.limits.max_string_bytes = 3;
  EXPECT_EQ(rejected<ValidationError>(apx, "arg(abc).arg(abcd).", o),
            (Lines{"f.apx:1:14: error: argument name of 4 bytes exceeds the limit of 3 bytes"}));
}

TEST_F(IccmaReaderTest, ApxStopsAfterMaxErrors) {
  ReadOptions o = options(apx);
  o.max_errors = 3;
  EXPECT_EQ(rejected<ValidationError>(apx, "att(x,y).att(y,z).att(z,w).", o),
            (Lines{
                "f.apx:1:5: error: undeclared argument \"x\": no fact arg(x). declares it",
                "f.apx:1:7: error: undeclared argument \"y\": no fact arg(y). declares it",
                "f.apx:1:14: error: undeclared argument \"y\": no fact arg(y). declares it",
                "f.apx: note: too many errors; stopped after 3",
            }));
}

TEST_F(IccmaReaderTest, ApxWarningsBeyondTheLimitAreCounted) {
  ReadOptions o = options(apx);
  o.max_warnings = 1;
  const ReadResult r = read_apx("arg(a).arg(a).arg(a).arg(a).", o);
  EXPECT_EQ(warnings(r), (Lines{
                             "f.apx:1:12: warning: argument \"a\" is declared again (first at f.apx:1:5); the repeat "
                             "is ignored",
                             "f.apx: note: 2 more warnings not shown",
                         }));
}

// --- Trivial Graph Format -----------------------------------------------------

TEST_F(IccmaReaderTest, TgfArgumentsLabelsAttacksAndBlankLines) {
  const ReadResult r = accepted(tgf, "a\nb label of b \n\nc\r\n#\na b\nb c \n\nc c\n");
  EXPECT_EQ(ids_of(r.graph), (Lines{"a", "b", "c"}));
  EXPECT_EQ(r.graph.node(1).label, "label of b");
  EXPECT_EQ(r.graph.node(2).label, "c");
  EXPECT_EQ(attacks_of(r.graph), (Lines{"a>b", "b>c", "c>c"}));
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(IccmaReaderTest, TgfWarnings) {
  const ReadResult r = accepted(tgf, "a\nb\n#\na b\na b\nb a heavy  \n");
  EXPECT_EQ(attacks_of(r.graph), (Lines{"a>b", "b>a"}));
  EXPECT_EQ(warnings(r), (Lines{
                             "f.tgf:5:1: warning: the attack of \"a\" on \"b\" is listed again (first at f.tgf:4:1); "
                             "the repeat is ignored",
                             "f.tgf:6:5: warning: label \"heavy\" of the attack ignored: attacks carry no labels",
                         }));
}

TEST_F(IccmaReaderTest, TgfWithoutTheSeparatorHasNoAttacks) {
  const ReadResult r = accepted(tgf, "a\nb\na b\n");
  EXPECT_EQ(r.graph.edge_count(), 0u);
  EXPECT_EQ(warnings(r), (Lines{"f.tgf:3:1: warning: argument \"a\" is declared again (first at f.tgf:1:1); the "
                                "repeat is ignored; if this line is an attack, a line holding only \"#\" must come "
                                "first"}));
}

TEST_F(IccmaReaderTest, TgfErrors) {
  EXPECT_EQ(parse_errors(tgf, "a\nb\n# x\na\nb c\n#\n"),
            (Lines{
                "f.tgf:3:3: error: the line that separates arguments from attacks holds only \"#\"; got \"x\" after "
                "it",
                "f.tgf:4:2: error: expected the attacked argument after \"a\": an attack line is \"a b\", the "
                "attacker then the attacked",
                "f.tgf:5:3: error: undeclared argument \"c\": arguments are listed one per line before the \"#\" "
                "line",
                "f.tgf:6:1: error: a second \"#\" line (the first is at f.tgf:3:1): a TGF file has one, between the "
                "arguments and the attacks",
            }));
  EXPECT_EQ(validation_errors(tgf, "a1\na2\n#\na1 a3\n"),
            (Lines{"f.tgf:4:4: error: undeclared argument \"a3\": arguments are listed one per line before the "
                   "\"#\" line; did you mean \"a1\"?"}));
}

// --- ICCMA 2023 -----------------------------------------------------------------

TEST_F(IccmaReaderTest, I23ArgumentsAreNumbered) {
  const ReadResult r = accepted(i23, "# before\n\np af 4\n# a comment\n1 2\n2 3\n\n3 3\n# after\n4 1\n");
  EXPECT_EQ(ids_of(r.graph), (Lines{"1", "2", "3", "4"}));
  EXPECT_EQ(r.graph.node(3).label, "4");
  EXPECT_EQ(r.graph.node(3).kind, NodeKind::evidence);
  EXPECT_EQ(attacks_of(r.graph), (Lines{"1>2", "2>3", "3>3", "4>1"}));
  EXPECT_EQ(accepted(i23, "p af 0\n").graph.node_count(), 0u);
  EXPECT_EQ(accepted(i23, "p af 3").graph.node_count(), 3u);
}

TEST_F(IccmaReaderTest, I23RepeatedAttack) {
  const ReadResult r = accepted(i23, "p af 2\n1 2\n1 2\n");
  EXPECT_EQ(attacks_of(r.graph), (Lines{"1>2"}));
  EXPECT_EQ(warnings(r), (Lines{"f.i23:3:1: warning: the attack of \"1\" on \"2\" is listed again (first at "
                                "f.i23:2:1); the repeat is ignored"}));
}

TEST_F(IccmaReaderTest, I23MissingHeader) {
  const Lines missing{"f.i23:1:1: error: missing the header \"p af N\" (N the number of arguments); an empty "
                      "framework is written \"p af 0\""};
  EXPECT_EQ(parse_errors(i23, ""), missing);
  EXPECT_EQ(parse_errors(i23, "# only comments\n\n"), missing);
  EXPECT_EQ(parse_errors(i23, "1 2\np af 2\n"),
            (Lines{
                "f.i23:1:1: error: missing the header \"p af N\" before the first attack: the first line that is not "
                "a comment gives the number of arguments",
                "f.i23:2:1: error: the header \"p af N\" must come before the attacks, on the first line that is not "
                "a comment",
            }));
  EXPECT_EQ(parse_errors(i23, "hello\n"),
            (Lines{"f.i23:1:1: error: expected the header \"p af N\" (N the number of arguments); got \"hello\""}));
}

TEST_F(IccmaReaderTest, I23InvalidHeader) {
  EXPECT_EQ(parse_errors(i23, "p aba 3\n1 2\n"),
            (Lines{"f.i23:1:3: error: expected \"af\" after \"p\": this reader takes abstract argumentation "
                   "frameworks (\"p af N\"); got \"aba\""}));
  EXPECT_EQ(parse_errors(i23, "p af x\n1 2\n"),
            (Lines{"f.i23:1:6: error: expected the number of arguments after \"p af\"; got \"x\""}));
  EXPECT_EQ(parse_errors(i23, "p af -3\n"),
            (Lines{"f.i23:1:6: error: expected the number of arguments after \"p af\"; got \"-3\""}));
  EXPECT_EQ(parse_errors(i23, "p af\n"),
            (Lines{"f.i23:1:5: error: expected the number of arguments after \"p af\": the header is \"p af N\""}));
  EXPECT_EQ(parse_errors(i23, "p  \n"), (Lines{"f.i23:1:2: error: expected \"af\" after \"p\": the header is \"p af N\""}));
  EXPECT_EQ(parse_errors(i23, "p af 3 4\n"), (Lines{"f.i23:1:8: error: unexpected \"4\" after the header \"p af 3\""}));
}

TEST_F(IccmaReaderTest, I23BadAttacks) {
  EXPECT_EQ(parse_errors(i23, "p af 3\n0 1\n1 4\n1 x\nfoo\n1\n1 2 3\np af 3\n1 99999999999999999999999\n"),
            (Lines{
                "f.i23:2:1: error: argument 0 is out of range: \"p af 3\" declares arguments 1 to 3",
                "f.i23:3:3: error: argument 4 is out of range: \"p af 3\" declares arguments 1 to 3",
                "f.i23:4:3: error: expected the attacked argument's number (from 1 to 3) after \"1\"; got \"x\"",
                "f.i23:5:1: error: expected an attack \"i j\" with argument numbers from 1 to 3; got \"foo\"",
                "f.i23:6:2: error: expected the attacked argument's number after \"1\": an attack line is \"i j\"",
                "f.i23:7:5: error: unexpected \"3\" after the attack \"1 2\": an attack line holds two argument "
                "numbers",
                "f.i23:8:1: error: a second header (the first is at f.i23:1:1): \"p af N\" comes once, before the "
                "attacks",
                "f.i23:9:3: error: argument 99999999999999999999999 is out of range: \"p af 3\" declares arguments 1 "
                "to 3",
            }));
  EXPECT_EQ(validation_errors(i23, "p af 0\n1 1\n"),
            (Lines{
                "f.i23:2:1: error: argument 1 is out of range: \"p af 0\" declares no arguments",
                "f.i23:2:3: error: argument 1 is out of range: \"p af 0\" declares no arguments",
            }));
}

TEST_F(IccmaReaderTest, I23Limits) {
  ReadOptions o = options(i23);
  o.limits.max_nodes = 3;
  EXPECT_EQ(rejected<ValidationError>(i23, "p af 5\n", o),
            (Lines{"f.i23:1:6: error: 5 arguments exceed the limit of 3"}));
  o = options(i23);
  o.limits.max_edges = 1;
  EXPECT_EQ(rejected<ValidationError>(i23, "p af 2\n1 2\n2 1\n", o),
            (Lines{"f.i23:3:1: error: more than 1 attacks"}));
}

// --- streams and files -----------------------------------------------------------

TEST_F(IccmaReaderTest, Streams) {
  std::istringstream in("p af 2\n2 1\n");
  const ReadResult r = read_i23(in);
  EXPECT_EQ(attacks_of(r.graph), (Lines{"2>1"}));
  std::istringstream big("arg(a).");
  ReadOptions o;
  o.file_name = "big.apx";
  o.limits.max_input_bytes = 3;
  EXPECT_THROW((void)read_apx(big, o), IoError);
}

TEST_F(IccmaReaderTest, MissingFile) {
  try {
    (void)read_input("/nonexistent/x.apx", apx);
    FAIL() << "read a missing file";
  } catch (const IoError& e) {
    EXPECT_EQ(e.path(), "/nonexistent/x.apx");
  }
}

// --- the corpus --------------------------------------------------------------------

// Counts occurrences of `needle` in `text`.
std::size_t occurrences(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(IccmaCorpusReadTest, EveryApxFile) {
  const fs::path dir = corpus_dir();
  SKIP_WITHOUT_CORPUS(dir);
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".apx") continue;
    SCOPED_TRACE(entry.path().string());
    ++files;
    const std::string text = slurp(entry.path());
    ASSERT_EQ(input_format_for_path(entry.path().string()), apx);
    const ReadResult r = read_input(entry.path().string(), nullptr).result;
    // The corpus files hold one fact per line and no repeats.
    EXPECT_EQ(r.graph.node_count(), occurrences(text, "arg("));
    EXPECT_EQ(r.graph.edge_count(), occurrences(text, "att("));
    EXPECT_TRUE(r.warnings.empty());
  }
  EXPECT_EQ(files, 25u) << "17 aspartix, 4 numeric, 3 argsemsat and tgf/assat_a.apx";
}

TEST(IccmaCorpusReadTest, UpperCaseApx) {
  const fs::path dir = corpus_dir();
  SKIP_WITHOUT_CORPUS(dir);
  const ReadResult r = read_input((dir / "tgf" / "assat_a.apx").string(), apx).result;
  EXPECT_EQ(ids_of(r.graph), (Lines{"A", "B", "C", "D"}));
  EXPECT_EQ(attacks_of(r.graph), (Lines{"A>B", "B>A", "B>C", "C>D", "D>C"}));
}

TEST(IccmaCorpusReadTest, TgfFiles) {
  const fs::path dir = corpus_dir();
  SKIP_WITHOUT_CORPUS(dir);
  // assat_b.tgf has a trailing space on "e b ".
  const ReadResult b = read_input((dir / "tgf" / "assat_b.tgf").string(), tgf).result;
  EXPECT_EQ(ids_of(b.graph), (Lines{"a", "b", "c", "d", "e", "f", "x", "j"}));
  EXPECT_EQ(attacks_of(b.graph),
            (Lines{"a>b", "b>c", "b>d", "d>b", "c>f", "b>e", "e>f", "e>b", "f>e", "f>x", "f>j"}));
  EXPECT_TRUE(b.warnings.empty());
  const ReadResult t1 = read_input((dir / "tgf" / "eqargsolver_t1.tgf").string(), tgf).result;
  EXPECT_EQ(ids_of(t1.graph), (Lines{"a1", "a2", "a3"}));
  EXPECT_EQ(attacks_of(t1.graph), (Lines{"a1>a2", "a2>a3"}));
}

TEST(IccmaCorpusReadTest, I23Files) {
  const fs::path dir = corpus_dir();
  SKIP_WITHOUT_CORPUS(dir);
  // Arguments and attacks as the README gives them.
  const std::vector<std::tuple<std::string, std::size_t, std::size_t>> expected{
      {"admbuster_1000.i23", 1000, 1498},
      {"st_890_86_9_572.i23", 890, 37125},
      {"a1210993_20150717_0403.gml.80.i23", 7346, 15646},
  };
  for (const auto& [name, n, m] : expected) {
    SCOPED_TRACE(name);
    const fs::path path = dir / "i23" / name;
    // The same from the file itself: the header's N, and the lines that are
    // neither comments nor the header.
    std::istringstream lines(slurp(path));
    std::size_t header_n = 0;
    std::size_t attack_lines = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] == '#') continue;
      if (line.rfind("p af ", 0) == 0) {
        header_n = std::stoul(line.substr(5));
      } else {
        ++attack_lines;
      }
    }
    EXPECT_EQ(header_n, n);
    EXPECT_EQ(attack_lines, m);
    const ReadResult r = read_input(path.string(), nullptr).result;
    EXPECT_EQ(r.graph.node_count(), n);
    EXPECT_EQ(r.graph.edge_count(), m);
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_EQ(r.graph.id(0), "1");
    EXPECT_EQ(r.graph.id(n - 1), std::to_string(n));
  }
}

TEST(IccmaCorpusReadTest, DiagnosticsNameThePath) {
  const fs::path dir = corpus_dir();
  SKIP_WITHOUT_CORPUS(dir);
  // An .apx file read as i23 is not a framework: the message names the file.
  const std::string path = (dir / "argsemsat" / "nixon.apx").string();
  try {
    (void)read_input(path, i23).result;
    FAIL() << "read APX as i23";
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()),
              path + ":1:1: error: expected the header \"p af N\" (N the number of arguments); got \"arg(a1).\"");
  }
}

}  // namespace
}  // namespace claimgraph::io
