// Every example in the documentation, run: each fenced block and each
// command in the prose of README.md, docs/*.md and graphs/README.md, as its
// info string says (docs/architecture.md, "Examples in the documentation",
// gives the convention), so that the documents, the readers and the program
// cannot disagree. One test per document (its fences close, its info strings
// are understood), and one per block or command, named after the document
// and the line: Docs/DocExampleTest.Runs/README_md_line_43.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/io/formats.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;

// --- Markdown: fences and code spans ------------------------------------------------------

/// A fenced code block.
struct Fence {
  std::size_t line = 0;  ///< of the opening fence, from 1
  std::string info;      ///< the whole info string
  std::string language;  ///< its first word
  /// The words after the language: `key=value`, `key="a value"`, or a word
  /// alone (mapped to "").
  std::map<std::string, std::string> words;
  std::string body;  ///< the lines between the fences, each ending in '\n'
  bool closed = false;
  std::string problem;  ///< what is wrong with the info string, if anything

  [[nodiscard]] bool has(const std::string& word) const { return words.contains(word); }
  [[nodiscard]] std::optional<std::string> get(const std::string& word) const {
    const auto it = words.find(word);
    if (it == words.end()) return std::nullopt;
    return it->second;
  }
};

/// An inline code span in prose.
struct Span {
  std::size_t line = 0;  ///< where it starts
  std::string text;      ///< its content, line breaks read as spaces
};

/// A document, read.
struct Document {
  std::string name;  ///< its path in the source tree, "docs/aif.md"
  std::vector<std::string> lines;
  std::vector<Fence> fences;
  std::vector<Span> spans;
};

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

// The words of an info string after its language; a value may be quoted.
void read_info(Fence& fence) {
  const std::string& s = fence.info;
  std::size_t i = 0;
  auto skip_blanks = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  };
  skip_blanks();
  while (i < s.size() && s[i] != ' ' && s[i] != '\t') fence.language += s[i++];
  for (skip_blanks(); i < s.size(); skip_blanks()) {
    std::string key;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '=') key += s[i++];
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      if (i < s.size() && s[i] == '"') {
        const std::size_t end = s.find('"', i + 1);
        if (end == std::string::npos) {
          fence.problem = "the value of " + key + " has no closing quote";
          return;
        }
        value = s.substr(i + 1, end - i - 1);
        i = end + 1;
      } else {
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') value += s[i++];
      }
    }
    if (fence.words.contains(key)) fence.problem = key + " is given twice";
    fence.words[key] = value;
  }
}

// A fence line: up to three spaces, then three or more backticks or tildes.
struct FenceLine {
  std::size_t indent = 0;
  char mark = 0;
  std::size_t length = 0;
  std::string rest;
};

std::optional<FenceLine> fence_line(std::string_view line) {
  FenceLine f;
  while (f.indent < line.size() && line[f.indent] == ' ') ++f.indent;
  if (f.indent > 3 || f.indent >= line.size()) return std::nullopt;
  f.mark = line[f.indent];
  if (f.mark != '`' && f.mark != '~') return std::nullopt;
  std::size_t i = f.indent;
  while (i < line.size() && line[i] == f.mark) ++i;
  f.length = i - f.indent;
  if (f.length < 3) return std::nullopt;
  f.rest = std::string(line.substr(i));
  // A backtick fence's info string holds no backtick (else it is a code span).
  if (f.mark == '`' && f.rest.find('`') != std::string::npos) return std::nullopt;
  return f;
}

// The code spans of one block of prose (a paragraph, a heading, a table row).
void read_spans(const std::vector<std::string>& lines, std::size_t first, std::size_t last, std::vector<Span>& spans) {
  std::string text;
  std::vector<std::size_t> line_at;  // the line of each character of text
  for (std::size_t n = first; n < last; ++n) {
    text += lines[n];
    text += '\n';
    line_at.resize(text.size(), n + 1);
  }
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\\' && i + 1 < text.size()) {  // an escaped character starts nothing
      i += 2;
      continue;
    }
    if (text[i] != '`') {
      ++i;
      continue;
    }
    std::size_t run = i;
    while (run < text.size() && text[run] == '`') ++run;
    const std::size_t length = run - i;
    // The closing run: the next run of exactly as many backticks.
    std::size_t j = run;
    std::optional<std::size_t> close;
    while (j < text.size()) {
      if (text[j] != '`') {
        ++j;
        continue;
      }
      std::size_t k = j;
      while (k < text.size() && text[k] == '`') ++k;
      if (k - j == length) {
        close = j;
        break;
      }
      j = k;
    }
    if (!close) {  // a run without its match is literal text
      i = run;
      continue;
    }
    std::string content = text.substr(run, *close - run);
    std::replace(content.begin(), content.end(), '\n', ' ');
    if (content.size() >= 2 && content.front() == ' ' && content.back() == ' ' &&
        content.find_first_not_of(' ') != std::string::npos) {
      content = content.substr(1, content.size() - 2);
    }
    spans.push_back(Span{line_at[i], content});
    i = *close + length;
  }
}

Document read_document(const std::string& name) {
  Document doc;
  doc.name = name;
  doc.lines = test::lines_of(test::read_text(test::source_dir() / name));
  std::size_t prose_start = 0;  // the first line of the current block of prose
  auto end_prose = [&](std::size_t end) {
    if (prose_start < end) read_spans(doc.lines, prose_start, end, doc.spans);
  };
  for (std::size_t n = 0; n < doc.lines.size(); ++n) {
    const std::string& line = doc.lines[n];
    const auto open = fence_line(line);
    if (!open) {
      const std::string t = trim(line);
      const std::size_t hashes = t.find_first_not_of('#');
      const bool heading = hashes >= 1 && hashes <= 6 && (hashes == t.size() || t[hashes] == ' ');
      if (t.empty() || heading || t.starts_with('|')) {
        // A blank line ends a paragraph; a heading or a table row is a block of its own.
        end_prose(n);
        if (!t.empty()) read_spans(doc.lines, n, n + 1, doc.spans);
        prose_start = n + 1;
      }
      continue;
    }
    end_prose(n);
    Fence fence;
    fence.line = n + 1;
    fence.info = trim(open->rest);
    read_info(fence);
    for (++n; n < doc.lines.size(); ++n) {
      const auto close = fence_line(doc.lines[n]);
      if (close && close->mark == open->mark && close->length >= open->length && trim(close->rest).empty()) {
        fence.closed = true;
        break;
      }
      std::string_view content = doc.lines[n];
      std::size_t strip = 0;
      while (strip < open->indent && strip < content.size() && content[strip] == ' ') ++strip;
      fence.body += content.substr(strip);
      fence.body += '\n';
    }
    doc.fences.push_back(std::move(fence));
    prose_start = n + 1;
  }
  end_prose(doc.lines.size());
  return doc;
}

/// The documents checked: README.md, every docs/*.md, graphs/README.md.
std::vector<std::string> document_names() {
  std::vector<std::string> names{"README.md"};
  std::vector<std::string> docs;
  for (const auto& entry : fs::directory_iterator(test::source_dir() / "docs")) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") {
      docs.push_back("docs/" + entry.path().filename().string());
    }
  }
  std::sort(docs.begin(), docs.end());
  names.insert(names.end(), docs.begin(), docs.end());
  names.emplace_back("graphs/README.md");
  return names;
}

const Document& document(const std::string& name) {
  static std::map<std::string, Document> read;
  auto it = read.find(name);
  if (it == read.end()) it = read.emplace(name, read_document(name)).first;
  return it->second;
}

// --- Commands ------------------------------------------------------------------------------

/// The words of a command line, split at blanks.
std::vector<std::string> words_of(std::string_view line) {
  std::vector<std::string> words;
  std::istringstream in{std::string(line)};
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

/// Whether `text` (a code span or a line of a sh block) runs the program.
bool runs_program(std::string_view text) {
  return text.starts_with("claimgraph ") || text.starts_with("build/claimgraph ");
}

/// Whether a command holds a placeholder: an upper-case word (FILE, OUT,
/// ID, N), or `[`, `|` or `...` (a synopsis).
bool has_placeholder(const std::string& command) {
  static const std::regex upper_case_word("(^|[^A-Za-z])[A-Z]+([^A-Za-z]|$)");
  return command.find('[') != std::string::npos || command.find('|') != std::string::npos ||
         command.find("...") != std::string::npos || command.find("…") != std::string::npos ||
         std::regex_search(command, upper_case_word);
}

/// Whether a code span is a command to run: the program, a subcommand and
/// more, without placeholders. (`claimgraph check` alone names a subcommand.)
bool is_command(const Span& span) {
  return runs_program(span.text) && words_of(span.text).size() >= 3 && !has_placeholder(span.text);
}

/// Whether a command line needs a shell (redirection, pipes, quotes,
/// variables, globs).
bool needs_shell(std::string_view line) { return line.find_first_of("|&;<>()$`\\\"'*?") != std::string_view::npos; }

/// The directory of the built program.
std::string program_dir() { return fs::path(test::program()).parent_path().string(); }

/// Runs one command line in the current directory: the program's own
/// commands directly, anything else (or anything that needs a shell)
/// through /bin/sh with the program's directory first in PATH.
test::RunResult run_line(const std::string& line) {
  constexpr std::chrono::seconds limit{120};  // a guard against a hung program
  if (runs_program(line) && !needs_shell(line)) {
    std::vector<std::string> argv;
    for (const std::string& w : words_of(line)) {
      if (w.starts_with('#')) break;  // a comment
      argv.push_back(w);
    }
    argv.front() = test::program();
    return test::run(argv, std::nullopt, limit);
  }
  const std::string script = "PATH='" + program_dir() + "':\"$PATH\"\n" + line + "\n";
  return test::run({"/bin/sh", "-c", script}, std::nullopt, limit);
}

/// The lines of a sh block: comments and blank lines left out, lines ending
/// in a backslash joined to the next.
std::vector<std::string> command_lines(const std::string& body) {
  std::vector<std::string> out;
  std::string pending;
  for (const std::string& raw : test::lines_of(body)) {
    std::string line = trim(raw);
    if (!line.empty() && line.back() == '\\') {
      pending += line.substr(0, line.size() - 1) + " ";
      continue;
    }
    line = pending + line;
    pending.clear();
    if (line.empty() || line.starts_with('#')) continue;
    out.push_back(line);
  }
  if (!trim(pending).empty()) out.push_back(trim(pending));
  return out;
}

/// The current directory, changed for as long as this lives.
class InDirectory {
 public:
  explicit InDirectory(const fs::path& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~InDirectory() {
    std::error_code ignored;
    fs::current_path(old_, ignored);
  }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;

 private:
  fs::path old_;
};

/// A document's scratch directory as a block or command at `line` sees it:
/// copies of graphs/, schema/ and tests/golden/, build/claimgraph (the
/// program), and the blocks above it that say file=NAME.
class Scratch {
 public:
  Scratch(const Document& doc, std::size_t line) {
    const fs::path src = test::source_dir();
    const auto recursive = fs::copy_options::recursive;
    fs::copy(src / "graphs", dir_ / "graphs", recursive);
    fs::copy(src / "schema", dir_ / "schema", recursive);
    fs::create_directories(dir_ / "tests");
    fs::copy(src / "tests" / "golden", dir_ / "tests" / "golden", recursive);
    fs::create_directories(dir_ / "build");
    fs::create_symlink(test::program(), dir_ / "build" / "claimgraph");
    for (const Fence& f : doc.fences) {
      if (f.line >= line) break;
      if (const auto name = f.get("file")) {
        const fs::path path = dir_ / *name;
        fs::create_directories(path.parent_path());
        test::write_text(path, f.body);
      }
    }
  }
  [[nodiscard]] const fs::path& path() const { return dir_.path(); }

 private:
  test::TempDir dir_;
};

// --- Comparing texts ------------------------------------------------------------------------

/// The whole difference between two texts, line by line: ' ' both, '-'
/// only expected, '+' only actual.
std::string difference(std::string_view expected, std::string_view actual) {
  const auto a = test::lines_of(expected);
  const auto b = test::lines_of(actual);
  std::ostringstream out;
  out << "--- expected\n+++ actual\n";
  if (a == b) {
    out << "(the same lines; they differ in their line endings or the final newline)\n";
    return out.str();
  }
  // The longest common subsequence, as a table of suffix lengths.
  std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out << "  " << a[i++] << "\n";
      ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out << "+ " << b[j++] << "\n";
    } else {
      out << "- " << a[i++] << "\n";
    }
  }
  return out.str();
}

bool is_ellipsis(const std::string& line) { return trim(line) == "..."; }

/// `text` with each CRLF as LF.
std::string crlf_as_lf(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

/// Whether `actual` is `excerpt`, where a line that is just `...` stands
/// for any number of lines. Else the first line of the excerpt that cannot
/// be found in its place (from 1), or 0 when all were found but the output
/// goes on.
std::optional<std::size_t> excerpt_mismatch(std::string_view excerpt, std::string_view actual) {
  const auto e = test::lines_of(excerpt);
  const auto a = test::lines_of(actual);
  // reach[i][j]: the first i lines of the excerpt can match the first j of the output.
  std::vector<std::vector<char>> reach(e.size() + 1, std::vector<char>(a.size() + 1, 0));
  reach[0][0] = 1;
  std::size_t furthest = 0;
  for (std::size_t i = 0; i <= e.size(); ++i) {
    for (std::size_t j = 0; j <= a.size(); ++j) {
      if (reach[i][j] == 0) continue;
      furthest = std::max(furthest, i);
      if (i == e.size()) continue;
      if (is_ellipsis(e[i])) {
        reach[i + 1][j] = 1;                  // no line
        if (j < a.size()) reach[i][j + 1] = 1;  // one more line
      } else if (j < a.size() && e[i] == a[j]) {
        reach[i + 1][j + 1] = 1;
      }
    }
  }
  if (reach[e.size()][a.size()] != 0) return std::nullopt;
  return furthest == e.size() ? 0 : furthest + 1;
}

/// Why `actual` is not what a block shows, or empty when it is: exactly,
/// or as an excerpt.
std::string compare(std::string_view shown, std::string_view actual, bool excerpt) {
  if (!excerpt) return shown == actual ? std::string() : difference(shown, actual);
  const auto mismatch = excerpt_mismatch(shown, actual);
  if (!mismatch) return {};
  std::ostringstream out;
  if (*mismatch == 0) {
    out << "the output goes on after the excerpt's last line (end the excerpt with ...)\n";
  } else {
    out << "line " << *mismatch << " of the excerpt is not in the output in its place: "
        << test::lines_of(shown)[*mismatch - 1] << "\n";
  }
  out << "--- expected (an excerpt: ... stands for any lines)\n" << shown << "+++ actual\n" << actual;
  return out.str();
}

// --- Reading blocks through the library ------------------------------------------------------

/// Reads `text` in the format a block of `language` holds (JSON: the format
/// detected from the content, as for standard input). Returns the
/// diagnostics, each as the program prints it, and whether reading failed.
struct ReadOutcome {
  bool failed = false;
  std::size_t warnings = 0;
  std::string diagnostics;
  std::string format;
};

ReadOutcome read_block(const std::string& language, const std::string& text, const std::string& file_name) {
  io::ReadOptions options;
  options.file_name = file_name;
  const io::InputFormat* format = language == "json" ? &io::detect_input_format("-", text, options.limits)
                                                      : io::find_input_format(language);
  ReadOutcome outcome;
  if (format == nullptr) {
    outcome.failed = true;
    outcome.diagnostics = "claimgraph reads no format named " + language + "\n";
    return outcome;
  }
  outcome.format = format->name;
  try {
    const io::ReadResult result = format->read(text, options);
    outcome.warnings = result.warnings.size();
    for (const Diagnostic& d : result.warnings) outcome.diagnostics += d.format() + "\n";
  } catch (const InputError& e) {
    outcome.failed = true;
    for (const Diagnostic& d : e.diagnostics()) outcome.diagnostics += d.format() + "\n";
  } catch (const Error& e) {
    outcome.failed = true;
    outcome.diagnostics = std::string(e.what()) + "\n";
  }
  return outcome;
}

/// The JSON objects of a fragment, one per line or separated by commas.
std::vector<std::string> fragment_objects(const std::string& body) {
  std::vector<std::string> objects;
  std::size_t depth = 0;
  std::size_t start = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      if (depth++ == 0) start = i;
    } else if (c == '}' && depth > 0) {
      if (--depth == 0) objects.push_back(body.substr(start, i - start + 1));
    }
  }
  return objects;
}

/// A case file around a fragment of nodes or edges: for edges, a claim for
/// every node id they name (and, for an undercut of an edge the fragment
/// does not hold, a supports edge of that id between two more claims).
std::string case_around(const std::string& kind, const std::string& body, std::string& problem) {
  const std::vector<std::string> objects = fragment_objects(body);
  if (objects.empty()) {
    problem = "the fragment holds no JSON object";
    return {};
  }
  std::string joined;
  for (const std::string& o : objects) joined += (joined.empty() ? "    " : ",\n    ") + o;
  if (kind == "node") return "{\"claimgraph\": 1, \"nodes\": [\n" + joined + "\n]}\n";
  if (kind != "edge") {
    problem = "fragment=" + kind + ": expected fragment=node or fragment=edge";
    return {};
  }
  std::vector<std::string> ids;
  std::set<std::string> edge_ids;
  std::vector<std::string> undercut;
  for (const std::string& o : objects) {
    const nlohmann::json edge = nlohmann::json::parse(o, nullptr, false);
    if (!edge.is_object()) continue;  // the reader says what is wrong
    if (edge.contains("id") && edge["id"].is_string()) edge_ids.insert(edge["id"].get<std::string>());
    const bool undercuts = edge.value("relation", "") == "undercuts";
    for (const char* end : {"from", "to"}) {
      if (!edge.contains(end) || !edge[end].is_string()) continue;
      const std::string id = edge[end].get<std::string>();
      if (undercuts && std::string_view(end) == "to") {
        undercut.push_back(id);
      } else if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        ids.push_back(id);
      }
    }
  }
  std::string made_up_edges;
  for (const std::string& id : undercut) {
    if (edge_ids.contains(id)) continue;
    for (const char* end : {"made-up reason", "made-up claim"}) {
      if (std::find(ids.begin(), ids.end(), end) == ids.end()) ids.emplace_back(end);
    }
    made_up_edges += ",\n    " + nlohmann::json{{"id", id}, {"from", "made-up reason"}, {"to", "made-up claim"},
                                                 {"relation", "supports"}}
                                     .dump();
  }
  std::string nodes;
  for (const std::string& id : ids) {
    nodes += (nodes.empty() ? "    " : ",\n    ") +
             nlohmann::json{{"id", id}, {"kind", "claim"}, {"label", "Made up for the example"}}.dump();
  }
  return "{\"claimgraph\": 1, \"nodes\": [\n" + nodes + "\n  ], \"edges\": [\n" + joined + made_up_edges + "\n]}\n";
}

// --- The examples ---------------------------------------------------------------------------

/// What one test checks.
struct Example {
  enum class Kind { document, block, command, formats_table };
  std::string document;
  Kind kind = Kind::document;
  std::size_t line = 0;
  std::size_t index = 0;  ///< into the document's fences (block) or spans (command)
  std::string name;       ///< the test's name
};

/// How gtest shows an example: document and line.
void PrintTo(const Example& example, std::ostream* out) { *out << example.document << ":" << example.line; }

std::string name_of(const std::string& document) {
  std::string name = document;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

/// Whether the fence at `index` shows the output of the block before it (a
/// sh block with `output`) or the diagnostics of a block with `error`: then
/// it is checked with that block, not on its own.
bool is_shown_result(const Document& doc, std::size_t index) {
  if (index == 0) return false;
  const Fence& before = doc.fences[index - 1];
  return (before.language == "sh" && before.has("output")) || before.has("error");
}

constexpr std::string_view formats_marker = "<!-- formats:output -->";
constexpr std::string_view formats_end = "<!-- /formats:output -->";

std::vector<Example> examples() {
  std::vector<Example> out;
  for (const std::string& name : document_names()) {
    const Document& doc = document(name);
    out.push_back(Example{name, Example::Kind::document, 0, 0, name_of(name)});
    for (std::size_t i = 0; i < doc.fences.size(); ++i) {
      if (is_shown_result(doc, i)) continue;
      out.push_back(Example{name, Example::Kind::block, doc.fences[i].line, i,
                            name_of(name) + "_line_" + std::to_string(doc.fences[i].line)});
    }
    std::map<std::size_t, std::size_t> on_line;
    for (std::size_t i = 0; i < doc.spans.size(); ++i) {
      if (!is_command(doc.spans[i])) continue;
      const std::size_t line = doc.spans[i].line;
      std::string test = name_of(name) + "_line_" + std::to_string(line);
      if (const std::size_t seen = on_line[line]++; seen > 0) test += "_" + std::to_string(seen + 1);
      out.push_back(Example{name, Example::Kind::command, line, i, test});
    }
    for (std::size_t n = 0; n < doc.lines.size(); ++n) {
      if (trim(doc.lines[n]) == formats_marker) {
        out.push_back(Example{name, Example::Kind::formats_table, n + 1, 0,
                              name_of(name) + "_line_" + std::to_string(n + 1)});
      }
    }
  }
  return out;
}

/// The words each language's blocks may carry.
const std::set<std::string>& words_allowed(const std::string& language) {
  static const std::map<std::string, std::set<std::string>> allowed{
      {"json", {"file", "fragment", "not-input", "warnings", "error"}},
      {"text", {"run", "status", "excerpt", "file", "not-run", "crlf"}},
      {"sh", {"setup", "status", "output"}},
      {"cpp", {"not-run"}},
  };
  static const std::set<std::string> input{"file", "warnings", "error"};  // any other format read
  static const std::set<std::string> other{"not-run"};
  if (const auto it = allowed.find(language); it != allowed.end()) return it->second;
  return io::find_input_format(language) != nullptr ? input : other;
}

/// Checks one example; each problem is a line of the returned text.
class Checker {
 public:
  Checker(const Document& doc, const Example& example) : doc_(doc), example_(example) {}

  /// What is wrong; empty when nothing is.
  std::string run() {
    switch (example_.kind) {
      case Example::Kind::document:
        check_document();
        break;
      case Example::Kind::block:
        check_block(doc_.fences[example_.index]);
        break;
      case Example::Kind::command:
        check_command(doc_.spans[example_.index]);
        break;
      case Example::Kind::formats_table:
        check_formats_table();
        break;
    }
    return problems_.str();
  }

  /// Why the example was skipped, if it was.
  [[nodiscard]] const std::string& skipped() const { return skipped_; }

 private:
  [[nodiscard]] std::string where(std::size_t line) const { return doc_.name + ":" + std::to_string(line) + ": "; }
  void fail(std::size_t line, const std::string& what) { problems_ << where(line) << what << "\n"; }

  void check_document() {
    for (std::size_t i = 0; i < doc_.fences.size(); ++i) {
      const Fence& f = doc_.fences[i];
      if (!f.closed) fail(f.line, "the fence is never closed");
      if (!f.problem.empty()) fail(f.line, "info string \"" + f.info + "\": " + f.problem);
      if ((f.has("output") || f.has("error")) && i + 1 == doc_.fences.size()) {
        fail(f.line, std::string("no block follows to show ") + (f.has("output") ? "the output" : "the errors"));
      }
    }
  }

  // The next fence, which shows the result of `fence`.
  const Fence* shown_result(const Fence& fence) {
    const auto it = std::find_if(doc_.fences.begin(), doc_.fences.end(), [&](const Fence& f) { return &f == &fence; });
    if (it == doc_.fences.end() || it + 1 == doc_.fences.end()) {
      fail(fence.line, "no block follows to show the result");
      return nullptr;
    }
    return &*(it + 1);
  }

  void check_block(const Fence& f) {
    if (!f.problem.empty()) return fail(f.line, "info string \"" + f.info + "\": " + f.problem);
    if (f.language.empty()) return fail(f.line, "the block has no language (json, argdown, sh, text, ...)");
    const auto& allowed = words_allowed(f.language);
    for (const auto& [word, value] : f.words) {
      if (!allowed.contains(word)) {
        fail(f.line, "```" + f.language + " blocks do not take \"" + word + "\" (they take: " + list(allowed) + ")");
      }
    }
    if (!problems_.str().empty()) return;
    if (f.has("not-run") || f.has("not-input")) return;
    if (f.language == "sh") return check_sh(f);
    if (f.language == "text") return check_text(f);
    if (f.language == "cpp") return check_cpp(f);
    if (io::find_input_format(f.language) != nullptr) return check_input(f);
    fail(f.line, "a ```" + f.language + " block must say what it is: not-run (with the reason in the prose)");
  }

  static std::string list(const std::set<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out.empty() ? "nothing" : out;
  }

  std::optional<int> number(const Fence& f, const std::string& word) {
    const auto value = f.get(word);
    if (!value) return std::nullopt;
    try {
      std::size_t used = 0;
      const int n = std::stoi(*value, &used);
      if (used == value->size()) return n;
    } catch (const std::exception&) {
    }
    fail(f.line, word + "=" + *value + ": expected a number");
    return std::nullopt;
  }

  // A block of input: read without errors (or, with `error`, refused with
  // the diagnostics the next block shows), with as many warnings as it says.
  void check_input(const Fence& f) {
    std::string text = f.body;
    const std::string file_name = f.get("file").value_or("<input>");
    if (const auto kind = f.get("fragment")) {
      std::string problem;
      text = case_around(*kind, f.body, problem);
      if (!problem.empty()) return fail(f.line, problem);
    }
    const ReadOutcome read = read_block(f.language, text, file_name);
    const int warnings = number(f, "warnings").value_or(0);
    const std::string shown = " (read as " + (read.format.empty() ? f.language : read.format) + ")";
    if (f.has("error")) {
      if (!read.failed) return fail(f.line, "the block is marked error, but it reads without error" + shown);
      const Fence* expected = shown_result(f);
      if (expected == nullptr) return;
      if (const std::string diff = compare(expected->body, read.diagnostics, expected->has("excerpt")); !diff.empty()) {
        fail(expected->line, "the errors shown are not those of the block above" + shown + ":\n" + diff);
      }
      return;
    }
    if (read.failed) {
      std::string what = "the block does not read" + shown + ":\n" + read.diagnostics;
      if (f.get("fragment")) what += "in this case file:\n" + text;
      return fail(f.line, what);
    }
    if (read.warnings != static_cast<std::size_t>(std::max(warnings, 0))) {
      fail(f.line, "the block reads with " + std::to_string(read.warnings) + " warnings" + shown +
                       ", and says warnings=" + std::to_string(warnings) + ":\n" + read.diagnostics);
    }
  }

  // Runs `line` in the scratch directory and checks its exit status.
  std::optional<test::RunResult> run_checked(std::size_t line, const std::string& command,
                                             const std::set<int>& statuses) {
    const test::RunResult r = run_line(command);
    if (r.timed_out) {
      fail(line, "`" + command + "` did not finish in time");
      return std::nullopt;
    }
    if (!statuses.contains(r.status)) {
      std::string expected;
      for (const int s : statuses) expected += (expected.empty() ? "" : " or ") + std::to_string(s);
      fail(line, "`" + command + "` exited with status " + std::to_string(r.status) + ", not " + expected +
                     "\nstandard output:\n" + r.out + "standard error:\n" + r.err);
      return std::nullopt;
    }
    return r;
  }

  // Whether the program was built; else the example is skipped.
  bool have_program() {
    if (!test::program().empty()) return true;
    skipped_ = "the claimgraph program was not built (CLAIMGRAPH_BUILD_TOOLS=OFF)";
    return false;
  }

  void check_sh(const Fence& f) {
    if (f.has("setup")) {
      skipped_ = "commands that install and build; CI runs them itself (.ci/run)";
      return;
    }
    if (!have_program()) return;
    // status=N is the block's status, as in a script: its last command's.
    const int status = number(f, "status").value_or(0);
    const Scratch scratch(doc_, f.line);
    const InDirectory in(scratch.path());
    std::optional<test::RunResult> last;
    const auto lines = command_lines(f.body);
    if (lines.empty()) return fail(f.line, "the block holds no command");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      last = run_checked(f.line, lines[i], {i + 1 == lines.size() ? status : 0});
      if (!last) return;
    }
    if (!f.has("output")) return;
    const Fence* expected = shown_result(f);
    if (expected == nullptr) return;
    expect_output(*expected, lines.back(), *last);
    if (io::find_input_format(expected->language) != nullptr && !expected->has("not-input")) check_input(*expected);
  }

  // The block shows what `command` printed: its standard output, or that
  // and its standard error.
  // A block marked crlf shows an output whose lines end in CRLF (a CSV
  // table's rows), which Markdown cannot hold, with each CRLF read as LF.
  void expect_output(const Fence& expected, const std::string& command, const test::RunResult& r) {
    const bool excerpt = expected.has("excerpt");
    const std::string out = expected.has("crlf") ? crlf_as_lf(r.out) : r.out;
    const std::string diff = compare(expected.body, out, excerpt);
    if (diff.empty()) return;
    if (!r.err.empty() && compare(expected.body, out + r.err, excerpt).empty()) return;
    // A block that shows standard error shows it after standard output.
    const bool shows_err = r.out.empty() && !r.err.empty();
    fail(expected.line, "the block is not what `" + command + "` prints on standard " +
                            (shows_err ? "error" : "output") + ":\n" +
                            (shows_err ? compare(expected.body, r.err, excerpt) : diff) +
                            (shows_err || r.err.empty() ? "" : "standard error:\n" + r.err));
  }

  void check_text(const Fence& f) {
    if (const auto command = f.get("run")) {
      if (!runs_program(*command)) return fail(f.line, "run=\"" + *command + "\" does not run claimgraph");
      if (!have_program()) return;
      const Scratch scratch(doc_, f.line);
      const InDirectory in(scratch.path());
      // The block shows the output; its status is checked when it says one.
      if (const auto status = number(f, "status")) {
        if (const auto r = run_checked(f.line, *command, {*status})) expect_output(f, *command, *r);
        return;
      }
      const test::RunResult r = run_line(*command);
      if (r.timed_out) return fail(f.line, "`" + *command + "` did not finish in time");
      expect_output(f, *command, r);
      return;
    }
    if (f.has("file")) return;  // a file for the commands below
    fail(f.line,
         "a ```text block must say what it is: run=\"claimgraph ...\" (its output), file=NAME, or not-run; or "
         "follow a ```sh block marked output or a block marked error");
  }

  // A C++ example compiles against the library's headers, with warnings
  // as errors.
  void check_cpp(const Fence& f) {
    const fs::path cache = test::test_binary_dir().parent_path() / "CMakeCache.txt";
    std::string compiler;
    if (fs::exists(cache)) {
      for (const std::string& line : test::lines_of(test::read_text(cache))) {
        if (line.starts_with("CMAKE_CXX_COMPILER:")) compiler = line.substr(line.find('=') + 1);
      }
    }
    if (compiler.empty()) {
      skipped_ = "no C++ compiler named in " + cache.string();
      return;
    }
    const test::TempDir dir;
    test::write_text(dir / "example.cpp", f.body);
    const test::RunResult r = test::run({compiler, "-std=c++20", "-fsyntax-only", "-Wall", "-Wextra", "-Wpedantic",
                                         "-Werror", "-I" + (test::source_dir() / "include").string(),
                                         (dir / "example.cpp").string()},
                                        std::nullopt, std::chrono::seconds{300});
    if (r.status != 0) {
      fail(f.line, "the example does not compile (" + compiler + " -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic " +
                       "-Werror, against include/):\n" + r.out + r.err);
    }
  }

  void check_command(const Span& span) {
    if (!have_program()) return;
    const Scratch scratch(doc_, span.line);
    const InDirectory in(scratch.path());
    const auto words = words_of(span.text);
    // check exits 1 when some claim lacks evidence.
    const std::set<int> statuses = words[1] == "check" ? std::set<int>{0, 1} : std::set<int>{0};
    (void)run_checked(span.line, span.text, statuses);
  }

  // The table of formats between the markers is io::output_formats().
  void check_formats_table() {
    std::string expected = "| `--to` | extension | what it is |\n|---|---|---|\n";
    for (const io::OutputFormat& f : io::output_formats()) {
      std::string extensions;
      for (const auto& e : f.extensions) extensions += (extensions.empty() ? "`" : ", `") + std::string(e) + "`";
      expected += "| `" + std::string(f.name) + "` | " + extensions + " | " + std::string(f.description) + " |\n";
    }
    std::string actual;
    std::size_t n = example_.line;  // the line after the marker, from 0
    for (; n < doc_.lines.size() && trim(doc_.lines[n]) != formats_end; ++n) actual += doc_.lines[n] + "\n";
    if (n == doc_.lines.size()) return fail(example_.line, "the table has no end marker " + std::string(formats_end));
    if (actual != expected) {
      fail(example_.line, "the table of formats is not io::output_formats(); it should read:\n" + expected + "\n" +
                              difference(expected, actual));
    }
  }

  const Document& doc_;
  const Example& example_;
  std::ostringstream problems_;
  std::string skipped_;
};

class DocExampleTest : public testing::TestWithParam<Example> {};

TEST_P(DocExampleTest, Runs) {
  const Example& example = GetParam();
  const Document& doc = document(example.document);
  Checker checker(doc, example);
  const std::string problems = checker.run();
  if (!checker.skipped().empty()) GTEST_SKIP() << doc.name << ":" << example.line << ": " << checker.skipped();
  if (!problems.empty()) ADD_FAILURE() << problems;
}

INSTANTIATE_TEST_SUITE_P(Docs, DocExampleTest, testing::ValuesIn(examples()),
                         [](const testing::TestParamInfo<Example>& param) { return param.param.name; });

}  // namespace
}  // namespace claimgraph
