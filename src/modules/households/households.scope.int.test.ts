import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../standards/working-days.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { monthsBefore } from '../../test/bookings.js';
import { seedTestRegions } from '../../test/regions.js';
import { DEMO_PASSWORD } from '../accounts/accounts.demo.js';
import { addMonths } from '../bookings/days.js';
import { seedDemoHouseholds } from './households.demo.js';
import { findOwnMember, listAuthorisedPickups } from './households.repo.js';
import { householdMembers } from './households.table.js';

let t: TestApp;
const today = chinaToday();

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

async function resident(): Promise<{ id: string; client: TestClient }> {
  const account = await t.buildAccount({ role: 'resident', regionCode: '' });
  return { id: account.id, client: await t.login(account.username) };
}
const member = (c: TestClient, body: Record<string, unknown>) => c.post('/api/household/members', body);
const rawMember = async (id: string) =>
  (await t.database.db.select().from(householdMembers).where(eq(householdMembers.id, id)))[0]!;

describe('only the own household', () => {
  it("keeps other residents and officials out of a household; another's member is a 404", async () => {
    const a = await resident();
    const b = await resident();
    const child = (
      await member(a.client, { relation: 'child', name: '甲宝', birthDate: monthsBefore(today, 8) })
    ).json();
    expect((await b.client.get('/api/household')).json().members).toEqual([]);
    expect((await b.client.patch(`/api/household/members/${child.id}`, { name: '乙' })).statusCode).toBe(404);
    expect((await b.client.delete(`/api/household/members/${child.id}`)).statusCode).toBe(404);
    expect(await rawMember(child.id)).toMatchObject({ name: '甲宝', status: 'active' });
    expect(await findOwnMember(t.database.db, b.id, child.id)).toBeUndefined();

    const official = await t.login(
      (await t.buildAccount({ role: 'health_county', regionCode: '130102' })).username,
    );
    expect((await official.get('/api/household')).statusCode).toBe(403);
    expect(
      (
        await official.post('/api/household/members', {
          relation: 'child',
          name: 'x',
          birthDate: '2025-01-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.anonymous.get('/api/household')).statusCode).toBe(401);
  });

  it('lists the authorised pick-up people: the account holder and active adults marked canPickUp', async () => {
    const { id: accountId, client } = await resident();
    const child = (
      await member(client, { relation: 'child', name: '五宝', birthDate: monthsBefore(today, 25) })
    ).json();
    const own = await findOwnMember(t.database.db, accountId, child.id);
    expect(own).toMatchObject({ member: { id: child.id, name: '五宝' }, householdId: expect.any(String) });
    const grandpa = (
      await member(client, {
        relation: 'grandparent',
        name: '爷爷',
        birthDate: '1950-02-02',
        canPickUp: true,
      })
    ).json();
    await member(client, { relation: 'other', name: '邻居', birthDate: '1985-02-02' });
    const nanny = (
      await member(client, { relation: 'other', name: '保姆', birthDate: '1975-02-02', canPickUp: true })
    ).json();
    await client.delete(`/api/household/members/${nanny.id}`);
    const [self] = await t.database.db
      .insert(householdMembers)
      .values({
        householdId: own!.householdId,
        relation: 'self',
        kind: 'adult',
        name: '家长',
        birthDate: '1991-01-01',
      })
      .returning();
    const pickers = await listAuthorisedPickups(t.database.db, own!.householdId);
    expect(pickers.map((p) => p.id)).toEqual([self!.id, grandpa.id]);
  });
});

describe('the demo family', () => {
  it('gives the demo resident two toddlers, a grandmother and herself, once', async () => {
    await t.buildAccount({
      username: 'resident',
      role: 'resident',
      regionCode: '130102001001',
      password: DEMO_PASSWORD,
    });
    expect(await seedDemoHouseholds(t.database, t.cipher)).toBe(4);
    expect(await seedDemoHouseholds(t.database, t.cipher)).toBe(0);
    const client = await t.login('resident', DEMO_PASSWORD);
    const household = (await client.get('/api/household')).json();
    expect(household).toMatchObject({ regionCode: '130102001001', regionName: '棉一东社区居民委员会' });
    const checkedOn = addMonths(today, -1);
    const byName = Object.fromEntries(household.members.map((m: { name: string }) => [m.name, m]));
    expect(household.members[0]).toMatchObject({
      relation: 'self',
      name: '张丽',
      kind: 'adult',
      canPickUp: true,
    });
    for (const [name, months] of [
      ['刘一诺', 30],
      ['刘一航', 20],
    ] as const) {
      expect(byName[name]).toMatchObject({
        relation: 'child',
        kind: 'child',
        ageMonths: months,
        vaccinationStatus: 'up_to_date',
        healthCheckOn: checkedOn,
        healthCheckResult: 'passed',
        healthCheckValidUntil: addMonths(checkedOn, 3),
        canPickUp: false,
        idNumber: expect.stringMatching(/^130102\*{8}[\dX]{4}$/),
      });
    }
    expect(byName.王秀兰).toMatchObject({ relation: 'grandparent', kind: 'older', canPickUp: true });
    expect(Math.floor(byName.王秀兰.ageMonths / 12)).toBe(72);
  });
});
