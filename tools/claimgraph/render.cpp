#include "render.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

#include "common.hpp"

extern char** environ;

namespace claimgraph::cli {

namespace {

std::string system_error(const char* what) {
  std::string text(what);
  text += ": ";
  text += std::strerror(errno);
  return text;
}

// Closes a descriptor once.
void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Ignores SIGPIPE while it lives, so that a `dot` that dies before reading
// all its input shows as a failed write, not as the end of this program.
class IgnoreSigpipe {
 public:
  IgnoreSigpipe() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &previous_);
  }
  ~IgnoreSigpipe() { ::sigaction(SIGPIPE, &previous_, nullptr); }
  IgnoreSigpipe(const IgnoreSigpipe&) = delete;
  IgnoreSigpipe& operator=(const IgnoreSigpipe&) = delete;

 private:
  struct sigaction previous_ {};
};

}  // namespace

std::string render_svg(std::string_view dot) {
  constexpr const char* missing =
      "claimgraph: error: --to html draws the diagram with Graphviz, and its `dot` program is not on the PATH; "
      "install Graphviz (Debian: apt-get install graphviz)";
  int in[2] = {-1, -1};
  int out[2] = {-1, -1};
  int err[2] = {-1, -1};
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
    throw OutputError(system_error("claimgraph: error: cannot run Graphviz dot: pipe"));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  std::array<char*, 3> argv{const_cast<char*>("dot"), const_cast<char*>("-Tsvg"), nullptr};
  pid_t pid = -1;
  const int spawned = ::posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close_fd(in[0]);
  close_fd(out[1]);
  close_fd(err[1]);
  if (spawned != 0) {
    close_fd(in[1]);
    close_fd(out[0]);
    close_fd(err[0]);
    if (spawned == ENOENT) throw OutputError(missing);
    errno = spawned;
    throw OutputError(system_error("claimgraph: error: cannot run Graphviz dot"));
  }

  // Feed the DOT and read the drawing and the messages at the same time, so
  // that neither side waits on a full pipe.
  const IgnoreSigpipe ignore_sigpipe;
  std::string svg;
  std::string messages;
  std::size_t written = 0;
  bool write_failed = false;
  if (dot.empty()) close_fd(in[1]);
  ::fcntl(in[1], F_SETFL, O_NONBLOCK);
  std::vector<char> buffer(1 << 16);
  while (in[1] >= 0 || out[0] >= 0 || err[0] >= 0) {
    std::array<pollfd, 3> fds{pollfd{in[1], POLLOUT, 0}, pollfd{out[0], POLLIN, 0}, pollfd{err[0], POLLIN, 0}};
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (in[1] >= 0 && fds[0].revents != 0) {
      const ssize_t n = ::write(in[1], dot.data() + written, dot.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 && errno != EAGAIN && errno != EINTR) write_failed = true;
      if (written == dot.size() || write_failed) close_fd(in[1]);
    }
    for (std::size_t k = 1; k < 3; ++k) {
      int& fd = k == 1 ? out[0] : err[0];
      if (fd < 0 || fds[k].revents == 0) continue;
      const ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n > 0) {
        (k == 1 ? svg : messages).append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close_fd(fd);
      }
    }
  }
  close_fd(in[1]);
  close_fd(out[0]);
  close_fd(err[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  while (!messages.empty() && messages.back() == '\n') messages.pop_back();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || write_failed) {
    std::string what = "claimgraph: error: Graphviz dot could not draw the diagram";
    if (WIFSIGNALED(status)) {
      what += " (killed by signal ";
      what += std::to_string(WTERMSIG(status));
      what += ')';
    }
    if (!messages.empty()) {
      what += ": ";
      what += messages;
    }
    throw OutputError(what);
  }
  if (!messages.empty()) spdlog::warn("dot: {}", messages);
  return svg;
}

}  // namespace claimgraph::cli
