import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../lib/xlsx.read.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { buildStaff, buildStaffingWorld, dayFromToday, type StaffingWorld } from '../../test/institutions.js';

let t: TestApp;
let w: StaffingWorld;
const EN = { 'accept-language': 'en' };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildStaffingWorld(t);
  const soon = (days: number) => [
    { kind: 'health_certificate', issuedOn: dayFromToday(days - 365), expiresOn: dayFromToday(days) },
  ];
  await buildStaff(t, w.institutionId, { name: '快到期', role: 'carer', certificates: soon(10) });
  await buildStaff(t, w.institutionId, { name: '已过期', role: 'carer', certificates: soon(-5) });
  await buildStaff(t, w.institutionId, { name: '下月到期', role: 'carer', certificates: soon(45) });
  await buildStaff(t, w.qiaoxiInstitutionId, { name: '桥西员工', certificates: soon(8) });
});

async function exported(client: TestClient, query = '', headers: Record<string, string> = {}) {
  const res = await client.get(`/api/compliance/expiring/export.xlsx${query}`, headers);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { res, ...(await readXlsx(res.rawPayload)) };
}

describe('GET /api/compliance/expiring/export.xlsx', () => {
  it('exports the certificates the list shows, soonest first, no other county', async () => {
    const list = (await w.changanHealth.get('/api/compliance/expiring?days=30')).json();
    const { res, sheet, header, body } = await exported(w.changanHealth, '?days=30');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="certificates-expiring-\d{8}\.xlsx"$/,
    );
    expect(sheet.name).toBe('证书到期');
    expect(header).toEqual([
      '机构名称',
      '区划代码',
      '姓名',
      '岗位',
      '证书',
      '证书编号',
      '发证日期',
      '到期日期',
      '剩余天数',
      '已过期',
    ]);
    expect(body).toHaveLength(list.total);
    expect(body.map((r) => r[2])).toEqual(['已过期', '快到期']);
    expect(body[0]!.slice(0, 5)).toEqual([
      '棉一托育中心',
      '130102001001',
      '已过期',
      '保育人员',
      '健康合格证明',
    ]);
    expect(body[0]![7]).toEqual(new Date(`${dayFromToday(-5)}T00:00:00Z`));
    expect(body[0]!.slice(8)).toEqual([-5, '是']);
    expect((await exported(w.changanHealth, '?days=60')).body.map((r) => r[2])).toEqual([
      '已过期',
      '快到期',
      '下月到期',
    ]);
    expect((await exported(w.qiaoxiHealth)).body.map((r) => r[2])).toEqual(['桥西员工']);
  });

  it('gives an institution admin their own institution, in English when asked', async () => {
    const { header, body } = await exported(w.otherAdmin, '', EN);
    expect(header.slice(0, 5)).toEqual(['Institution', 'Region code', 'Staff member', 'Role', 'Certificate']);
    expect(body.map((r) => [r[0], r[2], r[4]])).toEqual([['东里托育中心', '桥西员工', 'Health certificate']]);
    expect((await exported(w.changanCivil)).body).toEqual([]);
  });

  it('is audited as certificates_expiring.export with the filters and the row count', async () => {
    await exported(w.admin, '?days=60');
    const trail = (await w.sysadmin.get('/api/audit?action=certificates_expiring.export')).json();
    expect(trail.items[0]).toMatchObject({
      entityType: 'staff_certificate',
      regionCode: '130102001001',
      after: { filters: { days: 60 }, rows: 3 },
    });
  });

  it('refuses what the list refuses', async () => {
    const resident = await t.login(
      (await t.buildAccount({ role: 'resident', regionCode: '130102001001' })).username,
    );
    expect((await resident.get('/api/compliance/expiring/export.xlsx')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/compliance/expiring/export.xlsx')).statusCode).toBe(401);
    const bad = await w.admin.get('/api/compliance/expiring/export.xlsx?days=999', EN);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'days' });
  });
});
