#pragma once
// Critical questions at work (docs/schemes.md). An inference is a supports
// edge that names an argumentation scheme, or that starts from a node that
// names one; each question of its scheme is open, raised (an undercuts edge
// against the inference names it) or answered (a supports edge into the
// inference's premise, the node it starts from, names it).
//
// The evaluations weigh raised questions by running on question_graph():
// the case with one node per raised question of an inference, which
// undercuts that inference and is contradicted by each of its answers.
// For an assumption the node is evidence (a question asked holds until it
// is answered); for an exception it is a claim supported by the nodes that
// raise it (it holds only if shown). The undercuts edges that raise a
// question become that node's supports. So a questioned assumption defeats
// the inference unless an answer stands, and a raised exception defeats it
// when what raises it stands and no answer does. Every analysis of
// claimgraph then applies unchanged, and cut_back() returns its results to
// the case's own nodes and edges, which keep their positions.

#include <cstddef>
#include <optional>
#include <vector>

#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/scheme.hpp"

namespace claimgraph::analysis {

/// What became of one critical question of one inference.
struct QuestionUse {
  std::size_t question = 0;              ///< its position in the scheme's questions
  std::vector<std::size_t> raised_by;    ///< the undercuts edges that raise it (positions in edges())
  std::vector<std::size_t> answered_by;  ///< the supports edges that answer it
  /// Once record_defeats() has run: IN when the question defeats the
  /// inference, OUT when it does not, UNDEC when that is undecided. Unset
  /// when the question is not raised (it then defeats nothing).
  std::optional<Label> defeats;
  /// Its node in question_graph(), when it is raised.
  std::size_t node = Graph::npos;

  [[nodiscard]] bool open() const noexcept { return raised_by.empty() && answered_by.empty(); }
  [[nodiscard]] bool raised() const noexcept { return !raised_by.empty(); }
  [[nodiscard]] bool answered() const noexcept { return !answered_by.empty(); }
};

/// A supports edge that instantiates a scheme.
struct Inference {
  std::size_t edge = 0;            ///< position in edges()
  const Scheme* scheme = nullptr;  ///< in the library given to scheme_use()
  std::vector<QuestionUse> questions;  ///< one per question of the scheme, in its order
  /// The number of its questions that are open.
  [[nodiscard]] std::size_t open_questions() const noexcept;
};

/// The schemes a case uses and the state of their critical questions.
struct SchemeUse {
  /// Every inference, in edge order.
  std::vector<Inference> inferences;
  /// Per edge: its index in `inferences`, or npos. Empty when there is none.
  std::vector<std::size_t> inference_of;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  /// The inference of edge `edge`, or null.
  [[nodiscard]] const Inference* at_edge(std::size_t edge) const noexcept;
  /// Whether some question is raised: the evaluations then need question_graph().
  [[nodiscard]] bool any_raised() const noexcept;
};

/// The inferences of `graph` and their questions, by the schemes of
/// `schemes`. A scheme or question the library does not know is left out
/// (lint reports it). O(nodes + edges + the edges out of answered premises).
[[nodiscard]] SchemeUse scheme_use(const Graph& graph, const SchemeLibrary& schemes);

/// `graph` with a node for each raised question (see above), appended after
/// its own nodes and edges, which keep their positions; sets each raised
/// QuestionUse::node. Null when no question is raised. O(nodes + edges).
[[nodiscard]] std::optional<Graph> question_graph(const Graph& graph, SchemeUse& use);

/// Records, for each raised question, whether its node in question_graph()
/// is IN, OUT or UNDEC under `status` (a labelling of that graph).
void record_defeats(SchemeUse& use, const StatusReport& status);

/// Cuts a result of question_graph() back to the `nodes` nodes and `edges`
/// edges of the case.
void cut_back(StatusReport& status, std::size_t nodes, std::size_t edges);
void cut_back(StrengthReport& strength, std::size_t nodes);

}  // namespace claimgraph::analysis
