#include "schemes.hpp"

#include "claimgraph/io/scheme_report.hpp"

namespace claimgraph::cli {

std::shared_ptr<SchemesOptions> setup_schemes(CLI::App& app) {
  auto options = std::make_shared<SchemesOptions>();
  auto* cmd = app.add_subcommand(
      "schemes", "List the argumentation schemes a case may name, with their critical questions");
  cmd->add_option("--schemes", options->input.schemes,
                  "A directory of argumentation schemes (NAME.json), searched before $CLAIMGRAPH_SCHEMES and the "
                  "shipped ones (repeatable)")
      ->type_name("DIR")
      ->take_all()
      ->allow_extra_args(false);
  add_report_format_option(*cmd, options->format);
  cmd->footer(
      "A supports edge names its scheme with \"scheme\" (or takes its source's); an undercut raises a question "
      "with \"question\", a supports edge into the inference's premise answers one. docs/schemes.md says more.");
  return options;
}

int run_schemes(const SchemesOptions& options) {
  const SchemeLibrary& library = scheme_library(options.input);
  write_output("", "-", [&](std::ostream& out) {
    switch (options.format) {
      case io::ReportFormat::text: io::write_schemes_text(out, library); break;
      case io::ReportFormat::json: io::write_schemes_json(out, library); break;
    }
  });
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
