import { maskPhone } from '../../lib/mask.js';
import type { Lang } from '../../server/i18n.js';
import { chinaToday } from '../../standards/working-days.js';
import { ageInYears, yuan } from '../bookings/days.js';
import type { Draw } from './entitlements.draw.js';
import { EXCEPTION_NAMES } from './homecare.messages.js';
import type { OrderDetail, VisitRow } from './orders.repo.js';
import type { OrderView } from './orders.schema.js';
import { chinaDayOf, type ExceptionCode } from './visits.rules.js';
import type { VisitView } from './visits.schema.js';

const ELEMENT_NAMES: Record<string, Record<Lang, string>> = {
  location: { 'zh-CN': '位置', en: 'location' },
  date: { 'zh-CN': '服务日期', en: 'date' },
};

/** `HH:MM` from minutes after midnight. */
export const hhmm = (minutes: number | null) =>
  minutes === null
    ? null
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The elements a stored visit lacks (what `missing_element` was raised for). */
export function missingElements(v: VisitRow): string[] {
  const missing: string[] = [];
  if (v.checkInAt && chinaDayOf(v.checkInAt) !== v.day) missing.push('date');
  if (v.checkInDistanceM === null || (v.checkOutAt && v.checkOutDistanceM === null)) missing.push('location');
  return missing;
}

/** One exception in words, with its numbers where the visit holds them. */
export function exceptionMessage(code: string, v: VisitRow, lang: Lang): string {
  const name = EXCEPTION_NAMES[code]?.[lang] ?? code;
  const sep = lang === 'en' ? ': ' : '：';
  if (code === 'distance') {
    const text =
      lang === 'en'
        ? `check-in ${v.checkInDistanceM ?? '?'} m, check-out ${v.checkOutDistanceM ?? '?'} m`
        : `签到 ${v.checkInDistanceM ?? '?'} 米，签退 ${v.checkOutDistanceM ?? '?'} 米`;
    return `${name}${sep}${text}`;
  }
  if (code === 'missing_element') {
    const list = missingElements(v).map((e) => ELEMENT_NAMES[e]?.[lang] ?? e);
    return list.length > 0 ? `${name}${sep}${list.join(lang === 'en' ? ', ' : '、')}` : name;
  }
  if (code === 'too_short' && v.checkInAt && v.checkOutAt) {
    const minutes = Math.round((v.checkOutAt.getTime() - v.checkInAt.getTime()) / 60_000);
    return `${name}${sep}${lang === 'en' ? `${minutes} min` : `${minutes} 分钟`}`;
  }
  return name;
}

const fix = (at: Date | null, lat: number | null, lng: number | null, distanceM: number | null) =>
  at ? { at: at.toISOString(), lat, lng, distanceM } : null;

export const isPaid = (status: string) => status === 'verified' || status === 'approved';

export function presentVisit(v: VisitRow, caregiverName: string | null, lang: Lang): VisitView {
  return {
    id: v.id,
    orderId: v.orderId,
    status: v.status as VisitView['status'],
    day: v.day,
    serviceType: v.serviceType,
    caregiverId: v.caregiverId,
    caregiverName,
    checkIn: fix(v.checkInAt ?? v.createdAt, v.checkInLat, v.checkInLng, v.checkInDistanceM)!,
    checkOut: fix(v.checkOutAt, v.checkOutLat, v.checkOutLng, v.checkOutDistanceM),
    minutes:
      v.checkInAt && v.checkOutAt
        ? Math.round((v.checkOutAt.getTime() - v.checkInAt.getTime()) / 60_000)
        : null,
    exceptions: (v.exceptions ?? []).map((code) => ({
      code: code as ExceptionCode,
      message: exceptionMessage(code, v, lang),
    })),
    exceptionReason: v.exceptionReason,
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
    confirmedAt: v.confirmedAt?.toISOString() ?? null,
    confirmedBy: (v.confirmedBy as VisitView['confirmedBy']) ?? null,
    rating: v.rating,
    ratingComment: v.ratingComment,
    verified: isPaid(v.status),
  };
}

export function presentOrder(row: OrderDetail, draw: Draw | undefined, lang: Lang): OrderView {
  const o = row.order;
  return {
    id: o.id,
    status: o.status as OrderView['status'],
    person: {
      id: row.person.id,
      name: row.person.name,
      age: ageInYears(row.person.birthDate, chinaToday()),
      regionCode: row.person.regionCode,
      address: row.person.address,
      phone: maskPhone(row.person.phone),
      homeKnown: row.person.homeLat !== null && row.person.homeLng !== null,
    },
    item: row.item,
    providerId: o.providerId,
    providerName: row.providerName,
    caregiverId: o.caregiverId,
    caregiverName: row.caregiverName,
    source: o.source,
    scheduledOn: o.scheduledOn,
    startsAt: hhmm(o.scheduledStartMin),
    durationMinutes: o.durationMinutes,
    price: yuan(o.priceCents),
    subsidy: draw ? yuan(draw.subsidyCents) : null,
    own: draw ? yuan(draw.ownCents) : null,
    programId: o.programId,
    notes: o.notes,
    createdAt: o.createdAt.toISOString(),
    visit: row.visit ? presentVisit(row.visit, row.visitCaregiverName, lang) : null,
  };
}
