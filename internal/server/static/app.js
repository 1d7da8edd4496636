// sitrep dashboard: the time axis, the clustered map and filter
// suggestions; the server sorts the table. Plain DOM and SVG, no
// third-party code and no tile server: the data comes from the JSON API,
// the outlines from /static/countries.json.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var ACLED = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'];
  var colours = {
    'Battles': '#c0392b', 'Explosions/Remote violence': '#e67e22', 'Violence against civilians': '#8e44ad',
    'Protests': '#2980b9', 'Riots': '#16a085', 'Strategic developments': '#7f8c8d'
  };
  var PLOVER_COLOUR = '#2c3e50', PLOVER_LABEL = 'PLOVER only (no ACLED type)';
  var FILTERS = ['from', 'to', 'type', 'subtype', 'country', 'actor', 'admin1', 'q', 'bbox'];

  function colourOf(type) { return colours[type] || PLOVER_COLOUR; }
  function labelOf(type) { return colours[type] ? type : PLOVER_LABEL; }
  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (text != null) { e.textContent = text; }
    return e;
  }
  function html(name, attrs, text) {
    var e = document.createElement(name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (text != null) { e.textContent = text; }
    return e;
  }
  function tip(node, text) { node.appendChild(el('title', {}, text)); return node; }
  // filters returns the page's filters as query parameters, without the
  // view and the cursor.
  function filters(drop) {
    // A profile page's subject is its own filter, added to the query's.
    var own = document.querySelector('[data-filters]');
    var p = new URLSearchParams(own ? own.getAttribute('data-filters') : '');
    new URLSearchParams(window.location.search).forEach(function (v, k) { p.set(k, v); });
    var out = new URLSearchParams();
    FILTERS.forEach(function (k) { if (p.get(k) && k !== drop) { out.set(k, p.get(k)); } });
    return out;
  }
  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { return r.json().then(function (e) { throw new Error(e.error || r.statusText); }); }
      return r.json();
    });
  }
  function go(params) {
    params.delete('cursor');
    window.location.search = params.toString();
  }
  function fmt(n) { return n.toLocaleString('en'); }
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function dayLabel(s, withYear) {
    var m = +s.slice(5, 7), d = +s.slice(8, 10);
    return d + ' ' + MONTHS[m - 1] + (withYear ? ' ' + s.slice(0, 4) : '');
  }

  // ---- time axis ----
  function drawTimeline(box) {
    getJSON('/api/timeline?' + filters().toString()).then(function (res) {
      var bins = res.bins, types = res.types;
      var note = document.getElementById('timeline-note');
      if (!bins.length) { box.appendChild(html('p', { 'class': 'muted empty' }, 'No dated events.')); return; }
      if (note) { note.textContent = 'by ' + res.bin + ', ' + dayLabel(res.from, true) + ' – ' + dayLabel(res.to, true); }
      // Drawn at the box's own width, so that text keeps its size on a phone.
      var W = Math.max(300, Math.round(box.clientWidth || 960)), H = W < 600 ? 200 : 230;
      var L = 40, R = 40, T = 24, B = 40, iw = W - L - R, ih = H - T - B;
      var maxE = 1, maxF = 0;
      bins.forEach(function (b) { maxE = Math.max(maxE, b.events); maxF = Math.max(maxF, b.fatalities); });
      var bw = iw / bins.length, barW = Math.min(bw * 0.84, 48);
      var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', tabindex: '0', 'class': 'chart',
        'aria-label': 'events per ' + res.bin + ' by type, with fatalities; arrow keys choose dates' });
      function y(v) { return T + ih - v / maxE * ih; }
      function yf(v) { return T + ih - (maxF ? v / maxF * ih : 0); }
      // Grid and left axis: events.
      niceTicks(maxE).forEach(function (v) {
        svg.appendChild(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), 'class': 'grid' }));
        svg.appendChild(el('text', { x: L - 6, y: y(v) + 4, 'class': 'tick', 'text-anchor': 'end' }, fmt(v)));
      });
      svg.appendChild(el('text', { x: 4, y: 12, 'class': 'axis-title', 'text-anchor': 'start' }, 'events'));
      // Stacked bars.
      bins.forEach(function (b, i) {
        var acc = 0, x = L + i * bw;
        types.forEach(function (t) {
          var n = b.types[t] || 0;
          if (!n) { return; }
          var r = el('rect', { x: (x + (bw - barW) / 2).toFixed(2), width: Math.max(0.6, barW).toFixed(2),
            y: y(acc + n).toFixed(2), height: Math.max(0.5, y(acc) - y(acc + n)).toFixed(2), fill: colourOf(t), 'class': 'bar' });
          tip(r, binLabel(b, res.bin) + ': ' + n + ' ' + t + (n === 1 ? ' event' : ' events'));
          svg.appendChild(r);
          acc += n;
        });
        var hit = el('rect', { x: x, width: bw, y: T, height: ih, 'class': 'hit' });
        tip(hit, binLabel(b, res.bin) + ': ' + b.events + ' events, ' + b.fatalities + ' killed');
        svg.appendChild(hit);
      });
      // Fatalities line on the right axis.
      if (maxF > 0) {
        var pts = bins.map(function (b, i) { return (L + (i + 0.5) * bw).toFixed(1) + ',' + yf(b.fatalities).toFixed(1); });
        svg.appendChild(el('polyline', { points: pts.join(' '), 'class': 'fatalities' }));
        niceTicks(maxF).forEach(function (v) {
          svg.appendChild(el('text', { x: W - R + 6, y: yf(v) + 4, 'class': 'tick fat', 'text-anchor': 'start' }, fmt(v)));
        });
        svg.appendChild(el('text', { x: W - 4, y: 12, 'class': 'axis-title fat', 'text-anchor': 'end' }, 'killed'));
      }
      // Date axis: about eight labels at bin starts, the year where it changes.
      svg.appendChild(el('line', { x1: L, x2: W - R, y1: T + ih, y2: T + ih, 'class': 'axis' }));
      var step = Math.max(1, Math.ceil(bins.length / Math.max(2, Math.floor(iw / 80)))), lastYear = '';
      for (var i = 0; i < bins.length; i += step) {
        var s = bins[i].start, x = L + i * bw, year = s.slice(0, 4);
        svg.appendChild(el('line', { x1: x, x2: x, y1: T + ih, y2: T + ih + 5, 'class': 'axis' }));
        var label = res.bin === 'month' ? MONTHS[+s.slice(5, 7) - 1] : dayLabel(s, false);
        svg.appendChild(el('text', { x: x, y: T + ih + 18, 'class': 'tick date', 'text-anchor': 'start' }, label));
        if (year !== lastYear) {
          svg.appendChild(el('text', { x: x, y: T + ih + 33, 'class': 'tick year', 'text-anchor': 'start' }, year));
          lastYear = year;
        }
      }
      brush(svg, bins, W, L, T, bw, ih);
      box.appendChild(svg);
      legend(types, maxF > 0);
    }).catch(function (err) { box.appendChild(html('p', { 'class': 'error' }, 'Time axis: ' + err.message)); });
  }

  function binLabel(b, unit) {
    if (unit === 'day' || b.start === b.end) { return dayLabel(b.start, true); }
    if (unit === 'month') { return MONTHS[+b.start.slice(5, 7) - 1] + ' ' + b.start.slice(0, 4); }
    return dayLabel(b.start, false) + ' – ' + dayLabel(b.end, true);
  }

  function niceTicks(max) {
    var raw = max / 3, mag = Math.pow(10, Math.floor(Math.log10(raw || 1))), stepv = mag;
    [1, 2, 5, 10].some(function (m) { stepv = m * mag; return stepv >= raw; });
    stepv = Math.max(1, Math.round(stepv));
    var out = [];
    for (var v = 0; v <= max; v += stepv) { out.push(v); }
    return out;
  }

  // brush lets mouse, touch and keyboard choose a range of bins, then
  // filters the page to its dates.
  function brush(svg, bins, W, L, T, bw, ih) {
    var sel = el('rect', { y: T, height: ih, width: 0, x: L, 'class': 'brush' });
    svg.appendChild(sel);
    var start = null, lo = null, hi = null;
    function show(a, b) {
      lo = Math.min(a, b); hi = Math.max(a, b);
      sel.setAttribute('x', L + lo * bw); sel.setAttribute('width', (hi - lo + 1) * bw);
    }
    function index(ev) {
      var box = svg.getBoundingClientRect(), scale = W / box.width;
      var x = (ev.clientX - box.left) * scale;
      return Math.min(bins.length - 1, Math.max(0, Math.floor((x - L) / bw)));
    }
    function apply() {
      if (lo === null) { return; }
      var p = new URLSearchParams(window.location.search);
      p.set('from', bins[lo].start); p.set('to', bins[hi].end);
      go(p);
    }
    svg.addEventListener('pointerdown', function (ev) {
      start = index(ev); show(start, start);
      svg.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    svg.addEventListener('pointermove', function (ev) { if (start !== null) { show(start, index(ev)); } });
    svg.addEventListener('pointerup', function () { if (start !== null) { start = null; apply(); } });
    svg.addEventListener('pointercancel', function () { start = null; sel.setAttribute('width', 0); lo = hi = null; });
    var anchor = null, cur = null;
    svg.addEventListener('keydown', function (ev) {
      var k = ev.key;
      if (k === 'ArrowLeft' || k === 'ArrowRight' || k === 'Home' || k === 'End') {
        if (cur === null) { cur = anchor = k === 'ArrowLeft' || k === 'End' ? bins.length - 1 : 0; } else {
          cur = k === 'Home' ? 0 : k === 'End' ? bins.length - 1 : Math.min(bins.length - 1, Math.max(0, cur + (k === 'ArrowLeft' ? -1 : 1)));
          if (!ev.shiftKey) { anchor = cur; }
        }
        show(anchor, cur);
        ev.preventDefault();
      } else if (k === 'Enter') {
        apply(); ev.preventDefault();
      } else if (k === 'Escape') {
        anchor = cur = lo = hi = null; sel.setAttribute('width', 0);
      }
    });
  }

  // legend lists every colour the charts draw, the fatalities line and
  // the sizes of the map's circles.
  var legendTypes = [], legendFat = false, legendSizes = null;
  function legend(types, fat, sizes) {
    if (types) { types.forEach(function (t) { if (legendTypes.indexOf(labelOf(t)) < 0) { legendTypes.push(labelOf(t)); } }); }
    if (fat) { legendFat = true; }
    if (sizes) { legendSizes = sizes; }
    var box = document.getElementById('legend');
    if (!box) { return; }
    box.textContent = '';
    ACLED.concat([PLOVER_LABEL]).forEach(function (t) {
      if (legendTypes.indexOf(t) < 0) { return; }
      var s = html('span', { 'class': 'swatch' });
      var i = html('i'); i.style.background = t === PLOVER_LABEL ? PLOVER_COLOUR : colours[t];
      s.appendChild(i); s.appendChild(document.createTextNode(t));
      box.appendChild(s);
    });
    if (legendFat) {
      var f = html('span', { 'class': 'swatch' }); f.appendChild(html('b', { 'class': 'line' })); f.appendChild(document.createTextNode('fatalities (right axis)'));
      box.appendChild(f);
    }
    if (legendSizes) {
      var sz = html('span', { 'class': 'sizes' }, 'events in a circle: ');
      legendSizes.forEach(function (n) {
        var d = 2 * radius(n), c = html('i', { 'class': 'size' });
        c.style.width = c.style.height = d + 'px';
        sz.appendChild(c); sz.appendChild(document.createTextNode(fmt(n) + ' '));
      });
      box.appendChild(sz);
    }
  }

  // ---- map ----
  var W = 960, H = 480, MAXZOOM = 12;
  function project(lon, lat) { return [(lon + 180) / 360 * W, (90 - lat) / 180 * H]; }
  function unproject(x, y) { return [x / W * 360 - 180, 90 - y / H * 180]; }
  function radius(n) { return Math.min(34, 4 + 3 * Math.sqrt(n)); }
  // outline is the SVG path of rings of [lon, lat], to the given decimals
  // of a map unit. A ring that crosses the antimeridian is cut there
  // rather than drawn across the whole map.
  function outline(rings, decimals) {
    return rings.map(function (ring) {
      return ring.map(function (p, i) {
        var q = project(p[0], p[1]);
        var jump = i === 0 || Math.abs(p[0] - ring[i - 1][0]) > 180;
        return (jump ? 'M' : 'L') + q[0].toFixed(decimals) + ',' + q[1].toFixed(decimals);
      }).join('');
    }).join('');
  }

  function drawMap(box) {
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'map of events' });
    var land = el('g', { 'class': 'land' }), divisions = el('g', { 'class': 'divisions' }), marks = el('g', { 'class': 'marks' });
    svg.appendChild(land); svg.appendChild(divisions); svg.appendChild(marks);
    box.insertBefore(svg, box.firstChild);
    var note = document.getElementById('map-note'), count = document.getElementById('mapcount');
    // The view: zoom level and centre in world pixels, kept in the URL.
    var view = { z: 0, cx: W / 2, cy: H / 2 }, fromURL = false;
    var v = new URLSearchParams(window.location.search).get('view');
    if (v) {
      var parts = v.split('/').map(Number);
      if (parts.length === 3 && parts.every(isFinite)) {
        var c = project(parts[1], parts[2]);
        view = { z: Math.max(0, Math.min(MAXZOOM, Math.round(parts[0]))), cx: c[0], cy: c[1] };
        fromURL = true;
      }
    }
    function scale() { return Math.pow(2, view.z); }
    // dims is the visible part of the world, in map units: the box's
    // shape decides its height, so that a phone gets a taller map.
    function dims() {
      var r = svg.getBoundingClientRect(), s = scale(), vw = W / s;
      var aspect = r.width ? r.height / r.width : H / W;
      return { vw: vw, vh: vw * aspect, px: r.width ? vw / r.width : 1 / s };
    }
    function clamp() {
      var d = dims();
      view.cx = Math.max(d.vw / 2, Math.min(W - d.vw / 2, view.cx));
      view.cy = d.vh >= H ? H / 2 : Math.max(d.vh / 2, Math.min(H - d.vh / 2, view.cy));
    }
    function apply() {
      clamp();
      var d = dims();
      svg.setAttribute('viewBox', [view.cx - d.vw / 2, view.cy - d.vh / 2, d.vw, d.vh].map(function (n) { return n.toFixed(3); }).join(' '));
      svg.querySelectorAll('[data-r]').forEach(function (m) { place(m, d.px); });
    }
    // place sizes a circle in screen pixels, whatever the zoom and the
    // size of the box.
    function place(m, px) {
      var r = +m.getAttribute('data-r');
      var circle = m.querySelector('circle'), text = m.querySelector('text');
      circle.setAttribute('r', (r * px).toFixed(4));
      circle.setAttribute('stroke-width', (1.2 * px).toFixed(4));
      if (text) { text.setAttribute('font-size', (11 * px).toFixed(4)); text.setAttribute('dy', (4 * px).toFixed(4)); }
    }
    function remember() {
      var c = unproject(view.cx, view.cy), p = new URLSearchParams(window.location.search);
      p.set('view', view.z + '/' + c[0].toFixed(3) + '/' + c[1].toFixed(3));
      history.replaceState(null, '', '?' + p.toString());
    }
    var timer = null, seq = 0;
    function changed() {
      apply();
      clearTimeout(timer);
      timer = setTimeout(function () { remember(); load(); }, 200);
    }
    function bbox() {
      var d = dims(), a = unproject(view.cx - d.vw / 2, Math.min(H, view.cy + d.vh / 2)), b = unproject(view.cx + d.vw / 2, Math.max(0, view.cy - d.vh / 2));
      return [a[0], a[1], b[0], b[1]].map(function (n) { return n.toFixed(4); }).join(',');
    }
    // intersect is the part of the view inside the area the filters
    // chose, if they chose one.
    function intersect(a, b) {
      if (!b) { return a; }
      var x = a.split(',').map(Number), y = b.split(',').map(Number);
      if (y.length !== 4 || !y.every(isFinite)) { return a; }
      var out = [Math.max(x[0], y[0]), Math.max(x[1], y[1]), Math.min(x[2], y[2]), Math.min(x[3], y[3])];
      if (out[0] > out[2]) { out[2] = out[0]; }
      if (out[1] > out[3]) { out[3] = out[1]; }
      return out.join(',');
    }
    function load() {
      var p = filters('bbox'), own = ++seq;
      var userBox = new URLSearchParams(window.location.search).get('bbox');
      p.set('zoom', view.z);
      p.set('bbox', intersect(bbox(), userBox));
      box.setAttribute('data-loading', '');
      return getJSON('/api/map?' + p.toString()).then(function (res) {
        if (own !== seq) { return; }
        box.removeAttribute('data-loading');
        draw(res);
      }).catch(function (err) { if (note) { note.textContent = err.message; } });
    }
    // noteMap says what the map draws: circles of events, or provinces
    // when it is shaded by them.
    var lastCells = null;
    function noteMap() {
      if (!note || !lastCells) { return; }
      var n = lastCells.cells.length, text = 'zoom ' + lastCells.zoom + ' · ';
      if (box.classList.contains('by-admin1')) {
        var d = box.getAttribute('data-divisions');
        text += d === null ? 'provinces and states' : fmt(+d) + (+d === 1 ? ' province or state' : ' provinces and states');
      } else {
        text += n + (n === 1 ? ' circle' : ' circles');
      }
      note.textContent = text;
    }
    function draw(res) {
      marks.textContent = '';
      var types = [], max = 0;
      res.cells.sort(function (a, b) { return b.events - a.events; });
      res.cells.forEach(function (c) {
        var top = null;
        Object.keys(c.types).forEach(function (t) {
          if (types.indexOf(t) < 0) { types.push(t); }
          if (top === null || c.types[t] > c.types[top]) { top = t; }
        });
        max = Math.max(max, c.events);
        var q = project(c.lon, c.lat);
        var g = el('g', { 'class': 'cell', 'data-r': radius(c.events), 'data-events': c.events, tabindex: '0', role: 'button' });
        g.appendChild(el('circle', { cx: q[0].toFixed(3), cy: q[1].toFixed(3), fill: colourOf(top) }));
        if (c.events > 1) { g.appendChild(el('text', { x: q[0].toFixed(3), y: q[1].toFixed(3), 'text-anchor': 'middle' }, fmt(c.events))); }
        var lines = Object.keys(c.types).sort(function (a, b) { return c.types[b] - c.types[a]; }).map(function (t) { return c.types[t] + ' ' + t; });
        tip(g, fmt(c.events) + (c.events === 1 ? ' event' : ' events') + ', ' + fmt(c.fatalities) + ' killed\n' + lines.join('\n') +
          '\nclick to ' + (c.events <= 5 || view.z >= MAXZOOM ? 'list them' : 'zoom in'));
        function open() {
          if (c.events <= 5 || view.z >= MAXZOOM) {
            // List the cell's events: filter the page to its area.
            var half = res.cell_degrees / 2, p = new URLSearchParams(window.location.search);
            p.set('bbox', [c.lon - half, c.lat - half, c.lon + half, c.lat + half].map(function (n) { return n.toFixed(4); }).join(','));
            go(p);
            return;
          }
          view.z = Math.min(MAXZOOM, view.z + 2); view.cx = q[0]; view.cy = q[1]; changed();
        }
        g.addEventListener('click', function (ev) { if (!moved) { open(); } ev.stopPropagation(); });
        g.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { open(); } });
        marks.appendChild(g);
        place(g, dims().px);
      });
      var sizes = [1];
      [10, 100, 1000, 10000].forEach(function (n) { if (n <= max) { sizes.push(n); } });
      if (max > 1 && sizes[sizes.length - 1] < max) { sizes.push(max); }
      legend(types, false, sizes);
      var text = fmt(res.shown) + ' of ' + fmt(res.matched) + ' on the map' + (res.unlocated ? ' (' + fmt(res.unlocated) + ' without a place)' : '');
      lastCells = res;
      noteMap();
      if (count) { count.textContent = text; }
      box.setAttribute('data-shown', res.shown);
      box.setAttribute('data-cells', res.cells.length);
    }
    // fit zooms to the events that pass the filters.
    function fit() {
      var p = filters();
      p.set('zoom', 0);
      return getJSON('/api/map?' + p.toString()).then(function (res) {
        if (!res.cells.length) { view = { z: 0, cx: W / 2, cy: H / 2 }; return; }
        var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        res.cells.forEach(function (c) {
          var q = project(c.lon, c.lat);
          x0 = Math.min(x0, q[0]); x1 = Math.max(x1, q[0]); y0 = Math.min(y0, q[1]); y1 = Math.max(y1, q[1]);
        });
        // The finest zoom that shows every cell with a margin, up to a
        // province for a single place.
        var z = 0, d = dims(), k = d.vh / d.vw;
        while (z < 4 && (x1 - x0) * Math.pow(2, z + 1) <= 0.6 * W && (y1 - y0) * Math.pow(2, z + 1) <= 0.6 * W * k) { z++; }
        view = { z: z, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
      });
    }
    function zoomBy(d, at) {
      var z = Math.max(0, Math.min(MAXZOOM, view.z + d));
      if (z === view.z) { return; }
      if (at) {
        // Keep the point under the cursor where it is.
        var k = Math.pow(2, view.z - z);
        view.cx = at[0] + (view.cx - at[0]) * k; view.cy = at[1] + (view.cy - at[1]) * k;
      }
      view.z = z; changed();
    }
    function world(ev) {
      var r = svg.getBoundingClientRect(), d = dims();
      return [view.cx + ((ev.clientX - r.left) / r.width - 0.5) * d.vw, view.cy + ((ev.clientY - r.top) / r.height - 0.5) * d.vh];
    }
    // Pointer events serve mouse, pen and touch: one pointer pans, two pinch.
    var pointers = {}, moved = false, pinch = null;
    svg.addEventListener('pointerdown', function (ev) {
      pointers[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
      moved = false;
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), z: view.z };
      }
    });
    svg.addEventListener('pointermove', function (ev) {
      var p = pointers[ev.pointerId];
      if (!p) { return; }
      var ids = Object.keys(pointers);
      if (ids.length === 1) {
        var d = dims();
        var dx = ev.clientX - p.x, dy = ev.clientY - p.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) {
          if (!moved) { svg.setPointerCapture(ev.pointerId); }
          moved = true;
        }
        if (moved) {
          view.cx -= dx * d.px; view.cy -= dy * d.px;
          p.x = ev.clientX; p.y = ev.clientY;
          changed();
        }
      } else if (ids.length === 2 && pinch) {
        p.x = ev.clientX; p.y = ev.clientY;
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var z = pinch.z + Math.round(Math.log2(Math.hypot(a.x - b.x, a.y - b.y) / pinch.d));
        moved = true;
        if (z !== view.z) { zoomBy(z - view.z); }
      }
    });
    function up(ev) { delete pointers[ev.pointerId]; if (Object.keys(pointers).length < 2) { pinch = null; } }
    svg.addEventListener('pointerup', up);
    svg.addEventListener('pointercancel', up);
    // A trackpad sends a stream of small wheel events: one zoom step a
    // quarter second.
    var lastWheel = 0;
    svg.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      if (ev.timeStamp - lastWheel < 250 || Math.abs(ev.deltaY) < 1) { return; }
      lastWheel = ev.timeStamp;
      zoomBy(ev.deltaY < 0 ? 1 : -1, world(ev));
    }, { passive: false });
    svg.addEventListener('dblclick', function (ev) { zoomBy(1, world(ev)); });
    box.addEventListener('keydown', function (ev) {
      var step = 60 * dims().px;
      var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (moves[ev.key]) { view.cx += moves[ev.key][0]; view.cy += moves[ev.key][1]; changed(); ev.preventDefault(); }
      if (ev.key === '+' || ev.key === '=') { zoomBy(1); ev.preventDefault(); }
      if (ev.key === '-' || ev.key === '_') { zoomBy(-1); ev.preventDefault(); }
    });
    box.querySelectorAll('button[data-zoom]').forEach(function (b) {
      b.addEventListener('click', function () {
        var d = b.getAttribute('data-zoom');
        if (d === 'fit') { fit().then(changed); return; }
        zoomBy(+d);
      });
    });
    getJSON('/static/countries.json').then(function (countries) {
      countries.forEach(function (c) {
        var path = tip(el('path', { d: outline(c.rings, 2), 'class': 'country' }), c.name);
        if (c.iso) { path.setAttribute('data-iso', c.iso); }
        land.appendChild(path);
      });
      if (shading()) { shade(shading()); }
    });
    // Shading countries, or first-level divisions, by their events is an
    // option kept in the URL. A division is drawn by its outline, filed
    // under the gazetteer's name for it; one without an outline is a disc
    // at its point in the gazetteer, shaded alike. The outlines are loaded
    // the first time they are needed, and once.
    function shading() {
      var v = new URLSearchParams(window.location.search).get('shade');
      return v === '1' || v === 'country' ? 'country' : v === 'admin1' ? 'admin1' : '';
    }
    var SHADES = ['#fde8d7', '#fbbf95', '#f3875a', '#d94f2b', '#a3260e'];
    // classes puts counts in classes on a log scale, so that one place
    // with most of the events does not leave the others all pale.
    function classes(max) {
      return function (n) { return max <= 1 ? SHADES.length - 1 : Math.min(SHADES.length - 1, Math.floor(Math.log(n) / Math.log(max + 1) * SHADES.length)); };
    }
    function shadeKey(key, what, max, cls) {
      if (!key) { return; }
      key.appendChild(document.createTextNode('events in ' + what + ': '));
      var seen = {};
      for (var n = 1; n <= max; n = n < 10 ? n + 1 : Math.round(n * 1.5)) {
        var c = cls(n);
        if (seen[c]) { continue; }
        seen[c] = true;
        var i = html('i', { 'class': 'shade' }); i.style.background = SHADES[c];
        key.appendChild(i); key.appendChild(document.createTextNode(fmt(n) + '+ '));
      }
    }
    var outlines = null;
    function divisionOutlines() {
      if (!outlines) {
        outlines = getJSON('/static/admin1.json').then(function (list) {
          var byKey = {}, byISO = {};
          list.forEach(function (o) {
            byKey[o.iso + '/' + o.name] = o.rings;
            (byISO[o.iso] = byISO[o.iso] || []).push(o);
          });
          return { byKey: byKey, byISO: byISO };
        }, function () { return { byKey: {}, byISO: {} }; });
      }
      return outlines;
    }
    var shadeSeq = 0;
    function shade(mode) {
      var own = ++shadeSeq;
      box.classList.toggle('shaded', mode !== '');
      box.classList.toggle('by-admin1', mode === 'admin1');
      land.querySelectorAll('path').forEach(function (p) {
        p.style.fill = '';
        var t = p.querySelector('title');
        if (t) { t.textContent = t.textContent.split(':')[0]; }
      });
      divisions.textContent = '';
      box.removeAttribute('data-divisions');
      box.removeAttribute('data-outlines');
      noteMap();
      var key = document.getElementById('shade-legend');
      if (key) { key.textContent = ''; }
      if (mode === 'country') {
        getJSON('/api/aggregates?by=country&' + filters().toString()).then(function (res) {
          if (own !== shadeSeq) { return; }
          var max = 0;
          res.buckets.forEach(function (b) { max = Math.max(max, b.events); });
          var cls = classes(max);
          res.buckets.forEach(function (b) {
            land.querySelectorAll('path[data-iso="' + b.key + '"]').forEach(function (p) {
              p.style.fill = SHADES[cls(b.events)];
              p.querySelector('title').textContent = p.querySelector('title').textContent.split(':')[0] + ': ' + fmt(b.events) + ' events, ' + fmt(b.fatalities) + ' killed';
            });
          });
          shadeKey(key, 'a country', max, cls);
        });
      } else if (mode === 'admin1') {
        Promise.all([getJSON('/api/admin1?' + filters().toString()), divisionOutlines()]).then(function (got) {
          var res = got[0], shapes = got[1];
          if (own !== shadeSeq) { return; }
          var max = 0, unplaced = res.without_division, discs = 0;
          var ds = res.divisions.filter(function (d) {
            d.rings = d.place ? shapes.byKey[d.iso + '/' + d.place] : null;
            if (!d.rings && (d.lat === null || d.lon === null)) { unplaced += d.events; return false; }
            if (!d.rings) { discs++; }
            max = Math.max(max, d.events);
            return true;
          });
          var cls = classes(max);
          // The divisions with no events, of the countries with some, are
          // drawn blank under them, so that a shaded one is seen among its
          // neighbours.
          var isos = {};
          ds.forEach(function (d) { isos[d.iso] = true; });
          Object.keys(isos).forEach(function (iso) {
            (shapes.byISO[iso] || []).forEach(function (o) {
              divisions.appendChild(el('path', { d: outline(o.rings, 3), 'class': 'blank' }));
            });
          });
          // Outlines under discs, and of each the busiest last, on top.
          ds.reverse();
          ds = ds.filter(function (d) { return d.rings; }).concat(ds.filter(function (d) { return !d.rings; }));
          ds.forEach(function (d) {
            var g = el('g', { 'class': 'division', 'data-name': d.name, 'data-events': d.events, tabindex: '0', role: 'button' });
            if (d.rings) {
              g.appendChild(el('path', { d: outline(d.rings, 3), fill: SHADES[cls(d.events)], 'fill-rule': 'evenodd' }));
            } else {
              var q = project(d.lon, d.lat);
              g.setAttribute('data-r', 7);
              g.appendChild(el('circle', { cx: q[0].toFixed(3), cy: q[1].toFixed(3), fill: SHADES[cls(d.events)] }));
            }
            tip(g, d.name + ', ' + d.country + ': ' + fmt(d.events) + (d.events === 1 ? ' event, ' : ' events, ') + fmt(d.fatalities) + ' killed\nclick to list them');
            function open() {
              var p = new URLSearchParams(window.location.search);
              p.set('admin1', d.name); p.set('country', d.iso);
              go(p);
            }
            g.addEventListener('click', function (ev) { if (!moved) { open(); } ev.stopPropagation(); });
            g.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { open(); } });
            divisions.appendChild(g);
            if (!d.rings) { place(g, dims().px); }
          });
          box.setAttribute('data-divisions', ds.length);
          box.setAttribute('data-outlines', ds.length - discs);
          noteMap();
          shadeKey(key, 'a province or state', max, cls);
          if (key && discs) { key.appendChild(document.createTextNode('· ' + fmt(discs) + (discs === 1 ? ' with no known outline is a disc at its seat ' : ' with no known outline are discs at their seats '))); }
          if (key && unplaced) { key.appendChild(document.createTextNode('· ' + fmt(unplaced) + ' in no known one')); }
        });
      }
    }
    var choice = document.getElementById('shade');
    if (choice) {
      choice.value = shading();
      choice.addEventListener('change', function () {
        var p = new URLSearchParams(window.location.search);
        if (choice.value) { p.set('shade', choice.value); } else { p.delete('shade'); }
        history.replaceState(null, '', '?' + p.toString());
        shade(choice.value);
      });
    }
    (fromURL ? Promise.resolve() : fit()).then(function () { apply(); return load(); });
    window.addEventListener('resize', function () { apply(); });
  }

  // drawLocator shows where an event happened: the outlines around its
  // point, and a ring as wide as its place is vague.
  function drawLocator(box) {
    var lat = +box.getAttribute('data-lat'), lon = +box.getAttribute('data-lon'), prec = +box.getAttribute('data-precision');
    var q = project(lon, lat), vw = 120, vh = 60;
    var svg = el('svg', { viewBox: [q[0] - vw / 2, q[1] - vh / 2, vw, vh].join(' '), role: 'img', 'aria-label': box.getAttribute('aria-label') });
    var land = el('g', { 'class': 'land' });
    svg.appendChild(land);
    var r = { 1: 0.8, 2: 1.6 }[prec] || 3.2;
    svg.appendChild(el('circle', { cx: q[0], cy: q[1], r: r, 'class': 'spot' }));
    svg.appendChild(el('circle', { cx: q[0], cy: q[1], r: 0.6, 'class': 'dot' }));
    box.appendChild(svg);
    getJSON('/static/countries.json').then(function (countries) {
      countries.forEach(function (c) {
        land.appendChild(tip(el('path', { d: outline(c.rings, 2), 'class': 'country' }), c.name));
      });
    });
  }

  // ---- filter bar ----
  function filterBar(form) {
    // Suggestions come from the server as the words are typed.
    form.querySelectorAll('input[data-suggest]').forEach(function (input) {
      var list = document.getElementById(input.getAttribute('list')), last = null, timer = null;
      function suggest() {
        var field = input.getAttribute('data-suggest');
        var url = '/api/suggest?field=' + field + '&q=' + encodeURIComponent(input.value.trim());
        // Divisions are offered in the country chosen, if one is.
        var country = form.querySelector('input[name=country]');
        if (field === 'admin1' && country && country.value.trim()) { url += '&country=' + encodeURIComponent(country.value.trim()); }
        if (url === last) { return; }
        last = url;
        getJSON(url).then(function (items) {
          list.textContent = '';
          items.forEach(function (it) { list.appendChild(html('option', { value: it.value, label: it.label })); });
        });
      }
      input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(suggest, 150); });
      input.addEventListener('focus', suggest);
    });
    // A sub-type offers only those of the chosen type.
    var type = document.getElementById('f-type'), sub = document.getElementById('f-subtype');
    function limit() {
      var t = type.value;
      sub.querySelectorAll('optgroup').forEach(function (g) {
        var on = !t || g.getAttribute('data-type') === t;
        g.hidden = !on; g.disabled = !on;
      });
      var opt = sub.selectedOptions[0];
      if (opt && opt.parentNode.disabled) { sub.value = ''; }
    }
    if (type && sub) {
      type.addEventListener('change', limit);
      sub.addEventListener('change', function () {
        var g = sub.selectedOptions[0] && sub.selectedOptions[0].parentNode;
        if (g && g.getAttribute('data-type')) { type.value = g.getAttribute('data-type'); limit(); }
      });
      limit();
    }
    // Empty fields stay out of the URL, which holds the whole view.
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var p = new URLSearchParams();
      new FormData(form).forEach(function (v, k) { if (String(v).trim()) { p.set(k, String(v).trim()); } });
      // The view's other settings stay: map, shading, order, page size.
      var now = new URLSearchParams(window.location.search);
      ['view', 'shade', 'sort', 'dir', 'limit'].forEach(function (k) { if (now.get(k)) { p.set(k, now.get(k)); } });
      go(p);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var map = document.getElementById('map'), line = document.getElementById('timeline'),
      form = document.getElementById('filters');
    if (form) { filterBar(form); }
    if (line) { drawTimeline(line); }
    if (map) { drawMap(map); }
    var locator = document.getElementById('locator');
    if (locator) { drawLocator(locator); }
  });
}());
