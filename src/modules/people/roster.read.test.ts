import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../regions/regions.csv.js';
import { CsvParser, type PassInfo, readLines } from './roster.read.js';

const SAMPLES = [
  'id,name\n1,王秀英\n2,李建国\n',
  'id,name\r\n1,"Wang, Xiuying"\r\n\r\n2,"say ""hi"""\r\n',
  'a,b\n"multi\nline",x\n"quote at end"""\n3,"",\n',
  'a,b\n1,2',
  'a,b\r1,2\r3,4\r',
  '"only quoted"',
  '\n\n',
  'a,"b\r\n',
];

/** Push `text` in pieces cut at the given offsets, as a stream would deliver it. */
function parseInPieces(text: string, cuts: number[]): string[][] {
  const parser = new CsvParser();
  const lines: string[][] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    lines.push(...parser.push(text.slice(from, cut), cut === text.length).map((l) => l.cells));
    from = cut;
  }
  return lines;
}

describe('the streaming CSV parser', () => {
  it('gives the lines parseCsv gives, however the text is cut', () => {
    for (const text of SAMPLES) {
      const expected = parseCsv(text);
      expect(parseInPieces(text, [])).toEqual(expected);
      for (let a = 0; a <= text.length; a++) {
        expect(parseInPieces(text, [a])).toEqual(expected);
        for (let b = a; b <= text.length; b += 3) expect(parseInPieces(text, [a, b])).toEqual(expected);
      }
    }
  });

  it('numbers lines from 1 and keeps blank lines in the count', () => {
    const lines = new CsvParser().push('h\n\nx\n"y\nz"\nw\n', true);
    expect(lines.map((l) => [l.row, l.cells])).toEqual([
      [1, ['h']],
      [2, ['']],
      [3, ['x']],
      [4, ['y\nz']],
      [5, ['w']],
    ]);
  });
});

describe('reading a file as lines', () => {
  it('reads GB18030 when the bytes are not UTF-8, drops a UTF-8 BOM, and gives the SHA-256', async () => {
    const text = '身份证号,姓名\n130102194803150110,王秀英\n';
    const gb = Buffer.from([
      ...Buffer.from('130102194803150110,'),
      0xcd,
      0xf5, // 王 in GB18030
    ]);
    const read = async (filename: string, buffer: Buffer) => {
      const info: PassInfo = { bytes: 0 };
      const lines: string[][] = [];
      for await (const batch of readLines({ filename, buffer }, info))
        lines.push(...batch.map((l) => l.cells));
      return { lines, info };
    };
    const bom = await read('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(bom.lines[0]).toEqual(['身份证号', '姓名']);
    expect(bom.info).toMatchObject({ encoding: 'utf-8', bytes: Buffer.byteLength(text) + 3 });
    expect(bom.info.sha256).toMatch(/^[0-9a-f]{64}$/);
    const chinese = await read('b.csv', gb);
    expect(chinese.info.encoding).toBe('gb18030');
    expect(chinese.lines).toEqual([['130102194803150110', '王']]);
    await expect(read('c.pdf', gb)).rejects.toMatchObject({ status: 400, field: 'file' });
  });

  it('streams an XLSX file from disk, dates as dates, every time', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roster-read-'));
    try {
      for (let attempt = 0; attempt < 20; attempt++) {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('名单');
        sheet.addRow(['身份证号', '姓名', '日期']);
        for (let k = 0; k < 30; k++)
          sheet.addRow(['130102194803150110', `王秀英${k}`, new Date('2024-05-06T00:00:00Z')]);
        workbook.addWorksheet('说明').addRow(['不读']);
        const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
        const file = path.join(dir, `${attempt}.xlsx`);
        writeFileSync(file, buffer);
        const info: PassInfo = { bytes: 0 };
        const lines: { row: number; cells: string[] }[] = [];
        for await (const batch of readLines({ filename: 'roster.xlsx', path: file }, info))
          lines.push(...batch);
        expect(lines).toHaveLength(31);
        expect(lines[0]).toEqual({ row: 1, cells: ['身份证号', '姓名', '日期'] });
        expect(lines[30]).toEqual({
          row: 31,
          cells: ['130102194803150110', '王秀英29', '2024-05-06T00:00:00.000Z'],
        });
        expect(info.sha256).toBe(createHash('sha256').update(buffer).digest('hex'));
        expect(info.bytes).toBe(buffer.length);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
