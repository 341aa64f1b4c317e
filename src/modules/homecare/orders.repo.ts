import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  like,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import { householdMembers, households } from '../households/households.table.js';
import { institutions } from '../institutions/institutions.table.js';
import { olderPeople } from '../people/people.table.js';
import { serviceItems, serviceOrders, visits } from './homecare.table.js';

export type OrderRow = typeof serviceOrders.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;
export type PersonRow = typeof olderPeople.$inferSelect;

const caregiver = aliasedTable(accounts, 'caregiver');
const visitCaregiver = aliasedTable(accounts, 'visit_caregiver');

/** An order with everything its view shows: person, item, provider, caregiver, visit. */
const ORDER_FIELDS = {
  order: serviceOrders,
  person: {
    id: olderPeople.id,
    name: olderPeople.name,
    birthDate: olderPeople.birthDate,
    regionCode: olderPeople.regionCode,
    address: olderPeople.address,
    phone: olderPeople.phone,
    homeLat: olderPeople.homeLat,
    homeLng: olderPeople.homeLng,
  },
  item: {
    id: serviceItems.id,
    code: serviceItems.code,
    name: serviceItems.name,
    type: serviceItems.type,
    category: serviceItems.category,
  },
  providerName: institutions.name,
  caregiverName: caregiver.displayName,
  visit: visits,
  visitCaregiverName: visitCaregiver.displayName,
};

export function joined(db: Executor) {
  return db
    .select(ORDER_FIELDS)
    .from(serviceOrders)
    .innerJoin(olderPeople, eq(olderPeople.id, serviceOrders.personId))
    .innerJoin(serviceItems, eq(serviceItems.id, serviceOrders.itemId))
    .leftJoin(institutions, eq(institutions.id, serviceOrders.providerId))
    .leftJoin(caregiver, eq(caregiver.id, serviceOrders.caregiverId))
    .leftJoin(visits, eq(visits.orderId, serviceOrders.id))
    .leftJoin(visitCaregiver, eq(visitCaregiver.id, visits.caregiverId));
}
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof findOrderDetail>>>;

export async function findOrderDetail(db: Executor, id: string) {
  const [row] = await joined(db).where(eq(serviceOrders.id, id));
  return row;
}

/** Who may see which orders: a region, a provider, a resident's family, a caregiver. */
export type OrderScope =
  | { kind: 'region'; prefix: string }
  | { kind: 'provider'; providerId: string }
  | { kind: 'family'; accountId: string };

/** The older people whose ID number a member of the account's household carries. */
export function familyPeople(accountId: string) {
  return sql`(select ${olderPeople.id} from ${olderPeople}
    join ${householdMembers} on ${householdMembers.idNumberIndex} = ${olderPeople.idNumberIndex}
      and ${householdMembers.status} = 'active'
    join ${households} on ${households.id} = ${householdMembers.householdId}
    where ${households.ownerAccountId} = ${accountId})`;
}

export function scopeCondition(scope: OrderScope): SQL {
  if (scope.kind === 'region') return like(serviceOrders.regionCode, `${scope.prefix}%`);
  if (scope.kind === 'provider') return eq(serviceOrders.providerId, scope.providerId);
  return inArray(serviceOrders.personId, familyPeople(scope.accountId));
}

export async function listOrders(
  db: Executor,
  scope: OrderScope,
  q: {
    regionCode?: string;
    providerId?: string;
    personId?: string;
    from?: string;
    to?: string;
    status?: string;
    page: number;
    pageSize: number;
  },
) {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (q.regionCode) conditions.push(like(serviceOrders.regionCode, `${q.regionCode}%`));
  if (q.providerId) conditions.push(eq(serviceOrders.providerId, q.providerId));
  if (q.personId) conditions.push(eq(serviceOrders.personId, q.personId));
  if (q.from) conditions.push(gte(serviceOrders.scheduledOn, q.from));
  if (q.to) conditions.push(lte(serviceOrders.scheduledOn, q.to));
  if (q.status) conditions.push(eq(serviceOrders.status, q.status));
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(serviceOrders).where(where);
  const items = await joined(db)
    .where(where)
    .orderBy(
      desc(serviceOrders.scheduledOn),
      asc(serviceOrders.scheduledStartMin),
      desc(serviceOrders.createdAt),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items, total: Number(total?.n ?? 0) };
}

/** A caregiver's orders of a day, plus any visit of theirs still open from another day. */
export async function caregiverDay(db: Executor, caregiverId: string, day: string) {
  return joined(db)
    .where(
      or(
        and(eq(serviceOrders.caregiverId, caregiverId), eq(serviceOrders.scheduledOn, day)),
        and(eq(visits.caregiverId, caregiverId), eq(visits.status, 'open')),
      ),
    )
    .orderBy(
      asc(serviceOrders.scheduledOn),
      asc(serviceOrders.scheduledStartMin),
      asc(serviceOrders.createdAt),
    );
}

export async function findOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(serviceOrders).where(eq(serviceOrders.id, id));
  return row;
}

export async function findPerson(db: Executor, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(olderPeople).where(eq(olderPeople.id, id));
  return row;
}

export async function insertOrder(db: Executor, values: typeof serviceOrders.$inferInsert) {
  const [row] = await db.insert(serviceOrders).values(values).returning();
  return row!;
}

/** Change an order only while it is in one of `from` (a conditional UPDATE); undefined otherwise. */
export async function transitionOrder(
  db: Executor,
  id: string,
  from: readonly string[],
  values: Partial<typeof serviceOrders.$inferInsert>,
): Promise<OrderRow | undefined> {
  const [row] = await db
    .update(serviceOrders)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(serviceOrders.id, id), inArray(serviceOrders.status, [...from])))
    .returning();
  return row;
}

/** Whether the person already has a (not cancelled) order with the provider: one of its clients. */
export async function isClientOf(db: Executor, personId: string, providerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: serviceOrders.id })
    .from(serviceOrders)
    .where(
      and(
        eq(serviceOrders.personId, personId),
        eq(serviceOrders.providerId, providerId),
        ne(serviceOrders.status, 'cancelled'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findAccount(db: Executor, id: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

/** Active admins of an institution (told of new orders and exceptions). */
export async function institutionAdmins(db: Executor, institutionId: string): Promise<string[]> {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.institutionId, institutionId),
        eq(accounts.role, 'institution_admin'),
        eq(accounts.status, 'active'),
      ),
    );
  return rows.map((r) => r.id);
}

/** Resident accounts whose household carries the person's ID number (the family to ask for confirmation). */
export async function familyAccounts(db: Executor, personIdNumberIndex: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: households.ownerAccountId })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(
      and(eq(householdMembers.idNumberIndex, personIdNumberIndex), eq(householdMembers.status, 'active')),
    );
  return rows.map((r) => r.id);
}
