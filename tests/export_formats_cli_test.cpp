// `claimgraph export` to Mermaid, GraphML and CSV, run as a user runs it:
// formats from --to and from the output's extension, the pair of CSV files,
// what is refused and what is left on disk.

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::RunResult;
using test::write_text;

class ExportFormatsCliTest : public test::ProgramTest {
 protected:
  static std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
  }

  test::TempDir tmp_;
};

TEST_F(ExportFormatsCliTest, MermaidAndGraphmlToStandardOutput) {
  const RunResult mermaid = claimgraph({"export", graph("parler_v_aws"), "--to", "mermaid"});
  EXPECT_EQ(mermaid.status, 0);
  EXPECT_EQ(mermaid.err, "");
  EXPECT_EQ(mermaid.out, golden("parler_v_aws.mmd"));
  const RunResult graphml = claimgraph({"export", graph("parler_v_aws"), "--to", "graphml"});
  EXPECT_EQ(graphml.status, 0);
  EXPECT_EQ(graphml.err, "");
  EXPECT_EQ(graphml.out, golden("parler_v_aws.graphml"));
}

TEST_F(ExportFormatsCliTest, FormatFromTheOutputExtension) {
  for (const auto& [file, golden_name] : std::vector<std::pair<std::string, std::string>>{
           {"a.mmd", "parler_v_aws.mmd"},
           {"b.mermaid", "parler_v_aws.mmd"},
           {"c.MMD", "parler_v_aws.mmd"},
           {"d.graphml", "parler_v_aws.graphml"},
           {"e.GraphML", "parler_v_aws.graphml"}}) {
    SCOPED_TRACE(file);
    const RunResult r = claimgraph({"export", graph("parler_v_aws"), "-o", (tmp_ / file).string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(read_text(tmp_ / file), golden(golden_name));
  }
  EXPECT_EQ(listing(tmp_.path()),
            (std::set<std::string>{"a.mmd", "b.mermaid", "c.MMD", "d.graphml", "e.GraphML"}));
}

TEST_F(ExportFormatsCliTest, CsvWritesANodesAndAnEdgesFile) {
  const RunResult r = claimgraph({"export", graph("parler_v_aws"), "-o", (tmp_ / "case.csv").string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(read_text(tmp_ / "case.nodes.csv"), golden("parler_v_aws.nodes.csv"));
  EXPECT_EQ(read_text(tmp_ / "case.edges.csv"), golden("parler_v_aws.edges.csv"));
  EXPECT_EQ(listing(tmp_.path()), (std::set<std::string>{"case.nodes.csv", "case.edges.csv"}));
}

TEST_F(ExportFormatsCliTest, CsvFileNames) {
  for (const auto& [out, nodes, edges] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"a.csv", "a.nodes.csv", "a.edges.csv"},
           {"b", "b.nodes.csv", "b.edges.csv"},
           {"c.CSV", "c.nodes.csv", "c.edges.csv"},
           {"d.nodes.csv", "d.nodes.csv", "d.edges.csv"},
           {"e.edges.csv", "e.nodes.csv", "e.edges.csv"},
           {"f.tables", "f.tables.nodes.csv", "f.tables.edges.csv"}}) {
    SCOPED_TRACE(out);
    const fs::path dir = tmp_ / out.substr(0, 1);
    fs::create_directory(dir);
    const RunResult r = claimgraph({"export", graph("negligence_example"), "--to", "csv", "-o", (dir / out).string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(listing(dir), (std::set<std::string>{nodes, edges}));
  }
}

TEST_F(ExportFormatsCliTest, CsvToStandardOutputIsRefused) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"export", graph("negligence_example"), "--to", "csv"},
           {"export", graph("negligence_example"), "--to", "csv", "-o", "-"},
           {"export", "-", "--to", "csv"},
       }) {
    const RunResult r = claimgraph(args, read_text(graph("negligence_example")));
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "claimgraph: error: --to csv writes OUT.nodes.csv and OUT.edges.csv, and cannot write them to "
              "standard output; give -o OUT.csv\n");
  }
  const RunResult device = claimgraph({"export", graph("negligence_example"), "--to", "csv", "-o", "/dev/stdout"});
  EXPECT_EQ(device.status, 2);
  EXPECT_EQ(device.out, "");
  EXPECT_EQ(device.err,
            "claimgraph: error: /dev/stdout is not a regular file; --to csv writes OUT.nodes.csv and OUT.edges.csv, so "
            "give -o a file name\n");
  const RunResult directory = claimgraph({"export", graph("negligence_example"), "--to", "csv", "-o", tmp_.path().string()});
  EXPECT_EQ(directory.status, 2);
  EXPECT_TRUE(listing(tmp_.path()).empty());
}

TEST_F(ExportFormatsCliTest, CsvOverTheInputIsRefused) {
  const fs::path in = tmp_ / "case.nodes.csv";
  const std::string original = read_text(graph("negligence_example"));
  write_text(in, original);
  const RunResult r = claimgraph({"export", in.string(), "--from", "json", "-o", (tmp_ / "case.csv").string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.err, in.string() + ": error: the output would overwrite the input file; choose another output path\n");
  EXPECT_EQ(read_text(in), original);
  EXPECT_EQ(listing(tmp_.path()), std::set<std::string>{"case.nodes.csv"});
}

TEST_F(ExportFormatsCliTest, CsvByteOrderMark) {
  const fs::path out = tmp_ / "case.csv";
  ASSERT_EQ(claimgraph({"export", graph("parler_v_aws"), "--bom", "-o", out.string()}).status, 0);
  EXPECT_EQ(read_text(tmp_ / "case.nodes.csv"), "\xEF\xBB\xBF" + golden("parler_v_aws.nodes.csv"));
  EXPECT_EQ(read_text(tmp_ / "case.edges.csv"), "\xEF\xBB\xBF" + golden("parler_v_aws.edges.csv"));
}

TEST_F(ExportFormatsCliTest, EvaluateAddsStatusAndStrength) {
  const RunResult mermaid = claimgraph({"export", graph("parler_v_aws"), "--to", "mermaid", "--evaluate"});
  EXPECT_EQ(mermaid.status, 0);
  EXPECT_NE(mermaid.out.find("n0(\"motion · claim · Parler · OUT "), std::string::npos) << mermaid.out;
  EXPECT_NE(mermaid.out.find("  class n0,"), std::string::npos);
  EXPECT_NE(mermaid.out.find(" status_out\n"), std::string::npos);
  EXPECT_NE(mermaid.out.find("  style n0 fill:#ffebee"), std::string::npos);
  const RunResult graphml = claimgraph({"export", graph("parler_v_aws"), "--to", "graphml", "--evaluate"});
  EXPECT_EQ(graphml.status, 0);
  EXPECT_NE(graphml.out.find("      <data key=\"v_status\">OUT</data>\n"), std::string::npos);
  EXPECT_NE(graphml.out.find("      <data key=\"v_established\">false</data>\n"), std::string::npos);
  ASSERT_EQ(claimgraph({"export", graph("parler_v_aws"), "--evaluate", "-o", (tmp_ / "e.csv").string()}).status, 0);
  const auto lines = test::lines_of(read_text(tmp_ / "e.nodes.csv"));
  EXPECT_EQ(lines.at(0),
            "id,kind,label,text,party,group,source,cite,exhibit,bates,pin,date,weight,standard,burden,test,scheme,tags,"
            "privileged,citations,extra,lacks_evidence,gap,status,strength,established\r");
}

TEST_F(ExportFormatsCliTest, HelpListsTheFormats) {
  const RunResult r = claimgraph({"export", "--help"});
  EXPECT_EQ(r.status, 0);
  for (const char* word : {"mermaid", "graphml", "csv", ".mmd", ".graphml", "--bom", "OUT.nodes.csv"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word << " in " << r.out;
  }
}

}  // namespace
}  // namespace claimgraph
