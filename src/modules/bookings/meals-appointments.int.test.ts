import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { buildFamily, careDayAhead } from '../../test/bookings.js';
import { seedTestRegions } from '../../test/regions.js';

let t: TestApp;
let mealAdmin: TestClient;
let mealPointId: string;
let day: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  mealPointId = (await t.buildInstitution({ kind: 'meal_point', name: '建北助餐点' })).id;
  const admin = await t.buildAccount({
    role: 'institution_admin',
    institutionId: mealPointId,
    regionCode: '130102001001',
  });
  mealAdmin = await t.login(admin.username);
  day = careDayAhead(4);
  const res = await mealAdmin.post(`/api/institutions/${mealPointId}/offers`, {
    service: 'meal',
    form: 'lunch',
    from: day,
    to: day,
    startsAt: '11:30',
    endsAt: '12:30',
    capacity: 2,
    price: 15,
    details: { dishes: ['红烧鸡块', '清炒时蔬'] },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

async function lunchOffer() {
  const res = await t.anonymous.get(
    `/api/public/institutions/${mealPointId}/offers?from=${day}&to=${day}&service=meal`,
  );
  expect(res.statusCode).toBe(200);
  return res.json() as {
    items: { id: string; price: number; details: { dishes: string[] }; free: number }[];
    mealSubsidy: { minAge: number; amount: number }[];
  };
}

describe('community meals', () => {
  it('shows the menu, price and the age bands of the subsidy before ordering', async () => {
    const list = await lunchOffer();
    expect(list.items[0]).toMatchObject({
      price: 15,
      details: { dishes: ['红烧鸡块', '清炒时蔬'] },
      free: 2,
    });
    expect(list.mealSubsidy).toEqual([
      { minAge: 60, amount: 2 },
      { minAge: 80, amount: 4 },
      { minAge: 90, amount: 6 },
    ]);
  });

  it('an older resident orders with the subsidy of their age band; a child may not; mode is required', async () => {
    const offerId = (await lunchOffer()).items[0]!.id;
    const family = await buildFamily(t, day, { olderAgeYears: 82 });
    const noMode = await family.client.post('/api/bookings', {
      memberId: family.olderId,
      offerIds: [offerId],
    });
    expect(noMode.statusCode).toBe(400);
    expect(noMode.json().error.field).toBe('mealMode');
    const child = await family.client.post('/api/bookings', {
      memberId: family.childId,
      offerIds: [offerId],
      mealMode: 'eat_in',
    });
    expect(child.statusCode).toBe(409);
    expect(child.json().error.code).toBe('booking.member_kind');
    const ordered = await family.client.post('/api/bookings', {
      memberId: family.olderId,
      offerIds: [offerId],
      mealMode: 'delivered',
    });
    expect(ordered.statusCode, ordered.body).toBe(201);
    expect(ordered.json().booking).toMatchObject({
      service: 'meal',
      price: 15,
      subsidy: 4,
      due: 11,
      mealMode: 'delivered',
    });
  });

  it('a region changes the subsidy as data, and a full sitting refuses with its rule', async () => {
    const sysadmin = await t.login((await t.buildAccount({ role: 'sysadmin', regionCode: '' })).username);
    const put = await sysadmin.request({
      method: 'PUT',
      url: '/api/settings/meals.subsidy',
      payload: { regionPrefix: '130102', effectiveFrom: '2020-01-01', value: [{ minAge: 60, amount: 5 }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const offerId = (await lunchOffer()).items[0]!.id;
    const family = await buildFamily(t, day, { olderAgeYears: 70 });
    const ordered = await family.client.post('/api/bookings', {
      memberId: family.olderId,
      offerIds: [offerId],
      mealMode: 'eat_in',
    });
    expect(ordered.json().booking).toMatchObject({ subsidy: 5, due: 10 });
    const late = await buildFamily(t, day, { olderAgeYears: 75 });
    const full = await late.client.post('/api/bookings', {
      memberId: late.olderId,
      offerIds: [offerId],
      mealMode: 'pick_up',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('booking.full');
  });

  it('a meal point cannot publish childcare', async () => {
    const res = await mealAdmin.post(`/api/institutions/${mealPointId}/offers`, {
      service: 'childcare',
      form: 'hourly',
      from: day,
      to: day,
      startsAt: '09:00',
      endsAt: '10:00',
      capacity: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('offer.kind_not_offering');
  });
});

describe('appointments', () => {
  it('a guidance centre offers consultation slots; a parent and a child book them with the same engine', async () => {
    const centreId = (await t.buildInstitution({ kind: 'childcare_guidance_centre', name: '市托育指导中心' }))
      .id;
    const admin = await t.login(
      (
        await t.buildAccount({
          role: 'institution_admin',
          institutionId: centreId,
          regionCode: '130102001001',
        })
      ).username,
    );
    const pub = await admin.post(`/api/institutions/${centreId}/offers`, {
      service: 'appointment',
      form: 'consultation',
      from: day,
      to: day,
      startsAt: '09:00',
      endsAt: '10:00',
      slotMinutes: 30,
      capacity: 1,
      price: 0,
      title: '育儿咨询',
    });
    expect(pub.json()).toMatchObject({ created: 2 });
    const slots = (
      await t.anonymous.get(`/api/public/institutions/${centreId}/offers?from=${day}&to=${day}`)
    ).json().items;
    expect(slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(['09:00', '09:30']);
    const a = await buildFamily(t, day);
    const ok = await a.client.post('/api/bookings', { memberId: a.selfId, offerIds: [slots[0].id] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().booking).toMatchObject({ service: 'appointment', form: 'consultation', due: 0 });
    const two = await a.client.post('/api/bookings', {
      memberId: a.childId,
      offerIds: [slots[0].id, slots[1].id],
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.code).toBe('booking.single_offer');
    const b = await buildFamily(t, day);
    const waiting = await b.client.post('/api/bookings', {
      memberId: b.selfId,
      offerIds: [slots[0].id],
      waitlist: true,
    });
    expect(waiting.statusCode).toBe(202);
    await a.client.post(`/api/bookings/${ok.json().booking.id}/cancel`, {});
    const mine = (await b.client.get('/api/bookings/mine')).json();
    expect(mine.bookings[0]).toMatchObject({ status: 'held', service: 'appointment' });
  });
});
