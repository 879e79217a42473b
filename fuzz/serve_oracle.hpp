#pragma once
// What the preview server's fuzz targets (serve_routes, serve_socket) hold
// it to, whatever the bytes a client sends: no answer carries a CORS
// header or a range of the page; an answer in the 2xx range goes only to a
// GET or HEAD of / or /events whose one Host header names the server; the
// page's text goes out no more often than such GETs of / were answered.

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::fuzz {

inline constexpr std::string_view page_text = "<!doctype html><title>the case page 7f3a</title>";

inline std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Checks every answer `server` gives; counts the pages it answered with.
class ServeOracle {
 public:
  ServeOracle(httplib::Server& server, const std::vector<std::string>& hosts) {
    server.set_logger([this, &hosts](const httplib::Request& req, const httplib::Response& res) {
      for (const auto& [name, value] : res.headers) {
        if (lower(name).starts_with("access-control-")) std::abort();  // a CORS header
      }
      if (res.status == 206) std::abort();  // the page is served whole, never in ranges
      if (res.status < 200 || res.status > 299) return;
      if (req.get_header_value_count("Host") != 1) std::abort();
      const std::string host = lower(req.get_header_value("Host"));
      if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) std::abort();  // another site's name
      if (req.method != "GET" && req.method != "HEAD") std::abort();
      if (req.path != "/" && req.path != "/events") std::abort();
      if (req.path == "/" && req.method == "GET") ++pages_;
    });
  }
  // The logger holds this object's address.
  ServeOracle(const ServeOracle&) = delete;
  ServeOracle& operator=(const ServeOracle&) = delete;

  /// Aborts when `written`, all the server sent, shows the page more often
  /// than it was allowed to.
  void check_written(const std::string& written) const {
    std::size_t shown = 0;
    for (auto at = written.find(page_text); at != std::string::npos; at = written.find(page_text, at + 1)) ++shown;
    if (shown > pages_) std::abort();
  }

 private:
  std::size_t pages_ = 0;
};

}  // namespace claimgraph::fuzz
