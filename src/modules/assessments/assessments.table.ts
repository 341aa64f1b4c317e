import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { olderPeople } from '../people/people.table.js';

/**
 * A capability assessment (GB/T 42195—2022) of an older person: the 26 item scores, the rule
 * inputs, the total and grades computed by src/standards/capability-assessment, the reason and
 * the day the next one is due. Never updated: a re-assessment is a new row, so history is kept.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id, { onDelete: 'cascade' }),
    /** Region of the person at the time (for scoping). */
    regionCode: text('region_code').notNull(),
    assessorId: uuid('assessor_id').references(() => accounts.id),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    /** first · routine · triggered · dispute (re-assessment) */
    reason: text('reason').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    coma: boolean('coma').notNull().default(false),
    dementia: boolean('dementia').notNull().default(false),
    riskEvents30d: jsonb('risk_events_30d').$type<string[]>().notNull().default([]),
    total: smallint('total').notNull(),
    groups: jsonb('groups').$type<Record<string, number>>().notNull(),
    initialGrade: text('initial_grade').notNull(),
    finalGrade: text('final_grade').notNull(),
    /** The edition of the standard used (e.g. GB/T 42195-2022). */
    standard: text('standard').notNull(),
    nextDueOn: date('next_due_on', { mode: 'string' }).notNull(),
    notes: text('notes'),
    /** Minutes the assessment took, as entered (for workload). */
    minutes: integer('minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_person_idx').on(t.personId, t.assessedOn),
    index('assessments_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('assessments_due_idx').on(t.nextDueOn),
  ],
);
