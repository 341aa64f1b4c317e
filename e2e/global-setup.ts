import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { E2E_BASE_DIR } from './server.js';

/**
 * Browser tests run against the built web app: build it first when it is missing or stale. Then
 * prepare, once for the whole run, a data directory with the migrations applied and the division
 * tree loaded (`doorstep seed --no-demo`, the same code `npm start` runs first): every test file's
 * server starts from a copy of it and loads the demo itself, on its own clock.
 */
export default function setup(): () => void {
  const root = path.resolve(import.meta.dirname, '..');
  const build = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the web app failed');
  rmSync(E2E_BASE_DIR, { recursive: true, force: true });
  const seed = spawnSync(process.execPath, ['bin/doorstep.mjs', 'seed', '--no-demo'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DOORSTEP_DATA_DIR: E2E_BASE_DIR, DATABASE_URL: '' },
  });
  if (seed.status !== 0) throw new Error('preparing the base data directory failed');
  return () => rmSync(E2E_BASE_DIR, { recursive: true, force: true });
}
