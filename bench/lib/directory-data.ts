/**
 * The directory benchmark's data: 100,000 filed institutions over China's counties (with
 * classes and functions) loaded by COPY, and the searches parents make. Deterministic.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/db/client.js';
import { chinaInstitutions } from '../../src/modules/institutions/fixtures/china-institutions.js';
import { capacityFunctionOf } from '../../src/modules/institutions/import.parse.js';
import { INSTITUTION_KINDS } from '../../src/modules/institutions/institutions.kinds.js';
import { csvNullable, csvText } from '../../src/modules/regions/regions.csv.js';

export type Point = { lat: number; lng: number };

/** A small deterministic generator (LCG). */
export function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

/** Drop and create the benchmark database. */
export async function recreateDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

/** `count` (100,000) filed institutions with classes (childcare) and functions, loaded by COPY. */
export async function seed(database: Database, url: string, count: number): Promise<Point[]> {
  const r = rng(7);
  const institutions: string[] = [];
  const classes: string[] = [];
  const functions: string[] = [];
  const points: Point[] = [];
  const SIZES = { infant: 10, toddler: 15, older_toddler: 20, mixed: 18 } as const;
  for (const inst of chinaInstitutions(count, 21)) {
    const id = randomUUID();
    const childcare = INSTITUTION_KINDS[inst.kind].sector !== 'elderly';
    const types: string[] = [];
    if (childcare && inst.capacity) {
      if (inst.kind === 'home_childcare_point') types.push('home_point');
      else
        for (let n = Math.min(6, Math.ceil(inst.capacity / 15)); n > 0; n--)
          types.push(r.pick(Object.keys(SIZES)));
      for (const [i, type] of types.entries()) {
        const size = type === 'home_point' ? inst.capacity : SIZES[type as keyof typeof SIZES];
        const enrolled = Math.round(size * (0.5 + r.next() * 0.5));
        classes.push([randomUUID(), id, csvText(`${i + 1}班`), type, size, enrolled].join(','));
      }
    }
    const capacityFn = capacityFunctionOf(inst.kind);
    if (capacityFn && inst.capacity) functions.push([id, capacityFn, inst.capacity].join(','));
    const forms = childcare
      ? ['full_day', ...(['half_day', 'hourly', 'temporary'] as const).filter(() => r.next() < 0.3)]
      : [];
    const graded = r.next() < 0.4 ? r.pick(['A', 'B', 'B', 'C', 'C', 'D']) : null;
    const minAge = types.includes('infant') || types.includes('home_point') ? 6 : 12;
    institutions.push(
      [
        id,
        csvText(inst.name),
        inst.kind,
        inst.operator,
        inst.affordable,
        inst.priceCap ?? '',
        inst.regionCode,
        csvText(inst.address),
        inst.lat,
        inst.lng,
        csvNullable(inst.phone),
        csvText(JSON.stringify(forms)),
        csvText(JSON.stringify(inst.priceCap ? { full_day: inst.priceCap } : {})),
        childcare ? minAge : '',
        childcare ? 36 : '',
        graded ?? '',
        graded ? { A: 5, B: 4, C: 3, D: 2 }[graded] : '',
        'filed',
        '2024-03-01',
      ].join(','),
    );
    points.push({ lat: inst.lat, lng: inst.lng });
  }
  const columns =
    'id name kind operator affordable price_cap region_code address lat lng phone care_forms prices min_age_months max_age_months grade stars status filed_at';
  await database.copyCsv('institutions', columns.split(' '), `${institutions.join('\n')}\n`);
  const classColumns = ['id', 'institution_id', 'name', 'type', 'capacity', 'enrolled'];
  await database.copyCsv('classes', classColumns, `${classes.join('\n')}\n`);
  const functionColumns = ['institution_id', 'function', 'capacity'];
  await database.copyCsv('institution_functions', functionColumns, `${functions.join('\n')}\n`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans need.
  await admin.query('VACUUM ANALYZE institutions, classes, institution_functions, regions');
  await admin.end();
  console.log(
    `seeded ${count.toLocaleString()} filed institutions, ${classes.length.toLocaleString()} classes`,
  );
  return points;
}

const CHILDCARE = 'childcare_centre,kindergarten_nursery,home_childcare_point';
const ELDERLY = 'elderly_care_institution,community_elderly_centre,meal_point';

/**
 * Searches parents and families make: a point within ~1 km of an institution, radius 3–5 km,
 * nearest first, 20 a page; most ask for childcare, some for an age, a care form, affordable
 * places or free places, a few for elderly care.
 */
export function searches(points: Point[], n: number): Record<string, string>[] {
  const r = rng(42);
  return Array.from({ length: n }, () => {
    const p = r.pick(points);
    const query: Record<string, string> = {
      lat: (p.lat + (r.next() - 0.5) * 0.02).toFixed(5),
      lng: (p.lng + (r.next() - 0.5) * 0.02).toFixed(5),
      radiusKm: String(r.pick([3, 4, 5, 5])),
      sort: 'distance',
      pageSize: '20',
    };
    const kindRoll = r.next();
    if (kindRoll < 0.5) query.kind = CHILDCARE;
    else if (kindRoll < 0.6) query.kind = ELDERLY;
    const forChildcare = kindRoll < 0.5;
    if (forChildcare && r.next() < 0.3) query.ageMonths = String(r.int(6, 35));
    if (forChildcare && r.next() < 0.2)
      query.careForm = r.pick(['full_day', 'full_day', 'half_day', 'hourly', 'temporary']);
    if (r.next() < 0.25) query.affordable = 'true';
    if (r.next() < 0.3) query.hasPlaces = 'true';
    return query;
  });
}
