import { and, asc, count, eq, ilike, inArray, like, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Scope } from '../accounts/scope.js';
import { classes } from './classes.table.js';
import type { InstitutionListFilters } from './institutions.schema.js';
import { institutionFunctions, institutions } from './institutions.table.js';
import { staff } from './staff.table.js';

export type InstitutionRow = typeof institutions.$inferSelect;
export type InstitutionValues = typeof institutions.$inferInsert;
export type FunctionRow = { function: string; capacity: number; unit: string };

/** The SQL condition that keeps a query of institutions inside the caller's scope. */
export function scopeCondition(scope: Scope): SQL {
  if (scope.kind === 'region') return like(institutions.regionCode, `${scope.prefix}%`);
  if (scope.kind === 'institution') return eq(institutions.id, scope.institutionId);
  return eq(institutions.id, '00000000-0000-0000-0000-000000000000');
}

const escapeLike = (q: string) => q.replace(/[%_\\]/g, '\\$&');

/** Institutions in the caller's scope whose name contains `q`, for pickers. */
export async function searchInstitutions(db: Executor, scope: Scope, q: string | undefined, limit: number) {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (q) conditions.push(ilike(institutions.name, `%${escapeLike(q)}%`));
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      kind: institutions.kind,
      regionCode: institutions.regionCode,
      status: institutions.status,
    })
    .from(institutions)
    .where(and(...conditions))
    .orderBy(institutions.regionCode, institutions.name)
    .limit(limit);
}

/** Whether an institution with this id exists at all (to tell 404 from 403). */
export async function institutionExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.id, id))
    .limit(1);
  return Boolean(row);
}

/** One institution, if it lies inside the caller's scope. */
export async function findInstitutionInScope(
  db: Executor,
  scope: Scope,
  id: string,
): Promise<InstitutionRow | undefined> {
  const [row] = await db
    .select()
    .from(institutions)
    .where(and(eq(institutions.id, id), scopeCondition(scope)))
    .limit(1);
  return row;
}

/** A page of institutions in scope matching the filters, by region then name. */
export async function listInstitutions(
  db: Executor,
  scope: Scope,
  filters: InstitutionListFilters,
): Promise<{ items: InstitutionRow[]; total: number }> {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (filters.q) conditions.push(ilike(institutions.name, `%${escapeLike(filters.q)}%`));
  if (filters.kind) conditions.push(eq(institutions.kind, filters.kind));
  if (filters.status) conditions.push(eq(institutions.status, filters.status));
  if (filters.regionCode) conditions.push(like(institutions.regionCode, `${filters.regionCode}%`));
  if (filters.affordable) conditions.push(eq(institutions.affordable, filters.affordable === 'true'));
  const where = and(...conditions);
  const [items, [totalRow]] = await Promise.all([
    db
      .select()
      .from(institutions)
      .where(where)
      .orderBy(institutions.regionCode, institutions.name, institutions.id)
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ total: count() }).from(institutions).where(where),
  ]);
  return { items, total: Number(totalRow?.total ?? 0) };
}

export async function insertInstitution(db: Executor, values: InstitutionValues): Promise<InstitutionRow> {
  const [row] = await db.insert(institutions).values(values).returning();
  return row!;
}

export async function updateInstitution(
  db: Executor,
  id: string,
  values: Partial<InstitutionValues>,
): Promise<InstitutionRow> {
  const [row] = await db
    .update(institutions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(institutions.id, id))
    .returning();
  return row!;
}

/** The functions of some institutions (already known to be in scope), keyed by institution. */
export async function listFunctionsOf(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, FunctionRow[]>> {
  const byId = new Map<string, FunctionRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const rows = await db
    .select()
    .from(institutionFunctions)
    .where(inArray(institutionFunctions.institutionId, [...ids]))
    .orderBy(asc(institutionFunctions.function));
  for (const row of rows) {
    byId.get(row.institutionId)?.push({ function: row.function, capacity: row.capacity, unit: row.unit });
  }
  return byId;
}

/** Replace every function of an institution with `rows`. */
export async function replaceFunctions(
  db: Executor,
  id: string,
  rows: readonly FunctionRow[],
): Promise<void> {
  await db.delete(institutionFunctions).where(eq(institutionFunctions.institutionId, id));
  if (rows.length > 0) {
    await db.insert(institutionFunctions).values(rows.map((r) => ({ ...r, institutionId: id })));
  }
}

/** Active classes and staff of an institution (known to be in scope). */
export async function countClassesAndStaff(
  db: Executor,
  id: string,
): Promise<{ classesCount: number; staffCount: number }> {
  const [[classRow], [staffRow]] = await Promise.all([
    db
      .select({ n: count() })
      .from(classes)
      .where(and(eq(classes.institutionId, id), eq(classes.status, 'active'))),
    db
      .select({ n: count() })
      .from(staff)
      .where(and(eq(staff.institutionId, id), eq(staff.status, 'active'))),
  ]);
  return { classesCount: Number(classRow?.n ?? 0), staffCount: Number(staffRow?.n ?? 0) };
}
