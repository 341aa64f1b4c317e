import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors.js';
import { parseCsv } from './regions.csv.js';
import { RM } from './regions.messages.js';

/** The columns of a population sheet, by their API name, with the Chinese headers accepted too. */
export const POPULATION_COLUMNS = {
  code: ['code', '区划代码'],
  year: ['year', '年份'],
  residents: ['residents', '常住人口'],
  children_under_3: ['children_under_3', '3岁以下儿童'],
  aged_60_plus: ['aged_60_plus', '60岁及以上'],
  aged_80_plus: ['aged_80_plus', '80岁及以上'],
} as const;
export type PopulationColumn = keyof typeof POPULATION_COLUMNS;

/** One data row of an uploaded sheet: its row number in the file (header = 1) and its cells. */
export interface SheetRow {
  row: number;
  cells: Record<PopulationColumn, string>;
}

/** An uploaded file as the import receives it. */
export interface UploadedFile {
  filename: string;
  buffer: Buffer;
}

/** Header text as matched: no spaces, lower case, a trailing unit such as "（人）" dropped. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .toLowerCase();
}

/**
 * Read a population sheet (CSV in UTF-8 or GB18030, or the first worksheet of an XLSX) into
 * rows keyed by column. A missing column or an unreadable file is a 400 naming it.
 */
export async function readPopulationSheet(file: UploadedFile): Promise<SheetRow[]> {
  const [header = [], ...body] = await readSheetTable(file);
  const names = header.map(normaliseHeader);
  const positions = {} as Record<PopulationColumn, number>;
  for (const [column, accepted] of Object.entries(POPULATION_COLUMNS) as Array<
    [PopulationColumn, readonly string[]]
  >) {
    const at = names.findIndex((name) => accepted.includes(name));
    if (at < 0) {
      const expected = Object.keys(POPULATION_COLUMNS).join(', ');
      throw new AppError(400, RM['regions.missing_column'], { column, expected }, column);
    }
    positions[column] = at;
  }
  const rows: SheetRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const values = {} as Record<PopulationColumn, string>;
    for (const column of Object.keys(positions) as PopulationColumn[]) {
      values[column] = (cells[positions[column]] ?? '').trim();
    }
    rows.push({ row: index + 2, cells: values });
  });
  if (rows.length === 0) throw new AppError(400, RM['regions.file_empty'], {}, 'file');
  return rows;
}

/**
 * The cells of an uploaded sheet, row by row (index 0 = the file's first line): a CSV in UTF-8
 * or GB18030, or the first worksheet of an XLSX. Shared by every CSV/XLSX import; a file that
 * is neither is a 400 naming it.
 */
export async function readSheetTable(file: UploadedFile): Promise<string[][]> {
  const isXlsx = /\.xlsx$/i.test(file.filename) || file.buffer.subarray(0, 2).toString('latin1') === 'PK';
  if (!isXlsx && !/\.(csv|txt)$/i.test(file.filename)) {
    throw new AppError(400, RM['regions.file_type'], { filename: file.filename }, 'file');
  }
  try {
    return isXlsx ? await readXlsx(file.buffer) : parseCsv(decodeText(file.buffer));
  } catch {
    throw new AppError(400, RM['regions.file_unreadable'], { filename: file.filename }, 'file');
  }
}

/** UTF-8 (BOM or not), falling back to GB18030, which Excel on Chinese Windows writes. */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (r) => r ?? []);
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
