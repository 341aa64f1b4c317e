import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLASS_TYPES, classTypesForAge } from '../../standards/childcare-classes.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { classes } from './classes.table.js';
import { cellOf, EARTH_RADIUS_KM } from './directory.cells.js';
import { ELDERLY_FUNCTIONS } from './directory.repo.js';
import { CARE_FORM_KEYS, INSTITUTION_KINDS, KIND_KEYS } from './institutions.kinds.js';
import { institutionFunctions, institutions } from './institutions.table.js';

/*
 * The distance search reads grid cells and the counts the triggers keep; whatever it finds must
 * be exactly what a brute-force haversine over every row (and a count over the raw classes and
 * functions) finds, including at cell edges and at the rim of the circle.
 */

const HOME = { lat: 38.05, lng: 114.52 };
const RAD = Math.PI / 180;
let t: TestApp;

function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const s =
    Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lng - a.lng) * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(s));
}

/** The next double after `x` towards `to` (one unit in the last place). */
function nextDouble(x: number, to: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, to > x === x >= 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** The smallest double at or above `near` whose cell differs from the one below it (a cell edge). */
function firstAfterEdge(near: number, cellAt: (x: number) => number): number {
  let x = near - 1e-9;
  while (cellAt(nextDouble(x, Infinity)) === cellAt(x)) x = nextDouble(x, Infinity);
  return nextDouble(x, Infinity);
}

async function add(values: Partial<typeof institutions.$inferInsert>[]) {
  const defaults = { kind: 'childcare_centre', regionCode: '130102001001', status: 'filed' };
  return t.database.db
    .insert(institutions)
    .values(values.map((v, i) => ({ name: `机构${i}`, ...defaults, ...v })))
    .returning({ id: institutions.id, name: institutions.name });
}

/** A filter a third of the searches use. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary, weight: 1 });

async function search(query: Record<string, string | number>) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await t.anonymous.get(`/api/directory?pageSize=200&${params}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    items: {
      id: string;
      name: string;
      distanceKm: number;
      capacity: number | null;
      freePlaces: number | null;
    }[];
  };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
});

describe('cell edges and the rim of the circle', () => {
  it('finds institutions on both sides of a cell edge, and one exactly on it', async () => {
    const rowOf = (lat: number) => Math.floor(cellOf(lat, HOME.lng) / 10000);
    const colOf = (lng: number) => cellOf(HOME.lat, lng) % 10000;
    const edgeLat = firstAfterEdge(38.1, rowOf);
    const edgeLng = firstAfterEdge(114.6, colOf);
    const below = nextDouble(edgeLat, -Infinity);
    const west = nextDouble(edgeLng, -Infinity);
    const placed = await add([
      { name: '边上北', lat: edgeLat, lng: HOME.lng },
      { name: '边下南', lat: below, lng: HOME.lng },
      { name: '边上东', lat: HOME.lat, lng: edgeLng },
      { name: '边下西', lat: HOME.lat, lng: west },
    ]);
    const stored = await t.database.db
      .select({ cell: institutions.geoCell, lat: institutions.lat, lng: institutions.lng })
      .from(institutions)
      .where(sql`${institutions.name} LIKE '边%'`);
    expect(stored).toHaveLength(4);
    for (const row of stored as { cell: number; lat: number; lng: number }[]) {
      expect(row.cell).toBe(cellOf(row.lat, row.lng));
    }
    expect(rowOf(edgeLat)).toBe(rowOf(below) + 1);
    expect(colOf(edgeLng)).toBe(colOf(west) + 1);

    const near = (lat: number, lng: number, radiusKm: number) => search({ lat, lng, radiusKm });
    expect((await near(edgeLat, HOME.lng, 1)).items.map((i) => i.name).sort()).toEqual(['边上北', '边下南']);
    expect((await near(below, HOME.lng, 0.01)).items.map((i) => i.name).sort()).toEqual(['边上北', '边下南']);
    expect((await near(HOME.lat, edgeLng, 0.01)).items.map((i) => i.name).sort()).toEqual([
      '边上东',
      '边下西',
    ]);
    await t.database.db.delete(institutions).where(sql`id IN ${placed.map((p) => p.id)}`);
  });

  it('keeps one just inside the radius and leaves out one just outside, every way', async () => {
    const km = (d: number) => d / EARTH_RADIUS_KM / RAD;
    const eastDegrees = (d: number) =>
      (2 * Math.asin(Math.sin(d / EARTH_RADIUS_KM / 2) / Math.cos(HOME.lat * RAD))) / RAD;
    const placed = await add([
      { name: '北内', lat: HOME.lat + km(1.999), lng: HOME.lng },
      { name: '北外', lat: HOME.lat + km(2.001), lng: HOME.lng },
      { name: '南内', lat: HOME.lat - km(1.999), lng: HOME.lng },
      { name: '东内', lat: HOME.lat, lng: HOME.lng + eastDegrees(1.999) },
      { name: '东外', lat: HOME.lat, lng: HOME.lng + eastDegrees(2.001) },
      { name: '西外', lat: HOME.lat, lng: HOME.lng - eastDegrees(2.001) },
    ]);
    const body = await search({ lat: HOME.lat, lng: HOME.lng, radiusKm: 2 });
    expect(body.items.map((i) => i.name).sort()).toEqual(['东内', '北内', '南内'].sort());
    expect(body.total).toBe(3);
    expect(body.items.every((i) => i.distanceKm <= 2)).toBe(true);
    await t.database.db.delete(institutions).where(sql`id IN ${placed.map((p) => p.id)}`);
  });
});

describe('the same answers as a brute-force search over every row', () => {
  it('for random points, radii and filters over a few hundred institutions', async () => {
    let state = 2024;
    const random = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const rows = Array.from({ length: 320 }, (_, i) => ({
      name: `随机${String(i).padStart(3, '0')}`,
      kind: pick(KIND_KEYS),
      status: random() < 0.9 ? 'filed' : 'draft',
      lat: random() < 0.05 ? null : HOME.lat + (random() - 0.5) * 0.24,
      lng: HOME.lng + (random() - 0.5) * 0.3,
      affordable: random() < 0.4,
      careForms: CARE_FORM_KEYS.filter(() => random() < 0.4),
      minAgeMonths: random() < 0.5 ? pick([0, 6, 12, 18]) : null,
      maxAgeMonths: random() < 0.5 ? pick([24, 30, 36]) : null,
    }));
    const ids = (await add(rows)).map((r) => r.id);
    const classRows = ids.flatMap((institutionId) =>
      Array.from({ length: Math.floor(random() * 4) }, (_, n) => {
        const capacity = 5 + Math.floor(random() * 16);
        const status = random() < 0.15 ? 'inactive' : 'active';
        const enrolled = Math.floor(random() * (capacity + 3));
        return { institutionId, name: `${n + 1}班`, type: pick(CLASS_TYPES), capacity, enrolled, status };
      }),
    );
    await t.database.db.insert(classes).values(classRows);
    const functionRows = ids.flatMap((institutionId) =>
      (['childcare', ...ELDERLY_FUNCTIONS] as const)
        .filter(() => random() < 0.3)
        .map((fn) => ({ institutionId, function: fn, capacity: Math.floor(random() * 100) })),
    );
    await t.database.db.insert(institutionFunctions).values(functionRows);

    const sector = (kind: string) => INSTITUTION_KINDS[kind as keyof typeof INSTITUTION_KINDS].sector;
    const all = rows.map((row, i) => {
      const active = classRows.filter((c) => c.institutionId === ids[i] && c.status === 'active');
      const fns = functionRows.filter((f) => f.institutionId === ids[i]);
      const sum = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) : null);
      const cap = sum(active.map((c) => c.capacity));
      const free = sum(active.map((c) => Math.max(c.capacity - c.enrolled, 0)));
      const childcare = sum(fns.filter((f) => f.function === 'childcare').map((f) => f.capacity));
      const elderly = sum(fns.filter((f) => f.function !== 'childcare').map((f) => f.capacity));
      const s = sector(row.kind);
      const capacity =
        s === 'childcare'
          ? (cap ?? childcare)
          : s === 'elderly'
            ? elderly
            : (cap ?? childcare ?? 0) + (elderly ?? 0);
      const freePlaces = s === 'childcare' ? free : s === 'elderly' ? elderly : (free ?? 0) + (elderly ?? 0);
      const forFilter = (s === 'elderly' ? 0 : (free ?? 0)) + (s === 'childcare' ? 0 : (elderly ?? 0));
      return { ...row, id: ids[i]!, types: active.map((c) => c.type), capacity, freePlaces, forFilter };
    });

    let found = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          lat: fc.integer({ min: -120_000, max: 120_000 }).map((n) => HOME.lat + n / 1e6),
          lng: fc.integer({ min: -150_000, max: 150_000 }).map((n) => HOME.lng + n / 1e6),
          radiusKm: fc.integer({ min: 200, max: 9000 }).map((m) => m / 1000),
          kind: sometimes(fc.subarray([...KIND_KEYS], { minLength: 1 })),
          careForm: sometimes(fc.constantFrom(...CARE_FORM_KEYS)),
          ageMonths: sometimes(fc.integer({ min: 0, max: 36 })),
          affordable: sometimes(fc.boolean()),
          hasPlaces: sometimes(fc.constant(true)),
        }),
        async (q) => {
          const expected = all
            .filter((r) => r.status === 'filed' && r.lat !== null)
            .map((r) => ({ ...r, distance: haversineKm(q, { lat: r.lat!, lng: r.lng }) }))
            .filter((r) => r.distance <= q.radiusKm)
            .filter((r) => !q.kind || q.kind.includes(r.kind))
            .filter((r) => !q.careForm || r.careForms.includes(q.careForm))
            .filter((r) => q.affordable === undefined || r.affordable === q.affordable)
            .filter((r) => !q.hasPlaces || r.forFilter > 0)
            .filter((r) => {
              if (q.ageMonths === undefined) return true;
              const age = q.ageMonths;
              const fits = classTypesForAge(age) as readonly string[];
              return (
                (r.minAgeMonths === null || r.minAgeMonths <= age) &&
                (r.maxAgeMonths === null || r.maxAgeMonths > age) &&
                r.types.some((type) => fits.includes(type))
              );
            })
            .sort((a, b) => a.distance - b.distance);
          const query: Record<string, string | number> = { lat: q.lat, lng: q.lng, radiusKm: q.radiusKm };
          if (q.kind) query.kind = q.kind.join(',');
          if (q.careForm) query.careForm = q.careForm;
          if (q.ageMonths !== undefined) query.ageMonths = q.ageMonths;
          if (q.affordable !== undefined) query.affordable = String(q.affordable);
          if (q.hasPlaces) query.hasPlaces = 'true';
          const body = await search(query);
          if (expected.length > 0) found += 1;
          expect(body.total).toBe(expected.length);
          expect(body.items.map((i) => i.id)).toEqual(expected.slice(0, 200).map((r) => r.id));
          for (const [n, item] of body.items.entries()) {
            const want = expected[n]!;
            expect(item).toMatchObject({ capacity: want.capacity, freePlaces: want.freePlaces });
            expect(item.distanceKm).toBeCloseTo(want.distance, 2);
          }
        },
      ),
      { numRuns: 120 },
    );
    // Most searches find something, so the comparison is not of empty lists.
    expect(found).toBeGreaterThan(40);
  });
});
