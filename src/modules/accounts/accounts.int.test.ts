import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { hashToken } from './auth.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
});

describe('sign-in', () => {
  it('signs in, tells who I am, and signs out', async () => {
    const { username } = await t.buildAccount({ role: 'health_county', regionCode: '130102' });
    const me = await t.login(username);
    const res = await me.get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json().account).toMatchObject({
      username,
      role: 'health_county',
      regionCode: '130102',
      regionName: '长安区',
    });
    expect(res.json().permissions).toContain('accounts.manage');
    expect(me.cookie).toMatch(/^doorstep_session=/);
    expect((await me.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await me.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('sets an HTTP-only, SameSite cookie and never returns the password hash', async () => {
    const { username, password } = await t.buildAccount();
    const res = await t.anonymous.post('/api/auth/login', { username, password });
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
    expect(res.body).not.toMatch(/scrypt|passwordHash/);
  });

  it('answers a wrong password and an unknown user the same way, in the caller language', async () => {
    const { username } = await t.buildAccount();
    const wrong = await t.anonymous.post('/api/auth/login', { username, password: 'nope12345' });
    const unknown = await t.anonymous.post('/api/auth/login', { username: 'nobody', password: 'nope12345' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('用户名或密码错误');
    const en = await t.anonymous.post(
      '/api/auth/login',
      { username: 'nobody', password: 'x' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('locks an account after five failures in a row, even for the right password', async () => {
    const { username, password } = await t.buildAccount();
    for (let i = 0; i < 4; i++) {
      expect(
        (await t.anonymous.post('/api/auth/login', { username, password: 'wrong-pass1' })).statusCode,
      ).toBe(401);
    }
    const fifth = await t.anonymous.post('/api/auth/login', { username, password: 'wrong-pass1' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.locked');
    const right = await t.anonymous.post('/api/auth/login', { username, password });
    expect(right.statusCode).toBe(423);
  });

  it('ends a session after the idle limit and after the absolute limit', async () => {
    const { username } = await t.buildAccount();
    const idle = await t.login(username);
    const old = await t.login(username);
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '3 hours'
      where token_hash = ${hashToken(decodeURIComponent(idle.cookie!.split('=')[1]!))}`);
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute'
      where token_hash = ${hashToken(decodeURIComponent(old.cookie!.split('=')[1]!))}`);
    expect((await idle.get('/api/auth/me')).statusCode).toBe(401);
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const { username } = await t.buildAccount();
    const me = await t.login(username);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: me.cookie! },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('error.csrf');
    expect((await me.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses a cross-site Origin', async () => {
    const { username } = await t.buildAccount();
    const me = await t.login(username);
    const res = await me.post('/api/auth/logout', undefined, {
      origin: 'https://evil.example',
      host: 'localhost',
    });
    expect(res.statusCode).toBe(403);
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    const { username, password } = await t.buildAccount();
    const first = await t.login(username, password);
    const second = await t.login(username, password);
    const weak = await first.post('/api/auth/password', { currentPassword: password, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe('newPassword');
    const wrong = await first.post('/api/auth/password', {
      currentPassword: 'not-it-1',
      newPassword: 'NewPassw0rd',
    });
    expect(wrong.json().error.field).toBe('currentPassword');
    expect(
      (await first.post('/api/auth/password', { currentPassword: password, newPassword: 'NewPassw0rd' }))
        .statusCode,
    ).toBe(204);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/auth/login', { username, password })).statusCode).toBe(401);
    expect(
      (await t.anonymous.post('/api/auth/login', { username, password: 'NewPassw0rd' })).statusCode,
    ).toBe(200);
  });
});

describe('account management', () => {
  it('a county official creates a township official of their department inside the county', async () => {
    const { username } = await t.buildAccount({ role: 'health_county', regionCode: '130102' });
    const county = await t.login(username);
    const res = await county.post('/api/accounts', {
      username: 'jianbei.h1',
      displayName: '建北街道卫健',
      role: 'health_township',
      regionCode: '130102001',
      phone: '13800138000',
      password: 'Temp12345',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      role: 'health_township',
      regionName: '建北街道',
      phone: '138****8000',
      mustChangePassword: true,
    });
    const audit = await county.get(`/api/audit?entityId=${res.json().id}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'account.create', entityType: 'account' });
    expect(JSON.stringify(audit.json().items[0])).not.toMatch(/scrypt/);
  });

  it('refuses roles at or above the caller, other departments, and regions outside the scope', async () => {
    const { username } = await t.buildAccount({ role: 'health_county', regionCode: '130102' });
    const county = await t.login(username);
    const base = { displayName: 'x', password: 'Temp12345' };
    const peer = await county.post('/api/accounts', {
      ...base,
      username: 'peer1',
      role: 'health_county',
      regionCode: '130102',
    });
    expect(peer.statusCode).toBe(403);
    expect(peer.json().error.field).toBe('role');
    const civil = await county.post('/api/accounts', {
      ...base,
      username: 'civil1',
      role: 'civil_township',
      regionCode: '130102001',
    });
    expect(civil.statusCode).toBe(403);
    const outside = await county.post('/api/accounts', {
      ...base,
      username: 'out1',
      role: 'health_township',
      regionCode: '130104001',
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('error.out_of_scope');
    const wrongLevel = await county.post('/api/accounts', {
      ...base,
      username: 'lvl1',
      role: 'health_township',
      regionCode: '130102',
    });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().error.field).toBe('regionCode');
  });

  it('names the field and rule of bad input and writes nothing', async () => {
    const { username } = await t.buildAccount({ role: 'sysadmin', regionCode: '' });
    const admin = await t.login(username);
    const before = (await admin.get('/api/accounts?pageSize=200')).json().total;
    const res = await admin.post('/api/accounts', {
      username: 'a b',
      displayName: 'x',
      role: 'health_county',
      regionCode: '130102',
      password: 'Temp12345',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'username', code: 'accounts.username_rule' });
    const badRole = await admin.post(
      '/api/accounts',
      { username: 'abc', displayName: 'x', role: 'king', password: 'Temp12345' },
      { 'accept-language': 'en' },
    );
    expect(badRole.json().error.field).toBe('role');
    expect(badRole.json().error.message).toMatch(/must be one of/);
    expect((await admin.get('/api/accounts?pageSize=200')).json().total).toBe(before);
  });

  it('lists only accounts inside the scope and refuses another county by filter or id', async () => {
    const inQiaoxi = await t.buildAccount({ role: 'health_township', regionCode: '130104001' });
    const { username } = await t.buildAccount({ role: 'health_county', regionCode: '130102' });
    const county = await t.login(username);
    const list = await county.get('/api/accounts?pageSize=200');
    expect(list.statusCode).toBe(200);
    for (const item of list.json().items) expect(item.regionCode.startsWith('130102')).toBe(true);
    expect((await county.get('/api/accounts?regionCode=130104')).statusCode).toBe(403);
    expect((await county.get(`/api/accounts/${inQiaoxi.id}`)).statusCode).toBe(403);
    expect((await county.patch(`/api/accounts/${inQiaoxi.id}`, { status: 'disabled' })).statusCode).toBe(403);
  });

  it('disables an account, which ends its sessions, and unlocks a locked one', async () => {
    const { username } = await t.buildAccount({ role: 'civil_county', regionCode: '130102' });
    const county = await t.login(username);
    const target = await t.buildAccount({ role: 'civil_township', regionCode: '130102002' });
    const targetSession = await t.login(target.username);
    const disabled = await county.patch(`/api/accounts/${target.id}`, { status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect((await targetSession.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (await t.anonymous.post('/api/auth/login', { username: target.username, password: target.password }))
        .statusCode,
    ).toBe(403);
    await county.patch(`/api/accounts/${target.id}`, { status: 'active' });
    for (let i = 0; i < 5; i++)
      await t.anonymous.post('/api/auth/login', { username: target.username, password: 'wrong-pass1' });
    const locked = (await county.get(`/api/accounts/${target.id}`)).json();
    expect(locked.locked).toBe(true);
    const unlocked = await county.post(`/api/accounts/${target.id}/unlock`);
    expect(unlocked.json().locked).toBe(false);
    expect(
      (await t.anonymous.post('/api/auth/login', { username: target.username, password: target.password }))
        .statusCode,
    ).toBe(200);
  });

  it('resets a password: the user must change it, and old sessions end', async () => {
    const { username } = await t.buildAccount({ role: 'health_city', regionCode: '1301' });
    const city = await t.login(username);
    const target = await t.buildAccount({ role: 'health_county', regionCode: '130104' });
    const session = await t.login(target.username);
    expect(
      (await city.post(`/api/accounts/${target.id}/reset-password`, { newPassword: 'Reset2026x' }))
        .statusCode,
    ).toBe(204);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.login(target.username, 'Reset2026x');
    expect((await again.get('/api/auth/me')).json().account.mustChangePassword).toBe(true);
  });

  it('an institution admin manages only its own staff', async () => {
    const inst = await t.buildInstitution();
    const other = await t.buildInstitution();
    const admin = await t.buildAccount({
      role: 'institution_admin',
      regionCode: '130102001001',
      institutionId: inst.id,
    });
    const session = await t.login(admin.username);
    const created = await session.post('/api/accounts', {
      username: `staff${Date.now()}`,
      displayName: '保育员',
      role: 'institution_staff',
      password: 'Temp12345',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().institutionId).toBe(inst.id);
    const foreign = await session.post('/api/accounts', {
      username: `staff2${Date.now()}`,
      displayName: 'x',
      role: 'institution_staff',
      institutionId: other.id,
      password: 'Temp12345',
    });
    expect(foreign.statusCode).toBe(403);
    const list = (await session.get('/api/accounts')).json();
    for (const item of list.items) expect(item.institutionId).toBe(inst.id);
  });

  it('offers only creatable roles', async () => {
    const { username } = await t.buildAccount({ role: 'civil_city', regionCode: '1301' });
    const city = await t.login(username);
    const roles = (await city.get('/api/roles')).json().items as { role: string; creatable: boolean }[];
    const creatable = roles
      .filter((r) => r.creatable)
      .map((r) => r.role)
      .sort();
    expect(creatable).toEqual([
      'assessor',
      'civil_county',
      'civil_township',
      'community_worker',
      'inspector',
      'institution_admin',
    ]);
  });
});

describe('institution lookup', () => {
  it('finds institutions inside the scope only', async () => {
    await t.buildInstitution({ name: '长安阳光托育', regionCode: '130102001001' });
    await t.buildInstitution({ name: '桥西阳光托育', regionCode: '130104001001' });
    const { username } = await t.buildAccount({ role: 'health_county', regionCode: '130102' });
    const county = await t.login(username);
    const names = (await county.get('/api/institutions/lookup?q=阳光'))
      .json()
      .items.map((i: { name: string }) => i.name);
    expect(names).toContain('长安阳光托育');
    expect(names).not.toContain('桥西阳光托育');
  });
});
