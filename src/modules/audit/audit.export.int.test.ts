import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../lib/xlsx.read.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { auditLog } from './audit.table.js';

let t: TestApp;
let changan: TestClient;
let qiaoxi: TestClient;
const EN = { 'accept-language': 'en' };
/** More entries than one page of the export reads. */
const MANY = 1_100;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  const official = (role: 'health_county', regionCode: string, displayName: string) =>
    t.buildAccount({ role, regionCode, displayName }).then((a) => t.login(a.username));
  changan = await official('health_county', '130102', '长安卫健');
  qiaoxi = await official('health_county', '130104', '桥西卫健');
  const newTownship = (username: string, regionCode: string) => ({
    username,
    displayName: '街道卫健',
    role: 'health_township',
    regionCode,
    password: 'Temp12345',
  });
  expect((await changan.post('/api/accounts', newTownship('jianbei', '130102001'))).statusCode).toBe(201);
  expect((await qiaoxi.post('/api/accounts', newTownship('dongli', '130104001'))).statusCode).toBe(201);
  const start = Date.now() - 86_400_000;
  await t.database.db.insert(auditLog).values(
    Array.from({ length: MANY }, (_, i) => ({
      at: new Date(start + i * 1000),
      actorName: '批量',
      action: 'institution.update',
      entityType: 'institution',
      entityId: `bulk-${i}`,
      regionCode: '130102001001',
      before: { name: `旧名${i}` },
      after: { name: `新名${i}` },
    })),
  );
});

async function exported(client: TestClient, query = '', headers: Record<string, string> = {}) {
  const res = await client.get(`/api/audit/export.xlsx${query}`, headers);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { res, ...(await readXlsx(res.rawPayload)) };
}

describe('GET /api/audit/export.xlsx', () => {
  it('exports the trail of the list, every page, snapshots as compact JSON, no other county', async () => {
    const total = (await changan.get('/api/audit?pageSize=1')).json().total;
    expect(total).toBeGreaterThan(MANY);
    const { res, sheet, header, body } = await exported(changan);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{8}\.xlsx"$/);
    expect(sheet.name).toBe('审计日志');
    expect(header).toEqual([
      '时间',
      '操作人',
      '操作人角色',
      '操作',
      '对象类型',
      '对象 ID',
      '区划代码',
      '变更前',
      '变更后',
      'IP 地址',
      '客户端',
    ]);
    expect(body).toHaveLength(total);
    const ids = body.map((r) => r[5]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(body.every((r) => String(r[6]).startsWith('130102'))).toBe(true);
    const created = body.find((r) => r[3] === 'account.create')!;
    expect(created[1]).toBe('长安卫健');
    expect(created[0]).toBeInstanceOf(Date);
    expect(JSON.parse(String(created[8]))).toMatchObject({ username: 'jianbei', regionCode: '130102001' });
    expect(body.find((r) => r[5] === 'bulk-7')!.slice(7, 9)).toEqual([
      '{"name":"旧名7"}',
      '{"name":"新名7"}',
    ]);
    expect(JSON.stringify(body)).not.toContain('dongli');
  });

  it('speaks English and takes the list’s filters', async () => {
    const { header, body } = await exported(changan, '?action=account.', EN);
    expect(header.slice(0, 4)).toEqual(['Time', 'Actor', 'Actor role', 'Action']);
    expect(body.map((r) => r[3])).toEqual(['account.create']);
    const bulk = await exported(changan, '?entityType=institution&regionCode=130102001001');
    expect(bulk.body).toHaveLength(MANY);
  });

  it('is itself audited, with the filters and the row count, and later exports show it', async () => {
    await exported(changan, '?action=account.');
    const trail = (await changan.get('/api/audit?action=audit.export')).json();
    expect(trail.items[0]).toMatchObject({
      action: 'audit.export',
      actorName: '长安卫健',
      regionCode: '130102',
      after: { filters: { action: 'account.' }, rows: 1 },
    });
    const again = await exported(changan, '?action=audit.export');
    expect(again.body.length).toBe(trail.total);
    expect((await qiaoxi.get('/api/audit?action=audit.export')).json().total).toBe(0);
  });

  it('refuses what the list refuses', async () => {
    expect((await changan.get('/api/audit/export.xlsx?regionCode=130104')).statusCode).toBe(403);
    const resident = await t.login(
      (await t.buildAccount({ role: 'resident', regionCode: '130102001001' })).username,
    );
    expect((await resident.get('/api/audit/export.xlsx')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/audit/export.xlsx')).statusCode).toBe(401);
    const bad = await changan.get('/api/audit/export.xlsx?from=yesterday', EN);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('from');
  });
});
