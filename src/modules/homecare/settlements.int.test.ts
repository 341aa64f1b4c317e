import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../lib/xlsx.read.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  assignedOrder,
  at,
  buildWorld,
  entitle,
  HOME,
  MONTH,
  north,
  visit,
  type World,
} from './homecare.fixtures.js';

let t: TestApp;
let w: World;
const v: Record<string, string> = {};
let settlementId: string;

type Line = {
  visitId: string;
  status: string;
  subsidy: number;
  own: number;
  price: number;
  reasons: { code: string }[];
};
const line = (s: { lines: Line[] }, key: string) => s.lines.find((l) => l.visitId === v[key])!;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  await entitle(t, w.personId, { kind: 'service_quota', minutesPerMonth: 120 }, { quotaMinutes: 120 });
  // Paid: confirmed by the family (drawn on the quota: the whole price).
  const a = await visit(
    w.carer,
    await assignedOrder(w),
    { ...HOME, at: at('09:00') },
    { ...HOME, at: at('10:00') },
  );
  v.a = a.visitId;
  await w.family.post(`/api/visits/${a.visitId}/confirm`, { rating: 5 });
  // Paid: confirmed by a community worker; no entitlement, so the person pays all.
  const b = await visit(
    w.carer,
    await assignedOrder(w, { personId: w.person2Id, itemId: w.items.clean }),
    { ...HOME, at: at('10:30') },
    { ...HOME, at: at('11:30') },
  );
  v.b = b.visitId;
  await w.worker.post(`/api/visits/${b.visitId}/confirm`, { rating: 4 });
  // Paid after review: a distance exception explained and approved.
  const c = await visit(
    w.carer,
    await assignedOrder(w, { itemId: w.items.visit }),
    { ...north(300), at: at('13:00') },
    { ...HOME, at: at('13:30') },
  );
  v.c = c.visitId;
  await w.providerAdmin.post(`/api/visits/${c.visitId}/explain`, { reason: '老人在社区活动室' });
  await w.county.post(`/api/visits/${c.visitId}/review`, { decision: 'approve' });
  // Held: an exception still open (no location).
  const d = await visit(
    w.carer,
    await assignedOrder(w, { personId: w.person2Id, itemId: w.items.visit }),
    { lat: null, lng: null, at: at('15:00') },
    { ...HOME, at: at('15:30') },
  );
  v.d = d.visitId;
  // Held: a rejected exception (too short).
  const e = await visit(
    w.carer2,
    await assignedOrder(w, { personId: w.person2Id, caregiverId: w.carer2Id }),
    { ...HOME, at: at('14:00') },
    { ...HOME, at: at('14:10') },
  );
  v.e = e.visitId;
  await w.providerAdmin.post(`/api/visits/${e.visitId}/explain`, { reason: '老人拒绝继续' });
  await w.county.post(`/api/visits/${e.visitId}/review`, { decision: 'reject' });
  // Held: completed, not yet confirmed.
  const f = await visit(
    w.carer2,
    await assignedOrder(w, { itemId: w.items.visit, caregiverId: w.carer2Id }),
    { ...HOME, at: at('09:00') },
    { ...HOME, at: at('09:40') },
  );
  v.f = f.visitId;
  // Held: checked in, never checked out.
  const g = await w.carer2.post(
    `/api/service-orders/${await assignedOrder(w, { itemId: w.items.visit, caregiverId: w.carer2Id })}/check-in`,
    { ...HOME, at: at('16:00') },
  );
  v.g = g.json().visit.id;
});

describe('POST /api/settlements', () => {
  it('pays verified and approved visits (subsidy and own part apart) and holds the rest with reasons', async () => {
    const res = await w.county.post('/api/settlements', { providerId: w.providerId, month: MONTH });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    settlementId = s.id;
    expect(s).toMatchObject({
      status: 'draft',
      month: MONTH,
      paid: 110,
      own: 100,
      held: 150,
      visitsPaid: 3,
      visitsHeld: 4,
    });
    expect(line(s, 'a')).toMatchObject({ status: 'paid', price: 90, subsidy: 90, own: 0, reasons: [] });
    expect(line(s, 'b')).toMatchObject({ status: 'paid', price: 100, subsidy: 0, own: 100 });
    expect(line(s, 'c')).toMatchObject({ status: 'paid', price: 20, subsidy: 20, own: 0 });
    const reasons = (key: string) => line(s, key).reasons.map((r) => r.code);
    expect(line(s, 'd').status).toBe('held');
    expect(reasons('d')).toEqual(['exception_open', 'missing_element']);
    expect(reasons('e')).toEqual(['rejected', 'too_short']);
    expect(reasons('f')).toEqual(['unconfirmed']);
    expect(reasons('g')).toEqual(['not_checked_out']);
    expect(line(s, 'd').reasons[0]).toMatchObject({ message: '异常待审核' });
  });

  it('regenerating a draft replaces it: a visit confirmed since then moves to paid', async () => {
    await w.family.post(`/api/visits/${v.f}/confirm`, { rating: 5 });
    const s = (await w.township.post('/api/settlements', { providerId: w.providerId, month: MONTH })).json();
    expect(s.id).toBe(settlementId);
    expect(s).toMatchObject({ paid: 130, held: 130, visitsPaid: 4, visitsHeld: 3 });
    expect(line(s, 'f')).toMatchObject({ status: 'paid', subsidy: 20 });
  });

  it('refuses providers outside the region and callers without homecare.review', async () => {
    const body = { providerId: w.providerId, month: MONTH };
    expect((await w.qiaoxi.post('/api/settlements', body)).statusCode).toBe(403);
    expect((await w.health.post('/api/settlements', body)).statusCode).toBe(403);
    expect((await w.worker.post('/api/settlements', body)).statusCode).toBe(403);
    expect((await w.providerAdmin.post('/api/settlements', body)).statusCode).toBe(403);
    const bad = await w.county.post('/api/settlements', { providerId: w.providerId, month: '2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('month');
  });
});

describe('reading, exporting and finalising', () => {
  it('shows a settlement to officials over the provider and to the provider itself, audited', async () => {
    expect((await w.county.get(`/api/settlements/${settlementId}`)).json().visitsPaid).toBe(4);
    expect((await w.providerAdmin.get(`/api/settlements/${settlementId}`)).statusCode).toBe(200);
    expect((await w.qiaoxi.get(`/api/settlements/${settlementId}`)).statusCode).toBe(403);
    expect((await w.qiaoxiAdmin.get(`/api/settlements/${settlementId}`)).statusCode).toBe(403);
    expect((await w.family.get(`/api/settlements/${settlementId}`)).statusCode).toBe(403);
    const list = (await w.county.get(`/api/settlements?month=${MONTH}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: settlementId, paid: 130 })]);
    expect(list.items[0].lines).toBeUndefined();
    expect((await w.qiaoxi.get('/api/settlements')).json().total).toBe(0);
    expect((await w.providerAdmin.get('/api/settlements')).json().total).toBe(1);
    const reads = (await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'settlement.read' and entity_id = ${settlementId}`,
    )) as unknown as { rows: { n: number }[] };
    expect(reads.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('exports the lines to XLSX: paid first, subsidy and own part in their columns, reasons in words', async () => {
    const res = await w.county.get(`/api/settlements/${settlementId}/export.xlsx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`settlement-${MONTH}-\\d{8}\\.xlsx`));
    const { sheet, header, body } = await readXlsx(res.rawPayload);
    expect(sheet.name).toBe(`${MONTH}结算`);
    expect(header.slice(0, 3)).toEqual(['结算状态', '服务日期', '服务对象']);
    expect(body).toHaveLength(7);
    expect(body.slice(0, 4).every((r) => r[0] === '结算')).toBe(true);
    const bath = body.find((r) => r[2] === '王奶奶' && r[3] === '助浴')!;
    expect(bath.slice(8, 11)).toEqual([90, 90, 0]);
    expect(bath[7]).toBe(60);
    const open = body.find((r) => r[0] === '暂缓' && String(r[12]).includes('异常待审核'))!;
    expect(String(open[12])).toContain('核验要素缺失');
    const en = await w.county.get(`/api/settlements/${settlementId}/export.xlsx?lang=en`);
    expect((await readXlsx(en.rawPayload)).header[0]).toBe('Settlement');
    expect((await w.qiaoxi.get(`/api/settlements/${settlementId}/export.xlsx`)).statusCode).toBe(403);
    const exports = (await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'settlement.export'`,
    )) as unknown as { rows: { n: number }[] };
    expect(exports.rows[0]!.n).toBe(2);
  });

  it('a final settlement is never changed: regenerating and finalising again are refused', async () => {
    expect((await w.qiaoxi.post(`/api/settlements/${settlementId}/finalise`)).statusCode).toBe(403);
    const final = await w.county.post(`/api/settlements/${settlementId}/finalise`);
    expect(final.json()).toMatchObject({ status: 'final', paid: 130 });
    const again = await w.county.post('/api/settlements', { providerId: w.providerId, month: MONTH });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('settlement.final');
    expect((await w.county.post(`/api/settlements/${settlementId}/finalise`)).statusCode).toBe(409);
    expect((await w.county.get(`/api/settlements/${settlementId}`)).json()).toMatchObject({
      status: 'final',
      paid: 130,
    });
  });
});
