// The program on AIF maps, run as a user runs it: every command reads a map
// told by its content or named by --from aif; `import` writes the case file;
// `export --to aif` (or -o OUT.aif.json) writes a map that `import` reads
// back; bad maps exit 2 with the diagnostics and leave nothing behind.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "io/aif_maps.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::RunResult;
using test::write_text;

class AifCliTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    ProgramTest::SetUp();
    if (IsSkipped()) return;
    write_text(map_, test::debate_map());
  }

  static std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
  }

  // The warnings reading the debate map gives, for a file named `name`.
  static std::string debate_warnings(const std::string& name) {
    std::string out = name;
    out += ":15:7: warning: /AIF/nodes/11: dropped 1 MA, 1 L, 1 YA and 1 TA nodes and the 5 edges that touch them: "
           "claimgraph has no counterpart for rephrases (MA), preferences (PA) or the dialogue (L, YA, TA)\n";
    out += name;
    out += ":29:7: warning: /AIF/edges/8: the conflict \"13\" (CA) attacks the conflict \"11\" (CA), an attack on an "
           "attack, which claimgraph cannot hold; kept as \"6\" contradicts \"4\", the premise of \"11\"\n";
    return out;
  }

  test::TempDir tmp_;
  fs::path map_ = tmp_ / "debate.json";
};

// The debate map as a case file.
constexpr const char* debate_case = R"({
  "claimgraph": 1,
  "nodes": [
    {"id": "1", "kind": "claim", "label": "The city should build the tram"},
    {"id": "2", "kind": "evidence", "label": "Traffic doubled in ten years"},
    {"id": "3", "kind": "evidence", "label": "Trams carry more people than buses"},
    {"id": "4", "kind": "evidence", "label": "The tram would cost too much"},
    {"id": "5", "kind": "evidence", "label": "Traffic counts include through traffic"},
    {"id": "6", "kind": "evidence", "label": "The federal grant pays half"},
    {"id": "7", "kind": "evidence", "label": "Building the tram is what the city should do"},
    {"id": "10", "kind": "claim", "label": "Default Inference"}
  ],
  "edges": [
    {"from": "2", "to": "10", "relation": "element-of"},
    {"from": "3", "to": "10", "relation": "element-of"},
    {"id": "10", "from": "10", "to": "1", "relation": "supports"},
    {"from": "4", "to": "1", "relation": "contradicts"},
    {"from": "5", "to": "10", "relation": "undercuts"},
    {"from": "6", "to": "4", "relation": "contradicts"}
  ]
}
)";

TEST_F(AifCliTest, ImportWritesTheCaseFileToStandardOutput) {
  const RunResult r = claimgraph({"import", map_.string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, debate_case);
  EXPECT_EQ(r.err, debate_warnings(map_.string()));
}

TEST_F(AifCliTest, ImportWritesTheCaseFileThatEveryCommandReads) {
  const fs::path out = tmp_ / "debate.case.json";
  const RunResult r = claimgraph({"-q", "import", map_.string(), "-o", out.string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(read_text(out), debate_case);
  EXPECT_EQ(claimgraph({"check", out.string()}).status, 0);
  EXPECT_EQ(claimgraph({"export", out.string(), "--to", "json"}).out, debate_case);
}

TEST_F(AifCliTest, ImportReadsStandardInput) {
  const RunResult r = claimgraph({"import", "-"}, std::string(test::debate_map()));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, debate_case);
  EXPECT_EQ(r.err, debate_warnings("<stdin>"));
}

TEST_F(AifCliTest, EveryCommandReadsAnAifMap) {
  const RunResult check = claimgraph({"-q", "check", map_.string()});
  EXPECT_EQ(check.status, 0) << check.err;
  EXPECT_NE(check.out.find("2 claims and counterclaims: 2 grounded, 0 lack evidence."), std::string::npos) << check.out;
  const RunResult evaluate = claimgraph({"-q", "evaluate", map_.string(), "--format", "json"});
  EXPECT_EQ(evaluate.status, 0) << evaluate.err;
  EXPECT_TRUE(nlohmann::json::accept(evaluate.out)) << evaluate.out;
  const RunResult explain = claimgraph({"-q", "explain", map_.string(), "1"});
  EXPECT_EQ(explain.status, 0) << explain.err;
  EXPECT_NE(explain.out.find("The city should build the tram"), std::string::npos) << explain.out;
  const RunResult dot = claimgraph({"-q", "export", map_.string(), "--to", "dot"});
  EXPECT_EQ(dot.status, 0) << dot.err;
  EXPECT_NE(dot.out.find("digraph"), std::string::npos);
}

TEST_F(AifCliTest, TheFormatIsToldFromTheContentWhateverTheName) {
  const fs::path txt = tmp_ / "debate.txt";
  write_text(txt, test::debate_map());
  EXPECT_EQ(claimgraph({"-q", "import", txt.string()}).out, debate_case);
  // --from names the format outright: a map read as a case file fails...
  const RunResult as_json = claimgraph({"-q", "check", "--from", "json", map_.string()});
  EXPECT_EQ(as_json.status, 2);
  EXPECT_EQ(as_json.err, map_.string() +
                             ":1:1: error: missing the format version: add \"claimgraph\": 1 at the top of the file\n" +
                             map_.string() + ":1:1: error: missing the required field \"nodes\" (an array of nodes)\n");
  // ...and a map too bare to be told apart is read as one.
  const fs::path empty = tmp_ / "empty.json";
  write_text(empty, R"({"nodes": [], "edges": []})");
  EXPECT_EQ(claimgraph({"import", empty.string()}).status, 2);
  const RunResult as_aif = claimgraph({"import", "--from", "aif", empty.string()});
  EXPECT_EQ(as_aif.status, 0) << as_aif.err;
  EXPECT_EQ(as_aif.out, "{\n  \"claimgraph\": 1,\n  \"nodes\": [],\n  \"edges\": []\n}\n");
}

TEST_F(AifCliTest, ABadMapExitsTwoAndWritesNothing) {
  const fs::path bad = tmp_ / "bad.json";
  write_text(bad, R"({"nodes": [
  {"nodeID": "1", "text": "A", "type": "I"},
  {"nodeID": "2", "text": "Default Inference", "type": "RA"}
], "edges": [
  {"fromID": "1", "toID": "2"},
  {"fromID": "2", "toID": "3"}
]})");
  const RunResult r = claimgraph({"import", bad.string(), "-o", (tmp_ / "out.json").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, bad.string() + ":6:27: error: /edges/1/toID: unknown node \"3\"; did you mean \"1\"?\n");
  EXPECT_EQ(listing(tmp_.path()), (std::set<std::string>{"bad.json", "debate.json"}));
}

TEST_F(AifCliTest, ImportDoesNotWriteOverItsInput) {
  const RunResult r = claimgraph({"-q", "import", map_.string(), "-o", map_.string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, map_.string() + ": error: the output would overwrite the input file; choose another output path\n");
  EXPECT_EQ(read_text(map_), test::debate_map());
}

TEST_F(AifCliTest, ExportToAifAndBack) {
  const std::string golden = read_text(test::golden_dir() / "parler_v_aws.aif.json");
  const RunResult r = claimgraph({"export", graph("parler_v_aws"), "--to", "aif"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, golden);
  // The double extension .aif.json names the format; .json alone is claimgraph JSON.
  for (const std::string name : {"case.aif.json", "CASE.AIF.JSON"}) {
    const fs::path out = tmp_ / name;
    const RunResult named = claimgraph({"export", graph("parler_v_aws"), "-o", out.string()});
    EXPECT_EQ(named.status, 0) << named.err;
    EXPECT_EQ(read_text(out), golden);
  }
  EXPECT_EQ(claimgraph({"export", graph("parler_v_aws"), "-o", (tmp_ / "case.json").string()}).status, 0);
  EXPECT_EQ(read_text(tmp_ / "case.json"), read_text(test::golden_dir() / "parler_v_aws.json"));
  // Imported again, the map is the case file, byte for byte.
  const RunResult back = claimgraph({"import", (tmp_ / "case.aif.json").string()});
  EXPECT_EQ(back.status, 0);
  EXPECT_EQ(back.err, "");
  EXPECT_EQ(back.out, read_text(test::golden_dir() / "parler_v_aws.json"));
}

TEST_F(AifCliTest, HelpNamesImportAndAif) {
  const RunResult help = claimgraph({"--help"});
  EXPECT_NE(help.out.find("import"), std::string::npos) << help.out;
  const RunResult import = claimgraph({"import", "--help"});
  EXPECT_EQ(import.status, 0);
  EXPECT_NE(import.out.find("--from TEXT:{json,aif,argdown,apx,tgf,i23}"), std::string::npos) << import.out;
  EXPECT_NE(import.out.find("-o,--output"), std::string::npos) << import.out;
  const RunResult exp = claimgraph({"export", "--help"});
  EXPECT_NE(exp.out.find("aif .aif.json"), std::string::npos) << exp.out;
  EXPECT_EQ(claimgraph({"import"}).status, 2);
}

TEST_F(AifCliTest, EveryCorpusMapImportsAndIsGrounded) {
  const fs::path dir = test::aif_corpus_dir();
  CLAIMGRAPH_SKIP_WITHOUT_AIF_CORPUS(dir);
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().string());
    ++files;
    const fs::path out = tmp_ / "imported.json";
    const RunResult r = claimgraph({"-q", "import", entry.path().string(), "-o", out.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const RunResult check = claimgraph({"check", out.string()});
    EXPECT_EQ(check.status, 0) << check.out;
    // The case file reads back without a warning. Lint findings are expected:
    // a map names no parties or sources.
    for (const auto& line : test::lines_of(check.err)) {
      EXPECT_TRUE(line.find(" [L0") != std::string::npos || line.ends_with("claimgraph lint lists them all")) << line;
    }
  }
  EXPECT_EQ(files, 47u);
}

}  // namespace
}  // namespace claimgraph
