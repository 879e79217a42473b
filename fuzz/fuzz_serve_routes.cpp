// Fuzz target: what `claimgraph serve` answers, in process. The input is
// the bytes a client sends on one connection (one request or several kept
// alive); the server's routes (tools/claimgraph/serve_routes.hpp) answer
// through cpp-httplib's own request handling, as on a socket. Whatever the
// bytes: the page goes out only to a GET or HEAD of / or /events whose one
// Host header names the server, once per such request (never in ranges,
// which would repeat it); no answer carries a CORS header; every event
// stream opened is closed again.
//
// cpp-httplib comes compiled from Debian (libcpp-httplib), so its parser is
// exercised and checked by what it hands the routes, but its own branches
// are not instrumented: the coverage libFuzzer reports is claimgraph's.

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "serve_oracle.hpp"
#include "serve_routes.hpp"

namespace {

// One connection: reads the input, keeps what the server writes.
class Connection : public httplib::Stream {
 public:
  explicit Connection(std::string_view in) : in_(in) {}
  bool is_readable() const override { return at_ < in_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, std::size_t size) override {
    const std::size_t n = std::min(size, in_.size() - at_);
    if (n > 0) std::memcpy(ptr, in_.data() + at_, n);
    at_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, std::size_t size) override {
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 50000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  [[nodiscard]] bool done() const { return at_ >= in_.size(); }
  [[nodiscard]] const std::string& written() const { return out_; }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  std::string out_;
};

// The server, with its request handling opened to the target.
class Server : public httplib::Server {
 public:
  bool answer(httplib::Stream& stream, bool& closed) { return process_request(stream, false, closed, nullptr); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> hosts = claimgraph::cli::own_hosts("127.0.0.1", 8080);
  claimgraph::cli::Site site;
  site.publish(std::string(claimgraph::fuzz::page_text));
  site.stop();  // event streams end at once: the target reads no further input
  Server server;
  claimgraph::cli::route(server, site, hosts);
  claimgraph::fuzz::ServeOracle oracle(server, hosts);
  Connection connection(std::string_view(reinterpret_cast<const char*>(data), size));
  for (int requests = 0; requests < 16 && !connection.done(); ++requests) {
    bool closed = false;
    if (!server.answer(connection, closed) || closed) break;
  }
  // The page's text goes out only in answers the oracle saw allowed.
  oracle.check_written(connection.written());
  if (site.streams() != 0) std::abort();  // an event stream's place not given back
  return 0;
}
