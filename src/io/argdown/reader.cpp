#include "claimgraph/io/argdown_reader.hpp"

#include <optional>
#include <string>
#include <utility>

#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "detail/diagnostics.hpp"
#include "detail/text.hpp"
#include "io/argdown/include.hpp"
#include "io/argdown/lexer.hpp"
#include "io/argdown/mapping.hpp"
#include "io/argdown/model.hpp"
#include "io/argdown/parser.hpp"

// The reader has four stages, each a single pass:
//   lexer    the text → tokens, by the rules of Argdown's lexer (the same
//            token kinds, tried in the same order, with the same conditions
//            on the token before);
//   parser   tokens → events, by Argdown's grammar, with explicit stacks
//            where the grammar nests (relations, bold and italic text);
//   model    events → statements (equivalence classes), arguments,
//            relations and sections, as Argdown's model builder makes them;
//   mapping  the model → a claimgraph Graph, by the mapping in
//            docs/argdown.md.
// Where Argdown's behaviour is surprising, the code follows it and says so:
// the tests compare this reader with Argdown's own on real files.

namespace claimgraph::io {

namespace {

// The offset of the first byte that is not UTF-8, if any.
std::optional<std::size_t> invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = detail::decode_utf8(text, i);
    // U+FFFD for a single byte: not UTF-8 (the character U+FFFD takes three)
    if (cp == detail::replacement_character && i == start + 1) return start;
  }
  return std::nullopt;
}

// What must hold before the text is lexed: it is UTF-8. A breach stops the read.
void check_text(std::string_view text, detail::TextDiagnostics& diagnostics) {
  if (auto bad = invalid_utf8(text)) {
    diagnostics.parse_error(*bad, "a byte that is not UTF-8: an Argdown file is UTF-8 text");
    throw detail::Fatal{};
  }
}

// The stages, each on what the one before made; the graph stays empty
// while there are errors. `included` keeps the files @include brings in
// (io/argdown/include.hpp) for as long as the diagnostics point into them.
Graph read(std::string_view text, const ReadOptions& options, detail::TextDiagnostics& diagnostics,
           argdown::Included& included) {
  const Limits& limits = options.limits;
  diagnostics.check_input_size(limits.max_input_bytes);
  if (argdown::has_include(text)) {
    included = argdown::expand_includes(text, options.path, options.file_name, limits, diagnostics);
    diagnostics.set_origins(included.origins.get());
    if (included.text.size() > limits.max_input_bytes) {
      diagnostics.fatal(0, Limit::input_bytes,
                        "the file and the files it includes exceed the limit of " +
                            std::to_string(limits.max_input_bytes) + " bytes together");
    }
    // Read on past a file that could not be included, to report everything
    // at once; but a text left empty by it has nothing more to say.
    if (diagnostics.failed() && detail::only_whitespace(included.text)) return Graph{};
    text = included.text;
  }
  check_text(text, diagnostics);
  const std::size_t start = text.size() - detail::without_bom(text).size();  // past a byte order mark
  argdown::Lexed lexed = argdown::lex(text, start);
  for (const auto& e : lexed.errors) diagnostics.parse_error(e.offset, e.message);
  argdown::Model model(diagnostics, limits);
  argdown::parse(text, std::move(lexed.tokens), model, diagnostics, limits);
  if (diagnostics.failed()) return Graph{};
  model.finish();
  return argdown::make_graph(model, diagnostics, limits);
}

}  // namespace

ReadResult read_argdown(std::string_view text, const ReadOptions& options) {
  argdown::Included included;  // declared first: the diagnostics point into it until they are made
  detail::TextDiagnostics diagnostics(text, options.file_name, options.max_errors, options.max_warnings);
  Graph graph;
  auto warnings = diagnostics.collect([&] { graph = read(text, options, diagnostics, included); });
  return ReadResult{std::move(graph), std::move(warnings)};
}

ReadResult read_argdown(std::istream& in, const ReadOptions& options) {
  return read_stream(in, options, read_argdown);
}

}  // namespace claimgraph::io
