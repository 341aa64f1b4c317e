/**
 * The member form's checks, mirroring the server (src/standards/id-number.ts, households.rules.ts)
 * so most mistakes show before sending; the server checks everything again and its 400s land on
 * the field they name.
 */
import type { Member, MemberKind } from '../../api/households';

/** A mainland China mobile number: 11 digits, 1 then 3–9. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
/** GB/T 2260 provinces, plus 83 (residence permits of Taiwan residents). */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

export type IdReason =
  | 'length'
  | 'characters'
  | 'region'
  | 'birth_date'
  | 'too_old'
  | 'future_birth'
  | 'check_digit';

export type IdCheck =
  | { valid: true; normalized: string; birthDate: string; sex: 'male' | 'female' }
  | { valid: false; reason: IdReason };

function realDay(yyyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** GB 11643: length, digits, province, a real birth date not in the future, the check character. */
export function checkIdNumber(input: string, today: string): IdCheck {
  const text = input.normalize('NFKC').trim().toUpperCase();
  if (text.length !== 15 && text.length !== 18) return { valid: false, reason: 'length' };
  if (!(text.length === 18 ? /^\d{17}[\dX]$/ : /^\d{15}$/).test(text))
    return { valid: false, reason: 'characters' };
  if (!PROVINCES.has(text.slice(0, 2))) return { valid: false, reason: 'region' };
  const first17 = text.length === 15 ? `${text.slice(0, 6)}19${text.slice(6)}` : text.slice(0, 17);
  const birthDate = realDay(first17.slice(6, 14));
  if (!birthDate) return { valid: false, reason: 'birth_date' };
  if (birthDate < '1900-01-01') return { valid: false, reason: 'too_old' };
  if (birthDate > today) return { valid: false, reason: 'future_birth' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  const check = CHECK_CHARACTERS[sum % 11]!;
  if (text.length === 18 && text[17] !== check) return { valid: false, reason: 'check_digit' };
  return {
    valid: true,
    normalized: first17 + check,
    birthDate,
    sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Completed months from `birthDate` to `today` (YYYY-MM-DD), end-of-month safe. */
export function ageInMonths(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let months = (ty - by) * 12 + (tm - bm);
  const lastOfMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (td < Math.min(bd, lastOfMonth)) months -= 1;
  return months;
}

export const ageInYears = (birthDate: string, today: string) =>
  Math.floor(ageInMonths(birthDate, today) / 12);

/** As the server derives it: under 36 months a child, from 60 years an older person. */
export function memberKind(birthDate: string, today: string): MemberKind {
  if (ageInMonths(birthDate, today) < 36) return 'child';
  if (ageInYears(birthDate, today) >= 60) return 'older';
  return 'adult';
}

/** Only members of 18 and over may drop off and pick up children. */
export const PICKUP_FROM_YEARS = 18;

export type HealthStatus = 'none' | 'failed' | 'valid' | 'expired';

/** The admission health check as of `today`: none, failed, valid (until …) or expired. */
export function healthStatus(
  member: Pick<Member, 'healthCheckOn' | 'healthCheckResult' | 'healthCheckValidUntil'>,
  today: string,
): HealthStatus {
  if (!member.healthCheckOn) return 'none';
  if (member.healthCheckResult === 'failed') return 'failed';
  return member.healthCheckValidUntil && member.healthCheckValidUntil >= today ? 'valid' : 'expired';
}

/** Age as people say it: months under 3 years, years (and months under 6) above. */
export function ageParts(ageMonths: number): { years: number; months: number } {
  return { years: Math.floor(ageMonths / 12), months: ageMonths % 12 };
}

/** Today in China (UTC+8), YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
