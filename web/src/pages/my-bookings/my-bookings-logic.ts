/** Sorting my bookings and waitlist places into the tabs of /my-bookings. */
import type { Booking, MyBookings, WaitlistEntry } from '../../api/bookings';

export const STATUS_COLORS: Record<string, string> = {
  confirmed: 'green',
  held: 'orange',
  cancelled: 'default',
  expired: 'default',
  waiting: 'blue',
  offered: 'orange',
  booked: 'green',
  withdrawn: 'default',
};

export interface Split {
  upcoming: Booking[];
  waitlist: WaitlistEntry[];
  history: Booking[];
  pastWaitlist: WaitlistEntry[];
  held: Booking[];
}

const live = (b: Booking) => b.status === 'confirmed' || b.status === 'held';

/**
 * Upcoming: live bookings whose last day is today or later (held places first, then by date).
 * Waitlist: places still waiting or offered. History: everything else, newest first.
 */
export function splitMine(mine: MyBookings, today: string): Split {
  const upcoming = mine.bookings
    .filter((b) => live(b) && b.lastDay >= today)
    .sort((a, b) => {
      if ((a.status === 'held') !== (b.status === 'held')) return a.status === 'held' ? -1 : 1;
      return `${a.firstDay} ${a.startsAt}`.localeCompare(`${b.firstDay} ${b.startsAt}`);
    });
  const history = mine.bookings
    .filter((b) => !(live(b) && b.lastDay >= today))
    .sort((a, b) => `${b.firstDay} ${b.startsAt}`.localeCompare(`${a.firstDay} ${a.startsAt}`));
  const open = (e: WaitlistEntry) => e.status === 'waiting' || e.status === 'offered';
  const waitlist = mine.waitlist
    .filter(open)
    .sort((a, b) => (a.firstDay ?? '').localeCompare(b.firstDay ?? '') || a.position - b.position);
  const pastWaitlist = mine.waitlist
    .filter((e) => !open(e))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { upcoming, waitlist, history, pastWaitlist, held: upcoming.filter((b) => b.status === 'held') };
}

/** "2026-03-02" or "2026-03-02 – 2026-03-31". */
export function daysText(first: string | null, last: string | null): string {
  if (!first) return '—';
  return !last || first === last ? first : `${first} – ${last}`;
}

/** Milliseconds as "HH:MM:SS" (hours may pass 24). */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}
