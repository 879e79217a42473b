#pragma once
// Numbers as the writers print them: for programs, the shortest text that
// reads back as the same double; for people, two decimals.

#include <string>

namespace claimgraph::detail {

/// Appends the shortest text that reads back as the same double ("0.1",
/// "1", "1e-07"), as JSON, GraphML and CSV hold numbers.
void append_number(std::string& out, double value);

/// Appends `value` with two decimals ("0.50"), as reports show strengths.
void append_fixed2(std::string& out, double value);

/// The same, as a string.
[[nodiscard]] std::string fixed2(double value);

}  // namespace claimgraph::detail
