#include "io/argdown/yaml.hpp"

#include <cstdint>
#include <optional>

#include "detail/text.hpp"
#include "io/argdown/text.hpp"

namespace claimgraph::io::argdown::yaml {

bool Value::is_true() const noexcept {
  return kind == Kind::scalar && !quoted && (scalar == "true" || scalar == "True" || scalar == "TRUE");
}
bool Value::is_false() const noexcept {
  return kind == Kind::scalar && !quoted && (scalar == "false" || scalar == "False" || scalar == "FALSE");
}

namespace {

std::string_view trim_space(std::string_view s) { return trim(s, is_space); }

std::optional<std::uint32_t> hex(std::string_view s) {
  std::uint32_t v = 0;
  for (char c : s) {
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      v |= static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return v;
}

// The character a one-letter escape of a double-quoted scalar stands for
// (\n, \t, \N, ...), if it is one.
std::optional<char32_t> escaped_char(char e) {
  switch (e) {
    case '0': return U'\0';
    case 'a': return U'\a';
    case 'b': return U'\b';
    case 't':
    case '\t': return U'\t';
    case 'n': return U'\n';
    case 'v': return U'\v';
    case 'f': return U'\f';
    case 'r': return U'\r';
    case 'e': return 0x1B;
    case ' ': return U' ';
    case '"': return U'"';
    case '/': return U'/';
    case '\\': return U'\\';
    case 'N': return 0x85;
    case '_': return 0xA0;
    case 'L': return 0x2028;
    case 'P': return 0x2029;
    default: return std::nullopt;
  }
}

// Reads flow YAML from `s` (a mapping, a sequence or a scalar), keeping
// the position for messages.
class Flow {
 public:
  // `base`: where `s` starts in the text whose offsets values get.
  explicit Flow(std::string_view s, std::size_t base = 0) : s_(s), base_(base) {}

  std::string error;
  std::size_t error_at = 0;

  [[nodiscard]] std::size_t pos() const noexcept { return p_; }
  [[nodiscard]] bool at_end() const noexcept { return p_ >= s_.size(); }
  [[nodiscard]] char peek() const noexcept { return p_ < s_.size() ? s_[p_] : '\0'; }
  void advance() { ++p_; }

  void skip_space() {
    for (;;) {
      while (p_ < s_.size() && is_space(s_[p_])) ++p_;
      // a comment: '#' after a blank runs to the end of the line
      if (p_ < s_.size() && s_[p_] == '#' && (p_ == 0 || is_space(s_[p_ - 1]))) {
        while (p_ < s_.size() && s_[p_] != '\n') ++p_;
        continue;
      }
      return;
    }
  }

  bool fail(std::string message) {
    if (error.empty()) {
      error = std::move(message);
      error_at = p_;
    }
    return false;
  }

  // A quoted scalar at p_ ('...' or "...").
  bool quoted(std::string& out) {
    const char q = s_[p_];
    const std::size_t open = p_++;
    out.clear();
    for (;;) {
      if (p_ >= s_.size()) {
        p_ = open;
        return fail(std::string("a ") + (q == '"' ? "double" : "single") + "-quoted string is not closed");
      }
      const char c = s_[p_];
      if (c == q) {
        if (q == '\'' && p_ + 1 < s_.size() && s_[p_ + 1] == '\'') {
          out += '\'';
          p_ += 2;
          continue;
        }
        ++p_;
        return true;
      }
      if (c == '\n' || c == '\r') {
        fold(out);
        continue;
      }
      if (c == '\\' && q == '"') {
        if (!escape(out)) return false;
        continue;
      }
      out += c;
      ++p_;
    }
  }

  // A plain scalar, up to one of `stops` or ": "; folded over lines.
  std::string plain(std::string_view stops) {
    const std::size_t start = p_;
    while (p_ < s_.size()) {
      const char c = s_[p_];
      if (stops.find(c) != std::string_view::npos) break;
      if (c == ':' && (p_ + 1 >= s_.size() || is_space(s_[p_ + 1]) || stops.find(s_[p_ + 1]) != std::string_view::npos)) break;
      if (c == '#' && p_ > start && is_space(s_[p_ - 1])) break;
      ++p_;
    }
    std::string out;
    bool space = false;
    for (char c : trim_space(s_.substr(start, p_ - start))) {
      if (is_space(c)) {
        space = true;
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += c;
    }
    return out;
  }

  // Skips a nested collection at p_ ('[' or '{') without reading it.
  bool skip_collection() {
    int depth = 0;
    const std::size_t open = p_;
    while (p_ < s_.size()) {
      const char c = s_[p_];
      if (c == '"' || c == '\'') {
        std::string ignored;
        if (!quoted(ignored)) return false;
        continue;
      }
      if (c == '[' || c == '{') ++depth;
      if (c == ']' || c == '}') --depth;
      ++p_;
      if (depth == 0) return true;
    }
    p_ = open;
    return fail("a nested list or mapping is not closed");
  }

  // A value: a scalar, or (up to max_collection_depth) a sequence or a
  // mapping; collections nested deeper are skipped (Kind::other). An empty
  // plain scalar (null) is Kind::other too.
  bool value(Value& v, std::string_view stops, int depth = 0) {
    skip_space();
    v.offset = base_ + p_;
    const char c = peek();
    if ((c == '[' || c == '{') && depth > max_collection_depth) {
      v.kind = Value::Kind::other;
      return skip_collection();
    }
    if (c == '[') {
      v.kind = Value::Kind::sequence;
      ++p_;
      return sequence_body(v, depth);
    }
    if (c == '{') {
      v.kind = Value::Kind::mapping;
      ++p_;
      return mapping_body([&](std::string key, Flow& f) {
        f.skip_space();
        const bool collection = f.peek() == '[' || f.peek() == '{';
        Value inner;
        if (!f.value(inner, ",}", depth + 1)) return false;
        // an empty plain value is text here, as it always was
        if (inner.is_scalar() || !collection) v.entries.emplace_back(key, inner.scalar);
        v.members.push_back(Member{std::move(key), std::move(inner)});
        return true;
      });
    }
    if (c == '"' || c == '\'') {
      v.kind = Value::Kind::scalar;
      v.quoted = true;
      return quoted(v.scalar);
    }
    v.kind = Value::Kind::scalar;
    v.scalar = plain(stops);
    if (v.scalar.empty()) v.kind = Value::Kind::other;  // null
    return true;
  }

  // The items of a flow sequence after its '[', through its ']'.
  bool sequence_body(Value& v, int depth) {
    skip_space();
    if (peek() == ']') {
      ++p_;
      return true;
    }
    for (;;) {
      skip_space();
      const bool collection = peek() == '[' || peek() == '{';
      Value item;
      if (!value(item, ",]", depth + 1)) return false;
      if (item.is_scalar() || !collection) v.items.push_back(item.scalar);
      v.elements.push_back(std::move(item));
      const Next next = after_item(']');
      if (next == Next::closed) return true;
      if (next == Next::bad) return fail("expected ',' or ']' in a list");
    }
  }

  // The entries of a flow mapping after its '{', through its '}'.
  template <class OnEntry>
  bool mapping_body(OnEntry&& on_entry) {
    skip_space();
    if (peek() == '}') {
      ++p_;
      return true;
    }
    for (;;) {
      skip_space();
      std::string key;
      if (peek() == '"' || peek() == '\'') {
        if (!quoted(key)) return false;
      } else {
        key = plain(",}");
      }
      skip_space();
      if (peek() == ':') {
        ++p_;
        if (!on_entry(key, *this)) return false;
      } else if (key.empty()) {
        return fail("expected a key");
      }
      const Next next = after_item('}');
      if (next == Next::closed) return true;
      if (next == Next::item) continue;
      if (at_end()) return fail("the mapping is not closed with '}'");
      return fail(key.empty() ? std::string("expected ',' or '}'")
                              : "expected ',' or '}' after the value of " + detail::shown(key));
    }
  }

 private:
  // What follows an item of a flow collection.
  enum class Next : std::uint8_t { item, closed, bad };

  // After an item: ',' and another item (or `close` at once: a trailing
  // comma), or `close`, which is consumed.
  Next after_item(char close) {
    skip_space();
    if (peek() == ',') {
      ++p_;
      skip_space();
      if (peek() != close) return Next::item;
      ++p_;
      return Next::closed;
    }
    if (peek() != close) return Next::bad;
    ++p_;
    return Next::closed;
  }

  // A line break inside a quoted scalar folds to a space (an empty line
  // to a line break), with the blanks around it.
  void fold(std::string& out) {
    while (!out.empty() && is_blank(out.back())) out.pop_back();
    std::size_t breaks = 0;
    while (p_ < s_.size() && is_space(s_[p_])) {
      if (s_[p_] == '\n') ++breaks;
      ++p_;
    }
    out += breaks > 1 ? std::string(breaks - 1, '\n') : std::string(" ");
  }

  // An escape in a double-quoted scalar, at its backslash.
  bool escape(std::string& out) {
    const std::size_t start = p_;
    ++p_;
    if (p_ >= s_.size()) {
      p_ = start;
      return fail("a backslash ends the string");
    }
    const char e = s_[p_++];
    if (const auto c = escaped_char(e)) {
      detail::append_utf8(out, *c);
      return true;
    }
    if (e == '\n' || e == '\r') {
      // an escaped line break joins the lines
      while (p_ < s_.size() && is_space(s_[p_])) ++p_;
      return true;
    }
    const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (digits == 0) {
      p_ = start;
      return fail("unknown escape \\" + std::string(1, e) + " in a double-quoted string");
    }
    const auto code = p_ + digits <= s_.size() ? hex(s_.substr(p_, digits)) : std::nullopt;
    if (!code || *code > 0x10FFFF) {
      p_ = start;
      return fail("expected " + std::to_string(digits) + " hexadecimal digits after \\" + std::string(1, e));
    }
    p_ += digits;
    detail::append_utf8(out, *code);
    return true;
  }

  std::string_view s_;
  std::size_t base_ = 0;
  std::size_t p_ = 0;
};

struct Line {
  std::string_view text;  // without the line break
  std::size_t indent = 0;
  bool blank = false;
};

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  std::size_t p = 0;
  while (p <= text.size()) {
    std::size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(p, e - p);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    Line line{l, 0, false};
    while (line.indent < l.size() && l[line.indent] == ' ') ++line.indent;
    const std::string_view rest = trim_space(l);
    line.blank = rest.empty() || rest.front() == '#';
    lines.push_back(line);
    if (e == text.size()) break;
    p = e + 1;
  }
  return lines;
}

// Splits "key: rest" (the key plain or quoted); nothing when there is no key.
std::optional<std::pair<std::string, std::string_view>> key_of(std::string_view line) {
  line = trim_space(line);
  Flow f(line);
  std::string key;
  if (f.peek() == '"' || f.peek() == '\'') {
    if (!f.quoted(key)) return std::nullopt;
  } else {
    key = f.plain("");
  }
  f.skip_space();
  if (f.peek() != ':') return std::nullopt;
  f.advance();
  return std::make_pair(key, trim_space(line.substr(f.pos())));
}

// `first`, then lines [from, to), joined by line breaks.
std::string joined(std::string_view first, const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  std::string out(first);
  for (std::size_t k = from; k < to; ++k) {
    out += '\n';
    out += lines[k].text;
  }
  return out;
}

// A literal (`|`) or folded (`>`) block scalar: lines [from, to) without
// their common indentation, ending in one line break unless `header` says
// `-`.
std::string literal_or_folded(std::string_view header, const std::vector<Line>& lines, std::size_t from,
                              std::size_t to) {
  const bool literal = header.front() == '|';
  std::string out;
  std::size_t indent = std::string::npos;
  for (std::size_t k = from; k < to; ++k) {
    if (!trim_space(lines[k].text).empty()) indent = std::min(indent, lines[k].indent);
  }
  for (std::size_t k = from; k < to; ++k) {
    const std::string_view l = lines[k].text;
    const std::string_view body = indent == std::string::npos || l.size() < indent ? std::string_view() : l.substr(indent);
    if (!out.empty()) out += literal || body.empty() ? '\n' : ' ';
    out += body;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  if (header.find('-') == std::string_view::npos) out += '\n';
  return out;
}

// A scalar written after "key:" and on the more indented lines after it.
std::string block_scalar(std::string_view first, const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  if (!first.empty() && (first.front() == '|' || first.front() == '>')) {
    return literal_or_folded(first, lines, from, to);
  }
  const std::string text = joined(first, lines, from, to);
  Flow f(text);
  if (f.peek() == '"' || f.peek() == '\'') {
    std::string out;
    if (f.quoted(out)) return out;
    return std::string(trim_space(text));
  }
  return f.plain("");
}

// Where `at`, a view into the text parsed, stands in it; `base` is the
// start of that text.
std::size_t offset_of(std::string_view at, const char* base) { return static_cast<std::size_t>(at.data() - base); }

// `first` and the lines [from, to) after it, as one view of the text.
std::string_view through(std::string_view first, const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  if (to <= from) return first;
  const std::string_view last = lines[to - 1].text;
  return {first.data(), static_cast<std::size_t>(last.data() + last.size() - first.data())};
}

Value block_value(std::string_view rest, const std::vector<Line>& lines, std::size_t from, std::size_t to,
                  const char* base, int depth);

// The entries of a block mapping whose keys stand at column `inner` of the
// lines [from, to); `first`, unless empty, is an entry that starts the
// mapping after a list's dash, on the line before `from`.
void block_entries(Value& v, std::string_view first, const std::vector<Line>& lines, std::size_t from,
                   std::size_t to, std::size_t inner, const char* base, int depth) {
  v.kind = Value::Kind::mapping;
  // The entry written `text`, whose more indented lines start at `body`;
  // returns where the next one may start.
  const auto entry = [&](std::string_view text, std::size_t body) {
    std::size_t next = body;
    while (next < to && (lines[next].blank || lines[next].indent > inner)) ++next;
    if (auto kv = key_of(text)) {
      Value value = block_value(kv->second, lines, body, next, base, depth + 1);
      if (value.is_scalar()) v.entries.emplace_back(kv->first, value.scalar);
      v.members.push_back(Member{std::move(kv->first), std::move(value)});
    }
    return next;
  };
  std::size_t k = first.empty() ? from : entry(first, from);
  while (k < to) {
    std::size_t next = k + 1;
    while (next < to && (lines[next].blank || lines[next].indent > inner)) ++next;
    if (!lines[k].blank && lines[k].indent == inner) entry(lines[k].text, k + 1);
    k = next;
  }
}

// An item of a block list, written `rest` after its dash (at column
// `column` of its line), with its more indented lines [from, to): a
// mapping when it starts with `key:`, else as a value.
Value block_item(std::string_view rest, std::size_t column, const std::vector<Line>& lines, std::size_t from,
                 std::size_t to, const char* base, int depth) {
  const bool plain = !rest.empty() && std::string_view("#[{\"'|>").find(rest.front()) == std::string_view::npos;
  if (plain && depth <= max_collection_depth && key_of(rest)) {
    Value v;
    v.offset = offset_of(rest, base);
    block_entries(v, rest, lines, from, to, column, base, depth);
    return v;
  }
  return block_value(rest, lines, from, to, base, depth);
}

// The value of a key written alone on its line (`at` is where it would
// have stood): the more indented lines [from, to) after it, a list
// (`- item` lines) or a mapping.
Value nested_value(std::string_view at, const std::vector<Line>& lines, std::size_t from, std::size_t to,
                   const char* base, int depth) {
  Value v;
  v.offset = offset_of(at, base);
  std::size_t first = from;
  while (first < to && lines[first].blank) ++first;
  if (first >= to) return v;  // null
  v.offset = offset_of(trim_space(lines[first].text), base);
  if (depth > max_collection_depth) return v;
  if (trim_space(lines[first].text).front() != '-') {
    block_entries(v, {}, lines, first, to, lines[first].indent, base, depth);
    return v;
  }
  v.kind = Value::Kind::sequence;
  const std::size_t dash = lines[first].indent;
  std::size_t k = first;
  while (k < to) {
    std::size_t next = k + 1;
    while (next < to && (lines[next].blank || lines[next].indent > dash)) ++next;
    const std::string_view item = trim_space(lines[k].text);
    if (!lines[k].blank && item.front() == '-' && lines[k].indent == dash) {
      const std::string_view rest = trim_space(item.substr(1));
      const auto column = static_cast<std::size_t>(rest.data() - lines[k].text.data());
      Value element = block_item(rest, column, lines, k + 1, next, base, depth + 1);
      if (element.is_scalar()) v.items.push_back(element.scalar);
      v.elements.push_back(std::move(element));
    }
    k = next;
  }
  return v;
}

// The value of a key whose line goes on with `rest`, and whose more
// indented lines [from, to) follow; collections nested deeper than
// max_collection_depth are Kind::other.
Value block_value(std::string_view rest, const std::vector<Line>& lines, std::size_t from, std::size_t to,
                  const char* base, int depth) {
  if (rest.empty() || rest.front() == '#') return nested_value(rest, lines, from, to, base, depth);
  Value v;
  if (rest.front() == '[' || rest.front() == '{') {
    const std::string_view text = through(rest, lines, from, to);
    Flow f(text, offset_of(text, base));
    if (!f.value(v, "", depth)) v = Value{};
    v.offset = offset_of(rest, base);
    return v;
  }
  v.kind = Value::Kind::scalar;
  v.quoted = rest.front() == '"' || rest.front() == '\'';
  v.scalar = block_scalar(rest, lines, from, to);
  v.offset = offset_of(rest, base);
  return v;
}

// The `key: value` lines of `text` (front matter, or data in block
// format); offsets are from `base`.
Fields block_fields(std::string_view text, const char* base) {
  Fields fields;
  const std::vector<Line> lines = lines_of(text);
  std::size_t indent = std::string::npos;
  std::size_t i = 0;
  while (i < lines.size()) {
    const Line& line = lines[i];
    if (line.blank) {
      ++i;
      continue;
    }
    if (indent == std::string::npos) indent = line.indent;
    // The key's line and the more indented ones after it (without the
    // blank lines at the end).
    std::size_t j = i + 1;
    while (j < lines.size() && (lines[j].blank || lines[j].indent > indent)) ++j;
    std::size_t end = j;
    while (end > i + 1 && lines[end - 1].blank && trim_space(lines[end - 1].text).empty()) --end;
    if (const auto kv = line.indent == indent ? key_of(line.text) : std::nullopt) {
      fields.emplace_back(kv->first, block_value(kv->second, lines, i + 1, end, base, 0));
    }
    i = j;
  }
  return fields;
}

// How quote() writes the code point `cp`, unless as it is.
std::optional<std::string> escaped_in_quotes(char32_t cp) {
  static constexpr char digits[] = "0123456789ABCDEF";
  switch (cp) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\t': return "\\t";
    case '\r': return "\\r";
    case '}': return "\\x7D";
    case 0x85: return "\\N";
    case 0x2028: return "\\L";
    case 0x2029: return "\\P";
    case 0xFFFE: return "\\uFFFE";
    case 0xFFFF: return "\\uFFFF";
    default: break;
  }
  // C0 and C1 controls, which YAML readers refuse to see written out
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
    std::string out = "\\x";
    out += digits[cp >> 4];
    out += digits[cp & 0xF];
    return out;
  }
  return std::nullopt;
}

}  // namespace

DataResult parse_data(std::string_view block) {
  DataResult result;
  // `{` and a line break: block format, without the braces.
  std::size_t k = 1;
  while (k < block.size() && is_blank(block[k])) ++k;
  if (k < block.size() && (block[k] == '\n' || block[k] == '\r')) {
    std::string_view inner = block.substr(k);
    if (!inner.empty() && inner.back() == '}') inner.remove_suffix(1);
    result.fields = block_fields(inner, block.data());
    return result;
  }
  Flow f(block);
  f.advance();  // '{'
  const bool ok = f.mapping_body([&](std::string key, Flow& flow) {
    Value v;
    if (!flow.value(v, ",}")) return false;
    result.fields.emplace_back(std::move(key), std::move(v));
    return true;
  });
  if (ok) {
    f.skip_space();
    if (!f.at_end()) {
      f.fail("unexpected text after the closing '}'");
    } else {
      return result;
    }
  }
  result.ok = false;
  result.error = f.error;
  result.error_offset = f.error_at;
  result.fields.clear();
  return result;
}

Fields parse_block(std::string_view text) { return block_fields(text, text.data()); }

std::string quote(std::string_view text) {
  std::string out = "\"";
  int equals = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t cp = detail::decode_utf8(text, i);
    if (cp == '=' && ++equals == 3) {
      out += "\\x3D";
      equals = 0;
      continue;
    }
    if (cp != '=') equals = 0;
    if (const auto escaped = escaped_in_quotes(cp)) {
      out += *escaped;
    } else {
      out += text.substr(start, i - start);
    }
  }
  out += '"';
  return out;
}

}  // namespace claimgraph::io::argdown::yaml
