import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { olderPeople } from '../people/people.table.js';

/**
 * A subsidy or service program a region defines as data: who is eligible (`eligibility`) and what
 * they get (`benefit`), from when to when. See programs.rules.ts for the shapes.
 */
export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Region (2–12 digits) whose residents the program covers. */
    regionPrefix: text('region_prefix').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** { minAge?, maxAge?, anyFlags?, allFlags?, grades?, residence? } */
    eligibility: jsonb('eligibility').$type<Record<string, unknown>>().notNull(),
    /** { kind: monthly_amount | service_quota | cost_share | meal_discount, … } */
    benefit: jsonb('benefit').$type<Record<string, unknown>>().notNull(),
    /** Enrol everyone eligible automatically (allowances) or only on application (services). */
    autoEnrol: boolean('auto_enrol').notNull().default(true),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** active · retired */
    status: text('status').notNull().default('active'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('programs_code_idx').on(t.regionPrefix, t.code)],
);

/** The last evaluation of one program for one person: eligible or not, and why. */
export const programEligibility = pgTable(
  'program_eligibility',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id, { onDelete: 'cascade' }),
    eligible: boolean('eligible').notNull(),
    /** Rule keys that matched or failed, e.g. ['age>=80', 'flag:living_alone'] */
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.personId] }),
    index('program_eligibility_person_idx').on(t.personId),
  ],
);

/** A person enrolled in a program (by auto-enrolment or an official's decision), with its end. */
export const programEnrolments = pgTable(
  'program_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id, { onDelete: 'cascade' }),
    /** enrolled · ended */
    status: text('status').notNull().default('enrolled'),
    enrolledOn: date('enrolled_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endedReason: text('ended_reason'),
    enrolledBy: uuid('enrolled_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('program_enrolments_person_idx').on(t.personId),
    index('program_enrolments_program_idx').on(t.programId, t.status),
  ],
);

/**
 * What an enrolled person is owed in one month: an amount (fen) and/or a quota (minutes or
 * visits of service); `used*` grow as verified visits and meal orders draw on it.
 */
export const entitlements = pgTable(
  'entitlements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id, { onDelete: 'cascade' }),
    /** YYYY-MM */
    month: text('month').notNull(),
    amountCents: integer('amount_cents').notNull().default(0),
    quotaMinutes: integer('quota_minutes').notNull().default(0),
    usedCents: integer('used_cents').notNull().default(0),
    usedMinutes: integer('used_minutes').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('entitlements_key_idx').on(t.programId, t.personId, t.month),
    index('entitlements_person_idx').on(t.personId, t.month),
  ],
);
