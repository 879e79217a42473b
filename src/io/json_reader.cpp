#include "claimgraph/io/json_reader.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <deque>
#include <cctype>
#include <array>
#include <cstdint>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "detail/json_parser.hpp"
#include "detail/text.hpp"

using claimgraph::detail::LineIndex;
using claimgraph::detail::shown;

namespace claimgraph::io {

namespace {

// A value kept verbatim for export (an unknown field), in canonical form:
// compact, with numbers as nlohmann/json writes them. A number beyond the
// range of a double (1e999) is valid JSON that nlohmann/json refuses; then
// the value is kept exactly as written, so that nothing is lost.
std::string canonical(std::string_view raw) {
  try {
    return nlohmann::json::parse(raw).dump();
  } catch (const nlohmann::json::exception&) {
    return std::string(raw);
  }
}

using nlohmann::json;

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

enum class Ctx : std::uint8_t { top, nodes, node, tags, edges, edge };

// What the next value is expected to be, derived from where it stands.
enum class Slot : std::uint8_t {
  root,          // the whole document: an object
  version,       // "claimgraph": 1
  top_string,    // "title", "description"
  nodes,         // "nodes": [...]
  edges,         // "edges": [...]
  node,          // an element of "nodes"
  node_string,   // a known string field of a node
  node_weight,   // "weight": a number in [0, 1]
  tags,          // "tags": [...]
  tag,           // an element of "tags"
  edge,          // an element of "edges"
  edge_string,   // a known string field of an edge
  extra,         // a field this build does not know: kept verbatim
};

enum class TopField : std::uint8_t { version, title, description, nodes, edges, schema, count };
enum class NodeField : std::uint8_t { id, kind, label, text, party, group, source, tags, weight, standard, burden, count };
enum class EdgeField : std::uint8_t { from, to, relation, id, count };

constexpr std::array<std::string_view, 6> top_names{"claimgraph", "title", "description", "nodes", "edges", "$schema"};
constexpr std::array<std::string_view, 11> node_names{"id",    "kind", "label",  "text",     "party", "group",
                                                     "source", "tags", "weight", "standard", "burden"};
constexpr std::array<std::string_view, 4> edge_names{"from", "to", "relation", "id"};

template <std::size_t N>
std::optional<std::size_t> field_index(const std::array<std::string_view, N>& names, std::string_view key) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == key) return i;
  }
  return std::nullopt;
}

struct Frame {
  Ctx ctx;
  bool array;
  std::size_t index = 0;       // arrays: index of the current element
  std::string key;             // objects: the current key
  std::size_t key_offset = 0;  // objects: where the current key starts
  std::size_t start = 0;       // where this object or array starts
  std::uint32_t seen = 0;      // objects: known fields seen so far (bit per field)
};

struct PendingNode {
  Node node;
  bool bad = false;
  std::size_t id_offset = 0;
};

struct PendingEdge {
  // Endpoints are resolved in one batch at the end; until then they are
  // views into the input (or into the reader's store of unescaped strings).
  std::string_view from;
  std::string_view to;
  std::string_view id;  // empty when the edge has none
  std::size_t id_offset = 0;
  Relation relation = Relation::supports;
  bool bad = false;
  std::size_t start = 0;
  std::size_t from_offset = 0;
  std::size_t to_offset = 0;
  std::size_t index = 0;
  Attributes extra;
};

struct TooManyErrors {};

class Reader {
 public:
  Reader(std::string_view text, const ReadOptions& options) : text_(text), options_(options), lines_(text) {}

  ReadResult run();

  // --- events from detail::JsonParser, each with the offset where its token starts ---
  bool null(std::size_t at) { return scalar(Scalar::null, "null", at); }
  bool boolean(bool v, std::size_t at) { return scalar(Scalar::boolean, v ? "true" : "false", at); }
  bool number(std::string_view raw, std::size_t at) { return scalar(Scalar::number, raw, at); }
  bool string(std::string_view v, std::size_t at);
  bool key(std::string_view k, std::size_t at);
  bool start_object(std::size_t at) { return start(false, at); }
  bool start_array(std::size_t at) { return start(true, at); }
  bool end_object(std::size_t at) { return end(at); }
  bool end_array(std::size_t at) { return end(at); }

 private:
  enum class Scalar : std::uint8_t { null, boolean, number };

  std::string pointer(std::size_t depth) const;
  std::string value_pointer() const { return pointer(stack_.size()); }
  std::string location_of(std::size_t offset);

  void report(Severity severity, std::size_t offset, std::string pointer, std::string message,
              std::optional<Limit> limit = std::nullopt);
  void error(std::size_t offset, std::string pointer, std::string message, std::optional<Limit> limit = std::nullopt) {
    report(Severity::error, offset, std::move(pointer), std::move(message), limit);
  }
  void warn_unknown(std::size_t offset, std::string_view key, std::span<const std::string_view> known);

  Slot slot() const;
  bool scalar(Scalar kind, std::string_view raw, std::size_t at);
  bool start(bool array, std::size_t at);
  bool end(std::size_t at);
  void value_done() {
    if (!stack_.empty() && stack_.back().array) ++stack_.back().index;
  }
  void type_error(Slot expected, std::size_t offset, const char* got);
  void begin_skip(bool capture, std::size_t offset);
  void keep_extra(std::string key, std::string json_text);
  Attributes* extra_target();
  bool check_string(std::string_view value, std::size_t offset);

  // A view of `v` that lives until the end of reading: into the input when
  // the string had no escapes (the parser hands out such views), else into
  // a copy the reader keeps.
  std::string_view stable(std::string_view v) {
    if (v.data() >= text_.data() && v.data() + v.size() <= text_.data() + text_.size()) return v;
    return unescaped_.emplace_back(v);
  }
  void node_string(std::string& value, std::size_t offset);
  void edge_string(std::string_view value, std::size_t offset);
  void finish_node(const Frame& frame);
  void finish_edge(const Frame& frame);
  void finish_top(const Frame& frame);
  void resolve_edges();

  std::string_view text_;
  const ReadOptions& options_;
  LineIndex lines_;

  std::vector<Frame> stack_;
  std::size_t skip_depth_ = 0;  // > 0 while skipping or capturing a compound value
  bool capturing_ = false;
  std::size_t capture_start_ = 0;
  std::string capture_key_;

  Graph graph_;
  std::vector<std::size_t> id_offsets_;  // per vertex: where its id is written
  PendingNode node_;
  PendingEdge edge_;
  std::vector<PendingEdge> edges_;
  std::deque<std::string> unescaped_;  // edge ends that had escapes, kept for resolve_edges
  bool has_nodes_ = false;

  struct Entry {
    std::size_t offset;
    Diagnostic diagnostic;
  };
  std::vector<Entry> diagnostics_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::size_t suppressed_warnings_ = 0;
  bool structural_ = false;
  bool fatal_ = false;
};

std::string Reader::pointer(std::size_t depth) const {
  std::string out;
  for (std::size_t i = 0; i < depth && i < stack_.size(); ++i) {
    out += '/';
    const Frame& f = stack_[i];
    if (f.array) {
      out += std::to_string(f.index);
    } else {
      out += escape_pointer_token(f.key);
    }
  }
  return out;
}

std::string Reader::location_of(std::size_t offset) {
  auto [line, column] = lines_.locate(offset);
  return options_.file_name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

void Reader::report(Severity severity, std::size_t offset, std::string ptr, std::string message,
                    std::optional<Limit> limit) {
  if (severity == Severity::warning) {
    if (warnings_ >= options_.max_warnings) {
      ++suppressed_warnings_;
      return;
    }
    ++warnings_;
  }
  auto [line, column] = lines_.locate(offset);
  diagnostics_.push_back({offset, Diagnostic{severity, Location{options_.file_name, line, column, std::move(ptr)},
                                             std::move(message), limit}});
  if (severity == Severity::error && ++errors_ >= options_.max_errors) throw TooManyErrors{};
}

void Reader::warn_unknown(std::size_t offset, std::string_view key, std::span<const std::string_view> known) {
  std::string message = "unknown field " + shown(key) + " (kept on export)";
  if (auto near = detail::nearest(key, known)) message += "; did you mean \"" + *near + "\"?";
  report(Severity::warning, offset, value_pointer(), std::move(message));
}

Slot Reader::slot() const {
  if (stack_.empty()) return Slot::root;
  const Frame& f = stack_.back();
  switch (f.ctx) {
    case Ctx::top:
      if (auto i = field_index(top_names, f.key)) {
        switch (static_cast<TopField>(*i)) {
          case TopField::version: return Slot::version;
          case TopField::title:
          case TopField::description: return Slot::top_string;
          case TopField::nodes: return Slot::nodes;
          case TopField::edges: return Slot::edges;
          default: return Slot::extra;
        }
      }
      return Slot::extra;
    case Ctx::nodes: return Slot::node;
    case Ctx::node:
      if (auto i = field_index(node_names, f.key)) {
        switch (static_cast<NodeField>(*i)) {
          case NodeField::tags: return Slot::tags;
          case NodeField::weight: return Slot::node_weight;
          default: return Slot::node_string;
        }
      }
      return Slot::extra;
    case Ctx::tags: return Slot::tag;
    case Ctx::edges: return Slot::edge;
    case Ctx::edge: return field_index(edge_names, f.key) ? Slot::edge_string : Slot::extra;
  }
  return Slot::extra;
}

void Reader::type_error(Slot expected, std::size_t offset, const char* got) {
  structural_ = true;
  std::string want;
  switch (expected) {
    case Slot::root:
      error(offset, "",
            std::string("a case file is a JSON object such as {\"claimgraph\": 1, \"nodes\": [], \"edges\": []}; got ") +
                got);
      return;
    case Slot::version: want = "the format version, the integer 1"; break;
    case Slot::nodes: want = "an array of nodes"; break;
    case Slot::edges: want = "an array of edges"; break;
    case Slot::node: want = "a node object such as {\"id\": \"c1\", \"kind\": \"claim\", \"label\": \"...\"}"; break;
    case Slot::edge: want = "an edge object such as {\"from\": \"e1\", \"to\": \"c1\", \"relation\": \"supports\"}"; break;
    case Slot::tags: want = "an array of strings"; break;
    case Slot::node_weight: want = "a number between 0 and 1"; break;
    default: want = "a string"; break;
  }
  error(offset, value_pointer(), "expected " + want + ", got " + got);
}

void Reader::begin_skip(bool capture, std::size_t offset) {
  skip_depth_ = 1;
  capturing_ = capture;
  capture_start_ = offset;
  if (capture && !stack_.empty()) capture_key_ = stack_.back().key;
}

Attributes* Reader::extra_target() {
  if (stack_.empty()) return nullptr;
  switch (stack_.back().ctx) {
    case Ctx::top: return &graph_.extra;
    case Ctx::node: return &node_.node.extra;
    case Ctx::edge: return &edge_.extra;
    default: return nullptr;
  }
}

void Reader::keep_extra(std::string key, std::string json_text) {
  if (Attributes* target = extra_target()) target->push_back({std::move(key), std::move(json_text)});
}

bool Reader::check_string(std::string_view value, std::size_t offset) {
  if (value.size() > options_.limits.max_string_bytes) {
    error(offset, value_pointer(),
          "string of " + std::to_string(value.size()) + " bytes exceeds the limit of " +
              std::to_string(options_.limits.max_string_bytes) + " bytes",
          Limit::string_bytes);
    return false;
  }
  if (value.find('\0') != std::string_view::npos) {
    error(offset, value_pointer(), "string contains a NUL character (\\u0000), which is not allowed");
    return false;
  }
  return true;
}

bool Reader::scalar(Scalar kind, std::string_view raw, std::size_t at) {
  if (skip_depth_ > 0) return true;
  const char* type = kind == Scalar::null ? "null" : kind == Scalar::boolean ? "a boolean" : "a number";
  const Slot s = slot();
  switch (s) {
    case Slot::version: {
      const bool integer = kind == Scalar::number && raw.find_first_of(".eE") == std::string_view::npos;
      if (integer && raw == std::to_string(json_format_version)) break;  // the version this build reads
      if (integer) {
        fatal_ = true;
        error(at, value_pointer(),
              "unsupported format version " + std::string(raw) + "; this build reads version " +
                  std::to_string(json_format_version) + " only");
      } else {
        type_error(s, at, type);
      }
      break;
    }
    case Slot::extra:
      keep_extra(stack_.back().key, kind == Scalar::number ? canonical(raw) : std::string(raw));
      break;
    case Slot::node_weight: {
      double w = -1;
      if (kind == Scalar::number) {
        auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), w);
        if (ec != std::errc() || end != raw.data() + raw.size()) w = -1;
      }
      if (kind != Scalar::number) {
        type_error(s, at, type);
        node_.bad = true;
      } else if (!(w >= 0.0 && w <= 1.0)) {
        error(at, value_pointer(), "weight " + std::string(raw) + " is out of range; a weight is a number between 0 and 1");
        node_.bad = true;
      } else {
        node_.node.weight = w;
      }
      break;
    }
    default:
      type_error(s, at, type);
      if (s == Slot::node_string || s == Slot::tags || s == Slot::tag) node_.bad = true;
      if (s == Slot::edge_string) edge_.bad = true;
      break;
  }
  value_done();
  return true;
}

bool Reader::string(std::string_view text, std::size_t at) {
  if (skip_depth_ > 0) return true;
  std::string v(text);
  const Slot s = slot();
  switch (s) {
    case Slot::top_string:
      if (check_string(v, at)) {
        (stack_.back().key == "title" ? graph_.title : graph_.description) = std::move(v);
      }
      break;
    case Slot::node_string: node_string(v, at); break;
    case Slot::edge_string: edge_string(text, at); break;
    case Slot::tag:
      if (check_string(v, at)) {
        node_.node.tags->push_back(std::move(v));
      } else {
        node_.bad = true;
      }
      break;
    case Slot::extra:
      if (check_string(v, at)) keep_extra(stack_.back().key, json(std::move(v)).dump());
      break;
    default:
      if (s == Slot::node_string || s == Slot::tags || s == Slot::tag || s == Slot::node_weight) node_.bad = true;
      if (s == Slot::edge_string) edge_.bad = true;
      type_error(s, at, "a string");
      break;
  }
  value_done();
  return true;
}

void Reader::node_string(std::string& v, std::size_t at) {
  const auto field = static_cast<NodeField>(*field_index(node_names, stack_.back().key));
  if (!check_string(v, at)) {
    node_.bad = true;
    return;
  }
  Node& n = node_.node;
  switch (field) {
    case NodeField::id: {
      node_.id_offset = at;
      if (v.empty()) {
        error(at, value_pointer(), "a node id must not be empty");
        node_.bad = true;
        return;
      }
      auto control = std::find_if(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
      if (control != v.end()) {
        error(at, value_pointer(), "node id " + shown(v) + " contains a control character");
        node_.bad = true;
      }
      n.id = std::move(v);
      return;
    }
    case NodeField::kind: {
      if (auto k = parse_node_kind(v)) {
        n.kind = *k;
        return;
      }
      std::array<std::string_view, 3> names{};
      for (std::size_t i = 0; i < names.size(); ++i) names[i] = to_string(all_node_kinds()[i]);
      std::string message = "unknown kind " + shown(v) + "; expected " + detail::quoted_list(names);
      if (auto near = detail::nearest(v, names)) message += "; did you mean \"" + *near + "\"?";
      error(at, value_pointer(), std::move(message));
      node_.bad = true;
      return;
    }
    case NodeField::label: {
      const bool blank = std::all_of(v.begin(), v.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
      if (blank) {
        error(at, value_pointer(), "a node label must not be empty: it is the text shown in diagrams");
        node_.bad = true;
      }
      n.label = std::move(v);
      return;
    }
    case NodeField::text: n.text = std::move(v); return;
    case NodeField::party: n.party = std::move(v); return;
    case NodeField::group: n.group = std::move(v); return;
    case NodeField::source: n.source = std::move(v); return;
    case NodeField::burden: n.burden = std::move(v); return;
    case NodeField::standard: {
      if (auto st = parse_standard(v)) {
        n.standard = *st;
        return;
      }
      std::array<std::string_view, 4> names{};
      for (std::size_t i = 0; i < names.size(); ++i) names[i] = to_string(all_standards()[i]);
      std::string message = "unknown standard of proof " + shown(v) + "; expected " + detail::quoted_list(names);
      if (auto near = detail::nearest(v, names)) message += "; did you mean \"" + *near + "\"?";
      error(at, value_pointer(), std::move(message));
      node_.bad = true;
      return;
    }
    default: return;
  }
}

void Reader::edge_string(std::string_view v, std::size_t at) {
  const auto field = static_cast<EdgeField>(*field_index(edge_names, stack_.back().key));
  if (!check_string(v, at)) {
    edge_.bad = true;
    return;
  }
  switch (field) {
    case EdgeField::from:
      edge_.from = stable(v);
      edge_.from_offset = at;
      return;
    case EdgeField::to:
      edge_.to = stable(v);
      edge_.to_offset = at;
      return;
    case EdgeField::id:
      if (v.empty()) {
        error(at, value_pointer(), "an edge id must not be empty");
        edge_.bad = true;
        return;
      }
      edge_.id = stable(v);
      edge_.id_offset = at;
      return;
    case EdgeField::relation: {
      if (auto r = parse_relation(v)) {
        edge_.relation = *r;
        return;
      }
      std::array<std::string_view, 4> names{};
      for (std::size_t i = 0; i < names.size(); ++i) names[i] = to_string(all_relations()[i]);
      std::string message = "unknown relation " + shown(v) + "; expected " + detail::quoted_list(names);
      if (auto near = detail::nearest(v, names)) message += "; did you mean \"" + *near + "\"?";
      error(at, value_pointer(), std::move(message));
      edge_.bad = true;
      return;
    }
    default: return;
  }
}

bool Reader::key(std::string_view k, std::size_t at) {
  if (skip_depth_ > 0) return true;
  Frame& f = stack_.back();
  f.key_offset = at;
  // Duplicate keys: known fields by bit, unknown ones by the kept attributes.
  std::optional<std::size_t> known;
  std::span<const std::string_view> names;
  switch (f.ctx) {
    case Ctx::top:
      known = field_index(top_names, k);
      names = top_names;
      break;
    case Ctx::node:
      known = field_index(node_names, k);
      names = node_names;
      break;
    case Ctx::edge:
      known = field_index(edge_names, k);
      names = edge_names;
      break;
    default: break;
  }
  f.key.assign(k);
  bool duplicate = false;
  if (known) {
    const auto bit = std::uint32_t{1} << *known;
    duplicate = (f.seen & bit) != 0;
    f.seen |= bit;
  } else if (const Attributes* extra = extra_target()) {
    duplicate = std::any_of(extra->begin(), extra->end(), [&](const Attribute& a) { return a.key == f.key; });
  }
  if (duplicate) {
    structural_ = true;
    error(at, value_pointer(), "duplicate key " + shown(f.key) + " in the same object");
  } else if (!known && f.ctx != Ctx::top) {
    warn_unknown(at, f.key, names);
  } else if (!known) {
    warn_unknown(at, f.key, names.first(names.size() - 1));  // never suggest "$schema"
  }
  return true;
}

bool Reader::start(bool array, std::size_t at) {
  if (stack_.size() + skip_depth_ >= options_.limits.max_depth) {
    structural_ = true;
    fatal_ = true;
    error(at, "", "nesting deeper than " + std::to_string(options_.limits.max_depth) + " levels", Limit::depth);
    return false;
  }
  if (skip_depth_ > 0) {
    ++skip_depth_;
    return true;
  }
  const Slot s = slot();
  const char* got = array ? "an array" : "an object";
  auto push = [&](Ctx ctx) { stack_.push_back(Frame{ctx, array, 0, {}, 0, at, 0}); };
  switch (s) {
    case Slot::root:
      if (array) break;
      push(Ctx::top);
      return true;
    case Slot::nodes:
      if (!array) break;
      has_nodes_ = true;
      push(Ctx::nodes);
      return true;
    case Slot::edges:
      if (!array) break;
      push(Ctx::edges);
      return true;
    case Slot::node:
      if (array) break;
      node_ = PendingNode{};
      push(Ctx::node);
      return true;
    case Slot::tags:
      if (!array) break;
      node_.node.tags.emplace();
      push(Ctx::tags);
      return true;
    case Slot::edge:
      if (array) break;
      edge_ = PendingEdge{};
      edge_.start = at;
      edge_.index = stack_.back().index;
      push(Ctx::edge);
      return true;
    case Slot::extra: begin_skip(true, at); return true;
    default: break;
  }
  if (s == Slot::node_string || s == Slot::tags || s == Slot::node_weight) node_.bad = true;
  if (s == Slot::edge_string) edge_.bad = true;
  type_error(s, at, got);
  begin_skip(false, at);
  return true;
}

bool Reader::end(std::size_t at) {
  if (skip_depth_ > 0) {
    if (--skip_depth_ == 0) {
      if (capturing_) {
        const std::string_view raw = text_.substr(capture_start_, at + 1 - capture_start_);
        keep_extra(capture_key_, canonical(raw));
      }
      value_done();
    }
    return true;
  }
  const Frame frame = std::move(stack_.back());
  stack_.pop_back();
  switch (frame.ctx) {
    case Ctx::node: {
      stack_.push_back(frame);  // so that pointers name the node
      finish_node(frame);
      stack_.pop_back();
      break;
    }
    case Ctx::edge: {
      stack_.push_back(frame);
      finish_edge(frame);
      stack_.pop_back();
      break;
    }
    case Ctx::top: finish_top(frame); break;
    default: break;
  }
  value_done();
  return true;
}

void Reader::finish_node(const Frame& frame) {
  // The pointer is built only when there is something to report.
  const auto here_ptr = [this] { return pointer(stack_.size() - 1); };
  for (NodeField required : {NodeField::id, NodeField::kind, NodeField::label}) {
    const auto bit = std::uint32_t{1} << static_cast<unsigned>(required);
    if ((frame.seen & bit) == 0) {
      structural_ = true;
      error(frame.start, here_ptr(),
            std::string("node is missing the required field \"") +
                std::string(node_names[static_cast<std::size_t>(required)]) + "\"");
      node_.bad = true;
    }
  }
  Node& n = node_.node;
  std::sort(n.extra.begin(), n.extra.end(), [](const Attribute& a, const Attribute& b) { return a.key < b.key; });
  if (n.id.empty()) return;
  if (auto existing = graph_.find(n.id)) {
    error(node_.id_offset, here_ptr() + "/id",
          "duplicate node id " + shown(n.id) + "; first defined at " + location_of(id_offsets_[*existing]));
    return;
  }
  if (graph_.node_count() >= options_.limits.max_nodes) {
    fatal_ = true;
    error(frame.start, here_ptr(), "more than " + std::to_string(options_.limits.max_nodes) + " nodes", Limit::nodes);
    throw TooManyErrors{};
  }
  // A node with errors still claims its id, so that edges to it are not
  // reported as dangling on top of the real problem.
  graph_.add_node(std::move(n));
  id_offsets_.push_back(node_.id_offset);
}

void Reader::finish_edge(const Frame& frame) {
  // The pointer is built only when there is something to report.
  const auto here_ptr = [this] { return pointer(stack_.size() - 1); };
  for (EdgeField required : {EdgeField::from, EdgeField::to, EdgeField::relation}) {
    const auto bit = std::uint32_t{1} << static_cast<unsigned>(required);
    if ((frame.seen & bit) == 0) {
      structural_ = true;
      error(frame.start, here_ptr(),
            std::string("edge is missing the required field \"") +
                std::string(edge_names[static_cast<std::size_t>(required)]) + "\"");
      edge_.bad = true;
    }
  }
  if (edges_.size() >= options_.limits.max_edges) {
    fatal_ = true;
    error(frame.start, here_ptr(), "more than " + std::to_string(options_.limits.max_edges) + " edges", Limit::edges);
    throw TooManyErrors{};
  }
  std::sort(edge_.extra.begin(), edge_.extra.end(), [](const Attribute& a, const Attribute& b) { return a.key < b.key; });
  edges_.push_back(std::move(edge_));
  edge_ = PendingEdge{};
}

void Reader::finish_top(const Frame& frame) {
  if ((frame.seen & (std::uint32_t{1} << static_cast<unsigned>(TopField::version))) == 0) {
    structural_ = true;
    fatal_ = true;
    error(frame.start, "",
          "missing the format version: add \"claimgraph\": " + std::to_string(json_format_version) +
              " at the top of the file");
  }
  if (!has_nodes_ && (frame.seen & (std::uint32_t{1} << static_cast<unsigned>(TopField::nodes))) == 0) {
    structural_ = true;
    error(frame.start, "", "missing the required field \"nodes\" (an array of nodes)");
  }
  std::sort(graph_.extra.begin(), graph_.extra.end(), [](const Attribute& a, const Attribute& b) { return a.key < b.key; });
}

void Reader::resolve_edges() {
  graph_.reserve(graph_.node_count(), edges_.size());
  // All ends at once: the id index prefetches while it compares.
  std::vector<std::string_view> ends;
  ends.reserve(edges_.size() * 2);
  for (const auto& e : edges_) {
    ends.push_back(e.from);
    ends.push_back(e.to);
  }
  const std::vector<std::size_t> found = graph_.find_many(ends);
  std::vector<std::string_view>().swap(ends);

  const bool suggest = graph_.node_count() <= 5000;
  std::vector<std::string_view> ids;
  auto unknown = [&](std::string_view id, std::size_t offset, const std::string& ptr) {
    std::string message = "unknown node " + shown(id);
    if (suggest) {
      if (ids.empty()) {
        ids.reserve(graph_.node_count());
        for (std::size_t v = 0; v < graph_.node_count(); ++v) ids.push_back(graph_.id(v));
      }
      if (auto near = detail::nearest(id, ids)) message += "; did you mean \"" + *near + "\"?";
    }
    error(offset, ptr, std::move(message));
  };
  // Edge ids, for undercuts to name the edge they attack.
  std::unordered_map<std::string_view, std::size_t> edge_ids;
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    const auto& e = edges_[i];
    if (e.id.empty()) continue;
    auto [it, added] = edge_ids.try_emplace(e.id, i);
    if (!added) {
      error(e.id_offset, "/edges/" + std::to_string(e.index) + "/id",
            "duplicate edge id " + shown(e.id) + "; first defined at " + location_of(edges_[it->second].id_offset));
    }
  }
  std::vector<Graph::EdgeSpec> specs;
  specs.reserve(edges_.size());
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    auto& e = edges_[i];
    if (e.bad) continue;
    const std::size_t from = found[2 * i];
    std::size_t to = found[2 * i + 1];
    std::size_t target_edge = static_cast<std::size_t>(-1);
    if (e.relation == Relation::undercuts) {
      // "to" names the supports edge that is undercut; the stored edge runs
      // to that edge's target.
      const std::string ptr = "/edges/" + std::to_string(e.index) + "/to";
      auto it = edge_ids.find(e.to);
      if (it == edge_ids.end()) {
        error(e.to_offset, ptr,
              "unknown edge " + shown(e.to) + "; an undercut names the \"id\" of the supports edge it attacks");
        continue;
      }
      const PendingEdge& target = edges_[it->second];
      if (target.relation != Relation::supports) {
        error(e.to_offset, ptr,
              "edge " + shown(e.to) + " is a " + std::string(to_string(target.relation)) +
                  " edge; only supports edges can be undercut");
        continue;
      }
      to = found[2 * it->second + 1];
      target_edge = it->second;
      if (to == Graph::npos) continue;  // reported with the target edge
    }
    if (from == Graph::npos || to == Graph::npos) {
      const std::string ptr = "/edges/" + std::to_string(e.index);
      if (from == Graph::npos) unknown(e.from, e.from_offset, ptr + "/from");
      if (to == Graph::npos) unknown(e.to, e.to_offset, ptr + "/to");
      continue;
    }
    if (from == to && e.relation == Relation::undercuts) {
      error(e.start, "/edges/" + std::to_string(e.index),
            "node " + shown(e.from) + " undercuts its own support; an undercut must come from another node");
      continue;
    }
    if (from == Graph::npos || to == Graph::npos) {
      const std::string ptr = "/edges/" + std::to_string(e.index);
      if (from == Graph::npos) unknown(e.from, e.from_offset, ptr + "/from");
      if (to == Graph::npos) unknown(e.to, e.to_offset, ptr + "/to");
      continue;
    }
    if (from == to) {
      error(e.start, "/edges/" + std::to_string(e.index),
            "edge from " + shown(e.from) + " to itself; an edge must join two different nodes");
      continue;
    }
    specs.push_back({from, to, e.relation, std::move(e.extra),
                     e.id.empty() ? std::nullopt : std::optional<std::string>(e.id), target_edge});
  }
  std::vector<PendingEdge>().swap(edges_);
  if (errors_ == 0) graph_.add_edges(std::move(specs));
}

ReadResult Reader::run() {
  // A UTF-8 byte-order mark is allowed; other encodings are named.
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text_.substr(0, 3) == bom) text_.remove_prefix(3);
  lines_ = LineIndex(text_);
  auto fail = [&](std::string message, std::optional<Limit> limit = std::nullopt) {
    diagnostics_.push_back(
        {0, Diagnostic{Severity::error, Location{options_.file_name, 1, 1, ""}, std::move(message), limit}});
  };
  const bool utf16 = (text_.size() >= 2 && ((text_[0] == '\xFF' && text_[1] == '\xFE') || (text_[0] == '\xFE' && text_[1] == '\xFF'))) ||
                     (text_.size() >= 2 && (text_[0] == '\0' || text_[1] == '\0'));
  const bool blank =
      std::all_of(text_.begin(), text_.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (text_.size() > options_.limits.max_input_bytes) {
    fail("input of " + std::to_string(text_.size()) + " bytes exceeds the limit of " +
             std::to_string(options_.limits.max_input_bytes) + " bytes",
         Limit::input_bytes);
  } else if (utf16) {
    fail("the file looks like UTF-16 or UTF-32; case files must be encoded as UTF-8");
  } else if (blank) {
    fail("the file is empty; a case file is a JSON object such as {\"claimgraph\": 1, \"nodes\": [], \"edges\": []}");
  } else {
    detail::JsonParser<Reader> parser(text_, *this);
    bool complete = false;
    try {
      const auto status = parser.parse();
      complete = status == detail::JsonParseStatus::complete;
      if (status == detail::JsonParseStatus::syntax_error) {
        structural_ = true;
        const std::size_t at = parser.error().offset;
        auto [line, column] = lines_.locate(at);
        diagnostics_.push_back({at, Diagnostic{Severity::error, Location{options_.file_name, line, column, ""},
                                               "malformed JSON: " + parser.error().message}});
        ++errors_;
      }
    } catch (const TooManyErrors&) {
      complete = false;
    }
    if (complete && !fatal_) {
      try {
        resolve_edges();
      } catch (const TooManyErrors&) {
      }
    }
    if (errors_ >= options_.max_errors) {
      diagnostics_.push_back({text_.size(), Diagnostic{Severity::note, Location{options_.file_name, 0, 0, ""},
                                                       "too many errors; stopped after " + std::to_string(errors_)}});
    }
  }
  if (suppressed_warnings_ > 0) {
    diagnostics_.push_back({text_.size(), Diagnostic{Severity::note, Location{options_.file_name, 0, 0, ""},
                                                     std::to_string(suppressed_warnings_) + " more warnings not shown"}});
  }
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Entry& a, const Entry& b) { return a.offset < b.offset; });
  std::vector<Diagnostic> all;
  all.reserve(diagnostics_.size());
  bool any_error = false;
  for (auto& d : diagnostics_) {
    any_error = any_error || d.diagnostic.severity == Severity::error;
    all.push_back(std::move(d.diagnostic));
  }
  if (any_error) {
    if (structural_ || errors_ == 0) throw ParseError(std::move(all));
    throw ValidationError(std::move(all));
  }
  return ReadResult{std::move(graph_), std::move(all)};
}

}  // namespace

ReadResult read_json(std::string_view text, const ReadOptions& options) { return Reader(text, options).run(); }

ReadResult read_json(std::istream& in, const ReadOptions& options) { return read_stream(in, options, read_json); }

}  // namespace claimgraph::io
