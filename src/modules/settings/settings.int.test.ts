import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHILDCARE_CLASS_RULES_2019, requiredCarers } from '../../standards/childcare-classes.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { auditLog } from '../audit/audit.table.js';
import { regions } from '../regions/regions.table.js';
import { getSetting } from './settings.service.js';

let t: TestApp;
let shenzhenHealth: TestClient;
let shenzhenCivil: TestClient;
let changanHealth: TestClient;
let sysadmin: TestClient;

/** Guangdong → Shenzhen → Nanshan → a street and a community: the documented 1 : 6 example. */
const SHENZHEN = [
  ['44', '广东省', 1, null],
  ['4401', '广州市', 2, '44'],
  ['4403', '深圳市', 2, '44'],
  ['440305', '南山区', 3, '4403'],
  ['440305001', '南头街道', 4, '440305'],
  ['440305001001', '南头社区居委会', 5, '440305001'],
] as const;

const put = (c: TestClient, key: string, body: unknown, lang = 'zh-CN') =>
  c.request({
    method: 'PUT',
    url: `/api/settings/${key}`,
    payload: body as object,
    headers: { 'accept-language': lang },
  });

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  await t.database.db
    .insert(regions)
    .values(
      SHENZHEN.map(([code, name, level, parentCode]) => ({ year: 2023, code, name, level, parentCode })),
    );
  const accounts = await Promise.all([
    t.buildAccount({ role: 'health_city', regionCode: '4403' }),
    t.buildAccount({ role: 'civil_city', regionCode: '4403' }),
    t.buildAccount({ role: 'health_county', regionCode: '130102' }),
    t.buildAccount({ role: 'sysadmin', regionCode: '' }),
  ]);
  const clients = await Promise.all(accounts.map((a) => t.login(a.username)));
  [shenzhenHealth, shenzhenCivil, changanHealth, sysadmin] = clients as [
    TestClient,
    TestClient,
    TestClient,
    TestClient,
  ];
});

describe('reading a setting', () => {
  it('gives the national default to anyone, signed in or not', async () => {
    const res = await t.anonymous.get('/api/settings/childcare.class_rules?regionCode=130102001001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      key: 'childcare.class_rules',
      regionPrefix: '',
      effectiveFrom: '1970-01-01',
      value: CHILDCARE_CLASS_RULES_2019,
      note: null,
      source: 'default',
    });
    const walk = await t.anonymous.get('/api/settings/planning.walk_minutes');
    expect(walk.json().value).toEqual([5, 10, 15]);
  });

  it('refuses an unknown key naming the field', async () => {
    const res = await t.anonymous.get('/api/settings/childcare.nap_minutes', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation.enum', field: 'key' });
  });
});

describe('a Shenzhen override (mixed classes at 1 : 6)', () => {
  it('is returned for every region under 4403 and nowhere else, the rest of the rules unchanged', async () => {
    const res = await put(shenzhenHealth, 'childcare.class_rules', {
      regionPrefix: '4403',
      effectiveFrom: '2024-01-01',
      value: { mixed: { childrenPerCarer: 6 } },
      note: '深圳市托育机构混龄班师生比 1:6',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().value.mixed).toEqual({
      minAgeMonths: 18,
      maxAgeMonths: 36,
      maxSize: 18,
      childrenPerCarer: 6,
    });

    const nanshan = await t.anonymous.get('/api/settings/childcare.class_rules?regionCode=440305001001');
    expect(nanshan.json()).toMatchObject({
      regionPrefix: '4403',
      effectiveFrom: '2024-01-01',
      source: 'stored',
    });
    expect(nanshan.json().value).toEqual({
      ...CHILDCARE_CLASS_RULES_2019,
      mixed: { ...CHILDCARE_CLASS_RULES_2019.mixed, childrenPerCarer: 6 },
    });
    const guangzhou = await t.anonymous.get('/api/settings/childcare.class_rules?regionCode=440106');
    expect(guangzhou.json().source).toBe('default');

    const rules = await getSetting(t.database.db, 'childcare.class_rules', '440305');
    expect(requiredCarers(18, 'mixed', rules)).toBe(3);
  });

  it('ignores an older edition when a newer one applies, and a future one until its day', async () => {
    const older = {
      regionPrefix: '4403',
      effectiveFrom: '2020-01-01',
      value: { mixed: { childrenPerCarer: 4 } },
    };
    const future = {
      regionPrefix: '4403',
      effectiveFrom: '2099-01-01',
      value: { mixed: { childrenPerCarer: 7 } },
    };
    expect((await put(shenzhenHealth, 'childcare.class_rules', older)).statusCode).toBe(200);
    expect((await put(shenzhenHealth, 'childcare.class_rules', future)).statusCode).toBe(200);
    const now = await getSetting(t.database.db, 'childcare.class_rules', '440305001');
    expect(now.mixed.childrenPerCarer).toBe(6);
    const in2022 = await t.anonymous.get(
      '/api/settings/childcare.class_rules?regionCode=440305&onDay=2022-06-01',
    );
    expect(in2022.json()).toMatchObject({ effectiveFrom: '2020-01-01' });
    expect(in2022.json().value.mixed.childrenPerCarer).toBe(4);
    const before = await getSetting(t.database.db, 'childcare.class_rules', '440305', '2019-12-31');
    expect(before.mixed.childrenPerCarer).toBe(5);
  });

  it('lets the longest prefix win over a national override', async () => {
    const res = await put(sysadmin, 'childcare.class_rules', {
      regionPrefix: '',
      effectiveFrom: '2025-01-01',
      value: { infant: { maxSize: 9 } },
    });
    expect(res.statusCode).toBe(200);
    expect((await getSetting(t.database.db, 'childcare.class_rules', '130102')).infant.maxSize).toBe(9);
    expect((await getSetting(t.database.db, 'childcare.class_rules', '440305')).infant.maxSize).toBe(10);
  });

  it('is audited, and a second write of the same edition replaces it', async () => {
    const body = { regionPrefix: '4403', effectiveFrom: '2026-01-01', value: 20 };
    expect((await put(shenzhenCivil, 'staff.expiry_warning_days', body)).statusCode).toBe(200);
    expect((await put(shenzhenCivil, 'staff.expiry_warning_days', { ...body, value: 45 })).statusCode).toBe(
      200,
    );
    expect(await getSetting(t.database.db, 'staff.expiry_warning_days', '440305', '2026-06-01')).toBe(45);
    const entries = await t.database.db
      .select({
        action: auditLog.action,
        before: auditLog.before,
        after: auditLog.after,
        regionCode: auditLog.regionCode,
      })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'setting'),
          eq(auditLog.entityId, 'staff.expiry_warning_days:4403:2026-01-01'),
        ),
      )
      .orderBy(auditLog.at);
    expect(entries).toEqual([
      { action: 'settings.create', before: null, after: { value: 20, note: null }, regionCode: '4403' },
      {
        action: 'settings.replace',
        before: { value: 20, note: null },
        after: { value: 45, note: null },
        regionCode: '4403',
      },
    ]);
  });
});

describe('who may change a setting', () => {
  const body = { regionPrefix: '130102', effectiveFrom: '2026-01-01', value: 60 };

  it('refuses a county official', async () => {
    const res = await put(changanHealth, 'staff.expiry_warning_days', body);
    expect(res.statusCode).toBe(403);
  });

  it('refuses a city official outside their city, and outside their department', async () => {
    const outside = await put(shenzhenHealth, 'staff.expiry_warning_days', body);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('error.out_of_scope');
    const civil = await put(
      shenzhenCivil,
      'childcare.class_rules',
      { ...body, regionPrefix: '4403', value: {} },
      'en',
    );
    expect(civil.statusCode).toBe(403);
    expect(civil.json().error.message).toBe('This setting is managed by the health department');
  });
});

describe('a bad value', () => {
  const bad = (key: string, value: unknown, extra: object = {}) =>
    put(shenzhenHealth, key, { regionPrefix: '4403', effectiveFrom: '2026-01-01', value, ...extra }, 'en');

  it('answers 400 naming the field and the rule', async () => {
    const ratio = await bad('childcare.class_rules', { mixed: { childrenPerCarer: 0 } });
    expect(ratio.statusCode).toBe(400);
    expect(ratio.json().error).toMatchObject({
      field: 'value.mixed.childrenPerCarer',
      code: 'validation.too_small.number',
    });

    const unknownType = await bad('childcare.class_rules', { nursery: { maxSize: 5 } });
    expect(unknownType.json().error).toMatchObject({
      field: 'value.nursery',
      code: 'validation.unknown_key',
    });

    const ages = await bad('childcare.class_rules', { infant: { maxAgeMonths: 6 } });
    expect(ages.json().error).toMatchObject({ field: 'value.infant.maxAgeMonths', code: 'settings.order' });

    const cutoffs = await bad('quality.grade_cutoffs', { A: 700, B: 750, C: 600 });
    expect(cutoffs.json().error).toMatchObject({
      field: 'value.A',
      message: '"value.A" must be greater than "B"',
    });

    const text = await put(shenzhenCivil, 'visits.checkin_tolerance_m', {
      regionPrefix: '4403',
      effectiveFrom: '2026-01-01',
      value: 'far',
    });
    expect(text.json().error).toMatchObject({ field: 'value', code: 'validation.type.number' });
    expect((await bad('childcare.health_report_valid_months', undefined)).json().error).toMatchObject({
      field: 'value',
      code: 'validation.required',
    });
  });

  it('refuses a bad start day and an unknown region', async () => {
    const day = await bad('staff.expiry_warning_days', 20, { effectiveFrom: '2026-02-30' });
    expect(day.json().error).toMatchObject({ field: 'effectiveFrom' });
    const region = await put(sysadmin, 'staff.expiry_warning_days', {
      regionPrefix: '4499',
      effectiveFrom: '2026-01-01',
      value: 20,
    });
    expect(region.statusCode).toBe(400);
    expect(region.json().error).toMatchObject({ field: 'regionPrefix', code: 'settings.unknown_region' });
    const shape = await put(sysadmin, 'staff.expiry_warning_days', {
      regionPrefix: '440',
      effectiveFrom: '2026-01-01',
      value: 20,
    });
    expect(shape.json().error).toMatchObject({ field: 'regionPrefix', code: 'settings.region_prefix' });
  });
});
