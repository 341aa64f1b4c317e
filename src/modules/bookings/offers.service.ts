import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import { CLASS_TYPES, type ClassType } from '../../standards/childcare-classes.js';
import { isWorkingDay } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { classRulesFor, requireInstitution } from '../institutions/staffing.access.js';
import { getSetting } from '../settings/settings.service.js';
import { BM } from './bookings.messages.js';
import { eachDay, fen, yuan } from './days.js';
import * as repo from './offers.repo.js';
import type { OfferView, PatchOfferBody, PublishOffersInput } from './offers.schema.js';
import { formatMinutes, parseMinutes, withinDay } from './segments.js';
import { formName, formSpec, isFormOf, SERVICES, type Service } from './services.js';
import { promoteWaiting } from './waitlist.service.js';

const MAX_DAYS = 92;

/** Subsidy in fen the region pays on one unit of a childcare form at this institution. */
async function childcareSubsidy(
  db: Executor,
  institution: { regionCode: string; affordable: boolean },
  form: string,
  slotMinutes: number,
  day: string,
): Promise<number> {
  const rule = await getSetting(db, 'childcare.booking_subsidy', institution.regionCode, day);
  if (rule.affordableOnly && !institution.affordable) return 0;
  if (form === 'full_day') return fen(rule.full_day);
  if (form === 'half_day_am' || form === 'half_day_pm') return fen(rule.half_day);
  if (form === 'hourly') return fen((rule.hourly * slotMinutes) / 60);
  if (form === 'temporary') return fen(rule.temporary);
  return 0;
}

function defaultPrice(prices: Record<string, number>, form: string, slotMinutes: number): number {
  if (form === 'half_day_am' || form === 'half_day_pm') return prices.half_day ?? prices[form] ?? 0;
  if (form === 'hourly') return ((prices.hourly ?? 0) * slotMinutes) / 60;
  return prices[form] ?? 0;
}

/**
 * Publish places: one offer per care day of [from, to] (China's official calendar; rest days only
 * when asked) and per slot when `slotMinutes` is given. Childcare offers belong to a class, whose
 * class days are created with the limits in force and the carers rostered. Re-publishing updates.
 */
export async function publishOffers(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  input: PublishOffersInput,
) {
  const { institution: facts } = await requireInstitution(db, ctx, institutionId, 'bookings.manage');
  const institution = (await repo.findInstitution(db, facts.id))!;
  const service = input.service as Service;
  if (institution.status !== 'filed') throw conflict(BM['offer.not_filed']);
  if (!(SERVICES[service].institutionKinds as readonly string[]).includes(institution.kind)) {
    throw conflict(BM['offer.kind_not_offering'], { kind: institution.kind, service });
  }
  if (!isFormOf(service, input.form)) {
    throw new AppError(
      400,
      BM['offer.form_for_service'],
      {
        form: input.form,
        service,
        allowed: Object.keys(SERVICES[service].forms).join(', '),
      },
      'form',
    );
  }
  const startsMin = parseMinutes(input.startsAt)!;
  const endsMin = parseMinutes(input.endsAt)!;
  if (!withinDay(startsMin, endsMin)) throw new AppError(400, BM['offer.times'], {}, 'endsAt');
  const slotMinutes = input.slotMinutes ?? endsMin - startsMin;
  if ((endsMin - startsMin) % slotMinutes !== 0) {
    throw new AppError(400, BM['offer.slot_split'], { slotMinutes }, 'slotMinutes');
  }
  if (input.to < input.from) throw new AppError(400, BM['offer.times'], {}, 'to');
  const allDays = eachDay(input.from, input.to);
  if (allDays.length > MAX_DAYS) throw new AppError(400, BM['offer.range_too_long'], { max: MAX_DAYS }, 'to');

  let cls: Awaited<ReturnType<typeof repo.findClass>>;
  if (service === 'childcare') {
    if (!input.classId) throw new AppError(400, BM['offer.class_required'], {}, 'classId');
    cls = await repo.findClass(db, input.classId);
    if (!cls || cls.institutionId !== institution.id || cls.status !== 'active') throw notFound('class');
    if (input.capacity > cls.capacity) {
      throw new AppError(
        400,
        BM['offer.capacity_over_class'],
        { capacity: input.capacity, limit: cls.capacity },
        'capacity',
      );
    }
  } else if (input.classId) {
    throw new AppError(400, BM['offer.class_not_allowed'], {}, 'classId');
  }

  const skipped: { day: string; reason: string }[] = [];
  const days = allDays.filter((day) => {
    if (input.includeRestDays || isWorkingDay(day)) return true;
    skipped.push({ day, reason: 'rest_day' });
    return false;
  });
  const pricePerUnit =
    input.price !== undefined
      ? fen(formSpec(service, input.form)?.pricing === 'slot' ? input.price : input.price)
      : fen(defaultPrice(institution.prices, input.form, slotMinutes));
  const subsidy =
    service === 'childcare'
      ? Math.min(pricePerUnit, await childcareSubsidy(db, institution, input.form, slotMinutes, input.from))
      : 0;
  const rows: repo.NewOffer[] = [];
  for (const day of days) {
    for (let t = startsMin; t + slotMinutes <= endsMin; t += slotMinutes) {
      rows.push({
        institutionId: institution.id,
        classId: cls?.id ?? null,
        service,
        form: input.form,
        day,
        startsMin: t,
        endsMin: t + slotMinutes,
        capacity: input.capacity,
        priceCents: pricePerUnit,
        subsidyCents: subsidy,
        cutoffMinutes: input.cutoffMinutes ?? (input.form === 'hourly' ? 120 : 24 * 60),
        title: input.title ?? null,
        details: input.details ?? {},
      });
    }
  }
  const below = await repo.offersBelowTaken(db, rows);
  if (below.length > 0) {
    const b = below[0]!;
    throw conflict(BM['offer.capacity_below_taken'], {
      day: b.day,
      time: formatMinutes(b.startsMin),
      taken: b.taken,
    });
  }

  return mutate(db, ctx, async (tx, audit) => {
    if (cls && days.length > 0) {
      const rules = await classRulesFor(tx, institution.regionCode);
      const rule = rules[cls.type as ClassType] ?? rules[CLASS_TYPES[0]];
      const licensed = institution.childcareCapacity ?? institution.classCapacity ?? cls.capacity;
      await repo.upsertInstitutionDays(tx, institution.id, days, licensed);
      await repo.upsertClassDays(
        tx,
        {
          classId: cls.id,
          institutionId: institution.id,
          classType: cls.type,
          sizeLimit: Math.min(cls.capacity, rule.maxSize),
          childrenPerCarer: rule.childrenPerCarer,
          minAgeMonths: rule.minAgeMonths,
          maxAgeMonths: rule.maxAgeMonths,
        },
        await repo.rosteredCarersByDay(tx, cls.id, days),
      );
    }
    const counts = await repo.upsertOffers(tx, rows);
    await audit({
      action: 'offers.publish',
      entityType: 'institution',
      entityId: institution.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: { ...input, days: days.length, ...counts },
    });
    return { ...counts, skipped };
  });
}

export function presentOffer(
  row: repo.OfferRow,
  extra: { className: string | null; classType: string | null; waiting: number },
  lang: Lang,
): OfferView {
  return {
    id: row.id,
    institutionId: row.institutionId,
    classId: row.classId,
    className: extra.className,
    classType: extra.classType,
    service: row.service,
    form: row.form,
    formName: formName(row.service, row.form, lang),
    day: row.day,
    startsAt: formatMinutes(row.startsMin),
    endsAt: formatMinutes(row.endsMin),
    capacity: row.capacity,
    taken: row.taken,
    free: Math.max(0, row.capacity - row.taken),
    waiting: extra.waiting,
    price: yuan(row.priceCents),
    subsidy: yuan(row.subsidyCents),
    due: yuan(row.priceCents - row.subsidyCents),
    pricing: formSpec(row.service, row.form)?.pricing ?? 'each',
    cutoffMinutes: row.cutoffMinutes,
    title: row.title,
    details: row.details,
    status: row.status,
  };
}

type Query = { from: string; to: string; service?: string; form?: string; classId?: string };

function checkRange(q: Query) {
  if (q.to < q.from) throw badRequest('validation.format', { field: 'to', format: '≥ from' }, 'to');
  if (eachDay(q.from, q.to).length > MAX_DAYS)
    throw new AppError(400, BM['offer.range_too_long'], { max: MAX_DAYS }, 'to');
}

/** The institution's own view of its places (with the waitlist per offer). */
export async function listInstitutionOffers(db: Db, ctx: RequestContext, institutionId: string, q: Query) {
  await requireInstitution(db, ctx, institutionId, 'bookings.manage');
  checkRange(q);
  const rows = await repo.listOffers(db, { institutionId, ...q });
  return { items: rows.map((r) => presentOffer(r.offer, r, ctx.lang)) };
}

/** What a family sees before booking: open places of a filed institution with price and subsidy. */
export async function listPublicOffers(db: Db, ctx: RequestContext, institutionId: string, q: Query) {
  const institution = await repo.findInstitution(db, institutionId);
  if (institution?.status !== 'filed') throw notFound(ctx.lang === 'en' ? 'institution' : '机构');
  checkRange(q);
  const rows = await repo.listOffers(db, { institutionId, ...q, openOnly: true });
  const mealSubsidy =
    q.service === 'meal' || rows.some((r) => r.offer.service === 'meal')
      ? await getSetting(db, 'meals.subsidy', institution.regionCode)
      : undefined;
  return {
    items: rows.map((r) => presentOffer(r.offer, r, ctx.lang)),
    ...(mealSubsidy ? { mealSubsidy } : {}),
  };
}

export async function patchOffer(
  db: Db,
  ctx: RequestContext,
  offerId: string,
  body: z.infer<typeof PatchOfferBody>,
) {
  requirePermission(requireActor(ctx.actor), 'bookings.manage');
  const offer = await repo.findOffer(db, offerId);
  if (!offer) throw notFound(ctx.lang === 'en' ? 'offer' : '名额');
  const { institution } = await requireInstitution(db, ctx, offer.institutionId, 'bookings.manage');
  const view = await mutate(db, ctx, async (tx, audit) => {
    const locked = (await repo.lockOffer(tx, offerId))!;
    if (body.capacity !== undefined && body.capacity < locked.taken) {
      throw conflict(BM['offer.capacity_below_taken'], {
        day: locked.day,
        time: formatMinutes(locked.startsMin),
        taken: locked.taken,
      });
    }
    const row = await repo.updateOffer(tx, offerId, {
      ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
      ...(body.status ? { status: body.status } : {}),
      ...(body.price !== undefined ? { priceCents: fen(body.price) } : {}),
      ...(body.details ? { details: body.details } : {}),
    });
    await audit({
      action: 'offers.update',
      entityType: 'offer',
      entityId: offerId,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: locked,
      after: row,
    });
    return presentOffer(row, { className: null, classType: null, waiting: 0 }, ctx.lang);
  });
  // More room (or reopened): the waitlist is served before anyone else can book it.
  if ((body.capacity ?? 0) > offer.capacity || (body.status === 'open' && offer.status !== 'open')) {
    await promoteWaiting(db, { institutionId: offer.institutionId, days: [offer.day], offerIds: [offer.id] });
  }
  return view;
}
