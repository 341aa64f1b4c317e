// `npm test`: type check, lint, then every test project — unit and integration on PGlite,
// integration again on PostgreSQL (when one is reachable), and browser tests in Chromium —
// ending with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) problems.push(label);
  return result.status === 0;
}

function vitest(label, projects, env = {}) {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'doorstep-vitest-')), 'report.json');
  const args = [
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  run(label, bin('vitest'), args, env);
  if (!existsSync(out)) {
    totals.failed += 1;
    problems.push(`${label}: no report`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(
    `  ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
  );
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(1500);
    socket.on('connect', () => resolve(socket.end() && true));
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => resolve(socket.destroy() && false));
  });
}

run('type check (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('lint (biome)', bin('biome'), ['check', 'src', 'web/src', 'e2e', 'bench', 'scripts']);
vitest('unit + integration on PGlite', ['unit', 'integration'], { DOORSTEP_TEST_DB: 'pglite' });

const pgUrl = process.env.DOORSTEP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
if (await reachable(pgUrl)) {
  vitest('integration on PostgreSQL', ['integration'], {
    DOORSTEP_TEST_DB: 'postgres',
    DOORSTEP_TEST_PG_URL: pgUrl,
  });
} else if (ci) {
  problems.push(`PostgreSQL not reachable at ${pgUrl}`);
} else {
  console.log(`\n(skipping the PostgreSQL run: nothing listens at ${pgUrl}; set DOORSTEP_TEST_PG_URL)`);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  if (run('build web app', process.execPath, ['scripts/ensure-web-build.mjs'])) {
    vitest('browser tests (Chromium)', ['e2e'], { CHROMIUM_PATH: chromium });
  }
} else if (ci) {
  problems.push(`Chromium not found at ${chromium}`);
} else {
  console.log(`\n(skipping browser tests: no Chromium at ${chromium}; apt-get install chromium)`);
}

if (problems.length) console.log(`\nProblems: ${problems.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length || totals.failed ? 1 : 0);
