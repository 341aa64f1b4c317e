/**
 * The first pass over a department file: every line read and checked before anything is
 * written (a bad row anywhere means nothing is imported), duplicates found across the whole
 * file, region codes checked against the division tree and the caller's scope, and the file's
 * SHA-256 taken, all while streaming.
 */
import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { Actor } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { isRegionInScope, regionPrefixOf } from '../accounts/scope.js';
import { regionNames } from '../regions/regions.service.js';
import {
  columnPositions,
  duplicateProblem,
  type Positions,
  parseLine,
  type RosterRow,
  type RowProblem,
} from './roster.import.js';
import { PM } from './roster.messages.js';
import { type Encoding, fileSize, type PassInfo, type RosterFile, readLines } from './roster.read.js';
import type { Source } from './roster.schema.js';
import { regionsByIndex } from './roster.writes.js';

export interface Validated {
  /** Data lines (blank lines not counted). */
  total: number;
  problems: RowProblem[];
  /** Rows outside the caller's region (the row's region, or the stored person's). */
  outside: number[];
  sha256: string;
  encoding?: Encoding;
  /** The longest region prefix shared by every row (the audit entry's region). */
  regionPrefix: string;
}

const BATCH = 5000;

export async function validateFile(
  database: Database,
  cipher: FieldCipher,
  actor: Actor,
  file: RosterFile,
  source: Source,
  today: string,
  onProgress: (done: number, total: number) => void,
): Promise<Validated> {
  const size = fileSize(file);
  const info: PassInfo = { bytes: 0 };
  const problems: RowProblem[] = [];
  const outside: number[] = [];
  const firstRows = new FirstRows();
  const known = new Map<string, boolean>();
  const scopePrefix = regionPrefixOf(actor) ?? '';
  let positions: Positions | null = null;
  let total = 0;
  let shared: string | null = null;
  let pending: RosterRow[] = [];

  /** Regions and scope of a batch of otherwise valid rows (a few queries per 5,000 rows). */
  const checkBatch = async (rows: RosterRow[]) => {
    const unseen = [...new Set(rows.map((r) => r.regionCode).filter((code) => !known.has(code)))];
    if (unseen.length > 0) {
      const names = await regionNames(database.db, unseen);
      for (const code of unseen) known.set(code, names.has(code));
    }
    const valid: RosterRow[] = [];
    for (const r of rows) {
      if (!isRegionInScope(actor, r.regionCode)) outside.push(r.row);
      if (!known.get(r.regionCode)) {
        problems.push({
          row: r.row,
          field: 'region_code',
          code: PM['roster.unknown_region'],
          params: { field: 'region_code', value: r.regionCode },
        });
        continue;
      }
      valid.push(r);
      shared = shared === null ? r.regionCode : commonStart(shared, r.regionCode);
    }
    // A person already on the roster but in another county is not the caller's to change.
    if (scopePrefix !== '' && valid.length > 0) {
      const indexes = valid.map((r) => cipher.blindIndex(r.idNumber));
      const regions = await regionsByIndex(database.db, indexes);
      valid.forEach((r, i) => {
        const region = regions.get(indexes[i]!);
        if (region !== undefined && !isRegionInScope(actor, region)) outside.push(r.row);
      });
    }
  };

  for await (const batch of readLines(file, info)) {
    for (const line of batch) {
      if (!positions) {
        positions = columnPositions(line.cells);
        continue;
      }
      const parsed = parseLine(line.cells, line.row, positions, source, today);
      if (!parsed) continue;
      total += 1;
      problems.push(...parsed.problems);
      let row = parsed.row;
      if (parsed.idNumber) {
        const first = firstRows.firstOrAdd(parsed.idNumber, line.row);
        if (first !== undefined) {
          problems.push(duplicateProblem(line.row, parsed.idCell, first));
          row = null;
        }
      }
      if (row) pending.push(row);
    }
    if (pending.length >= BATCH) {
      await checkBatch(pending);
      pending = [];
    }
    onProgress(info.bytes, size);
  }
  if (!positions) columnPositions([]);
  if (pending.length > 0) await checkBatch(pending);
  if (total === 0) throw new AppError(400, PM['roster.file_empty'], {}, 'file');
  return {
    total,
    problems,
    outside: [...new Set(outside)].sort((a, b) => a - b),
    sha256: info.sha256!,
    encoding: info.encoding,
    regionPrefix: levelPrefix(shared ?? ''),
  };
}

/**
 * The first row of each ID number in the file, kept compactly (12 bytes a slot in typed arrays,
 * about 25 MB for a million rows, where a Map of strings takes several times that and would keep
 * the text read alive): the first 17 characters decide an ID number (the 18th is their check
 * character), held as two numbers of 9 and 8 digits; open addressing, doubled at half full.
 */
export class FirstRows {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** Row numbers (from 2; 0 marks a free slot). */
  private rows: Int32Array;
  private size = 0;

  constructor(capacity = 1 << 14) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  /** The row that gave `idNumber` first; when none did, `row` is noted and undefined returned. */
  firstOrAdd(idNumber: string, row: number): number | undefined {
    const hi = Number(idNumber.slice(0, 9));
    const lo = Number(idNumber.slice(9, 17));
    const mask = this.rows.length - 1;
    let at = slotOf(hi, lo) & mask;
    while (this.rows[at] !== 0) {
      if (this.hi[at] === hi && this.lo[at] === lo) return this.rows[at];
      at = (at + 1) & mask;
    }
    this.hi[at] = hi;
    this.lo[at] = lo;
    this.rows[at] = row;
    if (++this.size * 2 > this.rows.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    this.hi = new Uint32Array(rows.length * 2);
    this.lo = new Uint32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    const mask = this.rows.length - 1;
    rows.forEach((row, i) => {
      if (row === 0) return;
      let at = slotOf(hi[i]!, lo[i]!) & mask;
      while (this.rows[at] !== 0) at = (at + 1) & mask;
      this.hi[at] = hi[i]!;
      this.lo[at] = lo[i]!;
      this.rows[at] = row;
    });
  }
}

function slotOf(hi: number, lo: number): number {
  let h = Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

function commonStart(a: string, b: string): string {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

/** A shared prefix cut back to a whole level of the division code (2, 4, 6, 9 or 12 digits). */
function levelPrefix(prefix: string): string {
  const level = [12, 9, 6, 4, 2, 0].find((n) => n <= prefix.length) ?? 0;
  return prefix.slice(0, level);
}
