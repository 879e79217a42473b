#include "claimgraph/io/iccma_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <limits>
#include <span>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "detail/diagnostics.hpp"
#include "detail/text.hpp"

using claimgraph::detail::shown;

namespace claimgraph::io {

namespace {

std::string number(std::size_t n) { return std::to_string(n); }


// Collects diagnostics and reports them in input order.
class Diagnostics : public detail::TextDiagnostics {
 public:
  Diagnostics(std::string_view text, const ReadOptions& options)
      : TextDiagnostics(text, options.file_name, options.max_errors, options.max_warnings), options_(options) {}
  // Stops the read when the text is over the input limit.
  void check_input() { check_input_size(options_.limits.max_input_bytes); }
  // Checks one argument name against the limits shared by the formats.
  bool check_name(std::string_view name, std::size_t offset) {
    if (name.size() > options_.limits.max_string_bytes) {
      error(offset, {},
            "argument name of " + number(name.size()) + " bytes exceeds the limit of " +
                number(options_.limits.max_string_bytes) + " bytes",
            Limit::string_bytes);
      return false;
    }
    if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
      error(offset, "argument name " + shown(name) + " contains a control character");
      return false;
    }
    return true;
  }

 private:
  const ReadOptions& options_;
};

// An attack between two arguments already in the graph, and where it is written.
struct PendingAttack {
  std::uint32_t from;
  std::uint32_t to;
  std::size_t offset;
};

// The common end of every reader: the graph being built, where each
// argument was declared, and the attacks, added once all are known.
class Builder {
 public:
  Builder(Diagnostics& diagnostics, const ReadOptions& options) : diagnostics_(diagnostics), options_(options) {}

  Graph& graph() noexcept { return graph_; }

  // Declares an argument; a repeat is ignored with a warning (which ends
  // with `hint`). Returns its vertex.
  std::uint32_t declare(std::string_view name, std::size_t offset, std::string_view hint = {}) {
    if (auto existing = graph_.find(name)) {
      diagnostics_.warning(offset, "argument " + shown(name) + " is declared again (first at " +
                                       diagnostics_.location(offsets_[*existing]) + "); the repeat is ignored" +
                                       std::string(hint));
      return static_cast<std::uint32_t>(*existing);
    }
    if (graph_.node_count() >= options_.limits.max_nodes) {
      diagnostics_.fatal(offset, Limit::nodes, "more than " + number(options_.limits.max_nodes) + " arguments");
    }
    add_node(name);
    offsets_.push_back(offset);
    return static_cast<std::uint32_t>(graph_.node_count() - 1);
  }
  // Adds an argument known to be new (the numbered arguments of .i23).
  void add_node(std::string_view name) {
    Node node;
    node.id = std::string(name);
    node.kind = NodeKind::evidence;
    node.label = node.id;
    graph_.add_node(std::move(node));
  }
  // Checks the attack limit for one more attack written at `offset`.
  void count_attack(std::size_t offset) {
    if (++attack_count_ > options_.limits.max_edges) {
      diagnostics_.fatal(offset, Limit::edges, "more than " + number(options_.limits.max_edges) + " attacks");
    }
  }
  void attack(std::uint32_t from, std::uint32_t to, std::size_t offset) { attacks_.push_back({from, to, offset}); }

  // Adds the attacks in file order, each pair once: a repeat is dropped with
  // a warning that points at the first.
  void add_attacks() {
    const std::size_t m = attacks_.size();
    const auto key = [](const PendingAttack& a) { return (std::uint64_t{a.from} << 32) | a.to; };
    std::vector<std::uint64_t> keys(m);
    for (std::size_t i = 0; i < m; ++i) keys[i] = key(attacks_[i]);
    std::sort(keys.begin(), keys.end());
    std::unordered_set<std::uint64_t> repeated;
    for (std::size_t i = 1; i < m; ++i) {
      if (keys[i] == keys[i - 1]) repeated.insert(keys[i]);
    }
    keys = {};
    std::vector<bool> drop(m, false);
    if (!repeated.empty()) {
      std::unordered_map<std::uint64_t, std::size_t> first;
      for (std::size_t i = 0; i < m; ++i) {
        const std::uint64_t k = key(attacks_[i]);
        if (!repeated.contains(k)) continue;
        auto [it, fresh] = first.emplace(k, i);
        if (fresh) continue;
        drop[i] = true;
        const PendingAttack& a = attacks_[i];
        diagnostics_.warning(a.offset, "the attack of " + shown(graph_.id(a.from)) + " on " +
                                           shown(graph_.id(a.to)) + " is listed again (first at " +
                                           diagnostics_.location(attacks_[it->second].offset) +
                                           "); the repeat is ignored");
      }
    }
    graph_.reserve(graph_.node_count(), m);
    std::vector<Graph::EdgeSpec> batch;
    batch.reserve(m);
    for (std::size_t i = 0; i < m; ++i) {
      if (drop[i]) continue;
      const PendingAttack& a = attacks_[i];
      if (a.from == a.to) {
        // Self-attacks go in one by one, in their place in the file order.
        if (!batch.empty()) graph_.add_edges(std::exchange(batch, {}));
        graph_.add_self_attack(a.from);
      } else {
        Graph::EdgeSpec spec{};
        spec.from = a.from;
        spec.to = a.to;
        spec.relation = Relation::contradicts;
        batch.push_back(std::move(spec));
      }
    }
    if (!batch.empty()) graph_.add_edges(std::move(batch));
  }

 private:
  Diagnostics& diagnostics_;
  const ReadOptions& options_;
  Graph graph_;
  std::vector<std::size_t> offsets_;  // per vertex: where it was declared
  std::vector<PendingAttack> attacks_;
  std::size_t attack_count_ = 0;
};

// The declared argument nearest to an unknown name, as a "did you mean"
// suffix. Skipped for one-letter names (any other letter would do) and for
// very large frameworks, where the search would cost more than the hint is
// worth.
std::string suggestion(const Graph& graph, std::string_view name) {
  constexpr std::size_t max_candidates = 100'000;
  if (name.size() < 2 || graph.node_count() == 0 || graph.node_count() > max_candidates) return {};
  std::vector<std::string_view> ids;
  ids.reserve(graph.node_count());
  for (Graph::NodeRef v = 0; v < graph.node_count(); ++v) ids.push_back(graph.id(v));
  if (auto near = detail::nearest(name, ids)) return "; did you mean " + shown(*near) + "?";
  return {};
}

// Where the text starts, past a byte order mark.
std::size_t skip_byte_order_mark(std::string_view text) { return text.size() - detail::without_bom(text).size(); }

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// --- ASPARTIX ---------------------------------------------------------------

bool is_name_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// How a name is written in a fact: bare when it can be, else quoted.
std::string apx_spelling(std::string_view name) {
  if (!name.empty() && std::all_of(name.begin(), name.end(), is_name_char)) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

class ApxReader {
 public:
  ApxReader(std::string_view text, const ReadOptions& options)
      : text_(text), diagnostics_(text, options), builder_(diagnostics_, options) {}

  ReadResult run() {
    auto warnings = diagnostics_.collect([this] {
      diagnostics_.check_input();
      pos_ = skip_byte_order_mark(text_);
      for (;;) {
        skip_blank();
        if (pos_ >= text_.size()) break;
        fact();
      }
      resolve();
    });
    return ReadResult{std::move(builder_.graph()), std::move(warnings)};
  }

 private:
  struct Name {
    std::string_view text;
    std::size_t offset = 0;
  };
  struct Attack {
    Name from;
    Name to;
    std::size_t offset;
  };

  // Skips whitespace and `%` comments.
  void skip_blank() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '%') {
        const std::size_t eol = text_.find('\n', pos_);
        pos_ = eol == std::string_view::npos ? text_.size() : eol + 1;
      } else if (c == '\n' || is_blank(c)) {
        ++pos_;
      } else {
        break;
      }
    }
  }

  // What stands at pos_, for "got ..." in messages.
  std::string next_token() const {
    if (pos_ >= text_.size()) return "the end of the file";
    if (is_name_char(text_[pos_])) {
      std::size_t end = pos_;
      while (end < text_.size() && is_name_char(text_[end])) ++end;
      return shown(text_.substr(pos_, end - pos_));
    }
    if (text_[pos_] == '"') return "a quoted name";
    std::size_t i = pos_;
    detail::decode_utf8(text_, i);
    return shown(text_.substr(pos_, i - pos_));
  }

  // Reads a name at pos_ (after blanks); reports what is wrong and returns
  // nothing when there is none. `after` is what precedes it, for messages.
  std::optional<Name> name(std::string_view after) {
    skip_blank();
    const std::size_t start = pos_;
    if (pos_ < text_.size() && is_name_char(text_[pos_])) {
      while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
      Name n{text_.substr(start, pos_ - start), start};
      if (!diagnostics_.check_name(n.text, start)) return std::nullopt;
      return n;
    }
    if (pos_ < text_.size() && text_[pos_] == '"') return quoted();
    diagnostics_.parse_error(start, "expected an argument name after \"" + std::string(after) +
                                         "\" (letters, digits and \"_\", or a quoted string); got " + next_token());
    return std::nullopt;
  }

  // A double-quoted name; pos_ is at the opening quote.
  std::optional<Name> quoted() {
    const std::size_t open = pos_++;
    std::string value;
    bool escaped = false;
    bool ok = true;
    for (;;) {
      if (pos_ >= text_.size() || text_[pos_] == '\n') {
        diagnostics_.parse_error(open, "quoted name is not closed: a '\"' is missing before the end of the line");
        return std::nullopt;
      }
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        break;
      }
      if (c == '\\') {
        const char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
        if (next == '"' || next == '\\') {
          value += next;
          escaped = true;
          pos_ += 2;
          continue;
        }
        std::size_t i = pos_ + 1;
        if (i < text_.size() && text_[i] != '\n') detail::decode_utf8(text_, i);
        const std::string_view escape = text_.substr(pos_, i - pos_);
        const bool printable = escape.size() == 2 && escape[1] > 0x20 && escape[1] < 0x7F;
        diagnostics_.parse_error(pos_, "unknown escape " + (printable ? std::string(escape) : shown(escape)) +
                                            " in a quoted name: only \\\" and \\\\ are allowed");
        ok = false;
        pos_ = i;
        continue;
      }
      value += c;
      ++pos_;
    }
    if (!ok) return std::nullopt;
    if (value.empty()) {
      diagnostics_.parse_error(open, "an argument name must not be empty");
      return std::nullopt;
    }
    if (!diagnostics_.check_name(value, open)) return std::nullopt;
    // Without escapes the name is a view of the input; with them, a kept copy.
    const std::string_view text = escaped ? std::string_view(unescaped_.emplace_back(std::move(value)))
                                          : text_.substr(open + 1, pos_ - open - 2);
    return Name{text, open};
  }

  // Expects `c` at pos_ (after blanks); reports `message` + what was found instead.
  bool expect(char c, const std::string& message) {
    skip_blank();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    diagnostics_.parse_error(pos_, message + "; got " + next_token());
    return false;
  }

  // After an error inside a fact: skips to the end of the fact (its ".") or
  // to a line that starts a new fact, whichever comes first.
  void recover() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '.') {
        ++pos_;
        return;
      }
      if (c == '%') {
        const std::size_t eol = text_.find('\n', pos_);
        pos_ = eol == std::string_view::npos ? text_.size() : eol;
        continue;
      }
      if (c == '"') {
        const std::size_t close = text_.find_first_of("\"\n", pos_ + 1);
        pos_ = close == std::string_view::npos ? text_.size() : (text_[close] == '"' ? close + 1 : close);
        continue;
      }
      ++pos_;
      if (c == '\n' && starts_fact(pos_)) return;
    }
  }

  // Whether the line at `at` begins like a fact: a name, then "(" (blanks allowed).
  bool starts_fact(std::size_t at) const {
    while (at < text_.size() && is_blank(text_[at])) ++at;
    const std::size_t name = at;
    while (at < text_.size() && is_name_char(text_[at])) ++at;
    if (at == name) return false;
    while (at < text_.size() && is_blank(text_[at])) ++at;
    return at < text_.size() && text_[at] == '(';
  }

  void fact() {
    const std::size_t start = pos_;
    if (!is_name_char(text_[pos_])) {
      diagnostics_.parse_error(start, "expected a fact (arg(NAME). or att(NAME,NAME).); got " + next_token());
      recover();
      return;
    }
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    const std::string_view predicate = text_.substr(start, pos_ - start);
    if (predicate != "arg" && predicate != "att") {
      static constexpr std::array<std::string_view, 2> known{"arg", "att"};
      std::string message = "unknown fact " + shown(predicate) + " (the facts are arg(NAME). and att(NAME,NAME).)";
      if (auto near = detail::nearest(predicate, known)) message += "; did you mean \"" + *near + "\"?";
      diagnostics_.parse_error(start, std::move(message));
      recover();
      return;
    }
    const bool is_arg = predicate == "arg";
    std::string written(predicate);
    if (!expect('(', "expected \"(\" after \"" + written + "\"")) {
      recover();
      return;
    }
    written += '(';
    const auto first = name(written);
    if (!first) {
      recover();
      return;
    }
    written += apx_spelling(first->text);
    std::optional<Name> second;
    if (is_arg) {
      // Declared as soon as its name is read, so that a later flaw in the
      // fact does not make every attack on it an error too.
      builder_.declare(first->text, first->offset);
    } else {
      if (!expect(',', "expected \",\" and the attacked argument after \"" + written + "\"")) {
        recover();
        return;
      }
      written += ',';
      second = name(written);
      if (!second) {
        recover();
        return;
      }
      written += apx_spelling(second->text);
    }
    if (!expect(')', "expected \")\" after \"" + written + "\"")) {
      recover();
      return;
    }
    written += ')';
    if (!is_arg) {
      builder_.count_attack(start);
      attacks_.push_back({*first, *second, start});
    }
    const std::size_t end = pos_;
    skip_blank();
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      return;
    }
    // The fact is whole but for its full stop: keep it and read on from here.
    diagnostics_.parse_error(end, "expected \".\" after \"" + written + "\": every fact ends with a full stop");
  }

  // Resolves the names of the attacks, now that every argument is declared.
  void resolve() {
    Graph& graph = builder_.graph();
    std::vector<std::string_view> names;
    names.reserve(attacks_.size() * 2);
    for (const Attack& a : attacks_) {
      names.push_back(a.from.text);
      names.push_back(a.to.text);
    }
    const std::vector<std::size_t> found = graph.find_many(names);
    for (std::size_t i = 0; i < attacks_.size(); ++i) {
      const Attack& a = attacks_[i];
      bool ok = true;
      for (const auto& [end, vertex] : {std::pair{a.from, found[2 * i]}, std::pair{a.to, found[2 * i + 1]}}) {
        if (vertex != Graph::npos) continue;
        ok = false;
        diagnostics_.error(end.offset, "undeclared argument " + shown(end.text) + ": no fact arg(" +
                                           apx_spelling(end.text) + "). declares it" + suggestion(graph, end.text));
      }
      if (ok) {
        builder_.attack(static_cast<std::uint32_t>(found[2 * i]), static_cast<std::uint32_t>(found[2 * i + 1]),
                        a.offset);
      }
    }
    if (!diagnostics_.failed()) builder_.add_attacks();
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  Diagnostics diagnostics_;
  Builder builder_;
  std::vector<Attack> attacks_;
  std::deque<std::string> unescaped_;  // names that had escapes
};

// --- line-based formats -----------------------------------------------------

struct Token {
  std::string_view text;
  std::size_t offset = 0;
};

// Splits a line (without its '\n') into blank-separated tokens: the first
// `Max` are stored, the rest only counted.
template <std::size_t Max>
std::size_t split(std::string_view line, std::size_t line_offset, std::array<Token, Max>& tokens) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_blank(line[i])) ++i;
    if (i >= line.size()) break;
    const std::size_t begin = i;
    while (i < line.size() && !is_blank(line[i])) ++i;
    if (count < Max) tokens[count] = Token{line.substr(begin, i - begin), line_offset + begin};
    ++count;
  }
  return count;
}

// Calls `visit(line, offset)` for every line of `text` from `pos`, without
// its '\n'.
template <class Visit>
void for_each_line(std::string_view text, std::size_t pos, Visit&& visit) {
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    visit(text.substr(pos, eol - pos), pos);
    pos = eol + 1;
  }
}

// The offset just past the last token of a line: where something missing is reported.
std::size_t end_of(std::string_view line, std::size_t line_offset) {
  std::size_t n = line.size();
  while (n > 0 && is_blank(line[n - 1])) --n;
  return line_offset + n;
}

// --- Trivial Graph Format -----------------------------------------------------

class TgfReader {
 public:
  TgfReader(std::string_view text, const ReadOptions& options)
      : text_(text), diagnostics_(text, options), builder_(diagnostics_, options) {}

  ReadResult run() {
    auto warnings = diagnostics_.collect([this] {
      diagnostics_.check_input();
      for_each_line(text_, skip_byte_order_mark(text_), [this](std::string_view line, std::size_t offset) {
        this->line(line, offset);
      });
      resolve();
    });
    return ReadResult{std::move(builder_.graph()), std::move(warnings)};
  }

 private:
  struct Attack {
    Token from;
    Token to;
  };

  void line(std::string_view text, std::size_t offset) {
    std::array<Token, 3> tokens;
    const std::size_t count = split(text, offset, tokens);
    if (count == 0) return;
    if (tokens[0].text == "#") {
      if (separator_) {
        diagnostics_.parse_error(tokens[0].offset, "a second \"#\" line (the first is at " +
                                                        diagnostics_.location(*separator_) +
                                                        "): a TGF file has one, between the arguments and the attacks");
        return;
      }
      separator_ = tokens[0].offset;
      if (count > 1) {
        diagnostics_.parse_error(tokens[1].offset, "the line that separates arguments from attacks holds only \"#\"; got " +
                                                        shown(tokens[1].text) + " after it");
      }
      return;
    }
    if (!separator_) {
      const Token& id = tokens[0];
      if (!diagnostics_.check_name(id.text, id.offset)) return;
      const bool repeat = builder_.graph().find(id.text).has_value();
      const auto v = builder_.declare(
          id.text, id.offset, count > 1 ? "; if this line is an attack, a line holding only \"#\" must come first" : "");
      if (count > 1 && !repeat) {
        // TGF allows a label after the name: the rest of the line.
        const std::size_t begin = tokens[1].offset - offset;
        builder_.graph().node(v).label = std::string(text.substr(begin, end_of(text, offset) - offset - begin));
      }
      return;
    }
    if (count == 1) {
      diagnostics_.parse_error(end_of(text, offset), "expected the attacked argument after " + shown(tokens[0].text) +
                                                          ": an attack line is \"a b\", the attacker then the attacked");
      return;
    }
    if (count > 2) {
      const std::size_t begin = tokens[2].offset - offset;
      diagnostics_.warning(tokens[2].offset,
                           "label " + shown(text.substr(begin, end_of(text, offset) - offset - begin)) +
                               " of the attack ignored: attacks carry no labels");
    }
    builder_.count_attack(tokens[0].offset);
    attacks_.push_back({tokens[0], tokens[1]});
  }

  void resolve() {
    Graph& graph = builder_.graph();
    for (const Attack& a : attacks_) {
      std::array<std::optional<Graph::NodeRef>, 2> ends{graph.find(a.from.text), graph.find(a.to.text)};
      bool ok = true;
      for (std::size_t k = 0; k < 2; ++k) {
        if (ends[k]) continue;
        ok = false;
        const Token& t = k == 0 ? a.from : a.to;
        diagnostics_.error(t.offset, "undeclared argument " + shown(t.text) +
                                         ": arguments are listed one per line before the \"#\" line" +
                                         suggestion(graph, t.text));
      }
      if (ok) {
        builder_.attack(static_cast<std::uint32_t>(*ends[0]), static_cast<std::uint32_t>(*ends[1]), a.from.offset);
      }
    }
    if (!diagnostics_.failed()) builder_.add_attacks();
  }

  std::string_view text_;
  Diagnostics diagnostics_;
  Builder builder_;
  std::optional<std::size_t> separator_;  // where the "#" line is
  std::vector<Attack> attacks_;
};

// --- ICCMA 2023 ---------------------------------------------------------------

// A decimal number made of digits only; nothing for anything else, and the
// largest value for a number too large to hold.
std::optional<std::size_t> decimal(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) return std::numeric_limits<std::size_t>::max();
  return value;
}

class I23Reader {
 public:
  I23Reader(std::string_view text, const ReadOptions& options)
      : text_(text), options_(options), diagnostics_(text, options), builder_(diagnostics_, options) {}

  ReadResult run() {
    auto warnings = diagnostics_.collect([this] {
      diagnostics_.check_input();
      const std::size_t start = skip_byte_order_mark(text_);
      for_each_line(text_, start, [this](std::string_view line, std::size_t offset) { this->line(line, offset); });
      if (!header_seen_) {
        diagnostics_.parse_error(start, "missing the header \"p af N\" (N the number of arguments); "
                                         "an empty framework is written \"p af 0\"");
      }
      if (!diagnostics_.failed()) builder_.add_attacks();
    });
    return ReadResult{std::move(builder_.graph()), std::move(warnings)};
  }

 private:
  // "arguments 1 to N", as the header declares them.
  std::string declared() const {
    if (*arguments_ == 0) return "\"p af 0\" declares no arguments";
    return "\"p af " + number(*arguments_) + "\" declares arguments 1 to " + number(*arguments_);
  }
  std::string range() const {
    return arguments_ ? (*arguments_ == 0 ? std::string("none: \"p af 0\" declares no arguments")
                                          : "from 1 to " + number(*arguments_))
                      : std::string("from 1 to N");
  }

  void line(std::string_view text, std::size_t offset) {
    std::array<Token, 4> tokens;
    const std::size_t count = split(text, offset, tokens);
    if (count == 0 || tokens[0].text.front() == '#') return;
    if (tokens[0].text == "p") {
      header(text, offset, tokens, count);
      return;
    }
    if (!header_seen_) {
      header_seen_ = true;  // reported once
      const bool looks_like_attack = count == 2 && decimal(tokens[0].text) && decimal(tokens[1].text);
      diagnostics_.parse_error(tokens[0].offset,
                                looks_like_attack ? std::string("missing the header \"p af N\" before the first attack: the "
                                                     "first line that is not a comment gives the number of arguments")
                                       : "expected the header \"p af N\" (N the number of arguments); got " +
                                             shown(tokens[0].text));
      if (!looks_like_attack) return;
    }
    attack(text, offset, tokens, count);
  }

  void header(std::string_view text, std::size_t offset, const std::array<Token, 4>& tokens, std::size_t count) {
    if (header_seen_) {
      diagnostics_.parse_error(tokens[0].offset, header_offset_
                                                      ? "a second header (the first is at " +
                                                            diagnostics_.location(*header_offset_) +
                                                            "): \"p af N\" comes once, before the attacks"
                                                      : std::string("the header \"p af N\" must come before the "
                                                                    "attacks, on the first line that is not a comment"));
      return;
    }
    header_seen_ = true;
    header_offset_ = tokens[0].offset;
    if (count < 2) {
      diagnostics_.parse_error(end_of(text, offset), "expected \"af\" after \"p\": the header is \"p af N\"");
      return;
    }
    if (tokens[1].text != "af") {
      diagnostics_.parse_error(tokens[1].offset, "expected \"af\" after \"p\": this reader takes abstract "
                                                  "argumentation frameworks (\"p af N\"); got " +
                                                      shown(tokens[1].text));
      return;
    }
    if (count < 3) {
      diagnostics_.parse_error(end_of(text, offset),
                                "expected the number of arguments after \"p af\": the header is \"p af N\"");
      return;
    }
    const auto n = decimal(tokens[2].text);
    if (!n) {
      diagnostics_.parse_error(tokens[2].offset,
                                "expected the number of arguments after \"p af\"; got " + shown(tokens[2].text));
      return;
    }
    if (count > 3) {
      diagnostics_.parse_error(tokens[3].offset,
                                "unexpected " + shown(tokens[3].text) + " after the header \"p af " +
                                    std::string(tokens[2].text) + "\"");
    }
    if (*n > options_.limits.max_nodes) {
      diagnostics_.fatal(tokens[2].offset, Limit::nodes,
                         std::string(tokens[2].text) + " arguments exceed the limit of " +
                             number(options_.limits.max_nodes));
    }
    arguments_ = *n;
    Graph& graph = builder_.graph();
    graph.reserve(*n, 0);
    std::array<char, 24> buffer{};
    for (std::size_t i = 1; i <= *n; ++i) {
      const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), i);
      builder_.add_node(std::string_view(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data())));
    }
  }

  // The vertex of an argument number, or nothing (reported) when it is not one.
  std::optional<std::uint32_t> argument(const Token& token, const std::string& expected) {
    const auto value = decimal(token.text);
    if (!value) {
      diagnostics_.parse_error(token.offset, expected + "; got " + shown(token.text));
      return std::nullopt;
    }
    if (!arguments_) return std::nullopt;
    if (*value == 0 || *value > *arguments_) {
      diagnostics_.error(token.offset,
                         "argument " + std::string(token.text) + " is out of range: " + declared());
      return std::nullopt;
    }
    return static_cast<std::uint32_t>(*value - 1);
  }

  void attack(std::string_view text, std::size_t offset, const std::array<Token, 4>& tokens, std::size_t count) {
    const auto from = argument(tokens[0], "expected an attack \"i j\" with argument numbers " + range());
    if (count < 2) {
      if (decimal(tokens[0].text)) {
        diagnostics_.parse_error(end_of(text, offset), "expected the attacked argument's number after \"" +
                                                            std::string(tokens[0].text) +
                                                            "\": an attack line is \"i j\"");
      }
      return;
    }
    const auto to = argument(tokens[1], "expected the attacked argument's number (" + range() + ") after \"" +
                                           std::string(tokens[0].text) + "\"");
    if (count > 2) {
      diagnostics_.parse_error(tokens[2].offset, "unexpected " + shown(tokens[2].text) + " after the attack \"" +
                                                      std::string(tokens[0].text) + " " + std::string(tokens[1].text) +
                                                      "\": an attack line holds two argument numbers");
      return;
    }
    builder_.count_attack(offset);
    if (from && to) builder_.attack(*from, *to, offset);
  }

  std::string_view text_;
  const ReadOptions& options_;
  Diagnostics diagnostics_;
  Builder builder_;
  bool header_seen_ = false;
  std::optional<std::size_t> header_offset_;
  std::optional<std::size_t> arguments_;
};

}  // namespace

ReadResult read_apx(std::string_view text, const ReadOptions& options) { return ApxReader(text, options).run(); }

ReadResult read_tgf(std::string_view text, const ReadOptions& options) { return TgfReader(text, options).run(); }

ReadResult read_i23(std::string_view text, const ReadOptions& options) { return I23Reader(text, options).run(); }

ReadResult read_apx(std::istream& in, const ReadOptions& options) {
  return read_stream(in, options, read_apx);
}

ReadResult read_tgf(std::istream& in, const ReadOptions& options) {
  return read_stream(in, options, read_tgf);
}

ReadResult read_i23(std::istream& in, const ReadOptions& options) {
  return read_stream(in, options, read_i23);
}

}  // namespace claimgraph::io
