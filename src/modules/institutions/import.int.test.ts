import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { auditLog } from '../audit/audit.table.js';
import { loadRegionTree } from '../regions/regions.service.js';
import { encodeGb18030, multipartFile } from './fixtures/upload.js';
import { institutionFunctions, institutions } from './institutions.table.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'institutions-5000.libreoffice.xlsx');
const HEADER_ZH = '名称,类型,举办性质,区划代码,区划名称,地址,托位数,普惠,收费上限,电话,经度,纬度,状态';

let t: TestApp;
let admin: TestClient;
let changanHealth: TestClient;
let changanCivil: TestClient;
let shijiazhuangHealth: TestClient;
let township: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await loadRegionTree(t.database, { only: '13' });
  const login = async (role: Parameters<TestApp['buildAccount']>[0]) =>
    t.login((await t.buildAccount(role)).username);
  admin = await login({ role: 'sysadmin', regionCode: '' });
  changanHealth = await login({ role: 'health_county', regionCode: '130102' });
  changanCivil = await login({ role: 'civil_county', regionCode: '130102' });
  shijiazhuangHealth = await login({ role: 'health_city', regionCode: '1301' });
  township = await login({ role: 'health_township', regionCode: '130102001' });
}, 120_000);

const upload = (
  client: TestClient,
  file: string,
  content: Buffer | string,
  dryRun: boolean,
  lang = 'zh-CN',
) =>
  client.request({
    method: 'POST',
    url: `/api/institutions/import?dryRun=${dryRun}`,
    ...(() => {
      const body = multipartFile(file, content);
      return { payload: body.payload, headers: { ...body.headers, 'accept-language': lang } };
    })(),
  });

const registered = async () => Number((await t.database.db.select({ n: count() }).from(institutions))[0]!.n);

describe('import of a 5,000-row sheet saved by LibreOffice', () => {
  it('checks every row on a dry run and writes nothing, then writes all 5,000 in one go', async () => {
    const buffer = readFileSync(FIXTURE);
    const dry = await upload(admin, 'institutions-5000.libreoffice.xlsx', buffer, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, rows: 5000, valid: 5000, written: 0, errors: [] });
    expect(await registered()).toBe(0);

    const real = await upload(admin, 'institutions-5000.libreoffice.xlsx', buffer, false);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toMatchObject({ dryRun: false, rows: 5000, valid: 5000, written: 5000, errors: [] });
    expect(await registered()).toBe(5000);

    // Row 2 of the sheet: 关后爱儿社区养老服务中心, a 日间照料中心 with 31 day places in 磁县.
    const [first] = await t.database.db
      .select()
      .from(institutions)
      .where(eq(institutions.name, '关后爱儿社区养老服务中心'));
    expect(first).toMatchObject({
      kind: 'community_elderly_centre',
      operator: 'for_profit',
      regionCode: '130427100012',
      affordable: true,
      priceCap: 2000,
      phone: '0310-39749960',
      lng: 113.990155,
      lat: 36.408702,
      status: 'filed',
    });
    expect(first!.filedAt).not.toBeNull();
    const functions = await t.database.db
      .select()
      .from(institutionFunctions)
      .where(eq(institutionFunctions.institutionId, first!.id));
    expect(functions).toEqual([
      { institutionId: first!.id, function: 'elderly_day_care', capacity: 31, unit: 'day_places' },
    ]);
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'institution.import'));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ file: 'institutions-5000.libreoffice.xlsx', written: 5000 });
    expect(entries[0]!.regionCode).toBe('13');
  }, 120_000);
});

async function badSheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('托育机构');
  sheet.addRow(HEADER_ZH.split(','));
  const ok = [
    '阳光托育中心',
    '托育中心',
    '民办非营利',
    '130102001001',
    '',
    '建北街道1号',
    40,
    '是',
    1800,
    '0311-86688888',
    114.52,
    38.05,
    '已备案',
  ];
  const rows: (string | number)[][] = [
    ok, // 2: fine
    ['', '托育中心', '公办', '130102001001', '', '建北街道2号'], // 3: no name
    ['星星乐园', '游乐场', '公办', '130102001001', '', '建北街道3号'], // 4: unknown kind
    ['月亮托育', '托育机构', '公办', '1301020010', '', '建北街道4号'], // 5: code too short
    ['云朵托育', '托育机构', '公办', '130102001999', '', '建北街道5号'], // 6: no such community
    ['彩虹托育', '托育机构', '公办', '130102001001', '', '建北街道6号', 'abc'], // 7: capacity not a number
    ['小屋托育', '家庭托育点', '公办', '130102001001', '', '建北街道7号', 8], // 8: home point > 5
    ['春天托育', '托育机构', '公办', '130102001001', '', '建北街道8号', 20, '否', '', '12345'], // 9: phone
    ['夏天托育', '托育机构', '公办', '130102001001', '', '建北街道9号', 20, '否', '', '', '', 38.05], // 10: lat only
    ['秋天托育', '托育机构', '公办', '130102001001', '', '建北街道10号', 20, '否', 1500], // 11: cap, not affordable
    ok, // 12: the same as row 2
    ['冬天托育', '托育机构', '公办', '130102001001', '', '建北街道11号', 20, '否', '', '', '', '', '已注销'], // 13
    [], // 14: blank, skipped
    ['长安已登记托育中心', '托育机构', '公办', '130102001002', '', '建北街道12号'], // 15: registered already
    ['无名托育', '托育机构', '公办', '', '不存在的社区', '建北街道13号'], // 16: unknown community name
  ];
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('a sheet with bad rows', () => {
  it('is refused row by row with reasons, and nothing is written', async () => {
    await t.buildInstitution({ name: '长安已登记托育中心', regionCode: '130102001002' });
    const before = await registered();
    const buffer = await badSheet();
    const dry = await upload(changanHealth, 'bad.xlsx', buffer, true, 'en');
    expect(dry.statusCode, dry.body).toBe(200);
    const result = dry.json() as {
      rows: number;
      valid: number;
      errors: { row: number; field: string; rule: string; message: string }[];
    };
    expect(result).toMatchObject({ rows: 14, valid: 1, written: 0 });
    expect(result.errors.map((e) => [e.row, e.field, e.rule])).toEqual([
      [3, 'name', 'import.required'],
      [4, 'kind', 'import.kind_unknown'],
      [5, 'region_code', 'import.region_code_rule'],
      [6, 'region_code', 'import.region_unknown'],
      [7, 'capacity', 'import.not_integer'],
      [8, 'capacity', 'import.capacity_max'],
      [9, 'phone', 'import.phone_rule'],
      [10, 'lng', 'import.coordinates_pair'],
      [11, 'price_cap', 'import.price_cap_not_affordable'],
      [12, 'name', 'import.duplicate_in_file'],
      [13, 'status', 'import.status_unknown'],
      [15, 'name', 'import.duplicate_registered'],
      [16, 'region_name', 'import.region_name_unknown'],
    ]);
    expect(result.errors.find((e) => e.row === 8)!.message).toBe(
      '"Home-based childcare point" may have at most 5 places (got 8)',
    );
    expect(result.errors.find((e) => e.row === 12)!.message).toBe(
      'Duplicate of row 2 (same name in the same community)',
    );

    const real = await upload(changanHealth, 'bad.xlsx', buffer, false);
    expect(real.statusCode).toBe(400);
    expect(real.json().error).toMatchObject({
      code: 'import.rejected',
      message: '导入未执行：13 处错误，未写入任何数据',
    });
    expect(real.json().error.errors).toHaveLength(13);
    expect(real.json().error.errors[0]).toMatchObject({ row: 3, field: 'name', message: '“name”不能为空' });
    expect(await registered()).toBe(before);
  });

  it('names a missing column', async () => {
    const res = await upload(changanHealth, 'x.csv', '名称,地址,区划代码\n甲,乙,130102001001\n', true);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'kind' });
  });
});

describe('CSV sheets as counties keep them', () => {
  it('reads GB18030 with Chinese headers and resolves community names inside the caller’s area', async () => {
    const csv = `${HEADER_ZH}\r\n国标托育中心,托育中心,公办,,棉一东社区,长安区建北街道甲1号,60,是,1500,0311-85555555,114.5201,38.0512,已备案\r\n国标家庭托育点,家庭托育点,民办营利,,光华路社区居委会,长安区建北街道甲2号,5,否,,13812345678,,,\r\n`;
    const res = await upload(changanHealth, '托育机构.csv', encodeGb18030(csv), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, written: 2 });
    const rows = await t.database.db
      .select({ name: institutions.name, regionCode: institutions.regionCode, status: institutions.status })
      .from(institutions)
      .where(sql`${institutions.name} LIKE '国标%'`)
      .orderBy(institutions.name);
    expect(rows).toEqual([
      { name: '国标家庭托育点', regionCode: '130102001002', status: 'draft' },
      { name: '国标托育中心', regionCode: '130102001001', status: 'filed' },
    ]);
  });

  it('reads UTF-8 with a BOM and English headers; an ambiguous community name lists the candidates', async () => {
    const csv =
      '\ufeffname,kind,address,region_name,capacity\n丁家庄托育园,childcare_centre,丁家庄村1号,丁家庄村委会,30\n';
    const res = await upload(shijiazhuangHealth, 'en.csv', csv, true, 'en');
    expect(res.statusCode, res.body).toBe(200);
    const [error] = res.json().errors;
    expect(error).toMatchObject({ row: 2, field: 'region_name', rule: 'import.region_name_ambiguous' });
    expect(error.message).toMatch(
      /^Community \(village\) name "丁家庄村委会" is ambiguous: .*石家庄市.*（1301\d{8}）；/,
    );
  });

  it('counts a name twice in the file and a name registered already as duplicates', async () => {
    const csv = `${HEADER_ZH}\n重复托育,托育中心,公办,130102001003,,甲,10\n重复托育,托育中心,公办,130102001003,,乙,10\n国标托育中心,托育中心,公办,130102001001,,丙,10\n`;
    const res = await upload(changanHealth, 'dup.csv', csv, true);
    expect(res.json().errors.map((e: { row: number; rule: string }) => [e.row, e.rule])).toEqual([
      [3, 'import.duplicate_in_file'],
      [4, 'import.duplicate_registered'],
    ]);
  });
});

describe('who may import what', () => {
  const childcareIn = (code: string) =>
    `${HEADER_ZH}\n甲托育,托育中心,公办,130102001001,,甲,10\n乙托育,托育中心,公办,${code},,乙,10\n`;

  it('refuses rows outside the caller’s region with 403 listing them, even on a dry run', async () => {
    const before = await registered();
    const res = await upload(changanHealth, 'out.csv', childcareIn('130104001001'), true, 'en');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'import.rows_out_of_scope', rows: [3] });
    expect(res.json().error.message).toBe('Rows 3: the region lies outside your area (130102)');
    expect(await registered()).toBe(before);
  });

  it('refuses kinds the caller’s department does not supervise', async () => {
    const res = await upload(changanCivil, 'kind.csv', childcareIn('130102001002'), true);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'import.kind_not_supervised', rows: [2, 3] });
    const elderly = `${HEADER_ZH}\n甲养老院,养老机构,公办,130102001001,,甲,100\n`;
    expect((await upload(changanCivil, 'elderly.csv', elderly, true)).json()).toMatchObject({ valid: 1 });
  });

  it('refuses officials below county level and anonymous callers', async () => {
    expect((await upload(township, 'x.csv', childcareIn('130102001002'), true)).statusCode).toBe(403);
    expect((await upload(t.anonymous, 'x.csv', childcareIn('130102001002'), true)).statusCode).toBe(401);
  });
});

describe('audit', () => {
  it('writes one entry per import', async () => {
    const entries = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'institution.import'), eq(auditLog.entityType, 'institution')));
    expect(Number(entries[0]!.n)).toBe(2);
  });
});
