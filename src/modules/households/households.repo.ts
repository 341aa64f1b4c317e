import { and, asc, count, eq, gte, inArray, max, ne, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { bookings } from '../bookings/bookings.table.js';
import { householdMembers, households } from './households.table.js';

export type HouseholdRow = typeof households.$inferSelect;
export type MemberRow = typeof householdMembers.$inferSelect;
export type NewMember = typeof householdMembers.$inferInsert;

/** Booking statuses that still hold (or are about to hold) a place. */
const LIVE_BOOKING_STATUSES = ['confirmed', 'held'];

/** The household an account owns, if any. */
export async function findHouseholdOf(db: Executor, accountId: string, lock = false) {
  const query = db.select().from(households).where(eq(households.ownerAccountId, accountId)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertHousehold(tx: Executor, values: typeof households.$inferInsert) {
  const [row] = await tx.insert(households).values(values).returning();
  return row!;
}

/**
 * The account's household, locked; created when missing. Two first writes at once cannot both
 * create one (the owner is unique): the loser waits and finds the winner's row.
 */
export async function lockOrCreateHousehold(
  tx: Tx,
  accountId: string,
): Promise<{ household: HouseholdRow; created: boolean }> {
  const [inserted] = await tx
    .insert(households)
    .values({ ownerAccountId: accountId })
    .onConflictDoNothing({ target: households.ownerAccountId })
    .returning();
  if (inserted) return { household: inserted, created: true };
  return { household: (await findHouseholdOf(tx, accountId, true))!, created: false };
}

export async function updateHousehold(
  tx: Executor,
  id: string,
  values: Partial<Pick<HouseholdRow, 'regionCode' | 'address'>>,
) {
  const [row] = await tx
    .update(households)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(households.id, id))
    .returning();
  return row!;
}

/** Active members, the account holder first, then in the order they were added. */
export async function listMembers(db: Executor, householdId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.status, 'active')))
    .orderBy(sql`(${householdMembers.relation} = 'self') desc`, asc(householdMembers.createdAt));
}

/**
 * An active member of the resident's own household, with the household's id and community;
 * undefined for anyone else's member (so callers answer 404 and leak nothing). The booking
 * engine uses this to check whom a resident may book for.
 */
export async function findOwnMember(db: Executor, accountId: string, memberId: string) {
  const [row] = await db
    .select({ member: householdMembers, householdId: households.id, regionCode: households.regionCode })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(
      and(
        eq(householdMembers.id, memberId),
        eq(households.ownerAccountId, accountId),
        eq(householdMembers.status, 'active'),
      ),
    );
  return row;
}

/**
 * Who may drop off and pick up the household's children: active members marked `canPickUp`,
 * and the account holder (`self`) always.
 */
export async function listAuthorisedPickups(db: Executor, householdId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(householdMembers)
    .where(
      and(
        eq(householdMembers.householdId, householdId),
        eq(householdMembers.status, 'active'),
        or(eq(householdMembers.canPickUp, true), eq(householdMembers.relation, 'self')),
      ),
    )
    .orderBy(sql`(${householdMembers.relation} = 'self') desc`, asc(householdMembers.createdAt));
}

/** Lock one active member row of a household for the rest of the transaction. */
export async function lockMember(tx: Tx, householdId: string, memberId: string) {
  const [row] = await tx
    .select()
    .from(householdMembers)
    .where(
      and(
        eq(householdMembers.id, memberId),
        eq(householdMembers.householdId, householdId),
        eq(householdMembers.status, 'active'),
      ),
    )
    .for('update');
  return row;
}

export async function insertMember(tx: Executor, values: NewMember): Promise<MemberRow> {
  const [row] = await tx.insert(householdMembers).values(values).returning();
  return row!;
}

export async function updateMember(tx: Executor, id: string, values: Partial<NewMember>): Promise<MemberRow> {
  const [row] = await tx
    .update(householdMembers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(householdMembers.id, id))
    .returning();
  return row!;
}

/** Whether another active member of the household has this ID number (by blind index). */
export async function idNumberInHousehold(
  tx: Executor,
  householdId: string,
  idNumberIndex: string,
  excludeMemberId?: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: householdMembers.id })
    .from(householdMembers)
    .where(
      and(
        eq(householdMembers.householdId, householdId),
        eq(householdMembers.idNumberIndex, idNumberIndex),
        eq(householdMembers.status, 'active'),
        ...(excludeMemberId ? [ne(householdMembers.id, excludeMemberId)] : []),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Bookings of a member that still hold a place on or after `today`: how many, up to which day. */
export async function liveBookingsOf(tx: Executor, memberId: string, today: string) {
  const [row] = await tx
    .select({ n: count(), lastDay: max(bookings.lastDay) })
    .from(bookings)
    .where(
      and(
        eq(bookings.memberId, memberId),
        inArray(bookings.status, LIVE_BOOKING_STATUSES),
        gte(bookings.lastDay, today),
      ),
    );
  return { count: Number(row?.n ?? 0), lastDay: row?.lastDay ?? null };
}
