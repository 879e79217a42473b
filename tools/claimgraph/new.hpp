#pragma once
// `claimgraph new`: starts a case file from cause-of-action templates (see
// `claimgraph templates` and docs/templates.md): the claims and their
// elements, each with its legal source, and no evidence yet.

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph new`.
struct NewOptions {
  std::string output;                    ///< -o: the case file to write; "" or "-" for standard output
  std::optional<std::string> title;      ///< --title
  std::vector<std::string> templates;    ///< --template NAME[:PREFIX], in order
  std::vector<std::string> directories;  ///< --templates DIR, in order
  std::vector<std::string> parties;      ///< --party PLACEHOLDER=NAME
  bool force = false;                    ///< --force: overwrite an existing output file
};

/// Registers `new` on `app`; the options live as long as the app.
std::shared_ptr<NewOptions> setup_new(CLI::App& app);
/// Runs `new`; returns the exit status.
int run_new(const NewOptions& options);

}  // namespace claimgraph::cli
