import { and, asc, count, eq, gte, inArray, like, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import { monthRange } from '../bookings/days.js';
import { olderPeople } from '../people/people.table.js';
import { serviceOrders, visits } from './homecare.table.js';
import { joined, type OrderScope, scopeCondition, type VisitRow } from './orders.repo.js';

export async function findVisit(db: Executor, id: string): Promise<VisitRow | undefined> {
  const [row] = await db.select().from(visits).where(eq(visits.id, id));
  return row;
}

/** Lock the caregiver's account row: one caregiver's check-ins and check-outs happen one at a time. */
export async function lockCaregiver(tx: Executor, caregiverId: string): Promise<void> {
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, caregiverId)).for('update');
}

/** The caregiver's visit still open (checked in, not out), with the person's name. */
export async function findOpenVisit(db: Executor, caregiverId: string) {
  const [row] = await db
    .select({ id: visits.id, personName: olderPeople.name })
    .from(visits)
    .innerJoin(olderPeople, eq(olderPeople.id, visits.personId))
    .where(and(eq(visits.caregiverId, caregiverId), eq(visits.status, 'open')))
    .limit(1);
  return row;
}

export async function insertVisit(db: Executor, values: typeof visits.$inferInsert): Promise<VisitRow> {
  const [row] = await db.insert(visits).values(values).returning();
  return row!;
}

/** The caregiver's other checked-in visits within a day either side of a span (for overlap and travel). */
export async function caregiverVisitsAround(
  db: Executor,
  caregiverId: string,
  excludeId: string,
  from: Date,
  to: Date,
): Promise<VisitRow[]> {
  const day = 86_400_000;
  return db
    .select()
    .from(visits)
    .where(
      and(
        eq(visits.caregiverId, caregiverId),
        ne(visits.id, excludeId),
        gte(visits.checkInAt, new Date(from.getTime() - day)),
        lte(visits.checkInAt, new Date(to.getTime() + day)),
      ),
    )
    .orderBy(asc(visits.checkInAt));
}

/** Change a visit only while it is in one of `from` (a conditional UPDATE); undefined otherwise. */
export async function transitionVisit(
  db: Executor,
  id: string,
  from: readonly string[],
  values: { [K in keyof typeof visits.$inferInsert]?: (typeof visits.$inferInsert)[K] | SQL },
  extra?: SQL,
): Promise<VisitRow | undefined> {
  const [row] = await db
    .update(visits)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(visits.id, id), inArray(visits.status, [...from]), ...(extra ? [extra] : [])))
    .returning();
  return row;
}

/** Orders whose visit matches the filters (the review queue and the providers' exception list). */
export async function listVisitOrders(
  db: Executor,
  scope: OrderScope,
  q: {
    status: string;
    regionCode?: string;
    providerId?: string;
    month?: string;
    page: number;
    pageSize: number;
  },
) {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (q.status !== 'all') conditions.push(eq(visits.status, q.status));
  if (q.regionCode) conditions.push(like(serviceOrders.regionCode, `${q.regionCode}%`));
  if (q.providerId) conditions.push(eq(visits.providerId, q.providerId));
  if (q.month) {
    const { first, last } = monthRange(q.month);
    conditions.push(gte(visits.day, first), lte(visits.day, last));
  }
  const where = and(...conditions);
  const [total] = await db
    .select({ n: count() })
    .from(visits)
    .innerJoin(serviceOrders, eq(serviceOrders.id, visits.orderId))
    .where(where);
  const items = await joined(db)
    .where(and(where, sql`${visits.id} is not null`))
    .orderBy(asc(visits.day), asc(visits.checkInAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items, total: Number(total?.n ?? 0) };
}
