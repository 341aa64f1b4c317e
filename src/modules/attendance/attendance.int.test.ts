import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildCentre, buildFamily, type CentreWorld } from '../../test/bookings.js';
import { auditLog } from '../audit/audit.table.js';
import { householdMembers } from '../households/households.table.js';
import { bookChild, inbox } from './attendance.fixtures.js';

let t: TestApp;
let centre: CentreWorld;
let other: CentreWorld;
let today: string;
type Family = Awaited<ReturnType<typeof buildFamily>>;
const EN = { 'accept-language': 'en' };

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

const place = () => ({ institutionId: centre.institutionId, classId: centre.classId, day: today });
async function bookedFamily(): Promise<Family & { bookingId: string }> {
  const family = await buildFamily(t, today);
  return { ...family, bookingId: await bookChild(t, place(), family) };
}
async function addAdult(householdId: string, values: { name: string; canPickUp: boolean; status?: string }) {
  const [row] = await t.database.db
    .insert(householdMembers)
    .values({
      householdId,
      relation: 'grandparent',
      kind: 'older',
      birthDate: '1960-01-01',
      phone: '13812345678',
      ...values,
    })
    .returning({ id: householdMembers.id });
  return row!.id;
}

describe('who is expected and who may drop off and pick up', () => {
  it('lists the children booked today with their authorised pickers, audited', async () => {
    const family = await bookedFamily();
    const grandma = await addAdult(family.householdId, { name: '外婆', canPickUp: true });
    await addAdult(family.householdId, { name: '邻居', canPickUp: false });
    const res = await centre.admin.get(`/api/institutions/${centre.institutionId}/attendance?day=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const child = res.json().items.find((c: { memberId: string }) => c.memberId === family.childId);
    expect(child).toMatchObject({
      classId: centre.classId,
      ageMonths: 18,
      bookings: [{ bookingId: family.bookingId, form: 'temporary', startsAt: '08:00', endsAt: '17:00' }],
      record: null,
    });
    expect(child.pickers).toEqual([
      expect.objectContaining({ id: family.selfId, relation: 'self' }),
      { id: grandma, name: '外婆', relation: 'grandparent', phone: '138****5678' },
    ]);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attendance.read'), eq(auditLog.institutionId, centre.institutionId)));
    expect(audited.length).toBeGreaterThan(0);
  });

  it('refuses a child with no live booking today', async () => {
    const unbooked = await buildFamily(t, today);
    const res = await centre.admin.post('/api/attendance/check-in', {
      memberId: unbooked.childId,
      classId: centre.classId,
      droppedOffBy: unbooked.selfId,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('attendance.not_booked');
    const cancelled = await buildFamily(t, today);
    const bookingId = await bookChild(t, place(), cancelled, 'cancelled');
    const byBooking = await centre.admin.post('/api/attendance/check-in', {
      bookingId,
      droppedOffBy: cancelled.selfId,
    });
    expect(byBooking.statusCode).toBe(409);
    expect(byBooking.json().error.code).toBe('attendance.not_booked');
  });

  it('refuses anyone not on the household’s authorised list', async () => {
    const family = await bookedFamily();
    const stranger = await buildFamily(t, today);
    const neighbour = await addAdult(family.householdId, { name: '邻居', canPickUp: false });
    const removed = await addAdult(family.householdId, {
      name: '前保姆',
      canPickUp: true,
      status: 'removed',
    });
    for (const droppedOffBy of [stranger.selfId, neighbour, removed, family.childId]) {
      const res = await centre.admin.post(
        '/api/attendance/check-in',
        { bookingId: family.bookingId, droppedOffBy },
        EN,
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'attendance.not_authorised', field: 'droppedOffBy' });
      expect(res.json().error.message).toContain('allowed to drop off and pick up');
    }
  });

  it('is refused to another institution’s users', async () => {
    const family = await bookedFamily();
    const res = await other.admin.post('/api/attendance/check-in', {
      bookingId: family.bookingId,
      droppedOffBy: family.selfId,
    });
    expect(res.statusCode).toBe(403);
    expect((await other.admin.get(`/api/institutions/${centre.institutionId}/attendance`)).statusCode).toBe(
      403,
    );
  });
});

describe("a child's day", () => {
  it('checks in once, records checks, tells the family, and checks out once', async () => {
    const family = await bookedFamily();
    const grandpa = await addAdult(family.householdId, { name: '爷爷', canPickUp: true });
    const early = await centre.admin.post('/api/attendance/health-check', {
      memberId: family.childId,
      check: 'morning',
      temperature: 36.6,
      result: 'normal',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('attendance.not_checked_in');

    const inRes = await centre.admin.post('/api/attendance/check-in', {
      memberId: family.childId,
      classId: centre.classId,
      droppedOffBy: family.selfId,
    });
    expect(inRes.statusCode, inRes.body).toBe(201);
    expect(inRes.json()).toMatchObject({
      memberId: family.childId,
      bookingId: family.bookingId,
      day: today,
      droppedOffBy: { id: family.selfId, name: '家长' },
      checkedOutAt: null,
    });
    const again = await centre.admin.post('/api/attendance/check-in', {
      bookingId: family.bookingId,
      droppedOffBy: family.selfId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('attendance.already_checked_in');
    const [checkedIn] = await inbox(t, family.account.id, 'notify.checked_in');
    expect(checkedIn?.params).toMatchObject({ by: '家长' });

    const base = { memberId: family.childId, check: 'morning', temperature: 36.6 };
    const badTemp = await centre.admin.post('/api/attendance/health-check', {
      ...base,
      temperature: 33.9,
      result: 'normal',
    });
    expect(badTemp.statusCode).toBe(400);
    expect(badTemp.json().error.field).toBe('temperature');
    const noFindings = await centre.admin.post('/api/attendance/health-check', {
      ...base,
      result: 'abnormal',
    });
    expect(noFindings.statusCode).toBe(400);
    expect(noFindings.json().error).toMatchObject({
      code: 'attendance.findings_required',
      field: 'findings',
    });
    const normal = await centre.admin.post('/api/attendance/health-check', { ...base, result: 'normal' });
    expect(normal.statusCode, normal.body).toBe(200);
    expect(normal.json().morningCheck).toMatchObject({ temperature: 36.6, result: 'normal', findings: null });
    expect(await inbox(t, family.account.id, 'notify.health_check_abnormal')).toHaveLength(0);

    const abnormal = await centre.admin.post('/api/attendance/health-check', {
      ...base,
      check: 'midday',
      temperature: 38.2,
      result: 'abnormal',
      findings: '发热，咳嗽',
    });
    expect(abnormal.statusCode, abnormal.body).toBe(200);
    expect(abnormal.json()).toMatchObject({
      morningCheck: { result: 'normal' },
      middayCheck: { temperature: 38.2, result: 'abnormal', findings: '发热，咳嗽' },
    });
    const [told] = await inbox(t, family.account.id, 'notify.health_check_abnormal');
    expect(told?.params).toMatchObject({ check: '午检', findings: '发热，咳嗽（38.2℃）' });
    const messages = await family.client.get('/api/notifications');
    const member = (told!.params as { member: string }).member;
    expect(messages.json().items.map((n: { message: string }) => n.message)).toContain(
      `${member}午检发现异常：发热，咳嗽（38.2℃）`,
    );

    const stranger = await buildFamily(t, today);
    const wrongPicker = await centre.admin.post('/api/attendance/check-out', {
      memberId: family.childId,
      pickedUpBy: stranger.selfId,
    });
    expect(wrongPicker.statusCode).toBe(409);
    expect(wrongPicker.json().error).toMatchObject({
      code: 'attendance.not_authorised',
      field: 'pickedUpBy',
    });
    const out = await centre.admin.post('/api/attendance/check-out', {
      memberId: family.childId,
      pickedUpBy: grandpa,
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({
      pickedUpBy: { id: grandpa, name: '爷爷' },
      droppedOffBy: { name: '家长' },
    });
    expect(out.json().checkedOutAt).not.toBeNull();
    const twice = await centre.admin.post('/api/attendance/check-out', {
      memberId: family.childId,
      pickedUpBy: grandpa,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('attendance.already_checked_out');
    const [checkedOut] = await inbox(t, family.account.id, 'notify.checked_out');
    expect(checkedOut?.params).toMatchObject({ by: '爷爷' });

    const actions = (
      await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, inRes.json().id))
    ).map((e) => e.action);
    expect(actions.sort()).toEqual([
      'attendance.check_in',
      'attendance.check_out',
      'attendance.health_check',
      'attendance.health_check',
    ]);
  });

  it('checks out only a child checked in', async () => {
    const family = await bookedFamily();
    const res = await centre.admin.post('/api/attendance/check-out', {
      memberId: family.childId,
      pickedUpBy: family.selfId,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('attendance.not_checked_in');
  });
});
