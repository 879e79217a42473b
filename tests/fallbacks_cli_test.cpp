// What the program does without what a machine may not give it: a second
// thread (at its limit of threads, every command answers as with one, each
// part that would have run beside another run in turn), or librsvg and cairo
// (a page cannot be drawn, and the error says what to install). The program
// runs with tests/denied_calls.cpp preloaded, which takes them away.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;

class FallbacksCliTest : public test::ProgramTest {
 protected:
  // Runs claimgraph with `args`, CLAIMGRAPH_TEST_DENY=`deny` and the
  // denials logged; `denials` is then what was denied, a line each.
  test::RunResult denied(const std::vector<std::string>& args, const std::string& deny, std::string& denials) const {
    const fs::path log = dir / "denied.log";
    fs::remove(log);
    std::vector<std::string> argv{test::program()};
    argv.insert(argv.end(), args.begin(), args.end());
    const test::RunResult r = test::run(argv, std::nullopt, std::chrono::seconds::zero(),
                                        {"LD_PRELOAD=" CLAIMGRAPH_DENIED_CALLS, "CLAIMGRAPH_TEST_DENY=" + deny,
                                         "CLAIMGRAPH_TEST_DENY_LOG=" + log.string()});
    denials = fs::exists(log) ? test::read_text(log) : std::string();
    return r;
  }

  test::TempDir dir;
};

// A case large enough that every part of the work that can take a second
// thread does: the edges read and their ends looked up beside the nodes
// (65,536 edges and more), the writers' lines rendered in chunks on two, the
// lint findings worded on two, and the strengths of a cycle of more than
// 16,384 nodes swept on two. `changed` changes every tenth label, for a
// second version to diff.
std::string threaded_case(bool changed) {
  constexpr std::size_t claims = 30000;
  constexpr std::size_t evidence = 1000;
  std::string text = "{\"claimgraph\": 1, \"title\": \"Many claims in a ring\", \"nodes\": [\n";
  for (std::size_t i = 0; i < claims; ++i) {
    text += "  {\"id\": \"" + test::numbered("c", i) + "\", \"kind\": \"" + (i % 7 == 3 ? "counterclaim" : "claim") +
            "\", \"label\": \"" + (changed && i % 10 == 0 ? "changed " : "") + test::numbered("claim ", i) + "\"";
    if (i % 5 == 0) text += ", \"party\": \"P\"";
    text += "},\n";
  }
  for (std::size_t i = 0; i < evidence; ++i) {
    text += "  {\"id\": \"" + test::numbered("e", i) + "\", \"kind\": \"evidence\", \"label\": \"" +
            test::numbered("exhibit ", i) + "\", \"source\": \"Ex. 1\"}" + (i + 1 < evidence ? ",\n" : "\n");
  }
  text += "], \"edges\": [\n";
  bool first = true;
  const auto edge = [&](const std::string& from, const std::string& to, const char* relation) {
    text += (first ? "  " : ",\n  ");
    first = false;
    text += "{\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"relation\": \"" + relation + "\"}";
  };
  for (std::size_t i = 0; i < evidence; ++i) edge(test::numbered("e", i), test::numbered("c", i * 30), "supports");
  for (std::size_t i = 0; i < claims; ++i) {
    edge(test::numbered("c", i), test::numbered("c", (i + 1) % claims), "supports");
    if (i % 3 == 0) edge(test::numbered("c", i), test::numbered("c", (i + 2) % claims), "contradicts");
    if (i % 2 == 0) edge(test::numbered("c", i), test::numbered("c", (i + 5) % claims), "contradicts");
    if (i % 4 != 0) edge(test::numbered("c", i), test::numbered("c", (i + 11) % claims), "supports");
  }
  return text + "\n]}\n";
}

TEST_F(FallbacksCliTest, WithoutASecondThreadEveryCommandAnswersAsWithOne) {
  if (std::thread::hardware_concurrency() < 2) GTEST_SKIP() << "one core: the commands start no second thread";
  const fs::path before = dir / "before.json";
  const fs::path after = dir / "after.json";
  test::write_text(before, threaded_case(false));
  test::write_text(after, threaded_case(true));
  struct Command {
    std::vector<std::string> args;
    std::string output;  // a file it writes, or "" for its standard output only
  };
  // One command for each part that can take a second thread (the JSON
  // writers render their chunks as the DOT writer does).
  const std::string dot = (dir / "case.dot").string();
  const std::vector<Command> commands = {
      {{"check", after.string(), "--format", "json"}, ""},
      {{"evaluate", after.string(), "--format", "json"}, ""},
      {{"lint", after.string(), "--format", "json"}, ""},
      {{"export", after.string(), "--to", "dot", "-o", dot}, dot},
      {{"diff", before.string(), after.string(), "--format", "json"}, ""},
  };
  for (const auto& c : commands) {
    SCOPED_TRACE(c.args.front() + " " + c.args.back());
    const test::RunResult with = claimgraph(c.args);
    const std::string written = c.output.empty() ? std::string() : test::read_text(c.output);
    if (!c.output.empty()) fs::remove(c.output);
    std::string denials;
    const test::RunResult without = denied(c.args, "threads", denials);
    // The program asked for a thread and was refused: the answer below is
    // the fallbacks'.
    EXPECT_NE(denials.find("threads"), std::string::npos) << without.err;
    EXPECT_LE(with.status, 1) << with.err;
    EXPECT_EQ(without.status, with.status) << without.err;
    EXPECT_EQ(without.out, with.out);
    EXPECT_EQ(without.err, with.err);
    if (!c.output.empty()) {
      ASSERT_TRUE(fs::exists(c.output)) << without.err;
      EXPECT_EQ(test::read_text(c.output), written);
    }
  }
}

TEST_F(FallbacksCliTest, APageWithoutLibrsvgOrCairoIsRefusedWithWhatToInstall) {
  const fs::path pdf = dir / "case.pdf";
  for (const std::string library : {"librsvg-2.so.2", "libcairo.so.2"}) {
    SCOPED_TRACE(library);
    std::string denials;
    const test::RunResult r =
        denied({"render", graph("parler_v_aws"), "--page", "letter", "-o", pdf.string()}, "dlopen:" + library, denials);
    EXPECT_EQ(denials, library + "\n");
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_NE(r.err.find("cannot load " + library + " (cannot open shared object file"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("apt-get install librsvg2-2 libcairo2"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(pdf));
  }
  // A drawing that is not a page needs neither.
  std::string denials;
  const fs::path svg = dir / "case.svg";
  const test::RunResult r = denied({"render", graph("parler_v_aws"), "-o", svg.string()}, "dlopen:librsvg,dlopen:libcairo", denials);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(denials, "");
  EXPECT_NE(test::read_text(svg).find("</svg>"), std::string::npos);
}

}  // namespace
}  // namespace claimgraph
