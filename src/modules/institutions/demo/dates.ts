/** Calendar arithmetic on `YYYY-MM-DD` days (UTC, so no time zone shifts a day). */

const DAY_MS = 86_400_000;

const parsed = new Map<string, number>();
const formatted = new Map<number, string>();

/** `day` moved by `days` calendar days (memoised: the demo asks for the same few thousand days). */
export function addDays(day: string, days: number): string {
  let epochDay = parsed.get(day);
  if (epochDay === undefined) {
    epochDay = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
    parsed.set(day, epochDay);
  }
  const target = epochDay + days;
  let text = formatted.get(target);
  if (text === undefined) {
    text = new Date(target * DAY_MS).toISOString().slice(0, 10);
    formatted.set(target, text);
  }
  return text;
}

/** The same day `months` later (clamped to the month's end), e.g. for certificate validity. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** A timestamp on `day` in China time, at a plausible office hour drawn from `minutes` past 08:30. */
export function officeTime(day: string, minutes: number): string {
  const total = 8 * 60 + 30 + Math.max(0, Math.min(minutes, 9 * 60));
  const hh = String(Math.floor(total / 60)).padStart(2, '0');
  const mm = String(total % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}:00+08:00`;
}
