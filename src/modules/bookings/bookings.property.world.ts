/**
 * The property test's world: one filed centre with two toddler classes (A and B) and two carers
 * each, a licensed capacity that may bind, places published through the API for one care day, and
 * resident families with sessions; and `snapshot`, the rows of that world as they stand.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TestApp } from '../../test/app.js';
import { monthsBefore } from '../../test/bookings.js';
import { buildClass, buildStaff, dayFromToday } from '../../test/institutions.js';
import { staffRosters } from '../attendance/attendance.table.js';
import { institutions } from '../institutions/institutions.table.js';
import {
  injectAs,
  insertAccountSession,
  insertFamilies,
  type LoadFamily,
  type Session,
} from './bookings.fixtures.js';
import { type ClassKey, type MClass, type MOffer, Model, SHIFTS } from './bookings.property.model.js';
import {
  bookingOffers,
  bookings,
  classDays,
  institutionDays,
  offers,
  waitlistEntries,
} from './bookings.table.js';

/** Toddler classes: 1 carer to 5 children (STANDARDS §1). */
const TODDLER_CHILDREN_PER_CARER = 5;
export const FAMILIES = 9;

export interface WorldParams {
  sizeA: number;
  sizeB: number;
  licensed: number;
  capAHourly: number;
  capBHourly: number;
  capATemp: number;
  capBTemp: number;
  /** Initial shift (index into SHIFTS) of carers A0, A1, B0, B1. */
  shifts: number[];
}

export interface World {
  institutionId: string;
  day: string;
  admin: Session;
  families: LoadFamily[];
  model: Model;
  /** Offers per class and form, in time order. */
  grid: Record<`${ClassKey}${'hourly' | 'temporary'}`, string[]>;
}

export async function buildWorld(t: TestApp, day: string, p: WorldParams): Promise<World> {
  const db = t.database.db;
  const [inst] = await db
    .insert(institutions)
    .values({
      name: `性质测试托育中心${Math.random().toString(36).slice(2, 8)}`,
      kind: 'childcare_centre',
      regionCode: '130102001001',
      status: 'filed',
      childcareCapacity: p.licensed,
    })
    .returning({ id: institutions.id });
  const institutionId = inst!.id;
  const classes = {} as Record<ClassKey, MClass>;
  for (const [i, key] of (['A', 'B'] as const).entries()) {
    const size = key === 'A' ? p.sizeA : p.sizeB;
    const { id } = await buildClass(t, institutionId, { type: 'toddler', capacity: size });
    const staffIds = [(await buildStaff(t, institutionId, { classId: id })).id];
    staffIds.push((await buildStaff(t, institutionId, { classId: id })).id);
    const shifts = new Map(staffIds.map((s, j) => [s, p.shifts[i * 2 + j]!]));
    classes[key] = {
      key,
      id,
      sizeLimit: size,
      childrenPerCarer: TODDLER_CHILDREN_PER_CARER,
      staffIds,
      shifts,
    };
    for (const [staffId, index] of shifts) {
      const shift = SHIFTS[index];
      if (shift) {
        await db
          .insert(staffRosters)
          .values({ institutionId, classId: id, staffId, day, startsMin: shift[0], endsMin: shift[1] });
      }
    }
  }
  const admin = await insertAccountSession(db, {
    role: 'institution_admin',
    regionCode: '130102001001',
    institutionId,
  });
  const families = await insertFamilies(db, FAMILIES, {
    birthDate: monthsBefore(day, 18),
    healthCheckOn: dayFromToday(-20),
  });
  const publications: [ClassKey, 'hourly' | 'temporary', string, string, number | undefined, number][] = [
    ['A', 'hourly', '09:00', '12:00', 60, p.capAHourly],
    ['A', 'temporary', '08:00', '17:00', undefined, p.capATemp],
    ['B', 'hourly', '09:00', '11:00', 30, p.capBHourly],
    ['B', 'temporary', '13:00', '17:00', undefined, p.capBTemp],
  ];
  const modelOffers = new Map<string, MOffer>();
  const grid = { Ahourly: [], Atemporary: [], Bhourly: [], Btemporary: [] } as World['grid'];
  for (const [key, form, startsAt, endsAt, slotMinutes, capacity] of publications) {
    const cls = classes[key];
    const res = await injectAs(t.app, admin, 'POST', `/api/institutions/${institutionId}/offers`, {
      service: 'childcare',
      form,
      classId: cls.id,
      from: day,
      to: day,
      startsAt,
      endsAt,
      ...(slotMinutes ? { slotMinutes } : {}),
      capacity: Math.min(capacity, cls.sizeLimit),
      price: 30,
    });
    if (res.statusCode !== 200) throw new Error(`publishing failed: ${res.statusCode} ${res.body}`);
  }
  const rows = await db.select().from(offers).where(eq(offers.institutionId, institutionId));
  rows.sort((a, b) => a.startsMin - b.startsMin);
  for (const r of rows) {
    const key: ClassKey = r.classId === classes.A.id ? 'A' : 'B';
    const form = r.form as 'hourly' | 'temporary';
    modelOffers.set(r.id, {
      id: r.id,
      classKey: key,
      form,
      startsMin: r.startsMin,
      endsMin: r.endsMin,
      capacity: r.capacity,
    });
    grid[`${key}${form}`].push(r.id);
  }
  return { institutionId, day, admin, families, model: new Model(modelOffers, classes, p.licensed), grid };
}

export interface Snapshot {
  offers: { id: string; capacity: number; taken: number }[];
  classDays: {
    classId: string;
    present: number[];
    carers: number[];
    sizeLimit: number;
    childrenPerCarer: number;
  }[];
  institutionDay: { present: number[]; capacity: number } | undefined;
  bookings: {
    id: string;
    status: string;
    memberId: string;
    waitlistEntryId: string | null;
    holdExpiresAt: Date | null;
    replacesId: string | null;
    cancelReason: string | null;
    offerIds: string[];
  }[];
  entries: { id: string; status: string; bookingId: string | null; memberId: string }[];
}

export async function snapshot(t: TestApp, w: World): Promise<Snapshot> {
  const db = t.database.db;
  const classIds = [w.model.classes.A.id, w.model.classes.B.id];
  const offerRows = await db
    .select({ id: offers.id, capacity: offers.capacity, taken: offers.taken })
    .from(offers)
    .where(eq(offers.institutionId, w.institutionId));
  const classRows = await db
    .select()
    .from(classDays)
    .where(and(inArray(classDays.classId, classIds), eq(classDays.day, w.day)));
  const [instRow] = await db
    .select()
    .from(institutionDays)
    .where(and(eq(institutionDays.institutionId, w.institutionId), eq(institutionDays.day, w.day)));
  const bookingRows = await db.select().from(bookings).where(eq(bookings.institutionId, w.institutionId));
  const held = await db
    .select({ bookingId: bookingOffers.bookingId, offerId: bookingOffers.offerId })
    .from(bookingOffers)
    .innerJoin(bookings, eq(bookings.id, bookingOffers.bookingId))
    .where(eq(bookings.institutionId, w.institutionId));
  const entryRows = await db
    .select()
    .from(waitlistEntries)
    .where(eq(waitlistEntries.institutionId, w.institutionId));
  return {
    offers: offerRows,
    classDays: classRows,
    institutionDay: instRow,
    bookings: bookingRows.map((b) => ({
      ...b,
      offerIds: held.filter((h) => h.bookingId === b.id).map((h) => h.offerId),
    })),
    entries: entryRows,
  };
}
