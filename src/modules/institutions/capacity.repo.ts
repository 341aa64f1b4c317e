import { asc, count, eq, sum } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { classes } from './classes.table.js';
import { institutionFunctions } from './institutions.table.js';

/** Childcare places of an institution per class type: classes, licensed places, children enrolled. */
export async function childcareByType(db: Executor, institutionId: string) {
  const rows = await db
    .select({
      classType: classes.type,
      classes: count(),
      licensed: sum(classes.capacity),
      enrolled: sum(classes.enrolled),
    })
    .from(classes)
    .where(eq(classes.institutionId, institutionId))
    .groupBy(classes.type);
  return rows.map((r) => ({
    classType: r.classType,
    classes: Number(r.classes),
    licensed: Number(r.licensed ?? 0),
    enrolled: Number(r.enrolled ?? 0),
  }));
}

/** What the institution offers and how much: places, beds, day places, seats. */
export async function listFunctions(db: Executor, institutionId: string) {
  return db
    .select({
      function: institutionFunctions.function,
      capacity: institutionFunctions.capacity,
      unit: institutionFunctions.unit,
    })
    .from(institutionFunctions)
    .where(eq(institutionFunctions.institutionId, institutionId))
    .orderBy(asc(institutionFunctions.function));
}
