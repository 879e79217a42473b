// `claimgraph render`, run as a user runs it: formats, layouts, the node
// limit, progress, errors and their exit statuses, and what is (not) left on
// disk. What the pictures hold is checked in io/render_test.cpp; here the
// program's output is compared with the library's rendering of the DOT that
// `export` writes with the same options.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/io/diagram.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/render.hpp"
#include "claimgraph/limits.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using test::read_text;
using test::RunResult;
using test::write_text;

class RenderCliTest : public test::ProgramTest {
 protected:
  // What the library draws from the DOT `export` writes with `export_args`.
  static std::string expected(const std::string& file, std::vector<std::string> export_args, io::RenderFormat format,
                              io::LayoutEngine layout = io::LayoutEngine::dot) {
    std::vector<std::string> args{"export", file, "--to", "dot"};
    args.insert(args.end(), export_args.begin(), export_args.end());
    const RunResult dot = claimgraph(args);
    EXPECT_EQ(dot.status, 0) << dot.err;
    io::RenderOptions options;
    options.format = format;
    options.layout = layout;
    return io::render(dot.out, options);
  }

  // What the library draws of `file` with `layout`, as render does by default.
  static std::string drawn(const std::string& file, io::LayoutEngine layout) {
    const Graph g = io::read_json(read_text(file)).graph;
    const auto results = analysis::analyse(g, {true, false});
    io::DrawOptions options;
    options.dot.analyses = results.analyses();
    options.layout = layout;
    return io::draw(g, options);
  }

  // Standard error without the progress lines a slow render may print (the
  // machine decides what is slow), which tests cannot count on either way.
  static std::string without_progress(const std::string& err) {
    std::string rest;
    for (const auto& line : test::lines_of(err)) {
      if (line.starts_with("reading ") || line.starts_with("laying out ") || line.starts_with("rendering ") ||
          line.starts_with("rendered in ")) {
        continue;
      }
      rest += line + "\n";
    }
    return rest;
  }

  static std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
  }

  test::TempDir tmp_;
};

// --- formats -------------------------------------------------------------------------

TEST_F(RenderCliTest, EachFormatFromTheOutputsExtension) {
  for (const auto& [name, format] : std::vector<std::pair<std::string, io::RenderFormat>>{
           {"a.svg", io::RenderFormat::svg},
           {"b.png", io::RenderFormat::png},
           {"c.PDF", io::RenderFormat::pdf}}) {
    SCOPED_TRACE(name);
    const fs::path out = tmp_ / name;
    const RunResult r = claimgraph({"render", graph("parler_v_aws"), "-o", out.string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(without_progress(r.err), "");
    const std::string bytes = read_text(out);
    if (format == io::RenderFormat::pdf) {
      // cairo stamps each PDF with its creation time: compare the start only.
      EXPECT_EQ(bytes.rfind("%PDF-1.", 0), 0u);
    } else {
      // (Compared as a whole: a PNG's bytes make no readable failure message.)
      EXPECT_TRUE(bytes == expected(graph("parler_v_aws"), {}, format)) << "differs from the library's " << name;
    }
  }
  EXPECT_EQ(listing(tmp_.path()), (std::set<std::string>{"a.svg", "b.png", "c.PDF"}));
}

TEST_F(RenderCliTest, FormatOptionWinsOverTheExtension) {
  const fs::path out = tmp_ / "diagram.img";
  RunResult r = claimgraph({"render", graph("negligence_example"), "--format", "png", "-o", out.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_text(out).substr(0, 4), "\x89PNG");
  const fs::path svg = tmp_ / "really.png";
  r = claimgraph({"render", graph("negligence_example"), "--format", "svg", "-o", svg.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_text(svg), expected(graph("negligence_example"), {}, io::RenderFormat::svg));
}

TEST_F(RenderCliTest, StandardOutputNeedsAFormat) {
  const RunResult r = claimgraph({"render", graph("negligence_example"), "-o", "-", "--format", "svg"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, expected(graph("negligence_example"), {}, io::RenderFormat::svg));
  const RunResult bare = claimgraph({"render", graph("negligence_example"), "-o", "-"});
  EXPECT_EQ(bare.status, 2);
  EXPECT_EQ(bare.out, "");
  EXPECT_EQ(bare.err, "claimgraph: error: give --format svg, png or pdf to write to standard output\n");
}

TEST_F(RenderCliTest, ReadsStandardInput) {
  const fs::path out = tmp_ / "stdin.svg";
  const RunResult r = claimgraph({"render", "-", "-o", out.string()}, read_text(graph("negligence_example")));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_text(out), expected(graph("negligence_example"), {}, io::RenderFormat::svg));
}

TEST_F(RenderCliTest, DiagramOptionsAreThoseOfExport) {
  for (const std::vector<std::string>& flags : std::vector<std::vector<std::string>>{
           {"--evaluate"}, {"--no-legend"}, {"--no-clusters"}, {"--evaluate", "--no-legend", "--no-clusters"},
           {"--style", "mono"}, {"--style", "mono", "--evaluate"}, {"--focus", "sherman", "--depth", "1"}}) {
    std::string joined;
    for (const auto& f : flags) joined += f + " ";
    SCOPED_TRACE(joined);
    const fs::path out = tmp_ / "flags.svg";
    std::vector<std::string> args{"render", graph("parler_v_aws"), "-o", out.string()};
    args.insert(args.end(), flags.begin(), flags.end());
    const RunResult r = claimgraph(args);
    EXPECT_EQ(r.status, 0) << r.err;
    const std::string svg = read_text(out);
    EXPECT_EQ(svg, expected(graph("parler_v_aws"), flags, io::RenderFormat::svg));
    EXPECT_NE(svg, expected(graph("parler_v_aws"), {}, io::RenderFormat::svg));
  }
}

TEST_F(RenderCliTest, EachLayout) {
  for (const auto layout : {io::LayoutEngine::dot, io::LayoutEngine::neato, io::LayoutEngine::fdp,
                            io::LayoutEngine::sfdp}) {
    SCOPED_TRACE(io::to_string(layout));
    const fs::path out = tmp_ / "layout.svg";
    const RunResult r =
        claimgraph({"render", graph("parler_v_aws"), "-o", out.string(), "--layout", io::to_string(layout)});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(without_progress(r.err), "");
    const std::string svg = read_text(out);
    EXPECT_NE(svg.find("<title>n51</title>"), std::string::npos);  // the last of the 52 nodes
    // sfdp and fdp keep state from one layout to the next within a process
    // (see render.hpp), and the test process has rendered before: compare
    // only the layouts that do not. Under neato the legend is one table
    // (DotOptions::layered), where the DOT export, written for dot, draws
    // its samples as edges: compare with the library's drawing.
    if (layout == io::LayoutEngine::dot) {
      EXPECT_EQ(svg, expected(graph("parler_v_aws"), {}, io::RenderFormat::svg, layout));
    } else if (layout == io::LayoutEngine::neato) {
      EXPECT_EQ(svg, drawn(graph("parler_v_aws"), layout));
      EXPECT_EQ(svg.find("<title>legend_r0</title>"), std::string::npos);
    }
  }
}

TEST_F(RenderCliTest, SameInputSameBytes) {
  // Every run of the program is a fresh process: the same case file gives
  // the same picture, byte for byte, with every layout but fdp, which in
  // Graphviz 2.42 places clusters differently from run to run.
  for (const char* layout : {"dot", "neato", "sfdp"}) {
    SCOPED_TRACE(layout);
    const fs::path a = tmp_ / "a.svg";
    const fs::path b = tmp_ / "b.svg";
    ASSERT_EQ(claimgraph({"render", graph("parler_v_aws"), "-o", a.string(), "--layout", layout}).status, 0);
    ASSERT_EQ(claimgraph({"render", graph("parler_v_aws"), "-o", b.string(), "--layout", layout}).status, 0);
    EXPECT_EQ(read_text(a), read_text(b));
  }
  const fs::path a = tmp_ / "a.png";
  const fs::path b = tmp_ / "b.png";
  ASSERT_EQ(claimgraph({"render", graph("parler_v_aws"), "-o", a.string()}).status, 0);
  ASSERT_EQ(claimgraph({"render", graph("parler_v_aws"), "-o", b.string()}).status, 0);
  EXPECT_TRUE(read_text(a) == read_text(b)) << "the PNGs differ";
}

// --- the node limit ------------------------------------------------------------------

TEST_F(RenderCliTest, AboveTheLimitTheDefaultLayoutIsSfdp) {
  // negligence_example has 14 nodes.
  const fs::path out = tmp_ / "big.svg";
  const RunResult r =
      claimgraph({"render", graph("negligence_example"), "-o", out.string(), "--max-render-nodes", "13"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(without_progress(r.err),
            graph("negligence_example") +
                ": warning: the diagram has 14 nodes, more than the limit of 13 for the dot layout; drawing it with "
                "sfdp instead (groups are not drawn as clusters) (raise the limit with --max-render-nodes, or draw a "
                "smaller view: --focus ID --depth N, --group G, --party P or --gaps-only)\n");
  const fs::path sfdp = tmp_ / "sfdp.svg";
  ASSERT_EQ(claimgraph({"render", graph("negligence_example"), "-o", sfdp.string(), "--layout", "sfdp"}).status, 0);
  EXPECT_EQ(read_text(out), read_text(sfdp));

  const RunResult quiet =
      claimgraph({"-q", "render", graph("negligence_example"), "-o", out.string(), "--max-render-nodes", "13"});
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.err, "");

  const RunResult at_limit =
      claimgraph({"render", graph("negligence_example"), "-o", out.string(), "--max-render-nodes", "14"});
  EXPECT_EQ(at_limit.status, 0);
  EXPECT_EQ(without_progress(at_limit.err), "");
  EXPECT_EQ(read_text(out), expected(graph("negligence_example"), {}, io::RenderFormat::svg));
}

TEST_F(RenderCliTest, AboveTheLimitAnExplicitSlowLayoutIsRefused) {
  for (const char* layout : {"dot", "neato", "fdp"}) {
    SCOPED_TRACE(layout);
    const fs::path out = tmp_ / "big.svg";
    const RunResult r = claimgraph(
        {"render", graph("negligence_example"), "-o", out.string(), "--max-render-nodes", "13", "--layout", layout});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "claimgraph: error: " + graph("negligence_example") +
                         ": the diagram has 14 nodes, more than the limit of 13 for the " + layout +
                         " layout, which would take minutes or hours; use the sfdp layout (raise the limit with "
                         "--max-render-nodes, or draw a smaller view: --focus ID --depth N, --group G, --party P or "
                         "--gaps-only)\n");
    EXPECT_TRUE(listing(tmp_.path()).empty());
  }
  const RunResult sfdp = claimgraph({"render", graph("negligence_example"), "-o", (tmp_ / "s.svg").string(),
                                     "--max-render-nodes", "13", "--layout", "sfdp"});
  EXPECT_EQ(sfdp.status, 0);
  EXPECT_EQ(without_progress(sfdp.err), "");
}

TEST_F(RenderCliTest, MonoDrawsInBlackGreysAndWhiteOnly) {
  // Every colour of the SVG: fill="..." and stroke="..." attributes.
  auto colours = [](const std::string& svg) {
    std::set<std::string> out;
    for (const char* key : {" fill=\"", " stroke=\""}) {
      const std::string k(key);
      for (std::size_t at = svg.find(k); at != std::string::npos; at = svg.find(k, at + 1)) {
        const std::size_t begin = at + k.size();
        out.insert(svg.substr(begin, svg.find('"', begin) - begin));
      }
    }
    return out;
  };
  auto grey = [](const std::string& c) {
    if (c == "none" || c == "white" || c == "black" || c == "transparent") return true;
    return c.size() == 7 && c[0] == '#' && c.substr(1, 2) == c.substr(3, 2) && c.substr(3, 2) == c.substr(5, 2);
  };
  const fs::path out = tmp_ / "mono.svg";
  const RunResult r = claimgraph({"render", graph("parler_v_aws"), "-o", out.string(), "--style", "mono", "--evaluate"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto mono = colours(read_text(out));
  for (const auto& c : mono) EXPECT_TRUE(grey(c)) << c;
  EXPECT_GT(mono.size(), 3u);
  ASSERT_EQ(claimgraph({"render", graph("parler_v_aws"), "-o", out.string(), "--evaluate"}).status, 0);
  const auto colour = colours(read_text(out));
  EXPECT_TRUE(std::any_of(colour.begin(), colour.end(), [&](const std::string& c) { return !grey(c); }));
  // A style that does not exist is refused with the ones that do.
  const RunResult bad = claimgraph({"render", graph("parler_v_aws"), "-o", out.string(), "--style", "mon"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err,
            "--style: unknown value \"mon\"; expected colour or mono; did you mean \"mono\"?\n"
            "Run with --help for more information.\n");
}

TEST_F(RenderCliTest, HelpDocumentsTheLayoutsAndTheLimit) {
  const RunResult r = claimgraph({"render", "--help"});
  EXPECT_EQ(r.status, 0);
  for (const char* s : {"--layout", "neato", "sfdp", "--format", "--evaluate", "--no-legend", "--no-clusters",
                        "--style", "{colour,mono}", "Okabe-Ito", "--max-render-nodes", "Exit status: 0 drawn;"}) {
    EXPECT_NE(r.out.find(s), std::string::npos) << s << " in\n" << r.out;
  }
  const std::string limit = "--max-render-nodes UINT=" + std::to_string(Limits{}.max_render_nodes);
  EXPECT_NE(r.out.find(limit), std::string::npos) << limit << " in\n" << r.out;
}

// --- progress ------------------------------------------------------------------------

TEST_F(RenderCliTest, VerboseShowsEachStage) {
  const RunResult r = claimgraph({"-v", "render", graph("negligence_example"), "-o", (tmp_ / "v.svg").string()});
  EXPECT_EQ(r.status, 0);
  // The stages are reported by a watcher thread as it sees them: on a busy
  // machine a short stage may pass unseen, but the layout (the long one) and
  // the end are always reported, in order.
  const auto layout = r.err.find("\nlaying out 14 nodes with dot…\n");
  ASSERT_NE(layout, std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\nrendered in ", layout), std::string::npos) << r.err;
}

TEST_F(RenderCliTest, QuietShowsNothing) {
  const RunResult r = claimgraph({"-q", "render", graph("parler_v_aws"), "-o", (tmp_ / "q.png").string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
}

// --- errors --------------------------------------------------------------------------

TEST_F(RenderCliTest, UnknownFormatExitsTwoAndWritesNothing) {
  const fs::path out = tmp_ / "diagram.gif";
  const RunResult r = claimgraph({"render", graph("negligence_example"), "-o", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "claimgraph: error: cannot tell the output format from the name " + out.string() +
                       "; name it .svg, .png or .pdf, or give --format svg, png or pdf\n");
  const RunResult option = claimgraph({"render", graph("negligence_example"), "-o", out.string(), "--format", "gif"});
  EXPECT_EQ(option.status, 2);
  EXPECT_NE(option.err.find("--format: unknown value \"gif\"; expected svg, png or pdf"), std::string::npos)
      << option.err;
  const RunResult layout = claimgraph({"render", graph("negligence_example"), "-o", out.string(), "--layout", "circo"});
  EXPECT_EQ(layout.status, 2);
  EXPECT_NE(layout.err.find("--layout: unknown value \"circo\"; expected dot, neato, fdp or sfdp"), std::string::npos)
      << layout.err;
  EXPECT_TRUE(listing(tmp_.path()).empty());
}

TEST_F(RenderCliTest, OutputIsRequired) {
  const RunResult r = claimgraph({"render", graph("negligence_example")});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--output is required"), std::string::npos) << r.err;
}

TEST_F(RenderCliTest, UnwritableOutputDirectoryExitsThreeAndLeavesNothing) {
  const fs::path out = tmp_ / "no" / "such" / "dir" / "out.svg";
  const RunResult r = claimgraph({"render", graph("negligence_example"), "-o", out.string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, out.string() + ": error: cannot create a file in " + out.parent_path().string() +
                       ": No such file or directory\n");
  EXPECT_TRUE(listing(tmp_.path()).empty());
  const RunResult dir =
      claimgraph({"render", graph("negligence_example"), "--format", "svg", "-o", tmp_.path().string()});
  EXPECT_EQ(dir.status, 3);
  EXPECT_EQ(dir.err, tmp_.path().string() + ": error: is a directory; give a file name for the output\n");
}

TEST_F(RenderCliTest, InvalidInputExitsTwoAndWritesNothing) {
  const fs::path in = tmp_ / "bad.json";
  write_text(in, R"({"claimgraph": 1, "nodes": [{"id": "c", "kind": "clam", "label": "C"}]})");
  const RunResult r = claimgraph({"render", in.string(), "-o", (tmp_ / "out.svg").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind(in.string() + ":1:49: error: /nodes/0/kind: unknown kind \"clam\"", 0), 0u) << r.err;
  EXPECT_EQ(listing(tmp_.path()), std::set<std::string>{"bad.json"});
}

// A Graphviz without its cairo plugin (GVBINDIR pointed at a plugin
// directory holding only the core and dot plugins, registered with `dot -c`)
// cannot write PNG or PDF: the error names the format and what is missing,
// exit status 3, and an existing output is left as it was.
TEST_F(RenderCliTest, MissingGraphvizPluginNamesTheFormat) {
  const fs::path system_plugins = CLAIMGRAPH_GRAPHVIZ_PLUGIN_DIR;
  if (test::dot_program().empty() || !fs::exists("/usr/bin/env") || !fs::is_directory(system_plugins)) {
    GTEST_SKIP() << "needs dot, /usr/bin/env and Graphviz's plugin directory";
  }
  const fs::path plugins = tmp_ / "plugins";
  fs::create_directory(plugins);
  for (const auto& e : fs::directory_iterator(system_plugins)) {
    const std::string n = e.path().filename().string();
    if (n.starts_with("libgvplugin_core.so") || n.starts_with("libgvplugin_dot_layout.so")) {
      fs::create_symlink(e.path(), plugins / n);
    }
  }
  const RunResult config = test::run({"/usr/bin/env", "GVBINDIR=" + plugins.string(), test::dot_program(), "-c"});
  if (config.status != 0 || !fs::exists(plugins / "config6a")) GTEST_SKIP() << "dot -c failed: " << config.err;

  const fs::path out = tmp_ / "out.png";
  write_text(out, "precious\n");
  for (const char* format : {"png", "pdf"}) {
    SCOPED_TRACE(format);
    const RunResult r = test::run({"/usr/bin/env", "GVBINDIR=" + plugins.string(), test::program(), "render",
                                   graph("negligence_example"), "--format", format, "-o", out.string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(r.err, std::string("claimgraph: error: cannot render ") + format + ": the Graphviz libraries here (" +
                         io::graphviz_version() + ") have no plugin for it (" + format +
                         " needs Graphviz's cairo plugin, libgvplugin_pango; Debian ships it in libgvc6); "
                         "available here: svg\n");
    EXPECT_EQ(read_text(out), "precious\n");
    EXPECT_EQ(listing(tmp_.path()), (std::set<std::string>{"out.png", "plugins"}));
  }
  // SVG needs only the core plugin.
  const RunResult svg = test::run({"/usr/bin/env", "GVBINDIR=" + plugins.string(), test::program(), "render",
                                   graph("negligence_example"), "-o", (tmp_ / "out.svg").string()});
  EXPECT_EQ(svg.status, 0) << svg.err;
}

}  // namespace
}  // namespace claimgraph
