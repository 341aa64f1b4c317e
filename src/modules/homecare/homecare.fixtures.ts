/**
 * The world the homecare tests act in: a Chang'an elderly centre (provider) with its admin and two
 * caregivers, a Qiaoxi provider, civil affairs of both counties, a community worker, a health
 * official, an older person at a known home with a resident of the same household, a menu and
 * the provider's items. Factories write straight into the tables; what is under test goes
 * through the API.
 */
import { expect } from 'vitest';
import { chinaToday } from '../../standards/working-days.js';
import type { TestApp, TestClient } from '../../test/app.js';
import { buildPerson } from '../../test/people.js';
import { seedTestRegions } from '../../test/regions.js';
import { householdMembers, households } from '../households/households.table.js';
import { entitlements, programEnrolments, programs } from '../programs/programs.table.js';
import { addDays } from './orders.service.js';

export const HOME = { lat: 38.05, lng: 114.52 };
/** Metres per degree of latitude (mean Earth radius): for points a set distance north of the home. */
const M_PER_DEG_LAT = (Math.PI * 6_371_008.8) / 180;
export const north = (metres: number, from = HOME) => ({
  lat: from.lat + metres / M_PER_DEG_LAT,
  lng: from.lng,
});

/** A day two days ago: times on it are in the past and within the seven days a visit may be recorded late. */
export const DAY = addDays(chinaToday(), -2);
export const MONTH = DAY.slice(0, 7);
/** An instant on DAY (or another day) in China time. */
export const at = (hhmm: string, day = DAY) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

export interface World {
  providerId: string;
  qiaoxiProviderId: string;
  providerAdmin: TestClient;
  carer: TestClient;
  carerId: string;
  carer2: TestClient;
  carer2Id: string;
  qiaoxiAdmin: TestClient;
  county: TestClient; // civil_county 130102
  qiaoxi: TestClient; // civil_county 130104
  township: TestClient; // civil_township 130102001
  worker: TestClient; // community_worker 130102001001
  health: TestClient; // health_county 130102 (no homecare permissions)
  family: TestClient; // resident whose household carries the person's ID number
  stranger: TestClient; // another resident
  personId: string;
  /** A second person in Chang'an, and one in Qiaoxi. */
  person2Id: string;
  qiaoxiPersonId: string;
  items: { bath: string; clean: string; visit: string };
}

export async function buildWorld(t: TestApp): Promise<World> {
  await seedTestRegions(t.database);
  const login = async (role: string, regionCode: string, institutionId: string | null = null) => {
    const account = await t.buildAccount({ role: role as never, regionCode, institutionId });
    return { id: account.id, client: await t.login(account.username) };
  };
  const provider = await t.buildInstitution({ kind: 'community_elderly_centre', regionCode: '130102001002' });
  const qiaoxiProvider = await t.buildInstitution({
    kind: 'community_elderly_centre',
    regionCode: '130104001001',
  });
  const providerAdmin = await login('institution_admin', '130102001002', provider.id);
  const carer = await login('institution_staff', '130102001002', provider.id);
  const carer2 = await login('institution_staff', '130102001002', provider.id);
  const qiaoxiAdmin = await login('institution_admin', '130104001001', qiaoxiProvider.id);
  const person = await buildPerson(t, { name: '王奶奶', homeLat: HOME.lat, homeLng: HOME.lng });
  const person2 = await buildPerson(t, { name: '李爷爷', homeLat: HOME.lat, homeLng: HOME.lng });
  const qiaoxiPerson = await buildPerson(t, { name: '赵奶奶', regionCode: '130104001001' });
  const family = await login('resident', '130102001001');
  const [household] = await t.database.db
    .insert(households)
    .values({ ownerAccountId: family.id, regionCode: '130102001001' })
    .returning();
  await t.database.db.insert(householdMembers).values({
    householdId: household!.id,
    relation: 'grandparent',
    kind: 'older',
    name: '王奶奶',
    birthDate: '1940-03-15',
    idNumberCipher: t.cipher.encrypt(person.idNumber),
    idNumberIndex: t.cipher.blindIndex(person.idNumber),
  });
  const county = await login('civil_county', '130102');
  const world: World = {
    providerId: provider.id,
    qiaoxiProviderId: qiaoxiProvider.id,
    providerAdmin: providerAdmin.client,
    carer: carer.client,
    carerId: carer.id,
    carer2: carer2.client,
    carer2Id: carer2.id,
    qiaoxiAdmin: qiaoxiAdmin.client,
    county: county.client,
    qiaoxi: (await login('civil_county', '130104')).client,
    township: (await login('civil_township', '130102001')).client,
    worker: (await login('community_worker', '130102001001')).client,
    health: (await login('health_county', '130102')).client,
    family: family.client,
    stranger: (await login('resident', '130102001001')).client,
    personId: person.id,
    person2Id: person2.id,
    qiaoxiPersonId: qiaoxiPerson.id,
    items: { bath: '', clean: '', visit: '' },
  };
  const item = async (code: string, name: string, type: string, minutes: number, price: number) => {
    const res = await world.county.post('/api/service-items', {
      regionPrefix: '130102',
      code,
      name,
      type,
      durationMinutes: minutes,
      price,
      category: 'core',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  world.items = {
    bath: await item('ZY-01', '助浴', 'bathing', 60, 80),
    clean: await item('ZJ-01', '助洁', 'cleaning', 120, 100),
    visit: await item('TF-01', '探访', 'visit', 30, 20),
  };
  const put = await world.providerAdmin.request({
    method: 'PUT',
    url: `/api/providers/${provider.id}/items`,
    payload: {
      items: [
        { itemId: world.items.bath, price: 90 },
        { itemId: world.items.clean },
        { itemId: world.items.visit },
      ],
    },
  });
  expect(put.statusCode, put.body).toBe(200);
  return world;
}

/** Order an item for a person at the provider on DAY, and assign a caregiver: the order id. */
export async function assignedOrder(
  w: World,
  options: { personId?: string; itemId?: string; caregiverId?: string; day?: string } = {},
): Promise<string> {
  const created = await w.worker.post('/api/service-orders', {
    personId: options.personId ?? w.personId,
    itemId: options.itemId ?? w.items.bath,
    providerId: w.providerId,
    scheduledOn: options.day ?? DAY,
    startsAt: '09:00',
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const assigned = await w.providerAdmin.post(`/api/service-orders/${id}/assign`, {
    caregiverId: options.caregiverId ?? w.carerId,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return id;
}

/** Check in and out of an order as a caregiver; returns the order view after check-out. */
export async function visit(
  carer: TestClient,
  orderId: string,
  checkIn: { lat: number | null; lng: number | null; at: string },
  checkOut: { lat: number | null; lng: number | null; at: string },
) {
  const inRes = await carer.post(`/api/service-orders/${orderId}/check-in`, checkIn);
  expect(inRes.statusCode, inRes.body).toBe(201);
  const visitId = inRes.json().visit.id as string;
  const outRes = await carer.post(`/api/visits/${visitId}/check-out`, checkOut);
  expect(outRes.statusCode, outRes.body).toBe(200);
  return { visitId, order: outRes.json() };
}

/** A program with one enrolment and one entitlement of MONTH for the person (written directly). */
export async function entitle(
  t: TestApp,
  personId: string,
  benefit: Record<string, unknown>,
  owed: { amountCents?: number; quotaMinutes?: number },
  code = `P${Math.random().toString(36).slice(2, 8)}`,
): Promise<{ programId: string; entitlementId: string }> {
  const [program] = await t.database.db
    .insert(programs)
    .values({
      regionPrefix: '130102',
      code,
      name: `项目${code}`,
      eligibility: {},
      benefit,
      startsOn: '2025-01-01',
    })
    .returning();
  await t.database.db
    .insert(programEnrolments)
    .values({ programId: program!.id, personId, enrolledOn: '2025-01-01' });
  const [row] = await t.database.db
    .insert(entitlements)
    .values({ programId: program!.id, personId, month: MONTH, ...owed })
    .returning();
  return { programId: program!.id, entitlementId: row!.id };
}
