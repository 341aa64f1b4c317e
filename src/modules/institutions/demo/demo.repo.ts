import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Cell, HebeiPlace, Row, SeedRows } from './types.js';

/*
 * Every SQL statement of the demo register: what it reads of the region tree and populations,
 * and the bulk writes of the generated rows (multi-row INSERTs inside the caller's transaction,
 * so the whole demo lands at once or not at all).
 */

async function rows<T>(ex: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Cities, counties, townships and communities under `province` in the current code table, with
 * the latest population figures filed for the province (0 where none).
 */
export async function listPlaces(ex: Executor, province: string): Promise<HebeiPlace[]> {
  return rows<HebeiPlace>(
    ex,
    sql`WITH y AS (SELECT year FROM region_years WHERE is_current = 1 LIMIT 1),
             p AS (SELECT max(year) AS year FROM region_populations WHERE code = ${province})
        SELECT r.code, r.name, r.level::int AS level, r.parent_code AS "parentCode",
               coalesce(pop.residents, 0)::int AS residents,
               coalesce(pop.children_under_3, 0)::int AS "childrenUnder3",
               coalesce(pop.aged_60_plus, 0)::int AS "aged60Plus"
        FROM regions r
        LEFT JOIN region_populations pop ON pop.code = r.code AND pop.year = (SELECT year FROM p)
        WHERE r.year = (SELECT year FROM y) AND r.code LIKE ${`${province}%`} AND r.level >= 2
        ORDER BY r.code`,
  );
}

/** How many institutions are registered under a region prefix. */
export async function countInstitutionsUnder(ex: Executor, prefix: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    ex,
    sql`SELECT count(*)::int AS n FROM institutions WHERE region_code LIKE ${`${prefix}%`}`,
  );
  return row?.n ?? 0;
}

/** The id of an institution with exactly this name in this community, if any. */
export async function findInstitutionId(
  ex: Executor,
  name: string,
  regionCode: string,
): Promise<string | null> {
  const [row] = await rows<{ id: string }>(
    ex,
    sql`SELECT id FROM institutions WHERE name = ${name} AND region_code = ${regionCode} LIMIT 1`,
  );
  return row?.id ?? null;
}

/** Overwrite an existing institution's particulars with the generated ones (keeping its id). */
export async function updateInstitution(ex: Executor, row: Row): Promise<void> {
  const { id, ...values } = row;
  const assignments = Object.entries(values).map(([column, value]) => `${column} = ${literal(value)}`);
  await ex.execute(sql`UPDATE institutions SET ${sql.raw(assignments.join(', '))} WHERE id = ${String(id)}`);
}

/** Rows per INSERT statement: large enough to be fast, small enough to keep statements a few MB. */
const BATCH = 4_000;

/**
 * Insert every generated row, parents before children. Values are the generator's own (no user
 * input reaches here) and are written as escaped literals, so 150,000 rows need no bind limits.
 */
export async function insertSeed(
  ex: Executor,
  seed: SeedRows,
  onBatch?: (done: number, total: number) => void,
): Promise<void> {
  const order = Object.keys(seed) as Array<keyof SeedRows>;
  const total = order.reduce((n, table) => n + seed[table].length, 0);
  let done = 0;
  for (const table of order) {
    const list = seed[table];
    if (list.length === 0) continue;
    const columns = [...new Set(list.flatMap((row) => Object.keys(row)))];
    for (let start = 0; start < list.length; start += BATCH) {
      const values = list
        .slice(start, start + BATCH)
        .map((row) => `(${columns.map((c) => literal(row[c] ?? null)).join(',')})`)
        .join(',\n');
      await ex.execute(sql.raw(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`));
      done += Math.min(BATCH, list.length - start);
      onBatch?.(done, total);
    }
  }
}

/** A SQL literal: numbers and booleans as they are, text quoted, objects and arrays as JSON. */
function literal(value: Cell | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}
