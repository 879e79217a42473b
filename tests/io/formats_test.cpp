// The table of formats (io/formats.hpp): its rows are well-formed, file
// names select the formats they should, content tells JSON formats apart,
// every output format writes what its own writer writes, and every row's
// documentation exists.

#include "claimgraph/io/formats.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

template <class Rows>
void expect_well_formed(const Rows& rows) {
  std::set<std::string_view> names;
  for (const auto& row : rows) {
    SCOPED_TRACE(std::string(row.name));
    EXPECT_TRUE(names.insert(row.name).second) << "two rows named " << row.name;
    EXPECT_FALSE(row.description.empty());
    EXPECT_FALSE(row.extensions.empty());
    for (std::string_view e : row.extensions) {
      EXPECT_TRUE(e.size() > 1 && e.front() == '.') << e;
      for (char c : e) EXPECT_FALSE(c >= 'A' && c <= 'Z') << "extensions are lower case: " << e;
    }
  }
}

// The page a row's `doc` names, and its anchor if any, exist.
void expect_documented(std::string_view doc) {
  SCOPED_TRACE(std::string(doc));
  const std::string page(doc.substr(0, doc.find('#')));
  const std::string text = test::read_text(test::source_dir() / page);
  if (doc.find('#') == std::string_view::npos) return;
  // GitHub's anchors: the heading in lower case, spaces as '-', punctuation dropped.
  const std::string anchor(doc.substr(doc.find('#') + 1));
  bool found = false;
  for (const auto& line : test::lines_of(text)) {
    if (line.empty() || line[0] != '#') continue;
    std::string slug;
    for (char c : line.substr(line.find_first_not_of('#'))) {
      if (c == ' ') {
        if (!slug.empty()) slug += '-';
      } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') {
        slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    found = found || slug == anchor;
  }
  EXPECT_TRUE(found) << "no heading for #" << anchor << " in " << page;
}

TEST(FormatsTest, RowsAreWellFormed) {
  expect_well_formed(input_formats());
  expect_well_formed(output_formats());
  expect_well_formed(drawing_formats());
  for (const auto& f : input_formats()) {
    EXPECT_NE(f.read, nullptr) << f.name;
    EXPECT_FALSE(f.title.empty()) << f.name;
    EXPECT_FALSE(f.syntax.empty()) << f.name;
    expect_documented(f.doc);
  }
  for (const auto& f : output_formats()) {
    EXPECT_NE(f.write, nullptr) << f.name;
    expect_documented(f.doc);
  }
  EXPECT_EQ(input_formats().front().name, "json") << "the default input format is the case file";
}

TEST(FormatsTest, NamesFindRows) {
  for (const auto& f : input_formats()) EXPECT_EQ(find_input_format(f.name), &f);
  for (const auto& f : output_formats()) EXPECT_EQ(find_output_format(f.name), &f);
  for (const auto& f : drawing_formats()) EXPECT_EQ(find_drawing_format(f.name), &f);
  EXPECT_EQ(find_input_format("JSON"), nullptr) << "names are exact";
  EXPECT_EQ(find_output_format("pdf"), nullptr) << "pictures are drawn, not exported";
  EXPECT_EQ(find_drawing_format("html"), nullptr);
}

TEST(FormatsTest, ExtensionsSelectFormats) {
  auto in = [](std::string_view path) {
    const auto* f = input_format_for_path(path);
    return f == nullptr ? std::string("-") : std::string(f->name);
  };
  EXPECT_EQ(in("x/y/traffic1.apx"), "apx");
  EXPECT_EQ(in("b.tgf"), "tgf");
  EXPECT_EQ(in("st_890_86_9_572.i23"), "i23");
  EXPECT_EQ(in("instance.af"), "i23");
  EXPECT_EQ(in("UPPER.APX"), "apx");
  EXPECT_EQ(in("case.json"), "json");
  EXPECT_EQ(in("map.AIF.json"), "aif") << "the longest extension wins";
  EXPECT_EQ(in("case.argdown"), "argdown");
  EXPECT_EQ(in("traffic1.apx.EE-PR"), "-");
  EXPECT_EQ(in("dir.apx/file"), "-");
  EXPECT_EQ(in(".apx"), "-") << "an extension alone is no file name";
  EXPECT_EQ(in("dir/.apx"), "-");
  EXPECT_EQ(in("apx"), "-");
  EXPECT_EQ(in("-"), "-");

  auto out = [](std::string_view path) {
    const auto* f = output_format_for_path(path);
    return f == nullptr ? std::string("-") : std::string(f->name);
  };
  EXPECT_EQ(out("a.dot"), "dot");
  EXPECT_EQ(out("a.GV"), "dot");
  EXPECT_EQ(out("a.mmd"), "mermaid");
  EXPECT_EQ(out("report.md"), "markdown");
  EXPECT_EQ(out("page.htm"), "html");
  EXPECT_EQ(out("case.json"), "json");
  EXPECT_EQ(out("case.aif.json"), "aif");
  EXPECT_EQ(out("case.ad"), "argdown");
  EXPECT_EQ(out("case.nodes.csv"), "csv");
  EXPECT_EQ(out("report.DOCX"), "docx");
  EXPECT_EQ(out("case.chronology.csv"), "chronology");
  EXPECT_EQ(out("case.Chronology.HTML"), "chronology-html") << "the longest extension wins";
  EXPECT_EQ(out("case.chronology.htm"), "chronology-html");
  EXPECT_EQ(out("chronology.csv"), "csv") << "a chronology's file name still needs its own";
  EXPECT_EQ(out("page.html"), "html");
  EXPECT_EQ(out("diagram.pdf"), "-");
  const auto* pdf = drawing_format_for_path("diagram.PDF");
  ASSERT_NE(pdf, nullptr);
  EXPECT_EQ(pdf->format, RenderFormat::pdf);
}

TEST(FormatsTest, ContentTellsJsonFormatsApart) {
  const std::string aif = test::read_text(test::source_dir() / "fuzz" / "seeds" / "aif_reader" / "debate.json");
  const std::string json = test::read_text(test::graphs_dir() / "negligence_example.json");
  const Limits limits;
  EXPECT_EQ(detect_input_format("map.json", aif, limits).name, "aif");
  EXPECT_EQ(detect_input_format("case.json", json, limits).name, "json");
  EXPECT_EQ(detect_input_format("-", aif, limits).name, "aif");
  EXPECT_EQ(detect_input_format("-", json, limits).name, "json");
  EXPECT_EQ(detect_input_format("case.aif.json", json, limits).name, "json") << "the content decides within JSON";
  EXPECT_EQ(detect_input_format("notes.txt", "not json at all", limits).name, "json")
      << "the case-file reader then says what is wrong";
  EXPECT_EQ(detect_input_format("map.apx", aif, limits).name, "apx") << "outside JSON, the extension decides";
}

TEST(FormatsTest, PartsOfAnOutputOfSeveralFiles) {
  const OutputFormat& csv = *find_output_format("csv");
  ASSERT_EQ(csv.parts.size(), 2u);
  for (std::string_view out : {"case.csv", "case", "case.nodes.csv", "case.edges.csv", "case.CSV"}) {
    SCOPED_TRACE(std::string(out));
    EXPECT_EQ(part_path(csv, out, "nodes"), "case.nodes.csv");
    EXPECT_EQ(part_path(csv, out, "edges"), "case.edges.csv");
  }
  EXPECT_EQ(part_path(csv, "dir.csv/case", "nodes"), "dir.csv/case.nodes.csv");
  const OutputFormat& dot = *find_output_format("dot");
  EXPECT_TRUE(dot.parts.empty());
  EXPECT_EQ(part_path(dot, "a.dot", ""), "a.dot");
}

// Whether `program` is on PATH.
bool installed(std::string_view program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "";
  for (std::size_t begin = 0; begin <= dirs.size();) {
    std::size_t end = dirs.find(':', begin);
    if (end == std::string::npos) end = dirs.size();
    const std::filesystem::path candidate = std::filesystem::path(dirs.substr(begin, end - begin)) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return true;
    begin = end + 1;
  }
  return false;
}

TEST(FormatsTest, EveryOutputFormatWrites) {
  const Graph g = read_json(test::read_text(test::graphs_dir() / "parler_v_aws.json")).graph;
  const auto results = analysis::analyse(g, {true, true});
  WriteSettings settings;
  settings.drawings = false;
  for (const auto& f : output_formats()) {
    SCOPED_TRACE(std::string(f.name));
    if (!f.program.empty() && !installed(f.program)) continue;  // its own tests say it is missing
    const std::string_view one[] = {{}};
    for (std::string_view part : f.parts.empty() ? std::span<const std::string_view>(one) : f.parts) {
      std::ostringstream out;
      f.write(out, part, g, results.analyses(), settings);
      EXPECT_GT(out.str().size(), 1000u) << part;
    }
  }
}

TEST(FormatsTest, TheDotRowIsTheDotWriter) {
  const Graph g = read_json(test::read_text(test::graphs_dir() / "parler_v_aws.json")).graph;
  const auto results = analysis::analyse(g, {true, false});
  WriteSettings settings;
  settings.legend = false;
  std::ostringstream row;
  find_output_format("dot")->write(row, {}, g, results.analyses(), settings);
  DotOptions options;
  options.analyses = results.analyses();
  options.legend = false;
  std::ostringstream direct;
  write_dot(direct, g, options);
  EXPECT_EQ(row.str(), direct.str());
}

TEST(FormatsTest, TheStyleAndWhatAViewHidOrShowsReachExactlyTheFormatsThatReadThem) {
  const Graph g = read_json(test::read_text(test::graphs_dir() / "parler_v_aws.json")).graph;
  const auto results = analysis::analyse(g, {true, true});
  const std::vector<std::size_t> hidden(g.node_count(), 3);
  for (const auto& f : output_formats()) {
    SCOPED_TRACE(std::string(f.name));
    auto written = [&](const WriteSettings& settings) {
      std::string all;
      const std::string_view one[] = {{}};
      for (std::string_view part : f.parts.empty() ? std::span<const std::string_view>(one) : f.parts) {
        std::ostringstream out;
        f.write(out, part, g, results.analyses(), settings);
        all += out.str();
      }
      return all;
    };
    WriteSettings plain;
    plain.drawings = false;  // the page's diagram is checked through write_dot below
    WriteSettings mono = plain;
    mono.style = DiagramStyle::mono;
    WriteSettings cut = plain;
    cut.hidden_below = &hidden;
    WriteSettings part = plain;
    part.scope = {"group \u201cDamages\u201d"};
    const std::string base = written(plain);
    // Those that draw only inside a picture (the HTML page, the Word report) are checked with
    // drawings off, so the style cannot show.
    const bool drawn_only = f.name == "html" || f.name == "docx";
    if (!f.program.empty() && !installed(f.program)) continue;  // its own tests say it is missing
    EXPECT_EQ(written(mono) != base, f.uses(Setting::style) && !drawn_only);
    EXPECT_EQ(written(cut) != base, f.uses(Setting::hidden_below) && !drawn_only);
    // What part of the case a view is, said in the text itself where there is text for people.
    EXPECT_EQ(written(part) != base, f.uses(Setting::scope));
  }
  // What the dot row writes is write_dot's output with the same options.
  WriteSettings settings;
  settings.style = DiagramStyle::mono;
  settings.hidden_below = &hidden;
  std::ostringstream row;
  find_output_format("dot")->write(row, {}, g, results.analyses(), settings);
  DotOptions options;
  options.analyses = results.analyses();
  options.style = DiagramStyle::mono;
  options.hidden_below = &hidden;
  std::ostringstream direct;
  write_dot(direct, g, options);
  EXPECT_EQ(row.str(), direct.str());
  EXPECT_TRUE(find_output_format("html")->uses(Setting::style));
  EXPECT_TRUE(find_output_format("html")->uses(Setting::hidden_below));
}

TEST(FormatsTest, ReportFormats) {
  ASSERT_EQ(report_formats().size(), 2u);
  EXPECT_EQ(report_formats()[0].name, "text");
  EXPECT_EQ(report_formats()[1].format, ReportFormat::json);
}

}  // namespace
}  // namespace claimgraph::io
