import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { rows, underPrefix } from './regions.repo.js';

/** One population figure as stored. */
export interface PopulationRow {
  code: string;
  year: number;
  residents: number;
  childrenUnder3: number;
  aged60Plus: number;
  aged80Plus: number;
  source: string;
}

/** Population sums of the stored figures below a node, grouped by child and by depth. */
export interface PopulationSumRow {
  child: string;
  codeLength: number;
  residents: number;
  childrenUnder3: number;
  aged60Plus: number;
  aged80Plus: number;
  sources: string;
}

export const POPULATION_COPY_COLUMNS = [
  'code',
  'year',
  'residents',
  'children_under_3',
  'aged_60_plus',
  'aged_80_plus',
  'source',
] as const;

const POPULATION_COLUMNS = sql.raw(
  'code, year::int AS year, residents, children_under_3 AS "childrenUnder3", aged_60_plus AS "aged60Plus", aged_80_plus AS "aged80Plus", source',
);

/** Insert or replace population figures (batched; run inside the import's transaction). */
export async function upsertPopulations(ex: Executor, figures: readonly PopulationRow[]): Promise<void> {
  for (let i = 0; i < figures.length; i += 1000) {
    const values = figures
      .slice(i, i + 1000)
      .map(
        (f) =>
          sql`(${f.code}, ${f.year}, ${f.residents}, ${f.childrenUnder3}, ${f.aged60Plus}, ${f.aged80Plus}, ${f.source}, now())`,
      );
    await ex.execute(sql`
      INSERT INTO region_populations (code, year, residents, children_under_3, aged_60_plus, aged_80_plus, source, updated_at)
      VALUES ${sql.join(values, sql`, `)}
      ON CONFLICT (code, year) DO UPDATE SET residents = excluded.residents,
        children_under_3 = excluded.children_under_3, aged_60_plus = excluded.aged_60_plus,
        aged_80_plus = excluded.aged_80_plus, source = excluded.source, updated_at = now()`);
  }
}

/** Bulk-load population figures (CSV in POPULATION_COPY_COLUMNS order) with COPY. */
export function copyPopulations(database: Database, csv: string): Promise<number> {
  return database.copyCsv('region_populations', POPULATION_COPY_COLUMNS, csv);
}

export async function listPopulations(ex: Executor, prefix: string, year: number): Promise<PopulationRow[]> {
  return rows(
    ex,
    sql`SELECT ${POPULATION_COLUMNS} FROM region_populations
        WHERE year = ${year} AND ${underPrefix(sql.raw('code'), prefix)}`,
  );
}

export async function deletePopulations(
  ex: Executor,
  prefix: string,
  year: number,
  source: string,
): Promise<void> {
  await ex.execute(sql`DELETE FROM region_populations
    WHERE year = ${year} AND source = ${source} AND ${underPrefix(sql.raw('code'), prefix)}`);
}

/**
 * Stored figures of a node and everything below it, summed per child of the node and per
 * code length: the node's own figure has the node's length, a child's own figure the child
 * length, deeper figures are sums to fall back on when a child has no figure of its own.
 */
export async function populationSums(
  ex: Executor,
  code: string,
  childLength: number,
  year: number,
): Promise<PopulationSumRow[]> {
  return rows(
    ex,
    sql`SELECT substr(code, 1, ${childLength}) AS child, length(code) AS "codeLength",
          sum(residents)::float8 AS residents, sum(children_under_3)::float8 AS "childrenUnder3",
          sum(aged_60_plus)::float8 AS "aged60Plus", sum(aged_80_plus)::float8 AS "aged80Plus",
          string_agg(DISTINCT source, ',') AS sources
        FROM region_populations WHERE year = ${year} AND ${underPrefix(sql.raw('code'), code)}
        GROUP BY 1, 2`,
  );
}
