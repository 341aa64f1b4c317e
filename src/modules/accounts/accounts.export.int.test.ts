import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../lib/passwords.js';
import { readXlsx } from '../../lib/xlsx.read.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { accounts } from './accounts.table.js';

let t: TestApp;
let changan: TestClient;
let sysadmin: TestClient;
const EN = { 'accept-language': 'en' };
/** More accounts than one page of the export reads, so the file is written across pages. */
const MANY = 520;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  changan = await t.login(
    (await t.buildAccount({ role: 'health_county', regionCode: '130102', displayName: '长安卫健' })).username,
  );
  sysadmin = await t.login((await t.buildAccount({ role: 'sysadmin', regionCode: '' })).username);
  await t.buildAccount({
    role: 'health_township',
    regionCode: '130102001',
    displayName: '建北街道卫健',
    phone: '13812345678',
  });
  await t.buildAccount({ role: 'health_township', regionCode: '130104001', displayName: '桥西街道卫健' });
  const passwordHash = await hashPassword('Passw0rd!');
  await t.database.db.insert(accounts).values(
    Array.from({ length: MANY }, (_, i) => ({
      username: `bulk${String(i).padStart(4, '0')}`,
      displayName: `社区工作者${i}`,
      role: 'community_worker',
      regionCode: '130102001001',
      passwordHash,
    })),
  );
});

async function exported(client: TestClient, query = '', headers: Record<string, string> = {}) {
  const res = await client.get(`/api/accounts/export.xlsx${query}`, headers);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { res, ...(await readXlsx(res.rawPayload)) };
}

describe('GET /api/accounts/export.xlsx', () => {
  it('exports every account of the list, across pages, in Chinese, phones masked, no other county', async () => {
    const list = (await changan.get('/api/accounts?pageSize=1')).json();
    const { res, sheet, header, body } = await exported(changan);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="accounts-\d{8}\.xlsx"$/);
    expect(sheet.name).toBe('账号');
    expect(header.slice(0, 8)).toEqual([
      '用户名',
      '姓名',
      '角色',
      '区划代码',
      '区划名称',
      '所属机构',
      '手机号',
      '状态',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(body).toHaveLength(list.total);
    expect(list.total).toBeGreaterThan(MANY);
    const names = body.map((r) => r[1]);
    expect(new Set(body.map((r) => r[0])).size).toBe(body.length);
    expect(names).toContain('建北街道卫健');
    expect(names).not.toContain('桥西街道卫健');
    const township = body.find((r) => r[1] === '建北街道卫健')!;
    expect(township.slice(2, 8)).toEqual([
      '乡镇（街道）卫生健康',
      '130102001',
      expect.any(String),
      undefined,
      '138****5678',
      '正常',
    ]);
    expect(township[11]).toBeInstanceOf(Date);
    expect(JSON.stringify(body)).not.toContain('13812345678');
  });

  it('speaks English and takes the list’s filters', async () => {
    const { header, body } = await exported(changan, '?role=health_township', EN);
    expect(header.slice(0, 3)).toEqual(['Username', 'Name', 'Role']);
    expect(body.map((r) => [r[1], r[2]])).toEqual([['建北街道卫健', 'Township health office']]);
    const q = await exported(changan, `?q=${encodeURIComponent('社区工作者51')}`);
    const total = (await changan.get(`/api/accounts?q=${encodeURIComponent('社区工作者51')}`)).json().total;
    expect(q.body).toHaveLength(total);
    expect(total).toBe(11);
  });

  it('is audited as accounts.export with the filters and the row count', async () => {
    await exported(changan, '?role=health_township&regionCode=130102001');
    const trail = (await sysadmin.get('/api/audit?action=accounts.export')).json();
    expect(trail.items[0]).toMatchObject({
      action: 'accounts.export',
      entityType: 'account',
      regionCode: '130102001',
      after: { filters: { role: 'health_township', regionCode: '130102001' }, rows: 1 },
    });
    expect(trail.items[0].actorName).toBe('长安卫健');
  });

  it('refuses what the list refuses', async () => {
    const outside = await changan.get('/api/accounts/export.xlsx?regionCode=130104', EN);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('error.out_of_scope');
    const resident = await t.login(
      (await t.buildAccount({ role: 'resident', regionCode: '130102001001' })).username,
    );
    expect((await resident.get('/api/accounts/export.xlsx')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/accounts/export.xlsx')).statusCode).toBe(401);
  });
});
