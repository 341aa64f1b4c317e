import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { householdMembers, households } from '../households/households.table.js';
import { classes } from '../institutions/classes.table.js';
import { institutions } from '../institutions/institutions.table.js';

/**
 * Places an institution publishes: per class (childcare) or per service point (appointments,
 * meal sittings), per day and time, per care form, with price and subsidy. `taken` counts the
 * places held by live bookings and never exceeds `capacity` (conditional updates under row locks).
 * Times are minutes after midnight, China time.
 */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'cascade' }),
    /** childcare · appointment · meal */
    service: text('service').notNull(),
    /**
     * childcare: full_day · half_day_am · half_day_pm · hourly · temporary;
     * appointment: consultation · developmental_check · training_course;
     * meal: breakfast · lunch · dinner
     */
    form: text('form').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    startsMin: smallint('starts_min').notNull(),
    endsMin: smallint('ends_min').notNull(),
    capacity: smallint('capacity').notNull(),
    taken: smallint('taken').notNull().default(0),
    /** Price of one unit in fen: a month of full-day care, an hour, a day, an appointment, a meal. */
    priceCents: integer('price_cents').notNull().default(0),
    /** Subsidy the region pays on one unit, in fen (shown before booking). */
    subsidyCents: integer('subsidy_cents').notNull().default(0),
    /** Minutes before the start after which a booking can no longer be cancelled or changed. */
    cutoffMinutes: integer('cutoff_minutes').notNull().default(120),
    title: text('title'),
    /** Meal menus ({ dishes: [...] }), appointment descriptions, the room, the speaker… */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** open · closed */
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('offers_slot_key')
      .on(t.institutionId, t.classId, t.service, t.form, t.day, t.startsMin)
      .nullsNotDistinct(),
    index('offers_institution_day_idx').on(t.institutionId, t.day),
    index('offers_class_day_idx').on(t.classId, t.day),
    check('offers_taken_within_capacity', sql`${t.taken} >= 0 AND ${t.taken} <= ${t.capacity}`),
  ],
);

/**
 * A class on one care day: its size limit and ratio as in force, and per half hour from 06:00
 * (32 slots) the children booked and the carers rostered. A childcare place is taken only if,
 * in every half hour it covers, present + 1 ≤ size and present + 1 ≤ carers × children per carer.
 */
export const classDays = pgTable(
  'class_days',
  {
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    classType: text('class_type').notNull(),
    sizeLimit: smallint('size_limit').notNull(),
    childrenPerCarer: smallint('children_per_carer').notNull(),
    minAgeMonths: smallint('min_age_months').notNull(),
    maxAgeMonths: smallint('max_age_months').notNull(),
    present: smallint('present').array().notNull().default(sql`array_fill(0::smallint, ARRAY[32])`),
    carers: smallint('carers').array().notNull().default(sql`array_fill(0::smallint, ARRAY[32])`),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.day] }),
    index('class_days_institution_idx').on(t.institutionId, t.day),
  ],
);

/** An institution on one care day: its licensed childcare capacity and children booked per half hour. */
export const institutionDays = pgTable(
  'institution_days',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    capacity: integer('capacity').notNull(),
    present: smallint('present').array().notNull().default(sql`array_fill(0::smallint, ARRAY[32])`),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.day] })],
);

/**
 * A booking: an enrolment (full or half day, by month), hourly or temporary care, an appointment
 * or a meal order, for one household member. It holds one place on each offer in
 * `booking_offers`. `held` = offered from the waitlist and waiting for the family to confirm.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => householdMembers.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    classId: uuid('class_id').references(() => classes.id),
    service: text('service').notNull(),
    form: text('form').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    startsMin: smallint('starts_min').notNull(),
    endsMin: smallint('ends_min').notNull(),
    /** confirmed · held · cancelled · expired */
    status: text('status').notNull(),
    priceCents: integer('price_cents').notNull().default(0),
    subsidyCents: integer('subsidy_cents').notNull().default(0),
    dueCents: integer('due_cents').notNull().default(0),
    /** Meals: eat_in · pick_up · delivered. */
    mealMode: text('meal_mode'),
    notes: text('notes'),
    /** The booking this one replaced (a change). */
    replacesId: uuid('replaces_id'),
    /** The waitlist entry that produced this booking, if any. */
    waitlistEntryId: uuid('waitlist_entry_id'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookings_account_idx').on(t.accountId, t.createdAt),
    index('bookings_member_idx').on(t.memberId, t.firstDay),
    index('bookings_institution_idx').on(t.institutionId, t.firstDay),
    index('bookings_hold_idx').on(t.holdExpiresAt).where(sql`status = 'held'`),
  ],
);

/** The places a booking holds: one per offer (a month's enrolment holds one on each care day). */
export const bookingOffers = pgTable(
  'booking_offers',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.offerId] }), index('booking_offers_offer_idx').on(t.offerId)],
);

/**
 * A place in line. `seq` orders the line; a freed place goes to the first waiting entry whose
 * request fits again, which becomes `offered` with a held booking until `expiresAt`.
 */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => householdMembers.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    classId: uuid('class_id').references(() => classes.id),
    service: text('service').notNull(),
    form: text('form').notNull(),
    /** The booking request, replayed when a place frees up. */
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    offerIds: uuid('offer_ids').array().notNull(),
    /** waiting · offered · booked · expired · withdrawn */
    status: text('status').notNull().default('waiting'),
    bookingId: uuid('booking_id'),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('waitlist_offer_ids_idx').using('gin', t.offerIds),
    index('waitlist_account_idx').on(t.accountId),
    index('waitlist_institution_idx').on(t.institutionId, t.status),
  ],
);
