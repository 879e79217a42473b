#include "detail/svg.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <vector>

#include "detail/escape.hpp"
#include "detail/text.hpp"

namespace claimgraph::detail {

namespace {

// What Graphviz's SVG renderer draws with.
constexpr std::array<std::string_view, 17> allowed_elements{
    "a",    "circle", "defs",  "ellipse", "g",    "line", "linearGradient", "path", "polygon",
    "polyline", "radialGradient", "rect", "stop", "svg", "text", "title", "tspan"};

// Geometry and presentation; "id", "class" and "xlink:title" are text.
constexpr std::array<std::string_view, 45> allowed_attributes{
    "baseline-shift", "class", "cx", "cy", "d", "fill", "fill-opacity", "font-family", "font-size", "font-style",
    "font-weight", "fx", "fy", "gradientTransform", "gradientUnits", "height", "id", "offset", "opacity", "points",
    "preserveAspectRatio", "r", "rx", "ry", "stop-color", "stop-opacity", "stroke", "stroke-dasharray",
    "stroke-linecap", "stroke-linejoin", "stroke-opacity", "stroke-width", "style", "text-anchor", "text-decoration",
    "transform", "viewBox", "width", "x", "x1", "x2", "xlink:title", "y", "y1", "y2"};

template <std::size_t N>
bool listed(std::string_view name, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Decodes XML character references and the five predefined entities;
// anything else that starts with & is kept as written.
std::string decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      out += s[i++];
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp") {
      out += '&';
    } else if (name == "lt") {
      out += '<';
    } else if (name == "gt") {
      out += '>';
    } else if (name == "quot") {
      out += '"';
    } else if (name == "apos") {
      out += '\'';
    } else if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      char32_t cp = 0;
      bool ok = !digits.empty();
      for (char c : digits) {
        unsigned d = 0;
        if (c >= '0' && c <= '9') {
          d = static_cast<unsigned>(c - '0');
        } else if (hex && lower(c) >= 'a' && lower(c) <= 'f') {
          d = static_cast<unsigned>(lower(c) - 'a' + 10);
        } else {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16u : 10u) + d;
        if (cp > 0x10FFFF) ok = false;
        if (!ok) break;
      }
      if (!ok) {
        out += s[i++];
        continue;
      }
      if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_character;
      append_utf8(out, cp);
    } else {
      out += s[i++];
      continue;
    }
    i = semi + 1;
  }
  return out;
}

// Whether a decoded presentation value is plain data: no CSS escape, and
// every url() a reference to something in the same drawing.
bool safe_presentation(std::string_view attribute, std::string_view value) {
  if (value.find('\\') != std::string_view::npos) return false;
  std::string low(value);
  for (auto& c : low) c = lower(c);
  for (std::size_t at = low.find("url("); at != std::string::npos; at = low.find("url(", at + 4)) {
    std::size_t k = at + 4;
    while (k < low.size() && is_space(low[k])) ++k;
    if (k >= low.size() || low[k] != '#') return false;
  }
  if (attribute == "style") {
    // Graphviz writes "stop-color:#xxxxxx;stop-opacity:1.;" and the like.
    for (char c : low) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '#' || c == ':' ||
                      c == ';' || c == '.' || c == ',' || c == '%' || c == '-' || c == '(' || c == ')';
      if (!ok) return false;
    }
  }
  return true;
}

bool allowed_attribute(std::string_view name, std::string_view value) {
  if (!listed(name, allowed_attributes)) return false;
  if (name == "id") return value.substr(0, 3) != "cg-";
  if (name == "class" || name == "xlink:title") return true;
  return safe_presentation(name, value);
}

struct Attribute {
  std::string_view name;
  std::string value;  // decoded
};

// A tag as read: <name attributes> or </name>.
struct Tag {
  std::string_view name;
  std::vector<Attribute> attributes;
  bool closing = false;
  bool self_closing = false;
};

// Reads the tag that starts at s[i] == '<'; leaves i after its '>'.
Tag read_tag(std::string_view s, std::size_t& i) {
  Tag tag;
  ++i;
  if (i < s.size() && s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_begin = i;
  while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
  tag.name = s.substr(name_begin, i - name_begin);
  for (;;) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) return tag;
    if (s[i] == '>') {
      ++i;
      return tag;
    }
    if (s[i] == '/') {
      ++i;
      if (i < s.size() && s[i] == '>') {
        tag.self_closing = true;
        ++i;
        return tag;
      }
      continue;
    }
    const std::size_t attr_begin = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    Attribute attribute{s.substr(attr_begin, i - attr_begin), {}};
    while (i < s.size() && is_space(s[i])) ++i;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      std::string_view raw;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        const char quote = s[i++];
        std::size_t end = s.find(quote, i);
        if (end == std::string_view::npos) end = s.size();
        raw = s.substr(i, end - i);
        i = std::min(end + 1, s.size());
      } else {
        const std::size_t begin = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
        raw = s.substr(begin, i - begin);
      }
      attribute.value = decode(raw);
    }
    if (!attribute.name.empty()) tag.attributes.push_back(std::move(attribute));
  }
}

// Index just past `end` searched from `from`, or the end of `s`.
std::size_t skip_past(std::string_view s, std::size_t from, std::string_view end) {
  const std::size_t at = s.find(end, from);
  return at == std::string_view::npos ? s.size() : at + end.size();
}

// Index just past a <!DOCTYPE ...> or other <!...> declaration at s[i],
// quoted strings and an internal subset in [...] included.
std::size_t skip_declaration(std::string_view s, std::size_t i) {
  int brackets = 0;
  for (i += 2; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"' || c == '\'') {
      const std::size_t end = s.find(c, i + 1);
      if (end == std::string_view::npos) return s.size();
      i = end;
    } else if (c == '[') {
      ++brackets;
    } else if (c == ']') {
      if (brackets > 0) --brackets;
    } else if (c == '>' && brackets == 0) {
      return i + 1;
    }
  }
  return s.size();
}

}  // namespace

void append_inline_svg(std::string& out, std::string_view s) {
  std::vector<std::string_view> open;     // the elements written and not yet closed
  std::vector<std::string_view> skipped;  // the elements being left out, with what they contain
  auto close_to = [&](std::size_t depth) {
    while (open.size() > depth) {
      out += "</";
      out += open.back();
      out += '>';
      open.pop_back();
    }
  };
  auto text = [&](std::string_view raw, bool decoded) {
    if (!skipped.empty() || open.empty()) return;  // nothing outside the root element
    append_html_text(out, decoded ? std::string(raw) : decode(raw));
  };
  bool started = false;
  std::size_t i = 0;
  while (i < s.size()) {
    if (started && open.empty()) break;  // the root element has ended
    if (s[i] != '<') {
      std::size_t end = s.find('<', i);
      if (end == std::string_view::npos) end = s.size();
      text(s.substr(i, end - i), false);
      i = end;
      continue;
    }
    const std::string_view rest = s.substr(i);
    const std::size_t name_at = rest.size() > 1 && rest[1] == '/' ? 2 : 1;
    if (rest.starts_with("<!--")) {
      i = skip_past(s, i + 4, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      const std::size_t end = std::min(s.find("]]>", i + 9), s.size());
      text(s.substr(i + 9, end - i - 9), true);
      i = std::min(end + 3, s.size());
    } else if (rest.starts_with("<?")) {
      i = skip_past(s, i + 2, "?>");
    } else if (rest.starts_with("<!")) {
      i = skip_declaration(s, i);
    } else if (name_at >= rest.size() || !is_letter(rest[name_at])) {
      text("<", true);  // not a tag: a stray '<' in text
      ++i;
    } else {
      const Tag tag = read_tag(s, i);
      if (tag.closing) {
        // Closes an element left out, else one written (and all it holds);
        // an end tag that matches nothing open is ignored.
        const auto k = std::find(skipped.rbegin(), skipped.rend(), tag.name);
        if (k != skipped.rend()) {
          skipped.erase(std::next(k).base(), skipped.end());
          continue;
        }
        const auto j = std::find(open.rbegin(), open.rend(), tag.name);
        if (j != open.rend()) {
          skipped.clear();
          close_to(static_cast<std::size_t>(open.rend() - j) - 1);
        }
        continue;
      }
      const bool allowed = skipped.empty() && (open.empty() ? (!started && tag.name == "svg")
                                                            : (listed(tag.name, allowed_elements) &&
                                                               open.back() != "title"));
      if (!allowed) {
        if (!tag.self_closing) skipped.push_back(tag.name);
        continue;
      }
      started = true;
      out += '<';
      out += tag.name;
      for (const auto& a : tag.attributes) {
        if (!allowed_attribute(a.name, a.value)) continue;
        out += ' ';
        out += a.name;
        out += "=\"";
        append_html_text(out, a.value);
        out += '"';
      }
      if (tag.self_closing) {
        out += "/>";
      } else {
        out += '>';
        open.push_back(tag.name);
      }
    }
  }
  close_to(0);
}

}  // namespace claimgraph::detail
