import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  assertFitsSheet,
  attachmentDisposition,
  listPages,
  streamXlsx,
  XLSX_MAX_ROWS,
  type XlsxColumn,
  xlsxFilename,
} from './xlsx.js';
import { readXlsx } from './xlsx.read.js';

const COLUMNS: XlsxColumn[] = [
  { key: 'name', header: { 'zh-CN': '姓名', en: 'Name' } },
  { key: 'born', header: { 'zh-CN': '出生日期', en: 'Born' }, format: 'date' },
  { key: 'seen', header: { 'zh-CN': '最近登录', en: 'Last seen' }, format: 'datetime' },
  { key: 'places', header: { 'zh-CN': '托位', en: 'Places' }, format: 'number' },
  { key: 'active', header: { 'zh-CN': '在岗', en: 'Active' } },
];

async function* rowsOf<T>(rows: T[]): AsyncGenerator<T> {
  for (const row of rows) yield row;
}

async function read(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const { sheet, header, body } = await readXlsx(Buffer.concat(chunks));
  return { sheet, cells: [header, ...body] };
}

describe('streamXlsx', () => {
  const rows = [
    { name: '张三', born: '1990-05-17', seen: '2026-03-01T02:30:00.000Z', places: '80', active: true },
    { name: '李四', born: null, seen: null, places: 5, active: false },
  ];

  it('writes a sheet with a bold, frozen, filtered header in Chinese and typed cells', async () => {
    const out = streamXlsx({
      list: 'staff',
      sheetName: { 'zh-CN': '员工', en: 'Staff' },
      columns: COLUMNS,
      rows: rowsOf(rows),
      lang: 'zh-CN',
      now: new Date('2026-03-01T18:00:00Z'),
    });
    expect(out.filename).toBe('staff-20260302.xlsx');
    const { sheet, cells } = await read(out.stream);
    expect(sheet.name).toBe('员工');
    expect(cells[0]).toEqual(['姓名', '出生日期', '最近登录', '托位', '在岗']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:E1');
    const [name, born, seen, places, active] = cells[1]!;
    expect(name).toBe('张三');
    expect(born).toEqual(new Date('1990-05-17T00:00:00Z'));
    // 02:30 UTC is 10:30 in Beijing: the sheet shows the time officials see.
    expect(seen).toEqual(new Date('2026-03-01T10:30:00Z'));
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(places).toBe(80);
    expect(active).toBe('是');
    expect(cells[2]).toEqual(['李四', undefined, undefined, 5, '否']);
  });

  it('speaks English when asked', async () => {
    const out = streamXlsx({
      list: 'staff',
      sheetName: { 'zh-CN': '员工', en: 'Staff' },
      columns: COLUMNS,
      rows: rowsOf(rows),
      lang: 'en',
    });
    const { sheet, cells } = await read(out.stream);
    expect(sheet.name).toBe('Staff');
    expect(cells[0]).toEqual(['Name', 'Born', 'Last seen', 'Places', 'Active']);
    expect(cells[1]![4]).toBe('yes');
  });
});

describe('file names', () => {
  it('names the file after the list and the day in China', () => {
    expect(xlsxFilename('accounts', new Date('2026-01-01T15:59:00Z'))).toBe('accounts-20260101.xlsx');
    expect(xlsxFilename('accounts', new Date('2026-01-01T16:00:00Z'))).toBe('accounts-20260102.xlsx');
  });

  it('keeps ASCII names plain and sends Chinese ones as RFC 5987 UTF-8', () => {
    expect(attachmentDisposition('audit-20260101.xlsx')).toBe('attachment; filename="audit-20260101.xlsx"');
    expect(attachmentDisposition('账号-20260101.xlsx')).toBe(
      `attachment; filename="__-20260101.xlsx"; filename*=UTF-8''%E8%B4%A6%E5%8F%B7-20260101.xlsx`,
    );
  });
});

describe('listPages', () => {
  const numbers = Array.from({ length: 7 }, (_, i) => i + 1);
  const pageOf = (page: number, size: number) => numbers.slice((page - 1) * size, page * size);
  const collect = async (iterable: AsyncIterable<number>) => {
    const out: number[] = [];
    for await (const n of iterable) out.push(n);
    return out;
  };

  it('reads page after page until a short page', async () => {
    const asked: number[] = [];
    const fetch = async (page: number) => {
      asked.push(page);
      return { items: pageOf(page, 3) };
    };
    expect(await collect(listPages({ items: pageOf(1, 3), total: 7 }, fetch, 3))).toEqual(numbers);
    expect(asked).toEqual([2, 3]);
  });

  it('stops at the total the first page reported (what the audit entry says)', async () => {
    const fetch = async (page: number) => ({ items: pageOf(page, 3) });
    expect(await collect(listPages({ items: pageOf(1, 3), total: 4 }, fetch, 3))).toEqual([1, 2, 3, 4]);
    const once = async () => ({ items: [1, 2, 3] });
    expect(await collect(listPages({ items: [1, 2, 3], total: 3 }, once, 3))).toEqual([1, 2, 3]);
  });
});

describe('assertFitsSheet', () => {
  it('refuses more rows than one sheet holds with a 400', () => {
    expect(() => assertFitsSheet(XLSX_MAX_ROWS)).not.toThrow();
    expect(() => assertFitsSheet(XLSX_MAX_ROWS + 1)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
