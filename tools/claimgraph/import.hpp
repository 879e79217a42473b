#pragma once
// `claimgraph import`: turns an argument map made with another tool (an AIF
// map from OVA or AIFdb, an Argdown document, an ICCMA framework) into a
// claimgraph case file.
// The input's format is told the way every command tells it (load_graph:
// --from, else the extension, else the JSON's first tokens), so a format
// that load_graph learns to read can be imported at once.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "claimgraph/limits.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph import`.
struct ImportOptions {
  std::string file;
  std::string output;
  std::string from;
  Limits limits;
};

/// Registers `import` on `app`; the options live as long as the app.
std::shared_ptr<ImportOptions> setup_import(CLI::App& app);
/// Runs `import`; returns the exit status.
int run_import(const ImportOptions& options);

}  // namespace claimgraph::cli
