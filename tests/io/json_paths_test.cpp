// The case-file reader's two paths: simdjson's fast one and the located
// parser. The fast path must read every well-formed file the repository
// holds (else it would be dead weight, and the speed figures would measure
// the other path), must decline what is not JSON, and wherever it answers
// must answer exactly as the located parser does: the same graph,
// warnings and places, or the same errors.

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
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

// The fast path's answer, or nothing when it declines.
std::optional<std::string> fast(std::string_view text) {
  const Padded padded(text);
  try {
    auto r = json_paths::read_fast(padded.text(), padded.capacity(), options());
    if (!r) return std::nullopt;
    return outcome(*r);
  } catch (const InputError& e) {
    return outcome(e);
  }
}

std::string located(std::string_view text) {
  try {
    return outcome(json_paths::read_located(text, options()));
  } catch (const InputError& e) {
    return outcome(e);
  }
}

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

}  // namespace
}  // namespace claimgraph::io
