// The routes and pages of `claimgraph serve`: see serve_routes.hpp.

#include "serve_routes.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <utility>

namespace claimgraph::cli {

namespace {

// A comment on each idle event stream this often, so that a closed page is
// noticed and its place freed.
constexpr std::chrono::seconds heartbeat{10};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

constexpr const char* plain = "text/plain; charset=utf-8";

// Whether `sock` is ready for `events` within `timeout`.
bool ready(socket_t sock, short events, std::chrono::seconds timeout) {
  pollfd p{sock, events, 0};
  int n = 0;
  do {
    n = ::poll(&p, 1, static_cast<int>(timeout.count() * 1000));
  } while (n < 0 && errno == EINTR);
  return n > 0;
}

// The address and port of a socket name.
void address_of(const sockaddr_storage& name, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (name.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(name);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (name.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(name);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

}  // namespace

CappedSocketStream::CappedSocketStream(socket_t sock, std::chrono::seconds read_timeout,
                                       std::chrono::seconds write_timeout, std::size_t cap)
    : sock_(sock), read_timeout_(read_timeout), write_timeout_(write_timeout), cap_(cap) {}

bool CappedSocketStream::is_readable() const { return buffered() || ready(sock_, POLLIN, read_timeout_); }

bool CappedSocketStream::is_writable() const {
  if (!ready(sock_, POLLOUT, write_timeout_)) return false;
  // A page closed by the reader reads as the end of the stream, or an
  // error (the reset that answered the last write); nothing to read yet is
  // an open one.
  char byte = 0;
  const ssize_t got = ::recv(sock_, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return got > 0 || (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
}

ssize_t CappedSocketStream::read(char* ptr, std::size_t size) {
  if (taken_ >= cap_) return -1;  // the request's head is too large: it is refused
  if (!buffered()) {
    if (!ready(sock_, POLLIN, read_timeout_)) return -1;
    ssize_t got = 0;
    do {
      got = ::recv(sock_, buffer_, sizeof buffer_, 0);
    } while (got < 0 && errno == EINTR);
    if (got <= 0) return got;
    at_ = 0;
    end_ = static_cast<std::size_t>(got);
  }
  const std::size_t n = std::min({size, end_ - at_, cap_ - taken_});
  std::memcpy(ptr, buffer_ + at_, n);
  at_ += n;
  taken_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t CappedSocketStream::write(const char* ptr, std::size_t size) {
  if (!is_writable()) return -1;  // a closed page's stream ends at its next event
  ssize_t sent = 0;
  do {
    sent = ::send(sock_, ptr, size, MSG_NOSIGNAL);
  } while (sent < 0 && errno == EINTR);
  return sent;
}

void CappedSocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage name{};
  socklen_t length = sizeof name;
  if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&name), &length) == 0) address_of(name, ip, port);
}

void CappedSocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage name{};
  socklen_t length = sizeof name;
  if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&name), &length) == 0) address_of(name, ip, port);
}

bool Server::serve(socket_t sock, bool listening) {
  // As cpp-httplib does it (up to keep_alive_max_count_ requests, each
  // within the keep-alive timeout of the last), through the capped stream.
  CappedSocketStream stream(sock, std::chrono::seconds(read_timeout_sec_), std::chrono::seconds(write_timeout_sec_),
                            request_cap_);
  bool ok = false;
  for (std::size_t count = keep_alive_max_count_; count > 0 && (!listening || is_running()); --count) {
    if (!stream.buffered() && !ready(sock, POLLIN, std::chrono::seconds(keep_alive_timeout_sec_))) break;
    bool closed = false;
    ok = process_request(stream, count == 1, closed, nullptr);
    // What follows a refused head is the rest of it, not a request.
    if (!ok || closed || stream.capped()) break;
    stream.next_request();
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

BoundedPool::BoundedPool(std::size_t threads, std::size_t waiting) : waiting_(waiting) {
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

BoundedPool::~BoundedPool() { shutdown(); }

void BoundedPool::enqueue(std::function<void()> job) {
  {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopping_ || jobs_.size() < waiting_; });
    jobs_.push_back(std::move(job));  // (httplib stops accepting before it shuts the queue down)
  }
  jobs_ready_.notify_one();
}

void BoundedPool::shutdown() {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  jobs_ready_.notify_all();
  room_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void BoundedPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      jobs_ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and nothing left to do
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    room_.notify_one();
    job();
  }
}

std::shared_ptr<const std::string> Site::page() const {
  const std::lock_guard lock(mutex_);
  return page_;
}

std::uint64_t Site::next_version() const {
  const std::lock_guard lock(mutex_);
  return version_ + 1;
}

void Site::publish(std::string page) {
  auto next = std::make_shared<const std::string>(std::move(page));
  {
    const std::lock_guard lock(mutex_);
    page_.swap(next);
    ++version_;
  }
  news_.notify_all();
  // `next` (the old page) is freed here, outside the lock, unless a request still holds it.
}

void Site::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  news_.notify_all();
}

bool Site::join() {
  const std::lock_guard lock(mutex_);
  if (streams_ >= max_streams) return false;
  ++streams_;
  return true;
}

void Site::leave() {
  const std::lock_guard lock(mutex_);
  --streams_;
}

std::size_t Site::streams() const {
  const std::lock_guard lock(mutex_);
  return streams_;
}

Site::News Site::wait(std::uint64_t seen, std::chrono::seconds time) {
  std::unique_lock lock(mutex_);
  news_.wait_for(lock, time, [&] { return stopping_ || version_ != seen; });
  if (stopping_) return {true, std::nullopt};
  if (version_ != seen) return {false, version_};
  return {};
}

std::string url_host(const std::string& host) {
  if (host == "0.0.0.0") return "127.0.0.1";  // every address: the reader's own is one of them
  if (host == "::") return "[::1]";
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

std::vector<std::string> own_hosts(const std::string& host, int port) {
  // Appended, not "a" + b: GCC 12 gives a false -Wrestrict on that.
  std::vector<std::string> names{"127.0.0.1", "localhost", "[::1]", lower(url_host(host))};
  if (host.find(':') == std::string::npos) names.push_back(lower(host));
  for (auto& name : names) {
    name += ':';
    name += std::to_string(port);
  }
  return names;
}

void route(httplib::Server& server, Site& site, const std::vector<std::string>& hosts) {
  server.new_task_queue = [] { return new BoundedPool(max_connections, max_waiting); };
  server.set_payload_max_length(max_request_body);
  server.set_read_timeout(5, 0);     // a connection that sends nothing lets go of its thread
  server.set_keep_alive_timeout(1);  // idle connections close soon, and so does the server
  server.set_default_headers({{"Cache-Control", "no-store"},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Content-Security-Policy", "frame-ancestors 'none'"}});
  server.set_pre_routing_handler([&hosts](const httplib::Request& req, httplib::Response& res) {
    using Handled = httplib::Server::HandlerResponse;
    // The page is served whole. cpp-httplib would answer "Range: bytes=0-,0-,..."
    // with the body once per range, a response thousands of times the
    // page's size; the answer here has no body to repeat.
    if (req.has_header("Range")) {
      res.status = 416;
      return Handled::Handled;
    }
    const std::string host = lower(req.get_header_value("Host"));
    // One Host header, and it names this server: a page of another site
    // that rebinds its name to 127.0.0.1 still sends its own name.
    if (req.get_header_value_count("Host") != 1 || std::find(hosts.begin(), hosts.end(), host) == hosts.end()) {
      res.status = 403;
      res.set_content("claimgraph serve answers only requests addressed to it (Host: " +
                          (hosts.empty() ? std::string("127.0.0.1") : hosts.front()) + ")\n",
                      plain);
      return Handled::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content("claimgraph serve only shows the page: GET and HEAD\n", plain);
      return Handled::Handled;
    }
    if (!req.body.empty() || (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0")) {
      res.status = 400;
      res.set_content("claimgraph serve takes no request body\n", plain);
      return Handled::Handled;
    }
    if (req.path != "/" && req.path != "/events") {
      res.status = 404;
      res.set_content("Not found: claimgraph serve has the page (/) and nothing else\n", plain);
      return Handled::Handled;
    }
    if (req.method == "HEAD" && req.path == "/events") {
      res.set_header("Content-Type", "text/event-stream");
      return Handled::Handled;
    }
    return Handled::Unhandled;
  });
  server.Get("/", [&site](const httplib::Request&, httplib::Response& res) {
    const auto page = site.page();
    res.set_content(*page, "text/html; charset=utf-8");
  });
  server.Get("/events", [&site](const httplib::Request&, httplib::Response& res) {
    if (!site.join()) {
      res.status = 503;
      res.set_content("Too many pages are open on this claimgraph serve; close one\n", plain);
      return;
    }
    res.set_chunked_content_provider(
        "text/event-stream",
        [&site, seen = std::uint64_t{0}](std::size_t, httplib::DataSink& sink) mutable {
          const Site::News news = site.wait(seen, heartbeat);
          if (news.stop) {
            sink.done();
            return true;
          }
          std::string message = ": the file has not changed\n\n";
          if (news.version) {
            seen = *news.version;
            message = "retry: 1000\ndata: {\"version\":" + std::to_string(seen) + "}\n\n";
          }
          return sink.write(message.data(), message.size());
        },
        [&site](bool) { site.leave(); });
  });
}

}  // namespace claimgraph::cli
