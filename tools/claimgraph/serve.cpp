// claimgraph serve: the case's HTML page on a local web server, kept up to
// date as the file is saved.
//
// The HTTP server is cpp-httplib (Debian's libcpp-httplib-dev) rather than
// Boost.Beast: what is served is two fixed paths, one of them a stream of
// server-sent events, and cpp-httplib does that in a few handlers on its
// thread pool where Beast would need an asynchronous server of our own
// (acceptor, sessions, strands, timers) for the same result.
//
// The server answers nothing but the page (/) and its event stream
// (/events), by the routes of serve_routes.hpp, which say what it refuses.
// The main thread polls the file (file_watch.hpp), builds
// each new page, and announces its version on the event stream; the page's
// script (src/io/html/live.js) then fetches it.

#include "serve.hpp"

#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include "choices.hpp"
#include "claimgraph/io/html_writer.hpp"
#include "file_watch.hpp"
#include "serve_routes.hpp"
#include "shown.hpp"

extern char** environ;

namespace claimgraph::cli {

namespace {

// The page for the file as it is now: the case, or why it cannot be read.
// Problems are printed as well, as export would print them.
std::string build_page(const ServeOptions& options, const io::OutputFormat& format, std::uint64_t version,
                       bool& readable) {
  io::HtmlLive live;
  live.version = version;
  try {
    const io::Input input = read_graph(options.input);
    // The reader's and lint's words name nodes and quote their fields: when
    // the page redacts a node, they are only counted.
    for (auto& line : read_warnings(input.result, options.input.file, &options.redact)) {
      live.notes.push_back(std::move(line));
    }
    for (auto& line : lint_messages(input.result, *input.format, options.input.file, &options.redact)) {
      live.notes.push_back(std::move(line));
    }
    analysis::Wanted wanted;
    wanted.evaluation = options.evaluate;
    wanted.status.burden = options.burden;
    wanted.strength = strength_options();
    wanted.schemes = &scheme_library(options.input);
    wanted.single_points = format.uses(io::Setting::failures);  // the panel lists them, as export's page does
    // Checked at each save: a node excluded may be renamed or removed.
    wanted.excluded = excluded_nodes(input.result.graph, options.exclude, options.input.file, &options.redact);
    const Shown shown = prepare_shown(input.result.graph, options.view, std::move(wanted), options.redact);
    io::WriteSettings settings;
    settings.style = options.style;
    settings.legend = !options.no_legend;
    settings.clusters = !options.no_clusters;
    settings.max_render_nodes = options.input.limits.max_render_nodes;
    settings.name = input_name(options.input.file);
    settings.on_warning = [&](const Diagnostic& d) { live.notes.push_back(describe(d)); };
    settings.hidden_below = shown.hidden_below();
    settings.scope = shown.scope;
    settings.live = &live;
    std::ostringstream out;
    format.write(out, {}, *shown.graph, shown.results.analyses(), settings);
    readable = true;
    return std::move(out).str();
  } catch (...) {
    const auto problems = problems_of(std::current_exception());
    print(problems);
    std::vector<std::string> lines;
    lines.reserve(problems.size());
    for (const auto& p : problems) lines.push_back(p.text);
    std::ostringstream out;
    io::write_html_problems(out, input_name(options.input.file), lines, live);
    readable = false;
    return std::move(out).str();
  }
}

// The first format `serve` can keep up to date (the HTML page).
const io::OutputFormat& served_format() {
  for (const auto& f : io::output_formats()) {
    if (f.uses(io::Setting::live)) return f;
  }
  throw std::logic_error("no output format is served live");
}

// Whether `program` is an executable file on PATH.
bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return true;
  }
  return false;
}

// Starts xdg-open on `url`; -1 when it cannot (with a warning).
pid_t open_in_browser(const std::string& url) {
  if (!on_path("xdg-open")) {
    spdlog::warn("claimgraph: warning: --open: xdg-open is not installed; open {} in a browser", url);
    return -1;
  }
  std::string program = "xdg-open";
  std::string address = url;
  char* argv[] = {program.data(), address.data(), nullptr};
  // The browser must not inherit what StopSignals did: SIGINT and SIGTERM
  // blocked, SIGPIPE ignored.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  const int failed = ::posix_spawnp(&pid, "xdg-open", nullptr, &attributes, argv, environ);
  posix_spawnattr_destroy(&attributes);
  if (failed != 0) {
    spdlog::warn("claimgraph: warning: --open: xdg-open could not start; open {} in a browser", url);
    return -1;
  }
  return pid;
}

}  // namespace

std::shared_ptr<ServeOptions> setup_serve(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve",
                                 "Show the case's HTML page in a browser, updated each time the file is saved");
  add_input_options(*cmd, options->input);
  cmd->add_option("--port", options->port, "The port to listen on (default: 0, any free port)");
  cmd->add_option("--host", options->host,
                  "The address to listen on (default: 127.0.0.1, this machine only); the page answers only "
                  "requests that name it, localhost or 127.0.0.1")
      ->capture_default_str();
  cmd->add_flag("--open", options->open, "Open the page in the browser (xdg-open)");
  add_choice(*cmd, "--style", options->style, style_choices(), style_help());
  cmd->add_flag("--no-legend", options->no_legend, "Leave out the legend");
  cmd->add_flag("--no-clusters", options->no_clusters, "Do not draw groups as clusters");
  cmd->add_flag("--evaluate", options->evaluate,
                "Add each node's status (IN, OUT, UNDEC) and strength, and whether each claim is established");
  add_burden_option(*cmd, options->burden, "--evaluate");
  add_exclude_option(*cmd, options->exclude);
  add_view_options(*cmd, options->view);
  add_redact_options(*cmd, options->redact);
  add_render_limit_option(*cmd, options->input.limits);
  cmd->footer("Prints the page's address on stderr and serves it until Ctrl-C. While FILE cannot be read the page "
              "lists\nwhy, and it shows the case again at the next good save. FILE is never written.\n"
              "Exit status: 0 stopped by Ctrl-C (SIGINT) or SIGTERM; 2 unusable arguments; 3 the address cannot "
              "be listened on.");
  return options;
}

int run_serve(const ServeOptions& options) {
  if (options.input.file == "-") {
    throw UsageError("serve follows a file from save to save; FILE cannot be - (standard input)");
  }
  if (options.burden && !options.evaluate) {
    throw UsageError("--burden decides the statuses that --evaluate adds; give --evaluate too");
  }
  StopSignals signals;  // before any thread starts: each inherits the blocked signals
  const io::OutputFormat& format = served_format();
  FileWatch watch(options.input.file);  // before the first read: a save during it is seen
  Site site;
  bool readable = false;
  site.publish(build_page(options, format, site.next_version(), readable));

  Server server;
  // SO_REUSEADDR only: no SO_REUSEPORT, which would let a second server share the port.
  server.set_socket_options([](auto sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  int port = 0;
  std::vector<std::string> hosts;  // known once bound; no request is read before
  route(server, site, hosts);

  if (options.port == 0) {
    port = server.bind_to_any_port(options.host);
  } else {
    port = server.bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (port <= 0) {
    spdlog::error("claimgraph: error: cannot listen on {} port {}: the port is taken, or the address is not this "
                  "machine's; give another --port or --host",
                  options.host, options.port);
    return static_cast<int>(ExitCode::output_failed);
  }
  hosts = own_hosts(options.host, port);
  std::atomic<bool> listening_ended = false;
  std::thread listener([&] {
    server.listen_after_bind();
    listening_ended = true;
  });
  // stop() only stops a server that is running: wait until it is.
  while (!server.is_running() && !listening_ended) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  const std::string url = "http://" + url_host(options.host) + ":" + std::to_string(port) + "/";
  // The address is what the reader needs: printed even with -q.
  std::cerr << "claimgraph: serving " << url << " (Ctrl-C stops)" << std::endl;
  pid_t opener = options.open ? open_in_browser(url) : -1;

  while (!signals.wait(FileWatch::interval) && !listening_ended) {
    if (opener > 0 && ::waitpid(opener, nullptr, WNOHANG) == opener) opener = -1;
    if (!watch.changed()) continue;
    const bool was_readable = readable;
    site.publish(build_page(options, format, site.next_version(), readable));
    if (readable && !was_readable) spdlog::info("claimgraph: {} can be read again", input_name(options.input.file));
    spdlog::debug("updated the page of {}", input_name(options.input.file));
  }
  site.stop();
  server.stop();
  listener.join();
  if (opener > 0) ::waitpid(opener, nullptr, WNOHANG);
  return static_cast<int>(ExitCode::ok);
}

}  // namespace claimgraph::cli
