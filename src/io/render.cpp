#include "claimgraph/io/render.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "claimgraph/error.hpp"
#include "detail/pdf_date.hpp"

namespace claimgraph::io {

const char* to_string(RenderFormat format) noexcept {
  switch (format) {
    case RenderFormat::svg: return "svg";
    case RenderFormat::png: return "png";
    case RenderFormat::pdf: return "pdf";
  }
  return "svg";
}

const char* to_string(LayoutEngine engine) noexcept {
  switch (engine) {
    case LayoutEngine::dot: return "dot";
    case LayoutEngine::neato: return "neato";
    case LayoutEngine::fdp: return "fdp";
    case LayoutEngine::sfdp: return "sfdp";
  }
  return "dot";
}

std::optional<LayoutEngine> parse_layout_engine(std::string_view name) noexcept {
  for (auto e : {LayoutEngine::dot, LayoutEngine::neato, LayoutEngine::fdp, LayoutEngine::sfdp}) {
    if (name == to_string(e)) return e;
  }
  return std::nullopt;
}

namespace {

// Graphviz's error function, its error level and its parser and layout
// engines are process-wide: one render at a time.
std::mutex graphviz_mutex;
// Where Graphviz's messages go while a render runs (guarded by graphviz_mutex).
std::string* collected = nullptr;

// Graphviz calls this with pieces of each message: "Error" or "Warning",
// then ": ", then the text. It is C code calling back: nothing may escape.
int collect(char* text) {
  if (collected != nullptr && text != nullptr) {
    try {
      collected->append(text);
    } catch (...) {  // out of memory: the message is lost, the render goes on
    }
  }
  return 0;
}

// Graphviz's messages, split by kind.
struct Messages {
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

// Routes every Graphviz message, warnings included, to `collect` while it
// lives, and puts back whatever handler and level the host program had.
class MessageCapture {
 public:
  MessageCapture() : previous_function_(agseterrf(&collect)), previous_level_(agseterr(AGWARN)) {
    collected = &text_;
    agreseterrors();
  }
  MessageCapture(const MessageCapture&) = delete;
  MessageCapture& operator=(const MessageCapture&) = delete;
  ~MessageCapture() {
    collected = nullptr;
    agseterr(previous_level_);
    agseterrf(previous_function_);
  }

  // The messages so far, one per line ("Error: " and "Warning: " taken off;
  // a line without either continues the message before it), and forgets them.
  Messages take() {
    Messages out;
    std::vector<std::string>* last = &out.errors;
    std::size_t pos = 0;
    while (pos < text_.size()) {
      std::size_t nl = text_.find('\n', pos);
      if (nl == std::string::npos) nl = text_.size();
      std::string_view line(text_.data() + pos, nl - pos);
      pos = nl + 1;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty()) continue;
      if (line.rfind("Error: ", 0) == 0) {
        line.remove_prefix(7);
        last = &out.errors;
      } else if (line.rfind("Warning: ", 0) == 0) {
        line.remove_prefix(9);
        last = &out.warnings;
      } else if (!last->empty()) {
        last->back() += ' ';
        last->back() += std::string(line);
        continue;
      }
      last->emplace_back(line);
    }
    text_.clear();
    return out;
  }

 private:
  std::string text_;
  agusererrf previous_function_;
  agerrlevel_t previous_level_;
};

struct GraphDeleter {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphDeleter>;

// How cgraph numbers named objects. Its default uses the address of the
// interned name as the ID, and keeps subgraphs in ID order: clusters were
// emitted in an order that depended on the heap, so a second render in the
// same process could write the same diagram with its clusters reordered.
// This discipline numbers names in the order they are first seen, so the
// output is a function of the input. Named objects get even IDs and
// anonymous ones odd IDs, as with the default.
struct NameIds {
  std::unordered_map<std::string, IDTYPE> ids;
  std::deque<std::string> names;  // names[k] has the ID 2 (k + 1); a deque keeps them in place
  IDTYPE next_anonymous = 1;
};

// The callbacks are called from C: nothing may escape them.
void* ids_open(Agraph_t* /*graph*/, Agdisc_t* /*disc*/) { return new (std::nothrow) NameIds; }

long ids_map(void* state, int /*kind*/, char* name, IDTYPE* id, int create) {
  auto* ids = static_cast<NameIds*>(state);
  if (ids == nullptr) return 0;
  if (name == nullptr) {
    *id = ids->next_anonymous;
    ids->next_anonymous += 2;
    return 1;
  }
  try {
    if (const auto it = ids->ids.find(name); it != ids->ids.end()) {
      *id = it->second;
      return 1;
    }
    if (create == 0) return 0;
    ids->names.emplace_back(name);
    *id = 2 * static_cast<IDTYPE>(ids->names.size());
    ids->ids.emplace(ids->names.back(), *id);
    return 1;
  } catch (...) {
    return 0;
  }
}

long ids_alloc(void* /*state*/, int /*kind*/, IDTYPE request) { return request % 2 == 0 ? 1 : 0; }

void ids_free(void* /*state*/, int /*kind*/, IDTYPE /*id*/) {}  // names live until the graph is closed

char* ids_print(void* state, int /*kind*/, IDTYPE id) {
  auto* ids = static_cast<NameIds*>(state);
  if (ids == nullptr || id == 0 || id % 2 != 0 || id / 2 > ids->names.size()) return nullptr;
  return ids->names[static_cast<std::size_t>(id / 2 - 1)].data();
}

void ids_close(void* state) { delete static_cast<NameIds*>(state); }

void ids_register(void* /*state*/, int /*kind*/, void* /*object*/) {}

// DOT text in memory, handed to cgraph's parser a line at a time (as its
// own agmemread does), without copying it to add a terminating NUL.
struct MemoryReader {
  std::string_view text;
  std::size_t pos = 0;
};

int read_line(void* channel, char* buffer, int size) {
  auto* reader = static_cast<MemoryReader*>(channel);
  if (size <= 0) return 0;
  const auto max = static_cast<std::size_t>(size);
  std::size_t n = 0;
  while (n < max && reader->pos < reader->text.size()) {
    const char c = reader->text[reader->pos++];
    buffer[n++] = c;
    if (c == '\n') break;
  }
  return static_cast<int>(n);
}

Agdisc_t* dot_discipline() {
  static Agiddisc_t ids{ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};
  static Agiodisc_t io{read_line, AgIoDisc.putstr, AgIoDisc.flush};
  static Agdisc_t disc{&AgMemDisc, &ids, &io};
  return &disc;
}

// Parses DOT text with the disciplines above; null when it cannot.
Agraph_t* read_dot(std::string_view text) {
  agreadline(1);  // the parser counts lines on from where the last read stopped
  MemoryReader reader{text};
  return agread(&reader, dot_discipline());
}

// cgraph's lexer keeps what it had read beyond the end of a graph, and the
// next read starts with it: text after one render's graph would become the
// start of the next render's. Reads on, from nothing, until the lexer is
// empty; returns whether anything but space and comments was left.
bool drain_reader() {
  bool more = false;
  for (;;) {
    MemoryReader nothing{};
    Agraph_t* extra = agread(&nothing, dot_discipline());
    if (extra == nullptr) break;
    agclose(extra);
    more = true;
  }
  return more;
}

// Frees a layout before its graph is closed.
class LayoutGuard {
 public:
  LayoutGuard(GVC_t* gvc, Agraph_t* graph) : gvc_(gvc), graph_(graph) {}
  LayoutGuard(const LayoutGuard&) = delete;
  LayoutGuard& operator=(const LayoutGuard&) = delete;
  ~LayoutGuard() { gvFreeLayout(gvc_, graph_); }

 private:
  GVC_t* gvc_;
  Agraph_t* graph_;
};

struct RenderDataDeleter {
  void operator()(char* data) const { gvFreeRenderData(data); }
};

// The Graphviz context every render of the process shares (callers hold
// graphviz_mutex). It is never freed: Graphviz 2.42's pango plugin caches a
// pointer to the last font name it measured, which points into the
// context's font table, so freeing a context and making another left the
// next render comparing against freed memory (AddressSanitizer found it).
// One context for the whole process is also how Graphviz's own programs
// work, and saves loading the plugin list on every render.
GVC_t* context() {
  static GVC_t* const gvc = gvContext();
  if (gvc == nullptr) throw RenderError("cannot start Graphviz (out of memory?)", {});
  return gvc;
}

// The names of the plugins of one kind ("device", "layout") the shared
// context has (callers hold graphviz_mutex). Asked once per kind: the
// context lives as long as the process, and gvPluginList leaks a little on
// every call (the names it drops as duplicates).
const std::vector<std::string>& plugins(const char* kind) {
  static std::map<std::string, std::vector<std::string>, std::less<>> known;
  if (const auto it = known.find(kind); it != known.end()) return it->second;
  int size = 0;
  char** list = gvPluginList(context(), kind, &size, nullptr);
  std::vector<std::string> names;
  for (int i = 0; list != nullptr && i < size; ++i) {
    if (list[i] != nullptr) names.emplace_back(list[i]);
  }
  for (int i = 0; list != nullptr && i < size; ++i) std::free(list[i]);  // NOLINT: Graphviz allocated them
  std::free(list);                                                         // NOLINT
  return known.emplace(kind, std::move(names)).first->second;
}

bool has(const std::vector<std::string>& names, const char* name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += "; ";
    out += l;
  }
  return out;
}

// The error for a failed step, with what Graphviz said about it.
[[noreturn]] void fail(std::string what, Messages messages) {
  auto& said = messages.errors.empty() ? messages.warnings : messages.errors;
  if (!said.empty()) {
    what += " (Graphviz: ";
    what += joined(said);
    what += ')';
  }
  throw RenderError(what, std::move(said));
}

std::string formats_available(const std::vector<std::string>& devices) {
  std::string out;
  for (auto f : {RenderFormat::svg, RenderFormat::png, RenderFormat::pdf}) {
    if (!has(devices, to_string(f))) continue;
    if (!out.empty()) out += ", ";
    out += to_string(f);
  }
  return out.empty() ? std::string("none of svg, png, pdf") : out;
}

// Refuses, before any work, a format or engine this Graphviz cannot do.
void require_plugins(GVC_t* gvc, const RenderOptions& options) {
  const char* format = to_string(options.format);
  const auto& devices = plugins("device");
  if (!has(devices, format)) {
    std::string what = "cannot render ";
    what += format;
    what += ": the Graphviz libraries here (";
    what += gvcVersion(gvc);
    what += ") have no plugin for it";
    if (options.format != RenderFormat::svg) {
      what += " (";
      what += format;
      what += " needs Graphviz's cairo plugin, libgvplugin_pango; Debian ships it in libgvc6)";
    }
    what += "; available here: ";
    what += formats_available(devices);
    throw RenderError(what, {});
  }
  const char* engine = to_string(options.layout);
  if (!has(plugins("layout"), engine)) {
    std::string what = "cannot lay out with ";
    what += engine;
    what += ": the Graphviz libraries here (";
    what += gvcVersion(gvc);
    what += ") have no plugin for it";
    throw RenderError(what, {});
  }
}

// Sets a graph attribute unless the DOT already gives it.
void set_unless_given(Agraph_t* graph, const char* name, const char* value) {
  std::string n(name);
  const char* given = agget(graph, n.data());
  if (given != nullptr && *given != '\0') return;
  std::string v(value);
  std::string none;
  agsafeset(graph, n.data(), v.data(), none.data());
}

// Defaults for the force-directed engines (the DOT's own settings win):
// without overlap removal they draw labelled boxes on top of each other;
// with an explicit seed their random start is the same in every render
// (sfdp otherwise starts from state an earlier render in the process left).
void force_directed_defaults(Agraph_t* graph, LayoutEngine engine) {
  if (engine == LayoutEngine::dot) return;
  set_unless_given(graph, "overlap", "prism");
  set_unless_given(graph, "start", "1");
}

// What unflatten -l does, counted over the whole graph: the edges from
// nodes with several edges to leaves (nodes with one edge) get minimum
// lengths 1, 2, ..., levels, 1, 2, ... in turn, so that the leaves spread
// over that many ranks even where each node has only a leaf or two.
void stagger_leaves(Agraph_t* graph, int levels) {
  if (levels < 2) return;
  std::string name = "minlen";
  std::string one = "1";
  Agsym_t* minlen = agattr(graph, AGEDGE, name.data(), nullptr);
  if (minlen == nullptr) minlen = agattr(graph, AGEDGE, name.data(), one.data());
  int count = 0;
  for (Agnode_t* n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
    if (agdegree(graph, n, 1, 1) < 2) continue;
    for (Agedge_t* e = agfstedge(graph, n); e != nullptr; e = agnxtedge(graph, e, n)) {
      Agnode_t* other = aghead(e) == n ? agtail(e) : aghead(e);
      if (other == n || agdegree(graph, other, 1, 1) != 1) continue;
      std::string length = std::to_string(count % levels + 1);
      agxset(e, minlen, length.data());
      ++count;
    }
  }
}

// Sets `name` on every cluster below `graph`, nested ones too.
void set_on_clusters(Agraph_t* graph, const std::string& name, const std::string& value) {
  std::vector<Agraph_t*> stack{graph};
  while (!stack.empty()) {
    Agraph_t* g = stack.back();
    stack.pop_back();
    for (Agraph_t* sub = agfstsubg(g); sub != nullptr; sub = agnxtsubg(sub)) {
      stack.push_back(sub);
      if (std::string_view(agnameof(sub)).rfind("cluster", 0) != 0) continue;
      std::string n = name;
      std::string v = value;
      std::string none;
      agsafeset(sub, n.data(), v.data(), none.data());
    }
  }
}

void adjust(Agraph_t* graph, const RenderOptions& options) {
  for (const auto& [name, value] : options.attributes) {
    std::string n = name;
    std::string v = value;
    std::string none;
    agsafeset(graph, n.data(), v.data(), none.data());
  }
  for (const auto& [name, value] : options.node_attributes) {
    std::string n = name;
    std::string v = value;
    std::string none;
    Agsym_t* symbol = agattr(graph, AGNODE, n.data(), nullptr);
    if (symbol == nullptr) symbol = agattr(graph, AGNODE, n.data(), none.data());
    for (Agnode_t* node = agfstnode(graph); node != nullptr; node = agnxtnode(graph, node)) agxset(node, symbol, v.data());
  }
  for (const auto& [name, value] : options.cluster_attributes) set_on_clusters(graph, name, value);
  stagger_leaves(graph, options.stagger);
}

void stage(const RenderOptions& options, RenderStage s) {
  if (options.on_stage) options.on_stage(s);
}

}  // namespace

namespace {

// A finished render: the bytes, and the warnings Graphviz gave on the way.
struct Rendered {
  std::string bytes;
  std::vector<std::string> warnings;
};

Rendered render_locked(std::string_view dot, const RenderOptions& options) {
  MessageCapture capture;
  GVC_t* gvc = context();
  require_plugins(gvc, options);
  (void)capture.take();  // reading the plugin list says nothing about this graph

  stage(options, RenderStage::parse);
  const GraphPtr graph(read_dot(dot));
  if (!graph) {
    Messages messages = capture.take();
    if (messages.errors.empty() && messages.warnings.empty()) {
      throw RenderError("cannot read the DOT text: it holds no graph", {});
    }
    fail("cannot read the DOT text", std::move(messages));
  }
  std::vector<std::string> warnings = capture.take().warnings;
  if (drain_reader() || !capture.take().errors.empty()) {
    throw RenderError("cannot read the DOT text: more follows its first graph, and render draws one graph", {});
  }
  force_directed_defaults(graph.get(), options.layout);
  adjust(graph.get(), options);

  stage(options, RenderStage::layout);
  const char* engine = to_string(options.layout);
  if (gvLayout(gvc, graph.get(), engine) != 0) {
    std::string what = "cannot lay out the diagram with ";
    what += engine;
    fail(what, capture.take());
  }
  const LayoutGuard layout(gvc, graph.get());

  stage(options, RenderStage::render);
  const char* format = to_string(options.format);
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(gvc, graph.get(), format, &data, &length);
  const std::unique_ptr<char, RenderDataDeleter> owned(data);
  if (status != 0 || data == nullptr) {
    std::string what = "cannot render the diagram as ";
    what += format;
    fail(what, capture.take());
  }
  Rendered out{std::string(data, length), std::move(warnings)};
  Messages messages = capture.take();
  for (auto& w : messages.warnings) out.warnings.push_back(std::move(w));
  // Errors that did not stop the render are worth a warning too.
  for (auto& e : messages.errors) out.warnings.push_back(std::move(e));
  return out;
}

}  // namespace

std::string render(std::string_view dot, const RenderOptions& options) {
  Rendered out;
  {
    const std::lock_guard<std::mutex> lock(graphviz_mutex);
    out = render_locked(dot, options);
  }
  if (options.format == RenderFormat::pdf && options.pdf_date) {
    (void)detail::set_pdf_creation_date(out.bytes, *options.pdf_date);
  }
  // Outside the lock, so that a handler may render again.
  if (options.on_warning) {
    for (const auto& w : out.warnings) options.on_warning(w);
  }
  return std::move(out.bytes);
}

void render(std::ostream& out, std::string_view dot, const RenderOptions& options) {
  const std::string bytes = render(dot, options);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

bool can_render(RenderFormat format) {
  const std::lock_guard<std::mutex> lock(graphviz_mutex);
  const MessageCapture capture;
  return has(plugins("device"), to_string(format));
}

std::string graphviz_version() {
  const std::lock_guard<std::mutex> lock(graphviz_mutex);
  const MessageCapture capture;
  const char* version = gvcVersion(context());
  return version != nullptr ? std::string(version) : std::string();
}

}  // namespace claimgraph::io
