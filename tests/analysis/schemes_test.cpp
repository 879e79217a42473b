// Argumentation schemes and their critical questions: the shipped library,
// scheme files, the fields of a case, the state of every question and what
// the evaluations make of it (docs/schemes.md).

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>

#include "analysis/random_graph.hpp"
#include "claimgraph/analysis/analyses.hpp"
#include "claimgraph/analysis/labellings.hpp"
#include "claimgraph/analysis/lint.hpp"
#include "claimgraph/analysis/schemes.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "claimgraph/io/scheme_reader.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

using analysis::Label;
using nlohmann::json;

const SchemeLibrary& shipped() { return io::standard_schemes(); }

Graph read(const json& doc) { return io::read_json(doc.dump()).graph; }

// Claim c, supported by evidence e through the inference "inf" of `scheme`.
json inference_case(std::string_view scheme) {
  return {{"claimgraph", 1},
          {"nodes", json::array({{{"id", "c"}, {"kind", "claim"}, {"label", "C"}},
                                 {{"id", "e"}, {"kind", "evidence"}, {"label", "E"}}})},
          {"edges", json::array({{{"id", "inf"}, {"from", "e"}, {"to", "c"}, {"relation", "supports"},
                                  {"scheme", std::string(scheme)}}})}};
}

void add_node(json& doc, const std::string& id, const std::string& kind) {
  doc["nodes"].push_back({{"id", id}, {"kind", kind}, {"label", id}});
}
void add_edge(json& doc, const std::string& from, const std::string& to, const std::string& relation,
              const std::string& question = {}) {
  json e = {{"from", from}, {"to", to}, {"relation", relation}};
  if (!question.empty()) e["question"] = question;
  doc["edges"].push_back(e);
}

struct Outcome {
  Label claim;
  analysis::SchemeUse use;
};

Outcome evaluate(const json& doc, const SchemeLibrary& schemes = shipped()) {
  const Graph g = read(doc);
  Outcome o{Label::undec, analysis::scheme_use(g, schemes)};
  const auto r = analysis::evaluate(g, &o.use);
  EXPECT_EQ(r.status.labels.size(), g.node_count());
  EXPECT_EQ(r.status.undercut.size(), g.edge_count());
  EXPECT_EQ(r.strength.strength.size(), g.node_count());
  o.claim = r.status.labels[*g.find("c")];
  return o;
}

TEST(SchemeLibraryTest, TheShippedSchemesAreTheLiteraturesAndEachHasBothKindsOfQuestion) {
  const auto& library = shipped();
  for (const char* name : {"witness-testimony", "expert-opinion", "documentary-evidence", "admission", "sign",
                           "precedent", "cause-to-effect", "practical-reasoning"}) {
    const Scheme* s = library.find(name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_FALSE(s->title.empty()) << name;
    EXPECT_NE(s->source.find("Walton"), std::string::npos) << name;
    EXPECT_FALSE(s->premises.empty()) << name;
    std::set<QuestionType> types;
    for (const auto& q : s->questions) {
      types.insert(q.type);
      EXPECT_FALSE(q.text.empty()) << name << " " << q.id;
    }
    EXPECT_EQ(types.size(), 2U) << name << ": an assumption and an exception";
  }
  EXPECT_GE(library.schemes().size(), 8U);
}

// Every question of every shipped scheme, open, raised and answered.
TEST(CriticalQuestionsTest, EveryQuestionOfEverySchemeOpenRaisedAndAnswered) {
  for (const Scheme& s : shipped().schemes()) {
    for (const CriticalQuestion& q : s.questions) {
      SCOPED_TRACE(s.name + " / " + q.id);
      const bool assumption = q.type == QuestionType::assumption;
      json doc = inference_case(s.name);
      // Open: the inference carries.
      {
        const auto o = evaluate(doc);
        EXPECT_EQ(o.claim, Label::in);
        ASSERT_EQ(o.use.inferences.size(), 1U);
        const auto& use = o.use.inferences[0].questions[*s.find_question(q.id)];
        EXPECT_TRUE(use.open());
        EXPECT_FALSE(use.defeats.has_value());
      }
      // Raised by a bare question, a counterclaim with no evidence: an
      // assumption then fails the inference, an exception does not (it
      // must be shown).
      json asked = doc;
      add_node(asked, "asks", "counterclaim");
      add_edge(asked, "asks", "inf", "undercuts", q.id);
      {
        const auto o = evaluate(asked);
        EXPECT_EQ(o.claim, assumption ? Label::out : Label::in);
        const auto& use = o.use.inferences[0].questions[*s.find_question(q.id)];
        EXPECT_TRUE(use.raised());
        EXPECT_EQ(use.defeats, assumption ? Label::in : Label::out);
      }
      // Raised by evidence: shown, so either kind fails the inference.
      json shown = doc;
      add_node(shown, "shows", "evidence");
      add_edge(shown, "shows", "inf", "undercuts", q.id);
      EXPECT_EQ(evaluate(shown).claim, Label::out);
      // Answered by evidence into the premise: the inference carries again.
      for (json* raised : {&asked, &shown}) {
        json answered = *raised;
        add_node(answered, "answer", "evidence");
        add_edge(answered, "answer", "e", "supports", q.id);
        const auto o = evaluate(answered);
        EXPECT_EQ(o.claim, Label::in);
        const auto& use = o.use.inferences[0].questions[*s.find_question(q.id)];
        EXPECT_TRUE(use.raised() && use.answered());
        EXPECT_EQ(use.defeats, Label::out);
        // An answer that is itself refuted answers nothing: the question
        // is back where it was raised (an exception a bare question raises
        // is still not shown).
        add_node(answered, "refutes", "evidence");
        add_edge(answered, "refutes", "answer", "contradicts");
        EXPECT_EQ(evaluate(answered).claim, assumption || raised == &shown ? Label::out : Label::in);
      }
      // An answer without a question is recorded and changes nothing.
      json unasked = doc;
      add_node(unasked, "answer", "evidence");
      add_edge(unasked, "answer", "e", "supports", q.id);
      const auto o = evaluate(unasked);
      EXPECT_EQ(o.claim, Label::in);
      EXPECT_TRUE(o.use.inferences[0].questions[*s.find_question(q.id)].answered());
    }
  }
}

TEST(CriticalQuestionsTest, AnUndecidedAnswerLeavesTheInferenceUndecided) {
  json doc = inference_case("expert-opinion");
  add_node(doc, "asks", "counterclaim");
  add_edge(doc, "asks", "inf", "undercuts", "expertise");
  add_node(doc, "cv", "evidence");
  add_edge(doc, "cv", "e", "supports", "expertise");
  add_node(doc, "other", "evidence");
  add_edge(doc, "other", "cv", "contradicts");
  add_edge(doc, "cv", "other", "contradicts");
  const auto o = evaluate(doc);
  EXPECT_EQ(o.claim, Label::undec);
  EXPECT_EQ(o.use.inferences[0].questions[0].defeats, Label::undec);
}

TEST(CriticalQuestionsTest, ANodesSchemeAppliesToItsSupportsThatNameNone) {
  json doc = inference_case("expert-opinion");
  doc["edges"][0].erase("scheme");
  doc["nodes"][1]["scheme"] = "witness-testimony";
  add_node(doc, "d", "claim");
  doc["edges"].push_back({{"id", "own"}, {"from", "e"}, {"to", "d"}, {"relation", "supports"}, {"scheme", "sign"}});
  const Graph g = read(doc);
  const auto use = analysis::scheme_use(g, shipped());
  ASSERT_EQ(use.inferences.size(), 2U);
  EXPECT_EQ(use.inferences[0].scheme->name, "witness-testimony");
  EXPECT_EQ(use.inferences[1].scheme->name, "sign");
}

TEST(CriticalQuestionsTest, PreferredAndStableWeighQuestionsAsGroundedDoes) {
  json doc = inference_case("expert-opinion");
  add_node(doc, "asks", "counterclaim");
  add_edge(doc, "asks", "inf", "undercuts", "expertise");
  const Graph g = read(doc);
  auto use = analysis::scheme_use(g, shipped());
  const auto q = analysis::question_graph(g, use);
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->node_count(), g.node_count() + 1);
  for (auto semantics : {analysis::Semantics::preferred, analysis::Semantics::stable}) {
    const auto accepted = analysis::case_acceptance(*q, semantics);
    EXPECT_FALSE(accepted[*g.find("c")].credulous) << analysis::to_string(semantics);
  }
}

// Property: questions that nobody raises change nothing. On random cases,
// naming schemes on every supports edge and answering questions without
// raising them gives the labels and strengths of the case without schemes.
TEST(CriticalQuestionsTest, OpenQuestionsChangeNothingOnRandomCases) {
  std::mt19937 rng(20261202);
  for (int round = 0; round < 2000; ++round) {
    Graph plain = test::random_graph(rng, 9, true);
    Graph named = plain;
    const auto& names = shipped().schemes();
    for (std::size_t i = 0; i < named.edge_count(); ++i) {
      if (named.edge(named.edges()[i]).relation != Relation::supports) continue;
      const Scheme& s = names[rng() % names.size()];
      named.set_scheme_names(i, {s.name, rng() % 3 == 0 ? s.questions.front().id : std::string()});
    }
    analysis::SchemeUse use = analysis::scheme_use(named, shipped());
    EXPECT_FALSE(use.any_raised());
    const auto a = analysis::evaluate(plain, nullptr);
    const auto b = analysis::evaluate(named, &use);
    ASSERT_EQ(a.status.labels, b.status.labels) << test::describe(plain);
    ASSERT_EQ(a.strength.strength, b.strength.strength) << test::describe(plain);
  }
}

// Property: a raised question is an undercut of its own. Raising an
// exception with an undercut of node x gives what the plain undercut of x
// gives; questioning an assumption gives what an undercut by fresh,
// unattacked evidence gives.
TEST(CriticalQuestionsTest, RaisedQuestionsWeighAsUndercutsOnRandomCases) {
  std::mt19937 rng(4242);
  const Scheme& s = *shipped().find("expert-opinion");
  const std::string assumption = s.questions.front().id;
  const std::string exception = "trustworthiness";
  ASSERT_EQ(s.questions[*s.find_question(exception)].type, QuestionType::exception);
  int compared = 0;
  for (int round = 0; round < 3000; ++round) {
    Graph base = test::random_graph(rng, 8, true);
    std::vector<std::size_t> undercuts;
    for (std::size_t i = 0; i < base.edge_count(); ++i) {
      const Edge& e = base.edge(base.edges()[i]);
      if (e.relation == Relation::undercuts && e.question().empty()) undercuts.push_back(i);
    }
    if (undercuts.empty()) continue;
    const std::size_t u = undercuts[rng() % undercuts.size()];
    const std::size_t attacked = base.edge(base.edges()[u]).undercut;
    // The exception: the undercut names it.
    Graph with_exception = base;
    with_exception.set_scheme_names(attacked, {s.name, {}});
    with_exception.set_scheme_names(u, {{}, exception});
    auto use = analysis::scheme_use(with_exception, shipped());
    const auto plain = analysis::evaluate(base, nullptr);
    const auto weighed = analysis::evaluate(with_exception, &use);
    ASSERT_EQ(plain.status.labels, weighed.status.labels) << test::describe(base);
    // The assumption: as if fresh evidence undercut the inference instead.
    Graph with_assumption = base;
    with_assumption.set_scheme_names(attacked, {s.name, {}});
    with_assumption.set_scheme_names(u, {{}, assumption});
    Graph fresh = base;
    Node evidence;
    evidence.id = "\x02fresh";
    evidence.kind = NodeKind::evidence;
    evidence.label = "fresh";
    const auto x = fresh.add_node(std::move(evidence));
    fresh.add_undercut(x, attacked);
    auto use2 = analysis::scheme_use(with_assumption, shipped());
    auto questioned = analysis::evaluate(with_assumption, &use2).status.labels;
    auto expected = analysis::evaluate(fresh, nullptr).status.labels;
    expected.resize(base.node_count());
    // The undercutter's own label may differ: what it does is the question's.
    ASSERT_EQ(questioned, expected) << test::describe(base);
    ++compared;
  }
  EXPECT_GT(compared, 500);
}

TEST(CriticalQuestionsTest, TheStatusAloneIsTheEvaluationsStatus) {
  std::mt19937 rng(977);
  const Scheme& s = *shipped().find("expert-opinion");
  int weighed = 0;
  for (int round = 0; round < 600; ++round) {
    Graph g = test::random_graph(rng, 8, true);
    // Most rounds: an undercut raises a question of the inference it attacks.
    for (std::size_t i = 0; i < g.edge_count() && round % 4 != 0; ++i) {
      const Edge& e = g.edge(g.edges()[i]);
      if (e.relation != Relation::undercuts) continue;
      g.set_scheme_names(e.undercut, {s.name, {}});
      g.set_scheme_names(i, {{}, s.questions[static_cast<std::size_t>(round) % s.questions.size()].id});
      break;
    }
    for (const bool burden : {false, true}) {
      auto alone = analysis::scheme_use(g, shipped());
      auto with_strengths = analysis::scheme_use(g, shipped());
      const auto status = analysis::evaluate_status(g, &alone, {.burden = burden});
      const auto full = analysis::evaluate(g, &with_strengths, {.burden = burden});
      ASSERT_EQ(status.labels, full.status.labels) << test::describe(g);
      EXPECT_EQ(status.undercut, full.status.undercut) << test::describe(g);
      EXPECT_EQ(status.decided, full.status.decided) << test::describe(g);
      EXPECT_EQ(status.issue, full.status.issue) << test::describe(g);
      // The questions' outcomes are recorded as the evaluation records them.
      ASSERT_EQ(alone.inferences.size(), with_strengths.inferences.size());
      for (std::size_t i = 0; i < alone.inferences.size(); ++i) {
        for (std::size_t q = 0; q < alone.inferences[i].questions.size(); ++q) {
          EXPECT_EQ(alone.inferences[i].questions[q].defeats, with_strengths.inferences[i].questions[q].defeats);
        }
      }
      if (alone.any_raised()) ++weighed;
    }
  }
  EXPECT_GT(weighed, 100);  // rounds where the questions were weighed
}

TEST(SchemeFieldsTest, RoundTripThroughJson) {
  json doc = inference_case("expert-opinion");
  doc["nodes"][1]["scheme"] = "witness-testimony";
  add_node(doc, "asks", "counterclaim");
  add_edge(doc, "asks", "inf", "undercuts", "expertise");
  const Graph g = read(doc);
  EXPECT_EQ(g.node(*g.find("e")).scheme, "witness-testimony");
  EXPECT_EQ(g.edge(g.edges()[0]).scheme(), "expert-opinion");
  EXPECT_EQ(g.edge(g.edges()[1]).question(), "expertise");
  std::ostringstream out;
  io::write_json(out, g);
  const Graph again = io::read_json(out.str()).graph;
  std::ostringstream out2;
  io::write_json(out2, again);
  EXPECT_EQ(out.str(), out2.str());
  EXPECT_NE(out.str().find("\"question\": \"expertise\""), std::string::npos) << out.str();
}

std::string read_error(const json& doc) {
  try {
    io::ReadOptions options;
    options.file_name = "x.json";
    (void)io::read_json(doc.dump(), options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(SchemeFieldsTest, MisplacedOrEmptyNamesAreLocatedErrors) {
  json doc = inference_case("expert-opinion");
  add_node(doc, "x", "evidence");
  doc["edges"].push_back({{"from", "x"}, {"to", "c"}, {"relation", "contradicts"}, {"scheme", "sign"}});
  EXPECT_NE(read_error(doc).find("/edges/1/scheme: a contradicts edge names no scheme"), std::string::npos)
      << read_error(doc);
  doc["edges"][1] = {{"from", "x"}, {"to", "c"}, {"relation", "element-of"}, {"question", "q"}};
  EXPECT_NE(read_error(doc).find("/edges/1/question: a element-of edge names no critical question"), std::string::npos)
      << read_error(doc);
  doc["edges"][1] = {{"from", "x"}, {"to", "c"}, {"relation", "supports"}, {"scheme", ""}};
  EXPECT_NE(read_error(doc).find("/edges/1/scheme: the name of argumentation scheme must not be empty"),
            std::string::npos)
      << read_error(doc);
  doc["edges"][1] = {{"from", "x"}, {"to", "c"}, {"relation", "supports"}};
  doc["nodes"][2]["scheme"] = "a\tb";
  EXPECT_NE(read_error(doc).find("contains a control character"), std::string::npos) << read_error(doc);
}

std::string scheme_error(std::string_view text) {
  try {
    (void)io::read_scheme(text, "mine", "mine.json");
  } catch (const InputError& e) {
    std::string all;
    for (const auto& d : e.diagnostics()) all += d.format() + "\n";
    return all;
  }
  return "";
}

TEST(SchemeFileTest, ProblemsArePlaced) {
  EXPECT_NE(scheme_error("{\n  \"title\": ,\n}").find("mine.json:2:12: error: not a scheme file"), std::string::npos)
      << scheme_error("{\n  \"title\": ,\n}");
  const std::string bad = scheme_error(
      R"({"claimgraph-scheme": 1, "title": "T", "source": "S", "premise": [],
          "questions": [{"id": "a", "type": "assumptoin", "question": "Q?"}, {"id": "a", "type": "exception"}]})");
  EXPECT_NE(bad.find("mine.json: error: /premise: unknown field \"premise\"; did you mean \"premises\"?"),
            std::string::npos)
      << bad;
  EXPECT_NE(bad.find("/questions/0/type: unknown question type \"assumptoin\""), std::string::npos) << bad;
  EXPECT_NE(bad.find("/questions/1/id: question \"a\" twice"), std::string::npos) << bad;
  EXPECT_NE(bad.find("/questions/1: missing \"question\""), std::string::npos) << bad;
  EXPECT_NE(scheme_error(R"({"title": "T", "source": "S", "questions": []})").find("/claimgraph-scheme"),
            std::string::npos);
  EXPECT_NE(scheme_error(R"({"claimgraph-scheme": 1, "title": "T", "source": "S", "questions": []})")
                .find("\"questions\" must be a non-empty array"),
            std::string::npos);
}

TEST(SchemeFileTest, AUsersDirectoryComesFirstAndAddsSchemes) {
  const auto dir = test::test_binary_dir() / "schemes-user";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  test::write_text(dir / "expert-opinion.json",
                   R"({"claimgraph-scheme": 1, "title": "Our expert scheme", "source": "Firm practice",
                       "questions": [{"id": "retained", "type": "exception", "question": "Was E retained?"}]})");
  test::write_text(dir / "hearsay-within-hearsay.json",
                   R"({"claimgraph-scheme": 1, "title": "Double hearsay", "source": "Fed. R. Evid. 805",
                       "questions": [{"id": "each-part", "type": "assumption", "question": "Is each part admissible?"}]})");
  test::write_text(dir / "notes.txt", "not a scheme");
  const SchemeLibrary library = io::load_schemes({dir.string()});
  ASSERT_NE(library.find("expert-opinion"), nullptr);
  EXPECT_EQ(library.find("expert-opinion")->title, "Our expert scheme");
  EXPECT_NE(library.find("hearsay-within-hearsay"), nullptr);
  EXPECT_NE(library.find("witness-testimony"), nullptr);
  EXPECT_EQ(library.schemes().size(), shipped().schemes().size() + 1);
  EXPECT_THROW((void)io::load_schemes({(dir / "missing").string()}), IoError);
}

TEST(SchemeLintTest, UnknownSchemesAndQuestionsAreFoundWithTheNameMeant) {
  json doc = inference_case("expert-opnion");
  add_node(doc, "asks", "counterclaim");
  add_edge(doc, "asks", "inf", "undercuts", "expertise");
  Graph g = read(doc);
  analysis::LintOptions options;
  options.schemes = &shipped();
  auto findings = analysis::lint(g, options);
  const auto find = [&](analysis::LintCode code) {
    for (const auto& f : findings) {
      if (f.code == code) return analysis::describe(g, f).message + " | " + analysis::describe(g, f).fix;
    }
    return std::string();
  };
  EXPECT_NE(find(analysis::LintCode::unknown_scheme).find("did you mean \"expert-opinion\""), std::string::npos)
      << find(analysis::LintCode::unknown_scheme);
  EXPECT_NE(find(analysis::LintCode::unknown_question).find("which names no scheme"), std::string::npos)
      << find(analysis::LintCode::unknown_question);
  doc["edges"][0]["scheme"] = "expert-opinion";
  doc["edges"][1]["question"] = "expertize";
  g = read(doc);
  findings = analysis::lint(g, options);
  EXPECT_EQ(find(analysis::LintCode::unknown_scheme), "");
  EXPECT_NE(find(analysis::LintCode::unknown_question).find("did you mean \"expertise\""), std::string::npos)
      << find(analysis::LintCode::unknown_question);
  EXPECT_NE(find(analysis::LintCode::open_questions).find("6 open critical questions: expertise, field"),
            std::string::npos)
      << find(analysis::LintCode::open_questions);
  options.notes = false;
  findings = analysis::lint(g, options);
  EXPECT_EQ(find(analysis::LintCode::open_questions), "");
  // Without a library the rules about schemes do not run.
  findings = analysis::lint(g);
  EXPECT_EQ(find(analysis::LintCode::unknown_question), "");
}

}  // namespace
}  // namespace claimgraph
