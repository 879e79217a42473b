// The case-file reader's two paths: simdjson's fast one and the located
// parser. The fast path must read every well-formed file the repository
// holds (else it would be dead weight, and the speed figures would measure
// the other path), must decline what is not JSON, and wherever it answers
// must answer exactly as the located parser does: the same graph,
// warnings and places, or the same errors.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <cstdint>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/io/file.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "io/json_reader_paths.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

// The text with simdjson's padding after it.
class Padded {
 public:
  explicit Padded(std::string_view text) : buffer_(text.size() + 64, '\0') {
    if (!text.empty()) std::memcpy(buffer_.data(), text.data(), text.size());
    size_ = text.size();
  }
  [[nodiscard]] std::string_view text() const { return {buffer_.data(), size_}; }
  [[nodiscard]] std::size_t capacity() const { return buffer_.size(); }

 private:
  std::vector<char> buffer_;
  std::size_t size_ = 0;
};

std::string outcome(const ReadResult& r) {
  std::ostringstream out;
  write_json(out, r.graph);
  for (const auto& w : r.warnings) out << '\n' << w.format();
  for (const auto& p : r.places.nodes) out << "\nn " << p.line << ':' << p.column;
  for (const auto& p : r.places.edges) out << "\ne " << p.line << ':' << p.column;
  for (bool b : r.places.edge_id_written) out << (b ? '1' : '0');
  return out.str();
}

std::string outcome(const InputError& e) {
  std::string out = "error";
  for (const auto& d : e.diagnostics()) out += '\n' + d.format();
  return out;
}

ReadOptions options() {
  ReadOptions o;
  o.file_name = "case.json";
  return o;
}

// The fast path's answer, or nothing when it declines; on `threads`, and
// with `how` told how the read went.
// The same with options `o`.
std::optional<std::string> fast_with(std::string_view text, const ReadOptions& o, json_paths::FastRead* how = nullptr) {
  const Padded padded(text);
  try {
    auto r = json_paths::read_fast(padded.text(), padded.capacity(), o, how);
    if (!r) return std::nullopt;
    return outcome(*r);
  } catch (const InputError& e) {
    return outcome(e);
  }
}

std::optional<std::string> fast(std::string_view text, std::size_t threads = 1, json_paths::FastRead* how = nullptr) {
  ReadOptions o = options();
  o.threads = threads;
  return fast_with(text, o, how);
}

// The located parser's answer, with options `o`.
std::string located_with(std::string_view text, const ReadOptions& o) {
  try {
    return outcome(json_paths::read_located(text, o));
  } catch (const InputError& e) {
    return outcome(e);
  }
}

std::string located(std::string_view text) { return located_with(text, options()); }

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(JsonPathsTest, TheFastPathReadsEveryExampleAsTheLocatedParserDoes) {
  const auto files = files_in(test::graphs_dir());
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    const std::string text = read_file(file.string(), Limits{}.max_input_bytes);
    const auto answer = fast(text);
    ASSERT_TRUE(answer.has_value()) << "the fast path declined a well-formed case file";
    EXPECT_EQ(*answer, located(text));
  }
}

TEST(JsonPathsTest, WhereverTheFastPathAnswersOnBadInputsItAnswersAlike) {
  std::size_t answered = 0;
  for (const auto& file : files_in(test::source_dir() / "tests" / "bad_inputs")) {
    SCOPED_TRACE(file.string());
    const std::string text = read_file(file.string(), Limits{}.max_input_bytes);
    if (const auto answer = fast(text)) {
      ++answered;
      EXPECT_EQ(*answer, located(text));
    }
  }
  // Most bad inputs are well-formed JSON with wrong contents: those the
  // fast path reads itself, errors and all.
  EXPECT_GT(answered, 10U);
}

TEST(JsonPathsTest, WhatIsNotJsonIsLeftToTheLocatedParser) {
  for (const char* text : {
           R"({"claimgraph": 1, "nodes": [], "edges": [],})",
           R"({"claimgraph": 1 "nodes": []})",
           R"({"claimgraph": 01, "nodes": [], "edges": []})",
           R"({"claimgraph": 1., "nodes": [], "edges": []})",
           R"({"claimgraph": -, "nodes": [], "edges": []})",
           R"({"claimgraph": 1e, "nodes": [], "edges": []})",
           R"({"claimgraph": tru, "nodes": [], "edges": []})",
           R"({"claimgraph": nul, "nodes": [], "edges": []})",
           R"({"claimgraph": 1, "nodes": [], "edges": []} x)",
           R"({"claimgraph": 1, "nodes": [], "edges": []}})",
           R"({"claimgraph": 1, "nodes": [}, "edges": []})",
           R"({"claimgraph": 1, "nodes": ["\x"], "edges": []})",
           R"({"claimgraph": 1, "nodes": ["\ud800"], "edges": []})",
           "{\"claimgraph\": 1, \"nodes\": [\"\xC3\x28\"], \"edges\": []}",
           "{\"claimgraph\": 1, \"nodes\": [\"a\tb\"], \"edges\": []}",
           R"({"claimgraph": 1, "nodes": [], "edges": [] // comment
})",
           R"({'claimgraph': 1})",
           R"({"claimgraph": 1, "nodes": [], "edges": [])",
           R"({"claimgraph" 1})",
           // What simdjson's stage 1 lets pass: the grammar is the walk's
           // own, checked at every token.
           R"({"claimgraph": 1, "nodes": ["a": 1], "edges": []})",
           R"({"claimgraph": 1, "nodes": [1 2], "edges": []})",
           R"({"claimgraph": 1, "nodes": [1,,2], "edges": []})",
           R"({"claimgraph": 1, "nodes": [,1], "edges": []})",
           R"({"claimgraph": 1, "x": {,}, "edges": []})",
           R"({"claimgraph": 1, "x": {"a" "b"}, "edges": []})",
           R"({"claimgraph": 1, "x": {"a": 1 "b": 2}, "edges": []})",
           R"({"claimgraph": 1, "x": ["a" "b"], "edges": []})",
           R"({"claimgraph": 1, "x": {"a":: 1}, "edges": []})",
           R"({"claimgraph": 1, "x": [1]]})",
           R"(, {"claimgraph": 1})",
       }) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(fast(text).has_value()) << "the fast path accepted what is not JSON";
    EXPECT_TRUE(located(text).starts_with("error")) << located(text);
  }
}

TEST(JsonPathsTest, EscapesWhitespaceAndUnknownFieldsReadAlike) {
  // Keys and values with escapes (one an escaped quote), unknown fields of
  // every kind kept verbatim, numbers in every form, and whitespace of every
  // kind between tokens.
  const std::string text =
      "\xEF\xBB\xBF{ \"claimgraph\" :\t1 ,\r\n \"x-\\\"q\\\"\": [1, -0.5e+3, 2E-2, true, false, null, {\"a\": [ ]}, {}],"
      "\"nodes\": [ {\"id\": \"c\\u00e9\", \"kind\": \"cl\\u0061im\", \"label\": \"A \\\"quoted\\\" \\\\ label\\n\","
      " \"weight\": 0.25, \"tags\": [\"t\\/1\", \"\xF0\x9F\x98\x80\"], \"extra\": {\"deep\": [[[\"x\"]]]}},"
      " {\"id\": \"e\", \"kind\": \"evidence\", \"label\": \"E\", \"privileged\": false, \"cite\": {\"exhibit\": \"PX-1\"}} ],"
      " \"edges\": [ {\"from\": \"e\", \"to\": \"c\\u00E9\", \"relation\": \"supports\", \"id\": \"s\\u0031\", \"n\": 1e2} ] }  \n";
  const auto answer = fast(text);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(*answer, located(text));
  EXPECT_NE(answer->find("\"x-\\\"q\\\"\""), std::string::npos) << *answer;
  EXPECT_NE(answer->find("cé"), std::string::npos) << *answer;
}

TEST(JsonPathsTest, ErrorsInWellFormedFilesAreTheLocatedParsersErrors) {
  for (const char* text : {
           R"({"claimgraph": 2, "nodes": [], "edges": []})",
           R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "clam", "label": "A"}], "edges": []})",
           R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A"}],
               "edges": [{"from": "b", "to": "a", "relation": "supports"}]})",
           R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A", "weight": 2}], "edges": []})",
           R"([1, 2, 3])",
           R"("a case")",
           R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A", "id": "b"}], "edges": []})",
       }) {
    SCOPED_TRACE(text);
    const std::string want = located(text);
    ASSERT_TRUE(want.starts_with("error")) << want;
    const auto answer = fast(text);
    if (std::string_view(text).starts_with("{")) {
      ASSERT_TRUE(answer.has_value());
    }
    if (answer) {
      EXPECT_EQ(*answer, want);
    }
  }
}

TEST(JsonPathsTest, WithoutPaddingReadJsonCopiesAndStillReadsFast) {
  // read_json() itself: the same answer whether or not the caller offers
  // padding (the fast path on a copy, or in place).
  const std::string text = read_file((test::graphs_dir() / "parler_v_aws.json").string(), Limits{}.max_input_bytes);
  const std::string plain = outcome(read_json(text, options()));
  const Padded padded(text);
  ReadOptions o = options();
  o.readable_past_end = padded.capacity() - padded.text().size();
  EXPECT_EQ(outcome(read_json(padded.text(), o)), plain);
  EXPECT_EQ(located(text), plain);
}

TEST(JsonPathsTest, AFileReadForTheReaderComesWithPadding) {
  const auto input = InputText::open((test::graphs_dir() / "parler_v_aws.json").string(), Limits{}.max_input_bytes);
  EXPECT_GE(input.padding(), input_padding);
  const auto moved = InputText(InputText::open((test::graphs_dir() / "parler_v_aws.json").string(), Limits{}.max_input_bytes));
  EXPECT_GE(moved.padding(), input_padding);
}

// The file mapped at `address` in this process (/proc/self/maps), or "".
std::string mapping_of(const void* address) {
  std::ifstream maps("/proc/self/maps");
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::string line;
  while (std::getline(maps, line)) {
    std::istringstream fields(line);
    std::string range, perms, offset, device, inode, file;
    fields >> range >> perms >> offset >> device >> inode >> file;
    const std::size_t dash = range.find('-');
    const auto first = std::stoull(range.substr(0, dash), nullptr, 16);
    const auto last = std::stoull(range.substr(dash + 1), nullptr, 16);
    if (first <= at && at < last) return file;
  }
  return "";
}

// A file that ends at or just before the end of a page leaves no room for
// the padding in its last page: it is still mapped, with a page of zeros
// after it, and read the same as any other.
TEST(JsonPathsTest, AFileEndingAtAPageBoundaryIsMappedWithZerosAfterIt) {
  const test::TempDir dir;
  const std::string text = test::read_text(test::graphs_dir() / "parler_v_aws.json");
  const ReadResult want = read_json(text);
  for (const std::size_t short_of_a_page : {std::size_t{0}, std::size_t{10}, input_padding - 1, input_padding}) {
    const std::size_t page = 4096;
    const std::size_t size = (text.size() / page + 2) * page - short_of_a_page;
    const auto path = dir.path() / ("case-" + std::to_string(short_of_a_page) + ".json");
    test::write_text(path, text + std::string(size - text.size(), ' '));
    const auto input = InputText::open(path.string(), Limits{}.max_input_bytes);
    ASSERT_EQ(input.text().size(), size);
    EXPECT_EQ(input.text().substr(0, text.size()), text);
    ASSERT_GE(input.padding(), input_padding);
    EXPECT_EQ(mapping_of(input.text().data()), std::filesystem::canonical(path).string())
        << "the text is the file's mapping, not a copy";
    // The bytes past the end can be read, and are zeros.
    const char* end = input.text().data() + input.text().size();
    EXPECT_EQ(std::count(end, end + input.padding(), '\0'), static_cast<std::ptrdiff_t>(input.padding()));
    ReadOptions options;
    options.readable_past_end = input.padding();
    const ReadResult got = read_json(input.text(), options);
    std::ostringstream a, b;
    write_json(a, want.graph);
    write_json(b, got.graph);
    EXPECT_EQ(a.str(), b.str()) << short_of_a_page << " bytes short of a page";
    input.release_pages(input.text().size());
    EXPECT_EQ(input.text().substr(0, text.size()), text) << "read back after its pages are released";
  }
}

TEST(JsonPathsTest, AMappedFileWhosePagesAreReleasedReadsTheSame) {
  // The reader says when it is done with the text; the program then drops
  // the mapped file's pages. The graph must be the one read without that,
  // and the text must still read the same afterwards.
  const auto path = (test::graphs_dir() / "parler_v_aws.json").string();
  const auto input = InputText::open(path, Limits{}.max_input_bytes);
  const std::string copy(input.text());
  ReadOptions plain;
  plain.readable_past_end = input.padding();
  const auto want = read_json(input.text(), plain);
  int calls = 0;
  std::vector<std::size_t> done;
  ReadOptions options = plain;
  options.text_read = [&](std::size_t bytes) {
    ++calls;
    done.push_back(bytes);
    input.release_pages(bytes);
  };
  const auto got = read_json(input.text(), options);
  // After "nodes" (written first), then all of it before the edges are built.
  ASSERT_EQ(done.size(), 2U);
  EXPECT_EQ(input.text().substr(done[0] - 1, 1), "]");
  EXPECT_LT(input.text().substr(0, done[0]).find("\"nodes\""), done[0]);
  EXPECT_EQ(input.text().substr(0, done[0]).find("\"edges\""), std::string_view::npos);
  EXPECT_EQ(done[1], input.text().size());
  EXPECT_EQ(input.text(), copy);
  ASSERT_GT(want.graph.edge_count(), 0U);
  std::ostringstream a, b;
  write_json(a, want.graph);
  write_json(b, got.graph);
  EXPECT_EQ(a.str(), b.str());
  ASSERT_EQ(want.places.nodes.size(), got.places.nodes.size());
  ASSERT_EQ(want.places.edges.size(), got.places.edges.size());
  for (std::size_t i = 0; i < want.places.edges.size(); ++i) {
    EXPECT_EQ(want.places.edges[i].line, got.places.edges[i].line);
    EXPECT_EQ(want.places.edges[i].column, got.places.edges[i].column);
  }
  // A text with an error is never done with: the hook is not called.
  calls = 0;
  EXPECT_THROW((void)read_json(R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "claim", "label": "A"}],
                     "edges": [{"from": "a", "to": "b", "relation": "supports"}]})", options),
               ValidationError);
  EXPECT_EQ(calls, 1) << "only the nodes are done with";
  // Edges written before the nodes point into the text until the end.
  done.clear();
  const std::string edges_first = R"({"claimgraph": 1, "edges": [{"from": "a", "to": "b", "relation": "supports"}],
      "nodes": [{"id": "a", "kind": "evidence", "label": "A"}, {"id": "b", "kind": "claim", "label": "B"}]})";
  const auto read = read_json(edges_first, options);
  EXPECT_EQ(read.graph.edge_count(), 1U);
  EXPECT_EQ(done, std::vector<std::size_t>{edges_first.size()});
}

TEST(JsonPathsTest, NestingReadsAlikeUpToTheLimitAndBeyondIt) {
  // Within the reader's depth limit a deep unknown field is kept either
  // way; beyond it (and beyond simdjson's own depth) the error is the same.
  for (std::size_t depth : {std::size_t{40}, std::size_t{5000}}) {
    SCOPED_TRACE(depth);
    std::string text = R"({"claimgraph": 1, "nodes": [], "edges": [], "x": )";
    text += std::string(depth, '[') + std::string(depth, ']') + "}";
    const std::string want = located(text);
    EXPECT_EQ(want.starts_with("error"), depth > 64) << want;
    const auto answer = fast(text);
    if (depth < 64) {
      ASSERT_TRUE(answer.has_value());
    }
    if (answer) {
      EXPECT_EQ(*answer, want);
    }
  }
}

// Every JSON file the repository holds, good and bad.
std::vector<std::filesystem::path> every_json_file() {
  std::vector<std::filesystem::path> all;
  for (const char* dir : {"graphs", "docs", "tests"}) {
    const auto files = files_in(test::source_dir() / dir);
    all.insert(all.end(), files.begin(), files.end());
  }
  return all;
}

TEST(JsonPathsTest, EdgesReadOnASecondThreadGiveTheSameAnswerForEveryFile) {
  const auto files = every_json_file();
  ASSERT_GT(files.size(), 100U);
  const std::string examples = test::graphs_dir().string();
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    const std::string text = read_file(file.string(), Limits{}.max_input_bytes);
    json_paths::FastRead how;
    const auto two = fast(text, 2, &how);
    EXPECT_EQ(two, fast(text, 1));
    // The examples' edges need no diagnostic: they are taken from the
    // second thread.
    if (file.string().starts_with(examples)) {
      EXPECT_TRUE(how.edges_ahead);
    }
  }
}

// A case of `nodes` claims and evidence, each evidence supporting the claim
// before it, with `extra` written inside each edge object.
std::string chain_case(std::size_t nodes, const std::string& extra = "") {
  std::string text = R"({"claimgraph": 1, "nodes": [)";
  for (std::size_t i = 0; i < nodes; ++i) {
    text += std::string(i > 0 ? ",\n" : "\n") + R"({"id": "n)" + std::to_string(i) + R"(", "kind": ")" +
            (i % 2 == 0 ? "claim" : "evidence") + R"(", "label": "point )" + std::to_string(i) + R"("})";
  }
  text += "],\n\"edges\": [";
  for (std::size_t i = 1; i < nodes; i += 2) {
    text += std::string(i > 1 ? ",\n" : "\n") + R"({"from": "n)" + std::to_string(i) + R"(", "to": "n)" +
            std::to_string(i - 1) + R"(", "relation": "supports")" + extra + "}";
  }
  return text + "]}";
}

TEST(JsonPathsTest, EdgesAreTakenFromTheSecondThreadOnlyWhenThatReadWasClean) {
  struct Case {
    std::string name;
    std::string text;
    bool ahead;  // whether the second thread's edges are taken
  };
  const std::string nodes = R"("nodes": [{"id": "a", "kind": "evidence", "label": "A"}, {"id": "b", "kind": "claim", "label": "B"}])";
  const std::string edge = R"({"from": "a", "to": "b", "relation": "supports"})";
  const std::vector<Case> cases = {
      {"plain", chain_case(40), true},
      {"edges before the nodes", R"({"claimgraph": 1, "edges": [)" + edge + "], " + nodes + "}", true},
      {"values of every kind before", R"({"claimgraph": 1, "x": [[{"a": "]"}], {"b": [1, "["]}], "y": {"z": [{}]}, )" +
                                          nodes + R"(, "edges": [)" + edge + "]}",
       true},
      // Edges are placed from their array's '[' on the second thread:
      // lines and columns (in characters) must come out whole.
      {"characters of several bytes before, on the same line",
       R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "evidence", "label": "Ã©ð"}, )"
       R"({"id": "b", "kind": "claim", "label": "B"}], "edges": [)" +
           edge + ",\n    " + edge + ",\r\n\t" + edge + "]}",
       true},
      {"ends with escapes", R"({"claimgraph": 1, )" + nodes +
                                R"(, "edges": [{"from": "\u0061", "to": "\u0062", "relation": "supports", "id": "\u0073"}]})",
       true},
      {"unknown fields kept, nested", chain_case(6, R"(, "x-note": {"deep": [1, {"e": null}]})"), false},
      {"a scheme and a question", chain_case(6, R"(, "scheme": "expert-opinion", "question": "expertise")"), true},
      {"a field edges do not have", chain_case(6, R"(, "weight": 2)"), false},
      {"an unknown node", R"({"claimgraph": 1, )" + nodes + R"(, "edges": [{"from": "a", "to": "c", "relation": "supports"}]})",
       true},
      {"a bad relation", R"({"claimgraph": 1, )" + nodes + R"(, "edges": [{"from": "a", "to": "b", "relation": "support"}]})",
       false},
      {"a missing field", R"({"claimgraph": 1, )" + nodes + R"(, "edges": [{"from": "a", "to": "b"}]})", false},
      // The first is taken; the second, a duplicate key, is read here.
      {"edges twice", R"({"claimgraph": 1, )" + nodes + R"(, "edges": [)" + edge + R"(], "edges": [)" + edge + "]}", true},
      {"an escaped key first", R"({"claimgraph": 1, )" + nodes + R"(, "\u0065dges": [)" + edge + R"(], "edges": []})", false},
      {"edges not an array", R"({"claimgraph": 1, )" + nodes + R"(, "edges": {"from": "a"}})", false},
      {"edges a string", R"({"claimgraph": 1, )" + nodes + R"(, "edges": "none"})", false},
      {"no edges", R"({"claimgraph": 1, )" + nodes + "}", false},
      {"a top-level array", R"([{"edges": []}])", false},
      {"the version wrong", R"({"claimgraph": 7, )" + nodes + R"(, "edges": [)" + edge + "]}", true},
      {"a node error first", R"({"claimgraph": 1, "nodes": [{"id": "a", "kind": "clam", "label": "A"}], "edges": [)" + edge + "]}",
       true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    json_paths::FastRead how;
    const auto two = fast(c.text, 2, &how);
    ASSERT_TRUE(two.has_value()) << c.text;
    EXPECT_EQ(*two, fast(c.text, 1));
    EXPECT_EQ(*two, located(c.text));
    EXPECT_EQ(how.edges_ahead, c.ahead) << *two;
    json_paths::FastRead one;
    (void)fast(c.text, 1, &one);
    EXPECT_FALSE(one.edges_ahead);
  }
}

// Reads `text` on the fast path, on one thread and on two: each time the
// answer is the located parser's, and `count` nodes or edges (`plain`,
// FastRead's count of them) were read straight from the index.
void expect_read_plainly(const std::string& text, std::size_t json_paths::FastRead::*plain, std::size_t count) {
  const std::string want = located(text);
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
    json_paths::FastRead how;
    const auto got = fast(text, threads, &how);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(*got, want);
    EXPECT_EQ(how.*plain, count) << threads << " threads: " << want;
  }
}

TEST(JsonPathsTest, PlainNodesAreReadFromTheIndexAndTheRestWalkedWithTheSameAnswer) {
  // Each case is a node between two plain ones, its id "x" named by an
  // edge: the fast path reads the plain ones straight from stage 1's index
  // and walks the rest, and answers as the located parser does, on one
  // thread or two.
  struct Case {
    std::string name;
    std::string node;
    bool plain;
  };
  const std::vector<Case> cases = {
      {"plain", R"({"id": "x", "kind": "claim", "label": "X"})", true},
      {"every field a plain node may have, in another order",
       R"({"label": "X", "burden": "Tenant", "party": "Landlord", "group": "Count I", "source": "Ex. 1", )"
       R"("text": "Longer text", "test": "any", "standard": "preponderance", "kind": "counterclaim", "id": "x"})",
       true},
      {"no space at all", R"({"id":"x","kind":"evidence","label":"X","source":""})", true},
      {"characters of several bytes", R"({"id": "x", "kind": "claim", "label": "Ã©ð — “quoted”"})", true},
      {"an escape in the label", R"({"id": "x", "kind": "claim", "label": "X \"quoted\""})", false},
      {"an escape in the id", R"({"id": "\u0078", "kind": "claim", "label": "X"})", false},
      {"an escape in a key", R"({"\u0069d": "x", "kind": "claim", "label": "X"})", false},
      {"a weight", R"({"id": "x", "kind": "claim", "label": "X", "weight": 0.5})", false},
      {"tags", R"({"id": "x", "kind": "claim", "label": "X", "tags": ["a"]})", false},
      {"a citation", R"({"id": "x", "kind": "evidence", "label": "X", "cite": [{"exhibit": "PX-1"}]})", false},
      {"privileged", R"({"id": "x", "kind": "evidence", "label": "X", "privileged": true})", false},
      {"a scheme", R"({"id": "x", "kind": "claim", "label": "X", "scheme": "expert-opinion"})", false},
      {"an unknown field", R"({"id": "x", "kind": "claim", "label": "X", "x-note": "kept"})", false},
      {"a key twice", R"({"id": "x", "kind": "claim", "label": "X", "label": "Y"})", false},
      {"an unknown kind", R"({"id": "x", "kind": "clam", "label": "X"})", false},
      {"an unknown test", R"({"id": "x", "kind": "claim", "label": "X", "test": "most"})", false},
      {"an empty id", R"({"id": "", "kind": "claim", "label": "X"})", false},
      {"a blank label", R"({"id": "x", "kind": "claim", "label": "   "})", false},
      {"a blank label with an escape", R"({"id": "x", "kind": "claim", "label": " \t "})", false},
      {"no label", R"({"id": "x", "kind": "claim"})", false},
      {"no fields", R"({})", false},
      {"a null label", R"({"id": "x", "kind": "claim", "label": null})", false},
      {"an object for a label", R"({"id": "x", "kind": "claim", "label": {"text": "X"}})", false},
      {"the id of the first node again", R"({"id": "a", "kind": "claim", "label": "X"})", false},
      {"a string for a node", R"("x")", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string text = R"({"claimgraph": 1, "nodes": [
      {"id": "a", "kind": "evidence", "label": "A"},
      )" + c.node + R"(,
      {"id": "b", "kind": "claim", "label": "B", "group": "G"}
    ], "edges": [{"from": "a", "to": "b", "relation": "supports"}, {"from": "a", "to": "x", "relation": "supports"}]})";
    // A duplicate id is found only once the node is read: it is plain.
    const bool plain = c.plain || c.name == "the id of the first node again";
    expect_read_plainly(text, &json_paths::FastRead::plain_nodes, plain ? 3 : 2);
  }
}

TEST(JsonPathsTest, PlainNodesNearALimitAreWalkedAndReportedAsOnTheLocatedPath) {
  const std::string text = chain_case(40);
  for (int which = 0; which < 3; ++which) {
    SCOPED_TRACE(which);
    ReadOptions o = options();
    if (which == 0) o.limits.max_nodes = 25;
    if (which == 1) o.limits.max_depth = 2;
    if (which == 2) o.limits.max_string_bytes = 7;  // "point 9" fits, "point 10" does not
    const std::string want = located_with(text, o);
    EXPECT_TRUE(want.starts_with("error")) << want;
    json_paths::FastRead how;
    EXPECT_EQ(fast_with(text, o, &how).value_or("declined"), want);
    EXPECT_LT(how.plain_nodes, 40U);
  }
}

TEST(JsonPathsTest, PlainEdgesAreReadFromTheIndexAndTheRestWalkedWithTheSameAnswer) {
  // Each case is an edge between two plain ones: the fast path keeps the
  // plain ones straight from stage 1's index and walks the rest, and
  // answers as the located parser does, on one thread or two (where the
  // edges are read on the second).
  struct Case {
    std::string name;
    std::string edge;
    bool plain;
  };
  const std::vector<Case> cases = {
      {"plain", R"({"from": "a", "to": "x", "relation": "contradicts"})", true},
      {"another order", R"({"relation": "element-of", "to": "x", "from": "a"})", true},
      {"no space at all", R"({"from":"a","to":"x","relation":"supports"})", true},
      {"an unknown node", R"({"from": "a", "to": "nowhere", "relation": "supports"})", true},
      {"characters of several bytes", R"({"from": "Ã©ð", "to": "x", "relation": "supports"})", true},
      {"an empty end", R"({"from": "", "to": "x", "relation": "supports"})", true},
      {"an undercut of no edge", R"({"from": "a", "to": "x", "relation": "undercuts"})", true},
      {"an id", R"({"id": "e", "from": "a", "to": "x", "relation": "supports"})", false},
      {"a scheme", R"({"from": "a", "to": "x", "relation": "supports", "scheme": "expert-opinion"})", false},
      {"a question", R"({"from": "a", "to": "x", "relation": "undercuts", "question": "expertise"})", false},
      {"an unknown field", R"({"from": "a", "to": "x", "relation": "supports", "x-note": "kept"})", false},
      {"an escape in an end", R"({"from": "\u0061", "to": "x", "relation": "supports"})", false},
      {"an escape in the relation", R"({"from": "a", "to": "x", "relation": "support\u0073"})", false},
      {"an escape in a key", R"({"\u0066rom": "a", "to": "x", "relation": "supports"})", false},
      {"a key twice", R"({"from": "a", "to": "x", "from": "b", "relation": "supports"})", false},
      {"an unknown relation", R"({"from": "a", "to": "x", "relation": "support"})", false},
      {"a relation in capitals", R"({"from": "a", "to": "x", "relation": "Supports"})", false},
      {"no relation", R"({"from": "a", "to": "x"})", false},
      {"a number for an end", R"({"from": 1, "to": "x", "relation": "supports"})", false},
      {"a null end", R"({"from": "a", "to": null, "relation": "supports"})", false},
      {"an object for an end", R"({"from": {"id": "a"}, "to": "x", "relation": "supports"})", false},
      {"no fields", R"({})", false},
      {"a string for an edge", R"("a -> x")", false},
      {"an array for an edge", R"(["a", "x"])", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string text = R"({"claimgraph": 1, "nodes": [
      {"id": "a", "kind": "evidence", "label": "A"},
      {"id": "x", "kind": "claim", "label": "X"},
      {"id": "b", "kind": "claim", "label": "B"}
    ], "edges": [
      {"from": "a", "to": "b", "relation": "supports"},
      )" + c.edge + R"(,
      {"from": "x", "to": "b", "relation": "supports"}
    ]})";
    expect_read_plainly(text, &json_paths::FastRead::plain_edges, c.plain ? 3 : 2);
  }
}

TEST(JsonPathsTest, PlainEdgesNearALimitAreWalkedAndReportedAsOnTheLocatedPath) {
  const std::string text = chain_case(40);  // 20 edges
  for (int which = 0; which < 3; ++which) {
    SCOPED_TRACE(which);
    ReadOptions o = options();
    if (which == 0) o.limits.max_edges = 12;
    if (which == 1) o.limits.max_depth = 2;
    if (which == 2) o.limits.max_string_bytes = 7;  // every edge's "supports" is longer
    const std::string want = located_with(text, o);
    EXPECT_TRUE(want.starts_with("error")) << want;
    for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
      o.threads = threads;
      json_paths::FastRead how;
      EXPECT_EQ(fast_with(text, o, &how).value_or("declined"), want);
      EXPECT_LT(how.plain_edges, 20U);
    }
  }
}

TEST(JsonPathsTest, LimitsMetOnTheSecondThreadAreReportedAsOnOne) {
  const std::string text = chain_case(50);
  for (int which = 0; which < 3; ++which) {
    SCOPED_TRACE(which);
    ReadOptions o = options();
    if (which == 0) o.limits.max_edges = 3;
    if (which == 1) o.limits.max_depth = 2;
    if (which == 2) o.max_errors = 1;
    const std::string bad = which == 2 ? chain_case(6, R"(, "relation": "supports")") : text;
    std::vector<std::string> answers;
    std::vector<bool> ahead;
    for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
      o.threads = threads;
      json_paths::FastRead how;
      answers.push_back(fast_with(bad, o, &how).value_or("declined"));
      ahead.push_back(how.edges_ahead);
    }
    EXPECT_TRUE(answers[0].starts_with("error")) << answers[0];
    EXPECT_EQ(answers[0], answers[1]);
    EXPECT_FALSE(ahead[1]);
  }
}

TEST(JsonPathsTest, WhatIsNotJsonInTheEdgesIsLeftToTheLocatedParserOnTwoThreads) {
  for (const std::string tail : {R"([{"from": "a",, "to": "b"}]})", R"([{"from": "a"} {"to": "b"}]})",
                                 R"([{"from": 01}]})", R"([{"from": "a"}]] })", R"([{"from": "\x"}]})"}) {
    const std::string text = R"({"claimgraph": 1, "nodes": [], "edges": )" + tail;
    SCOPED_TRACE(text);
    EXPECT_FALSE(fast(text, 2).has_value());
    EXPECT_TRUE(located(text).starts_with("error"));
  }
}

// A case of `edges` + 1 nodes and `edges` supports edges (n(i+1) supports
// n(i), edge id s(i)), with `changed(i)` written in place of edge i when it
// gives anything.
std::string edge_case(std::size_t edges, const std::function<std::string(std::size_t)>& changed) {
  std::string text = R"({"claimgraph": 1, "nodes": [)";
  for (std::size_t i = 0; i <= edges; ++i) {
    text += std::string(i > 0 ? ",\n" : "\n") + R"({"id": "n)" + std::to_string(i) + R"(", "kind": "claim", "label": "p"})";
  }
  text += "],\n\"edges\": [";
  for (std::size_t i = 0; i < edges; ++i) {
    std::string edge = changed(i);
    if (edge.empty()) {
      edge = R"({"id": "s)" + std::to_string(i) + R"(", "from": "n)" + std::to_string(i + 1) + R"(", "to": "n)" +
             std::to_string(i) + R"(", "relation": "supports"})";
    }
    text += std::string(i > 0 ? ",\n" : "\n") + edge;
  }
  return text + "]}";
}

// Two long answers compared, a difference shown where it starts (gtest's
// own diff of strings this long would take all the memory).
::testing::AssertionResult same_answer(const std::string& a, const std::string& b) {
  if (a == b) return ::testing::AssertionSuccess();
  const auto at = static_cast<std::size_t>(std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
  const std::size_t from = at < 200 ? 0 : at - 200;
  return ::testing::AssertionFailure() << "the answers differ from byte " << at << ":\n"
                                       << a.substr(from, 400) << "\n---\n" << b.substr(from, 400);
}

TEST(JsonPathsTest, EdgesEndsLookedUpOnTwoThreadsResolveAsOnOne) {
  // Enough edges that the later half's ends are looked up on a second
  // thread: what each edge resolves to, and every error about it, in the
  // same order, whichever half it is in and whatever edge it names.
  constexpr std::size_t m = 70'000;
  const auto undercut = [](std::size_t i, std::size_t target) {
    return R"({"from": "n)" + std::to_string(i % 97) + R"(", "to": "s)" + std::to_string(target) +
           R"(", "relation": "undercuts"})";
  };
  const std::vector<std::pair<std::string, std::function<std::string(std::size_t)>>> cases{
      {"clean", [](std::size_t) { return std::string(); }},
      {"undercuts across the halves",
       [&](std::size_t i) {
         if (i == 10) return undercut(i, m - 5);
         if (i == m - 10) return undercut(i, 3);
         if (i == m / 2 + 1) return undercut(i, m / 2 - 1);
         return std::string();
       }},
      {"errors in both halves",
       [&](std::size_t i) {
         if (i == 7) return std::string(R"({"from": "n8", "to": "nowhere", "relation": "supports"})");
         if (i == m / 2 - 1) return std::string(R"({"from": "n5", "to": "n5", "relation": "contradicts"})");
         if (i == m / 2) return std::string(R"({"from": "n1", "to": "n\u0032", "relation": "supports"})");
         if (i == m / 2 + 3) return std::string(R"({"from": "elsewhere", "to": "n4", "relation": "supports"})");
         if (i == m - 2) return undercut(i, m + 7);
         if (i == m - 1) return std::string(R"({"from": "n9", "to": "n9", "relation": "supports"})");
         return std::string();
       }},
  };
  for (const auto& [name, changed] : cases) {
    SCOPED_TRACE(name);
    const std::string text = edge_case(m, changed);
    json_paths::FastRead one, two;
    const auto want = fast(text, 1, &one);
    const auto got = fast(text, 2, &two);
    ASSERT_TRUE(want.has_value());
    ASSERT_TRUE(got.has_value());
    EXPECT_TRUE(same_answer(*got, *want));
    EXPECT_TRUE(same_answer(*got, located(text)));
    EXPECT_FALSE(one.ends_ahead);
    EXPECT_TRUE(two.ends_ahead);
    EXPECT_EQ(name == "errors in both halves", want->starts_with("error")) << want->substr(0, 2000);
  }
}

TEST(JsonPathsTest, ALargeCaseReleasesItsNodesTextAsItGoesAndReadsTheSame) {
  // Over 16 MB of nodes: their text is released in steps while they are
  // read, then at the end of "nodes", then all of it before the edges are
  // built; on one thread or two, with the same graph and places as a read
  // that releases nothing.
  const std::string text = chain_case(400'000);
  ASSERT_GT(text.find("\"edges\""), std::size_t{16} << 20);
  const Padded padded(text);
  ReadOptions plain = options();
  const auto want = json_paths::read_fast(padded.text(), padded.capacity(), plain);
  ASSERT_TRUE(want.has_value());
  ASSERT_EQ(want->graph.edge_count(), 200'000U);
  const std::string want_text = outcome(*want);
  const std::size_t nodes_end = text.find("],\n\"edges\"") + 1;
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
    SCOPED_TRACE(threads);
    std::vector<std::size_t> done;
    ReadOptions o = plain;
    o.threads = threads;
    o.text_read = [&](std::size_t bytes) { done.push_back(bytes); };
    json_paths::FastRead how;
    const auto got = json_paths::read_fast(padded.text(), padded.capacity(), o, &how);
    ASSERT_TRUE(got.has_value());
    EXPECT_TRUE(same_answer(outcome(*got), want_text));
    EXPECT_EQ(how.edges_ahead, threads == 2);
    ASSERT_GE(done.size(), 3U);
    EXPECT_TRUE(std::is_sorted(done.begin(), done.end()));
    // Each step released a node's start: the text before it is whole nodes.
    for (std::size_t i = 0; i + 2 < done.size(); ++i) {
      EXPECT_EQ(text.substr(done[i], 7), R"({"id": )") << done[i];
      EXPECT_GE(done[i] - (i > 0 ? done[i - 1] : 0), std::size_t{16} << 20);
    }
    EXPECT_EQ(done[done.size() - 2], nodes_end);
    EXPECT_EQ(done.back(), text.size());
  }
}

}  // namespace
}  // namespace claimgraph::io
