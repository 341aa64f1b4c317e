import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundingBox, CELL_DEGREES, cellOf, cellsAround, EARTH_RADIUS_KM } from './directory.cells.js';

const RAD = Math.PI / 180;

/** The point `km` away from (lat, lng) towards `bearing` (degrees) on the sphere. */
function destination(lat: number, lng: number, km: number, bearing: number) {
  const d = km / EARTH_RADIUS_KM;
  const [phi, lambda, theta] = [lat * RAD, lng * RAD, bearing * RAD];
  const phi2 = Math.asin(Math.sin(phi) * Math.cos(d) + Math.cos(phi) * Math.sin(d) * Math.cos(theta));
  const lambda2 =
    lambda +
    Math.atan2(Math.sin(theta) * Math.sin(d) * Math.cos(phi), Math.cos(d) - Math.sin(phi) * Math.sin(phi2));
  return { lat: phi2 / RAD, lng: lambda2 / RAD };
}

describe('directory grid cells', () => {
  it('numbers cells by 0.05° row and column', () => {
    expect(cellOf(0, 0)).toBe(1800 * 10000 + 3600);
    expect(cellOf(38.04, 114.51)).toBe(
      Math.floor(128.04 / CELL_DEGREES) * 10000 + Math.floor(294.51 / CELL_DEGREES),
    );
    expect(cellOf(38.049999, 114.52) + 10000).toBe(cellOf(38.050001, 114.52));
  });

  it('covers every point of the circle, on any bearing, up to the rim', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 3.5, max: 54, noNaN: true }),
        fc.double({ min: 73, max: 136, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        (lat, lng, radiusKm, share, bearing) => {
          const cells = new Set(cellsAround(lat, lng, radiusKm));
          const p = destination(lat, lng, radiusKm * share, bearing);
          const box = boundingBox(lat, lng, radiusKm);
          expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
          expect(p.lat).toBeLessThanOrEqual(box.maxLat);
          expect(p.lng).toBeGreaterThanOrEqual(box.minLng);
          expect(p.lng).toBeLessThanOrEqual(box.maxLng);
          expect(cells.has(cellOf(p.lat, p.lng))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('lists a handful of cells for a neighbourhood search', () => {
    expect(cellsAround(38.05, 114.52, 5)!.length).toBeLessThanOrEqual(16);
    expect(cellsAround(38.05, 114.52, 50)!.length).toBeLessThan(1000);
  });
});
