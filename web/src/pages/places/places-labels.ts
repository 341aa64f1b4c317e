import type { TFunction } from 'i18next';
import { PLACE_SERVICES } from '../../api/places';

/** Every form in the order services list them (childcare first), to sort forms the same way everywhere. */
export const FORM_ORDER: readonly string[] = Object.values(PLACE_SERVICES).flatMap((s) => [...s.forms]);

export function byFormOrder(a: string, b: string): number {
  return FORM_ORDER.indexOf(a) - FORM_ORDER.indexOf(b);
}

/** A form of a service (full_day, lunch, consultation…) by its code. */
export function formLabel(t: TFunction, form: string): string {
  return t(`places.form.${form}`, { defaultValue: form });
}

export function serviceLabel(t: TFunction, service: string): string {
  return t(`places.service.${service}`, { defaultValue: service });
}

export function bookingStatusLabel(t: TFunction, status: string): string {
  return t(`places.bookingStatus.${status}`, { defaultValue: status });
}

export function waitlistStatusLabel(t: TFunction, status: string): string {
  return t(`places.waitlistStatus.${status}`, { defaultValue: status });
}

export const BOOKING_STATUS_COLORS: Record<string, string> = {
  confirmed: 'green',
  held: 'gold',
  cancelled: 'default',
  expired: 'default',
};

export const WAITLIST_STATUS_COLORS: Record<string, string> = {
  waiting: 'blue',
  offered: 'gold',
  booked: 'green',
  expired: 'default',
  withdrawn: 'default',
};

/** Yuan with two decimals, e.g. "¥1,280.00". */
export function formatYuan(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `¥${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "2025-03-03" or "2025-03-03 – 2025-03-28" for a booking's days. */
export function dayRange(first: string | null, last: string | null): string {
  if (!first) return '—';
  return !last || last === first ? first : `${first} – ${last}`;
}

export function timeRange(startsAt: string | null, endsAt: string | null): string {
  if (!startsAt) return '—';
  return endsAt ? `${startsAt}–${endsAt}` : startsAt;
}

/** Carers needed for this many children at one carer per `perCarer` children. */
export function carersNeeded(children: number, perCarer: number): number {
  return perCarer > 0 ? Math.ceil(children / perCarer) : 0;
}
