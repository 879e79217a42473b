// The claimgraph program, run as a user runs it: exit statuses, what goes to
// standard output and standard error, and what is (not) left on disk.

#include <gtest/gtest.h>

#include <boost/version.hpp>
#include <regex>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "claimgraph/io/formats.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::read_text;
using test::RunResult;
using test::write_text;

class CliTest : public test::ProgramTest {
 protected:
  // The names in a directory, to see that nothing (not even a temporary
  // file) was left behind.
  static std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
  }

  test::TempDir tmp_;
};

constexpr const char* all_grounded = R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "c", "kind": "claim", "label": "Claim", "group": "G"},
    {"id": "k", "kind": "counterclaim", "label": "Counterclaim"},
    {"id": "e", "kind": "evidence", "label": "Exhibit"}
  ],
  "edges": [
    {"from": "e", "to": "c", "relation": "supports"},
    {"from": "e", "to": "k", "relation": "supports"},
    {"from": "k", "to": "c", "relation": "contradicts"}
  ]
}
)";

constexpr const char* invalid = R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "c", "kind": "clam", "label": "Claim"}
  ],
  "edges": []
}
)";

// --- --help and --version ------------------------------------------------------------

TEST_F(CliTest, HelpExitsZeroAndDocumentsTheExitCodes) {
  const RunResult r = claimgraph({"--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Usage: claimgraph"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("check"), std::string::npos);
  EXPECT_NE(r.out.find("export"), std::string::npos);
  EXPECT_NE(r.out.find("Exit status: 0 success (check: every claim is grounded); 1 check: some claim lacks evidence;\n"
                       "lint --strict: some finding; diff: the versions differ; 2 unusable input or arguments;\n"
                       "3 the output could not be written; 70 internal error."),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, SubcommandHelp) {
  const RunResult check = claimgraph({"check", "--help"});
  EXPECT_EQ(check.status, 0);
  EXPECT_NE(check.out.find("--format"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("Exit status: 0 every claim is grounded; 1 some claim lacks evidence; 2 unusable input."),
            std::string::npos)
      << check.out;
  const RunResult exp = claimgraph({"export", "--help"});
  EXPECT_EQ(exp.status, 0);
  EXPECT_NE(exp.out.find("--to"), std::string::npos) << exp.out;
  EXPECT_NE(exp.out.find("-o,--output"), std::string::npos) << exp.out;
  EXPECT_NE(exp.out.find("{dot,mermaid,graphml,csv,markdown,docx,html,chronology,chronology-html,json,aif,argdown}"),
            std::string::npos)
      << exp.out;
}

TEST_F(CliTest, Version) {
  const RunResult r = claimgraph({"--version"});
  EXPECT_EQ(r.status, 0);
  const auto lines = test::lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0], std::string("claimgraph ") + CLAIMGRAPH_VERSION_STRING);
  EXPECT_EQ(lines[0], "claimgraph 0.1.0");
  // Every library it was built with, each with a dotted version; Boost's is
  // the one these tests are built with.
  EXPECT_TRUE(std::regex_match(lines[1], std::regex("Built with Boost [0-9.]+, Graphviz [0-9.]+, nlohmann/json [0-9.]+, "
                                                    "cairo [0-9.]+, librsvg [0-9.]+, CLI11 [0-9.]+, spdlog [0-9.]+, "
                                                    "fmt [0-9.]+\\.")))
      << lines[1];
  const std::string boost = std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000) +
                            "." + std::to_string(BOOST_VERSION % 100);
  EXPECT_NE(lines[1].find("Boost " + boost + ","), std::string::npos) << lines[1];
  EXPECT_EQ(r.err, "");
}

// --- arguments -----------------------------------------------------------------------

TEST_F(CliTest, UnknownOptionExitsTwo) {
  const RunResult r = claimgraph({"check", "--bogus", graph("negligence_example")});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--bogus"), std::string::npos) << r.err;
}

TEST_F(CliTest, BadArgumentsExitTwo) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {},
           {"frobnicate"},
           {"check"},
           {"check", graph("negligence_example"), "--format", "xml"},
           {"export", graph("negligence_example"), "--to", "svg"},
       }) {
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    SCOPED_TRACE(joined);
    const RunResult r = claimgraph(args);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err, "");
  }
}

TEST_F(CliTest, ExportWithoutAFormatExitsTwo) {
  // Every format the table lists, in its order: "dot, mermaid, ... or argdown".
  const std::string formats = claimgraph::io::format_names(claimgraph::io::output_formats());
  EXPECT_EQ(formats.substr(0, 13), "dot, mermaid,");
  const RunResult r = claimgraph({"export", graph("negligence_example")});
  EXPECT_EQ(r.status, 2);
  std::string expected = "claimgraph: error: cannot tell the output format; give --to ";
  EXPECT_EQ(r.err, expected.append(formats).append("\n"));
  const std::string out = (tmp_ / "out.txt").string();
  const RunResult named = claimgraph({"export", graph("negligence_example"), "-o", out});
  EXPECT_EQ(named.status, 2);
  expected = "claimgraph: error: cannot tell the output format from the name ";
  EXPECT_EQ(named.err, expected.append(out).append("; give --to ").append(formats).append("\n"));
  EXPECT_FALSE(fs::exists(out));
}

// --- check ---------------------------------------------------------------------------

TEST_F(CliTest, CheckTheShowcaseAsJson) {
  const RunResult r = claimgraph({"check", graph("parler_v_aws"), "--format", "json"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "");
  const json report = json::parse(r.out);
  EXPECT_EQ(report.at("claims"), 26);
  EXPECT_EQ(report.at("grounded"), 14);
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> lacking;
  for (const auto& l : report.at("lacking_evidence")) {
    lacking[l.at("id")] = {l.at("reason"), l.at("missing").get<std::vector<std::string>>()};
  }
  using Entry = std::pair<std::string, std::vector<std::string>>;
  // The gaps graphs/README.md promises, and nothing else.
  const std::map<std::string, Entry> expected{
      {"s2", {"unsupported", {}}},
      {"k3", {"unsupported", {}}},
      {"k4", {"unsupported", {}}},
      {"t2", {"unsupported", {}}},
      {"pi3", {"unsupported", {}}},
      {"pi4", {"unsupported", {}}},
      {"aws_section_230", {"unsupported", {}}},
      {"pi1", {"ungrounded", {}}},
      {"sherman", {"missing-elements", {"s2"}}},
      {"contract", {"missing-elements", {"k3", "k4"}}},
      {"interference", {"missing-elements", {"t2"}}},
      {"motion", {"missing-elements", {"pi1", "pi3", "pi4"}}},
  };
  EXPECT_EQ(lacking, expected);
  for (const auto& l : report.at("lacking_evidence")) {
    if (l.at("id") == "pi1") {
      EXPECT_EQ(l.at("cause"), "lacking-supporters");
      EXPECT_EQ(l.at("supporters"), json({"sherman", "contract", "interference"}));
    }
  }
}

TEST_F(CliTest, CheckTheShowcaseAsText) {
  const RunResult r = claimgraph({"check", graph("parler_v_aws")});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "");
  const auto lines = test::lines_of(r.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front(), "Parler LLC v. Amazon Web Services, Inc.");
  EXPECT_EQ(lines.back(), "26 claims and counterclaims: 14 grounded, 12 lack evidence.");
  EXPECT_NE(r.out.find("  ✗ s2 — The restraint of trade was unreasonable\n"
                       "      unsupported: no evidence or claim supports it and it has no elements\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("      missing-elements: 2 elements not grounded\n"
                       "        - k3 (Parler performed its own obligations)\n"
                       "        - k4 (Parler suffered damages)\n"),
            std::string::npos)
      << r.out;
}

TEST_F(CliTest, CheckAnAllGroundedGraphExitsZero) {
  const fs::path in = tmp_ / "grounded.json";
  write_text(in, all_grounded);
  const RunResult r = claimgraph({"check", in.string()});
  EXPECT_EQ(r.status, 0);
  // Lint findings are warnings: they leave the exit status alone.
  const std::string f = in.string();
  EXPECT_EQ(r.err, f + ":4:5: warning: /nodes/0: claim \"c\" has no party [L007 claim-without-party]\n" + f +
                       ":4:5: warning: /nodes/0: group \"G\" has one node, \"c\" [L008 group-of-one]\n" + f +
                       ":5:5: warning: /nodes/1: counterclaim \"k\" has no party [L007 claim-without-party]\n" + f +
                       ":6:5: warning: /nodes/2: evidence \"e\" has no source [L005 evidence-without-source]\n");
  EXPECT_EQ(r.out,
            "G\n"
            "  ✓ c — Claim (contradicted by 1 grounded node)\n"
            "\n"
            "(no group)\n"
            "  ✓ k — Counterclaim [counterclaim]\n"
            "\n"
            "2 claims and counterclaims: 2 grounded, 0 lack evidence.\n");
  const RunResult j = claimgraph({"check", in.string(), "--format", "json"});
  EXPECT_EQ(j.status, 0);
  const json report = json::parse(j.out);
  EXPECT_EQ(report.at("claims"), 2);
  EXPECT_EQ(report.at("grounded"), 2);
  EXPECT_EQ(report.at("lacking_evidence"), json::array());
}

TEST_F(CliTest, CheckBadInputExitsTwoWithTheErrorOnStderr) {
  const fs::path in = tmp_ / "bad.json";
  write_text(in, invalid);
  const RunResult r = claimgraph({"check", in.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, in.string() +
                       ":4:25: error: /nodes/0/kind: unknown kind \"clam\"; expected \"claim\", \"counterclaim\" or "
                       "\"evidence\"; did you mean \"claim\"?\n");
}

TEST_F(CliTest, EveryErrorAndWarningIsPrinted) {
  const fs::path in = tmp_ / "bad.json";
  write_text(in, R"({"claimgraph": 1, "nodes": [
  {"id": "a", "kind": "claim", "lable": "A"},
  {"id": "a", "kind": "claim", "label": "A"}],
  "edges": [{"from": "a", "to": "b", "relation": "supports"}]})");
  const RunResult r = claimgraph({"check", in.string()});
  EXPECT_EQ(r.status, 2);
  const std::string f = in.string();
  EXPECT_EQ(r.err, f + ":2:3: error: /nodes/0: node is missing the required field \"label\"\n" + f +
                       ":2:32: warning: /nodes/0/lable: unknown field \"lable\" (kept on export); did you mean "
                       "\"label\"?\n" +
                       f + ":3:10: error: /nodes/1/id: duplicate node id \"a\"; first defined at " + f + ":2:10\n" + f +
                       ":4:33: error: /edges/0/to: unknown node \"b\"; did you mean \"a\"?\n");
}

TEST_F(CliTest, WarningsGoToStderrAndQuietSilencesThem) {
  const fs::path in = tmp_ / "warn.json";
  write_text(in, R"({"claimgraph": 1, "nodes": [], "edges": [], "titel": "x"})");
  const RunResult r = claimgraph({"check", in.string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, in.string() + ":1:45: warning: /titel: unknown field \"titel\" (kept on export); did you mean "
                                 "\"title\"?\n");
  const RunResult q = claimgraph({"-q", "check", in.string()});
  EXPECT_EQ(q.status, 0);
  EXPECT_EQ(q.err, "");
}

TEST_F(CliTest, MissingFileExitsTwo) {
  const std::string missing = (tmp_ / "missing.json").string();
  const RunResult r = claimgraph({"check", missing});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, missing + ": error: cannot open: No such file or directory\n");
}

TEST_F(CliTest, CheckReadsStandardInput) {
  const RunResult r = claimgraph({"check", "-", "--format", "json"}, read_text(graph("parler_v_aws")));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(json::parse(r.out).at("grounded"), 14);
  const RunResult bad = claimgraph({"check", "-"}, std::string(invalid));
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err.rfind("<stdin>:4:25: error: /nodes/0/kind: unknown kind \"clam\"", 0), 0u) << bad.err;
}

// --- export --------------------------------------------------------------------------

TEST_F(CliTest, ExportToStandardOutput) {
  for (const char* name : {"parler_v_aws", "negligence_example"}) {
    SCOPED_TRACE(name);
    const RunResult dot = claimgraph({"export", graph(name), "--to", "dot"});
    EXPECT_EQ(dot.status, 0);
    EXPECT_EQ(dot.err, "");
    EXPECT_EQ(dot.out, golden(std::string(name) + ".dot"));
    const RunResult js = claimgraph({"export", graph(name), "--to", "json"});
    EXPECT_EQ(js.status, 0);
    EXPECT_EQ(js.out, golden(std::string(name) + ".json"));
  }
}

TEST_F(CliTest, ExportToAFileNamedWithDashO) {
  const fs::path dot = tmp_ / "out.dot";
  RunResult r = claimgraph({"export", graph("negligence_example"), "--to", "dot", "-o", dot.string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(read_text(dot), golden("negligence_example.dot"));
  const fs::path js = tmp_ / "out.data";
  r = claimgraph({"export", graph("negligence_example"), "--to", "json", "--output", js.string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(read_text(js), golden("negligence_example.json"));
  EXPECT_EQ(listing(tmp_.path()), (std::set<std::string>{"out.dot", "out.data"}));
}

TEST_F(CliTest, FormatFromTheOutputExtension) {
  for (const auto& [file, golden_name] : std::vector<std::pair<std::string, std::string>>{
           {"a.dot", "parler_v_aws.dot"},
           {"b.gv", "parler_v_aws.dot"},
           {"c.DOT", "parler_v_aws.dot"},
           {"d.json", "parler_v_aws.json"}}) {
    SCOPED_TRACE(file);
    const RunResult r = claimgraph({"export", graph("parler_v_aws"), "-o", (tmp_ / file).string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(read_text(tmp_ / file), golden(golden_name));
  }
  // --to wins over the extension.
  const RunResult r = claimgraph({"export", graph("parler_v_aws"), "--to", "json", "-o", (tmp_ / "e.dot").string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(read_text(tmp_ / "e.dot"), golden("parler_v_aws.json"));
}

TEST_F(CliTest, ExportReadsStandardInput) {
  const RunResult r = claimgraph({"export", "-", "--to", "json"}, read_text(graph("negligence_example")));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, golden("negligence_example.json"));
}

TEST_F(CliTest, ExportToDevStdout) {
  // Standard output is a pipe here, as in `claimgraph ... -o /dev/stdout | less`.
  const RunResult r = claimgraph({"export", graph("negligence_example"), "--to", "dot", "-o", "/dev/stdout"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, golden("negligence_example.dot"));
}

TEST_F(CliTest, ExportIsCanonical) {
  // Exporting the exported JSON again gives the same bytes.
  const fs::path once = tmp_ / "once.json";
  const fs::path twice = tmp_ / "twice.json";
  ASSERT_EQ(claimgraph({"export", graph("parler_v_aws"), "-o", once.string()}).status, 0);
  ASSERT_EQ(claimgraph({"export", once.string(), "-o", twice.string()}).status, 0);
  EXPECT_EQ(read_text(once), read_text(twice));
}

// The HTML page: the program draws the diagram with Graphviz's `dot`; the
// rest of the page is what the library writes (tests/io/html_writer_test.cpp).
class CliHtmlTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (test::dot_program().empty()) GTEST_SKIP() << "Graphviz `dot` is not installed: --to html cannot draw";
  }

  // The page with its drawing swapped for the stand-in the golden file has.
  static std::string with_golden_drawing(std::string page) {
    const std::string golden_page = golden("parler_v_aws.html");
    auto drawing = [](const std::string& text) {
      const auto begin = text.find("\n<svg");
      return std::pair{begin, text.find("</svg>\n", begin) + 6 - begin};
    };
    const auto [at, size] = drawing(page);
    const auto [golden_at, golden_size] = drawing(golden_page);
    if (at == std::string::npos || golden_at == std::string::npos) return page;
    return page.replace(at, size, golden_page.substr(golden_at, golden_size));
  }
};

TEST_F(CliHtmlTest, ExportHtmlWithTheDiagramDrawn) {
  const fs::path out = tmp_ / "parler.html";
  const RunResult r = claimgraph({"export", graph("parler_v_aws"), "--to", "html", "--evaluate", "-o", out.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "");
  const std::string page = read_text(out);
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n")) << page.substr(0, 100);
  // Graphviz's drawing, inlined without its prolog: one node per case node.
  EXPECT_EQ(page.find("<?xml"), std::string::npos);
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_NE(page.find("<title>n51</title>"), std::string::npos);
  EXPECT_NE(page.find("<title>cluster_0</title>"), std::string::npos);
  // Everything else is the library's page, as in the golden file.
  EXPECT_EQ(with_golden_drawing(page), golden("parler_v_aws.html"));
  EXPECT_EQ(listing(tmp_.path()), std::set<std::string>{"parler.html"});
}

TEST_F(CliHtmlTest, FormatFromTheExtensionAndEvaluateAsForDot) {
  for (const char* file : {"a.html", "b.htm", "c.HTML"}) {
    SCOPED_TRACE(file);
    const RunResult r = claimgraph({"export", graph("negligence_example"), "-o", (tmp_ / file).string()});
    EXPECT_EQ(r.status, 0) << r.err;
    const std::string page = read_text(tmp_ / file);
    EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n"));
    EXPECT_NE(page.find("<svg "), std::string::npos);
    EXPECT_NE(page.find("\"lacks_evidence\":"), std::string::npos) << "checked, as for DOT";
    EXPECT_EQ(page.find("\"status\":"), std::string::npos) << "evaluated only with --evaluate";
  }
  const RunResult evaluated = claimgraph({"export", graph("negligence_example"), "--to", "html", "--evaluate"});
  EXPECT_EQ(evaluated.status, 0) << evaluated.err;
  EXPECT_TRUE(evaluated.out.starts_with("<!DOCTYPE html>\n"));
  EXPECT_NE(evaluated.out.find("\"status\":\"IN\""), std::string::npos);
  EXPECT_NE(evaluated.out.find("\"strength\":"), std::string::npos);
  // The drawing shows the evaluation too: status in each node's header.
  EXPECT_NE(evaluated.out.find(">IN</text>"), std::string::npos);
  // --no-legend and --no-clusters shape the drawing.
  const RunResult bare = claimgraph({"export", graph("negligence_example"), "--to", "html", "--no-legend", "--no-clusters"});
  EXPECT_EQ(bare.status, 0) << bare.err;
  EXPECT_EQ(bare.out.find("<title>legend</title>"), std::string::npos);
  EXPECT_EQ(bare.out.find("<title>cluster_0</title>"), std::string::npos);
}

// The diagram is drawn in process: no `dot` program is needed on the PATH.
TEST_F(CliHtmlTest, DrawsWithoutAGraphvizProgramOnThePath) {
  const fs::path out = tmp_ / "page.html";
  const RunResult r = test::run(
      {"/usr/bin/env", "PATH=" + (tmp_ / "empty").string(), test::program(), "export", graph("negligence_example"),
       "-o", out.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(read_text(out).find("<svg"), std::string::npos);
}

// --- writing files safely ------------------------------------------------------------

TEST_F(CliTest, InvalidInputCreatesNothing) {
  const fs::path in = tmp_ / "bad.json";
  write_text(in, invalid);
  const fs::path out = tmp_ / "out.dot";
  const RunResult r = claimgraph({"export", in.string(), "-o", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(listing(tmp_.path()), std::set<std::string>{"bad.json"});
}

TEST_F(CliTest, InvalidInputLeavesAnExistingOutputUntouched) {
  const fs::path in = tmp_ / "bad.json";
  write_text(in, invalid);
  const fs::path out = tmp_ / "out.json";
  write_text(out, "precious\n");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const RunResult r = claimgraph({"export", in.string(), "-o", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(read_text(out), "precious\n");
  EXPECT_EQ(listing(tmp_.path()), (std::set<std::string>{"bad.json", "out.json"}));
}

TEST_F(CliTest, ReplacingAnOutputKeepsItsPermissions) {
  const fs::path out = tmp_ / "out.json";
  write_text(out, "old\n");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const RunResult r = claimgraph({"export", graph("negligence_example"), "-o", out.string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(read_text(out), golden("negligence_example.json"));
  EXPECT_EQ(fs::status(out).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(listing(tmp_.path()), std::set<std::string>{"out.json"});
}

TEST_F(CliTest, AFailedWriteLeavesNothingBehind) {
  // The write itself fails half-way: a file size limit of 512 bytes (with
  // SIGXFSZ ignored, write() fails with EFBIG) against a 27 kB diagram.
  const fs::path existing = tmp_ / "existing.dot";
  write_text(existing, "precious\n");
  const fs::path fresh = tmp_ / "fresh.dot";
  const std::string script = "ulimit -f 1 && trap '' XFSZ && exec \"$0\" export \"$1\" -o \"$2\"";
  for (const fs::path& out : {existing, fresh}) {
    SCOPED_TRACE(out.string());
    const RunResult r = test::run({"/bin/sh", "-c", script, test::program(), graph("parler_v_aws"), out.string()});
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(r.err, out.string() + ": error: cannot write: File too large\n");
    EXPECT_EQ(listing(tmp_.path()), std::set<std::string>{"existing.dot"});
    EXPECT_EQ(read_text(existing), "precious\n");
  }
}

TEST_F(CliTest, OutputOverTheInputIsRefused) {
  const fs::path in = tmp_ / "case.json";
  const std::string original = read_text(graph("negligence_example"));
  write_text(in, original);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"export", in.string(), "--to", "json", "-o", in.string()},
           {"export", in.string(), "-o", (tmp_ / "." / "case.json").string()},
       }) {
    const RunResult r = claimgraph(args);
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, args.back() +
                         ": error: the output would overwrite the input file; choose another output path\n");
    EXPECT_EQ(read_text(in), original);
    EXPECT_EQ(listing(tmp_.path()), std::set<std::string>{"case.json"});
  }
}

TEST_F(CliTest, OutputIntoAMissingDirectoryExitsThree) {
  const fs::path out = tmp_ / "no" / "such" / "dir" / "out.dot";
  const RunResult r = claimgraph({"export", graph("negligence_example"), "-o", out.string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, out.string() + ": error: cannot create a file in " + out.parent_path().string() +
                       ": No such file or directory\n");
  EXPECT_TRUE(listing(tmp_.path()).empty());
}

TEST_F(CliTest, OutputOntoADirectoryExitsThree) {
  const RunResult r = claimgraph({"export", graph("negligence_example"), "--to", "dot", "-o", tmp_.path().string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, tmp_.path().string() + ": error: is a directory; give a file name for the output\n");
  EXPECT_TRUE(listing(tmp_.path()).empty());
}

// `-o /dev/stdout` with standard output redirected to a file (`claimgraph
// export x --to dot -o /dev/stdout > x.dot`) must write through the stream,
// not rename a new file over the symlink. This test uses a symlink of its
// own to /proc/self/fd/1, so that it cannot damage /dev if it fails.
TEST_F(CliTest, ExportThroughASymlinkToARedirectedStdout) {
  const fs::path link = tmp_ / "stdout";
  fs::create_symlink("/proc/self/fd/1", link);
  const fs::path out = tmp_ / "redirected.dot";
  const std::string script = "exec \"$0\" export \"$1\" --to dot -o \"$2\" > \"$3\"";
  const RunResult r =
      test::run({"/bin/sh", "-c", script, test::program(), graph("negligence_example"), link.string(), out.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(link)) << "the symlink was replaced";
  EXPECT_EQ(read_text(out), golden("negligence_example.dot"));
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

// The ICCMA solver interface and the acceptance semantics of evaluate, on a
// framework written here (the corpus is tested in tests/iccma).
class IccmaCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (test::program().empty()) GTEST_SKIP() << "the claimgraph program was not built";
    test::write_text(file_, "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,a).\natt(b,c).\n");
  }
  test::RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), test::program());
    return test::run(args);
  }
  test::TempDir tmp_;
  std::filesystem::path file_ = tmp_ / "nixon_plus.apx";
};

TEST_F(IccmaCliTest, AnswersTasksInIccmaSyntax) {
  EXPECT_EQ(run({"iccma", "-p", "SE-GR", "-f", file_.string()}).out, "[]\n");
  EXPECT_EQ(run({"iccma", "-p", "EE-PR", "-f", file_.string()}).out, "[[b],[a,c]]\n");  // search order, fixed
  EXPECT_EQ(run({"iccma", "-p", "DC-PR", "-f", file_.string(), "-a", "c"}).out, "YES\n");
  EXPECT_EQ(run({"iccma", "-p", "DS-PR", "-f", file_.string(), "-a", "c"}).out, "NO\n");
  EXPECT_EQ(run({"iccma", "-p", "DS-ST", "-f", file_.string(), "-a", "a"}).out, "NO\n");
  const auto missing = run({"iccma", "-p", "DC-PR", "-f", file_.string(), "-a", "zz"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.err, "claimgraph: error: " + file_.string() + ": no argument \"zz\" (give it with -a)\n");
}

TEST_F(IccmaCliTest, EvaluateGivesAcceptanceUnderPreferredSemantics) {
  const auto r = run({"evaluate", file_.string(), "--semantics", "preferred", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\n  \"semantics\": \"preferred\",\n  \"nodes\": [\n"
            "    {\"id\": \"a\", \"credulous\": true, \"sceptical\": false},\n"
            "    {\"id\": \"b\", \"credulous\": true, \"sceptical\": false},\n"
            "    {\"id\": \"c\", \"credulous\": true, \"sceptical\": false}\n  ]\n}\n");
}

// A case graph with supports: the two readings of a dispute that grounded
// semantics leaves undecided, and what rests on each.
TEST_F(IccmaCliTest, EvaluateGivesAcceptanceOnACaseGraphWithSupports) {
  const auto file = tmp_ / "dispute.json";
  test::write_text(file, R"({"claimgraph": 1, "nodes": [
    {"id": "e1", "kind": "evidence", "label": "Exhibit 1"},
    {"id": "e2", "kind": "evidence", "label": "Exhibit 2"},
    {"id": "breach", "kind": "claim", "label": "Breach"},
    {"id": "excuse", "kind": "counterclaim", "label": "Performance was excused"},
    {"id": "damages", "kind": "claim", "label": "Damages follow from the breach"}],
    "edges": [
    {"from": "e1", "to": "breach", "relation": "supports"},
    {"from": "e2", "to": "excuse", "relation": "supports"},
    {"from": "breach", "to": "excuse", "relation": "contradicts"},
    {"from": "excuse", "to": "breach", "relation": "contradicts"},
    {"from": "breach", "to": "damages", "relation": "supports"}]})");
  const auto r = run({"evaluate", file.string(), "--semantics", "stable"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "Semantics: stable (sceptically: IN in every stable labelling; credulously: in some, not all)\n\n"
            "  sceptically   e1 — Exhibit 1\n"
            "  sceptically   e2 — Exhibit 2\n"
            "  credulously   breach — Breach\n"
            "  credulously   excuse — Performance was excused\n"
            "  credulously   damages — Damages follow from the breach\n\n"
            "5 nodes under stable semantics: 2 sceptically accepted, 3 only credulously, 0 not accepted.\n");
  // Without any stable labelling every node is vacuously accepted, and the report says why.
  const auto odd = tmp_ / "odd.apx";
  test::write_text(odd, "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\natt(c,a).\n");
  const auto none = run({"evaluate", odd.string(), "--semantics", "stable"});
  ASSERT_EQ(none.status, 0) << none.err;
  EXPECT_EQ(none.out,
            "Semantics: stable (sceptically: IN in every stable labelling; credulously: in some, not all)\n\n"
            "  sceptically   a\n  sceptically   b\n  sceptically   c\n\n"
            "There is no stable labelling of this case: every node counts as sceptically accepted, since no labelling "
            "leaves it out.\n"
            "3 nodes under stable semantics: 3 sceptically accepted, 0 only credulously, 0 not accepted.\n");
  const auto limited = run({"evaluate", file.string(), "--semantics", "preferred", "--max-search-steps", "3"});
  EXPECT_EQ(limited.status, 2) << limited.err;
  EXPECT_NE(limited.err.find("--max-search-steps"), std::string::npos) << limited.err;
}

// --- suggestions --------------------------------------------------------------------

// Every place a name is looked up suggests the name meant: node ids (by a
// near id or a word of the label), groups, kinds, relations, fields, output
// and picture formats, semantics.
TEST_F(CliTest, EveryLookupSuggestsTheNameMeant) {
  const fs::path in = tmp_.path() / "case.json";
  write_text(in, R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "fair_use", "kind": "counterclaim", "label": "The copying was fair use", "party": "D", "group": "Fair use"},
    {"id": "copyright", "kind": "claim", "label": "Copyright infringement", "party": "P", "group": "Copyright"},
    {"id": "ex1", "kind": "evidence", "label": "Side-by-side comparison of the works", "source": "Ex. 1",
     "group": "Copyright"},
    {"id": "ex2", "kind": "evidence", "label": "Market survey", "source": "Ex. 2", "group": "Fair use"}
  ],
  "edges": [
    {"from": "ex1", "to": "copyright", "relation": "supports"},
    {"from": "ex2", "to": "fair_use", "relation": "supports"},
    {"from": "fair_use", "to": "copyright", "relation": "contradicts"}
  ]
}
)");
  const std::string file = in.string();
  const auto err = [&](std::vector<std::string> args) {
    const RunResult r = claimgraph(std::move(args));
    EXPECT_EQ(r.status, 2) << r.err;
    return r.err;
  };
  EXPECT_EQ(err({"explain", file, "fairuse"}),
            "claimgraph: error: no node \"fairuse\" in " + file + "; did you mean \"fair_use\"?\n");
  EXPECT_EQ(err({"explain", file, "comparison"}), "claimgraph: error: no node \"comparison\" in " + file +
                                                      "; did you mean \"ex1\" (Side-by-side comparison of the works)?\n");
  EXPECT_EQ(err({"export", file, "--to", "dot", "--focus", "fairuse"}),
            "claimgraph: error: no node \"fairuse\" to focus on; did you mean \"fair_use\"?\n");
  EXPECT_EQ(err({"export", file, "--to", "dot", "--group", "fair-use"}),
            "claimgraph: error: no node has group \"fair-use\"; did you mean \"Fair use\"? (groups: \"Copyright\" or "
            "\"Fair use\")\n");
  EXPECT_NE(err({"export", file, "--to", "md"}).find("--to: unknown value \"md\"; expected "), std::string::npos);
  EXPECT_NE(err({"export", file, "--to", "md"}).find("; did you mean \"markdown\"?"), std::string::npos);
  EXPECT_NE(err({"render", file, "--format", "PNG", "-o", (tmp_.path() / "x.png").string()})
                .find("did you mean \"png\"?"),
            std::string::npos);
  EXPECT_NE(err({"evaluate", file, "--semantics", "credulous"}).find("did you mean \"preferred\"?"), std::string::npos);
  EXPECT_NE(err({"evaluate", file, "--semantics", "prefered"}).find("did you mean \"preferred\"?"), std::string::npos);
  // Kinds, relations and fields, in the file.
  const fs::path bad = tmp_.path() / "bad.json";
  write_text(bad, R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "defence", "label": "A", "Party": "D"},
{"id": "b", "kind": "fact", "label": "B"}], "edges": [{"from": "b", "to": "a", "relation": "rebuts"}]}
)");
  EXPECT_EQ(err({"check", bad.string()}),
            bad.string() + ":1:49: error: /nodes/0/kind: unknown kind \"defence\"; expected \"claim\", \"counterclaim\" or "
                           "\"evidence\"; did you mean \"counterclaim\"?\n" +
                bad.string() + ":1:74: warning: /nodes/0/Party: unknown field \"Party\" (kept on export); did you mean "
                               "\"party\"?\n" +
                bad.string() + ":2:21: error: /nodes/1/kind: unknown kind \"fact\"; expected \"claim\", \"counterclaim\" or "
                               "\"evidence\"; did you mean \"evidence\"?\n" +
                bad.string() + ":2:92: error: /edges/0/relation: unknown relation \"rebuts\"; expected \"supports\", "
                               "\"contradicts\", \"element-of\" or \"undercuts\"; did you mean \"contradicts\"?\n");
}

}  // namespace
}  // namespace claimgraph
