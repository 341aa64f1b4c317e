/**
 * Regions benchmark: the full division tree (665k nodes) loaded into PostgreSQL, then 1,000 of
 * each hot read (lookup by code, children, name search, pinyin search) through the service,
 * each printed beside its floor: the same SQL as a bare pg query and EXPLAIN ANALYZE's
 * execution time, measured in the same run.
 *
 *   node --import tsx bench/regions.ts            # DATABASE_URL or postgres://postgres@127.0.0.1:5432/doorstep_bench
 *   node --import tsx bench/regions.ts --pglite   # also time the full load into in-memory PGlite
 */
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { seedDemoPopulation } from '../src/modules/regions/regions.demo.js';
import {
  getRegion,
  listChildren,
  loadRegionTree,
  searchRegions,
} from '../src/modules/regions/regions.service.js';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/doorstep_bench';
const N = 1000;
const COLUMNS = 'code, name, level, parent_code, child_count';

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;

async function timeEach<T>(inputs: T[], run: (input: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    out.push(performance.now() - started);
  }
  return out;
}

function sample<T>(items: T[], n: number, seed = 1): T[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: n }, () => items[Math.floor(next() * items.length)]!);
}

async function main(): Promise<void> {
  await recreateDatabase(URL_);
  const database = await openDatabase({ url: URL_, poolSize: 4 });
  await database.migrate();
  const loaded = await loadRegionTree(database);
  console.log(
    `full load (PostgreSQL): ${loaded.nodeCount.toLocaleString()} nodes in ${loaded.seconds.toFixed(1)} s`,
  );
  let started = performance.now();
  const demo = await seedDemoPopulation(database, { year: 2023 });
  console.log(
    `demo population (Hebei): ${demo.toLocaleString()} figures in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const bare = new pg.Client({ connectionString: URL_ });
  await bare.connect();
  const pick = async (where: string) =>
    (
      await bare.query<{ code: string; name: string; pinyin: string; initials: string }>(
        `SELECT code, name, pinyin, initials FROM regions WHERE year = 2023 AND ${where}`,
      )
    ).rows;
  const villages = sample(await pick('level = 5'), N, 1).map((r) => r.code);
  const parents = sample(await pick('level BETWEEN 2 AND 4'), N, 2).map((r) => r.code);
  const places = sample(await pick('level IN (3, 4)'), N, 3);
  const names = places.map((r) => r.name.slice(0, 3));
  const pinyins = places.map((r) => r.pinyin.slice(0, 8));
  // Worst cases while typing: two characters (too short for trigrams) and one letter; 100 each.
  const shortNames = places.slice(0, 100).map((r) => r.name.slice(0, 2));
  const letters = places.slice(0, 100).map((r) => r.initials.slice(0, 1));

  const searchSql = (match: string) =>
    `SELECT ${COLUMNS} FROM regions WHERE year = 2023 AND ${match} ORDER BY level, code LIMIT 20`;
  const cases: Array<{
    name: string;
    inputs: string[];
    service: (q: string) => Promise<unknown>;
    sql: string;
    arg: (q: string) => string;
  }> = [
    {
      name: 'lookup by code',
      inputs: villages,
      service: (c) => getRegion(database.db, c),
      sql: `SELECT ${COLUMNS} FROM regions WHERE year = 2023 AND code = $1`,
      arg: (c) => c,
    },
    {
      name: 'list children',
      inputs: parents,
      service: (c) => listChildren(database, c),
      sql: `SELECT ${COLUMNS} FROM regions WHERE year = 2023 AND parent_code = $1 ORDER BY code`,
      arg: (c) => c,
    },
    {
      name: 'search by name (3 chars)',
      inputs: names,
      service: (q) => searchRegions(database, { q }),
      sql: searchSql(`name LIKE $1`),
      arg: (q) => `%${q}%`,
    },
    {
      name: 'search by pinyin (8 letters)',
      inputs: pinyins,
      service: (q) => searchRegions(database, { q }),
      sql: searchSql(`(pinyin LIKE $1 OR initials LIKE $1)`),
      arg: (q) => `${q}%`,
    },
    {
      name: 'search by name (2 chars) ×100',
      inputs: shortNames,
      service: (q) => searchRegions(database, { q }),
      sql: searchSql(`name LIKE $1`),
      arg: (q) => `%${q}%`,
    },
    {
      name: 'search by initial (1 letter) ×100',
      inputs: letters,
      service: (q) => searchRegions(database, { q }),
      sql: searchSql(`(pinyin LIKE $1 OR initials LIKE $1)`),
      arg: (q) => `${q}%`,
    },
  ];

  console.log(
    `\n${'operation'.padEnd(30)} ${'service p50'.padStart(11)} ${'p95'.padStart(10)} │ ${'bare pg p50'.padStart(11)} ${'p95'.padStart(10)} │ ${'EXPLAIN exec p50'.padStart(16)} │ ratio p50`,
  );
  for (const c of cases) {
    await timeEach(c.inputs.slice(0, 20), c.service); // warm up
    const service = await timeEach(c.inputs, c.service);
    const floor = await timeEach(c.inputs, (q) => bare.query(c.sql, [c.arg(q)]));
    const explain: number[] = [];
    for (const q of c.inputs.slice(0, 100)) {
      const plan = await bare.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${c.sql}`, [c.arg(q)]);
      explain.push((plan.rows[0]['QUERY PLAN'][0] as { 'Execution Time': number })['Execution Time']);
    }
    console.log(
      `${c.name.padEnd(30)} ${ms(pct(service, 50))} ${ms(pct(service, 95))} │ ${ms(pct(floor, 50))} ${ms(pct(floor, 95))} │ ${ms(pct(explain, 50)).padStart(16)} │ ${(pct(service, 50) / pct(floor, 50)).toFixed(1)}×`,
    );
  }
  await bare.end();
  await database.close();

  if (process.argv.includes('--pglite')) {
    const lite = await openDatabase({ dataDir: 'memory://' });
    await lite.migrate();
    started = performance.now();
    const result = await loadRegionTree(lite);
    console.log(
      `\nfull load (PGlite, in memory): ${result.nodeCount.toLocaleString()} nodes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await lite.close();
  }
}

await main();
