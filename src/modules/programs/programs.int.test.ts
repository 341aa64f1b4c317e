import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { personChanged } from '../assessments/assessments.events.js';
import { assessments } from '../assessments/assessments.table.js';
import { assessmentRow, bornAged, insertPeople, programBody, programsWorld } from './programs.fixtures.js';
import * as repo from './programs.repo.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof programsWorld>>;
const EN = { 'accept-language': 'en' };
const month = chinaToday().slice(0, 7);

beforeAll(async () => {
  t = await createTestApp();
  w = await programsWorld(t);
});

const create = async (client: TestClient, over: Record<string, unknown> = {}) => {
  const res = await client.post('/api/programs', programBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
};
const enrolments = (programId: string) =>
  repo.rows<{ personId: string; status: string; endedReason: string | null }>(
    t.database.db,
    sql`SELECT person_id AS "personId", status, ended_reason AS "endedReason" FROM program_enrolments
        WHERE program_id = ${programId}::uuid ORDER BY created_at`,
  );
const setStatus = (id: string, status: string) =>
  t.database.db.execute(sql`UPDATE older_people SET status = ${status} WHERE id = ${id}::uuid`);

describe('programs as data', () => {
  it('creates, lists, changes and retires a program; shows amounts in yuan', async () => {
    const created = await create(w.changan, {
      name: '高龄津贴（80–89岁）',
      eligibility: { minAge: 80, maxAge: 89, anyFlags: ['living_alone', 'living_alone'] },
    });
    const list = (await w.worker.get('/api/programs')).json();
    const listed = list.items.find((p: { id: string }) => p.id === created.id);
    expect(listed).toMatchObject({
      regionPrefix: '130102',
      eligibility: { minAge: 80, maxAge: 89, anyFlags: ['living_alone'] },
      benefit: { kind: 'monthly_amount', amount: 100 },
      editable: false,
      status: 'active',
    });
    const patched = await w.changan.patch(`/api/programs/${created.id}`, {
      benefit: { kind: 'monthly_amount', amount: 120.5 },
      status: 'retired',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ benefit: { amount: 120.5 }, status: 'retired', editable: true });
    const stored = await repo.findProgram(t.database.db, created.id);
    expect(stored!.benefit).toEqual({ kind: 'monthly_amount', amountCents: 12_050 });
    expect((await w.changan.post(`/api/programs/${created.id}/evaluate`)).statusCode).toBe(409);
  });

  it('refuses a duplicate code, a residence outside the region, bad ages and money, naming the field', async () => {
    const { code } = await create(w.changan);
    const dup = await w.changan.post('/api/programs', programBody({ code }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('programs.code_taken');
    const outside = await w.changan.post(
      '/api/programs',
      programBody({ eligibility: { residence: '130104001' } }),
      EN,
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({
      code: 'programs.residence_outside',
      field: 'eligibility.residence',
    });
    const ages = await w.changan.post(
      '/api/programs',
      programBody({ eligibility: { minAge: 90, maxAge: 80 } }),
    );
    expect(ages.json().error).toMatchObject({ code: 'programs.age_range', field: 'eligibility.maxAge' });
    const money = await w.changan.post(
      '/api/programs',
      programBody({ benefit: { kind: 'monthly_amount', amount: 1.234 } }),
    );
    expect(money.json().error).toMatchObject({ code: 'programs.money_cents', field: 'benefit.amount' });
    const flag = await w.changan.post('/api/programs', programBody({ eligibility: { anyFlags: ['rich'] } }));
    expect(flag.statusCode).toBe(400);
    expect(flag.json().error.field).toBe('eligibility.anyFlags.0');
  });

  it('keeps programs inside the caller’s scope (403) and to civil affairs', async () => {
    const program = await create(w.changan);
    expect((await w.qiaoxi.post('/api/programs', programBody({ regionPrefix: '130102' }))).statusCode).toBe(
      403,
    );
    expect((await w.changan.post('/api/programs', programBody({ regionPrefix: '1301' }))).statusCode).toBe(
      403,
    );
    expect((await w.qiaoxi.patch(`/api/programs/${program.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await w.qiaoxi.post(`/api/programs/${program.id}/evaluate`)).statusCode).toBe(403);
    expect((await w.qiaoxi.post(`/api/programs/${program.id}/entitlements?month=${month}`)).statusCode).toBe(
      403,
    );
    expect((await w.worker.post(`/api/programs/${program.id}/evaluate`)).statusCode).toBe(403);
    expect((await w.health.get('/api/programs')).statusCode).toBe(403);
    expect((await w.changan.get('/api/programs?regionCode=130104')).statusCode).toBe(403);
    const city = await create(w.city, { regionPrefix: '1301' });
    const seen = (await w.qiaoxi.get('/api/programs')).json().items.map((p: { id: string }) => p.id);
    expect(seen).toContain(city.id);
    expect(seen).not.toContain(program.id);
    expect((await w.changan.patch(`/api/programs/${city.id}`, { name: 'x' })).statusCode).toBe(403);
  });

  it('deletes a program without history and refuses one with enrolments', async () => {
    const empty = await create(w.changan);
    expect((await w.changan.delete(`/api/programs/${empty.id}`)).statusCode).toBe(204);
    const used = await create(w.changan, { regionPrefix: '130102002' });
    await insertPeople(t.database.db, t.cipher, [{ birthDate: bornAged(85), regionCode: '130102002001' }]);
    expect((await w.changan.post(`/api/programs/${used.id}/evaluate`)).json().enrolled).toBe(1);
    const refused = await w.changan.delete(`/api/programs/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('programs.has_enrolments');
  });
});

describe('evaluating the roster', () => {
  it('enrols the newly eligible and ends those no longer eligible (auto-enrol)', async () => {
    const [old, young, gone] = await insertPeople(t.database.db, t.cipher, [
      { birthDate: bornAged(85), regionCode: '130102001002' },
      { birthDate: bornAged(79), regionCode: '130102001002' },
      { birthDate: bornAged(90), regionCode: '130102001002', status: 'deceased' },
    ]);
    const program = await create(w.changan, { regionPrefix: '130102001002', eligibility: { minAge: 80 } });
    const first = await w.changan.post(`/api/programs/${program.id}/evaluate`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      regionCode: '130102001002',
      evaluated: 3,
      eligible: 1,
      enrolled: 1,
      ended: 0,
    });
    expect(await enrolments(program.id)).toEqual([{ personId: old, status: 'enrolled', endedReason: null }]);
    // Run again: nothing new.
    expect((await w.changan.post(`/api/programs/${program.id}/evaluate`)).json()).toMatchObject({
      eligible: 1,
      enrolled: 0,
      ended: 0,
    });
    await setStatus(old!, 'moved_out');
    const again = (await w.changan.post(`/api/programs/${program.id}/evaluate`)).json();
    expect(again).toMatchObject({ eligible: 0, enrolled: 0, ended: 1 });
    expect(await enrolments(program.id)).toEqual([
      { personId: old, status: 'ended', endedReason: 'no_longer_eligible' },
    ]);
    const audit = await repo.rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'program.evaluate' AND entity_id = ${program.id}`,
    );
    expect(audit[0]!.n).toBe(3);
    expect(young && gone).toBeTruthy();
  });

  it('evaluates only the caller’s part of a wider program, township by township', async () => {
    await insertPeople(t.database.db, t.cipher, [
      { birthDate: bornAged(101), regionCode: '130104001001' },
      { birthDate: bornAged(101), regionCode: '130102002001' },
    ]);
    const program = await create(w.city, { regionPrefix: '1301', eligibility: { minAge: 100 } });
    const county = (await w.changan.post(`/api/programs/${program.id}/evaluate`)).json();
    expect(county).toMatchObject({ regionCode: '130102', eligible: 1, enrolled: 1 });
    const city = (await w.city.post(`/api/programs/${program.id}/evaluate`)).json();
    expect(city).toMatchObject({ regionCode: '1301', eligible: 2, enrolled: 1 });
  });

  it('leaves programs enrolled on application to officials: enrol, refuse the ineligible, never auto-end', async () => {
    const [alone, other] = await insertPeople(t.database.db, t.cipher, [
      { birthDate: bornAged(82), regionCode: '130102002001', flags: ['living_alone'] },
      { birthDate: bornAged(82), regionCode: '130102002001' },
    ]);
    const program = await create(w.changan, {
      regionPrefix: '130102002',
      autoEnrol: false,
      eligibility: { minAge: 80, anyFlags: ['living_alone'] },
      benefit: { kind: 'service_quota', minutesPerMonth: 240 },
    });
    const run = (await w.changan.post(`/api/programs/${program.id}/evaluate`)).json();
    expect(run).toMatchObject({ eligible: 1, enrolled: 0 });
    const refused = await w.changan.post(`/api/programs/${program.id}/enrolments`, { personId: other }, EN);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'programs.not_eligible', reasons: expect.any(Array) });
    expect(refused.json().error.message).toContain('!flag:living_alone');
    const enrolled = await w.changan.post(`/api/programs/${program.id}/enrolments`, { personId: alone });
    expect(enrolled.statusCode).toBe(201);
    expect(
      (await w.changan.post(`/api/programs/${program.id}/enrolments`, { personId: alone })).statusCode,
    ).toBe(409);
    expect(
      (await w.qiaoxi.post(`/api/programs/${program.id}/enrolments`, { personId: alone })).statusCode,
    ).toBe(403);
    await t.database.db.execute(sql`DELETE FROM person_flags WHERE person_id = ${alone}::uuid`);
    expect((await w.changan.post(`/api/programs/${program.id}/evaluate`)).json()).toMatchObject({
      eligible: 0,
      ended: 0,
    });
    expect((await enrolments(program.id))[0]).toMatchObject({ status: 'enrolled' });
    const end = await w.changan.post(`/api/programs/${program.id}/enrolments/${enrolled.json().id}/end`, {
      reason: 'declined',
    });
    expect(end.json()).toMatchObject({ status: 'ended', endedReason: 'declined' });
    const endAgain = await w.changan.post(
      `/api/programs/${program.id}/enrolments/${enrolled.json().id}/end`,
      {
        reason: 'other',
      },
    );
    expect(endAgain.statusCode).toBe(409);
  });

  it('does not re-enrol someone who declined', async () => {
    const [person] = await insertPeople(t.database.db, t.cipher, [
      { birthDate: bornAged(95), regionCode: '130102001001' },
    ]);
    const program = await create(w.changan, { regionPrefix: '130102001001', eligibility: { minAge: 90 } });
    await w.changan.post(`/api/programs/${program.id}/evaluate`);
    const [enrolment] = await repo.rows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM program_enrolments WHERE program_id = ${program.id}::uuid AND person_id = ${person}::uuid`,
    );
    await w.changan.post(`/api/programs/${program.id}/enrolments/${enrolment!.id}/end`, {
      reason: 'declined',
    });
    expect((await w.changan.post(`/api/programs/${program.id}/evaluate`)).json()).toMatchObject({
      eligible: 1,
      enrolled: 0,
    });
  });

  it('re-evaluates one person when an assessment is stored (onPersonChanged, same transaction)', async () => {
    const [person] = await insertPeople(t.database.db, t.cipher, [
      { birthDate: bornAged(70), regionCode: '130102002001' },
    ]);
    const program = await create(w.changan, {
      regionPrefix: '130102002001',
      eligibility: { grades: ['severe', 'complete'] },
      benefit: { kind: 'monthly_amount', amount: 600 },
    });
    expect((await w.changan.post(`/api/programs/${program.id}/evaluate`)).json().eligible).toBe(0);
    await t.database.db.transaction(async (tx) => {
      await tx.insert(assessments).values(assessmentRow(person!, '130102002001', chinaToday(), 'severe'));
      await personChanged(tx, person!);
    });
    expect(await enrolments(program.id)).toEqual([
      { personId: person, status: 'enrolled', endedReason: null },
    ]);
    const view = (await w.changan.get(`/api/roster/${person}/programs`)).json();
    expect(
      view.items.find((i: { program: { id: string } }) => i.program.id === program.id).eligibility,
    ).toMatchObject({
      eligible: true,
      reasons: ['status:active', 'residence:130102002001', 'grade:severe'],
    });
  });
});
