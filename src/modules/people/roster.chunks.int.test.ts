import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../server/context.js';
import { buildIdNumber } from '../../standards/id-number.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { chinaToday, importRoster, type RosterImportOptions } from './roster.service.js';

/** The i-th older person of these tests: a valid ID number, unique for i < 21,000. */
function idOf(i: number): string {
  const day = new Date(Date.UTC(1935, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10);
  return buildIdNumber({
    regionCode: i % 2 ? '130102' : '130104',
    birthDate: day,
    sequence: Math.floor(i / 3000),
  });
}
const COMMUNITIES = ['130102001001', '130102001002', '130104001001'];

const csv = (header: string[], rows: (string | number)[][]) =>
  Buffer.from(`${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`);

const CIVIL = ['身份证号', '姓名', '区划代码', '地址', '联系电话', '低保', '独居', '空巢'];
/** A civil affairs file of people 0…n-1; `phone(i)` lets a later file change some phones. */
function civilFile(n: number, phone: (i: number) => string = () => '') {
  return csv(
    CIVIL,
    Array.from({ length: n }, (_, i) => [
      idOf(i),
      `老人${i}`,
      COMMUNITIES[i % 3]!,
      `"幸福路${i}号, ${i % 7}单元"`,
      phone(i),
      i % 10 === 0 ? '是' : '否',
      i % 8 === 0 ? '是' : '',
      i % 3 === 0 ? '是' : '否',
    ]),
  );
}

let t: TestApp;
let city: TestClient;
const ctx: RequestContext = {
  actor: {
    id: '00000000-0000-0000-0000-000000000000',
    username: 'importer',
    displayName: 'importer',
    role: 'sysadmin',
    regionCode: '',
    institutionId: null,
    mustChangePassword: false,
  },
  lang: 'en',
  ip: null,
  userAgent: 'test',
};
const today = chinaToday();

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const res = (await t.database.db.execute(query)) as unknown as { rows: { n: number }[] };
  return Number(res.rows[0]!.n);
}
const count = (table: string) => scalar(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
const tables = async () => ({
  people: await count('older_people'),
  flags: await count('person_flags'),
  changes: await count('person_changes'),
  conflicts: await count('roster_conflicts'),
});
async function record(filename: string) {
  const res = (await t.database.db.execute(
    sql`SELECT status, rows, rows_done AS "rowsDone", last_chunk AS "lastChunk", error,
          created, updated, unchanged, conflicts FROM roster_imports WHERE filename = ${filename}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return res.rows[0];
}
const run = (filename: string, buffer: Buffer, options: RosterImportOptions) =>
  importRoster(t.database, t.cipher, ctx, { filename, buffer }, { today, ...options });

function upload(filename: string, content: Buffer) {
  const boundary = '----roster-chunks-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  city = await t.login((await t.buildAccount({ role: 'civil_city', regionCode: '1301' })).username);
});

describe('large roster files in chunks', () => {
  it('imports a 20,000-row file in chunks of 5,000, reporting progress, and a changed copy updates only what changed', async () => {
    const file = civilFile(20_000);
    const stages: Record<string, number[]> = {};
    const result = await run('civil-20k.csv', file, {
      source: 'civil_affairs',
      onProgress: (done, total, stage) => {
        stages[stage] = [...(stages[stage] ?? []), done];
        expect(total).toBe(stage === 'read' ? file.length : 20_000);
      },
    });
    expect(result).toMatchObject({
      rows: 20_000,
      created: 20_000,
      updated: 0,
      conflicts: 0,
      rowsDone: 20_000,
    });
    expect(stages.write).toEqual([0, 5000, 10_000, 15_000, 20_000]);
    expect(stages.read!.at(-1)).toBe(file.length);
    expect(await record('civil-20k.csv')).toMatchObject({ status: 'done', rowsDone: 20_000, lastChunk: 3 });
    const flagsInFile = 2000 + 2500 + 6667; // 低保 every 10th, 独居 every 8th, 空巢 every 3rd
    expect(await tables()).toEqual({ people: 20_000, flags: flagsInFile, changes: 20_000, conflicts: 0 });
    const audits = await scalar(
      sql`SELECT count(*) FILTER (WHERE action = 'roster.import.chunk') * 10 + count(*) FILTER (WHERE action = 'roster.import') AS n
          FROM audit_log WHERE entity_type = 'roster_import'`,
    );
    expect(audits).toBe(31); // three chunk entries, one for the whole import
    const person = (
      (await t.database.db.execute(
        sql`SELECT name, address, id_number_cipher AS c FROM older_people WHERE id_number_index = ${t.cipher.blindIndex(idOf(12_345))}`,
      )) as unknown as { rows: { name: string; address: string; c: string }[] }
    ).rows[0]!;
    expect(person).toMatchObject({ name: '老人12345', address: '幸福路12345号, 4单元' });
    expect(t.cipher.decrypt(person.c)).toBe(idOf(12_345));

    const before = await tables();
    const again = await run('copy.csv', file, { source: 'civil_affairs' });
    expect(again).toMatchObject({ alreadyImported: true, created: 0, updated: 0, unchanged: 20_000 });
    expect(await tables()).toEqual(before);

    const phones = civilFile(20_000, (i) => (i % 200 === 0 ? `1381234${String(i).padStart(4, '0')}` : ''));
    const changed = await run('civil-20k-phones.csv', phones, { source: 'civil_affairs' });
    expect(changed).toMatchObject({ created: 0, updated: 100, unchanged: 19_900, conflicts: 0 });
    expect(await tables()).toEqual({ ...before, changes: before.changes + 100 });
  });

  it('resumes after a failed chunk, with the totals of an uninterrupted run, and refuses the finished file', async () => {
    // People 0…49 are on the roster (previous test); the health file has 50 of them and 10 new ones.
    const HEALTH = ['身份证号', '姓名', '区划代码', '失智', '户籍状态', '日期'];
    const rows = Array.from({ length: 60 }, (_, k) => {
      const i = k < 50 ? k : 30_000 + k; // the last ten are new people
      const id =
        k < 50 ? idOf(i) : buildIdNumber({ regionCode: '130102', birthDate: '1950-02-02', sequence: k });
      return [
        id,
        k % 5 === 0 && k < 50 ? `别名${k}` : k < 50 ? `老人${i}` : `新人${k}`,
        COMMUNITIES[i % 3]!,
        k % 7 === 0 ? '是' : '',
        k % 13 === 0 ? '死亡' : '',
        k % 13 === 0 ? today : '',
      ];
    });
    const file = csv(HEALTH, rows);
    const expected = await run('health.csv', file, { source: 'health', dryRun: true });
    expect(expected).toMatchObject({ dryRun: true, created: 10, conflicts: 10, rowsDone: 0 });
    const untouched = await tables();

    const progress: number[] = [];
    const failing = run('health.csv', file, {
      source: 'health',
      chunkSize: 10,
      onProgress: (done, _total, stage) => stage === 'write' && progress.push(done),
      beforeCommit: (chunk) => {
        if (chunk === 3) throw new Error('injected failure on chunk 3');
      },
    });
    await expect(failing).rejects.toThrow('injected failure on chunk 3');
    expect(progress).toEqual([0, 10, 20, 30]);
    expect(await record('health.csv')).toMatchObject({
      status: 'failed',
      rows: 60,
      rowsDone: 30,
      lastChunk: 2,
      error: expect.stringContaining('injected failure'),
    });
    const partial = await tables();
    expect(partial.people).toBe(untouched.people);
    expect(partial.conflicts).toBe(6); // names of rows 0, 5, …, 25 belong to civil affairs

    // The same bytes uploaded again go on after row 30 and end where an uninterrupted run ends.
    const res = await city.request({
      method: 'POST',
      url: '/api/roster/import?source=health',
      ...upload('health-again.csv', file),
    });
    expect(res.statusCode).toBe(200);
    const { created, updated, unchanged, conflicts } = expected;
    expect(res.json()).toMatchObject({
      resumedFrom: 30,
      rowsDone: 60,
      created,
      updated,
      unchanged,
      conflicts,
    });
    expect(created + updated + unchanged).toBe(60);
    expect(await record('health.csv')).toMatchObject({
      status: 'done',
      rowsDone: 60,
      lastChunk: 3,
      error: null,
    });
    const after = await tables();
    expect(after.people).toBe(untouched.people + 10);
    expect(after.conflicts).toBe(conflicts);
    const dementia = await scalar(
      sql`SELECT count(*)::int AS n FROM person_flags WHERE flag = 'dementia' AND source = 'health'`,
    );
    expect(dementia).toBe(9); // rows 0, 7, …, 56

    const twice = await city.request({
      method: 'POST',
      url: '/api/roster/import?source=health',
      ...upload('health-3.csv', file),
    });
    expect(twice.json()).toMatchObject({ alreadyImported: true, created: 0, updated: 0, unchanged: 60 });
    expect(await tables()).toEqual(after);
  });

  it('starts over when the very first chunk fails, and writes nothing of a file with a bad row', async () => {
    const file = civilFile(25); // people 0…24 again, as civil affairs said before
    const failing = run('first.csv', file, {
      source: 'civil_affairs',
      chunkSize: 10,
      beforeCommit: () => {
        throw new Error('boom');
      },
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await record('first.csv')).toBeUndefined();
    const done = await run('first.csv', file, { source: 'civil_affairs', chunkSize: 10 });
    expect(done).toMatchObject({ resumedFrom: 0, rowsDone: 25, created: 0, updated: 0, unchanged: 25 });

    const before = await tables();
    const bad = csv(CIVIL, [
      [idOf(1), '老人1', COMMUNITIES[0]!, '', '', '', '', ''],
      ...Array.from({ length: 30 }, (_, k) => [
        idOf(2 + k),
        `老人${2 + k}`,
        k === 20 ? '130102999999' : COMMUNITIES[0]!,
        '',
        '139',
        '',
        '',
        '',
      ]),
      [idOf(1), '老人1', COMMUNITIES[0]!, '', '', '', '', ''],
    ]);
    const refused = await run('bad.csv', bad, { source: 'public_security', chunkSize: 10 });
    expect(refused.errors.map((e) => [e.row, e.field])).toEqual([
      [23, 'region_code'],
      [33, 'id_number'],
    ]);
    expect(refused.errors[1]!.message).toContain('row 2');
    expect(await tables()).toEqual(before);
    expect(await record('bad.csv')).toBeUndefined();
  });
});
