import type { Grade } from '../../standards/capability-assessment.js';
import { ageOn } from '../../standards/id-number.js';

/**
 * The dated rules of assessments on record, pure: when the next one is due, which days an
 * assessment may carry, and where a person stands on the assessor's work list.
 */

/** `day` (YYYY-MM-DD) plus `months` calendar months, clamped to the target month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** `day` plus `days` days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The day the re-assessment is due: the assessment day plus the months the final grade allows. */
export function nextDueOn(
  assessedOn: string,
  finalGrade: Grade,
  monthsByGrade: Record<Grade, number>,
): string {
  return addMonths(assessedOn, monthsByGrade[finalGrade]);
}

/**
 * Why an assessment cannot carry `assessedOn`: a day after today (China time), or a day before
 * the person's 60th birthday (someone born on 29 February turns 60 on 1 March in common years).
 */
export function assessedOnProblem(
  assessedOn: string,
  birthDate: string,
  today: string,
): 'future' | 'before_60' | null {
  if (assessedOn > today) return 'future';
  if (ageOn(birthDate, assessedOn) < 60) return 'before_60';
  return null;
}

/** The person's 60th birthday, the first day `ageOn` counts them 60 (29 February → 1 March in common years). */
export function sixtiethBirthday(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4)) + 60;
  if (birthDate.slice(5) !== '02-29') return `${year}${birthDate.slice(4)}`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? `${year}-02-29` : `${year}-03-01`;
}

/** Where a person stands on the work list: never assessed, overdue (due before today) or due. */
export function dueState(next: string | null, today: string): 'never' | 'overdue' | 'due' {
  if (next === null) return 'never';
  return next < today ? 'overdue' : 'due';
}
