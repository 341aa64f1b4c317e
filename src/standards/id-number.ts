/**
 * The citizen identity number (公民身份号码, GB 11643-1999): 6-digit region + 8-digit birth date
 * (YYYYMMDD) + 3-digit sequence (odd = male, even = female) + a check character (0–9 or X).
 * Old 15-digit numbers (6 region + YYMMDD + 3 sequence, no check character) are upgraded to
 * 18 digits with century 19. Pure functions, no I/O; dates are calendar days in China (UTC+8).
 */
import { PROVINCE_CODES } from './region-code.js';

/** Why a number was refused, in the order the checks run. */
export const ID_NUMBER_REASONS = [
  'empty',
  'length',
  'characters',
  'region',
  'birth_date',
  'too_old',
  'future_birth',
  'check_digit',
] as const;
export type IdNumberReason = (typeof ID_NUMBER_REASONS)[number];
export type Sex = 'male' | 'female';

/** A number that passed every check, in its canonical 18-character form. */
export interface ValidIdNumber {
  valid: true;
  /** 18 characters, check character `X` in upper case. */
  normalized: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: Sex;
  /** The first 6 digits (region of first registration; not checked against the code table). */
  regionCode: string;
  /** Present (true) when the input was an old 15-digit number. */
  upgradedFrom15?: boolean;
}

export type IdNumberResult = ValidIdNumber | { valid: false; reason: IdNumberReason };

/** Weights W₁…W₁₇ of GB 11643-1999 (2^(18−i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for S mod 11 = 0…10. */
const CHECK_CHARACTERS = '10X98765432';
/** Nobody alive was born before this day; earlier dates are typing errors. */
const EARLIEST_BIRTH = '1900-01-01';
/**
 * Accepted first two digits: the GB/T 2260 provinces, plus 83, which residence permits of
 * Taiwan residents (港澳台居民居住证, same format) carry; 81 and 82 are already provinces.
 */
const ID_REGION_PREFIXES = new Set([...PROVINCE_CODES, '83']);
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The check character for the first 17 digits: S = Σ dᵢ·Wᵢ, S mod 11 → `10X98765432`.
 * Throws RangeError unless given exactly 17 digits.
 */
export function computeCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYYMMDD` or `YYYY-MM-DD` → `YYYY-MM-DD` when it is a real Gregorian day, else null. */
function calendarDay(text: string): string | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${y}-${m}-${d}`;
}

/** The calendar day (`YYYY-MM-DD`) of an instant in China Standard Time (UTC+8, no DST). */
function dayInChina(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Check and normalise an identity number as typed: surrounding whitespace is trimmed,
 * full-width characters are folded (NFKC), a lower-case `x` is accepted and 15-digit numbers
 * are upgraded. `today` (default now) decides what counts as a future birth date.
 * Never throws: a refused number carries the first failed check as `reason`.
 */
export function parseIdNumber(input: string, options: { today?: Date } = {}): IdNumberResult {
  const text = String(input ?? '')
    .normalize('NFKC')
    .trim()
    .toUpperCase();
  if (!text) return { valid: false, reason: 'empty' };
  if (text.length !== 15 && text.length !== 18) return { valid: false, reason: 'length' };
  const pattern = text.length === 18 ? /^\d{17}[\dX]$/ : /^\d{15}$/;
  if (!pattern.test(text)) return { valid: false, reason: 'characters' };
  if (!ID_REGION_PREFIXES.has(text.slice(0, 2))) return { valid: false, reason: 'region' };

  const upgraded = text.length === 15;
  const first17 = upgraded ? `${text.slice(0, 6)}19${text.slice(6, 15)}` : text.slice(0, 17);
  const birthDate = calendarDay(first17.slice(6, 14));
  if (!birthDate) return { valid: false, reason: 'birth_date' };
  if (birthDate < EARLIEST_BIRTH) return { valid: false, reason: 'too_old' };
  if (birthDate > dayInChina(options.today ?? new Date())) return { valid: false, reason: 'future_birth' };

  const check = computeCheckCharacter(first17);
  if (!upgraded && text[17] !== check) return { valid: false, reason: 'check_digit' };
  return {
    valid: true,
    normalized: first17 + check,
    birthDate,
    sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: first17.slice(0, 6),
    ...(upgraded ? { upgradedFrom15: true } : {}),
  };
}

/** True when `input` is a valid identity number (15 or 18 characters). */
export function isValidIdNumber(input: string, options: { today?: Date } = {}): boolean {
  return parseIdNumber(input, options).valid;
}

/**
 * Hide the personal part for display and logs: first 6 and last 4 characters shown
 * (`130102********1234`). Inputs of 10 characters or fewer are hidden entirely.
 */
export function maskIdNumber(n: string): string {
  const text = String(n ?? '')
    .trim()
    .toUpperCase();
  if (text.length <= 10) return '*'.repeat(text.length);
  return `${text.slice(0, 6)}${'*'.repeat(text.length - 10)}${text.slice(-4)}`;
}

/** The sex a valid number records (odd sequence = male); null when the number is invalid. */
export function sexFromIdNumber(n: string, options: { today?: Date } = {}): Sex | null {
  const result = parseIdNumber(n, options);
  return result.valid ? result.sex : null;
}

/**
 * Age in completed years on `day` (a `YYYY-MM-DD` string or an instant, read in China time).
 * Someone born on 29 February becomes a year older on 1 March in common years.
 * Throws RangeError for a malformed date; a `day` before the birth gives a negative age.
 */
export function ageOn(birthDate: string, day: string | Date): number {
  const birth = calendarDay(birthDate);
  const on = typeof day === 'string' ? calendarDay(day) : dayInChina(day);
  if (!birth || !on) throw new RangeError(`invalid date: ${birth ? String(day) : birthDate}`);
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  // Comparing MM-DD strings: on 02-28 a 02-29 birthday has not yet come; on 03-01 it has.
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** What `buildIdNumber` needs: a 6-digit region, a `YYYY-MM-DD` birth date, a sequence 0–999. */
export interface IdNumberParts {
  regionCode: string;
  birthDate: string;
  /** 0–999; odd = male, even = female. */
  sequence: number;
}

/**
 * Build a valid 18-character number with the right check character, for tests and demo data
 * (never for real people). Throws RangeError when a part would make the number invalid.
 */
export function buildIdNumber({ regionCode, birthDate, sequence }: IdNumberParts): string {
  if (!/^\d{6}$/.test(regionCode) || !ID_REGION_PREFIXES.has(regionCode.slice(0, 2))) {
    throw new RangeError(`invalid region code "${regionCode}"`);
  }
  const day = calendarDay(birthDate);
  if (!day || day < EARLIEST_BIRTH) throw new RangeError(`invalid birth date "${birthDate}"`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${sequence}`);
  }
  const first17 = `${regionCode}${day.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + computeCheckCharacter(first17);
}
