import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber } from '../../standards/id-number.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { accounts } from '../accounts/accounts.table.js';
import { auditLog } from '../audit/audit.table.js';
import { householdMembers, households } from './households.table.js';

let t: TestApp;
const EN = { 'accept-language': 'en' };
const ID = buildIdNumber({ regionCode: '130102', birthDate: '1990-05-17', sequence: 124 });
/** The same number with a wrong check character. */
const BAD_CHECK = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
});

let phoneSeq = 0;
const nextPhone = () => `1390311${String(++phoneSeq).padStart(4, '0')}`;
const signup = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/residents/signup', payload: body, headers });

/** Requests carrying the session the sign-up answer set. */
function session(res: LightMyRequestResponse) {
  const raw = res.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw[0]! : String(raw)).split(';')[0]!;
  const csrf = res.json().csrfToken as string;
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload: object, withCsrf = true) =>
      t.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { cookie, ...(withCsrf ? { 'x-csrf-token': csrf } : {}) },
      }),
  };
}

describe('POST /api/residents/signup', () => {
  it('creates the account, household and own member, audited, and signs the resident in', async () => {
    const phone = nextPhone();
    const res = await signup({
      phone,
      password: 'Family2026',
      name: '王芳',
      idNumber: ` ${ID.toLowerCase()} `,
      regionCode: '130102001001',
      address: '建北街道 8 号院',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().account).toMatchObject({
      username: phone,
      displayName: '王芳',
      role: 'resident',
      regionCode: '130102001001',
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      mustChangePassword: false,
    });
    expect(res.headers['set-cookie']).toMatch(/doorstep_session=.+HttpOnly/i);

    const me = session(res);
    expect((await me.get('/api/auth/me')).json().permissions).toContain('bookings.book');
    const household = (await me.get('/api/household')).json();
    expect(household).toMatchObject({
      regionCode: '130102001001',
      regionName: '棉一东社区居民委员会',
      address: '建北街道 8 号院',
    });
    expect(household.members).toEqual([
      expect.objectContaining({
        relation: 'self',
        kind: 'adult',
        name: '王芳',
        sex: 'female',
        birthDate: '1990-05-17',
        idNumber: `130102********${ID.slice(-4)}`,
        canPickUp: true,
      }),
    ]);

    // The session works for writes with its CSRF token, and not without it.
    expect(
      (await me.post('/api/household/members', { relation: 'other', name: 'x' }, false)).statusCode,
    ).toBe(403);
    const child = await me.post('/api/household/members', {
      relation: 'child',
      name: '王小宝',
      birthDate: '2025-01-02',
    });
    expect(child.statusCode).toBe(201);

    const [row] = await t.database.db
      .select()
      .from(householdMembers)
      .innerJoin(households, eq(households.id, householdMembers.householdId))
      .innerJoin(accounts, eq(accounts.id, households.ownerAccountId))
      .where(eq(accounts.username, phone));
    expect(row!.household_members.idNumberCipher).not.toContain(ID.slice(6, 14));
    expect(t.cipher.decrypt(row!.household_members.idNumberCipher!)).toBe(ID);
    expect(row!.household_members.idNumberIndex).toBe(t.cipher.blindIndex(ID));

    const trail = await t.database.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.actorId, row!.accounts.id));
    expect(trail.map((r) => r.action)).toEqual(
      expect.arrayContaining(['resident.signup', 'household.create', 'session.login']),
    );
    expect(JSON.stringify(trail)).not.toContain(ID);
  });

  it('takes the birth date from birthDate without an ID number, and requires one of them', async () => {
    const res = await signup({
      phone: nextPhone(),
      password: 'Family2026',
      name: '李强',
      birthDate: '1988-02-29',
    });
    expect(res.statusCode).toBe(201);
    const member = (await session(res).get('/api/household')).json().members[0];
    expect(member).toMatchObject({ birthDate: '1988-02-29', idNumber: null, sex: null });

    const none = await signup({ phone: nextPhone(), password: 'Family2026', name: '李强' }, EN);
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ code: 'household.birth_date_required', field: 'birthDate' });
  });

  it('refuses a number already registered, creating nothing', async () => {
    const phone = nextPhone();
    expect(
      (await signup({ phone, password: 'Family2026', name: '甲', birthDate: '1990-01-01' })).statusCode,
    ).toBe(201);
    const before = await t.database.db.select().from(accounts);
    const again = await signup({ phone, password: 'Other2026x', name: '乙', birthDate: '1991-01-01' }, EN);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'residents.phone_taken', field: 'phone' });
    expect(again.json().error.message).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(await t.database.db.select().from(accounts)).toHaveLength(before.length);
  });

  it('refuses a wrong ID check character, naming idNumber', async () => {
    const res = await signup(
      { phone: nextPhone(), password: 'Family2026', name: '丙', idNumber: BAD_CHECK },
      EN,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'idnumber.check_digit', field: 'idNumber' });
  });

  it('refuses an ID number that disagrees with the birth date or sex given', async () => {
    const date = await signup({
      phone: nextPhone(),
      password: 'Family2026',
      name: '丁',
      idNumber: ID,
      birthDate: '1990-05-18',
    });
    expect(date.statusCode).toBe(400);
    expect(date.json().error).toMatchObject({ code: 'household.id_birth_date_mismatch', field: 'idNumber' });
    const sex = await signup({
      phone: nextPhone(),
      password: 'Family2026',
      name: '丁',
      idNumber: ID,
      sex: 'male',
    });
    expect(sex.json().error).toMatchObject({ code: 'household.id_sex_mismatch', field: 'idNumber' });
  });

  it('refuses numbers that are not mainland mobiles, weak passwords and unknown communities', async () => {
    for (const phone of ['12012345678', '1381234567', '138123456789', 'abc', '+8613812345678']) {
      const res = await signup({ phone, password: 'Family2026', name: '戊', birthDate: '1990-01-01' }, EN);
      expect(res.statusCode, phone).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'residents.phone_rule', field: 'phone' });
    }
    const weak = await signup({
      phone: nextPhone(),
      password: 'password',
      name: '戊',
      birthDate: '1990-01-01',
    });
    expect(weak.json().error).toMatchObject({ code: 'auth.password_rule', field: 'password' });
    const region = await signup({
      phone: nextPhone(),
      password: 'Family2026',
      name: '戊',
      birthDate: '1990-01-01',
      regionCode: '130102009009',
    });
    expect(region.statusCode).toBe(400);
    expect(region.json().error).toMatchObject({ code: 'household.region_unknown', field: 'regionCode' });
    const county = await signup({
      phone: nextPhone(),
      password: 'Family2026',
      name: '戊',
      birthDate: '1990-01-01',
      regionCode: '130102',
    });
    expect(county.json().error).toMatchObject({ field: 'regionCode' });
  });
});
