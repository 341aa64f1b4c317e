import { describe, expect, it } from 'vitest';
import type { Booking, WaitlistEntry } from '../../api/bookings';
import { countdownText, daysText, splitMine } from './my-bookings-logic';

const booking = (id: string, status: Booking['status'], firstDay: string, lastDay = firstDay): Booking =>
  ({ id, status, firstDay, lastDay, startsAt: '09:00' }) as Booking;
const entry = (id: string, status: WaitlistEntry['status'], position = 1): WaitlistEntry =>
  ({
    id,
    status,
    position,
    firstDay: '2026-03-05',
    createdAt: `2026-03-0${position}T00:00:00Z`,
  }) as WaitlistEntry;

describe('splitting my bookings into tabs', () => {
  const today = '2026-03-02';
  const split = splitMine(
    {
      bookings: [
        booking('later', 'confirmed', '2026-03-09'),
        booking('soon', 'confirmed', '2026-03-03'),
        booking('held', 'held', '2026-03-10'),
        booking('past', 'confirmed', '2026-02-20'),
        booking('enrolled', 'confirmed', '2026-03-01', '2026-03-31'),
        booking('cancelled', 'cancelled', '2026-03-04'),
      ],
      waitlist: [entry('w2', 'waiting', 2), entry('w1', 'offered', 1), entry('gone', 'withdrawn', 3)],
    },
    today,
  );
  it('puts held places first, then upcoming bookings by date', () => {
    expect(split.upcoming.map((b) => b.id)).toEqual(['held', 'enrolled', 'soon', 'later']);
    expect(split.held.map((b) => b.id)).toEqual(['held']);
  });
  it('keeps past and cancelled bookings in history, newest first', () => {
    expect(split.history.map((b) => b.id)).toEqual(['cancelled', 'past']);
  });
  it('shows waiting and offered places on the waitlist, the rest in history', () => {
    expect(split.waitlist.map((e) => e.id)).toEqual(['w1', 'w2']);
    expect(split.pastWaitlist.map((e) => e.id)).toEqual(['gone']);
  });
});

describe('texts', () => {
  it('formats a countdown past 24 hours', () => {
    expect(countdownText(26 * 3600_000 + 61_000)).toBe('26:01:01');
    expect(countdownText(-5)).toBe('00:00:00');
  });
  it('writes one day or a range', () => {
    expect(daysText('2026-03-02', '2026-03-02')).toBe('2026-03-02');
    expect(daysText('2026-03-02', '2026-03-31')).toBe('2026-03-02 – 2026-03-31');
    expect(daysText(null, null)).toBe('—');
  });
});
