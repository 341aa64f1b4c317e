import { AppError } from '../../server/errors.js';
import { naturalCode } from '../../standards/region-code.js';
import { normaliseHeader, readSheetTable, type UploadedFile } from '../regions/regions.population-file.js';
import { XM } from './import.messages.js';
import {
  INSTITUTION_KINDS,
  type InstitutionFunction,
  type InstitutionKind,
  KIND_KEYS,
  kindSpec,
  OPERATORS,
  type Operator,
} from './institutions.kinds.js';
import { InstitutionPhoneField } from './institutions.schema.js';

/**
 * Reading the register sheet a county keeps today (CSV or XLSX, Chinese or English headers) and
 * checking each row on its own. Checks that need the database (regions, duplicates already
 * registered) and the caller (scope) live in import.service.ts.
 */

/** The columns of an institutions sheet by API name, with the headers accepted for each. */
export const IMPORT_COLUMNS = {
  name: ['name', '名称', '机构名称'],
  kind: ['kind', '类型', '机构类型'],
  address: ['address', '地址', '详细地址'],
  region_code: ['region_code', '区划代码', '社区代码', '行政区划代码'],
  region_name: ['region_name', '区划名称', '社区名称', '所在社区'],
  capacity: ['capacity', '托位数', '床位数', '托位', '床位', '托位/床位数', '托位数/床位数', '容量'],
  operator: ['operator', '举办性质', '性质'],
  affordable: ['affordable', '普惠', '是否普惠'],
  price_cap: ['price_cap', '收费上限', '普惠收费上限'],
  phone: ['phone', '电话', '联系电话'],
  lng: ['lng', '经度', 'longitude'],
  lat: ['lat', '纬度', 'latitude'],
  status: ['status', '状态', '备案状态'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
const REQUIRED_COLUMNS = ['name', 'kind', 'address'] as const satisfies readonly ImportColumn[];

/** Most rows one import takes (a province's register fits; larger files are split). */
export const MAX_IMPORT_ROWS = 20_000;
const MAX_COUNT = 100_000;

/** One data row: its row number in the sheet (header = 1) and its cells ('' when absent). */
export interface ImportSheetRow {
  row: number;
  cells: Record<ImportColumn, string>;
}

/** A row's fields once read; the region is resolved later (code and/or name as given). */
export interface ParsedInstitutionRow {
  row: number;
  name: string;
  kind: InstitutionKind;
  address: string;
  regionCode: string | null;
  regionName: string | null;
  capacity: number | null;
  operator: Operator;
  affordable: boolean;
  priceCap: number | null;
  phone: string | null;
  lat: number | null;
  lng: number | null;
  status: 'filed' | 'draft';
}

/** One broken rule of one row: the column, the message code and what fills it in. */
export interface RowProblem {
  field: ImportColumn;
  code: string;
  params: Record<string, unknown>;
}

/**
 * Read the sheet into rows keyed by column. A missing required column (or neither region
 * column), an unreadable file or too many rows is a 400 naming it.
 */
export async function readInstitutionSheet(file: UploadedFile): Promise<ImportSheetRow[]> {
  const [header = [], ...body] = await readSheetTable(file);
  const names = header.map((h) => normaliseHeader(h ?? ''));
  const positions = new Map<ImportColumn, number>();
  for (const [column, accepted] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][]) {
    const at = names.findIndex((name) => accepted.includes(name));
    if (at >= 0) positions.set(column, at);
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!positions.has(column)) {
      const expected = IMPORT_COLUMNS[column].join(' / ');
      throw new AppError(400, XM['import.missing_column'], { column, expected }, column);
    }
  }
  if (!positions.has('region_code') && !positions.has('region_name')) {
    throw new AppError(400, XM['import.region_column'], {}, 'region_code');
  }
  const rows: ImportSheetRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => (cell ?? '').trim() === '')) return;
    const values = {} as Record<ImportColumn, string>;
    for (const column of Object.keys(IMPORT_COLUMNS) as ImportColumn[]) {
      const at = positions.get(column);
      values[column] = at === undefined ? '' : (cells[at] ?? '').trim();
    }
    rows.push({ row: index + 2, cells: values });
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError(400, XM['import.too_many_rows'], { max: MAX_IMPORT_ROWS, rows: rows.length }, 'file');
  }
  return rows;
}

/** Values compared loosely: full-width forms folded, spaces dropped, lower case. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function aliasTable<K extends string>(entries: Record<K, readonly string[]>): Map<string, K> {
  const table = new Map<string, K>();
  for (const [key, aliases] of Object.entries(entries) as [K, readonly string[]][]) {
    for (const alias of [key, ...aliases]) table.set(fold(alias), key);
  }
  return table;
}

/** Kind names as county registers write them, besides the API key and the register's own labels. */
const KIND_ALIASES: Record<InstitutionKind, readonly string[]> = {
  childcare_centre: ['托育中心', '托育机构', '托育服务机构'],
  kindergarten_nursery: ['托幼一体', '幼儿园托班'],
  home_childcare_point: ['家庭托育点'],
  employer_childcare: ['用人单位托育', '用人单位办托'],
  childcare_guidance_centre: ['托育服务指导中心'],
  training_base: ['托育综合服务中心', '培训基地', '托育人才培训基地'],
  elderly_care_institution: ['养老机构', '养老院'],
  community_elderly_centre: ['社区养老服务中心', '日间照料中心', '社区养老服务站'],
  meal_point: ['助餐点', '老年食堂'],
  service_complex: ['社区嵌入式服务设施', '综合体', '社区嵌入式服务综合体'],
};
const KINDS = aliasTable(
  Object.fromEntries(
    KIND_KEYS.map((k) => [k, [INSTITUTION_KINDS[k].zh, INSTITUTION_KINDS[k].en, ...KIND_ALIASES[k]]]),
  ) as unknown as Record<InstitutionKind, readonly string[]>,
);
const OPERATOR_NAMES = aliasTable<Operator>({
  public: ['公办', OPERATORS.public.en],
  private_nonprofit: ['民办非营利', '民办非营利性', OPERATORS.private_nonprofit.en],
  for_profit: ['民办营利', '民办营利性', '营利性', OPERATORS.for_profit.en],
});
const YES_NO = aliasTable({ yes: ['是', 'y', 'true', '1', '普惠'], no: ['否', 'n', 'false', '0', '非普惠'] });
const STATUSES = aliasTable({ filed: ['已备案'], draft: ['草稿', '未备案'] });

/** Every problem of one row on its own, and its fields when it has none. */
export function parseInstitutionRow(sheetRow: ImportSheetRow): {
  value: ParsedInstitutionRow | null;
  problems: RowProblem[];
} {
  const { cells } = sheetRow;
  const problems: RowProblem[] = [];
  const problem = (field: ImportColumn, code: string, params: Record<string, unknown> = {}) =>
    problems.push({ field, code, params: { field, value: cells[field], ...params } });
  const text = (field: ImportColumn, max: number, required: boolean): string | null => {
    const value = cells[field];
    if (!value) {
      if (required) problem(field, XM['import.required']);
      return null;
    }
    if (value.length > max) problem(field, XM['import.too_long'], { max });
    return value;
  };

  const name = text('name', 100, true);
  const address = text('address', 200, true);
  const kind = readKind(cells.kind);
  if (!cells.kind) problem('kind', XM['import.required']);
  else if (!kind)
    problem('kind', XM['import.kind_unknown'], {
      options: KIND_KEYS.map((k) => INSTITUTION_KINDS[k].zh).join('、'),
    });

  const regionCode = readRegionCode(cells.region_code);
  if (cells.region_code && !regionCode) problem('region_code', XM['import.region_code_rule']);
  const regionName = text('region_name', 100, false);
  if (!cells.region_code && !regionName) problem('region_code', XM['import.required']);

  const capacity = count(cells.capacity, 'capacity', problem);
  if (kind && capacity !== null && capacity > 0) {
    const spec = kindSpec(kind);
    if (capacityFunctionOf(kind) === null)
      problem('capacity', XM['import.capacity_none'], { kind: spec.zh, kindEn: spec.en });
    else if (spec.maxChildcarePlaces !== undefined && capacity > spec.maxChildcarePlaces)
      problem('capacity', XM['import.capacity_max'], {
        kind: spec.zh,
        kindEn: spec.en,
        max: spec.maxChildcarePlaces,
      });
  }
  const operator = cells.operator ? OPERATOR_NAMES.get(fold(cells.operator)) : 'private_nonprofit';
  if (!operator) problem('operator', XM['import.operator_unknown']);
  const affordable = cells.affordable ? YES_NO.get(fold(cells.affordable)) : 'no';
  if (!affordable) problem('affordable', XM['import.yes_no']);
  const priceCap = count(cells.price_cap, 'price_cap', problem);
  if (priceCap !== null && affordable === 'no') problem('price_cap', XM['import.price_cap_not_affordable']);
  const phone = cells.phone || null;
  if (phone && !InstitutionPhoneField.safeParse(phone).success) problem('phone', XM['import.phone_rule']);
  const lng = coordinate(cells.lng, 'lng', 73, 136, problem);
  const lat = coordinate(cells.lat, 'lat', 3.5, 54, problem);
  if ((cells.lng === '') !== (cells.lat === ''))
    problem(cells.lat ? 'lng' : 'lat', XM['import.coordinates_pair']);
  const status = cells.status ? STATUSES.get(fold(cells.status)) : 'draft';
  if (!status) problem('status', XM['import.status_unknown']);

  if (problems.length > 0) return { value: null, problems };
  return {
    value: {
      row: sheetRow.row,
      name: name!,
      kind: kind!,
      address: address!,
      regionCode,
      regionName,
      capacity,
      operator: operator!,
      affordable: affordable === 'yes',
      priceCap,
      phone,
      lat,
      lng,
      status: status as 'filed' | 'draft',
    },
    problems,
  };
}

/** The kind a cell names (API key, register label or a county's usual name); null when unknown. */
export function readKind(text: string): InstitutionKind | null {
  return text ? (KINDS.get(fold(text)) ?? null) : null;
}

/**
 * The function whose capacity the sheet's "托位数/床位数" column fills for a kind: its primary
 * function, else its first default one (a service complex: day places); null when it has none.
 */
export function capacityFunctionOf(kind: string): InstitutionFunction | null {
  const spec = kindSpec(kind);
  return spec.primaryFunction ?? spec.defaultFunctions[0] ?? null;
}

/** A 12-digit community code, from text or an Excel number ("130102001001.0"); null otherwise. */
export function readRegionCode(text: string): string | null {
  const match = /^(\d{12})(\.0+)?$/.exec(text.replace(/\s+/g, ''));
  if (!match) return null;
  try {
    return naturalCode(match[1]!).length === 12 ? match[1]! : null;
  } catch {
    return null;
  }
}

type Report = (field: ImportColumn, code: string, params?: Record<string, unknown>) => void;

/** A non-negative whole number ("1,200" and "12.0" accepted); null when empty. */
function count(text: string, field: ImportColumn, problem: Report): number | null {
  if (!text) return null;
  const cleaned = text.replace(/,/g, '');
  const value = /^\d+(\.0+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > MAX_COUNT) {
    problem(field, XM['import.not_integer'], { max: MAX_COUNT });
    return null;
  }
  return value;
}

function coordinate(
  text: string,
  field: ImportColumn,
  min: number,
  max: number,
  problem: Report,
): number | null {
  if (!text) return null;
  const value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) problem(field, XM['import.not_number']);
  else if (value < min || value > max) problem(field, XM['import.coordinates_range']);
  else return value;
  return null;
}
