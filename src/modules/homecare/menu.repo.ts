import { and, asc, count, eq, ilike, inArray, like, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import type { Scope } from '../accounts/scope.js';
import { institutions } from '../institutions/institutions.table.js';
import { providerItems, serviceItems } from './homecare.table.js';

export type ItemRow = typeof serviceItems.$inferSelect;
export type InstitutionRow = typeof institutions.$inferSelect;

/** Institution kinds that may provide door-to-door elderly services (the elderly and mixed sectors). */
export const PROVIDER_KINDS = [
  'elderly_care_institution',
  'community_elderly_centre',
  'meal_point',
  'service_complex',
] as const;

/**
 * The items of every menu that applies in `regionCode`: national ones and those of each region
 * above it. The same code defined at several levels keeps the most specific definition.
 */
export async function menuFor(
  db: Executor,
  regionCode: string,
  filters: { category?: string; status?: 'active' | 'retired' | 'all' } = {},
): Promise<ItemRow[]> {
  const conditions = [sql`starts_with(${regionCode}, ${serviceItems.regionPrefix})`];
  if (filters.category) conditions.push(eq(serviceItems.category, filters.category));
  if (filters.status !== 'all') conditions.push(eq(serviceItems.status, filters.status ?? 'active'));
  const rows = await db
    .select()
    .from(serviceItems)
    .where(and(...conditions))
    .orderBy(asc(serviceItems.category), asc(serviceItems.code));
  const byCode = new Map<string, ItemRow>();
  for (const row of rows) {
    const kept = byCode.get(row.code);
    if (!kept || row.regionPrefix.length > kept.regionPrefix.length) byCode.set(row.code, row);
  }
  return rows.filter((r) => byCode.get(r.code) === r);
}

export async function findItem(db: Executor, id: string): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(serviceItems).where(eq(serviceItems.id, id));
  return row;
}

export async function insertItem(db: Executor, values: typeof serviceItems.$inferInsert) {
  const [row] = await db.insert(serviceItems).values(values).returning();
  return row!;
}

export async function updateItem(
  db: Executor,
  id: string,
  values: Partial<typeof serviceItems.$inferInsert>,
) {
  const [row] = await db.update(serviceItems).set(values).where(eq(serviceItems.id, id)).returning();
  return row!;
}

export async function findInstitution(db: Executor, id: string): Promise<InstitutionRow | undefined> {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
  return row;
}

/** A provider's items with the menu entry of each. */
export async function listProviderItems(db: Executor, institutionId: string) {
  return db
    .select({ item: serviceItems, ownPriceCents: providerItems.priceCents })
    .from(providerItems)
    .innerJoin(serviceItems, eq(serviceItems.id, providerItems.itemId))
    .where(eq(providerItems.institutionId, institutionId))
    .orderBy(asc(serviceItems.category), asc(serviceItems.code));
}

/** One item as the provider offers it (undefined when it does not). */
export async function findProviderItem(db: Executor, institutionId: string, itemId: string) {
  const [row] = await db
    .select({ ownPriceCents: providerItems.priceCents })
    .from(providerItems)
    .where(and(eq(providerItems.institutionId, institutionId), eq(providerItems.itemId, itemId)));
  return row;
}

/** Replace the items a provider offers, in the caller's transaction. */
export async function replaceProviderItems(
  tx: Executor,
  institutionId: string,
  items: { itemId: string; priceCents: number | null }[],
) {
  await tx.delete(providerItems).where(eq(providerItems.institutionId, institutionId));
  if (items.length > 0) {
    await tx.insert(providerItems).values(items.map((i) => ({ institutionId, ...i })));
  }
}

/** Providers (elderly kinds) in a scope, optionally only those offering an item, with their item counts. */
export async function listProviders(
  db: Executor,
  scope: Scope,
  filters: { regionCode?: string; itemId?: string; q?: string },
) {
  const conditions = [inArray(institutions.kind, [...PROVIDER_KINDS])];
  if (scope.kind === 'region') conditions.push(like(institutions.regionCode, `${scope.prefix}%`));
  if (scope.kind === 'institution') conditions.push(eq(institutions.id, scope.institutionId));
  if (filters.regionCode) conditions.push(like(institutions.regionCode, `${filters.regionCode}%`));
  if (filters.q) conditions.push(ilike(institutions.name, `%${filters.q}%`));
  if (filters.itemId) {
    conditions.push(
      sql`exists (select 1 from ${providerItems} where ${providerItems.institutionId} = ${institutions.id} and ${providerItems.itemId} = ${filters.itemId})`,
    );
  }
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      kind: institutions.kind,
      regionCode: institutions.regionCode,
      status: institutions.status,
      itemCount: sql<number>`(select count(*)::int from ${providerItems} where ${providerItems.institutionId} = ${institutions.id})`,
    })
    .from(institutions)
    .where(and(...conditions))
    .orderBy(asc(institutions.name))
    .limit(200);
}

/** Accounts that may be sent on visits: active staff and admins of the institution. */
export async function listCaregivers(db: Executor, institutionId: string) {
  return db
    .select({ id: accounts.id, name: accounts.displayName, role: accounts.role })
    .from(accounts)
    .where(
      and(
        eq(accounts.institutionId, institutionId),
        eq(accounts.status, 'active'),
        inArray(accounts.role, ['institution_staff', 'institution_admin']),
      ),
    )
    .orderBy(asc(accounts.displayName));
}

export async function countItemsWithCode(db: Executor, regionPrefix: string, code: string) {
  const [row] = await db
    .select({ n: count() })
    .from(serviceItems)
    .where(and(eq(serviceItems.regionPrefix, regionPrefix), eq(serviceItems.code, code)));
  return Number(row?.n ?? 0);
}
