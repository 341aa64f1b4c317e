import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rows } from './regions.repo.js';

/** Recompute region_code_changes for one pair of years; returns counts per kind. */
export async function computeCodeChanges(
  ex: Executor,
  from: number,
  to: number,
): Promise<Record<string, number>> {
  const change = sql`region_code_changes (from_year, to_year, old_code, new_code, kind, note)`;
  const goneInNew = sql`NOT EXISTS (SELECT 1 FROM regions x WHERE x.year = ${to} AND x.code = o.code)`;
  await ex.execute(sql`DELETE FROM region_code_changes WHERE from_year = ${from} AND to_year = ${to}`);
  await ex.execute(sql`
    INSERT INTO ${change}
    SELECT ${from}, ${to}, o.code, n.code, 'renamed', o.name || ' → ' || n.name
    FROM regions o JOIN regions n ON n.year = ${to} AND n.code = o.code
    WHERE o.year = ${from} AND o.name <> n.name`);
  for (const level of [1, 2, 3, 4, 5]) {
    // A vanished code whose name reappears, under the same (possibly itself moved) parent, with a code new this year.
    await ex.execute(sql`
      INSERT INTO ${change}
      SELECT DISTINCT ON (o.code) ${from}, ${to}, o.code, n.code, 'moved', o.name
      FROM regions o
      LEFT JOIN region_code_changes pm ON pm.from_year = ${from} AND pm.to_year = ${to}
        AND pm.old_code = o.parent_code AND pm.kind = 'moved'
      JOIN regions n ON n.year = ${to} AND n.level = o.level AND n.name = o.name
        AND n.parent_code IS NOT DISTINCT FROM coalesce(pm.new_code, o.parent_code)
      WHERE o.year = ${from} AND o.level = ${level} AND ${goneInNew}
        AND NOT EXISTS (SELECT 1 FROM regions y WHERE y.year = ${from} AND y.code = n.code)
      ORDER BY o.code, n.code`);
  }
  await ex.execute(sql`
    INSERT INTO ${change}
    SELECT ${from}, ${to}, o.code, NULL, 'abolished', o.name FROM regions o
    WHERE o.year = ${from} AND ${goneInNew} AND NOT EXISTS (SELECT 1 FROM region_code_changes c
      WHERE c.from_year = ${from} AND c.to_year = ${to} AND c.old_code = o.code)`);
  await ex.execute(sql`
    INSERT INTO ${change}
    SELECT ${from}, ${to}, n.code, n.code, 'created', n.name FROM regions n
    WHERE n.year = ${to} AND NOT EXISTS (SELECT 1 FROM regions o WHERE o.year = ${from} AND o.code = n.code)
      AND NOT EXISTS (SELECT 1 FROM region_code_changes c WHERE c.from_year = ${from} AND c.to_year = ${to}
        AND c.kind = 'moved' AND c.new_code = n.code)`);
  const counts = await rows<{ kind: string; n: number }>(
    ex,
    sql`SELECT kind, count(*)::int AS n FROM region_code_changes
        WHERE from_year = ${from} AND to_year = ${to} GROUP BY kind`,
  );
  return Object.fromEntries(counts.map((r) => [r.kind, r.n]));
}

/** The recorded change of one old code between two years ('created' rows excluded). */
export async function findCodeChange(
  ex: Executor,
  code: string,
  from: number,
  to: number,
): Promise<{ kind: string; newCode: string | null } | null> {
  const found = await rows<{ kind: string; newCode: string | null }>(
    ex,
    sql`SELECT kind, new_code AS "newCode" FROM region_code_changes
        WHERE from_year = ${from} AND to_year = ${to} AND old_code = ${code} AND kind <> 'created'`,
  );
  return found[0] ?? null;
}

/** Whether any change was recorded between two years. */
export async function hasCodeChanges(ex: Executor, from: number, to: number): Promise<boolean> {
  const found = await rows(
    ex,
    sql`SELECT 1 FROM region_code_changes WHERE from_year = ${from} AND to_year = ${to} LIMIT 1`,
  );
  return found.length > 0;
}
