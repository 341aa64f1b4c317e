import { index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institutions } from './institutions.table.js';

/**
 * A childcare class (班) of one type with its licensed size; the standard's limits for the type
 * (size, age band, carer ratio) come from the region's childcare-class settings.
 */
export const classes = pgTable(
  'classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** infant · toddler · older_toddler · mixed · home_point */
    type: text('type').notNull(),
    /** Licensed places (≤ the type's maximum class size). */
    capacity: smallint('capacity').notNull(),
    /** Children currently enrolled (kept by the bookings module with conditional updates). */
    enrolled: integer('enrolled').notNull().default(0),
    room: text('room'),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('classes_institution_idx').on(t.institutionId)],
);
