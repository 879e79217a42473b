#pragma once
// What the tests of `claimgraph serve` and `watch` share: a program left
// running in the background, whose standard error is read as it comes, and
// a few lines of HTTP over a plain socket, so that the tests send exactly
// the bytes they mean (a path with "..", a foreign Host header) and no
// client library tidies them first. Every wait has a generous limit: a
// guard against a hung program, never a measure of speed.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "support.hpp"

namespace claimgraph::test {

/// How long any one wait may last before the test gives up.
inline constexpr std::chrono::seconds live_guard{60};

/// A program running in the background (in a process group of its own),
/// its standard output discarded and its standard error kept.
class Background {
 public:
  explicit Background(const std::vector<std::string>& argv) {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_strings = child_environment();
    std::vector<char*> env;
    for (auto& e : env_strings) env.push_back(e.data());
    env.push_back(nullptr);
    const int failed = ::posix_spawn(&pid_, args[0], &actions, &attributes, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(pipe_fds[1]);
    err_fd_ = pipe_fds[0];
    if (failed != 0) {
      pid_ = -1;
      throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(failed));
    }
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  ~Background() {
    if (pid_ > 0) {
      ::kill(-pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (err_fd_ >= 0) ::close(err_fd_);
  }

  /// Reads standard error until it holds `needle` (true), the program ends
  /// or the guard runs out (false).
  bool wait_for_stderr(std::string_view needle, std::size_t from = 0) {
    const auto until = std::chrono::steady_clock::now() + live_guard;
    while (err_.find(needle, from) == std::string::npos) {
      if (err_fd_ < 0 || std::chrono::steady_clock::now() > until) return false;
      read_some(200);
    }
    return true;
  }
  /// What it printed on standard error so far.
  const std::string& err() {
    while (read_some(0)) {
    }
    return err_;
  }
  /// Sends `signal` and waits for the end: the exit status, 128 + the
  /// signal that killed it, or -1 when it had to be killed by the guard.
  int stop(int signal = SIGINT) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, signal);
    const auto until = std::chrono::steady_clock::now() + live_guard;
    int status = 0;
    for (;;) {
      err();
      const pid_t done = ::waitpid(pid_, &status, WNOHANG);
      if (done == pid_) break;
      if (std::chrono::steady_clock::now() > until) {
        ::kill(-pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
        return -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pid_ = -1;
    while (read_some(100)) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  [[nodiscard]] pid_t pid() const noexcept { return pid_; }

 private:
  // Reads what is there, waiting up to `ms`; false at the end of the stream or when nothing came.
  bool read_some(int ms) {
    if (err_fd_ < 0) return false;
    pollfd p{err_fd_, POLLIN, 0};
    if (::poll(&p, 1, ms) <= 0) return false;
    char buffer[4096];
    const ssize_t got = ::read(err_fd_, buffer, sizeof buffer);
    if (got <= 0) {
      ::close(err_fd_);
      err_fd_ = -1;
      return false;
    }
    err_.append(buffer, static_cast<std::size_t>(got));
    return true;
  }

  pid_t pid_ = -1;
  int err_fd_ = -1;
  std::string err_;
};

/// A connection to 127.0.0.1:`port`, or -1.
inline int connect_local(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  timeval timeout{live_guard.count(), 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline bool send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t sent = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

/// An HTTP answer: the status, the head (status line and headers) and the body.
struct HttpReply {
  int status = 0;
  std::string head;
  std::string body;

  /// The value of header `name` (any letter case), or "".
  [[nodiscard]] std::string header(std::string_view name) const {
    std::size_t at = head.find("\r\n");
    while (at != std::string::npos && at + 2 < head.size()) {
      const std::size_t end = head.find("\r\n", at + 2);
      const std::string line = head.substr(at + 2, end == std::string::npos ? std::string::npos : end - at - 2);
      const std::size_t colon = line.find(':');
      if (colon == name.size() && std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
          })) {
        std::size_t v = colon + 1;
        while (v < line.size() && line[v] == ' ') ++v;
        return line.substr(v);
      }
      at = end;
    }
    return {};
  }
};

/// Sends `request` as it is and reads the answer: its head, then the body
/// by Content-Length (or to the end of the connection). status 0: no answer.
inline HttpReply http_exchange(int port, std::string_view request) {
  HttpReply reply;
  const int fd = connect_local(port);
  if (fd < 0) return reply;
  std::string text;
  if (send_all(fd, request)) {
    char buffer[65536];
    std::size_t body_at = std::string::npos;
    std::size_t length = std::string::npos;
    for (;;) {
      if (body_at != std::string::npos && length != std::string::npos && text.size() >= body_at + length) break;
      const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      text.append(buffer, static_cast<std::size_t>(got));
      if (body_at == std::string::npos && (body_at = text.find("\r\n\r\n")) != std::string::npos) {
        body_at += 4;
        reply.head = text.substr(0, body_at - 4);
        const std::string n = reply.header("Content-Length");
        if (!n.empty()) length = std::stoul(n);
        if (request.starts_with("HEAD ")) length = 0;
      }
    }
    if (body_at != std::string::npos) {
      reply.body = text.substr(body_at, length == std::string::npos ? std::string::npos : length);
      reply.status = std::atoi(reply.head.c_str() + reply.head.find(' ') + 1);
    }
  }
  ::close(fd);
  return reply;
}

/// `method path` with the Host header `host` (default: 127.0.0.1:port).
inline HttpReply http(int port, std::string_view method, std::string_view path, std::string host = {},
                      std::string_view extra = {}) {
  if (host.empty()) host = "127.0.0.1:" + std::to_string(port);
  std::string request(method);
  request += ' ';
  request += path;
  request += " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
  request += extra;
  request += "\r\n";
  return http_exchange(port, request);
}

/// An open event stream (GET /events), read as it comes.
class EventStream {
 public:
  explicit EventStream(int port) : fd_(connect_local(port)) {
    if (fd_ >= 0) {
      send_all(fd_, "GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nAccept: text/event-stream\r\n\r\n");
    }
  }
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;
  ~EventStream() {
    if (fd_ >= 0) ::close(fd_);
  }
  /// Reads until what came holds `needle` (true), or the stream ends or the guard runs out.
  bool wait_for(std::string_view needle) {
    const auto until = std::chrono::steady_clock::now() + live_guard;
    while (text_.find(needle) == std::string::npos) {
      if (fd_ < 0 || std::chrono::steady_clock::now() > until) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 200) <= 0) continue;
      char buffer[4096];
      const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got <= 0) {
        ::close(fd_);
        fd_ = -1;
        return text_.find(needle) != std::string::npos;
      }
      text_.append(buffer, static_cast<std::size_t>(got));
    }
    return true;
  }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

 private:
  int fd_ = -1;
  std::string text_;
};

/// The text of HTML as a reader sees it: the tags left out and the
/// characters the writers escape put back.
inline std::string text_of(std::string_view html) {
  std::string out;
  bool tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (tag) {
      tag = c != '>';
    } else if (c == '<') {
      tag = true;
    } else if (c == '&') {
      const std::size_t end = html.find(';', i);
      const std::string_view entity = html.substr(i, end - i + 1);
      out += entity == "&quot;" ? "\"" : entity == "&amp;" ? "&" : entity == "&lt;" ? "<" : entity == "&gt;" ? ">"
             : entity == "&#39;" ? "'" : std::string(entity);
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

/// Waits until `done()` holds (true) or the guard runs out (false), looking every `step`.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds step = std::chrono::milliseconds(100)) {
  const auto until = std::chrono::steady_clock::now() + live_guard;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(step);
  }
  return true;
}

}  // namespace claimgraph::test
