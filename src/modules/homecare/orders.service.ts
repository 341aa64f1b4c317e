import type { Db } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, conflict, forbidden, outOfScope } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import { chinaToday } from '../../standards/working-days.js';
import { hasPermission } from '../accounts/roles.js';
import { assertRegionInScope, requireActor } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { drawsOf } from './entitlements.draw.js';
import {
  actsForProvider,
  assertProviderKind,
  isFamilyOf,
  isInstitutionUser,
  isResident,
  officialCovers,
  requireCaller,
  requireFound,
  requireProviderSide,
  WHAT,
} from './homecare.access.js';
import { ACTION_NAMES, HM, STATUS_NAMES } from './homecare.messages.js';
import { hhmm, presentOrder } from './homecare.presenter.js';
import * as menu from './menu.repo.js';
import * as repo from './orders.repo.js';
import type { CreateOrderInput, OrderListQuery, OrderView } from './orders.schema.js';

/** `day` plus `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** How far back an order may be dated (a visit recorded after the fact) and how far ahead. */
export const ORDER_DAYS_BACK = 7;
export const ORDER_DAYS_AHEAD = 90;

export function wrongStatus(kind: 'order' | 'visit', status: string, action: string, lang: Lang) {
  return conflict(
    HM[kind === 'order' ? 'order.wrong_status' : 'visit.wrong_status'],
    { status: STATUS_NAMES[status]?.[lang] ?? status, action: ACTION_NAMES[action]?.[lang] ?? action },
    { status, action },
  );
}

/** Present orders with the draws recorded for them. */
export async function presentOrders(db: Db, rows: repo.OrderDetail[], lang: Lang): Promise<OrderView[]> {
  const draws = await drawsOf(
    db,
    rows.map((r) => r.order.id),
  );
  return rows.map((r) => presentOrder(r, draws.get(r.order.id), lang));
}

export async function orderView(db: Db, id: string, lang: Lang): Promise<OrderView> {
  const row = requireFound(await repo.findOrderDetail(db, id), WHAT.order, lang);
  return (await presentOrders(db, [row], lang))[0]!;
}

/** Which way the caller may order for this person; throws when none. */
async function orderingSide(db: Db, actor: Actor, person: repo.PersonRow, providerId: string) {
  if (hasPermission(actor.role, 'homecare.order') && officialCovers(actor, person.regionCode)) {
    return { side: 'official' as const, source: 'community_worker' as const };
  }
  if (isInstitutionUser(actor)) {
    requireProviderSide(actor, providerId);
    if (!(await repo.isClientOf(db, person.id, providerId))) {
      throw new AppError(403, HM['order.not_own_client'], { name: person.name }, 'personId');
    }
    return { side: 'provider' as const, source: 'person' as const };
  }
  if (isResident(actor)) {
    if (!(await isFamilyOf(db, actor.id, person.idNumberIndex)))
      throw new AppError(403, HM['order.not_family']);
    return { side: 'family' as const, source: 'family' as const };
  }
  if (hasPermission(actor.role, 'homecare.order')) throw outOfScope(actor.regionCode);
  throw forbidden();
}

/**
 * Place an order: by an official with homecare.order for a person in their region, by a provider
 * for one of its own clients, or by a resident for an older person of their household. The item
 * must be on the menu where the person lives and offered by the provider (at its own price).
 */
export async function createOrder(db: Db, ctx: RequestContext, input: CreateOrderInput): Promise<OrderView> {
  const actor = requireActor(ctx.actor);
  const mayOrder =
    hasPermission(actor.role, 'homecare.order') ||
    hasPermission(actor.role, 'homecare.provide') ||
    isResident(actor);
  if (!mayOrder) throw forbidden();
  const person = requireFound(await repo.findPerson(db, input.personId), WHAT.person, ctx.lang);
  const { side, source } = await orderingSide(db, actor, person, input.providerId);
  if (person.status !== 'active') {
    throw conflict(HM['order.person_inactive'], {
      name: person.name,
      status: STATUS_NAMES[person.status]?.[ctx.lang] ?? person.status,
    });
  }
  const item = requireFound(await menu.findItem(db, input.itemId), WHAT.item, ctx.lang);
  const applies = (await menu.menuFor(db, person.regionCode)).some((i) => i.id === item.id);
  if (!applies) throw new AppError(400, HM['order.item_not_here'], { item: item.name }, 'itemId');
  const provider = requireFound(await menu.findInstitution(db, input.providerId), WHAT.provider, ctx.lang);
  assertProviderKind(provider);
  if (provider.status !== 'filed') throw conflict(HM['provider.not_filed'], { name: provider.name });
  const offered = await menu.findProviderItem(db, provider.id, item.id);
  if (!offered) {
    throw new AppError(
      400,
      HM['provider.item_not_offered'],
      { provider: provider.name, item: item.name },
      'itemId',
    );
  }
  const today = chinaToday();
  const [from, to] = [addDays(today, -ORDER_DAYS_BACK), addDays(today, ORDER_DAYS_AHEAD)];
  if (input.scheduledOn < from || input.scheduledOn > to) {
    throw new AppError(400, HM['order.day_out_of_range'], { from, to }, 'scheduledOn');
  }
  const startMin = input.startsAt
    ? Number(input.startsAt.slice(0, 2)) * 60 + Number(input.startsAt.slice(3))
    : null;
  const created = await mutate(db, ctx, async (tx, audit) => {
    const row = await repo.insertOrder(tx, {
      personId: person.id,
      regionCode: person.regionCode,
      itemId: item.id,
      providerId: provider.id,
      source: side === 'family' ? 'family' : (input.source ?? source),
      requestedBy: actor.id,
      scheduledOn: input.scheduledOn,
      scheduledStartMin: startMin,
      durationMinutes: item.durationMinutes,
      priceCents: offered.ownPriceCents ?? item.priceCents,
      notes: input.notes ?? null,
    });
    await audit({
      action: 'service_order.create',
      entityType: 'service_order',
      entityId: row.id,
      regionCode: person.regionCode,
      institutionId: provider.id,
      after: { ...row, side },
    });
    for (const accountId of await repo.institutionAdmins(tx, provider.id)) {
      await notify(tx, {
        accountId,
        kind: 'notify.order_received',
        params: { member: person.name, item: item.name, day: input.scheduledOn },
        entityType: 'service_order',
        entityId: row.id,
      });
    }
    return row;
  });
  return orderView(db, created.id, ctx.lang);
}

/** Send one of the provider's active staff (must belong to the provider) on the visit. */
export async function assignOrder(db: Db, ctx: RequestContext, id: string, caregiverId: string) {
  const actor = requireCaller(ctx, 'homecare.provide');
  const order = requireFound(await repo.findOrder(db, id), WHAT.order, ctx.lang);
  requireProviderSide(actor, order.providerId ?? '');
  const caregiver = await repo.findAccount(db, caregiverId);
  const valid =
    caregiver &&
    caregiver.institutionId === order.providerId &&
    caregiver.status === 'active' &&
    (caregiver.role === 'institution_staff' || caregiver.role === 'institution_admin');
  if (!valid) throw new AppError(400, HM['order.caregiver_invalid'], {}, 'caregiverId');
  await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.transitionOrder(tx, id, ['requested', 'assigned'], {
      caregiverId,
      status: 'assigned',
    });
    if (!after) throw wrongStatus('order', order.status, 'assign', ctx.lang);
    await audit({
      action: 'service_order.assign',
      entityType: 'service_order',
      entityId: id,
      regionCode: order.regionCode,
      institutionId: order.providerId,
      before: { status: order.status, caregiverId: order.caregiverId },
      after: { status: after.status, caregiverId },
    });
    const detail = (await repo.findOrderDetail(tx, id))!;
    await notify(tx, {
      accountId: caregiverId,
      kind: 'notify.visit_assigned',
      params: {
        member: detail.person.name,
        item: detail.item.name,
        day: order.scheduledOn,
        time: order.scheduledStartMin === null ? '' : ` ${hhmm(order.scheduledStartMin)}`,
      },
      entityType: 'service_order',
      entityId: id,
    });
  });
  return orderView(db, id, ctx.lang);
}

/** Cancel an order not yet started: whoever may order for the person, or the provider. */
export async function cancelOrder(db: Db, ctx: RequestContext, id: string, reason: string | null) {
  const actor = requireActor(ctx.actor);
  const mayCancel =
    hasPermission(actor.role, 'homecare.order') ||
    hasPermission(actor.role, 'homecare.provide') ||
    isResident(actor);
  if (!mayCancel) throw forbidden();
  const order = requireFound(await repo.findOrder(db, id), WHAT.order, ctx.lang);
  const person = (await repo.findPerson(db, order.personId))!;
  const allowed =
    (hasPermission(actor.role, 'homecare.order') && officialCovers(actor, order.regionCode)) ||
    actsForProvider(actor, order.providerId) ||
    (isResident(actor) && (await isFamilyOf(db, actor.id, person.idNumberIndex)));
  if (!allowed) {
    if (hasPermission(actor.role, 'homecare.order')) throw outOfScope(actor.regionCode);
    throw forbidden();
  }
  await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.transitionOrder(tx, id, ['requested', 'assigned'], { status: 'cancelled' });
    if (!after) throw wrongStatus('order', order.status, 'cancel', ctx.lang);
    await audit({
      action: 'service_order.cancel',
      entityType: 'service_order',
      entityId: id,
      regionCode: order.regionCode,
      institutionId: order.providerId,
      before: { status: order.status },
      after: { status: 'cancelled', reason },
    });
    if (order.caregiverId) {
      const detail = (await repo.findOrderDetail(tx, id))!;
      await notify(tx, {
        accountId: order.caregiverId,
        kind: 'notify.order_cancelled',
        params: { member: person.name, item: detail.item.name, day: order.scheduledOn },
        entityType: 'service_order',
        entityId: id,
      });
    }
  });
  return orderView(db, id, ctx.lang);
}

/** Which orders the caller sees: officials their region, providers their own, residents their family's. */
function orderScope(actor: Actor, q: OrderListQuery): repo.OrderScope {
  const official =
    hasPermission(actor.role, 'homecare.order') || hasPermission(actor.role, 'homecare.review');
  if (isInstitutionUser(actor)) {
    requireProviderSide(actor, actor.institutionId ?? '');
    return { kind: 'provider', providerId: actor.institutionId! };
  }
  if (isResident(actor)) return { kind: 'family', accountId: actor.id };
  if (!official) throw forbidden();
  if (q.regionCode) assertRegionInScope(actor, q.regionCode);
  return { kind: 'region', prefix: actor.regionCode };
}

/** Orders the caller may see, newest day first; reading older people's names is audited. */
export async function listOrders(db: Db, ctx: RequestContext, q: OrderListQuery) {
  const actor = requireActor(ctx.actor);
  const scope = orderScope(actor, q);
  const { items, total } = await repo.listOrders(db, scope, q);
  await mutate(db, ctx, (_tx, audit) =>
    audit({
      action: 'service_orders.read',
      entityType: 'service_order',
      regionCode: scope.kind === 'region' ? (q.regionCode ?? scope.prefix) : actor.regionCode,
      institutionId: scope.kind === 'provider' ? scope.providerId : null,
      after: { query: q, rows: items.length },
    }),
  );
  return { items: await presentOrders(db, items, ctx.lang), total, page: q.page, pageSize: q.pageSize };
}

/** The caregiver's day: orders assigned to them that day, and any visit of theirs still open. */
export async function myDay(db: Db, ctx: RequestContext, day?: string) {
  const actor = requireCaller(ctx, 'homecare.provide');
  const onDay = day ?? chinaToday();
  const items = await repo.caregiverDay(db, actor.id, onDay);
  await mutate(db, ctx, (_tx, audit) =>
    audit({
      action: 'service_orders.read',
      entityType: 'service_order',
      regionCode: actor.regionCode,
      institutionId: actor.institutionId,
      after: { query: { mine: true, day: onDay }, rows: items.length },
    }),
  );
  return { day: onDay, items: await presentOrders(db, items, ctx.lang) };
}
