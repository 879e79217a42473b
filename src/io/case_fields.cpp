#include "claimgraph/io/case_fields.hpp"

#include <array>
#include <string>

#include "claimgraph/io/json_reader.hpp"
#include "detail/number.hpp"

namespace claimgraph::io {

namespace {

// In the model's order: all_node_kinds(), all_relations(), all_standards(),
// all_element_tests().
constexpr std::array kinds{
    FieldValue{"claim",
               "A proposition a party must establish: a cause of action, one of its elements, or a sub-claim. "
               "Needs grounding."},
    FieldValue{"counterclaim", "The other side's allegation or defence. Needs grounding, like a claim."},
    FieldValue{"evidence", "An exhibit, filing, testimony, concession or court finding. Grounded by itself."},
};

constexpr std::array relations{
    FieldValue{"supports", "`from` is a reason for `to`."},
    FieldValue{"contradicts", "`from` is a reason against `to`. It does not change grounding."},
    FieldValue{"element-of",
               "`from` is an element of `to`: `to` holds only if all its elements hold (or as its `test` says)."},
    FieldValue{"undercuts",
               "`from` attacks an inference, not a node: `to` is the `id` of the supports edge it attacks."},
};

constexpr std::array standards{
    FieldValue{"scintilla", "A scintilla of evidence, any support at all: pro > 0."},
    FieldValue{"preponderance", "More likely than not: pro > con."},
    FieldValue{"clear-and-convincing", "Clear and convincing: pro > con and pro − con > 0.5."},
    FieldValue{"beyond-reasonable-doubt", "Beyond reasonable doubt: pro > con, pro − con > 0.5 and con < 0.3."},
};

constexpr std::array tests{
    FieldValue{"all", "Every element must hold: the elements of a cause of action."},
    FieldValue{"any", "One element that holds is enough: alternative elements or theories."},
    FieldValue{"balance",
               "Factors weighed: the claim holds when the factors that hold outweigh those that do not, each by "
               "its `weight` (1 without one)."},
};

using enum FieldKey;
using enum FieldPlace;

// Grouped by place, in the order of FieldKey.
constexpr std::array fields{
    // --- top level ---
    CaseField{.key = version, .place = top, .name = "claimgraph", .type = FieldType::version, .required = true,
              .noun = "format version",
              .meaning = "The format version, so that a file of another version is refused, not misread."},
    CaseField{.key = title, .place = top, .name = "title", .type = FieldType::string, .absent = "no title",
              .meaning = "The title of the dispute, usually the case name."},
    CaseField{.key = description, .place = top, .name = "description", .type = FieldType::string,
              .absent = "no description",
              .meaning = "A longer description: court, docket number, and the sources with their short keys."},
    CaseField{.key = nodes, .place = top, .name = "nodes", .type = FieldType::node_array, .required = true,
              .meaning = "The claims, counterclaims and evidence."},
    CaseField{.key = edges, .place = top, .name = "edges", .type = FieldType::edge_array, .absent = "no edges",
              .meaning = "How the nodes bear on each other."},
    CaseField{.key = schema, .place = top, .name = "$schema", .type = FieldType::string, .absent = "none",
              .meaning = "Where editors find the JSON Schema. claimgraph keeps it as written."},
    // --- nodes ---
    CaseField{.key = node_id, .place = node, .name = "id", .type = FieldType::string, .required = true,
              .text = TextRule::identifier,
              .meaning = "The name edges use for the node (`s1`, `aws_email`); unique among the nodes."},
    CaseField{.key = kind, .place = node, .name = "kind", .type = FieldType::string, .required = true,
              .values = kinds, .meaning = "What the node is."},
    CaseField{.key = label, .place = node, .name = "label", .type = FieldType::string, .required = true,
              .text = TextRule::not_blank,
              .meaning = "Short text shown in diagrams; under about 80 characters, the full wording goes in `text`."},
    CaseField{.key = text, .place = node, .name = "text", .type = FieldType::string, .absent = "none",
              .meaning = "Longer text: the full allegation, a quotation, an explanation."},
    CaseField{.key = party, .place = node, .name = "party", .type = FieldType::string, .absent = "none",
              .meaning = "Who asserts the claim or offers the evidence (`Parler`, `AWS`, `Court`)."},
    CaseField{.key = group, .place = node, .name = "group", .type = FieldType::string, .absent = "no group",
              .meaning = "A grouping, usually the cause of action; diagrams draw each group as a cluster."},
    CaseField{.key = source, .place = node, .name = "source", .type = FieldType::string, .absent = "none",
              .meaning = "A citation: where the node comes from (`CMP ¶ 3`, `ORD (Dkt. 34)`)."},
    CaseField{.key = FieldKey::cite, .place = node, .name = "cite", .type = FieldType::citations, .absent = "none",
              .meaning = "Structured citations of the record: one citation object, or an array of them; the "
                         "[citation fields](#citations) say what each holds."},
    CaseField{.key = tags, .place = node, .name = "tags", .type = FieldType::string_array, .absent = "no tags",
              .meaning = "Free-form tags (`finding`, `concession`, `unverified`)."},
    CaseField{.key = weight, .place = node, .name = "weight", .type = FieldType::number, .minimum = 0, .maximum = 1,
              .absent = "1.0 for evidence, 0.5 for claims and counterclaims",
              .meaning = "The base score `evaluate` starts from: how credible the evidence, how plausible the claim."},
    CaseField{.key = standard, .place = node, .name = "standard", .type = FieldType::string, .values = standards,
              .noun = "standard of proof", .absent = "`preponderance`",
              .meaning = "How far the support of a claim (pro) must outweigh its attack (con) for it to be established."},
    CaseField{.key = burden, .place = node, .name = "burden", .type = FieldType::string, .absent = "not stated",
              .meaning = "The party that bears the burden of proof on the claim; reports show it."},
    CaseField{.key = test, .place = node, .name = "test", .type = FieldType::string, .values = tests,
              .noun = "test of elements", .absent = "`all`",
              .meaning = "How the elements of a claim decide it: all of them, any one, or weighed as factors."},
    CaseField{.key = node_scheme, .place = node, .name = "scheme", .type = FieldType::string,
              .text = TextRule::identifier, .noun = "argumentation scheme", .absent = "none",
              .meaning = "The argumentation scheme (`witness-testimony`, `expert-opinion`) of the supports edges from "
                         "this node that name none; docs/schemes.md lists the schemes."},
    CaseField{.key = privileged, .place = node, .name = "privileged", .type = FieldType::boolean, .absent = "`false`",
              .meaning = "Privileged material (legal advice, work product): `export` and `render` redact the node "
                         "unless given `--include-privileged` (docs/exports.md, Redaction)."},
    // --- edges ---
    CaseField{.key = from, .place = edge, .name = "from", .type = FieldType::string, .required = true,
              .text = TextRule::reference, .meaning = "The `id` of the node that is the reason."},
    CaseField{.key = to, .place = edge, .name = "to", .type = FieldType::string, .required = true,
              .text = TextRule::reference,
              .meaning = "The `id` of the node it bears on; for `undercuts`, the `id` of the supports edge it attacks."},
    CaseField{.key = relation, .place = edge, .name = "relation", .type = FieldType::string, .required = true,
              .values = relations, .meaning = "How `from` bears on `to`."},
    CaseField{.key = edge_id, .place = edge, .name = "id", .type = FieldType::string, .text = TextRule::non_empty,
              .absent = "no name",
              .meaning = "A name for the edge, so that an undercut can attack it; unique among the edges."},
    CaseField{.key = edge_scheme, .place = edge, .name = "scheme", .type = FieldType::string,
              .text = TextRule::identifier, .noun = "argumentation scheme", .absent = "the scheme of `from`, if any",
              .meaning = "For `supports`: the argumentation scheme of the inference, whose critical questions then "
                         "apply to it; docs/schemes.md lists the schemes."},
    CaseField{.key = question, .place = edge, .name = "question", .type = FieldType::string,
              .text = TextRule::identifier, .noun = "critical question", .absent = "none",
              .meaning = "The critical question an `undercuts` edge raises against the inference it attacks, or a "
                         "`supports` edge settles for the inferences that start from `to`."},
    // --- citations ---
    CaseField{.key = cite_document, .place = FieldPlace::citation, .name = "document", .type = FieldType::string,
              .text = TextRule::not_blank, .absent = "none",
              .meaning = "The document cited: `Complaint`, `Email from AWS to Parler`, `Declaration of J. Smith`."},
    CaseField{.key = cite_exhibit, .place = FieldPlace::citation, .name = "exhibit", .type = FieldType::string,
              .text = TextRule::not_blank, .absent = "none", .meaning = "Its exhibit number: `PX-12`, `Ex. A`."},
    CaseField{.key = cite_bates, .place = FieldPlace::citation, .name = "bates", .type = FieldType::string,
              .text = TextRule::bates, .noun = "Bates range", .absent = "none",
              .meaning = "A Bates number or range: `AWS000123`, `AWS000123–AWS000131`; one prefix, first page "
                         "first."},
    CaseField{.key = cite_pin, .place = FieldPlace::citation, .name = "pin", .type = FieldType::string,
              .text = TextRule::not_blank, .noun = "pin cite", .absent = "none",
              .meaning = "The page, paragraph or line relied on: `at 4:12–18`, `¶ 14`."},
    CaseField{.key = cite_date, .place = FieldPlace::citation, .name = "date", .type = FieldType::string,
              .text = TextRule::date, .absent = "undated",
              .meaning = "When the document was made or the event happened, in ISO 8601: `2021-01-09`, or partial "
                         "`2021-01`, or with a time `2021-01-09T17:05-08:00`; kept as written. The chronology sorts "
                         "by it."},
    CaseField{.key = cite_quote, .place = FieldPlace::citation, .name = "quote", .type = FieldType::string,
              .text = TextRule::not_blank, .absent = "none",
              .meaning = "The words relied on, quoted exactly; give the `pin` where they stand."},
    CaseField{.key = cite_authority, .place = FieldPlace::citation, .name = "authority", .type = FieldType::string,
              .text = TextRule::not_blank, .absent = "none",
              .meaning = "A case or statute relied on, for legal sources: `Twombly, 550 U.S. 544 (2007)`, `15 U.S.C. "
                         "§ 1`. Reports list it in the table of authorities."},
    CaseField{.key = cite_url, .place = FieldPlace::citation, .name = "url", .type = FieldType::string,
              .text = TextRule::url, .absent = "none",
              .meaning = "Where the source can be read: an `http:`, `https:`, `ftp:`, `file:` or `mailto:` address."},
};

constexpr bool grouped_in_key_order() {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (static_cast<std::size_t>(fields[i].key) != i) return false;
    if (i > 0 && fields[i].place < fields[i - 1].place) return false;
  }
  return true;
}
static_assert(grouped_in_key_order(), "rows are grouped by place, in the order of FieldKey");

constexpr std::span<const CaseField> at(FieldPlace place) {
  std::size_t begin = 0;
  while (begin < fields.size() && fields[begin].place != place) ++begin;
  std::size_t end = begin;
  while (end < fields.size() && fields[end].place == place) ++end;
  return std::span<const CaseField>(fields).subspan(begin, end - begin);
}

constexpr std::array by_place{at(top), at(node), at(edge), at(FieldPlace::citation)};
// The reader keeps a bit per field of an object.
static_assert(at(top).size() <= 32 && at(node).size() <= 32 && at(edge).size() <= 32 &&
              at(FieldPlace::citation).size() <= 32);

std::string number(double value) {
  std::string out;
  detail::append_number(out, value);
  return out;
}

std::string code(std::string_view s) {
  std::string out(1, '`');
  out += s;
  out += '`';
  return out;
}

// A Markdown table cell: pipes would end it.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

// The Values column: what the value may be, beyond its type.
std::string allowed(const CaseField& f) {
  if (f.type == FieldType::version) return code(std::to_string(json_format_version));
  if (f.type == FieldType::number) return number(f.minimum) + " to " + number(f.maximum);
  if (f.type == FieldType::boolean) return "`true`, `false`";
  if (!f.values.empty()) {
    std::string out;
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      if (i > 0) out += ", ";
      out += code(f.values[i].name);
    }
    return out;
  }
  if (f.type != FieldType::string) return "—";
  switch (f.text) {
    case TextRule::any: return "any text";
    case TextRule::non_empty: return "not empty";
    case TextRule::not_blank: return "not blank";
    case TextRule::identifier: return "not empty, no control characters";
    case TextRule::reference: return "an `id` in the file";
    case TextRule::bates: return "a Bates number or range";
    case TextRule::date: return "an ISO 8601 date or date-time, maybe partial";
    case TextRule::url: return "an `http`, `https`, `ftp`, `file` or `mailto` address";
  }
  return {};
}

}  // namespace

std::span<const CaseField> case_fields() noexcept { return fields; }

std::span<const CaseField> case_fields(FieldPlace place) noexcept {
  return by_place[static_cast<std::size_t>(place)];
}

const CaseField* find_case_field(FieldPlace place, std::string_view name) noexcept {
  for (const CaseField& f : case_fields(place)) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const CaseField& case_field(FieldKey key) noexcept { return fields[static_cast<std::size_t>(key)]; }

std::string_view to_string(FieldPlace place) noexcept {
  switch (place) {
    case FieldPlace::top: return "top level";
    case FieldPlace::node: return "node";
    case FieldPlace::edge: return "edge";
    case FieldPlace::citation: return "citation";
  }
  return "node";
}

std::string_view to_string(FieldType type) noexcept {
  switch (type) {
    case FieldType::version: return "integer";
    case FieldType::string: return "string";
    case FieldType::number: return "number";
    case FieldType::boolean: return "boolean";
    case FieldType::string_array: return "array of strings";
    case FieldType::node_array: return "array of nodes";
    case FieldType::edge_array: return "array of edges";
    case FieldType::citations: return "citation or array of citations";
  }
  return "string";
}

std::string expected_value(const CaseField& field) {
  switch (field.type) {
    case FieldType::version: return "the format version, the integer " + std::to_string(json_format_version);
    case FieldType::string: return "a string";
    case FieldType::number: return "a number between " + number(field.minimum) + " and " + number(field.maximum);
    case FieldType::boolean: return "a boolean";
    case FieldType::string_array:
    case FieldType::node_array:
    case FieldType::edge_array: return "an " + std::string(to_string(field.type));
    case FieldType::citations:
      return "a citation object such as {\"exhibit\": \"PX-12\", \"pin\": \"at 4\"}, or an array of them";
  }
  return "a string";
}

std::string fields_markdown(FieldPlace place) {
  std::string out =
      "| Field | Type | Required | When absent | Values | Meaning |\n"
      "|-------|------|----------|-------------|--------|---------|\n";
  for (const CaseField& f : case_fields(place)) {
    out += "| " + code(f.name) + " | " + std::string(to_string(f.type)) + " | " + (f.required ? "yes" : "no") +
           " | " + cell(f.required ? "—" : f.absent) + " | " + cell(allowed(f)) + " | " + cell(f.meaning) + " |\n";
  }
  return out;
}

std::string values_markdown(const CaseField& field) {
  std::string out =
      "| Value | Meaning |\n"
      "|-------|---------|\n";
  for (const FieldValue& v : field.values) out += "| " + code(v.name) + " | " + cell(v.meaning) + " |\n";
  return out;
}

}  // namespace claimgraph::io
