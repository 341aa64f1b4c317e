import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import {
  boundariesOf,
  hasCountyPolygon,
  labelPointOf,
  pointInCounty,
  randomPointInCounty,
} from './geo.service.js';

/** A small deterministic generator for the sampling tests. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('region boundaries', () => {
  it("gives Hebei's 11 cities under 13, keyed by their codes", () => {
    const cities = boundariesOf('13');
    expect(cities.type).toBe('FeatureCollection');
    expect(cities.features.map((f) => f.id)).toEqual([
      '1301',
      '1302',
      '1303',
      '1304',
      '1305',
      '1306',
      '1307',
      '1308',
      '1309',
      '1310',
      '1311',
    ]);
    expect(cities.features[0]!.properties.name).toBe('石家庄市');
  });

  it("gives Shijiazhuang's counties under 1301, Chang'an among them with a label point", () => {
    const counties = boundariesOf('1301');
    const ids = counties.features.map((f) => f.id);
    expect(ids).toContain('130102');
    expect(ids).toContain('130104');
    expect(ids.every((id) => id.startsWith('1301'))).toBe(true);
    const changan = counties.features.find((f) => f.id === '130102')!;
    expect(changan.properties.name).toBe('长安区');
    const [lng, lat] = changan.properties.cp;
    expect(pointInCounty('130102', lng, lat)).toBe(true);
  });

  it('gives a county its own outline', () => {
    expect(boundariesOf('130102').features.map((f) => f.id)).toEqual(['130102']);
  });

  it('carries renamed counties under their current codes (Xingtai 2020, Luanzhou 2018)', () => {
    const xingtai = boundariesOf('1305').features.map((f) => `${f.id} ${f.properties.name}`);
    expect(xingtai).toContain('130502 襄都区');
    expect(xingtai).toContain('130503 信都区');
    expect(boundariesOf('130284').features[0]!.properties.name).toBe('滦州市');
  });

  it.each(['44', '4401', '130171', '130102001', '130102001001'])(
    'answers 404 for %s (none bundled)',
    (code) => {
      let error: unknown;
      try {
        boundariesOf(code);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(404);
    },
  );

  it('places random points inside their county, the same ones for the same seed', () => {
    const random = seeded(42);
    for (const county of ['130102', '130104', '130131', '130284', '130503', '131182']) {
      for (let i = 0; i < 20; i++) {
        const [lng, lat] = randomPointInCounty(county, random)!;
        expect(pointInCounty(county, lng, lat)).toBe(true);
      }
    }
    expect(randomPointInCounty('130102', seeded(7))).toEqual(randomPointInCounty('130102', seeded(7)));
  });

  it('tells a point in the neighbouring county from one inside', () => {
    const [lng, lat] = labelPointOf('130104')!;
    expect(pointInCounty('130104', lng, lat)).toBe(true);
    expect(pointInCounty('130102', lng, lat)).toBe(false);
  });

  it('puts a functional zone without a polygon near its city instead', () => {
    expect(hasCountyPolygon('130171')).toBe(false);
    expect(pointInCounty('130171', 114.5, 38)).toBeNull();
    const [lng, lat] = randomPointInCounty('130171', seeded(1))!;
    const [cityLng, cityLat] = labelPointOf('130171')!;
    expect(Math.abs(lng - cityLng)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(lat - cityLat)).toBeLessThanOrEqual(0.02);
    expect(randomPointInCounty('440103', seeded(1))).toBeNull();
  });

  it('has a polygon for every Hebei county that is not a functional zone, its label point inside', () => {
    const counties = Object.values(
      Object.fromEntries(
        ['1301', '1302', '1303', '1304', '1305', '1306', '1307', '1308', '1309', '1310', '1311'].flatMap(
          (c) => boundariesOf(c).features.map((f) => [f.id, f]),
        ),
      ),
    );
    expect(counties).toHaveLength(167);
    for (const county of counties) {
      expect(county.id.slice(4, 5)).not.toBe('7');
      expect(pointInCounty(county.id, ...county.properties.cp)).toBe(true);
    }
  });
});
