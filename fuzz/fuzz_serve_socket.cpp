// Fuzz target: a connection to `claimgraph serve` as the server reads it
// from its socket. The input is what a client sends on one connection; the
// server serves it over one end of a socket pair, through the stream the
// real server reads with (CappedSocketStream: buffered, the request capped)
// and its keep-alive loop, while a thread (one for the whole run) reads
// what it answers from the other end. The first byte sets the cap on a
// request (from 64 bytes up), so that small inputs reach it; the rest is
// the client's bytes, written before the server starts, the client's end
// left open as a browser's is. Whatever the bytes, the routes' oracle
// (serve_oracle.hpp) holds, the server closes the connection, and every
// event stream is given back.
//
// serve_routes drives the same routes through an in-memory stream, faster;
// this target is for the socket stream, the cap and the loop around them.

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "serve_oracle.hpp"
#include "serve_routes.hpp"

namespace {

// What fits in a socket pair's buffer at once, so that the client's bytes
// are all there before the server reads (the reads never wait).
constexpr std::size_t max_input = 96 * 1024;

// Reads, on a thread of its own, all that the server answers on one
// connection, until the server closes its end. One thread reads for the
// whole run: a thread made and joined for every input took most of the
// target's time (AddressSanitizer maps and unmaps each thread's own
// structures, and every unmapping makes the other cores flush their TLBs).
class AnswerReader {
 public:
  AnswerReader() : thread_([this] { run(); }) {}
  AnswerReader(const AnswerReader&) = delete;
  AnswerReader& operator=(const AnswerReader&) = delete;
  ~AnswerReader() = delete;  // the thread reads until the process ends

  /// Starts reading the client's end `fd`.
  void start(int fd) {
    const std::lock_guard lock(mutex_);
    fd_ = fd;
    written_.clear();
    changed_.notify_all();
  }

  /// Waits until the server has closed its end: all it sent.
  std::string finish() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return fd_ == -1; });
    return std::move(written_);
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [this] { return fd_ != -1; });
      const int fd = fd_;
      lock.unlock();
      std::string got;
      char buffer[8192];
      for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
          got.append(buffer, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
          break;
        }
      }
      lock.lock();
      written_ = std::move(got);
      fd_ = -1;
      changed_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  int fd_ = -1;  // the connection being read, or -1 between connections
  std::string written_;
  std::thread thread_;  // last, so that it starts once the rest is made
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::vector<std::string> hosts = claimgraph::cli::own_hosts("127.0.0.1", 8080);
  const std::size_t cap = 64 + std::size_t{data[0]} * 64;
  const std::string_view in(reinterpret_cast<const char*>(data + 1), std::min(size - 1, max_input));

  int ends[2] = {-1, -1};
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) std::abort();
  const int client = ends[0], server_end = ends[1];
  const int room = 1 << 20;  // what the kernel allows of it; the writes below never wait
  ::setsockopt(client, SOL_SOCKET, SO_SNDBUF, &room, sizeof room);
  ::setsockopt(server_end, SOL_SOCKET, SO_RCVBUF, &room, sizeof room);
  std::size_t sent = 0;
  while (sent < in.size()) {
    const ssize_t n = ::send(client, in.data() + sent, in.size() - sent, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n <= 0) break;  // the buffer is full: the rest is not sent
    sent += static_cast<std::size_t>(n);
  }

  // The client reads every answer, until the server closes its end.
  static AnswerReader& reader = *new AnswerReader;
  reader.start(client);

  claimgraph::cli::Site site;
  site.publish(std::string(claimgraph::fuzz::page_text));
  site.stop();  // event streams end at once
  claimgraph::cli::Server server;
  claimgraph::cli::route(server, site, hosts);
  claimgraph::fuzz::ServeOracle oracle(server, hosts);
  // No waiting for bytes that will not come: they are all in the socket.
  server.set_read_timeout(0, 0);
  server.set_keep_alive_timeout(0);
  server.set_keep_alive_max_count(16);
  server.set_request_cap(cap);
  (void)server.serve_connection(server_end);  // closes server_end
  const std::string written = reader.finish();
  ::close(client);

  oracle.check_written(written);
  if (site.streams() != 0) std::abort();  // an event stream's place not given back
  return 0;
}
