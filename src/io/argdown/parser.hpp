#pragma once
// Argdown's grammar: the lexer's tokens → events for the Model. A document
// is optional front matter, then blocks between empty lines: a heading, a
// statement or argument with the relations indented below it, a list of
// statements, or a premise-conclusion structure. Where the grammar nests
// (relations, bold and italic text) the parser keeps explicit stacks, so no
// input can overflow the call stack.

#include <string_view>
#include <vector>

#include "claimgraph/limits.hpp"
#include "detail/diagnostics.hpp"
#include "io/argdown/lexer.hpp"
#include "io/argdown/model.hpp"

namespace claimgraph::io::argdown {

/// Reads `tokens` (lex(text)) into `model`. A block that breaks the grammar
/// is reported as a parse error and skipped, so that every broken block is
/// reported; relations nested deeper than limits.max_depth stop the read
/// (detail::Fatal).
void parse(std::string_view text, std::vector<Token> tokens, Model& model, detail::TextDiagnostics& diagnostics,
           const Limits& limits);

}  // namespace claimgraph::io::argdown
