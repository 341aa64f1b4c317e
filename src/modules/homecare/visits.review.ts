/**
 * After check-out: the family's (or a community worker's) confirmation with a rating, the
 * provider's explanation of an exception, civil affairs' review. Verified = completed without
 * exceptions and confirmed, or approved after review; only then is the visit drawn on the
 * person's entitlement, in the same transaction.
 */
import { isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, conflict, forbidden, outOfScope } from '../../server/errors.js';
import { hasPermission } from '../accounts/roles.js';
import { isRegionInScope, requireActor } from '../accounts/scope.js';
import { type AuditEntry, mutate } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { DRAW_ACTION, drawForOrder } from './entitlements.draw.js';
import {
  actsForProvider,
  isFamilyOf,
  isInstitutionUser,
  isResident,
  officialCovers,
  requireCaller,
  requireFound,
  requireProviderSide,
  WHAT,
} from './homecare.access.js';
import { HM } from './homecare.messages.js';
import { visits } from './homecare.table.js';
import * as orders from './orders.repo.js';
import { orderView, presentOrders, wrongStatus } from './orders.service.js';
import * as repo from './visits.repo.js';
import type { ConfirmInput, ReviewInput, VisitListQuery } from './visits.schema.js';

/** Load a visit with its order and person (404 when unknown). */
async function loadVisit(db: Db, ctx: RequestContext, id: string) {
  const visit = requireFound(await repo.findVisit(db, id), WHAT.visit, ctx.lang);
  const detail = (await orders.findOrderDetail(db, visit.orderId))!;
  const person = (await orders.findPerson(db, visit.personId))!;
  return { visit, detail, person };
}

/**
 * The visit counts now: draw it on the person's entitlement of the visit's month (conditional,
 * never below zero), record the draw, mark the order verified.
 */
async function verify(
  tx: Tx,
  audit: (entry: AuditEntry) => Promise<void>,
  visit: orders.VisitRow,
  detail: orders.OrderDetail,
): Promise<void> {
  const order = detail.order;
  const draw = await drawForOrder(
    tx,
    {
      id: order.id,
      personId: order.personId,
      priceCents: order.priceCents,
      durationMinutes: order.durationMinutes,
      itemCode: detail.item.code,
    },
    visit.day.slice(0, 7),
  );
  await orders.transitionOrder(tx, order.id, ['completed', 'exception'], { status: 'verified' });
  await audit({
    action: DRAW_ACTION,
    entityType: 'service_order',
    entityId: order.id,
    regionCode: order.regionCode,
    institutionId: order.providerId,
    after: draw,
  });
}

/** Who confirms: the person's family (household member with the same ID number) or a community worker of the area. */
async function confirmerKind(db: Db, actor: Actor, person: orders.PersonRow, regionCode: string) {
  if (isResident(actor) && (await isFamilyOf(db, actor.id, person.idNumberIndex))) return 'family' as const;
  if (actor.role === 'community_worker' && isRegionInScope(actor, regionCode))
    return 'community_worker' as const;
  throw new AppError(403, HM['visit.not_confirmer']);
}

/** Confirm a visit after check-out, with a rating: a completed visit becomes verified and is drawn. */
export async function confirmVisit(db: Db, ctx: RequestContext, id: string, input: ConfirmInput) {
  const actor = requireActor(ctx.actor);
  if (!isResident(actor) && actor.role !== 'community_worker')
    throw new AppError(403, HM['visit.not_confirmer']);
  const { visit, detail, person } = await loadVisit(db, ctx, id);
  const by = await confirmerKind(db, actor, person, detail.order.regionCode);
  if (visit.status === 'open') throw wrongStatus('visit', visit.status, 'confirm', ctx.lang);
  if (visit.confirmedAt) throw conflict(HM['visit.already_confirmed']);
  await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.transitionVisit(
      tx,
      id,
      ['completed', 'exception', 'approved', 'rejected'],
      {
        confirmedAt: new Date(),
        confirmedBy: by,
        rating: input.rating,
        ratingComment: input.comment ?? null,
        status: sql`case when ${visits.status} = 'completed' then 'verified' else ${visits.status} end`,
      },
      isNull(visits.confirmedAt),
    );
    if (!after) throw conflict(HM['visit.already_confirmed']);
    await audit({
      action: 'visit.confirm',
      entityType: 'visit',
      entityId: id,
      regionCode: detail.order.regionCode,
      institutionId: visit.providerId,
      before: { status: visit.status },
      after: { status: after.status, by, rating: input.rating, comment: input.comment ?? null },
    });
    if (after.status === 'verified') await verify(tx, audit, after, detail);
  });
  return orderView(db, visit.orderId, ctx.lang);
}

/** The provider explains an exception (the reason review needs); it may be rewritten until reviewed. */
export async function explainVisit(db: Db, ctx: RequestContext, id: string, reason: string) {
  const actor = requireCaller(ctx, 'homecare.provide');
  const { visit, detail } = await loadVisit(db, ctx, id);
  requireProviderSide(actor, visit.providerId);
  if (visit.status !== 'exception') throw wrongStatus('visit', visit.status, 'explain', ctx.lang);
  await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.transitionVisit(tx, id, ['exception'], { exceptionReason: reason });
    if (!after) throw wrongStatus('visit', visit.status, 'explain', ctx.lang);
    await audit({
      action: 'visit.explain',
      entityType: 'visit',
      entityId: id,
      regionCode: detail.order.regionCode,
      institutionId: visit.providerId,
      before: { reason: visit.exceptionReason },
      after: { reason },
    });
  });
  return orderView(db, visit.orderId, ctx.lang);
}

/**
 * Civil affairs (homecare.review, the person's region in scope) approves an explained exception
 * — the visit then counts and is drawn — or rejects it (held from payment).
 */
export async function reviewVisit(db: Db, ctx: RequestContext, id: string, input: ReviewInput) {
  const actor = requireCaller(ctx, 'homecare.review');
  const { visit, detail, person } = await loadVisit(db, ctx, id);
  if (!officialCovers(actor, detail.order.regionCode)) throw outOfScope(actor.regionCode);
  if (visit.status !== 'exception') throw wrongStatus('visit', visit.status, 'review', ctx.lang);
  if (input.decision === 'approve' && !visit.exceptionReason) throw conflict(HM['visit.reason_required']);
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.transitionVisit(tx, id, ['exception'], {
      status,
      reviewedBy: actor.id,
      reviewedAt: new Date(),
    });
    if (!after) throw wrongStatus('visit', visit.status, 'review', ctx.lang);
    await audit({
      action: `visit.${input.decision}`,
      entityType: 'visit',
      entityId: id,
      regionCode: detail.order.regionCode,
      institutionId: visit.providerId,
      before: { status: visit.status, exceptions: visit.exceptions, reason: visit.exceptionReason },
      after: { status, note: input.note ?? null },
    });
    if (status === 'approved') await verify(tx, audit, after, detail);
    const params = { member: person.name, item: detail.item.name, day: visit.day, note: input.note ?? '' };
    const told = new Set([visit.caregiverId, ...(await orders.institutionAdmins(tx, visit.providerId))]);
    for (const accountId of told) {
      await notify(tx, {
        accountId,
        kind: status === 'approved' ? 'notify.visit_approved' : 'notify.visit_rejected',
        params,
        entityType: 'visit',
        entityId: id,
      });
    }
  });
  return orderView(db, visit.orderId, ctx.lang);
}

/**
 * Visits by status (default: exceptions awaiting review), as their orders: civil affairs in
 * their region (review queue), providers their own (to explain). Reading is audited.
 */
export async function listVisits(db: Db, ctx: RequestContext, q: VisitListQuery) {
  const actor = requireActor(ctx.actor);
  let scope: orders.OrderScope;
  if (isInstitutionUser(actor)) {
    requireProviderSide(actor, actor.institutionId ?? '');
    scope = { kind: 'provider', providerId: actor.institutionId! };
  } else if (hasPermission(actor.role, 'homecare.review') || hasPermission(actor.role, 'homecare.order')) {
    if (q.regionCode && !isRegionInScope(actor, q.regionCode)) throw outOfScope(actor.regionCode);
    scope = { kind: 'region', prefix: actor.regionCode };
  } else {
    throw forbidden();
  }
  if (q.providerId && scope.kind === 'provider' && !actsForProvider(actor, q.providerId)) {
    throw outOfScope(actor.username);
  }
  const { items, total } = await repo.listVisitOrders(db, scope, q);
  await mutate(db, ctx, (_tx, audit) =>
    audit({
      action: 'visits.read',
      entityType: 'visit',
      regionCode: scope.kind === 'region' ? (q.regionCode ?? scope.prefix) : actor.regionCode,
      institutionId: scope.kind === 'provider' ? scope.providerId : null,
      after: { query: q, rows: items.length },
    }),
  );
  return { items: await presentOrders(db, items, ctx.lang), total, page: q.page, pageSize: q.pageSize };
}
