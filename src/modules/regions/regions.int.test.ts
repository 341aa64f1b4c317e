import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { listSubtree, rows } from './regions.repo.js';
import {
  diffRegionYears,
  loadRegionTree,
  loadRegionYearFromCsv,
  mapCode,
  seedDemoPopulation,
  setCurrentYear,
} from './regions.service.js';

/** A multipart body carrying one file, as a browser's form upload sends it. */
function upload(filename: string, content: Buffer | string, type = 'text/csv') {
  const boundary = '----doorstep-test-boundary-7f3a9c';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const HEADER = 'code,year,residents,children_under_3,aged_60_plus,aged_80_plus';
const importCsv = (client: TestClient, rows: string[], query = '', extra: Record<string, string> = {}) => {
  const body = upload('population.csv', [HEADER, ...rows].join('\n'));
  return client.request({
    method: 'POST',
    url: `/api/regions/population/import${query}`,
    payload: body.payload,
    headers: { ...body.headers, ...extra },
  });
};

let t: TestApp;
let county: TestClient; // civil_county of 长安区 130102
let city: TestClient; // health_city of 石家庄市 1301

beforeAll(async () => {
  t = await createTestApp();
  await loadRegionTree(t.database, { only: '13' });
  const a = await t.buildAccount({ role: 'civil_county', regionCode: '130102' });
  const b = await t.buildAccount({ role: 'health_city', regionCode: '1301' });
  county = await t.login(a.username);
  city = await t.login(b.username);
});

describe('the division tree (public)', () => {
  it('loads Hebei with levels, pinyin and child counts, and loading it again changes nothing', async () => {
    const years = (await t.anonymous.get('/api/regions/years')).json();
    expect(years.items).toEqual([
      expect.objectContaining({ year: 2023, nodeCount: 56_712, isCurrent: true }),
    ]);
    const again = await loadRegionTree(t.database, { only: '13' });
    expect(again.loaded).toBe(false);
    const [row] = await rows(
      t.database.db,
      sql`SELECT pinyin, initials, level FROM regions WHERE code = '1301'`,
    );
    expect(row).toEqual({ pinyin: 'shijiazhuangshi', initials: 'sjzs', level: 2 });
  });

  it('lists the provinces, then the children of a node in code order', async () => {
    const provinces = (await t.anonymous.get('/api/regions')).json().items;
    expect(provinces).toEqual([{ code: '13', name: '河北省', level: 1, parentCode: null, childCount: 11 }]);
    const counties = (await t.anonymous.get('/api/regions?parent=1301')).json().items;
    expect(counties[0]).toMatchObject({ code: '130102', name: '长安区', level: 3, parentCode: '1301' });
    expect(counties.map((c: { code: string }) => c.code)).toEqual(
      counties.map((c: { code: string }) => c.code).sort(),
    );
    expect(counties.length).toBe(24);
  });

  it('shows a node with its ancestors, province first; unknown and malformed codes are refused', async () => {
    const res = await t.anonymous.get('/api/regions/130102001001');
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('棉一东社区居民委员会');
    expect(res.json().path.map((r: { code: string }) => r.code)).toEqual([
      '13',
      '1301',
      '130102',
      '130102001',
    ]);
    const missing = await t.anonymous.get('/api/regions/130199', { 'accept-language': 'en' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('130199');
    const bad = await t.anonymous.get('/api/regions/12345');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('code');
  });

  it.each(['石家庄', 'shijiazhuang', 'sjz', 'SJZ', '1301'])('finds 石家庄市 first by "%s"', async (q) => {
    const res = await t.anonymous.get(`/api/regions/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      code: '1301',
      name: '石家庄市',
      fullName: '河北省 石家庄市',
    });
  });

  it('finds by pinyin initials, within a region and at one level, with full names', async () => {
    const hits = (await t.anonymous.get('/api/regions/search?q=caq&within=1301&level=3')).json().items;
    expect(hits).toEqual([expect.objectContaining({ code: '130102', fullName: '河北省 石家庄市 长安区' })]);
    const villages = (
      await t.anonymous.get(`/api/regions/search?q=${encodeURIComponent('长安')}&level=5&limit=3`)
    ).json();
    expect(villages.items).toHaveLength(3);
    for (const hit of villages.items) expect(hit.fullName.split(' ')).toHaveLength(5);
    expect((await t.anonymous.get('/api/regions/search?q=x&limit=51')).statusCode).toBe(400);
  });
});

describe('population import and statistics (scoped)', () => {
  it('imports a CSV, and stats sum the children when a region has no figure of its own', async () => {
    const res = await importCsv(county, [
      '130102001,2022,50000,900,11000,1500',
      '130102002,2022,40000,800,9000,1200',
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, rows: 2, valid: 2, written: 2, errors: [] });
    const stats = (await county.get('/api/regions/130102/stats?year=2022')).json();
    expect(stats.population).toMatchObject({
      residents: 90_000,
      childrenUnder3: 1700,
      aged60Plus: 20_000,
      source: 'sum',
    });
    const first = stats.children.find((c: { code: string }) => c.code === '130102001');
    expect(first.population).toMatchObject({ residents: 50_000, aged80Plus: 1500, source: 'import' });
    expect(stats.children.find((c: { code: string }) => c.code === '130102003').population).toBeNull();
  });

  it('imports an XLSX with Chinese headers in one audited transaction', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('人口');
    sheet.addRow(['区划代码', '年份', '常住人口', '3岁以下儿童', '60岁及以上', '80岁及以上']);
    sheet.addRow([130104, 2022, 300000, 5000, 60000, 9000]);
    sheet.addRow(['130105', 2022, 400000, 7000, 70000, 10000]);
    const body = upload(
      '人口.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'application/octet-stream',
    );
    const res = await city.request({ method: 'POST', url: '/api/regions/population/import', ...body });
    expect(res.json()).toMatchObject({ rows: 2, valid: 2, written: 2, errors: [] });
    const audit = await rows(
      t.database.db,
      sql`SELECT region_code AS "regionCode", entity_type AS "entityType" FROM audit_log WHERE action = 'population.import'`,
    );
    expect(audit).toContainEqual({ regionCode: '1301', entityType: 'region_population' });
    const stats = (await city.get('/api/regions/130104/stats?year=2022')).json();
    expect(stats.population).toMatchObject({ residents: 300_000, source: 'import' });
  });

  it('a file with bad rows lists every problem of every row and writes nothing', async () => {
    const rows = [
      '130102003,2022,-5,1,1,1',
      '130102999,2022,100,1,10,1',
      '130102004,2022,100,200,50,60',
      '130102005,2022,1000,20,200,30',
    ];
    for (const query of ['?dryRun=true', '']) {
      const res = await importCsv(county, rows, query, { 'accept-language': 'en' });
      expect(res.statusCode).toBe(200);
      const result = res.json();
      expect(result).toMatchObject({ dryRun: query !== '', rows: 4, valid: 1, written: 0 });
      expect(result.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
        '2:residents',
        '3:code',
        '4:children_under_3',
        '4:aged_80_plus',
      ]);
      expect(result.errors[2].message).toContain('cannot exceed');
    }
    const stats = (await county.get('/api/regions/130102005/stats?year=2022')).json();
    expect(stats.population).toBeNull();
  });

  it('refuses an import with a row outside the caller’s region, even on a dry run', async () => {
    const res = await importCsv(county, ['130102001,2022,1,0,0,0', '130104001,2022,1,0,0,0'], '?dryRun=true');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('error.out_of_scope');
  });

  it('shows statistics only to officials inside their region', async () => {
    expect((await county.get('/api/regions/130102/stats')).statusCode).toBe(200);
    expect((await county.get('/api/regions/130102001/stats')).statusCode).toBe(200);
    const refused = await county.get('/api/regions/130104/stats');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('130102');
    expect((await county.get('/api/regions/1301/stats')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/regions/130102/stats')).statusCode).toBe(401);
  });
});

describe('demo population', () => {
  it('seeds every Hebei node once, with parents equal to the sum of their children', async () => {
    expect(await seedDemoPopulation(t.database, { year: 2023 })).toBe(56_712);
    expect(await seedDemoPopulation(t.database, { year: 2023 })).toBe(0);
    const mismatches = await rows(
      t.database.db,
      sql`
      SELECT p.code FROM region_populations p
      JOIN (SELECT r.parent_code, sum(c.residents) AS residents, sum(c.children_under_3) AS young,
              sum(c.aged_60_plus) AS a60, sum(c.aged_80_plus) AS a80
            FROM region_populations c JOIN regions r ON r.year = 2023 AND r.code = c.code
            WHERE c.year = 2023 GROUP BY r.parent_code) s ON s.parent_code = p.code
      WHERE p.year = 2023 AND (p.residents <> s.residents OR p.children_under_3 <> s.young
        OR p.aged_60_plus <> s.a60 OR p.aged_80_plus <> s.a80)`,
    );
    expect(mismatches).toEqual([]);
    const broken = await rows(
      t.database.db,
      sql`SELECT code FROM region_populations WHERE year = 2023
      AND (children_under_3 > residents OR aged_60_plus > residents OR aged_80_plus > aged_60_plus OR residents = 0)`,
    );
    expect(broken).toEqual([]);

    const stats = (await city.get('/api/regions/1301/stats')).json();
    expect(stats.population.residents).toBe(11_240_000);
    const counties = stats.children.reduce(
      (sum: number, c: { population: { residents: number } }) => sum + c.population.residents,
      0,
    );
    expect(counties).toBe(11_240_000);
    const share = stats.population.childrenUnder3 / stats.population.residents;
    expect(share).toBeGreaterThan(0.015);
    expect(share).toBeLessThan(0.025);
    expect(stats.population.aged60Plus / stats.population.residents).toBeCloseTo(0.2, 1);
  });
});

describe('code-table years', () => {
  it('loads a 2024 table beside 2023 and maps renamed, moved and abolished codes', async () => {
    const old = await listSubtree(t.database.db, '13', 2023);
    const lines = ['code,name,parent_code'];
    for (const r of old) {
      if (r.code.startsWith('130107')) continue; // 井陉矿区 abolished with everything below it
      const recode = (c: string | null) => c?.replace(/^130105/, '130199') ?? ''; // 新华区 re-coded 130199
      const name = r.code === '130104' ? '桥西新区' : r.name; // 桥西区 renamed
      lines.push([recode(r.code), `"${name.replaceAll('"', '""')}"`, recode(r.parentCode)].join(','));
    }
    lines.push('130198,"测试新区, 试点",1301');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'doorstep-')), 'codes-2024.csv');
    writeFileSync(file, lines.join('\n'));
    const abolished = old.filter((r) => r.code.startsWith('130107')).length;
    const moved = old.filter((r) => r.code.startsWith('130105')).length;
    expect((await loadRegionYearFromCsv(t.database, file, 2024)).nodeCount).toBe(old.length - abolished + 1);

    const summary = await diffRegionYears(t.database, 2023, 2024);
    expect(summary).toMatchObject({ renamed: 1, moved, abolished, created: 1 });
    expect(await mapCode(t.database, '130105', 2023, 2024)).toBe('130199');
    expect(await mapCode(t.database, '130105001', 2023, 2024)).toBe('130199001');
    expect(await mapCode(t.database, '130104', 2023, 2024)).toBe('130104');
    expect(await mapCode(t.database, '130102', 2023, 2024)).toBe('130102');
    expect(await mapCode(t.database, '130107', 2023, 2024)).toBeNull();

    expect((await t.anonymous.get('/api/regions/130199')).statusCode).toBe(404);
    await setCurrentYear(t.database, 2024);
    expect((await t.anonymous.get('/api/regions/130199')).json().name).toBe('新华区');
    expect((await t.anonymous.get('/api/regions/130198')).json().name).toBe('测试新区, 试点');
    expect((await t.anonymous.get('/api/regions/130105?year=2023')).json().name).toBe('新华区');
    const years = (await t.anonymous.get('/api/regions/years')).json().items;
    expect(years.map((y: { year: number; isCurrent: boolean }) => [y.year, y.isCurrent])).toEqual([
      [2023, false],
      [2024, true],
    ]);
    await setCurrentYear(t.database, 2023);
  });
});
