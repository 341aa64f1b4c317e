import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildCentre, buildFamily, type CentreWorld } from '../../test/bookings.js';
import { buildClass, buildStaff } from '../../test/institutions.js';
import { auditLog } from '../audit/audit.table.js';
import { bookChild } from './attendance.fixtures.js';

let t: TestApp;
let centre: CentreWorld;
let other: CentreWorld;
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  centre = await buildCentre(t, { classType: 'toddler', classCapacity: 15, carers: 3 });
  other = await buildCentre(t, { carers: 1 });
  today = chinaToday();
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

describe('the room board', () => {
  const board = async () => {
    const res = await centre.admin.get(`/api/institutions/${centre.institutionId}/room-board`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { rooms: { classId: string; [k: string]: unknown }[] };
  };
  const roomOf = async (classId: string) => (await board()).rooms.find((r) => r.classId === classId)!;

  it('flags a room out of ratio as soon as a carer signs out', async () => {
    const ratioClass = await buildClass(t, centre.institutionId, {
      name: '托小二班',
      type: 'toddler',
      capacity: 15,
    });
    const at = { institutionId: centre.institutionId, classId: ratioClass.id, day: today };
    for (let i = 0; i < 11; i++) {
      const family = await buildFamily(t, today);
      const bookingId = await bookChild(t, at, family);
      const res = await centre.admin.post('/api/attendance/check-in', {
        bookingId,
        droppedOffBy: family.selfId,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const staffId of centre.carerIds) {
      const res = await centre.admin.post('/api/staff-presence/in', { staffId, classId: ratioClass.id });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await roomOf(ratioClass.id)).toMatchObject({
      childrenPresent: 11,
      carersPresent: 3,
      requiredCarers: 3,
      sizeLimit: 15,
      expected: 11,
      ok: true,
      problems: [],
    });
    const out = await centre.admin.post('/api/staff-presence/out', { staffId: centre.carerIds[0] });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().room).toEqual({
      classId: ratioClass.id,
      childrenPresent: 11,
      carersPresent: 2,
      requiredCarers: 3,
      ok: false,
    });
    const room = await roomOf(ratioClass.id);
    expect(room).toMatchObject({ carersPresent: 2, requiredCarers: 3, ok: false, problems: ['class.ratio'] });
    expect(room.children).toHaveLength(11);
    const audited = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'room_board.read'));
    expect(audited.length).toBeGreaterThan(0);

    const back = await centre.admin.post('/api/staff-presence/in', {
      staffId: centre.carerIds[0],
      classId: ratioClass.id,
    });
    expect(back.json().room.ok).toBe(true);
  });

  it('flags a room holding more children than its places', async () => {
    const small = await buildClass(t, centre.institutionId, { name: '小小班', type: 'toddler', capacity: 2 });
    const carer = await buildStaff(t, centre.institutionId);
    const at = { institutionId: centre.institutionId, classId: small.id, day: today };
    for (let i = 0; i < 3; i++) {
      const family = await buildFamily(t, today);
      const bookingId = await bookChild(t, at, family);
      await centre.admin.post('/api/attendance/check-in', { bookingId, droppedOffBy: family.selfId });
    }
    await bookChild(t, at, await buildFamily(t, today));
    await centre.admin.post('/api/staff-presence/in', { staffId: carer.id, classId: small.id });
    expect(await roomOf(small.id)).toMatchObject({
      childrenPresent: 3,
      carersPresent: 1,
      requiredCarers: 1,
      sizeLimit: 2,
      expected: 4,
      ok: false,
      problems: ['class.max_size'],
    });
  });

  it('lets only active carers into one room at a time', async () => {
    const cook = await buildStaff(t, centre.institutionId, { role: 'cook' });
    const carer = await buildStaff(t, centre.institutionId);
    const notCarer = await centre.admin.post('/api/staff-presence/in', {
      staffId: cook.id,
      classId: centre.classId,
    });
    expect(notCarer.statusCode).toBe(409);
    expect(notCarer.json().error.code).toBe('presence.staff_not_carer');
    const notIn = await centre.admin.post('/api/staff-presence/out', { staffId: carer.id });
    expect(notIn.statusCode).toBe(409);
    expect(notIn.json().error.code).toBe('presence.not_in');
    const foreign = await centre.admin.post('/api/staff-presence/in', {
      staffId: carer.id,
      classId: other.classId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('classId');
    expect(
      (await centre.admin.post('/api/staff-presence/in', { staffId: carer.id, classId: centre.classId }))
        .statusCode,
    ).toBe(201);
    const twice = await centre.admin.post('/api/staff-presence/in', {
      staffId: carer.id,
      classId: centre.classId,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('presence.already_in');
    expect((await other.admin.post('/api/staff-presence/out', { staffId: carer.id })).statusCode).toBe(403);
  });
});
