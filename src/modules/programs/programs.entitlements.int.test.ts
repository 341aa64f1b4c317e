import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { bornAged, insertPeople, programBody, programsWorld } from './programs.fixtures.js';
import * as repo from './programs.repo.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof programsWorld>>;
const month = chinaToday().slice(0, 7);

beforeAll(async () => {
  t = await createTestApp();
  w = await programsWorld(t);
});

const create = async (over: Record<string, unknown>) => {
  const res = await w.changan.post('/api/programs', programBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
};

describe('entitlements and a person’s programs', () => {
  it('writes one row per enrolled person per month, idempotently, and shows used and left', async () => {
    const [a, b] = await insertPeople(t.database.db, t.cipher, [
      { birthDate: bornAged(81), regionCode: '130102001001', flags: ['minimum_allowance'] },
      { birthDate: bornAged(81), regionCode: '130102001001', flags: ['low_income'] },
    ]);
    const program = await create({
      regionPrefix: '130102001',
      code: 'HARDSHIP_T',
      eligibility: { anyFlags: ['minimum_allowance'] },
      benefit: { kind: 'monthly_amount', amount: 200 },
    });
    await w.changan.post(`/api/programs/${program.id}/evaluate`);
    const url = `/api/programs/${program.id}/entitlements?month=${month}`;
    const first = await w.changan.post(url);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ month, regionCode: '130102001', created: 1, total: 1 });
    expect((await w.changan.post(url)).json()).toEqual({
      month,
      regionCode: '130102001',
      created: 0,
      total: 1,
    });
    expect((await w.changan.post(`/api/programs/${program.id}/entitlements?month=2026-13`)).statusCode).toBe(
      400,
    );
    expect((await w.changan.post(`/api/programs/${program.id}/entitlements?month=2019-12`)).statusCode).toBe(
      409,
    );
    await t.database.db.execute(
      sql`UPDATE entitlements SET used_cents = 5000 WHERE program_id = ${program.id}::uuid AND person_id = ${a}::uuid`,
    );
    const view = await w.worker.get(`/api/roster/${a}/programs`);
    expect(view.statusCode).toBe(200);
    const item = view.json().items.find((i: { program: { id: string } }) => i.program.id === program.id);
    expect(item).toMatchObject({
      program: { code: 'HARDSHIP_T', benefit: { kind: 'monthly_amount', amount: 200 } },
      eligibility: {
        eligible: true,
        reasons: ['status:active', 'residence:130102001', 'flag:minimum_allowance'],
      },
      enrolments: [{ status: 'enrolled', endedOn: null }],
      entitlements: [
        { month, amount: 200, quotaMinutes: 0, used: 50, usedMinutes: 0, left: 150, leftMinutes: 0 },
      ],
    });
    const other = (await w.worker.get(`/api/roster/${b}/programs`)).json();
    const none = other.items.find((i: { program: { id: string } }) => i.program.id === program.id);
    expect(none).toMatchObject({ eligibility: { eligible: false }, enrolments: [], entitlements: [] });
    expect((await w.qiaoxi.get(`/api/roster/${a}/programs`)).statusCode).toBe(403);
    expect((await w.health.get(`/api/roster/${a}/programs`)).statusCode).toBe(403);
    const audited = await repo.rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.programs.read' AND entity_id = ${a}`,
    );
    expect(audited[0]!.n).toBe(1);
  });
});
