import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageInYears,
  chinaToday,
  classesForAge,
  daysFrom,
  fitsClass,
  hasStarted,
  mealSubsidy,
  monthsFrom,
  sumMoney,
  tabsOf,
  toggleSlot,
} from './book-logic';

const slot = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt, endsAt });
const s9 = slot('a', '09:00', '10:00');
const s10 = slot('b', '10:00', '11:00');
const s11 = slot('c', '11:00', '12:00');
const s14 = slot('d', '14:00', '15:00');

describe('tabs from offers', () => {
  it('orders the tabs and groups full-day and half-day forms under enrolment', () => {
    const tabs = tabsOf([
      { service: 'meal', form: 'lunch' },
      { service: 'childcare', form: 'half_day_am' },
      { service: 'childcare', form: 'hourly' },
      { service: 'childcare', form: 'full_day' },
    ]);
    expect(tabs).toEqual(['hourly', 'enrolment', 'meal']);
  });
  it('gives no tab for unknown services', () => {
    expect(tabsOf([{ service: 'other', form: 'x' }])).toEqual([]);
  });
});

describe('China calendar days', () => {
  it('is already tomorrow in China at 17:00 UTC', () => {
    expect(chinaToday(Date.parse('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(chinaToday(Date.parse('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });
  it('adds days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysFrom('2026-12-30', 3)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });
  it('reads slot times as China time', () => {
    const offer = { day: '2026-03-02', startsAt: '09:00' };
    expect(hasStarted(offer, Date.parse('2026-03-02T00:59:00Z'))).toBe(false);
    expect(hasStarted(offer, Date.parse('2026-03-02T01:00:00Z'))).toBe(true);
  });
  it('lists months across a year end', () => {
    expect(monthsFrom('2026-11-20', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

describe('choosing consecutive slots', () => {
  it('extends at either end and shrinks from the ends', () => {
    let chosen = toggleSlot([], s10);
    chosen = toggleSlot(chosen, s11);
    chosen = toggleSlot(chosen, s9);
    expect(chosen.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(toggleSlot(chosen, s9).map((s) => s.id)).toEqual(['b', 'c']);
    expect(toggleSlot(chosen, s11).map((s) => s.id)).toEqual(['a', 'b']);
  });
  it('starts over with a slot that is not next to the run', () => {
    expect(toggleSlot([s9, s10], s14).map((s) => s.id)).toEqual(['d']);
    expect(toggleSlot([s9, s10, s11], s10).map((s) => s.id)).toEqual(['b']);
  });
});

describe('meal subsidy', () => {
  const bands = [
    { minAge: 60, amount: 2 },
    { minAge: 80, amount: 4 },
    { minAge: 90, amount: 6 },
  ];
  it('takes the highest band that applies to the age on the day', () => {
    expect(mealSubsidy(bands, 59, 15)).toBe(0);
    expect(mealSubsidy(bands, 60, 15)).toBe(2);
    expect(mealSubsidy(bands, 85, 15)).toBe(4);
    expect(mealSubsidy(bands, 95, 15)).toBe(6);
  });
  it('never exceeds the price', () => {
    expect(mealSubsidy(bands, 95, 5)).toBe(5);
  });
  it('counts whole years on the day, birthday included', () => {
    expect(ageInYears('1946-03-02', '2026-03-01')).toBe(79);
    expect(ageInYears('1946-03-02', '2026-03-02')).toBe(80);
  });
});

describe('money', () => {
  it('sums in fen and caps the subsidy at the price', () => {
    expect(
      sumMoney([
        { price: 0.1, subsidy: 0 },
        { price: 0.2, subsidy: 0.05 },
      ]),
    ).toEqual({
      price: 0.3,
      subsidy: 0.05,
      due: 0.25,
    });
    expect(sumMoney([{ price: 10, subsidy: 12 }])).toEqual({ price: 10, subsidy: 10, due: 0 });
  });
});

describe('classes for a child', () => {
  const classes = [
    { id: 'i', type: 'infant' },
    { id: 't', type: 'toddler' },
    { id: 'o', type: 'older_toddler' },
  ];
  it('puts the classes that fit the age first', () => {
    expect(classesForAge(classes, 30).map((c) => c.id)).toEqual(['o', 'i', 't']);
    expect(classesForAge(classes, 20).map((c) => c.id)).toEqual(['t', 'i', 'o']);
  });
  it('keeps the order without a child chosen', () => {
    expect(classesForAge(classes, undefined).map((c) => c.id)).toEqual(['i', 't', 'o']);
    expect(fitsClass('older_toddler', 36)).toBe(false);
  });
});
