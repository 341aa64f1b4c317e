import { beforeAll, describe, expect, it } from 'vitest';
import { type ItemKey, itemsOf } from '../../standards/capability-assessment.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { auditLog } from '../audit/audit.table.js';

const SCORE = '/api/assessments/score';
const FORM = '/api/assessments/form';
const FULL = Object.fromEntries(itemsOf().map((i) => [i.key, i.max])) as Record<ItemKey, number>;
const body = (overrides: Record<string, unknown> = {}) => ({
  scores: FULL,
  coma: false,
  dementia: false,
  riskEvents30d: 0,
  ...overrides,
});
const EN = { 'accept-language': 'en' };

let t: TestApp;
let changanAssessor: TestClient;
let qiaoxiAssessor: TestClient;
let institutionStaff: TestClient;
let shijiazhuangCivil: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  const institution = await t.buildInstitution({
    kind: 'elderly_care_institution',
    regionCode: '130104001001',
  });
  const accounts = await Promise.all([
    t.buildAccount({ role: 'assessor', regionCode: '130102' }),
    t.buildAccount({ role: 'assessor', regionCode: '130104' }),
    t.buildAccount({ role: 'institution_staff', regionCode: '130104001001', institutionId: institution.id }),
    t.buildAccount({ role: 'civil_city', regionCode: '1301' }),
  ]);
  [changanAssessor, qiaoxiAssessor, institutionStaff, shijiazhuangCivil] = (await Promise.all(
    accounts.map((a) => t.login(a.username)),
  )) as [TestClient, TestClient, TestClient, TestClient];
});

describe('GET /api/assessments/form', () => {
  it('gives the form in Chinese by default and in English on request', async () => {
    const zh = await changanAssessor.get(FORM);
    expect(zh.statusCode).toBe(200);
    const form = zh.json();
    expect(form).toMatchObject({ edition: 'GB/T 42195—2022', maxTotal: 90 });
    expect(form.groups.map((g: { name: string; max: number }) => `${g.name} ${g.max}`)).toEqual([
      '自理能力 32',
      '基础运动能力 15',
      '精神状态 28',
      '感知觉与社会参与 15',
    ]);
    const items = form.groups.flatMap((g: { items: unknown[] }) => g.items);
    expect(items).toHaveLength(26);
    expect(items[0]).toMatchObject({ key: 'eating', number: 'B.1.1', name: '进食', max: 4 });
    expect(items[0].levels[0]).toEqual({ score: 4, meaning: '独立完成' });
    expect(items.find((i: { key: string }) => i.key === 'stairs')).toMatchObject({ max: 3, levels: null });
    expect(form.grades.map((g: { key: string; name: string }) => `${g.key} ${g.name}`)).toEqual([
      'intact 能力完好',
      'mild 轻度失能',
      'moderate 中度失能',
      'severe 重度失能',
      'complete 完全失能',
    ]);
    expect(form.reasons.map((r: { key: string }) => r.key)).toEqual([
      'first',
      'routine',
      'triggered',
      'dispute',
    ]);
    expect(form.rules).toMatchObject({ riskEventThreshold: 2, stackAdjustments: true });

    const en = (await institutionStaff.get(FORM, EN)).json();
    expect(en.groups[1].items[3]).toMatchObject({ key: 'stairs', name: 'Stairs', number: 'B.2.4' });
    expect(en.grades[2]).toEqual({
      key: 'moderate',
      name: 'Moderate disability',
      minTotal: 46,
      maxTotal: 65,
    });
    expect(en.groups[0].items[0].levels.map((l: { meaning: string }) => l.meaning)).toEqual([
      'Independent',
      'Needs prompting',
      'Needs some help',
      'Mostly helped',
      'Fully dependent',
    ]);
  });
});

describe('POST /api/assessments/score', () => {
  it('scores a full form and stores nothing', async () => {
    const before = await t.database.db.$count(auditLog);
    const res = await changanAssessor.post(SCORE, body());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      total: 90,
      initialGrade: 'intact',
      finalGrade: 'intact',
      groups: {
        selfCare: { score: 32, max: 32 },
        mobility: { score: 15, max: 15 },
        mental: { score: 28, max: 28 },
        perception: { score: 15, max: 15 },
      },
      adjustments: [],
    });
    expect(await t.database.db.$count(auditLog)).toBe(before);
  });

  it('applies the final-grade rules', async () => {
    const scores = { ...FULL, eating: 0, bathing: 0, grooming: 0, stairs: 0, memory: 1, transport: 0 };
    const plain = (await institutionStaff.post(SCORE, body({ scores }))).json();
    expect(plain).toMatchObject({ total: 69, initialGrade: 'mild', finalGrade: 'mild' });
    const coma = (await institutionStaff.post(SCORE, body({ scores, coma: true }))).json();
    expect(coma).toMatchObject({ finalGrade: 'complete', adjustments: ['coma'] });
    const oneEvent = (await institutionStaff.post(SCORE, body({ scores, riskEvents30d: 1 }))).json();
    expect(oneEvent).toMatchObject({ finalGrade: 'mild', adjustments: [] });
    const both = (
      await institutionStaff.post(SCORE, body({ scores, dementia: true, riskEvents30d: 2 }))
    ).json();
    expect(both).toMatchObject({ finalGrade: 'severe', adjustments: ['dementia', 'riskEvents'] });
  });

  it('refuses stairs scored 4 with a 400 naming scores.stairs and its range, in zh-CN and en', async () => {
    const zh = await changanAssessor.post(SCORE, body({ scores: { ...FULL, stairs: 4 } }));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toEqual({
      code: 'assessment.score_range',
      field: 'scores.stairs',
      message: '“上下楼梯”（scores.stairs）的评分应为 0–3 的整数',
    });
    const en = await changanAssessor.post(SCORE, body({ scores: { ...FULL, stairs: 4 } }), EN);
    expect(en.json().error).toMatchObject({
      field: 'scores.stairs',
      message: 'The score for "Stairs" (scores.stairs) must be a whole number from 0 to 3',
    });
    const fraction = await changanAssessor.post(SCORE, body({ scores: { ...FULL, stairs: 1.5 } }));
    expect(fraction.json().error).toMatchObject({ code: 'assessment.score_range', field: 'scores.stairs' });
  });

  it('refuses a missing item with a 400 naming it and its range', async () => {
    const { stairs: _, ...scores } = FULL;
    const zh = await changanAssessor.post(SCORE, body({ scores }));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toEqual({
      code: 'assessment.score_missing',
      field: 'scores.stairs',
      message: '缺少“上下楼梯”（scores.stairs）的评分，应为 0–3 的整数',
    });
    const en = await changanAssessor.post(SCORE, body({ scores }), EN);
    expect(en.json().error.message).toBe(
      'The score for "Stairs" (scores.stairs) is missing: a whole number from 0 to 3',
    );
  });

  it('refuses unknown item keys, naming them', async () => {
    const res = await changanAssessor.post(SCORE, body({ scores: { ...FULL, smell: 2, taste: 1 } }), EN);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'assessment.unknown_items',
      field: 'scores',
      message: '"scores" has unknown assessment items: smell, taste',
    });
  });

  it('refuses a missing flag or a negative count of care-risk events', async () => {
    const { coma: _, ...noComa } = body();
    const missing = await changanAssessor.post(SCORE, noComa);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'validation.required', field: 'coma' });
    const negative = await changanAssessor.post(SCORE, body({ riskEvents30d: -1 }));
    expect(negative.json().error).toMatchObject({ field: 'riskEvents30d' });
  });

  it('refuses callers who are not signed in', async () => {
    expect((await t.anonymous.post(SCORE, body())).statusCode).toBe(401);
    expect((await t.anonymous.get(FORM)).statusCode).toBe(401);
  });
});

describe('the stacking setting', () => {
  it('switched off for Chang’an counts dementia and risk events once there, and only there', async () => {
    const put = await shijiazhuangCivil.request({
      method: 'PUT',
      url: '/api/settings/assessment.stack_grade_adjustments',
      payload: { regionPrefix: '130102', effectiveFrom: '2024-01-01', value: false },
    });
    expect(put.statusCode).toBe(200);

    const both = body({ dementia: true, riskEvents30d: 3 });
    const changan = (await changanAssessor.post(SCORE, both)).json();
    expect(changan).toMatchObject({ initialGrade: 'intact', finalGrade: 'mild' });
    const qiaoxi = (await qiaoxiAssessor.post(SCORE, both)).json();
    expect(qiaoxi).toMatchObject({ initialGrade: 'intact', finalGrade: 'moderate' });

    expect((await changanAssessor.get(FORM)).json().rules.stackAdjustments).toBe(false);
    expect((await qiaoxiAssessor.get(FORM)).json().rules.stackAdjustments).toBe(true);
  });
});
