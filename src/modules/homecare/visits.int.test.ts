import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildPerson } from '../../test/people.js';
import { entitlements } from '../programs/programs.table.js';
import {
  assignedOrder,
  at,
  buildWorld,
  DAY,
  entitle,
  HOME,
  MONTH,
  north,
  visit,
  type World,
} from './homecare.fixtures.js';
import { addDays } from './orders.service.js';

let t: TestApp;
let w: World;
let quota: { entitlementId: string; programId: string };
let allowance: { entitlementId: string };
/** A person living 30 km north of the others. */
let farPersonId: string;
const FAR = north(30_000);
const ids: Record<string, { orderId: string; visitId: string }> = {};

const used = async (entitlementId: string) => {
  const [row] = await t.database.db.select().from(entitlements).where(eq(entitlements.id, entitlementId));
  return { cents: row!.usedCents, minutes: row!.usedMinutes };
};
const codes = (order: { visit: { exceptions: { code: string }[] } }) =>
  order.visit.exceptions.map((e) => e.code);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  quota = await entitle(
    t,
    w.personId,
    { kind: 'service_quota', minutesPerMonth: 120 },
    { quotaMinutes: 120 },
  );
  allowance = await entitle(
    t,
    w.person2Id,
    { kind: 'monthly_amount', amountCents: 3000 },
    { amountCents: 3000 },
  );
  farPersonId = (await buildPerson(t, { name: '孙爷爷', homeLat: FAR.lat, homeLng: FAR.lng })).id;
});

describe('the happy path', () => {
  it('check-in and check-out at the home make a completed visit; the family is asked to confirm', async () => {
    const orderId = await assignedOrder(w);
    const inRes = await w.carer.post(`/api/service-orders/${orderId}/check-in`, {
      ...north(20),
      at: at('09:00'),
    });
    expect(inRes.statusCode, inRes.body).toBe(201);
    expect(inRes.json()).toMatchObject({
      status: 'in_progress',
      visit: { status: 'open', checkIn: { distanceM: 20 } },
    });
    const visitId = inRes.json().visit.id;
    const out = await w.carer.post(`/api/visits/${visitId}/check-out`, { ...north(30), at: at('10:00') });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({
      status: 'completed',
      subsidy: null,
      visit: {
        status: 'completed',
        minutes: 60,
        exceptions: [],
        checkOut: { distanceM: 30 },
        verified: false,
      },
    });
    ids.happy = { orderId, visitId };
    const inbox = (await w.family.get('/api/notifications')).json().items;
    expect(inbox.some((n: { kind: string }) => n.kind === 'notify.visit_to_confirm')).toBe(true);
  });

  it('the family confirms with a rating: verified, drawn on the quota in minutes, the subsidy on the order', async () => {
    expect(
      (await w.stranger.post(`/api/visits/${ids.happy!.visitId}/confirm`, { rating: 5 })).statusCode,
    ).toBe(403);
    expect((await w.health.post(`/api/visits/${ids.happy!.visitId}/confirm`, { rating: 5 })).statusCode).toBe(
      403,
    );
    const res = await w.family.post(`/api/visits/${ids.happy!.visitId}/confirm`, {
      rating: 5,
      comment: '很细心',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'verified',
      price: 90,
      subsidy: 90,
      own: 0,
      programId: quota.programId,
      visit: {
        status: 'verified',
        verified: true,
        rating: 5,
        ratingComment: '很细心',
        confirmedBy: 'family',
      },
    });
    expect(await used(quota.entitlementId)).toEqual({ cents: 0, minutes: 60 });
    const again = await w.worker.post(`/api/visits/${ids.happy!.visitId}/confirm`, { rating: 3 });
    expect(again.statusCode).toBe(409);
    expect(await used(quota.entitlementId)).toEqual({ cents: 0, minutes: 60 });
  });

  it('a community worker confirms; an allowance covers part of the price, the person pays the rest', async () => {
    const orderId = await assignedOrder(w, { personId: w.person2Id, itemId: w.items.clean });
    // 120-minute cleaning, 60 minutes: exactly half is long enough.
    const done = await visit(w.carer, orderId, { ...HOME, at: at('10:30') }, { ...HOME, at: at('11:30') });
    expect(codes(done.order)).toEqual([]);
    ids.overlapped = { orderId, visitId: done.visitId };
    const res = await w.worker.post(`/api/visits/${done.visitId}/confirm`, { rating: 4 });
    expect(res.json()).toMatchObject({ status: 'verified', price: 100, subsidy: 30, own: 70 });
    expect(res.json().visit.confirmedBy).toBe('community_worker');
    expect(await used(allowance.entitlementId)).toEqual({ cents: 3000, minutes: 0 });
  });
});

describe('exceptions at check-out', () => {
  it('overlap: a visit sharing time with another of the caregiver', async () => {
    const orderId = await assignedOrder(w, { itemId: w.items.bath });
    const { order, visitId } = await visit(
      w.carer,
      orderId,
      { ...HOME, at: at('11:00') },
      { ...HOME, at: at('12:00') },
    );
    expect(codes(order)).toEqual(['overlap']);
    expect(order.status).toBe('exception');
    ids.overlap = { orderId, visitId };
  });

  it('distance: check-in beyond the tolerance (150 m > 100 m); the provider is told', async () => {
    const orderId = await assignedOrder(w, { itemId: w.items.visit });
    const { order, visitId } = await visit(
      w.carer,
      orderId,
      { ...north(150), at: at('13:00') },
      { ...north(20), at: at('13:30') },
    );
    expect(codes(order)).toEqual(['distance']);
    expect(order.visit.checkIn.distanceM).toBe(150);
    expect(order.visit.exceptions[0].message).toContain('150');
    ids.distance = { orderId, visitId };
    const inbox = (await w.providerAdmin.get('/api/notifications')).json().items;
    expect(
      inbox.some(
        (n: { kind: string; entityId: string }) =>
          n.kind === 'notify.visit_exception' && n.entityId === visitId,
      ),
    ).toBe(true);
  });

  it('missing_element: no location from the phone', async () => {
    const orderId = await assignedOrder(w, { personId: w.person2Id, itemId: w.items.visit });
    const { order, visitId } = await visit(
      w.carer,
      orderId,
      { lat: null, lng: null, at: at('15:00') },
      { ...HOME, at: at('15:30') },
    );
    expect(codes(order)).toEqual(['missing_element']);
    expect(order.visit.exceptions[0].message).toContain('位置');
    ids.missing = { orderId, visitId };
  });

  it('missing_element: checked in on another day than the order', async () => {
    const orderId = await assignedOrder(w, { itemId: w.items.visit, caregiverId: w.carer2Id });
    const yesterday = addDays(DAY, -1);
    const { order } = await visit(
      w.carer2,
      orderId,
      { ...HOME, at: at('10:00', yesterday) },
      { ...HOME, at: at('10:40', yesterday) },
    );
    expect(codes(order)).toEqual(['missing_element']);
    expect(order.visit.exceptions[0].message).toContain('服务日期');
  });

  it('impossible_travel: 30 km from the previous visit in 20 minutes (90 km/h > 40 km/h)', async () => {
    const first = await assignedOrder(w, {
      personId: farPersonId,
      itemId: w.items.visit,
      caregiverId: w.carer2Id,
    });
    const away = await visit(w.carer2, first, { ...FAR, at: at('08:00') }, { ...FAR, at: at('09:00') });
    expect(codes(away.order)).toEqual([]);
    const second = await assignedOrder(w, { itemId: w.items.visit, caregiverId: w.carer2Id });
    const { order } = await visit(
      w.carer2,
      second,
      { ...HOME, at: at('09:20') },
      { ...HOME, at: at('10:00') },
    );
    expect(codes(order)).toEqual(['impossible_travel']);
  });

  it('too_short: less than half the item’s duration', async () => {
    const orderId = await assignedOrder(w, {
      personId: w.person2Id,
      itemId: w.items.bath,
      caregiverId: w.carer2Id,
    });
    const { order, visitId } = await visit(
      w.carer2,
      orderId,
      { ...HOME, at: at('14:00') },
      { ...HOME, at: at('14:29') },
    );
    expect(codes(order)).toEqual(['too_short']);
    ids.short = { orderId, visitId };
  });
});

describe('check-in and check-out refusals', () => {
  it('only the assigned caregiver, one open visit at a time, times in the past week, location in pairs', async () => {
    const orderId = await assignedOrder(w, { itemId: w.items.visit });
    const post = (c = w.carer, body: Record<string, unknown> = {}) =>
      c.post(`/api/service-orders/${orderId}/check-in`, { ...HOME, at: at('17:00'), ...body });
    expect((await post(w.carer2)).statusCode).toBe(403);
    expect((await post(w.county)).statusCode).toBe(403);
    const future = await post(w.carer, { at: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('visit.time_future');
    expect((await post(w.carer, { at: at('10:00', addDays(DAY, -8)) })).statusCode).toBe(400);
    const half = await post(w.carer, { lng: null });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.field).toBe('lng');
    const inRes = await post();
    expect(inRes.statusCode).toBe(201);
    expect((await post()).statusCode).toBe(409);
    const other = await assignedOrder(w, { personId: w.person2Id, itemId: w.items.visit });
    const busy = await w.carer.post(`/api/service-orders/${other}/check-in`, { ...HOME, at: at('17:10') });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('visit.already_open');
    const visitId = inRes.json().visit.id;
    expect((await w.family.post(`/api/visits/${visitId}/confirm`, { rating: 5 })).statusCode).toBe(409);
    expect(
      (await w.carer2.post(`/api/visits/${visitId}/check-out`, { ...HOME, at: at('17:40') })).statusCode,
    ).toBe(403);
    const early = await w.carer.post(`/api/visits/${visitId}/check-out`, { ...HOME, at: at('16:59') });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('visit.out_before_in');
    expect(
      (await w.carer.post(`/api/visits/${visitId}/check-out`, { ...HOME, at: at('17:30') })).statusCode,
    ).toBe(200);
    expect(
      (await w.carer.post(`/api/visits/${visitId}/check-out`, { ...HOME, at: at('17:31') })).statusCode,
    ).toBe(409);
  });
});

describe('explain and review', () => {
  it('an exception cannot be approved before the provider explains it', async () => {
    const res = await w.township.post(`/api/visits/${ids.distance!.visitId}/review`, { decision: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('visit.reason_required');
  });

  it('only the provider explains; only civil affairs over the person’s region reviews', async () => {
    const id = ids.distance!.visitId;
    expect((await w.qiaoxiAdmin.post(`/api/visits/${id}/explain`, { reason: '定位漂移' })).statusCode).toBe(
      403,
    );
    expect((await w.county.post(`/api/visits/${id}/explain`, { reason: '定位漂移' })).statusCode).toBe(403);
    const explained = await w.providerAdmin.post(`/api/visits/${id}/explain`, {
      reason: '老人在楼下花园，定位漂移',
    });
    expect(explained.json().visit.exceptionReason).toBe('老人在楼下花园，定位漂移');
    expect((await w.qiaoxi.post(`/api/visits/${id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await w.health.post(`/api/visits/${id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await w.worker.post(`/api/visits/${id}/review`, { decision: 'approve' })).statusCode).toBe(403);
  });

  it('the review queue lists exceptions in scope', async () => {
    const queue = (await w.county.get('/api/visits?status=exception&pageSize=200')).json();
    const visitIds = queue.items.map((o: { visit: { id: string } }) => o.visit.id);
    expect(visitIds).toEqual(
      expect.arrayContaining([ids.distance!.visitId, ids.missing!.visitId, ids.overlap!.visitId]),
    );
    expect(visitIds).not.toContain(ids.happy!.visitId);
    expect((await w.qiaoxi.get('/api/visits')).json().total).toBe(0);
    expect((await w.providerAdmin.get('/api/visits')).json().total).toBe(queue.total);
    expect((await w.family.get('/api/visits')).statusCode).toBe(403);
    const month = (await w.county.get(`/api/visits?status=all&month=${MONTH}&pageSize=200`)).json();
    expect(month.items.map((o: { visit: { id: string } }) => o.visit.id)).toContain(ids.happy!.visitId);
    const other = addDays(`${MONTH}-01`, -1).slice(0, 7);
    const before = (await w.county.get(`/api/visits?status=all&month=${other}`)).json();
    expect(before.items.map((o: { visit: { day: string } }) => o.visit.day.slice(0, 7))).not.toContain(MONTH);
  });

  it('approve after explanation: the visit counts and is drawn (30 minutes of the quota)', async () => {
    const res = await w.township.post(`/api/visits/${ids.distance!.visitId}/review`, {
      decision: 'approve',
      note: '核实属实',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'verified',
      subsidy: 20,
      own: 0,
      visit: { status: 'approved', verified: true },
    });
    expect(await used(quota.entitlementId)).toEqual({ cents: 0, minutes: 90 });
    const again = await w.township.post(`/api/visits/${ids.distance!.visitId}/review`, {
      decision: 'reject',
    });
    expect(again.statusCode).toBe(409);
    const inbox = (await w.carer.get('/api/notifications')).json().items;
    expect(inbox.some((n: { kind: string }) => n.kind === 'notify.visit_approved')).toBe(true);
  });

  it('reject: the visit is held and nothing is drawn; the caregiver is told', async () => {
    await w.providerAdmin.post(`/api/visits/${ids.missing!.visitId}/explain`, { reason: '手机没电' });
    const res = await w.county.post(`/api/visits/${ids.missing!.visitId}/review`, {
      decision: 'reject',
      note: '无法核实',
    });
    expect(res.json()).toMatchObject({
      status: 'exception',
      subsidy: null,
      visit: { status: 'rejected', verified: false },
    });
    expect(await used(allowance.entitlementId)).toEqual({ cents: 3000, minutes: 0 });
    const inbox = (await w.carer.get('/api/notifications')).json().items;
    expect(inbox.some((n: { kind: string }) => n.kind === 'notify.visit_rejected')).toBe(true);
  });

  it('an exhausted entitlement is never taken below zero: the person pays all', async () => {
    await w.providerAdmin.post(`/api/visits/${ids.short!.visitId}/explain`, {
      reason: '老人身体不适提前结束',
    });
    const res = await w.county.post(`/api/visits/${ids.short!.visitId}/review`, { decision: 'approve' });
    expect(res.json()).toMatchObject({ status: 'verified', price: 90, subsidy: 0, own: 90 });
    expect(await used(allowance.entitlementId)).toEqual({ cents: 3000, minutes: 0 });
  });

  it('a family confirmation of an exception records the rating but does not verify it', async () => {
    const res = await w.family.post(`/api/visits/${ids.overlap!.visitId}/confirm`, { rating: 2 });
    expect(res.json()).toMatchObject({ status: 'exception', visit: { status: 'exception', rating: 2 } });
    expect(await used(quota.entitlementId)).toEqual({ cents: 0, minutes: 90 });
  });
});
