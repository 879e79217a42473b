// The HTML page in a real browser, headless Chromium.
//
// Chromium opens a harness page, written here beside the page under test,
// that reads the page and writes it into an iframe with document.open and
// document.write: that way the harness replaces alert, confirm and prompt in
// the iframe's window before the page's own script runs, and records every
// call. A scenario then drives the page as a reader would (clicks, typing,
// checkboxes, the mouse wheel, drags, keys) and records what it saw as JSON
// in the harness's DOM, which Chromium prints (--dump-dom) and the test
// parses. Everything is judged here, in C++, against the graph.
//
// The page is also opened directly, as a reader opens the file, at an
// address naming a node, and photographed (--screenshot).
//
// These tests skip, saying why, only where Chromium is not installed or
// cannot start; once it has started, anything missing is a failure.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "claimgraph/analysis/grounding.hpp"
#include "claimgraph/analysis/status.hpp"
#include "claimgraph/analysis/strength.hpp"
#include "claimgraph/builder.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/html_writer.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/view.hpp"
#include "io/failures_case.hpp"
#include "support.hpp"

namespace claimgraph::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Ids = std::vector<std::string>;
using IdSet = std::set<std::string>;

// A guard against a browser that hangs, not a measure of speed.
constexpr std::chrono::seconds browser_limit{100};

// What every run of the browser gets: headless, no sandbox (the tests may
// run as root, where Chromium's sandbox refuses to start), a profile of its
// own (tests run in parallel), and nothing that reaches the network.
std::vector<std::string> chromium_command(const fs::path& profile) {
  return {claimgraph::test::chromium_program(),
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-extensions",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--hide-scrollbars",
          "--mute-audio",
          "--allow-file-access-from-files",
          "--user-data-dir=" + profile.string()};
}

std::string tail(const std::string& text, std::size_t n = 1500) {
  return text.size() <= n ? text : "..." + text.substr(text.size() - n);
}

// Empty when Chromium can open a page and run its script; else why not.
const std::string& chromium_unavailable() {
  static const std::string why = [] {
    const std::string program = claimgraph::test::chromium_program();
    if (program.empty()) {
      return std::string("Chromium is not installed (Debian: apt-get install chromium; tools/setup installs it)");
    }
    const claimgraph::test::TempDir dir;
    claimgraph::test::write_text(dir / "probe.html",
                                 "<!DOCTYPE html><p id=\"p\">static</p>"
                                 "<script>document.getElementById('p').textContent = 'script ran';</script>");
    auto command = chromium_command(dir / "profile");
    command.insert(command.end(), {"--dump-dom", "file://" + (dir / "probe.html").string()});
    const auto r = claimgraph::test::run(command, std::nullopt, browser_limit);
    if (r.timed_out || r.status != 0 || r.out.find("script ran") == std::string::npos) {
      std::ostringstream s;
      s << "Chromium (" << program << ") cannot start or run a page: "
        << (r.timed_out ? "it did not finish" : "exit status " + std::to_string(r.status)) << "; " << tail(r.err, 600);
      return s.str();
    }
    return std::string();
  }();
  return why;
}

#define SKIP_WITHOUT_BROWSER()                                                                      \
  if (claimgraph::test::dot_program().empty())                                                      \
    GTEST_SKIP() << "Graphviz `dot` is not installed: the page would have no drawing to test";      \
  if (!chromium_unavailable().empty()) GTEST_SKIP() << chromium_unavailable()

// The harness: reads page.html into an iframe, with dialogs recorded, then
// runs `scenario(w, d)` and writes `results` into <pre id="results">. The
// helpers are for scenarios.
std::string harness(std::string_view scenario) {
  std::string page = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>harness</title></head>
<body style="margin:0">
<iframe id="frame" style="width:1200px;height:800px;border:0;display:block"></iframe>
<pre id="results"></pre>
<script>
'use strict';
var results = { dialogs: [] };
var w, d;  // the page's window and document
function finish() {
  // Anything the page ran that it should not have would have set this.
  results.injected = window.injected !== undefined || (w && w.injected !== undefined) ? 'yes' : 'no';
  results.done = true;
  // Only ASCII and nothing HTML escapes, so that the dump holds it verbatim.
  document.getElementById('results').textContent = JSON.stringify(results).replace(/[\u007f-\uffff<>&]/g, function (c) {
    return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
  });
}
function all(selector) { return Array.prototype.slice.call(d.querySelectorAll(selector)); }
function ids(selector) { return all(selector).map(function (e) { return e.getAttribute('data-node'); }); }
function shape(id) { return all('#cg-view g.node[data-node]').filter(function (g) { return g.getAttribute('data-node') === id; })[0]; }
function click(e) { e.dispatchEvent(new w.MouseEvent('click', { bubbles: true, cancelable: true, view: w })); }
function key(e, k) { e.dispatchEvent(new w.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })); }
function type(text) {
  var box = d.getElementById('cg-search');
  box.value = text;
  box.dispatchEvent(new w.Event('input', { bubbles: true }));
}
function status() { return d.getElementById('cg-status').textContent; }
function panel() {
  var p = { hidden: d.getElementById('cg-panel').hidden, title: d.getElementById('cg-panel-title').textContent,
            text: d.getElementById('cg-panel-text').textContent, fields: {}, lists: {} };
  all('#cg-panel-fields dd[data-field]').forEach(function (dd) { p.fields[dd.getAttribute('data-field')] = dd.textContent; });
  all('#cg-panel-links section[data-list]').forEach(function (s) {
    p.lists[s.getAttribute('data-list')] = Array.prototype.map.call(s.querySelectorAll('a[data-node]'), function (a) {
      return a.getAttribute('data-node');
    });
  });
  return p;
}
function filter(kind, value) {
  return all('input[data-filter="' + kind + '"]').filter(function (c) { return c.value === value; })[0];
}
function svg() { return d.querySelector('#cg-view svg'); }
function viewBox() { var b = svg().viewBox.baseVal; return { x: b.x, y: b.y, w: b.width, h: b.height }; }
function rect(e) { var r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; }
function toDrawing(x, y) {
  var p = svg().createSVGPoint();
  p.x = x;
  p.y = y;
  p = p.matrixTransform(svg().getScreenCTM().inverse());
  return { x: p.x, y: p.y };
}
function pointer(type, x, y) {
  d.getElementById('cg-view').dispatchEvent(new w.PointerEvent(type, {
    bubbles: true, cancelable: true, pointerId: 7, pointerType: 'mouse', isPrimary: true, button: 0,
    buttons: type === 'pointerup' ? 0 : 1, clientX: x, clientY: y }));
}
var request = new XMLHttpRequest();
request.open('GET', 'page.html');
request.overrideMimeType('text/plain; charset=utf-8');
request.onload = function () {
  try {
    var frame = document.getElementById('frame');
    w = frame.contentWindow;
    ['alert', 'confirm', 'prompt', 'print', 'open'].forEach(function (name) {
      w[name] = function (message) { results.dialogs.push(name + ': ' + message); };
    });
    d = frame.contentDocument;
    d.open();
    d.write(request.responseText);
    d.close();
  } catch (e) {
    results.error = String(e && e.stack || e);
    finish();
    return;
  }
  // The scenario starts once the page's own script has finished (it marks
  // the body) and the scenario's script below has been read, however busy
  // the machine; then what the page might do later
  // (an image that fails to load, a timer) gets a moment (virtual time) to
  // show in the results.
  var tries = 0;
  (function start() {
    const ready = d.body && d.body.getAttribute('data-ready') && typeof scenario === 'function';
    if (!ready && tries++ < 100) {
      setTimeout(start, 50);
      return;
    }
    try {
      scenario();
    } catch (e) {
      results.error = String(e && e.stack || e);
    }
    setTimeout(finish, 1000);
  })();
};
request.onerror = function () { results.error = 'cannot read page.html'; finish(); };
request.send();
</script>
<script>
function scenario() {
)";
  page += scenario;
  page += "\n}\n</script>\n</body>\n</html>\n";
  return page;
}

// A page drawn by Graphviz for what `analyses` found (marking the points of
// failure in the diagram with `critical`), as export writes it.
std::string page_with(const Graph& g, const analysis::Analyses& analyses, bool critical = false) {
  DotOptions dot;
  dot.analyses = analyses;
  dot.critical = critical;
  std::ostringstream dot_text;
  write_dot(dot_text, g, dot);
  const auto drawn = claimgraph::test::run({claimgraph::test::dot_program(), "-Tsvg"}, dot_text.str());
  if (drawn.status != 0) throw std::runtime_error("dot -Tsvg failed: " + drawn.err);
  HtmlOptions options;
  options.analyses = analyses;
  options.svg = drawn.out;
  std::ostringstream out;
  write_html(out, g, options);
  return out.str();
}

// A page drawn by Graphviz, as `claimgraph export --to html` writes it.
std::string page_of(const Graph& g, bool evaluate) {
  analysis::Analyses analyses;
  const auto report = analysis::check(g);
  analyses.grounding = &report;
  analysis::StatusReport status;
  analysis::StrengthReport strength;
  if (evaluate) {
    status = analysis::grounded_status(g);
    strength = analysis::evaluate_strength(g, {}, &status);
    analyses.status = &status;
    analyses.strength = &strength;
  }
  return page_with(g, analyses);
}

Graph load(const std::string& name) {
  const fs::path path = claimgraph::test::graphs_dir() / (name + ".json");
  ReadOptions o;
  o.file_name = path.string();
  return read_json(claimgraph::test::read_text(path), o).graph;
}

class HtmlPageTest : public ::testing::Test {
 protected:
  // Writes `page` and the harness running `scenario`, opens the harness
  // and gives back what the scenario recorded.
  json drive(const std::string& page, std::string_view scenario) {
    claimgraph::test::write_text(dir_ / "page.html", page);
    claimgraph::test::write_text(dir_ / "harness.html", harness(scenario));
    auto command = chromium_command(dir_ / "profile");
    command.insert(command.end(), {"--window-size=1280,900", "--virtual-time-budget=10000", "--dump-dom",
                                   "file://" + (dir_ / "harness.html").string()});
    const auto r = claimgraph::test::run(command, std::nullopt, browser_limit);
    EXPECT_FALSE(r.timed_out) << "Chromium did not finish; " << tail(r.err);
    EXPECT_EQ(r.status, 0) << tail(r.err);
    const std::string open = "<pre id=\"results\">";
    const auto begin = r.out.find(open);
    const auto end = r.out.find("</pre>", begin);
    if (begin == std::string::npos || end == std::string::npos || end == begin + open.size()) {
      ADD_FAILURE() << "the harness recorded nothing; Chromium printed:\n" << tail(r.out) << "\n" << tail(r.err);
      return json::object();
    }
    json results = json::parse(r.out.substr(begin + open.size(), end - begin - open.size()));
    EXPECT_FALSE(results.contains("error")) << results.value("error", "");
    EXPECT_EQ(results.value("done", false), true);
    return results;
  }

  // Opens the page itself (no harness) and gives back the DOM Chromium prints.
  std::string open_page(const std::string& page, const std::string& fragment, const std::string& screenshot = "") {
    claimgraph::test::write_text(dir_ / "page.html", page);
    auto command = chromium_command(dir_ / "profile");
    command.insert(command.end(), {"--window-size=1400,900", "--virtual-time-budget=5000"});
    if (screenshot.empty()) {
      command.push_back("--dump-dom");
    } else {
      command.push_back("--screenshot=" + screenshot);
    }
    command.push_back("file://" + (dir_ / "page.html").string() + fragment);
    const auto r = claimgraph::test::run(command, std::nullopt, browser_limit);
    EXPECT_FALSE(r.timed_out) << "Chromium did not finish; " << tail(r.err);
    EXPECT_EQ(r.status, 0) << tail(r.err);
    return r.out;
  }

  static Ids strings(const json& j) { return j.is_array() ? j.get<Ids>() : Ids{}; }
  static IdSet set_of(const json& j) {
    const Ids v = strings(j);
    return IdSet(v.begin(), v.end());
  }

  // The ids of the nodes at the other end of `relation` edges.
  static Ids related(const Graph& g, Graph::NodeRef v, Relation relation, bool incoming) {
    Ids out;
    for (const auto e : g.edges()) {
      if (g.edge(e).relation != relation) continue;
      if (incoming && g.target(e) == v) out.push_back(g.node(g.source(e)).id);
      if (!incoming && g.source(e) == v) out.push_back(g.node(g.target(e)).id);
    }
    return out;
  }

  // Node v and everything it rests on through supports and elements.
  static IdSet support_chain(const Graph& g, Graph::NodeRef v) {
    std::vector<bool> seen(g.node_count(), false);
    std::vector<Graph::NodeRef> stack{v};
    seen[v] = true;
    IdSet out;
    while (!stack.empty()) {
      const auto u = stack.back();
      stack.pop_back();
      out.insert(g.node(u).id);
      for (const auto e : g.edges()) {
        const Relation r = g.edge(e).relation;
        if (g.target(e) != u || (r != Relation::supports && r != Relation::element_of) || seen[g.source(e)]) continue;
        seen[g.source(e)] = true;
        stack.push_back(g.source(e));
      }
    }
    return out;
  }

  // The nodes whose id, label or text holds `needle`, ignoring the case of
  // ASCII letters, in node order.
  static Ids matching(const Graph& g, const std::string& needle) {
    auto has = [&](const std::string& hay) {
      std::string h = hay;
      std::transform(h.begin(), h.end(), h.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      return h.find(needle) != std::string::npos;
    };
    Ids out;
    for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
      const Node& n = g.node(v);
      if (has(n.id) || has(n.label) || (n.text && has(*n.text))) out.push_back(n.id);
    }
    return out;
  }

  static IdSet where(const Graph& g, const std::function<bool(const Node&)>& pick) {
    IdSet out;
    for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
      if (pick(g.node(v))) out.insert(g.node(v).id);
    }
    return out;
  }

  claimgraph::test::TempDir dir_;
};

// --- a reader at work ------------------------------------------------------------------

constexpr std::string_view reader_scenario = R"(
  results.ready = d.body.getAttribute('data-ready');
  results.shapes = ids('#cg-view g.node[data-node]');
  results.focusable = all('#cg-view g.node[data-node][tabindex="0"][role="button"][aria-label]').length;
  results.label = shape('contract').getAttribute('aria-label');

  // A click on a node opens the panel.
  results.panelBefore = d.getElementById('cg-panel').hidden;
  click(shape('contract').querySelector('text'));
  results.contract = panel();
  results.selected = ids('#cg-view g.node.cg-selected');

  // A link in the panel selects its node and centres it.
  d.querySelector('#cg-panel-links section[data-list="elements"] a[data-node="k2"]').click();
  results.k2 = panel();
  results.k2Shape = rect(shape('k2'));
  results.view = rect(d.getElementById('cg-view'));
  results.focus = d.activeElement.id;

  // Search.
  type('TWITTER');
  results.twitter = ids('#cg-results a[data-node]');
  results.twitterMarked = ids('#cg-view g.node.cg-match');
  results.twitterStatus = status();
  type('  \u00a7 7.2(B)(II)  ');
  results.clause = ids('#cg-results a[data-node]');
  type('no such thing at all');
  results.nothing = ids('#cg-results a[data-node]');
  results.nothingStatus = status();
  results.nothingHidden = d.getElementById('cg-results').hidden;
  type('scantest');
  key(d.getElementById('cg-search'), 'Enter');
  results.enter = panel().fields.id;
  type('');
  results.cleared = all('#cg-view g.node.cg-match').length + all('#cg-results li').length;

  // Filters: dimmed, then hidden, then back.
  filter('party', 'AWS').click();
  results.dimmed = ids('#cg-view g.node.cg-dim');
  results.dimmedEdges = all('#cg-view g.edge.cg-dim').length;
  d.querySelector('input[name="cg-filter-mode"][value="hide"]').click();
  results.hidden = ids('#cg-view g.node.cg-hide');
  results.hiddenEdges = all('#cg-view g.edge.cg-hide').length;
  results.hiddenFocusable = all('#cg-view g.node.cg-hide[tabindex="0"]').length;
  results.hiddenShapeDisplay = w.getComputedStyle(shape('aws_may_terminate')).display;
  results.filterStatus = status();
  filter('party', 'AWS').click();
  results.unfiltered = all('#cg-view .cg-dim, #cg-view .cg-hide').length;
  filter('group', 'Sherman Act \u00a7 1').click();
  results.shermanHidden = ids('#cg-view g.node.cg-hide');
  filter('group', 'Sherman Act \u00a7 1').click();
  d.querySelector('input[name="cg-filter-mode"][value="dim"]').click();

  // The support chain.
  click(shape('contract'));
  d.getElementById('cg-chain').click();
  results.chain = ids('#cg-view g.node.cg-chain');
  results.chainEdges = all('#cg-view g.edge.cg-chain').length;
  results.chainPressed = d.getElementById('cg-chain').getAttribute('aria-pressed');
  results.chainStatus = status();
  results.chainFaded = w.getComputedStyle(shape('sherman')).opacity;
  results.chainShown = w.getComputedStyle(shape('clause_72bi')).opacity;
  results.clearShown = !d.getElementById('cg-clear-chain').hidden;
  d.getElementById('cg-chain').click();
  results.chainAfter = all('#cg-view .cg-chain').length;
  results.chainPressedAfter = d.getElementById('cg-chain').getAttribute('aria-pressed');

  // Pan and zoom: buttons, the wheel, a drag, keys.
  d.getElementById('cg-fit').click();
  results.fit = viewBox();
  d.getElementById('cg-zoom-in').click();
  results.zoomIn = viewBox();
  d.getElementById('cg-zoom-out').click();
  results.zoomOut = viewBox();
  var view = d.getElementById('cg-view');
  var v = rect(view);
  var x = v.x + v.w * 0.3, y = v.y + v.h * 0.6;
  results.wheelBefore = toDrawing(x, y);
  view.dispatchEvent(new w.WheelEvent('wheel', { deltaY: -300, deltaMode: 0, clientX: x, clientY: y, bubbles: true, cancelable: true }));
  results.wheel = viewBox();
  results.wheelAfter = toDrawing(x, y);
  results.scale = svg().getScreenCTM().a;
  pointer('pointerdown', x, y);
  pointer('pointermove', x + 60, y + 20);
  pointer('pointermove', x + 120, y + 40);
  pointer('pointerup', x + 120, y + 40);
  results.drag = viewBox();
  view.focus();
  key(view, '+');
  results.keyZoom = viewBox();
  key(view, 'ArrowRight');
  results.keyRight = viewBox();
  key(view, 'ArrowUp');
  results.keyUp = viewBox();
  key(view, '0');
  results.keyFit = viewBox();

  // Keys on a node: Tab to it, Enter opens it, Escape closes and returns.
  var motion = shape('motion');
  motion.focus();
  results.motionFocused = d.activeElement === motion;
  key(motion, 'Enter');
  results.motion = panel();
  results.focusAfterEnter = d.activeElement.id;
  key(d.getElementById('cg-panel-title'), 'Escape');
  results.closed = d.getElementById('cg-panel').hidden;
  results.focusBack = d.activeElement === motion;
)";

TEST_F(HtmlPageTest, AReaderExploresTheParlerCase) {
  SKIP_WITHOUT_BROWSER();
  const Graph g = load("parler_v_aws");
  const auto report = analysis::check(g);
  const auto status = analysis::grounded_status(g);
  const auto strength = analysis::evaluate_strength(g, {}, &status);
  const json r = drive(page_of(g, true), reader_scenario);
  EXPECT_EQ(r.value("dialogs", json()), json::array());
  EXPECT_EQ(r.value("injected", json()), json("no"));
  ASSERT_EQ(r.value("ready", json()), json("true")) << "the page's script did not finish";

  // Every node is a shape of the drawing, once, and can be reached by keys.
  IdSet all_ids = where(g, [](const Node&) { return true; });
  EXPECT_EQ(set_of(r.at("shapes")), all_ids);
  EXPECT_EQ(r.at("shapes").size(), g.node_count());
  EXPECT_EQ(r.at("focusable"), g.node_count());
  EXPECT_EQ(r.at("label"), "claim contract: AWS breached the AWS Customer Agreement (OUT) (lacks evidence)");

  // The panel shows everything about the node clicked.
  const auto contract = *g.find("contract");
  const Node& c = g.node(contract);
  EXPECT_EQ(r.at("panelBefore"), true);
  const json& p = r.at("contract");
  EXPECT_EQ(p.at("hidden"), false);
  EXPECT_EQ(p.at("title"), c.label);
  EXPECT_EQ(p.at("text"), *c.text);
  const json fields = {{"id", c.id},
                       {"kind", "claim"},
                       {"party", *c.party},
                       {"group", *c.group},
                       {"source", *c.source},
                       {"tags", "cause-of-action"},
                       {"status", analysis::to_string(status.labels[contract])},
                       {"strength", "0.00"},
                       {"established", strength.established[contract] ? "yes" : "no"},
                       {"lacks_evidence", "yes: missing-elements"}};
  EXPECT_EQ(p.at("fields"), fields);
  json lists = json::object();
  auto list = [&](const char* name, Relation relation, bool incoming) {
    const Ids ids = related(g, contract, relation, incoming);
    if (!ids.empty()) lists[name] = ids;
  };
  list("supporters", Relation::supports, true);
  list("contradictors", Relation::contradicts, true);
  list("elements", Relation::element_of, true);
  list("undercutters", Relation::undercuts, true);
  list("supports", Relation::supports, false);
  list("contradicts", Relation::contradicts, false);
  list("element-of", Relation::element_of, false);
  list("undercuts", Relation::undercuts, false);
  EXPECT_EQ(p.at("lists"), lists);
  EXPECT_EQ(lists.at("elements"), (Ids{"k1", "k2", "k3", "k4"}));
  EXPECT_EQ(r.at("selected"), (Ids{"contract"}));

  // Following a link selects that node, centres it and moves the focus to the panel.
  EXPECT_EQ(r.at("k2").at("title"), g.node(*g.find("k2")).label);
  EXPECT_EQ(r.at("k2").at("fields").at("id"), "k2");
  EXPECT_EQ(r.at("k2").at("lists").at("element-of"), (Ids{"contract"}));
  const json& shape = r.at("k2Shape");
  const json& view = r.at("view");
  const double dx = shape.at("x").get<double>() + shape.at("w").get<double>() / 2 -
                    (view.at("x").get<double>() + view.at("w").get<double>() / 2);
  const double dy = shape.at("y").get<double>() + shape.at("h").get<double>() / 2 -
                    (view.at("y").get<double>() + view.at("h").get<double>() / 2);
  EXPECT_LT(std::abs(dx), 0.02 * view.at("w").get<double>()) << shape << " in " << view;
  EXPECT_LT(std::abs(dy), 0.02 * view.at("h").get<double>()) << shape << " in " << view;
  EXPECT_GT(shape.at("w").get<double>(), 0.1 * view.at("w").get<double>()) << "centred but too small to read";
  EXPECT_EQ(r.at("focus"), "cg-panel-title");

  // Search: id, label and text, whatever the case, in node order.
  const Ids twitter = matching(g, "twitter");
  ASSERT_GE(twitter.size(), 3u);
  EXPECT_EQ(r.at("twitter"), twitter);
  EXPECT_EQ(set_of(r.at("twitterMarked")), IdSet(twitter.begin(), twitter.end()));
  EXPECT_EQ(r.at("twitterStatus"), std::to_string(twitter.size()) + " nodes match.");
  const Ids clause = matching(g, "§ 7.2(b)(ii)");
  ASSERT_GE(clause.size(), 3u);
  EXPECT_EQ(r.at("clause"), clause);
  EXPECT_EQ(r.at("nothing"), Ids{});
  EXPECT_EQ(r.at("nothingStatus"), "No node matches \"no such thing at all\".");
  EXPECT_EQ(r.at("nothingHidden"), true);
  const Ids scantest = matching(g, "scantest");
  ASSERT_FALSE(scantest.empty());
  EXPECT_EQ(r.at("enter"), scantest.front());
  EXPECT_EQ(r.at("cleared"), 0);

  // Filters.
  const IdSet aws = where(g, [](const Node& n) { return n.party == "AWS"; });
  ASSERT_FALSE(aws.empty());
  std::size_t aws_edges = 0;
  for (const auto e : g.edges()) {
    if (g.node(g.source(e)).party == "AWS" || g.node(g.target(e)).party == "AWS") ++aws_edges;
  }
  EXPECT_EQ(set_of(r.at("dimmed")), aws);
  EXPECT_EQ(r.at("dimmedEdges"), aws_edges);
  EXPECT_EQ(set_of(r.at("hidden")), aws);
  EXPECT_EQ(r.at("hiddenEdges"), aws_edges);
  EXPECT_EQ(r.at("hiddenFocusable"), 0);
  EXPECT_EQ(r.at("hiddenShapeDisplay"), "none");
  EXPECT_EQ(r.at("filterStatus"), "Showing " + std::to_string(g.node_count() - aws.size()) + " of " +
                                      std::to_string(g.node_count()) + " nodes; " + std::to_string(aws.size()) +
                                      " hidden by the filters.");
  EXPECT_EQ(r.at("unfiltered"), 0);
  EXPECT_EQ(set_of(r.at("shermanHidden")), where(g, [](const Node& n) { return n.group == "Sherman Act § 1"; }));

  // The support chain of `contract`, down to the evidence.
  const IdSet chain = support_chain(g, contract);
  EXPECT_EQ(set_of(r.at("chain")), chain);
  EXPECT_TRUE(chain.count("clause_72bi")) << "the chain reaches the evidence";
  std::size_t chain_edges = 0;
  for (const auto e : g.edges()) {
    const Relation rel = g.edge(e).relation;
    if ((rel == Relation::supports || rel == Relation::element_of) && chain.count(g.node(g.target(e)).id)) ++chain_edges;
  }
  EXPECT_EQ(r.at("chainEdges"), chain_edges);
  EXPECT_EQ(r.at("chainPressed"), "true");
  EXPECT_TRUE(r.at("chainStatus").get<std::string>().starts_with("Support chain of contract: " +
                                                                  std::to_string(chain.size()) + " nodes, "))
      << r.at("chainStatus");
  EXPECT_LT(std::stod(r.at("chainFaded").get<std::string>()), 0.5);
  EXPECT_EQ(r.at("chainShown"), "1");
  EXPECT_EQ(r.at("clearShown"), true);
  EXPECT_EQ(r.at("chainAfter"), 0);
  EXPECT_EQ(r.at("chainPressedAfter"), "false");

  // Pan and zoom.
  auto box = [&](const char* name, const char* field) { return r.at(name).at(field).get<double>(); };
  EXPECT_LT(box("zoomIn", "w"), box("fit", "w"));
  EXPECT_NEAR(box("zoomIn", "w") * 1.25, box("fit", "w"), 1e-6 * box("fit", "w"));
  EXPECT_NEAR(box("zoomOut", "w"), box("fit", "w"), 1e-6 * box("fit", "w"));
  EXPECT_LT(box("wheel", "w"), box("zoomOut", "w")) << "the wheel forward zooms in";
  EXPECT_NEAR(box("wheelAfter", "x"), box("wheelBefore", "x"), 0.01 * box("wheel", "w")) << "the point under the mouse stays";
  EXPECT_NEAR(box("wheelAfter", "y"), box("wheelBefore", "y"), 0.01 * box("wheel", "w"));
  const double scale = r.at("scale").get<double>();
  EXPECT_NEAR(box("drag", "x"), box("wheel", "x") - 120 / scale, 0.01 * box("wheel", "w")) << "dragging moves the drawing";
  EXPECT_NEAR(box("drag", "y"), box("wheel", "y") - 40 / scale, 0.01 * box("wheel", "w"));
  EXPECT_NEAR(box("keyZoom", "w") * 1.25, box("drag", "w"), 1e-6 * box("drag", "w"));
  EXPECT_GT(box("keyRight", "x"), box("keyZoom", "x"));
  EXPECT_LT(box("keyUp", "y"), box("keyRight", "y"));
  EXPECT_EQ(r.at("keyFit"), r.at("fit"));

  // Keys on a node.
  EXPECT_EQ(r.at("motionFocused"), true);
  EXPECT_EQ(r.at("motion").at("fields").at("id"), "motion");
  EXPECT_EQ(r.at("focusAfterEnter"), "cg-panel-title");
  EXPECT_EQ(r.at("closed"), true);
  EXPECT_EQ(r.at("focusBack"), true);
}

// --- hostile text ------------------------------------------------------------------------

const std::vector<std::string> hostile_labels{
    "</script><script>alert(1)</script>",
    "</script><script>top.injected = (top.injected || 0) + 1</script>",
    "<img src=x onerror=\"top.injected = 1; alert(2)\">",
    "<svg onload=\"alert(3)\"></svg> \"quotes\" 'single' \\backslash\\",
    "]]> --> <!-- & &amp; &lt; <b>bold?</b>",
    "line one\nline two\ttab \x01 control",
    "RTL \u200F\u202Ereversed\u202C \u05E9\u05DC\u05D5\u05DD and \u2028 separators \u2029",
    "emoji 😀 👩‍⚖️ and ÜNÏCÖDÉ Café STRAßE ﬁnal",
};

constexpr std::string_view hostile_scenario = R"(
  results.ready = d.body.getAttribute('data-ready');
  results.title = d.title;
  results.heading = d.querySelector('h1').textContent;
  results.scripts = d.scripts.length;
  results.handlers = [];
  all('*').forEach(function (e) {
    Array.prototype.forEach.call(e.attributes, function (a) {
      if (/^on/i.test(a.name)) results.handlers.push(e.localName + ' ' + a.name);
    });
  });
  results.foreign = all('img, iframe, object, embed, foreignObject, link, base, meta[http-equiv="refresh"]').length;
  results.nodes = [];
  all('#cg-view g.node[data-node]').forEach(function (g) {
    click(g);
    var p = panel();
    results.nodes.push({ shape: g.getAttribute('data-node'), title: p.title, id: p.fields.id, text: p.text,
                         party: p.fields.party, group: p.fields.group, source: p.fields.source,
                         cites: all('#cg-panel-links section[data-list="cite"] li').map(function (li) {
                           return { text: li.querySelector('span').textContent,
                                    quote: (li.querySelector('q') || {}).textContent || null,
                                    links: Array.prototype.map.call(li.querySelectorAll('a'), function (a) { return a.getAttribute('href'); }) };
                         }) });
  });
  results.searches = {};
  ['<\/script>', 'top.injected', 'ünïcödé', 'cafe', 'strasse', 'final', '😀', '\u05e9\u05dc\u05d5\u05dd', 'line two'].forEach(function (q) {
    type(q);
    results.searches[q] = ids('#cg-results a[data-node]');
  });
  type('');
  results.parties = all('input[data-filter="party"]').map(function (c) { return c.value; });
  results.partyLabels = all('input[data-filter="party"]').map(function (c) { return c.parentNode.textContent; });
)";

TEST_F(HtmlPageTest, HostileLabelsShowAsTextAndRunNothing) {
  SKIP_WITHOUT_BROWSER();
  GraphBuilder b;
  b.title("</title><script>alert(4)</script>");
  b.evidence("e", "Exhibit").party("</script><script>alert(5)</script>");
  for (std::size_t i = 0; i < hostile_labels.size(); ++i) {
    const std::string id = i == 0 ? hostile_labels[0] : claimgraph::test::numbered("c", i);
    b.claim(id, hostile_labels[i])
        .text(hostile_labels[hostile_labels.size() - 1 - i])
        .party(i % 2 == 0 ? hostile_labels[2] : "Parler")
        .group(hostile_labels[(i + 3) % hostile_labels.size()])
        .source(hostile_labels[(i + 4) % hostile_labels.size()]);
    b.supports("e", id);
  }
  Graph g = std::move(b).build();
  // Citations with hostile text, a link a reader would follow, and one that
  // would run script (the reader refuses it; a graph built in code may not).
  for (Graph::NodeRef v = 1; v < g.node_count(); ++v) {
    const std::string& h = hostile_labels[v % hostile_labels.size()];
    Citation c;
    c.document = h;
    c.pin = h;
    c.quote = h;
    c.url = "https://example.org/" + std::to_string(v);
    Citation bad;
    bad.exhibit = h;
    bad.url = "javascript:alert(7)";
    g.node(v).cite = {c, bad};
  }
  const json r = drive(page_of(g, true), hostile_scenario);

  // Nothing ran: no dialog, no injected script, no handler, no element the page did not write.
  EXPECT_EQ(r.value("dialogs", json()), json::array());
  EXPECT_EQ(r.value("injected", json()), json("no"));
  ASSERT_EQ(r.value("ready", json()), json("true")) << "the page's script did not finish";
  EXPECT_EQ(r.at("handlers"), json::array());
  EXPECT_EQ(r.at("foreign"), 0);
  EXPECT_EQ(r.at("scripts"), 2);

  // Everything shows as the text it is.
  EXPECT_EQ(r.at("title"), *g.title);
  EXPECT_EQ(r.at("heading"), *g.title);
  ASSERT_EQ(r.at("nodes").size(), g.node_count());
  std::map<std::string, json> by_shape;  // the drawing has the nodes in cluster order
  for (const json& seen : r.at("nodes")) by_shape[seen.at("shape").get<std::string>()] = seen;
  for (Graph::NodeRef v = 0; v < g.node_count(); ++v) {
    const Node& n = g.node(v);
    SCOPED_TRACE(n.id);
    ASSERT_TRUE(by_shape.count(n.id));
    const json& seen = by_shape.at(n.id);
    EXPECT_EQ(seen.at("title"), n.label);
    EXPECT_EQ(seen.at("id"), n.id);
    EXPECT_EQ(seen.at("party"), *n.party);
    if (n.kind == NodeKind::evidence) continue;
    // The page's text holds what HTML keeps of it: carriage returns are
    // the only thing it would change, and there are none here.
    EXPECT_EQ(seen.at("text"), *n.text);
    EXPECT_EQ(seen.at("group"), *n.group);
    EXPECT_EQ(seen.at("source"), *n.source);
    // Citations show as text; only the web address is a link.
    const std::string& h = *n.cite[0].document;
    EXPECT_EQ(seen.at("cites"), json::parse(json::array(
        {{{"text", h + ", " + h}, {"quote", h}, {"links", {*n.cite[0].url}}},
         {{"text", h}, {"quote", nullptr}, {"links", json::array()}}}).dump()));
  }

  // Search finds hostile text as text, and ignores case and accents.
  const json& s = r.at("searches");
  for (const char* ascii : {"</script>", "top.injected", "line two"}) {
    EXPECT_EQ(s.at(ascii), matching(g, ascii)) << ascii;
  }
  EXPECT_EQ(s.at("</script>"), (Ids{hostile_labels[0], "c1", "c6", "c7"}));
  EXPECT_EQ(s.at("ünïcödé"), (Ids{hostile_labels[0], "c7"}));
  EXPECT_EQ(s.at("cafe"), (Ids{hostile_labels[0], "c7"}));
  EXPECT_EQ(s.at("strasse"), (Ids{hostile_labels[0], "c7"}));
  EXPECT_EQ(s.at("final"), (Ids{hostile_labels[0], "c7"}));
  EXPECT_EQ(s.at("😀"), (Ids{hostile_labels[0], "c7"}));
  EXPECT_EQ(s.at("\u05e9\u05dc\u05d5\u05dd"), (Ids{"c1", "c6"}));

  EXPECT_EQ(r.at("parties"), (Ids{"</script><script>alert(5)</script>", hostile_labels[2], "Parler"}));
  EXPECT_EQ(r.at("partyLabels")[0], " </script><script>alert(5)</script> (1)");
}

// --- undercuts --------------------------------------------------------------------------

TEST_F(HtmlPageTest, AnUndercutIsDrawnWithTheSupportItAttacks) {
  SKIP_WITHOUT_BROWSER();
  GraphBuilder b;
  b.claim("c", "Claim").party("P");
  b.evidence("e", "Exhibit").party("P");
  b.evidence("u", "Undercutter").party("Q");
  b.supports("e", "c");
  Graph g = std::move(b).build();
  g.add_undercut(*g.find("u"), 0);
  const json r = drive(page_of(g, true), R"(
    click(shape('c'));
    results.c = panel();
    d.getElementById('cg-chain').click();
    results.chainNodes = all('#cg-view g.node.cg-chain').length;
    results.chainShapes = ids('#cg-view g.node.cg-chain[data-node]');
    results.chainEdges = all('#cg-view g.edge.cg-chain').length;
    results.edges = all('#cg-view g.edge').filter(function (g) {
      return !g.querySelector('title').textContent.startsWith('legend');  // the legend's samples
    }).length;
    click(shape('u'));
    results.u = panel();
    filter('party', 'Q').click();
    results.dimmedEdges = all('#cg-view g.edge.cg-dim').length;
  )");
  EXPECT_EQ(r.value("dialogs", json()), json::array());
  ASSERT_TRUE(r.contains("c"));
  EXPECT_EQ(r.at("c").at("lists"), json::parse(R"({"supporters": ["e"], "undercutters": ["u"]})"));
  EXPECT_EQ(r.at("c").at("fields").at("status"), "OUT");
  // The chain: c, e and the point where the undercut meets the support; both halves of the support.
  EXPECT_EQ(set_of(r.at("chainShapes")), (IdSet{"c", "e"}));
  EXPECT_EQ(r.at("chainNodes"), 3);
  EXPECT_EQ(r.at("edges"), 3);
  EXPECT_EQ(r.at("chainEdges"), 2);
  EXPECT_EQ(r.at("u").at("lists"), json::parse(R"({"undercuts": ["c"]})"));
  EXPECT_EQ(r.at("dimmedEdges"), 1) << "only the undercut itself goes with its filtered source";
}

// --- points of failure and exclusion ------------------------------------------------------

TEST_F(HtmlPageTest, ThePanelSaysWhatEachClaimCannotLoseAndWhatFell) {
  SKIP_WITHOUT_BROWSER();
  const Graph g = claimgraph::test::failures_case();
  const auto results = claimgraph::test::failures_results(g, {"em"});
  const json r = drive(page_with(g, results.analyses(), true), R"(
    ['c', 'px12', 'w', 't', 'em', 'd'].forEach(function (id) {
      click(shape(id));
      results[id] = panel();
      results[id].notes = all('#cg-panel-links section p.cg-note').map(function (p) { return p.textContent; });
    });
    results.emLabel = shape('em').getAttribute('aria-label');
    click(shape('w'));
    d.querySelector('#cg-panel-links section[data-list="holds_up"] a[data-node="c"]').click();
    results.followed = panel().fields.id;
  )");
  EXPECT_EQ(r.value("dialogs", json()), json::array());
  ASSERT_TRUE(r.contains("c")) << r.dump();
  // Without em, k2 rests on w alone, and so does c through it.
  EXPECT_EQ(r.at("c").at("lists"), json::parse(R"({"cannot_lose": ["px12", "w"], "elements": ["k1", "k2"]})"));
  EXPECT_EQ(r.at("c").at("notes"),
            json::array({"Excluding any one of these alone would leave it without evidence."}));
  EXPECT_EQ(r.at("px12").at("lists"), json::parse(R"({"holds_up": ["k1", "c"], "supports": ["k1"]})"));
  EXPECT_EQ(r.at("w").at("lists"), json::parse(R"({"holds_up": ["k2", "c"], "supports": ["k2", "d"]})"));
  EXPECT_EQ(r.at("d").at("lists"), json::parse(R"({"cannot_lose": [], "supporters": ["w", "x"]})"));
  EXPECT_EQ(r.at("d").at("notes"),
            json::array({"No single piece of evidence: it stays grounded without any one of them."}));
  EXPECT_EQ(r.at("t").at("lists"), json::parse(R"({"fell_with": ["em"], "supporters": ["em"]})"));
  EXPECT_EQ(r.at("t").at("fields").at("fell"), "yes: grounded in the whole record, not without what was excluded");
  EXPECT_EQ(r.at("em").at("fields").at("excluded"),
            "yes: the court excluded it; it grounds, supports and attacks nothing");
  EXPECT_EQ(r.at("em").at("lists"), json::parse(R"({"supports": ["k2", "t"]})"));
  EXPECT_EQ(r.at("emLabel"), "evidence em: Email of 8 January (excluded by the court)");
  EXPECT_EQ(r.at("followed"), "c");
}

// A view that hides what a claim cannot lose counts it in the panel, rather
// than saying that the claim can lose any one piece of evidence.
TEST_F(HtmlPageTest, ThePanelCountsWhatAClaimCannotLoseOutOfView) {
  SKIP_WITHOUT_BROWSER();
  const Graph g = claimgraph::test::failures_case();
  // Without em, c cannot lose px12 or w (through k2); the view leaves w out.
  const auto whole = claimgraph::test::failures_results(g, {"em"});
  std::vector<bool> nodes(g.node_count(), true);
  nodes[*g.find("w")] = false;
  const View v = make_view(g, nodes, std::vector<bool>(g.edge_count(), true));
  const auto results = restrict(whole, v);
  const json r = drive(page_with(v.graph, results.analyses()), R"(
    ['c', 'k2', 'd'].forEach(function (id) {
      click(shape(id));
      var s = d.querySelector('#cg-panel-links section[data-list="cannot_lose"]');
      results[id] = { heading: s.querySelector('h3').textContent, note: s.querySelector('p.cg-note').textContent,
                      items: Array.prototype.map.call(s.querySelectorAll('li'), function (li) {
                        var a = li.querySelector('a[data-node]');
                        return a ? a.getAttribute('data-node') : li.textContent; }) };
    });
  )");
  EXPECT_EQ(r.value("dialogs", json()), json::array());
  ASSERT_TRUE(r.contains("c")) << r.dump();
  EXPECT_EQ(r.at("c").at("heading"), "Cannot lose (2)");
  EXPECT_EQ(r.at("c").at("note"), "Excluding any one of these alone would leave it without evidence.");
  EXPECT_EQ(r.at("c").at("items"), json::array({"px12", "and 1 piece of evidence not shown here"}));
  EXPECT_EQ(r.at("k2").at("heading"), "Cannot lose (1)");
  EXPECT_EQ(r.at("k2").at("items"), json::array({"1 piece of evidence not shown here"}));
  // d rests on w and x: it can lose either, shown or not.
  EXPECT_EQ(r.at("d").at("heading"), "Cannot lose (0)");
  EXPECT_EQ(r.at("d").at("note"), "No single piece of evidence: it stays grounded without any one of them.");
}

TEST_F(HtmlPageTest, ThePanelCountsTheClaimsEvidenceAloneHoldsUpOutOfView) {
  SKIP_WITHOUT_BROWSER();
  const Graph g = claimgraph::test::failures_case();
  // px12 alone holds up k1 and c, em alone holds up t; the view shows k1 only.
  const auto whole = claimgraph::test::failures_results(g);
  std::vector<bool> nodes(g.node_count(), false);
  nodes[*g.find("px12")] = nodes[*g.find("k1")] = nodes[*g.find("em")] = true;
  const View v = make_view(g, nodes, std::vector<bool>(g.edge_count(), true));
  const auto results = restrict(whole, v);
  const json r = drive(page_with(v.graph, results.analyses()), R"(
    ['px12', 'em'].forEach(function (id) {
      click(shape(id));
      var s = d.querySelector('#cg-panel-links section[data-list="holds_up"]');
      results[id] = { heading: s.querySelector('h3').textContent,
                      label: shape(id).getAttribute('aria-label'),
                      items: Array.prototype.map.call(s.querySelectorAll('li'), function (li) {
                        var a = li.querySelector('a[data-node]');
                        return a ? a.getAttribute('data-node') : li.textContent; }) };
    });
  )");
  EXPECT_EQ(r.value("dialogs", json()), json::array());
  ASSERT_TRUE(r.contains("px12")) << r.dump();
  EXPECT_EQ(r.at("px12").at("heading"), "Alone holds up (2)");
  EXPECT_EQ(r.at("px12").at("items"), json::array({"k1", "and 1 claim or counterclaim not shown here"}));
  EXPECT_NE(r.at("px12").at("label").get<std::string>().find("(alone holds up 2)"), std::string::npos) << r.dump();
  EXPECT_EQ(r.at("em").at("heading"), "Alone holds up (1)");
  EXPECT_EQ(r.at("em").at("items"), json::array({"1 claim or counterclaim not shown here"}));
}

// --- the page as a reader opens it -------------------------------------------------------

TEST_F(HtmlPageTest, OpensAtTheNodeNamedInTheAddress) {
  SKIP_WITHOUT_BROWSER();
  const Graph g = load("parler_v_aws");
  const std::string dom = open_page(page_of(g, false), "#aws_aup_breach");
  EXPECT_NE(dom.find("<body data-ready=\"true\">"), std::string::npos) << tail(dom);
  EXPECT_NE(dom.find("<aside id=\"cg-panel\" class=\"cg-panel\" aria-labelledby=\"cg-panel-title\">"), std::string::npos)
      << "the panel is open";
  EXPECT_NE(dom.find("<h2 id=\"cg-panel-title\" tabindex=\"-1\">Parler breached the Acceptable Use Policy</h2>"),
            std::string::npos);
  EXPECT_NE(dom.find("class=\"node cg-selected\" tabindex=\"0\" role=\"button\""), std::string::npos);
}

TEST_F(HtmlPageTest, Screenshot) {
  SKIP_WITHOUT_BROWSER();
  const Graph g = load("parler_v_aws");
  const fs::path png = claimgraph::test::test_binary_dir() / "parler_v_aws.html.png";
  fs::remove(png);
  (void)open_page(page_of(g, true), "#contract", png.string());
  ASSERT_TRUE(fs::exists(png)) << "no screenshot";
  const std::string bytes = claimgraph::test::read_text(png);
  ASSERT_GT(bytes.size(), 33u);
  EXPECT_EQ(bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(bytes.substr(12, 4), "IHDR");
  auto be32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  EXPECT_EQ(be32(16), 1400u);
  EXPECT_EQ(be32(20), 900u);
  // A blank or nearly blank page of this size compresses to a few kilobytes;
  // the drawing, the header and the open panel take far more.
  EXPECT_GT(bytes.size(), 60'000u) << "the screenshot is (nearly) empty: " << png;
}

}  // namespace
}  // namespace claimgraph::io
