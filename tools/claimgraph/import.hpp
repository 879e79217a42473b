#pragma once
// `claimgraph import`: turns an argument map made with another tool (an AIF
// map from OVA or AIFdb, an Argdown document, an ICCMA framework: any format
// io::input_formats() lists) into a claimgraph case file.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "common.hpp"

namespace claimgraph::cli {

/// Options of `claimgraph import`.
struct ImportOptions {
  InputOptions input;
  std::string output;
};

/// Registers `import` on `app`; the options live as long as the app.
std::shared_ptr<ImportOptions> setup_import(CLI::App& app);
/// Runs `import`; returns the exit status.
int run_import(const ImportOptions& options);

}  // namespace claimgraph::cli
