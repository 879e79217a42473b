#include "io/argdown/lexer.hpp"

#include <algorithm>
#include <utility>

#include "detail/text.hpp"
#include "io/argdown/text.hpp"

// Argdown's lexer is a list of patterns tried in order at each position;
// the first that matches wins. Several patterns look at the token before
// (relations, headings, list items and numbered statements count only at
// the start of a line) and some have side effects (indentation, open bold
// and italic ranges). This lexer applies the same rules in the same order.
//
// Patterns that look far ahead (a comment's end, a title's closing bracket)
// remember their last search, so that text full of openers without closers
// is still read in linear time.

namespace claimgraph::io::argdown {

namespace {

struct Shortcode {
  std::string_view name;
  std::string_view symbol;
};

// Argdown's default shortcodes, each written .x. or :x: (":smile:" alone
// differs from ".smile.": see shortcode()).
constexpr Shortcode shortcodes[] = {
    {"A", "\u2200"},         {"E", "\u2203"},          {"O", "\U0001D5E2"},     {"P", "\U0001D5E3"},
    {"->", "\u2192"},        {"<->", "\u2194"},        {"~", "\u00AC"},         {"^", "\u2227"},
    {"v", "\u2228"},         {"v_", "\u22BB"},         {"<>", "\u25C7"},        {"[]", "\u25FB"},
    {"happy", "\U0001F600"}, {"smiley", "\u263A"},    {"laugh", "\U0001F606"}, {"lol", "\U0001F606"},
    {"rofl", "\U0001F923"},  {"joy", "\U0001F602"},   {"heart", "\u2764"},     {"?", "\u2753"},
    {"question", "\u2753"},  {"love", "\U0001F60D"},  {"wink", "\U0001F609"},  {"shush", "\U0001F92B"},
    {"meh", "\U0001F610"},   {"eye-roll", "\U0001F644"}, {"sad", "\U0001F622"}, {"disappointed", "\U0001F61E"},
    {"scream", "\U0001F631"}, {"+1", "\U0001F44D"},   {"up", "\U0001F44D"},    {"-1", "\U0001F44E"},
    {"down", "\U0001F44E"},  {"think", "\U0001F914"}, {"star", "\u2B50"},      {"y", "\u2714"},
    {"agree", "\u2714"},     {"n", "\u274C"},         {"disagree", "\u274C"},
};

constexpr std::size_t npos = std::string_view::npos;

// \r\n, \n or \r at i: its length, else 0.
std::size_t linebreak(std::string_view t, std::size_t i) {
  if (i >= t.size()) return 0;
  if (t[i] == '\r') return i + 1 < t.size() && t[i + 1] == '\n' ? 2 : 1;
  return t[i] == '\n' ? 1 : 0;
}

std::size_t skip_blanks(std::string_view t, std::size_t i) {
  while (i < t.size() && is_blank(t[i])) ++i;
  return i;
}

// The indentation before a relation, a list item, a numbered statement or
// an inference. Argdown's patterns write it [' '\t]*, a class that also
// holds the apostrophe, so "'+ x" at the start of a line is a relation too.
std::size_t skip_indentation(std::string_view t, std::size_t i) {
  while (i < t.size() && (is_blank(t[i]) || t[i] == '\'')) ++i;
  return i;
}

// The JavaScript whitespace character at i (its length), else 0.
std::size_t js_space_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return 0;
  std::size_t k = i;
  const char32_t cp = detail::decode_utf8(t, k);
  return is_js_space(cp) ? k - i : 0;
}

std::size_t char_length(std::string_view t, std::size_t i) {
  std::size_t k = i;
  detail::decode_utf8(t, k);
  return k - i;
}

// Remembers the result of its last forward search, so that searches from
// increasing positions cost linear time in all.
class Finder {
 public:
  template <class Match>
  std::size_t find(std::string_view t, std::size_t from, Match&& match) {
    if (valid_ && from >= from_ && (found_ == npos || found_ >= from)) return found_;
    std::size_t p = from;
    while (p < t.size() && !match(p)) ++p;
    valid_ = true;
    from_ = from;
    found_ = p < t.size() ? p : npos;
    return found_;
  }

 private:
  bool valid_ = false;
  std::size_t from_ = 0;
  std::size_t found_ = npos;
};

enum class Range : std::uint8_t { asterisk_bold, underscore_bold, asterisk_italic, underscore_italic };

class Lexer {
 public:
  explicit Lexer(std::string_view text) : t_(text) {}

  Lexed run(std::size_t start) {
    std::size_t p = start;
    while (p < t_.size()) {
      const std::size_t e = inference_mode_ ? inference_token(p) : default_token(p);
      if (e == 0) {
        const std::size_t n = char_length(t_, p);
        out_.errors.push_back({p, t_[p] == '\\' ? std::string("a backslash escapes the character after it, and none follows "
                                                              "on this line; write \\\\ for a backslash")
                                                : std::string("unexpected character")});
        p += n;
        continue;
      }
      p = e;
    }
    if (!out_.tokens.empty() && out_.tokens.back().type == Tok::Emptyline) out_.tokens.pop_back();
    dedent_all(t_.size());
    out_.tokens.push_back({Tok::Eof, t_.size(), t_.size()});
    return std::move(out_);
  }

 private:
  // --- helpers
  [[nodiscard]] bool last_is(Tok k) const { return !out_.tokens.empty() && out_.tokens.back().type == k; }
  [[nodiscard]] bool line_start() const {
    return out_.tokens.empty() || last_is(Tok::Newline) || last_is(Tok::Emptyline);
  }
  std::size_t push(Tok k, std::size_t b, std::size_t e) {
    out_.tokens.push_back({k, b, e});
    return e;
  }
  static std::size_t skip(std::size_t e) { return e; }
  void dedent_all(std::size_t at) {
    while (indents_.size() > 1) {
      out_.tokens.push_back({Tok::Dedent, at, at});
      indents_.pop_back();
    }
  }
  void indent_or_dedent(std::size_t width, std::size_t at) {
    if (width > indents_.back()) {
      indents_.push_back(width);
      out_.tokens.push_back({Tok::Indent, at, at + width});
      return;
    }
    while (indents_.size() > 1 && width < indents_.back()) {
      indents_.pop_back();
      out_.tokens.push_back({Tok::Dedent, at, at});
    }
  }
  bool starts(std::size_t p, std::string_view s) const { return t_.substr(p, s.size()) == s; }

  // --- the patterns, each returning the end of its match or 0

  // A comment, skipped with the line breaks after it that Argdown's
  // pattern takes along.
  std::size_t comment(std::size_t p) {
    const std::size_t e = comment_body(p);
    return e == 0 ? 0 : skip(line_breaks_after_comment(e));
  }
  std::size_t comment_body(std::size_t p) {
    if (starts(p, "<!--")) return block_comment(p, "<!--", "-->", html_close_);
    if (starts(p, "/*")) return block_comment(p, "/*", "*/", c_close_);
    if (!starts(p, "//")) return 0;
    const std::size_t lt = line_end_.find(t_, p + 2, [&](std::size_t k) { return line_terminator(t_, k) > 0; });
    if (lt == npos || line_terminator(t_, lt) == 3) return 0;  // a line comment needs a line break after it
    return lt;
  }
  // From `open` to the first `close`, with no U+2028 or U+2029 before it.
  std::size_t block_comment(std::size_t p, std::string_view open, std::string_view close, Finder& closer) {
    const std::size_t from = p + open.size();
    const std::size_t end = closer.find(t_, from, [&](std::size_t k) { return starts(k, close); });
    const std::size_t sep = separator_.find(t_, from, [&](std::size_t k) { return line_terminator(t_, k) == 3; });
    if (end == npos || (sep != npos && sep < end)) return 0;
    return end + close.size();
  }
  // After an empty line, a comment takes every line break after it along;
  // after a line break, the next one, unless another follows at once.
  std::size_t line_breaks_after_comment(std::size_t e) const {
    if (last_is(Tok::Emptyline)) {
      for (;;) {
        const std::size_t q = skip_blanks(t_, e);
        if (starts(q, "\r\n")) {
          e = q + 2;
        } else if (e < t_.size() && (t_[e] == '\n' || t_[e] == '\r')) {
          e += 1;
        } else {
          break;
        }
      }
    } else if (last_is(Tok::Newline)) {
      const std::size_t q = skip_blanks(t_, e);
      const std::size_t n = linebreak(t_, q);
      if (n > 0 && linebreak(t_, skip_blanks(t_, q + n)) == 0) e = q + n;
    }
    return e;
  }

  std::size_t front_matter(std::size_t p) {
    if (!starts(p, "===")) return 0;
    std::size_t run = 0;
    while (p + run < t_.size() && t_[p + run] == '=') ++run;
    const std::size_t j = equals_.find(t_, p + run, [&](std::size_t k) { return starts(k, "==="); });
    if (j != npos) {
      std::size_t e = j;
      while (e < t_.size() && t_[e] == '=') ++e;
      return push(Tok::FrontMatter, p, e);
    }
    if (run >= 6) return push(Tok::FrontMatter, p, p + run);
    return 0;
  }

  // A `}` after which the data pattern may end: the next character that is
  // not whitespace is neither `,` nor `}`.
  bool good_close(std::size_t q) const {
    std::size_t k = q + 1;
    while (std::size_t n = js_space_at(t_, k)) k += n;
    return k >= t_.size() || (t_[k] != ',' && t_[k] != '}');
  }
  std::size_t data(std::size_t p) {
    if (t_[p] != '{') return 0;
    // The body may not run past a `}` followed by a blank and then a
    // character other than `,` or `}`, nor past a \r or U+2028/9.
    const std::size_t limit = data_stop_.find(t_, p + 1, [&](std::size_t k) {
      if (t_[k] == '\r' || line_terminator(t_, k) == 3) return true;
      if (t_[k] != '}') return false;
      const std::size_t w = js_space_at(t_, k + 1);
      if (w == 0 || k + 1 + w >= t_.size()) return false;
      return t_[k + 1 + w] != ',' && t_[k + 1 + w] != '}';
    });
    if (!closes_ready_) {
      for (std::size_t k = 0; k < t_.size(); ++k) {
        if (t_[k] == '}' && good_close(k)) closes_.push_back(k);
      }
      closes_ready_ = true;
    }
    const std::size_t last = limit == npos ? t_.size() - 1 : limit;
    auto it = std::upper_bound(closes_.begin(), closes_.end(), last);
    if (it == closes_.begin()) return 0;
    const std::size_t q = *std::prev(it);
    if (q < p + 1) return 0;
    return push(Tok::Data, p, q + 1);
  }

  std::size_t escaped(std::size_t p) {
    if (t_[p] != '\\' || p + 1 >= t_.size() || line_terminator(t_, p + 1) > 0) return 0;
    std::size_t e = p + 1 + char_length(t_, p + 1);
    while (e < t_.size() && t_[e] == ' ') ++e;
    return push(Tok::EscapedChar, p, e);
  }

  std::size_t special(std::size_t p) {
    const char c = t_[p];
    if (c != '.' && c != ':') return 0;
    std::size_t k = p + 1;
    if (k >= t_.size() || js_space_at(t_, k) > 0) return 0;
    k += char_length(t_, k);
    while (k < t_.size()) {
      if (t_[k] == c) {
        std::size_t e = k + 1;
        if (e < t_.size() && is_blank(t_[e])) ++e;
        return push(Tok::SpecialChar, p, e);
      }
      if (js_space_at(t_, k) > 0) return 0;
      k += char_length(t_, k);
    }
    return 0;
  }

  std::size_t emptyline(std::size_t p) {
    if (last_is(Tok::Emptyline)) return 0;
    std::size_t e = p;
    int count = 0;
    for (;;) {
      const std::size_t q = skip_blanks(t_, e);
      if (starts(q, "\r\n")) {
        e = q + 2;
      } else if (q < t_.size() && t_[q] == '\n') {
        e = q + 1;
      } else {
        break;
      }
      ++count;
    }
    if (count < 2) return 0;
    if (e < t_.size()) dedent_all(p);
    return push(Tok::Emptyline, p, e);
  }

  std::size_t newline(std::size_t p) {
    const std::size_t q = skip_blanks(t_, p);
    const std::size_t n = linebreak(t_, q);
    return n ? push(Tok::Newline, p, q + n) : 0;
  }

  std::size_t inference_start(std::size_t p) {
    if (!(out_.tokens.empty() || last_is(Tok::Newline))) return 0;
    const std::size_t q = skip_indentation(t_, p);
    if (!starts(q, "--")) return 0;
    dedent_all(p);
    inference_mode_ = true;
    return push(Tok::InferenceStart, p, q + 2);
  }

  std::size_t relation(std::size_t p) {
    if (!line_start()) return 0;
    const std::size_t q = skip_indentation(t_, p);
    Tok kind{};
    std::size_t n = 0;
    if (starts(q, "+>")) {
      kind = Tok::IncomingSupport, n = 2;
    } else if (starts(q, "->")) {
      kind = Tok::IncomingAttack, n = 2;
    } else if (starts(q, "<+") || starts(q, "+")) {
      kind = Tok::OutgoingSupport, n = t_[q] == '<' ? 2 : 1;
    } else if (starts(q, "<-") || starts(q, "-")) {
      kind = Tok::OutgoingAttack, n = t_[q] == '<' ? 2 : 1;
    } else if (starts(q, "><")) {
      kind = Tok::Contradiction, n = 2;
    } else if (starts(q, "_>")) {
      kind = Tok::IncomingUndercut, n = 2;
    } else if (starts(q, "<_")) {
      kind = Tok::OutgoingUndercut, n = 2;
    } else if (starts(q, "_") && js_space_at(t_, q + 1) > 0) {
      kind = Tok::OutgoingUndercut, n = 1;
    } else {
      return 0;
    }
    indent_or_dedent(q - p, p);
    return push(kind, p, q + n);
  }

  std::size_t heading(std::size_t p) {
    if (!(out_.tokens.empty() || last_is(Tok::Newline) || last_is(Tok::Emptyline)) || t_[p] != '#') return 0;
    std::size_t e = p;
    while (e < t_.size() && t_[e] == '#') ++e;
    if (e >= t_.size() || t_[e] != ' ') return 0;
    return push(Tok::HeadingStart, p, e + 1);
  }

  std::size_t statement_number(std::size_t p) {
    if (!line_start()) return 0;
    std::size_t k = skip_indentation(t_, p);
    if (k >= t_.size() || t_[k] != '(') return 0;
    const std::size_t digits = ++k;
    while (k < t_.size() && t_[k] >= '0' && t_[k] <= '9') ++k;
    if (k == digits || k >= t_.size() || t_[k] != ')') return 0;
    dedent_all(p);
    return push(Tok::StatementNumber, p, k + 1);
  }

  std::size_t list_item(std::size_t p) {
    if (!line_start()) return 0;
    const std::size_t q = skip_indentation(t_, p);
    std::size_t k = q;
    while (k < t_.size() && t_[k] >= '0' && t_[k] <= '9') ++k;
    if (k > q && k < t_.size() && t_[k] == '.' && js_space_at(t_, k + 1) > 0) {
      indent_or_dedent(q - p + 1, p);
      return push(Tok::OrderedListItem, p, k + 1);
    }
    if (q < t_.size() && t_[q] == '*' && js_space_at(t_, q + 1) > 0) {
      indent_or_dedent(q - p + 1, p);
      return push(Tok::UnorderedListItem, p, q + 1);
    }
    return 0;
  }

  // The end of a bold or italic range: the range open last is of this
  // kind, a token came before, and after the marker
  // comes a blank (taken along), a line break, punctuation or the end.
  std::size_t range_end(std::size_t p, std::string_view mark, Range range, Tok kind) {
    if (ranges_.empty() || ranges_.back() != range || out_.tokens.empty() || !starts(p, mark)) return 0;
    std::size_t e = p + mark.size();
    if (e < t_.size()) {
      const char c = t_[e];
      if (is_blank(c)) {
        ++e;
      } else if (std::string_view("\n\r)}_.,!?;:-*").find(c) == npos) {
        return 0;
      }
    }
    ranges_.pop_back();
    return push(kind, p, e);
  }
  std::size_t range_start(std::size_t p, std::string_view mark, Range range, Tok kind) {
    if (!starts(p, mark) || js_space_at(t_, p + mark.size()) > 0) return 0;
    ranges_.push_back(range);
    return push(kind, p, p + mark.size());
  }

  std::size_t optional_blank(std::size_t e) const { return e < t_.size() && is_blank(t_[e]) ? e + 1 : e; }

  std::size_t link(std::size_t p) {
    if (t_[p] != '[') return 0;
    const std::size_t close = bracket_close_.find(t_, p + 1, [&](std::size_t k) { return t_[k] == ']'; });
    if (close == npos || close < p + 2 || close + 1 >= t_.size() || t_[close + 1] != '(') return 0;
    const std::size_t paren = paren_close_.find(t_, close + 2, [&](std::size_t k) { return t_[k] == ')'; });
    if (paren == npos || paren < close + 3) return 0;
    return push(Tok::Link, p, optional_blank(paren + 1));
  }

  std::size_t tag(std::size_t p) {
    if (t_[p] != '#' || p + 1 >= t_.size()) return 0;
    if (t_[p + 1] == '(') {
      const std::size_t paren = paren_close_.find(t_, p + 2, [&](std::size_t k) { return t_[k] == ')'; });
      if (paren == npos || paren < p + 3) return 0;
      return push(Tok::Tag, p, optional_blank(paren + 1));
    }
    std::size_t k = p + 1;
    while (k < t_.size()) {
      std::size_t next = k;
      if (!is_tag_char(detail::decode_utf8(t_, next))) break;
      k = next;
    }
    if (k == p + 1) return 0;
    return push(Tok::Tag, p, optional_blank(k));
  }

  // `open` + at least one character + `close`, on one line (the first
  // `close` from `from`).
  std::size_t titled(std::size_t p, std::size_t from, Finder& finder, std::string_view close) {
    const std::size_t k = finder.find(t_, from, [&](std::size_t i) { return starts(i, close); });
    if (k == npos) return npos;
    const std::size_t lt = line_end_.find(t_, p + 1, [&](std::size_t i) { return line_terminator(t_, i) > 0; });
    if (lt != npos && lt < k) return npos;
    return k;
  }
  std::size_t statement_or_argument(std::size_t p) {
    const char open = t_[p];
    if (open != '[' && open != '<') return 0;
    const bool statement = open == '[';
    Finder& def = statement ? bracket_colon_ : angle_colon_;
    Finder& ref = statement ? bracket_close_ : angle_close_;
    const std::string_view close = statement ? "]" : ">";
    // definition: [.+?]:
    if (std::size_t k = titled(p, p + 2, def, statement ? "]:" : ">:"); k != npos) {
      return push(statement ? Tok::StatementDefinition : Tok::ArgumentDefinition, p, k + 2);
    }
    // reference: [ then a character other than -, then .*? up to ]
    if (p + 1 < t_.size() && t_[p + 1] != '-') {
      const std::size_t after = p + 1 + (line_terminator(t_, p + 1) == 1 ? 1 : char_length(t_, p + 1));
      const std::size_t k = ref.find(t_, after, [&](std::size_t i) { return starts(i, close); });
      const std::size_t lt = line_end_.find(t_, after, [&](std::size_t i) { return line_terminator(t_, i) > 0; });
      if (k != npos && (lt == npos || k < lt)) {
        return push(statement ? Tok::StatementReference : Tok::ArgumentReference, p, k + 1);
      }
    }
    return 0;
  }
  std::size_t mention(std::size_t p, char open) {
    if (t_[p] != '@' || p + 1 >= t_.size() || t_[p + 1] != open) return 0;
    const bool statement = open == '[';
    const std::size_t k = titled(p + 1, p + 3, statement ? bracket_close_ : angle_close_, statement ? "]" : ">");
    if (k == npos) return 0;
    return push(statement ? Tok::StatementMention : Tok::ArgumentMention, p, optional_blank(k + 1));
  }

  std::size_t spaces(std::size_t p) {
    if (!is_blank(t_[p])) return 0;
    return skip(skip_blanks(t_, p));
  }

  std::size_t freestyle(std::size_t p) {
    std::size_t e = p;
    while (e < t_.size() && !is_control_char(t_[e]) && t_[e] != '\\' && t_[e] != '\r' && t_[e] != '\n') ++e;
    return e > p ? push(Tok::Freestyle, p, e) : 0;
  }
  std::size_t unused_control(std::size_t p) {
    if (!is_control_char(t_[p])) return 0;
    return push(Tok::UnusedControlChar, p, optional_blank(p + 1));
  }

  std::size_t default_token(std::size_t p) {
    std::size_t e = 0;
    if ((e = comment(p)) || (e = front_matter(p)) || (e = data(p)) || (e = escaped(p)) || (e = special(p)) ||
        (e = emptyline(p)) || (e = newline(p)) || (e = inference_start(p)) || (e = relation(p)) ||
        (e = heading(p)) || (e = statement_number(p)) || (e = list_item(p)) ||
        (e = range_end(p, "**", Range::asterisk_bold, Tok::AsteriskBoldEnd)) ||
        (e = range_end(p, "__", Range::underscore_bold, Tok::UnderscoreBoldEnd)) ||
        (e = range_end(p, "*", Range::asterisk_italic, Tok::AsteriskItalicEnd)) ||
        (e = range_end(p, "_", Range::underscore_italic, Tok::UnderscoreItalicEnd)) ||
        (e = range_start(p, "**", Range::asterisk_bold, Tok::AsteriskBoldStart)) ||
        (e = range_start(p, "__", Range::underscore_bold, Tok::UnderscoreBoldStart)) ||
        (e = range_start(p, "*", Range::asterisk_italic, Tok::AsteriskItalicStart)) ||
        (e = range_start(p, "_", Range::underscore_italic, Tok::UnderscoreItalicStart)) || (e = link(p)) ||
        (e = tag(p)) || (e = statement_or_argument(p)) || (e = mention(p, '[')) || (e = mention(p, '<')) ||
        (e = spaces(p)) || (e = freestyle(p)) || (e = unused_control(p))) {
      return e;
    }
    return 0;
  }

  std::size_t inference_token(std::size_t p) {
    std::size_t e = 0;
    if ((e = comment(p)) || (e = newline(p)) || (e = escaped(p)) || (e = special(p))) return e;
    if (starts(p, "--")) {
      e = p;
      while (e < t_.size() && t_[e] == '-') ++e;
      inference_mode_ = false;
      return push(Tok::InferenceEnd, p, e);
    }
    if ((e = data(p))) return e;
    if (t_[p] == ',') return push(Tok::ListDelimiter, p, p + 1);
    if ((e = spaces(p)) || (e = freestyle(p)) || (e = unused_control(p))) return e;
    return 0;
  }

  std::string_view t_;
  Lexed out_;
  std::vector<std::size_t> indents_{0};
  std::vector<Range> ranges_;
  bool inference_mode_ = false;
  std::vector<std::size_t> closes_;
  bool closes_ready_ = false;
  Finder html_close_, c_close_, separator_, line_end_, equals_, data_stop_, bracket_close_, paren_close_,
      bracket_colon_, angle_colon_, angle_close_;
};

}  // namespace

Lexed lex(std::string_view text, std::size_t start) { return Lexer(text).run(start); }

std::optional<std::string_view> shortcode(std::string_view name) noexcept {
  if (name.size() < 3 || name.front() != name.back() || (name.front() != '.' && name.front() != ':')) return std::nullopt;
  const std::string_view inner = name.substr(1, name.size() - 2);
  if (inner == "smile") return name.front() == ':' ? std::string_view("\u263A\uFE0F") : std::string_view("\u263A");
  for (const auto& s : shortcodes) {
    if (s.name == inner) return s.symbol;
  }
  return std::nullopt;
}

bool is_js_space(char32_t cp) noexcept {
  return cp == 0x09 || cp == 0x0A || cp == 0x0B || cp == 0x0C || cp == 0x0D || cp == 0x20 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_tag_char(char32_t cp) noexcept {
  // Argdown's class [a-zA-z0-9-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]:
  // "A-z" also takes [ \ ] ^ _ and `.
  return (cp >= 'A' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-' || (cp >= 0xA0 && cp <= 0xD7FF) ||
         (cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFEF);
}

bool is_control_char(char c) noexcept { return std::string_view("@#*_[],.:;</>-(){}").find(c) != npos; }

std::size_t line_terminator(std::string_view t, std::size_t i) noexcept {
  if (i >= t.size()) return 0;
  if (t[i] == '\n' || t[i] == '\r') return 1;
  if (t[i] == '\xE2' && i + 2 < t.size() && t[i + 1] == '\x80' && (t[i + 2] == '\xA8' || t[i + 2] == '\xA9')) return 3;
  return 0;
}

bool has_line_terminator(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (line_terminator(s, i) > 0) return true;
  }
  return false;
}

}  // namespace claimgraph::io::argdown
