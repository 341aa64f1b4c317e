import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { householdMembers } from '../households/households.table.js';
import { classDays, institutionDays, offers } from './bookings.table.js';
import { classDayKey, institutionDayKey, PlaceState } from './places.js';

const pgArray = (values: readonly (string | number)[]) => `{${values.join(',')}}`;
const pgTextArray = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/**
 * Lock, in the one global order every transaction of the engine uses — institution days, class
 * days, offers, household members — the rows needed to take or release places on `offerIds`,
 * and return them as a PlaceState. Concurrent bookings of the same places queue on these locks;
 * acquiring them always in this order means they cannot deadlock.
 */
export async function lockPlaces(
  tx: Tx,
  offerIds: readonly string[],
  memberIds: readonly string[] = [],
): Promise<PlaceState> {
  const state = new PlaceState();
  const ids = [...new Set(offerIds)];
  if (ids.length === 0) return state;
  const shape = await tx
    .select({
      institutionId: offers.institutionId,
      classId: offers.classId,
      day: offers.day,
      service: offers.service,
    })
    .from(offers)
    .where(inArray(offers.id, ids));
  const childcare = shape.filter((o) => o.service === 'childcare' && o.classId);
  const institutionIds = [...new Set(childcare.map((o) => o.institutionId))];
  const classIds = [...new Set(childcare.map((o) => o.classId!))];
  const days = [...new Set(childcare.map((o) => o.day))];
  if (childcare.length > 0) {
    const instRows = await tx
      .select()
      .from(institutionDays)
      .where(and(inArray(institutionDays.institutionId, institutionIds), inArray(institutionDays.day, days)))
      .orderBy(asc(institutionDays.institutionId), asc(institutionDays.day))
      .for('update');
    for (const r of instRows) {
      state.institutionDays.set(institutionDayKey(r.institutionId, r.day), { ...r, present: [...r.present] });
    }
    const classRows = await tx
      .select()
      .from(classDays)
      .where(and(inArray(classDays.classId, classIds), inArray(classDays.day, days)))
      .orderBy(asc(classDays.classId), asc(classDays.day))
      .for('update');
    for (const r of classRows) {
      state.classDays.set(classDayKey(r.classId, r.day), {
        ...r,
        present: [...r.present],
        carers: [...r.carers],
      });
    }
  }
  const offerRows = await tx
    .select({
      id: offers.id,
      institutionId: offers.institutionId,
      classId: offers.classId,
      service: offers.service,
      form: offers.form,
      day: offers.day,
      startsMin: offers.startsMin,
      endsMin: offers.endsMin,
      capacity: offers.capacity,
      taken: offers.taken,
      status: offers.status,
    })
    .from(offers)
    .where(inArray(offers.id, ids))
    .orderBy(asc(offers.id))
    .for('update');
  for (const r of offerRows) state.offers.set(r.id, r);
  const members = [...new Set(memberIds)];
  if (members.length > 0) {
    await tx
      .select({ id: householdMembers.id })
      .from(householdMembers)
      .where(inArray(householdMembers.id, members))
      .orderBy(asc(householdMembers.id))
      .for('update');
  }
  return state;
}

/** Write back the rows `applyPlaces` changed: one statement per table. */
export async function flushPlaces(tx: Executor, state: PlaceState): Promise<void> {
  if (state.dirtyOffers.size > 0) {
    const rows = [...state.dirtyOffers].map((id) => state.offers.get(id)!);
    await tx.execute(sql`
      UPDATE offers AS o SET taken = d.taken, updated_at = now()
      FROM unnest(${pgArray(rows.map((r) => r.id))}::uuid[], ${pgArray(rows.map((r) => r.taken))}::smallint[]) AS d(id, taken)
      WHERE o.id = d.id`);
    state.dirtyOffers.clear();
  }
  if (state.dirtyClassDays.size > 0) {
    const rows = [...state.dirtyClassDays].map((k) => state.classDays.get(k)!);
    await tx.execute(sql`
      UPDATE class_days AS c SET present = d.present::smallint[]
      FROM unnest(${pgArray(rows.map((r) => r.classId))}::uuid[], ${pgArray(rows.map((r) => r.day))}::date[],
                  ${pgTextArray(rows.map((r) => pgArray(r.present)))}::text[]) AS d(class_id, day, present)
      WHERE c.class_id = d.class_id AND c.day = d.day`);
    state.dirtyClassDays.clear();
  }
  if (state.dirtyInstitutionDays.size > 0) {
    const rows = [...state.dirtyInstitutionDays].map((k) => state.institutionDays.get(k)!);
    await tx.execute(sql`
      UPDATE institution_days AS i SET present = d.present::smallint[]
      FROM unnest(${pgArray(rows.map((r) => r.institutionId))}::uuid[], ${pgArray(rows.map((r) => r.day))}::date[],
                  ${pgTextArray(rows.map((r) => pgArray(r.present)))}::text[]) AS d(institution_id, day, present)
      WHERE i.institution_id = d.institution_id AND i.day = d.day`);
    state.dirtyInstitutionDays.clear();
  }
}
