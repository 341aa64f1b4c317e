/**
 * Minimal RFC 4180 CSV reading and writing: enough for the division tables, code tables and
 * population sheets, and safe for names containing commas, quotes or line breaks.
 */

/**
 * Parse CSV text into rows of fields (quoted fields may hold commas, `""` and line breaks).
 * Blank lines stay as `['']`, so row numbers match the file's lines.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Quote a text field for COPY … (FORMAT csv): always quoted, so '' stays '' and never becomes NULL. */
export function csvText(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** A nullable text field: unquoted empty means NULL to COPY. */
export function csvNullable(value: string | null | undefined): string {
  return value === null || value === undefined ? '' : csvText(value);
}
