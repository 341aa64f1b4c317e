import { and, asc, count, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import { monthRange } from '../bookings/days.js';
import { institutions } from '../institutions/institutions.table.js';
import { olderPeople } from '../people/people.table.js';
import { serviceItems, serviceOrders, settlements, visits } from './homecare.table.js';

export type SettlementRow = typeof settlements.$inferSelect;

/** Every visit of a provider in a month, with the person, item, caregiver and order price. */
export async function visitsOfMonth(db: Executor, providerId: string, month: string) {
  return db
    .select({
      visit: visits,
      orderId: serviceOrders.id,
      priceCents: serviceOrders.priceCents,
      programId: serviceOrders.programId,
      personName: olderPeople.name,
      itemCode: serviceItems.code,
      itemName: serviceItems.name,
      caregiverName: accounts.displayName,
    })
    .from(visits)
    .innerJoin(serviceOrders, eq(serviceOrders.id, visits.orderId))
    .innerJoin(olderPeople, eq(olderPeople.id, visits.personId))
    .innerJoin(serviceItems, eq(serviceItems.id, serviceOrders.itemId))
    .leftJoin(accounts, eq(accounts.id, visits.caregiverId))
    .where(
      and(
        eq(visits.providerId, providerId),
        gte(visits.day, monthRange(month).first),
        lte(visits.day, monthRange(month).last),
      ),
    )
    .orderBy(asc(visits.day), asc(visits.checkInAt));
}

/**
 * Store a generated settlement: a new one, or in place of the draft of the same provider and
 * month. A final one is never touched (undefined is returned).
 */
export async function upsertDraft(
  tx: Executor,
  values: Omit<typeof settlements.$inferInsert, 'id' | 'status'>,
): Promise<SettlementRow | undefined> {
  const [row] = await tx
    .insert(settlements)
    .values({ ...values, status: 'draft' })
    .onConflictDoUpdate({
      target: [settlements.providerId, settlements.month],
      set: {
        paidCents: values.paidCents,
        heldCents: values.heldCents,
        visitsPaid: values.visitsPaid,
        visitsHeld: values.visitsHeld,
        lines: values.lines,
        generatedBy: values.generatedBy,
        generatedAt: new Date(),
      },
      setWhere: eq(settlements.status, 'draft'),
    })
    .returning();
  return row;
}

export async function findByKey(db: Executor, providerId: string, month: string) {
  const [row] = await db
    .select()
    .from(settlements)
    .where(and(eq(settlements.providerId, providerId), eq(settlements.month, month)));
  return row;
}

const WITH_NAMES = {
  settlement: settlements,
  providerName: institutions.name,
  providerRegion: institutions.regionCode,
  generatedByName: accounts.displayName,
};

export async function findSettlement(db: Executor, id: string) {
  const [row] = await db
    .select(WITH_NAMES)
    .from(settlements)
    .innerJoin(institutions, eq(institutions.id, settlements.providerId))
    .leftJoin(accounts, eq(accounts.id, settlements.generatedBy))
    .where(eq(settlements.id, id));
  return row;
}
export type SettlementDetail = NonNullable<Awaited<ReturnType<typeof findSettlement>>>;

export async function listSettlements(
  db: Executor,
  scope: { regionPrefix?: string; providerId?: string },
  q: { providerId?: string; month?: string; page: number; pageSize: number },
) {
  const conditions: SQL[] = [];
  if (scope.regionPrefix !== undefined)
    conditions.push(like(institutions.regionCode, `${scope.regionPrefix}%`));
  if (scope.providerId) conditions.push(eq(settlements.providerId, scope.providerId));
  if (q.providerId) conditions.push(eq(settlements.providerId, q.providerId));
  if (q.month) conditions.push(eq(settlements.month, q.month));
  const where = and(...conditions);
  const [total] = await db
    .select({ n: count() })
    .from(settlements)
    .innerJoin(institutions, eq(institutions.id, settlements.providerId))
    .where(where);
  const items = await db
    .select(WITH_NAMES)
    .from(settlements)
    .innerJoin(institutions, eq(institutions.id, settlements.providerId))
    .leftJoin(accounts, eq(accounts.id, settlements.generatedBy))
    .where(where)
    .orderBy(desc(settlements.month), asc(institutions.name))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items, total: Number(total?.n ?? 0) };
}

/** Make a draft final (a conditional UPDATE); undefined when it is not a draft. */
export async function finalise(tx: Executor, id: string) {
  const [row] = await tx
    .update(settlements)
    .set({ status: 'final' })
    .where(and(eq(settlements.id, id), eq(settlements.status, 'draft')))
    .returning();
  return row;
}
