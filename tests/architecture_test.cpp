// The rules of docs/architecture.md, checked on the sources: which layer
// may include which, and that no format's name or extension is spelt out
// anywhere but in the table of formats (src/io/formats.cpp) and the format's
// own files, so that adding a format touches only its own files and one row.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "claimgraph/io/formats.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;

// The C++ sources under `dir` (relative to the source tree), sorted.
std::vector<fs::path> sources(const fs::path& dir) {
  std::vector<fs::path> out;
  const fs::path root = test::source_dir() / dir;
  if (!fs::is_directory(root)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) {
      out.push_back(fs::relative(entry.path(), test::source_dir()));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The quoted includes of a file: "claimgraph/io/formats.hpp", "detail/text.hpp".
std::vector<std::string> includes(const fs::path& file) {
  static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
  std::vector<std::string> out;
  for (const auto& line : test::lines_of(test::read_text(test::source_dir() / file))) {
    std::smatch m;
    if (std::regex_search(line, m, include)) out.push_back(m[1]);
  }
  return out;
}

// The layer of a library file: model, analysis, view, io or detail.
std::string layer_of(const fs::path& file) {
  const std::string p = file.generic_string();
  auto under = [&](std::string_view dir) {
    return p.starts_with("include/claimgraph/" + std::string(dir)) || p.starts_with("src/" + std::string(dir));
  };
  if (under("detail/")) return "detail";
  if (under("analysis/")) return "analysis";
  if (under("io/")) return "io";
  if (file.stem() == "view" || file.stem() == "redact") return "view";
  return "model";
}

// What an include names: the layer of the file it includes.
std::string layer_included(const std::string& include) {
  for (std::string_view l : {"analysis/", "io/", "detail/"}) {
    if (include.starts_with("claimgraph/" + std::string(l)) || include.starts_with(l)) {
      return std::string(l.substr(0, l.size() - 1));
    }
  }
  if (include == "claimgraph/view.hpp" || include == "claimgraph/redact.hpp") return "view";
  return "model";
}

TEST(ArchitectureTest, LayersIncludeOnlyWhatIsBelowThem) {
  // Read → model → analyse → write: each layer may include itself and those
  // listed. detail/ holds format-free mechanics for every layer.
  const std::map<std::string, std::set<std::string>> allowed{
      {"model", {"model", "detail"}},
      {"analysis", {"model", "analysis", "detail"}},
      {"view", {"model", "analysis", "view", "detail"}},
      {"io", {"model", "analysis", "view", "io", "detail"}},
      {"detail", {"model", "detail"}},
  };
  std::size_t files = 0;
  for (const fs::path& dir : {fs::path("include/claimgraph"), fs::path("src")}) {
    for (const auto& file : sources(dir)) {
      ++files;
      const std::string layer = layer_of(file);
      for (const auto& inc : includes(file)) {
        if (inc.starts_with("claimgraph/") || inc.starts_with("detail/") || inc.starts_with("io/") ||
            inc.starts_with("analysis/")) {
          EXPECT_TRUE(allowed.at(layer).contains(layer_included(inc)))
              << file.generic_string() << " (" << layer << ") includes " << inc << " (" << layer_included(inc) << ")";
        }
      }
    }
  }
  EXPECT_GT(files, 50u) << "the sources were not found under " << test::source_dir();
}

TEST(ArchitectureTest, TheProgramUsesThePublicHeadersOnly) {
  for (const auto& file : sources("tools")) {
    for (const auto& inc : includes(file)) {
      EXPECT_FALSE(inc.starts_with("detail/") || inc.starts_with("claimgraph/detail/"))
          << file.generic_string() << " includes the library's internals: " << inc;
    }
  }
}

// Whether `file` is one of the files of the format named `name`: the table,
// or a library file whose name holds the format's name or one of `family`,
// the other names its files go by.
bool own_file(const fs::path& file, std::string_view name, const std::vector<std::string>& family) {
  const std::string p = file.generic_string();
  if (p.starts_with("tools/")) return false;  // the program knows formats only through the table
  if (p == "src/io/formats.cpp" || p == "include/claimgraph/io/formats.hpp") return true;
  if (p.find(name) != std::string::npos) return true;
  return std::any_of(family.begin(), family.end(), [&](const std::string& f) { return p.find(f) != std::string::npos; });
}

TEST(ArchitectureTest, FormatNamesAppearOnlyInTheTableAndTheFormatsOwnFiles) {
  struct Word {
    std::string text;
    std::string name;                 // the format
    std::vector<std::string> family;  // other names of its files
  };
  std::vector<Word> words;
  auto add = [&](std::string_view name, std::span<const std::string_view> extensions, std::vector<std::string> family) {
    words.push_back({std::string(name), std::string(name), family});
    for (std::string_view e : extensions) words.push_back({std::string(e), std::string(name), family});
  };
  // The ICCMA frameworks share one reader; pictures are Graphviz's renders,
  // and dot is also the name of Graphviz's layered layout.
  for (const auto& f : io::input_formats()) {
    add(f.name, f.extensions, f.abstract ? std::vector<std::string>{"iccma"} : std::vector<std::string>{});
  }
  for (const auto& f : io::output_formats()) {
    add(f.name, f.extensions, f.name == "dot" ? std::vector<std::string>{"render", "diagram"} : std::vector<std::string>{});
  }
  for (const auto& f : io::drawing_formats()) add(f.name, f.extensions, {"render", "diagram"});
  std::vector<std::string> found;
  for (const fs::path& dir : {fs::path("include"), fs::path("src"), fs::path("tools")}) {
    for (const auto& file : sources(dir)) {
      const std::string text = test::read_text(test::source_dir() / file);
      std::size_t line = 1;
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        // Comments may name formats; code may not.
        if (text.compare(i, 2, "//") == 0) {
          i = text.find('\n', i) - 1;
          continue;
        }
        for (const Word& w : words) {
          const std::string quoted = "\"" + w.text + "\"";
          if (text.compare(i, quoted.size(), quoted) == 0 && !own_file(file, w.name, w.family)) {
            found.push_back(file.generic_string() + ":" + std::to_string(line) + ": " + quoted);
          }
        }
      }
    }
  }
  EXPECT_TRUE(found.empty()) << "format names spelt out of place (use the table, io/formats.hpp):\n"
                             << ::testing::PrintToString(found);
}

}  // namespace
}  // namespace claimgraph
