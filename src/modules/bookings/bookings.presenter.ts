import type { Lang } from '../../server/i18n.js';
import type { BookingRow, OfferRow, WaitlistRow } from './bookings.repo.js';
import { chinaInstant, yuan } from './days.js';
import { formatMinutes } from './segments.js';
import { formName } from './services.js';

export interface BookingNames {
  institutionName: string;
  className: string | null;
  memberName: string;
}

/** The moment after which a resident can no longer cancel: the first offer still ahead, minus its cut-off. */
export function cancelDeadline(offers: readonly OfferRow[], now: Date): Date | null {
  for (const o of offers) {
    const deadline = new Date(chinaInstant(o.day, o.startsMin).getTime() - o.cutoffMinutes * 60_000);
    if (deadline > now) return deadline;
  }
  return null;
}

/** "2026-12-01 09:00–11:00" or "2026-12-01 – 2026-12-31 08:00–17:00". */
export function whenText(b: {
  firstDay: string;
  lastDay: string;
  startsMin: number;
  endsMin: number;
}): string {
  const days = b.firstDay === b.lastDay ? b.firstDay : `${b.firstDay} – ${b.lastDay}`;
  return `${days} ${formatMinutes(b.startsMin)}–${formatMinutes(b.endsMin)}`;
}

export function presentBooking(
  row: BookingRow,
  names: BookingNames,
  offers: readonly OfferRow[],
  now: Date,
  lang: Lang,
) {
  const deadline = cancelDeadline(offers, now);
  const live = row.status === 'confirmed' || row.status === 'held';
  return {
    id: row.id,
    status: row.status,
    service: row.service,
    form: row.form,
    formName: formName(row.service, row.form, lang),
    institutionId: row.institutionId,
    institutionName: names.institutionName,
    classId: row.classId,
    className: names.className,
    memberId: row.memberId,
    memberName: names.memberName,
    firstDay: row.firstDay,
    lastDay: row.lastDay,
    days: new Set(offers.map((o) => o.day)).size,
    startsAt: formatMinutes(row.startsMin),
    endsAt: formatMinutes(row.endsMin),
    offerIds: offers.map((o) => o.id),
    price: yuan(row.priceCents),
    subsidy: yuan(row.subsidyCents),
    due: yuan(row.dueCents),
    mealMode: row.mealMode,
    notes: row.notes,
    holdExpiresAt: row.holdExpiresAt?.toISOString() ?? null,
    cancellable: live && (row.status === 'held' || deadline !== null),
    cancelDeadline: live ? (deadline?.toISOString() ?? null) : null,
    cancelReason: row.cancelReason,
    replacesId: row.replacesId,
    createdAt: row.createdAt.toISOString(),
  };
}
export type BookingView = ReturnType<typeof presentBooking>;

export function presentEntry(
  row: WaitlistRow,
  names: { institutionName: string; className: string | null; memberName: string },
  position: number,
  lang: Lang,
) {
  const request = row.request as {
    firstDay?: string;
    lastDay?: string;
    startsMin?: number;
    endsMin?: number;
  };
  return {
    id: row.id,
    status: row.status,
    position,
    service: row.service,
    form: row.form,
    formName: formName(row.service, row.form, lang),
    institutionId: row.institutionId,
    institutionName: names.institutionName,
    classId: row.classId,
    className: names.className,
    memberId: row.memberId,
    memberName: names.memberName,
    firstDay: request.firstDay ?? null,
    lastDay: request.lastDay ?? null,
    startsAt: request.startsMin !== undefined ? formatMinutes(request.startsMin) : null,
    endsAt: request.endsMin !== undefined ? formatMinutes(request.endsMin) : null,
    bookingId: row.bookingId,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type WaitlistView = ReturnType<typeof presentEntry>;
