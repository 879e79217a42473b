#include "templates.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace claimgraph::cli {

namespace {

namespace fs = std::filesystem;

// CMake gives where templates are installed, relative to the installed
// program, and the source tree's templates for a program in its build tree.
#ifndef CLAIMGRAPH_INSTALLED_TEMPLATES
#define CLAIMGRAPH_INSTALLED_TEMPLATES "../share/claimgraph/templates"
#endif
#ifndef CLAIMGRAPH_SOURCE_TEMPLATES
#define CLAIMGRAPH_SOURCE_TEMPLATES ""
#endif
#ifndef CLAIMGRAPH_BUILD_DIR
#define CLAIMGRAPH_BUILD_DIR ""
#endif

// The directory of this program, or "" when it cannot be told.
fs::path program_dir() {
  std::error_code ec;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

// Whether `dir` is `root` or below it.
bool is_below(const fs::path& dir, const fs::path& root) {
  if (root.empty()) return false;
  const auto [r, d] = std::mismatch(root.begin(), root.end(), dir.begin(), dir.end());
  return r == root.end();
}

}  // namespace

void add_template_directory_option(CLI::App& cmd, std::vector<std::string>& directories) {
  cmd.add_option("--templates", directories,
                 "A directory of templates, searched before $CLAIMGRAPH_TEMPLATES and the installed ones (repeatable; "
                 "the first given is searched first)")
      ->type_name("DIR")
      ->take_all()
      ->allow_extra_args(false);
}

io::TemplateCatalog template_catalog(const std::vector<std::string>& directories) {
  std::vector<io::TemplateDirectory> dirs;
  for (const auto& d : directories) {
    std::error_code ec;
    if (!fs::is_directory(d, ec)) throw UsageError("--templates " + d + ": no such directory");
    dirs.push_back({d, io::TemplateOrigin::option});
  }
  if (const char* env = std::getenv("CLAIMGRAPH_TEMPLATES")) {
    const std::string list = env;
    std::size_t start = 0;
    while (start <= list.size()) {
      const std::size_t end = std::min(list.find(':', start), list.size());
      if (end > start) dirs.push_back({list.substr(start, end - start), io::TemplateOrigin::environment});
      start = end + 1;
    }
  }
  const fs::path here = program_dir();
  if (!here.empty()) {
    dirs.push_back({(here / CLAIMGRAPH_INSTALLED_TEMPLATES).lexically_normal().string(), io::TemplateOrigin::installed});
    std::error_code ec;
    const fs::path build = fs::canonical(CLAIMGRAPH_BUILD_DIR, ec);
    if (!ec && is_below(here, build) && std::string_view(CLAIMGRAPH_SOURCE_TEMPLATES).size() > 0) {
      dirs.push_back({CLAIMGRAPH_SOURCE_TEMPLATES, io::TemplateOrigin::source_tree});
    }
  }
  return io::TemplateCatalog(std::move(dirs));
}

std::shared_ptr<TemplatesOptions> setup_templates(CLI::App& app) {
  auto options = std::make_shared<TemplatesOptions>();
  auto* cmd = app.add_subcommand(
      "templates", "List the cause-of-action templates that new starts a case from, with their files and authorities");
  add_template_directory_option(*cmd, options->directories);
  add_report_format_option(*cmd, options->format);
  cmd->footer(
      "Templates are case files, NAME.json, searched for in each --templates DIR, then in $CLAIMGRAPH_TEMPLATES "
      "(colon-separated), then in the installed templates; the first of a name hides the others. "
      "docs/templates.md says how to write one.");
  return options;
}

int run_templates(const TemplatesOptions& options) {
  const io::TemplateCatalog catalog = template_catalog(options.directories);
  std::vector<io::CaseTemplate> templates;
  for (const auto& entry : catalog.entries()) {
    templates.push_back(catalog.read(entry));
    for (const auto& w : templates.back().warnings) warn(w);
  }
  write_output("", "-", [&](std::ostream& out) {
    switch (options.format) {
      case io::ReportFormat::text: io::write_template_list_text(out, catalog, templates); break;
      case io::ReportFormat::json: io::write_template_list_json(out, catalog, templates); break;
    }
  });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
