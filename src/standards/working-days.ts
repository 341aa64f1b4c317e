import chineseDays from 'chinese-days';

/**
 * Working days on China's official calendar (STANDARDS §1: filing is acknowledged within 5 and
 * materials named within 15 working days). Official holidays and swapped working weekends (调休)
 * come from `chinese-days`; a year the package does not know falls back to Monday–Friday, and
 * `calendarCoverage` says so, so a deadline computed that way can be shown as provisional.
 * All days are `YYYY-MM-DD` strings in China time (UTC+8).
 */

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const coverageByYear = new Map<number, 'official' | 'weekends_only'>();

/**
 * Whether the official holiday calendar of `year` is known. When it is not, working days of
 * that year are plain Monday–Friday ('weekends_only').
 */
export function calendarCoverage(year: number): 'official' | 'weekends_only' {
  let coverage = coverageByYear.get(year);
  if (!coverage) {
    const holidays = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false);
    coverage = holidays.length > 0 ? 'official' : 'weekends_only';
    coverageByYear.set(year, coverage);
  }
  return coverage;
}

function toUtcMs(day: string): number {
  if (!DAY_PATTERN.test(day)) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`not a calendar day: ${day}`);
  }
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today's date in China (UTC+8), as `YYYY-MM-DD`, whatever the server's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** True when `day` (YYYY-MM-DD) is a working day: official calendar, or Mon–Fri for unknown years. */
export function isWorkingDay(day: string): boolean {
  const ms = toUtcMs(day);
  if (calendarCoverage(Number(day.slice(0, 4))) === 'official') return chineseDays.isWorkday(day);
  const weekday = new Date(ms).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `start` (the start day itself never counts); n = 0 returns the
 * start day. A Date is read as its day in China time. Negative n counts backwards.
 */
export function addWorkingDays(start: string | Date, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number: ${n}`);
  const startDay = typeof start === 'string' ? start : chinaToday(start);
  let ms = toUtcMs(startDay);
  const step = n < 0 ? -DAY_MS : DAY_MS;
  let left = Math.abs(n);
  while (left > 0) {
    ms += step;
    if (isWorkingDay(fromUtcMs(ms))) left -= 1;
  }
  return fromUtcMs(ms);
}

/**
 * Working days after `from` up to and including `to` (so a deadline of `addWorkingDays(from, 5)`
 * gives 5). Negative when `to` is before `from`: minus the working days after `to` up to `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  const fromMs = toUtcMs(from);
  const toMs = toUtcMs(to);
  if (toMs < fromMs) return -workingDaysBetween(to, from);
  let count = 0;
  for (let ms = fromMs + DAY_MS; ms <= toMs; ms += DAY_MS) {
    if (isWorkingDay(fromUtcMs(ms))) count += 1;
  }
  return count;
}
