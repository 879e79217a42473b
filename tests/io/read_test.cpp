// The contract every reader keeps (io/read.hpp), checked on every format of
// io::input_formats(): a limit exceeded is an error whose diagnostic names
// the limit and whose message names no option of the program, the stream
// form refuses input over max_input_bytes with an IoError that names the
// limit too, and a file is read by read_input in the format detected.

#include "claimgraph/io/read.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>

#include "claimgraph/io/formats.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;

// A small valid input of each format: its file name and text.
struct Sample {
  std::string name;
  std::string text;
};

std::optional<Sample> sample(std::string_view format) {
  const fs::path seeds = test::source_dir() / "fuzz" / "seeds";
  if (format == "json") return Sample{"case.json", test::read_text(test::graphs_dir() / "negligence_example.json")};
  if (format == "aif") return Sample{"map.json", test::read_text(seeds / "aif_reader" / "debate.json")};
  if (format == "argdown") {
    return Sample{"case.argdown", test::read_text(seeds / "argdown" / "every-element.argdown")};
  }
  if (format == "apx") return Sample{"f.apx", "arg(a1).\narg(a2).\narg(b).\natt(a1,a2).\natt(a2,a1).\natt(a2,b).\n"};
  if (format == "tgf") return Sample{"f.tgf", "a1\na2 the second\nb\n#\na1 a2\na2 a1\na2 b\n"};
  if (format == "i23") return Sample{"f.i23", "p af 3\n# a comment\n1 2\n2 1\n2 3\n"};
  return std::nullopt;
}

// Every diagnostic of a rejected read, or none when the text was accepted.
std::vector<Diagnostic> rejected(const InputFormat& format, std::string_view text, const ReadOptions& options) {
  try {
    (void)format.read(text, options);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

class ReaderContractTest : public ::testing::TestWithParam<InputFormat> {};

TEST_P(ReaderContractTest, EveryFormatHasASample) {
  ASSERT_TRUE(sample(GetParam().name)) << "add a sample of " << GetParam().name << " to this test";
  const std::string text = sample(GetParam().name)->text;
  ReadOptions options;
  const ReadResult r = GetParam().read(text, options);
  EXPECT_GT(r.graph.node_count(), 1u);
  EXPECT_GT(r.graph.edge_count(), 0u);
}

TEST_P(ReaderContractTest, LimitsAreErrorsThatNameTheLimit) {
  const InputFormat& format = GetParam();
  const std::string text = sample(format.name)->text;
  struct Case {
    Limit limit;
    std::size_t Limits::*member;
    std::size_t value;
  };
  const Case cases[] = {
      {Limit::input_bytes, &Limits::max_input_bytes, 10},
      {Limit::nodes, &Limits::max_nodes, 1},
      {Limit::edges, &Limits::max_edges, 0},
      {Limit::string_bytes, &Limits::max_string_bytes, 1},
      {Limit::depth, &Limits::max_depth, 1},
  };
  for (const Case& c : cases) {
    // Abstract frameworks have no nesting, and ICCMA 2023 numbers its arguments.
    if (format.abstract && c.limit == Limit::depth) continue;
    if (format.name == "i23" && c.limit == Limit::string_bytes) continue;
    SCOPED_TRACE(std::string(to_string(c.limit)));
    ReadOptions options;
    options.file_name = "input";
    options.limits.*c.member = c.value;
    const auto diagnostics = rejected(format, text, options);
    ASSERT_FALSE(diagnostics.empty()) << "accepted over the limit";
    bool named = false;
    for (const auto& d : diagnostics) {
      if (d.limit == c.limit) named = true;
      EXPECT_EQ(d.message.find("--"), std::string::npos) << "the library names no option: " << d.format();
    }
    EXPECT_TRUE(named) << "no diagnostic names the limit; the first: " << diagnostics.front().format();
  }
}

TEST_P(ReaderContractTest, StreamsStopAtTheInputLimit) {
  std::istringstream in(sample(GetParam().name)->text);
  ReadOptions options;
  options.file_name = "stream";
  options.limits.max_input_bytes = 10;
  try {
    (void)read_stream(in, options, GetParam().read);
    FAIL() << "read past the limit";
  } catch (const IoError& e) {
    EXPECT_EQ(e.path(), "stream");
    EXPECT_EQ(e.limit(), Limit::input_bytes);
  }
}

TEST_P(ReaderContractTest, AFileIsReadInTheFormatDetected) {
  const Sample s = *sample(GetParam().name);
  test::TempDir dir;
  test::write_text(dir / s.name, s.text);
  const Input input = read_input((dir / s.name).string(), nullptr);
  EXPECT_EQ(input.format->name, GetParam().name) << s.name;
  ASSERT_FALSE(input.result.graph.node_count() == 0);
  // Named outright, whatever the file is called.
  test::write_text(dir / "no-extension", s.text);
  const Input named = read_input((dir / "no-extension").string(), &GetParam());
  EXPECT_EQ(named.format, &GetParam());
  EXPECT_EQ(named.result.graph.node_count(), input.result.graph.node_count());
}

INSTANTIATE_TEST_SUITE_P(Formats, ReaderContractTest, ::testing::ValuesIn(input_formats().begin(), input_formats().end()),
                         [](const auto& row) { return std::string(row.param.name); });

TEST(ReadInputTest, MissingFilesAndDirectoriesAreIoErrors) {
  EXPECT_THROW((void)read_input("/nonexistent/case.json", nullptr), IoError);
  test::TempDir dir;
  EXPECT_THROW((void)read_input(dir.path().string(), nullptr), IoError);
}

TEST(ReadInputTest, DiagnosticsNameThePath) {
  test::TempDir dir;
  test::write_text(dir / "bad.json", "{\"claimgraph\": 1, \"nodes\": [}");
  try {
    ReadOptions options;
    options.file_name = "ignored";  // the path is the name
    (void)read_input((dir / "bad.json").string(), nullptr, options);
    FAIL() << "read a broken file";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.diagnostics().front().where.file, (dir / "bad.json").string());
  }
}

}  // namespace
}  // namespace claimgraph::io
