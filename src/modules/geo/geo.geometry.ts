/**
 * The little plane geometry doorstep needs on region boundaries (lng/lat treated as a plane,
 * which is fine inside one county): GeoJSON types, bounding boxes and point-in-polygon. Pure.
 */

/** `[lng, lat]` in degrees (WGS-84 as the source has it; GCJ-02 offsets are below map precision). */
export type Position = [number, number];
export type Ring = Position[];

export type Geometry =
  | { type: 'Polygon'; coordinates: Ring[] }
  | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** One region's boundary: `id` is the region code, `cp` the label point. */
export interface RegionFeature {
  type: 'Feature';
  id: string;
  properties: { name: string; cp: Position };
  geometry: Geometry;
}

export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  features: RegionFeature[];
}

/** `[minLng, minLat, maxLng, maxLat]`. */
export type BoundingBox = [number, number, number, number];

/** The polygons of a geometry, each as rings (outer ring first, then holes). */
export function polygonsOf(geometry: Geometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The smallest box around every outer ring of the geometry. */
export function boundingBox(geometry: Geometry): BoundingBox {
  const box: BoundingBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [outer = []] of polygonsOf(geometry)) {
    for (const [lng, lat] of outer) {
      if (lng < box[0]) box[0] = lng;
      if (lat < box[1]) box[1] = lat;
      if (lng > box[2]) box[2] = lng;
      if (lat > box[3]) box[3] = lat;
    }
  }
  return box;
}

/** Even-odd ray casting over one ring. */
function insideRing(ring: Ring, lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies inside the geometry (inside an outer ring and outside its holes). */
export function containsPoint(geometry: Geometry, lng: number, lat: number): boolean {
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    if (!outer || !insideRing(outer, lng, lat)) continue;
    if (!holes.some((hole) => insideRing(hole, lng, lat))) return true;
  }
  return false;
}
