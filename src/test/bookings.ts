import { expect } from 'vitest';
import { staffRosters } from '../modules/attendance/attendance.table.js';
import { householdMembers, households } from '../modules/households/households.table.js';
import { isWorkingDay } from '../standards/working-days.js';
import type { TestApp, TestClient } from './app.js';
import { buildClass, buildStaff, dayFromToday } from './institutions.js';
import { seedTestRegions } from './regions.js';

/** The first official working day at least `daysAhead` days from today (China time). */
export function careDayAhead(daysAhead: number): string {
  for (let d = daysAhead; d < daysAhead + 30; d++) {
    const day = dayFromToday(d);
    if (isWorkingDay(day)) return day;
  }
  throw new Error('no working day within 30 days');
}

/** A day `months` months before `day`, for birth dates (YYYY-MM-DD). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 - months, Math.min(d, 28)));
  return date.toISOString().slice(0, 10);
}

export interface FamilyOptions {
  childAgeMonths?: number;
  healthCheckOn?: string | null;
  healthCheckResult?: string;
  vaccinationStatus?: string;
  /** Add an older member of this age in years. */
  olderAgeYears?: number;
}

/**
 * A resident account with a household (factory, not the API under test): the resident, one
 * child (18 months on `onDay` by default, checked and vaccinated) and optionally an older member.
 */
export async function buildFamily(t: TestApp, onDay: string, options: FamilyOptions = {}) {
  const account = await t.buildAccount({ role: 'resident', regionCode: '' });
  const [household] = await t.database.db
    .insert(households)
    .values({ ownerAccountId: account.id, regionCode: '130102001001' })
    .returning();
  const [self] = await t.database.db
    .insert(householdMembers)
    .values({
      householdId: household!.id,
      relation: 'self',
      kind: 'adult',
      name: '家长',
      birthDate: '1992-03-04',
      canPickUp: true,
    })
    .returning();
  const [child] = await t.database.db
    .insert(householdMembers)
    .values({
      householdId: household!.id,
      relation: 'child',
      kind: 'child',
      name: `宝宝${account.username.slice(-4)}`,
      birthDate: monthsBefore(onDay, options.childAgeMonths ?? 18),
      vaccinationStatus: options.vaccinationStatus ?? 'up_to_date',
      healthCheckOn: options.healthCheckOn === undefined ? dayFromToday(-20) : options.healthCheckOn,
      healthCheckResult: options.healthCheckResult ?? 'passed',
    })
    .returning();
  let older: { id: string } | undefined;
  if (options.olderAgeYears) {
    const [row] = await t.database.db
      .insert(householdMembers)
      .values({
        householdId: household!.id,
        relation: 'grandparent',
        kind: 'older',
        name: '奶奶',
        birthDate: monthsBefore(onDay, options.olderAgeYears * 12 + 1),
        canPickUp: true,
      })
      .returning();
    older = row;
  }
  const client = await t.login(account.username);
  return {
    account,
    client,
    householdId: household!.id,
    selfId: self!.id,
    childId: child!.id,
    olderId: older?.id,
  };
}

export interface CentreWorld {
  institutionId: string;
  classId: string;
  carerIds: string[];
  admin: TestClient;
}

/** A filed childcare centre in Chang'an with one class and its carers; no roster yet. */
export async function buildCentre(
  t: TestApp,
  options: { classType?: string; classCapacity?: number; carers?: number; kind?: string } = {},
): Promise<CentreWorld> {
  await seedTestRegions(t.database).catch(() => undefined);
  const { id: institutionId } = await t.buildInstitution({ kind: options.kind ?? 'childcare_centre' });
  const { id: classId } = await buildClass(t, institutionId, {
    type: options.classType ?? 'toddler',
    capacity: options.classCapacity ?? 10,
  });
  const carerIds: string[] = [];
  for (let i = 0; i < (options.carers ?? 2); i++)
    carerIds.push((await buildStaff(t, institutionId, { classId })).id);
  const adminAccount = await t.buildAccount({
    role: 'institution_admin',
    institutionId,
    regionCode: '130102001001',
  });
  return { institutionId, classId, carerIds, admin: await t.login(adminAccount.username) };
}

/** Roster carers into the class for a day (factory; the roster API is tested on its own). */
export async function rosterCarers(
  t: TestApp,
  world: CentreWorld,
  day: string,
  carerIds: string[],
  startsMin = 8 * 60,
  endsMin = 18 * 60,
) {
  for (const staffId of carerIds) {
    await t.database.db.insert(staffRosters).values({
      institutionId: world.institutionId,
      classId: world.classId,
      staffId,
      day,
      startsMin,
      endsMin,
    });
  }
}

/** Publish hourly places 09:00–12:00 in the centre's class on one day (through the API); the day's hourly offers. */
export async function publishHourly(w: CentreWorld, onDay: string, capacity: number) {
  const res = await w.admin.post(`/api/institutions/${w.institutionId}/offers`, {
    service: 'childcare',
    form: 'hourly',
    classId: w.classId,
    from: onDay,
    to: onDay,
    startsAt: '09:00',
    endsAt: '12:00',
    slotMinutes: 60,
    capacity,
    price: 40,
  });
  expect(res.statusCode, res.body).toBe(200);
  const list = await w.admin.get(
    `/api/institutions/${w.institutionId}/offers?from=${onDay}&to=${onDay}&form=hourly`,
  );
  return list.json().items as { id: string; startsAt: string; taken: number; free: number }[];
}
