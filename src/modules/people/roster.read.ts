/**
 * Reading a department file as a stream of lines (a header line, then data lines), so a file of
 * a million rows never sits in memory as a table: CSV in UTF-8 (BOM or not) or GB18030 through
 * an incremental RFC 4180 parser, XLSX through exceljs's streaming WorkbookReader (first
 * worksheet). The file is either an upload held in memory or a path on disk (the CLI).
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors.js';
import { RM } from '../regions/regions.messages.js';
import type { UploadedFile } from '../regions/regions.population-file.js';

/** An upload held in memory (HTTP) or a file on disk (CLI, large files). */
export type RosterFile = UploadedFile | { filename: string; path: string };

/** One line of the sheet: its number in the file (header = 1) and its cells. */
export interface SheetLine {
  row: number;
  cells: string[];
}

export type Encoding = 'utf-8' | 'gb18030';

const SLICE = 1 << 20;

export function fileSize(file: RosterFile): number {
  return 'buffer' in file ? file.buffer.length : statSync(file.path).size;
}

function byteStream(file: RosterFile): AsyncIterable<Buffer> {
  if ('path' in file) return createReadStream(file.path, { highWaterMark: SLICE });
  const { buffer } = file;
  return Readable.from(
    (function* () {
      for (let at = 0; at < buffer.length; at += SLICE) yield buffer.subarray(at, at + SLICE);
    })(),
  );
}

async function isXlsxFile(file: RosterFile): Promise<boolean> {
  if (/\.xlsx$/i.test(file.filename)) return true;
  for await (const bytes of byteStream(file)) return bytes.subarray(0, 2).toString('latin1') === 'PK';
  return false;
}

/** What one pass over the file tells besides its lines. */
export interface PassInfo {
  /** Bytes read so far (progress of a pass). */
  bytes: number;
  /** Set when the pass has read the whole file. */
  sha256?: string;
  /** The CSV encoding found (a second pass reuses it). */
  encoding?: Encoding;
}

/**
 * The lines of the file in batches (one batch per slice read), the header first. `info` fills
 * in as the pass goes: bytes read, and at the end the file's SHA-256 and (CSV) encoding, which
 * a second pass may pass in again. A file that is neither CSV nor XLSX, or cannot be read, is a
 * 400 naming it.
 */
export async function* readLines(file: RosterFile, info: PassInfo): AsyncGenerator<SheetLine[]> {
  const xlsx = await isXlsxFile(file);
  if (!xlsx && !/\.(csv|txt)$/i.test(file.filename)) {
    throw new AppError(400, RM['regions.file_type'], { filename: file.filename }, 'file');
  }
  try {
    if (xlsx) {
      yield* xlsxLines(file, info);
      info.sha256 = await sha256Of(file);
    } else {
      info.encoding ??= await csvEncoding(file);
      yield* csvLines(file, info, info.encoding);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(400, RM['regions.file_unreadable'], { filename: file.filename }, 'file');
  }
}

async function sha256Of(file: RosterFile): Promise<string> {
  const hash = createHash('sha256');
  for await (const bytes of byteStream(file)) hash.update(bytes);
  return hash.digest('hex');
}

/** UTF-8 when every byte sequence is UTF-8 (a BOM or not), else GB18030, which Excel on Chinese Windows writes. */
async function csvEncoding(file: RosterFile): Promise<Encoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const bytes of byteStream(file)) decoder.decode(bytes, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

async function* csvLines(file: RosterFile, info: PassInfo, encoding: Encoding): AsyncGenerator<SheetLine[]> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const hash = createHash('sha256');
  const parser = new CsvParser();
  for await (const bytes of byteStream(file)) {
    hash.update(bytes);
    info.bytes += bytes.length;
    const batch = parser.push(decoder.decode(bytes, { stream: true }), false);
    if (batch.length > 0) yield batch;
  }
  const last = parser.push(decoder.decode(), true);
  info.sha256 = hash.digest('hex');
  info.encoding = encoding;
  if (last.length > 0) yield last;
}

/**
 * An incremental CSV parser: text in, complete lines out. Lines without quotes take a fast
 * path (split on commas); a quoted field may hold commas, `""` and line breaks, and may span
 * the slices pushed. Blank lines come out as `['']`, like parseCsv, so numbering matches it.
 */
export class CsvParser {
  private rest = '';
  private row = 1;

  push(text: string, final: boolean): SheetLine[] {
    const s = this.rest + text;
    const out: SheetLine[] = [];
    let at = 0;
    // The next quote is searched for once, not once per line (a file without quotes stays linear).
    let quote = s.indexOf('"');
    while (at < s.length) {
      const end = s.indexOf('\n', at);
      if (quote >= 0 && quote < at) quote = s.indexOf('"', at);
      if (quote < 0 || (end >= 0 && quote > end)) {
        if (end < 0 && !final) break;
        const stop = end < 0 ? s.length : end;
        const line = s.slice(at, s.charCodeAt(stop - 1) === 13 && stop > at ? stop - 1 : stop);
        for (const part of line.includes('\r') ? line.split('\r') : [line])
          out.push({ row: this.row++, cells: part.split(',') });
        at = stop + 1;
        continue;
      }
      const quoted = readQuotedLine(s, at, final);
      if (!quoted) break;
      out.push({ row: this.row++, cells: quoted.cells });
      at = quoted.next;
    }
    this.rest = at < s.length ? s.slice(at) : '';
    return out;
  }
}

/** One line holding quotes, char by char; null when the text ends before the line does. */
function readQuotedLine(s: string, start: number, final: boolean): { cells: string[]; next: number } | null {
  const cells: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = start; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (i + 1 >= s.length && !final) return null;
      else if (s[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && i + 1 >= s.length && !final) return null;
      cells.push(field);
      return { cells, next: ch === '\r' && s[i + 1] === '\n' ? i + 2 : i + 1 };
    } else field += ch;
  }
  if (!final) return null;
  cells.push(field);
  return { cells, next: s.length };
}

/** The cells of one row, 1-based columns laid out from 0, empty cells as ''. */
function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cells[column - 1] = cellText(cell.value);
  });
  return Array.from(cells, (c) => c ?? '');
}

/**
 * The first worksheet's rows. A file on disk is streamed (exceljs's WorkbookReader reading the
 * path itself); an upload held in memory is read whole, as before — exceljs 4.4's streaming
 * reader loses shared strings now and then when it is fed from a stream already in memory.
 */
async function* xlsxLines(file: RosterFile, info: PassInfo): AsyncGenerator<SheetLine[]> {
  let batch: SheetLine[] = [];
  if ('buffer' in file) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    info.bytes = file.buffer.length;
    workbook.worksheets[0]?.eachRow((row, rowNumber) => {
      batch.push({ row: rowNumber, cells: rowCells(row) });
    });
    if (batch.length > 0) yield batch;
    return;
  }
  // Styles are read so that date cells come back as dates, as the in-memory reader gives them.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file.path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // exceljs 4.4 reads `model.sheets` when a worksheet comes before xl/workbook.xml in the archive
  // (its own writer orders entries differently from run to run): start from an empty model.
  Object.assign(workbook, { model: { sheets: [] } });
  const bytesRead = () => (workbook as unknown as { stream?: { bytesRead?: number } }).stream?.bytesRead ?? 0;
  let first = true;
  for await (const sheet of workbook) {
    if (!first) {
      // Only the first worksheet in the archive is read; the others are drained to its end.
      for await (const _row of sheet) void _row;
      continue;
    }
    first = false;
    for await (const row of sheet) {
      batch.push({ row: row.number, cells: rowCells(row) });
      if (batch.length >= 1000) {
        info.bytes = bytesRead();
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  info.bytes = bytesRead();
}

/** The text of a cell, whatever Excel stored: number, text, rich text, formula result or link. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}
