/**
 * Booking engine benchmark. Anchor: pgbench (TPC-B-like, -s 10, 200 clients, -j 2, 20 s) in a
 * scratch database on the same server, measured in this run. Then doorstep on PostgreSQL with a
 * fresh database: 100 filed centres × 4 toddler classes (400 classes) × 10 hourly places a day ×
 * capacity 10 (40,000 places: a run fills under half, so most requests book rather than meet a
 * full slot), and 20,000 families with sessions; 200 concurrent HTTP clients (autocannon in a
 * worker thread) for 20 s, each request booking one random hourly place for a random family's
 * child with a fresh Idempotency-Key. Prints bookings/s (201s), attempts/s, p50/p95/p99 latency
 * and the ratio to pgbench's TPS; then checks every offer, class and institution half hour
 * against the live bookings and prints "oversold: N".
 *
 *   npm run bench -- bookings    # DATABASE_URL or postgres://postgres@127.0.0.1:5432/doorstep_bench_bookings
 *   BENCH_SECONDS=10 BENCH_POOL=20 npm run bench -- bookings
 *   BENCH_PROFILE=/tmp/server.cpuprofile npm run bench -- bookings   # V8 profile of the server during the run
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { createFieldCipher } from '../src/lib/secrets.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { seedBookings, verify } from './lib/bookings-data.js';
import { recreateDatabase } from './lib/directory-data.js';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/doorstep_bench_bookings';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
/** The server's pool (the production default is 20). */
const APP_POOL = Number(process.env.BENCH_POOL ?? 20);
const SIZES = { institutions: 100, classesEach: 4, capacity: 10, families: 20000 };

const pct = (xs: ArrayLike<number>, p: number) => {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function pgbenchBinary(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(`${root}/${v}/bin/pgbench`)) return `${root}/${v}/bin/pgbench`;
  return 'pgbench';
}

/** CPU seconds used so far by every PostgreSQL process on this machine (from /proc; 0 elsewhere). */
function postgresCpuSeconds(): number {
  if (!existsSync('/proc')) return 0;
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      if (!name.startsWith('postgres') && !name.startsWith('postmaster')) continue;
      const fields = stat.slice(close + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / tick; // utime + stime
    } catch {
      // the process ended while we read
    }
  }
  return total;
}

/**
 * pgbench's TPC-B-like run in a scratch database. The server's max_connections caps the clients
 * (pgbench opens one connection per client); the number used is printed.
 */
async function pgbenchAnchor(): Promise<{ tps: number; clients: number }> {
  const scratch = new URL(URL_);
  scratch.pathname = '/doorstep_bench_pgbench';
  await recreateDatabase(scratch.toString());
  const admin = new pg.Client({ connectionString: scratch.toString() });
  await admin.connect();
  const max = Number((await admin.query('SHOW max_connections')).rows[0].max_connections);
  const used = Number((await admin.query('SELECT count(*) FROM pg_stat_activity')).rows[0].count);
  await admin.end();
  const clients = Math.min(CLIENTS, max - used - 5);
  if (clients < CLIENTS)
    console.log(`pgbench: max_connections ${max}, ${used} in use → ${clients} clients instead of ${CLIENTS}`);
  const bin = pgbenchBinary();
  const conn = [
    '-h',
    scratch.hostname,
    '-p',
    scratch.port || '5432',
    '-U',
    decodeURIComponent(scratch.username || 'postgres'),
  ];
  execFileSync(bin, ['-i', '-s', '10', '-q', ...conn, 'doorstep_bench_pgbench'], { stdio: 'ignore' });
  const out = execFileSync(
    bin,
    ['-c', String(clients), '-j', '2', '-T', String(SECONDS), ...conn, 'doorstep_bench_pgbench'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const cleanup = new URL(URL_);
  cleanup.pathname = '/postgres';
  const dropper = new pg.Client({ connectionString: cleanup.toString() });
  await dropper.connect();
  await dropper.query('DROP DATABASE IF EXISTS doorstep_bench_pgbench WITH (FORCE)');
  await dropper.end();
  return { tps, clients };
}

/**
 * autocannon in a worker thread (plain JavaScript): every request books one random place for a
 * random family's child with a fresh Idempotency-Key; every status and latency is reported.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { randomUUID } = require('node:crypto');
const autocannon = require(workerData.autocannon);
const { port, families, offerIds, seconds, connections, path } = workerData;
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
const latencies = [];
const byStatus = {};
let errors = 0;
const instance = autocannon(
  {
    url: 'http://127.0.0.1:' + port,
    connections,
    duration: seconds,
    requests: [{
      method: path ? 'GET' : 'POST',
      setupRequest: (req) => {
        const f = pick(families);
        const headers = { cookie: f.cookie, 'x-csrf-token': f.csrfToken, 'content-type': 'application/json',
                          'idempotency-key': randomUUID() };
        if (path) return { ...req, path, headers };
        return { ...req, path: '/api/bookings', headers,
                 body: JSON.stringify({ memberId: f.childId, offerIds: [pick(offerIds)] }) };
      },
    }],
  },
  (err, res) => parentPort.postMessage({ latencies, byStatus, errors: errors + (err ? 1 : res.errors) }),
);
instance.on('response', (_client, status, _bytes, ms) => {
  latencies.push(ms);
  byStatus[status] = (byStatus[status] || 0) + 1;
});`;

async function httpRun(port: number, data: object, seconds: number, path?: string) {
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: {
      autocannon: createRequire(import.meta.url).resolve('autocannon'),
      port,
      seconds,
      connections: CLIENTS,
      path,
      ...data,
    },
  });
  const result = await new Promise<{ latencies: number[]; byStatus: Record<string, number>; errors: number }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();
  return result;
}

async function main(): Promise<void> {
  console.log(`load average ${load()} on ${cpus().length} cores`);
  const anchor = await pgbenchAnchor();
  console.log(
    `pgbench (TPC-B-like, -s 10, -c ${anchor.clients} -j 2, ${SECONDS} s): ${anchor.tps.toFixed(0)} TPS`,
  );

  await recreateDatabase(URL_);
  const database = await openDatabase({ url: URL_, poolSize: APP_POOL });
  await database.migrate();
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
  const started = performance.now();
  const world = await seedBookings(database, `http://127.0.0.1:${port}`, SIZES);
  const places = world.offerIds.length * SIZES.capacity;
  console.log(
    `seeded in ${((performance.now() - started) / 1000).toFixed(0)} s: ${SIZES.institutions} centres × ${SIZES.classesEach} classes, ` +
      `${world.offerIds.length.toLocaleString()} hourly offers on ${world.day} (${places.toLocaleString()} places), ` +
      `${world.families.length.toLocaleString()} families with sessions; app pool ${APP_POOL}`,
  );
  const data = { families: world.families, offerIds: world.offerIds };
  await httpRun(port, data, 3, '/api/bookings/mine'); // warm up (reads only)
  console.log(`load average before the run ${load()}`);
  const cpuBefore = { node: process.cpuUsage(), pg: postgresCpuSeconds() };
  const profiler = process.env.BENCH_PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const run = await httpRun(port, data, SECONDS);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    console.log(`CPU profile of the server during the run: ${process.env.BENCH_PROFILE}`);
  }
  const nodeCpu = process.cpuUsage(cpuBefore.node);
  const pgCpu = postgresCpuSeconds() - cpuBefore.pg;
  await app.close();
  await database.close();

  const ok = run.byStatus['201'] ?? 0;
  const attempts = run.latencies.length;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `\nPOST /api/bookings, ${CLIENTS} clients, ${SECONDS} s, one random hourly place each, fresh Idempotency-Key`,
  );
  console.log(`bookings/s (201)          ${(ok / SECONDS).toFixed(0)}`);
  console.log(`attempts/s                ${(attempts / SECONDS).toFixed(0)}`);
  console.log(
    `latency (all attempts)    p50 ${ms(pct(run.latencies, 50))}  p95 ${ms(pct(run.latencies, 95))}  p99 ${ms(pct(run.latencies, 99))}`,
  );
  console.log(
    `responses                 ${Object.entries(run.byStatus)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}${run.errors ? `; errors ${run.errors}` : ''}`,
  );
  const per = (seconds: number) => `${((seconds * 1000) / Math.max(1, attempts)).toFixed(2)} ms`;
  console.log(
    `CPU per attempt           doorstep + load generator ${per((nodeCpu.user + nodeCpu.system) / 1e6)}, PostgreSQL ${per(pgCpu)}`,
  );
  console.log(`pgbench TPS               ${anchor.tps.toFixed(0)}`);
  console.log(
    `ratio bookings/s : TPS    ${(ok / SECONDS / anchor.tps).toFixed(3)} (attempts/s : TPS ${(attempts / SECONDS / anchor.tps).toFixed(3)})`,
  );

  const pool = new pg.Pool({ connectionString: URL_, max: 2 });
  const checks = await verify(pool);
  const live = Number(
    (await pool.query("SELECT count(*) FROM bookings WHERE status IN ('confirmed', 'held')")).rows[0].count,
  );
  const taken = Number((await pool.query('SELECT sum(taken) FROM offers')).rows[0].sum);
  await pool.end();
  console.log('\nverification');
  console.log(
    `bookings in the database  ${live} (201 responses received: ${ok}; the rest were in flight when the load stopped); places taken ${taken} of ${places}`,
  );
  for (const [name, n] of Object.entries(checks)) console.log(`${name.padEnd(55)} ${n}`);
  console.log(`oversold: ${checks['offers oversold (taken > capacity)']}`);
  console.log(`load average after ${load()}`);
}

await main();
