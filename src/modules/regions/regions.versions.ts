import type { Database } from '../../db/client.js';
import { AppError } from '../../server/errors.js';
import * as changes from './regions.changes.repo.js';
import { RM } from './regions.messages.js';
import * as repo from './regions.repo.js';

/** Counts of what changed between two code-table years. */
export interface CodeChangeSummary {
  fromYear: number;
  toYear: number;
  renamed: number;
  moved: number;
  abolished: number;
  created: number;
}

async function requireYear(database: Database, year: number): Promise<void> {
  if (!(await repo.findYear(database.db, year)))
    throw new AppError(404, RM['regions.year_not_found'], { year });
}

/**
 * Record in region_code_changes what happened to every code between two loaded years, so
 * records filed under an old code can follow it: same code, other name → renamed; a vanished
 * code whose name reappears under the same (possibly re-coded) parent with a new code → moved;
 * vanished and not found → abolished; codes new in `toYear` → created.
 */
export async function diffRegionYears(
  database: Database,
  fromYear: number,
  toYear: number,
): Promise<CodeChangeSummary> {
  await requireYear(database, fromYear);
  await requireYear(database, toYear);
  const counts = await database.db.transaction((tx) => changes.computeCodeChanges(tx, fromYear, toYear));
  return {
    fromYear,
    toYear,
    renamed: counts.renamed ?? 0,
    moved: counts.moved ?? 0,
    abolished: counts.abolished ?? 0,
    created: counts.created ?? 0,
  };
}

/**
 * The code a `fromYear` code has in `toYear`: itself when kept or renamed, the new code when
 * moved, null when abolished or unknown. Without a recorded diff for the pair, it follows the
 * diffs of the loaded years in between, one year at a time.
 */
export async function mapCode(
  database: Database,
  code: string,
  fromYear: number,
  toYear: number,
): Promise<string | null> {
  if (fromYear === toYear) return code;
  let steps: Array<[number, number]> = [[fromYear, toYear]];
  if (!(await changes.hasCodeChanges(database.db, fromYear, toYear))) {
    const between = (await repo.listYears(database.db))
      .map((y) => y.year)
      .filter((y) => y > Math.min(fromYear, toYear) && y < Math.max(fromYear, toYear));
    const years = [fromYear, ...(fromYear < toYear ? between : between.reverse()), toYear];
    steps = years.slice(1).map((to, i) => [years[i]!, to]);
  }
  let current: string | null = code;
  for (const [from, to] of steps) {
    if (current === null) return null;
    const change = await changes.findCodeChange(database.db, current, from, to);
    if (change) current = change.kind === 'renamed' ? current : change.newCode;
    else current = (await repo.existingCodes(database.db, [current], to)).has(current) ? current : null;
  }
  return current;
}

/** Make a loaded year the one every query uses by default. */
export async function setCurrentYear(database: Database, year: number): Promise<void> {
  await requireYear(database, year);
  await repo.markCurrentYear(database.db, year);
}
