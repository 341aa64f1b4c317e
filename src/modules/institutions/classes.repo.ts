import { and, asc, count, eq, inArray, like, ne, type SQL, sql, sum } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import type { Scope } from '../accounts/scope.js';
import { classes } from './classes.table.js';
import { institutions } from './institutions.table.js';
import { staff } from './staff.table.js';

/** Staff roles counted as carers for the ratio, and the only ones assigned to a class. */
export const CARER_ROLES = ['carer', 'teacher'] as const;

/** What classes, staff and compliance need to know of an institution. */
export interface InstitutionFacts {
  id: string;
  name: string;
  kind: string;
  regionCode: string;
  floor: number | null;
}

function scopeCondition(scope: Scope): SQL {
  if (scope.kind === 'region') return like(institutions.regionCode, `${scope.prefix}%`);
  if (scope.kind === 'institution') return eq(institutions.id, scope.institutionId);
  return sql`false`;
}

const factsColumns = {
  id: institutions.id,
  name: institutions.name,
  kind: institutions.kind,
  regionCode: institutions.regionCode,
  floor: institutions.floor,
};

/** The institution when it lies in the caller's scope. */
export async function findInstitutionInScope(
  db: Executor,
  scope: Scope,
  id: string,
): Promise<InstitutionFacts | undefined> {
  const [row] = await db
    .select(factsColumns)
    .from(institutions)
    .where(and(eq(institutions.id, id), scopeCondition(scope)));
  return row;
}

/** Whether an institution exists at all (to tell 403 from 404 after a scoped miss). */
export async function institutionExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, id));
  return Boolean(row);
}

/**
 * Lock the institution's row for the rest of the transaction, so changes to its classes and
 * staff (home-point totals, duplicate ID numbers, carer counts) are decided one at a time.
 */
export async function lockInstitution(tx: Tx, id: string): Promise<void> {
  await tx.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, id)).for('update');
}

export type ClassRow = typeof classes.$inferSelect;

/** Which institution a class belongs to (the caller's scope is checked on that institution). */
export async function findClassInstitution(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ institutionId: classes.institutionId })
    .from(classes)
    .where(eq(classes.id, id));
  return row?.institutionId;
}

/** A class of the institution, locked when `lock` is set (inside a transaction). */
export async function findClass(
  db: Executor,
  institutionId: string,
  id: string,
  lock = false,
): Promise<ClassRow | undefined> {
  const query = db
    .select()
    .from(classes)
    .where(and(eq(classes.id, id), eq(classes.institutionId, institutionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Every class of an institution, by name. */
export async function listClasses(db: Executor, institutionId: string): Promise<ClassRow[]> {
  return db
    .select()
    .from(classes)
    .where(eq(classes.institutionId, institutionId))
    .orderBy(asc(classes.name), asc(classes.createdAt));
}

/** Active carers and teachers assigned to the given classes. */
export async function listAssignedCarers(db: Executor, classIds: string[]) {
  if (classIds.length === 0) return [];
  return db
    .select({ id: staff.id, name: staff.name, role: staff.role, classId: staff.classId })
    .from(staff)
    .where(
      and(
        inArray(staff.classId, classIds),
        eq(staff.status, 'active'),
        inArray(staff.role, [...CARER_ROLES]),
      ),
    )
    .orderBy(asc(staff.name));
}

/** Active carers of a class, leaving out one staff member (the one about to be removed). */
export async function countCarers(db: Executor, classId: string, excludeStaffId?: string): Promise<number> {
  const conditions = [
    eq(staff.classId, classId),
    eq(staff.status, 'active'),
    inArray(staff.role, [...CARER_ROLES]),
  ];
  if (excludeStaffId) conditions.push(ne(staff.id, excludeStaffId));
  const [row] = await db
    .select({ n: count() })
    .from(staff)
    .where(and(...conditions));
  return Number(row?.n ?? 0);
}

/** Places of the institution's home-point classes, leaving out one class (the one being changed). */
export async function sumHomePointCapacity(
  db: Executor,
  institutionId: string,
  excludeClassId?: string,
): Promise<number> {
  const conditions = [eq(classes.institutionId, institutionId), eq(classes.type, 'home_point')];
  if (excludeClassId) conditions.push(ne(classes.id, excludeClassId));
  const [row] = await db
    .select({ total: sum(classes.capacity) })
    .from(classes)
    .where(and(...conditions));
  return Number(row?.total ?? 0);
}

export async function insertClass(
  tx: Tx,
  values: { institutionId: string; name: string; type: string; capacity: number; room: string | null },
): Promise<ClassRow> {
  const [row] = await tx.insert(classes).values(values).returning();
  return row!;
}

/**
 * Change a class; a new capacity only takes when it still covers the children enrolled at that
 * moment (one conditional statement, so a concurrent enrolment cannot be undercut). Returns
 * nothing when the condition failed.
 */
export async function updateClass(
  tx: Tx,
  id: string,
  changes: Partial<Pick<ClassRow, 'name' | 'type' | 'capacity' | 'room'>>,
): Promise<ClassRow | undefined> {
  const conditions = [eq(classes.id, id)];
  if (changes.capacity !== undefined) conditions.push(sql`${classes.enrolled} <= ${changes.capacity}`);
  const [row] = await tx
    .update(classes)
    .set(changes)
    .where(and(...conditions))
    .returning();
  return row;
}

/** Delete a class only while no child is enrolled; returns whether it was deleted. */
export async function deleteEmptyClass(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .delete(classes)
    .where(and(eq(classes.id, id), eq(classes.enrolled, 0)))
    .returning({ id: classes.id });
  return rows.length > 0;
}
