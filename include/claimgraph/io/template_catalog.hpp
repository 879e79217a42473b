#pragma once
// Where templates are found, and the list of them. The catalog looks in
// directories in a given order (the program's: each --templates, then
// $CLAIMGRAPH_TEMPLATES, then the installed templates, then, for a program in
// its build tree, the source tree's templates/); each case file there is a
// template named after the file. The first template of a name is the one
// used: a user's template hides a shipped one of the same name, and the
// catalog records what it hides so that the listing can say so.

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/io/template.hpp"
#include "claimgraph/limits.hpp"

namespace claimgraph::io {

/// Why a directory is searched.
enum class TemplateOrigin : std::uint8_t {
  option,       ///< given with --templates
  environment,  ///< listed in $CLAIMGRAPH_TEMPLATES
  installed,    ///< the templates installed with the program
  source_tree,  ///< the source tree's templates/, for a program in its build tree
};

/// How listings name an origin: "--templates", "$CLAIMGRAPH_TEMPLATES",
/// "installed", "source tree".
[[nodiscard]] std::string_view to_string(TemplateOrigin origin) noexcept;
/// The origin's name in JSON: "option", "environment", "installed", "source-tree".
[[nodiscard]] std::string_view json_name(TemplateOrigin origin) noexcept;

/// A directory of templates.
struct TemplateDirectory {
  std::string path;
  TemplateOrigin origin = TemplateOrigin::option;
};

/// A template file found.
struct TemplateFile {
  std::string file;          ///< directory/NAME plus the case-file extension
  std::size_t directory = 0; ///< its directory, an index into TemplateCatalog::directories()
};

/// A template found: the first file of its name, and those it hides.
struct TemplateEntry {
  std::string name;
  TemplateFile found;
  /// Files of the same name further down the search order, which it hides.
  std::vector<TemplateFile> hidden;
};

/// The templates in a list of directories.
class TemplateCatalog {
 public:
  /// Looks in `directories`, in order. A directory that does not exist
  /// holds nothing; one that cannot be read throws IoError.
  explicit TemplateCatalog(std::vector<TemplateDirectory> directories);

  /// The directories, in the order searched.
  [[nodiscard]] const std::vector<TemplateDirectory>& directories() const noexcept { return directories_; }
  /// Every template, by name.
  [[nodiscard]] const std::vector<TemplateEntry>& entries() const noexcept { return entries_; }
  /// The template named `name`, or null.
  [[nodiscard]] const TemplateEntry* find(std::string_view name) const noexcept;
  /// The template named `name`. Throws Error naming the nearest name ("did
  /// you mean") and every name there is.
  [[nodiscard]] const TemplateEntry& at(std::string_view name) const;
  /// Reads the template of `entry` (see read_template). Throws IoError,
  /// ParseError or ValidationError naming its file.
  [[nodiscard]] CaseTemplate read(const TemplateEntry& entry, const Limits& limits = {}) const;

 private:
  std::vector<TemplateDirectory> directories_;
  std::vector<TemplateEntry> entries_;
};

/// Writes the list of templates for people: per template its name, title,
/// file and origin, what it overrides, and its authorities; then the
/// directories searched. `templates[i]` is entries()[i], read.
void write_template_list_text(std::ostream& out, const TemplateCatalog& catalog,
                              std::span<const CaseTemplate> templates);
/// The same as one JSON object: `{"templates": [{"name", "title",
/// "description", "file", "origin", "overrides": [{"file", "origin"}],
/// "authorities"}], "directories": [{"path", "origin", "exists"}]}`.
void write_template_list_json(std::ostream& out, const TemplateCatalog& catalog,
                              std::span<const CaseTemplate> templates);

}  // namespace claimgraph::io
