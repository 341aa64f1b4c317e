import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber } from '../../standards/id-number.js';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { monthsBefore } from '../../test/bookings.js';
import { dayFromToday } from '../../test/institutions.js';
import { seedTestRegions } from '../../test/regions.js';
import { auditLog } from '../audit/audit.table.js';
import { bookingOffers, bookings, offers } from '../bookings/bookings.table.js';
import { addMonths } from '../bookings/days.js';
import { regionSettings } from '../settings/settings.table.js';
import { findOwnMember } from './households.repo.js';
import { householdMembers } from './households.table.js';

let t: TestApp;
const EN = { 'accept-language': 'en' };
const today = chinaToday();

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

/** A resident account without a household yet, signed in. */
async function resident(): Promise<{ id: string; client: TestClient }> {
  const account = await t.buildAccount({ role: 'resident', regionCode: '' });
  return { id: account.id, client: await t.login(account.username) };
}

const member = (c: TestClient, body: Record<string, unknown>, headers?: Record<string, string>) =>
  c.post('/api/household/members', body, headers);
const rawMember = async (id: string) =>
  (await t.database.db.select().from(householdMembers).where(eq(householdMembers.id, id)))[0]!;

describe('the household and its members', () => {
  it('starts empty for a resident without one and is created on the first change', async () => {
    const { client } = await resident();
    expect((await client.get('/api/household')).json()).toEqual({
      id: null,
      regionCode: null,
      regionName: null,
      address: null,
      members: [],
    });
    const res = await client.patch('/api/household', { regionCode: '130102001002', address: '光华路 3 号' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ regionCode: '130102001002', regionName: '光华路社区居民委员会' });
    expect(res.json().id).toEqual(expect.any(String));
    const bad = await client.patch('/api/household', { regionCode: '130102001099' });
    expect(bad.json().error).toMatchObject({ code: 'household.region_unknown', field: 'regionCode' });
  });

  it('derives the kind from the birth date and keeps the ID number only encrypted, shown masked', async () => {
    const { client } = await resident();
    const babyBirth = monthsBefore(today, 20);
    const baby = await member(client, { relation: 'child', name: '小宝', birthDate: babyBirth, sex: 'male' });
    expect(baby.statusCode, baby.body).toBe(201);
    expect(baby.json()).toMatchObject({ kind: 'child', ageMonths: 20, idNumber: null, canPickUp: false });

    const grandmaId = buildIdNumber({ regionCode: '130102', birthDate: '1953-03-08', sequence: 242 });
    const grandma = await member(client, {
      relation: 'grandparent',
      name: '奶奶',
      idNumber: grandmaId,
      phone: '13903110001',
      canPickUp: true,
    });
    expect(grandma.statusCode, grandma.body).toBe(201);
    expect(grandma.json()).toMatchObject({
      kind: 'older',
      sex: 'female',
      birthDate: '1953-03-08',
      idNumber: `130102********${grandmaId.slice(-4)}`,
      phone: '139****0001',
      canPickUp: true,
    });
    const aunt = await member(client, { relation: 'other', name: '小姨', birthDate: '1995-06-01' });
    expect(aunt.json().kind).toBe('adult');

    const row = await rawMember(grandma.json().id);
    expect(row.idNumberCipher).not.toContain('19530308');
    expect(t.cipher.decrypt(row.idNumberCipher!)).toBe(grandmaId);
    expect(row.idNumberIndex).toBe(t.cipher.blindIndex(grandmaId));
    expect(row.idNumberMasked).toBe(grandma.json().idNumber);
    const listed = (await client.get('/api/household')).json().members;
    expect(listed.map((m: { name: string }) => m.name)).toEqual(['小宝', '奶奶', '小姨']);
    expect(JSON.stringify(listed)).not.toContain(grandmaId);
    const trail = await t.database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'household.member.create'));
    expect(trail.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(trail)).not.toContain(grandmaId);

    const dup = await member(client, { relation: 'parent', name: '又一个', idNumber: grandmaId });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'household.id_number_taken', field: 'idNumber' });
  });

  it('refuses bad particulars, naming the field', async () => {
    const { client } = await resident();
    const id = buildIdNumber({ regionCode: '130102', birthDate: '2024-11-02', sequence: 13 });
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { relation: 'child', name: 'a', idNumber: `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}` },
        'idnumber.check_digit',
        'idNumber',
      ],
      [
        { relation: 'child', name: 'a', idNumber: id, birthDate: '2024-11-03' },
        'household.id_birth_date_mismatch',
        'idNumber',
      ],
      [
        { relation: 'child', name: 'a', idNumber: id, sex: 'female' },
        'household.id_sex_mismatch',
        'idNumber',
      ],
      [{ relation: 'child', name: 'a' }, 'household.birth_date_required', 'birthDate'],
      [{ relation: 'child', name: 'a', birthDate: dayFromToday(2) }, 'household.date_in_future', 'birthDate'],
      [
        { relation: 'child', name: 'a', birthDate: '2024-01-01', healthCheckOn: '2023-12-01' },
        'household.health_check_before_birth',
        'healthCheckOn',
      ],
      [
        { relation: 'child', name: 'a', birthDate: '2024-01-01', healthCheckResult: 'ok' },
        'validation.enum',
        'healthCheckResult',
      ],
      [{ relation: 'self', name: 'a', birthDate: '1990-01-01' }, 'validation.enum', 'relation'],
      [
        { relation: 'other', name: 'a', birthDate: '2015-01-01', canPickUp: true },
        'household.pickup_age',
        'canPickUp',
      ],
      [
        { relation: 'other', name: 'a', birthDate: '1990-01-01', phone: '12345678901' },
        'residents.phone_rule',
        'phone',
      ],
    ];
    for (const [body, code, field] of cases) {
      const res = await member(client, body, EN);
      expect(res.statusCode, `${code} ${res.body}`).toBe(400);
      expect(res.json().error).toMatchObject({ code, field });
    }
    expect((await client.get('/api/household')).json().members).toEqual([]);
  });

  it('edits a member: particulars, ID number checked against the birth date, kind follows a new birth date', async () => {
    const { client } = await resident();
    const created = (
      await member(client, { relation: 'child', name: '二宝', birthDate: monthsBefore(today, 10) })
    ).json();
    const checked = dayFromToday(-5);
    const res = await client.patch(`/api/household/members/${created.id}`, {
      name: '王二宝',
      vaccinationStatus: 'up_to_date',
      vaccinationCheckedOn: checked,
      healthCheckOn: checked,
      healthCheckResult: 'passed',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '王二宝',
      vaccinationStatus: 'up_to_date',
      healthCheckOn: checked,
      healthCheckResult: 'passed',
      healthCheckValidUntil: addMonths(checked, 3),
    });

    const otherBirth = monthsBefore(today, 11);
    const idForOther = buildIdNumber({ regionCode: '130102', birthDate: otherBirth, sequence: 21 });
    const mismatch = await client.patch(`/api/household/members/${created.id}`, {
      idNumber: idForOther,
      birthDate: created.birthDate,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error).toMatchObject({
      code: 'household.id_birth_date_mismatch',
      field: 'idNumber',
    });
    const withId = await client.patch(`/api/household/members/${created.id}`, { idNumber: idForOther });
    expect(withId.json()).toMatchObject({
      birthDate: otherBirth,
      sex: 'male',
      idNumber: expect.stringMatching(/^130102\*{8}/),
    });
    // With the ID number kept, a birth date that disagrees with it is refused.
    const keep = await client.patch(`/api/household/members/${created.id}`, {
      birthDate: monthsBefore(today, 12),
    });
    expect(keep.json().error).toMatchObject({ code: 'household.id_birth_date_mismatch', field: 'idNumber' });
    const cleared = await client.patch(`/api/household/members/${created.id}`, {
      idNumber: null,
      birthDate: '1960-01-01',
    });
    expect(cleared.json()).toMatchObject({ idNumber: null, kind: 'older', birthDate: '1960-01-01' });
    const raw = await rawMember(created.id);
    expect([raw.idNumberCipher, raw.idNumberIndex, raw.idNumberMasked]).toEqual([null, null, null]);
  });

  it("computes the health report's validity from the region's setting", async () => {
    const { client } = await resident();
    const checkedOn = dayFromToday(-40);
    const body = {
      relation: 'child',
      name: '三宝',
      birthDate: monthsBefore(today, 14),
      healthCheckOn: checkedOn,
      healthCheckResult: 'passed',
    };
    const national = (await member(client, body)).json();
    expect(national.healthCheckValidUntil).toBe(addMonths(checkedOn, 3));
    await t.database.db.insert(regionSettings).values({
      key: 'childcare.health_report_valid_months',
      regionPrefix: '130102',
      effectiveFrom: '2020-01-01',
      value: 1,
    });
    await client.patch('/api/household', { regionCode: '130102001001' });
    const local = (await client.get('/api/household')).json().members[0];
    expect(local.healthCheckValidUntil).toBe(addMonths(checkedOn, 1));
    expect(local.healthCheckValidUntil < today).toBe(true);
  });

  it('removes a member, never the account holder, and not while a booking holds a place', async () => {
    const { id: accountId, client } = await resident();
    const child = (
      await member(client, { relation: 'child', name: '四宝', birthDate: monthsBefore(today, 20) })
    ).json();
    const gone = (
      await member(client, { relation: 'other', name: '保姆', birthDate: '1980-01-01', canPickUp: true })
    ).json();
    expect((await client.delete(`/api/household/members/${gone.id}`)).statusCode).toBe(204);
    expect((await rawMember(gone.id)).status).toBe('removed');
    expect((await client.get('/api/household')).json().members.map((m: { id: string }) => m.id)).toEqual([
      child.id,
    ]);
    expect((await client.delete(`/api/household/members/${gone.id}`)).statusCode).toBe(404);
    expect((await client.patch(`/api/household/members/${gone.id}`, { name: 'x' })).statusCode).toBe(404);

    const own = await findOwnMember(t.database.db, accountId, child.id);
    const institutionId = (await t.buildInstitution()).id;
    const [offer] = await t.database.db
      .insert(offers)
      .values({
        institutionId,
        service: 'appointment',
        form: 'consultation',
        day: dayFromToday(3),
        startsMin: 540,
        endsMin: 600,
        capacity: 1,
        taken: 1,
      })
      .returning();
    const book = async (status: string, lastDay: string) => {
      const [row] = await t.database.db
        .insert(bookings)
        .values({
          accountId,
          householdId: own!.householdId,
          memberId: child.id,
          institutionId,
          service: 'appointment',
          form: 'consultation',
          firstDay: lastDay,
          lastDay,
          startsMin: 540,
          endsMin: 600,
          status,
        })
        .returning();
      await t.database.db.insert(bookingOffers).values({ bookingId: row!.id, offerId: offer!.id });
      return row!;
    };
    await book('cancelled', dayFromToday(3));
    await book('confirmed', dayFromToday(-3));
    const live = await book('confirmed', dayFromToday(3));
    const refused = await client.delete(`/api/household/members/${child.id}`, EN);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'household.member_has_bookings',
      count: 1,
      lastDay: dayFromToday(3),
    });
    expect((await rawMember(child.id)).status).toBe('active');
    await t.database.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, live.id));
    expect((await client.delete(`/api/household/members/${child.id}`)).statusCode).toBe(204);

    const self = (
      await client.post('/api/household/members', { relation: 'other', name: 'x', birthDate: '1990-01-01' })
    ).json();
    expect(self.kind).toBe('adult');
    const [selfRow] = await t.database.db
      .update(householdMembers)
      .set({ relation: 'self' })
      .where(eq(householdMembers.id, self.id))
      .returning();
    const keepSelf = await client.delete(`/api/household/members/${selfRow!.id}`);
    expect(keepSelf.statusCode).toBe(409);
    expect(keepSelf.json().error.code).toBe('household.self_not_removable');
    const relation = await client.patch(`/api/household/members/${selfRow!.id}`, { relation: 'parent' });
    expect(relation.json().error).toMatchObject({ code: 'household.self_relation', field: 'relation' });
  });
});
