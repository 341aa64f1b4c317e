import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Browser tests run against the built web app: build it first when it is missing or stale. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the web app failed');
}
