import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  buildCentre,
  buildFamily,
  type CentreWorld,
  careDayAhead,
  publishHourly,
  rosterCarers,
} from '../../test/bookings.js';
import { dayFromToday } from '../../test/institutions.js';
import { notifications } from '../notifications/notifications.table.js';
import { classDays, offers, waitlistEntries } from './bookings.table.js';
import { expireHolds } from './waitlist.service.js';

let t: TestApp;
let centre: CentreWorld;
let day: string;

beforeAll(async () => {
  t = await createTestApp();
  centre = await buildCentre(t, { classCapacity: 10, carers: 2 });
  day = careDayAhead(5);
  await rosterCarers(t, centre, day, centre.carerIds);
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

describe('publishing places', () => {
  it('publishes per care day and slot, skipping rest days, and refuses capacity over the class size', async () => {
    const from = careDayAhead(20);
    const res = await centre.admin.post(`/api/institutions/${centre.institutionId}/offers`, {
      service: 'childcare',
      form: 'temporary',
      classId: centre.classId,
      from,
      to: careDayAhead(30),
      startsAt: '08:00',
      endsAt: '17:00',
      capacity: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.created).toBeGreaterThan(3);
    expect(body.skipped.every((s: { reason: string }) => s.reason === 'rest_day')).toBe(true);
    const again = await centre.admin.post(`/api/institutions/${centre.institutionId}/offers`, {
      service: 'childcare',
      form: 'temporary',
      classId: centre.classId,
      from,
      to: from,
      startsAt: '08:00',
      endsAt: '17:00',
      capacity: 11,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.field).toBe('capacity');
  });

  it('refuses a form that is not of the service, naming the field', async () => {
    const res = await centre.admin.post(`/api/institutions/${centre.institutionId}/offers`, {
      service: 'childcare',
      form: 'lunch',
      classId: centre.classId,
      from: day,
      to: day,
      startsAt: '08:00',
      endsAt: '17:00',
      capacity: 2,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('form');
  });
});

describe('hourly care', () => {
  it('books consecutive slots, counts the class per half hour, and refuses a full slot naming the rule', async () => {
    const slots = await publishHourly(centre, day, 2);
    expect(slots.map((s) => s.startsAt)).toEqual(['09:00', '10:00', '11:00']);
    const a = await buildFamily(t, day);
    const booked = await a.client.post('/api/bookings', {
      memberId: a.childId,
      offerIds: [slots[0]!.id, slots[1]!.id],
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const booking = booked.json().booking;
    expect(booking).toMatchObject({
      status: 'confirmed',
      form: 'hourly',
      startsAt: '09:00',
      endsAt: '11:00',
      price: 80,
    });
    const [cd] = await t.database.db
      .select()
      .from(classDays)
      .where(and(eq(classDays.classId, centre.classId), eq(classDays.day, day)));
    // 09:00 is slot 6 (06:00 + 6 × 30 min); 09:00–11:00 covers slots 6–9.
    expect(cd!.present.slice(5, 11)).toEqual([0, 1, 1, 1, 1, 0]);

    const b = await buildFamily(t, day);
    expect(
      (await b.client.post('/api/bookings', { memberId: b.childId, offerIds: [slots[0]!.id] })).statusCode,
    ).toBe(201);
    const c = await buildFamily(t, day);
    const full = await c.client.post('/api/bookings', { memberId: c.childId, offerIds: [slots[0]!.id] });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('booking.full');
    const gaps = await c.client.post('/api/bookings', {
      memberId: c.childId,
      offerIds: [slots[0]!.id, slots[2]!.id],
    });
    expect(gaps.statusCode).toBe(400);
    expect(gaps.json().error.code).toBe('booking.not_consecutive');
  });

  it('refuses a child already booked at an overlapping time', async () => {
    const onDay = careDayAhead(6);
    await rosterCarers(t, centre, onDay, centre.carerIds);
    const slots = await publishHourly(centre, onDay, 5);
    const a = await buildFamily(t, onDay);
    expect(
      (await a.client.post('/api/bookings', { memberId: a.childId, offerIds: [slots[0]!.id] })).statusCode,
    ).toBe(201);
    const again = await a.client.post('/api/bookings', {
      memberId: a.childId,
      offerIds: [slots[0]!.id, slots[1]!.id],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('booking.overlap');
  });
});

describe('ratio and class size', () => {
  it('sells no place the rostered carers cannot cover (toddlers 1:5), and one more when a carer is added', async () => {
    const w = await buildCentre(t, { classCapacity: 15, carers: 2 });
    const onDay = careDayAhead(7);
    await rosterCarers(t, w, onDay, [w.carerIds[0]!]);
    const slots = await publishHourly(w, onDay, 15);
    for (let i = 0; i < 5; i++) {
      const f = await buildFamily(t, onDay);
      expect(
        (await f.client.post('/api/bookings', { memberId: f.childId, offerIds: [slots[0]!.id] })).statusCode,
      ).toBe(201);
    }
    const sixth = await buildFamily(t, onDay);
    const refused = await sixth.client.post('/api/bookings', {
      memberId: sixth.childId,
      offerIds: [slots[0]!.id],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('booking.ratio');
    expect(refused.json().error.message).toContain('1:5');
    // A carer rostered outside 09:00 does not help at 09:00.
    await rosterCarers(t, w, onDay, [w.carerIds[1]!], 13 * 60, 18 * 60);
    await t.app.inject({ method: 'GET', url: '/api/health' });
    const { refreshClassDayCarers } = await import('./class-days.repo.js');
    await t.database.db.transaction((tx) => refreshClassDayCarers(tx, w.classId, onDay));
    expect(
      (await sixth.client.post('/api/bookings', { memberId: sixth.childId, offerIds: [slots[0]!.id] }))
        .statusCode,
    ).toBe(409);
    await rosterCarers(t, w, onDay, [w.carerIds[1]!], 8 * 60, 13 * 60);
    await t.database.db.transaction((tx) => refreshClassDayCarers(tx, w.classId, onDay));
    expect(
      (await sixth.client.post('/api/bookings', { memberId: sixth.childId, offerIds: [slots[0]!.id] }))
        .statusCode,
    ).toBe(201);
  });

  it('checks age, health check and vaccination, naming each rule', async () => {
    const onDay = careDayAhead(8);
    await rosterCarers(t, centre, onDay, centre.carerIds);
    const slots = await publishHourly(centre, onDay, 5);
    const infant = await buildFamily(t, onDay, { childAgeMonths: 8 });
    const r1 = await infant.client.post('/api/bookings', {
      memberId: infant.childId,
      offerIds: [slots[0]!.id],
    });
    expect(r1.json().error.code).toBe('booking.age');
    const stale = await buildFamily(t, onDay, { healthCheckOn: '2020-01-01' });
    const r2 = await stale.client.post('/api/bookings', {
      memberId: stale.childId,
      offerIds: [slots[0]!.id],
    });
    expect(r2.json().error.code).toBe('booking.health_check_expired');
    const none = await buildFamily(t, onDay, { healthCheckOn: null });
    expect(
      (await none.client.post('/api/bookings', { memberId: none.childId, offerIds: [slots[0]!.id] })).json()
        .error.code,
    ).toBe('booking.health_check_missing');
    const unvaccinated = await buildFamily(t, onDay, { vaccinationStatus: 'incomplete' });
    const r4 = await unvaccinated.client.post('/api/bookings', {
      memberId: unvaccinated.childId,
      offerIds: [slots[0]!.id],
    });
    expect(r4.statusCode).toBe(409);
    expect(r4.json().error.code).toBe('booking.vaccination');
    const adult = await unvaccinated.client.post('/api/bookings', {
      memberId: unvaccinated.selfId,
      offerIds: [slots[0]!.id],
    });
    expect(adult.json().error.code).toBe('booking.member_kind');
  });
});

describe('idempotency', () => {
  it('replays a retried booking and refuses the key for another body', async () => {
    const onDay = careDayAhead(9);
    await rosterCarers(t, centre, onDay, centre.carerIds);
    const slots = await publishHourly(centre, onDay, 5);
    const f = await buildFamily(t, onDay);
    const body = { memberId: f.childId, offerIds: [slots[1]!.id] };
    const first = await f.client.post('/api/bookings', body, { 'idempotency-key': 'retry-1' });
    const second = await f.client.post('/api/bookings', body, { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().booking.id).toBe(first.json().booking.id);
    const [offer] = await t.database.db.select().from(offers).where(eq(offers.id, slots[1]!.id));
    expect(offer!.taken).toBe(1);
    const other = await f.client.post(
      '/api/bookings',
      { ...body, notes: 'x' },
      { 'idempotency-key': 'retry-1' },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.field).toBe('Idempotency-Key');
  });
});

describe('waitlist', () => {
  /** A fresh centre offering one temporary place, `days` care days ahead. */
  async function onePlace(days: number) {
    const w = await buildCentre(t, { classCapacity: 10, carers: 2 });
    const onDay = careDayAhead(days);
    await rosterCarers(t, w, onDay, w.carerIds);
    const res = await w.admin.post(`/api/institutions/${w.institutionId}/offers`, {
      service: 'childcare',
      form: 'temporary',
      classId: w.classId,
      from: onDay,
      to: onDay,
      startsAt: '08:00',
      endsAt: '17:00',
      capacity: 1,
    });
    expect(res.statusCode).toBe(200);
    const list = await w.admin.get(`/api/institutions/${w.institutionId}/offers?from=${onDay}&to=${onDay}`);
    return { onDay, offerId: list.json().items[0].id as string };
  }

  it('gives a freed place to the first in line, who confirms; a lapsed hold passes on', async () => {
    const { onDay, offerId } = await onePlace(10);
    const holder = await buildFamily(t, onDay);
    const first = await buildFamily(t, onDay);
    const second = await buildFamily(t, onDay);
    const booked = await holder.client.post('/api/bookings', {
      memberId: holder.childId,
      offerIds: [offerId],
    });
    expect(booked.statusCode).toBe(201);
    const w1 = await first.client.post('/api/bookings', {
      memberId: first.childId,
      offerIds: [offerId],
      waitlist: true,
    });
    const w2 = await second.client.post('/api/bookings', {
      memberId: second.childId,
      offerIds: [offerId],
      waitlist: true,
    });
    expect(w1.statusCode).toBe(202);
    expect(w1.json().waitlist.position).toBe(1);
    expect(w2.json().waitlist.position).toBe(2);

    const cancelled = await holder.client.post(`/api/bookings/${booked.json().booking.id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const mineFirst = (await first.client.get('/api/bookings/mine')).json();
    expect(mineFirst.bookings[0]).toMatchObject({ status: 'held' });
    expect(mineFirst.waitlist[0]).toMatchObject({ status: 'offered' });
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, first.account.id));
    expect(inbox.map((n) => n.kind)).toContain('notify.place_offered');

    // The hold lapses: the place passes to the second in line.
    const later = new Date(Date.now() + 13 * 3600_000);
    expect(await expireHolds(t.database.db, later)).toBe(1);
    const mineSecond = (await second.client.get('/api/bookings/mine')).json();
    expect(mineSecond.bookings[0]).toMatchObject({ status: 'held' });
    const confirm = await second.client.post(`/api/bookings/${mineSecond.bookings[0].id}/confirm`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().status).toBe('confirmed');
    const [offer] = await t.database.db.select().from(offers).where(eq(offers.id, offerId));
    expect(offer!.taken).toBe(1);
    const late = await first.client.post(`/api/bookings/${mineFirst.bookings[0].id}/confirm`);
    expect(late.statusCode).toBe(409);
  });

  it('cancelling a place held from the waitlist, before confirming it, withdraws the entry', async () => {
    const { onDay, offerId } = await onePlace(12);
    const holder = await buildFamily(t, onDay);
    const waiting = await buildFamily(t, onDay);
    const booked = await holder.client.post('/api/bookings', {
      memberId: holder.childId,
      offerIds: [offerId],
    });
    await waiting.client.post('/api/bookings', {
      memberId: waiting.childId,
      offerIds: [offerId],
      waitlist: true,
    });
    await holder.client.post(`/api/bookings/${booked.json().booking.id}/cancel`, {});
    const held = (await waiting.client.get('/api/bookings/mine')).json().bookings[0];
    expect(held).toMatchObject({ status: 'held' });
    const cancelled = await waiting.client.post(`/api/bookings/${held.id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const [entry] = await t.database.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.memberId, waiting.childId));
    expect(entry!.status).toBe('withdrawn');
    const [offer] = await t.database.db.select().from(offers).where(eq(offers.id, offerId));
    expect(offer!.taken).toBe(0);
  });
});

describe('cancelling and changing', () => {
  it('an institution cancels only with a reason; a change into a full slot changes nothing', async () => {
    const onDay = careDayAhead(11);
    await rosterCarers(t, centre, onDay, centre.carerIds);
    const slots = await publishHourly(centre, onDay, 1);
    const a = await buildFamily(t, onDay);
    const b = await buildFamily(t, onDay);
    const ba = (
      await a.client.post('/api/bookings', { memberId: a.childId, offerIds: [slots[0]!.id] })
    ).json().booking;
    const bb = (
      await b.client.post('/api/bookings', { memberId: b.childId, offerIds: [slots[1]!.id] })
    ).json().booking;
    const refused = await a.client.post(`/api/bookings/${ba.id}/change`, { offerIds: [slots[1]!.id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('booking.full');
    const mine = (await a.client.get('/api/bookings/mine')).json();
    expect(mine.bookings.find((x: { id: string }) => x.id === ba.id).status).toBe('confirmed');
    const moved = await a.client.post(`/api/bookings/${ba.id}/change`, { offerIds: [slots[2]!.id] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: '11:00', replacesId: ba.id });
    const noReason = await centre.admin.post(`/api/bookings/${bb.id}/cancel`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const withReason = await centre.admin.post(`/api/bookings/${bb.id}/cancel`, { reason: '停电' });
    expect(withReason.json().status).toBe('cancelled');
    const states = await t.database.db.select().from(offers).where(eq(offers.day, onDay));
    expect(
      Object.fromEntries(states.filter((o) => o.form === 'hourly').map((o) => [o.startsMin, o.taken])),
    ).toEqual({
      540: 0,
      600: 0,
      660: 1,
    });
  });

  it('another resident cannot see or cancel a booking', async () => {
    const onDay = careDayAhead(12);
    await rosterCarers(t, centre, onDay, centre.carerIds);
    const slots = await publishHourly(centre, onDay, 3);
    const a = await buildFamily(t, onDay);
    const b = await buildFamily(t, onDay);
    const ba = (
      await a.client.post('/api/bookings', { memberId: a.childId, offerIds: [slots[0]!.id] })
    ).json().booking;
    expect((await b.client.post(`/api/bookings/${ba.id}/cancel`, {})).statusCode).toBe(404);
    expect(
      (await b.client.post('/api/bookings', { memberId: a.childId, offerIds: [slots[1]!.id] })).statusCode,
    ).toBe(404);
  });
});

describe('enrolment by month', () => {
  it('enrols a child in every full-day place of the month from the first care day ahead', async () => {
    const w = await buildCentre(t, { classCapacity: 10, carers: 2 });
    // Next month: every one of its care days lies ahead, whatever today is.
    const [y, m] = dayFromToday(0).split('-').map(Number) as [number, number];
    const start = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const month = start.slice(0, 7);
    const last = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
    const pub = await w.admin.post(`/api/institutions/${w.institutionId}/offers`, {
      service: 'childcare',
      form: 'full_day',
      classId: w.classId,
      from: start,
      to: last,
      startsAt: '08:00',
      endsAt: '17:00',
      capacity: 8,
      price: 2000,
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const f = await buildFamily(t, start);
    // No carer is rostered yet: the whole enrolment is refused on the ratio, and nothing is taken.
    const refused = await f.client.post('/api/bookings', {
      memberId: f.childId,
      enrolment: { classId: w.classId, form: 'full_day', month },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('booking.ratio');
    const days = (
      await w.admin.get(`/api/institutions/${w.institutionId}/offers?from=${start}&to=${last}`)
    ).json().items as { day: string; taken: number }[];
    expect(days.length).toBeGreaterThan(15);
    expect(days.every((o) => o.taken === 0)).toBe(true);
    for (const o of days) await rosterCarers(t, w, o.day, w.carerIds);
    const { refreshClassDayCarers } = await import('./class-days.repo.js');
    for (const o of days)
      await t.database.db.transaction((tx) => refreshClassDayCarers(tx, w.classId, o.day));
    const ok = await f.client.post('/api/bookings', {
      memberId: f.childId,
      enrolment: { classId: w.classId, form: 'full_day', month },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().booking.days).toBe(days.length);
    expect(ok.json().booking.price).toBeGreaterThan(0);
    expect(ok.json().booking.price).toBeLessThanOrEqual(2000);
  });
});
