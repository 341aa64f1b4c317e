import {
  and,
  asc,
  count,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  like,
  lte,
  ne,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '../../db/client.js';
import type { Scope } from '../accounts/scope.js';
import { classes } from './classes.table.js';
import { institutions } from './institutions.table.js';
import { staff, staffCertificates } from './staff.table.js';

export type StaffRow = typeof staff.$inferSelect;
export type CertificateRow = typeof staffCertificates.$inferSelect;

/** Every staff member of an institution (cipher included, for masking), with their class name. */
export async function listStaff(db: Executor, institutionId: string) {
  return db
    .select({ staff, className: classes.name })
    .from(staff)
    .leftJoin(classes, eq(classes.id, staff.classId))
    .where(eq(staff.institutionId, institutionId))
    .orderBy(asc(staff.name), asc(staff.createdAt));
}

/** Certificates of the given staff members, soonest expiry last-issued first. */
export async function listCertificates(db: Executor, staffIds: string[]): Promise<CertificateRow[]> {
  if (staffIds.length === 0) return [];
  return db
    .select()
    .from(staffCertificates)
    .where(inArray(staffCertificates.staffId, staffIds))
    .orderBy(asc(staffCertificates.kind), asc(staffCertificates.issuedOn));
}

/** Which institution a staff member belongs to (the caller's scope is checked on it). */
export async function findStaffInstitution(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db.select({ institutionId: staff.institutionId }).from(staff).where(eq(staff.id, id));
  return row?.institutionId;
}

/** A staff member of the institution, locked when `lock` is set (inside a transaction). */
export async function findStaff(
  db: Executor,
  institutionId: string,
  id: string,
  lock = false,
): Promise<StaffRow | undefined> {
  const query = db
    .select()
    .from(staff)
    .where(and(eq(staff.id, id), eq(staff.institutionId, institutionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Whether another staff member of the institution has the same ID number (by blind index). */
export async function idNumberTaken(
  db: Executor,
  institutionId: string,
  index: string,
  excludeStaffId?: string,
): Promise<boolean> {
  const conditions = [eq(staff.institutionId, institutionId), eq(staff.idNumberIndex, index)];
  if (excludeStaffId) conditions.push(ne(staff.id, excludeStaffId));
  const [row] = await db
    .select({ n: count() })
    .from(staff)
    .where(and(...conditions));
  return Number(row?.n ?? 0) > 0;
}

export type StaffValues = Omit<typeof staff.$inferInsert, 'id' | 'createdAt'>;

export async function insertStaff(tx: Tx, values: StaffValues): Promise<StaffRow> {
  const [row] = await tx.insert(staff).values(values).returning();
  return row!;
}

export async function updateStaff(tx: Tx, id: string, changes: Partial<StaffValues>): Promise<StaffRow> {
  const [row] = await tx.update(staff).set(changes).where(eq(staff.id, id)).returning();
  return row!;
}

export async function deleteStaff(tx: Tx, id: string): Promise<void> {
  await tx.delete(staff).where(eq(staff.id, id));
}

export async function insertCertificate(
  tx: Tx,
  values: Omit<typeof staffCertificates.$inferInsert, 'id' | 'createdAt'>,
): Promise<CertificateRow> {
  const [row] = await tx.insert(staffCertificates).values(values).returning();
  return row!;
}

/** A certificate with the institution it belongs to (through its staff member). */
export async function findCertificate(db: Executor, id: string) {
  const [row] = await db
    .select({ certificate: staffCertificates, institutionId: staff.institutionId })
    .from(staffCertificates)
    .innerJoin(staff, eq(staff.id, staffCertificates.staffId))
    .where(eq(staffCertificates.id, id));
  return row;
}

export async function deleteCertificate(tx: Tx, id: string): Promise<void> {
  await tx.delete(staffCertificates).where(eq(staffCertificates.id, id));
}

function scopeCondition(scope: Scope): SQL {
  if (scope.kind === 'region') return like(institutions.regionCode, `${scope.prefix}%`);
  if (scope.kind === 'institution') return eq(institutions.id, scope.institutionId);
  return sql`false`;
}

const newer = alias(staffCertificates, 'newer');

/**
 * Certificates of active staff in the caller's scope (and, for officials, of the institution
 * kinds their department supervises) whose last valid day is on or before
 * `cutoff` (so expired ones too), unless a certificate of the same kind held by the same person
 * runs longer (a renewal). Soonest first.
 */
export async function listExpiring(
  db: Executor,
  scope: Scope,
  cutoff: string,
  page: number,
  pageSize: number,
  kinds?: string[],
) {
  const renewed = db
    .select({ one: sql`1` })
    .from(newer)
    .where(
      and(
        eq(newer.staffId, staffCertificates.staffId),
        eq(newer.kind, staffCertificates.kind),
        or(isNull(newer.expiresOn), gt(newer.expiresOn, staffCertificates.expiresOn)),
      ),
    );
  const where = and(
    scopeCondition(scope),
    eq(staff.status, 'active'),
    isNotNull(staffCertificates.expiresOn),
    lte(staffCertificates.expiresOn, cutoff),
    notExists(renewed),
    kinds ? inArray(institutions.kind, kinds) : undefined,
  );
  const from = () =>
    db
      .select({
        certificate: staffCertificates,
        staffName: staff.name,
        staffRole: staff.role,
        institutionId: institutions.id,
        institutionName: institutions.name,
        regionCode: institutions.regionCode,
      })
      .from(staffCertificates)
      .innerJoin(staff, eq(staff.id, staffCertificates.staffId))
      .innerJoin(institutions, eq(institutions.id, staff.institutionId));
  const items = await from()
    .where(where)
    .orderBy(asc(staffCertificates.expiresOn), asc(institutions.name), asc(staff.name))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(staffCertificates)
    .innerJoin(staff, eq(staff.id, staffCertificates.staffId))
    .innerJoin(institutions, eq(institutions.id, staff.institutionId))
    .where(where);
  return { items, total: Number(total?.n ?? 0) };
}
