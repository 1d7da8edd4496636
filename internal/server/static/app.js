// sitrep dashboard: the map, the timeline and table sorting. Plain DOM and
// SVG, no third-party code; the data comes from the JSON API.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var colours = {
    'Battles': '#c0392b', 'Explosions/Remote violence': '#e67e22', 'Violence against civilians': '#8e44ad',
    'Protests': '#2980b9', 'Riots': '#16a085', 'Strategic developments': '#7f8c8d'
  };
  function el(name, attrs) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    return e;
  }
  function query() { return window.location.search.replace(/^\?/, ''); }
  function getJSON(url) { return fetch(url).then(function (r) { return r.json(); }); }

  function drawMap(box) {
    var W = 960, H = 480;
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'map of events' });
    box.appendChild(svg);
    function xy(lon, lat) { return [(lon + 180) / 360 * W, (90 - lat) / 180 * H]; }
    Promise.all([getJSON('/static/countries.json'), getJSON('/api/events?limit=500&' + query())]).then(function (res) {
      res[0].forEach(function (c) {
        // A ring that crosses the antimeridian is cut there rather than
        // drawn across the whole map.
        var d = c.rings.map(function (ring) {
          return ring.map(function (p, i) {
            var q = xy(p[0], p[1]);
            var jump = i === 0 || Math.abs(p[0] - ring[i - 1][0]) > 180;
            return (jump ? 'M' : 'L') + q[0].toFixed(1) + ',' + q[1].toFixed(1);
          }).join('');
        }).join('');
        var path = el('path', { d: d, 'class': 'country' });
        var t = el('title', {}); t.textContent = c.name; path.appendChild(t);
        svg.appendChild(path);
      });
      res[1].events.forEach(function (e) {
        if (e.latitude == null) { return; }
        var q = xy(e.longitude, e.latitude);
        var type = e.event_type || e.plover;
        var dot = el('circle', { cx: q[0].toFixed(1), cy: q[1].toFixed(1), r: (3 + Math.sqrt(e.fatalities || 0)).toFixed(1),
          fill: colours[type] || '#34495e', 'class': 'event', 'data-id': e.id });
        var t = el('title', {}); t.textContent = e.event_date + ' ' + type + ' · ' + e.location + (e.fatalities ? ' · ' + e.fatalities + ' killed' : '');
        dot.appendChild(t);
        dot.addEventListener('click', function () { window.location = '/events/' + e.id; });
        svg.appendChild(dot);
      });
    });
  }

  function drawTimeline(box) {
    getJSON('/api/aggregates?by=day&' + query()).then(function (res) {
      var b = res.buckets;
      if (!b.length) { return; }
      var W = 960, H = 90, bw = W / b.length;
      var max = Math.max.apply(null, b.map(function (x) { return x.events; }));
      var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'events per day' });
      b.forEach(function (x, i) {
        var h = Math.max(2, x.events / max * (H - 14));
        var r = el('rect', { x: (i * bw).toFixed(1), y: (H - h).toFixed(1), width: Math.max(1, bw - 1).toFixed(1), height: h.toFixed(1), 'class': 'bar' });
        var t = el('title', {}); t.textContent = x.key + ': ' + x.events + ' events, ' + x.fatalities + ' killed'; r.appendChild(t);
        svg.appendChild(r);
      });
      var brush = el('rect', { y: 0, height: H, width: 0, 'class': 'brush' });
      svg.appendChild(brush);
      var start = null;
      function index(ev) {
        var pt = svg.getBoundingClientRect();
        return Math.min(b.length - 1, Math.max(0, Math.floor((ev.clientX - pt.left) / pt.width * b.length)));
      }
      svg.addEventListener('mousedown', function (ev) { start = index(ev); brush.setAttribute('x', start * bw); brush.setAttribute('width', bw); });
      svg.addEventListener('mousemove', function (ev) {
        if (start === null) { return; }
        var i = index(ev), lo = Math.min(start, i), hi = Math.max(start, i);
        brush.setAttribute('x', lo * bw); brush.setAttribute('width', (hi - lo + 1) * bw);
      });
      svg.addEventListener('mouseup', function (ev) {
        if (start === null) { return; }
        var i = index(ev), lo = Math.min(start, i), hi = Math.max(start, i);
        start = null;
        var p = new URLSearchParams(window.location.search);
        p.set('from', b[lo].key); p.set('to', b[hi].key);
        window.location.search = p.toString();
      });
      box.appendChild(svg);
    });
  }

  function sortable(table) {
    var heads = table.querySelectorAll('th');
    heads.forEach(function (th, col) {
      th.addEventListener('click', function () {
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        var dir = th.getAttribute('data-dir') === 'asc' ? -1 : 1;
        heads.forEach(function (h) { h.removeAttribute('data-dir'); });
        th.setAttribute('data-dir', dir === 1 ? 'asc' : 'desc');
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          var nx = parseFloat(x), ny = parseFloat(y);
          if (!isNaN(nx) && !isNaN(ny)) { return (nx - ny) * dir; }
          return x.localeCompare(y) * dir;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var map = document.getElementById('map'), line = document.getElementById('timeline'), table = document.getElementById('events');
    if (map) { drawMap(map); }
    if (line) { drawTimeline(line); }
    if (table) { sortable(table); }
  });
}());
