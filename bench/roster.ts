/**
 * Roster benchmark: a roster of 1,000,000 older people in Hebei (seeded by COPY, as earlier
 * imports would have left it), then a 1,000,000-row health commission file imported with
 * `doorstep import roster` (the CLI, in a process of its own: rows/s, time, peak RSS, counts),
 * beside PostgreSQL's own COPY of the same file into a plain table on the same server (the
 * floor). Then the same import killed at ~30 % and run again on a copy of the database: it must
 * resume and end exactly as the uninterrupted run did. Then every demo program evaluated for
 * everyone (people/s).
 *
 *   npm run bench -- roster                    # DATABASE_URL or postgres://postgres@127.0.0.1:5432/doorstep_bench_roster
 *   npm run bench -- roster --people 100000    # a quicker run (the file has as many rows unless --rows)
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../src/db/client.js';
import { createFieldCipher } from '../src/lib/secrets.js';
import { loadRegionTree } from '../src/modules/regions/regions.loader.js';
import type { RequestContext } from '../src/server/context.js';
import { chinaToday } from '../src/standards/working-days.js';
import { recreateDatabase } from './lib/directory-data.js';
import { makeRoster, seedRoster, writeDepartmentFile } from './lib/roster-data.js';
import { cloneDatabase, fingerprint, runImport } from './lib/roster-run.js';

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const PEOPLE = flag('people', 1_000_000);
const ROWS = flag('rows', PEOPLE);
const MAIN = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/doorstep_bench_roster';
const COPY_URL = (() => {
  const url = new URL(MAIN);
  url.pathname = `${url.pathname}_resume`;
  return url.toString();
})();
const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(tmpdir(), 'doorstep-bench-roster');

const n = (x: number) => Math.round(x).toLocaleString('en');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const elapsed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
};

async function sqlOn<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The floor: PostgreSQL's COPY of the very same file into a plain table on the same server. */
async function copyFloor(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE bench_copy (id_number text, name text, region_code text, address text,
    phone text, dementia text, disability_grade text, household_status text, status_date text)`);
  const started = performance.now();
  await pipeline(
    createReadStream(file, { highWaterMark: 1 << 20 }),
    client.query(copyFrom('COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)')),
  );
  const ms = performance.now() - started;
  await client.query('DROP TABLE bench_copy');
  await client.end();
  return ms;
}

async function main(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  );
  mkdirSync(WORK, { recursive: true });
  const today = chinaToday();
  const masterKey = randomBytes(32);
  const cipher = createFieldCipher(masterKey);
  const env = { DOORSTEP_MASTER_KEY: masterKey.toString('base64'), DOORSTEP_DATA_DIR: WORK };

  await recreateDatabase(MAIN);
  let database = await openDatabase({ url: MAIN });
  await database.migrate();
  const regions = await loadRegionTree(database, { only: '13' });
  const communities = (
    await sqlOn<{ code: string }>(
      MAIN,
      `SELECT code FROM regions WHERE code LIKE '13%' AND level = 5 ORDER BY code`,
    )
  ).map((r) => r.code);
  console.log(
    `Hebei division tree: ${n(regions.nodeCount)} regions, ${n(communities.length)} communities and villages`,
  );

  const roster = makeRoster(PEOPLE, communities, today);
  const [, seedMs] = await elapsed(() => seedRoster(database, cipher, roster));
  await sqlOn(MAIN, 'VACUUM ANALYZE older_people, person_flags');
  const [flags] = await sqlOn<{ n: number }>(MAIN, 'SELECT count(*)::int AS n FROM person_flags');
  console.log(
    `seeded the roster by COPY (ID numbers encrypted, blind indexes): ${n(PEOPLE)} people, ${n(flags!.n)} flags in ${secs(seedMs)}`,
  );
  const file = path.join(WORK, `health-${ROWS}.csv`);
  const mix = writeDepartmentFile(file, roster, ROWS, today);
  console.log(
    `department file (health): ${n(mix.rows)} rows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB — ${n(mix.existing)} on the roster, ${n(mix.created)} new; ${n(mix.names)} other names, ${n(mix.addresses)} other addresses, ${n(mix.grades)} disability grades (${n(mix.gradeDisagreements)} disagreeing), ${n(mix.newDementia)} new dementia, ${n(mix.deaths)} deaths (${n(mix.deathsBeforeSeen)} dated before civil affairs last saw them)`,
  );
  await database.close();

  const floorMs = await copyFloor(MAIN, file);
  await cloneDatabase(COPY_URL, MAIN);

  console.log('\nimporting (doorstep import roster, its own process) …');
  const full = await runImport(ROOT, MAIN, file, env);
  console.log('killing an import of a copy of the database at ~30 %, then running it again …');
  const killed = await runImport(ROOT, COPY_URL, file, env, 0.3);
  const [stopped] = await sqlOn<{ status: string; rowsDone: number; lastChunk: number }>(
    COPY_URL,
    `SELECT status, rows_done AS "rowsDone", last_chunk AS "lastChunk" FROM roster_imports`,
  );
  const resumed = await runImport(ROOT, COPY_URL, file, env);
  const [printA, printB] = [await fingerprint(MAIN), await fingerprint(COPY_URL)];

  const rate = (ms: number) => `${n(ROWS / (ms / 1000)).padStart(9)} rows/s`;
  console.log(`\n${n(ROWS)}-row department file against a ${n(PEOPLE)}-person roster`);
  console.log(`  PostgreSQL COPY into a plain table (floor)  ${rate(floorMs)}  ${secs(floorMs)}`);
  console.log(
    `  doorstep import roster                      ${rate(full.ms)}  ${secs(full.ms)} (check pass ${secs(full.checkMs)}, apply ${secs(full.ms - full.checkMs)}), peak RSS ${n(full.peakRssMb)} MB`,
  );
  console.log(
    `  doorstep / floor                            ${((100 * floorMs) / full.ms).toFixed(1)} % of the floor's rate`,
  );
  const c = full.result!;
  console.log(
    `  people created ${n(c.created)}, updated ${n(c.updated)}, unchanged ${n(c.unchanged)}; conflicts queued ${n(c.conflicts)}`,
  );
  console.log(
    `\nkill and resume: killed at ${n(killed.killedAt ?? 0)} rows reported; the record said ${stopped?.status}, ${n(stopped?.rowsDone ?? 0)} rows done (chunk ${stopped?.lastChunk})`,
  );
  const r = resumed.result!;
  console.log(
    `  run again: resumed from row ${n(r.resumedFrom)}, ${secs(resumed.ms)}; created ${n(r.created)}, updated ${n(r.updated)}, unchanged ${n(r.unchanged)}, conflicts ${n(r.conflicts)}`,
  );
  const sameCounts = ['created', 'updated', 'unchanged', 'conflicts'].every(
    (k) => r[k as keyof typeof r] === c[k as keyof typeof c],
  );
  const sameData = JSON.stringify(printA) === JSON.stringify(printB);
  console.log(
    `  counts equal the uninterrupted run's: ${sameCounts ? 'yes' : 'NO'}; people, flags, changes and conflicts identical: ${sameData ? 'yes' : 'NO'}`,
  );
  if (!sameData) console.log(printA, printB);

  database = await openDatabase({ url: MAIN });
  await evaluatePrograms(database);
  await database.close();
  rmSync(WORK, { recursive: true, force: true });
  console.log(
    `\nload average after ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

const SYSADMIN: RequestContext = {
  actor: {
    id: '00000000-0000-0000-0000-000000000000',
    username: 'bench',
    displayName: 'bench',
    role: 'sysadmin',
    regionCode: '',
    institutionId: null,
    mustChangePassword: false,
  },
  lang: 'en',
  ip: null,
  userAgent: 'bench',
};

/** Every demo program evaluated over the whole roster (their region widened from 1301 to Hebei). */
async function evaluatePrograms(database: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  const evaluate = await import('../src/modules/programs/programs.evaluate.js').catch(() => null);
  const demo = await import('../src/modules/programs/programs.demo.js').catch(() => null);
  if (typeof evaluate?.evaluateProgram !== 'function' || typeof demo?.seedDemoPrograms !== 'function') {
    console.log(
      '\nre-evaluating every program for everyone: pending (no set-based evaluate function exported yet)',
    );
    return;
  }
  await demo.seedDemoPrograms(database.db);
  const programs = await sqlOn<{ id: string; code: string }>(
    MAIN,
    `UPDATE programs SET region_prefix = '13' RETURNING id, code`,
  );
  const [judged, ms] = await elapsed(async () => {
    let evaluated = 0;
    for (const p of programs)
      evaluated += (await evaluate.evaluateProgram(database.db, SYSADMIN, p.id)).evaluated;
    return evaluated;
  });
  const [roster] = await sqlOn<{ n: number }>(MAIN, `SELECT count(*)::int AS n FROM older_people`);
  console.log(
    `\nre-evaluating every program for everyone: ${programs.length} demo programs (region widened to 13) over ${n(roster!.n)} people in ${secs(ms)}`,
  );
  console.log(
    `  ${n((roster!.n * programs.length) / (ms / 1000))} person-programs/s, ${n(roster!.n / (ms / 1000))} people/s for all programs; ${n(judged)} person-programs judged`,
  );
}

await main();
