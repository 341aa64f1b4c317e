import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure code, no database), `integration` (*.int.test.ts, on PGlite or
 * on PostgreSQL when DOORSTEP_TEST_DB=postgres) and `e2e` (a real browser against the running app).
 *
 * Unit and integration files share their worker's module cache (`isolate: false`): each file still
 * gets a database of its own (src/test/database.ts), and nothing a test relies on is module state;
 * importing the server's module graph and compiling PGlite once per worker instead of once per
 * file took the integration run on PGlite from 526 s to 314 s on a 2-core machine. Vitest's default
 * of one worker fewer than the cores left one of two cores idle: two workers took that run to
 * 220 s, and the PostgreSQL one from 246 s to 210 s.
 */
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One file at a time: two servers loading the demo beside two browsers on two cores make
          // clicks time out.
          fileParallelism: false,
        },
      },
    ],
  },
});
