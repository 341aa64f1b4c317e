import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { buildCentre, buildFamily, type CentreWorld, careDayAhead } from '../../test/bookings.js';
import { buildClass, buildStaff, dayFromToday } from '../../test/institutions.js';
import { auditLog } from '../audit/audit.table.js';
import { classDays } from '../bookings/bookings.table.js';
import { DAY_START_MIN, SLOT_MINUTES, SLOTS } from '../bookings/segments.js';

let t: TestApp;
let centre: CentreWorld;
let otherCentre: CentreWorld;
let day: string;
const EN = { 'accept-language': 'en' };

beforeAll(async () => {
  t = await createTestApp();
  centre = await buildCentre(t, { classType: 'infant', classCapacity: 10, carers: 3 });
  otherCentre = await buildCentre(t, { carers: 1 });
  day = careDayAhead(7);
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

const rostersOf = (id: string) => `/api/institutions/${id}/rosters`;
type Shift = { staffId: string; startsAt: string; endsAt: string };
const put = (c: TestClient, body: { day: string; classId: string; shifts: Shift[] }, headers = {}) =>
  c.request({ method: 'PUT', url: rostersOf(centre.institutionId), payload: body, headers });
/** The half-hour index of HH:MM. */
const slot = (time: string) =>
  (Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) - DAY_START_MIN) / SLOT_MINUTES;
/** Carers expected per half hour for shifts given as [from, to) slot ranges. */
const expectedCarers = (...ranges: [string, string][]) =>
  Array.from({ length: SLOTS }, (_, i) => ranges.filter(([a, b]) => slot(a) <= i && i < slot(b)).length);

async function classDayCarers(classId: string, onDay: string) {
  const [row] = await t.database.db
    .select({ carers: classDays.carers })
    .from(classDays)
    .where(and(eq(classDays.classId, classId), eq(classDays.day, onDay)));
  return row?.carers;
}

describe('roster validation', () => {
  const [a, b] = [0, 1];
  const ok = (i: number): Shift => ({ staffId: centre.carerIds[i]!, startsAt: '08:00', endsAt: '12:00' });

  it('names the shift and the rule for each bad shift', async () => {
    const cook = await buildStaff(t, centre.institutionId, { role: 'cook', name: '厨师老李' });
    const gone = await buildStaff(t, centre.institutionId, { status: 'inactive', name: '离职老师' });
    const cases: [Shift[], number, string, string][] = [
      [
        [ok(a), { ...ok(b), staffId: otherCentre.carerIds[0]! }],
        400,
        'roster.staff_unknown',
        'shifts.1.staffId',
      ],
      [[{ ...ok(a), staffId: gone.id }], 400, 'roster.staff_inactive', 'shifts.0.staffId'],
      [[{ ...ok(a), staffId: cook.id }], 400, 'roster.staff_role', 'shifts.0.staffId'],
      [[{ ...ok(a), startsAt: '05:30' }], 400, 'roster.outside_day', 'shifts.0.startsAt'],
      [[{ ...ok(a), endsAt: '22:30' }], 400, 'roster.outside_day', 'shifts.0.endsAt'],
      [
        [ok(a), { ...ok(b), startsAt: '12:00', endsAt: '12:00' }],
        400,
        'roster.ends_before_starts',
        'shifts.1.endsAt',
      ],
      [[{ ...ok(a), startsAt: '8:00' }], 400, 'validation.format', 'shifts.0.startsAt'],
      [[ok(a), { ...ok(a), startsAt: '11:30', endsAt: '15:00' }], 400, 'roster.overlap', 'shifts.1'],
    ];
    for (const [shifts, status, code, field] of cases) {
      const res = await put(centre.admin, { day, classId: centre.classId, shifts });
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().error).toMatchObject({ code, field });
    }
    const role = await put(
      centre.admin,
      { day, classId: centre.classId, shifts: [{ ...ok(a), staffId: cook.id }] },
      EN,
    );
    expect(role.json().error.message).toContain('Shift 1: only carers and early-education teachers');
  });

  it('refuses a past day and a class of another institution', async () => {
    const past = await put(centre.admin, { day: dayFromToday(-1), classId: centre.classId, shifts: [] });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'roster.day_past', field: 'day' });
    const foreign = await put(centre.admin, { day, classId: otherCentre.classId, shifts: [] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'roster.class_unknown', field: 'classId' });
  });

  it('refuses one carer in two classes at overlapping times, and allows back-to-back shifts', async () => {
    const second = await buildClass(t, centre.institutionId, { name: '乳儿二班', type: 'infant' });
    const onDay = careDayAhead(9);
    const first = await put(centre.admin, {
      day: onDay,
      classId: centre.classId,
      shifts: [{ staffId: centre.carerIds[2]!, startsAt: '08:00', endsAt: '12:00' }],
    });
    expect(first.statusCode, first.body).toBe(200);
    const clash = await put(
      centre.admin,
      {
        day: onDay,
        classId: second.id,
        shifts: [
          { staffId: centre.carerIds[1]!, startsAt: '08:00', endsAt: '12:00' },
          { staffId: centre.carerIds[2]!, startsAt: '11:00', endsAt: '14:00' },
        ],
      },
      EN,
    );
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error).toMatchObject({ code: 'roster.overlap', field: 'shifts.1' });
    expect(clash.json().error.message).toContain('(08:00–12:00)');
    const after = await put(centre.admin, {
      day: onDay,
      classId: second.id,
      shifts: [{ staffId: centre.carerIds[2]!, startsAt: '12:00', endsAt: '14:00' }],
    });
    expect(after.statusCode, after.body).toBe(200);
    const list = await centre.admin.get(`${rostersOf(centre.institutionId)}?day=${onDay}`);
    expect(list.json().classes.map((c: { shifts: unknown[] }) => c.shifts.length)).toEqual([1, 1]);
  });

  it('is only for the institution’s own users (and the system administrator)', async () => {
    const res = await otherCentre.admin.request({
      method: 'PUT',
      url: rostersOf(centre.institutionId),
      payload: { day, classId: centre.classId, shifts: [] },
    });
    expect(res.statusCode).toBe(403);
    const read = await otherCentre.admin.get(rostersOf(centre.institutionId));
    expect(read.statusCode).toBe(403);
    const sysadmin = await t.login((await t.buildAccount({ role: 'sysadmin', regionCode: '' })).username);
    expect((await sysadmin.get(`${rostersOf(centre.institutionId)}?day=${day}`)).statusCode).toBe(200);
  });
});

describe('the roster drives the carers the booking engine counts', () => {
  it('writes carers per half hour into the published class day, replacing the old roster', async () => {
    const onDay = careDayAhead(12);
    const published = await centre.admin.post(`/api/institutions/${centre.institutionId}/offers`, {
      service: 'childcare',
      form: 'temporary',
      classId: centre.classId,
      from: onDay,
      to: onDay,
      startsAt: '08:00',
      endsAt: '17:00',
      capacity: 6,
      price: 100,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(await classDayCarers(centre.classId, onDay)).toEqual(expectedCarers());

    const first = await put(centre.admin, {
      day: onDay,
      classId: centre.classId,
      shifts: [
        { staffId: centre.carerIds[0]!, startsAt: '08:00', endsAt: '12:00' },
        { staffId: centre.carerIds[1]!, startsAt: '09:15', endsAt: '17:00' },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    // a carer counts in a half hour only when rostered for all of it: 09:15 starts counting at 09:30
    expect(await classDayCarers(centre.classId, onDay)).toEqual(
      expectedCarers(['08:00', '12:00'], ['09:30', '17:00']),
    );
    expect(first.json()).toMatchObject({ classId: centre.classId, published: true, warnings: [] });
    expect(first.json().halfHours[slot('10:00')]).toEqual({
      time: '10:00',
      carers: 2,
      booked: 0,
      required: 0,
      ok: true,
    });

    const second = await put(centre.admin, {
      day: onDay,
      classId: centre.classId,
      shifts: [{ staffId: centre.carerIds[2]!, startsAt: '07:00', endsAt: '18:00' }],
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().shifts).toEqual([
      expect.objectContaining({ staffId: centre.carerIds[2], startsAt: '07:00', endsAt: '18:00' }),
    ]);
    expect(await classDayCarers(centre.classId, onDay)).toEqual(expectedCarers(['07:00', '18:00']));

    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'roster.replace'), eq(auditLog.entityId, centre.classId)));
    const ofDay = entries.filter((e) => (e.after as { day: string }).day === onDay);
    expect(ofDay).toHaveLength(2);
    const entry = ofDay.find((e) => (e.before as { shifts: unknown[] }).shifts.length === 2);
    expect(entry?.institutionId).toBe(centre.institutionId);
    expect((entry!.after as { shifts: unknown[] }).shifts).toHaveLength(1);
  });

  it('allows a cut that leaves booked children short of carers, and warns of every such half hour', async () => {
    const onDay = careDayAhead(14);
    await put(centre.admin, {
      day: onDay,
      classId: centre.classId,
      shifts: [0, 1].map((i) => ({ staffId: centre.carerIds[i]!, startsAt: '08:00', endsAt: '17:00' })),
    });
    const published = await centre.admin.post(`/api/institutions/${centre.institutionId}/offers`, {
      service: 'childcare',
      form: 'temporary',
      classId: centre.classId,
      from: onDay,
      to: onDay,
      startsAt: '08:00',
      endsAt: '17:00',
      capacity: 6,
      price: 100,
    });
    expect(published.statusCode, published.body).toBe(200);
    const offer = (
      await centre.admin.get(`/api/institutions/${centre.institutionId}/offers?from=${onDay}&to=${onDay}`)
    ).json().items[0];
    for (let i = 0; i < 4; i++) {
      const family = await buildFamily(t, onDay, { childAgeMonths: 8 });
      const booked = await family.client.post('/api/bookings', {
        memberId: family.childId,
        offerIds: [offer.id],
      });
      expect(booked.statusCode, booked.body).toBe(201);
    }

    const cut = await put(
      centre.admin,
      {
        day: onDay,
        classId: centre.classId,
        shifts: [{ staffId: centre.carerIds[0]!, startsAt: '08:00', endsAt: '17:00' }],
      },
      EN,
    );
    expect(cut.statusCode, cut.body).toBe(200);
    const warnings = cut.json().warnings as {
      time: string;
      children: number;
      carers: number;
      required: number;
    }[];
    expect(warnings).toHaveLength(18);
    expect(warnings[0]).toMatchObject({
      rule: 'class.ratio',
      time: '08:00',
      children: 4,
      carers: 1,
      required: 2,
    });
    expect(warnings.at(-1)?.time).toBe('16:30');
    expect(cut.json().warnings[0].message).toContain('4 children booked need 2 carers (1 : 3); 1 rostered');

    // the engine now counts one carer: no fifth infant while four are booked at 1 : 3
    const fifth = await buildFamily(t, onDay, { childAgeMonths: 8 });
    const refused = await fifth.client.post('/api/bookings', {
      memberId: fifth.childId,
      offerIds: [offer.id],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('booking.ratio');

    const list = await centre.admin.get(
      `${rostersOf(centre.institutionId)}?day=${onDay}&classId=${centre.classId}`,
    );
    expect(list.json().classes[0].warnings).toHaveLength(18);
    expect(list.json().staff.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(centre.carerIds),
    );
  });

  it('shows carers without booked children where no places are published', async () => {
    const onDay = careDayAhead(16);
    const res = await put(centre.admin, {
      day: onDay,
      classId: centre.classId,
      shifts: [{ staffId: centre.carerIds[0]!, startsAt: '08:00', endsAt: '09:00' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ published: false, warnings: [] });
    expect(res.json().halfHours[slot('08:30')]).toEqual({
      time: '08:30',
      carers: 1,
      booked: null,
      required: null,
      ok: true,
    });
    expect(await classDayCarers(centre.classId, onDay)).toBeUndefined();
  });
});
