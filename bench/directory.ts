/**
 * Public directory benchmark: 100,000 filed institutions over Hebei's real communities (with
 * coordinates, classes and functions) in PostgreSQL, then `GET /api/directory` hammered by
 * autocannon (50 connections, ~20 s: random points, random filters, distance sort, 5 km) on a
 * doorstep server started in this process. The floor is the very same SQL statement sent
 * straight to PostgreSQL through a pg pool by 50 concurrent clients for the same time.
 *
 *   npm run bench -- directory      # DATABASE_URL or postgres://postgres@127.0.0.1:5432/doorstep_bench_directory
 *   BENCH_SECONDS=10 npm run bench -- directory
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { createFieldCipher } from '../src/lib/secrets.js';
import { directoryQuery } from '../src/modules/institutions/directory.repo.js';
import { DirectoryQuery } from '../src/modules/institutions/directory.schema.js';
import { toDirectoryFilters } from '../src/modules/institutions/directory.service.js';
import { plausibleInstitutions } from '../src/modules/institutions/fixtures/hebei-institutions.js';
import { capacityFunctionOf } from '../src/modules/institutions/import.parse.js';
import { INSTITUTION_KINDS } from '../src/modules/institutions/institutions.kinds.js';
import { csvNullable, csvText } from '../src/modules/regions/regions.csv.js';
import { loadRegionTree } from '../src/modules/regions/regions.service.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/doorstep_bench_directory';
const COUNT = Number(process.env.BENCH_INSTITUTIONS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;

function rng(seed: number) {
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

async function recreateDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

/** 100,000 filed institutions with classes (childcare) and functions, loaded by COPY. */
async function seed(
  database: Awaited<ReturnType<typeof openDatabase>>,
): Promise<{ lat: number; lng: number }[]> {
  const r = rng(7);
  const institutions: string[] = [];
  const classes: string[] = [];
  const functions: string[] = [];
  const points: { lat: number; lng: number }[] = [];
  const SIZES = { infant: 10, toddler: 15, older_toddler: 20, mixed: 18 } as const;
  for (const inst of plausibleInstitutions(COUNT, 21)) {
    const id = randomUUID();
    const sector = INSTITUTION_KINDS[inst.kind].sector;
    const childcare = sector !== 'elderly';
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
  const columns = [
    'id',
    'name',
    'kind',
    'operator',
    'affordable',
    'price_cap',
    'region_code',
    'address',
    'lat',
    'lng',
    'phone',
    'care_forms',
    'prices',
    'min_age_months',
    'max_age_months',
    'grade',
    'stars',
    'status',
    'filed_at',
  ];
  await database.copyCsv('institutions', columns, `${institutions.join('\n')}\n`);
  await database.copyCsv(
    'classes',
    ['id', 'institution_id', 'name', 'type', 'capacity', 'enrolled'],
    `${classes.join('\n')}\n`,
  );
  await database.copyCsv(
    'institution_functions',
    ['institution_id', 'function', 'capacity'],
    `${functions.join('\n')}\n`,
  );
  const admin = new pg.Client({ connectionString: URL_ });
  await admin.connect();
  // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans need.
  await admin.query('VACUUM ANALYZE institutions, classes, institution_functions, regions');
  await admin.end();
  console.log(
    `seeded ${COUNT.toLocaleString()} filed institutions, ${classes.length.toLocaleString()} classes`,
  );
  return points;
}

/** Random searches a parent makes: a point near an institution, sometimes a filter, nearest first. */
function searches(points: { lat: number; lng: number }[], n: number): Record<string, string>[] {
  const r = rng(42);
  return Array.from({ length: n }, () => {
    const p = r.pick(points);
    const query: Record<string, string> = {
      lat: (p.lat + (r.next() - 0.5) * 0.02).toFixed(5),
      lng: (p.lng + (r.next() - 0.5) * 0.02).toFixed(5),
      radiusKm: '5',
      sort: 'distance',
    };
    const roll = r.next();
    if (roll < 0.2) query.kind = 'childcare_centre,kindergarten_nursery,home_childcare_point';
    else if (roll < 0.35) query.ageMonths = String(r.int(6, 35));
    else if (roll < 0.45) query.hasPlaces = 'true';
    else if (roll < 0.55) query.affordable = 'true';
    else if (roll < 0.6) query.kind = 'elderly_care_institution,community_elderly_centre,meal_point';
    return query;
  });
}

const pct = (xs: number[], p: number) => {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function httpRun(port: number, paths: string[], seconds: number) {
  let next = 0;
  const latencies: number[] = [];
  let failures = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status !== 200) failures += 1;
    });
  });
  return { latencies, failures: failures + result.errors, perSecond: latencies.length / seconds };
}

async function sqlRun(pool: pg.Pool, statements: { sql: string; params: unknown[] }[], seconds: number) {
  let next = 0;
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const { sql, params } = statements[next++ % statements.length]!;
        const started = performance.now();
        await pool.query(sql, params);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { latencies, perSecond: latencies.length / seconds };
}

async function main(): Promise<void> {
  await recreateDatabase(URL_);
  const database = await openDatabase({ url: URL_, poolSize: CONNECTIONS });
  await database.migrate();
  await loadRegionTree(database, { only: '13' });
  const points = await seed(database);

  const queries = searches(points, 20_000);
  const paths = queries.map((q) => `/api/directory?${new URLSearchParams(q)}`);
  const dialect = new PgDialect();
  const statements = queries.map((q) =>
    dialect.sqlToQuery(directoryQuery(toDirectoryFilters(DirectoryQuery.parse(q)))),
  );

  const config = { ...loadConfig({}), databaseUrl: URL_, loadDemo: false, logLevel: 'warn' };
  const app = await buildApp({
    database,
    config,
    cipher: createFieldCipher(randomBytes(32)),
    logger: false,
    serveWeb: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const sample = await (await fetch(`http://127.0.0.1:${port}${paths[0]}`)).json();
  console.log(
    `sample search: ${sample.total} within 5 km, first ${sample.items[0]?.name} at ${sample.items[0]?.distanceKm} km`,
  );

  await httpRun(port, paths, 3); // warm up
  const http = await httpRun(port, paths, SECONDS);
  await app.close();
  await database.close();

  const pool = new pg.Pool({ connectionString: URL_, max: CONNECTIONS });
  await sqlRun(pool, statements, 3); // warm up
  const floor = await sqlRun(pool, statements, SECONDS);
  const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${statements[0]!.sql}`, statements[0]!.params);
  await pool.end();

  const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
  const line = (name: string, l: number[], rps: number) =>
    console.log(
      `${name.padEnd(30)} ${ms(pct(l, 50))} ${ms(pct(l, 95))} ${ms(pct(l, 99))} ${rps.toFixed(0).padStart(9)}`,
    );
  console.log(
    `\nGET /api/directory, ${COUNT.toLocaleString()} filed institutions, ${CONNECTIONS} connections, ${SECONDS} s, random points and filters, 5 km, distance sort`,
  );
  console.log(
    `${''.padEnd(30)} ${'p50'.padStart(11)} ${'p95'.padStart(11)} ${'p99'.padStart(11)} ${'req/s'.padStart(9)}`,
  );
  line('doorstep over HTTP', http.latencies, http.perSecond);
  line('same SQL via pg pool (floor)', floor.latencies, floor.perSecond);
  const ratio = (p: number) => `${(pct(http.latencies, p) / pct(floor.latencies, p)).toFixed(2)}×`;
  console.log(
    `${'ratio doorstep / floor'.padEnd(30)} ${ratio(50).padStart(11)} ${ratio(95).padStart(11)} ${ratio(99).padStart(11)} ${`${((100 * http.perSecond) / floor.perSecond).toFixed(0)}%`.padStart(9)}`,
  );
  if (http.failures > 0) console.log(`non-200 or failed requests: ${http.failures}`);
  if (process.argv.includes('--explain')) console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
}

await main();
