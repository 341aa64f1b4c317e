import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The register of care providers: childcare and elderly care institutions, meal points,
 * guidance centres and community-embedded service complexes. `status` is the filing state;
 * only `filed` institutions are public.
 */
export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** See INSTITUTION_KINDS in institutions.kinds.ts. */
    kind: text('kind').notNull(),
    /** public · private_nonprofit · for_profit */
    operator: text('operator').notNull().default('private_nonprofit'),
    /** 统一社会信用代码 (18 characters), when known. */
    creditCode: text('credit_code'),
    legalRepresentative: text('legal_representative'),
    /** Affordable (普惠): publicly supported and price-capped. */
    affordable: boolean('affordable').notNull().default(false),
    /** Monthly full-day price cap in yuan for affordable places. */
    priceCap: integer('price_cap'),
    /** 12-digit community code where the institution sits. */
    regionCode: text('region_code').notNull(),
    address: text('address').notNull().default(''),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** Floor of the care rooms (fire-safety siting: not 4 and above, not underground). */
    floor: smallint('floor'),
    phone: text('phone'),
    /** e.g. { weekdays: '07:30-18:00', saturday: '08:00-12:00' } */
    openingHours: jsonb('opening_hours').$type<Record<string, string>>().notNull().default({}),
    /** full_day · half_day · hourly · temporary (childcare care forms offered) */
    careForms: jsonb('care_forms').$type<string[]>().notNull().default([]),
    /** Monthly prices in yuan per care form, e.g. { full_day: 2200, hourly: 40 }. */
    prices: jsonb('prices').$type<Record<string, number>>().notNull().default({}),
    minAgeMonths: smallint('min_age_months'),
    maxAgeMonths: smallint('max_age_months'),
    description: text('description'),
    /** Chain or entrusted operator (连锁 / 委托运营), if any. */
    chainOperator: text('chain_operator'),
    entrustedBy: text('entrusted_by'),
    /** Quality grade A–D (WS/T 821) and the region's star level, once evaluated. */
    grade: text('grade'),
    stars: smallint('stars'),
    status: text('status').notNull().default('draft'),
    /*
     * What the public directory lists, kept exact in the same transaction by triggers on
     * `classes` and `institution_functions` (migration 0004_directory_places_triggers), so a
     * search reads one row per institution. Not written by the application.
     */
    /** Licensed places over the active classes; null without an active class. */
    classCapacity: integer('class_capacity'),
    /** Free places over the active classes (licensed − enrolled, never below 0); null without one. */
    classFree: integer('class_free'),
    /** Types of the active classes (infant, toddler…), for the age filter. */
    classTypes: text('class_types').array().notNull().default(sql`'{}'::text[]`),
    /** Capacity of the childcare function (declared places). */
    childcareCapacity: integer('childcare_capacity'),
    /** Capacity of the elderly functions (beds, day places, meal seats). */
    elderlyCapacity: integer('elderly_capacity'),
    /**
     * The ~0.05° grid cell of the location (rows of 0.05° latitude × 10,000 + columns of 0.05°
     * longitude), for the directory's distance search through a plain btree: see `cellsAround`
     * in directory.cells.ts, which must compute cells the very same way.
     */
    geoCell: integer('geo_cell').generatedAlwaysAs(
      sql`(floor((lat + 90::float8) / 0.05::float8) * 10000 + floor((lng + 180::float8) / 0.05::float8))::integer`,
    ),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('institutions_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('institutions_status_kind_idx').on(t.status, t.kind),
    index('institutions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('institutions_geo_idx').on(t.lat, t.lng),
  ],
);

/**
 * What an institution offers and how much of it: childcare places, elderly beds, day places,
 * meal seats… A community-embedded complex has several rows.
 */
export const institutionFunctions = pgTable(
  'institution_functions',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** childcare · elderly_care · elderly_day_care · meals · after_school · household · health · fitness · culture · children_play */
    function: text('function').notNull(),
    capacity: integer('capacity').notNull().default(0),
    /** places · beds · day_places · seats */
    unit: text('unit').notNull().default('places'),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.function] })],
);
