import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { buildPerson } from '../../test/people.js';
import { assignedOrder, buildWorld, DAY, type World } from './homecare.fixtures.js';
import { addDays } from './orders.service.js';

let t: TestApp;
let w: World;
let sysadmin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  sysadmin = await t.login((await t.buildAccount({ role: 'sysadmin', regionCode: '' })).username);
});

const order = (c: TestClient, body: Record<string, unknown> = {}) =>
  c.post('/api/service-orders', {
    personId: w.personId,
    itemId: w.items.bath,
    providerId: w.providerId,
    scheduledOn: DAY,
    ...body,
  });

describe('the service menu', () => {
  it('shows the menu in force in a region, the most specific definition of a code winning', async () => {
    const national = await sysadmin.post('/api/service-items', {
      regionPrefix: '',
      code: 'ZJ-01',
      name: '助洁（全国）',
      type: 'cleaning',
      durationMinutes: 60,
      price: 50,
    });
    expect(national.statusCode, national.body).toBe(201);
    const changan = (await w.worker.get('/api/service-items?regionCode=130102001001')).json().items;
    expect(changan.map((i: { code: string }) => i.code).sort()).toEqual(['TF-01', 'ZJ-01', 'ZY-01']);
    expect(changan.find((i: { code: string }) => i.code === 'ZJ-01')).toMatchObject({
      price: 100,
      regionPrefix: '130102',
    });
    const qiaoxi = (await w.qiaoxi.get('/api/service-items')).json().items;
    expect(qiaoxi).toEqual([expect.objectContaining({ code: 'ZJ-01', price: 50, regionPrefix: '' })]);
    expect((await t.anonymous.get('/api/service-items')).statusCode).toBe(401);
  });

  it('refuses a taken code, a package without its name, a region outside scope, a caller without permission', async () => {
    const body = {
      regionPrefix: '130102',
      code: 'ZY-01',
      name: 'x',
      type: 'bathing',
      durationMinutes: 30,
      price: 1,
    };
    const taken = await w.county.post('/api/service-items', body);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('menu.code_taken');
    const pkg = await w.county.post('/api/service-items', { ...body, code: 'PK-1', category: 'package' });
    expect(pkg.statusCode).toBe(400);
    expect(pkg.json().error.field).toBe('packageName');
    expect((await w.qiaoxi.post('/api/service-items', { ...body, code: 'Q-1' })).statusCode).toBe(403);
    expect((await w.township.post('/api/service-items', { ...body, code: 'T-1' })).statusCode).toBe(403);
    const cents = await w.county.post('/api/service-items', { ...body, code: 'C-1', price: 1.005 });
    expect(cents.statusCode).toBe(400);
    expect(cents.json().error.field).toBe('price');
  });

  it('changes and retires an item in scope only', async () => {
    const created = (
      await w.county.post('/api/service-items', {
        regionPrefix: '130102',
        code: 'DB-01',
        name: '代办',
        type: 'errand',
        durationMinutes: 30,
        price: 15,
      })
    ).json();
    expect((await w.qiaoxi.patch(`/api/service-items/${created.id}`, { price: 1 })).statusCode).toBe(403);
    const changed = await w.county.patch(`/api/service-items/${created.id}`, {
      price: 18,
      status: 'retired',
    });
    expect(changed.json()).toMatchObject({ price: 18, status: 'retired' });
    const active = (await w.county.get('/api/service-items?regionCode=130102')).json().items;
    expect(active.some((i: { code: string }) => i.code === 'DB-01')).toBe(false);
    const all = (await w.county.get('/api/service-items?regionCode=130102&status=all')).json().items;
    expect(all.some((i: { code: string }) => i.code === 'DB-01')).toBe(true);
  });
});

describe("providers' items and caregivers", () => {
  it("lists a provider's items with the menu price and its own", async () => {
    const res = await w.family.get(`/api/providers/${w.providerId}/items`);
    expect(res.statusCode).toBe(200);
    const bath = res.json().items.find((i: { code: string }) => i.code === 'ZY-01');
    expect(bath).toMatchObject({ price: 90, menuPrice: 80, ownPrice: 90 });
    const clean = res.json().items.find((i: { code: string }) => i.code === 'ZJ-01');
    expect(clean).toMatchObject({ price: 100, ownPrice: null });
  });

  it('takes items only from the menu where the provider sits, only from its own users, only elderly kinds', async () => {
    const foreign = await w.qiaoxiAdmin.request({
      method: 'PUT',
      url: `/api/providers/${w.qiaoxiProviderId}/items`,
      payload: { items: [{ itemId: w.items.bath }] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('items.0.itemId');
    const other = await w.qiaoxiAdmin.request({
      method: 'PUT',
      url: `/api/providers/${w.providerId}/items`,
      payload: { items: [] },
    });
    expect(other.statusCode).toBe(403);
    const childcare = await t.buildInstitution({ kind: 'childcare_centre' });
    const admin = await t.login(
      (
        await t.buildAccount({
          role: 'institution_admin',
          regionCode: '130102001001',
          institutionId: childcare.id,
        })
      ).username,
    );
    const notElderly = await admin.request({
      method: 'PUT',
      url: `/api/providers/${childcare.id}/items`,
      payload: { items: [] },
    });
    expect(notElderly.statusCode).toBe(400);
    expect(notElderly.json().error.code).toBe('provider.not_elderly');
  });

  it('lists providers in scope and caregivers to its own users', async () => {
    const providers = (await w.county.get(`/api/providers?itemId=${w.items.bath}`)).json().items;
    expect(providers).toEqual([expect.objectContaining({ id: w.providerId, itemCount: 3 })]);
    // A community worker picks from the county's providers (the provider sits in another community).
    const forWorker = (await w.worker.get('/api/providers')).json().items.map((p: { id: string }) => p.id);
    expect(forWorker).toContain(w.providerId);
    expect(forWorker).not.toContain(w.qiaoxiProviderId);
    expect((await w.worker.get('/api/providers?regionCode=130104')).statusCode).toBe(403);
    expect((await w.family.get('/api/providers')).statusCode).toBe(403);
    expect((await w.health.get('/api/providers')).statusCode).toBe(403);
    const carers = (await w.providerAdmin.get(`/api/providers/${w.providerId}/caregivers`)).json().items;
    expect(carers.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([w.carerId, w.carer2Id]));
    expect(carers).toHaveLength(3);
    expect((await w.qiaoxiAdmin.get(`/api/providers/${w.providerId}/caregivers`)).statusCode).toBe(403);
  });
});

describe('orders', () => {
  it('a community worker orders for a person of the area, at the provider’s own price', async () => {
    const res = await order(w.worker, { startsAt: '09:30', notes: '需带防滑垫' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'requested',
      source: 'community_worker',
      price: 90,
      durationMinutes: 60,
      startsAt: '09:30',
      scheduledOn: DAY,
      person: { id: w.personId, name: '王奶奶', homeKnown: true },
      item: { code: 'ZY-01', type: 'bathing' },
      providerName: expect.any(String),
      subsidy: null,
      visit: null,
    });
  });

  it('refuses people outside the area, callers without permission, items not offered, days out of range', async () => {
    expect((await order(w.worker, { personId: w.qiaoxiPersonId })).statusCode).toBe(403);
    expect((await order(w.health)).statusCode).toBe(403);
    const errand = (
      await w.county.post('/api/service-items', {
        regionPrefix: '130102',
        code: 'XZ-01',
        name: '心理慰藉',
        type: 'emotional',
        durationMinutes: 30,
        price: 30,
      })
    ).json().id;
    const notOffered = await order(w.worker, { itemId: errand });
    expect(notOffered.statusCode).toBe(400);
    expect(notOffered.json().error).toMatchObject({ code: 'provider.item_not_offered', field: 'itemId' });
    const old = await order(w.worker, { scheduledOn: addDays(DAY, -30) });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.field).toBe('scheduledOn');
    const gone = await buildPerson(t, { status: 'deceased' });
    expect((await order(w.worker, { personId: gone.id })).statusCode).toBe(409);
  });

  it('a resident orders for an older person of the household (same ID number), no one else', async () => {
    const own = await order(w.family, { source: 'community_worker' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().source).toBe('family');
    const stranger = await order(w.stranger);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe('order.not_family');
  });

  it('a provider orders for its own clients only', async () => {
    expect((await order(w.providerAdmin)).statusCode).toBe(201);
    const newcomer = await order(w.providerAdmin, { personId: w.person2Id });
    expect(newcomer.statusCode).toBe(403);
    expect(newcomer.json().error.code).toBe('order.not_own_client');
    expect((await order(w.qiaoxiAdmin)).statusCode).toBe(403);
  });

  it("assigns an active caregiver of the provider; the caregiver's day lists it and they are told", async () => {
    const id = (await order(w.worker)).json().id;
    expect(
      (await w.qiaoxiAdmin.post(`/api/service-orders/${id}/assign`, { caregiverId: w.carerId })).statusCode,
    ).toBe(403);
    const otherCarer = await t.buildAccount({
      role: 'institution_staff',
      regionCode: '130104001001',
      institutionId: w.qiaoxiProviderId,
    });
    const wrong = await w.providerAdmin.post(`/api/service-orders/${id}/assign`, {
      caregiverId: otherCarer.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('caregiverId');
    const assigned = await w.providerAdmin.post(`/api/service-orders/${id}/assign`, {
      caregiverId: w.carer2Id,
    });
    expect(assigned.json()).toMatchObject({ status: 'assigned', caregiverId: w.carer2Id });
    const mine = (await w.carer2.get(`/api/service-orders/mine?day=${DAY}`)).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toContain(id);
    const others = (await w.carer.get(`/api/service-orders/mine?day=${DAY}`)).json();
    expect(others.items.map((o: { id: string }) => o.id)).not.toContain(id);
    const inbox = (await w.carer2.get('/api/notifications')).json().items;
    expect(
      inbox.some(
        (n: { kind: string; entityId: string }) => n.kind === 'notify.visit_assigned' && n.entityId === id,
      ),
    ).toBe(true);
    expect((await w.worker.get('/api/service-orders/mine')).statusCode).toBe(403);
  });

  it('the family cancels an order not yet started; a second cancel is refused', async () => {
    const id = await assignedOrder(w);
    expect((await w.stranger.post(`/api/service-orders/${id}/cancel`, {})).statusCode).toBe(403);
    const cancelled = await w.family.post(`/api/service-orders/${id}/cancel`, { reason: '住院' });
    expect(cancelled.json().status).toBe('cancelled');
    const again = await w.family.post(`/api/service-orders/${id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('order.wrong_status');
  });

  it('lists orders by scope: officials their region, providers their own, residents their family; reads audited', async () => {
    const county = (await w.county.get('/api/service-orders?pageSize=200')).json();
    expect(county.total).toBeGreaterThan(3);
    expect((await w.qiaoxi.get('/api/service-orders')).json().total).toBe(0);
    expect((await w.qiaoxi.get('/api/service-orders?regionCode=130102')).statusCode).toBe(403);
    const family = (await w.family.get('/api/service-orders?pageSize=200')).json();
    expect(family.items.every((o: { person: { id: string } }) => o.person.id === w.personId)).toBe(true);
    expect((await w.stranger.get('/api/service-orders')).json().total).toBe(0);
    expect((await w.qiaoxiAdmin.get('/api/service-orders')).json().total).toBe(0);
    expect((await w.providerAdmin.get('/api/service-orders')).json().total).toBe(county.total);
    expect((await w.health.get('/api/service-orders')).statusCode).toBe(403);
    const phone = county.items[0].person.phone;
    expect(phone === null || phone.includes('****')).toBe(true);
    const audited = (await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'service_orders.read'`,
    )) as unknown as { rows: { n: number }[] };
    expect(audited.rows[0]!.n).toBeGreaterThan(0);
  });
});
