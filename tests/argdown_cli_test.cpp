// Argdown through the program, and against Argdown's own command-line tool
// (@argdown/cli, installed by tools/setup into tests/argdown/node_modules
// and run with Node.js; those tests are skipped with a message where either
// is missing):
//  - every Argdown file of the shared corpus (read in place) is read
//    without a crash, and what claimgraph reads of it matches the
//    statements, arguments and relations in Argdown's JSON export of the
//    same file, mapped as docs/argdown.md says; where Argdown rejects a
//    file, claimgraph rejects it too, at the same line and column;
//  - Argdown reads claimgraph's Argdown output of every example graph, and
//    of hostile text, without errors, and finds the same statements, texts,
//    groups and relations.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/io/argdown_reader.hpp"
#include "claimgraph/io/formats.hpp"
#include "claimgraph/io/argdown_writer.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "detail/text.hpp"
#include "io/hostile_graph.hpp"
#include "support.hpp"

namespace claimgraph::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// --- the program ------------------------------------------------------------------------------------

class ArgdownProgramTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (program().empty()) GTEST_SKIP() << "the claimgraph program was not built";
  }
  static RunResult claimgraph(std::vector<std::string> args, const std::optional<std::string>& input = std::nullopt) {
    args.insert(args.begin(), program());
    return run(args, input);
  }
  TempDir tmp_;
};

constexpr const char* kCase =
    "===\n"
    "title: Rivera v. Corner Market\n"
    "===\n"
    "\n"
    "# Negligence\n"
    "\n"
    "[negligence]: The store was negligent {elements: [duty, breach]}\n"
    "  <+ [duty]: The store owed a duty of care\n"
    "    <+ [receipt]: Till receipt #evidence\n"
    "  <+ [breach]: The spill was left unattended\n";

TEST_F(ArgdownProgramTest, ImportWritesACaseFile) {
  test::write_text(tmp_ / "case.argdown", kCase);
  const std::string out = (tmp_ / "case.json").string();
  const RunResult r = claimgraph({"import", (tmp_ / "case.argdown").string(), "-o", out});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const Graph g = io::read_json(read_text(out)).graph;
  EXPECT_EQ(g.title, "Rivera v. Corner Market");
  ASSERT_EQ(g.node_count(), 4u);
  EXPECT_EQ(g.node(*g.find("receipt")).kind, NodeKind::evidence);
  EXPECT_EQ(g.node(*g.find("duty")).group, "Negligence");
  std::ostringstream direct;
  io::write_json(direct, io::read_argdown(kCase).graph);
  EXPECT_EQ(read_text(out), direct.str());
}

TEST_F(ArgdownProgramTest, EveryCommandReadsArgdownByItsExtension) {
  for (const char* name : {"case.argdown", "case.AD"}) {
    test::write_text(tmp_ / name, kCase);
    const RunResult r = claimgraph({"check", (tmp_ / name).string()});
    EXPECT_EQ(r.status, 1) << "breach lacks evidence: " << r.out << r.err;
    EXPECT_NE(r.out.find("breach"), std::string::npos) << r.out;
  }
  const RunResult piped = claimgraph({"evaluate", "-", "--from", "argdown"}, std::string(kCase));
  EXPECT_EQ(piped.status, 0) << piped.err;
  EXPECT_NE(piped.out.find("negligence"), std::string::npos) << piped.out;
}

TEST_F(ArgdownProgramTest, ExportWritesArgdownByNameOrOption) {
  const std::string in = (graphs_dir() / "negligence_example.json").string();
  const std::string out = (tmp_ / "negligence.ad").string();
  const RunResult r = claimgraph({"export", in, "-o", out});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(golden_mismatch("negligence_example.argdown", read_text(out)).empty());
  const RunResult to = claimgraph({"export", in, "--to", "argdown"});
  EXPECT_EQ(to.out, read_text(out));
}

TEST_F(ArgdownProgramTest, BadArgdownExitsTwoWithEveryProblemPlaced) {
  test::write_text(tmp_ / "bad.argdown", "[A]: a\n+ [B]: b\n\n[C]: snake_case\n");
  const std::string path = (tmp_ / "bad.argdown").string();
  const RunResult r = claimgraph({"import", path});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, path + ":2:1: error: the relation \"+\" must be indented further than the statement or argument it "
                          "belongs to\n" +
                       path + ":4:11: error: italic text opened with \"_\" is not closed: add \"_\" after it, or "
                              "write \\_ for the character itself\n");
}

TEST_F(ArgdownProgramTest, WarningsGoToStandardError) {
  test::write_text(tmp_ / "w.argdown", "<A>: lonely\n  _ [U]: undercutter\n");
  const std::string path = (tmp_ / "w.argdown").string();
  const RunResult r = claimgraph({"import", path});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, path + ":2:3: warning: \"U\" undercuts \"A\", which supports nothing: read as an attack on it\n");
}

// --- Argdown's command-line tool --------------------------------------------------------------------

fs::path argdown_cli() { return source_dir() / "tests" / "argdown" / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js"; }
bool argdown_cli_installed() {
  return fs::exists(source_dir() / "tests" / "argdown" / "node_modules" / ".package-lock.json") &&
         fs::exists(argdown_cli());
}

#define SKIP_WITHOUT_ARGDOWN()                                                                               \
  if (node_program().empty()) GTEST_SKIP() << "Node.js is not installed: Argdown's own tool cannot be run";  \
  if (!argdown_cli_installed())                                                                              \
  GTEST_SKIP() << "Argdown's command-line tool is not installed in tests/argdown/node_modules (bash "        \
                  "tools/setup, or npm ci --prefix tests/argdown): claimgraph cannot be compared with it"

// What Argdown's tool made of some files.
struct ArgdownRun {
  std::map<std::string, json> exported;             // by file stem: the JSON export
  std::map<std::string, std::string> first_error;   // by path: "line:column" of the first syntax error
  std::string log;
};

// Runs `argdown json GLOB OUT` once for all files (a run per file would
// start Node.js each time). Tags are left out of the statements' text, as
// claimgraph leaves them out of labels.
ArgdownRun run_argdown(const std::string& glob) {
  const TempDir dir;
  write_text(dir / "argdown.config.json", R"({"model": {"removeTagsFromText": true}})");
  const RunResult r = run({node_program(), argdown_cli().string(), "json", glob, (dir / "out").string(), "--config",
                           (dir / "argdown.config.json").string()},
                          std::nullopt, std::chrono::seconds(300));
  ArgdownRun result;
  result.log = std::regex_replace(r.out + r.err, std::regex("\x1b\\[[0-9;]*m"), "");
  if (fs::is_directory(dir / "out")) {
    for (const auto& entry : fs::directory_iterator(dir / "out")) {
      result.exported[entry.path().stem().string()] = json::parse(read_text(entry.path()));
    }
  }
  const std::regex file_errors("Argdown syntax errors in (.*): [0-9]+\\s+At ([0-9]+:[0-9]+)");
  for (std::sregex_iterator it(result.log.begin(), result.log.end(), file_errors), end; it != end; ++it) {
    result.first_error[(*it)[1].str()] = (*it)[2].str();
  }
  return result;
}

// A graph as the comparison sees it: each node's label, group and tags, and
// the edges, an undercut as "u undercuts from>to".
struct View {
  std::map<std::string, std::tuple<std::string, std::string, std::vector<std::string>>> nodes;
  std::set<std::string> edges;
};

std::string edge_key(const std::string& from, const std::string& relation, const std::string& to) {
  return from + " " + relation + " " + to;
}

std::string trimmed(std::string s) {
  const std::size_t b = s.find_first_not_of(" \t");
  const std::size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

View view_of(const Graph& g) {
  View v;
  for (Graph::NodeRef n = 0; n < g.node_count(); ++n) {
    const Node& node = g.node(n);
    std::vector<std::string> tags = node.tags.value_or(std::vector<std::string>{});
    std::sort(tags.begin(), tags.end());
    v.nodes[node.id] = {node.label, node.group.value_or(""), tags};
  }
  const auto all = g.edges();
  for (const auto e : all) {
    const Edge& p = g.edge(e);
    const std::string from(g.id(g.source(e)));
    if (p.relation == Relation::undercuts) {
      const auto attacked = all[p.undercut];
      v.edges.insert(edge_key(from, "undercuts", std::string(g.id(g.source(attacked))) + ">" +
                                                     std::string(g.id(g.target(attacked)))));
    } else {
      v.edges.insert(edge_key(from, std::string(to_string(p.relation)), std::string(g.id(g.target(e)))));
    }
  }
  return v;
}

// What claimgraph should read, by the mapping of docs/argdown.md, given
// Argdown's own model of the file (its JSON export).
View expected_view(const json& d) {
  View v;
  const json& statements = d["statements"];
  const json& arguments = d["arguments"];
  // Sections by id; a section that is no group passes to its parent.
  std::map<std::string, json> sections;
  std::vector<json> stack;
  if (d.contains("sections")) {
    for (const auto& s : d["sections"]) stack.push_back(s);
  }
  while (!stack.empty()) {
    json s = stack.back();
    stack.pop_back();
    for (const auto& c : s["children"]) stack.push_back(c);
    sections[s["id"].get<std::string>()] = s;
  }
  const auto group = [&](const json& x) {
    if (!x.contains("section") || !x["section"].is_string()) return std::string();
    std::string id = x["section"].get<std::string>();
    while (!id.empty()) {
      const json& s = sections.at(id);
      if (s.contains("isGroup") && s["isGroup"] == false) {
        id = s.contains("parent") && s["parent"].is_string() ? s["parent"].get<std::string>() : std::string();
        continue;
      }
      return s["title"].get<std::string>();
    }
    return std::string();
  };
  std::map<std::string, std::string> statement_id;
  std::map<std::string, std::string> argument_id;
  for (const auto& [title, ec] : statements.items()) statement_id[title] = title;
  for (const auto& [title, a] : arguments.items()) {
    argument_id[title] = statements.contains(title) ? "<" + title + ">" : title;
  }
  const auto add_nodes = [&](const json& all, const std::map<std::string, std::string>& ids) {
    for (const auto& [title, x] : all.items()) {
      std::string label;
      for (const auto& m : x["members"]) {
        const std::string text = m.contains("text") && m["text"].is_string() ? trimmed(m["text"].get<std::string>()) : "";
        if (!text.empty()) {
          label = text;
          break;
        }
      }
      std::vector<std::string> tags;
      if (x.contains("tags")) tags = x["tags"].get<std::vector<std::string>>();
      std::sort(tags.begin(), tags.end());
      v.nodes[ids.at(title)] = {label.empty() ? title : label, group(x), tags};
    }
  };
  add_nodes(statements, statement_id);
  add_nodes(arguments, argument_id);
  const auto id_of = [&](const json& type, const json& title) {
    return type == "argument" ? argument_id.at(title.get<std::string>()) : statement_id.at(title.get<std::string>());
  };
  // premises are elements of the argument, which supports its conclusion
  for (const auto& [title, a] : arguments.items()) {
    if (!a.contains("pcs") || a["pcs"].empty()) continue;
    const json& pcs = a["pcs"];
    for (std::size_t k = 0; k + 1 < pcs.size(); ++k) {
      v.edges.insert(edge_key(statement_id.at(pcs[k]["title"]), "element-of", argument_id.at(title)));
    }
    v.edges.insert(edge_key(argument_id.at(title), "supports", statement_id.at(pcs.back()["title"])));
  }
  std::vector<json> undercuts;
  for (const auto& r : d["relations"]) {
    const std::string type = r["relationType"];
    if (type == "undercut") {
      undercuts.push_back(r);
      continue;
    }
    const std::string from = id_of(r["fromType"], r["from"]);
    const std::string to = id_of(r["toType"], r["to"]);
    if (from == to) continue;  // claimgraph drops a relation to itself, with a warning
    if (type == "support" || type == "entails") {
      v.edges.insert(edge_key(from, "supports", to));
    } else if (type == "attack") {
      v.edges.insert(edge_key(from, "contradicts", to));
    } else {  // contradictory, contrary: both ways
      v.edges.insert(edge_key(from, "contradicts", to));
      v.edges.insert(edge_key(to, "contradicts", from));
    }
  }
  // an undercut attacks the supports edge of an inference, or every
  // supports edge of an argument or statement
  for (const auto& r : undercuts) {
    const std::string from = id_of(r["fromType"], r["from"]);
    if (r["toType"] == "inference") {
      const std::string argument = r["to"];
      const std::string conclusion = arguments[argument]["pcs"].back()["title"];
      v.edges.insert(edge_key(from, "undercuts", argument_id.at(argument) + ">" + statement_id.at(conclusion)));
      continue;
    }
    const std::string target = id_of(r["toType"], r["to"]);
    bool any = false;
    for (const auto& e : std::set<std::string>(v.edges)) {
      const std::string prefix = target + " supports ";
      if (e.rfind(prefix, 0) != 0) continue;
      any = true;
      const std::string supported = e.substr(prefix.size());
      if (supported != from) v.edges.insert(edge_key(from, "undercuts", target + ">" + supported));
    }
    if (!any && from != target) v.edges.insert(edge_key(from, "contradicts", target));
  }
  return v;
}

std::string describe(const View& v) {
  std::string out;
  for (const auto& [id, n] : v.nodes) {
    out += "  node " + id + ": " + std::get<0>(n) + " | group " + std::get<1>(n) + " | tags";
    for (const auto& t : std::get<2>(n)) out += " " + t;
    out += '\n';
  }
  for (const auto& e : v.edges) out += "  edge " + e + '\n';
  return out;
}

fs::path corpus_root() {
  const char* env = std::getenv("CLAIMGRAPH_CORPORA");
  return (env != nullptr && *env != '\0') ? fs::path(env) : fs::path(CLAIMGRAPH_CORPORA_DIR);
}

// The Argdown files of the corpus, sorted.
std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  const fs::path dir = corpus_root() / "argdown";
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && io::input_format_for_path(entry.path().string()) == io::find_input_format("argdown")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

#define SKIP_WITHOUT_CORPUS(files)                                                                 \
  if ((files).empty())                                                                             \
  GTEST_SKIP() << "the Argdown corpus is not at " << (corpus_root() / "argdown").string()        \
               << " (set CLAIMGRAPH_CORPORA to the folder that holds argdown/ to run these tests)"

// What claimgraph makes of a file: the graph, or the first error's place
// and message.
struct Outcome {
  std::optional<Graph> graph;
  std::string error;     // the first error, formatted
  std::string location;  // its "line:column"
};
Outcome read_outcome(const fs::path& path) {
  Outcome o;
  try {
    o.graph = io::read_input(path.string(), io::find_input_format("argdown")).result.graph;
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) {
      if (d.severity != Severity::error) continue;
      o.error = d.format();
      o.location = numbered("", d.where.line) + ":" + numbered("", d.where.column);
      break;
    }
  }
  return o;
}

TEST(ArgdownCorpusTest, EveryFileIsReadOrRejectedWithoutACrash) {
  const auto files = corpus_files();
  SKIP_WITHOUT_CORPUS(files);
  EXPECT_GE(files.size(), 35u) << "the corpus holds 38 Argdown files";
  for (const auto& path : files) {
    try {
      (void)io::read_input(path.string(), io::find_input_format("argdown"));
    } catch (const InputError&) {
    }
  }
}

// Where claimgraph deliberately reads a corpus file otherwise than
// Argdown's command-line tool, and why.
enum class Difference { groups, include, partial };
const std::map<std::string, Difference>& deliberate_differences() {
  static const std::map<std::string, Difference> differences{
      // The front matter's `group: regroup:` setting moves statements and
      // arguments into groups that no heading makes. It is a setting of
      // Argdown's map layout; claimgraph takes groups from headings only.
      {"example_greenspan-schefczyk_hardwrap.argdown", Difference::groups},
      // Its partials @include each other: Argdown's tool quietly includes
      // each file once, claimgraph refuses the cycle at the call.
      {"include-test.argdown", Difference::include},
      // Files named _x are partials, which Argdown's tool does not export
      // on their own; both also @include each other (a cycle, as above).
      {"_partial1.argdown", Difference::partial},
      {"_partial2.argdown", Difference::partial},
  };
  return differences;
}

TEST(ArgdownCorpusTest, ClaimgraphReadsWhatArgdownReads) {
  const auto files = corpus_files();
  SKIP_WITHOUT_CORPUS(files);
  SKIP_WITHOUT_ARGDOWN();
  const ArgdownRun argdown = run_argdown((corpus_root() / "argdown").string() + "/**/*.{argdown,ad}");
  std::size_t same = 0;
  std::size_t both_reject = 0;
  std::size_t differ = 0;
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(path.string());
    const Outcome mine = read_outcome(path);
    const auto difference = deliberate_differences().find(name);
    const auto exported = argdown.exported.find(path.stem().string());
    if (difference != deliberate_differences().end()) {
      ++differ;
      switch (difference->second) {
        case Difference::groups: {
          ASSERT_NE(exported, argdown.exported.end()) << argdown.log;
          ASSERT_TRUE(mine.graph) << mine.error;
          View expected = expected_view(exported->second);
          View got = view_of(*mine.graph);
          bool regrouped = false;
          for (auto& [id, n] : expected.nodes) {
            if (got.nodes.contains(id) && std::get<1>(got.nodes[id]) != std::get<1>(n)) regrouped = true;
            std::get<1>(n).clear();
          }
          for (auto& [id, n] : got.nodes) std::get<1>(n).clear();
          EXPECT_TRUE(regrouped) << "Argdown no longer regroups this file: drop the exception";
          EXPECT_EQ(describe(got), describe(expected));
          break;
        }
        case Difference::include:
        case Difference::partial:
          // (Whether Argdown's tool exports a partial depends on how it
          // is called; claimgraph's answer does not.)
          EXPECT_FALSE(mine.graph);
          EXPECT_NE(mine.error.find("@include("), std::string::npos) << mine.error;
          if (difference->second == Difference::include) {
            EXPECT_NE(exported, argdown.exported.end());
          }
          break;
      }
      continue;
    }
    if (exported == argdown.exported.end()) {
      // Argdown rejects the file: so must claimgraph, where Argdown says.
      EXPECT_FALSE(mine.graph) << "Argdown rejects this file; claimgraph reads it";
      const auto at = argdown.first_error.find(path.string());
      if (at != argdown.first_error.end()) {
        EXPECT_EQ(mine.location, at->second) << "first error: " << mine.error;
      } else {
        // No syntax error reported: Argdown's YAML reader failed on a data
        // block (with no place in the file; run alone, the tool says so).
        const ArgdownRun alone = run_argdown(path.string());
        EXPECT_TRUE(alone.exported.empty());
        EXPECT_NE(alone.log.find("YAMLException"), std::string::npos) << alone.log;
        EXPECT_NE(mine.error.find("data block"), std::string::npos) << mine.error;
      }
      ++both_reject;
      continue;
    }
    ASSERT_TRUE(mine.graph) << "Argdown reads this file; claimgraph rejects it: " << mine.error;
    const View expected = expected_view(exported->second);
    const View got = view_of(*mine.graph);
    EXPECT_EQ(describe(got), describe(expected));
    if (describe(got) == describe(expected)) ++same;
  }
  std::cout << "Argdown corpus: " << same << " files read alike, " << both_reject
            << " rejected by both at the same place, " << differ << " deliberate differences, of " << files.size()
            << "\n";
  EXPECT_EQ(same + both_reject + differ, files.size());
  EXPECT_GE(same, 25u);
}

// `s` with each byte that is not UTF-8 as U+FFFD, as the writer writes it.
std::string valid_utf8(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = detail::decode_utf8(s, i);
    out += cp == detail::replacement_character && i == start + 1 ? std::string("\uFFFD")
                                                                  : std::string(s.substr(start, i - start));
  }
  return out;
}

// What Argdown reads from claimgraph's output: a statement for each node
// (titled by its id), its text, group, data and relations.
void expect_argdown_reads(const Graph& g, const json& d) {
  // Argdown statements are one paragraph: line breaks read as spaces, and
  // the ends are trimmed.
  const auto as_read = [](std::string_view raw) {
    const std::string valid = valid_utf8(raw);
    std::string s;
    for (std::size_t i = 0; i < valid.size(); ++i) {
      if (valid[i] == '\n' && i > 0 && valid[i - 1] == '\r') continue;
      s += valid[i] == '\r' || valid[i] == '\n' ? ' ' : valid[i];
    }
    return trimmed(s);
  };
  const json& statements = d["statements"];
  std::map<std::string, std::string> section_title;
  std::vector<json> stack(d["sections"].begin(), d["sections"].end());
  while (!stack.empty()) {
    json s = stack.back();
    stack.pop_back();
    for (const auto& c : s["children"]) stack.push_back(c);
    section_title[s["id"].get<std::string>()] = s["title"].get<std::string>();
  }
  EXPECT_EQ(statements.size(), g.node_count());
  EXPECT_TRUE(d["arguments"].empty());
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const Node& n = g.node(v);
    SCOPED_TRACE(n.id);
    ASSERT_TRUE(statements.contains(n.id));
    const json& ec = statements[n.id];
    // the one definition among the references
    std::vector<std::string> texts;
    for (const auto& m : ec["members"]) {
      if (!m.value("isReference", false)) texts.push_back(trimmed(m.value("text", "")));
    }
    EXPECT_EQ(texts, std::vector<std::string>{as_read(n.label)});
    if (n.group && !as_read(*n.group).empty()) {
      ASSERT_TRUE(ec.contains("section") && ec["section"].is_string());
      EXPECT_EQ(section_title[ec["section"].get<std::string>()], as_read(*n.group));
    } else {
      EXPECT_FALSE(ec.contains("section") && ec["section"].is_string());
    }
    // The data block, read by Argdown's YAML reader, holds the fields whole.
    const json data = ec.value("data", json::object());
    EXPECT_EQ(data.value("kind", "claim"), n.kind == NodeKind::claim ? "claim" : to_string(n.kind));
    for (const auto& [key, field] : {std::pair{"text", &n.text}, std::pair{"party", &n.party},
                                     std::pair{"source", &n.source}, std::pair{"burden", &n.burden}}) {
      EXPECT_EQ(data.value(key, ""), valid_utf8(field->value_or(""))) << key;
    }
    // Citations: one mapping, or a list of them, without unknown fields.
    json cites = json::array();
    for (const Citation& c : n.cite) {
      json one = json::object();
      for (const auto& [key, field] : {std::pair{"document", &c.document}, std::pair{"exhibit", &c.exhibit},
                                       std::pair{"bates", &c.bates}, std::pair{"pin", &c.pin},
                                       std::pair{"date", &c.date}, std::pair{"quote", &c.quote},
                                       std::pair{"authority", &c.authority}, std::pair{"url", &c.url}}) {
        if (*field) one[key] = valid_utf8(**field);
      }
      cites.push_back(std::move(one));
    }
    if (n.cite.empty()) {
      EXPECT_FALSE(data.contains("cite"));
    } else {
      EXPECT_EQ(data.value("cite", json()), n.cite.size() == 1 ? cites[0] : cites);
    }
  }
  std::set<std::string> expected;
  const auto all = g.edges();
  for (const auto e : all) {
    const Edge& p = g.edge(e);
    const std::string from(g.id(g.source(e)));
    switch (p.relation) {
      case Relation::supports:
      case Relation::element_of: expected.insert(edge_key(from, "support", std::string(g.id(g.target(e))))); break;
      case Relation::contradicts: expected.insert(edge_key(from, "attack", std::string(g.id(g.target(e))))); break;
      case Relation::undercuts:
        expected.insert(edge_key(from, "undercut", std::string(g.id(g.source(all[p.undercut])))));
        break;
    }
  }
  std::set<std::string> got;
  for (const auto& r : d["relations"]) {
    EXPECT_EQ(r["fromType"], "equivalence-class");
    EXPECT_EQ(r["toType"], "equivalence-class");
    got.insert(edge_key(r["from"].get<std::string>(), r["relationType"].get<std::string>(), r["to"].get<std::string>()));
  }
  EXPECT_EQ(got, expected);
}

TEST(ArgdownWriterCliTest, ArgdownReadsWhatClaimgraphWrites) {
  SKIP_WITHOUT_ARGDOWN();
  const TempDir dir;
  std::map<std::string, Graph> graphs;
  for (const auto& path : example_graphs()) graphs[path.stem().string()] = io::read_json(read_text(path)).graph;
  graphs["hostile"] = hostile_graph();
  for (const auto& [name, g] : graphs) {
    std::ostringstream out;
    io::write_argdown(out, g);
    write_text(dir / (name + ".argdown"), out.str());
  }
  const ArgdownRun argdown = run_argdown((dir.path() / "*.argdown").string());
  EXPECT_TRUE(argdown.first_error.empty()) << argdown.log;
  for (const auto& [name, g] : graphs) {
    SCOPED_TRACE(name);
    const auto exported = argdown.exported.find(name);
    ASSERT_NE(exported, argdown.exported.end()) << argdown.log;
    expect_argdown_reads(g, exported->second);
  }
}

}  // namespace
}  // namespace claimgraph::test
