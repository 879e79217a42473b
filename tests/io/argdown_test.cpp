// The Argdown reader and writer: each syntax element and each rule of the
// mapping on hand-made documents, every diagnostic checked whole, inputs
// that must neither crash nor hang, the writer's golden file, and the round
// trip claimgraph → Argdown → claimgraph for every example graph and for
// hostile text. (tests/argdown_cli_test.cpp compares both with Argdown's
// own command-line tool.)

#include "claimgraph/io/argdown_reader.hpp"
#include "claimgraph/io/formats.hpp"
#include "claimgraph/io/argdown_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "detail/text.hpp"
#include "io/citation_builder.hpp"
#include "io/hostile_graph.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

ReadOptions options() {
  ReadOptions o;
  o.file_name = "f.argdown";
  return o;
}

// A document that must be read; fails the test with every diagnostic if not.
ReadResult accepted(std::string_view text, const ReadOptions& o = options()) {
  try {
    return read_argdown(text, o);
  } catch (const InputError& e) {
    std::string all;
    for (const auto& d : e.diagnostics()) all += d.format() + "\n";
    ADD_FAILURE() << "the document was rejected:\n" << all << "---\n" << text;
    return {};
  }
}
Graph graph(std::string_view text) { return accepted(text).graph; }

// Every diagnostic of a document that must be rejected with an E.
template <class E>
Lines rejected(std::string_view text, const ReadOptions& o = options()) {
  try {
    (void)read_argdown(text, o);
  } catch (const E& e) {
    Lines out;
    for (const auto& d : e.diagnostics()) out.push_back(d.format());
    return out;
  } catch (const InputError& e) {
    ADD_FAILURE() << "wrong kind of InputError: " << e.what();
    return {};
  }
  ADD_FAILURE() << "the document was accepted:\n" << text;
  return {};
}
Lines parse_errors(std::string_view text) { return rejected<ParseError>(text); }
Lines validation_errors(std::string_view text) { return rejected<ValidationError>(text); }

Lines warnings(const ReadResult& r) {
  Lines out;
  for (const auto& d : r.warnings) out.push_back(d.format());
  return out;
}

Lines ids(const Graph& g) {
  Lines out;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) out.emplace_back(g.id(v));
  return out;
}

// "from relation to", undercuts as "u undercuts (from supports to)", in edge order.
Lines edges(const Graph& g) {
  Lines out;
  const auto all = g.edges();
  const auto plain = [&](std::size_t i) {
    const auto e = all[i];
    std::string s(g.id(g.source(e)));
    s += ' ';
    s += to_string(g.edge(e).relation);
    s += ' ';
    s += g.id(g.target(e));
    return s;
  };
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Edge& p = g.edge(all[i]);
    if (p.relation == Relation::undercuts) {
      out.push_back(std::string(g.id(g.source(all[i]))) + " undercuts (" + plain(p.undercut) + ")");
    } else {
      out.push_back(plain(i));
    }
  }
  return out;
}
Lines sorted(Lines l) {
  std::sort(l.begin(), l.end());
  return l;
}

const Node& node(const Graph& g, std::string_view id) {
  const auto v = g.find(id);
  if (!v) throw std::runtime_error("no node " + std::string(id));
  return g.node(*v);
}

std::string write(const Graph& g) {
  std::ostringstream out;
  write_argdown(out, g);
  return out.str();
}

Graph load(const fs::path& path) {
  ReadOptions o;
  o.file_name = path.string();
  return read_json(test::read_text(path), o).graph;
}

// --- statements and arguments ------------------------------------------------------------

TEST(ArgdownReaderTest, StatementsBecomeClaimsNamedByTheirTitles) {
  const Graph g = graph("[Duty]: The store owed a duty\nof care.\n\nAn untitled statement.\n\n[Duty]: Said again.\n");
  EXPECT_EQ(ids(g), (Lines{"Duty", "Untitled 1"}));
  EXPECT_EQ(node(g, "Duty").kind, NodeKind::claim);
  EXPECT_EQ(node(g, "Duty").label, "The store owed a duty of care.") << "line breaks join with a space";
  EXPECT_EQ(node(g, "Untitled 1").label, "An untitled statement.");
  EXPECT_TRUE(edges(g).empty());
}

TEST(ArgdownReaderTest, AReferenceAloneGivesItsTitleAsLabel) {
  const Graph g = graph("[Only referred to]\n");
  EXPECT_EQ(node(g, "Only referred to").label, "Only referred to");
}

TEST(ArgdownReaderTest, ArgumentsAreNodesToo) {
  const Graph g = graph("<Teleological proof>: The world looks designed.\n\n[Teleological proof]: A statement.\n");
  EXPECT_EQ(ids(g), (Lines{"<Teleological proof>", "Teleological proof"}))
      << "an argument whose title a statement has gets its title in angle brackets";
  EXPECT_EQ(node(g, "<Teleological proof>").label, "The world looks designed.");
  EXPECT_EQ(node(g, "<Teleological proof>").kind, NodeKind::claim);
}

TEST(ArgdownReaderTest, TextDropsMarkupAndKeepsMentions) {
  const Graph g = graph(
      "[A]: _italic_ and **bold**, a [link](https://example.org), @[B] and @<C>, \\#not-a-tag, .~.p .^. q "
      "#tagged // comment\n");
  EXPECT_EQ(node(g, "A").label, "italic and bold, a link, @[B] and @<C>, #not-a-tag, \u00ACp \u2227 q");
  EXPECT_EQ(node(g, "A").tags, (std::vector<std::string>{"tagged"}));
  EXPECT_FALSE(g.find("B")) << "a mention is no relation";
}

TEST(ArgdownReaderTest, AReferenceAcrossLinesNamesNothing) {
  // "[" at the end of a line: Argdown lexes a reference up to the "]" on
  // the next line, but takes no title from it.
  const Graph g = graph("[\n  <- A]\n");
  EXPECT_EQ(ids(g), (Lines{"Untitled 1"}));
}

TEST(ArgdownReaderTest, CommentsAreIgnored) {
  const Graph g = graph("/* a\nblock */\n[A]: one <!-- html\ncomment --> two // line\n\n// [B]: gone\n");
  EXPECT_EQ(ids(g), (Lines{"A"}));
  EXPECT_EQ(node(g, "A").label, "one two");
}

TEST(ArgdownReaderTest, WindowsLineEndingsAndAByteOrderMarkReadAlike) {
  const std::string unix_text = "# G\n\n[A]: a\nb\n  + [B]: c\n    - d\n\n<X>\n\n(1) p\n----\n(2) q\n";
  std::string windows = "\xEF\xBB\xBF";
  for (char c : unix_text) windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const Graph a = graph(unix_text);
  const Graph b = graph(windows);
  EXPECT_EQ(ids(a), ids(b));
  EXPECT_EQ(edges(a), edges(b));
  EXPECT_EQ(node(b, "A").label, "a b");
}

TEST(ArgdownReaderTest, ListItemsAreStatements) {
  const Graph g = graph("* [A]: first\n* second\n\n1. third\n2. <D>: fourth\n");
  EXPECT_EQ(ids(g), (Lines{"A", "Untitled 1", "Untitled 2", "D"}));
}

// --- relations -------------------------------------------------------------------------------

TEST(ArgdownReaderTest, EveryRelationSymbolInBothDirections) {
  const Graph g = graph(
      "[P]: p\n"
      "  + [a]: pro\n"
      "  - [b]: con\n"
      "  <+ [c]: pro, explicit\n"
      "  <- [d]: con, explicit\n"
      "  +> [e]: supported by P\n"
      "  -> [f]: attacked by P\n"
      "  >< [g]: contradicts P\n");
  EXPECT_EQ(edges(g), (Lines{"a supports P", "b contradicts P", "c supports P", "d contradicts P", "P supports e",
                             "P contradicts f", "P contradicts g", "g contradicts P"}));
}

TEST(ArgdownReaderTest, IndentationNestsRelations) {
  const Graph g = graph(
      "[s1]: root\n"
      "    + <a>\n"
      "        - <b>\n"
      "            + <c>\n"
      "        + <d>\n"
      "    - <e>\n");
  EXPECT_EQ(edges(g), (Lines{"c supports b", "b contradicts a", "d supports a", "a supports s1", "e contradicts s1"}));
}

TEST(ArgdownReaderTest, RepeatedRelationsAreOne) {
  const Graph g = graph("[A]: a\n  + [B]: b\n\n[A]\n  + [B]\n  >< [C]: c\n\n[C]\n  >< [A]\n");
  EXPECT_EQ(edges(g), (Lines{"B supports A", "A contradicts C", "C contradicts A"}));
}

TEST(ArgdownReaderTest, AnUndercutOfAnArgumentUndercutsItsSupports) {
  const Graph g = graph(
      "[C]: conclusion\n"
      "  + <A>: an argument\n"
      "    _ [U]: undercutter\n"
      "\n"
      "<A>\n"
      "  +> [D]: another\n"
      "  <_ [V]: explicit\n"
      "\n"
      "[W]: w\n"
      "  _> <A>\n");
  EXPECT_EQ(edges(g), (Lines{"A supports C", "A supports D", "U undercuts (A supports C)", "U undercuts (A supports D)",
                             "V undercuts (A supports C)", "V undercuts (A supports D)", "W undercuts (A supports C)",
                             "W undercuts (A supports D)"}));
  EXPECT_EQ(g.edge(g.edges()[0]).id, "e0") << "an undercut edge's target gets an id";
}

TEST(ArgdownReaderTest, AnUndercutOfWhatSupportsNothingIsAnAttack) {
  const ReadResult r = accepted("<A>: lonely\n  _ [U]: undercutter\n");
  EXPECT_EQ(edges(r.graph), (Lines{"U contradicts A"}));
  EXPECT_EQ(warnings(r),
            (Lines{"f.argdown:2:3: warning: \"U\" undercuts \"A\", which supports nothing: read as an attack on it"}));
}

TEST(ArgdownReaderTest, ARelationToItselfIsIgnored) {
  const ReadResult r = accepted("[A]: a\n  + [A]\n");
  EXPECT_TRUE(edges(r.graph).empty());
  EXPECT_EQ(warnings(r), (Lines{"f.argdown:2:3: warning: a relation of \"A\" to itself is ignored"}));
}

// --- premise-conclusion structures -----------------------------------------------------------

TEST(ArgdownReaderTest, PremisesAreElementsOfTheArgumentWhichSupportsItsConclusion) {
  const Graph g = graph(
      "<Socrates>: The classic.\n"
      "\n"
      "(1) [Men]: All men are mortal.\n"
      "(2) Socrates is a man.\n"
      "-- Modus ponens --\n"
      "(3) [Mortal]: Socrates is mortal.\n");
  EXPECT_EQ(ids(g), (Lines{"Socrates", "Men", "Untitled 1", "Mortal"}));
  EXPECT_EQ(edges(g), (Lines{"Men element-of Socrates", "Untitled 1 element-of Socrates", "Socrates supports Mortal"}));
}

TEST(ArgdownReaderTest, IntermediateConclusionsAreElementsAndAPcsAloneIsAnUntitledArgument) {
  const Graph g = graph(
      "(1) a\n(2) b\n----\n(3) c\n(4) d\n--\nRule one, Rule two\n{uses: [1, 2]}\n--\n(5) e\n");
  EXPECT_EQ(ids(g), (Lines{"Untitled 1", "Untitled 2", "Untitled 3", "Untitled 4", "Untitled 5", "Untitled 6"}));
  EXPECT_EQ(edges(g), (Lines{"Untitled 2 element-of Untitled 1", "Untitled 3 element-of Untitled 1",
                             "Untitled 4 element-of Untitled 1", "Untitled 5 element-of Untitled 1",
                             "Untitled 1 supports Untitled 6"}));
}

TEST(ArgdownReaderTest, AnUndercutOfAnInferenceUndercutsTheArgumentsSupport) {
  const Graph g = graph(
      "<A>\n"
      "\n"
      "(1) [P]: p\n"
      "----\n"
      "  <_ [U]: undercutter\n"
      "(2) [C]: c\n"
      "  +> [D]: the conclusion supports D\n");
  EXPECT_EQ(edges(g), (Lines{"P element-of A", "A supports C", "C supports D", "U undercuts (A supports C)"}));
}

TEST(ArgdownReaderTest, ARelationOfAReconstructedArgumentIsItsConclusions) {
  const Graph g = graph("<A>\n  +> [T]: t\n\n<A>\n\n(1) p\n----\n(2) [C]: c\n");
  EXPECT_EQ(edges(g), (Lines{"Untitled 1 element-of A", "A supports C", "C supports T"}));
}

// --- headings, tags, data, front matter ------------------------------------------------------

TEST(ArgdownReaderTest, HeadingsAreGroups) {
  const Graph g = graph(
      "[A]: before any heading\n\n# Negligence\n\n[B]: b\n  + [C]: c\n\n## Duty {isGroup: false}\n\n[D]: d\n\n"
      "# Damages #tag\n\n[B]\n\n[E]: e\n");
  EXPECT_FALSE(node(g, "A").group);
  EXPECT_EQ(node(g, "B").group, "Negligence") << "where it is defined, not where it is referred to";
  EXPECT_EQ(node(g, "C").group, "Negligence");
  EXPECT_EQ(node(g, "D").group, "Negligence") << "a heading that is no group passes to the one above";
  EXPECT_EQ(node(g, "E").group, "Damages");
}

TEST(ArgdownReaderTest, TagsAndDataGiveKindAndFields) {
  const Graph g = graph(
      "[cctv]: CCTV footage #evidence #(exhibit P-2)\n\n"
      "[defence]: Comparative fault {kind: counterclaim, party: \"Corner Market\", source: 'Answer \\u00B6 12',\n"
      "  weight: 0.25, standard: preponderance, burden: Corner Market, text: \"Longer text\", tags: [x, \"y z\"]}\n\n"
      "[claim]: A claim tagged evidence #evidence {kind: claim}\n\n"
      "[plain]: Nothing supports it\n");
  const Node& cctv = node(g, "cctv");
  EXPECT_EQ(cctv.kind, NodeKind::evidence);
  EXPECT_EQ(cctv.tags, (std::vector<std::string>{"evidence", "exhibit P-2"}));
  const Node& d = node(g, "defence");
  EXPECT_EQ(d.kind, NodeKind::counterclaim);
  EXPECT_EQ(d.party, "Corner Market");
  EXPECT_EQ(d.source, "Answer \\u00B6 12") << "single quotes take no escapes";
  EXPECT_EQ(d.weight, 0.25);
  EXPECT_EQ(d.standard, Standard::preponderance);
  EXPECT_EQ(d.burden, "Corner Market");
  EXPECT_EQ(d.text, "Longer text");
  EXPECT_EQ(d.tags, (std::vector<std::string>{"x", "y z"}));
  EXPECT_EQ(node(g, "claim").kind, NodeKind::claim) << "data wins over tags";
  EXPECT_EQ(node(g, "plain").kind, NodeKind::claim) << "a statement nothing supports stays a claim";
}

TEST(ArgdownReaderTest, DataCanListElementsAndRenameNodes) {
  const Graph g = graph(
      "[negligence]: Negligence {elements: [duty, breach, \"damages\"]}\n"
      "  <+ [duty]: Duty\n"
      "  <+ [breach]: Breach\n"
      "  <+ [cause]: Cause\n"
      "\n"
      "<damages>: Damages\n"
      "\n"
      "[x]: renamed {id: \"a]b\"}\n");
  EXPECT_EQ(edges(g), (Lines{"duty element-of negligence", "breach element-of negligence", "cause supports negligence",
                             "damages element-of negligence"}));
  EXPECT_TRUE(g.find("a]b"));
}

TEST(ArgdownReaderTest, FrontMatterGivesTitleDescriptionAndStrictMode) {
  const Graph g = graph(
      "===\n"
      "title: A Stylized Reconstruction\n"
      "    of a Debate  \n"
      "description: \"Two lines\\nof text\"\n"
      "author: [someone, else]\n"
      "model:\n"
      "    mode: strict\n"
      "===\n"
      "\n"
      "[A]: a\n"
      "  - [B]: b\n"
      "  + [C]: c\n");
  EXPECT_EQ(g.title, "A Stylized Reconstruction of a Debate");
  EXPECT_EQ(g.description, "Two lines\nof text");
  EXPECT_EQ(edges(g), (Lines{"B contradicts A", "A contradicts B", "C supports A"}))
      << "in strict mode an attack between statements is contrariety, which runs both ways";
}

TEST(ArgdownReaderTest, TheArgdownExtensions) {
  const InputFormat* argdown = find_input_format("argdown");
  ASSERT_NE(argdown, nullptr);
  EXPECT_EQ(input_format_for_path("a/case.argdown"), argdown);
  EXPECT_EQ(input_format_for_path("CASE.AD"), argdown);
  EXPECT_NE(input_format_for_path("case.json"), argdown);
  EXPECT_EQ(input_format_for_path(".ad"), nullptr);
  EXPECT_EQ(input_format_for_path("dir/.argdown"), nullptr);
}

// --- diagnostics -------------------------------------------------------------------------------

TEST(ArgdownReaderTest, SyntaxErrorsSayWhereAndWhat) {
  EXPECT_EQ(parse_errors("a\n+ b\n"),
            (Lines{"f.argdown:2:1: error: the relation \"+\" must be indented further than the statement or argument "
                   "it belongs to"}));
  EXPECT_EQ(parse_errors("a\n\n  + b\n"),
            (Lines{"f.argdown:3:1: error: a paragraph cannot start with the relation \"+\": a relation is indented "
                   "below its statement or argument, with no empty line in between"}));
  EXPECT_EQ(parse_errors("snake_case\n"),
            (Lines{"f.argdown:1:6: error: italic text opened with \"_\" is not closed: add \"_\" after it, or write "
                   "\\_ for the character itself"}));
  EXPECT_EQ(parse_errors("(1) a\n(2) b\n"),
            (Lines{"f.argdown:1:1: error: a premise-conclusion structure ends with an inference line (\"----\") and "
                   "then its numbered conclusion"}));
  EXPECT_EQ(parse_errors("(1) a\n-- rule\n(2) b\n"),
            (Lines{"f.argdown:3:1: error: expected the end of the inference (\"--\"); got \"(\""}));
  EXPECT_EQ(parse_errors("(1) <A>\n----\n(2) b\n"),
            (Lines{"f.argdown:1:5: error: a premise or conclusion must be a statement, not the argument \"<A>\": write "
                   "[Title] for a statement"}));
  EXPECT_EQ(parse_errors("[A]\n  >< <B>\n"),
            (Lines{"f.argdown:2:6: error: a contradiction (><) relates two statements, not the argument \"<B>\""}));
  EXPECT_EQ(parse_errors("===\ntitle: x\n===\n[A]: a\n"),
            (Lines{"f.argdown:4:1: error: the front matter (between \"===\" lines) must be followed by an empty line; "
                   "got \"[A]:\""}));
  EXPECT_EQ(parse_errors("[A]: a {x: [1]; y: 2}\n"),
            (Lines{"f.argdown:1:15: error: data block: expected ',' or '}' after the value of \"x\""}));
  EXPECT_EQ(parse_errors("[A]: a \\"),
            (Lines{"f.argdown:1:8: error: a backslash escapes the character after it, and none follows on this line; "
                   "write \\\\ for a backslash"}));
  EXPECT_EQ(parse_errors(""),
            (Lines{"f.argdown:1:1: error: empty Argdown document: expected a statement, an argument or a heading"}));
  EXPECT_EQ(parse_errors("// only a comment\n"),
            (Lines{"f.argdown:2:1: error: empty Argdown document: expected a statement, an argument or a heading"}));
  EXPECT_EQ(parse_errors("[A]: a\n\n@include(other.argdown)\n"),
            (Lines{"f.argdown:3:1: error: @include(other.argdown): an @include is followed relative to the including "
                   "file, and f.argdown is not a file; read the case by its path, or inline the included files"}));
  EXPECT_EQ(parse_errors("[A]: see [the\ncode](https://example.org)\n"),
            (Lines{"f.argdown:1:10: error: a link's text and address must each be on one line"}));
  EXPECT_EQ(parse_errors("[A]: caf\xE9\n"),
            (Lines{"f.argdown:1:9: error: a byte that is not UTF-8: an Argdown file is UTF-8 text"}));
}

// --- @include ------------------------------------------------------------------------------

// A case split across files, as Argdown's command-line tool reads it.
class ArgdownIncludeTest : public ::testing::Test {
 protected:
  // Reads `name` in the scratch directory as the program does: by its path.
  ReadOptions at(const std::string& name) {
    ReadOptions o;
    o.path = (dir_.path() / name).string();
    o.file_name = name;  // relative, so that messages are the same on every machine
    return o;
  }
  void put(const std::string& name, const std::string& text) {
    fs::create_directories((dir_.path() / name).parent_path());
    test::write_text(dir_.path() / name, text);
  }
  ReadResult read(const std::string& name, const ReadOptions* o = nullptr) {
    return read_argdown(test::read_text(dir_.path() / name), o != nullptr ? *o : at(name));
  }
  template <class E = ParseError>
  Lines errors(const std::string& name, const ReadOptions* o = nullptr) {
    return rejected<E>(test::read_text(dir_.path() / name), o != nullptr ? *o : at(name));
  }
  test::TempDir dir_;
};

TEST_F(ArgdownIncludeTest, AnIncludedFileReadsAsIfWrittenInPlace) {
  put("parts/contract.argdown", "[Breach]: AWS breached the agreement.\n  + [Notice]: No notice. #evidence\n");
  put("parts/antitrust.argdown", "\xEF\xBB\xBF[Conspiracy]: AWS and Twitter conspired.\n  - [No contact]: None. #evidence\n");
  put("case.argdown",
      "# Contract\n\n@include(parts/contract.argdown)\n\n# Antitrust\n\n@include( parts/antitrust.argdown )\n");
  const auto whole = read("case.argdown");
  EXPECT_TRUE(whole.warnings.empty());
  const auto inlined = read_argdown(
      "# Contract\n\n[Breach]: AWS breached the agreement.\n  + [Notice]: No notice. #evidence\n\n\n# Antitrust\n\n"
      "[Conspiracy]: AWS and Twitter conspired.\n  - [No contact]: None. #evidence\n\n",
      options());
  EXPECT_EQ(write(whole.graph), write(inlined.graph));
  EXPECT_EQ(node(whole.graph, "Conspiracy").group, "Antitrust");
  EXPECT_EQ(ids(whole.graph), (Lines{"Breach", "Notice", "Conspiracy", "No contact"}));
}

TEST_F(ArgdownIncludeTest, OneCallMayNameSeveralFilesRelativeToTheFileThatHoldsIt) {
  put("a/one.argdown", "[One]: one\n\n@include(sub/two.argdown)\n");
  put("a/sub/two.argdown", "[Two]: two\n");
  put("b.argdown", "[Three]: three\n");
  put("case.argdown", "@include(a/one.argdown, b.argdown)\n\n@include(b.argdown)\n");
  const auto r = read("case.argdown");
  EXPECT_EQ(ids(r.graph), (Lines{"One", "Two", "Three"}));
  // Named a second time: included once, as Argdown's tool does, and said.
  EXPECT_EQ(warnings(r), (Lines{"case.argdown:3:1: warning: @include(b.argdown) names \"b.argdown\" a second time; it "
                                "is included once, where it was first named"}));
}

TEST_F(ArgdownIncludeTest, ErrorsNameTheFileLineAndColumnWhereTheyAreWritten) {
  put("parts/bad.argdown", "[B]: fine\n\n[C]: a \\");
  put("case.argdown", "[A]: a\n\n@include(parts/bad.argdown)\n\n[D]: d {x: [1]; y: 2}\n");
  EXPECT_EQ(errors("case.argdown"),
            (Lines{"parts/bad.argdown:3:8: error: a backslash escapes the character after it, and none follows on this "
                   "line; write \\\\ for a backslash",
                   "case.argdown:5:15: error: data block: expected ',' or '}' after the value of \"x\""}));
}

TEST_F(ArgdownIncludeTest, CyclesDepthAndMissingFilesAreRefusedAtTheCall) {
  put("loop/a.argdown", "[A]: a\n\n@include(b.argdown)\n");
  put("loop/b.argdown", "[B]: b\n\n  @include(a.argdown)\n");
  EXPECT_EQ(errors("loop/a.argdown"),
            (Lines{"loop/b.argdown:3:3: error: @include(a.argdown) includes \"loop/a.argdown\", which is being read "
                   "already: a file cannot include itself, directly or through the files it includes"}));
  put("self.argdown", "[S]: s @include(self.argdown)\n");
  EXPECT_EQ(errors("self.argdown"),
            (Lines{"self.argdown:1:8: error: @include(self.argdown) includes \"self.argdown\", which is being read "
                   "already: a file cannot include itself, directly or through the files it includes"}));
  for (int i = 0; i <= 20; ++i) {
    put("deep/d" + std::to_string(i) + ".argdown",
        i < 20 ? "@include(d" + std::to_string(i + 1) + ".argdown)\n" : std::string("[Z]: z\n"));
  }
  EXPECT_EQ(errors("deep/d0.argdown"),
            (Lines{"deep/d16.argdown:1:1: error: @include(d17.argdown): includes nest more than 16 files deep; include "
                   "the files from fewer levels"}));
  put("missing.argdown", "[M]: m\n\n@include(nowhere.argdown)\n");
  const auto missing = errors("missing.argdown");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_TRUE(missing[0].starts_with("missing.argdown:3:1: error: @include(nowhere.argdown): cannot read "
                                     "\"nowhere.argdown\": "))
      << missing[0];
  // "@include()" and an unclosed call are text, as the tool leaves them.
  put("plain.argdown", "[P]: write @include() here, or @include( there\n");
  EXPECT_EQ(ids(read("plain.argdown").graph), (Lines{"P"}));
}

TEST_F(ArgdownIncludeTest, TheSizeLimitCountsEveryFileIncluded) {
  put("big1.argdown", "[Big 1]: " + std::string(300, 'x') + "\n");
  put("big2.argdown", "[Big 2]: " + std::string(300, 'x') + "\n");
  put("case.argdown", "[A]: a\n\n@include(big1.argdown, big2.argdown)\n");
  ReadOptions o = at("case.argdown");
  o.limits.max_input_bytes = 500;  // each file alone fits, not both
  const auto lines = errors<ValidationError>("case.argdown", &o);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("the file and the files it includes exceed the limit of 500 bytes together"),
            std::string::npos)
      << lines[0];
}

TEST(ArgdownReaderTest, EveryBrokenBlockIsReported) {
  EXPECT_EQ(parse_errors("a_b\n\n[fine]: text\n\nc\n+ d\n\n<A>\n\n(1) x\n----\n(2) y\n\n<A>\n\n(1) x\n----\n(2) y\n"),
            (Lines{"f.argdown:1:2: error: italic text opened with \"_\" is not closed: add \"_\" after it, or write \\_ "
                   "for the character itself",
                   "f.argdown:6:1: error: the relation \"+\" must be indented further than the statement or argument "
                   "it belongs to",
                   "f.argdown:16:1: error: a second premise-conclusion structure for the argument <A>: an argument has "
                   "one; give this one another title"}));
}

TEST(ArgdownReaderTest, UnusableDataIsAValidationError) {
  EXPECT_EQ(validation_errors("[A]: a {weight: 1.5}\n\n[B]: b {kind: fact}\n\n[C]: c {standard: certainty}\n"),
            (Lines{"f.argdown:1:8: error: the data of [A]: \"weight\" must be a number from 0 to 1; got \"1.5\"",
                   "f.argdown:3:8: error: the data of [B]: unknown kind \"fact\"; expected claim, counterclaim or "
                   "evidence",
                   "f.argdown:5:8: error: the data of [C]: unknown standard of proof \"certainty\"; expected scintilla, "
                   "preponderance, clear-and-convincing or beyond-reasonable-doubt"}));
  EXPECT_EQ(validation_errors("[a\tb]: a\n"),
            (Lines{"f.argdown:1:1: error: the id \"a\\u0009b\" holds a control character, which a node id cannot hold"}));
  EXPECT_EQ(validation_errors("[A]: a {id: B}\n\n[B]: b\n"),
            (Lines{"f.argdown:1:8: error: the data of [A] gives the id \"B\", which another node has"}));
}

TEST(ArgdownReaderTest, CitationsInlineOrInABlock) {
  const Graph g = graph(
      "[E]: email {kind: evidence, cite: {exhibit: PX-12, document: \"Email from AWS\", bates: AWS000123-000131, "
      "pin: at 2, date: 2021-01-08}}\n"
      "\n"
      "[A]: agreement {\n"
      "kind: evidence\n"
      "cite:\n"
      "  - exhibit: PX-3\n"
      "    document: AWS Customer Agreement\n"
      "    quote: \"We may suspend\n"
      "      your right\"\n"
      "  -\n"
      "    authority: 15 U.S.C. § 1\n"
      "  - {authority: Fed. R. Civ. P. 65, url: \"https://www.law.cornell.edu/rules/frcp/rule_65\"}\n"
      "}\n"
      "\n"
      "[B]: block mapping {\n"
      "cite:\n"
      "  exhibit: PX-4\n"
      "  pin: '¶ 14'\n"
      "}\n");
  ASSERT_EQ(ids(g), (Lines{"E", "A", "B"}));
  EXPECT_EQ(g.node(0).cite, (std::vector<Citation>{test::cite({{"document", "Email from AWS"},
                                                               {"exhibit", "PX-12"},
                                                               {"bates", "AWS000123-000131"},
                                                               {"pin", "at 2"},
                                                               {"date", "2021-01-08"}})}));
  EXPECT_EQ(g.node(1).cite,
            (std::vector<Citation>{
                test::cite({{"document", "AWS Customer Agreement"},
                            {"exhibit", "PX-3"},
                            {"quote", "We may suspend your right"}}),
                test::cite({{"authority", "15 U.S.C. § 1"}}),
                test::cite({{"authority", "Fed. R. Civ. P. 65"},
                            {"url", "https://www.law.cornell.edu/rules/frcp/rule_65"}})}));
  EXPECT_EQ(g.node(2).cite, (std::vector<Citation>{test::cite({{"exhibit", "PX-4"}, {"pin", "¶ 14"}})}));
}

TEST(ArgdownReaderTest, BadCitationsAreErrorsAtTheirValue) {
  EXPECT_EQ(validation_errors("[A]: a {cite: {exhibit: PX-1, bates: AWS000131-AWS000123}}\n"
                              "\n"
                              "[B]: b {cite: [{exhibit: PX-2, date: 2021-02-30}, {url: \"no url\"}, {pin: at 4}, PX-3]}\n"
                              "\n"
                              "[C]: c {cite: PX-4}\n"
                              "\n"
                              "[D]: d {cite: {exhibit: [PX-5], pin: \" \", exhibit: PX-6, document: {a: b}}}\n"
                              "\n"
                              "[F]: f {\n"
                              "cite:\n"
                              "  - exhibit: PX-7\n"
                              "    date: 9 January 2021\n"
                              "}\n"),
            (Lines{"f.argdown:1:38: error: the data of [A]: Bates range \"AWS000131-AWS000123\" runs backwards: "
                   "AWS000131 comes after AWS000123",
                   "f.argdown:3:38: error: the data of [B]: date \"2021-02-30\" is not a date: February 2021 has 28 days",
                   "f.argdown:3:57: error: the data of [B]: url \"no url\" contains a space or a control character; "
                   "write spaces as %20",
                   "f.argdown:3:68: error: the data of [B]: a citation must say what it cites: give its \"document\", "
                   "\"exhibit\", \"bates\", \"authority\" or \"url\"",
                   "f.argdown:3:81: error: the data of [B]: each item of \"cite\" must be a citation such as "
                   "{exhibit: PX-12, pin: \"at 4\"}",
                   "f.argdown:5:15: error: the data of [C]: \"cite\" must be a citation such as {exhibit: PX-12, pin: "
                   "\"at 4\"}, or a list of them",
                   "f.argdown:7:25: error: the data of [D]: the exhibit of a citation must be text",
                   "f.argdown:7:38: error: the data of [D]: pin cite \" \" must not be blank",
                   "f.argdown:7:52: error: the data of [D]: a citation gives \"exhibit\" twice",
                   "f.argdown:7:68: error: the data of [D]: the document of a citation must be text",
                   "f.argdown:12:11: error: the data of [F]: date \"9 January 2021\" is not an ISO 8601 date; write "
                   "YYYY-MM-DD (\"2021-01-09\"), YYYY-MM or YYYY for a partial date, or "
                   "YYYY-MM-DDThh:mm[:ss][Z or ±hh:mm] for a time"}));
}

TEST(ArgdownReaderTest, AnUnknownCitationFieldIsAWarning) {
  const ReadResult r = accepted("[A]: a {cite: {exibit: PX-1, document: Memo}}\n");
  EXPECT_EQ(warnings(r), (Lines{"f.argdown:1:24: warning: the data of [A]: unknown field \"exibit\" of a citation; "
                                 "ignored; did you mean \"exhibit\"?"}));
  EXPECT_EQ(r.graph.node(0).cite, (std::vector<Citation>{test::cite({{"document", "Memo"}})}));
}

TEST(ArgdownReaderTest, LimitsAreErrorsThatNameTheOption) {
  ReadOptions o = options();
  o.limits.max_nodes = 2;
  EXPECT_EQ(rejected<ValidationError>("[A]: a\n  + [B]: b\n  + [C]: c\n", o),
            (Lines{"f.argdown:3:5: error: more than 2 statements and arguments"}));
  o = options();
  o.limits.max_depth = 2;
  EXPECT_EQ(rejected<ValidationError>("[A]: a\n  + b\n    + c\n      + d\n", o),
            (Lines{"f.argdown:4:1: error: relations nested more than 2 levels deep"}));
}

// --- hostile input ------------------------------------------------------------------------------

TEST(ArgdownReaderTest, DeepNestingNeedsNoStack) {
  std::string text = "root\n";
  // (Each level is indented one more space, so the text grows with the
  // square of the depth.)
  const std::size_t depth = 5'000;
  for (std::size_t i = 1; i <= depth; ++i) {
    text += std::string(i, ' ');
    text += "+ n\n";
  }
  ReadOptions o = options();
  o.limits.max_depth = depth + 1;
  const Graph g = accepted(text, o).graph;
  EXPECT_EQ(g.node_count(), depth + 1);
  EXPECT_EQ(g.edge_count(), depth);
}

TEST(ArgdownReaderTest, OpenersWithoutClosersAreReadInOnePass) {
  // Each opener looks ahead for its closer; a naive search would take
  // quadratic time on these. Without their closers most are plain text;
  // "\\{" is an escaped brace, "/*" leaves an italic star open and "[a]("
  // is a reference in the middle of a paragraph.
  const auto repeated = [](std::string_view opener) {
    std::string s;
    for (int i = 0; i < 20'000; ++i) s += opener;
    return s;
  };
  for (const std::string_view opener : {"{", "[", "<", "<!--", "@[", "#(", "===", ".a"}) {
    const std::string text = "x " + repeated(opener);
    const Graph g = graph(text + "\n");
    EXPECT_EQ(ids(g), (Lines{"Untitled 1"})) << opener;
    EXPECT_EQ(node(g, "Untitled 1").label, text) << opener;
  }
  const Graph escaped = graph("x " + repeated("\\{") + "\n");
  EXPECT_EQ(ids(escaped), (Lines{"Untitled 1"}));
  EXPECT_EQ(node(escaped, "Untitled 1").label, "x " + repeated("{"));
  EXPECT_EQ(parse_errors("x " + repeated("/*") + "\n"),
            (Lines{"f.argdown:1:39998: error: italic text opened with \"*\" is not closed: add \"*\" after it, or "
                   "write \\* for the character itself"}));
  EXPECT_EQ(parse_errors("x " + repeated("[a](") + "\n"),
            (Lines{"f.argdown:1:3: error: expected an empty line before \"[a]\""}));
}

TEST(ArgdownReaderTest, ArbitraryBytesNeverCrash) {
  // Every two-byte document over Argdown's syntax characters, and a few
  // longer ones made of them. Each is read, or refused with parse errors
  // placed inside it; what they come to, counted: how many are read with
  // how many nodes and edges, how many refused, and each message.
  const std::string alphabet = "[]<>(){}+-_*#@:.,/\\=!\"' \t\r\n1aZ";
  std::map<std::string, int> outcomes;
  const auto add = [&](const Diagnostic& d) { ++outcomes[std::string(to_string(d.severity)) + ": " + d.message]; };
  for (char a : alphabet) {
    for (char b : alphabet) {
      for (const std::string& text : {std::string{a, b}, std::string{a, '\n', ' ', ' ', b, ' ', 'x'},
                                     std::string{'x', '\n', ' ', a, ' ', b, '\n', ' ', ' ', ' ', a}}) {
        try {
          const ReadResult r = read_argdown(text, options());
          ++outcomes["read: " + std::to_string(r.graph.node_count()) + " nodes, " +
                     std::to_string(r.graph.edge_count()) + " edges"];
          for (const auto& d : r.warnings) add(d);
        } catch (const ParseError& e) {
          ++outcomes["refused"];
          const auto lines = static_cast<std::size_t>(std::count_if(
              text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }));
          for (const auto& d : e.diagnostics()) {
            EXPECT_EQ(d.severity, Severity::error) << d.format();
            EXPECT_TRUE(d.where.line >= 1 && d.where.line <= lines + 1 && d.where.column >= 1) << d.format();
            add(d);
          }
        }
      }
    }
  }
  const std::string relation_first =
      ": a relation is indented below its statement or argument, with no empty line in between";
  const std::string relations = "a relation (+, -, _, +>, ->, _>, <+, <-, <_ or ><)";
  EXPECT_EQ(outcomes,
            (std::map<std::string, int>{
                {"read: 0 nodes, 0 edges", 4},
                {"read: 1 nodes, 0 edges", 1936},
                {"read: 2 nodes, 0 edges", 63},
                {"read: 2 nodes, 1 edges", 78},
                {"refused", 619},
                {"warning: \"Untitled 2\" undercuts \"Untitled 1\", which supports nothing: read as an attack on "
                 "it",
                 26},
                {"error: a backslash escapes the character after it, and none follows on this line; write \\\\ for a "
                 "backslash",
                 120},
                {"error: a heading must follow an empty line", 51},
                {"error: a paragraph cannot start with the relation \"'+\"" + relation_first, 1},
                {"error: a paragraph cannot start with the relation \"'-\"" + relation_first, 1},
                {"error: a paragraph cannot start with the relation \"+\"" + relation_first, 70},
                {"error: a paragraph cannot start with the relation \"+>\"" + relation_first, 1},
                {"error: a paragraph cannot start with the relation \"-\"" + relation_first, 69},
                {"error: a paragraph cannot start with the relation \"->\"" + relation_first, 1},
                {"error: a paragraph cannot start with the relation \"<+\"" + relation_first, 1},
                {"error: a paragraph cannot start with the relation \"<-\"" + relation_first, 1},
                {"error: a paragraph cannot start with the relation \"<_\"" + relation_first, 1},
                {"error: a paragraph cannot start with the relation \"><\"" + relation_first, 1},
                {"error: a paragraph cannot start with the relation \"_\"" + relation_first, 40},
                {"error: a paragraph cannot start with the relation \"_>\"" + relation_first, 1},
                {"error: an inference line (\"--\") must come between numbered statements of a premise-conclusion "
                 "structure",
                 1},
                {"error: bold text opened with \"**\" is not closed: add \"**\" after it, or write \\* for the "
                 "character itself",
                 1},
                {"error: bold text opened with \"__\" is not closed: add \"__\" after it, or write \\_ for the "
                 "character itself",
                 1},
                {"error: empty Argdown document: expected a statement, an argument or a heading", 20},
                {"error: expected a heading's text after \"#\"; got the end of the file", 1},
                {"error: expected " + relations + " on the indented line; got a list item \"' *\"", 1},
                {"error: expected " + relations + " on the indented line; got a list item \"*\"", 55},
                {"error: expected a statement or an argument after the relation \"+\"; got a line indented less", 30},
                {"error: expected a statement or an argument after the relation \"-\"; got a line indented less", 30},
                {"error: expected a statement or an argument after the relation \"_\"; got a line indented less", 1},
                {"error: expected a statement, an argument or a heading; got a data block (\"{ }\")", 2},
                {"error: expected a statement; got a line indented less", 4},
                {"error: expected an empty line before \"< >\"", 1},
                {"error: expected an empty line before \"<\\u000A   >\"", 1},
                {"error: expected an empty line before \"[ ]\"", 1},
                {"error: expected an empty line before \"[\\u000A   ]\"", 1},
                {"error: expected an empty line before \"x\"", 2},
                {"error: expected an empty line before \"{\"", 1},
                {"error: expected another list item or the end of the list; got a heading", 1},
                {"error: italic text opened with \"*\" is not closed: add \"*\" after it, or write \\* for the "
                 "character itself",
                 51},
                {"error: italic text opened with \"_\" is not closed: add \"_\" after it, or write \\_ for the "
                 "character itself",
                 77},
            }));
}

// --- the writer -----------------------------------------------------------------------------------

TEST(ArgdownWriterTest, NegligenceMatchesGolden) {
  const std::string out = write(load(test::graphs_dir() / "negligence_example.json"));
  const std::string mismatch = test::golden_mismatch("negligence_example.argdown", out);
  EXPECT_TRUE(mismatch.empty()) << mismatch;
}

TEST(ArgdownWriterTest, EscapesWhatArgdownWouldRead) {
  Graph g;
  Node n;
  n.id = "a";
  n.label = "#tag @[ref] *em* _u_ [l](u) {d} <!-- c --> // c /* c */ a\\b .~. x:y 1.5 ===x a,  b end.";
  g.add_node(n);
  EXPECT_EQ(write(g),
            "[a]: \\#tag @\\[ref] \\*em\\* \\_u\\_ \\[l](u) \\{d} \\<!-- c --> \\// c \\/\\* c \\*/ a\\\\b \\.~. x\\:y "
            "1\\.5 ===x a\\,  b end.\n");
  EXPECT_EQ(node(graph(write(g)), "a").label, n.label);
}

TEST(ArgdownWriterTest, IdsThatCannotBeTitlesAreKeptInTheData) {
  Graph g;
  for (const std::string_view id : {"a]b", "-x", "]", "a)b"}) {
    Node n;
    n.id = std::string(id);
    n.label = "label";
    g.add_node(n);
  }
  const std::string out = write(g);
  EXPECT_EQ(out,
            "[a)b (2)]: label {id: \"a]b\"}\n\n[_-x]: label {id: \"-x\"}\n\n[)]: label {id: \"]\"}\n\n"
            "[a)b]: label\n");
  EXPECT_EQ(ids(graph(out)), ids(g));
}

TEST(ArgdownReaderTest, AStatementWithNoTextAndABlankTitleIsRefused) {
  // Its label would be blank, which no case file may have ("<- [  ]:" with
  // nothing after it once made one, that neither the case-file reader nor
  // this one read back).
  for (const char* text : {"[A]: a\n  <- [  ]:\n", "[A]: a\n  <- [   ]\n", "[  ]:\n"}) {
    const Lines errors = validation_errors(text);
    ASSERT_EQ(errors.size(), 1u) << text;
    EXPECT_NE(errors[0].find("has no text and its title is blank"), std::string::npos) << errors[0];
    EXPECT_TRUE(errors[0].starts_with("f.argdown:")) << errors[0];
  }
  // A blank title with text is a statement like any other.
  const Graph g = graph("[  ]: Some text\n");
  EXPECT_EQ(node(g, "  ").label, "Some text");
}

TEST(ArgdownWriterTest, NeverWritesAnIncludeCall) {
  // Argdown's tool would replace "@include(x)" wherever it stands.
  Graph g;
  Node n;
  n.id = "@include(a)";
  n.label = "see @include(b)";
  n.source = "@include(c)";
  n.tags = std::vector<std::string>{"@include(d"};
  g.add_node(n);
  const std::string out = write(g);
  EXPECT_EQ(out.find("@include("), std::string::npos) << out;
  const Graph back = graph(out);
  EXPECT_EQ(node(back, "@include(a)"), n);
}

TEST(ArgdownWriterTest, AnEmptyGraphIsAHeading) {
  Graph g;
  g.title = "Nothing yet";
  const std::string out = write(g);
  EXPECT_EQ(out, "===\ntitle: \"Nothing yet\"\n===\n\n# Nothing yet\n");
  const Graph back = graph(out);
  EXPECT_EQ(back.node_count(), 0u);
  EXPECT_EQ(back.title, "Nothing yet");
}

// Everything the reader gives back of a written graph: nodes in full, edges
// as a set (the writer groups them by the node they point to).
void expect_same(const Graph& a, const Graph& b) {
  ASSERT_EQ(ids(a), ids(b));
  for (Graph::NodeRef v = 0; v < a.node_count(); ++v) {
    Node x = a.node(v);
    x.extra.clear();  // fields claimgraph does not know have no place in Argdown
    EXPECT_EQ(x, b.node(v)) << "node " << x.id;
  }
  EXPECT_EQ(sorted(edges(a)), sorted(edges(b)));
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.description, b.description);
}

class ArgdownRoundTripTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(ArgdownRoundTripTest, KeepsEveryNodeRelationAndLabel) {
  const Graph original = load(GetParam());
  const std::string once = write(original);
  const Graph back = graph(once);
  expect_same(original, back);
  EXPECT_EQ(write(back), once) << "writing what was read gives the same document";
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}
INSTANTIATE_TEST_SUITE_P(Graphs, ArgdownRoundTripTest, ::testing::ValuesIn(test::example_graphs()), test_name);

TEST(ArgdownWriterTest, CitationsAreFlowMappingsInTheData) {
  Graph g;
  Node n;
  n.id = "e";
  n.kind = NodeKind::evidence;
  n.label = "Email";
  n.cite = {test::cite({{"exhibit", "PX-12"}, {"pin", "at 2"}})};
  g.add_node(n);
  EXPECT_EQ(write(g), "[e]: Email {kind: evidence, cite: {exhibit: \"PX-12\", pin: \"at 2\"}}\n");
  g.node(0).cite.push_back(test::cite({{"authority", "15 U.S.C. § 1"}}, {{"note", "1"}}));
  EXPECT_EQ(write(g),
            "[e]: Email {kind: evidence, cite: [{exhibit: \"PX-12\", pin: \"at 2\"}, {authority: \"15 U.S.C. § 1\"}]}\n");
}

// Two citations with every field between them, and text that YAML, the
// Argdown data pattern and its @include( would all take for syntax.
std::vector<Citation> hostile_citations() {
  return {test::cite({{"document", "Email \"from\" AWS <to> Parler & co. \\ 😀 }, {x: y}"},
                      {"exhibit", "PX-12 ½ 中文 # not a comment"},
                      {"bates", "AWS000123–AWS000131"},
                      {"pin", "at 4:12–18, ¶ 14 @include(x.argdown)"},
                      {"date", "2021-01-09T17:05:30.5-08:00"},
                      {"quote", "\"We may suspend\"\n<b>any</b>\t&amp; all === \\x41 'single' \x07 \u2028 end"},
                      {"authority", "Parler LLC v. Amazon Web Services, Inc., 514 F. Supp. 3d 1261 (W.D. Wash. 2021)"},
                      {"url", "https://example.com/a?q=\"<x>\"&y='z'}"}}),
          test::cite({{"document", "  spaces at the ends  "},
                      {"date", "2020-10"},
                      {"authority", "[Title]: <Arg> +> -"}})};
}

TEST(ArgdownRoundTripTest, CitationsWithEveryFieldComeBackExactly) {
  Graph g;
  Node n;
  n.id = "e";
  n.kind = NodeKind::evidence;
  n.label = "Email";
  n.cite = hostile_citations();
  g.add_node(n);
  Node one;
  one.id = "c";
  one.label = "Claim";
  one.cite = {hostile_citations().front()};
  g.add_node(one);
  g.add_edge(0, 1, Relation::supports);
  const std::string written = write(g);
  EXPECT_EQ(written.find("@include("), std::string::npos) << written;
  const Graph back = graph(written);
  ASSERT_EQ(ids(back), (Lines{"e", "c"}));
  EXPECT_EQ(back.node(0).cite, g.node(0).cite);
  EXPECT_EQ(back.node(1).cite, g.node(1).cite);
  EXPECT_EQ(write(back), written);
}

TEST(ArgdownRoundTripTest, HostileTextComesBackAsWritten) {
  const Graph original = test::hostile_graph();
  const Graph back = graph(write(original));
  ASSERT_EQ(ids(original), ids(back));
  // Argdown statements are one paragraph: line breaks become spaces, and
  // the ends are trimmed.
  const auto as_read = [](std::string_view raw) {
    std::string s;
    for (std::size_t i = 0; i < raw.size();) {
      const std::size_t start = i;
      const char32_t cp = detail::decode_utf8(raw, i);
      s += cp == detail::replacement_character && i == start + 1 ? std::string("\uFFFD")
                                                                    : std::string(raw.substr(start, i - start));
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') s.erase(i, 1);
      if (s[i] == '\r' || s[i] == '\n') s[i] = ' ';
    }
    const std::size_t b = s.find_first_not_of(" \t");
    const std::size_t e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  for (Graph::NodeRef v = 0; v < original.node_count(); ++v) {
    const Node& a = original.node(v);
    const Node& b = back.node(v);
    EXPECT_EQ(as_read(a.label), b.label) << a.id;
    EXPECT_EQ(a.kind, b.kind) << a.id;
    EXPECT_EQ(a.text, b.text) << a.id;
    EXPECT_EQ(a.party, b.party) << a.id;
    EXPECT_EQ(a.source, b.source) << a.id;
    EXPECT_EQ(a.tags, b.tags) << a.id;
    EXPECT_EQ(a.weight, b.weight) << a.id;
    EXPECT_EQ(a.standard, b.standard) << a.id;
    EXPECT_EQ(a.burden, b.burden) << a.id;
    // Citations come back whole, but for their unknown fields.
    std::vector<Citation> cites = a.cite;
    for (auto& c : cites) c.extra.clear();
    EXPECT_EQ(cites, b.cite) << a.id;
    if (a.group && !as_read(*a.group).empty()) {
      EXPECT_EQ(as_read(*a.group), b.group) << a.id;
    }
  }
  // An undercut comes back against every supports edge of the same source
  // (Argdown undercuts a statement, not one of its relations).
  Lines expected;
  for (const auto& e : edges(original)) {
    if (e.find(" undercuts ") == std::string::npos) expected.push_back(e);
  }
  Lines got;
  for (const auto& e : edges(back)) {
    if (e.find(" undercuts ") == std::string::npos) got.push_back(e);
  }
  EXPECT_EQ(sorted(expected), sorted(got));
  for (const auto& e : edges(original)) {
    if (e.find(" undercuts ") != std::string::npos) {
      const Lines all = edges(back);
      EXPECT_NE(std::find(all.begin(), all.end(), e), all.end()) << e;
    }
  }
}

}  // namespace
}  // namespace claimgraph::io
