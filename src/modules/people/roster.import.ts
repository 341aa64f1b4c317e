import { AppError } from '../../server/errors.js';
import { ageOn, parseIdNumber } from '../../standards/id-number.js';
import { normaliseHeader } from '../regions/regions.population-file.js';
import { PM } from './roster.messages.js';
import type { Flag, Source } from './roster.schema.js';

/** The columns a department file may carry, by API name, with the Chinese headers accepted too. */
export const ROSTER_COLUMNS = {
  id_number: ['id_number', '身份证号', '身份证号码', '公民身份号码'],
  name: ['name', '姓名'],
  region_code: ['region_code', '区划代码', '社区代码'],
  address: ['address', '地址', '住址', '居住地址'],
  phone: ['phone', '联系电话', '电话', '手机号'],
  living_situation: ['living_situation', '居住情况'],
  extreme_poverty: ['extreme_poverty', '特困'],
  minimum_allowance: ['minimum_allowance', '低保'],
  low_income: ['low_income', '低收入'],
  living_alone: ['living_alone', '独居'],
  empty_nest: ['empty_nest', '空巢'],
  widowed_childless: ['widowed_childless', '孤寡'],
  family_planning_special: ['family_planning_special', '计生特殊家庭'],
  disability_grade: ['disability_grade', '残疾等级'],
  dementia: ['dementia', '失智', '认知障碍'],
  household_status: ['household_status', '户籍状态'],
  status_date: ['status_date', '日期', '变动日期'],
} as const;
export type Column = keyof typeof ROSTER_COLUMNS;

const REQUIRED: Column[] = ['id_number', 'name', 'region_code'];
/** Yes/no columns and the flag each one sets. */
const YES_NO_FLAGS = [
  'extreme_poverty',
  'minimum_allowance',
  'low_income',
  'living_alone',
  'empty_nest',
  'widowed_childless',
  'family_planning_special',
  'dementia',
] as const satisfies readonly (Column & Flag)[];
const YES = new Set(['是', 'y', 'yes', '1', 'true', '有']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '无']);
const HOUSEHOLD = {
  正常: 'active',
  normal: 'active',
  死亡: 'deceased',
  deceased: 'deceased',
  迁出: 'moved_out',
  moved_out: 'moved_out',
} as const;

/** One problem of one row, before translation. */
export interface RowProblem {
  row: number;
  field: string;
  code: string;
  params: Record<string, unknown>;
}

/** A valid row: the person's facts and what this department says about each flag. */
export interface RosterRow {
  row: number;
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
  name: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
  livingSituation: string | null;
  /** Flags the file speaks about: a value object when set, null when the department says no. */
  flags: Partial<Record<Flag, Record<string, unknown> | null>>;
  /** Household status from the public security register, with its date. */
  household: { status: 'active' | 'deceased' | 'moved_out'; on: string } | null;
}

/** Where each known column sits in the header; a missing required column is a 400 naming it. */
export type Positions = Partial<Record<Column, number>>;

export function columnPositions(header: readonly string[]): Positions {
  const names = header.map(normaliseHeader);
  const positions: Positions = {};
  for (const [column, accepted] of Object.entries(ROSTER_COLUMNS) as [Column, readonly string[]][]) {
    const at = names.findIndex((name) => accepted.includes(name));
    if (at >= 0) positions[column] = at;
  }
  for (const column of REQUIRED) {
    if (positions[column] === undefined) {
      const expected = REQUIRED.map((c) => ROSTER_COLUMNS[c].join('/')).join(', ');
      throw new AppError(400, PM['roster.missing_column'], { column, expected }, column);
    }
  }
  return positions;
}

/**
 * Read one data line: null when it is blank (not counted), else the row when it is valid, its
 * problems, and its ID number (normalised when valid, as written otherwise) for the caller, who
 * sees every line, to find duplicates across the file.
 */
export function parseLine(
  cells: readonly string[],
  rowNumber: number,
  positions: Positions,
  source: Source,
  today: string,
): { row: RosterRow | null; problems: RowProblem[]; idNumber: string | null; idCell: string } | null {
  if (cells.every((cell) => (cell ?? '').trim() === '')) return null;
  const cell = (c: Column) => {
    const at = positions[c];
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  const problems: RowProblem[] = [];
  const problem = (field: Column, code: string, params: Record<string, unknown> = {}) =>
    problems.push({ row: rowNumber, field, code, params: { field, value: cell(field), ...params } });
  const parsed = readRow(cell, problem, source, today);
  const row = problems.length === 0 ? { ...(parsed as Omit<RosterRow, 'row'>), row: rowNumber } : null;
  return { row, problems, idNumber: parsed.idNumber ?? null, idCell: cell('id_number') };
}

/** The problem of a line whose ID number an earlier line already gave. */
export function duplicateProblem(rowNumber: number, idCell: string, first: number): RowProblem {
  return {
    row: rowNumber,
    field: 'id_number',
    code: PM['roster.duplicate'],
    params: { field: 'id_number', value: idCell, first },
  };
}

type Problem = (field: Column, code: string, params?: Record<string, unknown>) => void;

function readRow(
  cell: (c: Column) => string,
  problem: Problem,
  source: Source,
  today: string,
): Partial<Omit<RosterRow, 'row'>> {
  for (const column of REQUIRED) if (!cell(column)) problem(column, PM['roster.required']);
  const out: Partial<Omit<RosterRow, 'row'>> = {
    name: cell('name'),
    regionCode: cell('region_code'),
    address: cell('address') || null,
    phone: cell('phone') || null,
    livingSituation: cell('living_situation') || null,
    flags: {},
    household: null,
  };
  if (cell('id_number')) {
    const id = parseIdNumber(cell('id_number'));
    if (!id.valid) problem('id_number', PM['roster.bad_id'], { reason: id.reason });
    else {
      const age = ageOn(id.birthDate, today);
      if (age < 60) problem('id_number', PM['roster.under_60'], { age });
      Object.assign(out, { idNumber: id.normalized, birthDate: id.birthDate, sex: id.sex });
    }
  }
  if (out.regionCode && !/^\d{12}$/.test(out.regionCode)) problem('region_code', PM['roster.bad_region']);
  for (const flag of YES_NO_FLAGS) {
    const text = cell(flag).toLowerCase();
    if (!text) continue;
    if (YES.has(text)) out.flags![flag] = {};
    else if (NO.has(text)) out.flags![flag] = null;
    else problem(flag, PM['roster.bad_yes_no']);
  }
  const grade = cell('disability_grade');
  if (grade) {
    const n = Number(
      grade.replace(/^[一二三四]/, (c) => String('一二三四'.indexOf(c) + 1)).replace(/级$/, ''),
    );
    if ([1, 2, 3, 4].includes(n)) out.flags!.disabled = { grade: n };
    else if (NO.has(grade.toLowerCase())) out.flags!.disabled = null;
    else problem('disability_grade', PM['roster.bad_grade']);
  }
  const household = cell('household_status').toLowerCase();
  if (household) {
    const status = HOUSEHOLD[household as keyof typeof HOUSEHOLD];
    const on = (cell('status_date') || today).replace(/T.*$/, '');
    if (!status) problem('household_status', PM['roster.bad_status']);
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(on)))
      problem('status_date', PM['roster.bad_date']);
    else out.household = { status, on };
  } else if (source === 'public_security' && cell('status_date')) {
    problem('household_status', PM['roster.required']);
  }
  return out;
}
