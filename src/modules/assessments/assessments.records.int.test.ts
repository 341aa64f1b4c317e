import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { auditLog } from '../audit/audit.table.js';
import { assessmentBody as body, buildPerson } from './assessments.records.fixtures.js';
import { assessments } from './assessments.table.js';

const url = (personId: string) => `/api/roster/${personId}/assessments`;
const EN = { 'accept-language': 'en' };
const NO_ID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let assessor: TestClient; // assessor 130102 (长安区)
let qiaoxiAssessor: TestClient; // assessor 130104 (桥西区)
let worker: TestClient; // community_worker 130102001001: reads the roster, does not assess
let health: TestClient; // health_county 130102: no roster at all
let zhou: string;
let zhao: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  const login = async (role: string, regionCode: string, displayName?: string) =>
    t.login((await t.buildAccount({ role: role as never, regionCode, displayName })).username);
  assessor = await login('assessor', '130102', '评估员甲');
  qiaoxiAssessor = await login('assessor', '130104');
  worker = await login('community_worker', '130102001001');
  health = await login('health_county', '130102');
  const city = await login('civil_city', '1301');
  // From 2026 on, Chang'an re-assesses on its own rhythm; assessments dated before keep the national one.
  const put = await city.request({
    method: 'PUT',
    url: '/api/settings/assessment.reassess_months',
    payload: {
      regionPrefix: '130102',
      effectiveFrom: '2026-01-01',
      value: { intact: 24, mild: 18, moderate: 12, severe: 6, complete: 3 },
    },
  });
  expect(put.statusCode).toBe(200);
  zhou = await buildPerson(t, { name: '周桂芳', birthDate: '1950-01-01', regionCode: '130102001001' });
  zhao = await buildPerson(t, { name: '赵德明', birthDate: '1945-02-02', regionCode: '130104001001' });
});

describe('storing an assessment', () => {
  it('stores a first assessment, scored and dated, audited, and a second "first" is a 409', async () => {
    const res = await assessor.post(
      url(zhou),
      body('2025-03-01', 'first', 66, { notes: ' 家中评估 ', minutes: 45 }),
    );
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      personId: zhou,
      regionCode: '130102001001',
      assessedOn: '2025-03-01',
      reason: 'first',
      total: 66,
      initialGrade: 'mild',
      finalGrade: 'mild',
      adjustments: [],
      standard: 'GB/T 42195—2022',
      nextDueOn: '2026-03-01',
      assessorName: '评估员甲',
      notes: '家中评估',
      minutes: 45,
    });
    expect(a.groups.selfCare).toEqual({ score: 8, max: 32 });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assessment.create'), eq(auditLog.entityId, a.id)));
    expect(entry).toMatchObject({ entityType: 'assessment', regionCode: '130102001001' });
    expect(entry!.after).toMatchObject({ personId: zhou, finalGrade: 'mild', nextDueOn: '2026-03-01' });

    const again = await assessor.post(url(zhou), body('2025-04-01', 'first'), EN);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'assessment.first_exists',
      lastAssessedOn: '2025-03-01',
    });
    expect(again.json().error.message).toContain('2025-03-01');
  });

  it('grades at the band edges and by the dementia, risk and coma rules, due by the rules in force that day', async () => {
    const cases = [
      // 65 is the top of "moderate"; national default 12 months.
      [body('2025-05-01', 'triggered', 65), 'moderate', 'moderate', [], '2026-05-01'],
      // 46, the bottom of "moderate", plus two care-risk events: severe, 6 months, clamped to February's end.
      [
        body('2025-08-31', 'triggered', 46, { riskEvents30d: ['fall', 'choking'] }),
        'moderate',
        'severe',
        ['riskEvents'],
        '2026-02-28',
      ],
      // 90 with dementia: mild; Chang'an's 2026 setting gives mild 18 months.
      [body('2026-01-10', 'routine', 90, { dementia: true }), 'intact', 'mild', ['dementia'], '2027-07-10'],
      // 30 (bottom of "severe") in a coma: complete, 3 months under the 2026 setting.
      [body('2026-02-01', 'triggered', 30, { coma: true }), 'severe', 'complete', ['coma'], '2026-05-01'],
      // 29 is the top of "complete" without any rule.
      [body('2026-03-01', 'dispute', 29), 'complete', 'complete', [], '2026-06-01'],
      // One care-risk event is below the threshold.
      [body('2026-03-02', 'routine', 45, { riskEvents30d: ['fall'] }), 'severe', 'severe', [], '2026-09-02'],
    ] as const;
    const totals = [65, 46, 90, 30, 29, 45];
    for (const [i, [payload, initialGrade, finalGrade, adjustments, nextDueOn]] of cases.entries()) {
      const res = await assessor.post(url(zhou), payload);
      expect(res.statusCode, payload.assessedOn).toBe(201);
      const total = totals[i];
      expect(res.json()).toMatchObject({ total, initialGrade, finalGrade, adjustments, nextDueOn });
    }
  });

  it('gives the history newest first, with the person masked and the next due day; the read is audited', async () => {
    const before = await t.database.db.$count(auditLog, eq(auditLog.action, 'person.read'));
    const res = await worker.get(url(zhou));
    expect(res.statusCode).toBe(200);
    const history = res.json();
    expect(history.items.map((a: { assessedOn: string }) => a.assessedOn)).toEqual([
      '2026-03-02',
      '2026-03-01',
      '2026-02-01',
      '2026-01-10',
      '2025-08-31',
      '2025-05-01',
      '2025-03-01',
    ]);
    expect(history.items.map((a: { finalGrade: string }) => a.finalGrade)).toEqual([
      'severe',
      'complete',
      'complete',
      'mild',
      'severe',
      'moderate',
      'mild',
    ]);
    expect(history.items[3]).toMatchObject({
      dementia: true,
      adjustments: ['dementia'],
      scores: { eating: 4 },
    });
    expect(history.nextDueOn).toBe('2026-09-02');
    expect(history.person).toMatchObject({
      id: zhou,
      name: '周桂芳',
      sixtiethBirthday: '2010-01-01',
      phone: '138****5678',
      regionName: '棉一东社区居民委员会',
    });
    expect(history.person.idNumber).toMatch(/^130102\*{8}\d{3}[\dX]$/);
    expect(await t.database.db.$count(auditLog, eq(auditLog.action, 'person.read'))).toBe(before + 1);
  });

  it('refuses an assessment day in the future or before the 60th birthday, naming assessedOn', async () => {
    const young = await buildPerson(t, {
      name: '钱六十',
      birthDate: '1964-06-10',
      regionCode: '130102001002',
    });
    const tomorrow = new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const future = await assessor.post(url(young), body(tomorrow, 'first'));
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'assessment.date_future', field: 'assessedOn' });
    const early = await assessor.post(url(young), body('2024-06-09', 'first'), EN);
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toEqual({
      code: 'assessment.date_before_60',
      field: 'assessedOn',
      message: 'The assessment day (assessedOn) cannot be before the person turned 60 (2024-06-10)',
    });
    const bad = await assessor.post(url(young), body('2024-02-30', 'first'));
    expect(bad.json().error).toMatchObject({ field: 'assessedOn' });
    const onTheDay = await assessor.post(url(young), body('2024-06-10', 'first'));
    expect(onTheDay.statusCode).toBe(201);
    const today = await assessor.post(url(young), body(chinaToday(), 'routine'));
    expect(today.statusCode).toBe(201);
  });

  it('refuses bad scores like /score, and an assessment after the person left the roster', async () => {
    const stairs = await assessor.post(
      url(zhou),
      body('2026-04-01', 'routine', 90, { scores: { stairs: 4 } }),
    );
    expect(stairs.statusCode).toBe(400);
    expect(stairs.json().error).toMatchObject({ code: 'assessment.score_missing', field: 'scores.eating' });
    const full = body('2026-04-01', 'routine');
    const range = await assessor.post(url(zhou), { ...full, scores: { ...full.scores, stairs: 4 } });
    expect(range.json().error).toMatchObject({ code: 'assessment.score_range', field: 'scores.stairs' });
    const risk = await assessor.post(url(zhou), { ...full, riskEvents30d: ['flood'] });
    expect(risk.json().error).toMatchObject({ field: 'riskEvents30d.0' });

    const gone = await buildPerson(t, {
      name: '孙已故',
      birthDate: '1940-01-01',
      regionCode: '130102001001',
      status: 'deceased',
      closedOn: '2026-01-31',
    });
    expect((await assessor.post(url(gone), body('2026-01-30', 'first'))).statusCode).toBe(201);
    const after = await assessor.post(url(gone), body('2026-02-01', 'routine'));
    expect(after.statusCode).toBe(409);
    expect(after.json().error).toMatchObject({ code: 'assessment.person_closed', status: 'deceased' });
  });
});

describe('scope', () => {
  it('answers 403 outside the caller’s region, 404 for an unknown person, 403 without the permission', async () => {
    const n = await t.database.db.$count(assessments);
    expect((await assessor.post(url(zhao), body('2025-03-01', 'first'))).statusCode).toBe(403);
    expect((await assessor.get(url(zhao))).statusCode).toBe(403);
    expect((await qiaoxiAssessor.post(url(zhou), body('2026-04-01', 'routine'))).statusCode).toBe(403);
    expect((await qiaoxiAssessor.post(url(zhao), body('2025-03-01', 'first'))).statusCode).toBe(201);
    expect((await assessor.post(url(NO_ID), body('2025-03-01', 'first'))).statusCode).toBe(404);
    expect((await assessor.get(url(NO_ID))).statusCode).toBe(404);
    expect((await worker.post(url(zhou), body('2026-04-01', 'routine'))).statusCode).toBe(403);
    expect((await health.get(url(zhou))).statusCode).toBe(403);
    expect((await t.anonymous.get(url(zhou))).statusCode).toBe(401);
    expect(await t.database.db.$count(assessments)).toBe(n + 1);
  });
});
