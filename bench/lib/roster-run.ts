/**
 * The roster benchmark's runner: `doorstep import roster` in a process of its own (timed, its
 * peak RSS sampled from /proc, optionally killed part way), a database copied from another, and
 * a fingerprint of the roster's contents to tell two databases apart.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

export interface ImportRun {
  ms: number;
  /** Until the first row was applied: the check pass (reading and validating the whole file). */
  checkMs: number;
  peakRssMb: number;
  /** Rows reported done when the run was killed. */
  killedAt?: number;
  result?: {
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    conflicts: number;
    rowsDone: number;
    resumedFrom: number;
  };
}

/** Run the CLI import of `file` (source health) against `url`; with `killAt` (0–1) SIGKILL it there. */
export function runImport(
  root: string,
  url: string,
  file: string,
  env: Record<string, string>,
  killAt?: number,
): Promise<ImportRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'import', 'roster', file, '--source', 'health'],
    { cwd: root, env: { ...process.env, ...env, DATABASE_URL: url, LANG: 'en_US.UTF-8' } },
  );
  const run: ImportRun = { ms: 0, checkMs: 0, peakRssMb: 0 };
  const sample = () => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (kb) run.peakRssMb = Math.max(run.peakRssMb, Number(kb) / 1024);
    } catch {
      // the process has ended
    }
  };
  const sampler = setInterval(sample, 100);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (bytes: Buffer) => {
    stdout += bytes.toString();
  });
  child.stderr.on('data', (bytes: Buffer) => {
    stderr += bytes.toString();
    for (const [, done, total] of stderr.matchAll(/roster: write \(rows\): (\d+)\/(\d+)/g)) {
      if (!run.checkMs) run.checkMs = performance.now() - started;
      if (killAt !== undefined && run.killedAt === undefined && Number(done) >= killAt * Number(total)) {
        sample();
        run.killedAt = Number(done);
        child.kill('SIGKILL');
      }
    }
    stderr = stderr.slice(stderr.lastIndexOf('\n') + 1);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearInterval(sampler);
      run.ms = performance.now() - started;
      if (signal === 'SIGKILL' && run.killedAt !== undefined) return resolve(run);
      if (code !== 0) return reject(new Error(`import exited with ${code ?? signal}: ${stderr}${stdout}`));
      run.result = JSON.parse(stdout);
      resolve(run);
    });
  });
}

/** Create `url`'s database as a copy of `template`'s (which must have no connections). */
export async function cloneDatabase(url: string, template: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${new URL(template).pathname.slice(1)}"`);
  await client.end();
}

const HASH = (text: string) => `sum(('x' || substr(md5(${text}), 1, 15))::bit(60)::bigint)::text`;

/**
 * The roster's contents, independent of generated ids and row order: per table a count and an
 * order-independent sum of row hashes, people identified by their blind index.
 */
export async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (text: string) => (await client.query(text)).rows[0] as Record<string, string>;
    const people = await one(`SELECT count(*)::text AS people,
        count(*) FILTER (WHERE status = 'deceased')::text AS deceased,
        ${HASH(`concat_ws('|', id_number_index, name, region_code, address, phone, status, closed_on, closed_reason,
          field_sources::text, seen_by::text)`)} AS people_hash FROM older_people`);
    const flags = await one(`SELECT count(*)::text AS flags,
        ${HASH(`concat_ws('|', p.id_number_index, f.flag, f.source, f.value::text, f.as_of)`)} AS flags_hash
        FROM person_flags f JOIN older_people p ON p.id = f.person_id`);
    const changes = await one(`SELECT count(*)::text AS changes,
        ${HASH(`concat_ws('|', p.id_number_index, c.field, c.old_value::text, c.new_value::text, c.source)`)} AS changes_hash
        FROM person_changes c JOIN older_people p ON p.id = c.person_id`);
    const conflicts = await one(`SELECT count(*)::text AS conflicts,
        ${HASH(`concat_ws('|', p.id_number_index, c.field, c.values::text, c.status)`)} AS conflicts_hash
        FROM roster_conflicts c JOIN older_people p ON p.id = c.person_id`);
    return { ...people, ...flags, ...changes, ...conflicts };
  } finally {
    await client.end();
  }
}
