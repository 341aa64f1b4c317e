import ExcelJS from 'exceljs';

/** A sheet read back: its name, the header row and the data rows, cells as exceljs gives them. */
export interface SheetRead {
  sheet: ExcelJS.Worksheet;
  header: unknown[];
  body: unknown[][];
}

/**
 * Read the first sheet of an XLSX file back, for tests and tools that check what an export
 * wrote. Empty cells read as `undefined`.
 */
export async function readXlsx(bytes: Buffer): Promise<SheetRead> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, header: rows[0] ?? [], body: rows.slice(1) };
}
