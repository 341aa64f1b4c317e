import type { Database } from '../db/client.js';
import type { FieldCipher } from '../lib/secrets.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from '../modules/accounts/accounts.demo.js';
import { seedDemoBookings } from '../modules/bookings/bookings.demo.js';
import { seedDemoCounty } from '../modules/care/county.demo.js';
import { seedDemoHomecare } from '../modules/homecare/homecare.demo.js';
import { seedDemoHouseholds } from '../modules/households/households.demo.js';
import { seedDemoInstitutions } from '../modules/institutions/institutions.demo.js';
import { hasRegions, loadRegionTree, seedDemoPopulation } from '../modules/regions/regions.service.js';
import type { ProgressFn } from './progress.js';

export interface PrepareOptions {
  demo: boolean;
  onProgress?: ProgressFn;
  log?: (line: string) => void;
  /** Field cipher for the demo's personal data (staff ID numbers). */
  cipher: FieldCipher;
}

/**
 * Bring a database to a usable state: migrate, load the division tree on first start, and,
 * with `demo`, the Hebei demo (populations, institutions, accounts). Every step is idempotent,
 * so running it on every start costs only a few queries once done.
 */
export async function prepareDatabase(
  database: Database,
  options: PrepareOptions,
): Promise<{ demoLoaded: boolean }> {
  const log = options.log ?? (() => {});
  await database.migrate();
  if (!(await hasRegions(database))) {
    log('Loading the administrative division tree (about 665,000 regions)…');
    await loadRegionTree(database, {
      onProgress: (done, total, stage) => options.onProgress?.(stage, done, total),
    });
  }
  if (!options.demo) return { demoLoaded: false };
  const populations = await seedDemoPopulation(database, {
    onProgress: (done, total) => options.onProgress?.('demo population', done, total),
  });
  if (populations > 0) log(`Demo population: ${populations} Hebei regions.`);
  const created = await seedDemoAccounts(database);
  if (created > 0) log(`Demo accounts: ${created}.`);
  await seedDemoHouseholds(database, options.cipher);
  const registerStarted = performance.now();
  const register = await seedDemoInstitutions(database, options.cipher, {
    onProgress: (done, total, stage) => options.onProgress?.(`demo institutions (${stage})`, done, total),
  });
  if (register.institutions > 0) {
    log(
      `Demo institutions: ${register.institutions} (${register.childcareInstitutions} childcare, ${register.childcarePlaces} places), ${register.staff} staff, in ${((performance.now() - registerStarted) / 1000).toFixed(1)} s.`,
    );
  }
  const places = await seedDemoBookings(database);
  if (places > 0) log(`Demo places: ${places} offers (rosters, childcare, meals, appointments).`);
  const care = await seedDemoHomecare(database);
  if (care.items > 0) log(`Demo home care: ${care.items} menu items, ${care.providerItems} offered.`);
  await seedDemoCounty(database, options.cipher, log);
  return { demoLoaded: true };
}

/** The demo accounts as a printable table. */
export function demoAccountsTable(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(width)}  ${a.role.padEnd(18)} ${a.note}`),
  ].join('\n');
}
