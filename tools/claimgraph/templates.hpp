#pragma once
// `claimgraph templates`: the cause-of-action templates `new` starts a case
// from, with where each file is and the authorities it rests on. The search
// order of the directories, which `new` shares, lives here too.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "claimgraph/io/template_catalog.hpp"
#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph templates`.
struct TemplatesOptions {
  std::vector<std::string> directories;  ///< --templates, in the order given
  io::ReportFormat format = io::ReportFormat::text;
};

/// Adds --templates DIR (repeatable) to `cmd`.
void add_template_directory_option(CLI::App& cmd, std::vector<std::string>& directories);

/// The templates in each of `directories` (from --templates), then in
/// $CLAIMGRAPH_TEMPLATES (colon-separated), then the installed ones, then,
/// for a program in its build tree, the source tree's. Throws UsageError
/// for a --templates directory that does not exist.
[[nodiscard]] io::TemplateCatalog template_catalog(const std::vector<std::string>& directories);

/// Registers `templates` on `app`; the options live as long as the app.
std::shared_ptr<TemplatesOptions> setup_templates(CLI::App& app);
/// Runs `templates`; returns the exit status.
int run_templates(const TemplatesOptions& options);

}  // namespace claimgraph::cli
