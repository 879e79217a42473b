#pragma once
// The argumentation schemes a case may name, listed for people (text) and
// programs (JSON): what `claimgraph schemes` prints.

#include <ostream>

#include "claimgraph/scheme.hpp"

namespace claimgraph::io {

/// Each scheme: its name and title, source, premises and conclusion, and its
/// critical questions with their ids, types and rules.
void write_schemes_text(std::ostream& out, const SchemeLibrary& schemes);

/// `{"schemes": [{"name", "title", "source", "premises", "conclusion",
/// "questions": [{"id", "type", "question", "rule"}]}]}`.
void write_schemes_json(std::ostream& out, const SchemeLibrary& schemes);

}  // namespace claimgraph::io
