/** Which region of a GeoJSON collection a point falls in (for "zoom into a city to drill down"). */
import type { GeoFeatureCollection } from '../../api/types';

type Ring = number[][];

function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(rings: Ring[], x: number, y: number): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(outer, x, y) && !holes.some((hole) => inRing(hole, x, y));
}

/** The id (region code) of the feature containing [lng, lat], or null. */
export function regionAt(collection: GeoFeatureCollection, lng: number, lat: number): string | null {
  for (const feature of collection.features) {
    const geometry = feature.geometry as { type: string; coordinates: unknown };
    const polygons =
      geometry.type === 'Polygon'
        ? [geometry.coordinates as Ring[]]
        : geometry.type === 'MultiPolygon'
          ? (geometry.coordinates as Ring[][])
          : [];
    if (polygons.some((rings) => inPolygon(rings, lng, lat))) {
      return String(feature.id ?? feature.properties.code ?? '') || null;
    }
  }
  return null;
}
