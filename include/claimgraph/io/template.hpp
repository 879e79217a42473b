#pragma once
// Cause-of-action templates: a case begun from the elements of the claims it
// pleads. A template is a case file (read by the case-file reader, so every
// field is checked as in any case) with one more top-level member, its
// header:
//
//   "template": {"authorities": ["15 U.S.C. § 1", "Copperweld Corp. v. ..."]}
//
// The template's own "title" and "description" say what it is. It holds the
// claim, its elements with their legal sources, standards and burdens, and no
// evidence: a case begun from templates lacks evidence for every element
// until the user adds it. Its name is its file name without the extension
// (io/template_catalog.hpp finds the files).
//
// new_case() combines templates into one case. Each use may give a prefix,
// which goes before every node and edge id of that use with
// template_prefix_separator between them ("k" makes "contract" "k_contract"),
// so that one template can serve twice and templates whose ids clash can
// meet in one case.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/error.hpp"
#include "claimgraph/graph.hpp"
#include "claimgraph/io/read.hpp"

namespace claimgraph::io {

/// What goes between a use's prefix and each id: "k" + "_" + "contract".
inline constexpr std::string_view template_prefix_separator = "_";

/// A template, read.
struct CaseTemplate {
  /// What `--template` calls it: its file name without the extension.
  std::string name;
  /// The file it was read from, as messages name it.
  std::string file;
  /// The statutes, pattern instructions and cases it rests on, from its header.
  std::vector<std::string> authorities;
  /// The fragment itself; its title and description are the template's.
  Graph graph;
  /// The warnings met while reading it (unknown fields, ...).
  std::vector<Diagnostic> warnings;

  /// The template's title: the fragment's, else its name.
  [[nodiscard]] std::string title() const { return graph.title.value_or(name); }
};

/// Reads a template named `name` from `text`: the case file through the
/// case-file reader, then its header. Throws ParseError or ValidationError
/// with every problem, each at its file (options.file_name), line and column.
[[nodiscard]] CaseTemplate read_template(std::string_view text, std::string name, const ReadOptions& options = {});

/// One use of a template in a new case: `NAME` or `NAME:PREFIX`.
struct TemplateUse {
  std::string name;
  /// Put before each id of this use, with template_prefix_separator; "" for none.
  std::string prefix;

  /// Parses `NAME[:PREFIX]`. A prefix is ASCII letters, digits, '-' and
  /// '_'. Throws Error for an empty name or prefix, or another character in
  /// the prefix.
  [[nodiscard]] static TemplateUse parse(std::string_view text);
  /// As written: `NAME` or `NAME:PREFIX`.
  [[nodiscard]] std::string spelling() const;
};

/// How to begin the case beyond its templates.
struct NewCaseOptions {
  /// The case's title; none when absent.
  std::optional<std::string> title;
  /// Parties to rename, in `party` and `burden`: the templates' placeholder
  /// ("plaintiff") and the name to give it ("Parler LLC").
  std::vector<std::pair<std::string, std::string>> parties;
};

/// The case `uses` begin: the nodes and edges of `templates[i]` for
/// `uses[i]`, in that order, each id with the use's prefix; when a template
/// serves more than once, each use's groups end in " (PREFIX)" so that they
/// stay apart. The description names the templates used. Throws Error when
/// two uses are the same template with the same prefix, when two uses give
/// the same node or edge id (naming both), or when a party to rename is
/// nowhere in the case.
[[nodiscard]] Graph new_case(std::span<const TemplateUse> uses, std::span<const CaseTemplate* const> templates,
                             const NewCaseOptions& options = {});

}  // namespace claimgraph::io
