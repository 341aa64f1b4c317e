import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { institutions } from '../institutions/institutions.table.js';
import { olderPeople } from '../people/people.table.js';
import { entitlements, programs } from '../programs/programs.table.js';

/**
 * A region's door-to-door service menu: items by type with duration and price; `category` marks
 * the subsidised core projects ("Top Ten") and the small paid packages ("Four Packages").
 */
export const serviceItems = pgTable(
  'service_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionPrefix: text('region_prefix').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** meals · bathing · cleaning · emergency · medical · walking · visit · errand · home_adaptation · nursing · emotional · health */
    type: text('type').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    priceCents: integer('price_cents').notNull(),
    /** core (subsidised) · package (small paid package) · other */
    category: text('category').notNull().default('other'),
    packageName: text('package_name'),
    description: text('description'),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('service_items_code_idx').on(t.regionPrefix, t.code)],
);

/** Items a provider offers from the menu, with its own price where it differs. */
export const providerItems = pgTable(
  'provider_items',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => serviceItems.id, { onDelete: 'cascade' }),
    priceCents: integer('price_cents'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.itemId] })],
);

/**
 * An order for a door-to-door service to an older person: who asked (the person, family, a
 * community worker, or an entitlement's schedule), the provider and caregiver assigned, when.
 */
export const serviceOrders = pgTable(
  'service_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id),
    regionCode: text('region_code').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => serviceItems.id),
    providerId: uuid('provider_id').references(() => institutions.id),
    caregiverId: uuid('caregiver_id').references(() => accounts.id),
    /** person · family · community_worker · entitlement */
    source: text('source').notNull(),
    requestedBy: uuid('requested_by'),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    scheduledStartMin: smallint('scheduled_start_min'),
    durationMinutes: integer('duration_minutes').notNull(),
    priceCents: integer('price_cents').notNull(),
    programId: uuid('program_id').references(() => programs.id),
    entitlementId: uuid('entitlement_id').references(() => entitlements.id),
    /**
     * What verification drew on the entitlement: { programId, entitlementId, benefitKind, month,
     * drawnCents, drawnMinutes, subsidyCents, ownCents } (see entitlements.draw.ts); null until then.
     */
    draw: jsonb('draw').$type<Record<string, unknown>>(),
    /** requested · assigned · in_progress · completed · verified · exception · cancelled */
    status: text('status').notNull().default('requested'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_orders_person_idx').on(t.personId, t.scheduledOn),
    index('service_orders_provider_idx').on(t.providerId, t.scheduledOn),
    index('service_orders_caregiver_idx').on(t.caregiverId, t.scheduledOn),
    index('service_orders_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);

/**
 * The visit that delivers an order, with the six elements of electronic visit verification:
 * service type, recipient, date, location (check-in/out and distance to the home), caregiver,
 * start and end time. Exceptions need a reason and an approval before the visit is paid.
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => institutions.id),
    caregiverId: uuid('caregiver_id')
      .notNull()
      .references(() => accounts.id),
    serviceType: text('service_type').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    checkInLat: doublePrecision('check_in_lat'),
    checkInLng: doublePrecision('check_in_lng'),
    checkInDistanceM: integer('check_in_distance_m'),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    checkOutLat: doublePrecision('check_out_lat'),
    checkOutLng: doublePrecision('check_out_lng'),
    checkOutDistanceM: integer('check_out_distance_m'),
    /** open · completed · verified · exception · approved · rejected */
    status: text('status').notNull().default('open'),
    /** Exception codes: distance, missing_element, overlap, impossible_travel, too_short */
    exceptions: jsonb('exceptions').$type<string[]>().notNull().default([]),
    exceptionReason: text('exception_reason'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: text('confirmed_by'),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visits_order_idx').on(t.orderId),
    index('visits_caregiver_day_idx').on(t.caregiverId, t.day),
    index('visits_provider_day_idx').on(t.providerId, t.day),
  ],
);

/** A provider's monthly settlement: what is paid (verified visits) and held back, as generated. */
export const settlements = pgTable(
  'settlements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => institutions.id),
    month: text('month').notNull(),
    paidCents: integer('paid_cents').notNull(),
    heldCents: integer('held_cents').notNull(),
    visitsPaid: integer('visits_paid').notNull(),
    visitsHeld: integer('visits_held').notNull(),
    /** draft · final */
    status: text('status').notNull().default('draft'),
    lines: jsonb('lines').$type<unknown[]>().notNull().default([]),
    generatedBy: uuid('generated_by'),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('settlements_key_idx').on(t.providerId, t.month)],
);
