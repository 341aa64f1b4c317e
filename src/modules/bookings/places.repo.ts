import { type Executor, queryPrepared, type Tx } from '../../db/client.js';
import {
  type ClassDayState,
  classDayKey,
  type InstitutionDayState,
  institutionDayKey,
  type OfferState,
  PlaceState,
} from './places.js';

const pgArray = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

/** The locked rows as `lock_places` (migration 0010) returns them. */
export interface LockedRows {
  institutionDays: InstitutionDayState[];
  classDays: (ClassDayState & { institutionId: string })[];
  offers: OfferState[];
}

/** A PlaceState over rows returned by `lock_places`. */
export function placeStateOf(rows: LockedRows): PlaceState {
  const state = new PlaceState();
  for (const r of rows.institutionDays)
    state.institutionDays.set(institutionDayKey(r.institutionId, r.day), r);
  for (const r of rows.classDays) state.classDays.set(classDayKey(r.classId, r.day), r);
  for (const r of rows.offers) state.offers.set(r.id, r);
  return state;
}

/**
 * Lock, in the one global order every transaction of the engine uses — institution days, class
 * days, offers, household members — the rows needed to take or release places on `offerIds`,
 * and return them as a PlaceState. Concurrent bookings of the same places queue on these locks;
 * acquiring them always in this order means they cannot deadlock. One round trip: the SQL
 * function `lock_places` (migration 0010) takes the locks with ORDER BY … FOR UPDATE per table.
 */
export async function lockPlaces(
  tx: Tx,
  offerIds: readonly string[],
  memberIds: readonly string[] = [],
): Promise<PlaceState> {
  const ids = [...new Set(offerIds)];
  if (ids.length === 0) return new PlaceState();
  const members = [...new Set(memberIds)];
  const [row] = await queryPrepared<{ rows: LockedRows }>(
    tx,
    'lock_places',
    'SELECT lock_places($1::uuid[], $2::uuid[]) AS rows',
    [pgArray(ids), pgArray(members)],
  );
  return placeStateOf(row!.rows);
}

/** The rows `applyPlaces` changed, in the shape `booking_write` (migration 0010) takes; clears them. */
export function takeDirty(state: PlaceState) {
  const out = {
    offers: [...state.dirtyOffers].map((id) => ({ id, taken: state.offers.get(id)!.taken })),
    classDays: [...state.dirtyClassDays].map((k) => {
      const r = state.classDays.get(k)!;
      return { classId: r.classId, day: r.day, present: r.present };
    }),
    institutionDays: [...state.dirtyInstitutionDays].map((k) => {
      const r = state.institutionDays.get(k)!;
      return { institutionId: r.institutionId, day: r.day, present: r.present };
    }),
  };
  state.dirtyOffers.clear();
  state.dirtyClassDays.clear();
  state.dirtyInstitutionDays.clear();
  return out;
}

/** Write back the rows `applyPlaces` changed, in one statement. */
export async function flushPlaces(tx: Executor, state: PlaceState): Promise<void> {
  if (state.dirtyOffers.size + state.dirtyClassDays.size + state.dirtyInstitutionDays.size === 0) return;
  await queryPrepared(tx, 'booking_write', 'SELECT booking_write($1::jsonb)', [
    JSON.stringify(takeDirty(state)),
  ]);
}
