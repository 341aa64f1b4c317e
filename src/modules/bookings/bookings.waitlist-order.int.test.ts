/**
 * A waiting family must not be overtaken. An entry refused on a shared limit — the class size,
 * the licensed capacity, the ratio — fits again as soon as any booking in that class (or
 * institution) on that day is released, not only a booking of its own offer. This test fails
 * while the engine looks for candidates only among entries wanting the released offers
 * (`waitingFor(releaseIds)` in waitlist.service.ts `lockForRelease`): the freed room then goes to
 * whoever books next, ahead of the line.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildCentre, buildFamily, careDayAhead, rosterCarers } from '../../test/bookings.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

it('offers room freed in a full class to the family waiting for it, before anyone who comes later', async () => {
  const w = await buildCentre(t, { classCapacity: 2, carers: 2 });
  const day = careDayAhead(6);
  await rosterCarers(t, w, day, w.carerIds);
  for (const [form, extra] of [
    ['temporary', {}],
    ['hourly', { slotMinutes: 60, endsAt: '12:00', startsAt: '09:00' }],
  ] as const) {
    const res = await w.admin.post(`/api/institutions/${w.institutionId}/offers`, {
      service: 'childcare',
      form,
      classId: w.classId,
      from: day,
      to: day,
      startsAt: '08:00',
      endsAt: '17:00',
      capacity: 2,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const list = (await w.admin.get(`/api/institutions/${w.institutionId}/offers?from=${day}&to=${day}`)).json()
    .items as { id: string; form: string; startsAt: string }[];
  const temporary = list.find((o) => o.form === 'temporary')!.id;
  const nine = list.find((o) => o.form === 'hourly' && o.startsAt === '09:00')!.id;

  // Two children fill the class (size 2) from 09:00 to 10:00.
  const a = await buildFamily(t, day);
  const b = await buildFamily(t, day);
  const held = await a.client.post('/api/bookings', { memberId: a.childId, offerIds: [nine] });
  expect(held.statusCode).toBe(201);
  expect((await b.client.post('/api/bookings', { memberId: b.childId, offerIds: [nine] })).statusCode).toBe(
    201,
  );
  // A third wants the whole day: refused on class size, so she waits.
  const c = await buildFamily(t, day);
  const waiting = await c.client.post('/api/bookings', {
    memberId: c.childId,
    offerIds: [temporary],
    waitlist: true,
  });
  expect(waiting.statusCode, waiting.body).toBe(202);
  expect(waiting.json().waitlist.position).toBe(1);

  // One of the first two cancels: the class has room for her all day now.
  const cancelled = await a.client.post(`/api/bookings/${held.json().booking.id}/cancel`, {});
  expect(cancelled.statusCode, cancelled.body).toBe(200);
  const mine = (await c.client.get('/api/bookings/mine')).json();
  expect(mine.waitlist[0].status, 'the freed room is offered to the family in line').toBe('offered');

  // And someone arriving later does not get it ahead of her.
  const d = await buildFamily(t, day);
  const later = await d.client.post('/api/bookings', { memberId: d.childId, offerIds: [temporary] });
  expect(later.statusCode).toBe(409);
});

it('serves the waitlist first when an offer gains places', async () => {
  const w = await buildCentre(t, { classCapacity: 5, carers: 2 });
  const day = careDayAhead(7);
  await rosterCarers(t, w, day, w.carerIds);
  const pub = await w.admin.post(`/api/institutions/${w.institutionId}/offers`, {
    service: 'childcare',
    form: 'temporary',
    classId: w.classId,
    from: day,
    to: day,
    startsAt: '08:00',
    endsAt: '17:00',
    capacity: 1,
  });
  expect(pub.statusCode).toBe(200);
  const offer = (
    await w.admin.get(`/api/institutions/${w.institutionId}/offers?from=${day}&to=${day}`)
  ).json().items[0] as { id: string };
  const a = await buildFamily(t, day);
  const b = await buildFamily(t, day);
  expect(
    (await a.client.post('/api/bookings', { memberId: a.childId, offerIds: [offer.id] })).statusCode,
  ).toBe(201);
  expect(
    (await b.client.post('/api/bookings', { memberId: b.childId, offerIds: [offer.id], waitlist: true }))
      .statusCode,
  ).toBe(202);
  const raised = await w.admin.patch(`/api/offers/${offer.id}`, { capacity: 2 });
  expect(raised.statusCode, raised.body).toBe(200);
  const mine = (await b.client.get('/api/bookings/mine')).json();
  expect(mine.waitlist[0].status).toBe('offered');
  expect(mine.bookings[0].status).toBe('held');
});
