import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { AppError } from '../server/errors.js';
import { defineMessages, type Lang } from '../server/i18n.js';

/** The content type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows one sheet holds below its header row (Excel's limit is 1,048,576 rows in all). */
export const XLSX_MAX_ROWS = 1_048_575;

/** Rows an export reads per page of a list: big lists stream without being held in memory. */
export const EXPORT_PAGE_SIZE = 500;

const XM = defineMessages({
  'export.too_many_rows': {
    'zh-CN': '共 {rows} 行，超过 Excel 单个工作表的上限 {max} 行，请缩小筛选范围后再导出',
    en: '{rows} rows are more than an Excel sheet holds ({max}); narrow the filters and export again',
  },
});

/** Text in both of doorstep's languages. */
export type LocalText = Readonly<Record<Lang, string>>;

/** One column of an exported sheet: the row field it shows, its header in both languages, how to show it. */
export interface XlsxColumn {
  key: string;
  header: LocalText;
  /** Characters; defaults to fit the header. */
  width?: number;
  /**
   * `date`: a `YYYY-MM-DD` day; `datetime`: an instant, shown in China Standard Time (UTC+8, what
   * officials read on the screen); `number`: a number Excel can sum. Otherwise the value as text.
   */
  format?: 'date' | 'datetime' | 'number';
}

/** A value of an exported row; objects are the caller's job (e.g. JSON text). */
export type XlsxValue = string | number | boolean | Date | null | undefined;

/** An export ready to send: its file name and the XLSX bytes, produced while they are sent. */
export interface XlsxDownload {
  filename: string;
  stream: Readable;
}

/** What a sheet shows and in which language. */
export interface XlsxSheetSpec<Row extends Record<string, XlsxValue>> {
  /** The list's name, the start of the file name: `accounts` → `accounts-20260301.xlsx`. */
  list: string;
  sheetName: LocalText;
  columns: readonly XlsxColumn[];
  rows: AsyncIterable<Row>;
  lang: Lang;
  /** The moment that dates the file name (now by default). */
  now?: Date;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const MAX_CELL_TEXT = 32_767;
const NUMBER_FORMATS = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss', number: undefined } as const;

/** The day in China (UTC+8, no daylight saving) as `YYYYMMDD`. */
function chinaDay(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** `<list>-<YYYYMMDD>.xlsx`, dated by the day in China. */
export function xlsxFilename(list: string, now: Date = new Date()): string {
  return `${list}-${chinaDay(now)}.xlsx`;
}

/**
 * The Content-Disposition of a download: a plain `filename` for ASCII names, plus the UTF-8 name
 * (RFC 6266 / 5987 `filename*`) when the name holds Chinese, so it survives every browser.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  if (ascii === filename) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Refuse, before any byte is sent, a list longer than one sheet holds: 400 asking to narrow it. */
export function assertFitsSheet(rows: number): void {
  if (rows > XLSX_MAX_ROWS) throw new AppError(400, XM['export.too_many_rows'], { rows, max: XLSX_MAX_ROWS });
}

/** A cell's value as the column's format wants it. */
function cellValue(value: XlsxValue, column: XlsxColumn, lang: Lang): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (column.format === 'date' || column.format === 'datetime') {
    const instant =
      value instanceof Date
        ? value
        : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? new Date(`${value}T00:00:00Z`)
          : new Date(typeof value === 'boolean' ? Number.NaN : value);
    if (Number.isNaN(instant.getTime())) return String(value);
    // Excel has no time zones: a datetime is written as the wall-clock time in China.
    return column.format === 'datetime' ? new Date(instant.getTime() + CHINA_OFFSET_MS) : instant;
  }
  if (column.format === 'number') {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? number : String(value);
  }
  if (typeof value === 'boolean') return lang === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return value;
  return value.length > MAX_CELL_TEXT ? `${value.slice(0, MAX_CELL_TEXT - 1)}…` : value;
}

/** The letters of a column number: 1 → A, 27 → AA. */
function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

async function writeSheet<Row extends Record<string, XlsxValue>>(
  spec: XlsxSheetSpec<Row>,
  out: PassThrough,
): Promise<void> {
  const { columns, lang } = spec;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Strings written inline: a shared-strings table would hold every distinct text in memory to the end.
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(spec.sheetName[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header[lang],
    key: c.key,
    width: c.width ?? Math.max(10, c.header[lang].length * (lang === 'en' ? 1.2 : 2.2) + 2),
    ...(c.format && NUMBER_FORMATS[c.format] ? { style: { numFmt: NUMBER_FORMATS[c.format] } } : {}),
  }));
  sheet.autoFilter = `A1:${columnLetters(columns.length)}1`;
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  header.alignment = { vertical: 'middle' };
  header.commit();
  for await (const row of spec.rows) {
    const values: Record<string, string | number | Date | null> = {};
    for (const column of columns) values[column.key] = cellValue(row[column.key], column, lang);
    sheet.addRow(values).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Write a list as one XLSX sheet while it is sent: headers in the caller's language, the header
 * row bold, shaded, frozen and with an auto filter, one row per row of `rows` (an async iterable,
 * so a province's list streams page by page). A failure while writing ends the download.
 */
export function streamXlsx<Row extends Record<string, XlsxValue>>(spec: XlsxSheetSpec<Row>): XlsxDownload {
  const stream = new PassThrough();
  writeSheet(spec, stream).catch((err: unknown) => stream.destroy(err as Error));
  return { filename: xlsxFilename(spec.list, spec.now), stream };
}

/**
 * Every row of a paged list, from the list's own service function (same filters, scope and
 * permission as the screen). The first page is fetched by the caller, so a refusal is a clean
 * 4xx before any byte; the rows stop at the total that first page reported.
 */
export async function* listPages<T>(
  first: { items: readonly T[]; total: number },
  fetchPage: (page: number) => Promise<{ items: readonly T[] }>,
  pageSize: number = EXPORT_PAGE_SIZE,
): AsyncGenerator<T> {
  let sent = 0;
  let items = first.items;
  let page = 1;
  for (;;) {
    for (const item of items) {
      if (sent >= first.total) return;
      sent += 1;
      yield item;
    }
    if (items.length < pageSize || sent >= first.total) return;
    page += 1;
    items = (await fetchPage(page)).items;
  }
}

/** Map each row of an async iterable (e.g. the list's view to the sheet's row). */
export async function* mapRows<T, U>(rows: AsyncIterable<T>, present: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield present(row);
}

/** Send an export as a download (routes stay thin: one call). */
export function sendXlsx(reply: FastifyReply, download: XlsxDownload) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', attachmentDisposition(download.filename))
    .header('cache-control', 'no-store')
    .send(download.stream);
}
