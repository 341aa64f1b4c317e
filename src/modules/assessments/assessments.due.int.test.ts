import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.js';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { auditLog } from '../audit/audit.table.js';
import { onPersonChanged } from './assessments.events.js';
import { assessmentBody as body, buildPerson } from './assessments.records.fixtures.js';
import { addMonths } from './assessments.records.rules.js';
import { assessments } from './assessments.table.js';

const DUE = '/api/assessments/due';
const url = (personId: string) => `/api/roster/${personId}/assessments`;

let t: TestApp;
let assessor: TestClient; // assessor 130102 (长安区)
let worker: TestClient; // community_worker: reads the roster, has no work list
const ids: Record<string, string> = {};
const today = chinaToday();

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  const login = async (role: string, regionCode: string) =>
    t.login((await t.buildAccount({ role: role as never, regionCode })).username);
  assessor = await login('assessor', '130102');
  worker = await login('community_worker', '130102001001');
  const people = {
    // never assessed, disabled / dementia: on the list
    disabled: { name: '李残联', regionCode: '130102001002', flags: ['disabled'] },
    dementia: { name: '王认知', regionCode: '130102001001', flags: ['dementia', 'living_alone'] },
    // never assessed, no such flag: not on the list
    plain: { name: '陈普通', regionCode: '130102001001', flags: ['living_alone'] },
    // assessed 2025-08-31 severe → due 2026-02-28: overdue
    overdue: { name: '刘逾期', regionCode: '130102001001', flags: [] },
    // assessed today, intact → due in 12 months: only with a later `before`
    fresh: { name: '张新评', regionCode: '130102001001', flags: ['disabled'] },
    // disabled but deceased, or in another county: never on Chang'an's list
    deceased: {
      name: '孙已故',
      regionCode: '130102001001',
      flags: ['disabled'],
      status: 'deceased' as const,
    },
    qiaoxi: { name: '赵桥西', regionCode: '130104001001', flags: ['disabled'] },
  };
  for (const [key, p] of Object.entries(people))
    ids[key] = await buildPerson(t, { birthDate: '1940-05-05', ...p });
  const store = async (id: string, payload: object) =>
    expect((await assessor.post(url(id), payload)).statusCode).toBe(201);
  await store(ids.overdue!, body('2025-08-31', 'first', 40));
  await store(ids.fresh!, body(today, 'first', 90));
});

type Item = { personId: string; state: string; nextDueOn: string | null; name: string };
const names = (items: Item[]) => items.map((i) => i.name);

describe('GET /api/assessments/due', () => {
  it('lists never-assessed disabled or dementia people first, then the overdue; audited as a read', async () => {
    const reads = await t.database.db.$count(auditLog, eq(auditLog.action, 'person.read'));
    const res = await assessor.get(DUE);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(names(list.items)).toEqual(['王认知', '李残联', '刘逾期']);
    expect(list.total).toBe(3);
    expect(list.items[0]).toMatchObject({
      state: 'never',
      lastAssessedOn: null,
      nextDueOn: null,
      flags: ['aged_80_plus', 'dementia', 'living_alone'],
      regionName: '棉一东社区居民委员会',
      phone: '138****5678',
    });
    expect(list.items[2]).toMatchObject({
      personId: ids.overdue,
      state: 'overdue',
      lastAssessedOn: '2025-08-31',
      lastGrade: 'severe',
      nextDueOn: '2026-02-28',
    });
    expect(list.items[2].idNumber).toMatch(/^130102\*{8}\d{3}[\dX]$/);
    expect(await t.database.db.$count(auditLog, eq(auditLog.action, 'person.read'))).toBe(reads + 1);
  });

  it('reaches further with `before`, filters by name and region, pages, and refuses other regions', async () => {
    const later = await assessor.get(`${DUE}?before=${addMonths(today, 13)}`);
    const fresh = later.json().items.find((i: Item) => i.personId === ids.fresh);
    expect(fresh).toMatchObject({ state: 'due', nextDueOn: addMonths(today, 12), lastGrade: 'intact' });
    expect(later.json().total).toBe(4);
    expect(names((await assessor.get(`${DUE}?q=${encodeURIComponent('逾期')}`)).json().items)).toEqual([
      '刘逾期',
    ]);
    expect(names((await assessor.get(`${DUE}?regionCode=130102001002`)).json().items)).toEqual(['李残联']);
    const page = (await assessor.get(`${DUE}?pageSize=2&page=2`)).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(names(page.items)).toEqual(['刘逾期']);
    expect((await assessor.get(`${DUE}?regionCode=130104`)).statusCode).toBe(403);
    expect((await worker.get(DUE)).statusCode).toBe(403);
  });

  it('drops a person from the list once assessed, until the next one is due', async () => {
    expect((await assessor.post(url(ids.disabled!), body(today, 'first', 50))).statusCode).toBe(201);
    expect(names((await assessor.get(DUE)).json().items)).toEqual(['王认知', '刘逾期']);
  });
});

describe('the person-changed hook', () => {
  let off: (() => void) | undefined;
  afterEach(() => off?.());

  it('runs in the assessment’s transaction and sees the new assessment', async () => {
    const calls: { personId: string; seen: number; inTransaction: boolean }[] = [];
    off = onPersonChanged(async (tx: Tx, personIds: readonly string[]) => {
      const personId = personIds[0]!;
      const result = (await tx.execute(
        sql`SELECT count(*)::int AS n FROM assessments WHERE person_id = ${personId}::uuid`,
      )) as unknown as { rows: { n: number }[] };
      calls.push({ personId, seen: result.rows[0]!.n, inTransaction: tx !== (t.database.db as unknown) });
    });
    const res = await assessor.post(url(ids.overdue!), body(today, 'routine', 70));
    expect(res.statusCode).toBe(201);
    expect(calls).toEqual([{ personId: ids.overdue, seen: 2, inTransaction: true }]);
  });

  it('rolls the assessment and its audit entry back when a hook throws', async () => {
    off = onPersonChanged(async () => {
      throw new Error('programs re-evaluation failed');
    });
    const stored = await t.database.db.$count(assessments);
    const audited = await t.database.db.$count(auditLog, eq(auditLog.action, 'assessment.create'));
    const res = await assessor.post(url(ids.dementia!), body(today, 'first', 60));
    expect(res.statusCode).toBe(500);
    expect(await t.database.db.$count(assessments)).toBe(stored);
    expect(await t.database.db.$count(auditLog, eq(auditLog.action, 'assessment.create'))).toBe(audited);
    off();
    off = undefined;
    expect((await assessor.post(url(ids.dementia!), body(today, 'first', 60))).statusCode).toBe(201);
  });
});
