import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Rules that differ by region (STANDARDS "settings"): a value per key and region prefix, the
 * longest matching prefix wins ('' = national default). A new edition is a new row with a later
 * `effectiveFrom`, never a code change.
 */
export const regionSettings = pgTable(
  'region_settings',
  {
    key: text('key').notNull(),
    regionPrefix: text('region_prefix').notNull().default(''),
    effectiveFrom: text('effective_from').notNull().default('1970-01-01'),
    value: jsonb('value').notNull(),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.regionPrefix, t.effectiveFrom] })],
);
