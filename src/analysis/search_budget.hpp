#pragma once
// The work limit of the preferred and stable searches (SearchLimits): each
// query counts its steps and stops with SearchLimitError past the limit.

#include <cstddef>

#include "claimgraph/analysis/abstract.hpp"

namespace claimgraph::analysis {

class SearchBudget {
 public:
  SearchBudget(Semantics semantics, std::size_t max_steps) : semantics_(semantics), max_steps_(max_steps) {}
  /// Counts `steps` more. Throws SearchLimitError past the limit.
  void spend(std::size_t steps = 1) {
    used_ += steps;
    if (used_ > max_steps_) throw SearchLimitError(semantics_, max_steps_);
  }

 private:
  Semantics semantics_;
  std::size_t max_steps_;
  std::size_t used_ = 0;
};

}  // namespace claimgraph::analysis
