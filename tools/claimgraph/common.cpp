#include "common.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <iostream>

#include "claimgraph/error.hpp"
#include "claimgraph/io/aif_reader.hpp"
#include "claimgraph/io/argdown_reader.hpp"
#include "claimgraph/io/file.hpp"
#include "claimgraph/io/iccma_reader.hpp"

namespace claimgraph::cli {

void add_limit_options(CLI::App& cmd, Limits& limits) {
  cmd.add_option("--max-input-bytes", limits.max_input_bytes, "Largest input accepted, in bytes")
      ->capture_default_str()
      ->group("Limits");
  cmd.add_option("--max-depth", limits.max_depth, "Deepest JSON nesting accepted")->capture_default_str()->group("Limits");
  cmd.add_option("--max-string-bytes", limits.max_string_bytes, "Longest string value accepted, in bytes")
      ->capture_default_str()
      ->group("Limits");
  cmd.add_option("--max-nodes", limits.max_nodes, "Most nodes accepted")->capture_default_str()->group("Limits");
  cmd.add_option("--max-edges", limits.max_edges, "Most edges accepted")->capture_default_str()->group("Limits");
}

void add_from_option(CLI::App& cmd, std::string& from) {
  cmd.add_option("--from", from,
                 "Input format (default: from FILE's extension: .apx, .tgf, .i23, .argdown/.ad; else aif when the "
                 "JSON is an AIF map, else json)")
      ->check(CLI::IsMember({"json", "apx", "tgf", "i23", "aif", "argdown"}));
}

const io::ReadResult& load_graph(const std::string& path, const Limits& limits, const std::string& from) {
  const std::string name = path == "-" ? "<stdin>" : path;
  std::optional<io::IccmaFormat> iccma;
  const bool argdown = from == "argdown" || (from.empty() && io::is_argdown_file_name(path));
  if (!from.empty() && from != "json") {
    iccma = io::parse_iccma_format(from);
  } else if (from.empty()) {
    iccma = io::iccma_format_from_extension(path);
  }
  Stopwatch watch;
  const auto input = io::InputText::open(path, limits.max_input_bytes);
  const std::string_view text = input.text();
  spdlog::debug("read {} bytes from {} in {:.3f} s", text.size(), name, watch.lap());
  io::ReadResult result;
  if (argdown) {
    io::ArgdownReadOptions options;
    options.file_name = name;
    options.limits = limits;
    result = io::read_argdown(text, options);
  } else if (iccma) {
    io::IccmaReadOptions options;
    options.file_name = name;
    options.limits = limits;
    result = io::read_iccma(text, *iccma, options);
  } else if (from == "aif" || (from.empty() && io::looks_like_aif(text, limits.max_depth))) {
    // AIF maps are JSON too: told from case files by their first tokens.
    spdlog::debug("reading {} as an AIF map", name);
    io::AifReadOptions options;
    options.file_name = name;
    options.limits = limits;
    result = io::read_aif(text, options);
  } else {
    io::JsonReadOptions options;
    options.file_name = name;
    options.limits = limits;
    result = io::read_json(text, options);
  }
  for (const auto& w : result.warnings) spdlog::warn("{}", w.format());
  spdlog::debug("parsed {} nodes and {} edges in {:.3f} s", result.graph.node_count(), result.graph.edge_count(),
                watch.lap());
  // Reachable from a static to the end, so leak checkers do not count it.
  // (volatile: nothing reads the pointer back, and an optimising build
  // would otherwise drop the store, leaving the graph unreachable.)
  [[maybe_unused]] static io::ReadResult* volatile kept = nullptr;
  auto* graph = new io::ReadResult(std::move(result));
  kept = graph;
  return *graph;
}

namespace {
bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
}
}  // namespace

void write_output(const std::string& path, const std::string& input, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw OutputError("<stdout>: error: cannot write");
    return;
  }
  if (input != "-" && same_file(path, input)) {
    throw OutputError(path + ": error: the output would overwrite the input file; choose another output path");
  }
  Stopwatch watch;
  try {
    io::write_file_atomically(path, write);
  } catch (const IoError& e) {
    throw OutputError(e.what());
  }
  spdlog::debug("wrote {} in {:.3f} s", path, watch.lap());
}

}  // namespace claimgraph::cli
