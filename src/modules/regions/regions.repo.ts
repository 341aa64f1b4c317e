import { type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { prefixUpperBound } from './regions.codes.js';

/*
 * Every SQL statement of the division tree. Code changes between years live in
 * regions.changes.repo.ts and population figures in regions.population.repo.ts, which share
 * the helpers exported here.
 */

/** A node of the tree as stored (without the search keys). */
export interface RegionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  childCount: number;
}

export interface RegionYearRow {
  year: number;
  source: string;
  nodeCount: number;
  isCurrent: boolean;
}

/** How a search term is matched. */
export type SearchMode = 'code' | 'name' | 'pinyin';

export interface SearchFilter {
  mode: SearchMode;
  q: string;
  within?: string;
  level?: number;
  limit: number;
}

export const REGION_COPY_COLUMNS = [
  'year',
  'code',
  'name',
  'level',
  'parent_code',
  'pinyin',
  'initials',
  'child_count',
] as const;
const REGION_COLUMNS = sql.raw(
  'code, name, level::int AS level, parent_code AS "parentCode", child_count AS "childCount"',
);

/** Run a query and return its rows, the same on PGlite and node-postgres. */
export async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The given year, or the current code-table year resolved inside the same statement. */
export function yearOrCurrent(year?: number): SQL {
  return year === undefined
    ? sql`(SELECT year FROM region_years WHERE is_current = 1 LIMIT 1)`
    : sql`${year}`;
}

/** `code` lies under `prefix`, as an index range scan under any collation. */
export function underPrefix(column: SQL, prefix: string): SQL {
  if (prefix === '') return sql`true`;
  const upper = prefixUpperBound(prefix);
  return upper === null
    ? sql`${column} >= ${prefix}`
    : sql`(${column} >= ${prefix} AND ${column} < ${upper})`;
}

/** A list of texts as one parameter, so 50,000 codes are not 50,000 bind parameters. */
export function textList(values: readonly string[]): SQL {
  return sql`string_to_array(${values.join(',')}, ',')`;
}

// ── code-table years ─────────────────────────────────────────────────────────

export async function listYears(ex: Executor): Promise<RegionYearRow[]> {
  return rows(
    ex,
    sql`SELECT year::int AS year, source, node_count AS "nodeCount", is_current = 1 AS "isCurrent"
        FROM region_years ORDER BY year`,
  );
}

export async function findYear(ex: Executor, year: number): Promise<RegionYearRow | null> {
  const found = await rows<RegionYearRow>(
    ex,
    sql`SELECT year::int AS year, source, node_count AS "nodeCount", is_current = 1 AS "isCurrent"
        FROM region_years WHERE year = ${year}`,
  );
  return found[0] ?? null;
}

export async function currentYear(ex: Executor): Promise<number | null> {
  const found = await rows<{ year: number }>(
    ex,
    sql`SELECT year::int AS year FROM region_years WHERE is_current = 1`,
  );
  return found[0]?.year ?? null;
}

export async function saveYear(ex: Executor, row: RegionYearRow): Promise<void> {
  await ex.execute(sql`
    INSERT INTO region_years (year, source, node_count, is_current, loaded_at)
    VALUES (${row.year}, ${row.source}, ${row.nodeCount}, ${row.isCurrent ? 1 : 0}, now())
    ON CONFLICT (year) DO UPDATE SET source = excluded.source, node_count = excluded.node_count,
      is_current = excluded.is_current, loaded_at = now()`);
}

export async function markCurrentYear(ex: Executor, year: number): Promise<void> {
  await ex.execute(sql`UPDATE region_years SET is_current = CASE WHEN year = ${year} THEN 1 ELSE 0 END`);
}

export async function deleteYearNodes(ex: Executor, year: number): Promise<void> {
  await ex.execute(sql`DELETE FROM regions WHERE year = ${year}`);
}

export async function countNodes(
  ex: Executor,
  year: number,
  byLevel = false,
): Promise<Record<string, number>> {
  const found = await rows<{ level: number; n: number }>(
    ex,
    byLevel
      ? sql`SELECT level::int AS level, count(*)::int AS n FROM regions WHERE year = ${year} GROUP BY level`
      : sql`SELECT 0 AS level, count(*)::int AS n FROM regions WHERE year = ${year}`,
  );
  return Object.fromEntries(found.map((r) => [String(r.level), r.n]));
}

/** The secondary indexes of `regions` exactly as the migration creates them. */
const NODE_INDEXES = {
  regions_parent_idx: 'USING btree ("year","parent_code")',
  regions_name_trgm_idx: 'USING gin ("name" gin_trgm_ops)',
  regions_pinyin_idx: 'USING btree ("pinyin" text_pattern_ops)',
  regions_initials_idx: 'USING btree ("initials" text_pattern_ops)',
} as const;

/** Whether the table holds nodes of any other year (then a load must keep the indexes live). */
export async function hasOtherYears(ex: Executor, year: number): Promise<boolean> {
  return (await rows(ex, sql`SELECT 1 FROM regions WHERE year <> ${year} LIMIT 1`)).length > 0;
}

/** Drop the secondary indexes before a bulk load into an empty table: building them once is 3× faster. */
export async function dropNodeIndexes(ex: Executor): Promise<void> {
  for (const name of Object.keys(NODE_INDEXES)) await ex.execute(sql.raw(`DROP INDEX IF EXISTS "${name}"`));
}

/** (Re)create the secondary indexes; a no-op when they exist, so it also repairs an interrupted load. */
export async function createNodeIndexes(db: Database['db']): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const [name, using] of Object.entries(NODE_INDEXES)) {
      await tx.execute(sql.raw(`CREATE INDEX IF NOT EXISTS "${name}" ON "regions" ${using}`));
    }
  });
}

/** Refresh planner statistics after a bulk load, so lookups keep using the indexes. */
export async function analyzeNodes(ex: Executor): Promise<void> {
  await ex.execute(sql`ANALYZE regions`);
}

/** Bulk-load tree nodes (CSV in REGION_COPY_COLUMNS order) with COPY. */
export function copyNodes(database: Database, csv: string): Promise<number> {
  return database.copyCsv('regions', REGION_COPY_COLUMNS, csv);
}

// ── browse and search ────────────────────────────────────────────────────────

export async function findNode(ex: Executor, code: string, year?: number): Promise<RegionRow | null> {
  const found = await rows<RegionRow>(
    ex,
    sql`SELECT ${REGION_COLUMNS} FROM regions WHERE year = ${yearOrCurrent(year)} AND code = ${code}`,
  );
  return found[0] ?? null;
}

export async function findNodes(ex: Executor, codes: readonly string[], year?: number): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return rows(
    ex,
    sql`SELECT ${REGION_COLUMNS} FROM regions
        WHERE year = ${yearOrCurrent(year)} AND code = ANY(${textList(codes)}) ORDER BY code`,
  );
}

export async function listChildNodes(
  ex: Executor,
  parentCode: string | null,
  year?: number,
): Promise<RegionRow[]> {
  const parent = parentCode === null ? sql`parent_code IS NULL` : sql`parent_code = ${parentCode}`;
  return rows(
    ex,
    sql`SELECT ${REGION_COLUMNS} FROM regions WHERE year = ${yearOrCurrent(year)} AND ${parent} ORDER BY code`,
  );
}

export async function searchNodes(ex: Executor, filter: SearchFilter, year?: number): Promise<RegionRow[]> {
  const { mode, q } = filter;
  const match =
    mode === 'code'
      ? underPrefix(sql.raw('code'), q)
      : mode === 'pinyin'
        ? sql`(pinyin LIKE ${`${q}%`} OR initials LIKE ${`${q}%`})`
        : sql`name LIKE ${`%${q.replace(/[\\%_]/g, '\\$&')}%`}`;
  const within = filter.within ? underPrefix(sql.raw('code'), filter.within) : sql`true`;
  const level = filter.level ? sql`level = ${filter.level}` : sql`true`;
  return rows(
    ex,
    sql`SELECT ${REGION_COLUMNS} FROM regions
        WHERE year = ${yearOrCurrent(year)} AND ${match} AND ${within} AND ${level}
        ORDER BY level, code LIMIT ${filter.limit}`,
  );
}

/** Every node under a prefix (the prefix's own node and its ancestors included), for the demo seed. */
export async function listSubtree(ex: Executor, prefix: string, year: number): Promise<RegionRow[]> {
  return rows(
    ex,
    sql`SELECT ${REGION_COLUMNS} FROM regions
        WHERE year = ${year} AND ${underPrefix(sql.raw('code'), prefix)} ORDER BY level, code`,
  );
}

/** Which of the given codes exist in the year (current by default). */
export async function existingCodes(
  ex: Executor,
  codes: readonly string[],
  year?: number,
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const found = await rows<{ code: string }>(
    ex,
    sql`SELECT code FROM regions WHERE year = ${yearOrCurrent(year)} AND code = ANY(${textList(codes)})`,
  );
  return new Set(found.map((r) => r.code));
}
