// The page written by io::write_html: pan and zoom, the node panel, search,
// filters and support chains. Text from the case file reaches the page only
// through textContent and setAttribute, never as markup. (This file must not
// hold the characters that would end its script element; the build checks.)
(function () {
  'use strict';

  function byId(id) { return document.getElementById(id); }
  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }

  var data = JSON.parse(document.querySelector('script#cg-data[type="application/json"]').textContent);
  var nodes = data.nodes;
  var edges = data.edges;
  var view = byId('cg-view');
  var svg = view.querySelector('svg');
  var panel = byId('cg-panel');
  var statusLine = byId('cg-status');
  function say(text) { statusLine.textContent = text; }

  // --- The graph ------------------------------------------------------------

  var RELATIONS = ['supports', 'contradicts', 'element-of', 'undercuts'];
  var indexOfId = new Map();
  nodes.forEach(function (node, i) {
    node.index = i;
    node.incoming = {};
    node.outgoing = {};
    RELATIONS.forEach(function (r) { node.incoming[r] = []; node.outgoing[r] = []; });
    indexOfId.set(node.id, i);
  });
  edges.forEach(function (edge, k) {
    nodes[edge.from].outgoing[edge.relation].push(k);
    nodes[edge.to].incoming[edge.relation].push(k);
  });

  // --- The drawing: which shape is which node and edge -----------------------
  // write_dot names node i "n<i>" and the point where an undercut meets
  // supports edge k "u<k>"; Graphviz puts the name in each shape's <title>.

  var nodeShape = [];                                     // node index -> <g class="node">
  var edgeShapes = edges.map(function () { return []; }); // edge index -> its <g>s
  var shapeNode = new Map();                              // <g class="node"> -> node index

  function titleOf(g) {
    for (var c = g.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === 'title') return c.textContent;
    }
    return '';
  }
  function describe(node) {
    var words = [node.kind, node.id + ':', node.label];
    if (node.status) words.push('(' + node.status + ')');
    if (node.lacks_evidence) words.push('(lacks evidence)');
    if (node.excluded) words.push('(excluded by the court)');
    if (node.fell) words.push('(fell with the exclusion)');
    if (node.holds_up) words.push('(alone holds up ' + (node.holds_up.length + (node.holds_up_hidden || 0)) + ')');
    return words.join(' ');
  }

  if (svg) {
    var byTitle = new Map();
    Array.prototype.forEach.call(svg.querySelectorAll('g.node, g.edge'), function (g) {
      var title = titleOf(g);
      if (!byTitle.has(title)) byTitle.set(title, []);
      byTitle.get(title).push(g);
    });
    var take = function (title, k) {
      var shapes = byTitle.get(title);
      if (shapes && shapes.length) edgeShapes[k].push(shapes.shift());
    };
    nodes.forEach(function (node, i) {
      var shapes = byTitle.get('n' + i);
      if (!shapes || !shapes.length) return;
      var g = shapes[0];
      nodeShape[i] = g;
      shapeNode.set(g, i);
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', describe(node));
      g.setAttribute('data-node', node.id);
    });
    var undercut = edges.map(function () { return false; });
    edges.forEach(function (edge) { if (edge.relation === 'undercuts') undercut[edge.edge] = true; });
    edges.forEach(function (edge, k) {
      if (edge.relation === 'undercuts') {
        take('n' + edge.from + '->u' + edge.edge, k);
      } else if (undercut[k]) {
        take('n' + edge.from + '->u' + k, k);
        take('u' + k, k);
        take('u' + k + '->n' + edge.to, k);
      } else {
        take('n' + edge.from + '->n' + edge.to, k);
      }
    });
  }

  // --- Pan and zoom: the drawing's viewBox ----------------------------------

  var full = null;  // the whole drawing, in its own units
  var box = null;   // what the view shows
  function copy(b) { return { x: b.x, y: b.y, w: b.w, h: b.h }; }
  function show() { svg.setAttribute('viewBox', [box.x, box.y, box.w, box.h].join(' ')); }
  if (svg) {
    var initial = svg.viewBox && svg.viewBox.baseVal;
    if (initial && initial.width > 0 && initial.height > 0) {
      full = { x: initial.x, y: initial.y, w: initial.width, h: initial.height };
    } else {
      var bounds = svg.getBBox();
      full = { x: bounds.x, y: bounds.y, w: Math.max(bounds.width, 1), h: Math.max(bounds.height, 1) };
    }
    box = copy(full);
    show();
  }

  function point(x, y, matrix) {
    var p = svg.createSVGPoint();
    p.x = x;
    p.y = y;
    return p.matrixTransform(matrix);
  }
  // A point of the screen in the drawing's units.
  function toDrawing(clientX, clientY) {
    var m = svg.getScreenCTM();
    return m ? point(clientX, clientY, m.inverse()) : { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  }
  // Screen pixels per unit of the drawing.
  function pixels() {
    var m = svg.getScreenCTM();
    return m && m.a > 0 ? m.a : 1;
  }
  function zoomAt(factor, at) {
    if (!full) return;
    // From about half an inch of the drawing across the view to three times all of it.
    var w = Math.min(Math.max(box.w / factor, Math.min(40, full.w)), full.w * 3);
    var f = box.w / w;
    box.x = at.x - (at.x - box.x) / f;
    box.y = at.y - (at.y - box.y) / f;
    box.w = w;
    box.h = box.h / f;
    show();
  }
  function zoomBy(factor) {
    if (box) zoomAt(factor, { x: box.x + box.w / 2, y: box.y + box.h / 2 });
  }
  function fit() {
    if (!full) return;
    box = copy(full);
    show();
  }
  function panBy(dx, dy) {
    if (!box) return;
    box.x += dx;
    box.y += dy;
    show();
  }
  // A shape's bounds in the drawing's units.
  function boundsOf(g) {
    var b = g.getBBox();
    var m = svg.getScreenCTM().inverse().multiply(g.getScreenCTM());
    var a = point(b.x, b.y, m);
    var c = point(b.x + b.width, b.y + b.height, m);
    return { x: Math.min(a.x, c.x), y: Math.min(a.y, c.y), w: Math.abs(c.x - a.x), h: Math.abs(c.y - a.y) };
  }
  // Centres node i, close enough to read: it takes about a fifth of the width.
  function centreOn(i) {
    var g = nodeShape[i];
    if (!g || !full || g.classList.contains('cg-hide') || !svg.getScreenCTM()) return;
    var b = boundsOf(g);
    var w = Math.max(b.w * 5, Math.min(40, full.w));
    if (box.w > w) {
      box.h = box.h * w / box.w;
      box.w = w;
    }
    box.x = b.x + b.w / 2 - box.w / 2;
    box.y = b.y + b.h / 2 - box.h / 2;
    show();
  }

  var drag = null;
  var dragged = false;  // the click that ends a drag selects nothing
  view.addEventListener('pointerdown', function (e) {
    if (!svg || e.button !== 0) return;
    dragged = false;
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false, scale: pixels() };
  });
  view.addEventListener('pointermove', function (e) {
    if (!drag || e.pointerId !== drag.id) return;
    var dx = e.clientX - drag.x;
    var dy = e.clientY - drag.y;
    if (!drag.moved) {
      if (Math.abs(dx) + Math.abs(dy) < 4) return;
      drag.moved = true;
      view.classList.add('cg-dragging');
      try { view.setPointerCapture(e.pointerId); } catch (err) { /* a pointer the browser does not track */ }
    }
    panBy(-dx / drag.scale, -dy / drag.scale);
    drag.x = e.clientX;
    drag.y = e.clientY;
  });
  function endDrag(e) {
    if (!drag || e.pointerId !== drag.id) return;
    dragged = drag.moved;
    drag = null;
    view.classList.remove('cg-dragging');
  }
  view.addEventListener('pointerup', endDrag);
  view.addEventListener('pointercancel', endDrag);
  view.addEventListener('wheel', function (e) {
    if (!svg) return;
    e.preventDefault();
    var delta = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1);
    zoomAt(Math.exp(-delta * 0.002), toDrawing(e.clientX, e.clientY));
  }, { passive: false });

  view.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var i = shapeNode.has(e.target) ? shapeNode.get(e.target) : -1;
    var step = box ? Math.min(box.w, box.h) * 0.1 : 0;
    switch (e.key) {
      case 'Enter':
      case ' ':
        if (i < 0) return;
        select(i, false);
        focusPanel();
        break;
      case '+': case '=': zoomBy(1.25); break;
      case '-': case '_': zoomBy(0.8); break;
      case '0': fit(); break;
      case 'ArrowLeft': panBy(-step, 0); break;
      case 'ArrowRight': panBy(step, 0); break;
      case 'ArrowUp': panBy(0, -step); break;
      case 'ArrowDown': panBy(0, step); break;
      default: return;
    }
    e.preventDefault();
  });
  if (svg) {
    svg.addEventListener('click', function (e) {
      if (dragged) {
        dragged = false;
        return;
      }
      var g = e.target.closest ? e.target.closest('g.node') : null;
      if (g && shapeNode.has(g)) select(shapeNode.get(g), false);
    });
  }
  byId('cg-zoom-in').addEventListener('click', function () { zoomBy(1.25); });
  byId('cg-zoom-out').addEventListener('click', function () { zoomBy(0.8); });
  byId('cg-fit').addEventListener('click', fit);
  if (!svg) {
    ['cg-zoom-in', 'cg-zoom-out', 'cg-fit'].forEach(function (id) { byId(id).hidden = true; });
  }

  // Printed: the whole drawing on the page, then back to where it was.
  var beforePrint = null;
  window.addEventListener('beforeprint', function () {
    if (!full) return;
    beforePrint = copy(box);
    fit();
  });
  window.addEventListener('afterprint', function () {
    if (!beforePrint) return;
    box = beforePrint;
    beforePrint = null;
    show();
  });

  // --- The panel ------------------------------------------------------------

  var FIELDS = [
    ['id', 'ID'], ['kind', 'Kind'], ['party', 'Party'], ['group', 'Group'], ['source', 'Source'],
    ['tags', 'Tags'], ['weight', 'Weight'], ['standard', 'Standard of proof'], ['burden', 'Burden'],
    ['test', 'Test of elements'], ['scheme', 'Scheme of its supports'],
    ['status', 'Status'], ['decided_by', 'Decided by'], ['strength', 'Strength'], ['established', 'Established'],
    ['lacks_evidence', 'Lacks evidence'], ['excluded', 'Excluded'], ['fell', 'Fell with the exclusion']
  ];
  // [key, heading, direction, relation, the end that is the other node]
  var LISTS = [
    ['supporters', 'Supported by', 'incoming', 'supports', 'from'],
    ['contradictors', 'Contradicted by', 'incoming', 'contradicts', 'from'],
    ['elements', 'Elements', 'incoming', 'element-of', 'from'],
    ['undercutters', 'Undercut by', 'incoming', 'undercuts', 'from'],
    ['supports', 'Supports', 'outgoing', 'supports', 'to'],
    ['contradicts', 'Contradicts', 'outgoing', 'contradicts', 'to'],
    ['element-of', 'Element of', 'outgoing', 'element-of', 'to'],
    ['undercuts', 'Undercuts the support of', 'outgoing', 'undercuts', 'to']
  ];

  // What the exclusion and the points of failure list, by node position:
  // [key, heading, what the list is, what an empty list means, what those
  // left out by a view or redaction are, one and several].
  var FAILURES = [
    ['fell_with', 'Fell when these were excluded', 'It rested on them.', '', '', ''],
    ['cannot_lose', 'Cannot lose', 'Excluding any one of these alone would leave it without evidence.',
      'No single piece of evidence: it stays grounded without any one of them.', ' piece of evidence',
      ' pieces of evidence'],
    ['holds_up', 'Alone holds up', 'Excluding this alone would leave each of these without evidence.', '',
      ' claim or counterclaim', ' claims and counterclaims']
  ];

  function fieldText(node, key) {
    var v = node[key];
    if (v === undefined || v === null) return null;
    switch (key) {
      case 'tags': return v.length ? v.join(', ') : null;
      case 'strength': return v.toFixed(2);
      case 'established': return v ? 'yes' : 'no';
      case 'lacks_evidence': return v ? 'yes: ' + node.gap : 'no';
      case 'excluded': return v ? 'yes: the court excluded it; it grounds, supports and attacks nothing' : null;
      case 'fell': return v ? 'yes: grounded in the whole record, not without what was excluded' : null;
      case 'decided_by': {
        // As claimgraph evaluate --burden words it.
        var who = node.bearer || (node.burden_decision === 'fails' ? 'the party that alleges it' : 'the other side');
        if (node.burden_decision === 'stands') {
          return 'the burden of persuasion: undecided, so it stands: ' + who + ' bears the burden of disproving it';
        }
        if (node.burden_decision === 'fails-to-disprove') {
          return 'the burden of persuasion: undecided, so it fails: ' + who +
            ' bears the burden of disproving a presumed claim it contradicts';
        }
        return 'the burden of persuasion: undecided, so it fails: ' + who + ' bears the burden';
      }
      case 'test':
        return v === 'any' ? 'any: one element that stands is enough'
          : v === 'balance' ? 'balance: the factors that stand must outweigh those that do not'
          : 'all: every element must stand';
      default: return String(v);
    }
  }

  // One citation as a brief cites the record: authority, exhibit, document,
  // pin, Bates, (date); then the words relied on, and a link.
  function citationItem(c) {
    var li = element('li', 'cg-cite');
    var parts = ['authority', 'exhibit', 'document', 'pin', 'bates'].filter(function (k) {
      return c[k];
    }).map(function (k) { return c[k]; });
    var line = parts.join(', ');
    if (c.date) line += (line ? ' ' : '') + '(' + c.date + ')';
    li.appendChild(element('span', null, line));
    if (c.quote) li.appendChild(element('q', 'cg-quote', c.quote));
    if (c.url && /^(https?|ftp|file|mailto):/i.test(c.url)) {
      var a = element('a', 'cg-url', c.url);
      a.href = c.url;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      li.appendChild(a);
    }
    return li;
  }

  var selected = -1;
  var chain = null;
  var chainButton = byId('cg-chain');
  var clearChainButton = byId('cg-clear-chain');

  function nodeLink(node) {
    var item = document.createDocumentFragment();
    var a = element('a', 'cg-link', node.id);
    a.href = '#' + encodeURIComponent(node.id);
    a.setAttribute('data-node', node.id);
    a.addEventListener('click', function (e) {
      e.preventDefault();
      select(node.index, true);
      focusPanel();
    });
    item.appendChild(a);
    if (node.label) item.appendChild(element('span', 'cg-link-label', ' \u2014 ' + node.label));
    if (node.status) {
      item.appendChild(document.createTextNode(' '));
      item.appendChild(element('span', 'cg-badge cg-badge-' + node.status, node.status));
    }
    return item;
  }

  function fillPanel(node) {
    byId('cg-panel-title').textContent = node.label || node.id;
    var text = byId('cg-panel-text');
    text.textContent = node.text || '';
    text.hidden = !node.text;
    var fields = byId('cg-panel-fields');
    clear(fields);
    FIELDS.forEach(function (f) {
      var value = fieldText(node, f[0]);
      if (value === null) return;
      var dd = element('dd', null, value);
      dd.setAttribute('data-field', f[0]);
      if (f[0] === 'status') dd.className = 'cg-badge-' + node.status;
      if (f[0] === 'lacks_evidence' && node.lacks_evidence) dd.className = 'cg-lacks';
      if (f[0] === 'excluded') dd.className = 'cg-excluded';
      if (f[0] === 'fell') dd.className = 'cg-lacks';
      fields.appendChild(element('dt', null, f[1]));
      fields.appendChild(dd);
    });
    var links = byId('cg-panel-links');
    clear(links);
    if (node.cite && node.cite.length) {
      var cited = element('section');
      cited.setAttribute('data-list', 'cite');
      cited.appendChild(element('h3', null, 'Cites the record (' + node.cite.length + ')'));
      var ol = element('ul');
      node.cite.forEach(function (c) { ol.appendChild(citationItem(c)); });
      cited.appendChild(ol);
      links.appendChild(cited);
    }
    FAILURES.forEach(function (l) {
      var list = node[l[0]];
      if (!list) return;
      // Those a view or redaction left out are counted, not named.
      var unshown = node[l[0] + '_hidden'] || 0;
      var section = element('section');
      section.setAttribute('data-list', l[0]);
      section.appendChild(element('h3', null, l[1] + ' (' + (list.length + unshown) + ')'));
      section.appendChild(element('p', 'cg-note', list.length || unshown ? l[2] : l[3]));
      if (list.length || unshown) {
        var ul = element('ul');
        list.forEach(function (i) {
          var li = element('li');
          li.appendChild(nodeLink(nodes[i]));
          ul.appendChild(li);
        });
        if (unshown) {
          ul.appendChild(element('li', 'cg-hidden', (list.length ? 'and ' : '') + unshown +
            (unshown === 1 ? l[4] : l[5]) + ' not shown here'));
        }
        section.appendChild(ul);
      }
      links.appendChild(section);
    });
    LISTS.forEach(function (l) {
      var list = node[l[2]][l[3]];
      if (!list.length) return;
      var section = element('section');
      section.setAttribute('data-list', l[0]);
      section.appendChild(element('h3', null, l[1] + ' (' + list.length + ')'));
      var ul = element('ul');
      list.forEach(function (k) {
        var edge = edges[k];
        var li = element('li');
        li.appendChild(nodeLink(nodes[edge[l[4]]]));
        if (edge.relation === 'undercuts') {
          var from = nodes[edges[edge.edge].from].id;
          li.appendChild(element('span', 'cg-note', l[2] === 'incoming' ? ' against the support from ' + from : ' from ' + from));
        }
        if (edge.undercut) li.appendChild(element('span', 'cg-note', ' (undercut: this support no longer carries)'));
        ul.appendChild(li);
      });
      section.appendChild(ul);
      links.appendChild(section);
    });
    // The critical questions of each inference into the node.
    node.incoming.supports.forEach(function (k) {
      var edge = edges[k];
      if (!edge.questions) return;
      var section = element('section');
      section.setAttribute('data-list', 'questions');
      section.appendChild(element('h3', null, 'Critical questions of the support from ' + nodes[edge.from].id +
        ' (' + edge.scheme + ')'));
      var ul = element('ul');
      edge.questions.forEach(function (q) {
        var li = element('li');
        li.appendChild(element('strong', null, q.id));
        li.appendChild(element('span', 'cg-note', ' (' + q.type + (q.rule ? '; ' + q.rule : '') + ') '));
        li.appendChild(document.createTextNode(q.question + ' '));
        var ids = function (list) { return list.map(function (i) { return nodes[i].id; }).join(', '); };
        var state = q.raised_by.length ? 'raised by ' + ids(q.raised_by) : '';
        if (q.answered_by.length) state += (state ? '; answered by ' : 'answered by ') + ids(q.answered_by);
        if (!state) state = 'open';
        if (q.defeats === 'IN') state += '; defeats the inference';
        else if (q.defeats === 'OUT') state += '; does not defeat it';
        else if (q.defeats === 'UNDEC') state += '; undecided';
        var badge = element('span', 'cg-question cg-question-' + (q.defeats === 'IN' ? 'defeats' : state === 'open' ? 'open' : 'met'), state);
        li.appendChild(badge);
        ul.appendChild(li);
      });
      section.appendChild(ul);
      links.appendChild(section);
    });
    chainButton.setAttribute('aria-pressed', chain && chain.root === node.index ? 'true' : 'false');
  }

  function setHash(id) {
    try {
      history.replaceState(null, '', id ? '#' + encodeURIComponent(id) : location.pathname + location.search);
    } catch (err) { /* a document without a history of its own */ }
  }

  function select(i, centre) {
    if (selected >= 0 && nodeShape[selected]) nodeShape[selected].classList.remove('cg-selected');
    selected = i;
    if (nodeShape[i]) nodeShape[i].classList.add('cg-selected');
    fillPanel(nodes[i]);
    panel.hidden = false;
    if (centre) centreOn(i);
    setHash(nodes[i].id);
  }
  function focusPanel() { byId('cg-panel-title').focus(); }
  function closePanel() {
    if (selected >= 0 && nodeShape[selected]) {
      nodeShape[selected].classList.remove('cg-selected');
      nodeShape[selected].focus();
    }
    selected = -1;
    panel.hidden = true;
    setHash('');
  }
  byId('cg-close').addEventListener('click', closePanel);
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') closePanel();
  });

  // --- The support chain: everything a node rests on, down to the evidence ----

  function supportChain(i) {
    var members = new Set([i]);
    var through = [];
    var stack = [i];
    while (stack.length) {
      var v = stack.pop();
      ['supports', 'element-of'].forEach(function (r) {
        nodes[v].incoming[r].forEach(function (k) {
          through.push(k);
          var u = edges[k].from;
          if (!members.has(u)) {
            members.add(u);
            stack.push(u);
          }
        });
      });
    }
    return { root: i, nodes: members, edges: through };
  }
  function clearChain() {
    if (!chain) return;
    chain.nodes.forEach(function (v) { if (nodeShape[v]) nodeShape[v].classList.remove('cg-chain'); });
    chain.edges.forEach(function (k) { edgeShapes[k].forEach(function (g) { g.classList.remove('cg-chain'); }); });
    if (svg) svg.classList.remove('cg-chaining');
    chain = null;
    clearChainButton.hidden = true;
    chainButton.setAttribute('aria-pressed', 'false');
  }
  function highlightChain(i) {
    clearChain();
    chain = supportChain(i);
    chain.nodes.forEach(function (v) { if (nodeShape[v]) nodeShape[v].classList.add('cg-chain'); });
    chain.edges.forEach(function (k) { edgeShapes[k].forEach(function (g) { g.classList.add('cg-chain'); }); });
    if (svg) svg.classList.add('cg-chaining');
    var evidence = 0;
    var lacking = 0;
    chain.nodes.forEach(function (v) {
      if (nodes[v].kind === 'evidence') evidence++;
      if (nodes[v].lacks_evidence) lacking++;
    });
    say('Support chain of ' + nodes[i].id + ': ' + chain.nodes.size + ' nodes, ' + evidence + ' of them evidence' +
        (lacking ? ', ' + lacking + ' lacking evidence.' : '.'));
    clearChainButton.hidden = false;
    chainButton.setAttribute('aria-pressed', 'true');
  }
  chainButton.addEventListener('click', function () {
    if (selected < 0) return;
    if (chain && chain.root === selected) {
      clearChain();
      say('');
    } else {
      highlightChain(selected);
    }
  });
  clearChainButton.addEventListener('click', function () {
    clearChain();
    say('');
  });

  // --- Search: id, label and text, ignoring case and accents -----------------

  var marks;
  try { marks = new RegExp('\\p{M}+', 'gu'); } catch (err) { marks = /[\u0300-\u036f]+/g; }
  function fold(s) {
    return String(s).normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD').replace(marks, '');
  }
  var haystacks = nodes.map(function (n) { return [n.id, n.label, n.text || ''].map(fold).join('\n'); });
  var matches = [];
  var searchBox = byId('cg-search');
  var results = byId('cg-results');
  function search(query) {
    matches.forEach(function (i) { if (nodeShape[i]) nodeShape[i].classList.remove('cg-match'); });
    matches = [];
    clear(results);
    var q = fold(query.trim());
    if (!q) {
      results.hidden = true;
      say('');
      return;
    }
    haystacks.forEach(function (h, i) { if (h.indexOf(q) >= 0) matches.push(i); });
    matches.forEach(function (i) { if (nodeShape[i]) nodeShape[i].classList.add('cg-match'); });
    var shown = matches.slice(0, 200);
    shown.forEach(function (i) {
      var li = element('li');
      li.appendChild(nodeLink(nodes[i]));
      results.appendChild(li);
    });
    if (matches.length > shown.length) results.appendChild(element('li', 'cg-note', 'and ' + (matches.length - shown.length) + ' more'));
    results.hidden = matches.length === 0;
    say(matches.length === 0 ? 'No node matches "' + query.trim() + '".'
        : matches.length === 1 ? '1 node matches.' : matches.length + ' nodes match.');
  }
  searchBox.addEventListener('input', function () { search(searchBox.value); });
  searchBox.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && matches.length) {
      e.preventDefault();
      select(matches[0], true);
    } else if (e.key === 'Escape') {
      searchBox.value = '';
      search('');
    }
  });
  document.addEventListener('keydown', function (e) {
    var typing = e.target && (e.target.localName === 'input' || e.target.localName === 'textarea');
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      searchBox.focus();
    }
  });

  // --- Filters by party and group ---------------------------------------------

  var hidden = { party: new Set(), group: new Set() };
  function valueOf(node, key) { return node[key] === undefined || node[key] === null ? '' : node[key]; }
  function buildFilter(key, fieldset, none) {
    var counts = new Map();
    nodes.forEach(function (n) {
      var v = valueOf(n, key);
      counts.set(v, (counts.get(v) || 0) + 1);
    });
    counts.forEach(function (count, value) {
      var label = element('label');
      var check = element('input');
      check.type = 'checkbox';
      check.checked = true;
      check.value = value;
      check.setAttribute('data-filter', key);
      check.addEventListener('change', function () {
        if (check.checked) hidden[key].delete(value); else hidden[key].add(value);
        applyFilters();
      });
      label.appendChild(check);
      label.appendChild(document.createTextNode(' ' + (value === '' ? none : value) + ' (' + count + ')'));
      fieldset.appendChild(label);
    });
  }
  function mark(g, how) {
    g.classList.toggle('cg-dim', how === 'dim');
    g.classList.toggle('cg-hide', how === 'hide');
  }
  function applyFilters() {
    var how = document.querySelector('input[name="cg-filter-mode"]:checked').value;
    var out = nodes.map(function (n) { return hidden.party.has(valueOf(n, 'party')) || hidden.group.has(valueOf(n, 'group')); });
    var count = 0;
    out.forEach(function (o, i) {
      if (o) count++;
      var g = nodeShape[i];
      if (!g) return;
      mark(g, o ? how : '');
      g.setAttribute('tabindex', o && how === 'hide' ? '-1' : '0');
    });
    edges.forEach(function (edge, k) {
      var gone = out[edge.from] || out[edge.to];
      edgeShapes[k].forEach(function (g) { mark(g, gone ? how : ''); });
    });
    say(count ? 'Showing ' + (nodes.length - count) + ' of ' + nodes.length + ' nodes; ' + count + ' ' +
                (how === 'hide' ? 'hidden' : 'dimmed') + ' by the filters.'
              : 'Showing all ' + nodes.length + ' nodes.');
  }
  buildFilter('party', byId('cg-party-filter'), '(no party)');
  buildFilter('group', byId('cg-group-filter'), '(no group)');
  Array.prototype.forEach.call(document.querySelectorAll('input[name="cg-filter-mode"]'), function (radio) {
    radio.addEventListener('change', applyFilters);
  });

  // --- A node named in the address (page.html#id) opens at load -------------

  function fromHash() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (err) { return; }
    if (indexOfId.has(id)) select(indexOfId.get(id), true);
  }
  window.addEventListener('hashchange', fromHash);
  if (location.hash.length > 1) fromHash();

  document.body.setAttribute('data-ready', 'true');
})();
