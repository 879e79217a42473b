// AIF: the reader's mapping rule by rule on hand-made maps, its diagnostics
// checked whole (file, line, column, JSON pointer, message), the writer's
// layout and golden file, round trips of the example and random graphs, and
// every map of the shared AIF corpus (read in place, never copied: some are
// CC BY-NC-SA), whose propositions, inferences and conflicts are counted
// here from the raw JSON and compared with what the reader made of them.

#include "claimgraph/io/aif_reader.hpp"
#include "claimgraph/io/formats.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "analysis/random_graph.hpp"
#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/aif_writer.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "io/aif_maps.hpp"
#include "io/citation_builder.hpp"
#include "io/hostile_graph.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

// Reads the AIF map at `path`.
ReadResult read_aif_file(const std::string& path) { return read_input(path, find_input_format("aif")).result; }

namespace fs = std::filesystem;
using nlohmann::json;
using Lines = std::vector<std::string>;

ReadOptions options() {
  ReadOptions o;
  o.file_name = "map.json";
  return o;
}

ReadResult read(std::string_view text, const ReadOptions& o = options()) { return read_aif(text, o); }

// Every diagnostic of a map that must be rejected, formatted; fails unless
// the reader throws E.
template <class E = InputError>
Lines rejected(std::string_view text, const ReadOptions& o = options()) {
  try {
    (void)read_aif(text, o);
  } catch (const InputError& e) {
    if constexpr (!std::is_same_v<E, InputError>) {
      if (dynamic_cast<const E*>(&e) == nullptr) ADD_FAILURE() << "rejected with the other kind of error: " << e.what();
    }
    Lines out;
    for (const auto& d : e.diagnostics()) out.push_back(d.format());
    return out;
  }
  ADD_FAILURE() << "the map was accepted";
  return {};
}

Lines warnings(const ReadResult& r) {
  Lines out;
  for (const auto& d : r.warnings) out.push_back(d.format());
  return out;
}

// The nodes as "id kind label".
Lines nodes_of(const Graph& g) {
  Lines out;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const Node& n = g.node(v);
    out.push_back(std::string(n.id).append(" ").append(to_string(n.kind)).append(" ").append(n.label));
  }
  return out;
}

// The edges as "from relation to", an undercut as "from undercuts [id]".
Lines edges_of(const Graph& g) {
  Lines out;
  for (const auto& e : g.edges()) {
    const Edge& p = g.edge(e);
    std::string line(g.id(g.source(e)));
    line += " ";
    line += to_string(p.relation);
    line += " ";
    if (p.relation == Relation::undercuts) {
      const auto& target = g.edge(g.edges()[p.undercut]).id;
      line += '[';
      line += target.value_or("?");
      line += ']';
    } else {
      line += g.id(g.target(e));
    }
    if (p.id) {
      line += " #";
      line += *p.id;
    }
    out.push_back(line);
  }
  return out;
}

std::string canonical(const Graph& g) {
  std::ostringstream out;
  write_json(out, g);
  return out.str();
}

std::string aif(const Graph& g) {
  std::ostringstream out;
  write_aif(out, g);
  return out.str();
}

// A classic AIFdb map of the given nodes and edges, one per line.
std::string classic(const Lines& nodes, const Lines& edges) {
  std::string out = "{\"nodes\": [\n";
  for (std::size_t i = 0; i < nodes.size(); ++i) out.append("  ").append(nodes[i]).append(i + 1 < nodes.size() ? ",\n" : "\n");
  out += "], \"edges\": [\n";
  for (std::size_t i = 0; i < edges.size(); ++i) out.append("  ").append(edges[i]).append(i + 1 < edges.size() ? ",\n" : "\n");
  out += "], \"locutions\": []}\n";
  return out;
}

std::string i_node(const std::string& id, const std::string& text) {
  return std::string(R"({"nodeID": ")").append(id).append(R"(", "text": ")").append(text).append(R"(", "type": "I"})");
}
std::string s_node(const std::string& id, const std::string& type) {
  return std::string(R"({"nodeID": ")").append(id).append(R"(", "text": "Default", "type": ")").append(type).append(R"("})");
}
std::string edge(const std::string& from, const std::string& to) {
  return std::string(R"({"fromID": ")").append(from).append(R"(", "toID": ")").append(to).append(R"("})");
}

// --- the mapping, rule by rule ------------------------------------------------------------

TEST(AifReaderTest, OnePremiseSupportsTheConclusion) {
  const ReadResult r = read(R"({"nodes": [
  {"nodeID": "1", "text": "It rained all night", "type": "I", "timestamp": "2015-12-14 12:10:19"},
  {"nodeID": "2", "text": "The street is wet", "type": "I"},
  {"nodeID": "3", "text": "Default Inference", "type": "RA"}
], "edges": [
  {"edgeID": "1", "fromID": "1", "toID": "3", "formEdgeID": null},
  {"edgeID": "2", "fromID": "3", "toID": "2", "formEdgeID": null}
], "locutions": []})");
  EXPECT_EQ(nodes_of(r.graph), (Lines{"1 evidence It rained all night", "2 claim The street is wet"}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"1 supports 2"}));
  EXPECT_TRUE(r.warnings.empty());
  // Premises that nothing concludes are evidence, so the map is grounded.
  EXPECT_EQ(analysis::check(r.graph).lacking(), 0u);
}

TEST(AifReaderTest, LinkedPremisesHoldTogetherThroughANodeOfTheirOwn) {
  const ReadResult r = read(classic(
      {i_node("p1", "Socrates is a man"), i_node("p2", "All men are mortal"), i_node("c", "Socrates is mortal"),
       R"({"nodeID": "ra", "text": "Syllogism", "type": "RA"})"},
      {edge("p1", "ra"), edge("p2", "ra"), edge("ra", "c")}));
  EXPECT_EQ(nodes_of(r.graph), (Lines{"p1 evidence Socrates is a man", "p2 evidence All men are mortal",
                                      "c claim Socrates is mortal", "ra claim Syllogism"}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"p1 element-of ra", "p2 element-of ra", "ra supports c"}));
  EXPECT_TRUE(r.warnings.empty());
  EXPECT_EQ(analysis::check(r.graph).lacking(), 0u);
}

TEST(AifReaderTest, ALinkedPremiseThatLacksEvidenceUngroundsTheConclusion) {
  // p2 is concluded from p3, which an inference from p2 concludes: a cycle
  // with nothing outside it, so p2 lacks evidence, and with it the
  // conjunction and the conclusion; a convergent argument would not.
  const ReadResult r = read(classic(
      {i_node("p1", "A"), i_node("p2", "B"), i_node("p3", "C"), i_node("c", "D"), s_node("ra", "RA"),
       s_node("ra2", "RA"), s_node("ra3", "RA")},
      {edge("p1", "ra"), edge("p2", "ra"), edge("ra", "c"), edge("p3", "ra2"), edge("ra2", "p2"), edge("p2", "ra3"),
       edge("ra3", "p3")}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"p1 element-of ra", "p2 element-of ra", "ra supports c", "p3 supports p2",
                                      "p2 supports p3"}));
  const auto report = analysis::check(r.graph);
  EXPECT_EQ(report.lacking(), 4u);  // p2, p3 (the cycle), ra and c
}

TEST(AifReaderTest, ConvergentInferencesEachSupport) {
  const ReadResult r = read(classic({i_node("a", "A"), i_node("b", "B"), i_node("c", "C"), s_node("r1", "RA"),
                                     s_node("r2", "RA")},
                                    {edge("a", "r1"), edge("r1", "c"), edge("b", "r2"), edge("r2", "c")}));
  EXPECT_EQ(nodes_of(r.graph), (Lines{"a evidence A", "b evidence B", "c claim C"}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"a supports c", "b supports c"}));
}

TEST(AifReaderTest, AnInferenceWithSeveralConclusionsSupportsEach) {
  const ReadResult r = read(
      classic({i_node("a", "A"), i_node("b", "B"), i_node("c", "C"), s_node("r", "RA")},
              {edge("a", "r"), edge("r", "c"), edge("r", "b")}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"a supports c", "a supports b"}));
}

TEST(AifReaderTest, AConflictContradicts) {
  const ReadResult r = read(classic({i_node("a", "A"), i_node("b", "B"), s_node("ca", "CA")},
                                    {edge("a", "ca"), edge("ca", "b")}));
  EXPECT_EQ(nodes_of(r.graph), (Lines{"a evidence A", "b evidence B"}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"a contradicts b"}));
  EXPECT_TRUE(r.warnings.empty());
}

TEST(AifReaderTest, ALinkedConflictContradictsThroughANodeOfItsOwn) {
  const ReadResult r = read(classic(
      {i_node("a", "A"), i_node("b", "B"), i_node("c", "C"), R"({"nodeID": "ca", "text": "", "type": "CA"})"},
      {edge("a", "ca"), edge("b", "ca"), edge("ca", "c")}));
  EXPECT_EQ(nodes_of(r.graph), (Lines{"a evidence A", "b evidence B", "c evidence C", "ca claim Linked conflict"}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"a element-of ca", "b element-of ca", "ca contradicts c"}));
}

TEST(AifReaderTest, AConflictAimedAtAnInferenceUndercutsItsSupport) {
  const ReadResult r = read(classic({i_node("a", "A"), i_node("b", "B"), i_node("u", "U"), s_node("ra", "RA"),
                                     s_node("ca", "CA")},
                                    {edge("a", "ra"), edge("ra", "b"), edge("u", "ca"), edge("ca", "ra")}));
  // The supports edge takes the RA's nodeID, so that the undercut can name it.
  EXPECT_EQ(edges_of(r.graph), (Lines{"a supports b #ra", "u undercuts [ra]"}));
  const auto undercut = r.graph.edges()[1];
  EXPECT_EQ(r.graph.edge(undercut).undercut, 0u);
  EXPECT_EQ(r.graph.id(r.graph.target(undercut)), "b");  // an undercut runs to the supported claim
  // Written as a case file, the undercut names the edge and reads back.
  const std::string text = canonical(r.graph);
  EXPECT_NE(text.find(R"({"from": "u", "to": "ra", "relation": "undercuts"})"), std::string::npos) << text;
  EXPECT_EQ(canonical(read_json(text).graph), text);
}

TEST(AifReaderTest, AnUndercutOfSeveralSupportsAndOfALinkedInference) {
  // r1 concludes two nodes; r2 has linked premises. An edge id that is
  // taken is not reused.
  const ReadResult r = read(classic(
      {i_node("a", "A"), i_node("b", "B"), i_node("c", "C"), i_node("d", "D"), i_node("u", "U"),
       s_node("r1", "RA"), s_node("r2", "RA"), s_node("ca", "CA"), s_node("ca2", "CA")},
      {edge("a", "r1"), edge("r1", "b"), edge("r1", "c"), edge("b", "r2"), edge("c", "r2"), edge("r2", "d"),
       edge("u", "ca"), edge("ca", "r1"), edge("ca", "r2"), edge("d", "ca2"), edge("ca2", "r1")}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"a supports b #r1", "a supports c #r1_2", "b element-of r2", "c element-of r2",
                                      "r2 supports d #r2", "u undercuts [r1]", "u undercuts [r1_2]", "u undercuts [r2]",
                                      "d undercuts [r1]", "d undercuts [r1_2]"}));
}

TEST(AifReaderTest, AnAttackOnAConflictAttacksItsPremise) {
  const ReadResult r = read(classic(
      {i_node("a", "A"), i_node("b", "B"), i_node("c", "C"), s_node("ca1", "CA"), s_node("ca2", "CA")},
      {edge("a", "ca1"), edge("ca1", "b"), edge("c", "ca2"), edge("ca2", "ca1")}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"a contradicts b", "c contradicts a"}));
  EXPECT_EQ(warnings(r),
            (Lines{"map.json:11:3: warning: /edges/3: the conflict \"ca2\" (CA) attacks the conflict \"ca1\" (CA), an "
                   "attack on an attack, which claimgraph cannot hold; kept as \"c\" contradicts \"a\", the premise of "
                   "\"ca1\""}));
}

TEST(AifReaderTest, RephrasesPreferencesAndTheDialogueAreDroppedAndCounted) {
  const ReadResult r = read(test::debate_map());
  EXPECT_EQ(nodes_of(r.graph),
            (Lines{"1 claim The city should build the tram", "2 evidence Traffic doubled in ten years",
                   "3 evidence Trams carry more people than buses", "4 evidence The tram would cost too much",
                   "5 evidence Traffic counts include through traffic", "6 evidence The federal grant pays half",
                   "7 evidence Building the tram is what the city should do", "10 claim Default Inference"}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"2 element-of 10", "3 element-of 10", "10 supports 1 #10", "4 contradicts 1",
                                      "5 undercuts [10]", "6 contradicts 4"}));
  EXPECT_EQ(warnings(r),
            (Lines{"map.json:15:7: warning: /AIF/nodes/11: dropped 1 MA, 1 L, 1 YA and 1 TA nodes and the 5 edges "
                   "that touch them: claimgraph has no counterpart for rephrases (MA), preferences (PA) or the "
                   "dialogue (L, YA, TA)",
                   "map.json:29:7: warning: /AIF/edges/8: the conflict \"13\" (CA) attacks the conflict \"11\" (CA), an "
                   "attack on an attack, which claimgraph cannot hold; kept as \"6\" contradicts \"4\", the premise of "
                   "\"11\""}));
}

TEST(AifReaderTest, APreferenceIsDropped) {
  const ReadResult r = read(classic({i_node("a", "A"), i_node("b", "B"), s_node("pa", "PA")},
                                    {edge("a", "pa"), edge("pa", "b")}));
  EXPECT_EQ(nodes_of(r.graph), (Lines{"a evidence A", "b evidence B"}));
  EXPECT_TRUE(r.graph.edges().empty());
  EXPECT_EQ(warnings(r),
            (Lines{"map.json:4:3: warning: /nodes/2: dropped 1 PA node and the 2 edges that touch it: claimgraph has "
                   "no counterpart for rephrases (MA), preferences (PA) or the dialogue (L, YA, TA)"}));
}

TEST(AifReaderTest, IdsAreStringsOrIntegersAlike) {
  const ReadResult r = read(R"({"nodes": [
  {"nodeID": 1, "text": "A", "type": "I"},
  {"nodeID": "2", "text": "B", "type": "I"},
  {"nodeID": 30000000000000000000, "text": "", "type": "RA"}
], "edges": [
  {"edgeID": 1, "fromID": "1", "toID": 30000000000000000000},
  {"edgeID": "2", "fromID": "30000000000000000000", "toID": 2}
]})");
  EXPECT_EQ(nodes_of(r.graph), (Lines{"1 evidence A", "2 claim B"}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"1 supports 2"}));
}

TEST(AifReaderTest, CyclesAreFine) {
  const ReadResult r = read(classic({i_node("a", "A"), i_node("b", "B"), s_node("r1", "RA"), s_node("r2", "RA")},
                                    {edge("a", "r1"), edge("r1", "b"), edge("b", "r2"), edge("r2", "a")}));
  EXPECT_EQ(nodes_of(r.graph), (Lines{"a claim A", "b claim B"}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"a supports b", "b supports a"}));
  const auto report = analysis::check(r.graph);
  EXPECT_EQ(report.lacking(), 2u);
  EXPECT_EQ(report.cycles.size(), 1u);
}

TEST(AifReaderTest, EdgesWithNoCounterpartAreDroppedWithAWarning) {
  const ReadResult r = read(classic(
      {i_node("a", "A"), i_node("b", "B"), s_node("r1", "RA"), s_node("r2", "RA")},
      {edge("a", "b"), edge("a", "r1"), edge("r1", "b"), edge("a", "r1"), edge("r1", "r2"), edge("b", "r2"),
       edge("r2", "a")}));
  EXPECT_EQ(edges_of(r.graph), (Lines{"a supports b", "b supports a"}));
  EXPECT_EQ(warnings(r),
            (Lines{"map.json:7:3: warning: /edges/0: an edge from I-node \"a\" to I-node \"b\" says nothing in AIF, "
                   "where propositions are joined through RA, CA or MA nodes; dropped",
                   "map.json:10:3: warning: /edges/3: RA \"r1\" has \"a\" as a premise twice; the repeat is ignored",
                   "map.json:11:3: warning: /edges/4: an edge from RA \"r1\" to RA \"r2\" has no counterpart in "
                   "claimgraph; dropped"}));
}

TEST(AifReaderTest, AnINodeWithoutTextIsLabelledByItsId) {
  const ReadResult r = read(classic({i_node("a", " "), i_node("b", "B"), s_node("r", "RA")},
                                    {edge("a", "r"), edge("r", "b")}));
  EXPECT_EQ(nodes_of(r.graph), (Lines{"a evidence a", "b claim B"}));
  EXPECT_EQ(warnings(r), (Lines{"map.json:2:27: warning: /nodes/0/text: I-node \"a\" has no text; its id is its label"}));
}

TEST(AifReaderTest, AnEmptyMap) {
  const ReadResult r = read(R"({"nodes": [], "edges": []})");
  EXPECT_EQ(r.graph.node_count(), 0u);
  const ReadResult bare = read(R"({"AIF": {"nodes": []}})");
  EXPECT_EQ(bare.graph.node_count(), 0u);
}

TEST(AifReaderTest, ReadsFromAStreamAndAFile) {
  std::istringstream in(test::debate_map());
  EXPECT_EQ(read_aif(in, options()).graph.node_count(), 8u);
  test::TempDir dir;
  test::write_text(dir / "debate.json", test::debate_map());
  const ReadResult r = read_aif_file((dir / "debate.json").string());
  EXPECT_EQ(r.graph.node_count(), 8u);
  EXPECT_EQ(r.warnings.front().where.file, (dir / "debate.json").string());
  EXPECT_THROW((void)read_aif_file((dir / "missing.json").string()), IoError);
}

TEST(AifReaderTest, TheFieldsClaimgraphWritesAreReadBack) {
  // An unknown field holding a number beyond a double is kept as written,
  // as the case-file reader keeps it.
  const ReadResult r = read(R"({"nodes": [
  {"nodeID": "c", "text": "Claim", "type": "I", "claimgraph": {"kind": "counterclaim", "text": "Long", "party": "P", "group": "G", "source": "S", "weight": 0.5, "standard": "preponderance", "burden": "P", "tags": ["x", "y"], "zeta": [1, {"k": 1e999}], "alpha": true}},
  {"nodeID": "e", "text": "Exhibit", "type": "I", "claimgraph": {"kind": "evidence"}},
  {"nodeID": "k", "text": "Element", "type": "I", "claimgraph": {"kind": "claim"}},
  {"nodeID": "s", "text": "Default Inference", "type": "RA"},
  {"nodeID": "m", "text": "Default Inference", "type": "RA", "claimgraph": {"relation": "element-of"}}
], "edges": [
  {"edgeID": "1", "fromID": "e", "toID": "s", "claimgraph": {"id": "e0", "note": "=x"}},
  {"edgeID": "2", "fromID": "s", "toID": "c"},
  {"edgeID": "3", "fromID": "k", "toID": "m"},
  {"edgeID": "4", "fromID": "e", "toID": "m", "claimgraph": {"id": "x"}},
  {"edgeID": "5", "fromID": "m", "toID": "c"}
], "locutions": [], "claimgraph": {"title": "T", "description": "D", "$schema": "s.json"}})");
  EXPECT_TRUE(r.warnings.empty()) << r.warnings.front().format();
  EXPECT_EQ(canonical(r.graph), R"({
  "$schema": "s.json",
  "claimgraph": 1,
  "title": "T",
  "description": "D",
  "nodes": [
    {"id": "c", "kind": "counterclaim", "label": "Claim", "text": "Long", "party": "P", "group": "G", "source": "S", "weight": 0.5, "standard": "preponderance", "burden": "P", "tags": ["x", "y"], "alpha": true, "zeta": [1, {"k": 1e999}]},
    {"id": "e", "kind": "evidence", "label": "Exhibit"},
    {"id": "k", "kind": "claim", "label": "Element"}
  ],
  "edges": [
    {"id": "e0", "from": "e", "to": "c", "relation": "supports", "note": "=x"},
    {"from": "k", "to": "c", "relation": "element-of"},
    {"id": "x", "from": "e", "to": "c", "relation": "element-of"}
  ]
}
)");
}

// --- what is rejected, and where ---------------------------------------------------------

TEST(AifReaderTest, MalformedJson) {
  EXPECT_EQ(rejected<ParseError>("{\"nodes\": [\n  {\"nodeID\": \"1\",}\n]}"),
            (Lines{"map.json:2:17: error: malformed JSON: trailing comma before '}' is not allowed in JSON; remove it"}));
  EXPECT_EQ(rejected<ParseError>(""),
            (Lines{"map.json:1:1: error: the file is empty; an AIF map is a JSON object such as {\"nodes\": [...], "
                   "\"edges\": [...]}"}));
  EXPECT_EQ(rejected<ParseError>(std::string("\xFF\xFE{\0}\0", 6)),
            (Lines{"map.json:1:1: error: the file looks like UTF-16 or UTF-32; AIF maps must be encoded as UTF-8"}));
}

TEST(AifReaderTest, TheShapeOfTheMap) {
  EXPECT_EQ(rejected<ParseError>("[]"),
            (Lines{"map.json:1:1: error: an AIF map is a JSON object such as {\"nodes\": [...], \"edges\": [...]}; got "
                   "an array"}));
  EXPECT_EQ(rejected<ParseError>(R"({"edges": []})"),
            (Lines{"map.json:1:1: error: missing the required field \"nodes\" (an array of nodes)"}));
  EXPECT_EQ(rejected<ParseError>(R"({"AIF": {"nodes": {}, "edges": 3}})"),
            (Lines{"map.json:1:19: error: /AIF/nodes: expected an array of nodes, got an object",
                   "map.json:1:32: error: /AIF/edges: expected an array of edges, got a number"}));
  EXPECT_EQ(rejected<ParseError>(R"({"AIF": []})"),
            (Lines{"map.json:1:9: error: /AIF: expected the AIF map, an object with \"nodes\" and \"edges\", got an "
                   "array"}));
  EXPECT_EQ(rejected<ParseError>(R"({"nodes": [], "nodes": []})"),
            (Lines{"map.json:1:15: error: /nodes: duplicate key \"nodes\" in the same object"}));
}

TEST(AifReaderTest, WrongTypesAndMissingFields) {
  const std::string map = R"({"nodes": [
  [],
  {"text": "A", "type": "I"},
  {"nodeID": 1.5, "text": "A", "type": "I"},
  {"nodeID": true, "text": "A", "type": "I"},
  {"nodeID": "a", "type": 1},
  {"nodeID": "b", "type": "I", "text": 3},
  {"nodeID": "c", "type": "I"},
  {"nodeID": "d", "type": "I", "text": "D", "claimgraph": "claim"}
], "edges": [
  "e",
  {"fromID": "b"},
  {"edgeID": [], "fromID": "c", "toID": "d"}
]})";
  EXPECT_EQ(rejected<ParseError>(map),
            (Lines{
                "map.json:2:3: error: /nodes/0: expected a node object such as {\"nodeID\": \"1\", \"type\": \"I\", "
                "\"text\": \"...\"}, got an array",
                "map.json:3:3: error: /nodes/1: node is missing the required field \"nodeID\"",
                "map.json:4:14: error: /nodes/2/nodeID: expected the node's id, a string or an integer, got 1.5",
                "map.json:5:14: error: /nodes/3/nodeID: expected the node's id, a string or an integer, got a boolean",
                "map.json:6:27: error: /nodes/4/type: expected the node type, a string such as \"I\" or \"RA\", got a "
                "number",
                "map.json:7:40: error: /nodes/5/text: expected the node's text, a string, got a number",
                "map.json:8:3: error: /nodes/6: an I-node needs its \"text\": the proposition it stands for",
                "map.json:9:59: error: /nodes/7/claimgraph: expected an object of claimgraph fields, got a string",
                "map.json:11:3: error: /edges/0: expected an edge object such as {\"edgeID\": \"1\", \"fromID\": \"1\", "
                "\"toID\": \"2\"}, got a string",
                "map.json:12:3: error: /edges/1: edge is missing the required field \"toID\"",
                "map.json:13:14: error: /edges/2/edgeID: expected the edge's id, a string or an integer, got an array",
            }));
}

TEST(AifReaderTest, UnknownTypesDanglingEdgesAndDuplicateIds) {
  const std::string map = R"({"nodes": [
  {"nodeID": "1", "text": "A", "type": "I"},
  {"nodeID": "2", "text": "B", "type": "ra"},
  {"nodeID": "3", "text": "C", "type": "XA"},
  {"nodeID": "1", "text": "D", "type": "I"},
  {"nodeID": "", "text": "E", "type": "I"}
], "edges": [
  {"fromID": "1", "toID": "12"},
  {"fromID": "1", "toID": "1"}
]})";
  EXPECT_EQ(rejected<ValidationError>(map),
            (Lines{"map.json:3:40: error: /nodes/1/type: unknown node type \"ra\"; expected \"I\", \"RA\", \"CA\", "
                   "\"MA\", \"PA\", \"L\", \"YA\" or \"TA\"; did you mean \"RA\"?",
                   "map.json:4:40: error: /nodes/2/type: unknown node type \"XA\"; expected \"I\", \"RA\", \"CA\", "
                   "\"MA\", \"PA\", \"L\", \"YA\" or \"TA\"; did you mean \"RA\"?",
                   "map.json:5:14: error: /nodes/3/nodeID: duplicate nodeID \"1\"; first used at map.json:2:14",
                   "map.json:6:14: error: /nodes/4/nodeID: a node id must not be empty",
                   "map.json:8:27: error: /edges/0/toID: unknown node \"12\"; did you mean \"1\"?",
                   "map.json:9:3: error: /edges/1: edge from \"1\" to itself; an edge must join two different nodes"}));
}

TEST(AifReaderTest, SchemeNodesNeedTheirEnds) {
  const std::string map = classic(
      {i_node("a", "A"), i_node("b", "B"), s_node("r1", "RA"), s_node("r2", "RA"), s_node("c1", "CA"),
       s_node("c2", "CA"), s_node("r3", "RA"), s_node("c3", "CA")},
      {edge("a", "r1"), edge("r2", "b"), edge("a", "c1"), edge("c2", "b"), edge("a", "r3"), edge("r3", "a"),
       edge("b", "c3"), edge("c3", "b")});
  EXPECT_EQ(rejected<ValidationError>(map),
            (Lines{"map.json:4:3: error: /nodes/2: the inference \"r1\" (RA) has no conclusion: no edge leads from it "
                   "to an I-node",
                   "map.json:5:3: error: /nodes/3: the inference \"r2\" (RA) has no premise: no edge leads into it from "
                   "an I-node",
                   "map.json:6:3: error: /nodes/4: the conflict \"c1\" (CA) attacks nothing: no edge leads from it to an "
                   "I-node, an RA or a CA",
                   "map.json:7:3: error: /nodes/5: the conflict \"c2\" (CA) has no premise: no edge leads into it from an "
                   "I-node"}));
  // Once every scheme has its ends: a node may not be its own conclusion or target.
  const std::string loops = classic({i_node("a", "A"), i_node("b", "B"), s_node("r3", "RA"), s_node("c3", "CA"),
                                     s_node("r4", "RA"), s_node("c4", "CA")},
                                    {edge("a", "r3"), edge("r3", "a"), edge("b", "c3"), edge("c3", "b"),
                                     edge("a", "r4"), edge("r4", "b"), edge("b", "c4"), edge("c4", "r4")});
  EXPECT_EQ(rejected<ValidationError>(loops),
            (Lines{"map.json:10:3: error: /edges/1: the inference \"r3\" (RA) concludes its own premise \"a\"; an edge "
                   "must join two different nodes",
                   "map.json:12:3: error: /edges/3: the conflict \"c3\" (CA) makes \"b\" attack itself, which a case file "
                   "cannot hold",
                   "map.json:16:3: error: /edges/7: the conflict \"c4\" (CA) makes \"b\" undercut a support of itself; an "
                   "undercut must come from another node"}));
}

TEST(AifReaderTest, BadClaimgraphFields) {
  const std::string map = R"({"nodes": [
  {"nodeID": "a", "text": "A", "type": "I", "claimgraph": {"kind": "clam", "weight": 2, "id": "x", "tags": [1]}},
  {"nodeID": "b", "text": "B", "type": "I", "claimgraph": {"standard": "beyond", "party": null}},
  {"nodeID": "r", "text": "R", "type": "RA", "claimgraph": {"relation": "element_of"}}
], "edges": [
  {"fromID": "a", "toID": "r", "claimgraph": {"id": "e1", "relation": "supports"}},
  {"fromID": "r", "toID": "b", "claimgraph": {"id": "e1"}}
]})";
  EXPECT_EQ(rejected<ParseError>(map),
            (Lines{"map.json:2:68: error: /nodes/0/claimgraph/kind: unknown kind \"clam\"; expected \"claim\", "
                   "\"counterclaim\" or \"evidence\"; did you mean \"claim\"?",
                   "map.json:2:86: error: /nodes/0/claimgraph/weight: weight 2 is out of range; a weight is a number "
                   "between 0 and 1",
                   "map.json:2:89: error: /nodes/0/claimgraph/id: \"id\" cannot be set here: a node's id is its "
                   "\"nodeID\" and its label its \"text\"",
                   "map.json:2:109: error: /nodes/0/claimgraph/tags/0: expected a string, got a number",
                   "map.json:3:72: error: /nodes/1/claimgraph/standard: unknown standard of proof \"beyond\"; expected "
                   "\"scintilla\", \"preponderance\", \"clear-and-convincing\" or \"beyond-reasonable-doubt\"; did you "
                   "mean \"beyond-reasonable-doubt\"?",
                   "map.json:3:91: error: /nodes/1/claimgraph/party: expected a string, got null",
                   "map.json:4:73: error: /nodes/2/claimgraph/relation: unknown relation \"element_of\" for an RA; "
                   "expected \"supports\" or \"element-of\"; did you mean \"element-of\"?",
                   "map.json:6:59: error: /edges/0/claimgraph/relation: \"relation\" cannot be set here: the AIF edges "
                   "and nodes say it",
                   "map.json:7:53: error: /edges/1/claimgraph/id: duplicate edge id \"e1\"; first defined at map.json:6:53"}));
}

TEST(AifReaderTest, BadCitationsAreRefusedAsInACaseFile) {
  const std::string map = R"({"nodes": [
  {"nodeID": "a", "text": "A", "type": "I", "claimgraph": {"cite": {"exhibit": "PX-1", "bates": "AWS000131-AWS000123"}}},
  {"nodeID": "b", "text": "B", "type": "I", "claimgraph": {"cite": [{"exhibit": "PX-2", "date": "2021-02-30"}, {"url": "no url"}, {"pin": "at 4"}, "PX-3", {"document": 7, "exhibit": " "}]}},
  {"nodeID": "c", "text": "C", "type": "I", "claimgraph": {"cite": "PX-4"}}
], "edges": []})";
  EXPECT_EQ(
      rejected<ParseError>(map),
      (Lines{"map.json:2:97: error: /nodes/0/claimgraph/cite/bates: Bates range \"AWS000131-AWS000123\" runs backwards: "
             "AWS000131 comes after AWS000123",
             "map.json:3:97: error: /nodes/1/claimgraph/cite/0/date: date \"2021-02-30\" is not a date: February 2021 "
             "has 28 days",
             "map.json:3:120: error: /nodes/1/claimgraph/cite/1/url: url \"no url\" contains a space or a control "
             "character; write spaces as %20",
             "map.json:3:131: error: /nodes/1/claimgraph/cite/2: a citation must say what it cites: give its "
             "\"document\", \"exhibit\", \"bates\", \"authority\" or \"url\"",
             "map.json:3:148: error: /nodes/1/claimgraph/cite/3: expected a citation object such as {\"exhibit\": "
             "\"PX-12\", \"pin\": \"at 4\"}, got a string",
             "map.json:3:169: error: /nodes/1/claimgraph/cite/4/document: expected a string, got a number",
             "map.json:3:183: error: /nodes/1/claimgraph/cite/4/exhibit: exhibit \" \" must not be blank",
             "map.json:4:68: error: /nodes/2/claimgraph/cite: expected a citation object such as {\"exhibit\": "
             "\"PX-12\", \"pin\": \"at 4\"}, or an array of them, got a string"}));
}

TEST(AifReaderTest, NulIsRefusedWhereverItIsKept) {
  const std::string map = R"({"nodes": [
  {"nodeID": "a\u0000", "text": "A", "type": "I"},
  {"nodeID": "b", "text": "B\u0000", "type": "I", "claimgraph": {"party": "\u0000", "note": "\u0000"}},
  {"nodeID": "c", "text": "C", "type": "I"}
], "edges": [{"fromID": "c", "toID": "b", "claimgraph": {"note": "\u0000"}}],
"claimgraph": {"title": "\u0000", "note": "\u0000"}})";
  const auto nul = [](std::string where) {
    return where.append(": string contains a NUL character (\\u0000), which is not allowed");
  };
  EXPECT_EQ(rejected<ValidationError>(map),
            (Lines{nul("map.json:2:14: error: /nodes/0/nodeID"), nul("map.json:3:27: error: /nodes/1/text"),
                   nul("map.json:3:75: error: /nodes/1/claimgraph/party"),
                   nul("map.json:3:93: error: /nodes/1/claimgraph/note"),
                   nul("map.json:5:66: error: /edges/0/claimgraph/note"),
                   nul("map.json:6:25: error: /claimgraph/title"), nul("map.json:6:43: error: /claimgraph/note")}));
}

TEST(AifReaderTest, Limits) {
  const std::string map = test::debate_map();
  ReadOptions o = options();
  o.limits.max_nodes = 14;
  EXPECT_EQ(rejected<ParseError>(map, o),
            (Lines{"map.json:18:7: error: /AIF/nodes/14: more than 14 nodes"}));
  o = options();
  o.limits.max_edges = 13;
  EXPECT_EQ(rejected<ParseError>(map, o),
            (Lines{"map.json:34:7: error: /AIF/edges/13: more than 13 edges"}));
  o = options();
  o.limits.max_depth = 3;
  EXPECT_EQ(rejected<ParseError>(map, o),
            (Lines{"map.json:4:7: error: nesting deeper than 3 levels"}));
  o = options();
  o.limits.max_string_bytes = 40;
  EXPECT_EQ(rejected<ValidationError>(map, o),
            (Lines{"map.json:10:29: error: /AIF/nodes/6/text: string of 44 bytes exceeds the limit of 40 bytes"}));
  o = options();
  o.limits.max_input_bytes = 100;
  std::string expected = "map.json:1:1: error: input of ";
  expected.append(std::to_string(std::string_view(map).size()))
      .append(" bytes exceeds the limit of 100 bytes");
  EXPECT_EQ(rejected<ParseError>(map, o), Lines{expected});
}

TEST(AifReaderTest, TheGraphItMakesIsBoundedToo) {
  // An RA with 3 conclusions and 3 undercutters: 3 + 9 edges of the graph
  // from 10 edges of the map.
  Lines nodes{i_node("a", "A"), s_node("r", "RA")};
  Lines edges{edge("a", "r")};
  for (std::size_t k = 1; k <= 3; ++k) {
    const std::string c = test::numbered("c", k);
    const std::string u = test::numbered("u", k);
    const std::string ca = test::numbered("ca", k);
    nodes.push_back(i_node(c, "C"));
    nodes.push_back(i_node(u, "U"));
    nodes.push_back(s_node(ca, "CA"));
    edges.push_back(edge("r", c));
    edges.push_back(edge(u, ca));
    edges.push_back(edge(ca, "r"));
  }
  ReadOptions o = options();
  o.limits.max_edges = 12;
  EXPECT_EQ(read(classic(nodes, edges), o).graph.edge_count(), 12u);
  o.limits.max_edges = 10;
  EXPECT_EQ(rejected<ParseError>(classic(nodes, edges), o),
            (Lines{"map.json:22:3: error: /edges/8: more than 10 edges in the graph"}));
}

TEST(AifReaderTest, TooManyErrorsStopsTheReport) {
  Lines nodes;
  for (int i = 0; i < 60; ++i) nodes.push_back(R"({"nodeID": "x", "text": "A", "type": "Q"})");
  ReadOptions o = options();
  o.max_errors = 3;
  const Lines lines = rejected(classic(nodes, {}), o);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines.back(), "map.json: note: too many errors; stopped after 3");
}

// --- telling AIF from a case file ------------------------------------------------------------

TEST(AifSniffTest, TellsAifFromCaseFiles) {
  EXPECT_TRUE(looks_like_aif(test::debate_map()));
  EXPECT_TRUE(looks_like_aif(R"({"nodes": [{"text": "A", "nodeID": "1", "type": "I"}], "edges": []})"));
  EXPECT_TRUE(looks_like_aif("\xEF\xBB\xBF{\"AIF\": null}"));
  EXPECT_TRUE(looks_like_aif(R"({"nodes": [], "edges": [{"fromID": "1", "toID": "2"}]})"));
  EXPECT_TRUE(looks_like_aif(R"({"nodes": [], "locutions": []})"));
  EXPECT_TRUE(looks_like_aif(R"({"claimgraph": {"title": "T"}, "nodes": [{"nodeID": "1"}]})"));
  EXPECT_FALSE(looks_like_aif(R"({"claimgraph": 1, "nodes": [{"nodeID": "1"}]})"));
  EXPECT_FALSE(looks_like_aif(R"({"nodes": [{"id": "1", "nodeID": "1"}]})"));
  EXPECT_FALSE(looks_like_aif(R"({"nodes": [], "edges": [{"from": "1", "fromID": "2"}]})"));
  EXPECT_FALSE(looks_like_aif(R"({"nodes": []})"));
  EXPECT_FALSE(looks_like_aif("[]"));
  EXPECT_FALSE(looks_like_aif("{\"nodes\": [{\"text\" 1, \"nodeID\": \"1\"}]}"));  // broken before it tells
  // Told before it breaks: the AIF reader then says where.
  EXPECT_TRUE(looks_like_aif("{\"nodes\": [{\"nodeID\" 1}]}"));
  EXPECT_FALSE(looks_like_aif(""));
  EXPECT_FALSE(looks_like_aif(R"({"x": [[[[{"AIF": 1}]]]], "AIF": {}})", 3));  // deeper than allowed first
  // Only the first node is looked at, and nothing after the answer.
  EXPECT_TRUE(looks_like_aif(R"({"nodes": [{"nodeID": "1"}, {"id": "2"}], "claimgraph": 1} trailing)"));
}

// --- the writer ------------------------------------------------------------------------------

TEST(AifWriterTest, EmptyGraph) {
  EXPECT_EQ(aif(Graph{}), "{\n  \"nodes\": [],\n  \"edges\": [],\n  \"locutions\": []\n}\n");
}

TEST(AifWriterTest, Layout) {
  GraphBuilder b;
  b.title("T");
  b.claim("c", "Claim").party("P").tag("t");
  b.claim("e0", "Element one");
  b.claim("k2", "Element two");
  b.evidence("x", "Exhibit").source("S");
  b.counterclaim("d", "Defence");
  b.supports("x", "e0").element_of("e0", "c").contradicts("d", "c").element_of("k2", "c");
  Graph g = std::move(b).build();
  g.add_undercut(g.find("d").value(), 0);
  EXPECT_EQ(aif(g), R"({
  "nodes": [
    {"nodeID": "c", "text": "Claim", "type": "I", "claimgraph": {"kind": "claim", "party": "P", "tags": ["t"]}},
    {"nodeID": "e0", "text": "Element one", "type": "I", "claimgraph": {"kind": "claim"}},
    {"nodeID": "k2", "text": "Element two", "type": "I", "claimgraph": {"kind": "claim"}},
    {"nodeID": "x", "text": "Exhibit", "type": "I", "claimgraph": {"kind": "evidence", "source": "S"}},
    {"nodeID": "d", "text": "Defence", "type": "I", "claimgraph": {"kind": "counterclaim"}},
    {"nodeID": "e0_2", "text": "Default Inference", "type": "RA"},
    {"nodeID": "e1", "text": "Default Inference", "type": "RA", "claimgraph": {"relation": "element-of"}},
    {"nodeID": "e2", "text": "Default Conflict", "type": "CA"},
    {"nodeID": "e4", "text": "Default Conflict", "type": "CA"}
  ],
  "edges": [
    {"edgeID": "1", "fromID": "x", "toID": "e0_2", "claimgraph": {"id": "e0"}},
    {"edgeID": "2", "fromID": "e0_2", "toID": "e0"},
    {"edgeID": "3", "fromID": "e0", "toID": "e1"},
    {"edgeID": "4", "fromID": "e1", "toID": "c"},
    {"edgeID": "5", "fromID": "d", "toID": "e2"},
    {"edgeID": "6", "fromID": "e2", "toID": "c"},
    {"edgeID": "7", "fromID": "k2", "toID": "e1"},
    {"edgeID": "8", "fromID": "d", "toID": "e4"},
    {"edgeID": "9", "fromID": "e4", "toID": "e0_2"}
  ],
  "locutions": [],
  "claimgraph": {"title": "T"}
}
)");
  EXPECT_EQ(canonical(read(aif(g)).graph), canonical(g));
}

// The rules of AIF that any tool reading the output relies on, checked
// without the reader: unique nodeIDs of known types, edges between existing
// nodes, never I-node to I-node, every RA with a premise and a conclusion,
// every CA with a premise and a target.
void expect_well_formed_aif(const std::string& text) {
  const json map = json::parse(text);
  ASSERT_TRUE(map.contains("nodes") && map.contains("edges") && map.contains("locutions"));
  std::map<std::string, std::string> types;
  for (const auto& n : map["nodes"]) {
    const std::string type = n.at("type");
    EXPECT_TRUE(type == "I" || type == "RA" || type == "CA") << type;
    EXPECT_TRUE(n.at("text").is_string());
    EXPECT_TRUE(types.emplace(n.at("nodeID").get<std::string>(), type).second) << "duplicate " << n["nodeID"];
  }
  std::map<std::string, int> in;
  std::map<std::string, int> out;
  std::set<std::string> edge_ids;
  for (const auto& e : map["edges"]) {
    const std::string from = e.at("fromID");
    const std::string to = e.at("toID");
    ASSERT_TRUE(types.contains(from) && types.contains(to)) << e.dump();
    EXPECT_FALSE(types[from] == "I" && types[to] == "I") << e.dump();
    EXPECT_TRUE(edge_ids.insert(e.at("edgeID").get<std::string>()).second);
    ++out[from];
    ++in[to];
  }
  for (const auto& [id, type] : types) {
    if (type != "I") {
      EXPECT_GE(in[id], 1) << id;
      EXPECT_GE(out[id], 1) << id;
    }
  }
}

TEST(AifWriterTest, GoldenFileOfTheShowcase) {
  const fs::path input = test::graphs_dir() / "parler_v_aws.json";
  const Graph g = read_json(test::read_text(input)).graph;
  const std::string written = aif(g);
  const std::string mismatch = test::golden_mismatch("parler_v_aws.aif.json", written);
  EXPECT_TRUE(mismatch.empty()) << mismatch;
  expect_well_formed_aif(written);
}

// claimgraph → AIF → claimgraph keeps everything: the canonical case files
// are the same bytes.
class AifRoundTripTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(AifRoundTripTest, EveryExampleGraphSurvives) {
  const Graph g = read_json(test::read_text(GetParam())).graph;
  const std::string written = aif(g);
  expect_well_formed_aif(written);
  const ReadResult back = read(written);
  EXPECT_TRUE(back.warnings.empty());
  EXPECT_EQ(canonical(back.graph), canonical(g));
  EXPECT_EQ(aif(back.graph), written);
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Graphs, AifRoundTripTest, ::testing::ValuesIn(test::example_graphs()), test_name);

TEST(AifWriterTest, RandomGraphsSurviveTheRoundTrip) {
  // Every kind and relation, parallel edges, undercuts before or after the
  // edge they attack, and graphs whose node ids look like scheme names.
  std::mt19937 rng(20240611);
  for (int i = 0; i < 400; ++i) {
    Graph g = test::random_graph(rng, 12);
    if (i % 3 == 0) {
      Node e0;
      e0.id = "e0";
      e0.label = "a node named like a scheme node";
      g.add_node(std::move(e0));
    }
    const std::string written = aif(g);
    SCOPED_TRACE(test::describe(g));
    expect_well_formed_aif(written);
    const ReadResult back = read(written);
    ASSERT_EQ(canonical(back.graph), canonical(g));
    EXPECT_EQ(aif(back.graph), written);
    EXPECT_TRUE(back.warnings.empty());
  }
}

TEST(AifWriterTest, HostileTextSurvives) {
  Graph g = test::hostile_graph();
  // What is not UTF-8 or holds NUL comes out as U+FFFD and \u0000, which
  // AIF tools read but the reader refuses, like the case-file reader.
  const std::string with_nul = aif(g);
  EXPECT_TRUE(json::accept(with_nul));
  EXPECT_THROW((void)read(with_nul), InputError);
  g.node(g.node_count() - 1).label = "nul and bad byte, written out";
  const std::string written = aif(g);
  expect_well_formed_aif(written);
  EXPECT_EQ(canonical(read(written).graph), canonical(g));
}

// Two citations with every field between them, markup and escapes in
// the free text, and an unknown field.
Graph cited_graph() {
  Graph g;
  Node n;
  n.id = "e";
  n.kind = NodeKind::evidence;
  n.label = "Email";
  n.cite = {test::cite({{"document", "Email \"from\" AWS <to> Parler & co. \\ 😀"},
                        {"exhibit", "PX-12 ½"},
                        {"bates", "AWS000123–AWS000131"},
                        {"pin", "at 4:12–18, ¶ 14"},
                        {"date", "2021-01-09T17:05:30.5-08:00"},
                        {"quote", "\"We may suspend\"\n<b>any</b>\t&amp; all \\u0000"},
                        {"authority", "Parler LLC v. Amazon Web Services, Inc., 514 F. Supp. 3d 1261 (W.D. Wash. 2021)"},
                        {"url", "https://example.com/a?q=\"<x>\"&y='z'"}}),
            test::cite({{"authority", "15 U.S.C. § 230"},
                        {"url", "mailto:clerk@example.com"}}, {{"note", "{\"k\":[1,\"<&>\"]}"}})};
  g.add_node(n);
  return g;
}

TEST(AifWriterTest, CitationsRideInTheClaimgraphObject) {
  const Graph g = cited_graph();
  const std::string written = aif(g);
  expect_well_formed_aif(written);
  const json doc = json::parse(written);
  const json& cites = doc["nodes"][0]["claimgraph"]["cite"];
  ASSERT_EQ(cites.size(), 2u);
  EXPECT_EQ(cites[0]["quote"], "\"We may suspend\"\n<b>any</b>\t&amp; all \\u0000");
  EXPECT_EQ(cites[1]["note"], json::parse("{\"k\":[1,\"<&>\"]}"));
  const ReadResult back = read(written);
  EXPECT_TRUE(back.warnings.empty());
  EXPECT_EQ(back.graph.node(0).cite, g.node(0).cite);
  EXPECT_EQ(aif(back.graph), written);
  // In an xAIF file, one level deeper.
  const ReadResult wrapped = read("{\"AIF\": " + written + "}");
  EXPECT_EQ(wrapped.graph.node(0).cite, g.node(0).cite);
  // One citation is written as an object, as in a case file.
  Graph one = g;
  one.node(0).cite.pop_back();
  EXPECT_TRUE(json::parse(aif(one))["nodes"][0]["claimgraph"]["cite"].is_object());
  EXPECT_EQ(read(aif(one)).graph.node(0).cite, one.node(0).cite);
}

// --- the shared corpus ------------------------------------------------------------------------

std::vector<fs::path> corpus_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// What a map should give, counted from the raw JSON, by the rules of
// docs/aif.md, without the reader.
struct Expected {
  std::map<std::string, std::string> propositions;  // I-node id → text
  std::set<std::string> concluded;                   // I-nodes an RA concludes
  std::size_t linked = 0;                            // RAs and CAs with several premises
  std::size_t supports = 0;                          // (RA, conclusion) pairs
  std::size_t element_of = 0;                        // premises of linked RAs and CAs
  std::size_t contradicts = 0;                       // (CA, I-node or CA) pairs
  std::size_t undercuts = 0;                         // (CA, RA, conclusion of that RA)
  std::map<std::string, std::size_t> dropped;        // nodes of other types, by type
};

std::string id_text(const json& id) { return id.is_string() ? id.get<std::string>() : id.dump(); }

Expected count(const json& file) {
  const json& map = file.contains("AIF") ? file["AIF"] : file;
  std::map<std::string, std::string> type;
  Expected x;
  for (const auto& n : map["nodes"]) {
    const std::string id = id_text(n["nodeID"]);
    type[id] = n["type"];
    if (type[id] == "I") x.propositions[id] = n["text"];
    if (type[id] != "I" && type[id] != "RA" && type[id] != "CA") ++x.dropped[type[id]];
  }
  std::map<std::string, std::set<std::string>> premises;     // I-node sources
  std::map<std::string, std::set<std::string>> conclusions;  // I-node targets
  std::map<std::string, std::set<std::string>> schemes;      // RA or CA targets of a CA
  for (const auto& e : map["edges"]) {
    const std::string from = id_text(e["fromID"]);
    const std::string to = id_text(e["toID"]);
    if (type[from] == "I" && (type[to] == "RA" || type[to] == "CA")) premises[to].insert(from);
    if ((type[from] == "RA" || type[from] == "CA") && type[to] == "I") conclusions[from].insert(to);
    if (type[from] == "CA" && (type[to] == "RA" || type[to] == "CA")) schemes[from].insert(to);
  }
  for (const auto& [id, t] : type) {
    if (t != "RA" && t != "CA") continue;
    if (premises[id].size() > 1) {
      ++x.linked;
      x.element_of += premises[id].size();
    }
    if (t == "RA") {
      x.supports += conclusions[id].size();
      x.concluded.insert(conclusions[id].begin(), conclusions[id].end());
      continue;
    }
    x.contradicts += conclusions[id].size();
    for (const auto& target : schemes[id]) {
      if (type[target] == "RA") {
        x.undercuts += conclusions[target].size();
      } else {
        ++x.contradicts;
      }
    }
  }
  return x;
}

TEST(AifCorpusTest, EveryMapImportsAndItsArgumentsSurvive) {
  const fs::path dir = test::aif_corpus_dir();
  CLAIMGRAPH_SKIP_WITHOUT_AIF_CORPUS(dir);
  const auto files = corpus_files(dir);
  EXPECT_EQ(files.size(), 47u) << "40 microtexts, 5 xAIF and the 2 maps of nodeset 6064";
  std::size_t propositions = 0;
  std::size_t supports = 0;
  std::size_t conflicts = 0;
  for (const auto& path : files) {
    SCOPED_TRACE(path.string());
    const json raw = json::parse(test::read_text(path));
    const Expected x = count(raw);
    const ReadResult r = read_aif_file(path.string());
    const Graph& g = r.graph;
    // Every proposition, with its text, and as a claim exactly when an
    // inference concludes it; besides them only the linked nodes.
    EXPECT_EQ(g.node_count(), x.propositions.size() + x.linked);
    for (const auto& [id, text] : x.propositions) {
      const auto v = g.find(id);
      ASSERT_TRUE(v.has_value()) << id;
      EXPECT_EQ(g.node(*v).label, text);
      EXPECT_EQ(g.node(*v).kind, x.concluded.contains(id) ? NodeKind::claim : NodeKind::evidence) << id;
    }
    std::map<Relation, std::size_t> relations;
    for (const auto& e : g.edges()) ++relations[g.edge(e).relation];
    EXPECT_EQ(relations[Relation::supports], x.supports);
    EXPECT_EQ(relations[Relation::element_of], x.element_of);
    EXPECT_EQ(relations[Relation::contradicts], x.contradicts);
    EXPECT_EQ(relations[Relation::undercuts], x.undercuts);
    // The dropped nodes are counted in one warning.
    std::size_t dropped = 0;
    for (const auto& [type, n] : x.dropped) {
      dropped += n;
      std::string said = std::to_string(n);
      said.append(" ").append(type);
      EXPECT_TRUE(std::any_of(r.warnings.begin(), r.warnings.end(), [&](const Diagnostic& d) {
        return d.message.starts_with("dropped ") && d.message.find(said) != std::string::npos;
      })) << said;
    }
    if (dropped == 0) {
      EXPECT_TRUE(std::none_of(r.warnings.begin(), r.warnings.end(),
                               [](const Diagnostic& d) { return d.message.starts_with("dropped "); }));
    }
    // Premises that nothing concludes are evidence: check grounds every map.
    EXPECT_EQ(analysis::check(g).lacking(), 0u);
    propositions += x.propositions.size();
    supports += x.supports;
    conflicts += x.contradicts + x.undercuts;
  }
  // The corpus README's own tally of the 40 microtexts (227 I-nodes) plus
  // the others, as counted above.
  EXPECT_EQ(propositions, 227u + 9 + 9 + 2 + 9 + 21 + 31 + 4);
  EXPECT_GT(supports, 0u);
  EXPECT_GT(conflicts, 0u);
}

TEST(AifCorpusTest, EveryMapSurvivesTheRoundTripThroughClaimgraph) {
  const fs::path dir = test::aif_corpus_dir();
  CLAIMGRAPH_SKIP_WITHOUT_AIF_CORPUS(dir);
  for (const auto& path : corpus_files(dir)) {
    SCOPED_TRACE(path.string());
    const Graph first = read_aif_file(path.string()).graph;
    const std::string written = aif(first);
    expect_well_formed_aif(written);
    const ReadResult second = read(written);
    EXPECT_TRUE(second.warnings.empty());
    EXPECT_EQ(canonical(second.graph), canonical(first));
    EXPECT_EQ(aif(second.graph), written);
  }
}

TEST(AifCorpusTest, TheRebuttalAndTheUndercut) {
  const fs::path dir = test::aif_corpus_dir();
  CLAIMGRAPH_SKIP_WITHOUT_AIF_CORPUS(dir);
  const ReadResult r = read_aif_file((dir / "xaif" / "papa_rebut_undercut.json").string());
  EXPECT_EQ(nodes_of(r.graph), (Lines{"4_173158685654602051 claim A", "9_173158685654602051 evidence B",
                                      "24_173158685654602051 evidence A and B are totally unrelated",
                                      "29_173158685654602051 evidence not B"}));
  EXPECT_EQ(edges_of(r.graph),
            (Lines{"9_173158685654602051 supports 4_173158685654602051 #36_173158685654602051",
                   "29_173158685654602051 contradicts 9_173158685654602051",
                   "24_173158685654602051 undercuts [36_173158685654602051]"}));
}

}  // namespace
}  // namespace claimgraph::io
