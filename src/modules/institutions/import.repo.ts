import { type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { institutionFunctions, institutions } from './institutions.table.js';

/*
 * The register's bulk statements: duplicate checks and batched inserts for the import, and the
 * scoped, filtered read the export streams in pages.
 */

/** Rows per multi-row INSERT: 14 parameters a row stays far below PostgreSQL's 65,535. */
const BATCH = 500;

export type NewInstitution = typeof institutions.$inferInsert & { id: string };
export type NewFunction = typeof institutionFunctions.$inferInsert;

async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/** `code` lies under `prefix` ('' = everywhere), as a range the text_pattern_ops index serves. */
function underPrefix(column: SQL, prefix: string): SQL {
  return prefix === '' ? sql`true` : sql`${column} LIKE ${`${prefix.replace(/[\\%_]/g, '\\$&')}%`}`;
}

/**
 * Which (name, region code) pairs are registered already, inside the caller's region prefix;
 * keys are `regionCode/name`. The pairs travel as one JSON parameter, whatever their number.
 */
export async function registeredPairs(
  ex: Executor,
  scopePrefix: string,
  pairs: readonly { name: string; regionCode: string }[],
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const json = JSON.stringify(pairs.map((p) => ({ name: p.name, region_code: p.regionCode })));
  const found = await rows<{ name: string; regionCode: string }>(
    ex,
    sql`SELECT i.name, i.region_code AS "regionCode"
        FROM jsonb_to_recordset(${json}::jsonb) AS x(name text, region_code text)
        JOIN institutions i ON i.region_code = x.region_code AND i.name = x.name
        WHERE ${underPrefix(sql`i.region_code`, scopePrefix)}`,
  );
  return new Set(found.map((r) => `${r.regionCode}/${r.name}`));
}

/** Insert institutions and their functions in multi-row batches, inside the import's transaction. */
export async function insertInstitutions(
  tx: Tx,
  items: readonly NewInstitution[],
  functions: readonly NewFunction[],
  onBatch?: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    await tx.insert(institutions).values(items.slice(i, i + BATCH));
    onBatch?.(Math.min(i + BATCH, items.length));
  }
  for (let i = 0; i < functions.length; i += BATCH * 2) {
    await tx.insert(institutionFunctions).values(functions.slice(i, i + BATCH * 2));
  }
}

/** The filters of the register list (GET /api/institutions), as the export takes them. */
export interface RegisterFilters {
  q?: string;
  kind?: string;
  status?: string;
  regionCode?: string;
  affordable?: boolean;
}

/** One row of the export. */
export interface RegisterRow {
  id: string;
  name: string;
  kind: string;
  operator: string;
  regionCode: string;
  regionName: string | null;
  address: string;
  status: string;
  affordable: boolean;
  priceCap: number | null;
  capacity: number | null;
  phone: string | null;
  lng: number | null;
  lat: number | null;
  grade: string | null;
  stars: number | null;
  filedAt: string | null;
}

/** Where the previous page ended (the sort key of its last row). */
export interface RegisterCursor {
  regionCode: string;
  name: string;
  id: string;
}

/**
 * One page of the register under the caller's region prefix and the filters, in region, name
 * order, after `cursor`. `capacityFunction` names, per kind, the function whose capacity the
 * sheet shows (the same one the import fills).
 */
export async function listRegisterPage(
  ex: Executor,
  scopePrefix: string,
  filters: RegisterFilters,
  capacityFunction: Readonly<Record<string, string | null>>,
  cursor: RegisterCursor | null,
  limit: number,
): Promise<RegisterRow[]> {
  const where: SQL[] = [underPrefix(sql`i.region_code`, scopePrefix)];
  if (filters.regionCode) where.push(underPrefix(sql`i.region_code`, filters.regionCode));
  if (filters.q) where.push(sql`i.name ILIKE ${`%${filters.q.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (filters.kind) where.push(sql`i.kind = ${filters.kind}`);
  if (filters.status) where.push(sql`i.status = ${filters.status}`);
  if (filters.affordable !== undefined) where.push(sql`i.affordable = ${filters.affordable}`);
  if (cursor)
    where.push(sql`(i.region_code, i.name, i.id) > (${cursor.regionCode}, ${cursor.name}, ${cursor.id})`);
  const cases = Object.entries(capacityFunction)
    .filter(([, fn]) => fn !== null)
    .map(([kind, fn]) => sql`WHEN ${kind} THEN ${fn}`);
  const capacityFn = cases.length > 0 ? sql`CASE i.kind ${sql.join(cases, sql` `)} END` : sql`NULL`;
  return rows<RegisterRow>(
    ex,
    sql`SELECT i.id, i.name, i.kind, i.operator, i.region_code AS "regionCode", r.name AS "regionName",
          i.address, i.status, i.affordable, i.price_cap AS "priceCap", f.capacity::int AS capacity,
          i.phone, i.lng, i.lat, i.grade, i.stars::int AS stars,
          to_char(i.filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "filedAt"
        FROM institutions i
        LEFT JOIN regions r ON r.year = (SELECT year FROM region_years WHERE is_current = 1 LIMIT 1)
          AND r.code = i.region_code
        LEFT JOIN institution_functions f ON f.institution_id = i.id AND f.function = ${capacityFn}
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY i.region_code, i.name, i.id
        LIMIT ${limit}`,
  );
}
