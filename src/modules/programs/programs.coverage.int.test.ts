import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../lib/xlsx.read.js';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { bookings } from '../bookings/bookings.table.js';
import { serviceItems, serviceOrders, visits } from '../homecare/homecare.table.js';
import { householdMembers, households } from '../households/households.table.js';
import { bornAged, insertPeople, programBody, programsWorld } from './programs.fixtures.js';
import * as repo from './programs.repo.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof programsWorld>>;
const today = chinaToday();
const month = today.slice(0, 7);
const lastMonthDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 0))
  .toISOString()
  .slice(0, 10);
const ids: Record<string, string> = {};
let services = '';
let allowance = '';

/** A door-to-door visit to a person on a day, with its order, in a given state. */
async function visit(personId: string, day: string, status: string) {
  const db = t.database.db;
  const provider = (await t.buildInstitution({ kind: 'childcare_centre' })).id;
  const caregiver = (await t.buildAccount({ role: 'institution_staff', institutionId: provider })).id;
  const [item] = await db
    .insert(serviceItems)
    .values({
      regionPrefix: '1301',
      code: `clean-${day}-${status}-${personId.slice(0, 6)}`,
      name: '助洁',
      type: 'cleaning',
      durationMinutes: 60,
      priceCents: 5000,
    })
    .returning({ id: serviceItems.id });
  const [order] = await db
    .insert(serviceOrders)
    .values({
      personId,
      regionCode: '130102001001',
      itemId: item!.id,
      providerId: provider,
      caregiverId: caregiver,
      source: 'community_worker',
      scheduledOn: day,
      durationMinutes: 60,
      priceCents: 5000,
      status: 'verified',
    })
    .returning({ id: serviceOrders.id });
  await db.insert(visits).values({
    orderId: order!.id,
    personId,
    providerId: provider,
    caregiverId: caregiver,
    serviceType: 'cleaning',
    day,
    status,
  });
}

/** A confirmed lunch booked this month for the person, as a member of a resident's household. */
async function mealBooking(personId: string) {
  const db = t.database.db;
  const [person] = await repo.rows<{ idIndex: string }>(
    db,
    sql`SELECT id_number_index AS "idIndex" FROM older_people WHERE id = ${personId}::uuid`,
  );
  const account = (await t.buildAccount({ role: 'resident', regionCode: '130102002001' })).id;
  const [household] = await db
    .insert(households)
    .values({ ownerAccountId: account })
    .returning({ id: households.id });
  const [member] = await db
    .insert(householdMembers)
    .values({
      householdId: household!.id,
      relation: 'parent',
      kind: 'older',
      name: '老人',
      birthDate: bornAged(85),
      idNumberIndex: person!.idIndex,
    })
    .returning({ id: householdMembers.id });
  const canteen = (await t.buildInstitution({ regionCode: '130102002001' })).id;
  await db.insert(bookings).values({
    accountId: account,
    householdId: household!.id,
    memberId: member!.id,
    institutionId: canteen,
    service: 'meal',
    form: 'lunch',
    firstDay: today,
    lastDay: today,
    startsMin: 690,
    endsMin: 750,
    status: 'confirmed',
  });
}

beforeAll(async () => {
  t = await createTestApp();
  w = await programsWorld(t);
  const names = ['甲', '乙', '丙', '丁', '戊', '己'];
  const regions = [
    '130102001001',
    '130102001001',
    '130102001002',
    '130102002001',
    '130102002001',
    '130104001001',
  ];
  const made = await insertPeople(
    t.database.db,
    t.cipher,
    names.map((name, i) => ({ name, birthDate: bornAged(85), regionCode: regions[i]! })),
  );
  names.forEach((n, i) => {
    ids[n] = made[i]!;
  });
  const s = await w.changan.post(
    '/api/programs',
    programBody({
      code: 'HOMECARE',
      autoEnrol: false,
      benefit: { kind: 'service_quota', minutesPerMonth: 240 },
    }),
  );
  services = s.json().id;
  allowance = (await w.changan.post('/api/programs', programBody({ code: 'AGE80' }))).json().id;
  await w.changan.post(`/api/programs/${services}/evaluate`);
  for (const n of ['乙', '丙', '丁', '戊'])
    expect(
      (await w.changan.post(`/api/programs/${services}/enrolments`, { personId: ids[n] })).statusCode,
    ).toBe(201);
  await visit(ids.乙!, today, 'verified');
  await visit(ids.丙!, lastMonthDay, 'verified');
  await visit(ids.丙!, today, 'exception');
  await mealBooking(ids.丁!);
  await t.database.db.execute(sql`UPDATE older_people SET status = 'deceased' WHERE id = ${ids.戊!}::uuid`);
  await w.changan.post(`/api/programs/${services}/evaluate`);
  await w.changan.post(`/api/programs/${allowance}/evaluate`);
});

const zero = {
  eligible: 0,
  enrolled: 0,
  served: 0,
  eligibleNotEnrolled: 0,
  enrolledNotServed: 0,
  enrolledNotEligible: 0,
};

describe('the coverage report (应保尽保)', () => {
  it('counts per township: eligible, enrolled, served and the three gaps', async () => {
    const res = await w.changan.get(`/api/programs/coverage?month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.programs.map((p: { code: string; services: boolean }) => [p.code, p.services])).toEqual([
      ['AGE80', false],
      ['HOMECARE', true],
    ]);
    expect(report.townships).toEqual([
      {
        ...zero,
        code: '130102001',
        name: '建北街道',
        eligible: 6,
        enrolled: 5,
        served: 1,
        eligibleNotEnrolled: 1,
        enrolledNotServed: 1,
      },
      {
        ...zero,
        code: '130102002',
        name: '青园街道',
        eligible: 2,
        enrolled: 3,
        served: 1,
        enrolledNotServed: 1,
        enrolledNotEligible: 1,
      },
    ]);
    expect(report.totals).toEqual({
      eligible: 8,
      enrolled: 8,
      served: 2,
      eligibleNotEnrolled: 1,
      enrolledNotServed: 2,
      enrolledNotEligible: 1,
    });
  });

  it('lists the right people: names shown, ID numbers masked, reading audited', async () => {
    const list = async (name: string) => {
      const res = await w.changan.get(
        `/api/programs/coverage/people?month=${month}&programId=${services}&list=${name}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const missed = await list('eligible_not_enrolled');
    expect(missed.items.map((i: { name: string }) => i.name)).toEqual(['甲']);
    expect(missed.items[0].idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(missed.items[0]).toMatchObject({
      townshipCode: '130102001',
      programCode: 'HOMECARE',
      enrolmentId: null,
    });
    expect((await list('enrolled_not_served')).items.map((i: { name: string }) => i.name)).toEqual([
      '丙',
      '戊',
    ]);
    const gone = await list('enrolled_not_eligible');
    expect(gone.items).toEqual([expect.objectContaining({ name: '戊', failed: ['status:active'] })]);
    const all = (
      await w.changan.get(`/api/programs/coverage/people?month=${month}&pageSize=2&page=2`)
    ).json();
    expect(all).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(all.items.map((i: { list: string; name: string }) => `${i.list}:${i.name}`)).toEqual([
      'enrolled_not_served:戊',
      'enrolled_not_eligible:戊',
    ]);
    const [audit] = await repo.rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'program.coverage.read'`,
    );
    expect(audit!.n).toBe(4);
  });

  it('exports the lists to XLSX, audited once', async () => {
    const res = await w.changan.get(
      `/api/programs/coverage/export.xlsx?month=${month}&programId=${services}`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { sheet, header, body } = await readXlsx(res.rawPayload);
    expect(sheet.name).toBe('应保尽保');
    expect(header[0]).toBe('问题');
    expect(body.map((r) => `${r[0]}:${r[3]}`)).toEqual([
      '符合条件未纳入:甲',
      '已纳入本月未服务:丙',
      '已纳入本月未服务:戊',
      '已纳入不再符合条件:戊',
    ]);
    expect(String(body[0]![4])).toMatch(/\*{8}/);
    const [audit] = await repo.rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'program_coverage.export'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('keeps to the caller’s region', async () => {
    const community = (await w.worker.get(`/api/programs/coverage?month=${month}`)).json();
    expect(community.regionCode).toBe('130102001001');
    expect(community.totals).toMatchObject({ eligible: 4, eligibleNotEnrolled: 1 });
    const people = (await w.worker.get(`/api/programs/coverage/people?month=${month}`)).json();
    expect(people.items.map((i: { name: string }) => i.name)).toEqual(['甲']);
    expect((await w.qiaoxi.get(`/api/programs/coverage?regionCode=130102`)).statusCode).toBe(403);
    expect((await w.qiaoxi.get(`/api/programs/coverage/people?regionCode=130102`)).statusCode).toBe(403);
    expect((await w.health.get('/api/programs/coverage')).statusCode).toBe(403);
    const qiaoxi = (await w.qiaoxi.get(`/api/programs/coverage?month=${month}`)).json();
    expect(qiaoxi.totals).toEqual(zero);
  });
});
