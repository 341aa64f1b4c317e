import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/context.js';
import { buildIdNumber } from '../../standards/id-number.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { chinaToday, importRoster } from './roster.service.js';

/** An XLSX file as a department exports it: a header row, then one row per person. */
async function xlsx(header: string[], body: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(header);
  for (const row of body) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(filename: string, content: Buffer) {
  const boundary = '----roster-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const importFile = (c: TestClient, source: string, file: Buffer, query = '', lang = 'zh-CN') =>
  c.request({
    method: 'POST',
    url: `/api/roster/import?source=${source}${query}`,
    ...upload(`${source}.xlsx`, file),
    headers: { ...upload('x.xlsx', file).headers, 'accept-language': lang },
  });

const ID = {
  wang: buildIdNumber({ regionCode: '130102', birthDate: '1948-03-15', sequence: 11 }),
  li: buildIdNumber({ regionCode: '130102', birthDate: '1955-07-01', sequence: 22 }),
  zhao: buildIdNumber({ regionCode: '130104', birthDate: '1940-12-30', sequence: 33 }),
  sun: buildIdNumber({ regionCode: '130102', birthDate: '1952-01-20', sequence: 45 }),
  qian: buildIdNumber({ regionCode: '130104', birthDate: '1950-05-05', sequence: 57 }),
};
const CIVIL_HEADER = ['身份证号', '姓名', '区划代码', '地址', '联系电话', '特困', '低保', '独居', '空巢'];
const DISABLED_HEADER = ['身份证号', '姓名', '区划代码', '残疾等级'];

let t: TestApp;
let county: TestClient; // civil_county 长安区 130102
let qiaoxi: TestClient; // civil_county 桥西区 130104
let health: TestClient; // health_county 130102
let worker: TestClient; // community_worker 130102001001
let civilFile: Buffer;

const count = async (table: string) =>
  Number(
    (
      (await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );
const counts = async () => ({
  people: await count('older_people'),
  flags: await count('person_flags'),
  changes: await count('person_changes'),
  conflicts: await count('roster_conflicts'),
});
async function personId(c: TestClient, name: string): Promise<string> {
  const res = await c.get(`/api/roster?q=${encodeURIComponent(name)}`);
  return res.json().items[0].id;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  const login = async (role: string, regionCode: string) =>
    t.login((await t.buildAccount({ role: role as never, regionCode })).username);
  county = await login('civil_county', '130102');
  qiaoxi = await login('civil_county', '130104');
  health = await login('health_county', '130102');
  worker = await login('community_worker', '130102001001');
  civilFile = await xlsx(CIVIL_HEADER, [
    [ID.wang, '王秀英', '130102001001', '建北街道1号', '13812345678', '否', '是', '是', '否'],
    [ID.li, '李建国', '130102001002', '光华路2号', '', '否', '否', '否', '是'],
    [ID.sun, '孙桂兰', '130102001001', '建北街道3号', '', '是', '', '', ''],
  ]);
});

describe('roster imports', () => {
  it('creates people once and keeps flags from each department side by side', async () => {
    const first = await importFile(county, 'civil_affairs', civilFile);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 3, created: 3, updated: 0, conflicts: 0, errors: [] });

    const disabled = await xlsx(DISABLED_HEADER, [
      [ID.wang, '王秀英', '130102001001', 2],
      [ID.li, '李建国', '130102001002', '三级'],
    ]);
    const second = await importFile(county, 'disabled_federation', disabled);
    expect(second.json()).toMatchObject({ rows: 2, created: 0, updated: 2, unchanged: 0, conflicts: 0 });
    expect((await counts()).people).toBe(3);

    const wang = await county.get(`/api/roster/${await personId(county, '王秀英')}`);
    expect(wang.statusCode).toBe(200);
    const body = wang.json();
    expect(body.flagsBySource).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ flag: 'minimum_allowance', source: 'civil_affairs' }),
        expect.objectContaining({ flag: 'living_alone', source: 'civil_affairs' }),
        expect.objectContaining({ flag: 'disabled', source: 'disabled_federation', value: { grade: 2 } }),
      ]),
    );
    expect(body.flags).toEqual(['disabled', 'living_alone', 'minimum_allowance']);
    expect(body.phone).toBe('138****5678');
    expect(body.changes.map((c: { field: string }) => c.field)).toContain('flag:disabled');

    const list = await county.get('/api/roster?flag=disabled');
    expect(list.json().total).toBe(2);
  });

  it('changes nothing when the same file comes twice, or the same facts in another file', async () => {
    const before = await counts();
    const again = await importFile(county, 'civil_affairs', civilFile);
    expect(again.json()).toMatchObject({ alreadyImported: true, created: 0, updated: 0, unchanged: 3 });
    expect(await counts()).toEqual(before);

    const sameFacts = await xlsx(CIVIL_HEADER, [
      [ID.sun, '孙桂兰', '130102001001', '建北街道3号', '', '是', '', '', ''],
    ]);
    const res = await importFile(county, 'civil_affairs', sameFacts);
    expect(res.json()).toMatchObject({ alreadyImported: false, created: 0, updated: 0, unchanged: 1 });
    expect(await counts()).toEqual(before);
  });

  it('queues a conflict when departments disagree on a disability grade, and an official resolves it', async () => {
    const civil = await xlsx(
      [...CIVIL_HEADER, '残疾等级'],
      [[ID.wang, '王秀英', '130102001001', '建北街道1号', '13812345678', '否', '是', '是', '否', 3]],
    );
    const res = await importFile(county, 'civil_affairs', civil);
    expect(res.json()).toMatchObject({ conflicts: 1 });
    const id = await personId(county, '王秀英');
    const detail = (await county.get(`/api/roster/${id}`)).json();
    const grades = detail.flagsBySource.filter((f: { flag: string }) => f.flag === 'disabled');
    expect(grades).toEqual([expect.objectContaining({ source: 'disabled_federation', value: { grade: 2 } })]);
    expect(detail.conflicts).toHaveLength(1);

    const open = (await county.get('/api/roster/conflicts?status=open')).json().items;
    expect(open).toHaveLength(1);
    expect((await qiaoxi.get('/api/roster/conflicts')).json().items).toHaveLength(0);
    const conflictId = open[0].id;
    const outsider = await qiaoxi.post(`/api/roster/conflicts/${conflictId}/resolve`, {
      choose: 'civil_affairs',
    });
    expect(outsider.statusCode).toBe(403);
    const byWorker = await worker.post(`/api/roster/conflicts/${conflictId}/resolve`, {
      choose: 'civil_affairs',
    });
    expect(byWorker.statusCode).toBe(403);

    const resolved = await county.post(`/api/roster/conflicts/${conflictId}/resolve`, {
      choose: 'civil_affairs',
      note: '核对残疾证',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolution: { chosen: 'civil_affairs', value: { grade: 3 } },
    });
    const after = (await county.get(`/api/roster/${id}`)).json();
    expect(after.conflicts).toHaveLength(0);
    expect(
      after.flagsBySource
        .filter((f: { flag: string }) => f.flag === 'disabled')
        .map((f: { value: unknown }) => f.value),
    ).toEqual([{ grade: 3 }, { grade: 3 }]);
    expect(after.changes.some((c: { source: string }) => c.source === 'resolution')).toBe(true);
    const twice = await county.post(`/api/roster/conflicts/${conflictId}/resolve`, {
      choose: 'civil_affairs',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('closes a record on a death, and queues a conflict when a later file reports the person alive', async () => {
    const today = chinaToday();
    const deaths = await xlsx(
      ['身份证号', '姓名', '区划代码', '户籍状态', '日期'],
      [
        [ID.sun, '孙桂兰', '130102001001', '死亡', today],
        [ID.li, '李建国', '130102001002', '死亡', '2020-01-10'],
      ],
    );
    const res = await importFile(county, 'public_security', deaths);
    // 李建国 was reported by civil affairs after 2020-01-10: conflict, record stays open.
    expect(res.json()).toMatchObject({ updated: 1, conflicts: 1 });
    const sun = (await county.get(`/api/roster/${await personId(county, '孙桂兰')}`)).json();
    expect(sun).toMatchObject({ status: 'deceased', closedOn: today, closedReason: 'public_security' });
    const li = (await county.get(`/api/roster/${await personId(county, '李建国')}`)).json();
    expect(li.status).toBe('active');
    expect(li.conflicts[0]).toMatchObject({ field: 'status' });

    // A civil affairs file of a later day still lists 孙桂兰: conflict, the record stays closed.
    const actor = {
      id: '00000000-0000-0000-0000-000000000000',
      username: 'x',
      displayName: 'x',
      role: 'sysadmin' as const,
      regionCode: '',
      institutionId: null,
      mustChangePassword: false,
    };
    const later = await importRoster(
      t.database,
      t.cipher,
      { ...systemContext(), actor },
      {
        filename: 'later.xlsx',
        buffer: await xlsx(CIVIL_HEADER, [[ID.sun, '孙桂兰', '130102001001', '', '', '', '', '', '']]),
      },
      { source: 'civil_affairs', today: '2099-01-01' },
    );
    expect(later).toMatchObject({ conflicts: 1, created: 0 });
    const still = (await county.get(`/api/roster/${sun.id}`)).json();
    expect(still.status).toBe('deceased');
  });

  it('writes nothing on a dry run or when any row is bad, and explains each row in the caller’s language', async () => {
    const before = await counts();
    const bad = ID.qian.slice(0, 17) + (ID.qian[17] === '0' ? '1' : '0');
    const young = buildIdNumber({ regionCode: '130102', birthDate: '1980-01-01', sequence: 1 });
    const file = await xlsx(CIVIL_HEADER, [
      [ID.zhao, '赵淑珍', '130102001001', '', '', '', '', '', ''],
      [bad, '钱某', '130102001001', '', '', '', '', '', ''],
      [young, '年轻人', '130102001001', '', '', '', '', '', ''],
      [ID.qian, '钱某', '130102009999', '', '', '', '', '', ''],
    ]);
    const dry = await importFile(county, 'civil_affairs', file, '&dryRun=true', 'en');
    expect(dry.statusCode).toBe(200);
    const errors = dry.json().errors as { row: number; field: string; message: string }[];
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'id_number'],
      [4, 'id_number'],
      [5, 'region_code'],
    ]);
    expect(errors[0]!.message).toMatch(/check_digit/);
    expect(errors[1]!.message).toMatch(/under 60/);
    const real = await importFile(county, 'civil_affairs', file);
    expect(real.json().errors).toHaveLength(3);
    expect(real.json().errors[1].message).toMatch(/未满 60/);
    const good = await importFile(
      county,
      'civil_affairs',
      await xlsx(CIVIL_HEADER, [[ID.zhao, '赵淑珍', '130102001001', '', '', '', '', '', '']]),
      '&dryRun=1',
    );
    expect(good.json()).toMatchObject({ dryRun: true, created: 1, errors: [] });
    expect(await counts()).toEqual(before);
  });
});

describe('privacy and scope', () => {
  it('never stores or shows an ID number in plain text', async () => {
    const all = Object.values(ID);
    const tables = ['older_people', 'person_changes', 'roster_conflicts', 'person_flags', 'audit_log'];
    for (const table of tables) {
      const dump = JSON.stringify(
        ((await t.database.db.execute(sql.raw(`SELECT * FROM ${table}`))) as unknown as { rows: unknown[] })
          .rows,
      );
      for (const id of all) expect(dump).not.toContain(id);
    }
    const list = await county.get('/api/roster');
    const detail = await county.get(`/api/roster/${list.json().items[0].id}`);
    for (const res of [list, detail, await county.get('/api/roster/conflicts?status=resolved')]) {
      for (const id of all) expect(res.body).not.toContain(id);
    }
    expect(list.json().items[0].idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  });

  it('audits each read once and each reveal, and keeps other counties and departments out', async () => {
    const audits = async (action: string) =>
      Number(
        (
          (await t.database.db.execute(
            sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`,
          )) as unknown as { rows: { n: number }[] }
        ).rows[0]!.n,
      );
    const reads = await audits('person.read');
    const list = await worker.get('/api/roster');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((p: { regionCode: string }) => p.regionCode === '130102001001')).toBe(
      true,
    );
    expect(await audits('person.read')).toBe(reads + 1);

    const id = await personId(county, '王秀英');
    expect((await qiaoxi.get(`/api/roster/${id}`)).statusCode).toBe(403);
    expect((await health.get('/api/roster')).statusCode).toBe(403);
    expect((await health.get(`/api/roster/${id}`)).statusCode).toBe(403);
    expect((await qiaoxi.get('/api/roster?regionCode=130102')).statusCode).toBe(403);
    expect((await worker.post(`/api/roster/${id}/reveal-id`)).statusCode).toBe(403);
    expect((await qiaoxi.post(`/api/roster/${id}/reveal-id`)).statusCode).toBe(403);

    const outside = await importFile(qiaoxi, 'civil_affairs', civilFile, '&dryRun=true');
    expect(outside.statusCode).toBe(403);

    const reveal = await county.post(`/api/roster/${id}/reveal-id`);
    expect(reveal.statusCode).toBe(200);
    expect(reveal.json().idNumber).toBe(ID.wang);
    expect(await audits('person.reveal_id')).toBe(1);
  });
});

describe('programs follow the roster', () => {
  it('judges people an import creates or changes again at once: a new flag enrols, a lost one ends', async () => {
    const zhou = buildIdNumber({ regionCode: '130102', birthDate: '1951-09-09', sequence: 71 });
    const program = await county.post('/api/programs', {
      regionPrefix: '130102001002',
      code: 'ROSTER-LIVING-ALONE',
      name: '独居老人关爱',
      eligibility: { anyFlags: ['living_alone'] },
      benefit: { kind: 'monthly_amount', amount: 50 },
      autoEnrol: true,
      startsOn: '2020-01-01',
    });
    expect(program.statusCode, program.body).toBe(201);
    const programId = program.json().id as string;
    const enrolled = async () =>
      (
        (await t.database.db.execute(
          sql`SELECT e.status FROM program_enrolments e JOIN older_people p ON p.id = e.person_id
              WHERE e.program_id = ${programId}::uuid AND p.name = '周玉珍'`,
        )) as unknown as { rows: { status: string }[] }
      ).rows.map((r) => r.status);

    // No evaluation is run: the import itself has the program judge the person it creates.
    const alone = await xlsx(CIVIL_HEADER, [
      [zhou, '周玉珍', '130102001002', '友谊街5号', '', '否', '否', '是', '否'],
    ]);
    const first = await importFile(county, 'civil_affairs', alone);
    expect(first.json(), first.body).toMatchObject({ created: 1 });
    expect(await enrolled()).toEqual(['enrolled']);

    // The department reports she no longer lives alone: the enrolment ends in the same import.
    const notAlone = await xlsx(CIVIL_HEADER, [
      [zhou, '周玉珍', '130102001002', '友谊街5号', '', '否', '否', '否', '否'],
    ]);
    expect((await importFile(county, 'civil_affairs', notAlone)).json()).toMatchObject({ updated: 1 });
    expect(await enrolled()).toEqual(['ended']);
  });
});
