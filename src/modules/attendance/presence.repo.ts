import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { classes } from '../institutions/classes.table.js';
import { staff } from '../institutions/staff.table.js';
import { staffPresence } from './attendance.table.js';

export type PresenceRow = typeof staffPresence.$inferSelect;

/** A staff member, locked when `lock` is set, so one person's sign-ins and sign-outs queue. */
export async function findStaff(db: Executor, id: string, lock = false) {
  const query = db
    .select({
      id: staff.id,
      institutionId: staff.institutionId,
      name: staff.name,
      role: staff.role,
      status: staff.status,
    })
    .from(staff)
    .where(eq(staff.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The staff member's open presence row on the day (signed in, not out), with the class name. */
export async function openPresence(db: Executor, staffId: string, day: string) {
  const [row] = await db
    .select({ presence: staffPresence, className: classes.name })
    .from(staffPresence)
    .innerJoin(classes, eq(classes.id, staffPresence.classId))
    .where(and(eq(staffPresence.staffId, staffId), eq(staffPresence.day, day), isNull(staffPresence.outAt)));
  return row;
}

export async function insertPresence(
  tx: Tx,
  values: typeof staffPresence.$inferInsert,
): Promise<PresenceRow> {
  const [row] = await tx.insert(staffPresence).values(values).returning();
  return row!;
}

export async function closePresence(tx: Tx, id: string, at: Date): Promise<PresenceRow> {
  const [row] = await tx.update(staffPresence).set({ outAt: at }).where(eq(staffPresence.id, id)).returning();
  return row!;
}

/** Carers signed in to a room and not yet out, on the day, per class. */
export async function carersPresent(db: Executor, institutionId: string, day: string) {
  return db
    .select({
      classId: staffPresence.classId,
      staffId: staffPresence.staffId,
      name: staff.name,
      inAt: staffPresence.inAt,
    })
    .from(staffPresence)
    .innerJoin(staff, eq(staff.id, staffPresence.staffId))
    .where(
      and(
        eq(staffPresence.institutionId, institutionId),
        eq(staffPresence.day, day),
        isNull(staffPresence.outAt),
      ),
    )
    .orderBy(asc(staffPresence.inAt));
}
