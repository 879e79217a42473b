#pragma once
// What the AIF tests share: where the third-party AIF maps are, and a small
// hand-made map in the xAIF form that OVA3 writes, with every kind of node.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace claimgraph::test {

/// The folder of the third-party corpora: $CLAIMGRAPH_CORPORA when set,
/// else the one CMake names (CLAIMGRAPH_CORPORA_DIR).
inline std::filesystem::path corpora_root() {
  const char* env = std::getenv("CLAIMGRAPH_CORPORA");
  return (env != nullptr && *env != '\0') ? std::filesystem::path(env) : std::filesystem::path(CLAIMGRAPH_CORPORA_DIR);
}

/// corpora_root()/aif, or empty when it is not there.
inline std::filesystem::path aif_corpus_dir() {
  const std::filesystem::path dir = corpora_root() / "aif";
  return std::filesystem::is_directory(dir) ? dir : std::filesystem::path();
}

#define CLAIMGRAPH_SKIP_WITHOUT_AIF_CORPUS(dir)                                                          \
  if ((dir).empty())                                                                                      \
  GTEST_SKIP() << "the AIF corpus is not at " << (claimgraph::test::corpora_root() / "aif").string()     \
               << " (set CLAIMGRAPH_CORPORA to the folder that holds aif/ to run these tests)"

/// A debate in xAIF: two linked premises for a conclusion (RA 10), a
/// rebuttal (CA 11), an undercut of the inference (CA 12), an attack on the
/// rebuttal (CA 13), a rephrase (MA 14) and the dialogue that anchors one
/// proposition (L 20, YA 21, TA 22). Integer ids here and there, as OVA
/// writes them.
inline const char* debate_map() {
  return R"({
  "AIF": {
    "nodes": [
      {"nodeID": "1", "text": "The city should build the tram", "type": "I"},
      {"nodeID": "2", "text": "Traffic doubled in ten years", "type": "I"},
      {"nodeID": "3", "text": "Trams carry more people than buses", "type": "I"},
      {"nodeID": "4", "text": "The tram would cost too much", "type": "I"},
      {"nodeID": "5", "text": "Traffic counts include through traffic", "type": "I"},
      {"nodeID": "6", "text": "The federal grant pays half", "type": "I"},
      {"nodeID": 7, "text": "Building the tram is what the city should do", "type": "I"},
      {"nodeID": "10", "text": "Default Inference", "type": "RA"},
      {"nodeID": "11", "text": "Default Conflict", "type": "CA"},
      {"nodeID": "12", "text": "Default Conflict", "type": "CA"},
      {"nodeID": "13", "text": "Default Conflict", "type": "CA"},
      {"nodeID": "14", "text": "Default Rephrase", "type": "MA"},
      {"nodeID": "20", "text": "Ana : we should build the tram", "type": "L"},
      {"nodeID": "21", "text": "Asserting", "type": "YA"},
      {"nodeID": "22", "text": "Default Transition", "type": "TA"}
    ],
    "edges": [
      {"edgeID": 1, "fromID": "2", "toID": "10"},
      {"edgeID": 2, "fromID": "3", "toID": "10"},
      {"edgeID": 3, "fromID": "10", "toID": "1"},
      {"edgeID": 4, "fromID": "4", "toID": "11"},
      {"edgeID": 5, "fromID": "11", "toID": "1"},
      {"edgeID": 6, "fromID": "5", "toID": "12"},
      {"edgeID": 7, "fromID": "12", "toID": "10"},
      {"edgeID": 8, "fromID": "6", "toID": "13"},
      {"edgeID": 9, "fromID": "13", "toID": "11"},
      {"edgeID": 10, "fromID": "1", "toID": "14"},
      {"edgeID": 11, "fromID": "14", "toID": 7},
      {"edgeID": 12, "fromID": "20", "toID": "21"},
      {"edgeID": 13, "fromID": "21", "toID": "1"},
      {"edgeID": 14, "fromID": "22", "toID": "21"}
    ],
    "locutions": [{"nodeID": "20", "personID": "1"}],
    "participants": [{"participantID": "1", "firstname": "Ana", "surname": "Silva"}]
  },
  "OVA": {"nodes": [{"nodeID": "1", "x": 10, "y": 20, "visible": true}], "edges": []},
  "text": "<span>Ana: we should build the tram</span>"
}
)";
}

}  // namespace claimgraph::test
