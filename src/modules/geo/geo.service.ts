import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../server/errors.js';
import {
  type BoundingBox,
  boundingBox,
  containsPoint,
  type Position,
  type RegionFeature,
  type RegionFeatureCollection,
} from './geo.geometry.js';
import { GM } from './geo.messages.js';

export type { Position, RegionFeature, RegionFeatureCollection } from './geo.geometry.js';

/**
 * Region boundaries for maps and demo data, from the files bundled under ./data (see NOTICE.md
 * there): `<province>.cities.geojson` and `<province>.counties.geojson`, keyed by region code.
 * Each province's files are read once, on first use, and kept in memory.
 */

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

interface ProvinceBoundaries {
  cities: RegionFeature[];
  counties: Map<string, RegionFeature & { bbox: BoundingBox }>;
  cityLabels: Map<string, Position>;
}

const provinces = new Map<string, ProvinceBoundaries | null>();
const serialized = new Map<string, { body: string; etag: string }>();

function readCollection(file: string): RegionFeatureCollection | null {
  const full = path.join(DATA_DIR, file);
  if (!existsSync(full)) return null;
  return JSON.parse(readFileSync(full, 'utf8')) as RegionFeatureCollection;
}

/** The bundled boundaries of a province (by its 2-digit code), or null when none are bundled. */
function provinceOf(code: string): ProvinceBoundaries | null {
  const province = code.slice(0, 2);
  if (!/^\d{2}$/.test(province)) return null;
  if (!provinces.has(province)) {
    const cities = readCollection(`${province}.cities.geojson`);
    const counties = readCollection(`${province}.counties.geojson`);
    provinces.set(
      province,
      cities && counties
        ? {
            cities: cities.features,
            counties: new Map(counties.features.map((f) => [f.id, { ...f, bbox: boundingBox(f.geometry) }])),
            cityLabels: new Map(cities.features.map((f) => [f.id, f.properties.cp])),
          }
        : null,
    );
  }
  return provinces.get(province) ?? null;
}

function collection(features: RegionFeature[]): RegionFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map(({ type, id, properties, geometry }) => ({ type, id, properties, geometry })),
  };
}

/**
 * The boundaries of the regions under `code`: a province's cities, a city's counties, or a
 * county's own outline. Throws 404 `geo.no_boundaries` where nothing is bundled (other
 * provinces, townships, functional zones without a polygon).
 */
export function boundariesOf(code: string): RegionFeatureCollection {
  const data = provinceOf(code);
  let features: RegionFeature[] = [];
  if (data && code.length === 2) features = data.cities;
  else if (data && code.length === 4)
    features = [...data.counties.values()].filter((f) => f.id.startsWith(code));
  else if (data && code.length === 6) {
    const county = data.counties.get(code);
    features = county ? [county] : [];
  }
  if (features.length === 0) throw new AppError(404, GM['geo.no_boundaries'], { code });
  return collection(features);
}

/**
 * `boundariesOf(code)` as the JSON text the API sends, with a strong ETag; both computed once
 * per code, since the bundled files never change while the process runs.
 */
export function boundariesJson(code: string): { body: string; etag: string } {
  let entry = serialized.get(code);
  if (!entry) {
    const body = JSON.stringify(boundariesOf(code));
    entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    serialized.set(code, entry);
  }
  return entry;
}

/** True when a county (6-digit code) has a bundled polygon. */
export function hasCountyPolygon(countyCode: string): boolean {
  return provinceOf(countyCode)?.counties.has(countyCode) ?? false;
}

/**
 * Whether `[lng, lat]` lies inside the county's bundled polygon; null when the county has no
 * polygon (so a caller can tell "outside" from "cannot say").
 */
export function pointInCounty(countyCode: string, lng: number, lat: number): boolean | null {
  const county = provinceOf(countyCode)?.counties.get(countyCode);
  if (!county) return null;
  const [minLng, minLat, maxLng, maxLat] = county.bbox;
  if (lng < minLng || lng > maxLng || lat < minLat || lat > maxLat) return false;
  return containsPoint(county.geometry, lng, lat);
}

/** The label point of a county, or of its city when the county has no polygon; null when unknown. */
export function labelPointOf(countyCode: string): Position | null {
  const data = provinceOf(countyCode);
  if (!data) return null;
  return data.counties.get(countyCode)?.properties.cp ?? data.cityLabels.get(countyCode.slice(0, 4)) ?? null;
}

/** How far (degrees) a fallback point strays from the label point when there is no polygon. */
const FALLBACK_JITTER = 0.02;
const MAX_TRIES = 500;

/**
 * A random point inside the county's polygon, by rejection sampling in its bounding box, drawn
 * from `random` (a [0, 1) generator, seeded for reproducible demo data). A county without a
 * polygon (a functional zone) gets its label point, or its city's, plus a small jitter; null
 * when the province has no bundled boundaries at all.
 */
export function randomPointInCounty(countyCode: string, random: () => number): Position | null {
  const county = provinceOf(countyCode)?.counties.get(countyCode);
  if (county) {
    const [minLng, minLat, maxLng, maxLat] = county.bbox;
    for (let i = 0; i < MAX_TRIES; i++) {
      const lng = minLng + (maxLng - minLng) * random();
      const lat = minLat + (maxLat - minLat) * random();
      if (containsPoint(county.geometry, lng, lat)) return [round6(lng), round6(lat)];
    }
  }
  const label = labelPointOf(countyCode);
  if (!label) return null;
  return [
    round6(label[0] + (random() * 2 - 1) * FALLBACK_JITTER),
    round6(label[1] + (random() * 2 - 1) * FALLBACK_JITTER),
  ];
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
