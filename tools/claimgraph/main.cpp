// claimgraph: argument and claim graphs of legal theories.
// The program parses arguments, calls the library and maps errors to exit
// codes; everything else lives in the library.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <spdlog/version.h>

#include <malloc.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "check.hpp"
#include "claimgraph/error.hpp"
#include "claimgraph/io/versions.hpp"
#include "common.hpp"
#include "critical.hpp"
#include "diff.hpp"
#include "evaluate.hpp"
#include "export.hpp"
#include "huge_pages.hpp"
#include "iccma.hpp"
#include "import.hpp"
#include "lint.hpp"
#include "new.hpp"
#include "render.hpp"
#include "schemes.hpp"
#include "templates.hpp"
#include "serve.hpp"
#include "watch.hpp"

namespace cli = claimgraph::cli;
using cli::ExitCode;

namespace {
int code(ExitCode c) { return static_cast<int>(c); }

// "claimgraph 0.1.0" and the libraries it was built with, as `dot -V` and
// `pandoc --version` name theirs.
std::string version_text() {
  std::string out = "claimgraph " CLAIMGRAPH_VERSION "\nBuilt with";
  auto libraries = claimgraph::io::library_versions();
  libraries.push_back({"CLI11", CLI11_VERSION});
  libraries.push_back({"spdlog", std::to_string(SPDLOG_VER_MAJOR) + "." + std::to_string(SPDLOG_VER_MINOR) + "." +
                                     std::to_string(SPDLOG_VER_PATCH)});
  libraries.push_back(
      {"fmt", std::to_string(FMT_VERSION / 10000) + "." + std::to_string(FMT_VERSION / 100 % 100) + "." +
                  std::to_string(FMT_VERSION % 100)});
  for (std::size_t i = 0; i < libraries.size(); ++i) {
    out += (i == 0 ? " " : ", ") + std::string(libraries[i].name) + " " + libraries[i].version;
  }
  return out + ".";
}
}  // namespace

int main(int argc, char** argv) {
  cli::use_huge_pages(argv);  // may start the program again, first of all
#ifdef M_ARENA_MAX
  // One malloc arena for every thread. Lint's thread (LintWarnings) would
  // otherwise get one of its own, whose freed memory goes back to the kernel
  // and comes back zeroed: at 1M nodes `evaluate` spent 0.37-1.45 s in the
  // kernel so (nine runs), against 0.20-0.42 s with one thread, more than
  // the thread saved. With one arena, side-by-side runs showed no slowdown
  // within this machine's noise; the lock's cost was not measured alone.
  (void)mallopt(M_ARENA_MAX, 1);
#endif
  CLI::App app{"claimgraph " CLAIMGRAPH_VERSION
               ": argument and claim graphs of legal theories.\n"
               "Checks which claims lack evidence and exports diagrams and data.",
               "claimgraph"};
  app.set_version_flag("--version", version_text, "Print the version and the libraries it was built with, and exit");
  bool verbose = false;
  bool quiet = false;
  app.add_flag("-v,--verbose", verbose, "Print progress and timings on stderr");
  app.add_flag("-q,--quiet", quiet, "Print only errors on stderr (no warnings or progress)");
  app.require_subcommand(1, 1);
  app.fallthrough();  // -v and -q may also follow the subcommand
  app.footer(cli::exit_code_help);
  auto check = cli::setup_check(app);
  auto critic = cli::setup_critical(app);
  auto evaluator = cli::setup_evaluate(app);
  auto explainer = cli::setup_explain(app);
  auto linter = cli::setup_lint(app);
  auto differ = cli::setup_diff(app);
  auto exporter = cli::setup_export(app);
  auto iccma = cli::setup_iccma(app);
  auto renderer = cli::setup_render(app);
  auto importer = cli::setup_import(app);
  auto starter = cli::setup_new(app);
  auto template_list = cli::setup_templates(app);
  auto scheme_list = cli::setup_schemes(app);
  auto server = cli::setup_serve(app);
  auto watcher = cli::setup_watch(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : code(ExitCode::bad_input);
  }

  auto logger = spdlog::stderr_color_mt("claimgraph");
  logger->set_pattern("%^%v%$");
  // Info is progress worth seeing unasked (a long render says what it is doing).
  logger->set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::info);
  spdlog::set_default_logger(logger);
  if (cli::on_huge_pages()) {
    if (cli::reuses_freed_memory()) {
      spdlog::debug("malloc uses transparent huge pages and reuses freed blocks "
                    "(GLIBC_TUNABLES: glibc.malloc.hugetlb=1, glibc.malloc.mmap_max=0)");
    } else {
      spdlog::debug("malloc uses transparent huge pages (GLIBC_TUNABLES: glibc.malloc.hugetlb=1)");
    }
  }

  try {
    if (app.got_subcommand("check")) return cli::run_check(*check);
    if (app.got_subcommand("critical")) return cli::run_critical(*critic);
    if (app.got_subcommand("evaluate")) return cli::run_evaluate(*evaluator);
    if (app.got_subcommand("explain")) return cli::run_explain(*explainer);
    if (app.got_subcommand("lint")) return cli::run_lint(*linter);
    if (app.got_subcommand("diff")) return cli::run_diff(*differ);
    if (app.got_subcommand("export")) return cli::run_export(*exporter);
    if (app.got_subcommand("iccma")) return cli::run_iccma(*iccma);
    if (app.got_subcommand("render")) return cli::run_render(*renderer);
    if (app.got_subcommand("import")) return cli::run_import(*importer);
    if (app.got_subcommand("new")) return cli::run_new(*starter);
    if (app.got_subcommand("templates")) return cli::run_templates(*template_list);
    if (app.got_subcommand("schemes")) return cli::run_schemes(*scheme_list);
    if (app.got_subcommand("serve")) return cli::run_serve(*server);
    if (app.got_subcommand("watch")) return cli::run_watch(*watcher);
    return code(ExitCode::bad_input);
  } catch (const claimgraph::InputError& e) {
    for (const auto& d : e.diagnostics()) {
      if (d.severity == claimgraph::Severity::warning) {
        spdlog::warn("{}", cli::describe(d));
      } else {
        spdlog::error("{}", cli::describe(d));
      }
    }
    return code(ExitCode::bad_input);
  } catch (const claimgraph::IoError& e) {
    // The input cannot be read: the message names the file.
    spdlog::error("{}{}", e.what(), e.limit() ? cli::limit_hint(*e.limit()) : "");
    return code(ExitCode::bad_input);
  } catch (const claimgraph::RenderError& e) {
    // Graphviz could not draw it (a missing plugin, a failed layout): no output.
    spdlog::error("claimgraph: error: {}", e.what());
    return code(ExitCode::output_failed);
  } catch (const claimgraph::ConversionError& e) {
    // The program that converts the output (pandoc) is missing or failed: no output.
    spdlog::error("claimgraph: error: {}", e.what());
    return code(ExitCode::output_failed);
  } catch (const claimgraph::Error& e) {
    // The input is readable but cannot be used as asked: a view that selects
    // nothing, a search or drawing over its limit.
    spdlog::error("claimgraph: error: {}{}", e.what(), e.limit() ? cli::limit_hint(*e.limit()) : "");
    return code(ExitCode::bad_input);
  } catch (const cli::UsageError& e) {
    spdlog::error("claimgraph: error: {}", e.what());
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
