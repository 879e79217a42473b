#include "detail/text.hpp"

#include <algorithm>
#include <vector>

namespace claimgraph::detail {

char32_t decode_utf8(std::string_view s, std::size_t& i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    ++i;
    return replacement_character;
  }
  if (i + len > s.size()) {
    ++i;
    return replacement_character;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return replacement_character;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return replacement_character;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t utf8_length(std::string_view s) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    decode_utf8(s, i);
    ++n;
  }
  return n;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

namespace {

// The words a lawyer types for a name claimgraph spells otherwise, folded
// (see fold_name). A synonym is offered only where its meaning is one of
// the names looked up, so "exhibit" suggests "evidence" for a kind and
// nothing for a node id; a word may mean one name among relations and
// another among kinds.
constexpr std::pair<std::string_view, std::string_view> synonym_table[] = {
    // relations
    {"attacks", "contradicts"},
    {"attack", "contradicts"},
    {"rebuts", "contradicts"},
    {"rebut", "contradicts"},
    {"refutes", "contradicts"},
    {"disputes", "contradicts"},
    {"opposes", "contradicts"},
    {"against", "contradicts"},
    {"conflicts", "contradicts"},
    {"proves", "supports"},
    {"corroborates", "supports"},
    {"confirms", "supports"},
    {"evidences", "supports"},
    {"for", "supports"},
    {"undermines", "undercuts"},
    {"defeats", "undercuts"},
    {"partof", "element-of"},
    {"elementof", "element-of"},
    {"requires", "element-of"},
    {"element", "element-of"},
    {"element", "claim"},  // as a kind: an element is a claim joined by element-of
    // kinds
    {"defence", "counterclaim"},
    {"defense", "counterclaim"},
    {"affirmativedefence", "counterclaim"},
    {"affirmativedefense", "counterclaim"},
    {"rebuttal", "counterclaim"},
    {"objection", "counterclaim"},
    {"fact", "evidence"},
    {"facts", "evidence"},
    {"exhibit", "evidence"},
    {"document", "evidence"},
    {"testimony", "evidence"},
    {"proof", "evidence"},
    {"record", "evidence"},
    {"allegation", "claim"},
    {"causeofaction", "claim"},
    {"count", "claim"},
    {"theory", "claim"},
    {"issue", "claim"},
    {"premise", "claim"},
    {"conclusion", "claim"},
    // semantics
    {"sceptical", "grounded"},
    {"skeptical", "grounded"},
    {"credulous", "preferred"},
};

// Case, spaces and punctuation dropped: how two spellings of one name meet.
void fold_name(std::string_view s, std::string& out) {
  out.clear();
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    }
  }
}

}  // namespace

std::optional<std::string> nearest(std::string_view word, std::span<const std::string_view> candidates) {
  std::string w, c;
  fold_name(word, w);
  // 1. The same name, spelt with other case or punctuation ("Fair-Use").
  if (!w.empty()) {
    for (auto candidate : candidates) {
      fold_name(candidate, c);
      if (c == w && candidate != word) return std::string(candidate);
    }
  }
  // 2. A synonym whose meaning is among the candidates ("attacks").
  for (const auto& [synonym, meaning] : synonym_table) {
    if (synonym != w) continue;
    if (std::find(candidates.begin(), candidates.end(), meaning) != candidates.end()) return std::string(meaning);
  }
  // 3. A typo: an edit distance of about a third of the word's length.
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (auto candidate : candidates) {
    const std::size_t length_gap =
        candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
    if (length_gap >= best_distance) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  if (best) return best;
  // 4. Part of one name and of no other ("antitrust" for "parler_antitrust").
  if (auto only = containing(word, candidates)) return std::string(candidates[*only]);
  return std::nullopt;
}

std::optional<std::size_t> containing(std::string_view word, std::span<const std::string_view> candidates) {
  const auto found = containing_all(word, candidates, 2);
  if (found.size() != 1) return std::nullopt;
  return found.front();
}

std::vector<std::size_t> containing_all(std::string_view word, std::span<const std::string_view> candidates,
                                        std::size_t limit, std::size_t* count) {
  std::vector<std::size_t> found;
  if (count != nullptr) *count = 0;
  std::string w, c;
  fold_name(word, w);
  if (w.size() < 4) return found;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    fold_name(candidates[i], c);
    if (c.find(w) == std::string::npos) continue;
    if (count != nullptr) ++*count;
    if (found.size() < limit) {
      found.push_back(i);
    } else if (count == nullptr) {
      break;
    }
  }
  return found;
}

std::pair<std::size_t, std::size_t> LineIndex::locate(std::size_t offset) {
  if (starts_.empty()) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') starts_.push_back(i + 1);
    }
  }
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - starts_.begin());
  const std::size_t start = starts_[line - 1];
  return {line, utf8_length(text_.substr(start, offset - start)) + 1};
}

std::string shown(std::string_view s) {
  std::string out = "\"";
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (++count > 60) {
      out += "…";
      break;
    }
    const std::size_t begin = i;
    const char32_t cp = decode_utf8(s, i);
    if (cp < 0x20 || cp == 0x7F) {
      static constexpr char hex[] = "0123456789ABCDEF";
      out += "\\u00";
      out += hex[(cp >> 4) & 0xF];
      out += hex[cp & 0xF];
    } else if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else {
      out.append(s.substr(begin, i - begin));
    }
  }
  out += '"';
  return out;
}

std::string plain(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto printable_ascii = [](char c) { return c >= 0x20 && c < 0x7F; };
  for (std::size_t i = 0; i < s.size();) {
    // Printable ASCII, most of any label, is copied a run at a time; only
    // the rest is decoded (a report's labels are mostly such runs).
    std::size_t end = i;
    while (end < s.size() && printable_ascii(s[end])) ++end;
    out.append(s.substr(i, end - i));
    i = end;
    if (i == s.size()) break;
    const char32_t cp = decode_utf8(s, i);
    append_utf8(out, cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ? U' ' : cp);
  }
  return out;
}

std::string quoted_list(std::span<const std::string_view> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += (i + 1 == words.size()) ? " or " : ", ";
    out += '"';
    out += words[i];
    out += '"';
  }
  return out;
}

std::string scope_text(std::span<const std::string> criteria) {
  std::string out;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    if (i > 0) out += "; ";
    out += criteria[i];
  }
  return out;
}

ScopeLead scope_lead(std::size_t criteria) {
  if (criteria == 1) return {"Part of the case", ":", " "};
  return {"Part of the case", ",", " what meets all of these: "};
}

std::string ScopeLead::set(std::string_view open, std::string_view close) const {
  std::string out(open);
  out += head;
  out += mark;
  out += close;
  out += rest;
  return out;
}

}  // namespace claimgraph::detail
