#include "support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace claimgraph::test {

namespace fs = std::filesystem;

fs::path source_dir() { return fs::path(CLAIMGRAPH_SOURCE_DIR); }
fs::path graphs_dir() { return source_dir() / "graphs"; }
fs::path golden_dir() { return source_dir() / "tests" / "golden"; }
fs::path test_binary_dir() { return fs::path(CLAIMGRAPH_TEST_BINARY_DIR); }
std::string program() {
  // CLAIMGRAPH_TEST_PROGRAM runs the tests against another build of the
  // program: an installed one (tools/package-test).
  if (const char* other = std::getenv("CLAIMGRAPH_TEST_PROGRAM"); other != nullptr && *other != '\0') return other;
  return CLAIMGRAPH_BINARY;
}
std::string dot_program() { return CLAIMGRAPH_DOT_PROGRAM; }
std::string xmllint_program() { return CLAIMGRAPH_XMLLINT_PROGRAM; }
std::string node_program() { return CLAIMGRAPH_NODE_PROGRAM; }
std::string chromium_program() { return CLAIMGRAPH_CHROMIUM_PROGRAM; }
std::string chromedriver_program() { return CLAIMGRAPH_CHROMEDRIVER_PROGRAM; }
std::string pandoc_program() { return CLAIMGRAPH_PANDOC_PROGRAM; }
std::string unzip_program() { return CLAIMGRAPH_UNZIP_PROGRAM; }

std::vector<fs::path> example_graphs() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(graphs_dir())) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string golden_mismatch(const std::string& name, std::string_view actual) {
  const fs::path golden = golden_dir() / name;
  std::string expected;
  try {
    expected = read_text(golden);
  } catch (const std::exception& e) {
    return e.what();
  }
  if (expected == actual) return {};
  const fs::path dir = test_binary_dir() / "golden-actual";
  fs::create_directories(dir);
  write_text(dir / name, actual);
  return "output differs from " + golden.string() + "; the actual output is in " + (dir / name).string() +
         " (diff -u " + golden.string() + " " + (dir / name).string() + ")";
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "claimgraph-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp: " + std::string(std::strerror(errno)));
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::vector<std::string> child_environment(const std::vector<std::string>& environment) {
  std::vector<std::string> result;
  std::string lsan;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const bool replaced = std::any_of(environment.begin(), environment.end(), [&](const std::string& v) {
      return entry.substr(0, entry.find('=') + 1) == std::string_view(v).substr(0, v.find('=') + 1);
    });
    if (replaced) continue;
    if (entry.starts_with("LSAN_OPTIONS=")) {
      lsan = entry;
    } else {
      result.emplace_back(entry);
    }
  }
  // Under LeakSanitizer, the program draws with Graphviz, whose allocations
  // only the slow unwinder traces back to the functions that
  // graphviz-leaks.supp names; the test process itself keeps the fast one.
  if (!lsan.empty()) result.push_back(lsan + ":fast_unwind_on_malloc=0");
  result.insert(result.end(), environment.begin(), environment.end());
  return result;
}

RunResult run(const std::vector<std::string>& argv, const std::optional<std::string>& input, std::chrono::seconds limit,
              const std::vector<std::string>& environment) {
  if (argv.empty() || argv.front().empty()) throw std::invalid_argument("run: no program");
  // Standard input comes from a file; standard output and error are pipes,
  // as in a shell pipeline, read until the program closes them.
  const TempDir io;
  const fs::path in_path = io / "stdin";
  if (input) write_text(in_path, *input);
  const std::string in_name = input ? in_path.string() : std::string("/dev/null");

  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // Built here, since the child may only call what is safe after fork.
  std::vector<std::string> env_strings = child_environment(environment);
  std::vector<char*> env;
  for (auto& e : env_strings) env.push_back(e.data());
  env.push_back(nullptr);

  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  }
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork: " + std::string(std::strerror(errno)));
  if (pid == 0) {
    if (limit.count() > 0) ::setpgid(0, 0);
    const int in = ::open(in_name.c_str(), O_RDONLY);
    if (in < 0 || ::dup2(in, 0) < 0 || ::dup2(out_pipe[1], 1) < 0 || ::dup2(err_pipe[1], 2) < 0) ::_exit(126);
    ::execve(args[0], args.data(), env.data());
    ::_exit(127);
  }
  if (limit.count() > 0) ::setpgid(pid, pid);  // as the child does: whichever runs first
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  RunResult result;
  std::array<pollfd, 2> fds{pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0}};
  std::array<std::string*, 2> sinks{&result.out, &result.err};
  std::array<char, 65536> buffer{};
  std::size_t open = 2;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (open > 0) {
    int wait_ms = -1;
    if (limit.count() > 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        ::kill(-pid, SIGKILL);
        result.timed_out = true;
        for (auto& fd : fds) {
          if (fd.fd >= 0) ::close(fd.fd);
        }
        break;
      }
      wait_ms = static_cast<int>(std::min<std::chrono::milliseconds::rep>(left.count(), 1000));
    }
    if (::poll(fds.data(), fds.size(), wait_ms) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("poll: " + std::string(std::strerror(errno)));
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t got = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (got > 0) {
        sinks[i]->append(buffer.data(), static_cast<std::size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open;
      }
    }
  }
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid: " + std::string(std::strerror(errno)));
  }
  result.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  return result;
}

std::string numbered(std::string_view prefix, std::size_t n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.emplace_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

}  // namespace claimgraph::test
