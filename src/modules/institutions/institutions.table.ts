import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The register of care institutions. The foundation keeps only what accounts need
 * (an institution user's scope is its institution); the institutions module extends it.
 */
export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** childcare_centre · elderly_care … (the institutions module owns the list) */
  kind: text('kind').notNull(),
  /** 12-digit community code where the institution sits. */
  regionCode: text('region_code').notNull(),
  status: text('status').notNull().default('draft'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
