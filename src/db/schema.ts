/** Every table of every module, for drizzle-kit and for typed queries. */
export * from '../modules/accounts/accounts.table.js';
export * from '../modules/assessments/assessments.table.js';
export * from '../modules/attendance/attendance.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/bookings/bookings.table.js';
export * from '../modules/homecare/homecare.table.js';
export * from '../modules/households/households.table.js';
export * from '../modules/idempotency/idempotency.table.js';
export * from '../modules/institutions/classes.table.js';
export * from '../modules/institutions/filing.table.js';
export * from '../modules/institutions/institutions.table.js';
export * from '../modules/institutions/staff.table.js';
export * from '../modules/notifications/notifications.table.js';
export * from '../modules/people/people.table.js';
export * from '../modules/programs/programs.table.js';
export * from '../modules/regions/regions.table.js';
export * from '../modules/settings/settings.table.js';
