// Fuzz target: the search for what a case cannot lose (critical()), under a
// small work limit, on every case the reader accepts. The search ends with
// an answer or CriticalLimitError, never anything else; every cut set it
// gives is evidence, really takes the claim's grounding away (check() with
// the set excluded), is minimal (without any one of its pieces the claim
// stays grounded), has a path from the claim down to a piece of the set;
// the single points agree with the sets of size 1; with status cuts asked
// for (on small cases), each is a set of evidence.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "claimgraph/analysis/critical.hpp"
#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/error.hpp"
#include "fuzz_case.hpp"

namespace {
using claimgraph::Graph;
using claimgraph::NodeKind;

bool grounded_without(const Graph& g, const std::vector<Graph::NodeRef>& set, Graph::NodeRef claim) {
  std::vector<bool> excluded(g.node_count(), false);
  for (auto v : set) excluded[v] = true;
  return claimgraph::analysis::check(g, excluded).grounded[claim];
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = claimgraph::fuzz::read_case(claimgraph::fuzz::text_of(data, size), 120);
  if (!input) return 0;
  const Graph& g = input->graph;
  claimgraph::analysis::CriticalOptions critical_options;
  critical_options.max_set = 1 + size % 3;
  critical_options.max_steps = 50'000;
  critical_options.status = g.node_count() <= 12;
  claimgraph::analysis::CriticalReport report;
  try {
    report = claimgraph::analysis::critical(g, critical_options);
  } catch (const claimgraph::analysis::CriticalLimitError&) {
    return 0;
  }
  const auto singles = claimgraph::analysis::single_points(g);
  for (const auto& claim : report.claims) {
    std::vector<Graph::NodeRef> ones;
    for (const auto& cut : claim.cut_sets) {
      if (cut.evidence.empty() || cut.evidence.size() > report.max_set || cut.path.empty()) std::abort();
      if (!std::is_sorted(cut.evidence.begin(), cut.evidence.end())) std::abort();
      for (auto v : cut.evidence) {
        if (v >= g.node_count() || g.node(v).kind != NodeKind::evidence) std::abort();
      }
      if (cut.path.front() != claim.claim ||
          !std::binary_search(cut.evidence.begin(), cut.evidence.end(), cut.path.back())) {
        std::abort();
      }
      if (grounded_without(g, cut.evidence, claim.claim)) std::abort();  // not a cut
      if (cut.evidence.size() > 1) {
        for (std::size_t i = 0; i < cut.evidence.size(); ++i) {
          auto smaller = cut.evidence;
          smaller.erase(smaller.begin() + static_cast<std::ptrdiff_t>(i));
          if (!grounded_without(g, smaller, claim.claim)) std::abort();  // not minimal
        }
      } else {
        ones.push_back(cut.evidence.front());
      }
    }
    if (claim.grounded && ones != singles[claim.claim]) std::abort();
    if (!claim.grounded && !claim.cut_sets.empty()) std::abort();
    for (const auto& cut : claim.status_cuts) {
      for (auto v : cut.evidence) {
        if (v >= g.node_count() || g.node(v).kind != NodeKind::evidence) std::abort();
      }
    }
  }
  return 0;
}
