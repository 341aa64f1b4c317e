import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { classDays } from '../bookings/bookings.table.js';
import { CARER_ROLES } from '../institutions/classes.repo.js';
import { classes } from '../institutions/classes.table.js';
import { staff } from '../institutions/staff.table.js';
import { staffRosters } from './attendance.table.js';

export type ClassRow = typeof classes.$inferSelect;
export type ClassDayRow = typeof classDays.$inferSelect;

/** The active classes of an institution, by name (optionally one of them). */
export async function activeClasses(
  db: Executor,
  institutionId: string,
  classId?: string,
): Promise<ClassRow[]> {
  const conditions = [eq(classes.institutionId, institutionId), eq(classes.status, 'active')];
  if (classId) conditions.push(eq(classes.id, classId));
  return db
    .select()
    .from(classes)
    .where(and(...conditions))
    .orderBy(asc(classes.name), asc(classes.createdAt));
}

/** Active carers and teachers of an institution, who may be rostered. */
export async function rosterableStaff(db: Executor, institutionId: string) {
  return db
    .select({ id: staff.id, name: staff.name, role: staff.role })
    .from(staff)
    .where(
      and(
        eq(staff.institutionId, institutionId),
        eq(staff.status, 'active'),
        inArray(staff.role, [...CARER_ROLES]),
      ),
    )
    .orderBy(asc(staff.name));
}

/** Staff members by id (any institution, any status: the service tells the reasons apart). */
export async function staffByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: staff.id,
      institutionId: staff.institutionId,
      name: staff.name,
      role: staff.role,
      status: staff.status,
    })
    .from(staff)
    .where(inArray(staff.id, [...new Set(ids)]));
}

export interface ShiftRow {
  id: string;
  classId: string;
  staffId: string;
  staffName: string;
  role: string;
  startsMin: number;
  endsMin: number;
}

const shiftColumns = {
  id: staffRosters.id,
  classId: staffRosters.classId,
  staffId: staffRosters.staffId,
  staffName: staff.name,
  role: staff.role,
  startsMin: staffRosters.startsMin,
  endsMin: staffRosters.endsMin,
};

/** The shifts of the given classes on a day, by start time. */
export async function shiftsOf(db: Executor, classIds: readonly string[], day: string): Promise<ShiftRow[]> {
  if (classIds.length === 0) return [];
  return db
    .select(shiftColumns)
    .from(staffRosters)
    .innerJoin(staff, eq(staff.id, staffRosters.staffId))
    .where(and(inArray(staffRosters.classId, [...classIds]), eq(staffRosters.day, day)))
    .orderBy(asc(staffRosters.startsMin), asc(staff.name));
}

/** Shifts the given staff have on a day in classes other than `classId` (to refuse double rostering). */
export async function otherShifts(tx: Executor, staffIds: readonly string[], day: string, classId: string) {
  if (staffIds.length === 0) return [];
  return tx
    .select({ ...shiftColumns, className: classes.name })
    .from(staffRosters)
    .innerJoin(staff, eq(staff.id, staffRosters.staffId))
    .innerJoin(classes, eq(classes.id, staffRosters.classId))
    .where(
      and(
        inArray(staffRosters.staffId, [...new Set(staffIds)]),
        eq(staffRosters.day, day),
        ne(staffRosters.classId, classId),
      ),
    );
}

/** Replace a class-day's shifts; returns the rows now stored. */
export async function replaceShifts(
  tx: Tx,
  values: { institutionId: string; classId: string; day: string },
  shifts: readonly { staffId: string; startsMin: number; endsMin: number }[],
) {
  await tx
    .delete(staffRosters)
    .where(and(eq(staffRosters.classId, values.classId), eq(staffRosters.day, values.day)));
  if (shifts.length === 0) return [];
  return tx
    .insert(staffRosters)
    .values(shifts.map((s) => ({ ...values, ...s })))
    .returning();
}

/** The class days (published places) of the given classes on a day. */
export async function classDaysOf(
  db: Executor,
  classIds: readonly string[],
  day: string,
): Promise<ClassDayRow[]> {
  if (classIds.length === 0) return [];
  return db
    .select()
    .from(classDays)
    .where(and(inArray(classDays.classId, [...classIds]), eq(classDays.day, day)));
}
