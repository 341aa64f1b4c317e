import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, forbidden } from '../../server/errors.js';
import { translate } from '../../server/i18n.js';
import { hasPermission } from '../accounts/roles.js';
import { regionPrefixOf } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { commonRegionPrefix } from '../regions/regions.codes.js';
import type { UploadedFile } from '../regions/regions.population-file.js';
import { XM } from './import.messages.js';
import {
  capacityFunctionOf,
  type ImportSheetRow,
  type ParsedInstitutionRow,
  parseInstitutionRow,
  type RowProblem,
  readInstitutionSheet,
  readKind,
  readRegionCode,
} from './import.parse.js';
import { type LocatedRow, type Report, resolveRegions } from './import.regions.js';
import * as repo from './import.repo.js';
import { defaultFunctionsFor } from './institutions.kinds.js';
import { supervisesKind } from './institutions.policy.js';

/** One problem of one row, in the caller's language; `row` is the row number in the sheet. */
export interface ImportRowError {
  row: number;
  field: string;
  rule: string;
  message: string;
}

export interface InstitutionImportResult {
  dryRun: boolean;
  /** Data rows in the file. */
  rows: number;
  /** Rows without any problem. */
  valid: number;
  /** Institutions written (0 on a dry run). */
  written: number;
  errors: ImportRowError[];
}

export interface InstitutionImportOptions {
  dryRun?: boolean;
  /** `done` of `total` in a stage: read, validate, write (the CLI draws a bar). */
  onProgress?: (done: number, total: number, stage: string) => void;
}

/**
 * Who may import: county-or-higher officials and the system administrator (`null` is the system
 * itself). Returns the region prefix every row must lie in; 403 otherwise.
 */
export function assertCanImport(actor: Actor | null): string {
  if (!actor) return '';
  const prefix = regionPrefixOf(actor);
  if (!hasPermission(actor.role, 'institutions.manage') || prefix === null) throw forbidden();
  return prefix;
}

/**
 * Import the register from a CSV or XLSX sheet. Every row is checked (fields, region, duplicates
 * in the file and in the register) and every problem listed. A dry run writes nothing; a real
 * import with any bad row writes nothing either and answers 400 with the list. A clean import
 * writes all rows in one transaction with one audit entry. Rows outside the caller's region or
 * of kinds their department does not supervise refuse the whole import with 403 naming the rows.
 */
export async function importInstitutionsFile(
  database: Database,
  ctx: RequestContext,
  file: UploadedFile,
  options: InstitutionImportOptions = {},
): Promise<InstitutionImportResult> {
  const actor = ctx.actor;
  const scopePrefix = assertCanImport(actor);
  const progress = options.onProgress ?? (() => {});
  const dryRun = options.dryRun ?? false;

  progress(0, 1, 'read');
  const sheet = await readInstitutionSheet(file);
  progress(1, 1, 'read');
  if (actor) assertRowsAllowed(actor, scopePrefix, sheet);

  const problems: { row: number; problem: RowProblem }[] = [];
  const parsed: ParsedInstitutionRow[] = [];
  for (const [index, sheetRow] of sheet.entries()) {
    const { value, problems: found } = parseInstitutionRow(sheetRow);
    for (const problem of found) problems.push({ row: sheetRow.row, problem });
    if (value) parsed.push(value);
    if (index % 1000 === 0) progress(index, sheet.length, 'validate');
  }
  const located = await resolveRegions(database, scopePrefix, parsed, (row, problem) =>
    problems.push({ row, problem }),
  );
  const clean = await dropDuplicates(database, scopePrefix, located, (row, problem) =>
    problems.push({ row, problem }),
  );
  progress(sheet.length, sheet.length, 'validate');

  const errors = problems
    .sort((a, b) => a.row - b.row)
    .map(({ row, problem }) => ({
      row,
      field: problem.field,
      rule: problem.code,
      message: translate(problem.code, ctx.lang, problem.params),
    }));
  const result = { dryRun, rows: sheet.length, valid: clean.length, written: 0, errors };
  if (dryRun) return result;
  if (errors.length > 0) {
    throw new AppError(400, XM['import.rejected'], { count: errors.length }, 'file', { ...result });
  }
  await write(database, ctx, file.filename, clean, progress);
  return { ...result, written: clean.length };
}

/**
 * Refuse the whole import (403 naming the rows) when a row's region lies outside the caller's
 * or its kind is one the caller's department does not supervise; checked before anything else.
 */
function assertRowsAllowed(actor: Actor, scopePrefix: string, sheet: readonly ImportSheetRow[]): void {
  const outside = sheet.filter(
    (r) => !(readRegionCode(r.cells.region_code) ?? scopePrefix).startsWith(scopePrefix),
  );
  if (outside.length > 0) {
    const params = { rows: rowList(outside), scope: scopePrefix || '*' };
    throw new AppError(403, XM['import.rows_out_of_scope'], params, 'region_code', {
      rows: outside.map((r) => r.row),
    });
  }
  const foreign = sheet.filter((r) => {
    const kind = readKind(r.cells.kind);
    return kind !== null && !supervisesKind(actor, kind);
  });
  if (foreign.length > 0) {
    const params = { rows: rowList(foreign) };
    throw new AppError(403, XM['import.kind_not_supervised'], params, 'kind', {
      rows: foreign.map((r) => r.row),
    });
  }
}

/** Report rows registered already or repeated in the file (same name, same community); keep the rest. */
async function dropDuplicates(
  database: Database,
  scopePrefix: string,
  rows: LocatedRow[],
  report: Report,
): Promise<LocatedRow[]> {
  const registered = await repo.registeredPairs(database.db, scopePrefix, rows);
  const firstRowOf = new Map<string, number>();
  const clean: LocatedRow[] = [];
  for (const row of rows) {
    const key = `${row.regionCode}/${row.name}`;
    const first = firstRowOf.get(key);
    if (registered.has(key)) {
      report(row.row, {
        field: 'name',
        code: XM['import.duplicate_registered'],
        params: { value: row.name },
      });
    } else if (first !== undefined) {
      report(row.row, { field: 'name', code: XM['import.duplicate_in_file'], params: { first } });
    } else {
      firstRowOf.set(key, row.row);
      clean.push(row);
    }
  }
  return clean;
}

/** Write the rows and their functions in one transaction with one audit entry. */
async function write(
  database: Database,
  ctx: RequestContext,
  filename: string,
  rows: LocatedRow[],
  progress: NonNullable<InstitutionImportOptions['onProgress']>,
): Promise<void> {
  const now = new Date();
  const items: repo.NewInstitution[] = [];
  const functions: repo.NewFunction[] = [];
  for (const row of rows) {
    const id = randomUUID();
    items.push({
      id,
      name: row.name,
      kind: row.kind,
      operator: row.operator,
      affordable: row.affordable,
      priceCap: row.priceCap,
      regionCode: row.regionCode,
      address: row.address,
      lat: row.lat,
      lng: row.lng,
      phone: row.phone,
      status: row.status,
      filedAt: row.status === 'filed' ? now : null,
    });
    const counted = capacityFunctionOf(row.kind);
    for (const fn of defaultFunctionsFor(row.kind)) {
      const capacity = fn.function === counted ? (row.capacity ?? 0) : 0;
      functions.push({ institutionId: id, function: fn.function, capacity, unit: fn.unit });
    }
  }
  const byKind: Record<string, number> = {};
  for (const row of rows) byKind[row.kind] = (byKind[row.kind] ?? 0) + 1;
  await mutate(database.db, ctx, async (tx, audit) => {
    await repo.insertInstitutions(tx, items, functions, (done) => progress(done, items.length, 'write'));
    await audit({
      action: 'institution.import',
      entityType: 'institution',
      regionCode: commonRegionPrefix(rows.map((r) => r.regionCode)),
      after: {
        file: filename,
        written: rows.length,
        filed: rows.filter((r) => r.status === 'filed').length,
        draft: rows.filter((r) => r.status === 'draft').length,
        byKind,
      },
    });
  });
  progress(items.length, items.length, 'write');
}

/** "2, 5, 9" — at most 20 row numbers, then "…". */
function rowList(rows: readonly { row: number }[]): string {
  const numbers = rows.slice(0, 20).map((r) => r.row);
  return numbers.join(', ') + (rows.length > 20 ? ' …' : '');
}
