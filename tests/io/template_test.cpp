// Cause-of-action templates: every shipped template reads cleanly, cites a
// legal source for every element and begins a case in which every element
// lacks evidence; templates combine under prefixes; the catalog finds them
// in order, and every error says where and what.

#include "claimgraph/io/template.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "claimgraph/io/lint_report.hpp"
#include "claimgraph/io/template_catalog.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;

fs::path shipped_dir() { return test::source_dir() / "templates"; }

// The names of the shipped templates, from the directory: a new template is
// tested without a line here.
std::vector<std::string> shipped_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(shipped_dir())) {
    if (e.path().extension() == ".json") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

CaseTemplate read_shipped(const std::string& name) {
  const fs::path file = shipped_dir() / (name + ".json");
  ReadOptions options;
  options.file_name = file.string();
  return read_template(test::read_text(file), name, options);
}

// The case `uses` begin, from the shipped templates.
Graph begin(const std::vector<std::string>& specs, const NewCaseOptions& options = {}) {
  std::vector<TemplateUse> uses;
  std::vector<CaseTemplate> read;
  read.reserve(specs.size());
  for (const auto& s : specs) {
    uses.push_back(TemplateUse::parse(s));
    read.push_back(read_shipped(uses.back().name));
  }
  std::vector<const CaseTemplate*> parts;
  for (const auto& t : read) parts.push_back(&t);
  return new_case(uses, parts, options);
}

std::string as_json(const Graph& g) {
  std::ostringstream out;
  write_json(out, g);
  return out.str();
}

// Whether node v is an element: the "from" of an element-of edge.
bool is_element(const Graph& g, Graph::NodeRef v) {
  for (const auto e : g.edges()) {
    if (g.source(e) == v && g.edge(e).relation == Relation::element_of) return true;
  }
  return false;
}

TEST(TemplateTest, AtLeastEightAreShipped) { EXPECT_GE(shipped_names().size(), 8u); }

class ShippedTemplateTest : public testing::TestWithParam<std::string> {};

TEST_P(ShippedTemplateTest, ReadsWithoutWarningsAndCitesItsAuthorities) {
  const CaseTemplate t = read_shipped(GetParam());
  EXPECT_TRUE(t.warnings.empty()) << t.warnings.front().format();
  EXPECT_TRUE(t.graph.title.has_value());
  EXPECT_TRUE(t.graph.description.has_value());
  EXPECT_FALSE(t.authorities.empty());
  EXPECT_TRUE(t.graph.extra.empty()) << "the header is not part of the case";
  std::size_t elements = 0;
  for (std::size_t v = 0; v < t.graph.node_count(); ++v) {
    const Node& n = t.graph.node(v);
    EXPECT_NE(n.kind, NodeKind::evidence) << n.id << ": a template holds no evidence; the user adds it";
    EXPECT_FALSE(n.source.value_or("").empty()) << n.id << " has no legal source";
    EXPECT_FALSE(n.party.value_or("").empty()) << n.id << " has no party";
    EXPECT_FALSE(n.burden.value_or("").empty()) << n.id << " has no burden";
    EXPECT_TRUE(n.standard.has_value()) << n.id << " has no standard";
    EXPECT_FALSE(n.group.value_or("").empty()) << n.id << " has no group";
    if (is_element(t.graph, v)) ++elements;
  }
  EXPECT_GE(elements, 2u) << "a cause of action with its elements";
}

TEST_P(ShippedTemplateTest, BeginsACaseThatReadsBackCleanlyWithEveryElementLackingEvidence) {
  const Graph g = begin({GetParam()});
  EXPECT_EQ(g.description, "Started from the claimgraph template " + GetParam() + ".");
  const std::string text = as_json(g);
  ReadOptions options;
  options.file_name = "case.json";
  const ReadResult back = read_json(text, options);
  EXPECT_TRUE(back.warnings.empty()) << back.warnings.front().format();
  EXPECT_EQ(as_json(back.graph), text);

  const auto report = analysis::check(back.graph);
  EXPECT_EQ(report.grounded_claims, 0u);
  std::size_t elements = 0;
  for (const auto& c : report.claims) {
    EXPECT_FALSE(c.grounded) << back.graph.node(c.node).id;
    if (is_element(back.graph, c.node)) ++elements;
  }
  EXPECT_GE(elements, 2u);

  const auto findings = lint_input(back, "case.json");
  EXPECT_TRUE(findings.empty()) << format(findings.front());
}

INSTANTIATE_TEST_SUITE_P(Shipped, ShippedTemplateTest, testing::ValuesIn(shipped_names()),
                         [](const testing::TestParamInfo<std::string>& p) {
                           std::string name = p.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(TemplateTest, PrefixesKeepTheIdsOfTwoTemplatesApart) {
  const Graph g = begin({"sherman-1:s1", "contract:k"});
  std::set<std::string> ids;
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    const std::string& id = g.node(v).id;
    EXPECT_TRUE(id.starts_with("s1_") || id.starts_with("k_")) << id;
    EXPECT_TRUE(ids.insert(id).second) << id;
  }
  EXPECT_TRUE(g.find("s1_sherman1").has_value());
  EXPECT_TRUE(g.find("k_contract").has_value());
  EXPECT_EQ(g.edge_count(), read_shipped("sherman-1").graph.edge_count() + read_shipped("contract").graph.edge_count());
  EXPECT_EQ(g.description, "Started from the claimgraph templates sherman-1:s1, contract:k.");
}

TEST(TemplateTest, EveryShippedTemplateCombinesWithTheOthersWithoutPrefixes) {
  const Graph g = begin(shipped_names());
  std::size_t nodes = 0;
  for (const auto& name : shipped_names()) nodes += read_shipped(name).graph.node_count();
  EXPECT_EQ(g.node_count(), nodes);
}

TEST(TemplateTest, ATemplateUsedTwiceKeepsItsGroupsApart) {
  const Graph g = begin({"contract:k1", "contract:k2"}, {"Two leases", {}});
  EXPECT_EQ(g.title, "Two leases");
  EXPECT_EQ(g.node(*g.find("k1_contract")).group, "Breach of contract (k1)");
  EXPECT_EQ(g.node(*g.find("k2_contract_breach")).group, "Breach of contract (k2)");
}

TEST(TemplateTest, TheSameTemplateTwiceWithoutPrefixesIsRefused) {
  try {
    (void)begin({"negligence", "contract:k", "negligence"});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "the 3rd template, \"negligence\", repeats the 1st without a prefix: their ids would clash; give each "
                 "use a prefix of its own, as in \"negligence:a\" and \"negligence:b\"");
  }
  EXPECT_THROW((void)begin({"contract:k", "contract:k"}), Error);
}

TEST(TemplateTest, PartiesAreRenamedInPartyAndBurden) {
  const Graph g = begin({"copyright"}, {std::nullopt, {{"plaintiff", "Goldsmith"}, {"defendant", "Warhol Foundation"}}});
  EXPECT_EQ(g.node(*g.find("copyright")).party, "Goldsmith");
  EXPECT_EQ(g.node(*g.find("fair_use")).burden, "Warhol Foundation");
  try {
    (void)begin({"contract"}, {std::nullopt, {{"plaintif", "Parler"}}});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "party \"plaintif\" to rename is not in the templates; did you mean \"plaintiff\"? (they name "
                 "\"plaintiff\")");
  }
}

TEST(TemplateTest, AUseIsANameAndAnOptionalPrefix) {
  EXPECT_EQ(TemplateUse::parse("contract").prefix, "");
  const TemplateUse use = TemplateUse::parse("sherman-1:s1");
  EXPECT_EQ(use.name, "sherman-1");
  EXPECT_EQ(use.prefix, "s1");
  EXPECT_EQ(use.spelling(), "sherman-1:s1");
  auto message = [](std::string_view text) {
    try {
      (void)TemplateUse::parse(text);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("contract:"), "template \"contract:\": the prefix after ':' is empty; write NAME or NAME:PREFIX");
  EXPECT_EQ(message(":k"), "template \":k\": no name before the ':'; write NAME[:PREFIX]");
  EXPECT_EQ(message("contract:k 1"),
            "template \"contract:k 1\": the prefix \"k 1\" may hold only ASCII letters, digits, '-' and '_'");
}

// Reads `text` as the template mine.json; the diagnostics of the error, or "".
std::string errors_of(const std::string& text) {
  ReadOptions options;
  options.file_name = "mine.json";
  try {
    (void)read_template(text, "mine", options);
  } catch (const InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += d.format() + "\n";
    return out;
  }
  return "";
}

TEST(TemplateTest, AMalformedTemplateIsPlacedByLineAndColumn) {
  EXPECT_EQ(errors_of("{\"claimgraph\": 1,\n \"nodes\": [\n  {\"id\": \"c\", \"kind\": \"clam\", \"label\": \"C\"}\n]}"),
            "mine.json:3:23: error: /nodes/0/kind: unknown kind \"clam\"; expected \"claim\", \"counterclaim\" or "
            "\"evidence\"; did you mean \"claim\"?\n");
  EXPECT_EQ(errors_of("{\"claimgraph\": 1, \"nodes\": [],\n \"template\": {\"authorities\": \"15 U.S.C. § 1\"}}"),
            "mine.json:2:30: error: /template/authorities: expected an array of strings, found a string\n");
  EXPECT_EQ(errors_of("{\"claimgraph\": 1, \"nodes\": [],\n \"template\": {\"authorities\": [\"a\", 2]}}"),
            "mine.json:2:36: error: /template/authorities/1: expected a string, found a number\n");
  EXPECT_EQ(errors_of("{\"claimgraph\": 1, \"nodes\": [], \"template\": []}"),
            "mine.json:1:44: error: /template: expected an object, {\"authorities\": [...]}, found an array\n");
}

TEST(TemplateTest, AnUnknownHeaderFieldIsAWarning) {
  ReadOptions options;
  options.file_name = "mine.json";
  const CaseTemplate t =
      read_template("{\"claimgraph\": 1, \"nodes\": [], \"template\": {\"authorites\": []}}", "mine", options);
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(t.warnings[0].format(),
            "mine.json:1:45: warning: /template/authorites: unknown field \"authorites\" of the template header; did "
            "you mean \"authorities\"?");
}

TEST(TemplateTest, TheCatalogTakesTheFirstTemplateOfANameAndNamesTheOthers) {
  const test::TempDir mine;
  test::write_text(mine / "contract.json", "{\"claimgraph\": 1, \"title\": \"My contract\", \"nodes\": []}\n");
  test::write_text(mine / "notes.txt", "not a template\n");
  const TemplateCatalog catalog({{mine.path().string(), TemplateOrigin::option},
                                 {(mine / "missing").string(), TemplateOrigin::environment},
                                 {shipped_dir().string(), TemplateOrigin::installed}});
  const TemplateEntry& contract = catalog.at("contract");
  EXPECT_EQ(contract.found.file, (mine / "contract.json").string());
  ASSERT_EQ(contract.hidden.size(), 1u);
  EXPECT_EQ(contract.hidden[0].file, (shipped_dir() / "contract.json").string());
  EXPECT_EQ(catalog.read(contract).title(), "My contract");
  EXPECT_EQ(catalog.entries().size(), shipped_names().size());
  EXPECT_EQ(catalog.find("notes"), nullptr);

  try {
    (void)catalog.at("contrakt");
    FAIL() << "no error";
  } catch (const Error& e) {
    std::string list;
    for (const auto& n : shipped_names()) list += (list.empty() ? "" : ", ") + n;
    EXPECT_EQ(std::string(e.what()), "no template named \"contrakt\"; did you mean \"contract\"? The templates are " +
                                         list + " (claimgraph templates lists them with their sources)");
  }
}

TEST(TemplateTest, TheListingSaysWhatOverridesWhat) {
  const test::TempDir mine;
  test::write_text(mine / "negligence.json",
                   "{\"claimgraph\": 1, \"title\": \"Negligence, our way\", \"template\": {\"authorities\": [\"Our "
                   "notes\"]}, \"nodes\": []}\n");
  const TemplateCatalog catalog({{mine.path().string(), TemplateOrigin::option}});
  std::vector<CaseTemplate> read;
  for (const auto& e : catalog.entries()) read.push_back(catalog.read(e));
  std::ostringstream text;
  write_template_list_text(text, catalog, read);
  EXPECT_EQ(text.str(), "negligence — Negligence, our way\n  file: " + (mine / "negligence.json").string() +
                            " (--templates)\n  authorities:\n    Our notes\n\n1 template; claimgraph new --template "
                            "NAME[:PREFIX] starts a case from them.\nSearched in this order:\n  " +
                            mine.path().string() + " (--templates)\n");
}

}  // namespace
}  // namespace claimgraph::io
