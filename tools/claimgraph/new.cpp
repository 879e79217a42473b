#include "new.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <map>
#include <system_error>

#include "claimgraph/io/json_writer.hpp"
#include "claimgraph/io/template.hpp"
#include "templates.hpp"

namespace claimgraph::cli {

std::shared_ptr<NewOptions> setup_new(CLI::App& app) {
  auto options = std::make_shared<NewOptions>();
  auto* cmd = app.add_subcommand("new", "Start a case file from cause-of-action templates: the claims and their "
                                        "elements with their legal sources, for the evidence to be added");
  cmd->add_option("-o,--output", options->output,
                  "Case file to write (default: standard output); written atomically, and never over an existing "
                  "file without --force");
  cmd->add_option("--title", options->title, "The case's title (the case name)");
  cmd->add_option("--template", options->templates,
                  "A template to start from, NAME or NAME:PREFIX; PREFIX_ goes before each of its ids (repeatable; "
                  "claimgraph templates lists the names)")
      ->type_name("NAME[:PREFIX]")
      ->allow_extra_args(false);
  add_template_directory_option(*cmd, options->directories);
  cmd->add_option("--party", options->parties,
                  "Name a party the templates leave as a placeholder: plaintiff=NAME, defendant=NAME (repeatable)")
      ->type_name("PLACEHOLDER=NAME")
      ->allow_extra_args(false);
  cmd->add_flag("--force", options->force, "Overwrite the output file if it exists");
  cmd->footer("Exit status: 0 written; 2 unusable arguments or templates; 3 the output exists (without --force) or "
              "could not be written.");
  return options;
}

int run_new(const NewOptions& options) {
  io::NewCaseOptions settings;
  settings.title = options.title;
  for (const auto& p : options.parties) {
    const auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == p.size()) {
      throw UsageError("--party " + p + ": write PLACEHOLDER=NAME, as in plaintiff=\"Parler LLC\"");
    }
    settings.parties.emplace_back(p.substr(0, eq), p.substr(eq + 1));
  }
  std::vector<io::TemplateUse> uses;
  for (const auto& t : options.templates) {
    try {
      uses.push_back(io::TemplateUse::parse(t));
    } catch (const Error& e) {
      throw UsageError(std::string("--template ") + t + ": " + e.what());
    }
  }
  const bool to_file = !options.output.empty() && options.output != "-";
  std::error_code ec;
  if (to_file && !options.force && std::filesystem::exists(options.output, ec)) {
    throw OutputError(options.output + ": error: the file exists; claimgraph new does not overwrite it without --force");
  }

  const io::TemplateCatalog catalog = template_catalog(options.directories);
  std::map<std::string, io::CaseTemplate> read;  // by name: a template used twice is read once
  std::vector<const io::CaseTemplate*> parts;
  for (const auto& use : uses) {
    auto it = read.find(use.name);
    if (it == read.end()) {
      const io::TemplateEntry* entry = nullptr;
      try {
        entry = &catalog.at(use.name);
      } catch (const Error& e) {
        throw UsageError("--template " + use.spelling() + ": " + e.what());
      }
      it = read.emplace(use.name, catalog.read(*entry)).first;
      for (const auto& w : it->second.warnings) warn(w);
    }
    parts.push_back(&it->second);
  }
  const Graph graph = io::new_case(uses, parts, settings);
  write_output(options.output, "-", [&](std::ostream& out) { io::write_json(out, graph); });
  spdlog::debug("started a case of {} nodes and {} edges from {} templates", graph.node_count(), graph.edge_count(),
                uses.size());
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
