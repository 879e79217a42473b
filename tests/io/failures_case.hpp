#pragma once
// A small contract case for the points of failure and the exclusion, as the
// writers show them:
//
//   px12 ──supports──▶ k1 (formation) ──element of──▶ c (breach of contract)
//   em, w ──supports──▶ k2 (breach)   ──element of──▶ c
//   em ──supports──▶ t (interference)
//   w, x ──supports──▶ d (set-off, a counterclaim)
//
// px12 alone holds up k1 and c; em alone holds up t; k2 and d can lose any
// one piece of evidence. Excluding em makes t fall and leaves the rest.

#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/graph.hpp"

namespace claimgraph::test {

/// The case above; `em_id` and `em_label` name the email (tests of hostile
/// text give their own).
inline Graph failures_case(const std::string& em_id = "em", const std::string& em_label = "Email of 8 January") {
  GraphBuilder b;
  b.title("A contract case");
  b.evidence("px12", "Signed agreement").group("Breach of contract").source("PX-12");
  b.evidence(em_id, em_label).group("Breach of contract");
  b.evidence("w", "Witness statement").group("Breach of contract");
  b.evidence("x", "Invoice").group("Breach of contract");
  b.claim("k1", "Formation").group("Breach of contract");
  b.claim("k2", "Breach").group("Breach of contract");
  b.claim("c", "AWS breached the contract").group("Breach of contract").party("Parler");
  b.claim("t", "Interference").group("Tortious interference").party("Parler");
  b.counterclaim("d", "Set-off").group("Breach of contract").party("AWS");
  b.supports("px12", "k1");
  b.supports(em_id, "k2");
  b.supports("w", "k2");
  b.element_of("k1", "c");
  b.element_of("k2", "c");
  b.supports(em_id, "t");
  b.supports("w", "d");
  b.supports("x", "d");
  return std::move(b).build();
}

/// The analyses the writers get for `g` with the points of failure, as if
/// the court had excluded the nodes `excluded` names; with `evaluation`,
/// status and strength too.
inline analysis::Results failures_results(const Graph& g, const std::vector<std::string>& excluded = {},
                                          bool evaluation = false) {
  analysis::Wanted wanted;
  wanted.evaluation = evaluation;
  wanted.single_points = true;
  if (!excluded.empty()) {
    wanted.excluded.assign(g.node_count(), false);
    for (const auto& id : excluded) wanted.excluded[*g.find(id)] = true;
  }
  return analysis::analyse(g, wanted);
}

}  // namespace claimgraph::test
