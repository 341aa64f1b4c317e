/** Today's date in China (UTC+8) as YYYY-MM-DD, whatever the browser's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** "08:05", China time, for an ISO instant; "—" for none. */
export function chinaClock(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
}
