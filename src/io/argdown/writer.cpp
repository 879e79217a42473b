#include "claimgraph/io/argdown_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "detail/number.hpp"
#include "detail/text.hpp"
#include "io/argdown/lexer.hpp"
#include "io/argdown/text.hpp"
#include "io/argdown/yaml.hpp"

namespace claimgraph::io::argdown {

namespace {

// `text` with every byte that is not UTF-8 written as U+FFFD: an Argdown
// file is UTF-8 text.
std::string utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t cp = detail::decode_utf8(text, i);
    if (cp == detail::replacement_character && i == start + 1) {
      out += "\uFFFD";
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

// `s` with `instead` in place of the '@' of each "@include(": Argdown's
// command-line tool replaces "@include(FILE)" anywhere in the text, before
// it reads anything, so the writer never writes that sequence.
std::string break_includes(std::string_view s, std::string_view instead) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = s.find(include_call); at != std::string_view::npos; at = s.find(include_call, from)) {
    out.append(s.substr(from, at - from));
    out.append(instead);
    from = at + 1;
  }
  out.append(s.substr(from));
  return out;
}

std::string quote(std::string_view text) { return break_includes(yaml::quote(utf8(text)), "\\x40"); }

// Line breaks become spaces: an Argdown statement is one paragraph.
std::string one_line(std::string_view raw) {
  std::string s;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const char c = raw[k];
    if (c == '\n' && k > 0 && raw[k - 1] == '\r') continue;  // one line break, one space
    s += c == '\n' || c == '\r' ? ' ' : c;
  }
  return s;
}

// What the character before was, as far as escaping goes.
enum class Last : std::uint8_t { none, plain, escape, control };

// Whether the character s[start, end) must be escaped (see escape()).
bool must_escape(std::string_view s, std::size_t start, std::size_t end, Last last) {
  const char c = s[start];
  const char next = end < s.size() ? s[end] : '\0';
  const bool next_space = end >= s.size() || [&] {
    std::size_t k = end;
    return is_js_space(detail::decode_utf8(s, k));
  }();
  if (std::string_view("\\#*_[{<").find(c) != std::string_view::npos) return true;
  if ((c == '.' || c == ':') && !next_space) return true;
  if (c == '/' && (next == '/' || next == '*')) return true;
  if (c == '=' && last != Last::plain && s.compare(start, 3, "===") == 0) return true;
  if (is_control_char(c) && end + 1 < s.size() && is_blank(s[end]) && is_blank(s[end + 1])) return true;
  if (c == '\t' && last == Last::escape) return true;
  // "@\include(": not a call to include a file
  return start > 0 && s[start - 1] == '@' && s.compare(start, include_call.size() - 1, include_call.substr(1)) == 0;
}

// Text as Argdown reads it back into the same characters (see
// docs/argdown.md). A backslash escapes any character, and the escape
// takes the spaces after it along, so:
//  - '\', '#', '*', '_', '[', '{' and '<' are always escaped (escapes,
//    tags, bold and italic, titles and links, data, comments and
//    arguments);
//  - '.' and ':' before a character that is not white space (they could
//    open a shortcode such as .~.), '/' before '/' or '*' (a comment), and
//    the first '=' of "===" after anything but plain text (front matter);
//  - any other punctuation Argdown treats specially (`,`, `)`, ...) when two
//    blanks follow it, which Argdown would otherwise shorten to one;
//  - a tab after an escape, which the escape would not take along.
// Line breaks become spaces: an Argdown statement is one paragraph.
std::string escape(std::string_view text) {
  const std::string s = one_line(utf8(text));
  Last last = Last::none;
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const std::size_t start = i;
    detail::decode_utf8(s, i);
    const std::string_view ch(s.data() + start, i - start);
    if (must_escape(s, start, i, last)) {
      out += '\\';
      last = Last::escape;
    } else if (is_control_char(c)) {
      last = Last::control;
    } else if (is_blank(c)) {
      // taken along by the escape or the punctuation before, or part of text
      if (last == Last::control) last = Last::none;
    } else {
      last = Last::plain;
    }
    out += ch;
  }
  return out;
}

// An id that Argdown reads back as the same title: one line, no ']', not
// starting with '-'.
bool usable_title(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.find(']') != std::string_view::npos) return false;
  return id.find(include_call) == std::string_view::npos && !has_line_terminator(id);
}

std::string close_title(std::string_view id) {
  std::string t;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (const std::size_t n = line_terminator(id, i)) {
      t += ' ';
      i += n - 1;
    } else {
      t += id[i] == ']' ? ')' : id[i];
    }
  }
  if (t.empty() || t.front() == '-') t.insert(t.begin(), '_');
  return break_includes(t, "@_");
}

bool hashtag_char_only(std::string_view tag) {
  std::size_t i = 0;
  while (i < tag.size()) {
    if (!is_tag_char(detail::decode_utf8(tag, i))) return false;
  }
  return !tag.empty();
}

// How a tag is written in the text, or nothing when it cannot be.
std::string hashtag(const std::string& raw) {
  const std::string tag = utf8(raw);
  if (tag.find(include_call) != std::string::npos) return {};
  if (hashtag_char_only(tag)) return "#" + tag;
  if (!tag.empty() && tag.find(')') == std::string::npos) return "#(" + tag + ")";
  return {};
}

class Writer {
 public:
  Writer(std::ostream& out, const Graph& g) : out_(out), g_(g) {}

  void run() {
    titles();
    lines_below();
    front_matter();
    bool first = !wrote_front_matter_;
    // Nodes without a group come first: after a heading, every statement
    // belongs to it. Then the others in the graph's order, with a heading
    // wherever the group changes (a group may have several).
    const auto group_of = [&](Graph::NodeRef v) -> const std::string* {
      const auto& group = g_.node(v).group;
      if (!group || escape(*group).find_first_not_of(' ') == std::string::npos) return nullptr;
      return &*group;
    };
    for (Graph::NodeRef v = 0; v < g_.node_count(); ++v) {
      if (!group_of(v)) statement(v, first);
    }
    const std::string* current = nullptr;
    for (Graph::NodeRef v = 0; v < g_.node_count(); ++v) {
      const std::string* group = group_of(v);
      if (!group) continue;
      if (!current || *current != *group) {
        separate(first);
        out_ << "# " << escape(*group) << '\n';
        current = group;
      }
      statement(v, first);
    }
    if (g_.node_count() == 0) {
      // Argdown needs one block at least.
      separate(first);
      out_ << "# " << escape(g_.title.value_or("No claims")) << '\n';
    }
  }

 private:
  void separate(bool& first) {
    if (!first) out_ << '\n';
    first = false;
  }

  void titles() {
    std::unordered_set<std::string> taken;
    for (Graph::NodeRef v = 0; v < g_.node_count(); ++v) {
      if (usable_title(g_.id(v))) taken.emplace(g_.id(v));
    }
    titles_.resize(g_.node_count());
    for (Graph::NodeRef v = 0; v < g_.node_count(); ++v) {
      const std::string id = utf8(g_.id(v));
      if (usable_title(id) && id == g_.id(v)) {
        titles_[v] = id;
        continue;
      }
      std::string t = close_title(id);
      const std::string base = t;
      for (std::size_t n = 2; taken.contains(t); ++n) {
        t = base + " (";
        t += std::to_string(n);
        t += ')';
      }
      taken.insert(t);
      titles_[v] = std::move(t);
    }
  }

  // The relation lines below each node: the edges into it, and the
  // undercuts of the supports edges out of it.
  void lines_below() {
    below_.resize(g_.node_count());
    elements_.resize(g_.node_count());
    const auto edges = g_.edges();
    for (std::size_t i = 0; i < edges.size(); ++i) {
      const auto e = edges[i];
      const Edge& p = g_.edge(e);
      const Graph::NodeRef from = g_.source(e);
      const Graph::NodeRef to = g_.target(e);
      switch (p.relation) {
        case Relation::supports: add_line(to, "<+ [" + titles_[from] + "]"); break;
        case Relation::contradicts: add_line(to, "<- [" + titles_[from] + "]"); break;
        case Relation::element_of:
          add_line(to, "<+ [" + titles_[from] + "]");
          elements_[to].push_back(titles_[from]);
          break;
        case Relation::undercuts:
          if (p.undercut < edges.size()) add_line(g_.source(edges[p.undercut]), "<_ [" + titles_[from] + "]");
          break;
      }
    }
  }
  void add_line(Graph::NodeRef v, std::string line) {
    for (const auto& l : below_[v]) {
      if (l == line) return;
    }
    below_[v].push_back(std::move(line));
  }

  void front_matter() {
    if (!g_.title && !g_.description) return;
    out_ << "===\n";
    if (g_.title) out_ << "title: " << quote(*g_.title) << '\n';
    if (g_.description) out_ << "description: " << quote(*g_.description) << '\n';
    out_ << "===\n";
    wrote_front_matter_ = true;
  }

  void statement(Graph::NodeRef v, bool& first) {
    separate(first);
    const Node& n = g_.node(v);
    out_ << '[' << titles_[v] << "]: " << escape(n.label);
    // The tags go in the text when every one can, else all in the data.
    bool tags_in_text = true;
    if (n.tags) {
      for (const auto& t : *n.tags) tags_in_text = tags_in_text && !hashtag(t).empty();
      if (tags_in_text) {
        for (const auto& t : *n.tags) out_ << ' ' << hashtag(t);
      }
    }
    const std::vector<std::string> data = data_of(v, tags_in_text);
    if (!data.empty()) {
      out_ << " {";
      for (std::size_t k = 0; k < data.size(); ++k) out_ << (k ? ", " : "") << data[k];
      out_ << '}';
    }
    out_ << '\n';
    for (const auto& line : below_[v]) out_ << "    " << line << '\n';
  }

  // The `key: value` entries of node v's data block: what Argdown has no
  // syntax for.
  [[nodiscard]] std::vector<std::string> data_of(Graph::NodeRef v, bool tags_in_text) const {
    const Node& n = g_.node(v);
    const auto& tags = n.tags;
    std::vector<std::string> data;
    const bool kind_tag = tags && std::any_of(tags->begin(), tags->end(), [](const std::string& t) {
                            return t == "claim" || t == "evidence" || t == "counterclaim";
                          });
    if (n.kind != NodeKind::claim || kind_tag) data.push_back("kind: " + std::string(to_string(n.kind)));
    if (titles_[v] != g_.id(v)) data.push_back("id: " + quote(g_.id(v)));
    if (n.text) data.push_back("text: " + quote(*n.text));
    if (n.party) data.push_back("party: " + quote(*n.party));
    if (n.source) data.push_back("source: " + quote(*n.source));
    if (!n.cite.empty()) data.push_back("cite: " + citations(n.cite));
    if (n.weight) {
      std::string weight = "weight: ";
      detail::append_number(weight, *n.weight);
      data.push_back(std::move(weight));
    }
    if (n.standard) data.push_back("standard: " + std::string(to_string(*n.standard)));
    if (n.burden) data.push_back("burden: " + quote(*n.burden));
    if (n.test) data.push_back("test: " + std::string(to_string(*n.test)));
    if (n.scheme) data.push_back("scheme: " + quote(*n.scheme));
    if (tags && !tags_in_text) data.push_back("tags: " + list(*tags));
    if (n.privileged) data.push_back("privileged: true");
    if (!elements_[v].empty()) data.push_back("elements: " + list(elements_[v]));
    return data;
  }

  // Citations as the case file has them, in YAML's flow style: one
  // mapping, or a list of them. Their unknown fields, like a node's, have
  // no place in Argdown.
  static std::string citations(const std::vector<Citation>& cites) {
    std::string s;
    if (cites.size() > 1) s += '[';
    for (std::size_t k = 0; k < cites.size(); ++k) {
      if (k) s += ", ";
      const Citation& c = cites[k];
      s += '{';
      bool first = true;
      const auto field = [&](std::string_view key, const std::optional<std::string>& value) {
        if (!value) return;
        if (!first) s += ", ";
        first = false;
        s += key;
        s += ": ";
        s += quote(*value);
      };
      field("document", c.document);
      field("exhibit", c.exhibit);
      field("bates", c.bates);
      field("pin", c.pin);
      field("date", c.date);
      field("quote", c.quote);
      field("authority", c.authority);
      field("url", c.url);
      s += '}';
    }
    if (cites.size() > 1) s += ']';
    return s;
  }

  static std::string list(const std::vector<std::string>& items) {
    std::string s = "[";
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (k) s += ", ";
      s += quote(items[k]);
    }
    return s + "]";
  }

  std::ostream& out_;
  const Graph& g_;
  std::vector<std::string> titles_;
  std::vector<std::vector<std::string>> below_;
  std::vector<std::vector<std::string>> elements_;
  bool wrote_front_matter_ = false;
};

}  // namespace

}  // namespace claimgraph::io::argdown

namespace claimgraph::io {

void write_argdown(std::ostream& out, const Graph& graph) { argdown::Writer(out, graph).run(); }

}  // namespace claimgraph::io
