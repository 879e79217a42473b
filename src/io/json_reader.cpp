#include "claimgraph/io/json_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <cstdint>
#include <deque>
#include <functional>
#include <latch>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "claimgraph/io/case_fields.hpp"
#include "detail/canonical_json.hpp"
#include "detail/diagnostics.hpp"
#include "detail/graph_loader.hpp"
#include "detail/json_pointer.hpp"
#include "detail/json_parser.hpp"
#include "detail/simd_json_events.hpp"
#include "detail/text.hpp"
#include "io/citation_fields.hpp"
#include "io/json_reader_paths.hpp"

namespace claimgraph::io {

namespace {

using detail::shown;

using detail::canonical;
using detail::escape_pointer_token;

enum class Ctx : std::uint8_t { top, nodes, node, tags, edges, edge, cites, cite };

// What the next value is expected to be, derived from where it stands.
enum class Slot : std::uint8_t {
  root,   // the whole document: an object
  node,   // an element of "nodes"
  tag,    // an element of "tags"
  edge,   // an element of "edges"
  cite,   // an element of a node's "cite" array
  field,  // the value of a known field: its row in case_fields() says what it takes
  extra,  // a field this build does not know: kept verbatim
};

struct Frame {
  Ctx ctx;
  bool array;
  std::size_t index = 0;                 // arrays: index of the current element
  std::string_view key;                  // objects: the current key (a field's name, or kept by the reader)
  const CaseField* field = nullptr;      // objects: the current key's field, if known
  std::size_t start = 0;                 // where this object or array starts
  std::uint32_t seen = 0;                // objects: known fields seen so far (bit per row of the place)
};

struct PendingNode {
  Node node;
  std::size_t id_offset = 0;
  std::size_t start = 0;   // where its object starts
  std::size_t index = 0;   // its position in "nodes"
  std::uint64_t hash = 0;  // its id's, once batched
};

// What few edges have: an id, a scheme or question, fields this build does
// not know, or an end written with escapes (whose offset the view cannot
// give). Kept apart, so that the millions of edges without any stay small.
struct EdgeDetails {
  std::string_view id;  // empty when the edge has none
  std::size_t id_offset = 0;
  std::string_view scheme;    // empty when the edge names none
  std::string_view question;  // empty when the edge names none
  std::size_t scheme_offset = 0;
  std::size_t question_offset = 0;
  std::size_t from_offset = no_offset;  // set only for an end the view cannot place
  std::size_t to_offset = no_offset;
  Attributes extra;
  static constexpr std::size_t no_offset = static_cast<std::size_t>(-1);
};

struct PendingEdge {
  // Endpoints are resolved in one batch at the end; until then they are
  // views into the input (or into the reader's store of unescaped strings).
  std::string_view from;
  std::string_view to;
  std::size_t start = 0;
  std::size_t index = 0;
  std::uint32_t details = no_details;  // its EdgeDetails, if it has any
  Relation relation = Relation::supports;
  bool bad = false;
  static constexpr std::uint32_t no_details = static_cast<std::uint32_t>(-1);
};

// Line and column of offsets into the text, for offsets met in order (an
// offset before the last starts the count again).
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}
  SourcePlace at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < pos_) *this = Locator(text_);  // out of order ("edges" before "nodes"): start again
    while (const void* nl = std::memchr(text_.data() + pos_, '\n', offset - pos_)) {
      ++line_;
      column_ = 1;
      pos_ = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
    }
    for (; pos_ < offset; ++pos_) {
      if ((static_cast<unsigned char>(text_[pos_]) & 0xC0u) != 0x80u) ++column_;
    }
    return {line_, column_};
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0, line_ = 1, column_ = 1;
};

std::vector<SourcePlace> locate_all(Locator& locator, const std::vector<std::size_t>& offsets) {
  std::vector<SourcePlace> out;
  out.reserve(offsets.size());
  for (std::size_t offset : offsets) out.push_back(locator.at(offset));
  return out;
}

class Reader {
 public:
  // `capacity` counts the readable bytes from text.data() on, the text and
  // what follows it; with simdjson's padding among them, the fast path
  // (detail::SimdJsonEvents) reads it first, else only the located parser.
  Reader(std::string_view text, const ReadOptions& options, std::size_t capacity = 0)
      : raw_text_(text), raw_capacity_(capacity), text_(detail::without_bom(text)),
        capacity_(capacity - std::min(capacity, text.size() - text_.size())),
        options_(options),
        diags_(text_, options.file_name, options.max_errors, options.max_warnings) {
    batch_.reserve(batch_size);
    diags_.before_each([](void* reader) { static_cast<Reader*>(reader)->add_batch(); }, this);
    for (const CaseField& f : case_fields()) {
      // "$schema" is for editors: never suggested for a misspelt field.
      if (!f.name.starts_with('$')) suggestions_[static_cast<std::size_t>(f.place)].push_back(f.name);
    }
    for (std::size_t place = 0; place < required_.size(); ++place) {
      const auto fields = case_fields(static_cast<FieldPlace>(place));
      fields_[place] = fields;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].required) required_[place] |= std::uint32_t{1} << i;
      }
    }
  }

  /// Reads the text. Without `fast`, with the located parser only; with it,
  /// with the fast path, or nothing when that path rejects the input (read
  /// it again with a new Reader, without `fast`, for the located errors).
  std::optional<ReadResult> run(bool fast);
  [[nodiscard]] json_paths::FastRead how() const { return how_; }

  // --- events from detail::JsonParser (or SimdJsonEvents), each with the offset where its token starts ---
  bool null(std::size_t at) { return scalar(Scalar::null, "null", at); }
  bool boolean(bool v, std::size_t at) { return scalar(Scalar::boolean, v ? "true" : "false", at); }
  bool number(std::string_view raw, std::size_t at) { return scalar(Scalar::number, raw, at); }
  bool string(std::string_view v, std::size_t at);
  bool key(std::string_view k, std::size_t at);
  bool start_object(std::size_t at) { return start(false, at); }
  bool start_array(std::size_t at) { return start(true, at); }
  bool end_object(std::size_t at) { return end(at); }
  bool end_array(std::size_t at) { return end(at); }
  // The fast path says how long "nodes" and "edges" are, so that the graph
  // and the pending edges are sized once, not copied as they grow.
  bool wants_count() const {
    return skip_depth_ == 0 && !stack_.empty() && (stack_.back().ctx == Ctx::nodes || stack_.back().ctx == Ctx::edges);
  }
  void count(std::size_t n);
  // An element of "nodes" or "edges" whose '{' is the k-th token, read
  // straight from the index when it is plain; the token after it, or 0 to
  // walk it.
  std::size_t read_object(std::size_t k) {
    if (events_ == nullptr || skip_depth_ != 0 || stack_.empty()) return 0;
    if (stack_.back().ctx == Ctx::nodes) return read_plain_node(k);
    if (stack_.back().ctx == Ctx::edges) return read_plain_edge(k);
    return 0;
  }
  // The token after the array whose '[' is the k-th token, when a second
  // thread has read that array already (see Ahead); 0 otherwise.
  std::size_t read_ahead(std::size_t k);

 private:
  struct Ahead;
  // On a second thread: finds the top-level "edges" array in the index of
  // `events` and reads it with a reader of its own.
  static void read_edges_ahead(const detail::SimdJsonEvents<Reader>& events, Ahead& ahead);
  enum class Scalar : std::uint8_t { null, boolean, number };

  bool readable();
  bool parse(bool fast);

  std::string pointer(std::size_t depth) const;
  std::string value_pointer() const { return pointer(stack_.size()); }
  std::string here_pointer() const { return pointer(stack_.size() - 1); }

  Slot slot() const;
  void type_error(std::size_t offset, const char* got);
  void mark_bad();
  bool scalar(Scalar kind, std::string_view raw, std::size_t at);
  void version(Scalar kind, const char* type, std::string_view raw, std::size_t at);
  void number_field(const CaseField& field, Scalar kind, const char* type, std::string_view raw, std::size_t at);
  bool start(bool array, std::size_t at);
  bool open(bool array, std::size_t at);
  bool end(std::size_t at);
  void wait_for_scan();
  void value_done() {
    if (!stack_.empty() && stack_.back().array) ++stack_.back().index;
  }
  void begin_skip(bool capture, std::size_t offset);
  void keep_extra(std::string key, std::string json_text);
  Attributes* extra_target();
  bool check_string(std::string_view value, std::size_t offset);
  // What check_string found wrong, reported (apart, so that the check
  // itself stays small enough to inline).
  [[gnu::cold, gnu::noinline]] void report_string(std::string_view value, std::size_t offset);
  std::optional<std::size_t> enum_value(const CaseField& field, std::string_view value, std::size_t offset);
  [[gnu::cold, gnu::noinline]] void unknown_value(const CaseField& field, std::string_view value, std::size_t offset);

  // A view of `v` that lives until the end of reading: into the input when
  // the string had no escapes (the parser hands out such views), else into
  // a copy the reader keeps.
  std::string_view stable(std::string_view v) {
    if (v.data() >= text_.data() && v.data() + v.size() <= text_.data() + text_.size()) return v;
    return unescaped_.emplace_back(v);
  }
  bool in_text(std::string_view v) const {
    return v.data() >= text_.data() && v.data() + v.size() <= text_.data() + text_.size();
  }
  EdgeDetails& edge_details() {
    has_details_ = true;
    return details_;
  }
  // The details of pending edge e, or none (all empty).
  const EdgeDetails& details_of(const PendingEdge& e) const {
    static const EdgeDetails none;
    return e.details == PendingEdge::no_details ? none : edge_details_[e.details];
  }
  // Where an end of edge e is written: the opening quote before the view
  // into the text, or the offset kept for an end written with escapes.
  std::size_t end_offset(std::string_view end, std::size_t kept) const {
    if (kept != EdgeDetails::no_offset) return kept;
    if (end.data() == nullptr || !in_text(end)) return 0;  // not written
    return static_cast<std::size_t>(end.data() - text_.data()) - 1;
  }
  void string_field(const CaseField& field, std::string_view value, std::size_t offset);
  void node_string(const CaseField& field, std::string_view value, std::size_t offset);
  void edge_string(const CaseField& field, std::string_view value, std::size_t offset);
  void cite_string(const CaseField& field, std::string_view value, std::size_t offset);
  bool name_ok(const CaseField& field, std::string_view value, std::size_t offset);
  void missing_fields(const Frame& frame, FieldPlace place);
  void finish_node(const Frame& frame);
  void add_batch();
  // Adds a node read, in order (to the batch, then the graph).
  void queue_node(PendingNode&& node);
  // After a node is added to the batch: adds a full batch to the graph.
  void queued();
  std::size_t read_plain_node(std::size_t k);
  bool plain_node_string(PendingNode& node, const CaseField& field, std::string_view value, std::size_t offset);
  void release_read_nodes();
  std::size_t read_plain_edge(std::size_t k);
  void finish_edge(const Frame& frame);
  void finish_cite(const Frame& frame);
  void finish_top(const Frame& frame);

  // Resolving edge ends, once every node is known.
  struct Resolution {
    std::unordered_map<std::string_view, std::size_t> edge_ids;
    std::vector<std::string_view> ids;  // node ids for suggestions, filled on first use
  };
  void resolve_edges();
  // The nodes that the ends of edges [first, last) name (Graph::npos when
  // none), two an edge, into `out`. Only reads the graph.
  void find_ends(std::size_t first, std::size_t last, std::size_t* out) const;
  // Places the nodes read so far (node_offsets_) in places_.
  void locate_nodes();
  // Places every node and edge (line, column) in places_, once.
  void locate();
  void index_edge_ids(Resolution& r);
  void unknown_node(Resolution& r, std::string_view id, std::size_t offset, const std::string& pointer);
  std::optional<Edge> resolve(Resolution& r, std::size_t i, std::size_t from, std::size_t& to);

  std::string_view raw_text_;  // as given: a reader for another thread is made from it
  std::size_t raw_capacity_;
  std::string_view text_;
  std::size_t capacity_;
  const ReadOptions& options_;
  detail::TextDiagnostics diags_;
  std::array<std::vector<std::string_view>, 4> suggestions_;  // per FieldPlace: names of its fields
  std::array<std::uint32_t, 4> required_{};                   // per FieldPlace: a bit per required field
  std::array<std::span<const CaseField>, 4> fields_;          // per FieldPlace: case_fields(place)

  std::vector<Frame> stack_;
  std::size_t skip_depth_ = 0;  // > 0 while skipping or capturing a compound value
  bool capturing_ = false;
  std::size_t capture_start_ = 0;
  std::string capture_key_;

  Graph graph_;
  std::vector<std::size_t> id_offsets_;  // per vertex: where its id is written
  std::vector<std::size_t> node_offsets_;  // per vertex: where its object starts
  std::vector<std::size_t> edge_offsets_;  // per edge: where its object starts
  // Edges read on a second thread come placed from where their array
  // starts (edge_places_from_), not with offsets.
  static constexpr std::size_t no_places = static_cast<std::size_t>(-1);
  std::vector<SourcePlace> edge_places_;
  std::size_t edge_places_from_ = no_places;
  std::vector<bool> edge_id_written_;      // per edge: whether it has an "id"
  SourceMap places_;                       // filled by locate_nodes() and locate()
  Locator locator_{text_};
  bool located_ = false;
  std::size_t released_ = 0;  // text_read() was called with this
  PendingNode node_;
  // Nodes read but not yet added to the graph (see add_batch).
  static constexpr std::size_t batch_size = 64;
  std::vector<PendingNode> batch_;
  PendingEdge edge_;
  EdgeDetails details_;       // the edge being read: its details, if it turns out to have any
  bool has_details_ = false;
  std::vector<PendingEdge> edges_;
  std::vector<EdgeDetails> edge_details_;
  std::deque<std::string> unescaped_;  // edge ends that had escapes, kept for resolve_edges
  std::deque<std::string> ahead_unescaped_;  // the same, of edges read on a second thread
  Ahead* ahead_ = nullptr;  // the "edges" array being read on a second thread, if one is
  detail::SimdJsonEvents<Reader>* events_ = nullptr;  // the fast path's walk, while it runs on this thread
  json_paths::FastRead how_;
  bool cite_bad_ = false;  // the citation being read has a bad value, reported
  bool unusable_ = false;  // the version is missing or unknown: edges are not resolved
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

Slot Reader::slot() const {
  if (stack_.empty()) return Slot::root;
  const Frame& f = stack_.back();
  switch (f.ctx) {
    case Ctx::nodes: return Slot::node;
    case Ctx::tags: return Slot::tag;
    case Ctx::edges: return Slot::edge;
    case Ctx::cites: return Slot::cite;
    case Ctx::top:
    case Ctx::node:
    case Ctx::edge:
    case Ctx::cite: break;
  }
  return f.field != nullptr ? Slot::field : Slot::extra;
}

void Reader::type_error(std::size_t offset, const char* got) {
  std::string want;
  switch (slot()) {
    case Slot::root:
      diags_.parse_error(
          offset, "",
          std::string("a case file is a JSON object such as {\"claimgraph\": 1, \"nodes\": [], \"edges\": []}; got ") +
              got);
      return;
    case Slot::node: want = "a node object such as {\"id\": \"c1\", \"kind\": \"claim\", \"label\": \"...\"}"; break;
    case Slot::edge: want = "an edge object such as {\"from\": \"e1\", \"to\": \"c1\", \"relation\": \"supports\"}"; break;
    case Slot::tag: want = "a string"; break;
    case Slot::cite: want = "a citation object such as {\"exhibit\": \"PX-12\", \"pin\": \"at 4\"}"; break;
    case Slot::field:
      want = expected_value(*stack_.back().field);
      // The citation is reported: not again for citing nothing.
      if (stack_.back().field->place == FieldPlace::citation) cite_bad_ = true;
      break;
    case Slot::extra: return;  // anything goes
  }
  diags_.parse_error(offset, value_pointer(), "expected " + want + ", got " + got);
}

// A value of an edge is wrong: the edge is left out when edges are resolved.
// (A node with errors still claims its id, so that edges to it are not
// reported as dangling on top of the real problem.)
void Reader::mark_bad() {
  if (!stack_.empty() && stack_.back().ctx == Ctx::edge) edge_.bad = true;
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
    case Ctx::edge: return &edge_details().extra;
    case Ctx::cite: return &node_.node.cite.back().extra;
    default: return nullptr;
  }
}

void Reader::keep_extra(std::string key, std::string json_text) {
  if (Attributes* target = extra_target()) target->push_back({std::move(key), std::move(json_text)});
}

bool Reader::check_string(std::string_view value, std::size_t offset) {
  // Both parsers refuse a raw control character in a string, so only a
  // string that had escapes (not a view into the text) can hold a NUL.
  const bool nul = !in_text(value) && value.find('\0') != std::string_view::npos;
  if (value.size() <= options_.limits.max_string_bytes && !nul) return true;
  report_string(value, offset);
  return false;
}

void Reader::report_string(std::string_view value, std::size_t offset) {
  if (value.size() > options_.limits.max_string_bytes) {
    diags_.error(offset, value_pointer(),
                 "string of " + std::to_string(value.size()) + " bytes exceeds the limit of " +
                     std::to_string(options_.limits.max_string_bytes) + " bytes",
                 Limit::string_bytes);
  } else {
    diags_.error(offset, value_pointer(), "string contains a NUL character (\\u0000), which is not allowed");
  }
}

// The `Word` at `p`, which may be unaligned.
template <typename Word>
Word word_at(const char* p) noexcept {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Whether the `n` bytes at `a` and `b` are the same, for sizeof(Word) <= n
// <= 2 * sizeof(Word): their first and their last word (which overlap
// unless n is twice the word), every byte read lying within the n.
template <typename Word>
bool same_ends(const char* a, const char* b, std::size_t n) noexcept {
  return word_at<Word>(a) == word_at<Word>(b) && word_at<Word>(a + n - sizeof(Word)) == word_at<Word>(b + n - sizeof(Word));
}

// Whether two field or value names are the same. Names are a few bytes:
// compared here a word at a time, not byte by byte (every key of a large
// case is looked up) nor by a call to memcmp, and always inlined: called
// from both plain readers and the walk's key, GCC would otherwise call it.
[[gnu::always_inline]] inline bool same_name(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n >= 8) {
    for (std::size_t i = 0; i + 16 < n; i += 8) {
      if (word_at<std::uint64_t>(p + i) != word_at<std::uint64_t>(q + i)) return false;
    }
    const std::size_t from = n > 16 ? n - 16 : 0;  // the last 8 to 16 bytes
    return same_ends<std::uint64_t>(p + from, q + from, n - from);
  }
  if (n >= 4) return same_ends<std::uint32_t>(p, q, n);
  if (n >= 2) return same_ends<std::uint16_t>(p, q, n);
  return n == 0 || *p == *q;
}

// The position of `value` among the field's values, or an error naming them.
std::optional<std::size_t> Reader::enum_value(const CaseField& field, std::string_view value, std::size_t offset) {
  for (std::size_t i = 0; i < field.values.size(); ++i) {
    if (same_name(field.values[i].name, value)) return i;
  }
  unknown_value(field, value, offset);
  return std::nullopt;
}

void Reader::unknown_value(const CaseField& field, std::string_view value, std::size_t offset) {
  std::vector<std::string_view> names;
  for (const FieldValue& v : field.values) names.push_back(v.name);
  std::string message =
      "unknown " + std::string(field.what()) + " " + shown(value) + "; expected " + detail::quoted_list(names);
  if (auto near = detail::nearest(value, names)) message += "; did you mean \"" + *near + "\"?";
  diags_.error(offset, value_pointer(), std::move(message));
}

bool Reader::scalar(Scalar kind, std::string_view raw, std::size_t at) {
  if (skip_depth_ > 0) return true;
  const char* type = kind == Scalar::null ? "null" : kind == Scalar::boolean ? "a boolean" : "a number";
  const Slot s = slot();
  if (s == Slot::extra) {
    keep_extra(std::string(stack_.back().key), kind == Scalar::number ? canonical(raw) : std::string(raw));
  } else if (s == Slot::field && stack_.back().field->type == FieldType::version) {
    version(kind, type, raw, at);
  } else if (s == Slot::field && stack_.back().field->type == FieldType::number) {
    number_field(*stack_.back().field, kind, type, raw, at);
  } else if (s == Slot::field && stack_.back().field->type == FieldType::boolean && kind == Scalar::boolean) {
    if (stack_.back().field->key == FieldKey::privileged) node_.node.privileged = raw == "true";
  } else {
    type_error(at, type);
    mark_bad();
  }
  value_done();
  return true;
}

void Reader::version(Scalar kind, const char* type, std::string_view raw, std::size_t at) {
  const bool integer = kind == Scalar::number && raw.find_first_of(".eE") == std::string_view::npos;
  if (integer && raw == std::to_string(json_format_version)) return;  // the version this build reads
  if (!integer) {
    type_error(at, type);
    return;
  }
  unusable_ = true;
  diags_.error(at, value_pointer(),
               "unsupported format version " + std::string(raw) + "; this build reads version " +
                   std::to_string(json_format_version) + " only");
}

void Reader::number_field(const CaseField& field, Scalar kind, const char* type, std::string_view raw, std::size_t at) {
  if (kind != Scalar::number) {
    type_error(at, type);
    mark_bad();
    return;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (ec != std::errc() || end != raw.data() + raw.size() || !(value >= field.minimum && value <= field.maximum)) {
    const std::string what(field.what());
    diags_.error(at, value_pointer(),
                 what + " " + std::string(raw) + " is out of range; a " + what + " is " + expected_value(field));
    mark_bad();
    return;
  }
  switch (field.key) {
    case FieldKey::weight: node_.node.weight = value; return;
    default: return;
  }
}

bool Reader::string(std::string_view v, std::size_t at) {
  if (skip_depth_ > 0) return true;
  switch (slot()) {
    case Slot::field:
      if (stack_.back().field->type == FieldType::string) {
        string_field(*stack_.back().field, v, at);
      } else {
        type_error(at, "a string");
        mark_bad();
      }
      break;
    case Slot::tag:
      if (check_string(v, at)) node_.node.tags->emplace_back(v);
      break;
    case Slot::extra:
      if (check_string(v, at)) keep_extra(std::string(stack_.back().key), nlohmann::json(v).dump());
      break;
    case Slot::root:
    case Slot::node:
    case Slot::edge:
    case Slot::cite: type_error(at, "a string"); break;
  }
  value_done();
  return true;
}

void Reader::string_field(const CaseField& field, std::string_view v, std::size_t at) {
  if (!check_string(v, at)) {
    mark_bad();
    return;
  }
  switch (field.place) {
    case FieldPlace::node: node_string(field, v, at); return;
    case FieldPlace::edge: edge_string(field, v, at); return;
    case FieldPlace::citation: cite_string(field, v, at); return;
    case FieldPlace::top: break;
  }
  switch (field.key) {
    case FieldKey::title: graph_.title = std::string(v); return;
    case FieldKey::description: graph_.description = std::string(v); return;
    case FieldKey::schema: keep_extra(std::string(field.name), nlohmann::json(v).dump()); return;
    default: return;
  }
}

void Reader::node_string(const CaseField& field, std::string_view v, std::size_t at) {
  Node& n = node_.node;
  if (!field.values.empty()) {
    const auto i = enum_value(field, v, at);
    if (i && field.key == FieldKey::kind) n.kind = all_node_kinds()[*i];
    if (i && field.key == FieldKey::standard) n.standard = all_standards()[*i];
    if (i && field.key == FieldKey::test) n.test = all_element_tests()[*i];
    return;
  }
  switch (field.key) {
    case FieldKey::node_id:
      node_.id_offset = at;
      if (v.empty()) {
        diags_.error(at, value_pointer(), "a node id must not be empty");
        return;
      }
      if (!in_text(v) &&
          std::any_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        diags_.error(at, value_pointer(), "node id " + shown(v) + " contains a control character");
      }
      n.id = v;
      return;
    case FieldKey::label:
      if (detail::only_whitespace(v)) {
        diags_.error(at, value_pointer(), "a node label must not be empty: it is the text shown in diagrams");
      }
      n.label = v;
      return;
    case FieldKey::text: n.text.emplace(v); return;
    case FieldKey::party: n.party.emplace(v); return;
    case FieldKey::group: n.group.emplace(v); return;
    case FieldKey::source: n.source.emplace(v); return;
    case FieldKey::burden: n.burden.emplace(v); return;
    case FieldKey::node_scheme:
      if (name_ok(field, v, at)) n.scheme.emplace(v);
      return;
    default: return;
  }
}

void Reader::edge_string(const CaseField& field, std::string_view v, std::size_t at) {
  switch (field.key) {
    case FieldKey::from:
      edge_.from = stable(v);
      if (!in_text(edge_.from)) edge_details().from_offset = at;
      return;
    case FieldKey::to:
      edge_.to = stable(v);
      if (!in_text(edge_.to)) edge_details().to_offset = at;
      return;
    case FieldKey::edge_id:
      if (v.empty()) {
        diags_.error(at, value_pointer(), "an edge id must not be empty");
        edge_.bad = true;
        return;
      }
      edge_details().id = stable(v);
      edge_details().id_offset = at;
      return;
    case FieldKey::relation:
      if (const auto i = enum_value(field, v, at)) {
        edge_.relation = all_relations()[*i];
      } else {
        edge_.bad = true;
      }
      return;
    case FieldKey::edge_scheme:
      if (!name_ok(field, v, at)) return;
      edge_details().scheme = stable(v);
      edge_details().scheme_offset = at;
      return;
    case FieldKey::question:
      if (!name_ok(field, v, at)) return;
      edge_details().question = stable(v);
      edge_details().question_offset = at;
      return;
    default: return;
  }
}

void Reader::cite_string(const CaseField& field, std::string_view v, std::size_t at) {
  if (auto problem = citation_value_problem(field, v)) {
    diags_.error(at, value_pointer(), std::move(*problem));
    cite_bad_ = true;
    return;
  }
  if (auto* member = citation_member(node_.node.cite.back(), field.key)) *member = std::string(v);
}

// A scheme's or question's name: not empty, no control characters.
bool Reader::name_ok(const CaseField& field, std::string_view v, std::size_t at) {
  if (v.empty()) {
    diags_.error(at, value_pointer(), "the name of " + std::string(field.what()) + " must not be empty");
    return false;
  }
  if (std::any_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    diags_.error(at, value_pointer(), std::string(field.what()) + " " + shown(v) + " contains a control character");
    return false;
  }
  return true;
}

// The field of `fields` named `name`, or null. Files write an object's
// fields mostly in the order of the table (claimgraph's writer always
// does), so the search starts after the field of the object's last key.
// Inlined into each of its callers, for the same reason as same_name().
[[gnu::always_inline]] inline const CaseField* find_field(std::span<const CaseField> fields, const CaseField* last,
                                                            std::string_view name) {
  const std::size_t start =
      last != nullptr && last >= fields.data() && last < fields.data() + fields.size()
          ? static_cast<std::size_t>(last - fields.data()) + 1
          : 0;
  for (std::size_t i = start; i < fields.size(); ++i) {
    if (same_name(fields[i].name, name)) return &fields[i];
  }
  for (std::size_t i = 0; i < start; ++i) {
    if (same_name(fields[i].name, name)) return &fields[i];
  }
  return nullptr;
}

bool Reader::key(std::string_view k, std::size_t at) {
  if (skip_depth_ > 0) return true;
  Frame& f = stack_.back();
  std::optional<FieldPlace> place;
  switch (f.ctx) {
    case Ctx::top: place = FieldPlace::top; break;
    case Ctx::node: place = FieldPlace::node; break;
    case Ctx::edge: place = FieldPlace::edge; break;
    case Ctx::cite: place = FieldPlace::citation; break;
    default: break;
  }
  const std::span<const CaseField> fields =
      place ? fields_[static_cast<std::size_t>(*place)] : std::span<const CaseField>();
  f.field = find_field(fields, f.field, k);
  // A known field's name lives as long as the program; any other key is
  // kept (rare: fields this build does not know).
  f.key = f.field != nullptr ? f.field->name : std::string_view(unescaped_.emplace_back(k));
  // Duplicate keys: known fields by bit, unknown ones by the kept attributes.
  bool duplicate = false;
  if (f.field != nullptr) {
    const auto bit = std::uint32_t{1} << (f.field - fields.data());
    duplicate = (f.seen & bit) != 0;
    f.seen |= bit;
  } else if (const Attributes* extra = extra_target()) {
    duplicate = std::any_of(extra->begin(), extra->end(), [&](const Attribute& a) { return a.key == f.key; });
  }
  if (duplicate) {
    diags_.parse_error(at, value_pointer(), "duplicate key " + shown(f.key) + " in the same object");
  } else if (f.field == nullptr && place) {
    std::string message = "unknown field " + shown(f.key) + " (kept on export)";
    if (auto near = detail::nearest(f.key, suggestions_[static_cast<std::size_t>(*place)])) {
      message += "; did you mean \"" + *near + "\"?";
    }
    diags_.warning(at, value_pointer(), std::move(message));
  }
  return true;
}

bool Reader::start(bool array, std::size_t at) {
  if (stack_.size() + skip_depth_ >= options_.limits.max_depth) {
    unusable_ = true;
    diags_.fatal_parse(at, "", Limit::depth,
                       "nesting deeper than " + std::to_string(options_.limits.max_depth) + " levels");
  }
  if (skip_depth_ > 0) {
    ++skip_depth_;
    return true;
  }
  if (open(array, at)) return true;
  if (slot() == Slot::extra) {
    begin_skip(true, at);
    return true;
  }
  mark_bad();
  type_error(at, array ? "an array" : "an object");
  begin_skip(false, at);
  return true;
}

// Enters the object or array at `at` when one is expected there.
bool Reader::open(bool array, std::size_t at) {
  auto push = [&](Ctx ctx) { stack_.push_back(Frame{ctx, array, 0, {}, nullptr, at, 0}); };
  switch (slot()) {
    case Slot::root:
      if (array) return false;
      push(Ctx::top);
      return true;
    case Slot::node:
      if (array) return false;
      node_ = PendingNode{};
      push(Ctx::node);
      return true;
    case Slot::edge:
      if (array) return false;
      // Only edge_details() writes details_, and it sets has_details_.
      edge_ = PendingEdge{};
      if (has_details_) details_ = EdgeDetails{};
      has_details_ = false;
      edge_.start = at;
      edge_.index = stack_.back().index;
      push(Ctx::edge);
      return true;
    case Slot::cite:
      if (array) return false;
      node_.node.cite.emplace_back();
      cite_bad_ = false;
      push(Ctx::cite);
      return true;
    case Slot::field: break;
    case Slot::tag:
    case Slot::extra: return false;
  }
  if (stack_.back().field->type == FieldType::citations) {
    if (!array) node_.node.cite.emplace_back();
    cite_bad_ = false;
    push(array ? Ctx::cites : Ctx::cite);
    return true;
  }
  if (!array) return false;
  switch (stack_.back().field->type) {
    case FieldType::node_array: push(Ctx::nodes); return true;
    case FieldType::edge_array: push(Ctx::edges); return true;
    case FieldType::string_array:
      node_.node.tags.emplace();
      push(Ctx::tags);
      return true;
    default: return false;
  }
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
  // A node, edge or citation is finished while its frame is still on the
  // stack, so that pointers name it.
  const Ctx ctx = stack_.back().ctx;
  switch (ctx) {
    case Ctx::node: finish_node(stack_.back()); break;
    case Ctx::edge: finish_edge(stack_.back()); break;
    case Ctx::cite: finish_cite(stack_.back()); break;
    default: break;
  }
  const Frame frame = stack_.back();
  stack_.pop_back();
  switch (ctx) {
    case Ctx::top: finish_top(frame); break;
    case Ctx::nodes:
      add_batch();
      // Every node is read, placed and copied into the graph: unless edges
      // written before the nodes point into the text, nothing before here
      // is read again.
      if (edges_.empty() && options_.text_read) {
        wait_for_scan();
        locate_nodes();
        options_.text_read(at + 1);
      }
      break;
    default: break;
  }
  value_done();
  return true;
}

// Reports the required fields of a node or an edge that `frame` lacks.
void Reader::missing_fields(const Frame& frame, FieldPlace place) {
  const std::uint32_t required = required_[static_cast<std::size_t>(place)];
  if ((frame.seen & required) == required) return;
  const auto fields = case_fields(place);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!fields[i].required || (frame.seen & (std::uint32_t{1} << i)) != 0) continue;
    diags_.parse_error(frame.start, here_pointer(),
                       std::string(to_string(place)) + " is missing the required field \"" +
                           std::string(fields[i].name) + "\"");
    mark_bad();
  }
}

void Reader::finish_node(const Frame& frame) {
  missing_fields(frame, FieldPlace::node);
  Node& n = node_.node;
  std::sort(n.extra.begin(), n.extra.end(), [](const Attribute& a, const Attribute& b) { return a.key < b.key; });
  if (n.id.empty()) return;
  // Near the limit, the count must include the batch.
  if (graph_.node_count() + batch_.size() >= options_.limits.max_nodes) add_batch();
  if (graph_.node_count() >= options_.limits.max_nodes && !graph_.find(n.id)) {
    unusable_ = true;
    diags_.fatal(frame.start, here_pointer(), Limit::nodes,
                 "more than " + std::to_string(options_.limits.max_nodes) + " nodes");
  }
  node_.start = frame.start;
  node_.index = stack_[stack_.size() - 2].index;  // the frame of "nodes" is below the node's
  queue_node(std::move(node_));
}

void Reader::queue_node(PendingNode&& node) {
  batch_.push_back(std::move(node));
  queued();
}

void Reader::queued() {
  if (batch_.size() == batch_size) {
    add_batch();
    release_read_nodes();
  }
}

// Most nodes of a large case are plain: an object of known string fields,
// each given once, written without escapes, with values that need no
// diagnostic. Such a node is read here straight from stage 1's index, as
// the events would have built it (the same record, offsets and order),
// without a frame, a key's event or a value's. Anything else (another
// field, a number, an array, an escape, a value that draws a diagnostic, a
// node near a limit) is left to the walk, from the node's '{', before
// anything is kept: the answer is the same either way.
std::size_t Reader::read_plain_node(std::size_t k) {
  if (stack_.size() + 1 >= options_.limits.max_depth ||
      graph_.node_count() + batch_.size() + 1 >= options_.limits.max_nodes) {
    return 0;
  }
  detail::SimdJsonEvents<Reader>& ev = *events_;
  const auto fields = fields_[static_cast<std::size_t>(FieldPlace::node)];
  // Built where it is queued, and taken back if it turns out not to be
  // plain: no record moved into the batch, nothing left behind.
  PendingNode& node = batch_.emplace_back();
  const auto walk_it = [this] {
    batch_.pop_back();
    return std::size_t{0};
  };
  std::uint32_t seen = 0;
  const CaseField* field = nullptr;
  std::size_t j = k + 1;  // a member's key
  for (;;) {
    std::string_view key, value;
    if (ev.kind_of(j + 1) != ':' || !ev.plain_string(j, key)) return walk_it();
    field = find_field(fields, field, key);
    if (field == nullptr || field->type != FieldType::string) return walk_it();
    const auto bit = std::uint32_t{1} << (field - fields.data());
    if ((seen & bit) != 0) return walk_it();
    seen |= bit;
    if (!ev.plain_string(j + 2, value) || value.size() > options_.limits.max_string_bytes ||
        !plain_node_string(node, *field, value, ev.offset(j + 2))) {
      return walk_it();
    }
    const char next = ev.kind_of(j + 3);
    if (next == '}') break;
    if (next != ',') return walk_it();
    j += 4;
  }
  const std::uint32_t required = required_[static_cast<std::size_t>(FieldPlace::node)];
  if ((seen & required) != required) return walk_it();
  // As finish_node() and end() would, with nothing missing and no fields
  // this build does not know.
  node.start = ev.offset(k);
  node.index = stack_.back().index;
  queued();
  value_done();
  ++how_.plain_nodes;
  return j + 4;  // past the '}'
}

// node_string() for a plain node: false, with nothing reported, where it
// would report something (or do what the shortcut does not).
bool Reader::plain_node_string(PendingNode& node, const CaseField& field, std::string_view v, std::size_t at) {
  Node& n = node.node;
  if (!field.values.empty()) {
    std::size_t i = 0;
    while (i < field.values.size() && !same_name(field.values[i].name, v)) ++i;
    if (i == field.values.size()) return false;
    if (field.key == FieldKey::kind) n.kind = all_node_kinds()[i];
    if (field.key == FieldKey::standard) n.standard = all_standards()[i];
    if (field.key == FieldKey::test) n.test = all_element_tests()[i];
    return true;
  }
  switch (field.key) {
    case FieldKey::node_id:
      // A view into the text has no raw control character: stage 1 refuses them.
      if (v.empty()) return false;
      node.id_offset = at;
      n.id = v;
      return true;
    case FieldKey::label:
      if (detail::only_whitespace(v)) return false;
      n.label = v;
      return true;
    case FieldKey::text: n.text.emplace(v); return true;
    case FieldKey::party: n.party.emplace(v); return true;
    case FieldKey::group: n.group.emplace(v); return true;
    case FieldKey::source: n.source.emplace(v); return true;
    case FieldKey::burden: n.burden.emplace(v); return true;
    default: return false;
  }
}

// While no edge is pending, the text of the nodes added so far is read
// again by nothing but the locator: once there is enough of it, they are
// placed and it is released (ReadOptions::text_read), so that a large case
// does not hold all of its nodes' text at once. (With "edges" read on a
// second thread, that text would otherwise stay until the end of "nodes"
// beside the edges read meanwhile.)
void Reader::release_read_nodes() {
  constexpr std::size_t step = std::size_t{16} << 20;
  if (!edges_.empty() || !options_.text_read || node_offsets_.empty()) return;
  const std::size_t upto = node_offsets_.back();  // the last node added starts here
  if (upto - released_ < step) return;
  wait_for_scan();
  for (std::size_t offset : node_offsets_) places_.nodes.push_back(locator_.at(offset));
  node_offsets_.clear();
  options_.text_read(upto);
  released_ = upto;
}

// Adds the batch of nodes to the graph, in order. Looking an id up in the
// index of a large graph is a cache miss; the places of the whole batch are
// loaded at once first, so that the misses overlap. A duplicate id is
// reported here: since any diagnostic adds the batch before it is made
// (diags_.before_each), every diagnostic comes in the order it would if
// each node were added as it ends.
void Reader::add_batch() {
  if (batch_.empty()) return;
  std::vector<PendingNode> batch;
  batch.swap(batch_);  // a diagnostic made below finds no batch
  for (PendingNode& p : batch) {
    p.hash = detail::GraphLoader::id_hash(p.node.id);
    detail::GraphLoader::prefetch_id(graph_, p.hash);
  }
  for (PendingNode& p : batch) {
    // A node with errors still claims its id, so that edges to it are not
    // reported as dangling on top of the real problem.
    const auto [v, added] = detail::GraphLoader::insert_node(graph_, std::move(p.node), p.hash);
    if (!added) {
      const std::string_view id = graph_.id(v);
      diags_.error(p.id_offset, "/nodes/" + std::to_string(p.index) + "/id",
                   "duplicate node id " + shown(id) + "; first defined at " + diags_.location(id_offsets_[v]));
      continue;
    }
    id_offsets_.push_back(p.id_offset);
    node_offsets_.push_back(p.start);
  }
  batch.clear();
  batch_.swap(batch);  // keeps the capacity
}

// Most edges of a large case are plain as well: "from", "to" and
// "relation", each once, written without escapes, the relation one the
// table names. Such an edge is kept here straight from the index, as
// finish_edge() would keep it (the same record, offset and order). Anything
// else (an "id", a scheme or question, another field, an escape, a number,
// an unknown relation, an edge at a limit) is walked from its '{', where
// the events report what they find: the answer is the same either way.
std::size_t Reader::read_plain_edge(std::size_t k) {
  if (stack_.size() + 1 >= options_.limits.max_depth || edges_.size() >= options_.limits.max_edges) return 0;
  detail::SimdJsonEvents<Reader>& ev = *events_;
  const auto fields = fields_[static_cast<std::size_t>(FieldPlace::edge)];
  PendingEdge edge;
  std::uint32_t seen = 0;
  const CaseField* field = nullptr;
  std::size_t j = k + 1;  // a member's key
  for (;;) {
    std::string_view key, value;
    if (ev.kind_of(j + 1) != ':' || !ev.plain_string(j, key)) return 0;
    field = find_field(fields, field, key);
    if (field == nullptr) return 0;
    const auto bit = std::uint32_t{1} << (field - fields.data());
    if ((seen & bit) != 0) return 0;
    seen |= bit;
    if (!ev.plain_string(j + 2, value) || value.size() > options_.limits.max_string_bytes) return 0;
    switch (field->key) {
      case FieldKey::from: edge.from = value; break;
      case FieldKey::to: edge.to = value; break;
      case FieldKey::relation: {
        std::size_t i = 0;
        while (i < field->values.size() && !same_name(field->values[i].name, value)) ++i;
        if (i == field->values.size()) return 0;
        edge.relation = all_relations()[i];
        break;
      }
      default: return 0;
    }
    const char next = ev.kind_of(j + 3);
    if (next == '}') break;
    if (next != ',') return 0;
    j += 4;
  }
  const std::uint32_t required = required_[static_cast<std::size_t>(FieldPlace::edge)];
  if ((seen & required) != required) return 0;
  edge.start = ev.offset(k);
  edge.index = stack_.back().index;
  edge_offsets_.push_back(edge.start);
  edge_id_written_.push_back(false);
  edges_.push_back(edge);
  value_done();
  ++how_.plain_edges;
  return j + 4;  // past the '}'
}

void Reader::finish_edge(const Frame& frame) {
  missing_fields(frame, FieldPlace::edge);
  if (edges_.size() >= options_.limits.max_edges) {
    unusable_ = true;
    diags_.fatal(frame.start, here_pointer(), Limit::edges,
                 "more than " + std::to_string(options_.limits.max_edges) + " edges");
  }
  edge_offsets_.push_back(edge_.start);
  edge_id_written_.push_back(has_details_ && !details_.id.empty());
  if (has_details_) {
    std::sort(details_.extra.begin(), details_.extra.end(),
              [](const Attribute& a, const Attribute& b) { return a.key < b.key; });
    edge_.details = static_cast<std::uint32_t>(edge_details_.size());
    edge_details_.push_back(std::move(details_));
  }
  edges_.push_back(edge_);
}

// A citation must say what it cites: a date, pin cite or quote alone
// cannot be found in the record.
void Reader::finish_cite(const Frame& frame) {
  Citation& c = node_.node.cite.back();
  std::sort(c.extra.begin(), c.extra.end(), [](const Attribute& a, const Attribute& b) { return a.key < b.key; });
  if (names_what_it_cites(c) || cite_bad_) return;
  diags_.error(frame.start, here_pointer(), std::string(unnamed_citation));
}

void Reader::finish_top(const Frame& frame) {
  const auto fields = case_fields(FieldPlace::top);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!fields[i].required || (frame.seen & (std::uint32_t{1} << i)) != 0) continue;
    if (fields[i].type == FieldType::version) {
      unusable_ = true;
      diags_.parse_error(frame.start, "",
                         "missing the format version: add \"" + std::string(fields[i].name) +
                             "\": " + std::to_string(json_format_version) + " at the top of the file");
    } else {
      diags_.parse_error(frame.start, "",
                         "missing the required field \"" + std::string(fields[i].name) + "\" (" +
                             expected_value(fields[i]) + ")");
    }
  }
  std::sort(graph_.extra.begin(), graph_.extra.end(), [](const Attribute& a, const Attribute& b) { return a.key < b.key; });
}

void Reader::resolve_edges() {
  add_batch();
  graph_.reserve(graph_.node_count(), edges_.size());
  // Finding the nodes that the edges' ends name is most of resolving them
  // on a large case (each lookup a cache miss in the id index). With a
  // second core, the ends of the later half of the edges are looked up
  // there while this thread resolves the first half: the lookups only read
  // the index, which adding edges does not touch. The answer is the same.
  constexpr std::size_t block = 4096;
  const std::size_t m = edges_.size();
  std::size_t split = m;  // edges from here on have their ends found on the second thread
  std::vector<std::size_t> later;  // their nodes, two an edge
  std::jthread looking;    // joined before `later` is freed, on any exit
  if (options_.threads > 1 && m >= 16 * block) {
    split = m / 2 / block * block;
    later.resize(2 * (m - split));
    try {
      looking = std::jthread([this, split, m, out = later.data()] { find_ends(split, m, out); });
      how_.ends_ahead = true;
    } catch (...) {  // no thread: this one finds them all
      split = m;
      std::vector<std::size_t>().swap(later);
    }
  }
  Resolution r;
  index_edge_ids(r);
  // Each edge goes into the graph as it is resolved: the only copy of the
  // edges besides the graph's is the pending one. Once something is wrong
  // the graph is not returned, so edges are no longer added, only checked.
  std::vector<std::size_t> found(2 * std::min(block, split));
  for (std::size_t first = 0; first < m; first += block) {
    const std::size_t last = std::min(m, first + block);
    const std::size_t* ends = found.data();
    if (first < split) {
      find_ends(first, last, found.data());
    } else {
      if (first == split) looking.join();
      ends = later.data() + 2 * (first - split);
    }
    for (std::size_t i = first; i < last; ++i) {
      std::size_t to = ends[2 * (i - first) + 1];
      auto edge = resolve(r, i, ends[2 * (i - first)], to);
      if (edge && !diags_.failed()) detail::GraphLoader::append_edge(graph_, ends[2 * (i - first)], to, std::move(*edge));
    }
  }
  if (looking.joinable()) looking.join();
  std::vector<std::size_t>().swap(later);
  std::vector<PendingEdge>().swap(edges_);
  std::vector<EdgeDetails>().swap(edge_details_);
  if (diags_.failed()) return;
  locate();
  if (options_.text_read) options_.text_read(text_.size());
}

// The ends of a run of edges are looked up at once: the id index
// prefetches the slots of later ends while it compares earlier ones.
void Reader::find_ends(std::size_t first, std::size_t last, std::size_t* out) const {
  constexpr std::size_t block = 256;
  std::array<std::string_view, 2 * block> ends;
  for (std::size_t begin = first; begin < last; begin += block) {
    const std::size_t end = std::min(last, begin + block);
    for (std::size_t i = begin; i < end; ++i) {
      ends[2 * (i - begin)] = edges_[i].from;
      ends[2 * (i - begin) + 1] = edges_[i].to;
    }
    detail::GraphLoader::find_ends(graph_, ends.data(), 2 * (end - begin), out + 2 * (begin - first));
  }
}

// Edge ids, for undercuts to name the edge they attack.
void Reader::index_edge_ids(Resolution& r) {
  for (std::size_t i = 0; i < edges_.size(); ++i) {
    const auto& e = edges_[i];
    const EdgeDetails& d = details_of(e);
    if (d.id.empty()) continue;
    auto [it, added] = r.edge_ids.try_emplace(d.id, i);
    if (!added) {
      diags_.error(d.id_offset, "/edges/" + std::to_string(e.index) + "/id",
                   "duplicate edge id " + shown(d.id) + "; first defined at " +
                       diags_.location(details_of(edges_[it->second]).id_offset));
    }
  }
}

void Reader::unknown_node(Resolution& r, std::string_view id, std::size_t offset, const std::string& ptr) {
  std::string message = "unknown node " + shown(id);
  if (graph_.node_count() <= 5000) {
    if (r.ids.empty()) {
      r.ids.reserve(graph_.node_count());
      for (std::size_t v = 0; v < graph_.node_count(); ++v) r.ids.push_back(graph_.id(v));
    }
    if (auto near = detail::nearest(id, r.ids)) message += "; did you mean \"" + *near + "\"?";
  }
  diags_.error(offset, ptr, std::move(message));
}

// Edge `i` as the graph stores it, or nothing when it cannot be used (and
// that is reported). `from` and `to` are the nodes its ends name (or
// Graph::npos); for an undercut, `to` becomes the attacked edge's target.
std::optional<Edge> Reader::resolve(Resolution& r, std::size_t i, std::size_t from, std::size_t& to) {
  const PendingEdge& e = edges_[i];
  if (e.bad) return std::nullopt;
  EdgeDetails* details = e.details == PendingEdge::no_details ? nullptr : &edge_details_[e.details];
  static const EdgeDetails none;
  const EdgeDetails& d = details != nullptr ? *details : none;
  const std::size_t from_offset = end_offset(e.from, d.from_offset);
  const std::size_t to_offset = end_offset(e.to, d.to_offset);
  std::size_t target_edge = static_cast<std::size_t>(-1);
  const auto ptr = [&e] { return "/edges/" + std::to_string(e.index); };
  if (e.relation == Relation::undercuts) {
    // "to" names the supports edge that is undercut; the stored edge runs
    // to that edge's target.
    auto it = r.edge_ids.find(e.to);
    if (it == r.edge_ids.end()) {
      diags_.error(to_offset, ptr() + "/to",
                   "unknown edge " + shown(e.to) + "; an undercut names the \"id\" of the supports edge it attacks");
      return std::nullopt;
    }
    const PendingEdge& target = edges_[it->second];
    if (target.relation != Relation::supports) {
      diags_.error(to_offset, ptr() + "/to",
                   "edge " + shown(e.to) + " is a " + std::string(to_string(target.relation)) +
                       " edge; only supports edges can be undercut");
      return std::nullopt;
    }
    to = graph_.find(target.to).value_or(Graph::npos);
    target_edge = it->second;
    if (to == Graph::npos) return std::nullopt;  // reported with the target edge
  }
  if (from == Graph::npos || to == Graph::npos) {
    if (from == Graph::npos) unknown_node(r, e.from, from_offset, ptr() + "/from");
    if (to == Graph::npos) unknown_node(r, e.to, to_offset, ptr() + "/to");
    return std::nullopt;
  }
  if (from == to) {
    diags_.error(e.start, ptr(),
                 e.relation == Relation::undercuts
                     ? "node " + shown(e.from) + " undercuts its own support; an undercut must come from another node"
                     : "edge from " + shown(e.from) + " to itself; an edge must join two different nodes");
    return std::nullopt;
  }
  if (!d.scheme.empty() && e.relation != Relation::supports) {
    diags_.error(d.scheme_offset, ptr() + "/scheme",
                 "a " + std::string(to_string(e.relation)) +
                     " edge names no scheme: a scheme is the kind of inference a supports edge makes");
    return std::nullopt;
  }
  if (!d.question.empty() && e.relation != Relation::supports && e.relation != Relation::undercuts) {
    diags_.error(d.question_offset, ptr() + "/question",
                 "a " + std::string(to_string(e.relation)) +
                     " edge names no critical question: an undercuts edge raises one, a supports edge settles one");
    return std::nullopt;
  }
  std::shared_ptr<const SchemeNames> names;
  if (!d.scheme.empty() || !d.question.empty()) {
    names = std::make_shared<const SchemeNames>(SchemeNames{std::string(d.scheme), std::string(d.question)});
  }
  return Edge{e.relation,
              0,
              details != nullptr ? std::move(details->extra) : Attributes{},
              d.id.empty() ? std::nullopt : std::optional<std::string>(d.id),
              target_edge,
              std::move(names)};
}

// Whether the text can be parsed at all: within the size limit, UTF-8, not
// blank. Else the one problem is reported.
// Lines and columns of offsets, asked in ascending order, in one pass over
// the text (columns count characters, as diagnostics do): newlines are
// found with memchr, and only the part of a line before an offset is
// counted character by character.

bool Reader::readable() {
  if (text_.size() > options_.limits.max_input_bytes) {
    diags_.fatal_parse(0, "", Limit::input_bytes,
                       "input of " + std::to_string(text_.size()) + " bytes exceeds the limit of " +
                           std::to_string(options_.limits.max_input_bytes) + " bytes");
  }
  const bool utf16 = text_.size() >= 2 && ((text_[0] == '\xFF' && text_[1] == '\xFE') ||
                                           (text_[0] == '\xFE' && text_[1] == '\xFF') || text_[0] == '\0' ||
                                           text_[1] == '\0');
  if (utf16) {
    diags_.parse_error(0, "the file looks like UTF-16 or UTF-32; case files must be encoded as UTF-8");
    return false;
  }
  if (detail::only_whitespace(text_)) {
    diags_.parse_error(
        0, "the file is empty; a case file is a JSON object such as {\"claimgraph\": 1, \"nodes\": [], \"edges\": []}");
    return false;
  }
  return true;
}

void Reader::count(std::size_t n) {
  // No more than the text could hold as valid nodes or edges (each takes
  // over 32 bytes), so that an array of a million "{}" does not reserve a
  // million records.
  n = std::min(n, text_.size() / 32);
  if (stack_.back().ctx == Ctx::nodes) {
    n = std::min(n, options_.limits.max_nodes);
    graph_.reserve(n, 0);
    id_offsets_.reserve(n);
    node_offsets_.reserve(n);
    places_.nodes.reserve(n);
  } else {
    n = std::min(n, options_.limits.max_edges);
    edges_.reserve(n);
    edge_offsets_.reserve(n);
    edge_id_written_.reserve(n);
  }
}

// A large case file is mostly its "edges" array, and the edges need
// nothing from the nodes until they are resolved. With ReadOptions::threads
// above 1, a second thread finds the document's top-level "edges" array in
// stage 1's index and reads it with a reader of its own, as this reader
// would on reaching it, while this one reads what comes before. When this
// one reaches the array, it takes what the other read, provided that
// reading made no diagnostic (of any kind: their order and budgets are
// this reader's), was not refused, and this reader is where the other
// assumed (in the top-level object, with no edges yet); else it reads the
// array itself. Either way the answer is the same, byte for byte.
struct Reader::Ahead {
  Ahead(std::string_view text, const ReadOptions& options, std::size_t capacity)
      : reader(text, options, capacity) {}
  Ahead(const Ahead&) = delete;
  Ahead& operator=(const Ahead&) = delete;
  ~Ahead() { join(); }
  void join() {
    if (thread.joinable()) thread.join();
  }

  Reader reader;
  std::size_t at = 0;     // the array's '[' token, or 0: not found
  std::size_t after = 0;  // the token after its ']'
  bool clean = false;     // read to its end with no diagnostic
  bool reported = false;  // the reader made a diagnostic
  std::size_t from = 0;   // where the '[' is in the text
  std::vector<SourcePlace> places;  // per edge: its place counted from the '[' (line 1, column 1)
  // Counted down once the thread reads nothing before the array: the text
  // before it may then be released (ReadOptions::text_read).
  std::latch scanned{1};
  std::thread thread;  // last: joined before the rest is destroyed
};

void Reader::read_edges_ahead(const detail::SimdJsonEvents<Reader>& events, Ahead& ahead) {
  bool counted = false;
  try {
    Reader& r = ahead.reader;
    r.diags_.before_each([](void* a) { static_cast<Ahead*>(a)->reported = true; }, &ahead);
    ahead.at = events.top_level_array("edges");
    ahead.scanned.count_down();
    counted = true;
    if (ahead.at == 0) return;
    // As this reader's stack is on reaching the value: the top-level
    // object, its key "edges".
    const auto top = r.fields_[static_cast<std::size_t>(FieldPlace::top)];
    const CaseField* edges = find_field(top, nullptr, "edges");
    if (edges == nullptr) return;
    r.stack_.push_back(Frame{Ctx::top, false, 0, edges->name, edges, 0, 0});
    detail::SimdJsonEvents<Reader> walker(r.text_, r.capacity_, r);
    if (!walker.share_index(events)) return;
    // Offered each edge (read_object) while the walk runs, and only then.
    struct Walking {
      Reader& reader;
      ~Walking() { reader.events_ = nullptr; }
    } walking{r};
    r.events_ = &walker;
    if (walker.walk_value(ahead.at) == detail::FastParseStatus::complete && !ahead.reported && !r.unusable_) {
      // Where each edge is written, counted from the array's '[' (the
      // text before it may be released meanwhile): locate() makes these
      // whole once that '[' is placed.
      ahead.from = events.offset(ahead.at);
      Locator relative(r.text_.substr(ahead.from));
      ahead.places.reserve(r.edge_offsets_.size());
      for (std::size_t offset : r.edge_offsets_) ahead.places.push_back(relative.at(offset - ahead.from));
      std::vector<std::size_t>().swap(r.edge_offsets_);
      ahead.after = walker.end();
      ahead.clean = true;
    }
  } catch (...) {  // a limit, a stop, memory: this reader reads the array itself
  }
  if (!counted) ahead.scanned.count_down();
}

std::size_t Reader::read_ahead(std::size_t k) {
  if (ahead_ == nullptr) return 0;
  ahead_->scanned.wait();
  if (k != ahead_->at) return 0;
  Ahead& a = *ahead_;
  ahead_ = nullptr;  // taken, or read here: either way once
  a.join();
  if (!a.clean || skip_depth_ != 0 || stack_.size() != 1 || stack_.back().ctx != Ctx::top ||
      stack_.back().field == nullptr || stack_.back().field->type != FieldType::edge_array || !edges_.empty()) {
    return 0;
  }
  Reader& r = a.reader;
  edges_ = std::move(r.edges_);
  edge_details_ = std::move(r.edge_details_);
  edge_places_ = std::move(a.places);
  edge_places_from_ = a.from;
  edge_id_written_ = std::move(r.edge_id_written_);
  ahead_unescaped_ = std::move(r.unescaped_);  // the edges' views into it stay valid
  how_.edges_ahead = true;
  how_.plain_edges += r.how_.plain_edges;
  value_done();
  return a.after;
}

void Reader::wait_for_scan() {
  if (ahead_ != nullptr) ahead_->scanned.wait();
}

// False when the fast path rejected the input.
bool Reader::parse(bool fast) {
  bool complete = false;
  if (fast) {
    detail::SimdJsonEvents<Reader> events(text_, capacity_, *this);
    if (!events.index()) return false;
    detail::FastParseStatus status{};
    {
      // Declared after `events`, whose index its thread reads: joined first.
      std::optional<Ahead> ahead;
      if (options_.threads > 1) {
        ahead.emplace(raw_text_, options_, raw_capacity_);
        ahead_ = &*ahead;
        try {
          ahead->thread = std::thread(read_edges_ahead, std::cref(events), std::ref(*ahead));
        } catch (...) {  // no thread: this one reads everything
          ahead_ = nullptr;
          ahead.reset();
        }
      }
      // The walk is offered each object (read_object) while it runs, and
      // only then, however it ends.
      struct Walking {
        Reader& reader;
        ~Walking() { reader.events_ = nullptr; }
      } walking{*this};
      events_ = &events;
      status = events.walk_document();
      ahead_ = nullptr;
    }
    if (status == detail::FastParseStatus::rejected) return false;
    complete = status == detail::FastParseStatus::complete;
  } else {
    detail::JsonParser<Reader> parser(text_, *this);
    const auto status = parser.parse();
    if (status == detail::JsonParseStatus::syntax_error) {
      diags_.parse_error(parser.error().offset, "malformed JSON: " + parser.error().message);
    }
    complete = status == detail::JsonParseStatus::complete;
  }
  add_batch();
  if (complete && !unusable_) resolve_edges();
  return true;
}

std::optional<ReadResult> Reader::run(bool fast) {
  bool ok = false;
  try {
    ok = readable();
  } catch (const detail::TooManyErrors&) {  // the one problem is all there is
  } catch (const detail::Fatal&) {
  }
  bool stopped = false;
  if (ok) {
    try {
      if (!parse(fast && capacity_ >= text_.size() + simdjson::SIMDJSON_PADDING)) return std::nullopt;
    } catch (const detail::TooManyErrors&) {
      stopped = true;
    } catch (const detail::Fatal&) {
    }
  }
  std::vector<Diagnostic> warnings = diags_.finish(stopped);
  // No errors: node v is the v-th of "nodes", edge i the i-th of "edges".
  locate();
  places_.edge_id_written = std::move(edge_id_written_);
  places_.pointers = true;
  return ReadResult{std::move(graph_), std::move(warnings), std::move(places_)};
}

void Reader::locate_nodes() {
  for (std::size_t offset : node_offsets_) places_.nodes.push_back(locator_.at(offset));
  std::vector<std::size_t>().swap(node_offsets_);
}

void Reader::locate() {
  if (located_) return;
  located_ = true;
  locate_nodes();
  if (edge_places_from_ != no_places) {
    // Placed on the second thread, from the array's '['.
    const SourcePlace start = locator_.at(edge_places_from_);
    for (SourcePlace& p : edge_places_) {
      if (p.line == 1) p.column += start.column - 1;
      p.line += start.line - 1;
    }
    places_.edges = std::move(edge_places_);
    // Edges read here after those (a second "edges" key, an error).
    for (std::size_t offset : edge_offsets_) places_.edges.push_back(locator_.at(offset));
  } else {
    places_.edges = locate_all(locator_, edge_offsets_);
  }
  std::vector<std::size_t>().swap(edge_offsets_);
  std::vector<std::size_t>().swap(id_offsets_);
}

}  // namespace

namespace json_paths {

std::optional<ReadResult> read_fast(std::string_view text, std::size_t capacity, const ReadOptions& options,
                                    FastRead* how) {
  Reader reader(text, options, capacity);
  try {
    auto result = reader.run(true);
    if (how != nullptr) *how = reader.how();
    return result;
  } catch (...) {  // errors in the text, thrown
    if (how != nullptr) *how = reader.how();
    throw;
  }
}

ReadResult read_located(std::string_view text, const ReadOptions& options) {
  return *Reader(text, options).run(false);
}

}  // namespace json_paths

ReadResult read_json(std::string_view text, const ReadOptions& options) {
  // The fast path needs simdjson's padding after the text: where the caller
  // has none to offer, the text is copied into a buffer that has it.
  std::optional<simdjson::padded_string> copy;
  std::size_t capacity = text.size() + options.readable_past_end;
  if (options.readable_past_end < simdjson::SIMDJSON_PADDING && text.size() <= options.limits.max_input_bytes) {
    copy.emplace(text);
    text = std::string_view(copy->data(), copy->size());
    capacity = text.size() + simdjson::SIMDJSON_PADDING;
  }
  if (auto fast = json_paths::read_fast(text, capacity, options)) return std::move(*fast);
  return json_paths::read_located(text, options);
}

ReadResult read_json(std::istream& in, const ReadOptions& options) { return read_stream(in, options, read_json); }

}  // namespace claimgraph::io
