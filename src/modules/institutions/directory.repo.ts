import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { INSTITUTION_KINDS, KIND_KEYS } from './institutions.kinds.js';

/*
 * The public directory's statements. Its scope is the public one: filed institutions only, in
 * every statement here, whoever asks.
 */

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

const inList = (values: readonly (string | number)[]) =>
  values.length === 0
    ? sql`(NULL)`
    : sql`(${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;
/** A list of code constants (kinds, functions) written into the statement, so the planner sees them. */
const constList = (values: readonly string[]) =>
  sql.raw(`(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`);
const kindsOf = (sector: string) => KIND_KEYS.filter((k) => INSTITUTION_KINDS[k].sector === sector);
/** Kinds whose places are childcare classes, kinds counted in beds, day places or seats, and both. */
const CHILDCARE_KINDS = constList(kindsOf('childcare'));
const ELDERLY_KINDS = constList(kindsOf('elderly'));
const MIXED_KINDS = constList(kindsOf('mixed'));
/** Elderly functions count as free capacity: occupancy is not recorded for them yet. */
const ELDERLY_FUNCTIONS = constList(['elderly_care', 'elderly_day_care', 'meals']);

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

/**
 * Free places: childcare classes' licensed minus enrolled; for elderly kinds the capacity of
 * their functions; a service complex both. For the hasPlaces filter (unknown counts as none).
 */
const FREE_PLACES = sql`(
  CASE WHEN i.kind IN ${ELDERLY_KINDS} THEN 0 ELSE (SELECT coalesce(sum(greatest(c.capacity - c.enrolled, 0)), 0)
    FROM classes c WHERE c.institution_id = i.id AND c.status = 'active') END
  + CASE WHEN i.kind IN ${CHILDCARE_KINDS} THEN 0 ELSE (SELECT coalesce(sum(f.capacity), 0)
    FROM institution_functions f WHERE f.institution_id = i.id AND f.function IN ${ELDERLY_FUNCTIONS}) END)`;

function conditions(filters: DirectoryFilters): SQL[] {
  const where: SQL[] = [sql`i.status = 'filed'`];
  if (filters.ids) where.push(sql`i.id IN ${inList(filters.ids)}`);
  if (filters.q) where.push(sql`i.name ILIKE ${`%${filters.q.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (filters.regionCode) where.push(sql`i.region_code LIKE ${`${filters.regionCode}%`}`);
  if (filters.kinds && filters.kinds.length > 0) where.push(sql`i.kind IN ${inList(filters.kinds)}`);
  if (filters.careForm) where.push(sql`i.care_forms @> ${JSON.stringify([filters.careForm])}::jsonb`);
  if (filters.ageMonths !== undefined) {
    const age = filters.ageMonths;
    where.push(sql`(i.min_age_months IS NULL OR i.min_age_months <= ${age})`);
    where.push(sql`(i.max_age_months IS NULL OR i.max_age_months > ${age})`);
    where.push(sql`EXISTS (SELECT 1 FROM classes c WHERE c.institution_id = i.id
      AND c.status = 'active' AND c.type IN ${inList(filters.classTypes ?? [])})`);
  }
  if (filters.affordable !== undefined) where.push(sql`i.affordable = ${filters.affordable}`);
  if (filters.grade) where.push(sql`i.grade <= ${filters.grade}`);
  if (filters.hasPlaces) where.push(sql`${FREE_PLACES} > 0`);
  if (filters.near) {
    // A bounding box first, which the (lat, lng) index serves; the exact circle is checked after.
    const { lat, lng, radiusKm } = filters.near;
    const dLat = radiusKm / KM_PER_DEGREE;
    const dLng = radiusKm / (KM_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    where.push(sql`i.lat BETWEEN ${lat - dLat}::float8 AND ${lat + dLat}::float8`);
    where.push(sql`i.lng BETWEEN ${lng - dLng}::float8 AND ${lng + dLng}::float8`);
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
 * matching ids (and distance) first, then the page's public fields, region name, capacity and
 * free places (lateral sums over its classes and functions) for those rows only.
 */
export function directoryQuery(filters: DirectoryFilters): SQL {
  const near = filters.near;
  const distance = near ? distanceKm(near) : sql`NULL::float8`;
  const radius = near ? sql`WHERE distance_km <= ${near.radiusKm}::float8` : sql``;
  const order = ORDER[filters.sort];
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
            CASE WHEN i.kind IN ${CHILDCARE_KINDS} THEN coalesce(cl.capacity, fc.childcare)
              WHEN i.kind IN ${ELDERLY_KINDS} THEN fc.elderly
              WHEN i.kind IN ${MIXED_KINDS} THEN coalesce(cl.capacity, fc.childcare, 0) + coalesce(fc.elderly, 0)
            END AS capacity,
            CASE WHEN i.kind IN ${CHILDCARE_KINDS} THEN cl.free
              WHEN i.kind IN ${ELDERLY_KINDS} THEN fc.elderly
              WHEN i.kind IN ${MIXED_KINDS} THEN coalesce(cl.free, 0) + coalesce(fc.elderly, 0)
            END AS "freePlaces",
            i.min_age_months::int AS "minAgeMonths", i.max_age_months::int AS "maxAgeMonths",
            i.phone, i.opening_hours AS "openingHours", i.description,
            h.distance_km, h.name AS sort_name
          FROM page h
          JOIN institutions i ON i.id = h.id
          LEFT JOIN regions r ON r.code = i.region_code
            AND r.year = (SELECT year FROM region_years WHERE is_current = 1 LIMIT 1)
          LEFT JOIN LATERAL (
            SELECT sum(c.capacity)::int AS capacity, sum(greatest(c.capacity - c.enrolled, 0))::int AS free
            FROM classes c WHERE c.institution_id = i.id AND c.status = 'active'
          ) cl ON true
          LEFT JOIN LATERAL (
            SELECT (sum(f.capacity) FILTER (WHERE f.function = 'childcare'))::int AS childcare,
              (sum(f.capacity) FILTER (WHERE f.function IN ${ELDERLY_FUNCTIONS}))::int AS elderly
            FROM institution_functions f WHERE f.institution_id = i.id
          ) fc ON true
        ) p ON true
        ORDER BY ${PAGE_ORDER[filters.sort]}`;
}

/** Run directoryQuery: the page's rows and the total of all matches. */
export async function searchDirectory(
  ex: Executor,
  filters: DirectoryFilters,
): Promise<{ total: number; rows: DirectoryRow[] }> {
  const found = await rows<DirectoryRow & { total: number }>(ex, directoryQuery(filters));
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
