import { and, asc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { bookingOffers, bookings, offers } from '../bookings/bookings.table.js';
import { householdMembers, households } from '../households/households.table.js';
import { classes } from '../institutions/classes.table.js';
import { attendanceRecords } from './attendance.table.js';

export type RecordRow = typeof attendanceRecords.$inferSelect;
export type MemberRow = typeof householdMembers.$inferSelect;

/** Live childcare bookings holding a place on `day`: confirmed, with an offer that day. */
function liveOnDay(day: string): SQL {
  return and(eq(bookings.status, 'confirmed'), eq(bookings.service, 'childcare'), eq(offers.day, day))!;
}

/**
 * The children expected at an institution on a day: one row per booking and offer that day,
 * with the child and the class (the offer's class).
 */
export async function expectedOn(db: Executor, institutionId: string, day: string, classId?: string) {
  const conditions = [eq(bookings.institutionId, institutionId), liveOnDay(day)];
  if (classId) conditions.push(eq(offers.classId, classId));
  return db
    .select({
      bookingId: bookings.id,
      accountId: bookings.accountId,
      form: bookings.form,
      memberId: householdMembers.id,
      householdId: householdMembers.householdId,
      name: householdMembers.name,
      sex: householdMembers.sex,
      birthDate: householdMembers.birthDate,
      classId: classes.id,
      className: classes.name,
      startsMin: offers.startsMin,
      endsMin: offers.endsMin,
    })
    .from(bookings)
    .innerJoin(bookingOffers, eq(bookingOffers.bookingId, bookings.id))
    .innerJoin(offers, eq(offers.id, bookingOffers.offerId))
    .innerJoin(householdMembers, eq(householdMembers.id, bookings.memberId))
    .innerJoin(classes, eq(classes.id, offers.classId))
    .where(and(...conditions))
    .orderBy(asc(classes.name), asc(householdMembers.name), asc(offers.startsMin));
}

/** Distinct children booked per class on a day (the room board's "expected"). */
export async function expectedCounts(db: Executor, institutionId: string, day: string) {
  const rows = await db
    .select({ classId: offers.classId, n: sql<number>`count(distinct ${bookings.memberId})`.mapWith(Number) })
    .from(bookings)
    .innerJoin(bookingOffers, eq(bookingOffers.bookingId, bookings.id))
    .innerJoin(offers, eq(offers.id, bookingOffers.offerId))
    .where(and(eq(bookings.institutionId, institutionId), liveOnDay(day)))
    .groupBy(offers.classId);
  return new Map(rows.map((r) => [r.classId, r.n]));
}

/** A booking, whatever its state (404 vs 409 is the service's call). */
export async function findBooking(db: Executor, id: string) {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row;
}

/**
 * The member's live childcare booking on `day`: a given booking, or any in a given class.
 * Returns the booking and the class of its offer that day.
 */
export async function liveBooking(
  db: Executor,
  day: string,
  by: { bookingId: string } | { memberId: string; classId: string },
) {
  const match =
    'bookingId' in by
      ? eq(bookings.id, by.bookingId)
      : and(eq(bookings.memberId, by.memberId), eq(offers.classId, by.classId));
  const [row] = await db
    .select({
      id: bookings.id,
      accountId: bookings.accountId,
      institutionId: bookings.institutionId,
      memberId: bookings.memberId,
      classId: offers.classId,
    })
    .from(bookings)
    .innerJoin(bookingOffers, eq(bookingOffers.bookingId, bookings.id))
    .innerJoin(offers, eq(offers.id, bookingOffers.offerId))
    .where(and(match, liveOnDay(day)))
    .orderBy(asc(offers.startsMin))
    .limit(1);
  return row;
}

export async function findMember(db: Executor, id: string): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(householdMembers).where(eq(householdMembers.id, id));
  return row;
}

export async function householdOwner(db: Executor, householdId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ owner: households.ownerAccountId })
    .from(households)
    .where(eq(households.id, householdId));
  return row?.owner;
}

/** Who may drop off and pick up: active adults of the household on its list, and the resident who keeps it. */
function authorised(): SQL {
  return and(
    eq(householdMembers.status, 'active'),
    ne(householdMembers.kind, 'child'),
    or(eq(householdMembers.canPickUp, true), eq(householdMembers.relation, 'self')),
  )!;
}

/** The authorised pickers of the given households. */
export async function pickersOf(db: Executor, householdIds: readonly string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({
      id: householdMembers.id,
      householdId: householdMembers.householdId,
      name: householdMembers.name,
      relation: householdMembers.relation,
      phone: householdMembers.phone,
    })
    .from(householdMembers)
    .where(and(inArray(householdMembers.householdId, [...new Set(householdIds)]), authorised()))
    .orderBy(asc(householdMembers.createdAt));
}

/** The person when they are on the household's authorised list; undefined otherwise. */
export async function authorisedPerson(db: Executor, personId: string, householdId: string) {
  const [row] = await db
    .select({ id: householdMembers.id, name: householdMembers.name })
    .from(householdMembers)
    .where(
      and(eq(householdMembers.id, personId), eq(householdMembers.householdId, householdId), authorised()),
    );
  return row;
}

/** Names of household members by id (for who dropped off and picked up). */
export async function memberNames(db: Executor, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: householdMembers.id, name: householdMembers.name })
    .from(householdMembers)
    .where(inArray(householdMembers.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Attendance records of an institution on a day (optionally one class). */
export async function recordsOn(db: Executor, institutionId: string, day: string, classId?: string) {
  const conditions = [eq(attendanceRecords.institutionId, institutionId), eq(attendanceRecords.day, day)];
  if (classId) conditions.push(eq(attendanceRecords.classId, classId));
  return db
    .select({
      record: attendanceRecords,
      name: householdMembers.name,
      sex: householdMembers.sex,
      birthDate: householdMembers.birthDate,
      householdId: householdMembers.householdId,
      className: classes.name,
    })
    .from(attendanceRecords)
    .innerJoin(householdMembers, eq(householdMembers.id, attendanceRecords.memberId))
    .innerJoin(classes, eq(classes.id, attendanceRecords.classId))
    .where(and(...conditions));
}

/** Children checked in and not yet out, per class, now. */
export async function childrenPresent(db: Executor, institutionId: string, day: string) {
  return db
    .select({
      classId: attendanceRecords.classId,
      memberId: attendanceRecords.memberId,
      name: householdMembers.name,
      checkedInAt: attendanceRecords.checkedInAt,
    })
    .from(attendanceRecords)
    .innerJoin(householdMembers, eq(householdMembers.id, attendanceRecords.memberId))
    .where(
      and(
        eq(attendanceRecords.institutionId, institutionId),
        eq(attendanceRecords.day, day),
        isNotNull(attendanceRecords.checkedInAt),
        isNull(attendanceRecords.checkedOutAt),
      ),
    )
    .orderBy(asc(attendanceRecords.checkedInAt));
}

export async function findRecord(db: Executor, memberId: string, day: string, lock = false) {
  const query = db
    .select()
    .from(attendanceRecords)
    .where(and(eq(attendanceRecords.memberId, memberId), eq(attendanceRecords.day, day)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Create the day's record at check-in; undefined when the child already has one that day. */
export async function insertRecord(tx: Tx, values: typeof attendanceRecords.$inferInsert) {
  const [row] = await tx.insert(attendanceRecords).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateRecord(
  tx: Tx,
  id: string,
  changes: Partial<typeof attendanceRecords.$inferInsert>,
) {
  const [row] = await tx
    .update(attendanceRecords)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(attendanceRecords.id, id))
    .returning();
  return row!;
}
