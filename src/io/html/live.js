// What a page served by `claimgraph serve` adds to page.js (io::HtmlLive).
// It follows the server's events (/events) and, when the case file has
// changed, fetches the page again and writes it over this one, then puts back
// what the reader had made of it: the node selected (the address names it,
// and page.js opens it), the search, the filters, the support chain and the
// zoom and pan. page.js keeps its state to itself, so the zoom and pan are
// put back as a reader would set them, with the mouse wheel at computed
// points. While the file cannot be read the server's page lists the
// problems; what the reader had is kept here (the window outlives each
// document written into it) for when the case comes back. This script runs
// before page.js, so each copy of it sees the drawing's own bounds. (No
// characters that would end its script element; the build checks.)
(function () {
  'use strict';

  function byId(id) { return document.getElementById(id); }
  function svg() { return document.querySelector('#cg-view svg'); }
  function boxOf(s) {
    var b = s.viewBox.baseVal;
    return b && b.width > 0 && b.height > 0 ? { x: b.x, y: b.y, w: b.width, h: b.height } : null;
  }
  var drawn = svg();
  var full = drawn ? boxOf(drawn) : null;

  // The page written again runs this script again: the first copy stays in
  // charge, and learns from this one the bounds of the new drawing.
  if (window.claimgraphLive) {
    window.claimgraphLive.full = full;
    return;
  }
  var live = window.claimgraphLive = {
    full: full,      // the bounds of the drawing shown, before any zoom
    saved: null,     // what the reader had made of the last page of the case
    latest: null,    // the version the server announced last
    busy: false,
    again: false,
    state: 'connecting'
  };

  function version() {
    var meta = document.querySelector('meta[name="claimgraph-live"]');
    return meta ? meta.getAttribute('content') : '';
  }

  // --- The note of the connection, bottom right -------------------------------

  var updated = '';
  function note() {
    if (!document.body) return;
    var chip = byId('cg-live');
    if (!chip) {
      chip = document.createElement('p');
      chip.id = 'cg-live';
      chip.className = 'cg-live';
      chip.setAttribute('role', 'status');
      document.body.appendChild(chip);
    }
    chip.setAttribute('data-state', live.state);
    chip.textContent = live.state === 'lost' ? 'Not connected to claimgraph serve: this page no longer updates'
      : live.state === 'connecting' ? 'Connecting to claimgraph serve\u2026'
      : 'Live: updates when the file is saved' + updated;
  }

  // --- What the reader made of the page -----------------------------------------

  function capture() {
    if (!byId('cg-view')) return null;  // the page of the problems: nothing to keep
    var state = { box: null, zoomed: false, search: '', off: [], mode: 'dim', chain: false, panel: 0,
                  scroll: [window.scrollX, window.scrollY] };
    var s = svg();
    if (s) {
      state.box = boxOf(s);
      state.zoomed = !live.full || !state.box || ['x', 'y', 'w', 'h'].some(function (k) {
        return Math.abs(state.box[k] - live.full[k]) > 1e-6;
      });
    }
    var search = byId('cg-search');
    if (search) state.search = search.value;
    Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), function (c) {
      if (!c.checked) state.off.push([c.getAttribute('data-filter'), c.value]);
    });
    var mode = document.querySelector('input[name="cg-filter-mode"]:checked');
    if (mode) state.mode = mode.value;
    var panel = byId('cg-panel');
    var chain = byId('cg-chain');
    state.chain = !!panel && !panel.hidden && !!chain && chain.getAttribute('aria-pressed') === 'true';
    state.panel = panel ? panel.scrollTop : 0;
    return state;
  }

  function fire(e, type) { e.dispatchEvent(new Event(type, { bubbles: true })); }
  function click(e) { e.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window })); }

  // page.js zooms by exp(-deltaY * 0.002) about the point under the pointer.
  function wheel(s, factor, at) {
    var m = s.getScreenCTM();
    if (!m) return false;
    var p = s.createSVGPoint();
    p.x = at.x;
    p.y = at.y;
    p = p.matrixTransform(m);
    byId('cg-view').dispatchEvent(new WheelEvent('wheel', {
      deltaY: -Math.log(factor) / 0.002, deltaMode: 0, clientX: p.x, clientY: p.y, bubbles: true, cancelable: true }));
    return true;
  }
  // Zooming by f about a moves the box's corner from x to a - (a - x) / f:
  // so a = (f * target - x) / (f - 1) lands it on the target. The pointer's
  // place is rounded to a pixel, so a few steps close in on it.
  function zoomTo(target) {
    for (var step = 0; step < 6; step++) {
      var s = svg();
      var b = s && boxOf(s);
      var m = s && s.getScreenCTM();
      if (!b || !m) return;
      var f = b.w / target.w;
      var off = Math.max(Math.abs(b.x - target.x), Math.abs(b.y - target.y)) * m.a;
      if (Math.abs(f - 1) < 1e-3) {
        if (off < 1) return;
        wheel(s, 1.25, { x: b.x + b.w / 2, y: b.y + b.h / 2 });  // a step in; the next comes back
        continue;
      }
      wheel(s, f, { x: (f * target.x - b.x) / (f - 1), y: (f * target.y - b.y) / (f - 1) });
    }
  }

  function restore(state) {
    state.off.forEach(function (o) {
      Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), function (c) {
        if (c.getAttribute('data-filter') === o[0] && c.value === o[1] && c.checked) {
          c.checked = false;
          fire(c, 'change');
        }
      });
    });
    var mode = document.querySelector('input[name="cg-filter-mode"][value="' + state.mode + '"]');
    if (mode && !mode.checked) {
      mode.checked = true;
      fire(mode, 'change');
    }
    var search = byId('cg-search');
    if (search && state.search) {
      search.value = state.search;
      fire(search, 'input');
    }
    var panel = byId('cg-panel');
    var chain = byId('cg-chain');
    if (state.chain && panel && !panel.hidden && chain && chain.getAttribute('aria-pressed') !== 'true') click(chain);
    if (state.box && svg()) {
      if (state.zoomed) {
        zoomTo(state.box);
      } else if (byId('cg-fit')) {
        click(byId('cg-fit'));  // the whole drawing, as before (opening a node may have moved it)
      }
    }
    if (panel) panel.scrollTop = state.panel;
    window.scrollTo(state.scroll[0], state.scroll[1]);
  }

  // --- Following the server -------------------------------------------------------

  function replace(html) {
    var state = capture();
    if (state) live.saved = state; else state = live.saved;
    document.open();
    document.write(html);
    document.close();
    if (state) restore(state);
    updated = ' (updated ' + new Date().toLocaleTimeString() + ')';
    note();
  }
  function check() {
    if (live.latest === null || live.latest === version()) return;
    if (live.busy) {
      live.again = true;
      return;
    }
    live.busy = true;
    fetch('/', { cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.text();
      })
      .then(replace)
      .catch(function () { /* the server's next event tries again */ })
      .then(function () {
        live.busy = false;
        if (live.again) {
          live.again = false;
          check();
        }
      });
  }

  var source = new EventSource('/events');
  source.onopen = function () {
    live.state = 'live';
    note();
  };
  source.onerror = function () {
    // EventSource tries again by itself; until then the page says so.
    live.state = 'lost';
    note();
  };
  source.onmessage = function (e) {
    var news;
    try { news = JSON.parse(e.data); } catch (err) { return; }
    live.latest = String(news.version);
    check();
  };
  note();
})();
