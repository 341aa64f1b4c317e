/**
 * Public directory benchmark: 100,000 filed institutions spread over all of China's counties
 * (weighted to urban districts; with coordinates, classes and functions) in PostgreSQL, then
 * `GET /api/directory` hammered by autocannon (50 connections, ~20 s; random points near
 * institutions, radius 3–5 km, a parent's mix of filters, distance sort, 20 a page) on a
 * doorstep server started in this process, autocannon in a worker thread of its own. The floor
 * is the very same prepared statement sent straight to PostgreSQL through a pg pool by 50
 * concurrent clients for the same time (data and searches: lib/directory-data.ts). Prints p50/p95/p99 and req/s of both, their ratio, and the plan of
 * a typical search (EXPLAIN ANALYZE).
 *
 *   npm run bench -- directory      # DATABASE_URL or postgres://postgres@127.0.0.1:5432/doorstep_bench_directory
 *   BENCH_SECONDS=10 npm run bench -- directory
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { createFieldCipher } from '../src/lib/secrets.js';
import { directoryStatement } from '../src/modules/institutions/directory.repo.js';
import { DirectoryQuery } from '../src/modules/institutions/directory.schema.js';
import { toDirectoryFilters } from '../src/modules/institutions/directory.service.js';
import { loadRegionTree } from '../src/modules/regions/regions.service.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { recreateDatabase, searches, seed } from './lib/directory-data.js';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/doorstep_bench_directory';
const COUNT = Number(process.env.BENCH_INSTITUTIONS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;
/** The server's pool (the production default is 20); the floor's pool serves all 50 clients. */
const APP_POOL = Number(process.env.BENCH_POOL ?? 20);

type Statement = ReturnType<typeof directoryStatement>;

const pct = (xs: ArrayLike<number>, p: number) => {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/**
 * autocannon in a worker thread (plain JavaScript, so no TypeScript loader is needed there),
 * off the server's event loop; it sends the paths in turn and reports every latency.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const { port, paths, seconds, connections } = workerData;
let next = 0;
let failures = 0;
const latencies = [];
const instance = autocannon(
  {
    url: 'http://127.0.0.1:' + port,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
  },
  (err, res) => parentPort.postMessage({ latencies, failures: failures + (err ? 1 : res.errors) }),
);
instance.on('response', (_client, status, _bytes, ms) => {
  latencies.push(ms);
  if (status !== 200) failures += 1;
});`;

async function httpRun(port: number, paths: string[], seconds: number) {
  const data = {
    autocannon: createRequire(import.meta.url).resolve('autocannon'),
    port,
    paths,
    seconds,
    connections: CONNECTIONS,
  };
  const worker = new Worker(LOAD_WORKER, { eval: true, workerData: data });
  const { latencies, failures } = await new Promise<{ latencies: number[]; failures: number }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();
  return { latencies, failures, perSecond: latencies.length / seconds };
}

/** The floor: the very statements doorstep sends (named, so prepared once per connection), 50 clients at once. */
async function sqlRun(pool: pg.Pool, statements: Statement[], seconds: number) {
  let next = 0;
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const { name, sql, params } = statements[next++ % statements.length]!;
        const started = performance.now();
        await pool.query({ name, text: sql, values: params });
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { latencies, perSecond: latencies.length / seconds };
}

/**
 * The plan the server runs: the statement prepared, executed as often as PostgreSQL waits
 * before it settles on a plan for it (five times), then explained with ANALYZE.
 */
async function explainPrepared(pool: pg.Pool, statement: Statement): Promise<string[]> {
  const client = await pool.connect();
  try {
    const literal = (v: unknown) =>
      v === null ? 'NULL' : typeof v === 'number' ? String(v) : client.escapeLiteral(String(v));
    const args = statement.params.map(literal).join(', ');
    await client.query(`PREPARE typical AS ${statement.sql}`);
    for (let n = 0; n < 6; n++) await client.query(`EXECUTE typical(${args})`);
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE typical(${args})`);
    await client.query('DEALLOCATE typical');
    return plan.rows.map((r) => r['QUERY PLAN'] as string);
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  );
  await recreateDatabase(URL_);
  const database = await openDatabase({ url: URL_, poolSize: APP_POOL });
  await database.migrate();
  const regions = await loadRegionTree(database);
  console.log(`loaded ${regions.nodeCount.toLocaleString()} regions in ${regions.seconds.toFixed(0)} s`);
  const points = await seed(database, URL_, COUNT);

  const queries = searches(points, 20_000);
  const paths = queries.map((q) => `/api/directory?${new URLSearchParams(q)}`);
  const statements = queries.map((q) => directoryStatement(toDirectoryFilters(DirectoryQuery.parse(q))));

  const config = { ...loadConfig({}), databaseUrl: URL_, loadDemo: false, logLevel: 'warn' };
  const cipher = createFieldCipher(randomBytes(32));
  const app = await buildApp({ database, config, cipher, logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const totals: number[] = [];
  for (const path of paths.slice(0, 200))
    totals.push((await (await fetch(`http://127.0.0.1:${port}${path}`)).json()).total);
  console.log(
    `matches per search (200 samples): p50 ${pct(totals, 50)}, p95 ${pct(totals, 95)}, max ${Math.max(...totals)}`,
  );

  await httpRun(port, paths, 3); // warm up
  console.log(`load average before the HTTP run ${loadavg()[0]!.toFixed(2)}`);
  const http = await httpRun(port, paths, SECONDS);
  await app.close();
  await database.close();

  const pool = new pg.Pool({ connectionString: URL_, max: CONNECTIONS });
  await sqlRun(pool, statements, 3); // warm up
  const floor = await sqlRun(pool, statements, SECONDS);
  const plan = await explainPrepared(pool, statements[1]!);
  await pool.end();

  const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
  const line = (name: string, l: number[], rps: number) =>
    console.log(
      `${name.padEnd(30)} ${ms(pct(l, 50))} ${ms(pct(l, 95))} ${ms(pct(l, 99))} ${rps.toFixed(0).padStart(9)}`,
    );
  console.log(
    `\nGET /api/directory, ${COUNT.toLocaleString()} filed institutions over China, ${CONNECTIONS} connections, ${SECONDS} s, random points, 3–5 km, filters, distance sort, 20 a page`,
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
  console.log(
    `load average after ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(`\nEXPLAIN ANALYZE of a typical search (${paths[1]}):`);
  console.log(plan.join('\n'));
}

await main();
