import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { accounts } from '../accounts/accounts.table.js';
import {
  buildInstitutionInput,
  buildRegistration,
  registerAndLogin,
  submittedInstitution,
} from './institutions.fixtures.js';
import { institutions } from './institutions.table.js';

let t: TestApp;
let healthCounty: TestClient;
let civilCounty: TestClient;
let healthTownship: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  healthCounty = await t.login(
    (await t.buildAccount({ role: 'health_county', regionCode: '130102' })).username,
  );
  civilCounty = await t.login(
    (await t.buildAccount({ role: 'civil_county', regionCode: '130102' })).username,
  );
  healthTownship = await t.login(
    (await t.buildAccount({ role: 'health_township', regionCode: '130102001' })).username,
  );
});

const institutionCount = async () =>
  Number((await t.database.db.select({ n: count() }).from(institutions))[0]!.n);

describe('self-registration', () => {
  it('creates a draft institution, its default functions and its admin, who can then sign in', async () => {
    const body = buildRegistration({
      functions: undefined,
      kind: 'service_complex',
      affordable: false,
      priceCap: undefined,
    });
    const res = await t.anonymous.post('/api/institutions/register', body);
    expect(res.statusCode).toBe(201);
    const { institution, account } = res.json();
    expect(institution).toMatchObject({
      status: 'draft',
      kind: 'service_complex',
      regionName: '棉一东社区居民委员会',
    });
    expect(institution.functions.map((f: { function: string }) => f.function).sort()).toEqual([
      'childcare',
      'elderly_day_care',
      'meals',
    ]);
    expect(account).toMatchObject({
      role: 'institution_admin',
      institutionId: institution.id,
      phone: '138****8000',
    });
    const admin = await t.login(body.admin.username, body.admin.password);
    expect((await admin.get(`/api/institutions/${institution.id}`)).statusCode).toBe(200);
    const audit = (await healthCounty.get(`/api/audit?entityId=${institution.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('institution.register');
  });

  it('refuses a taken username with 409 and creates nothing', async () => {
    const first = buildRegistration();
    expect((await t.anonymous.post('/api/institutions/register', first)).statusCode).toBe(201);
    const before = await institutionCount();
    const again = buildRegistration({ name: '重名测试' }, { username: first.admin.username.toUpperCase() });
    const res = await t.anonymous.post('/api/institutions/register', again);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'accounts.username_taken', field: 'admin.username' });
    expect(await institutionCount()).toBe(before);
    const named = await t.database.db.select().from(institutions).where(eq(institutions.name, '重名测试'));
    expect(named).toHaveLength(0);
  });

  it('names the field and the rule of every refusal, in the caller language', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ regionCode: '130102001' }, 'institution.regionCode', /format|格式/],
      [{ regionCode: '130102001999' }, 'institution.regionCode', /existing 12-digit community/],
      [{ lat: 60, lng: 114.5 }, 'institution.lat', /within China/],
      [{ lat: 38.05, lng: null }, 'institution.lng', /give both or neither/],
      [{ affordable: false, priceCap: 2000 }, 'institution.priceCap', /Only affordable/],
      [{ prices: { full_day: 2500 } }, 'institution.prices.full_day', /above the affordable price cap/],
      [{ minAgeMonths: 30, maxAgeMonths: 12 }, 'institution.minAgeMonths', /minimum age/],
      [{ creditCode: '91130100MA0ABCDE1X' }, 'institution.creditCode', /check character/],
      [{ phone: '12345' }, 'institution.phone', /landline/],
      [
        { kind: 'home_childcare_point', functions: [{ function: 'childcare', capacity: 8 }] },
        'institution.functions.0.capacity',
        /at most 5/,
      ],
      [
        { functions: [{ function: 'meals', capacity: 8, unit: 'beds' }] },
        'institution.functions.0.unit',
        /counted in: seats/,
      ],
      [{ kind: 'orphanage' }, 'institution.kind', /one of/],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await t.anonymous.post('/api/institutions/register', buildRegistration(overrides), {
        'accept-language': 'en',
      });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(res.json().error.message).toMatch(message);
    }
    const zh = await t.anonymous.post(
      '/api/institutions/register',
      buildRegistration({ affordable: false, priceCap: 1 }),
    );
    expect(zh.json().error.message).toBe('只有普惠机构才能设置限价（priceCap）');
    const weak = await t.anonymous.post(
      '/api/institutions/register',
      buildRegistration({}, { password: 'short' }),
    );
    expect(weak.json().error).toMatchObject({ code: 'auth.password_rule', field: 'admin.password' });
  });
});

describe('register by officials', () => {
  it('lets a county health official create a childcare centre in the county, not an elderly institution', async () => {
    const created = await healthCounty.post('/api/institutions', buildInstitutionInput());
    expect(created.statusCode).toBe(201);
    expect(created.json().currentFiling).toMatchObject({ kind: 'initial', status: 'draft' });
    const elderly = await healthCounty.post(
      '/api/institutions',
      buildInstitutionInput({
        kind: 'elderly_care_institution',
        functions: [{ function: 'elderly_care', capacity: 100 }],
      }),
    );
    expect(elderly.statusCode).toBe(403);
    expect(elderly.json().error.code).toBe('institutions.wrong_department');
    const civil = await civilCounty.post(
      '/api/institutions',
      buildInstitutionInput({
        kind: 'elderly_care_institution',
        functions: [{ function: 'elderly_care', capacity: 100 }],
      }),
    );
    expect(civil.statusCode).toBe(201);
    expect(civil.json().functions).toEqual([{ function: 'elderly_care', capacity: 100, unit: 'beds' }]);
    expect(
      (await healthCounty.patch(`/api/institutions/${civil.json().id}`, { phone: '13900000000' })).statusCode,
    ).toBe(403);
    expect((await healthCounty.get(`/api/institutions/${civil.json().id}`)).statusCode).toBe(200);
    expect(
      (await healthCounty.post('/api/institutions', buildInstitutionInput({ regionCode: '130104001001' })))
        .statusCode,
    ).toBe(403);
    expect((await healthTownship.post('/api/institutions', buildInstitutionInput())).statusCode).toBe(403);
  });

  it('lists the register in scope with filters and capacity', async () => {
    const name = '筛选测试托育园';
    await healthCounty.post(
      '/api/institutions',
      buildInstitutionInput({ name, functions: [{ function: 'childcare', capacity: 45 }] }),
    );
    const list = (await healthTownship.get(`/api/institutions?q=${encodeURIComponent('筛选测试')}`)).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.items[0]).toMatchObject({
      name,
      capacity: 45,
      status: 'draft',
      regionName: '棉一东社区居民委员会',
      affordable: true,
    });
    expect(
      (await healthCounty.get('/api/institutions?kind=elderly_care_institution'))
        .json()
        .items.every((i: { kind: string }) => i.kind === 'elderly_care_institution'),
    ).toBe(true);
    expect((await healthCounty.get('/api/institutions?regionCode=130104')).statusCode).toBe(403);
    expect((await healthCounty.get('/api/institutions?regionCode=130102001002')).json().total).toBe(0);
  });
});

describe('changing the register', () => {
  it('lets the admin change anything before filing, and only unregistered details after', async () => {
    const { institution, admin, filingId } = await submittedInstitution(t);
    const renamed = await admin.patch(`/api/institutions/${institution.id}`, {
      name: '改名后的托育中心',
      openingHours: { weekdays: '07:30-18:00' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: '改名后的托育中心',
      openingHours: { weekdays: '07:30-18:00' },
    });
    await healthCounty.post(`/api/filings/${filingId}/actions/acknowledge`);
    await healthCounty.post(`/api/filings/${filingId}/actions/approve`);

    const locked = await admin.patch(
      `/api/institutions/${institution.id}`,
      { name: '再改名', address: '新地址 8 号' },
      { 'accept-language': 'en' },
    );
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({
      code: 'institutions.particulars_locked',
      fields: ['name', 'address'],
      route: `/api/institutions/${institution.id}/filings`,
    });
    expect(locked.json().error.message).toMatch(/change filing/);
    const functions = await healthCounty.request({
      method: 'PUT',
      url: `/api/institutions/${institution.id}/functions`,
      payload: [{ function: 'childcare', capacity: 99 }],
    });
    expect(functions.statusCode).toBe(409);
    const same = await admin.patch(`/api/institutions/${institution.id}`, {
      name: '改名后的托育中心',
      phone: '13700001111',
    });
    expect(same.statusCode).toBe(200);
    expect(same.json().phone).toBe('13700001111');
    const byOfficial = await healthCounty.patch(`/api/institutions/${institution.id}`, {
      description: '示范机构',
    });
    expect(byOfficial.json().description).toBe('示范机构');
  });

  it('replaces functions before filing and checks them', async () => {
    const { institution, admin } = await registerAndLogin(t);
    const put = (payload: unknown) =>
      admin.request({
        method: 'PUT',
        url: `/api/institutions/${institution.id}/functions`,
        payload: payload as object,
      });
    const ok = await put([
      { function: 'childcare', capacity: 30 },
      { function: 'meals', capacity: 20 },
    ]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items).toEqual([
      { function: 'childcare', capacity: 30, unit: 'places' },
      { function: 'meals', capacity: 20, unit: 'seats' },
    ]);
    const dup = await put([
      { function: 'childcare', capacity: 1 },
      { function: 'childcare', capacity: 2 },
    ]);
    expect(dup.json().error.field).toBe('functions.1.function');
    const filing = (await admin.get(`/api/filings/${institution.currentFiling.id}`)).json();
    expect(filing.materials.map((m: { kind: string }) => m.kind)).toContain('food_licence');
  });

  it('keeps other institutions out of reach of an institution admin and residents', async () => {
    const a = await registerAndLogin(t);
    const b = await registerAndLogin(t);
    expect((await a.admin.get(`/api/institutions/${b.institution.id}`)).statusCode).toBe(403);
    expect(
      (await a.admin.patch(`/api/institutions/${b.institution.id}`, { phone: '13800000000' })).statusCode,
    ).toBe(403);
    expect((await a.admin.get('/api/institutions')).json().items.map((i: { id: string }) => i.id)).toEqual([
      a.institution.id,
    ]);
    const resident = await t.login(
      (await t.buildAccount({ role: 'resident', regionCode: '130102001001' })).username,
    );
    expect((await resident.get(`/api/institutions/${a.institution.id}`)).statusCode).toBe(403);
    expect(
      (await healthCounty.get('/api/institutions/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    const n = await t.database.db
      .select({ n: count() })
      .from(accounts)
      .where(eq(accounts.institutionId, a.institution.id));
    expect(Number(n[0]!.n)).toBe(1);
  });
});
