import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { staffRosters } from '../attendance/attendance.table.js';
import { classDays } from './bookings.table.js';
import { carersPerSlot } from './segments.js';

/** The carers rostered per half hour in a class on a day, from `staff_rosters`. */
export async function rosteredCarers(db: Executor, classId: string, day: string): Promise<number[]> {
  const shifts = await db
    .select({ startsMin: staffRosters.startsMin, endsMin: staffRosters.endsMin })
    .from(staffRosters)
    .where(and(eq(staffRosters.classId, classId), eq(staffRosters.day, day)));
  return carersPerSlot(shifts);
}

/**
 * After a roster change: lock the class day (if places were published for it) and write the
 * carers now rostered. Call inside the roster change's own transaction. A roster cut may leave
 * the class out of ratio for children already booked; the room board flags it, and no further
 * place is sold until carers are added.
 */
export async function refreshClassDayCarers(tx: Tx, classId: string, day: string): Promise<void> {
  const locked = await tx
    .select({ classId: classDays.classId })
    .from(classDays)
    .where(and(eq(classDays.classId, classId), eq(classDays.day, day)))
    .for('update');
  if (locked.length === 0) return;
  const carers = await rosteredCarers(tx, classId, day);
  await tx
    .update(classDays)
    .set({ carers: sql`${`{${carers.join(',')}}`}::smallint[]` as never })
    .where(and(eq(classDays.classId, classId), eq(classDays.day, day)));
}
