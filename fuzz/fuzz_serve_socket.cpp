// Fuzz target: a connection to `claimgraph serve` as the server reads it
// from its socket. The input is what a client sends on one connection; the
// server serves it over one end of a socket pair, through the stream the
// real server reads with (CappedSocketStream: buffered, the request capped)
// and its keep-alive loop, while a thread reads what it answers from the
// other end. The first byte sets the cap on a request (from 64 bytes up),
// so that small inputs reach it; the rest is the client's bytes, written
// before the server starts, the client's end left open as a browser's is.
// Whatever the bytes, the routes' oracle (serve_oracle.hpp) holds, the
// server closes the connection, and every event stream is given back.
//
// serve_routes drives the same routes through an in-memory stream, faster;
// this target is for the socket stream, the cap and the loop around them.

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
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
  std::string written;
  std::thread reader([&] {
    char buffer[8192];
    for (;;) {
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n > 0) {
        written.append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        break;
      }
    }
  });

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
  reader.join();
  ::close(client);

  oracle.check_written(written);
  if (site.streams() != 0) std::abort();  // an event stream's place not given back
  return 0;
}
