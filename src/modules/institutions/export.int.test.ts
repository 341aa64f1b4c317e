import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/context.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { multipartFile } from './fixtures/upload.js';
import { importInstitutionsFile } from './import.service.js';

let t: TestApp;
let changan: TestClient;

const SHEET = `名称,类型,举办性质,区划代码,地址,托位数,普惠,收费上限,电话,经度,纬度,状态
棉一东托育中心,托育中心,公办,130102001001,建北街道1号,80,是,1800,0311-86688888,114.52,38.05,已备案
光华路家庭托育点,家庭托育点,民办营利,130102001002,建北街道2号,5,否,,13812345678,,,
长安颐养院,养老机构,民办非营利,130102001002,建北街道3号,200,是,2500,,,,已备案
东里托育中心,托育中心,公办,130104001001,东里街道1号,60,否,,,,,已备案
`;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  const result = await importInstitutionsFile(t.database, systemContext(), {
    filename: 'seed.csv',
    buffer: Buffer.from(SHEET),
  });
  expect(result.written).toBe(4);
  changan = await t.login((await t.buildAccount({ role: 'health_county', regionCode: '130102' })).username);
});

async function readBack(res: { statusCode: number; rawPayload: Buffer; body: string }) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
  return { sheet, header: rows[0]!, body: rows.slice(1) };
}

describe('register export', () => {
  it('is a real XLSX of the caller’s region, Chinese headers bold and frozen', async () => {
    const res = await changan.get('/api/institutions/export.xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="institutions-130102-\d{8}\.xlsx"$/,
    );
    const { sheet, header, body } = await readBack(res);
    expect(header.slice(0, 8)).toEqual([
      '名称',
      '类型',
      '举办性质',
      '区划代码',
      '区划名称',
      '地址',
      '托位/床位数',
      '普惠',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(body.map((r) => r[0])).toEqual(['棉一东托育中心', '光华路家庭托育点', '长安颐养院']);
    expect(body[0]).toEqual(
      [
        '棉一东托育中心',
        '托育机构',
        '公办',
        '130102001001',
        '棉一东社区居民委员会',
        '建北街道1号',
        80,
        '是',
        1800,
        '0311-86688888',
        114.52,
        38.05,
        '已备案',
        null,
        null,
        expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      ].map((v) => (v === null ? undefined : v)),
    );
    expect(body[2]![6]).toBe(200);
  });

  it('speaks English when asked, headers as the import reads them', async () => {
    const { header, body } = await readBack(await changan.get('/api/institutions/export.xlsx?lang=en'));
    expect(header.slice(0, 4)).toEqual(['name', 'kind', 'operator', 'region_code']);
    expect(body[1]!.slice(0, 3)).toEqual(['光华路家庭托育点', 'Home-based childcare point', 'For-profit']);
  });

  it('takes the list’s filters', async () => {
    const rows = async (query: string) =>
      (await readBack(await changan.get(`/api/institutions/export.xlsx?${query}`))).body;
    expect((await rows('kind=home_childcare_point')).map((r) => r[0])).toEqual(['光华路家庭托育点']);
    expect((await rows('status=filed')).map((r) => r[0])).toEqual(['棉一东托育中心', '长安颐养院']);
    expect((await rows('affordable=false')).map((r) => r[0])).toEqual(['光华路家庭托育点']);
    expect((await rows(`q=${encodeURIComponent('颐养')}`)).map((r) => r[0])).toEqual(['长安颐养院']);
    expect((await rows('regionCode=130102001001')).map((r) => r[0])).toEqual(['棉一东托育中心']);
    expect(await rows('regionCode=13')).toHaveLength(3);
  });

  it('imports again as it was exported: every row is then a duplicate', async () => {
    const exported = await changan.get('/api/institutions/export.xlsx');
    const body = multipartFile('export.xlsx', exported.rawPayload);
    const res = await changan.request({
      method: 'POST',
      url: '/api/institutions/import?dryRun=true',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'import.kind_not_supervised', rows: [4] });
    const admin = await t.login((await t.buildAccount({ role: 'sysadmin', regionCode: '' })).username);
    const again = await admin.request({
      method: 'POST',
      url: '/api/institutions/import?dryRun=true',
      ...body,
    });
    expect(again.json().errors.map((e: { rule: string }) => e.rule)).toEqual(
      Array(3).fill('import.duplicate_registered'),
    );
  });

  it('is audited as institutions.export with the filters and the rows written', async () => {
    await readBack(await changan.get('/api/institutions/export.xlsx?status=filed'));
    const trail = (await changan.get('/api/audit?action=institutions.export')).json();
    expect(trail.items[0]).toMatchObject({
      entityType: 'institution',
      regionCode: '130102',
      after: { filters: { status: 'filed' }, rows: 2 },
    });
  });

  it('refuses other regions, residents, institution users and anonymous callers', async () => {
    expect((await changan.get('/api/institutions/export.xlsx?regionCode=130104')).statusCode).toBe(403);
    const resident = await t.login(
      (await t.buildAccount({ role: 'resident', regionCode: '130102001001' })).username,
    );
    expect((await resident.get('/api/institutions/export.xlsx')).statusCode).toBe(403);
    const { id } = await t.buildInstitution();
    const staff = await t.login(
      (await t.buildAccount({ role: 'institution_admin', regionCode: '130102001001', institutionId: id }))
        .username,
    );
    expect((await staff.get('/api/institutions/export.xlsx')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/institutions/export.xlsx')).statusCode).toBe(401);
  });
});
