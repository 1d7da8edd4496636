// Builds internal/server/static/countries.json: country outlines as
// GeoJSON-like rings with coordinates rounded to 0.1 degree, small enough
// to embed and draw without a tile server. Run: npm ci && node build.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const topo = require('world-atlas/countries-110m.json');
const fc = feature(topo, topo.objects.countries);
const round = (x) => Math.round(x * 10) / 10;
const shapes = fc.features.map((f) => {
  const polys = f.geometry ? (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) : [];
  return {
    name: f.properties.name,
    rings: polys.flatMap((p) => p.map((ring) => ring.map(([x, y]) => [round(x), round(y)]))),
  };
}).sort((a, b) => a.name.localeCompare(b.name));
const out = path.join(here, '..', '..', 'internal', 'server', 'static', 'countries.json');
fs.writeFileSync(out, JSON.stringify(shapes));
console.log(`wrote ${out}: ${shapes.length} countries, ${fs.statSync(out).size} bytes`);
