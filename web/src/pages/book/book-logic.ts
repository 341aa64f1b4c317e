/**
 * The arithmetic of the booking pages, kept pure: China's calendar day, the tabs an institution's
 * offers give, choosing consecutive slots, the meal subsidy for an age and the sums a summary shows.
 */
import type { MealSubsidyBand, Offer } from '../../api/bookings';

/** Tabs of the booking page, in the order shown. */
export const TAB_KEYS = ['hourly', 'temporary', 'enrolment', 'appointment', 'meal'] as const;
export type TabKey = (typeof TAB_KEYS)[number];

const ENROLMENT = new Set(['full_day', 'half_day_am', 'half_day_pm']);

export function tabOf(offer: Pick<Offer, 'service' | 'form'>): TabKey | null {
  if (offer.service === 'meal') return 'meal';
  if (offer.service === 'appointment') return 'appointment';
  if (offer.service !== 'childcare') return null;
  if (offer.form === 'hourly') return 'hourly';
  if (offer.form === 'temporary') return 'temporary';
  return ENROLMENT.has(offer.form) ? 'enrolment' : null;
}

/** The tabs the offers give, in display order. */
export function tabsOf(offers: readonly Pick<Offer, 'service' | 'form'>[]): TabKey[] {
  const present = new Set(offers.map(tabOf));
  return TAB_KEYS.filter((key) => present.has(key));
}

const HOUR = 3_600_000;

/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * HOUR).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** `count` days from `first` on. */
export function daysFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

/** The instant a slot starts (China time), in ms. */
export function startsAtMs(day: string, time: string): number {
  return Date.parse(`${day}T${time}:00+08:00`);
}

export function hasStarted(offer: Pick<Offer, 'day' | 'startsAt'>, now = Date.now()): boolean {
  return startsAtMs(offer.day, offer.startsAt) <= now;
}

/** YYYY-MM of this month and the next `count - 1`. */
export function monthsFrom(today: string, count: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const total = y * 12 + (m - 1) + i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** Slots ordered by time. */
export function byTime<T extends Pick<Offer, 'day' | 'startsAt'>>(offers: readonly T[]): T[] {
  return [...offers].sort((a, b) =>
    a.day === b.day ? a.startsAt.localeCompare(b.startsAt) : a.day.localeCompare(b.day),
  );
}

/**
 * Tapping a slot with `selected` (consecutive, ordered) already chosen: a slot next to either end
 * extends the run, an end slot shrinks it, anything else starts a new run with that slot.
 */
export function toggleSlot<T extends Pick<Offer, 'id' | 'startsAt' | 'endsAt'>>(
  selected: readonly T[],
  slot: T,
): T[] {
  if (selected.length === 0) return [slot];
  const first = selected[0]!;
  const last = selected[selected.length - 1]!;
  if (slot.id === first.id) return selected.slice(1);
  if (slot.id === last.id) return selected.slice(0, -1);
  if (slot.startsAt === last.endsAt) return [...selected, slot];
  if (slot.endsAt === first.startsAt) return [slot, ...selected];
  return [slot];
}

/** Whole years of age on a day. */
export function ageInYears(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The meal subsidy for an age: the highest amount among the bands that apply, never above the price. */
export function mealSubsidy(bands: readonly MealSubsidyBand[], age: number, price: number): number {
  const amounts = bands.filter((b) => age >= b.minAge).map((b) => b.amount);
  return amounts.length === 0 ? 0 : Math.min(price, Math.max(...amounts));
}

export interface Money {
  price: number;
  subsidy: number;
  due: number;
}

/** Sums in fen, back to yuan, so 0.1 + 0.2 stays 0.30. */
export function sumMoney(offers: readonly Pick<Offer, 'price' | 'subsidy'>[]): Money {
  const price = offers.reduce((s, o) => s + Math.round(o.price * 100), 0);
  const subsidy = Math.min(
    price,
    offers.reduce((s, o) => s + Math.round(o.subsidy * 100), 0),
  );
  return { price: price / 100, subsidy: subsidy / 100, due: (price - subsidy) / 100 };
}

export const yuanText = (value: number) => `¥${value.toFixed(2)}`;

/**
 * Age bands of the class types by the national setting standard (months, [min, max)). Regions may
 * set others and the server decides; the pages use these only to put fitting classes first.
 */
export const CLASS_AGE_MONTHS: Record<string, readonly [number, number]> = {
  infant: [6, 12],
  toddler: [12, 24],
  older_toddler: [24, 36],
  mixed: [18, 36],
  home_point: [0, 36],
};

export function fitsClass(type: string | null, ageMonths: number | undefined): boolean {
  const band = type ? CLASS_AGE_MONTHS[type] : undefined;
  return !band || ageMonths === undefined || (ageMonths >= band[0] && ageMonths < band[1]);
}

/** Classes that fit the child's age first, otherwise in the order given. */
export function classesForAge<T extends { type: string | null }>(
  classes: readonly T[],
  ageMonths: number | undefined,
): T[] {
  return [...classes].sort(
    (a, b) => Number(fitsClass(b.type, ageMonths)) - Number(fitsClass(a.type, ageMonths)),
  );
}
