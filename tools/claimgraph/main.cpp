// claimgraph: argument and claim graphs of legal theories.
// The program parses arguments, calls the library and maps errors to exit
// codes; everything else lives in the library.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "check.hpp"
#include "claimgraph/analysis/abstract.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/view.hpp"
#include "common.hpp"
#include "evaluate.hpp"
#include "export.hpp"
#include "iccma.hpp"
#include "import.hpp"

namespace cli = claimgraph::cli;
using cli::ExitCode;

namespace {
int code(ExitCode c) { return static_cast<int>(c); }
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimgraph " CLAIMGRAPH_VERSION
               ": argument and claim graphs of legal theories.\n"
               "Checks which claims lack evidence and exports diagrams and data.",
               "claimgraph"};
  app.set_version_flag("--version", "claimgraph " CLAIMGRAPH_VERSION);
  bool verbose = false;
  bool quiet = false;
  app.add_flag("-v,--verbose", verbose, "Print progress and timings on stderr");
  app.add_flag("-q,--quiet", quiet, "Print only errors on stderr (no warnings)");
  app.require_subcommand(1, 1);
  app.fallthrough();  // -v and -q may also follow the subcommand
  app.footer(cli::exit_code_help);
  auto check = cli::setup_check(app);
  auto evaluator = cli::setup_evaluate(app);
  auto explainer = cli::setup_explain(app);
  auto exporter = cli::setup_export(app);
  auto iccma = cli::setup_iccma(app);
  auto importer = cli::setup_import(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : code(ExitCode::bad_input);
  }

  auto logger = spdlog::stderr_color_mt("claimgraph");
  logger->set_pattern("%^%v%$");
  logger->set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_default_logger(logger);

  try {
    if (app.got_subcommand("check")) return cli::run_check(*check);
    if (app.got_subcommand("evaluate")) return cli::run_evaluate(*evaluator);
    if (app.got_subcommand("explain")) return cli::run_explain(*explainer);
    if (app.got_subcommand("export")) return cli::run_export(*exporter);
    if (app.got_subcommand("iccma")) return cli::run_iccma(*iccma);
    if (app.got_subcommand("import")) return cli::run_import(*importer);
    return code(ExitCode::bad_input);
  } catch (const claimgraph::InputError& e) {
    for (const auto& d : e.diagnostics()) {
      if (d.severity == claimgraph::Severity::warning) {
        spdlog::warn("{}", d.format());
      } else {
        spdlog::error("{}", d.format());
      }
    }
    return code(ExitCode::bad_input);
  } catch (const claimgraph::analysis::SearchLimitError& e) {
    spdlog::error("claimgraph: error: {}", e.what());
    return code(ExitCode::bad_input);
  } catch (const claimgraph::ViewError& e) {
    spdlog::error("claimgraph: error: {}", e.what());
    return code(ExitCode::bad_input);
  } catch (const claimgraph::IoError& e) {
    spdlog::error("{}", e.what());
    return code(ExitCode::bad_input);
  } catch (const cli::OutputError& e) {
    spdlog::error("{}", e.what());
    return code(ExitCode::output_failed);
  } catch (const std::bad_alloc&) {
    spdlog::error("claimgraph: error: out of memory");
    return code(ExitCode::internal);
  } catch (const std::exception& e) {
    spdlog::error("claimgraph: internal error: {}", e.what());
    return code(ExitCode::internal);
  }
}
