/** Every table of every module, for drizzle-kit and for typed queries. */
export * from '../modules/accounts/accounts.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/institutions/institutions.table.js';
export * from '../modules/regions/regions.table.js';
