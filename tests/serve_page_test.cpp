// The page of `claimgraph serve` in a real browser, in real time: headless
// Chromium, driven over WebDriver (ChromeDriver, plain HTTP and JSON), opens
// the page; the reader selects a node, zooms, pans and searches; the test
// then saves the case file, and the page must show the change by itself,
// without a reload (a mark left in the page's window survives), keeping what
// the reader had done. Then a broken save shows the errors exactly as the
// program prints them, and a good save brings the case back as it was left.
// A screenshot of the error page is left in the test binary directory.
//
// These tests skip, saying why, only where Chromium (or ChromeDriver, which
// tools/setup installs with it) is not installed.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "live_support.hpp"
#include "support.hpp"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::Background;
using test::eventually;

std::string case_text(const std::string& label) {
  return R"json({
  "claimgraph": 1,
  "title": "Deposit dispute (live)",
  "nodes": [
    {"id": "refund", "kind": "claim", "label": ")json" +
         label + R"json(", "party": "Tenant", "group": "Contract"},
    {"id": "damage", "kind": "counterclaim", "label": "The tenant damaged the floor", "party": "Landlord"},
    {"id": "lease", "kind": "evidence", "label": "Exhibit A, the signed lease", "party": "Tenant"},
    {"id": "photos", "kind": "evidence", "label": "Exhibit B, move-out photos", "party": "Tenant"}
  ],
  "edges": [
    {"from": "lease", "to": "refund", "relation": "supports"},
    {"from": "photos", "to": "refund", "relation": "supports"},
    {"from": "damage", "to": "refund", "relation": "contradicts"}
  ]
}
)json";
}

// A port nothing listens on now (the kernel's choice).
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

std::string base64_decode(std::string_view text) {
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (char c : text) {
    int d = -1;
    if (c >= 'A' && c <= 'Z') d = c - 'A';
    if (c >= 'a' && c <= 'z') d = c - 'a' + 26;
    if (c >= '0' && c <= '9') d = c - '0' + 52;
    if (c == '+') d = 62;
    if (c == '/') d = 63;
    if (d < 0) continue;
    value = (value << 6) | static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// ChromeDriver and one session of headless Chromium.
class Browser {
 public:
  explicit Browser(const fs::path& profile) {
    port_ = free_port();
    driver_ = std::make_unique<Background>(std::vector<std::string>{
        test::chromedriver_program(), "--port=" + std::to_string(port_), "--log-level=WARNING"});
    ready_ = eventually([&] { return test::http(port_, "GET", "/status", "localhost:" + std::to_string(port_)).body.find("\"ready\":true") !=
                                     std::string::npos; });
    if (!ready_) return;
    // As html_page_test runs it: headless, no sandbox (tests may run as
    // root), a profile of its own, nothing that reaches the network.
    const json args = {"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                       "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                       "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio",
                       "--window-size=1280,800", "--user-data-dir=" + profile.string()};
    const json session = call("POST", "/session",
                              {{"capabilities",
                                {{"alwaysMatch",
                                  {{"goog:chromeOptions", {{"binary", test::chromium_program()}, {"args", args}}}}}}}});
    session_ = session.value("sessionId", "");
    if (session_.empty()) error_ = session.dump();
  }
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;
  ~Browser() {
    if (!session_.empty()) call("DELETE", "/session/" + session_, nullptr);
    driver_->stop(SIGTERM);
  }

  /// Empty when the browser is ready; else why not.
  [[nodiscard]] std::string problem() const {
    if (!ready_) return "ChromeDriver did not start: " + driver_->err();
    return error_;
  }
  void open(const std::string& url) { call("POST", "/session/" + session_ + "/url", {{"url", url}}); }
  /// Runs `script` (a function body) in the page and gives back what it returns.
  json run(const std::string& script) {
    return call("POST", "/session/" + session_ + "/execute/sync", {{"script", script}, {"args", json::array()}});
  }
  /// Waits until `script` returns true in the page.
  bool until(const std::string& script) {
    return eventually([&] { return run(script) == json(true); });
  }
  /// A PNG of what the window shows.
  std::string screenshot() {
    return base64_decode(call("GET", "/session/" + session_ + "/screenshot", nullptr).get<std::string>());
  }

 private:
  // A WebDriver command: the "value" of its answer (for a session, the whole answer's value).
  json call(const std::string& method, const std::string& path, const json& body) {
    const std::string text = body.is_null() ? std::string() : body.dump();
    std::string request = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + std::to_string(port_) +
                          "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " +
                          std::to_string(text.size()) + "\r\n\r\n" + text;
    const auto reply = test::http_exchange(port_, request);
    const json answer = json::parse(reply.body, nullptr, false);
    if (answer.is_discarded() || !answer.contains("value")) return json::object({{"error", reply.body}});
    return answer["value"];
  }

  int port_ = 0;
  std::unique_ptr<Background> driver_;
  bool ready_ = false;
  std::string session_;
  std::string error_;
};

class ServePageTest : public test::ProgramTest {
 protected:
  void SetUp() override {
    ProgramTest::SetUp();
    if (IsSkipped()) return;
    if (test::chromium_program().empty()) {
      GTEST_SKIP() << "Chromium is not installed (Debian: apt-get install chromium; tools/setup installs it)";
    }
    if (test::chromedriver_program().empty()) {
      GTEST_SKIP() << "ChromeDriver is not installed (Debian: apt-get install chromium-driver; tools/setup "
                      "installs it)";
    }
  }

  test::TempDir dir_;
  fs::path file_ = dir_ / "case.json";
};

// The reader's place in the page: what the test compares before and after a save.
constexpr const char* reader_state = R"(
  var b = document.querySelector('#cg-view svg').viewBox.baseVal;
  return { marker: window.readerMark || null, hash: location.hash, x: b.x, y: b.y, w: b.width,
           title: document.getElementById('cg-panel-title').textContent,
           panel: !document.getElementById('cg-panel').hidden,
           search: document.getElementById('cg-search').value,
           matches: document.querySelectorAll('#cg-view g.cg-match').length,
           live: window.claimgraphLive.state };
)";

TEST_F(ServePageTest, ThePageFollowsEachSaveAndKeepsTheReadersPlace) {
  test::write_text(file_, case_text("The landlord must return the deposit"));
  Background server({test::program(), "serve", file_.string(), "--port", "0"});
  ASSERT_TRUE(server.wait_for_stderr("(Ctrl-C stops)\n")) << server.err();
  std::smatch m;
  const std::string err = server.err();
  ASSERT_TRUE(std::regex_search(err, m, std::regex(R"((http://127\.0\.0\.1:[0-9]+/))"))) << err;
  const std::string url = m[1];

  Browser browser(dir_ / "profile");
  ASSERT_EQ(browser.problem(), "");
  browser.open(url);
  ASSERT_TRUE(browser.until("return document.body.getAttribute('data-ready') === 'true' && "
                            "!!window.claimgraphLive && window.claimgraphLive.state === 'live';"))
      << browser.run("return document.documentElement.outerHTML;");

  // The reader opens a node, zooms in twice, moves right, and searches; the
  // mark shows whether the page was loaded again.
  browser.run(R"(
    var click = function (e) { e.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })); };
    click(document.querySelector('#cg-view g.node[data-node="refund"]'));
    click(document.getElementById('cg-zoom-in'));
    click(document.getElementById('cg-zoom-in'));
    document.getElementById('cg-view').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    var search = document.getElementById('cg-search');
    search.value = 'Exhibit';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    window.readerMark = 'never reloaded';
    return true;
  )");
  const json before = browser.run(reader_state);
  ASSERT_EQ(before["title"], "The landlord must return the deposit") << before.dump();
  ASSERT_EQ(before["hash"], "#refund");
  ASSERT_EQ(before["matches"], 2);

  auto same_place = [](const json& a, const json& b) {
    // The new drawing may be a little wider; the corner and the scale stay.
    const double w = a["w"].get<double>();
    return std::abs(a["x"].get<double>() - b["x"].get<double>()) < 0.01 * w &&
           std::abs(a["y"].get<double>() - b["y"].get<double>()) < 0.01 * w &&
           std::abs(a["w"].get<double>() - b["w"].get<double>()) < 0.01 * w;
  };

  // A save: the page shows it by itself, with the node still open, the
  // search still on, and the same part of the drawing in view.
  test::write_text(file_, case_text("The landlord must return the whole deposit"));
  ASSERT_TRUE(browser.until("return document.getElementById('cg-panel-title').textContent === "
                            "'The landlord must return the whole deposit';"))
      << browser.run(reader_state).dump();
  json after = browser.run(reader_state);
  EXPECT_EQ(after["marker"], "never reloaded") << after.dump();
  EXPECT_EQ(after["hash"], "#refund");
  EXPECT_EQ(after["panel"], true);
  EXPECT_EQ(after["search"], "Exhibit");
  EXPECT_EQ(after["matches"], 2);
  EXPECT_EQ(after["live"], "live");
  EXPECT_TRUE(same_place(before, after)) << before.dump() << "\n" << after.dump();
  EXPECT_EQ(browser.run("return document.querySelector('#cg-view svg').textContent.indexOf('whole deposit') >= 0;"),
            json(true));

  // A broken save: the page lists the errors as the program prints them.
  test::write_text(file_, R"({"claimgraph": 1, "nodes": [{"id": "refund", "kind": "clam", "label": "x"}],
 "edges": [{"from": "refund", "to": "nowhere", "relation": "supports"}]}
)");
  const auto check = test::run({test::program(), "check", file_.string()});
  ASSERT_EQ(check.status, 2) << check.err;
  const auto expected = test::lines_of(check.err);
  ASSERT_EQ(expected.size(), 2u) << check.err;
  ASSERT_TRUE(browser.until("return document.querySelectorAll('.cg-problem-list li').length > 0;"))
      << browser.run("return document.body.textContent;");
  const json shown = browser.run(
      "return Array.prototype.map.call(document.querySelectorAll('.cg-problem-list li'), "
      "function (li) { return li.textContent; });");
  EXPECT_EQ(shown, json(expected));
  EXPECT_EQ(browser.run("return document.querySelector('h1').textContent;"), "case.json cannot be read");
  EXPECT_EQ(browser.run("return window.readerMark;"), "never reloaded");
  const std::string png = browser.screenshot();
  EXPECT_TRUE(png.starts_with("\x89PNG")) << "no screenshot";
  test::write_text(test::test_binary_dir() / "serve-error-page.png", png);

  // A good save: the case is back, as the reader left it.
  test::write_text(file_, case_text("The landlord must return the deposit, less repairs"));
  ASSERT_TRUE(browser.until("var t = document.getElementById('cg-panel-title'); "
                            "return !!t && t.textContent === 'The landlord must return the deposit, less repairs';"))
      << browser.run("return document.body.textContent;");
  after = browser.run(reader_state);
  EXPECT_EQ(after["marker"], "never reloaded") << after.dump();
  EXPECT_EQ(after["hash"], "#refund");
  EXPECT_EQ(after["search"], "Exhibit");
  EXPECT_TRUE(same_place(before, after)) << before.dump() << "\n" << after.dump();

  EXPECT_EQ(server.stop(SIGINT), 0) << server.err();
  // The page says that it no longer updates.
  EXPECT_TRUE(browser.until("return window.claimgraphLive.state === 'lost';"));
}

}  // namespace
}  // namespace claimgraph
