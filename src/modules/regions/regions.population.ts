import type { Database } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, M } from '../../server/errors.js';
import { translate } from '../../server/i18n.js';
import { isRegionCode, naturalCode } from '../../standards/region-code.js';
import { regionPrefixOf } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { commonRegionPrefix, REGION_CODE_PATTERN } from './regions.codes.js';
import type { ProgressFn } from './regions.loader.js';
import { RM } from './regions.messages.js';
import { assertCanImportPopulation, mayImportFor } from './regions.policy.js';
import * as populations from './regions.population.repo.js';
import {
  type PopulationColumn,
  readPopulationSheet,
  type SheetRow,
  type UploadedFile,
} from './regions.population-file.js';
import * as repo from './regions.repo.js';

/** One problem of one row of an import, in the caller's language. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  /** Data rows in the file. */
  rows: number;
  /** Rows without any problem. */
  valid: number;
  /** Rows written (0 on a dry run or when any row is bad). */
  written: number;
  errors: RowError[];
}

export interface ImportOptions {
  dryRun?: boolean;
  onProgress?: ProgressFn;
}

const MAX_INT = 2_147_483_647;
const COUNT_COLUMNS = ['residents', 'children_under_3', 'aged_60_plus', 'aged_80_plus'] as const;

/**
 * Import population figures from a CSV or XLSX sheet. Every row is checked first and every
 * problem listed; when any row is bad nothing is written. Otherwise all rows are upserted in
 * one transaction with one audit entry. A row outside the caller's region refuses the whole
 * import with 403, even on a dry run.
 */
export async function importPopulationFile(
  database: Database,
  ctx: RequestContext,
  file: UploadedFile,
  options: ImportOptions = {},
): Promise<ImportResult> {
  assertCanImportPopulation(ctx.actor);
  const dryRun = options.dryRun ?? false;
  options.onProgress?.(0, 1, 'read');
  const sheet = (await readPopulationSheet(file)).map(withNaturalCode);
  options.onProgress?.(1, 1, 'read');
  const outside = sheet.filter(
    (r) => REGION_CODE_PATTERN.test(r.cells.code) && !mayImportFor(ctx.actor, r.cells.code),
  );
  if (outside.length > 0) {
    const scope = (ctx.actor && regionPrefixOf(ctx.actor)) || '*';
    throw new AppError(403, M['error.out_of_scope'], { scope }, undefined, {
      rows: outside.map((r) => r.row),
    });
  }
  const known = await repo.existingCodes(
    database.db,
    sheet.map((r) => r.cells.code).filter((c) => REGION_CODE_PATTERN.test(c)),
  );
  const errors: RowError[] = [];
  const figures: populations.PopulationRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const [index, row] of sheet.entries()) {
    const problems = checkRow(row, known, firstRowOf);
    for (const problem of problems) {
      errors.push({
        row: row.row,
        field: problem.field,
        message: translate(problem.code, ctx.lang, problem.params),
      });
    }
    if (problems.length === 0) figures.push(toFigure(row));
    if (index % 5000 === 0) options.onProgress?.(index, sheet.length, 'validate');
  }
  options.onProgress?.(sheet.length, sheet.length, 'validate');
  const valid = figures.length;
  const result = { dryRun, rows: sheet.length, valid, written: 0, errors };
  if (dryRun || errors.length > 0) return result;
  await mutate(database.db, ctx, async (tx, audit) => {
    await populations.upsertPopulations(tx, figures);
    await audit({
      action: 'population.import',
      entityType: 'region_population',
      regionCode: commonRegionPrefix(figures.map((f) => f.code)),
      after: {
        file: file.filename,
        rows: figures.length,
        years: [...new Set(figures.map((f) => f.year))].sort(),
      },
    });
  });
  options.onProgress?.(figures.length, figures.length, 'write');
  return { ...result, written: figures.length };
}

interface Problem {
  field: PopulationColumn;
  code: string;
  params: Record<string, unknown>;
}

/** Every problem of one row; `firstRowOf` remembers code+year pairs to catch duplicates. */
function checkRow(row: SheetRow, known: Set<string>, firstRowOf: Map<string, number>): Problem[] {
  const { cells } = row;
  const problems: Problem[] = [];
  const problem = (field: PopulationColumn, code: string, params: Record<string, unknown> = {}) =>
    problems.push({ field, code, params: { field, value: cells[field], ...params } });

  if (!cells.code) problem('code', RM['population.required']);
  else if (!REGION_CODE_PATTERN.test(cells.code)) problem('code', RM['population.bad_code']);
  else if (!known.has(cells.code)) problem('code', RM['population.unknown_code']);

  const year = wholeNumber(cells.year);
  if (!cells.year) problem('year', RM['population.required']);
  else if (year === null || year < 1949 || year > 2100) problem('year', RM['population.bad_year']);

  const counts = {} as Record<(typeof COUNT_COLUMNS)[number], number | null>;
  for (const column of COUNT_COLUMNS) {
    counts[column] = wholeNumber(cells[column]);
    if (!cells[column]) problem(column, RM['population.required']);
    else if (counts[column] === null) problem(column, RM['population.not_integer']);
  }
  const exceeds = (field: (typeof COUNT_COLUMNS)[number], other: (typeof COUNT_COLUMNS)[number]) => {
    const value = counts[field];
    const limit = counts[other];
    if (value !== null && limit !== null && value > limit)
      problem(field, RM['population.exceeds'], { other, limit });
  };
  exceeds('children_under_3', 'residents');
  exceeds('aged_60_plus', 'residents');
  exceeds('aged_80_plus', 'aged_60_plus');

  if (year !== null && cells.code) {
    const key = `${cells.code}/${year}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) problem('code', RM['population.duplicate'], { year, first });
    else firstRowOf.set(key, row.row);
  }
  return problems;
}

/** A non-negative whole number that fits the column, from text such as "12345" or "12345.0". */
function wholeNumber(text: string): number | null {
  if (!/^\d+(\.0+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value <= MAX_INT ? value : null;
}

/** Accept codes padded the statistical way (`130102000000` → `130102`). */
function withNaturalCode(row: SheetRow): SheetRow {
  return isRegionCode(row.cells.code)
    ? { ...row, cells: { ...row.cells, code: naturalCode(row.cells.code) } }
    : row;
}

function toFigure(row: SheetRow): populations.PopulationRow {
  const n = (column: PopulationColumn) => Number(row.cells[column]);
  return {
    code: row.cells.code,
    year: n('year'),
    residents: n('residents'),
    childrenUnder3: n('children_under_3'),
    aged60Plus: n('aged_60_plus'),
    aged80Plus: n('aged_80_plus'),
    source: 'import',
  };
}
