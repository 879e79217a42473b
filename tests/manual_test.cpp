// The manual page and the shell completion against the program they
// describe: every subcommand and every option of `claimgraph --help` is in
// claimgraph(1), the page renders without warnings, and completion offers
// the subcommands, options, format names, node ids and template names the
// program has.

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/io/formats.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;

class ManualTest : public test::ProgramTest {
 protected:
  // The subcommands `claimgraph --help` lists.
  static std::vector<std::string> subcommands() {
    const auto help = claimgraph({"--help"}).out;
    std::vector<std::string> out;
    bool listed = false;
    for (const auto& line : test::lines_of(help)) {
      if (line == "Subcommands:") {
        listed = true;
      } else if (listed && line.starts_with("  ") && line.size() > 2 && line[2] != ' ') {
        out.push_back(line.substr(2, line.find(' ', 2) - 2));
      } else if (listed && line.empty()) {
        listed = false;
      }
    }
    return out;
  }
  // The option names ("-o", "--output") in a --help text.
  static std::vector<std::string> options(const std::string& help) {
    std::vector<std::string> out;
    const std::regex name(R"(--?[A-Za-z][-A-Za-z0-9]*)");
    for (const auto& line : test::lines_of(help)) {
      if (!line.starts_with("  -")) continue;
      const std::string first = line.substr(2, line.find(' ', 2) - 2);
      for (std::sregex_iterator it(first.begin(), first.end(), name), end; it != end; ++it) out.push_back(it->str());
    }
    return out;
  }
  static fs::path page() { return fs::path(test::program()).parent_path() / "claimgraph.1"; }
};

TEST_F(ManualTest, ThePageHasEverySubcommandAndOption) {
  ASSERT_TRUE(fs::exists(page())) << "the build writes " << page();
  const std::string roff = test::read_text(page());
  const auto subs = subcommands();
  ASSERT_GE(subs.size(), 10u);
  EXPECT_NE(roff.find(".TH CLAIMGRAPH 1 \"\" \"claimgraph " CLAIMGRAPH_VERSION_STRING "\""), std::string::npos);
  for (const auto& sub : subs) {
    SCOPED_TRACE(sub);
    const auto at = roff.find(".SS \"claimgraph " + sub + "\"\n");
    ASSERT_NE(at, std::string::npos);
    const auto next = roff.find(".SS ", at + 1);
    const std::string section = roff.substr(at, next == std::string::npos ? std::string::npos : next - at);
    const auto help = claimgraph({sub, "--help"}).out;
    ASSERT_FALSE(options(help).empty());
    for (auto option : options(help)) {
      // In the page, an option's hyphens are \- (so that it can be copied).
      std::string escaped;
      for (char c : option) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
      EXPECT_NE(section.find(escaped), std::string::npos) << option;
    }
    // The first line of the help, the subcommand's summary, is there too.
    EXPECT_NE(section.find(test::lines_of(help)[0].substr(0, 40)), std::string::npos);
  }
  for (const char* part : {".SH EXIT STATUS", ".SH CASE FILE", ".SH ENVIRONMENT", "CLAIMGRAPH_TEMPLATES"}) {
    EXPECT_NE(roff.find(part), std::string::npos) << part;
  }
}

TEST_F(ManualTest, ThePageRendersWithoutWarnings) {
  const auto groff = test::run({"/bin/sh", "-c", "command -v groff"});
  if (groff.status != 0) GTEST_SKIP() << "groff is not installed (Debian: groff-base)";
  const auto r = test::run({"/bin/sh", "-c", "groff -man -Tutf8 -ww -z \"$0\"", page().string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto text = test::run({"/bin/sh", "-c", "groff -man -Tutf8 -P-cbou \"$0\"", page().string()});
  EXPECT_NE(text.out.find("claimgraph export"), std::string::npos);
}

// What bash completion offers for a command line whose last word is being
// completed, through the script as installed.
std::set<std::string> completed(const std::vector<std::string>& words) {
  std::string script = "source \"$0\"; PATH=\"$1:$PATH\"; COMP_WORDS=(";
  for (const auto& w : words) script += " '" + w + "'";
  script += " ); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _claimgraph; printf '%s\\n' \"${COMPREPLY[@]}\"";
  const auto r = test::run({"/bin/bash", "-c", script,
                            (test::source_dir() / "tools/completion/claimgraph.bash").string(),
                            fs::path(test::program()).parent_path().string()});
  EXPECT_EQ(r.status, 0) << r.err;
  std::set<std::string> out;
  for (const auto& line : test::lines_of(r.out)) {
    if (!line.empty()) out.insert(line);
  }
  return out;
}

TEST_F(ManualTest, BashCompletionOffersWhatTheProgramHas) {
  EXPECT_EQ(completed({"claimgraph", "ex"}), (std::set<std::string>{"explain", "export"}));
  std::set<std::string> subs;
  for (const auto& s : subcommands()) subs.insert(s);
  auto all = completed({"claimgraph", ""});
  for (const auto& s : subs) EXPECT_TRUE(all.contains(s)) << s;
  EXPECT_EQ(completed({"claimgraph", "export", "case.json", "--no-"}),
            (std::set<std::string>{"--no-legend", "--no-clusters"}));
  std::set<std::string> formats;
  for (const auto& f : io::output_formats()) formats.insert(std::string(f.name));
  EXPECT_EQ(completed({"claimgraph", "export", "case.json", "--to", ""}), formats);
  EXPECT_EQ(completed({"claimgraph", "evaluate", "case.json", "--semantics", "p"}), (std::set<std::string>{"preferred"}));
  const std::string parler = graph("parler_v_aws");
  EXPECT_EQ(completed({"claimgraph", "explain", parler, "pi"}), (std::set<std::string>{"pi1", "pi2", "pi3", "pi4"}));
  EXPECT_EQ(completed({"claimgraph", "critical", parler, "--claim", "pi"}),
            (std::set<std::string>{"pi1", "pi2", "pi3", "pi4"}));
  EXPECT_EQ(completed({"claimgraph", "check", parler, "--exclude", "pi"}),
            (std::set<std::string>{"pi1", "pi2", "pi3", "pi4"}));
  EXPECT_EQ(completed({"claimgraph", "export", parler, "--focus", "s"}),
            (std::set<std::string>{"sherman", "s1", "s2", "s3"}));
  EXPECT_EQ(completed({"claimgraph", "export", parler, "--redact", "c"}),
            (std::set<std::string>{"cause-of-action", "concession"}));
  EXPECT_EQ(completed({"claimgraph", "export", parler, "--redact-mode", ""}), (std::set<std::string>{"mask", "drop"}));
  EXPECT_EQ(completed({"claimgraph", "new", "--template", "sherman-2"}),
            (std::set<std::string>{"sherman-2", "sherman-2-attempt"}));
  EXPECT_TRUE(completed({"claimgraph", "render", "case.json", "--max-nodes", ""}).empty());
}

TEST_F(ManualTest, ZshLoadsTheCompletion) {
  const auto zsh = test::run({"/bin/sh", "-c", "command -v zsh"});
  if (zsh.status != 0) GTEST_SKIP() << "zsh is not installed";
  const fs::path file = fs::path(test::program()).parent_path() / "_claimgraph";
  ASSERT_TRUE(fs::exists(file));
  EXPECT_TRUE(test::read_text(file).starts_with("#compdef claimgraph\n"));
  const std::string program = test::lines_of(zsh.out)[0];
  const auto r = test::run({program, "-f", "-c",
                            "autoload -U compinit && compinit -u -D; source \"$1\"; whence -w _claimgraph", "zsh",
                            file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "_claimgraph: function\n") << r.err;
}

}  // namespace
}  // namespace claimgraph
