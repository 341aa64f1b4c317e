/*
 * The grid the directory's distance search runs on: cells of 0.05° latitude by 0.05° longitude
 * (about 5.5 km × 4.4 km in northern China), numbered row × 10,000 + column. PostgreSQL keeps
 * each institution's cell in the generated column `institutions.geo_cell` with the very same
 * arithmetic in float8, so a point's cell here is its cell there, bit for bit.
 */

/** Mean earth radius (IUGG), the one the directory's distances use. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Degrees per cell, both ways. */
export const CELL_DEGREES = 0.05;
const RAD = Math.PI / 180;

/** The cell of a point, as `institutions.geo_cell` computes it. */
export function cellOf(lat: number, lng: number): number {
  return Math.floor((lat + 90) / CELL_DEGREES) * 10000 + Math.floor((lng + 180) / CELL_DEGREES);
}

/** The smallest latitude/longitude box holding every point within `radiusKm` of the centre. */
export function boundingBox(lat: number, lng: number, radiusKm: number) {
  const angle = radiusKm / EARTH_RADIUS_KM;
  const dLat = angle / RAD;
  // The widest longitude a circle reaches (on a sphere, at a latitude a little poleward of its
  // centre); a circle around a pole or across the date line reaches all longitudes.
  const ratio = Math.sin(angle) / Math.cos(lat * RAD);
  const dLng = ratio >= 1 || !Number.isFinite(ratio) ? 180 : Math.asin(ratio) / RAD;
  // A hair wider, so rounding in the last bit never leaves a point at the very edge outside.
  const pad = 1e-9;
  return {
    minLat: Math.max(-90, lat - dLat - pad),
    maxLat: Math.min(90 - 1e-12, lat + dLat + pad),
    minLng: dLng >= 180 ? -180 : lng - dLng - pad,
    maxLng: dLng >= 180 ? 180 - 1e-12 : lng + dLng + pad,
  };
}

/**
 * The cells covering the circle's bounding box: an institution within `radiusKm` lies in one
 * of them (the exact distance is checked after). Null when the box spans too many cells to
 * list (a radius of hundreds of km), where the search falls back to the box alone.
 */
export function cellsAround(lat: number, lng: number, radiusKm: number, limit = 1000): number[] | null {
  const box = boundingBox(lat, lng, radiusKm);
  if (box.minLng < -180 || box.maxLng >= 180) return null;
  const first = cellOf(box.minLat, box.minLng);
  const last = cellOf(box.maxLat, box.maxLng);
  const [row0, col0, row1, col1] = [
    Math.floor(first / 10000),
    first % 10000,
    Math.floor(last / 10000),
    last % 10000,
  ];
  if ((row1 - row0 + 1) * (col1 - col0 + 1) > limit) return null;
  const cells: number[] = [];
  for (let row = row0; row <= row1; row++)
    for (let col = col0; col <= col1; col++) cells.push(row * 10000 + col);
  return cells;
}
