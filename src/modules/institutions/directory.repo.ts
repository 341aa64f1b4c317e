import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { boundingBox, cellsAround, EARTH_RADIUS_KM } from './directory.cells.js';
import { INSTITUTION_KINDS, KIND_KEYS } from './institutions.kinds.js';

/*
 * The public directory's statements. Its scope is the public one: filed institutions only, in
 * every statement here, whoever asks.
 */

const inList = (values: readonly (string | number)[]) =>
  values.length === 0
    ? sql`(NULL)`
    : sql`(${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;
/**
 * A PostgreSQL array literal (kinds, class types, cells), sent as one parameter, so a search
 * has the same statement text however many values it asks for.
 */
const arrayLiteral = (values: readonly (string | number)[]) =>
  `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
/** A list of code constants (kinds, functions) written into the statement, so the planner sees them. */
const constList = (values: readonly string[]) =>
  sql.raw(`(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`);
const kindsOf = (sector: string) => KIND_KEYS.filter((k) => INSTITUTION_KINDS[k].sector === sector);
/** Kinds whose places are childcare classes, kinds counted in beds, day places or seats, and both. */
const CHILDCARE_KINDS = constList(kindsOf('childcare'));
const ELDERLY_KINDS = constList(kindsOf('elderly'));
const MIXED_KINDS = constList(kindsOf('mixed'));
/**
 * Elderly functions count as free capacity: occupancy is not recorded for them yet. The trigger
 * that sums them into `institutions.elderly_capacity` (migration 0004) lists the same ones.
 */
export const ELDERLY_FUNCTIONS = ['elderly_care', 'elderly_day_care', 'meals'] as const;

export interface DirectoryFilters {
  ids?: readonly string[];
  q?: string;
  regionCode?: string;
  kinds?: readonly string[];
  careForm?: string;
  ageMonths?: number;
  /** Class types a child of `ageMonths` may join (from the childcare class standard). */
  classTypes?: readonly string[];
  affordable?: boolean;
  grade?: string;
  hasPlaces?: boolean;
  near?: { lat: number; lng: number; radiusKm: number };
  sort: 'distance' | 'name' | 'grade';
  limit: number;
  offset: number;
}

/** A directory entry as read: public fields only. */
export interface DirectoryRow {
  id: string;
  name: string;
  kind: string;
  address: string;
  regionCode: string;
  regionName: string | null;
  lat: number | null;
  lng: number | null;
  distanceKm: number | null;
  affordable: boolean;
  priceCap: number | null;
  prices: Record<string, number>;
  careForms: string[];
  grade: string | null;
  stars: number | null;
  capacity: number | null;
  freePlaces: number | null;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  phone: string | null;
  openingHours: Record<string, string>;
  /** Read for an institution's own page (`ids`) only; null in lists. */
  description: string | null;
}

async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Great-circle distance in km from `near` (haversine), for the institution row `i`. */
function distanceKm(near: { lat: number; lng: number }): SQL {
  const cosLat = Math.cos((near.lat * Math.PI) / 180);
  return sql`(${2 * EARTH_RADIUS_KM}::float8 * asin(sqrt(
    power(sin(radians(i.lat - ${near.lat}::float8) / 2), 2)
    + ${cosLat}::float8 * cos(radians(i.lat)) * power(sin(radians(i.lng - ${near.lng}::float8) / 2), 2))))`;
}

/*
 * Places, per kind, from the counts the triggers keep on the institution's row (migration
 * 0004): childcare kinds count their active classes (or, without one, the declared childcare
 * capacity), elderly kinds the capacity of their elderly functions, a service complex both.
 */
const CAPACITY = sql`CASE WHEN i.kind IN ${CHILDCARE_KINDS} THEN coalesce(i.class_capacity, i.childcare_capacity)
  WHEN i.kind IN ${ELDERLY_KINDS} THEN i.elderly_capacity
  WHEN i.kind IN ${MIXED_KINDS} THEN coalesce(i.class_capacity, i.childcare_capacity, 0) + coalesce(i.elderly_capacity, 0) END`;
const FREE_PLACES = sql`CASE WHEN i.kind IN ${CHILDCARE_KINDS} THEN i.class_free
  WHEN i.kind IN ${ELDERLY_KINDS} THEN i.elderly_capacity
  WHEN i.kind IN ${MIXED_KINDS} THEN coalesce(i.class_free, 0) + coalesce(i.elderly_capacity, 0) END`;
/** Free places for the hasPlaces filter (unknown counts as none). */
const HAS_PLACES = sql`(CASE WHEN i.kind IN ${ELDERLY_KINDS} THEN 0 ELSE coalesce(i.class_free, 0) END
  + CASE WHEN i.kind IN ${CHILDCARE_KINDS} THEN 0 ELSE coalesce(i.elderly_capacity, 0) END) > 0`;

/**
 * The filters, each written whether asked for or not (`$n IS NULL OR …`), so that every search
 * of a sort order has the same statement text: one prepared statement serves them all (see
 * directoryStatement). A statement planned for its values drops the filters not asked for.
 */
function conditions(filters: DirectoryFilters): SQL[] {
  const pattern = filters.q ? `%${filters.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  const prefix = filters.regionCode ? `${filters.regionCode}%` : null;
  const kinds = filters.kinds?.length ? arrayLiteral(filters.kinds) : null;
  const careForm = filters.careForm ? JSON.stringify([filters.careForm]) : null;
  const age = filters.ageMonths ?? null;
  const ageTypes = arrayLiteral(filters.classTypes ?? []);
  const where: SQL[] = [sql`i.status = 'filed'`];
  if (filters.ids) where.push(sql`i.id IN ${inList(filters.ids)}`);
  where.push(
    sql`(${pattern}::text IS NULL OR i.name ILIKE ${pattern}::text)`,
    sql`(${prefix}::text IS NULL OR i.region_code LIKE ${prefix}::text)`,
    sql`(${kinds}::text[] IS NULL OR i.kind = ANY(${kinds}::text[]))`,
    sql`(${careForm}::jsonb IS NULL OR i.care_forms @> ${careForm}::jsonb)`,
    sql`(${age}::int IS NULL OR ((i.min_age_months IS NULL OR i.min_age_months <= ${age}::int)
      AND (i.max_age_months IS NULL OR i.max_age_months > ${age}::int) AND i.class_types && ${ageTypes}::text[]))`,
    sql`(${filters.affordable ?? null}::boolean IS NULL OR i.affordable = ${filters.affordable ?? null}::boolean)`,
    sql`(${filters.grade ?? null}::text IS NULL OR i.grade <= ${filters.grade ?? null}::text)`,
    sql`(NOT ${filters.hasPlaces === true}::boolean OR ${HAS_PLACES})`,
  );
  if (filters.near) {
    // The grid cells around the circle (the btree on geo_cell serves them), then its bounding
    // box (written so that no (lat, lng) index is tempting), then the exact circle (after).
    const { lat, lng, radiusKm } = filters.near;
    const cells = cellsAround(lat, lng, radiusKm);
    if (cells) where.push(sql`i.geo_cell = ANY(${arrayLiteral(cells)}::int[])`);
    const box = boundingBox(lat, lng, radiusKm);
    where.push(
      sql`abs(i.lat - ${(box.minLat + box.maxLat) / 2}::float8) <= ${(box.maxLat - box.minLat) / 2}::float8`,
    );
    where.push(
      sql`abs(i.lng - ${(box.minLng + box.maxLng) / 2}::float8) <= ${(box.maxLng - box.minLng) / 2}::float8`,
    );
  }
  return where;
}

const ORDER = {
  distance: sql`distance_km, name, id`,
  name: sql`name, id`,
  grade: sql`grade NULLS LAST, name, id`,
} as const;
/** The same order once the page's rows are joined to their details. */
const PAGE_ORDER = {
  distance: sql`p.distance_km, p.sort_name, p.id`,
  name: sql`p.sort_name, p.id`,
  grade: sql`p.grade NULLS LAST, p.sort_name, p.id`,
} as const;

/**
 * One page of filed institutions matching the filters, with the total, in one statement: the
 * matching ids (and distance) from the institutions' own rows first (with a location, from the
 * few grid cells around it: an index-only scan), then the page's public fields and region name
 * for those rows only.
 */
export function directoryQuery(filters: DirectoryFilters): SQL {
  const near = filters.near;
  const distance = near ? distanceKm(near) : sql`NULL::float8`;
  const radius = near ? sql`WHERE distance_km <= ${near.radiusKm}::float8` : sql``;
  const order = ORDER[filters.sort];
  // Only an institution's own page shows its description; a list leaves it out.
  const description = filters.ids ? sql`i.description` : sql`NULL::text`;
  return sql`WITH hits AS (
          SELECT * FROM (
            SELECT i.id, i.name, i.grade, ${distance} AS distance_km
            FROM institutions i WHERE ${sql.join(conditions(filters), sql` AND `)}
          ) x ${radius}
        ), page AS (
          SELECT * FROM hits ORDER BY ${order} LIMIT ${filters.limit} OFFSET ${filters.offset}
        )
        SELECT t.total, p.* FROM (SELECT count(*)::int AS total FROM hits) t
        LEFT JOIN LATERAL (
          SELECT i.id, i.name, i.kind, i.address, i.region_code AS "regionCode", r.name AS "regionName",
            i.lat, i.lng, round(h.distance_km::numeric, 2)::float8 AS "distanceKm", i.affordable,
            i.price_cap AS "priceCap", i.prices, i.care_forms AS "careForms", i.grade, i.stars::int AS stars,
            ${CAPACITY} AS capacity, ${FREE_PLACES} AS "freePlaces",
            i.min_age_months::int AS "minAgeMonths", i.max_age_months::int AS "maxAgeMonths",
            i.phone, i.opening_hours AS "openingHours", ${description} AS description,
            h.distance_km, h.name AS sort_name
          FROM page h
          JOIN institutions i ON i.id = h.id
          LEFT JOIN regions r ON r.code = i.region_code
            AND r.year = (SELECT year FROM region_years WHERE is_current = 1 LIMIT 1)
        ) p ON true
        ORDER BY ${PAGE_ORDER[filters.sort]}`;
}

const dialect = new PgDialect();
/**
 * The search as PostgreSQL receives it: text, parameters and a statement name (a hash of the
 * text). A search by location has the same text for every filter and place (one per sort
 * order), so it runs as a named statement, parsed and planned once per connection and then only
 * executed: planning cost more than running it. Exported for the benchmark's floor.
 */
export function directoryStatement(filters: DirectoryFilters): {
  name: string;
  sql: string;
  params: unknown[];
} {
  const { sql: text, params } = dialect.sqlToQuery(directoryQuery(filters));
  const name = `directory_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
  return { name, sql: text, params };
}

/**
 * Run the search: the page's rows and the total of all matches. A search by location runs as
 * a prepared statement (PGlite runs it like any other); others are planned for their values,
 * so the name and region indexes serve them.
 */
export async function searchDirectory(
  ex: Executor,
  filters: DirectoryFilters,
): Promise<{ total: number; rows: DirectoryRow[] }> {
  type Found = DirectoryRow & { total: number };
  let found: Found[];
  if (filters.near && !filters.ids) {
    const { name, sql: text, params } = directoryStatement(filters);
    const prepared = ex._.session.prepareQuery({ sql: text, params }, undefined, name, false);
    found = ((await prepared.execute()) as { rows: Found[] }).rows;
  } else {
    found = await rows<Found>(ex, directoryQuery(filters));
  }
  const total = found[0]?.total ?? 0;
  return { total, rows: found.filter((r) => r.id !== null) };
}

/** What a filed institution offers: functions with capacity and unit. */
export function listPublicFunctions(ex: Executor, id: string) {
  return rows<{ function: string; capacity: number; unit: string }>(
    ex,
    sql`SELECT f.function, f.capacity::int AS capacity, f.unit FROM institution_functions f
        JOIN institutions i ON i.id = f.institution_id AND i.status = 'filed'
        WHERE f.institution_id = ${id} ORDER BY f.function`,
  );
}

/** A filed institution's childcare places per class type: licensed and free. */
export function listClassPlaces(ex: Executor, id: string) {
  return rows<{ type: string; capacity: number; free: number }>(
    ex,
    sql`SELECT c.type, sum(c.capacity)::int AS capacity, sum(greatest(c.capacity - c.enrolled, 0))::int AS free
        FROM classes c JOIN institutions i ON i.id = c.institution_id AND i.status = 'filed'
        WHERE c.institution_id = ${id} AND c.status = 'active' GROUP BY c.type`,
  );
}

/** Ids of a filed institution's photos, oldest first. */
export async function listPhotoIds(ex: Executor, id: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    ex,
    sql`SELECT u.id FROM uploads u JOIN institutions i ON i.id = u.institution_id AND i.status = 'filed'
        WHERE u.institution_id = ${id} AND u.kind = 'photo' ORDER BY u.uploaded_at, u.id`,
  );
  return found.map((r) => r.id);
}

/** A photo (upload of kind 'photo') of a filed institution, or null. */
export async function findPublicPhoto(ex: Executor, uploadId: string) {
  const found = await rows<{ id: string; mime: string; size: number; sha256: string; storagePath: string }>(
    ex,
    sql`SELECT u.id, u.mime, u.size, u.sha256, u.storage_path AS "storagePath" FROM uploads u
        JOIN institutions i ON i.id = u.institution_id AND i.status = 'filed'
        WHERE u.id = ${uploadId} AND u.kind = 'photo'`,
  );
  return found[0] ?? null;
}
