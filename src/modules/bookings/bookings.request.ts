/**
 * Turning a booking request into the offers it takes, and the checks on the person: who may book
 * what, a child's age on the day, health check and vaccination, meal mode. Capacity is checked
 * later, under locks, by places.ts.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import {
  ageInMonths,
  type ChildcareClassRules,
  CLASS_TYPE_NAMES,
  type ClassType,
} from '../../standards/childcare-classes.js';
import { chinaToday, isWorkingDay } from '../../standards/working-days.js';
import { classes } from '../institutions/classes.table.js';
import { classRulesFor } from '../institutions/staffing.access.js';
import type { SettingValue } from '../settings/settings.defaults.js';
import { getSetting } from '../settings/settings.service.js';
import { BM } from './bookings.messages.js';
import * as repo from './bookings.repo.js';
import { addMonths, ageInYears, chinaInstant, eachDay, fen, monthRange } from './days.js';
import { formatMinutes } from './segments.js';
import {
  formName,
  formSpec,
  MEMBER_KIND_NAMES,
  type MemberKind,
  SERVICES,
  type Service,
  serviceName,
} from './services.js';

export interface BookingRequest {
  memberId: string;
  offerIds?: string[];
  enrolment?: { classId: string; form: string; month: string };
  mealMode?: string;
  notes?: string;
  waitlist?: boolean;
}

export type Member = NonNullable<Awaited<ReturnType<typeof repo.findMember>>>;

export interface Resolved {
  offers: repo.OfferRow[];
  offerIds: string[];
  institutionId: string;
  classId: string | null;
  service: Service;
  form: string;
  firstDay: string;
  lastDay: string;
  startsMin: number;
  endsMin: number;
}

const sameAll = <T>(values: T[]) => values.every((v) => v === values[0]);

/** The ids a request names directly, each once (an enrolment names a class and month instead). */
export const requestedOfferIds = (request: BookingRequest) => [...new Set(request.offerIds ?? [])];

/** The open offers of the class an enrolment asks for, still ahead of `now`, in time order. */
export async function enrolmentOffers(
  db: Executor,
  enrolment: NonNullable<BookingRequest['enrolment']>,
  now: Date,
): Promise<repo.OfferRow[]> {
  const { classId, form, month } = enrolment;
  const { first, last } = monthRange(month);
  const today = chinaToday(now);
  // biome-ignore lint/complexity/useMathMinMax: days are YYYY-MM-DD strings, compared as text
  const from = first > today ? first : today;
  return (await repo.findClassOffers(db, classId, form, from, last)).filter(
    (o) => chinaInstant(o.day, o.startsMin) > now,
  );
}

/** The offers a request takes, validated for shape (one institution, service, class; slots consecutive). */
export async function resolveOffers(
  db: Executor,
  request: BookingRequest,
  lang: Lang,
  now: Date,
): Promise<Resolved> {
  const offers = request.enrolment
    ? await enrolmentOffers(db, request.enrolment, now)
    : await repo.findOffers(db, requestedOfferIds(request));
  return resolveFrom(request, offers, lang, now);
}

/**
 * `resolveOffers` on offers already read: for an enrolment, the class's offers of the month
 * (`enrolmentOffers`); otherwise the offers found for `offerIds`.
 */
export function resolveFrom(
  request: BookingRequest,
  found: readonly repo.OfferRow[],
  lang: Lang,
  now: Date,
): Resolved {
  let offers = [...found];
  if (request.enrolment) {
    const { form, month } = request.enrolment;
    if (offers.length === 0) {
      throw conflict(
        BM['booking.no_days'],
        { month, form: formName('childcare', form, lang) },
        { rule: 'booking.no_days' },
      );
    }
    offers.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.startsMin - b.startsMin));
  } else {
    const ids = requestedOfferIds(request);
    if (offers.length !== ids.length || ids.length === 0) throw notFound(lang === 'en' ? 'offer' : '名额');
    offers = offers.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.startsMin - b.startsMin));
    if (
      !sameAll(offers.map((o) => o.institutionId)) ||
      !sameAll(offers.map((o) => o.service)) ||
      !sameAll(offers.map((o) => o.form))
    ) {
      throw new AppError(400, BM['booking.mixed_offers'], {}, 'offerIds');
    }
    const first = offers[0]!;
    if (first.form === 'hourly') {
      const consecutive = offers.every(
        (o, i) =>
          i === 0 ||
          (o.day === first.day && o.classId === first.classId && o.startsMin === offers[i - 1]!.endsMin),
      );
      if (!consecutive) throw new AppError(400, BM['booking.not_consecutive'], {}, 'offerIds');
    } else if (offers.length > 1) {
      throw new AppError(400, BM['booking.single_offer'], {}, 'offerIds');
    }
    const start = chinaInstant(first.day, first.startsMin);
    if (start <= now) {
      throw conflict(
        BM['booking.started'],
        { time: `${first.day} ${formatMinutes(first.startsMin)}` },
        { rule: 'booking.started' },
      );
    }
  }
  const first = offers[0]!;
  const last = offers[offers.length - 1]!;
  return {
    offers,
    offerIds: offers.map((o) => o.id),
    institutionId: first.institutionId,
    classId: first.classId,
    service: first.service as Service,
    form: first.form,
    firstDay: first.day,
    lastDay: last.day,
    startsMin: Math.min(...offers.map((o) => o.startsMin)),
    endsMin: Math.max(...offers.map((o) => o.endsMin)),
  };
}

/** The settings and class facts the member checks need, read once. */
export interface MemberFacts {
  classRules: ChildcareClassRules;
  classType: string;
  healthReportValidMonths: number;
}

/** The settings keys `MemberFacts` and `priceWith` read. */
export const BOOKING_SETTING_KEYS = [
  'childcare.class_rules',
  'childcare.health_report_valid_months',
  'meals.subsidy',
] as const;

/** 409 naming the rule when the member may not take these places (capacity aside). */
export async function checkMember(
  db: Executor,
  member: Member,
  r: Resolved,
  request: BookingRequest,
  institutionRegion: string,
  lang: Lang,
): Promise<void> {
  const childcare = r.service === 'childcare' && r.classId;
  const facts: MemberFacts = {
    classRules: childcare ? await classRulesFor(db, institutionRegion) : ({} as ChildcareClassRules),
    classType: childcare ? await classTypeOf(db, r.classId!) : '',
    healthReportValidMonths: childcare
      ? await getSetting(db, 'childcare.health_report_valid_months', member.regionCode ?? institutionRegion)
      : 0,
  };
  checkMemberWith(member, r, request, facts, lang);
}

/** `checkMember` on facts already read. */
export function checkMemberWith(
  member: Member,
  r: Resolved,
  request: BookingRequest,
  facts: MemberFacts,
  lang: Lang,
): void {
  const m = member.member;
  const name = m.name;
  const kinds = SERVICES[r.service].memberKinds as readonly MemberKind[];
  if (!kinds.includes(m.kind as MemberKind)) {
    throw conflict(
      BM['booking.member_kind'],
      {
        member: name,
        service: serviceName(r.service, lang),
        kind: kinds.map((k) => MEMBER_KIND_NAMES[k][lang]).join(' / '),
      },
      { rule: 'booking.member_kind' },
    );
  }
  if (r.service === 'meal' && !request.mealMode) {
    throw new AppError(400, BM['booking.meal_mode_required'], {}, 'mealMode');
  }
  if (r.service !== 'childcare' || !r.classId) return;
  const classType = facts.classType;
  const rule = facts.classRules[classType as ClassType];
  const age = ageInMonths(m.birthDate, r.firstDay);
  if (rule && (age < rule.minAgeMonths || age >= rule.maxAgeMonths)) {
    throw conflict(
      BM['booking.age'],
      {
        member: name,
        day: r.firstDay,
        ageMonths: age,
        classType: CLASS_TYPE_NAMES[classType as ClassType]?.[lang] ?? classType,
        min: rule.minAgeMonths,
        max: rule.maxAgeMonths,
      },
      { rule: 'booking.age' },
    );
  }
  if (!m.healthCheckOn)
    throw conflict(
      BM['booking.health_check_missing'],
      { member: name },
      { rule: 'booking.health_check_missing' },
    );
  if (m.healthCheckResult !== 'passed') {
    throw conflict(
      BM['booking.health_check_failed'],
      { member: name },
      { rule: 'booking.health_check_failed' },
    );
  }
  const months = facts.healthReportValidMonths;
  const validUntil = addMonths(m.healthCheckOn, months);
  if (validUntil < r.firstDay) {
    throw conflict(
      BM['booking.health_check_expired'],
      { member: name, validUntil, months, day: r.firstDay },
      { rule: 'booking.health_check_expired' },
    );
  }
  if (m.vaccinationStatus !== 'up_to_date') {
    throw conflict(BM['booking.vaccination'], { member: name }, { rule: 'booking.vaccination' });
  }
}

async function classTypeOf(db: Executor, classId: string): Promise<string> {
  const [row] = await db.select({ type: classes.type }).from(classes).where(eq(classes.id, classId));
  return row?.type ?? '';
}

/** Price, subsidy and amount due in fen for the places a booking takes. */
export async function priceOf(
  db: Executor,
  r: Resolved,
  member: Member,
  institutionRegion: string,
): Promise<{ priceCents: number; subsidyCents: number; dueCents: number }> {
  const bands =
    r.service === 'meal'
      ? await getSetting(db, 'meals.subsidy', member.regionCode ?? institutionRegion, r.firstDay)
      : [];
  return priceWith(r, member, bands);
}

/** `priceOf` with the region's meal subsidy bands already read (used for meals only). */
export function priceWith(
  r: Resolved,
  member: Member,
  mealBands: SettingValue<'meals.subsidy'>,
): { priceCents: number; subsidyCents: number; dueCents: number } {
  const pricing = formSpec(r.service, r.form)?.pricing ?? 'each';
  let price = 0;
  let subsidy = 0;
  if (pricing === 'month') {
    // A month's price, pro rata when the enrolment starts after the month's first care day.
    const { first, last } = monthRange(r.firstDay.slice(0, 7));
    const careDays = eachDay(first, last).filter(isWorkingDay).length || 1;
    const share = Math.min(1, r.offers.length / careDays);
    price = Math.round(r.offers[0]!.priceCents * share);
    subsidy = Math.round(r.offers[0]!.subsidyCents * share);
  } else {
    price = r.offers.reduce((sum, o) => sum + o.priceCents, 0);
    subsidy = r.offers.reduce((sum, o) => sum + o.subsidyCents, 0);
  }
  if (r.service === 'meal') {
    const bands = mealBands;
    const age = ageInYears(member.member.birthDate, r.firstDay);
    const band = [...bands].filter((b) => age >= b.minAge).sort((a, b) => b.amount - a.amount)[0];
    subsidy = band ? fen(band.amount) : 0;
  }
  subsidy = Math.min(subsidy, price);
  return { priceCents: price, subsidyCents: subsidy, dueCents: price - subsidy };
}
