import { demoAccountsTable, prepareDatabase } from '../cli/prepare.js';
import { terminalProgress } from '../cli/progress.js';
import { openDatabase } from '../db/client.js';
import { createFieldCipher, loadMasterKey } from '../lib/secrets.js';
import { startHoldSweeper } from '../modules/bookings/waitlist.service.js';
import { channelsFromEnv } from '../modules/notifications/channels.js';
import { startDispatcher } from '../modules/notifications/dispatcher.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

/** `npm start`: open the database, migrate and load the demo on first start, then serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  console.log(
    `doorstep: database ${database.kind === 'pglite' ? `PGlite at ${config.dataDir}` : 'PostgreSQL'}`,
  );
  const cipher = createFieldCipher(loadMasterKey(config.dataDir));
  const progress = terminalProgress();
  const { demoLoaded } = await prepareDatabase(database, {
    demo: config.loadDemo,
    cipher,
    onProgress: progress,
    log: (line) => console.log(`doorstep: ${line}`),
  });
  progress.stop();
  const app = await buildApp({ database, config, cipher });
  // Background work: outbound notifications (the outbox) and places held from the waitlist that lapse.
  const notifyLog = app.log.child({ module: 'notify' }, { level: 'info' });
  const stopDispatcher = startDispatcher(database.db, channelsFromEnv(notifyLog), notifyLog, 10_000);
  const stopHoldSweeper = startHoldSweeper(database.db, app.log, 30_000);
  const close = async () => {
    stopHoldSweeper();
    await stopDispatcher();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(
    `\ndoorstep is ready at ${url}  (API docs: ${url}/api/docs) — started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (demoLoaded) console.log(`\n${demoAccountsTable()}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
