/**
 * Check-in and check-out of a door-to-door visit by the assigned caregiver, with the six elements
 * of electronic visit verification checked at check-out (visits.rules.ts).
 */
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, conflict, forbidden } from '../../server/errors.js';
import { mutate } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { getSetting } from '../settings/settings.service.js';
import { requireCaller, requireFound, WHAT } from './homecare.access.js';
import { EXCEPTION_NAMES, HM } from './homecare.messages.js';
import * as orders from './orders.repo.js';
import { ORDER_DAYS_BACK, orderView, wrongStatus } from './orders.service.js';
import * as repo from './visits.repo.js';
import { evaluateVisit, haversineMeters, type Stamp } from './visits.rules.js';
import type { StampInput } from './visits.schema.js';

/** Clock skew allowed between a phone and the server for a time recorded on the phone. */
const FUTURE_SKEW_MS = 2 * 60_000;

/** When and where: the time given (offline entries) or now, checked; a location needs both numbers. */
function stampOf(input: StampInput, now: Date): Stamp {
  const hasLat = input.lat !== undefined && input.lat !== null;
  const hasLng = input.lng !== undefined && input.lng !== null;
  if (hasLat !== hasLng) throw new AppError(400, HM['visit.location_pair'], {}, hasLat ? 'lng' : 'lat');
  const at = input.at ? new Date(input.at) : now;
  if (at.getTime() > now.getTime() + FUTURE_SKEW_MS)
    throw new AppError(400, HM['visit.time_future'], {}, 'at');
  if (at.getTime() < now.getTime() - ORDER_DAYS_BACK * 86_400_000) {
    throw new AppError(400, HM['visit.time_too_old'], { days: ORDER_DAYS_BACK }, 'at');
  }
  return { at, lat: hasLat ? input.lat! : null, lng: hasLng ? input.lng! : null };
}

const home = (p: { homeLat: number | null; homeLng: number | null }) =>
  p.homeLat !== null && p.homeLng !== null ? { lat: p.homeLat, lng: p.homeLng } : null;

const distanceTo = (p: { homeLat: number | null; homeLng: number | null }, s: Stamp) => {
  const h = home(p);
  return h && s.lat !== null && s.lng !== null
    ? Math.round(haversineMeters(h, { lat: s.lat, lng: s.lng }))
    : null;
};

/** Check in at the person's home: the visit starts (order `in_progress`). Only the assigned caregiver. */
export async function checkIn(
  db: Db,
  ctx: RequestContext,
  orderId: string,
  input: StampInput,
  now = new Date(),
) {
  const actor = requireCaller(ctx, 'homecare.provide');
  const order = requireFound(await orders.findOrder(db, orderId), WHAT.order, ctx.lang);
  if (order.caregiverId !== actor.id) throw new AppError(403, HM['visit.not_your_order']);
  if (order.status !== 'assigned') throw wrongStatus('order', order.status, 'check_in', ctx.lang);
  const stamp = stampOf(input, now);
  const detail = (await orders.findOrderDetail(db, orderId))!;
  const person = (await orders.findPerson(db, order.personId))!;
  const distanceM = distanceTo(person, stamp);
  await mutate(db, ctx, async (tx, audit) => {
    await repo.lockCaregiver(tx, actor.id);
    const open = await repo.findOpenVisit(tx, actor.id);
    if (open) throw conflict(HM['visit.already_open'], { person: open.personName }, { visitId: open.id });
    const started = await orders.transitionOrder(tx, orderId, ['assigned'], { status: 'in_progress' });
    if (!started) throw wrongStatus('order', order.status, 'check_in', ctx.lang);
    const visit = await repo.insertVisit(tx, {
      orderId,
      personId: order.personId,
      providerId: order.providerId!,
      caregiverId: actor.id,
      serviceType: detail.item.type,
      day: order.scheduledOn,
      checkInAt: stamp.at,
      checkInLat: stamp.lat,
      checkInLng: stamp.lng,
      checkInDistanceM: distanceM,
      status: 'open',
    });
    await audit({
      action: 'visit.check_in',
      entityType: 'visit',
      entityId: visit.id,
      regionCode: order.regionCode,
      institutionId: order.providerId,
      after: { orderId, at: stamp.at, lat: stamp.lat, lng: stamp.lng, distanceM, receivedAt: now },
    });
  });
  return orderView(db, orderId, ctx.lang);
}

/**
 * Check out: the six elements are checked and exceptions raised (distance beyond the region's
 * tolerance, a missing element, overlap with the caregiver's other visits, impossible travel
 * from or to the adjacent visit, shorter than half the item's duration). Without exceptions the
 * visit is `completed` and waits for the family's confirmation; with any it is an `exception`
 * that the provider explains and civil affairs reviews. The family and the provider are told.
 */
export async function checkOut(
  db: Db,
  ctx: RequestContext,
  visitId: string,
  input: StampInput,
  now = new Date(),
) {
  const actor = requireCaller(ctx, 'homecare.provide');
  const visit = requireFound(await repo.findVisit(db, visitId), WHAT.visit, ctx.lang);
  if (visit.caregiverId !== actor.id) throw forbidden();
  if (visit.status !== 'open') throw wrongStatus('visit', visit.status, 'check_out', ctx.lang);
  const stamp = stampOf(input, now);
  const checkInAt = visit.checkInAt!;
  if (stamp.at.getTime() <= checkInAt.getTime()) {
    throw new AppError(400, HM['visit.out_before_in'], { checkIn: checkInAt.toISOString() }, 'at');
  }
  const detail = (await orders.findOrderDetail(db, visit.orderId))!;
  const person = (await orders.findPerson(db, visit.personId))!;
  const region = person.regionCode;
  const rules = {
    toleranceM: await getSetting(db, 'visits.checkin_tolerance_m', region, visit.day),
    maxSpeedKmh: await getSetting(db, 'visits.max_speed_kmh', region, visit.day),
  };
  await mutate(db, ctx, async (tx, audit) => {
    await repo.lockCaregiver(tx, actor.id);
    const others = await repo.caregiverVisitsAround(tx, actor.id, visit.id, checkInAt, stamp.at);
    const evaluation = evaluateVisit(
      {
        id: visit.id,
        scheduledOn: visit.day,
        serviceType: visit.serviceType,
        personId: visit.personId,
        caregiverId: visit.caregiverId,
        home: home(person),
        checkIn: { at: checkInAt, lat: visit.checkInLat, lng: visit.checkInLng },
        checkOut: stamp,
        durationMinutes: detail.order.durationMinutes,
      },
      others.map((o) => ({
        id: o.id,
        checkIn: { at: o.checkInAt!, lat: o.checkInLat, lng: o.checkInLng },
        checkOut: o.checkOutAt ? { at: o.checkOutAt, lat: o.checkOutLat, lng: o.checkOutLng } : null,
      })),
      rules,
    );
    const status = evaluation.exceptions.length > 0 ? 'exception' : 'completed';
    const after = await repo.transitionVisit(tx, visit.id, ['open'], {
      checkOutAt: stamp.at,
      checkOutLat: stamp.lat,
      checkOutLng: stamp.lng,
      checkInDistanceM: evaluation.checkInDistanceM,
      checkOutDistanceM: evaluation.checkOutDistanceM,
      exceptions: evaluation.exceptions,
      status,
    });
    if (!after) throw wrongStatus('visit', visit.status, 'check_out', ctx.lang);
    await orders.transitionOrder(tx, visit.orderId, ['in_progress'], { status });
    await audit({
      action: 'visit.check_out',
      entityType: 'visit',
      entityId: visit.id,
      regionCode: detail.order.regionCode,
      institutionId: visit.providerId,
      after: { at: stamp.at, lat: stamp.lat, lng: stamp.lng, receivedAt: now, status, rules, ...evaluation },
    });
    const params = { member: person.name, item: detail.item.name, day: visit.day };
    for (const accountId of await orders.familyAccounts(tx, person.idNumberIndex)) {
      await notify(tx, {
        accountId,
        kind: 'notify.visit_to_confirm',
        params: { ...params, provider: detail.providerName ?? '' },
        entityType: 'visit',
        entityId: visit.id,
      });
    }
    if (status === 'exception') {
      const names = evaluation.exceptions.map((c) => EXCEPTION_NAMES[c]?.['zh-CN'] ?? c).join('、');
      for (const accountId of await orders.institutionAdmins(tx, visit.providerId)) {
        await notify(tx, {
          accountId,
          kind: 'notify.visit_exception',
          params: { ...params, exceptions: names },
          entityType: 'visit',
          entityId: visit.id,
        });
      }
    }
  });
  return orderView(db, visit.orderId, ctx.lang);
}
