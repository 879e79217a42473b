#pragma once
// What `claimgraph serve` answers, apart from how it listens: the pages it
// serves (Site) and the routes that decide, for any request, whether it is
// answered. Kept apart from serve.cpp so that the fuzz target
// (fuzz/fuzz_serve_routes.cpp) drives the same routes in process.
//
// The routes answer nothing but the page (/) and its event stream
// (/events); no path reaches the file system. They refuse what a page of
// another site could send: any Host header but this server's own (DNS
// rebinding), any method but GET and HEAD, bodies, and ranges (the page is
// served whole); they send no CORS headers.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace claimgraph::cli {

/// Open pages at once (each holds an event stream, and a thread); more get 503.
inline constexpr std::size_t max_streams = 64;
/// The largest request body accepted: the server takes none.
inline constexpr std::size_t max_request_body = 1024;
/// The most a request may send before its body: request line and headers.
/// (cpp-httplib 0.11 caps each header line at 8 KB but not their number.)
inline constexpr std::size_t max_request_head = 64 * 1024;
/// Connections served at once (a thread each): every open page's event
/// stream and a few more.
inline constexpr std::size_t max_connections = max_streams + 8;
/// Connections accepted and waiting for a thread; while this many wait, no
/// more are accepted (the system's listen queue holds, then refuses, them).
inline constexpr std::size_t max_waiting = 64;

/// cpp-httplib's task queue, bounded: `threads` threads take the accepted
/// connections in turn, and while `waiting` wait, enqueue() (on the thread
/// that accepts) waits for room. (httplib::ThreadPool's queue has no bound:
/// a flood of idle connections would hold a socket each until they time out.)
class BoundedPool : public httplib::TaskQueue {
 public:
  BoundedPool(std::size_t threads, std::size_t waiting);
  BoundedPool(const BoundedPool&) = delete;
  BoundedPool& operator=(const BoundedPool&) = delete;
  ~BoundedPool() override;
  void enqueue(std::function<void()> job) override;
  void shutdown() override;

 private:
  void work();
  std::size_t waiting_;
  std::mutex mutex_;
  std::condition_variable jobs_ready_;
  std::condition_variable room_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

/// cpp-httplib's server, reading each connection through a stream of its
/// own that refuses a request whose head is over max_request_head: the
/// request is then answered 400 and the connection closed.
class Server : public httplib::Server {
 public:
  /// Serves one connection as the listening loop does each it accepts, then
  /// closes it; here without a listening server to stop it
  /// (fuzz/fuzz_serve_socket.cpp drives this over a socket pair).
  bool serve_connection(socket_t sock) { return serve(sock, false); }
  /// The most one request may send, head and body; the fuzz target makes
  /// it small, to reach the cap with small inputs.
  void set_request_cap(std::size_t cap) { request_cap_ = cap; }

 private:
  bool process_and_close_socket(socket_t sock) override { return serve(sock, true); }
  // Up to keep_alive_max_count_ requests, while the server runs when
  // `listening`.
  bool serve(socket_t sock, bool listening);
  std::size_t request_cap_ = max_request_head + max_request_body;
};

/// A connection's socket as cpp-httplib reads and writes it, with the
/// server's timeouts, buffered, and capped: at most `cap` bytes are read for
/// one request (next_request() starts the count again).
class CappedSocketStream : public httplib::Stream {
 public:
  CappedSocketStream(socket_t sock, std::chrono::seconds read_timeout, std::chrono::seconds write_timeout,
                     std::size_t cap);
  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, std::size_t size) override;
  ssize_t write(const char* ptr, std::size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }
  /// Whether bytes read from the socket wait in the buffer (a request sent
  /// after the last, without waiting for its answer).
  [[nodiscard]] bool buffered() const { return at_ < end_; }
  /// The next request: the cap counts from here.
  void next_request() { taken_ = 0; }
  /// Whether this request reached the cap (and was refused).
  [[nodiscard]] bool capped() const { return taken_ >= cap_; }

 private:
  socket_t sock_;
  std::chrono::seconds read_timeout_;
  std::chrono::seconds write_timeout_;
  std::size_t cap_;
  std::size_t taken_ = 0;
  char buffer_[4096];
  std::size_t at_ = 0;
  std::size_t end_ = 0;
};

/// The pages served, one version per change of the file, and the open event streams.
class Site {
 public:
  /// The page now.
  [[nodiscard]] std::shared_ptr<const std::string> page() const;
  /// The version the next page will have.
  [[nodiscard]] std::uint64_t next_version() const;
  /// Makes `page` the page now, and tells the event streams.
  void publish(std::string page);
  /// Ends every event stream, now and from now on.
  void stop();

  /// Takes a place for an event stream; false when all are taken.
  [[nodiscard]] bool join();
  /// Gives back the place of a stream.
  void leave();
  /// The event streams open now.
  [[nodiscard]] std::size_t streams() const;

  /// What an event stream waits for.
  struct News {
    bool stop = false;
    std::optional<std::uint64_t> version;  ///< none: nothing new in time
  };
  /// Waits up to `time` for a version other than `seen`, or the end.
  [[nodiscard]] News wait(std::uint64_t seen, std::chrono::seconds time);

 private:
  mutable std::mutex mutex_;
  std::condition_variable news_;
  std::shared_ptr<const std::string> page_ = std::make_shared<const std::string>();
  std::uint64_t version_ = 0;
  bool stopping_ = false;
  std::size_t streams_ = 0;
};

/// "[::1]" for an IPv6 address, "127.0.0.1" for 0.0.0.0, else the host as given.
[[nodiscard]] std::string url_host(const std::string& host);
/// The Host headers a server listening on `host`:`port` answers: its own
/// names, with the port (compared without regard to case).
[[nodiscard]] std::vector<std::string> own_hosts(const std::string& host, int port);

/// Sets `server`'s limits and headers and gives it its routes, serving
/// `site` to requests whose Host is one of `*hosts` (read at each request:
/// the port is known only once bound). `site` and `hosts` must outlive it.
void route(httplib::Server& server, Site& site, const std::vector<std::string>& hosts);

}  // namespace claimgraph::cli
