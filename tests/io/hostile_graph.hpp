#pragma once
// Text that every exporter must carry through unharmed: markup, quotes,
// backslashes, line breaks, control characters, right-to-left marks, emoji,
// words and arrows that mean something in one output language or another,
// and cells that spreadsheets would run as formulas. One graph holds each
// text as a node's label, party, source and text, and some as groups, with
// every optional field and an undercut.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "claimgraph/graph.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "support.hpp"

namespace claimgraph::test {

/// The hostile texts. None holds NUL or bytes that are not UTF-8 (the
/// reader refuses those); hostile_graph() adds them afterwards.
inline const std::vector<std::string>& hostile_texts() {
  static const std::vector<std::string> texts{
      "\"Quoted\" with \\\"escaped\\\" quotes",
      "back\\slash \\n \\N and a trailing \\",
      "<b>not bold</b> & &amp; &lt; #quot; #35; #9829;",
      "]]> --> <!-- x -->",
      "end",
      "go direction TB now; direction\tLR",
      "line one\nline two\r\nthree\rfour",
      "tab\there, bell\x07, del\x7f, c1\xC2\x85",
      "RTL \u200F\u202E" "evil\u202C \u2066iso\u2069 \u061C",
      "emoji 😀 👩‍⚖️ 中文 ﬁ ﬂ°°60¶ß ¶ß",
      "=1+1",
      "@SUM(A1:A2)",
      "-2+3",
      "  spaces at the ends  ",
      "%%{init: {\"theme\":\"dark\"}}%%",
      "`markdown` **bold**",
      "style: x#y; classDef a fill:#fff;",
      "a --> b ==x c -.-x d",
      "'apostrophe first",
      "\u2028line sep\u2029 \uFEFF" "bom \uFFFE\uFFFF",
      "\t=1+1",
  };
  return texts;
}

/// The label hostile_graph() gives node `k + 1` after reading: NUL and a
/// byte that is not UTF-8.
inline const std::string& patched_label() {
  static const std::string label("nul\0 and bad \xFF byte", 20);
  return label;
}

/// The id of the node that holds hostile_texts()[i] (node i + 1).
inline std::string hostile_id(std::size_t i) {
  std::string id = "c";
  id += std::to_string(i);
  id += " \"<&>#:";
  return id;
}

/// The citations hostile_graph() gives the node that holds `text`: the
/// first with every field, `text` in those that are free text, and a Bates
/// range, date and URL as odd as the reader lets them be; the second dated
/// later, with an unknown field.
inline nlohmann::json hostile_citations(const std::string& text) {
  using nlohmann::json;
  return json::array({json{{"document", text},
                           {"exhibit", text},
                           {"bates", "PX\\<&>\"000123–PX\\<&>\"000131"},
                           {"pin", text},
                           {"date", "2021-01-09T17:05:30.5-08:00"},
                           {"quote", text},
                           {"authority", text},
                           {"url", "https://example.com/a?q=\"<x>\"&y='z'\\w}"}},
                      json{{"document", "Ex. \"B\" <&> \\ 😀 }"}, {"date", "2022-03"}, {"note", text}}});
}

/// Node 0 is evidence "e"; node i + 1 holds hostile_texts()[i] (claims and
/// counterclaims in turn), in its fields and in its citations
/// (hostile_citations()); the last node's label is patched_label(). Edge i
/// is "e" supports node i + 1 (id "s<i>"); node 2 undercuts edge 0; node 1
/// contradicts node 3.
inline Graph hostile_graph() {
  using nlohmann::json;
  const auto& texts = hostile_texts();
  json nodes = json::array();
  json edges = json::array();
  nodes.push_back({{"id", "e"}, {"kind", "evidence"}, {"label", "Exhibit"}, {"weight", 0.75}, {"exhibit_no", "P-1"}});
  for (std::size_t i = 0; i <= texts.size(); ++i) {
    const std::string& text = i < texts.size() ? texts[i] : texts.front();
    json node = {{"id", hostile_id(i)},
                 {"kind", i % 2 == 0 ? "claim" : "counterclaim"},
                 {"label", text},
                 {"text", text},
                 {"party", text},
                 {"source", text},
                 {"group", i % 3 == 0 ? text : std::string("G")},
                 {"tags", json::array({text, "plain"})},
                 {"burden", text},
                 {"standard", "clear-and-convincing"},
                 {"cite", hostile_citations(text)}};
    nodes.push_back(node);
    edges.push_back({{"from", "e"}, {"to", hostile_id(i)}, {"relation", "supports"}, {"id", numbered("s", i)}});
  }
  edges.push_back({{"from", hostile_id(1)}, {"to", "s0"}, {"relation", "undercuts"}});
  edges.push_back({{"from", hostile_id(0)}, {"to", hostile_id(2)}, {"relation", "contradicts"}, {"note", "=x"}});
  const json doc = {{"claimgraph", 1},
                    {"title", "Parler “LLC” <Inc.> & \\G \"q\" \u202E 😀\tend"},
                    {"description", texts[2]},
                    {"nodes", nodes},
                    {"edges", edges}};
  io::ReadOptions options;
  options.file_name = "hostile.json";
  Graph graph = io::read_json(doc.dump(), options).graph;
  graph.node(graph.node_count() - 1).label = patched_label();
  return graph;
}

}  // namespace claimgraph::test
