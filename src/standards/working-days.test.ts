import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarCoverage,
  chinaToday,
  isWorkingDay,
  workingDaysBetween,
} from './working-days.js';

describe('isWorkingDay', () => {
  it('follows the 2026 Spring Festival: holiday Feb 15–23, swapped Saturdays Feb 14 and Feb 28 worked', () => {
    expect(isWorkingDay('2026-02-13')).toBe(true);
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, worked (调休)
    for (let d = 15; d <= 23; d += 1) expect(isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday, worked
    expect(isWorkingDay('2026-03-01')).toBe(false); // plain Sunday
  });

  it('follows National Day 2025 (Oct 1–8 off, Sep 28 and Oct 11 worked)', () => {
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-01')).toBe(false);
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true);
  });

  it('refuses something that is not a calendar day', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('20260201')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('counts across the Spring Festival, with the swapped Saturday as a working day', () => {
    // Feb 13 (1), Sat Feb 14 (2), holiday Feb 15–23, Feb 24 (3), 25 (4), 26 (5)
    expect(addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
  });

  it('counts across National Day 2025 and 2026', () => {
    // Sep 30 (1), Oct 1–8 off, Oct 9 (2), Oct 10 (3), Sat Oct 11 worked (4), Mon Oct 13 (5)
    expect(addWorkingDays('2025-09-29', 5)).toBe('2025-10-13');
    // 2026: Oct 1–7 off, Oct 8 (1), Oct 9 (2), Sat Oct 10 worked (3)
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('skips a plain weekend', () => {
    expect(addWorkingDays('2026-03-05', 5)).toBe('2026-03-12'); // Thu → next Thu
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Fri → Mon
  });

  it('returns the start day for n = 0 and counts backwards for negative n', () => {
    expect(addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
    expect(addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
  });

  it('reads a Date as its day in China time', () => {
    // 2026-02-12 17:00 UTC is already Feb 13 01:00 in Beijing
    expect(addWorkingDays(new Date('2026-02-12T17:00:00Z'), 1)).toBe('2026-02-14');
    expect(addWorkingDays(new Date('2026-02-12T15:00:00Z'), 1)).toBe('2026-02-13');
  });

  it('falls back to Monday–Friday in a year without an official calendar', () => {
    expect(calendarCoverage(2026)).toBe('official');
    expect(calendarCoverage(2025)).toBe('official');
    expect(calendarCoverage(2035)).toBe('weekends_only');
    // 2035-01-01 is a Monday: no New Year holiday is known, so it counts
    expect(isWorkingDay('2035-01-01')).toBe(true);
    expect(addWorkingDays('2034-12-28', 3)).toBe('2035-01-02'); // Thu → Fri, Mon, Tue
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween('2026-02-12', '2026-02-26')).toBe(5);
    expect(workingDaysBetween('2026-03-02', '2026-03-06')).toBe(4);
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
  });

  it('is negative when `to` is before `from`', () => {
    expect(workingDaysBetween('2026-02-26', '2026-02-12')).toBe(-5);
  });

  it('agrees with addWorkingDays', () => {
    for (const n of [1, 5, 15, 40]) {
      expect(workingDaysBetween('2026-01-20', addWorkingDays('2026-01-20', n))).toBe(n);
    }
  });
});

describe('chinaToday', () => {
  it('is the date in Beijing whatever the server time zone', () => {
    expect(chinaToday(new Date('2026-02-12T15:59:59Z'))).toBe('2026-02-12');
    expect(chinaToday(new Date('2026-02-12T16:00:00Z'))).toBe('2026-02-13');
  });
});
