import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { dayFromToday } from '../../test/institutions.js';
import { buildPerson } from '../../test/people.js';
import { seedTestRegions } from '../../test/regions.js';

let t: TestApp;
let worker: TestClient;
let township: TestClient;
let otherWorker: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  worker = await t.login(
    (await t.buildAccount({ role: 'community_worker', regionCode: '130102001001' })).username,
  );
  otherWorker = await t.login(
    (await t.buildAccount({ role: 'community_worker', regionCode: '130102001002' })).username,
  );
  township = await t.login(
    (await t.buildAccount({ role: 'civil_township', regionCode: '130102001' })).username,
  );
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

const yearsAgo = (years: number, days = 0) => {
  const [y, m, d] = chinaToday().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d - days)).toISOString().slice(0, 10);
};

describe('duty of care', () => {
  it('queues people whose flags need a contact every N days, most overdue first, and clears them when contacted', async () => {
    const alone85 = await buildPerson(t, {
      name: '独居八十五',
      birthDate: yearsAgo(85),
      flags: ['living_alone'],
    });
    const alone70 = await buildPerson(t, {
      name: '独居七十',
      birthDate: yearsAgo(70),
      flags: ['living_alone'],
    });
    const justUnder80 = await buildPerson(t, {
      name: '差一天八十',
      birthDate: yearsAgo(80, -1),
      flags: ['empty_nest'],
    });
    await buildPerson(t, { name: '无标记', birthDate: yearsAgo(75) });
    await buildPerson(t, {
      name: '已故独居',
      birthDate: yearsAgo(90),
      flags: ['living_alone'],
      status: 'deceased',
    });
    // Contacted 10 days ago: within 14 days for living alone under 80, overdue for 80+ (every 7 days).
    for (const p of [alone85, alone70]) {
      const res = await worker.post(`/api/roster/${p.id}/contacts`, {
        kind: 'home_visit',
        contactedOn: dayFromToday(-10),
        outcome: 'well',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const queue = (await worker.get('/api/care/overdue')).json();
    const names = queue.items.map((i: { name: string }) => i.name);
    expect(names).toContain('独居八十五');
    expect(names).not.toContain('独居七十');
    expect(names).not.toContain('差一天八十');
    expect(names).not.toContain('无标记');
    expect(names).not.toContain('已故独居');
    const row = queue.items.find((i: { name: string }) => i.name === '独居八十五');
    expect(row).toMatchObject({ everyDays: 7, lastContactOn: dayFromToday(-10), daysOverdue: 3 });
    expect(row.flags).toEqual(['aged_80_plus', 'living_alone']);
    expect(justUnder80.id).toBeTruthy();

    await worker.post(`/api/roster/${alone85.id}/contacts`, {
      kind: 'phone_call',
      contactedOn: chinaToday(),
      outcome: 'well',
    });
    const after = (await worker.get('/api/care/overdue')).json();
    expect(after.items.map((i: { name: string }) => i.name)).not.toContain('独居八十五');
    const history = (await worker.get(`/api/roster/${alone85.id}/contacts`)).json();
    expect(history.items.map((c: { kind: string }) => c.kind)).toEqual(['phone_call', 'home_visit']);
  });

  it('never-contacted people are due today; the township sees counts per community', async () => {
    await buildPerson(t, {
      name: '特困未探访',
      birthDate: yearsAgo(66),
      flags: ['extreme_poverty'],
      regionCode: '130102001002',
    });
    const queue = (await township.get('/api/care/overdue')).json();
    const row = queue.items.find((i: { name: string }) => i.name === '特困未探访');
    expect(row).toMatchObject({ lastContactOn: null, daysOverdue: 0, everyDays: 7 });
    expect(queue.byCommunity.map((c: { regionCode: string }) => c.regionCode)).toEqual(
      expect.arrayContaining(['130102001002']),
    );
  });

  it('refuses other communities, future days and closed records', async () => {
    const p = await buildPerson(t, { flags: ['living_alone'] });
    expect(
      (
        await otherWorker.post(`/api/roster/${p.id}/contacts`, {
          kind: 'home_visit',
          contactedOn: chinaToday(),
          outcome: 'well',
        })
      ).statusCode,
    ).toBe(403);
    const future = await worker.post(`/api/roster/${p.id}/contacts`, {
      kind: 'home_visit',
      contactedOn: dayFromToday(2),
      outcome: 'well',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.field).toBe('contactedOn');
    const dead = await buildPerson(t, { status: 'deceased' });
    expect(
      (
        await worker.post(`/api/roster/${dead.id}/contacts`, {
          kind: 'home_visit',
          contactedOn: chinaToday(),
          outcome: 'well',
        })
      ).statusCode,
    ).toBe(409);
    expect((await otherWorker.get('/api/care/overdue?regionCode=130102001001')).statusCode).toBe(403);
  });
});
