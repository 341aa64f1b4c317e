import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../lib/xlsx.read.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { filingClock } from './filing.service.js';
import { submittedInstitution } from './institutions.fixtures.js';

let t: TestApp;
let county: TestClient; // health_county 长安区
let otherCounty: TestClient; // health_county 桥西区
let sysadmin: TestClient;
const realNow = filingClock.now;
const EN = { 'accept-language': 'en' };
const at = (day: string) => () => new Date(`${day}T10:00:00+08:00`);
let names: { sooner: string; later: string; elsewhere: string };

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  const login = async (role: Parameters<TestApp['buildAccount']>[0]) =>
    t.login((await t.buildAccount(role)).username);
  county = await login({ role: 'health_county', regionCode: '130102', displayName: '长安卫健' });
  otherCounty = await login({ role: 'health_county', regionCode: '130104' });
  sysadmin = await login({ role: 'sysadmin', regionCode: '' });
  filingClock.now = at('2026-02-13');
  const sooner = await submittedInstitution(t);
  filingClock.now = at('2026-03-02');
  const later = await submittedInstitution(t, { regionCode: '130102001002' });
  const elsewhere = await submittedInstitution(t, { regionCode: '130104001001' });
  names = {
    sooner: sooner.institution.name,
    later: later.institution.name,
    elsewhere: elsewhere.institution.name,
  };
});

afterAll(() => {
  filingClock.now = realNow;
});

async function exported(client: TestClient, query = '', headers: Record<string, string> = {}) {
  const res = await client.get(`/api/filings/queue/export.xlsx${query}`, headers);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { res, ...(await readXlsx(res.rawPayload)) };
}

describe('GET /api/filings/queue/export.xlsx', () => {
  it('exports the queue as the list shows it, deadlines as dates, no other county', async () => {
    const queue = (await county.get('/api/filings/queue')).json();
    const { res, sheet, header, body } = await exported(county);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="filing-queue-\d{8}\.xlsx"$/);
    expect(sheet.name).toBe('备案审核');
    expect(header).toEqual([
      '机构名称',
      '机构类型',
      '区划代码',
      '备案类型',
      '状态',
      '轮次',
      '提交时间',
      '受理期限',
      '审核期限',
      '下一期限',
      '剩余工作日',
      '已逾期',
    ]);
    expect(body).toHaveLength(queue.total);
    expect(body.map((r) => r[0])).toEqual(
      queue.items.map((i: { institutionName: string }) => i.institutionName),
    );
    expect(body.map((r) => r[0])).toEqual(expect.arrayContaining([names.sooner, names.later]));
    expect(body.map((r) => r[0])).not.toContain(names.elsewhere);
    const sooner = body.find((r) => r[0] === names.sooner)!;
    expect(sooner.slice(1, 6)).toEqual(['托育机构', '130102001001', '首次备案', '已提交', 1]);
    expect(sooner[7]).toEqual(new Date('2026-02-27T00:00:00Z'));
    expect(sooner[11]).toBe('是');
    const other = await exported(otherCounty);
    expect(other.body.map((r) => r[0])).toEqual([names.elsewhere]);
  });

  it('speaks English and takes the queue’s filters', async () => {
    const { header, body } = await exported(county, '?dueWithinDays=0', EN);
    expect(header.slice(0, 5)).toEqual(['Institution', 'Kind', 'Region code', 'Filing kind', 'Status']);
    expect(body.map((r) => r[0])).toEqual([names.sooner]);
    expect(body[0]!.slice(3, 5)).toEqual(['initial', 'submitted']);
    expect((await exported(county, '?status=acknowledged')).body).toEqual([]);
  });

  it('is audited as filing_queue.export with the filters and the row count', async () => {
    await exported(county, '?dueWithinDays=0');
    const trail = (await sysadmin.get('/api/audit?action=filing_queue.export')).json();
    expect(trail.items[0]).toMatchObject({
      actorName: '长安卫健',
      entityType: 'filing',
      regionCode: '130102',
      after: { filters: { dueWithinDays: 0 }, rows: 1 },
    });
  });

  it('refuses what the queue refuses', async () => {
    const township = await t.login(
      (await t.buildAccount({ role: 'health_township', regionCode: '130102001' })).username,
    );
    expect((await township.get('/api/filings/queue/export.xlsx')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/filings/queue/export.xlsx')).statusCode).toBe(401);
  });
});
