#include "io/argdown/parser.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "detail/text.hpp"
#include "io/argdown/text.hpp"
#include "io/argdown/yaml.hpp"

// The parser follows Argdown's grammar rule by rule; where Argdown's
// behaviour is surprising, the code follows it and says so (the tests
// compare this reader with Argdown's own on real files).

namespace claimgraph::io::argdown {

namespace {

using detail::shown;

bool is_relation(Tok t) {
  switch (t) {
    case Tok::IncomingSupport:
    case Tok::IncomingAttack:
    case Tok::OutgoingSupport:
    case Tok::OutgoingAttack:
    case Tok::Contradiction:
    case Tok::IncomingUndercut:
    case Tok::OutgoingUndercut: return true;
    default: return false;
  }
}
bool is_freestyle(Tok t) {
  return t == Tok::Freestyle || t == Tok::UnusedControlChar || t == Tok::EscapedChar || t == Tok::SpecialChar;
}
bool starts_range(Tok t) {
  return t == Tok::AsteriskBoldStart || t == Tok::UnderscoreBoldStart || t == Tok::AsteriskItalicStart ||
         t == Tok::UnderscoreItalicStart;
}
bool is_content(Tok t) {
  return is_freestyle(t) || t == Tok::Link || t == Tok::Tag || t == Tok::ArgumentMention ||
         t == Tok::StatementMention || t == Tok::Newline || starts_range(t);
}
bool is_argument_head(Tok t) { return t == Tok::ArgumentDefinition || t == Tok::ArgumentReference; }
bool is_statement_head(Tok t) {
  return t == Tok::StatementDefinition || t == Tok::StatementReference || is_content(t);
}
Tok end_of_range(Tok start) {
  switch (start) {
    case Tok::AsteriskBoldStart: return Tok::AsteriskBoldEnd;
    case Tok::UnderscoreBoldStart: return Tok::UnderscoreBoldEnd;
    case Tok::AsteriskItalicStart: return Tok::AsteriskItalicEnd;
    default: return Tok::UnderscoreItalicEnd;
  }
}

// What a relation token means: its type, and whether it points from the
// statement or argument above to the one after it.
struct RelationToken {
  RelationType type = RelationType::support;
  bool incoming = false;
};
RelationToken relation_of(Tok t) {
  switch (t) {
    case Tok::IncomingSupport: return {RelationType::support, true};
    case Tok::IncomingAttack: return {RelationType::attack, true};
    case Tok::OutgoingSupport: return {RelationType::support, false};
    case Tok::OutgoingAttack: return {RelationType::attack, false};
    case Tok::Contradiction: return {RelationType::contradictory, true};
    case Tok::IncomingUndercut: return {RelationType::undercut, true};
    default: return {RelationType::undercut, false};
  }
}

// Where a statement or argument stands, which decides what it may be.
enum class Context : std::uint8_t { top, list, pcs, relation, contradiction };

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, Model& model, detail::TextDiagnostics& diagnostics,
         const Limits& limits)
      : text_(text), tokens_(std::move(tokens)), model_(model), diagnostics_(diagnostics), limits_(limits) {}

  void run() {
    if (!opening()) return;
    if (peek() == Tok::Eof) {
      error(at(), "empty Argdown document: expected a statement, an argument or a heading");
      return;
    }
    std::optional<std::size_t> previous_argument;
    for (;;) {
      previous_argument = next_block(previous_argument);
      if (peek() == Tok::Eof) break;
      ++i_;  // the empty line between blocks
      if (peek() == Tok::Eof) break;
    }
  }

 private:
  // --- tokens and messages

  [[nodiscard]] Tok peek(std::size_t ahead = 0) const {
    const std::size_t k = std::min(i_ + ahead, tokens_.size() - 1);
    return tokens_[k].type;
  }
  [[nodiscard]] std::size_t at() const { return tokens_[std::min(i_, tokens_.size() - 1)].begin; }
  [[nodiscard]] std::string_view image(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  // A token's text as a message quotes it.
  [[nodiscard]] std::string quoted(const Token& t) const {
    return shown(trim_back(trim_front(image(t), is_blank), is_space));
  }

  [[nodiscard]] std::string describe(const Token& t) const {
    switch (t.type) {
      case Tok::Eof: return "the end of the file";
      case Tok::Emptyline: return "an empty line";
      case Tok::Newline: return "the end of the line";
      case Tok::Indent: return "an indented line";
      case Tok::Dedent: return "a line indented less";
      case Tok::HeadingStart: return "a heading";
      case Tok::StatementNumber: return "a numbered statement " + quoted(t);
      case Tok::InferenceStart: return "an inference line (\"--\")";
      case Tok::InferenceEnd: return "the end of an inference (\"--\")";
      case Tok::FrontMatter: return "front matter (\"===\")";
      case Tok::Data: return "a data block (\"{ }\")";
      case Tok::OrderedListItem:
      case Tok::UnorderedListItem: return "a list item " + quoted(t);
      default: break;
    }
    if (is_relation(t.type)) return "the relation " + quoted(t);
    return quoted(t);
  }

  // Reports a parse error; returns false, for the caller to return.
  bool error(std::size_t offset, std::string message) {
    diagnostics_.parse_error(offset, std::move(message));
    return false;
  }
  bool relation_starts_paragraph(const Token& t) {
    return error(t.begin, "a paragraph cannot start with the relation " + quoted(t) +
                              ": a relation is indented below its statement or argument, with no empty line in "
                              "between");
  }

  // --- the document and its blocks

  // Skips a blank start and reads the front matter, if any; false when an
  // empty line does not follow it.
  bool opening() {
    if (peek() == Tok::Newline) ++i_;
    if (peek() == Tok::Emptyline) ++i_;
    if (peek() != Tok::FrontMatter) return true;
    front_matter(tokens_[i_++]);
    if (peek() == Tok::Newline) ++i_;
    if (peek() != Tok::Emptyline) {
      return error(at(), "the front matter (between \"===\" lines) must be followed by an empty line; got " +
                             describe(tokens_[i_]));
    }
    ++i_;
    return true;
  }

  void front_matter(const Token& t) {
    const auto fields = yaml::parse_block(trim(image(t), [](char c) { return c == '='; }));
    for (const auto& [key, value] : fields) {
      if (key == "title" && value.is_scalar()) model_.document_title = value.scalar;
      if (key == "description" && value.is_scalar()) model_.document_description = value.scalar;
      if (key == "model" && value.kind == yaml::Value::Kind::mapping) {
        for (const auto& [k, v] : value.entries) {
          if (k == "mode") model_.strict = v == "strict";
          if (k == "transformArgumentRelations") model_.transform_argument_relations = v != "false";
        }
      }
    }
  }

  // Reads one block, or skips it to the next empty line when it is broken.
  // Returns the argument the block is, which a premise-conclusion structure
  // right after it belongs to.
  std::optional<std::size_t> next_block(std::optional<std::size_t> previous_argument) {
    const std::size_t before = i_;
    std::optional<std::size_t> this_argument;
    bool ok = block(previous_argument, this_argument);
    if (ok && peek() != Tok::Emptyline && peek() != Tok::Eof) {
      ok = false;
      unexpected_after_block();
    }
    if (ok) return this_argument;
    model_.abandon_block();
    while (peek() != Tok::Emptyline && peek() != Tok::Eof) ++i_;
    if (i_ == before && peek() != Tok::Eof) ++i_;
    return std::nullopt;
  }

  void unexpected_after_block() {
    const Token& t = tokens_[i_];
    if (is_relation(t.type)) {
      error(t.begin, "the relation " + quoted(t) +
                         " must be indented further than the statement or argument it belongs to");
    } else if (t.type == Tok::HeadingStart) {
      error(t.begin, "a heading must follow an empty line");
    } else if (t.type == Tok::StatementNumber) {
      error(t.begin, "a numbered statement " + quoted(t) +
                         " belongs to a premise-conclusion structure, which must follow an empty line");
    } else if (t.type == Tok::Indent || t.type == Tok::Dedent) {
      error(t.begin, "this line's indentation matches no relation or list above it");
    } else {
      error(t.begin, "expected an empty line before " + describe(t));
    }
  }

  // One block between empty lines. Sets `this_argument` when the block is
  // an argument, which a premise-conclusion structure after it belongs to.
  bool block(std::optional<std::size_t> previous_argument, std::optional<std::size_t>& this_argument) {
    const Token& t = tokens_[i_];
    switch (t.type) {
      case Tok::HeadingStart: return heading();
      case Tok::StatementNumber: return pcs(previous_argument);
      case Tok::Indent: return list();
      case Tok::ArgumentDefinition:
      case Tok::ArgumentReference: {
        std::optional<MemberRef> m = element(Context::top);
        if (m && m->kind == MemberKind::argument) this_argument = m->index;
        return m.has_value();
      }
      default: break;
    }
    if (is_statement_head(t.type)) return element(Context::top).has_value();
    if (is_relation(t.type)) return relation_starts_paragraph(t);
    if (t.type == Tok::InferenceStart) {
      return error(t.begin, "an inference line (\"--\") must come between numbered statements of a "
                            "premise-conclusion structure");
    }
    if (t.type == Tok::FrontMatter) return error(t.begin, "front matter (\"===\") may only open the document");
    return error(t.begin, "expected a statement, an argument or a heading; got " + describe(t));
  }

  bool heading() {
    const Token start = tokens_[i_++];
    model_.begin_heading();
    if (!content("a heading's text after " + quoted(start))) return false;
    data_after_content(true);
    model_.end_heading(start.end - start.begin - 1);
    return true;
  }

  bool list() {
    ++i_;  // Indent
    const Tok item = peek();
    if (is_relation(item)) return relation_starts_paragraph(tokens_[i_]);
    if (item != Tok::OrderedListItem && item != Tok::UnorderedListItem) {
      return error(at(), "expected a list item (\"* \" or \"1. \") on the indented line; got " + describe(tokens_[i_]));
    }
    do {
      ++i_;
      if (!element(Context::list)) return false;
    } while (peek() == item);
    if (peek() != Tok::Dedent) {
      return error(at(), "expected another list item or the end of the list; got " + describe(tokens_[i_]));
    }
    ++i_;
    return true;
  }

  // --- text

  // What reading one token of text came to.
  enum class Step : std::uint8_t { read, end, broken };

  // Reads statement text: freestyle text, links, tags, mentions, line
  // breaks, and bold or italic ranges (nested with an explicit stack).
  // Reports `expected` when there is none.
  bool content(const std::string& expected) {
    std::vector<std::size_t> open;  // token indices of bold and italic starts
    bool any = false;
    for (Step step = content_token(open); step != Step::end; step = content_token(open)) {
      if (step == Step::broken) return false;
      any = true;
      ++i_;
    }
    model_.drop_newline();
    if (!open.empty()) return unclosed_range(tokens_[open.back()]);
    if (!any) return error(at(), "expected " + expected + "; got " + describe(tokens_[i_]));
    return true;
  }

  // Reads the token at i_ into the text, if it is text.
  Step content_token(std::vector<std::size_t>& open) {
    const Token& t = tokens_[i_];
    if (is_freestyle(t.type)) {
      model_.append_text(freestyle_text(t));
    } else if (t.type == Tok::Link) {
      if (has_line_terminator(image(t))) {
        error(t.begin, "a link's text and address must each be on one line");
        return Step::broken;
      }
      link(t);
    } else if (t.type == Tok::Tag) {
      model_.tag(tag_name(image(t)));
    } else if (t.type == Tok::ArgumentMention || t.type == Tok::StatementMention) {
      model_.append_text(image(t));
    } else if (t.type == Tok::Newline) {
      model_.flush_newline();
      model_.newline();
    } else if (starts_range(t.type)) {
      model_.flush_newline();
      open.push_back(i_);
    } else if (!open.empty() && t.type == end_of_range(tokens_[open.back()].type)) {
      model_.drop_newline();
      open.pop_back();
      if (image(t).back() == ' ') model_.append_text(" ");
    } else {
      return Step::end;
    }
    return Step::read;
  }

  bool unclosed_range(const Token& start) {
    const bool italic = start.type == Tok::AsteriskItalicStart || start.type == Tok::UnderscoreItalicStart;
    const std::string mark(image(start).substr(0, italic ? 1 : 2));
    return error(start.begin, std::string(italic ? "italic" : "bold") + " text opened with " + shown(mark) +
                                  " is not closed: add " + shown(mark) + " after it, or write \\" + mark.substr(0, 1) +
                                  " for the character itself");
  }

  std::string freestyle_text(const Token& t) const {
    const std::string_view s = image(t);
    if (t.type == Tok::EscapedChar) return std::string(s.substr(1));
    if (t.type == Tok::SpecialChar) {
      if (auto symbol = shortcode(trim_back(s, is_blank))) {
        std::string out(*symbol);
        if (s.back() == ' ') out += ' ';
        return out;
      }
    }
    return std::string(s);
  }

  void link(const Token& t) {
    const std::string_view s = image(t);
    // [text](url), perhaps with one space or tab after.
    const std::size_t close = s.find("](");
    std::string text(s.substr(1, close - 1));
    if (s.back() == ' ') text += ' ';
    model_.append_text(text);
  }

  static std::string tag_name(std::string_view image) {
    std::string_view s = trim_back(image.substr(1), is_blank);
    if (!s.empty() && s.front() == '(') s = s.substr(1, s.size() - 2);
    return std::string(s);
  }

  // Optional `{ }` data after a statement's, argument's or heading's text.
  void data_after_content(bool heading) {
    if (peek() != Tok::Data) return;
    const Token& t = tokens_[i_++];
    model_.data(read_data(t), heading);
    if (peek() == Tok::Newline) ++i_;
  }

  Data read_data(const Token& t) {
    Data data;
    auto parsed = yaml::parse_data(image(t));
    if (!parsed.ok) {
      error(t.begin + parsed.error_offset, "data block: " + parsed.error);
      return data;
    }
    for (auto& [key, value] : parsed.fields) data.emplace_back(key, DataField{std::move(value), t.begin});
    return data;
  }

  // --- statements, arguments and their relations

  // Whether the argument `t` may stand in `context`; reported when not
  // (only statements are premises, conclusions or contradictions).
  bool argument_allowed(Context context, const Token& t) {
    if (context == Context::pcs) {
      return error(t.begin, "a premise or conclusion must be a statement, not the argument " + quoted(t) +
                                ": write [Title] for a statement");
    }
    if (context == Context::contradiction) {
      return error(t.begin, "a contradiction (><) relates two statements, not the argument " + quoted(t));
    }
    return true;
  }

  // The head of a statement or argument: its title and text, tags and data.
  std::optional<MemberRef> head(Context context) {
    const Token& t = tokens_[i_];
    const bool argument = is_argument_head(t.type);
    if (argument && !argument_allowed(context, t)) return std::nullopt;
    model_.begin_element(argument, t.begin);
    const std::string_view img = image(t);
    switch (t.type) {
      case Tok::ArgumentDefinition:
      case Tok::StatementDefinition:
        ++i_;
        model_.set_title(std::string(img.substr(1, img.size() - 3)), false);
        if (!content("the text after " + shown(img))) return std::nullopt;
        break;
      case Tok::ArgumentReference:
      case Tok::StatementReference:
        ++i_;
        // A reference whose brackets hold a line break ("[" at the end of
        // a line) names nothing for Argdown: the statement stays untitled.
        if (!has_line_terminator(img)) model_.set_title(std::string(img.substr(1, img.size() - 2)), true);
        while (peek() == Tok::Tag) model_.tag(tag_name(image(tokens_[i_++])));
        if (peek() == Tok::Newline) ++i_;
        break;
      default:
        if (!content("a statement")) return std::nullopt;
        break;
    }
    data_after_content(false);
    return MemberRef{argument ? MemberKind::argument : MemberKind::statement, 0};
  }

  // A statement or argument with the relations nested below it.
  std::optional<MemberRef> element(Context context) {
    if (!head(context)) return std::nullopt;
    return relations_below(std::nullopt);
  }

  // One level of the relation tree: whether only undercuts may be written
  // there (below an inference).
  struct Level {
    bool undercuts_only;
  };

  // Reads the relation tree below the element begun last (or below an
  // inference), iteratively: `stack` holds the parents whose relations are
  // open. Returns the member the first element became.
  std::optional<MemberRef> relations_below(std::optional<std::size_t> inference) {
    std::vector<Level> stack;
    bool may_have_relations = true;
    bool is_inference = inference.has_value();
    for (;;) {
      if (may_have_relations && peek() == Tok::Indent) {
        if (!first_relation(stack, is_inference ? inference : std::nullopt)) return std::nullopt;
        is_inference = false;
        continue;
      }
      // The current element is complete.
      if (!is_inference) {
        const MemberRef done = model_.end_element();
        if (stack.empty()) return done;
        model_.end_relation(done);
      } else if (stack.empty()) {
        return MemberRef{MemberKind::inference, *inference};
      }
      if (is_relation(peek())) {
        if (!relation(stack.back().undercuts_only)) return std::nullopt;
        may_have_relations = true;
        continue;
      }
      if (peek() != Tok::Dedent) {
        error(at(), "expected another relation or the end of the indented block; got " + describe(tokens_[i_]));
        return std::nullopt;
      }
      ++i_;
      model_.end_relations();
      is_inference = stack.back().undercuts_only;
      stack.pop_back();
      may_have_relations = false;
    }
  }

  // An indented block below the element begun last, or below `inference`:
  // a new level, and its first relation.
  bool first_relation(std::vector<Level>& stack, std::optional<std::size_t> inference) {
    if (stack.size() >= limits_.max_depth) {
      diagnostics_.fatal(at(), Limit::depth,
                         "relations nested more than " + std::to_string(limits_.max_depth) + " levels deep");
    }
    if (inference) {
      model_.begin_inference_relations(*inference);
    } else {
      model_.begin_relations();
    }
    ++i_;
    stack.push_back({inference.has_value()});
    return relation(stack.back().undercuts_only);
  }

  // A relation token and the head of its child.
  bool relation(bool undercuts_only) {
    const Token& t = tokens_[i_];
    if (!is_relation(t.type)) {
      return error(t.begin, "expected a relation (+, -, _, +>, ->, _>, <+, <-, <_ or ><) on the indented line; got " +
                                describe(t));
    }
    if (undercuts_only && t.type != Tok::OutgoingUndercut) {
      return error(t.begin, "below an inference only undercuts (<_ or _) may be written; got " + describe(t));
    }
    ++i_;
    const RelationToken r = relation_of(t.type);
    // Diagnostics about the relation point at its symbol, after the indentation.
    std::size_t symbol = t.begin;
    while (symbol < t.end && (is_blank(text_[symbol]) || text_[symbol] == '\'')) ++symbol;
    model_.begin_relation(r.type, r.incoming, symbol);
    const Token& next = tokens_[i_];
    if (!is_argument_head(next.type) && !is_statement_head(next.type)) {
      return error(next.begin, "expected a statement or an argument after the relation " + quoted(t) + "; got " +
                                   describe(next));
    }
    return head(t.type == Tok::Contradiction ? Context::contradiction : Context::relation).has_value();
  }

  // --- premise-conclusion structures

  // Numbered statements, with an inference line before each conclusion and
  // before the last statement.
  bool pcs(std::optional<std::size_t> argument) {
    const std::size_t start = at();
    if (!model_.begin_pcs(argument, start)) {
      model_.end_pcs();
      return false;
    }
    std::optional<std::size_t> inference;
    bool last_was_conclusion = false;
    std::size_t count = 0;
    for (;;) {
      if (peek() == Tok::StatementNumber) {
        ++i_;
        std::optional<MemberRef> s = element(Context::pcs);
        if (!s) return false;
        model_.pcs_statement(*s, inference);
        last_was_conclusion = inference.has_value();
        inference.reset();
        ++count;
      } else if (peek() == Tok::InferenceStart && count > 0) {
        inference = inference_block();
        if (!inference) return false;
        if (peek() != Tok::StatementNumber) {
          return error(at(), "expected the numbered conclusion after the inference line; got " +
                                 describe(tokens_[i_]));
        }
      } else {
        break;
      }
    }
    if (!last_was_conclusion) {
      return error(peek() == Tok::Emptyline || peek() == Tok::Eof ? start : at(),
                   "a premise-conclusion structure ends with an inference line (\"----\") and then its numbered "
                   "conclusion");
    }
    model_.end_pcs();
    return true;
  }

  // An inference line (`--` rules {data} `--`) and the undercuts below it.
  std::optional<std::size_t> inference_block() {
    const Token start = tokens_[i_++];
    const std::size_t inference = model_.begin_inference(start.begin);
    skip_inference_rules();
    if (peek() != Tok::InferenceEnd) {
      error(at(), "expected the end of the inference (\"--\"); got " + describe(tokens_[i_]));
      return std::nullopt;
    }
    ++i_;
    if (peek() != Tok::Newline) {
      error(at(), "expected the end of the line after the inference; got " + describe(tokens_[i_]));
      return std::nullopt;
    }
    ++i_;
    if (peek() == Tok::Indent) {
      if (!relations_below(inference)) return std::nullopt;
    }
    return inference;
  }

  // The inference rules (freestyle text separated by commas) and data,
  // which claimgraph does not keep; the data is checked all the same.
  void skip_inference_rules() {
    if (peek() == Tok::Newline && is_freestyle(peek(1))) ++i_;
    if (is_freestyle(peek())) {
      for (;;) {
        while (is_freestyle(peek())) ++i_;
        if (peek() == Tok::ListDelimiter && is_freestyle(peek(1))) {
          ++i_;
          continue;
        }
        break;
      }
    }
    if (peek() == Tok::Newline) ++i_;
    if (peek() == Tok::Data) {
      (void)read_data(tokens_[i_++]);
      if (peek() == Tok::Newline) ++i_;
    }
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  Model& model_;
  detail::TextDiagnostics& diagnostics_;
  const Limits& limits_;
  std::size_t i_ = 0;
};

}  // namespace

void parse(std::string_view text, std::vector<Token> tokens, Model& model, detail::TextDiagnostics& diagnostics,
           const Limits& limits) {
  Parser(text, std::move(tokens), model, diagnostics, limits).run();
}

}  // namespace claimgraph::io::argdown
